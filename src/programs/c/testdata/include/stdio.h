#ifndef _STDIO_H
#define _STDIO_H
#include <stddef.h>
typedef struct _FILE FILE;
extern FILE *stdin, *stdout, *stderr;
#define BUFSIZ 8192
#define EOF (-1)
int printf(const char *__restrict fmt, ...);
int fprintf(FILE *__restrict stream, const char *__restrict fmt, ...);
int snprintf(char *buf, size_t n, const char *fmt, ...);
void perror(const char *s);
char *fgets(char *s, int n, FILE *stream);
int fputs(const char *s, FILE *stream);
#endif
