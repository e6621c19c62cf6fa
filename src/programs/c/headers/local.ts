/**
 * UNIX domain addresses, scatter/gather I/O and the ioctls.
 */
export const LOCAL_HEADERS: Record<string, string> = {
  'sys/un.h': `/* sys/un.h: UNIX domain socket addresses (struct sockaddr_un is 110 bytes). */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <bits/types.h>
#ifndef __rv_sa_family_t_defined
#define __rv_sa_family_t_defined
typedef unsigned short sa_family_t;
#endif

#include <string.h>

struct sockaddr_un {
  sa_family_t sun_family;
  char sun_path[108];
};

/* The length of the address up to the end of the path (without its terminating null). */
#define SUN_LEN(ptr) (__builtin_offsetof(struct sockaddr_un, sun_path) + strlen((ptr)->sun_path))

#endif
`,
  'sys/uio.h': `/* sys/uio.h: scatter/gather I/O. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_ssize_t_defined
#define __rv_ssize_t_defined
typedef __ssize_t ssize_t;
#endif
#ifndef __rv_struct_iovec_defined
#define __rv_struct_iovec_defined
struct iovec {
  void *iov_base;
  size_t iov_len;
};
#endif

#define UIO_MAXIOV 1024

ssize_t readv(int __fd, const struct iovec *__iovec, int __count);
ssize_t writev(int __fd, const struct iovec *__iovec, int __count);

#endif
`,
  'sys/ioctl.h': `/* sys/ioctl.h: ioctl() and the common request numbers (FIONREAD, FIONBIO, ...). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <bits/ioctls.h>
#include <bits/sockios.h>

struct winsize {
  unsigned short ws_row;
  unsigned short ws_col;
  unsigned short ws_xpixel;
  unsigned short ws_ypixel;
};

int ioctl(int __fd, unsigned long __request, ...);

#endif
`,
  'bits/ioctls.h': `/* bits/ioctls.h: the file and terminal ioctl numbers of Linux x86-64. */
#ifndef _BITS_IOCTLS_H
#define _BITS_IOCTLS_H

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TIOCSCTTY 0x540E
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCOUTQ 0x5411
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B
#define TIOCINQ FIONREAD
#define FIONBIO 0x5421
#define TIOCNOTTY 0x5422
#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIOASYNC 0x5452
#define FIOQSIZE 0x5460

#endif
`,
  'linux/sockios.h': `/*
 * linux/sockios.h: socket ioctls. SIOCINQ is FIONREAD (bytes readable: for a datagram socket, the
 * size of the next datagram) and SIOCOUTQ is TIOCOUTQ (bytes sent but not yet read by the peer).
 */
#ifndef _LINUX_SOCKIOS_H
#define _LINUX_SOCKIOS_H

#include <bits/ioctls.h>
#include <bits/sockios.h>

#define SIOCINQ FIONREAD
#define SIOCOUTQ TIOCOUTQ
#define SIOCOUTQNSD 0x894B

#endif
`,
};
