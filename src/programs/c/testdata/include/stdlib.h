#ifndef _STDLIB_H
#define _STDLIB_H
#include <stddef.h>
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
void exit(int status) __attribute__((__noreturn__));
void *malloc(size_t n);
void free(void *p);
int atoi(const char *s);
#endif
