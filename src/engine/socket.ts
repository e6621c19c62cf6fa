/**
 * socket() and socketpair(). Mirrors __sys_socket, unix_create() and unix_socketpair().
 */
import { AF_MAX, AF_UNIX, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_TYPE_MASK } from './constants';
import type { Errno } from './errno';
import { fdInstall, lowestFreeFd } from './fdtable';
import { emit } from './kernel';
import { err, ok } from './result';
import { credOf, setState, sockFile, unix_create1 } from './sock';
import type { SysResult } from './syscalls';
import type { Kernel, Process, SockType } from './types';

/** SOCK_MAX: one past SOCK_PACKET. */
const SOCK_MAX = 11;
const SOCK_RAW = 3;

/**
 * Checks domain, type and protocol. Mirrors __sys_socket_create (unknown flag bits: EINVAL),
 * __sock_create (family range: EAFNOSUPPORT, type range: EINVAL) and unix_create (protocol 0 or
 * PF_UNIX, else EPROTONOSUPPORT; SOCK_RAW becomes SOCK_DGRAM; other types ESOCKTNOSUPPORT).
 */
function checkSocketArgs(
  domain: number,
  type: number,
  protocol: number,
  forPair: boolean,
): { type: SockType; flags: number } | Errno {
  const flags = type & ~SOCK_TYPE_MASK;
  if (type < 0 || flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) return 'EINVAL';
  const base = type & SOCK_TYPE_MASK;
  if (domain < 0 || domain >= AF_MAX) return 'EAFNOSUPPORT';
  if (base >= SOCK_MAX) return 'EINVAL';
  // Simplified: only AF_UNIX is modelled. socketpair on AF_INET and AF_INET6, which every kernel
  // has, is EOPNOTSUPP (inet_stream_ops' sock_no_socketpair); other families depend on the
  // modules a kernel has loaded (fixtures/probes/socketpair_families.txt) and are EAFNOSUPPORT here.
  if (domain !== AF_UNIX) return forPair && (domain === 2 || domain === 10) ? 'EOPNOTSUPP' : 'EAFNOSUPPORT';
  if (protocol !== 0 && protocol !== AF_UNIX) return 'EPROTONOSUPPORT';
  if (base === 1) return { type: 'stream', flags };
  if (base === 2 || base === SOCK_RAW) return { type: 'dgram', flags };
  if (base === 5) return { type: 'seqpacket', flags };
  return 'ESOCKTNOSUPPORT';
}

/** socket(domain, type, protocol): a new unconnected socket at the lowest free fd. */
export function sys_socket(k: Kernel, p: Process, domain: number, type: number, protocol: number): SysResult {
  const args = checkSocketArgs(domain, type, protocol, false);
  if (typeof args === 'string') return err(args);
  if (lowestFreeFd(p) < 0) return err('EMFILE');
  const sock = unix_create1(k, args.type, p.pid);
  const file = sockFile(k, sock, (args.flags & SOCK_NONBLOCK) !== 0);
  return ok(fdInstall(k, p, file, (args.flags & SOCK_CLOEXEC) !== 0));
}

/**
 * socketpair(domain, type, protocol, sv): two sockets joined back to back, both TCP_ESTABLISHED
 * with the creator's credentials. Mirrors unix_socketpair().
 */
export function sys_socketpair(
  k: Kernel,
  p: Process,
  domain: number,
  type: number,
  protocol: number,
): SysResult {
  const args = checkSocketArgs(domain, type, protocol, true);
  if (typeof args === 'string') return err(args);
  const a = unix_create1(k, args.type, p.pid);
  const b = unix_create1(k, args.type, p.pid);
  a.peer = b;
  b.peer = a;
  a.peercred = credOf(p);
  b.peercred = credOf(p);
  setState(k, a, 'TCP_ESTABLISHED');
  setState(k, b, 'TCP_ESTABLISHED');
  emit(k, { type: 'sock.connected', sock: a.id, peer: b.id });
  const nonblock = (args.flags & SOCK_NONBLOCK) !== 0;
  const cloexec = (args.flags & SOCK_CLOEXEC) !== 0;
  const fa = fdInstall(k, p, sockFile(k, a, nonblock), cloexec);
  const fb = fdInstall(k, p, sockFile(k, b, nonblock), cloexec);
  return { ret: 0, errno: null, fds: [fa, fb] };
}
