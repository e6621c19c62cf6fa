/**
 * bind(): pathname names (a socket file in the filesystem), abstract names, and autobind.
 * Mirrors unix_bind(), unix_bind_bsd(), unix_bind_abstract() and unix_autobind().
 */
import {
  abstractAddress,
  abstractKey,
  abstractName,
  addrFamily,
  autobindName,
  isAbstract,
  pathAddress,
  unix_mkname_bsd,
  unix_validate_addr,
} from './address';
import { AF_UNIX, SUN_PATH_OFFSET } from './constants';
import type { Errno } from './errno';
import { createNode, lookupParent } from './fs';
import { emit } from './kernel';
import { err, ok } from './result';
import type { SysResult } from './syscalls';
import type { Kernel, Process, UnixSock } from './types';

/** Records a new name on a socket. */
function setAddr(k: Kernel, sock: UnixSock, addr: ReturnType<typeof pathAddress>): void {
  sock.addr = addr;
  emit(k, { type: 'sock.bound', sock: sock.id, name: addr.text, kind: addr.kind, autobind: addr.autobind });
}

/**
 * Gives an unnamed socket an abstract name of five hex digits. Mirrors unix_autobind():
 * a socket that already has a name keeps it (and the call succeeds).
 */
export function unix_autobind(k: Kernel, sock: UnixSock): Errno | null {
  if (sock.addr) return null;
  for (let tries = 0; tries < 0x100000; tries++) {
    const name = autobindName(++k.autobindSeq);
    const key = abstractKey(sock.type, name);
    if (k.abstract.has(key)) continue;
    k.abstract.set(key, sock);
    setAddr(k, sock, abstractAddress(name, true));
    return null;
  }
  return 'ENOSPC';
}

/**
 * Binds a pathname: creates a socket file (mode 0777 & ~umask). The existing-name check comes
 * first, so binding a bound socket to its own path gives EADDRINUSE and to a new path EINVAL
 * (the kernel creates the node and removes it again). Mirrors unix_bind_bsd().
 */
function unix_bind_bsd(
  k: Kernel,
  p: Process,
  sock: UnixSock,
  addr: Uint8Array,
  addrlen: number,
): Errno | null {
  const { path } = unix_mkname_bsd(addr, addrlen);
  const where = lookupParent(k, p, path);
  if (typeof where === 'string') return where === 'EEXIST' ? 'EADDRINUSE' : where;
  if (where.dir.children?.has(where.name)) return 'EADDRINUSE';
  if (sock.addr) return 'EINVAL';
  const node = createNode(k, p, path, 'socket', 0o777);
  if (typeof node === 'string') return node === 'EEXIST' ? 'EADDRINUSE' : node;
  node.sock = sock;
  sock.node = node;
  setAddr(k, sock, pathAddress(path));
  return null;
}

/** Binds an abstract name: exactly addrlen - 3 bytes after the NUL. Mirrors unix_bind_abstract(). */
function unix_bind_abstract(k: Kernel, sock: UnixSock, addr: Uint8Array, addrlen: number): Errno | null {
  if (sock.addr) return 'EINVAL';
  const name = abstractName(addr, addrlen);
  const key = abstractKey(sock.type, name);
  if (k.abstract.has(key)) return 'EADDRINUSE';
  k.abstract.set(key, sock);
  setAddr(k, sock, abstractAddress(name));
  return null;
}

/** bind(fd, addr, addrlen) on a socket. Mirrors unix_bind(). */
export function unix_bind(
  k: Kernel,
  p: Process,
  sock: UnixSock,
  addr: Uint8Array | null,
  addrlen: number,
): SysResult {
  if (addrlen === SUN_PATH_OFFSET && addr && addrFamily(addr) === AF_UNIX) {
    const e = unix_autobind(k, sock);
    return e ? err(e) : ok();
  }
  const bad = unix_validate_addr(addr, addrlen);
  if (bad) return err(bad);
  const a = addr as Uint8Array;
  const e = isAbstract(a) ? unix_bind_abstract(k, sock, a, addrlen) : unix_bind_bsd(k, p, sock, a, addrlen);
  return e ? err(e) : ok();
}
