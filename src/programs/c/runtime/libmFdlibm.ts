/**
 * glibc's own algorithms where they are not correctly rounded, step for step: cbrt
 * (sysdeps/ieee754/dbl-64/s_cbrt.c), and fdlibm's log10, cosh, sinh, asinh and acosh over glibc's
 * exp and log (the correctly rounded ones of libmRounded.ts).
 */
import { bitLength, decompose } from './libmFixed';
import { exp, log } from './libmRounded';

/** Room to take a double apart into its 32-bit words, as fdlibm does. */
const bits = new DataView(new ArrayBuffer(8));

// glibc's constants, each written as the shortest decimal of the same double (CBRT2 is
// 1.2599210498948731648 there, the polynomial's first coefficient 0.354895765043919860, ...).
const CBRT2 = 1.2599210498948732;
const SQR_CBRT2 = 1.5874010519681996;
const CBRT_FACTOR = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

/** glibc's __cbrt (finite, not zero): a polynomial start, one rational step, then the exponent. */
export function cbrt(x: number): number {
  const [xm, xe] = frexpAbs(x);
  const u =
    0.35489576504391984 +
    (1.508191937815849 +
      (-2.114994941673713 +
        (2.4469312256353444 +
          (-1.8346927748361308 + (0.7849323449766392 - 0.14526389938548637 * xm) * xm) * xm) *
          xm) *
        xm) *
      xm;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2.0 * xm)) / (2.0 * t2 + xm)) * CBRT_FACTOR[2 + (xe % 3)];
  return ldexp(x < 0 ? -ym : ym, Math.trunc(xe / 3));
}

/** frexp(|x|) for a finite x other than 0: [m, e] with |x| = m 2^e, 0.5 <= m < 1. */
function frexpAbs(x: number): [number, number] {
  const [m, e] = decompose(x);
  const len = bitLength(m);
  return [Number(m) / 2 ** len, e + len];
}

/** x * 2^n for a result in range (cbrt's). */
function ldexp(x: number, n: number): number {
  return n > 1000
    ? x * 2 ** 1000 * 2 ** (n - 1000)
    : n < -1000
      ? x * 2 ** -1000 * 2 ** (n + 1000)
      : x * 2 ** n;
}

// fdlibm's constants (ivln10 = 4.34294481903251816668e-01, ...), written as the shortest decimals.
const TWO54 = 2 ** 54;
const IVLN10 = Math.LOG10E; // fdlibm's ivln10: the same double
const LOG10_2HI = 0.30102999566361177;
const LOG10_2LO = 3.694239077158931e-13;

/**
 * glibc's __ieee754_log10 (fdlibm's e_log10.c) for a finite x > 0: the exponent times log10(2)
 * in two parts, plus log(m) / ln 10 with glibc's log (here the correctly rounded one).
 */
export function log10(x: number): number {
  let v = x;
  let k = 0;
  if (v < 2 ** -1022) {
    k -= 54;
    v *= TWO54;
  }
  bits.setFloat64(0, v);
  const hx = bits.getInt32(0);
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  bits.setInt32(0, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const m = bits.getFloat64(0);
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}

/** The high word of a double, as fdlibm's GET_HIGH_WORD. */
function highWord(x: number): number {
  bits.setFloat64(0, x);
  return bits.getInt32(0);
}

/** glibc's __ieee754_cosh (fdlibm's, over glibc's exp) for a finite x. */
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1;
      const t = Math.expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(ax);
  bits.setFloat64(0, x);
  const lx = bits.getUint32(4);
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = exp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

/** glibc's __ieee754_sinh (fdlibm's, over glibc's exp) for a finite x. */
export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  const ax = Math.abs(x);
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x;
    const t = Math.expm1(ax);
    if (ix < 0x3ff00000) return h * (2.0 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(ax);
  bits.setFloat64(0, x);
  const lx = bits.getUint32(4);
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * Infinity;
}

/** fdlibm's ln2 (6.93147180559945286227e-01), the double nearest ln 2. */
const LN2 = Math.LN2;

/** glibc's __asinh (fdlibm's, over glibc's log) for a finite x. */
export function asinh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x;
  const xa = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) w = log(xa) + LN2;
  else if (ix > 0x40000000) w = log(2.0 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
  else {
    const t = xa * xa;
    w = Math.log1p(xa + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

/** glibc's __ieee754_acosh (fdlibm's, over glibc's log) for a finite x >= 1. */
export function acosh(x: number): number {
  const hx = highWord(x);
  if (hx >= 0x41b00000) return log(x) + LN2;
  if (x === 1) return 0;
  if (hx > 0x40000000) return log(2.0 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}
