/**
 * Time, select() and poll().
 */
export const TIME_HEADERS: Record<string, string> = {
  'time.h': `/* time.h: calendar time, clocks and sleeping. */
#ifndef _TIME_H
#define _TIME_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_time_t_defined
#define __rv_time_t_defined
typedef __time_t time_t;
#endif
#ifndef __rv_clock_t_defined
#define __rv_clock_t_defined
typedef __clock_t clock_t;
#endif
#ifndef __rv_clockid_t_defined
#define __rv_clockid_t_defined
typedef __clockid_t clockid_t;
#endif
#ifndef __rv_timer_t_defined
#define __rv_timer_t_defined
typedef __timer_t timer_t;
#endif
#ifndef __rv_pid_t_defined
#define __rv_pid_t_defined
typedef __pid_t pid_t;
#endif
#ifndef __rv_struct_timespec_defined
#define __rv_struct_timespec_defined
struct timespec {
  __time_t tv_sec;
  long tv_nsec;
};
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

#define CLOCKS_PER_SEC ((__clock_t)1000000)
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};

struct itimerspec {
  struct timespec it_interval;
  struct timespec it_value;
};

clock_t clock(void);
time_t time(time_t *__timer);
double difftime(time_t __time1, time_t __time0);
time_t mktime(struct tm *__tp);
time_t timegm(struct tm *__tp);
size_t strftime(char *__s, size_t __maxsize, const char *__format, const struct tm *__tp);
struct tm *gmtime(const time_t *__timer);
struct tm *localtime(const time_t *__timer);
struct tm *gmtime_r(const time_t *__timer, struct tm *__tp);
struct tm *localtime_r(const time_t *__timer, struct tm *__tp);
char *asctime(const struct tm *__tp);
char *ctime(const time_t *__timer);
char *asctime_r(const struct tm *__tp, char *__buf);
char *ctime_r(const time_t *__timer, char *__buf);
void tzset(void);
extern char *tzname[2];
extern long timezone;
extern int daylight;

int nanosleep(const struct timespec *__requested, struct timespec *__remaining);
int clock_getres(clockid_t __clock_id, struct timespec *__res);
int clock_gettime(clockid_t __clock_id, struct timespec *__tp);
int clock_nanosleep(clockid_t __clock_id, int __flags, const struct timespec *__req,
                    struct timespec *__rem);

#endif
`,
  'sys/time.h': String.raw`/* sys/time.h: time of day and interval timers (it also gives <sys/select.h>, as glibc's does). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <bits/types.h>
#ifndef __rv_time_t_defined
#define __rv_time_t_defined
typedef __time_t time_t;
#endif
#ifndef __rv_suseconds_t_defined
#define __rv_suseconds_t_defined
typedef __suseconds_t suseconds_t;
#endif
#ifndef __rv_struct_timeval_defined
#define __rv_struct_timeval_defined
struct timeval {
  __time_t tv_sec;
  __suseconds_t tv_usec;
};
#endif

#include <sys/select.h>

struct timezone {
  int tz_minuteswest;
  int tz_dsttime;
};

struct itimerval {
  struct timeval it_interval;
  struct timeval it_value;
};

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

int gettimeofday(struct timeval *__tv, void *__tz);
int getitimer(int __which, struct itimerval *__value);
int setitimer(int __which, const struct itimerval *__new, struct itimerval *__old);
int utimes(const char *__file, const struct timeval __tvp[2]);

#define timerisset(tvp) ((tvp)->tv_sec || (tvp)->tv_usec)
#define timerclear(tvp) ((tvp)->tv_sec = (tvp)->tv_usec = 0)
#define timercmp(a, b, CMP) \
  (((a)->tv_sec == (b)->tv_sec) ? ((a)->tv_usec CMP (b)->tv_usec) : ((a)->tv_sec CMP (b)->tv_sec))
#define timeradd(a, b, result) \
  do { \
    (result)->tv_sec = (a)->tv_sec + (b)->tv_sec; \
    (result)->tv_usec = (a)->tv_usec + (b)->tv_usec; \
    if ((result)->tv_usec >= 1000000) { \
      ++(result)->tv_sec; \
      (result)->tv_usec -= 1000000; \
    } \
  } while (0)
#define timersub(a, b, result) \
  do { \
    (result)->tv_sec = (a)->tv_sec - (b)->tv_sec; \
    (result)->tv_usec = (a)->tv_usec - (b)->tv_usec; \
    if ((result)->tv_usec < 0) { \
      --(result)->tv_sec; \
      (result)->tv_usec += 1000000; \
    } \
  } while (0)

#endif
`,
  'sys/select.h': String.raw`/*
 * sys/select.h: select() and fd_set, a 1024-bit array of longs (128 bytes). The FD_* macros are
 * plain C over the bits, as glibc's generic versions are.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <bits/types.h>
#ifndef __rv_time_t_defined
#define __rv_time_t_defined
typedef __time_t time_t;
#endif
#ifndef __rv_suseconds_t_defined
#define __rv_suseconds_t_defined
typedef __suseconds_t suseconds_t;
#endif
#ifndef __rv_sigset_t_defined
#define __rv_sigset_t_defined
typedef __sigset_t sigset_t;
#endif
#ifndef __rv_struct_timeval_defined
#define __rv_struct_timeval_defined
struct timeval {
  __time_t tv_sec;
  __suseconds_t tv_usec;
};
#endif
#ifndef __rv_struct_timespec_defined
#define __rv_struct_timespec_defined
struct timespec {
  __time_t tv_sec;
  long tv_nsec;
};
#endif

typedef long __fd_mask;
typedef __fd_mask fd_mask;

#define __NFDBITS (8 * (int)sizeof(__fd_mask))
#define NFDBITS __NFDBITS
#define FD_SETSIZE 1024

typedef struct {
  __fd_mask __fds_bits[1024 / 64];
} fd_set;

#define __FD_ELT(d) ((d) / __NFDBITS)
#define __FD_MASK(d) ((__fd_mask)(1UL << ((d) % __NFDBITS)))

#define FD_ZERO(set) \
  do { \
    unsigned int __i; \
    fd_set *__arr = (set); \
    for (__i = 0; __i < sizeof(fd_set) / sizeof(__fd_mask); ++__i) \
      __arr->__fds_bits[__i] = 0; \
  } while (0)
#define FD_SET(d, set) ((void)((set)->__fds_bits[__FD_ELT(d)] |= __FD_MASK(d)))
#define FD_CLR(d, set) ((void)((set)->__fds_bits[__FD_ELT(d)] &= ~__FD_MASK(d)))
#define FD_ISSET(d, set) (((set)->__fds_bits[__FD_ELT(d)] & __FD_MASK(d)) != 0)

int select(int __nfds, fd_set *__readfds, fd_set *__writefds, fd_set *__exceptfds,
           struct timeval *__timeout);
int pselect(int __nfds, fd_set *__readfds, fd_set *__writefds, fd_set *__exceptfds,
            const struct timespec *__timeout, const sigset_t *__sigmask);

#endif
`,
  'poll.h': `/* poll.h: poll() (the POLL* values of Linux, POLLRDHUP included). */
#ifndef _POLL_H
#define _POLL_H

#include <bits/types.h>
#ifndef __rv_sigset_t_defined
#define __rv_sigset_t_defined
typedef __sigset_t sigset_t;
#endif
#ifndef __rv_struct_timespec_defined
#define __rv_struct_timespec_defined
struct timespec {
  __time_t tv_sec;
  long tv_nsec;
};
#endif

typedef unsigned long nfds_t;

struct pollfd {
  int fd;
  short events;
  short revents;
};

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLMSG 0x400
#define POLLREMOVE 0x1000
#define POLLRDHUP 0x2000

int poll(struct pollfd *__fds, nfds_t __nfds, int __timeout);
int ppoll(struct pollfd *__fds, nfds_t __nfds, const struct timespec *__timeout,
          const sigset_t *__ss);

#endif
`,
  'sys/poll.h': `/* sys/poll.h: an old name for <poll.h>. */
#ifndef _SYS_POLL_H
#define _SYS_POLL_H

#include <poll.h>

#endif
`,
};
