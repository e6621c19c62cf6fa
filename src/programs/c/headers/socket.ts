/**
 * <sys/socket.h>: sockets, their options and ancillary data.
 */
export const SOCKET_HEADERS: Record<string, string> = {
  'sys/socket.h': String.raw`/*
 * sys/socket.h: sockets, with the Linux x86-64 constants and glibc's structure layouts (struct
 * msghdr is 56 bytes, struct cmsghdr 16, struct sockaddr_storage 128).
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_ssize_t_defined
#define __rv_ssize_t_defined
typedef __ssize_t ssize_t;
#endif
#ifndef __rv_socklen_t_defined
#define __rv_socklen_t_defined
typedef __socklen_t socklen_t;
#endif
#ifndef __rv_sa_family_t_defined
#define __rv_sa_family_t_defined
typedef unsigned short sa_family_t;
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

#include <sys/uio.h>
#include <bits/sockios.h>

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_RDM 4
#define SOCK_SEQPACKET 5
#define SOCK_DCCP 6
#define SOCK_PACKET 10
#define SOCK_NONBLOCK 00004000
#define SOCK_CLOEXEC 02000000

#define PF_UNSPEC 0
#define PF_LOCAL 1
#define PF_UNIX PF_LOCAL
#define PF_FILE PF_LOCAL
#define PF_INET 2
#define PF_INET6 10
#define PF_NETLINK 16
#define PF_PACKET 17
#define PF_MAX 46
#define AF_UNSPEC PF_UNSPEC
#define AF_LOCAL PF_LOCAL
#define AF_UNIX PF_UNIX
#define AF_FILE PF_FILE
#define AF_INET PF_INET
#define AF_INET6 PF_INET6
#define AF_NETLINK PF_NETLINK
#define AF_PACKET PF_PACKET
#define AF_MAX PF_MAX

#define SOL_SOCKET 1
#define SOMAXCONN 4096

#define MSG_OOB 0x01
#define MSG_PEEK 0x02
#define MSG_DONTROUTE 0x04
#define MSG_CTRUNC 0x08
#define MSG_PROXY 0x10
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_FIN 0x200
#define MSG_SYN 0x400
#define MSG_CONFIRM 0x800
#define MSG_RST 0x1000
#define MSG_ERRQUEUE 0x2000
#define MSG_NOSIGNAL 0x4000
#define MSG_MORE 0x8000
#define MSG_WAITFORONE 0x10000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_NO_CHECK 11
#define SO_PRIORITY 12
#define SO_LINGER 13
#define SO_BSDCOMPAT 14
#define SO_REUSEPORT 15
#define SO_PASSCRED 16
#define SO_PEERCRED 17
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_BINDTODEVICE 25
#define SO_TIMESTAMP 29
#define SO_ACCEPTCONN 30
#define SO_PEERSEC 31
#define SO_SNDBUFFORCE 32
#define SO_RCVBUFFORCE 33
#define SO_PASSSEC 34
#define SO_PROTOCOL 38
#define SO_DOMAIN 39
#define SO_PEEK_OFF 42
#define SO_PEERGROUPS 59

#define SCM_RIGHTS 0x01
#define SCM_CREDENTIALS 0x02
#define SCM_TIMESTAMP SO_TIMESTAMP

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

struct sockaddr {
  sa_family_t sa_family;
  char sa_data[14];
};

struct sockaddr_storage {
  sa_family_t ss_family;
  char __ss_padding[118];
  unsigned long __ss_align;
};

struct msghdr {
  void *msg_name;
  socklen_t msg_namelen;
  struct iovec *msg_iov;
  size_t msg_iovlen;
  void *msg_control;
  size_t msg_controllen;
  int msg_flags;
};

struct cmsghdr {
  size_t cmsg_len;
  int cmsg_level;
  int cmsg_type;
  unsigned char __cmsg_data[];
};

struct ucred {
  pid_t pid;
  uid_t uid;
  gid_t gid;
};

struct linger {
  int l_onoff;
  int l_linger;
};

#define CMSG_DATA(cmsg) ((cmsg)->__cmsg_data)
#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & (size_t) ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(len) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_FIRSTHDR(mhdr) \
  ((size_t)(mhdr)->msg_controllen >= sizeof(struct cmsghdr) \
       ? (struct cmsghdr *)(mhdr)->msg_control \
       : (struct cmsghdr *)0)
/* The next header after cmsg, or a null pointer past the end (as glibc's __cmsg_nxthdr). */
#define CMSG_NXTHDR(mhdr, cmsg) __cmsg_nxthdr(mhdr, cmsg)
struct cmsghdr *__cmsg_nxthdr(struct msghdr *__mhdr, struct cmsghdr *__cmsg);

int socket(int __domain, int __type, int __protocol);
int socketpair(int __domain, int __type, int __protocol, int __fds[2]);
int bind(int __fd, const struct sockaddr *__addr, socklen_t __len);
int getsockname(int __fd, struct sockaddr *__addr, socklen_t *__len);
int connect(int __fd, const struct sockaddr *__addr, socklen_t __len);
int getpeername(int __fd, struct sockaddr *__addr, socklen_t *__len);
int listen(int __fd, int __n);
int accept(int __fd, struct sockaddr *__addr, socklen_t *__addr_len);
int accept4(int __fd, struct sockaddr *__addr, socklen_t *__addr_len, int __flags);
ssize_t send(int __fd, const void *__buf, size_t __n, int __flags);
ssize_t recv(int __fd, void *__buf, size_t __n, int __flags);
ssize_t sendto(int __fd, const void *__buf, size_t __n, int __flags, const struct sockaddr *__addr,
               socklen_t __addr_len);
ssize_t recvfrom(int __fd, void *__buf, size_t __n, int __flags, struct sockaddr *__addr,
                 socklen_t *__addr_len);
ssize_t sendmsg(int __fd, const struct msghdr *__message, int __flags);
ssize_t recvmsg(int __fd, struct msghdr *__message, int __flags);
int getsockopt(int __fd, int __level, int __optname, void *__optval, socklen_t *__optlen);
int setsockopt(int __fd, int __level, int __optname, const void *__optval, socklen_t __optlen);
int shutdown(int __fd, int __how);
int sockatmark(int __fd);

#endif
`,
  'bits/sockios.h': `/* bits/sockios.h: the socket ioctls that glibc's <sys/socket.h> gives (from the kernel's headers). */
#ifndef _BITS_SOCKIOS_H
#define _BITS_SOCKIOS_H

#define FIOSETOWN 0x8901
#define SIOCSPGRP 0x8902
#define FIOGETOWN 0x8903
#define SIOCGPGRP 0x8904
#define SIOCATMARK 0x8905
#define SIOCGSTAMP_OLD 0x8906
#define SIOCGSTAMPNS_OLD 0x8907

#endif
`,
};
