/**
 * poll() and select(): what each descriptor is ready for. Mirrors unix_poll() (streams) and
 * unix_dgram_poll() (datagram and seqpacket), including the rule that POLLOUT needs at most a
 * quarter of the send buffer charged.
 */
import {
  POLLERR,
  POLLHUP,
  POLLIN,
  POLLNVAL,
  POLLOUT,
  POLLPRI,
  POLLRDHUP,
  POLLRDNORM,
  POLLWRBAND,
  POLLWRNORM,
  RCV_SHUTDOWN,
  SHUTDOWN_MASK,
} from './constants';
import { fdGet } from './fdtable';
import { err, ok } from './result';
import { unix_recvq_full } from './sock';
import type { SysResult } from './syscalls';
import type { Kernel, OpenFile, Process, UnixSock } from './types';
import { type Block, unixWritable } from './wait';

const WRITABLE = POLLOUT | POLLWRNORM | POLLWRBAND;
const READABLE = POLLIN | POLLRDNORM;

/** The readiness mask of a stream socket. Mirrors unix_poll(). */
function unix_poll(sk: UnixSock): number {
  let mask = 0;
  if (sk.err) mask |= POLLERR;
  if (sk.shutdown === SHUTDOWN_MASK) mask |= POLLHUP;
  if (sk.shutdown & RCV_SHUTDOWN) mask |= POLLRDHUP | READABLE;
  if (sk.receiveQueue.length > 0) mask |= READABLE;
  if (sk.oobSkb) mask |= POLLPRI;
  if (sk.state === 'TCP_CLOSE') mask |= POLLHUP;
  if (unixWritable(sk)) mask |= WRITABLE;
  return mask;
}

/** The readiness mask of a datagram or seqpacket socket. Mirrors unix_dgram_poll(). */
function unix_dgram_poll(sk: UnixSock): number {
  let mask = 0;
  if (sk.err) mask |= POLLERR;
  if (sk.shutdown & RCV_SHUTDOWN) mask |= POLLRDHUP | READABLE;
  if (sk.shutdown === SHUTDOWN_MASK) mask |= POLLHUP;
  if (sk.receiveQueue.length > 0) mask |= READABLE;
  if (sk.type === 'seqpacket' && sk.state === 'TCP_CLOSE') mask |= POLLHUP;
  let writable = unixWritable(sk);
  if (writable) {
    const other = sk.peer;
    // unix_dgram_peer_wake_me: a full receiver that is not connected back blocks POLLOUT.
    if (other && other.peer !== sk && unix_recvq_full(other) && !other.dead) writable = false;
  }
  if (writable) mask |= WRITABLE;
  return mask;
}

/** The readiness mask of any open file. */
export function fileMask(file: OpenFile): number {
  if (file.sock) return file.sock.type === 'stream' ? unix_poll(file.sock) : unix_dgram_poll(file.sock);
  if (file.pipe) {
    const pipe = file.pipe;
    if (file.pipeEnd === 'read') {
      let m = pipe.buffer.length > 0 ? READABLE : 0;
      if (pipe.writers === 0) m |= POLLHUP;
      return m;
    }
    return pipe.readers === 0 ? POLLERR | WRITABLE : WRITABLE;
  }
  if (file.terminal && file.accmode === 0) {
    const t = file.terminal;
    return t.input.length > 0 || t.inputClosed ? READABLE : 0;
  }
  return READABLE | WRITABLE;
}

/** The ids of the sockets a set of fds refers to (and their peers), for a poll's wait channel. */
function watched(p: Process, fds: number[]): number[] {
  const ids: number[] = [];
  for (const fd of fds) {
    const s = fdGet(p, fd)?.file.sock;
    if (s) {
      ids.push(s.id);
      if (s.peer) ids.push(s.peer.id);
    }
  }
  return ids;
}

function blockFor(p: Process, fds: number[], timeoutMs: number | null, timedOut: boolean): Block | null {
  if (timedOut || timeoutMs === 0) return null;
  return {
    block: { kind: 'poll', fds: watched(p, fds) },
    timeoutMs: timeoutMs !== null && timeoutMs >= 0 ? timeoutMs : null,
  };
}

/**
 * poll(fds, nfds, timeout): revents for each entry (POLLHUP and POLLERR always, POLLNVAL for a
 * bad fd, nothing for a negative fd). Sleeps until one is ready or the timeout ends.
 */
export function sys_poll(
  _k: Kernel,
  p: Process,
  fds: { fd: number; events: number }[],
  timeoutMs: number,
  timedOut: boolean,
): SysResult | Block {
  let count = 0;
  const revents = fds.map(({ fd, events }) => {
    if (fd < 0) return 0;
    const e = fdGet(p, fd);
    const r = e ? fileMask(e.file) & (events | POLLERR | POLLHUP) : POLLNVAL;
    if (r) count++;
    return r;
  });
  if (count > 0) return ok(count, { revents });
  const b = blockFor(
    p,
    fds.map((f) => f.fd),
    timeoutMs < 0 ? null : timeoutMs,
    timedOut,
  );
  return b ?? ok(0, { revents });
}

/** select(nfds, read, write, except, timeout): the ready fds of each set. A bad fd is EBADF. */
export function sys_select(
  k: Kernel,
  p: Process,
  sets: { read: number[]; write: number[]; except: number[] },
  timeoutMs: number | null,
  timedOut: boolean,
  deadline: number | null = null,
): SysResult | Block {
  // After sleeping with a timeout, select() tells the time it did not wait (poll_select_finish()).
  const left = deadline === null ? {} : { timeLeftMs: timedOut ? 0 : Math.max(0, deadline - k.now) };
  const ready = { read: [] as number[], write: [] as number[], except: [] as number[] };
  for (const fd of [...sets.read, ...sets.write, ...sets.except]) if (!fdGet(p, fd)) return err('EBADF');
  for (const fd of sets.read) {
    if (fileMask((fdGet(p, fd) as { file: OpenFile }).file) & (READABLE | POLLHUP | POLLERR))
      ready.read.push(fd);
  }
  for (const fd of sets.write) {
    if (fileMask((fdGet(p, fd) as { file: OpenFile }).file) & (WRITABLE | POLLERR)) ready.write.push(fd);
  }
  for (const fd of sets.except) {
    if (fileMask((fdGet(p, fd) as { file: OpenFile }).file) & POLLPRI) ready.except.push(fd);
  }
  const count = ready.read.length + ready.write.length + ready.except.length;
  if (count > 0) return ok(count, { ready, ...left });
  const b = blockFor(p, [...sets.read, ...sets.write, ...sets.except], timeoutMs, timedOut);
  return b ?? ok(0, { ready, ...left });
}
