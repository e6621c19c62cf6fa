/**
 * <math.h> as glibc's libm: every bit of the results (printed with %.17g), errno and the sign
 * of the NaN after domain and range errors, the classification macros and the constants. The
 * expected text is what fixtures/probes/c/math.c printed when built with gcc 12 (-lm) and run on
 * Linux (glibc 2.36); `fixtures/probes/c/run.sh math` measures it again. Its inputs are volatile,
 * so gcc calls the library rather than folding the calls at compile time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC, simulateC } from '../testing';
import { cbrt, cos, exp, log, pow, sin } from './libm';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/math.c', import.meta.url), 'utf8');

/** math.c, measured with gcc on Linux. */
const GCC = `sqrt: 0 -0 0.70710678118654757 -nan EDOM 1 1.4142135623730951 1.5811388300841898 -nan EDOM 1.9235384061671346 -nan EDOM 3.1622776601683795 10 1e-150 9.9999999999999998e+149 0.31622776601683794
floor: 0 -0 0 -1 1 2 2 -3 3 -4 10 100 0 1.0000000000000001e+300 0
ceil: 0 -0 1 -0 1 2 3 -2 4 -3 10 100 1 1.0000000000000001e+300 1
fabs: 0 0 0.5 0.5 1 2 2.5 2.5 3.7000000000000002 3.7000000000000002 10 100 1e-300 1.0000000000000001e+300 0.10000000000000001
round: 0 -0 1 -1 1 2 3 -3 4 -4 10 100 0 1.0000000000000001e+300 0
trunc: 0 -0 0 -0 1 2 2 -2 3 -3 10 100 0 1.0000000000000001e+300 0
log: -inf ERANGE -inf ERANGE -0.69314718055994529 -nan EDOM 0 0.69314718055994529 0.91629073187415511 -nan EDOM 1.3083328196501789 -nan EDOM 2.3025850929940459 4.6051701859880918 -690.77552789821368 690.77552789821368 -2.3025850929940455
log10: -inf ERANGE -inf ERANGE -0.3010299956639812 nan EDOM 0 0.3010299956639812 0.3979400086720376 nan EDOM 0.56820172406699498 nan EDOM 1 2 -300 300 -1
exp: 1 1 1.6487212707001282 0.60653065971263342 2.7182818284590451 7.3890560989306504 12.182493960703473 0.0820849986238988 40.447304360067399 0.024723526470339388 22026.465794806718 2.6881171418161356e+43 1 inf ERANGE 1.1051709180756477
sin: 0 -0 0.47942553860420301 -0.47942553860420301 0.8414709848078965 0.90929742682568171 0.59847214410395655 -0.59847214410395655 -0.5298361409084934 0.5298361409084934 -0.54402111088936977 -0.50636564110975879 1e-300 -0.81788191211590855 0.099833416646828155
cos: 1 1 0.87758256189037276 0.87758256189037276 0.54030230586813977 -0.41614683654714241 -0.8011436155469337 -0.8011436155469337 -0.84810003171040804 -0.84810003171040804 -0.83907152907645244 0.86231887228768389 1 -0.57538611195754907 0.99500416527802582
tan: 0 -0 0.54630248984379048 -0.54630248984379048 1.5574077246549023 -2.1850398632615189 -0.74702229723866032 0.74702229723866032 0.62473307522456389 -0.62473307522456389 0.64836082745908663 -0.58721391515692911 1e-300 1.4214488238747245 0.10033467208545055
atan: 0 -0 0.46364760900080609 -0.46364760900080609 0.78539816339744828 1.1071487177940904 1.1902899496825317 -1.1902899496825317 1.3068326031691921 -1.3068326031691921 1.4711276743037347 1.5607966601082315 1e-300 1.5707963267948966 0.099668652491162038
log2: -inf ERANGE -inf ERANGE -1 -nan EDOM 0 1 1.3219280948873624 -nan EDOM 1.8875252707415875 -nan EDOM 3.3219280948873622 6.6438561897747244 -996.57842846620872 996.57842846620872 -3.3219280948873622
cbrt: 0 -0 0.79370052598409979 -0.79370052598409979 1 1.2599210498948734 1.3572088082974532 -1.3572088082974532 1.5466803737720356 -1.5466803737720356 2.1544346900318834 4.6415888336127784 1e-100 1e+100 0.46415888336127786
pow(2, 10) = 1024
pow(2, 0.5) = 1.4142135623730951
pow(10, -2) = 0.01
pow(-8, 0.333333) = -nan EDOM
pow(-2, 3) = -8
pow(0, -1) = inf ERANGE
pow(10, 400) = inf ERANGE
pow(10, -400) = 0 ERANGE
pow(1, 1e+09) = 2.6881038582144647e+43
pow(0, 0) = 1
fmod(10, 3) = 1
fmod(-10, 3) = -1
fmod(5.5, 1.5) = 1
fmod(1, 0) = -nan EDOM
fmod(1e+300, 3) = 0
atan2(1, 1) = 0.78539816339744828
atan2(-1, -1) = -2.3561944901923448
atan2(0, -1) = 3.1415926535897931
hypot(3, 4) = 5
fmin(1, 2) = 1
fmax(1, 2) = 2
copysign(3, -0) = -3
ldexp(1, 10) = 1024
ldexp(1, 2000) = inf ERANGE
exp(1000) = inf ERANGE
exp(-1000) = 0 ERANGE
exp(-740) = 4.19956e-322
log(-1) = -nan EDOM
log(0) = -inf ERANGE
log10(-1) = nan EDOM
sqrt(-1) = -nan EDOM
sqrt(-0) = -0
acos(2) = nan EDOM
sin(inf) = -nan EDOM
fmod(inf, 1) = -nan EDOM
pow(-0, -1) = -inf ERANGE
pow(-1, inf) = 1
pow(NaN, 0) = 1
pow(-inf, -3) = -0
expf(100) = inf ERANGE
sqrt(NaN) = nan
modf(-3.75) = -0.75 and -3
round half away: 1 -1 2 3, lround(-2.5) -3
float: sqrtf 1.41421354 powf 1.41421354 sinf 0.909297407 fabsf 2
isnan 1 0 isinf 1 -1 0 isfinite 1 0 signbit 1 0
fpclassify 0 1 2 3 4 (FP_NAN 0 FP_INFINITE 1 FP_ZERO 2 FP_SUBNORMAL 3 FP_NORMAL 4)
NAN nan INFINITY inf -HUGE_VAL -inf
M_PI 3.1415926535897931 M_E 2.7182818284590451 M_SQRT2 1.4142135623730951 M_LN2 0.69314718055994529
sin(M_PI) 1.2246467991473532e-16 cos(M_PI / 3) 0.50000000000000011
`;

let out: string | undefined;
const ours = () => {
  out ??= runC(PROBE).stdout;
  return out;
};
const same = (...labels: string[]) => {
  for (const label of labels) expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
};
/** The lines (ours and gcc's) that start with `prefix`. */
const starting = (prefix: string) => {
  const pick = (text: string) => text.split('\n').filter((l) => l.startsWith(prefix));
  return [pick(ours()), pick(GCC)];
};

describe('libm results, bit for bit as glibc', () => {
  it('computes the exact operations exactly: sqrt, floor, ceil, fabs, round (halves away from 0), trunc', () => {
    same('sqrt:', 'floor:', 'ceil:', 'fabs:', 'round:', 'trunc:');
  });

  it('rounds log, log10, log2 and exp as glibc does', () => {
    same('log:', 'log10:', 'log2:', 'exp:');
  });

  it('rounds sin, cos, tan and atan as glibc does (where fdlibm, as JavaScript has it, is an ulp off)', () => {
    same('sin:', 'cos:', 'tan:', 'atan:');
    // JavaScript's Math.sin(2.5) is 0.59847214410395644 and Math.cos(0.1) 0.99500416527802571.
    expect([sin(2.5), cos(0.1)]).toEqual([0.5984721441039565, 0.9950041652780258]);
  });

  it("computes cbrt with glibc's algorithm, which is an ulp above the exact cube root of 2", () => {
    same('cbrt:');
    expect(cbrt(2)).toBe(1.2599210498948734);
  });

  it('computes pow, fmod, atan2, hypot, fmin, fmax, copysign and ldexp as glibc does', () => {
    const [a, ga] = starting('pow(');
    const [b, gb] = starting('fmod(');
    const [c, gc] = starting('atan2(');
    expect([a, b, c]).toEqual([ga, gb, gc]);
    same('hypot(3,', 'fmin(1,', 'fmax(1,', 'copysign(3,', 'ldexp(1,');
  });

  it('rounds correctly where glibc does (a few sample values)', () => {
    // glibc: exp(1) 2.7182818284590451, log(10) 2.3025850929940459, pow(2, 0.5) 1.4142135623730951.
    expect([exp(1), log(10), pow(2, 0.5), pow(10, -2)]).toEqual([Math.E, Math.LN10, Math.SQRT2, 0.01]);
  });
});

describe('errors, as glibc', () => {
  it('sets EDOM with a NaN for a domain error: negative from sqrt, log, pow, fmod, sin; positive from log10 and acos', () => {
    same('log(-1)', 'log10(-1)', 'sqrt(-1)', 'sqrt(-0)', 'acos(2)', 'sin(inf)', 'fmod(inf,', 'sqrt(NaN)');
    expect(lineOf(ours(), 'fmod(1,')).toBe('fmod(1, 0) = -nan EDOM');
  });

  it('sets ERANGE for overflow, a pole and underflow to zero, but not for a subnormal result', () => {
    same('exp(1000)', 'exp(-1000)', 'exp(-740)', 'log(0)', 'pow(-0,', 'expf(100)');
    expect(lineOf(ours(), 'pow(10, -400)')).toBe('pow(10, -400) = 0 ERANGE');
  });

  it('gives 1 for pow(-1, inf) and pow(NaN, 0), and -0 for pow(-inf, -3), without an error', () => {
    same('pow(-1,', 'pow(NaN,', 'pow(-inf,');
  });
});

describe('the rest of <math.h>, as glibc', () => {
  it('splits with modf, rounds halves away from zero in round and lround, and has the float forms', () => {
    same('modf(-3.75)', 'round', 'float:');
  });

  it('classifies with isnan, isinf (-1 for -inf), isfinite, signbit and fpclassify', () => {
    same('isnan', 'fpclassify');
  });

  it('has NAN, INFINITY, HUGE_VAL and the M_ constants', () => {
    same('NAN', 'M_PI', 'sin(M_PI)');
    expect(ours()).toBe(GCC);
  });

  it('does not have erf and the like, and says so when a program calls one', () => {
    const r = simulateC('#include <math.h>\nint main(void) { return (int)erf(1.0); }');
    expect(r.kind).toBe('compile-error');
    expect(r.kind === 'compile-error' && r.errors.join('\n')).toContain("not in the model's math library");
  });
});
