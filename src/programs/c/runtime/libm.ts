/**
 * Correctly rounded exp, exp2, log, log2, pow, sin, cos, tan, atan, atan2, asin, acos and
 * hypot: each is computed in fixed point with BigInt, far beyond a double's precision, and
 * rounded once to the nearest double (ties to even). glibc's versions of these are within a
 * few hundredths of an ulp of the exact value, so they round to the same double but in very
 * rare cases, where JavaScript's Math (fdlibm) is a whole ulp off for inputs as plain as
 * sin(2.5). cbrt is glibc's own algorithm (sysdeps/ieee754/dbl-64/s_cbrt.c), step for step, as
 * it is not correctly rounded (cbrt(2) is one ulp high). Special values (NaN, infinities, zeros,
 * domain errors) are the caller's: these take finite arguments in their domain.
 *
 * The functions are in libmRounded.ts (over the fixed point of libmFixed.ts) and libmFdlibm.ts
 * (cbrt, and log10, cosh, sinh, asinh and acosh as glibc computes them); this is their entry.
 */

export * from './libmFdlibm';
export { toDouble } from './libmFixed';
export * from './libmRounded';
