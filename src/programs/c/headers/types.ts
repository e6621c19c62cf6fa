/**
 * <sys/types.h> and <sys/param.h>.
 */
export const TYPES_HEADERS: Record<string, string> = {
  'sys/types.h': `/* sys/types.h: POSIX system data types (Linux x86-64), plus the BSD short names. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

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
#ifndef __rv_pid_t_defined
#define __rv_pid_t_defined
typedef __pid_t pid_t;
#endif
#ifndef __rv_uid_t_defined
#define __rv_uid_t_defined
typedef __uid_t uid_t;
#endif
#ifndef __rv_gid_t_defined
#define __rv_gid_t_defined
typedef __gid_t gid_t;
#endif
#ifndef __rv_mode_t_defined
#define __rv_mode_t_defined
typedef __mode_t mode_t;
#endif
#ifndef __rv_dev_t_defined
#define __rv_dev_t_defined
typedef __dev_t dev_t;
#endif
#ifndef __rv_ino_t_defined
#define __rv_ino_t_defined
typedef __ino_t ino_t;
#endif
#ifndef __rv_nlink_t_defined
#define __rv_nlink_t_defined
typedef __nlink_t nlink_t;
#endif
#ifndef __rv_blksize_t_defined
#define __rv_blksize_t_defined
typedef __blksize_t blksize_t;
#endif
#ifndef __rv_blkcnt_t_defined
#define __rv_blkcnt_t_defined
typedef __blkcnt_t blkcnt_t;
#endif
#ifndef __rv_time_t_defined
#define __rv_time_t_defined
typedef __time_t time_t;
#endif
#ifndef __rv_suseconds_t_defined
#define __rv_suseconds_t_defined
typedef __suseconds_t suseconds_t;
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
#ifndef __rv_useconds_t_defined
#define __rv_useconds_t_defined
typedef __useconds_t useconds_t;
#endif
#ifndef __rv_id_t_defined
#define __rv_id_t_defined
typedef __id_t id_t;
#endif
#ifndef __rv_key_t_defined
#define __rv_key_t_defined
typedef __key_t key_t;
#endif
#ifndef __rv_intN_t_defined
#define __rv_intN_t_defined
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long int64_t;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

/* BSD and System V names, still used by old programs. */
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef char *caddr_t;
typedef int daddr_t;
typedef unsigned char u_int8_t;
typedef unsigned short u_int16_t;
typedef unsigned int u_int32_t;
typedef unsigned long u_int64_t;
typedef long register_t;
typedef long loff_t;
typedef long quad_t;
typedef unsigned long u_quad_t;
typedef unsigned long fsblkcnt_t;
typedef unsigned long fsfilcnt_t;

/* glibc's <sys/types.h> also gives fd_set and select() (through <sys/select.h>). */
#include <sys/select.h>

#endif
`,
  'sys/param.h': `/* sys/param.h: old BSD system parameters. */
#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

#include <sys/types.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

#define MAXPATHLEN PATH_MAX
#define MAXHOSTNAMELEN 64
#define MAXSYMLINKS 20
#define NOFILE 256
#define NCARGS 131072
#define NGROUPS NGROUPS_MAX
#define NBBY CHAR_BIT
#define DEV_BSIZE 512

#define setbit(a, i) ((a)[(i) / NBBY] |= 1 << ((i) % NBBY))
#define clrbit(a, i) ((a)[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define isset(a, i) ((a)[(i) / NBBY] & (1 << ((i) % NBBY)))
#define isclr(a, i) (((a)[(i) / NBBY] & (1 << ((i) % NBBY))) == 0)
#define howmany(x, y) (((x) + ((y) - 1)) / (y))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define powerof2(x) ((((x) - 1) & (x)) == 0)
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#define MAX(a, b) (((a) > (b)) ? (a) : (b))

#endif
`,
};
