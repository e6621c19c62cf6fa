/**
 * The number conversions of stdlib.h: atoi, strtol and friends (integers, with ERANGE when out of
 * range), atof and strtod (decimal and hexadecimal floating constants, inf and nan), and abs.
 */
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { digit, isSpace } from './ctype';
import { cstr, setErrno } from './util';

/** strtol and friends: parses an integer as C does (base 0 guesses 0x and 0 prefixes). */
function strtoInt(
  vm: VM,
  s: number,
  end: number,
  base: number,
  min: bigint,
  max: bigint,
  unsigned: boolean,
): number {
  let i = 0;
  const at = (k: number) => vm.mem.u8(s + k);
  while (isSpace(at(i))) i++;
  let neg = false;
  if (at(i) === 43 || at(i) === 45) {
    neg = at(i) === 45;
    i++;
  }
  let b = base;
  const hexPrefix = at(i) === 48 && (at(i + 1) | 32) === 120 && digit(at(i + 2)) < 16;
  if ((b === 0 || b === 16) && hexPrefix) {
    i += 2;
    b = 16;
  } else if (b === 0) b = at(i) === 48 ? 8 : 10;
  let v = 0n;
  let any = false;
  let over = false;
  for (;;) {
    const d = digit(at(i));
    if (d >= b) break;
    v = v * BigInt(b) + BigInt(d);
    if (v > max + 1n) over = true;
    any = true;
    i++;
  }
  if (end !== 0) vm.mem.setU64(end, any ? s + i : s);
  if (!any) return 0;
  let r = neg ? -v : v;
  // Unsigned 64-bit results are held in two's complement (ULONG_MAX is -1, see vm/ops.ts).
  if (unsigned) {
    if (v > max) {
      setErrno(vm, 'ERANGE');
      return Number(BigInt.asIntN(64, max));
    }
    return Number(BigInt.asIntN(64, r));
  }
  if (over || r > max || r < min) {
    setErrno(vm, 'ERANGE');
    r = neg ? min : max;
  }
  return Number(r);
}
/** A hexadecimal floating constant as strtod reads it ("0x1.8p3"), or null: [value, length]. */
function hexFloat(text: string): [number, number] | null {
  const m = /^\s*([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/i.exec(text);
  if (!m || (m[2] + (m[3] ?? '')).length === 0) return null;
  const frac = m[3] ?? '';
  const mant = BigInt(`0x${m[2]}${frac}`);
  const v = Number(mant) * 2 ** (Number(m[4] ?? 0) - 4 * frac.length);
  return [m[1] === '-' ? -v : v, m[0].length];
}

/** strtod on a byte string: the value and how many bytes it took (0 when there is no number). */
export function parseDouble(text: string): [number, number] {
  const hex = hexFloat(text);
  if (hex) return hex;
  const m = /^\s*([+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))/i.exec(text);
  if (!m) return [0, 0];
  const t = m[1]
    .toLowerCase()
    .replace(/^([+-]?)inf(inity)?$/, '$1Infinity')
    .replace(/^[+-]?nan$/, 'NaN');
  return [Number(t), m[0].length];
}

function strtod(vm: VM, s: number, end: number): number {
  const [v, n] = parseDouble(cstr(vm, s));
  if (end !== 0) vm.mem.setU64(end, s + n);
  return v;
}

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The stdlib.h conversion natives. */
export const CONVERT: Natives = {
  atoi: (vm, a) => Number(BigInt.asIntN(32, BigInt(strtoInt(vm, a[0], 0, 10, LONG_MIN, LONG_MAX, false)))),
  atol: (vm, a) => strtoInt(vm, a[0], 0, 10, LONG_MIN, LONG_MAX, false),
  atoll: (vm, a) => strtoInt(vm, a[0], 0, 10, LONG_MIN, LONG_MAX, false),
  strtol: (vm, a) => strtoInt(vm, a[0], a[1], a[2], LONG_MIN, LONG_MAX, false),
  strtoll: (vm, a) => strtoInt(vm, a[0], a[1], a[2], LONG_MIN, LONG_MAX, false),
  strtoul: (vm, a) => strtoInt(vm, a[0], a[1], a[2], 0n, ULONG_MAX, true),
  strtoull: (vm, a) => strtoInt(vm, a[0], a[1], a[2], 0n, ULONG_MAX, true),
  strtoimax: (vm, a) => strtoInt(vm, a[0], a[1], a[2], LONG_MIN, LONG_MAX, false),
  atof: (vm, a) => strtod(vm, a[0], 0),
  strtod: (vm, a) => strtod(vm, a[0], a[1]),
  strtof: (vm, a) => strtod(vm, a[0], a[1]),
  abs: (_, a) => Math.abs(a[0] | 0) | 0,
  labs: (_, a) => Math.abs(a[0]),
  llabs: (_, a) => Math.abs(a[0]),
};
