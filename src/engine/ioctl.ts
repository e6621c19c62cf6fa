/**
 * ioctl() on sockets: bytes waiting to be read (SIOCINQ/FIONREAD), bytes charged to the send
 * buffer (SIOCOUTQ), the urgent mark (SIOCATMARK), and FIONBIO. Mirrors unix_ioctl().
 */
import { FIONBIO, SIOCATMARK, SIOCINQ, SIOCOUTQ } from './constants';
import { err, ok } from './result';
import { skbLen } from './skb';
import type { SysResult } from './syscalls';
import type { OpenFile, UnixSock } from './types';

/**
 * SIOCINQ: on stream and seqpacket sockets the unread bytes of the whole queue, on datagram
 * sockets the size of the next datagram only; EINVAL on a listener. Mirrors unix_inq_len().
 */
export function unix_inq_len(sk: UnixSock): number {
  if (sk.state === 'TCP_LISTEN') return -1;
  if (sk.type === 'dgram') return sk.receiveQueue[0]?.data.length ?? 0;
  let n = 0;
  for (const skb of sk.receiveQueue) n += skbLen(skb);
  return n;
}

/** ioctl(fd, request, &value) on a socket. */
export function unix_ioctl(
  file: OpenFile,
  sk: UnixSock,
  request: number,
  arg: number | undefined,
): SysResult {
  switch (request) {
    case SIOCOUTQ:
      return ok(0, { value: sk.wmemAlloc });
    case SIOCINQ: {
      const n = unix_inq_len(sk);
      return n < 0 ? err('EINVAL') : ok(0, { value: n });
    }
    case SIOCATMARK: {
      const q = sk.receiveQueue;
      const head = q[0];
      const oob = sk.oobSkb;
      const at = head !== undefined && (head === oob || (skbLen(head) === 0 && (!oob || q[1] === oob)));
      return ok(0, { value: at ? 1 : 0 });
    }
    case FIONBIO:
      file.nonblock = (arg ?? 0) !== 0;
      return ok();
    default:
      return err('ENOTTY');
  }
}
