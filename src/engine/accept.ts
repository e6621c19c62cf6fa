/**
 * accept() and accept4(): take the oldest pending connection off a listener's queue and give
 * its embryo socket a new fd. Mirrors unix_accept() and do_accept().
 */
import { nameOf } from './address';
import { RCV_SHUTDOWN, SOCK_CLOEXEC, SOCK_NONBLOCK } from './constants';
import { fdInstall, lowestFreeFd } from './fdtable';
import { emit } from './kernel';
import { err, ok } from './result';
import { freeSkb } from './skb';
import { sockFile, timeoFor } from './sock';
import type { SysResult } from './syscalls';
import type { Kernel, OpenFile, Process, UnixSock } from './types';
import { type Block, wakePeerWait } from './wait';

/**
 * accept4(fd, addr, addrlen, flags) on a listener. Not a stream or seqpacket socket: EOPNOTSUPP;
 * not listening: EINVAL. An empty queue gives EAGAIN when the listener's file is nonblocking
 * (accept4's SOCK_NONBLOCK only applies to the new fd), else the caller sleeps. A listener
 * shut down for reading gives EINVAL once its queue is empty.
 */
export function unix_accept(
  k: Kernel,
  p: Process,
  file: OpenFile,
  sock: UnixSock,
  addrlen: number | null,
  flags: number,
  timedOut: boolean,
  resumed = false,
): SysResult | Block {
  if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return err('EINVAL');
  if (sock.type === 'dgram') return err('EOPNOTSUPP');
  if (sock.state !== 'TCP_LISTEN') return err('EINVAL');
  if (lowestFreeFd(p) < 0) return err('EMFILE');
  const skb = sock.receiveQueue[0];
  if (!skb) {
    // skb_recv_datagram: a pending error first; then EAGAIN without a timeout; then
    // RCV_SHUTDOWN, which unix_accept reports as EINVAL; then sleep.
    if (sock.err) {
      const e = sock.err;
      sock.err = null;
      return err(e);
    }
    const timeo = timeoFor(file.nonblock, sock.rcvtimeoMs, timedOut, resumed);
    if (timeo === 0) return err('EAGAIN');
    if (sock.shutdown & RCV_SHUTDOWN) return err('EINVAL');
    return {
      block: { kind: 'sock', sock: sock.id, why: 'accept' },
      timeoutMs: Number.isFinite(timeo) ? timeo : null,
    };
  }
  sock.receiveQueue.shift();
  const embryo = skb.embryo as UnixSock;
  freeSkb(k, skb);
  wakePeerWait(k, sock);
  embryo.listener = null;
  const newFile = sockFile(k, embryo, (flags & SOCK_NONBLOCK) !== 0);
  emit(k, { type: 'conn.accepted', listener: sock.id, embryo: embryo.id, skb: skb.id });
  const fd = fdInstall(k, p, newFile, (flags & SOCK_CLOEXEC) !== 0);
  if (addrlen === null) return ok(fd);
  // The address is the peer's (the client's) name: unix_getname(newsock, peer=1).
  const peerAddr = embryo.peer ? nameOf(embryo.peer, addrlen) : { addr: new Uint8Array(0), addrlen: 0 };
  return ok(fd, { addr: peerAddr.addr, addrlen: peerAddr.addrlen });
}
