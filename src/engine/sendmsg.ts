/**
 * Sending: stream sends cut into skbs charged to the sender's buffer, datagram and seqpacket
 * sends as one skb each with the receiver's queue limit. Mirrors unix_stream_sendmsg(),
 * unix_dgram_sendmsg(), sock_alloc_send_pskb() and queue_oob().
 */
import { unix_validate_addr } from './address';
import { unix_autobind } from './bind';
import { unix_find_other } from './connect';
import { MSG_DONTWAIT, MSG_NOSIGNAL, MSG_OOB, RCV_SHUTDOWN, SEND_SHUTDOWN } from './constants';
import { emit } from './kernel';
import { err, ok } from './result';
import { maybe_add_creds, type Scm, scm_destroy } from './scm';
import { send_sig } from './signal';
import { SIGPIPE } from './signals';
import { allocSkb, dgramTruesize, streamSkbLayout } from './skb';
import { setState, timeoFor, unix_may_send, unix_recvq_full } from './sock';
import type { SysResult } from './syscalls';
import type { CallProgress, Kernel, OpenFile, Process, SkBuff, UnixSock } from './types';
import { type Block, sk_data_ready, wakePeerWait } from './wait';

/** Common inputs of a send. */
export interface SendArgs {
  data: Uint8Array;
  flags: number;
  /** The destination passed to sendto/sendmsg, or null. */
  addr: Uint8Array | null;
  addrlen: number;
  scm: Scm;
  progress: CallProgress | null;
  timedOut: boolean;
  /** The call slept before: it keeps the blocking mode it started with. */
  resumed: boolean;
}

/**
 * The checks of sock_alloc_send_pskb() before it may allocate: a pending error is reported (and
 * cleared), a socket shut for writing gets EPIPE, and the send buffer must not be full
 * (sk_wmem_alloc < sk_sndbuf); a full one gives EAGAIN or a sleep.
 */
function sendBufferCheck(sk: UnixSock, file: OpenFile, a: SendArgs): SysResult | 'sleep' | null {
  if (sk.err) {
    const e = sk.err;
    sk.err = null;
    return err(e);
  }
  if (sk.shutdown & SEND_SHUTDOWN) return err('EPIPE');
  if (sk.wmemAlloc < sk.sndbuf) return null;
  const timeo = timeoFor(
    file.nonblock || (a.flags & MSG_DONTWAIT) !== 0,
    sk.sndtimeoMs,
    a.timedOut,
    a.resumed,
  );
  return timeo === 0 ? err('EAGAIN') : 'sleep';
}

function sleepOnWrite(sk: UnixSock, file: OpenFile, a: SendArgs, progress: CallProgress): Block {
  const timeo = timeoFor(
    file.nonblock || (a.flags & MSG_DONTWAIT) !== 0,
    sk.sndtimeoMs,
    a.timedOut,
    a.resumed,
  );
  return {
    block: { kind: 'sock', sock: sk.id, why: 'write' },
    timeoutMs: Number.isFinite(timeo) ? timeo : null,
    progress,
  };
}

function queueSkb(k: Kernel, other: UnixSock, skb: SkBuff, from: UnixSock): void {
  other.receiveQueue.push(skb);
  k.bytesQueued += skb.data.length;
  emit(k, {
    type: 'skb.queued',
    sock: other.id,
    skb: skb.id,
    bytes: skb.data.length,
    from: from.id,
    fds: skb.fds?.length ?? 0,
  });
}

/**
 * A stream send: as many skbs as it takes, each at most half the send buffer. A send buffer
 * that fills part way returns the bytes sent (nonblocking) or sleeps and goes on (blocking).
 * No peer: ENOTCONN. An address: EISCONN or EOPNOTSUPP. Shut for writing, or a peer gone or
 * shut for reading: EPIPE, and SIGPIPE unless MSG_NOSIGNAL.
 */
export function unix_stream_sendmsg(
  k: Kernel,
  p: Process,
  file: OpenFile,
  sk: UnixSock,
  a: SendArgs,
): SysResult | Block {
  const resumed = a.progress !== null;
  let sent = a.progress?.sent ?? 0;
  let len = a.data.length;
  const oob = (a.flags & MSG_OOB) !== 0;
  if (oob) {
    if (len === 0) return streamFail(k, a, sent, err('EOPNOTSUPP'));
    len--;
  }
  if (!resumed) {
    if (a.addrlen > 0)
      return streamFail(k, a, sent, err(sk.state === 'TCP_ESTABLISHED' ? 'EISCONN' : 'EOPNOTSUPP'));
    if (!sk.peer) return streamFail(k, a, sent, err('ENOTCONN'));
    if (sk.shutdown & SEND_SHUTDOWN) return streamPipe(k, p, a, sent);
  }
  const other = sk.peer as UnixSock;
  while (sent < len) {
    const check = sendBufferCheck(sk, file, a);
    if (check === 'sleep') return sleepOnWrite(sk, file, a, { sent });
    if (check) return streamFail(k, a, sent, check);
    const { size, truesize } = streamSkbLayout(sk.sndbuf, len - sent);
    if (other.dead || other.shutdown & RCV_SHUTDOWN) return streamPipe(k, p, a, sent);
    const skb = allocSkb(k, sk, a.data.slice(sent, sent + size), truesize);
    if (sent === 0 && a.scm.files) {
      skb.fds = a.scm.files;
      a.scm.files = null;
    }
    if (a.scm.cred) skb.cred = { ...a.scm.cred };
    maybe_add_creds(p, skb, sk, other);
    queueSkb(k, other, skb, sk);
    sk_data_ready(k, other);
    sent += size;
  }
  if (oob) {
    const check = sendBufferCheck(sk, file, a);
    if (check === 'sleep') return sleepOnWrite(sk, file, a, { sent });
    if (check) return streamFail(k, a, sent, check);
    if (other.dead || other.shutdown & RCV_SHUTDOWN) return streamPipe(k, p, a, sent);
    const skb = allocSkb(k, sk, a.data.slice(len, len + 1), streamSkbLayout(sk.sndbuf, 1).truesize);
    skb.oob = true;
    maybe_add_creds(p, skb, sk, other);
    queueSkb(k, other, skb, sk);
    other.oobSkb = skb;
    sk_data_ready(k, other);
    sent++;
  }
  if (a.scm.files) scm_destroy(k, a.scm);
  return ok(sent);
}

/** A stream send that stops: what was sent so far counts, else the error. Mirrors `return sent ?: err`. */
function streamFail(k: Kernel, a: SendArgs, sent: number, r: SysResult): SysResult {
  scm_destroy(k, a.scm);
  return sent > 0 ? ok(sent) : r;
}

/** EPIPE, with SIGPIPE to the sender unless it sent something already or passed MSG_NOSIGNAL. */
function streamPipe(k: Kernel, p: Process, a: SendArgs, sent: number): SysResult {
  if (sent === 0 && !(a.flags & MSG_NOSIGNAL)) send_sig(k, p, SIGPIPE, p.pid);
  return streamFail(k, a, sent, err('EPIPE'));
}

/**
 * A datagram or seqpacket send: one skb, charged to the sender. Too long for the send buffer:
 * EMSGSIZE. The destination is the address given or the connected peer (ENOTCONN without
 * either); it must accept us (EPERM), be alive (a dead connected peer gives ECONNREFUSED once and
 * disconnects), and not be shut for reading (EPIPE, no signal). A receiver not connected back to
 * us admits max_dgram_qlen + 1 datagrams, then EAGAIN or a sleep on its peer_wait.
 * Simplified: the skb is allocated again after a sleep rather than held across it.
 */
export function unix_dgram_sendmsg(
  k: Kernel,
  p: Process,
  file: OpenFile,
  sk: UnixSock,
  a: SendArgs,
): SysResult | Block {
  const fail = (r: SysResult): SysResult => {
    scm_destroy(k, a.scm);
    return r;
  };
  const len = a.data.length;
  if (a.flags & MSG_OOB) return fail(err('EOPNOTSUPP'));
  if (sk.type === 'seqpacket') {
    // unix_seqpacket_sendmsg: not connected gives ENOTCONN; the address is ignored.
    if (sk.state !== 'TCP_ESTABLISHED') return fail(err('ENOTCONN'));
  } else if (a.addrlen > 0) {
    const bad = unix_validate_addr(a.addr, a.addrlen);
    if (bad) return fail(err(bad));
  }
  const addrlen = sk.type === 'seqpacket' ? 0 : a.addrlen;
  if (sk.passcred && !sk.addr) {
    const e = unix_autobind(k, sk);
    if (e) return fail(err(e));
  }
  if (len > sk.sndbuf - 32) return fail(err('EMSGSIZE'));
  const check = sendBufferCheck(sk, file, a);
  if (check === 'sleep') return sleepOnWrite(sk, file, a, {});
  if (check) return fail(check);

  let other: UnixSock;
  for (;;) {
    if (addrlen > 0) {
      const found = unix_find_other(k, p, a.addr as Uint8Array, addrlen, sk.type);
      if (typeof found === 'string') return fail(err(found));
      other = found;
    } else {
      if (!sk.peer) return fail(err('ENOTCONN'));
      other = sk.peer;
    }
    if (!unix_may_send(sk, other)) return fail(err('EPERM'));
    if (!other.dead) break;
    if (sk.type === 'seqpacket') return fail(err('EPIPE'));
    if (sk.peer === other) {
      sk.peer = null;
      setState(k, sk, 'TCP_CLOSE');
      emit(k, { type: 'sock.disconnected', sock: sk.id, peer: other.id });
      return fail(err('ECONNREFUSED'));
    }
    if (addrlen === 0) return fail(err('ECONNRESET'));
  }
  if (other.shutdown & RCV_SHUTDOWN) return fail(err('EPIPE'));
  if (other !== sk && other.peer !== sk && unix_recvq_full(other)) {
    const timeo = timeoFor(
      file.nonblock || (a.flags & MSG_DONTWAIT) !== 0,
      sk.sndtimeoMs,
      a.timedOut,
      a.resumed,
    );
    if (timeo === 0) return fail(err('EAGAIN'));
    return {
      block: { kind: 'peer', sock: other.id, why: 'send' },
      timeoutMs: Number.isFinite(timeo) ? timeo : null,
    };
  }
  const skb = allocSkb(k, sk, a.data.slice(), dgramTruesize(len));
  skb.fds = a.scm.files;
  a.scm.files = null;
  if (a.scm.cred) skb.cred = { ...a.scm.cred };
  maybe_add_creds(p, skb, sk, other);
  queueSkb(k, other, skb, sk);
  sk_data_ready(k, other);
  return ok(len);
}

/** Wakes senders waiting for room in a datagram receiver's queue (after a receive). */
export function dgramQueueDrained(k: Kernel, sock: UnixSock): void {
  wakePeerWait(k, sock);
}
