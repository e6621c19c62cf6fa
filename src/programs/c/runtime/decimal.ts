/**
 * Doubles in decimal as glibc's printf writes them: from the exact binary value, rounding ties
 * to even (the default rounding mode), for %f, %e and %g. JavaScript's toFixed and
 * toExponential round ties away from zero (printf("%.0f", 0.5) is "0", not "1"), hence our own.
 */

const bits = new DataView(new ArrayBuffer(8));

/** Whether a double's sign bit is set (true for -0.0 and negative NaNs, as signbit()). */
export function signBit(v: number): boolean {
  bits.setFloat64(0, v);
  return (bits.getUint8(0) & 0x80) !== 0;
}

/** |v| as mantissa * 2^exponent with an integer mantissa (v finite). */
function decompose(v: number): [bigint, number] {
  bits.setFloat64(0, v);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return [frac, -1074];
  return [frac | (1n << 52n), biased - 1075];
}

/** |v| * 10^k rounded to an integer, ties to even, computed exactly. */
function scaled(v: number, k: number): bigint {
  const [m, e] = decompose(v);
  let num = m;
  let den = 1n;
  if (e > 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k > 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** The digits of |v| with `prec` decimals (%f); `point` keeps the '.' even with no decimals (the # flag). */
export function fixedDigits(v: number, prec: number, point: boolean): string {
  const digits = scaled(v, prec)
    .toString()
    .padStart(prec + 1, '0');
  const int = digits.slice(0, digits.length - prec);
  return prec > 0 || point ? `${int}.${digits.slice(digits.length - prec)}` : int;
}

/** |v| * 10^k truncated to an integer, computed exactly. */
function truncated(v: number, k: number): bigint {
  const [m, e] = decompose(v);
  const num = (e > 0 ? m << BigInt(e) : m) * (k > 0 ? 10n ** BigInt(k) : 1n);
  const den = (e < 0 ? 1n << BigInt(-e) : 1n) * (k < 0 ? 10n ** BigInt(-k) : 1n);
  return num / den;
}

/** |v| rounded to prec + 1 significant digits: the digits and the decimal exponent of the first. */
function significant(v: number, prec: number): { digits: string; exp: number } {
  if (v === 0) return { digits: '0'.repeat(prec + 1), exp: 0 };
  // The exponent of the exact value's first digit (log10 can be one off near a power of ten)...
  let exp = Math.floor(Math.log10(Math.abs(v)));
  for (;;) {
    const t = truncated(v, prec - exp);
    if (t >= 10n ** BigInt(prec + 1)) exp++;
    else if (t < 10n ** BigInt(prec)) exp--;
    else break;
  }
  // ...then the rounding, which may carry into one more digit (9.96 to 2 digits is 10.0).
  const q = scaled(v, prec - exp);
  if (q >= 10n ** BigInt(prec + 1)) return { digits: (q / 10n).toString(), exp: exp + 1 };
  return { digits: q.toString(), exp };
}

/** |v| in the style of %e with `prec` decimals ("1.500000e+00"). */
export function expDigits(v: number, prec: number, point: boolean, upper: boolean): string {
  const { digits, exp } = significant(v, prec);
  const mant = prec > 0 || point ? `${digits[0]}.${digits.slice(1)}` : digits[0];
  const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${mant}${upper ? 'E' : 'e'}${e}`;
}

/**
 * |v| in the style of %g: %e when the exponent (after rounding to `prec` significant digits) is
 * below -4 or at least the precision, %f otherwise; trailing zeros go unless `alt` (the # flag).
 */
export function generalDigits(v: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const { exp } = significant(v, p - 1);
  let s = exp < -4 || exp >= p ? expDigits(v, p - 1, alt, upper) : fixedDigits(v, p - 1 - exp, alt);
  if (!alt && s.includes('.')) s = s.replace(/\.?0*(?=[eE]|$)/, '');
  return s;
}
