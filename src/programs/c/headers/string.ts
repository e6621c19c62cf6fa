/**
 * Strings, characters, assertions and BSD error messages.
 */
export const STRING_HEADERS: Record<string, string> = {
  'string.h': `/* string.h: string and memory functions. As with glibc, it also gives <strings.h>. */
#ifndef _STRING_H
#define _STRING_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

void *memcpy(void *__dest, const void *__src, size_t __n);
void *memmove(void *__dest, const void *__src, size_t __n);
void *memccpy(void *__dest, const void *__src, int __c, size_t __n);
void *memset(void *__s, int __c, size_t __n);
int memcmp(const void *__s1, const void *__s2, size_t __n);
void *memchr(const void *__s, int __c, size_t __n);

char *strcpy(char *__dest, const char *__src);
char *strncpy(char *__dest, const char *__src, size_t __n);
char *stpcpy(char *__dest, const char *__src);
char *stpncpy(char *__dest, const char *__src, size_t __n);
char *strcat(char *__dest, const char *__src);
char *strncat(char *__dest, const char *__src, size_t __n);
int strcmp(const char *__s1, const char *__s2);
int strncmp(const char *__s1, const char *__s2, size_t __n);
int strcoll(const char *__s1, const char *__s2);
size_t strxfrm(char *__dest, const char *__src, size_t __n);
char *strdup(const char *__s);
char *strndup(const char *__s, size_t __n);

char *strchr(const char *__s, int __c);
char *strrchr(const char *__s, int __c);
size_t strcspn(const char *__s, const char *__reject);
size_t strspn(const char *__s, const char *__accept);
char *strpbrk(const char *__s, const char *__accept);
char *strstr(const char *__haystack, const char *__needle);
char *strtok(char *__s, const char *__delim);
char *strtok_r(char *__s, const char *__delim, char **__save_ptr);
char *strsep(char **__stringp, const char *__delim);

size_t strlen(const char *__s);
size_t strnlen(const char *__s, size_t __maxlen);

char *strerror(int __errnum);
/* The POSIX (XSI) strerror_r, which glibc gives unless _GNU_SOURCE is defined. */
int strerror_r(int __errnum, char *__buf, size_t __buflen);
char *strsignal(int __sig);

#include <strings.h>

#endif
`,
  'strings.h': `/* strings.h: the BSD string functions. */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif

int bcmp(const void *__s1, const void *__s2, size_t __n);
void bcopy(const void *__src, void *__dest, size_t __n);
void bzero(void *__s, size_t __n);
char *index(const char *__s, int __c);
char *rindex(const char *__s, int __c);
int ffs(int __i);
int strcasecmp(const char *__s1, const char *__s2);
int strncasecmp(const char *__s1, const char *__s2, size_t __n);

#endif
`,
  'memory.h': `/* memory.h: an old name for <string.h>. */
#ifndef _MEMORY_H
#define _MEMORY_H

#include <string.h>

#endif
`,
  'malloc.h': `/* malloc.h: the allocator (an old header; <stdlib.h> is the standard one). */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

void *memalign(size_t __alignment, size_t __size);
void *valloc(size_t __size);

#endif
`,
  'ctype.h': `/* ctype.h: character classes (the "C" locale), as functions. */
#ifndef _CTYPE_H
#define _CTYPE_H

int isalnum(int __c);
int isalpha(int __c);
int isblank(int __c);
int iscntrl(int __c);
int isdigit(int __c);
int isgraph(int __c);
int islower(int __c);
int isprint(int __c);
int ispunct(int __c);
int isspace(int __c);
int isupper(int __c);
int isxdigit(int __c);
int isascii(int __c);
int tolower(int __c);
int toupper(int __c);
int toascii(int __c);

#endif
`,
  'assert.h': `/*
 * assert.h: assertions. Unlike the other headers it has no include guard: the C standard has it
 * redefine assert by the current NDEBUG each time it is included. A failed assertion calls
 * __assert_fail, which prints "PROG: FILE:LINE: FUNCTION: Assertion 'EXPR' failed." (glibc
 * quotes EXPR with a backquote and a quote) to stderr and aborts.
 */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H_DECLS
#define _ASSERT_H_DECLS
void __assert_fail(const char *__assertion, const char *__file, unsigned int __line,
                   const char *__function);
#endif
`,
  'err.h': `/*
 * err.h: BSD error messages: "PROG: MESSAGE: strerror(errno)" (err, warn) or "PROG: MESSAGE"
 * (errx, warnx) on stderr; err and errx then exit with the given status.
 */
#ifndef _ERR_H
#define _ERR_H

#include <bits/types.h>
#ifndef __rv_va_list_defined
#define __rv_va_list_defined
typedef char *va_list;
#endif

void warn(const char *__format, ...);
void warnx(const char *__format, ...);
void err(int __status, const char *__format, ...);
void errx(int __status, const char *__format, ...);
void vwarn(const char *__format, va_list __ap);
void vwarnx(const char *__format, va_list __ap);
void verr(int __status, const char *__format, va_list __ap);
void verrx(int __status, const char *__format, va_list __ap);

#endif
`,
};
