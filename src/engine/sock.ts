/**
 * Creating sockets and the small predicates af_unix.c uses everywhere.
 */
import { emit, newFile } from './kernel';
import type { Kernel, OpenFile, Process, SkState, SockType, UnixSock } from './types';

/** A new unconnected socket. Mirrors unix_create1(): TCP_CLOSE, default buffers, max_dgram_qlen backlog. */
export function unix_create1(k: Kernel, type: SockType, pid: number): UnixSock {
  const sock: UnixSock = {
    id: k.nextIno++,
    type,
    state: 'TCP_CLOSE',
    addr: null,
    node: null,
    peer: null,
    receiveQueue: [],
    maxAckBacklog: k.config.maxDgramQlen,
    shutdown: 0,
    err: null,
    sndbuf: k.config.wmemDefault,
    rcvbuf: k.config.rmemDefault,
    wmemAlloc: 0,
    passcred: false,
    flags: {},
    peercred: null,
    rcvtimeoMs: 0,
    sndtimeoMs: 0,
    dead: false,
    file: null,
    listener: null,
    peekOff: -1,
    oobSkb: null,
    createdAt: k.step,
  };
  k.socks.set(sock.id, sock);
  emit(k, { type: 'sock.created', sock: sock.id, sockType: type, pid });
  return sock;
}

/** Attaches a socket to a new open file. Mirrors sock_alloc_file(). */
export function sockFile(k: Kernel, sock: UnixSock, nonblock: boolean): OpenFile {
  const f = newFile(k, 'socket', `socket:[${sock.id}]`);
  f.sock = sock;
  f.nonblock = nonblock;
  sock.file = f;
  return f;
}

/** Changes sk_state and records it. */
export function setState(k: Kernel, sock: UnixSock, to: SkState): void {
  if (sock.state === to) return;
  emit(k, { type: 'sock.stateChanged', sock: sock.id, from: sock.state, to });
  sock.state = to;
}

/** Whether a socket type is connection-based (stream or seqpacket). */
export function isConnectionBased(type: SockType): boolean {
  return type !== 'dgram';
}

/**
 * Whether the receive queue is over the backlog. Mirrors unix_recvq_full(): strictly more
 * queued than sk_max_ack_backlog, which is why a backlog of N admits N + 1.
 */
export function unix_recvq_full(sock: UnixSock): boolean {
  return sock.receiveQueue.length > sock.maxAckBacklog;
}

/** Whether `sk` may send to `osk`. Mirrors unix_may_send(): osk has no peer, or its peer is sk. */
export function unix_may_send(sk: UnixSock, osk: UnixSock): boolean {
  return osk.peer === null || osk.peer === sk;
}

/** The credentials of a process as the kernel records them. Mirrors init_peercred(). */
export function credOf(p: Process): { pid: number; uid: number; gid: number } {
  return { pid: p.tgid, uid: p.uid, gid: p.gid };
}

/** The SO_TYPE number of a socket type. */
export function sockTypeNumber(type: SockType): number {
  return type === 'stream' ? 1 : type === 'dgram' ? 2 : 5;
}

/**
 * The timeout a blocking call waits: 0 when it must not block, Infinity when it waits for ever.
 * The kernel works timeo out once, when the call starts (sock_rcvtimeo, sock_sndtimeo), so a
 * `resumed` call that already slept goes on blocking even if O_NONBLOCK was set meanwhile.
 */
export function timeoFor(nonblock: boolean, timeoMs: number, timedOut: boolean, resumed = false): number {
  if ((nonblock && !resumed) || timedOut) return 0;
  return timeoMs > 0 ? timeoMs : Number.POSITIVE_INFINITY;
}
