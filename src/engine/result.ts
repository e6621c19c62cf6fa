/** Small constructors for system call results. */
import type { Errno } from './errno';
import type { SysResult } from './syscalls';

/** A successful result with a return value. */
export function ok(ret = 0, extra?: Omit<SysResult, 'ret' | 'errno'>): SysResult {
  return extra ? { ret, errno: null, ...extra } : { ret, errno: null };
}

/** A failed result: -1 and the errno. */
export function err(e: Errno): SysResult {
  return { ret: -1, errno: e };
}
