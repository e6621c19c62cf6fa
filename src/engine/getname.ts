/**
 * getsockname() and getpeername(). Mirrors unix_getname(): an unnamed socket reports
 * {AF_UNIX} with length 2; a pathname its path with the NUL counted; the copy is cut to the
 * caller's buffer while the full length is reported.
 */
import { nameOf } from './address';
import { err, ok } from './result';
import type { SysResult } from './syscalls';
import type { UnixSock } from './types';

/** getsockname(fd, addr, &addrlen) or, with `peer`, getpeername (ENOTCONN without a peer). */
export function unix_getname(sk: UnixSock, peer: boolean, addrlen: number): SysResult {
  if (addrlen < 0) return err('EINVAL');
  let target = sk;
  if (peer) {
    if (!sk.peer) return err('ENOTCONN');
    target = sk.peer;
  }
  const a = nameOf(target, addrlen);
  return ok(0, { addr: a.addr, addrlen: a.addrlen });
}
