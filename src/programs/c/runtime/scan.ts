/**
 * The scanf family, as glibc 2.36 does it. The scanner follows stdio-common/vfscanf-internal.c
 * character by character: one character of look-ahead pushed back, whitespace skipped before
 * every conversion but %c, %[ and %n, widths counting every character read (a sign and a "0x"
 * too), numbers converted as strtol/strtoul convert the digits read (then cut to the argument's
 * width), a NULL destination for %s, %c or %[ a matching failure, and the return value the count
 * of assignments, or EOF when the input ends before the first one.
 *
 * On a stream the scanner runs over the bytes buffered; if it needs more before it is done, the
 * stream reads once more and the scan starts over (it has stored nothing yet), so a scanf on
 * stdin waits for a line as glibc's does. The stores are made only once the scan is complete.
 *
 * Simplified: %lc, %ls and %l[ store each byte as a wchar_t (the "C" locale); %f converts the
 * digits to double and rounds that to float, where strtof rounds once (they differ only for
 * decimal strings within half a float ulp of a tie).
 *
 * This file has the natives and the stores; the scanner is in scanner.ts, its specifications in
 * scanSpec.ts and its numeric conversions in scanNumbers.ts.
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { mallocBytes } from './heap';
import { scanBytes } from './scanner';
import { EOF, MORE, type Scanned } from './scanSpec';
import { fill, stream } from './stdio';
import { cstr, setErrno } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The i-th variadic (pointer) argument of the call. */
type Args = (vm: VM, i: number) => number;

/** Makes a finished scan's stores (a bad pointer faults here, as the store would in glibc). */
function apply(vm: VM, r: Scanned): number {
  const m = vm.mem;
  for (const s of r.stores) {
    if ('int' in s) {
      const bytes = new Uint8Array(s.size);
      let v = BigInt.asUintN(s.size * 8, s.int);
      for (let i = 0; i < s.size; i++, v >>= 8n) bytes[i] = Number(v & 0xffn);
      m.write(s.at, bytes);
    } else if ('float' in s) {
      if (s.float === 4) m.setF32(s.at, s.value);
      else m.setF64(s.at, s.value);
    } else if ('bytes' in s) m.write(s.at, Uint8Array.from(s.bytes));
    else {
      const p = mallocBytes(vm, s.malloc.length);
      if (p !== 0) m.write(p, Uint8Array.from(s.malloc));
      m.setU64(s.at, p);
    }
  }
  return r.ret;
}

/** A NULL format: EINVAL and EOF, as glibc's ARGCHECK. */
function noFormat(vm: VM): number {
  setErrno(vm, 'EINVAL');
  return EOF;
}

/** sscanf over a string: its NUL is the end of the input. */
function scanString(vm: VM, str: number, fmt: number, args: Args): NativeResult {
  if (fmt === 0) return noFormat(vm);
  const r = scanBytes(cstr(vm, fmt), vm.mem.cstring(str), true, (i) => args(vm, i));
  return r === MORE ? EOF : apply(vm, r);
}

/** fscanf over a stream's buffer, reading more while the scan needs it. */
function scanStream(vm: VM, file: number, fmt: number, args: Args): NativeResult {
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'fscanf on an invalid FILE pointer' };
  if (fmt === 0) return noFormat(vm);
  const r = scanBytes(cstr(vm, fmt), s.in, s.eof || s.error, (i) => args(vm, i));
  if (r === MORE)
    return fill(vm, file, (v, ok) => {
      const t = stream(v, file);
      if (!ok && t) t.eof = true;
      return scanStream(v, file, fmt, args);
    });
  const ret = apply(vm, r);
  s.in.splice(0, r.consumed);
  return ret;
}

/** The variadic arguments of a call from index `start`. */
const fromArgs =
  (a: number[], start: number): Args =>
  (_, i) =>
    a[start + i] ?? 0;

/** The arguments behind a va_list (8-byte slots, as the VM stores variadic arguments). */
const fromVaList =
  (ap: number): Args =>
  (vm, i) =>
    vm.mem.f64(ap + i * 8);

/** The scanf natives. */
export const SCAN: Natives = {
  sscanf: (vm, a) => scanString(vm, a[0], a[1], fromArgs(a, 2)),
  vsscanf: (vm, a) => scanString(vm, a[0], a[1], fromVaList(a[2])),
  fscanf: (vm, a) => scanStream(vm, a[0], a[1], fromArgs(a, 2)),
  vfscanf: (vm, a) => scanStream(vm, a[0], a[1], fromVaList(a[2])),
  scanf: (vm, a) => scanStream(vm, vm.prog.stdFiles[0], a[0], fromArgs(a, 1)),
  vscanf: (vm, a) => scanStream(vm, vm.prog.stdFiles[0], a[0], fromVaList(a[1])),
};
