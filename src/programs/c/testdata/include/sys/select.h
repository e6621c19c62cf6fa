/* Test fixture: fd_set and the FD_ macros written out as plain C. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H
#include <sys/types.h>
#define FD_SETSIZE 1024
#define __NFDBITS (8 * (int) sizeof(long))
typedef struct {
  long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;
struct timeval { time_t tv_sec; long tv_usec; };
#define __FD_ELT(d) ((d) / __NFDBITS)
#define __FD_MASK(d) (1UL << ((d) % __NFDBITS))
#define FD_ZERO(s) \
  do { \
    unsigned int __i; \
    fd_set *__arr = (s); \
    for (__i = 0; __i < sizeof(fd_set) / sizeof(long); ++__i) \
      __arr->fds_bits[__i] = 0; \
  } while (0)
#define FD_SET(d, s) ((void) ((s)->fds_bits[__FD_ELT(d)] |= __FD_MASK(d)))
#define FD_CLR(d, s) ((void) ((s)->fds_bits[__FD_ELT(d)] &= ~__FD_MASK(d)))
#define FD_ISSET(d, s) (((s)->fds_bits[__FD_ELT(d)] & __FD_MASK(d)) != 0)
int select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *t);
#endif
