/**
 * Wait queues: a call that cannot go on leaves its process asleep on a channel, and the
 * kernel wakes the channel when something changes. The woken process then retries its
 * call from the start, as af_unix.c does with `goto restart`.
 */
import { emit } from './kernel';
import type { Kernel, UnixSock, WaitChannel } from './types';

/** A call that must sleep: where, for how long, and what it had done so far. */
export interface Block {
  block: WaitChannel;
  /** Milliseconds until the call gives up (SO_RCVTIMEO, SO_SNDTIMEO, poll timeout), or null. */
  timeoutMs: number | null;
  progress?: import('./types').CallProgress;
}

/** Whether an op's outcome is a Block. */
export function isBlock(x: unknown): x is Block {
  return typeof x === 'object' && x !== null && 'block' in x;
}

/** Wakes every process sleeping on a channel that `match` accepts. */
export function wakeChannel(k: Kernel, match: (c: WaitChannel) => boolean, reason: string): void {
  for (const p of k.procs.values()) {
    const s = p.sleep;
    if (p.state !== 'sleeping' || !s || s.woken) continue;
    if (!match(s.channel)) continue;
    s.woken = true;
    emit(k, { type: 'proc.woken', pid: p.pid, reason });
  }
}

function onSock(c: WaitChannel, sock: UnixSock, whys: readonly string[] | null): boolean {
  if (c.kind === 'poll') return c.fds.includes(sock.id);
  return c.kind === 'sock' && c.sock === sock.id && (whys === null || whys.includes(c.why));
}

const READERS = ['read', 'accept'] as const;

/** Data or a connection arrived. Mirrors sk_data_ready (sock_def_readable). */
export function sk_data_ready(k: Kernel, sock: UnixSock): void {
  wakeChannel(k, (c) => onSock(c, sock, READERS), 'data arrived');
}

/** Send-buffer space was freed. Mirrors unix_write_space: wakes writers only when writable. */
export function sk_write_space(k: Kernel, sock: UnixSock): void {
  if (!unixWritable(sock)) return;
  wakeChannel(k, (c) => onSock(c, sock, ['write']), 'send buffer space freed');
}

/** The socket's state changed (shutdown, close, error). Mirrors sk_state_change: wakes all. */
export function sk_state_change(k: Kernel, sock: UnixSock): void {
  wakeChannel(
    k,
    (c) => onSock(c, sock, null) || (c.kind === 'peer' && c.sock === sock.id),
    'socket state changed',
  );
}

/** Wakes those waiting for room in this socket's queue. Mirrors wake_up_interruptible_all(&u->peer_wait). */
export function wakePeerWait(k: Kernel, sock: UnixSock): void {
  wakeChannel(
    k,
    (c) => (c.kind === 'peer' && c.sock === sock.id) || onSock(c, sock, []),
    'room in the queue',
  );
}

/**
 * Whether the socket may report POLLOUT. Mirrors unix_writable(): not a listener, and at most
 * a quarter of the send buffer charged (sk_wmem_alloc, with its bias of 1, times 4 <= sk_sndbuf).
 */
export function unixWritable(sock: UnixSock): boolean {
  return sock.state !== 'TCP_LISTEN' && (sock.wmemAlloc + 1) * 4 <= sock.sndbuf;
}
