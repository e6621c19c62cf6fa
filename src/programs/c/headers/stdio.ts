/**
 * <stdio.h>, <stdlib.h> and the wait status macros they share with <sys/wait.h>.
 */
export const STDIO_HEADERS: Record<string, string> = {
  'stdio.h': `/*
 * stdio.h: standard I/O. FILE is opaque (the runtime owns it). As with glibc, stdout is line
 * buffered on a terminal and fully buffered otherwise (a pipe or file); stderr is unbuffered.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_ssize_t_defined
#define __rv_ssize_t_defined
typedef __ssize_t ssize_t;
#endif
#ifndef __rv_off_t_defined
#define __rv_off_t_defined
typedef __off_t off_t;
#endif
#ifndef __rv_va_list_defined
#define __rv_va_list_defined
typedef char *va_list;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef struct _IO_FILE FILE;

/* A file position (glibc: an offset and a multibyte conversion state, 16 bytes). */
typedef struct {
  long __pos;
  int __state[2];
} fpos_t;

#define BUFSIZ 8192
#define EOF (-1)
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define FILENAME_MAX 4096
#define FOPEN_MAX 16
#define L_tmpnam 20
#define L_ctermid 9
#define TMP_MAX 238328
#define P_tmpdir "/tmp"

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

FILE *fopen(const char *__path, const char *__mode);
FILE *freopen(const char *__path, const char *__mode, FILE *__stream);
FILE *fdopen(int __fd, const char *__mode);
int fclose(FILE *__stream);
int fflush(FILE *__stream);
void setbuf(FILE *__stream, char *__buf);
int setvbuf(FILE *__stream, char *__buf, int __mode, size_t __size);
void setlinebuf(FILE *__stream);
int fileno(FILE *__stream);

int printf(const char *__format, ...);
int fprintf(FILE *__stream, const char *__format, ...);
int sprintf(char *__s, const char *__format, ...);
int snprintf(char *__s, size_t __maxlen, const char *__format, ...);
int dprintf(int __fd, const char *__format, ...);
int vprintf(const char *__format, va_list __ap);
int vfprintf(FILE *__stream, const char *__format, va_list __ap);
int vsprintf(char *__s, const char *__format, va_list __ap);
int vsnprintf(char *__s, size_t __maxlen, const char *__format, va_list __ap);
int vdprintf(int __fd, const char *__format, va_list __ap);

int scanf(const char *__format, ...);
int fscanf(FILE *__stream, const char *__format, ...);
int sscanf(const char *__s, const char *__format, ...);
int vscanf(const char *__format, va_list __ap);
int vfscanf(FILE *__stream, const char *__format, va_list __ap);
int vsscanf(const char *__s, const char *__format, va_list __ap);

int fgetc(FILE *__stream);
int getc(FILE *__stream);
int getchar(void);
int ungetc(int __c, FILE *__stream);
char *fgets(char *__s, int __n, FILE *__stream);
/* Removed from C11 and from glibc's header, but old programs still call it. */
char *gets(char *__s);
ssize_t getline(char **__lineptr, size_t *__n, FILE *__stream);
ssize_t getdelim(char **__lineptr, size_t *__n, int __delim, FILE *__stream);

int fputc(int __c, FILE *__stream);
int putc(int __c, FILE *__stream);
int putchar(int __c);
int fputs(const char *__s, FILE *__stream);
int puts(const char *__s);

size_t fread(void *__ptr, size_t __size, size_t __n, FILE *__stream);
size_t fwrite(const void *__ptr, size_t __size, size_t __n, FILE *__stream);

int fseek(FILE *__stream, long __off, int __whence);
long ftell(FILE *__stream);
int fseeko(FILE *__stream, off_t __off, int __whence);
off_t ftello(FILE *__stream);
void rewind(FILE *__stream);
int fgetpos(FILE *__stream, fpos_t *__pos);
int fsetpos(FILE *__stream, const fpos_t *__pos);

void clearerr(FILE *__stream);
int feof(FILE *__stream);
int ferror(FILE *__stream);
void perror(const char *__s);

int remove(const char *__path);
int rename(const char *__old, const char *__new);
FILE *tmpfile(void);
char *tmpnam(char *__s);
FILE *popen(const char *__command, const char *__mode);
int pclose(FILE *__stream);
void flockfile(FILE *__stream);
void funlockfile(FILE *__stream);

#endif
`,
  'stdlib.h': `/* stdlib.h: general utilities. As with glibc, it also gives <sys/types.h> and the wait macros. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_wchar_t_defined
#define __rv_wchar_t_defined
typedef int wchar_t;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

#include <sys/types.h>
#include <bits/waitstatus.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647

typedef struct {
  int quot;
  int rem;
} div_t;

typedef struct {
  long quot;
  long rem;
} ldiv_t;

typedef struct {
  long long quot;
  long long rem;
} lldiv_t;

double atof(const char *__nptr);
int atoi(const char *__nptr);
long atol(const char *__nptr);
long long atoll(const char *__nptr);
double strtod(const char *__nptr, char **__endptr);
float strtof(const char *__nptr, char **__endptr);
long double strtold(const char *__nptr, char **__endptr);
long strtol(const char *__nptr, char **__endptr, int __base);
unsigned long strtoul(const char *__nptr, char **__endptr, int __base);
long long strtoll(const char *__nptr, char **__endptr, int __base);
unsigned long long strtoull(const char *__nptr, char **__endptr, int __base);

int rand(void);
void srand(unsigned int __seed);
int rand_r(unsigned int *__seed);
long random(void);
void srandom(unsigned int __seed);

void *malloc(size_t __size);
void *calloc(size_t __nmemb, size_t __size);
void *realloc(void *__ptr, size_t __size);
void *reallocarray(void *__ptr, size_t __nmemb, size_t __size);
void free(void *__ptr);

void abort(void);
int atexit(void (*__func)(void));
void exit(int __status);
void _Exit(int __status);

char *getenv(const char *__name);
int setenv(const char *__name, const char *__value, int __replace);
int unsetenv(const char *__name);
int putenv(char *__string);
int system(const char *__command);

void *bsearch(const void *__key, const void *__base, size_t __nmemb, size_t __size,
              int (*__compar)(const void *, const void *));
void qsort(void *__base, size_t __nmemb, size_t __size, int (*__compar)(const void *, const void *));
#ifdef _GNU_SOURCE
void qsort_r(void *__base, size_t __nmemb, size_t __size, int (*__compar)(const void *, const void *, void *),
             void *__arg);
#endif

int abs(int __x);
long labs(long __x);
long long llabs(long long __x);
div_t div(int __numer, int __denom);
ldiv_t ldiv(long __numer, long __denom);
lldiv_t lldiv(long long __numer, long long __denom);

int mkstemp(char *__template);
char *mkdtemp(char *__template);
char *realpath(const char *__name, char *__resolved);

#endif
`,
  'bits/waitstatus.h': `/*
 * bits/waitstatus.h: the wait status macros on an int status, with glibc's encoding: exit status
 * in bits 8-15, terminating signal in bits 0-6, core dump flag in bit 7, 0x7f for stopped.
 * Both <sys/wait.h> and <stdlib.h> give them, as with glibc.
 */
#ifndef _BITS_WAITSTATUS_H
#define _BITS_WAITSTATUS_H

#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000

#define WEXITSTATUS(status) (((status) & 0xff00) >> 8)
#define WTERMSIG(status) ((status) & 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char)(((status) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCOREDUMP(status) ((status) & 0x80)
#define WCOREFLAG 0x80
#define W_EXITCODE(ret, sig) ((ret) << 8 | (sig))
#define W_STOPCODE(sig) ((sig) << 8 | 0x7f)

#endif
`,
};
