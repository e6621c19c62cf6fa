/**
 * The freestanding and basic headers: the reserved-name types every header builds on, <stddef.h>, <stdarg.h>, <stdbool.h> and <stdint.h>.
 */
export const BASE_HEADERS: Record<string, string> = {
  'bits/types.h': `/*
 * bits/types.h: the basic types of Linux x86-64 (LP64) under reserved names, as glibc's
 * <bits/types.h> has them. Programs do not include this; the public headers give each type its
 * public name behind its own guard, so that any header may define any of them.
 */
#ifndef _BITS_TYPES_H
#define _BITS_TYPES_H

typedef signed char __int8_t;
typedef unsigned char __uint8_t;
typedef short __int16_t;
typedef unsigned short __uint16_t;
typedef int __int32_t;
typedef unsigned int __uint32_t;
typedef long __int64_t;
typedef unsigned long __uint64_t;

typedef long __ssize_t;
typedef long __off_t;
typedef int __pid_t;
typedef unsigned int __uid_t;
typedef unsigned int __gid_t;
typedef unsigned int __mode_t;
typedef unsigned long __dev_t;
typedef unsigned long __ino_t;
typedef unsigned long __nlink_t;
typedef long __blksize_t;
typedef long __blkcnt_t;
typedef long __time_t;
typedef long __suseconds_t;
typedef long __clock_t;
typedef int __clockid_t;
typedef void *__timer_t;
typedef unsigned int __useconds_t;
typedef unsigned int __id_t;
typedef int __key_t;
typedef unsigned int __socklen_t;
typedef unsigned long __rlim_t;

/* 1024 signals' worth of bits: 128 bytes, as glibc has it (the kernel uses the first 8). */
typedef struct {
  unsigned long __val[16];
} __sigset_t;

#endif
`,
  'stddef.h': `/* stddef.h: C99 <stddef.h>. */
#ifndef _STDDEF_H
#define _STDDEF_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_ptrdiff_t_defined
#define __rv_ptrdiff_t_defined
typedef long ptrdiff_t;
#endif
#ifndef __rv_wchar_t_defined
#define __rv_wchar_t_defined
typedef int wchar_t;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

#define offsetof(type, member) __builtin_offsetof(type, member)

/* C11: the most strictly aligned scalar type (16 bytes, for long double). */
typedef struct {
  long long __max_align_ll;
  long double __max_align_ld;
} max_align_t;

#endif
`,
  'stdarg.h': `/*
 * stdarg.h: variable argument lists. va_list is a plain pointer (a cursor over the caller's
 * variadic arguments): __builtin_va_start and __builtin_va_end are ordinary calls that the
 * runtime provides, and __builtin_va_arg(ap, type) is understood by the compiler. va_copy is a
 * plain assignment of the cursor.
 */
#ifndef _STDARG_H
#define _STDARG_H

#include <bits/types.h>
#ifndef __rv_va_list_defined
#define __rv_va_list_defined
typedef char *va_list;
#endif

void __builtin_va_start(va_list __ap, ...);
void __builtin_va_end(va_list __ap);

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(dest, src) ((void)((dest) = (src)))
#define __va_copy(dest, src) va_copy(dest, src)

#endif
`,
  'stdbool.h': `/* stdbool.h: C99 booleans. */
#ifndef _STDBOOL_H
#define _STDBOOL_H

#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1

#endif
`,
  'stdint.h': `/* stdint.h: C99 integer types, as glibc defines them on x86-64. */
#ifndef _STDINT_H
#define _STDINT_H

#include <bits/types.h>
#ifndef __rv_intN_t_defined
#define __rv_intN_t_defined
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long int64_t;
#endif
#ifndef __rv_intptr_t_defined
#define __rv_intptr_t_defined
typedef long intptr_t;
#endif

typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;

typedef signed char int_least8_t;
typedef short int_least16_t;
typedef int int_least32_t;
typedef long int_least64_t;
typedef unsigned char uint_least8_t;
typedef unsigned short uint_least16_t;
typedef unsigned int uint_least32_t;
typedef unsigned long uint_least64_t;

typedef signed char int_fast8_t;
typedef long int_fast16_t;
typedef long int_fast32_t;
typedef long int_fast64_t;
typedef unsigned char uint_fast8_t;
typedef unsigned long uint_fast16_t;
typedef unsigned long uint_fast32_t;
typedef unsigned long uint_fast64_t;

typedef unsigned long uintptr_t;
typedef long intmax_t;
typedef unsigned long uintmax_t;

#define INT8_MIN (-128)
#define INT16_MIN (-32767 - 1)
#define INT32_MIN (-2147483647 - 1)
#define INT64_MIN (-9223372036854775807L - 1)
#define INT8_MAX 127
#define INT16_MAX 32767
#define INT32_MAX 2147483647
#define INT64_MAX 9223372036854775807L
#define UINT8_MAX 255
#define UINT16_MAX 65535
#define UINT32_MAX 4294967295U
#define UINT64_MAX 18446744073709551615UL

#define INT_LEAST8_MIN INT8_MIN
#define INT_LEAST16_MIN INT16_MIN
#define INT_LEAST32_MIN INT32_MIN
#define INT_LEAST64_MIN INT64_MIN
#define INT_LEAST8_MAX INT8_MAX
#define INT_LEAST16_MAX INT16_MAX
#define INT_LEAST32_MAX INT32_MAX
#define INT_LEAST64_MAX INT64_MAX
#define UINT_LEAST8_MAX UINT8_MAX
#define UINT_LEAST16_MAX UINT16_MAX
#define UINT_LEAST32_MAX UINT32_MAX
#define UINT_LEAST64_MAX UINT64_MAX

#define INT_FAST8_MIN INT8_MIN
#define INT_FAST16_MIN INT64_MIN
#define INT_FAST32_MIN INT64_MIN
#define INT_FAST64_MIN INT64_MIN
#define INT_FAST8_MAX INT8_MAX
#define INT_FAST16_MAX INT64_MAX
#define INT_FAST32_MAX INT64_MAX
#define INT_FAST64_MAX INT64_MAX
#define UINT_FAST8_MAX UINT8_MAX
#define UINT_FAST16_MAX UINT64_MAX
#define UINT_FAST32_MAX UINT64_MAX
#define UINT_FAST64_MAX UINT64_MAX

#define INTPTR_MIN INT64_MIN
#define INTPTR_MAX INT64_MAX
#define UINTPTR_MAX UINT64_MAX
#define INTMAX_MIN INT64_MIN
#define INTMAX_MAX INT64_MAX
#define UINTMAX_MAX UINT64_MAX
#define PTRDIFF_MIN INT64_MIN
#define PTRDIFF_MAX INT64_MAX
#define SIG_ATOMIC_MIN INT32_MIN
#define SIG_ATOMIC_MAX INT32_MAX
#define SIZE_MAX UINT64_MAX
#define WCHAR_MIN INT32_MIN
#define WCHAR_MAX INT32_MAX
#define WINT_MIN 0U
#define WINT_MAX UINT32_MAX

#define INT8_C(c) c
#define INT16_C(c) c
#define INT32_C(c) c
#define INT64_C(c) c##L
#define UINT8_C(c) c
#define UINT16_C(c) c
#define UINT32_C(c) c##U
#define UINT64_C(c) c##UL
#define INTMAX_C(c) c##L
#define UINTMAX_C(c) c##UL

#endif
`,
};
