/**
 * The fixed-point machinery of the correctly rounded functions (libmRounded.ts): doubles taken
 * apart exactly, fixed-point values with P fractional bits in BigInt, the series for atanh and
 * atan, ln 2 and pi, e^T and ln |x|, and toDouble, the one rounding back to a double.
 */

/** The working precision: fractional bits of the fixed-point values. */
export const P = 200;
const PB = BigInt(P);
export const ONE = 1n << PB;

const bits = new DataView(new ArrayBuffer(8));

/** |x| as [mantissa, exponent] with |x| = mantissa * 2^exponent (x finite and not zero). */
export function decompose(x: number): [bigint, number] {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return [frac, -1074];
  return [frac | (1n << 52n), biased - 1075];
}

export function shift(v: bigint, n: number): bigint {
  return n >= 0 ? v << BigInt(n) : v >> BigInt(-n);
}

/** x in fixed point with `scale` fractional bits (bits below that dropped). */
export function fix(x: number, scale = P): bigint {
  if (x === 0) return 0n;
  const [m, e] = decompose(x);
  const v = shift(m, e + scale);
  return x < 0 ? -v : v;
}

/** The product of fixed-point values, truncated towards zero (so a series' terms reach 0). */
export function mul(a: bigint, b: bigint): bigint {
  const p = a * b;
  return p >= 0n ? p >> PB : -(-p >> PB);
}
export const div = (a: bigint, b: bigint) => (a << PB) / b;

export function bitLength(a: bigint): number {
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
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt of a fixed-point value. */
export const sqrtFix = (a: bigint) => isqrt(a << PB);

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
export function atanSeries(t: bigint): bigint {
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
export const REDUCE_BITS = 1400;

let constants: { ln2: bigint; pi: bigint; pio2: bigint; pio2Wide: bigint } | null = null;

/** ln 2 and pi, computed once on first use. */
export function k() {
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
export function expFix(t: bigint): [bigint, number] {
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
export function logFix(x: number): bigint {
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
