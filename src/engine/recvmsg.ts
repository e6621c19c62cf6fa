/**
 * Receiving: stream reads that merge skbs up to the caller's length, and datagram or
 * seqpacket reads that return one message (truncating it). MSG_PEEK leaves data in place.
 * Mirrors unix_stream_read_generic(), manage_oob(), unix_stream_recv_urg() and
 * __unix_dgram_recvmsg().
 */
import { senderName } from './address';
import { concatBytes } from './bytes';
import {
  MSG_DONTWAIT,
  MSG_OOB,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  RCV_SHUTDOWN,
  SO_OOBINLINE,
  SO_RCVLOWAT,
} from './constants';
import { fget } from './fdtable';
import { emit } from './kernel';
import { isBsd43 } from './profiles';
import { err } from './result';
import { discardSkb, freeSkb, skbLen } from './skb';
import { timeoFor } from './sock';
import type { SysResult } from './syscalls';
import type { CallProgress, Kernel, OpenFile, SkBuff, Ucred, UnixSock } from './types';
import { type Block, wakePeerWait } from './wait';

/** Inputs of a receive. */
export interface RecvArgs {
  len: number;
  flags: number;
  /** The caller's address buffer size, or null when it passed none. */
  addrBuf: number | null;
  progress: CallProgress | null;
  timedOut: boolean;
  /** The call slept before: it keeps the blocking mode it started with. */
  resumed: boolean;
}

/** What a receive got, before control messages are built. */
export interface Received {
  result: SysResult;
  /** Credentials of the data read (for SCM_CREDENTIALS). */
  cred: Ucred | null;
  /** Files that arrived with the data (SCM_RIGHTS), one reference each. */
  files: OpenFile[] | null;
  /** False when the call returned before any message was taken (no control messages at all). */
  scm: boolean;
}

const EMPTY = new Uint8Array(0);

/** Credentials of an skb that carries none: pid 0 and the invalid uid (shown as overflowuid). */
const NO_CRED: Ucred = { pid: 0, uid: -1, gid: -1 };
/** The zeroed scm_cookie a stream read reports when it took no skb: pid 0, uid 0, gid 0. */
const ZERO_CRED: Ucred = { pid: 0, uid: 0, gid: 0 };

function failed(e: SysResult): Received {
  return { result: e, cred: null, files: null, scm: false };
}

function sock_error(sk: UnixSock): SysResult | null {
  if (!sk.err) return null;
  const e = sk.err;
  sk.err = null;
  return err(e);
}

/** SO_RCVLOWAT: the bytes a stream read waits for (1 unless set). */
function rcvlowat(sk: UnixSock): number {
  return sk.flags[SO_RCVLOWAT] ?? 1;
}

/** Moves SO_PEEK_OFF on by bytes peeked. Mirrors sk_peek_offset_fwd(). */
function peekOffsetFwd(sk: UnixSock, n: number): void {
  if (sk.peekOff >= 0) sk.peekOff += n;
}

/** Moves SO_PEEK_OFF back by bytes consumed, not below 0. Mirrors sk_peek_offset_bwd(). */
function peekOffsetBwd(sk: UnixSock, n: number): void {
  if (sk.peekOff >= 0) sk.peekOff = Math.max(0, sk.peekOff - n);
}

function credEqual(a: Ucred | null, b: Ucred | null): boolean {
  if (!a || !b) return a === b;
  return a.pid === b.pid && a.uid === b.uid && a.gid === b.gid;
}

/**
 * Finds the skb a stream read may use at queue index i, stepping over the urgent byte.
 * Mirrors manage_oob(): returns the index to read, or -1 to stop (the urgent mark, or nothing).
 */
function manageOob(k: Kernel, sk: UnixSock, i: number, peek: boolean, copied: number): number {
  const q = sk.receiveQueue;
  let skb = q[i];
  if (skbLen(skb) > 0 && skb !== sk.oobSkb) return i;
  if (skbLen(skb) === 0) {
    if (copied > 0 && (!sk.oobSkb || skb === sk.oobSkb)) return -1;
    if (peek) i++;
    else {
      q.splice(i, 1);
      freeSkb(k, skb);
    }
    skb = q[i];
    if (!skb) return -1;
  }
  if (skb !== sk.oobSkb) return i;
  if (copied > 0) return -1;
  const inline = (sk.flags[SO_OOBINLINE] ?? 0) !== 0;
  if (!peek) {
    sk.oobSkb = null;
    if (!inline) {
      q.splice(i, 1);
      discardSkb(k, sk, skb, 'urgent byte skipped by a normal read');
    }
    return q[i] ? i : -1;
  }
  if (!inline) i++;
  return q[i] ? i : -1;
}

/** recv(MSG_OOB): the urgent byte, once. Mirrors unix_stream_recv_urg(). */
function recvUrgent(k: Kernel, sk: UnixSock, flags: number): Received {
  const skb = sk.oobSkb;
  if ((sk.flags[SO_OOBINLINE] ?? 0) !== 0 || !skb) return failed(err('EINVAL'));
  const peek = (flags & MSG_PEEK) !== 0;
  const data = skb.data.subarray(0, 1);
  if (!peek) {
    sk.oobSkb = null;
    skb.consumed += 1;
    k.bytesRead += 1;
    emit(k, { type: 'skb.consumed', sock: sk.id, skb: skb.id, offset: 0, bytes: 1, whole: true });
  }
  return { result: { ret: 1, errno: null, data, msgFlags: MSG_OOB }, cred: null, files: null, scm: false };
}

/**
 * A stream read: merges skbs until `len` bytes or the queue runs dry, never across an skb that
 * carries files or across different credentials (when the reader wants them). Queued data
 * comes before a pending error, and EOF (0) after both. MSG_WAITALL waits for all `len` bytes.
 * Not connected (or listening): EINVAL; ENOTCONN on 4.3BSD.
 */
export function unix_stream_read_generic(
  k: Kernel,
  sk: UnixSock,
  file: OpenFile,
  a: RecvArgs,
): Received | Block {
  if (sk.state !== 'TCP_ESTABLISHED') {
    // 4.3BSD soreceive(): "if ((so->so_state & SS_ISCONNECTED) == 0 &&
    // (so->so_proto->pr_flags & PR_CONNREQUIRED)) rcverr(ENOTCONN);"
    return failed(err(isBsd43(k) ? 'ENOTCONN' : 'EINVAL'));
  }
  if (a.flags & MSG_OOB) return recvUrgent(k, sk, a.flags);
  const peek = (a.flags & MSG_PEEK) !== 0;
  // sock_rcvlowat(): all of len with MSG_WAITALL, else SO_RCVLOWAT capped at len; never 0.
  const target = (a.flags & MSG_WAITALL ? a.len : Math.min(rcvlowat(sk), a.len)) || 1;
  const timeo = timeoFor(
    file.nonblock || (a.flags & MSG_DONTWAIT) !== 0,
    sk.rcvtimeoMs,
    a.timedOut,
    a.resumed,
  );
  const chunks: Uint8Array[] = a.progress?.copied ? [...a.progress.copied] : [];
  let copied = a.progress?.copiedLen ?? 0;
  let size = a.len - copied;
  let skip = peek && sk.peekOff >= 0 ? sk.peekOff : 0;
  let checkCreds = false;
  let cred: Ucred | null = null;
  let files: OpenFile[] | null = null;
  let addr: { addr: Uint8Array; addrlen: number } | null = null;
  let error: SysResult | null = null;
  const q = sk.receiveQueue;

  outer: do {
    let i = q.length > 0 ? 0 : -1;
    for (;;) {
      if (i >= 0) i = manageOob(k, sk, i, peek, copied);
      if (i < 0) {
        if (copied >= target) break outer;
        error = sock_error(sk);
        if (error) break outer;
        if (sk.shutdown & RCV_SHUTDOWN) break outer;
        if (timeo === 0) {
          error = err('EAGAIN');
          break outer;
        }
        return {
          block: { kind: 'sock', sock: sk.id, why: 'read' },
          timeoutMs: Number.isFinite(timeo) ? timeo : null,
          progress: copied > 0 ? { copied: chunks, copiedLen: copied } : undefined,
        };
      }
      let skb = q[i] as SkBuff;
      while (skip >= skbLen(skb)) {
        skip -= skbLen(skb);
        i++;
        if (i >= q.length) break;
        skb = q[i];
      }
      if (i >= q.length) {
        i = -1;
        continue;
      }
      if (checkCreds) {
        if (!credEqual(skb.cred ?? NO_CRED, cred)) break outer;
      } else if (sk.passcred) {
        cred = skb.cred ?? NO_CRED;
        checkCreds = true;
      }
      if (a.addrBuf !== null && !addr) addr = senderName(skb.owner, a.addrBuf);
      const chunk = Math.min(skbLen(skb) - skip, size);
      const from = skb.consumed + skip;
      chunks.push(skb.data.subarray(from, from + chunk));
      copied += chunk;
      size -= chunk;
      if (!peek) {
        skb.consumed += chunk;
        k.bytesRead += chunk;
        peekOffsetBwd(sk, chunk);
        const whole = skbLen(skb) === 0;
        emit(k, { type: 'skb.consumed', sock: sk.id, skb: skb.id, offset: from, bytes: chunk, whole });
        if (skb.fds) {
          files = skb.fds;
          skb.fds = null;
        }
        if (!whole) break outer;
        q.splice(i, 1);
        freeSkb(k, skb);
        if (files) break outer;
        continue outer;
      }
      skb.peeked = Math.max(skb.peeked, skip + chunk);
      peekOffsetFwd(sk, chunk);
      emit(k, { type: 'skb.peeked', sock: sk.id, skb: skb.id, offset: from, bytes: chunk });
      if (skb.fds) {
        files = skb.fds.map(fget);
        break outer;
      }
      skip = 0;
      i++;
      if (i >= q.length || size === 0) break outer;
    }
  } while (size > 0);

  if (!checkCreds) cred = ZERO_CRED;
  if (copied === 0 && error) return { result: error, cred, files, scm: true };
  const data = chunks.length === 0 ? EMPTY : concatBytes(chunks);
  const result: SysResult = { ret: copied, errno: null, data };
  if (addr) {
    result.addr = addr.addr;
    result.addrlen = addr.addrlen;
  } else if (a.addrBuf !== null) {
    result.addr = EMPTY;
    result.addrlen = 0;
  }
  return { result, cred, files, scm: true };
}

/**
 * A datagram (or seqpacket) read: one message. A pending error comes first (so a seqpacket
 * reset is seen before queued messages); an empty queue after shutdown reads 0 (for seqpacket
 * also without waiting). A short buffer truncates the message (MSG_TRUNC in msg_flags; with
 * MSG_TRUNC in flags the real length is returned).
 */
export function unix_dgram_recvmsg(k: Kernel, sk: UnixSock, file: OpenFile, a: RecvArgs): Received | Block {
  if (a.flags & MSG_OOB) return failed(err('EOPNOTSUPP'));
  const peek = (a.flags & MSG_PEEK) !== 0;
  const timeo = timeoFor(
    file.nonblock || (a.flags & MSG_DONTWAIT) !== 0,
    sk.rcvtimeoMs,
    a.timedOut,
    a.resumed,
  );
  const e1 = sock_error(sk);
  if (e1) return failed(e1);
  // __skb_try_recv_from_queue: with SO_PEEK_OFF a peek steps over whole messages first.
  // Simplified: a zero-length message is never stepped over (Linux does once it was peeked).
  let skip = peek && sk.peekOff >= 0 ? sk.peekOff : 0;
  let skb: SkBuff | undefined;
  for (const queued of sk.receiveQueue) {
    if (skip > 0 && skip >= queued.data.length) {
      skip -= queued.data.length;
      continue;
    }
    skb = queued;
    break;
  }
  if (!skb) {
    if (timeo === 0) {
      if (sk.type === 'seqpacket' && sk.shutdown & RCV_SHUTDOWN)
        return failed({ ret: 0, errno: null, data: EMPTY });
      return failed(err('EAGAIN'));
    }
    const e2 = sock_error(sk);
    if (e2) return failed(e2);
    if (sk.shutdown & RCV_SHUTDOWN) return failed({ ret: 0, errno: null, data: EMPTY });
    if (sk.type === 'seqpacket' && sk.state !== 'TCP_ESTABLISHED' && sk.state !== 'TCP_LISTEN') {
      return failed(err('ENOTCONN'));
    }
    return {
      block: { kind: 'sock', sock: sk.id, why: 'read' },
      timeoutMs: Number.isFinite(timeo) ? timeo : null,
    };
  }
  if (!peek) sk.receiveQueue.shift();
  wakePeerWait(k, sk);
  const skbLength = skb.data.length;
  const avail = skbLength - skip;
  let size = a.len;
  let msgFlags = 0;
  if (size > avail) size = avail;
  else if (size < avail) msgFlags |= MSG_TRUNC;
  const data = skb.data.subarray(skip, skip + size);
  let files: OpenFile[] | null = null;
  if (!peek) {
    files = skb.fds;
    skb.fds = null;
    skb.consumed = skbLength;
    k.bytesRead += size;
    peekOffsetBwd(sk, skbLength);
    emit(k, { type: 'skb.consumed', sock: sk.id, skb: skb.id, offset: 0, bytes: size, whole: true });
    if (size < skbLength) {
      k.discarded['datagram truncated'] = (k.discarded['datagram truncated'] ?? 0) + (skbLength - size);
      emit(k, { type: 'skb.truncated', sock: sk.id, skb: skb.id, lost: skbLength - size });
    }
  } else {
    skb.peeked = Math.max(skb.peeked, skip + size);
    peekOffsetFwd(sk, size);
    emit(k, { type: 'skb.peeked', sock: sk.id, skb: skb.id, offset: skip, bytes: size });
    if (skb.fds) files = skb.fds.map(fget);
  }
  const result: SysResult = { ret: a.flags & MSG_TRUNC ? avail : size, errno: null, data, msgFlags };
  if (a.addrBuf !== null) {
    const from = senderName(skb.owner, a.addrBuf);
    result.addr = from.addr;
    result.addrlen = from.addrlen;
  }
  const cred = skb.cred ?? NO_CRED;
  if (!peek) freeSkb(k, skb);
  return { result, cred, files, scm: true };
}
