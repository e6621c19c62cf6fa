/**
 * qsort, qsort_r and bsearch, as glibc 2.36 does them (stdlib/msort.c, stdlib/bsearch.c). qsort
 * is glibc's merge sort: stable, and calling the comparator on the same pairs in the same order.
 * Records over 32 bytes are sorted through an array of pointers to them (so the comparator sees
 * each record where it was) and moved into place at the end. The temporary array is on the stack
 * under 1024 bytes (alloca) and malloc'd from 1024 bytes on, as in glibc.
 *
 * The comparator is a user function: each comparison is a `{call, args, cont}` result, and the
 * sort goes on in the continuation. The sort's state is in the process's memory and in the
 * numbers the continuations capture, so a process copied in the middle of a sort (fork in a
 * comparator, a checkpoint) goes on with its own copy.
 */

import { Fault, STACK_LIMIT, STACK_TOP } from '../vm/memory';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { freeBytes, mallocBytes } from './heap';
import { andThen } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** What every step of one sort shares (glibc's struct msort_param). */
interface Sort {
  /** The temporary array. */
  t: number;
  /** The size of what is sorted: the element size, or 8 when sorting pointers. */
  s: number;
  /** Sorting pointers to the records (p->var == 3) rather than the records. */
  indirect: boolean;
  cmp: number;
  /** qsort_r's third comparator argument (null for qsort). */
  arg: number | null;
}

type Cont = (vm: VM) => NativeResult;

function compare(p: Sort, a: number, b: number, then: (vm: VM, r: number) => NativeResult): NativeResult {
  return {
    call: p.cmp,
    args: p.arg === null ? [a, b] : [a, b, p.arg],
    cont: (vm: VM, r: number) => then(vm, r | 0),
  };
}

/** Sorts n elements at b, then goes on with k. Mirrors msort_with_tmp(). */
function msort(vm: VM, p: Sort, b: number, n: number, k: Cont): NativeResult {
  if (n <= 1) return k(vm);
  const n1 = Math.floor(n / 2);
  const n2 = n - n1;
  return msort(vm, p, b, n1, (v) =>
    msort(v, p, b + n1 * p.s, n2, (w) => merge(w, p, b, n, b, n1, b + n1 * p.s, n2, p.t, k)),
  );
}

/** Merges the sorted runs at b1 (n1 elements) and b2 (n2) through the temporary array into b. */
function merge(
  vm: VM,
  p: Sort,
  b: number,
  n: number,
  b1: number,
  n1: number,
  b2: number,
  n2: number,
  tmp: number,
  k: Cont,
): NativeResult {
  const s = p.s;
  if (n1 > 0 && n2 > 0) {
    const m = vm.mem;
    const [x, y] = p.indirect ? [m.u64(b1), m.u64(b2)] : [b1, b2];
    return compare(p, x, y, (v, r) => {
      if (r <= 0) {
        v.mem.move(tmp, b1, s);
        return merge(v, p, b, n, b1 + s, n1 - 1, b2, n2, tmp + s, k);
      }
      v.mem.move(tmp, b2, s);
      return merge(v, p, b, n, b1, n1, b2 + s, n2 - 1, tmp + s, k);
    });
  }
  if (n1 > 0) vm.mem.move(tmp, b1, n1 * s);
  vm.mem.move(b, p.t, (n - n2) * s);
  return k(vm);
}

/** qsort_r(b, n, s, cmp, arg): glibc's __qsort_r. */
function qsort(vm: VM, b: number, n: number, s: number, cmp: number, arg: number | null): NativeResult {
  if (n <= 1) return 0;
  const size = s > 32 ? 2 * n * 8 + s : n * s;
  let t: number;
  let done: Cont;
  if (size < 1024) {
    // alloca: the comparator's frames go below the temporary array.
    const msp = vm.msp;
    t = Math.floor((msp - size) / 16) * 16;
    if (t < STACK_TOP - STACK_LIMIT) throw new Fault(t, 'stack overflow');
    vm.msp = t;
    done = (v) => {
      v.msp = msp;
      return 0;
    };
  } else {
    t = mallocBytes(vm, size);
    // Simplified: glibc falls back to an unstable quicksort when it cannot allocate; the model's
    // heap only fails beyond 1 GiB, more than a program here sorts.
    if (t === 0) return 0;
    done = (v) => andThen(v, freeBytes(v, t), () => 0);
  }
  if (s <= 32) return msort(vm, { t, s, indirect: false, cmp, arg }, b, n, done);
  // Indirect sorting: tp[i] = &b[i] after the n-pointer temporary array, sorted, then the records moved.
  const tp = t + n * 8;
  for (let i = 0; i < n; i++) vm.mem.setU64(tp + i * 8, b + i * s);
  return msort(vm, { t, s: 8, indirect: true, cmp, arg }, tp, n, (v) => {
    const records: Uint8Array[] = [];
    for (let i = 0; i < n; i++) records.push(v.mem.read(v.mem.u64(tp + i * 8), s));
    for (let i = 0; i < n; i++) v.mem.write(b + i * s, records[i]);
    return done(v);
  });
}

/** bsearch: glibc's binary search, which returns the first match it meets (not the first in order). */
function bsearch(key: number, base: number, lo: number, hi: number, size: number, cmp: number): NativeResult {
  if (lo >= hi) return 0;
  const idx = Math.floor((lo + hi) / 2);
  const at = base + idx * size;
  return {
    call: cmp,
    args: [key, at],
    cont: (_: VM, r: number) => {
      const c = r | 0;
      if (c < 0) return bsearch(key, base, lo, idx, size, cmp);
      if (c > 0) return bsearch(key, base, idx + 1, hi, size, cmp);
      return at;
    },
  };
}

/** The sorting and searching natives. */
export const SORT: Natives = {
  qsort: (vm, a) => qsort(vm, a[0], a[1], a[2], a[3], null),
  qsort_r: (vm, a) => qsort(vm, a[0], a[1], a[2], a[3], a[4]),
  bsearch: (_, a) => bsearch(a[0], a[1], 0, a[2], a[3], a[4]),
};
