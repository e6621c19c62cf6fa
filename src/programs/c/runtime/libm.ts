/**
 * Correctly rounded exp, exp2, log, log2, pow, sin, cos, tan, atan, atan2, asin, acos and
 * hypot: each is computed in fixed point with BigInt, far beyond a double's precision, and
 * rounded once to the nearest double (ties to even). glibc's versions of these are within a
 * few hundredths of an ulp of the exact value, so they round to the same double but in very
 * rare cases, where JavaScript's Math (fdlibm) is a whole ulp off for inputs as plain as
 * sin(2.5). cbrt is glibc's own algorithm (sysdeps/ieee754/dbl-64/s_cbrt.c), step for step, as
 * it is not correctly rounded (cbrt(2) is one ulp high). Special values (NaN, infinities, zeros,
 * domain errors) are the caller's: these take finite arguments in their domain.
 */

/** The working precision: fractional bits of the fixed-point values. */
const P = 200;
const PB = BigInt(P);
const ONE = 1n << PB;

const bits = new DataView(new ArrayBuffer(8));

/** |x| as [mantissa, exponent] with |x| = mantissa * 2^exponent (x finite and not zero). */
function decompose(x: number): [bigint, number] {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return [frac, -1074];
  return [frac | (1n << 52n), biased - 1075];
}

function shift(v: bigint, n: number): bigint {
  return n >= 0 ? v << BigInt(n) : v >> BigInt(-n);
}

/** x in fixed point with `scale` fractional bits (bits below that dropped). */
function fix(x: number, scale = P): bigint {
  if (x === 0) return 0n;
  const [m, e] = decompose(x);
  const v = shift(m, e + scale);
  return x < 0 ? -v : v;
}

/** The product of fixed-point values, truncated towards zero (so a series' terms reach 0). */
function mul(a: bigint, b: bigint): bigint {
  const p = a * b;
  return p >= 0n ? p >> PB : -(-p >> PB);
}
const div = (a: bigint, b: bigint) => (a << PB) / b;

function bitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(2).length;
}

/** v * 2^-scale rounded to the nearest double, ties to even, subnormals and overflow included. */
export function toDouble(v: bigint, scale: number): number {
  if (v === 0n) return 0;
  const neg = v < 0n;
  const a = neg ? -v : v;
  const top = bitLength(a) - 1 - scale;
  if (top > 1023) return neg ? -Infinity : Infinity;
  const q = Math.max(top - 52, -1074);
  const drop = q + scale;
  let m: bigint;
  if (drop <= 0) m = a << BigInt(-drop);
  else {
    m = a >> BigInt(drop);
    const rem = a - (m << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
  }
  const r = Number(m) * 2 ** q;
  return neg ? -r : r;
}

/** Integer square root (floor). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt of a fixed-point value. */
const sqrtFix = (a: bigint) => isqrt(a << PB);

/** atanh(s) = s + s^3/3 + s^5/5 + ... for |s| well below 1. */
function atanhSeries(s: bigint): bigint {
  const s2 = mul(s, s);
  let term = s;
  let sum = s;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = mul(term, s2);
    sum += term / k;
  }
  return sum;
}

/** atan(t) = t - t^3/3 + t^5/5 - ... for |t| well below 1. */
function atanSeries(t: bigint): bigint {
  const t2 = mul(t, t);
  let term = t;
  let sum = t;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = -mul(term, t2);
    sum += term / k;
  }
  return sum;
}

/** pi with `scale` fractional bits (Machin: 16 atan(1/5) - 4 atan(1/239)). */
function machinPi(scale: number): bigint {
  const one = 1n << BigInt(scale + 16);
  const acot = (n: bigint) => {
    let term = one / n;
    let sum = term;
    const n2 = n * n;
    for (let k = 3n; term !== 0n; k += 2n) {
      term = -term / n2;
      sum += term / k;
    }
    return sum;
  };
  return (16n * acot(5n) - 4n * acot(239n)) >> 16n;
}

/** The bits of pi / 2 argument reduction needs for any double (|x| < 2^1024). */
const REDUCE_BITS = 1400;

let constants: { ln2: bigint; pi: bigint; pio2: bigint; pio2Wide: bigint } | null = null;

/** ln 2 and pi, computed once on first use. */
function k() {
  if (!constants) {
    const ln2 = 2n * atanhSeries(div(ONE, 3n * ONE));
    const wide = machinPi(REDUCE_BITS);
    constants = {
      ln2,
      pi: wide >> BigInt(REDUCE_BITS - P),
      pio2: wide >> BigInt(REDUCE_BITS - P + 1),
      pio2Wide: wide >> 1n,
    };
  }
  return constants;
}

/** e^T for a fixed-point T: [E, n] with e^T = E * 2^-P * 2^n. */
function expFix(t: bigint): [bigint, number] {
  const { ln2 } = k();
  // n = round(T / ln 2), r = T - n ln 2 (|r| <= ln 2 / 2).
  const n = (t >= 0n ? t + ln2 / 2n : t - ln2 / 2n) / ln2;
  const r = t - n * ln2;
  let term = ONE;
  let sum = ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = mul(term, r) / i;
    sum += term;
  }
  return [sum, Number(n)];
}

/** ln |x| in fixed point (x finite, not zero). */
function logFix(x: number): bigint {
  const [m, e] = decompose(Math.abs(x));
  // |x| = f * 2^n with f in [sqrt(1/2), sqrt(2)).
  const len = bitLength(m);
  let f = shift(m, P - len + 1);
  let n = e + len - 1;
  if (f > (ONE * 181n) / 128n) {
    f >>= 1n;
    n += 1;
  }
  return 2n * atanhSeries(div(f - ONE, f + ONE)) + BigInt(n) * k().ln2;
}

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
