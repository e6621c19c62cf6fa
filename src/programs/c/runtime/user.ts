/**
 * Copying to and from user memory for system calls, as copy_from_user and copy_to_user do:
 * a bad pointer passed to a system call is EFAULT, not a crash.
 */
import type { Errno, Syscall, SysResult } from '../../../engine';
import { Fault } from '../vm/memory';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { setErrno, sys } from './util';

/** An argument a system call rejects before entering the kernel (an iovec count over UIO_MAXIOV). */
export class UserErrno extends Error {
  constructor(readonly errno: Errno) {
    super(errno);
  }
}

/** Runs `f`; a fault on the way becomes -1 with errno EFAULT. */
export function user(vm: VM, f: () => NativeResult): NativeResult {
  try {
    return f();
  } catch (e) {
    if (e instanceof UserErrno) {
      setErrno(vm, e.errno);
      return -1;
    }
    if (!(e instanceof Fault)) throw e;
    setErrno(vm, 'EFAULT');
    return -1;
  }
}

/** A system call whose arguments are read from user memory by `build` (EFAULT when they cannot be). */
export function userCall(
  vm: VM,
  build: () => Syscall,
  after?: (vm: VM, r: SysResult) => NativeResult,
): NativeResult {
  return user(vm, () => sys(build(), after ? (v, r) => user(v, () => after(v, r)) : undefined));
}

/** An address argument's bytes (at most the size of a sockaddr_storage), or null for NULL. */
export function readAddr(vm: VM, addr: number, len: number): Uint8Array | null {
  if (addr === 0) return null;
  return vm.mem.read(addr, Math.max(0, Math.min(len >>> 0, 128)));
}

/** Writes an address back to a caller's buffer and its full length to *lenp. */
export function writeAddr(vm: VM, addr: number, lenp: number, r: SysResult): void {
  if (addr === 0 || lenp === 0 || r.addr === undefined) return;
  const room = vm.mem.u32(lenp);
  vm.mem.write(addr, r.addr.subarray(0, Math.min(room, r.addr.length)));
  vm.mem.setU32(lenp, r.addrlen ?? r.addr.length);
}

/** Milliseconds from a struct timeval (or timespec when `nanos`). */
export function readTime(vm: VM, at: number, nanos = false): number {
  const sec = vm.mem.i64(at);
  const frac = vm.mem.i64(at + 8);
  return sec * 1000 + Math.floor(frac / (nanos ? 1e6 : 1e3));
}

/** Writes milliseconds as a struct timeval. */
export function writeTimeval(vm: VM, at: number, ms: number): void {
  vm.mem.setU64(at, Math.floor(ms / 1000));
  vm.mem.setU64(at + 8, (ms % 1000) * 1000);
}
