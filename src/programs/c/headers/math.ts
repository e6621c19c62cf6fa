/**
 * <math.h>. The classification macros call the runtime's __isnan, __isinf, __finite, __signbit
 * and __fpclassify (glibc's functions of those names) where gcc uses its builtins; the results
 * are the same (isinf gives -1 for -inf, as __builtin_isinf_sign does).
 */

/** The functions with a double, a float (f) and a long double (l) form, and their parameters. */
const FUNCTIONS: [string, string, string][] = [
  ['double', 'acos', 'double __x'],
  ['double', 'asin', 'double __x'],
  ['double', 'atan', 'double __x'],
  ['double', 'atan2', 'double __y, double __x'],
  ['double', 'cos', 'double __x'],
  ['double', 'sin', 'double __x'],
  ['double', 'tan', 'double __x'],
  ['double', 'cosh', 'double __x'],
  ['double', 'sinh', 'double __x'],
  ['double', 'tanh', 'double __x'],
  ['double', 'acosh', 'double __x'],
  ['double', 'asinh', 'double __x'],
  ['double', 'atanh', 'double __x'],
  ['double', 'exp', 'double __x'],
  ['double', 'exp2', 'double __x'],
  ['double', 'expm1', 'double __x'],
  ['double', 'frexp', 'double __x, int *__exponent'],
  ['double', 'ldexp', 'double __x, int __exponent'],
  ['double', 'log', 'double __x'],
  ['double', 'log10', 'double __x'],
  ['double', 'log1p', 'double __x'],
  ['double', 'log2', 'double __x'],
  ['double', 'logb', 'double __x'],
  ['double', 'modf', 'double __x, double *__iptr'],
  ['double', 'scalbn', 'double __x, int __n'],
  ['double', 'scalbln', 'double __x, long __n'],
  ['int', 'ilogb', 'double __x'],
  ['double', 'cbrt', 'double __x'],
  ['double', 'fabs', 'double __x'],
  ['double', 'hypot', 'double __x, double __y'],
  ['double', 'pow', 'double __x, double __y'],
  ['double', 'sqrt', 'double __x'],
  ['double', 'erf', 'double __x'],
  ['double', 'erfc', 'double __x'],
  ['double', 'lgamma', 'double __x'],
  ['double', 'tgamma', 'double __x'],
  ['double', 'ceil', 'double __x'],
  ['double', 'floor', 'double __x'],
  ['double', 'nearbyint', 'double __x'],
  ['double', 'rint', 'double __x'],
  ['long', 'lrint', 'double __x'],
  ['long long', 'llrint', 'double __x'],
  ['double', 'round', 'double __x'],
  ['long', 'lround', 'double __x'],
  ['long long', 'llround', 'double __x'],
  ['double', 'trunc', 'double __x'],
  ['double', 'fmod', 'double __x, double __y'],
  ['double', 'remainder', 'double __x, double __y'],
  ['double', 'copysign', 'double __x, double __y'],
  ['double', 'nan', 'const char *__tagb'],
  ['double', 'nextafter', 'double __x, double __y'],
  ['double', 'fdim', 'double __x, double __y'],
  ['double', 'fmax', 'double __x, double __y'],
  ['double', 'fmin', 'double __x, double __y'],
  ['double', 'fma', 'double __x, double __y, double __z'],
];

/** A declaration with `double` in the return type and parameters replaced by `type`. */
function declare([ret, name, params]: [string, string, string], type: string, suffix: string): string {
  const r = ret === 'double' ? type : ret;
  return `${r} ${name}${suffix}(${params.replaceAll('double', type)});`;
}

const DECLARATIONS = [
  ...FUNCTIONS.map((f) => declare(f, 'double', '')),
  '',
  ...FUNCTIONS.map((f) => declare(f, 'float', 'f')),
  '',
  ...FUNCTIONS.map((f) => declare(f, 'long double', 'l')),
].join('\n');

export const MATH_HEADERS: Record<string, string> = {
  'math.h': `/*
 * math.h: the C99 math library (libm), as glibc's on x86-64: errno is set on domain errors (EDOM)
 * and on results too large or too small for a double (ERANGE), as math_errhandling says. long
 * double is the model's double. erf, erfc, lgamma, tgamma, remainder and fma are declared but not
 * in the model's library.
 */
#ifndef _MATH_H
#define _MATH_H

typedef float float_t;
typedef double double_t;

/* A positive quiet NaN, and infinities, as gcc's builtins make them. */
#define NAN (-(0.0f / 0.0f))
#define INFINITY (1e10000f)
#define HUGE_VAL (1e10000)
#define HUGE_VALF (1e10000f)
#define HUGE_VALL (1e10000L)

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4
#define FP_ILOGB0 (-2147483647 - 1)
#define FP_ILOGBNAN (-2147483647 - 1)

#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling (MATH_ERRNO | MATH_ERREXCEPT)

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

int __isnan(double __x);
int __isinf(double __x);
int __finite(double __x);
int __signbit(double __x);
int __fpclassify(double __x);

#define isnan(x) __isnan(x)
#define isinf(x) __isinf(x)
#define isfinite(x) __finite(x)
#define signbit(x) __signbit(x)
#define fpclassify(x) __fpclassify(x)
#define isnormal(x) (__fpclassify(x) == FP_NORMAL)
#define isgreater(x, y) ((x) > (y))
#define isgreaterequal(x, y) ((x) >= (y))
#define isless(x, y) ((x) < (y))
#define islessequal(x, y) ((x) <= (y))
#define islessgreater(x, y) ((x) < (y) || (x) > (y))
#define isunordered(x, y) (__isnan(x) || __isnan(y))

${DECLARATIONS}

#endif
`,
};
