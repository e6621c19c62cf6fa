/**
 * connect(): finding the other socket by name, the stream/seqpacket handshake onto a
 * listener's backlog, and datagram connect (a default destination and a receive filter).
 * Mirrors unix_find_other(), unix_stream_connect() and unix_dgram_connect().
 */
import {
  abstractKey,
  abstractName,
  addrFamily,
  isAbstract,
  unix_mkname_bsd,
  unix_validate_addr,
} from './address';
import { unix_autobind } from './bind';
import { AF_UNSPEC } from './constants';
import type { Errno } from './errno';
import { lookupPath } from './fs';
import { emit } from './kernel';
import { isBsd43, sonewconnRefuses } from './profiles';
import { err, ok } from './result';
import { allocSkb, discardSkb } from './skb';
import { credOf, setState, timeoFor, unix_create1, unix_may_send, unix_recvq_full } from './sock';
import type { SysResult } from './syscalls';
import type { Kernel, OpenFile, Process, SockType, UnixSock } from './types';
import { type Block, sk_data_ready, wakePeerWait } from './wait';

/**
 * The socket a name refers to. Mirrors unix_find_other(): a missing path gives ENOENT (or
 * ENOTDIR); a path that is not a socket, or whose socket is gone, ECONNREFUSED; a socket of
 * another type EPROTOTYPE. A missing abstract name gives ECONNREFUSED; abstract names are per type.
 * On 4.3BSD a path that is not a socket gives ENOTSOCK instead.
 */
export function unix_find_other(
  k: Kernel,
  p: Process,
  addr: Uint8Array,
  addrlen: number,
  type: SockType,
): UnixSock | Errno {
  if (isAbstract(addr)) {
    return k.abstract.get(abstractKey(type, abstractName(addr, addrlen))) ?? 'ECONNREFUSED';
  }
  const { path } = unix_mkname_bsd(addr, addrlen);
  const node = lookupPath(k, p, path);
  if (typeof node === 'string') return node;
  // 4.3BSD unp_connect(): "if ((ip->i_mode&IFMT) != IFSOCK) { error = ENOTSOCK; goto bad; }"
  if (node.kind !== 'socket' && isBsd43(k)) return 'ENOTSOCK';
  if (node.kind !== 'socket' || !node.sock) return 'ECONNREFUSED';
  if (node.sock.type !== type) return 'EPROTOTYPE';
  return node.sock;
}

/**
 * connect() on a stream or seqpacket socket. The target is looked up first (so a missing
 * target gives ENOENT even on a connected socket), then it must be listening and not shut for
 * reading (else ECONNREFUSED), then its queue must have room (else EAGAIN, or sleep on its
 * peer_wait), and only then is the caller's own state checked (EISCONN, EINVAL). Success queues
 * an embryo socket on the listener: the connection is complete before accept(). On 4.3BSD a
 * full queue refuses the connection at once (ECONNREFUSED), never sleeping.
 * Simplified: on 4.3BSD too the caller's own state is checked last (soconnect() checks it first).
 */
export function unix_stream_connect(
  k: Kernel,
  p: Process,
  file: OpenFile,
  sk: UnixSock,
  addr: Uint8Array | null,
  addrlen: number,
  timedOut: boolean,
  resumed = false,
): SysResult | Block {
  const bad = unix_validate_addr(addr, addrlen);
  if (bad) return err(bad);
  const a = addr as Uint8Array;
  if (sk.passcred && !sk.addr) {
    const e = unix_autobind(k, sk);
    if (e) return err(e);
  }
  const other = unix_find_other(k, p, a, addrlen, sk.type);
  if (typeof other === 'string') return err(other);
  if (other.state !== 'TCP_LISTEN' || other.shutdown & 1) return err('ECONNREFUSED');
  if (isBsd43(k)) {
    // 4.3BSD unp_connect(): "((so2->so_options&SO_ACCEPTCONN) == 0 ||
    // (so2 = sonewconn(so2)) == 0)) { error = ECONNREFUSED; goto bad; }"
    if (sonewconnRefuses(other)) return err('ECONNREFUSED');
  } else if (unix_recvq_full(other)) {
    const timeo = timeoFor(file.nonblock, sk.sndtimeoMs, timedOut, resumed);
    if (timeo === 0) return err('EAGAIN');
    return {
      block: { kind: 'peer', sock: other.id, why: 'connect' },
      timeoutMs: Number.isFinite(timeo) ? timeo : null,
    };
  }
  if (sk.state !== 'TCP_CLOSE') return err(sk.state === 'TCP_ESTABLISHED' ? 'EISCONN' : 'EINVAL');

  const newsk = unix_create1(k, sk.type, p.pid);
  newsk.peer = sk;
  newsk.state = 'TCP_ESTABLISHED';
  newsk.peercred = credOf(p);
  newsk.listener = other;
  newsk.addr = other.addr;
  newsk.node = other.node;
  sk.peercred = other.peercred ? { ...other.peercred } : null;
  setState(k, sk, 'TCP_ESTABLISHED');
  sk.peer = newsk;
  emit(k, { type: 'sock.connected', sock: sk.id, peer: newsk.id });
  const skb = allocSkb(k, null, new Uint8Array(0), 0);
  skb.embryo = newsk;
  other.receiveQueue.push(skb);
  emit(k, { type: 'conn.queued', listener: other.id, embryo: newsk.id, client: sk.id, skb: skb.id });
  sk_data_ready(k, other);
  return ok();
}

/** Throws away a datagram socket's queue when it leaves a peer. Mirrors unix_dgram_disconnected(). */
function unix_dgram_disconnected(k: Kernel, sk: UnixSock, other: UnixSock): void {
  if (sk.receiveQueue.length === 0) return;
  for (const skb of sk.receiveQueue.splice(0)) discardSkb(k, sk, skb, 'datagram socket reconnected');
  wakePeerWait(k, sk);
  if (!other.dead && other.peer === sk) {
    other.err = 'ECONNRESET';
    emit(k, { type: 'sock.errorSet', sock: other.id, errno: 'ECONNRESET' });
  }
}

/**
 * connect() on a datagram socket: sets the default destination and limits who may send to
 * it; AF_UNSPEC disconnects. The target must accept us (else EPERM). Reconnecting elsewhere
 * throws away the queue. Mirrors unix_dgram_connect().
 */
export function unix_dgram_connect(
  k: Kernel,
  p: Process,
  sk: UnixSock,
  addr: Uint8Array | null,
  addrlen: number,
): SysResult {
  if (addrlen < 2) return err('EINVAL');
  if (!addr) return err('EFAULT');
  let other: UnixSock | null = null;
  if (addrFamily(addr) !== AF_UNSPEC) {
    const bad = unix_validate_addr(addr, addrlen);
    if (bad) return err(bad);
    if (sk.passcred && !sk.addr) {
      const e = unix_autobind(k, sk);
      if (e) return err(e);
    }
    const found = unix_find_other(k, p, addr, addrlen, sk.type);
    if (typeof found === 'string') return err(found);
    if (!unix_may_send(sk, found)) return err('EPERM');
    other = found;
    setState(k, sk, 'TCP_ESTABLISHED');
    setState(k, other, 'TCP_ESTABLISHED');
  }
  const old = sk.peer;
  sk.peer = other;
  if (other) emit(k, { type: 'sock.connected', sock: sk.id, peer: other.id });
  if (old) {
    if (!other) setState(k, sk, 'TCP_CLOSE');
    emit(k, { type: 'sock.disconnected', sock: sk.id, peer: old.id });
    if (other !== old) {
      unix_dgram_disconnected(k, sk, old);
      if (!old.peer) setState(k, old, 'TCP_CLOSE');
    }
  }
  return ok();
}
