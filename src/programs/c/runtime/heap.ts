/**
 * The heap: malloc, calloc, realloc and free over the data region. Each block has a 16-byte
 * header holding its size; freed blocks are reused first-fit. Memory is never given back to
 * the system, as glibc rarely does for small blocks.
 */
import { DATA_BASE } from '../vm/memory';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { rt, setErrno } from './util';

const HEADER = 16;
/** The most a process may allocate (1 GiB); beyond it malloc fails with ENOMEM. */
const HEAP_LIMIT = 1 << 30;

/** Allocates n bytes; 0 (NULL) when the heap is exhausted. */
export function mallocBytes(vm: VM, n: number): number {
  if (n < 0 || n > HEAP_LIMIT) {
    setErrno(vm, 'ENOMEM');
    return 0;
  }
  const size = Math.ceil(Math.max(n, 1) / 16) * 16 + HEADER;
  const free = rt(vm).free;
  for (let i = 0; i < free.length; i++) {
    const [at, have] = free[i];
    if (have >= size) {
      if (have - size >= 64) free[i] = [at + size, have - size];
      else free.splice(i, 1);
      const used = have - size >= 64 ? size : have;
      vm.mem.setU64(at, used);
      return at + HEADER;
    }
  }
  // Blocks start 16-aligned, as glibc's do (the static data before the heap may end anywhere).
  const pad = (16 - (vm.mem.brk % 16)) % 16;
  if (vm.mem.brk + pad + size - DATA_BASE > HEAP_LIMIT) {
    setErrno(vm, 'ENOMEM');
    return 0;
  }
  const at = vm.mem.sbrk(pad + size) + pad;
  vm.mem.setU64(at, size);
  return at + HEADER;
}

/** The usable size of a block. */
function blockSize(vm: VM, p: number): number {
  return vm.mem.u64(p - HEADER) - HEADER;
}

/** Frees a block (free(NULL) does nothing). A pointer malloc never returned is a crash, as glibc aborts. */
export function freeBytes(vm: VM, p: number): NativeResult {
  if (p === 0) return 0;
  const r = rt(vm);
  if (p < DATA_BASE + HEADER || p >= vm.mem.brk || p % 16 !== 0) {
    return { fault: 6, message: 'free(): invalid pointer' };
  }
  const size = vm.mem.u64(p - HEADER);
  if (r.free.some(([at]) => at === p - HEADER)) return { fault: 6, message: 'free(): double free detected' };
  r.free.push([p - HEADER, size]);
  return 0;
}

/** The heap natives. */
export const HEAP: Record<string, (vm: VM, a: number[]) => NativeResult> = {
  malloc: (vm, a) => mallocBytes(vm, a[0]),
  calloc: (vm, a) => {
    const n = a[0] * a[1];
    const p = mallocBytes(vm, n);
    if (p) vm.mem.fill(p, 0, n);
    return p;
  },
  realloc: (vm, a) => {
    const [old, n] = a;
    if (old === 0) return mallocBytes(vm, n);
    if (n === 0) return freeBytes(vm, old);
    const have = blockSize(vm, old);
    if (n <= have) return old;
    const p = mallocBytes(vm, n);
    if (!p) return 0;
    vm.mem.move(p, old, have);
    const f = freeBytes(vm, old);
    return typeof f === 'number' ? p : f;
  },
  free: (vm, a) => freeBytes(vm, a[0]),
};
