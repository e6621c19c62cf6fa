/**
 * libm: the <math.h> functions as glibc 2.36 computes them. The exact operations (sqrt, floor,
 * fmod, ...) are JavaScript's, which rounds them correctly as glibc does; exp, exp2, log, log2,
 * pow, sin, cos, tan, atan, atan2, asin, acos and hypot are correctly rounded (libm.ts), which
 * matches glibc's to the last bit for all but about one argument in two thousand (glibc is
 * within 0.52 ulp, not 0.5); log10, cbrt, sinh, cosh, asinh and acosh are glibc's algorithms
 * over those. tanh, atanh, expm1 and log1p are JavaScript's (fdlibm's, as glibc's, which gcc
 * may have built with fused multiply-adds): their last bit differs from glibc's for under one
 * argument in two hundred (acosh, which calls log1p, for about one in a hundred). Measured over
 * 20000 arguments of each function against glibc 2.36 on x86-64. errno is set as glibc sets it:
 * EDOM for a domain error, ERANGE when a finite argument gives an infinite result or underflows
 * to zero. A domain error's NaN has glibc's sign: negative (x86's default NaN) from the functions
 * that compute 0/0 (sqrt, log, log2, log1p, pow, fmod, sin, cos, tan), positive from those whose
 * wrappers return a NaN constant (log10, asin, acos). A NaN argument gives a NaN (glibc keeps
 * its sign; here it may be lost, as the VM passes arguments in a JavaScript array).
 * The float (f) forms compute in double and round once to float; long double (l) is double.
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import * as libm from './libm';
import { setErrno } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

const bits = new DataView(new ArrayBuffer(8));

/** A NaN with the sign bit set or clear. */
function nanWithSign(negative: boolean): number {
  bits.setUint32(0, negative ? 0xfff80000 : 0x7ff80000);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

const NEG_NAN = nanWithSign(true);
const POS_NAN = nanWithSign(false);

function signBit(x: number): boolean {
  bits.setFloat64(0, x);
  return (bits.getUint8(0) & 0x80) !== 0;
}

/** A domain error: EDOM and glibc's NaN. */
function domain(vm: VM, negative = true): number {
  setErrno(vm, 'EDOM');
  return negative ? NEG_NAN : POS_NAN;
}

/** ERANGE when finite arguments gave an infinite or zero result (overflow, pole, underflow to 0). */
function range(vm: VM, r: number, args: number[], underflow = true): number {
  if (args.every(Number.isFinite) && (!Number.isFinite(r) || (underflow && r === 0))) setErrno(vm, 'ERANGE');
  return r;
}

/** x * 2^n, rounded once (musl's scalbn). */
function scalbn(x: number, n: number): number {
  let y = x;
  let e = n;
  if (e > 1023) {
    y *= 2 ** 1023;
    e -= 1023;
    if (e > 1023) {
      y *= 2 ** 1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    // Stay normal until the last step, so the result is rounded once in the subnormal range.
    y *= 2 ** -1022 * 2 ** 53;
    e += 1022 - 53;
    if (e < -1022) {
      y *= 2 ** -1022 * 2 ** 53;
      e += 1022 - 53;
      if (e < -1022) e = -1022;
    }
  }
  return y * 2 ** e;
}

/** frexp: [m, e] with x = m * 2^e and 0.5 <= |m| < 1 (x itself for 0, inf and NaN, with e 0). */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  bits.setFloat64(0, x);
  let exp = (bits.getUint16(0) >> 4) & 0x7ff;
  let y = x;
  let adjust = 0;
  if (exp === 0) {
    // Subnormal: scale into the normal range first.
    y = x * 2 ** 64;
    adjust = -64;
    bits.setFloat64(0, y);
    exp = (bits.getUint16(0) >> 4) & 0x7ff;
  }
  const e = exp - 1022;
  bits.setFloat64(0, y);
  bits.setUint16(0, (bits.getUint16(0) & 0x800f) | (1022 << 4));
  return [bits.getFloat64(0), e + adjust];
}

/** Rounds to the nearest integer, ties to even (rint in the default rounding mode). */
function rint(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const t = Math.floor(x);
  const d = x - t;
  const r = d > 0.5 ? t + 1 : d < 0.5 ? t : t % 2 === 0 ? t : t + 1;
  return r === 0 && signBit(x) ? -0 : r;
}

/** round: halfway cases away from zero. */
function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** The next double after x towards y. */
function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -1074 : -(2 ** -1074);
  bits.setFloat64(0, x);
  let v = bits.getBigUint64(0);
  v += x < y === x > 0 ? 1n : -1n;
  bits.setBigUint64(0, v);
  return bits.getFloat64(0);
}

/** A long (lround, lrint): out of range gives LONG_MIN, as cvtsd2si does. */
function toLong(x: number): number {
  return Number.isFinite(x) && Math.abs(x) < 2 ** 63 ? x : -(2 ** 63);
}

/** The double functions: each gets the VM (for errno) and its arguments. */
const DOUBLE: Record<string, (vm: VM, x: number, y: number) => number> = {
  sqrt: (vm, x) => (x < 0 ? domain(vm) : Math.sqrt(x)),
  cbrt: (_, x) => (x === 0 || !Number.isFinite(x) ? x : libm.cbrt(x)),
  exp: (vm, x) => (Number.isFinite(x) ? range(vm, libm.exp(x), [x]) : x === -Infinity ? 0 : x),
  exp2: (vm, x) => (Number.isFinite(x) ? range(vm, libm.exp2(x), [x]) : x === -Infinity ? 0 : x),
  expm1: (vm, x) => range(vm, Math.expm1(x), [x], false),
  log: (vm, x) => log(vm, x, libm.log, true),
  log2: (vm, x) => log(vm, x, libm.log2, true),
  log10: (vm, x) => log(vm, x, libm.log10, false),
  log1p: (vm, x) => {
    if (x === -1) return range(vm, -Infinity, [x]);
    return x < -1 ? domain(vm) : Math.log1p(x);
  },
  pow: (vm, x, y) => pow(vm, x, y),
  sin: (vm, x) => trig(vm, x, libm.sin),
  cos: (vm, x) => trig(vm, x, libm.cos),
  tan: (vm, x) => trig(vm, x, libm.tan),
  asin: (vm, x) => (Number.isNaN(x) ? x : Math.abs(x) > 1 ? domain(vm, false) : libm.asin(x)),
  acos: (vm, x) => (Number.isNaN(x) ? x : Math.abs(x) > 1 ? domain(vm, false) : libm.acos(x)),
  atan: (_, x) => (Number.isNaN(x) ? x : libm.atan(x)),
  atan2: (_, y, x) => {
    if (Number.isNaN(y) || Number.isNaN(x)) return Number.isNaN(y) ? y : x;
    // Zeros and infinities give exact multiples of pi/4 (IEEE's table, as JavaScript has it).
    if (y === 0 || x === 0 || !Number.isFinite(y) || !Number.isFinite(x)) return Math.atan2(y, x);
    return libm.atan2(y, x);
  },
  sinh: (vm, x) => (Number.isFinite(x) ? range(vm, libm.sinh(x), [x], false) : x),
  cosh: (vm, x) => (Number.isFinite(x) ? range(vm, libm.cosh(x), [x], false) : Math.abs(x)),
  tanh: (_, x) => Math.tanh(x),
  asinh: (_, x) => (Number.isFinite(x) ? libm.asinh(x) : x),
  acosh: (vm, x) => (Number.isNaN(x) || x === Infinity ? x : x < 1 ? domain(vm) : libm.acosh(x)),
  atanh: (vm, x) => {
    if (Math.abs(x) === 1) return range(vm, x * Infinity, [x]);
    return Math.abs(x) > 1 ? domain(vm) : Math.atanh(x);
  },
  hypot: (vm, x, y) => {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? x : y;
    return range(vm, libm.hypot(x, y), [x, y], false);
  },
  fabs: (_, x) => Math.abs(x),
  floor: (_, x) => Math.floor(x),
  ceil: (_, x) => Math.ceil(x),
  trunc: (_, x) => Math.trunc(x),
  round: (_, x) => round(x),
  rint: (_, x) => rint(x),
  nearbyint: (_, x) => rint(x),
  fmod: (vm, x, y) => {
    if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
    return y === 0 || !Number.isFinite(x) ? domain(vm) : x % y;
  },
  copysign: (_, x, y) => (signBit(x) === signBit(y) ? x : -x),
  fmin: (_, x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y)),
  fmax: (_, x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y)),
  fdim: (vm, x, y) =>
    Number.isNaN(x) || Number.isNaN(y) ? x + y : x > y ? range(vm, x - y, [x, y], false) : 0,
  nextafter: (_, x, y) => nextafter(x, y),
  // logb(0) is -inf without an error; ilogb's errors are EDOM (below).
  logb: (_, x) => (x === 0 ? -Infinity : Number.isFinite(x) ? frexp(x)[1] - 1 : Math.abs(x)),
};

function log(vm: VM, x: number, f: (x: number) => number, negativeNan: boolean): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return range(vm, -Infinity, [x]);
  return x < 0 ? domain(vm, negativeNan) : f(x);
}

/** sin, cos, tan: a NaN as it is, a domain error for an infinity. */
function trig(vm: VM, x: number, f: (x: number) => number): number {
  if (Number.isNaN(x)) return x;
  return Number.isFinite(x) ? f(x) : domain(vm);
}

function pow(vm: VM, x: number, y: number): number {
  // pow(x, ±0) and pow(1, y) are 1 even for a NaN, and so is pow(-1, ±inf).
  if (y === 0 || x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? x : y;
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) return domain(vm);
  // Zeros and infinities: IEEE's table (JavaScript's ** has it, the cases above aside).
  const r = x === 0 || !Number.isFinite(x) || !Number.isFinite(y) ? x ** y : libm.pow(x, y);
  return range(vm, r, [x, y]);
}

/** Each argument at its index (a double argument in a[0], a[1]). */
function nativesFor(suffix: string, round32: boolean): Natives {
  const out: Natives = {};
  const f = (v: number) => (round32 ? Math.fround(v) : v);
  for (const [name, fn] of Object.entries(DOUBLE))
    out[name + suffix] = (vm, a) => {
      const r = fn(vm, a[0], a[1]);
      if (!round32) return r;
      // A float overflows and underflows sooner: ERANGE as expf and powf set it.
      const v = Math.fround(r);
      if (Number.isFinite(r) && (!Number.isFinite(v) || (v === 0 && r !== 0))) setErrno(vm, 'ERANGE');
      return v;
    };
  out[`frexp${suffix}`] = (vm, a) => {
    const [m, e] = frexp(a[0]);
    vm.mem.setU32(a[1], e);
    return m;
  };
  out[`modf${suffix}`] = (vm, a) => {
    const x = a[0];
    const ip = Number.isFinite(x) ? Math.trunc(x) : x;
    if (round32) vm.mem.setF32(a[1], ip);
    else vm.mem.setF64(a[1], ip);
    if (Number.isNaN(x)) return x;
    return Number.isFinite(x) ? (x - ip === 0 ? (signBit(x) ? -0 : 0) : x - ip) : signBit(x) ? -0 : 0;
  };
  const scale = (vm: VM, a: number[]) => f(range(vm, scalbn(a[0], Math.trunc(a[1])), [a[0]]));
  out[`ldexp${suffix}`] = scale;
  out[`scalbn${suffix}`] = scale;
  out[`scalbln${suffix}`] = scale;
  out[`ilogb${suffix}`] = (vm, a) => {
    if (Number.isFinite(a[0]) && a[0] !== 0) return frexp(a[0])[1] - 1;
    setErrno(vm, 'EDOM');
    return a[0] === Infinity || a[0] === -Infinity ? 2147483647 : -2147483648;
  };
  out[`lround${suffix}`] = (_, a) => toLong(round(a[0]));
  out[`llround${suffix}`] = (_, a) => toLong(round(a[0]));
  out[`lrint${suffix}`] = (_, a) => toLong(rint(a[0]));
  out[`llrint${suffix}`] = (_, a) => toLong(rint(a[0]));
  out[`nan${suffix}`] = () => POS_NAN;
  return out;
}

/** The math natives, and glibc's classification functions behind isnan and friends. */
export const MATH: Natives = {
  ...nativesFor('', false),
  ...nativesFor('f', true),
  ...nativesFor('l', false),
  __isnan: (_, a) => (Number.isNaN(a[0]) ? 1 : 0),
  __isinf: (_, a) => (a[0] === Infinity ? 1 : a[0] === -Infinity ? -1 : 0),
  __finite: (_, a) => (Number.isFinite(a[0]) ? 1 : 0),
  __signbit: (_, a) => (signBit(a[0]) ? 1 : 0),
  __fpclassify: (_, a) => {
    const x = a[0];
    if (Number.isNaN(x)) return 0;
    if (!Number.isFinite(x)) return 1;
    if (x === 0) return 2;
    return Math.abs(x) < 2 ** -1022 ? 3 : 4;
  },
};
