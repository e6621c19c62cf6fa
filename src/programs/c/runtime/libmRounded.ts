/**
 * Correctly rounded exp, exp2, log, log2, pow, sin, cos, tan, atan, atan2, asin, acos and hypot:
 * each computed in fixed point (libmFixed.ts) far beyond a double's precision and rounded once
 * to the nearest double. Finite arguments in the function's domain only.
 */
import {
  atanSeries,
  bitLength,
  decompose,
  div,
  expFix,
  fix,
  isqrt,
  k,
  logFix,
  mul,
  ONE,
  P,
  REDUCE_BITS,
  shift,
  sqrtFix,
  toDouble,
} from './libmFixed';

export function exp(x: number): number {
  if (x > 710) return Infinity;
  if (x < -746) return 0;
  if (Math.abs(x) < 2 ** -54) return 1;
  const [e, n] = expFix(fix(x));
  return toDouble(e, P - n);
}

export function exp2(x: number): number {
  if (x > 1025) return Infinity;
  if (x < -1076) return 0;
  if (Number.isInteger(x)) return 2 ** x;
  const [e, n] = expFix(mul(fix(x), k().ln2));
  return toDouble(e, P - n);
}

export function log(x: number): number {
  return x === 1 ? 0 : toDouble(logFix(x), P);
}

export function log2(x: number): number {
  return toDouble(div(logFix(x), k().ln2), P);
}

/** pow for finite x and y, x not 0, and x >= 0 unless y is an integer. */
export function pow(x: number, y: number): number {
  const odd = x < 0 && Number.isInteger(y) && Math.abs(y) < 2 ** 53 && Math.abs(y) % 2 === 1;
  const sign = odd ? -1 : 1;
  const guess = y * Math.log(Math.abs(x));
  if (guess > 720) return sign * Infinity;
  if (guess < -760) return sign * 0;
  // T = y ln|x|, exactly the product of y's mantissa and the fixed-point logarithm.
  const [my, ey] = y === 0 ? [0n, 0] : decompose(y);
  let t = shift(logFix(x) * my, ey);
  if (y < 0) t = -t;
  const [e, n] = expFix(t);
  return sign * toDouble(e, P - n);
}

/** x reduced by pi/2: [r (fixed point, |r| <= pi/4), quadrant mod 4], for x >= 0. */
function reduce(x: number): [bigint, number] {
  const { pio2Wide } = k();
  const [m, e] = decompose(x);
  const wide = shift(m, e + REDUCE_BITS);
  const q = (wide + pio2Wide / 2n) / pio2Wide;
  const r = wide - q * pio2Wide;
  return [r >> BigInt(REDUCE_BITS - P), Number(q % 4n)];
}

/** [sin r, cos r] for a fixed-point |r| <= pi/4. */
function sinCos(r: bigint): [bigint, bigint] {
  const r2 = mul(r, r);
  let s = r;
  let sin = r;
  for (let i = 2n; s !== 0n; i += 2n) {
    s = -mul(s, r2) / (i * (i + 1n));
    sin += s;
  }
  let c = ONE;
  let cos = ONE;
  for (let i = 1n; c !== 0n; i += 2n) {
    c = -mul(c, r2) / (i * (i + 1n));
    cos += c;
  }
  return [sin, cos];
}

export function sin(x: number): number {
  if (Math.abs(x) < 2 ** -26) return x;
  const [r, q] = reduce(Math.abs(x));
  const [s, c] = sinCos(r);
  const v = [s, c, -s, -c][q];
  return (x < 0 ? -1 : 1) * toDouble(v, P);
}

export function cos(x: number): number {
  if (Math.abs(x) < 2 ** -27) return 1;
  const [r, q] = reduce(Math.abs(x));
  const [s, c] = sinCos(r);
  return toDouble([c, -s, -c, s][q], P);
}

export function tan(x: number): number {
  if (Math.abs(x) < 2 ** -27) return x;
  const [r, q] = reduce(Math.abs(x));
  const [s, c] = sinCos(r);
  const v = q % 2 === 0 ? div(s, c) : -div(c, s);
  return (x < 0 ? -1 : 1) * toDouble(v, P);
}

/** atan of a fixed-point t >= 0. */
function atanFix(t: bigint): bigint {
  const { pio2 } = k();
  if (t > ONE) return pio2 - atanFix(div(ONE, t));
  // Halve the angle twice: atan t = 2 atan(t / (1 + sqrt(1 + t^2))).
  let u = t;
  for (let i = 0; i < 2; i++) u = div(u, ONE + sqrtFix(ONE + mul(u, u)));
  return 4n * atanSeries(u);
}

export function atan(x: number): number {
  if (Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) > 2 ** 60) return x < 0 ? -toDouble(k().pio2, P) : toDouble(k().pio2, P);
  const a = atanFix(fix(Math.abs(x)));
  return (x < 0 ? -1 : 1) * toDouble(a, P);
}

/** atan2 for finite y and x, not both zero... the caller has the zeros and infinities. */
export function atan2(y: number, x: number): number {
  const { pi, pio2 } = k();
  const [my, ey] = decompose(y);
  const [mx, ex] = decompose(x);
  const sign = y < 0 ? -1 : 1;
  const gap = ey + bitLength(my) - (ex + bitLength(mx));
  let a: bigint;
  if (gap < -80) {
    // |y/x| below 2^-80: atan is the quotient to well beyond a double (y/x itself is correctly rounded).
    if (x > 0) return y / x;
    a = pi;
  } else if (gap > 80) a = pio2;
  else {
    const t = shift(my, ey - ex + P) / mx;
    a = atanFix(t);
    if (x < 0) a = pi - a;
  }
  return sign * toDouble(a, P);
}

export function asin(x: number): number {
  if (Math.abs(x) < 2 ** -26) return x;
  const a = asinFix(fix(Math.abs(x)));
  return (x < 0 ? -1 : 1) * toDouble(a, P);
}

/** asin of a fixed-point 0 <= v <= 1: atan(v / sqrt(1 - v^2)). */
function asinFix(v: bigint): bigint {
  if (v === ONE) return k().pio2;
  return atanFix(div(v, sqrtFix(ONE - mul(v, v))));
}

export function acos(x: number): number {
  if (x === 1) return 0;
  const a = asinFix(fix(Math.abs(x)));
  return toDouble(x < 0 ? k().pio2 + a : k().pio2 - a, P);
}

/** sqrt(x^2 + y^2), exactly rounded (finite arguments). */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax === 0 || ay === 0) return ax + ay;
  const [mx, ex] = decompose(ax);
  const [my, ey] = decompose(ay);
  const base = Math.min(ex, ey);
  const big = Math.max(ex + bitLength(mx), ey + bitLength(my));
  const small = Math.min(ex + bitLength(mx), ey + bitLength(my));
  // The smaller one below 2^-60 of the larger adds far less than half an ulp.
  if (big - small > 60) return Math.max(ax, ay);
  const sum = (mx << BigInt(ex - base)) ** 2n + (my << BigInt(ey - base)) ** 2n;
  // 2^(2g) more, so the root has g guard bits; one more bit for an inexact root.
  const g = 64;
  const scaled = sum << BigInt(2 * g);
  const root = isqrt(scaled);
  const inexact = root * root !== scaled ? 1n : 0n;
  return toDouble((root << 1n) | inexact, g + 1 - base);
}
