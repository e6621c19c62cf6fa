/** Helpers the runtime's natives share: C strings, errno, and system calls with continuations. */
import { type Errno, errnoNumber, type Syscall, type SysResult } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import type { Runtime } from './state';

/** The runtime state of a VM. */
export function rt(vm: VM): Runtime {
  return vm.rt as Runtime;
}

/** A NUL-terminated string at an address, as a byte string (one char per byte). */
export function cstr(vm: VM, addr: number): string {
  return bin(vm.mem.cstring(addr));
}

/** Bytes as a byte string. */
export function bin(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** A byte string as bytes. */
export function bytesOf(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

/** Sets the program's errno (when it has one). */
export function setErrno(vm: VM, e: Errno | number): void {
  const at = vm.prog.runtime.errno;
  if (at !== null) vm.mem.setU32(at, typeof e === 'number' ? e : errnoNumber(e));
}

/** The program's errno. */
export function getErrno(vm: VM): number {
  const at = vm.prog.runtime.errno;
  return at === null ? 0 : vm.mem.i32(at);
}

/**
 * Makes a system call and returns its value as the C library would: the result, or -1 with
 * errno set. `after` may look at a successful result first (to copy data out).
 */
export function sys(call: Syscall, after?: (vm: VM, r: SysResult) => NativeResult): NativeResult {
  return {
    syscall: call,
    cont: (vm: VM, r: SysResult) => {
      // Interrupted under SA_RESTART: the handlers have run; make the same call again.
      if (r.restart) return sys(call, after);
      if (r.errno) {
        setErrno(vm, r.errno);
        return -1;
      }
      return after ? after(vm, r) : r.ret;
    },
  };
}

/** Chains a native result: once it has produced a plain value, continue with `next`. */
export function andThen(vm: VM, r: NativeResult, next: (vm: VM, v: number) => NativeResult): NativeResult {
  if (typeof r === 'number') return next(vm, r);
  if ('syscall' in r)
    return { syscall: r.syscall, cont: (v: VM, res: SysResult) => andThen(v, r.cont(v, res), next) };
  if ('call' in r)
    return { call: r.call, args: r.args, cont: (v: VM, ret: number) => andThen(v, r.cont(v, ret), next) };
  return r;
}

/** Allocates bytes that live as long as the process (for strings the library hands out). */
export function staticBytes(vm: VM, key: string, bytes: Uint8Array): number {
  const r = rt(vm);
  const have = r.strings.get(key);
  if (have !== undefined) return have;
  const addr = vm.mem.sbrk(Math.ceil((bytes.length + 1) / 16) * 16);
  vm.mem.write(addr, bytes);
  vm.mem.setU8(addr + bytes.length, 0);
  r.strings.set(key, addr);
  return addr;
}
