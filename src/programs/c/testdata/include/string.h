#ifndef _STRING_H
#define _STRING_H
#include <stddef.h>
size_t strlen(const char *s);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
void *memset(void *p, int c, size_t n);
void *memcpy(void *__restrict d, const void *__restrict s, size_t n);
void bzero(void *p, size_t n);
#endif
