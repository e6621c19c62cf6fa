/** The accept() and accept4() entries. */
import { unix_accept } from '../accept';
import type { Resume } from '../dispatch';
import { err } from '../result';
import type { Syscall, SysResult } from '../syscalls';
import type { Kernel, Process } from '../types';
import type { Block } from '../wait';
import { sockfd_lookup } from './lookup';

/** accept(fd, addr, addrlen) and accept4(..., flags). */
export function sys_accept(
  k: Kernel,
  p: Process,
  call: Extract<Syscall, { name: 'accept' | 'accept4' }>,
  r: Resume,
): SysResult | Block {
  const s = sockfd_lookup(p, call.fd);
  if (typeof s === 'string') return err(s);
  if (call.addrlen !== null && call.addrlen < 0) return err('EINVAL');
  const flags = call.name === 'accept4' ? call.flags : 0;
  return unix_accept(k, p, s.file, s.sock, call.addrlen, flags, r.timedOut, r.sleep !== null);
}
