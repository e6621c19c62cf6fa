/**
 * getline and getdelim, as glibc's __getdelim: a NULL *lineptr (or *n of 0) gets a 120-byte
 * malloc, and the buffer grows by realloc to at least twice its size whenever a line does not
 * fit; the delimiter is kept and a NUL added. -1 at the end of input (with the buffer
 * allocated all the same), on a stream with its error indicator set, and with EINVAL for a NULL
 * lineptr or n.
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { HEAP, mallocBytes } from './heap';
import { fill, stream } from './stdio';
import { andThen, setErrno } from './util';

/** getdelim(lineptr, n, delim, stream). */
function getdelim(vm: VM, lineptr: number, np: number, delim: number, file: number): NativeResult {
  if (lineptr === 0 || np === 0) {
    setErrno(vm, 'EINVAL');
    return -1;
  }
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'getdelim on an invalid FILE pointer' };
  if (s.error) return -1;
  const m = vm.mem;
  if (m.u64(lineptr) === 0 || m.u64(np) === 0) {
    m.setU64(np, 120);
    const p = mallocBytes(vm, 120);
    m.setU64(lineptr, p);
    if (p === 0) return -1;
  }
  const d = delim & 0xff;
  /** Copies what is buffered (up to the delimiter) after the `cur` bytes already taken. */
  const take = (v: VM, cur: number): NativeResult => {
    const t = stream(v, file);
    if (!t) return -1;
    const at = t.in.indexOf(d);
    const len = at >= 0 ? at + 1 : t.in.length;
    const have = v.mem.u64(np);
    const needed = Math.max(cur + len + 1, 2 * have);
    // -1 stands for "no realloc needed" (realloc itself gives a block or 0).
    const grow: NativeResult = cur + len + 1 > have ? HEAP.realloc(v, [v.mem.u64(lineptr), needed]) : -1;
    return andThen(v, grow, (w, p) => {
      if (p === 0) return -1;
      if (p !== -1) {
        w.mem.setU64(lineptr, p);
        w.mem.setU64(np, needed);
      }
      const u = stream(w, file);
      if (!u) return -1;
      w.mem.write(w.mem.u64(lineptr) + cur, Uint8Array.from(u.in.splice(0, len)));
      const total = cur + len;
      const end = (x: VM) => {
        x.mem.setU8(x.mem.u64(lineptr) + total, 0);
        return total;
      };
      if (at >= 0) return end(w);
      return fill(w, file, (x, ok) => (ok ? take(x, total) : end(x)));
    });
  };
  if (s.in.length > 0) return take(vm, 0);
  return fill(vm, file, (v, ok) => (ok ? take(v, 0) : -1));
}

/** The getline natives. */
export const GETLINE: Record<string, (vm: VM, a: number[]) => NativeResult> = {
  getline: (vm, a) => getdelim(vm, a[0], a[1], 10, a[2]),
  getdelim: (vm, a) => getdelim(vm, a[0], a[1], a[2], a[3]),
};
