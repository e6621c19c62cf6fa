/**
 * Numeric constants as Linux x86-64 and glibc define them, so that C programs and
 * strace logs can pass their raw values straight to the engine.
 */

/** Address families. */
export const AF_UNSPEC = 0;
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
/** AF_MAX on Linux 6.18: one past the last family. */
export const AF_MAX = 46;

/** Socket types and the flags that may be or-ed into them. */
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_RDM = 4;
export const SOCK_SEQPACKET = 5;
export const SOCK_DCCP = 6;
export const SOCK_PACKET = 10;
export const SOCK_NONBLOCK = 0o4000;
export const SOCK_CLOEXEC = 0o2000000;
/** SOCK_TYPE_MASK in include/linux/net.h. */
export const SOCK_TYPE_MASK = 0xf;

/** Message flags for send/recv. */
export const MSG_OOB = 0x1;
export const MSG_PEEK = 0x2;
export const MSG_DONTROUTE = 0x4;
export const MSG_CTRUNC = 0x8;
export const MSG_TRUNC = 0x20;
export const MSG_DONTWAIT = 0x40;
export const MSG_EOR = 0x80;
export const MSG_WAITALL = 0x100;
export const MSG_ERRQUEUE = 0x2000;
export const MSG_NOSIGNAL = 0x4000;
export const MSG_CMSG_CLOEXEC = 0x40000000;

/** poll(2) event bits. */
export const POLLIN = 0x1;
export const POLLPRI = 0x2;
export const POLLOUT = 0x4;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;
export const POLLNVAL = 0x20;
export const POLLRDNORM = 0x40;
export const POLLRDBAND = 0x80;
export const POLLWRNORM = 0x100;
export const POLLWRBAND = 0x200;
export const POLLRDHUP = 0x2000;

/** open(2) and fcntl(2) flags. */
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o200000;
export const O_CLOEXEC = 0o2000000;
export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_DUPFD_CLOEXEC = 1030;
export const FD_CLOEXEC = 1;
export const AT_FDCWD = -100;
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** shutdown(2) how, and the sk_shutdown bits it sets. */
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;
export const RCV_SHUTDOWN = 1;
export const SEND_SHUTDOWN = 2;
export const SHUTDOWN_MASK = 3;

/** Socket options (level SOL_SOCKET). */
export const SOL_SOCKET = 1;
export const SO_DEBUG = 1;
export const SO_REUSEADDR = 2;
export const SO_TYPE = 3;
export const SO_ERROR = 4;
export const SO_DONTROUTE = 5;
export const SO_BROADCAST = 6;
export const SO_SNDBUF = 7;
export const SO_RCVBUF = 8;
export const SO_KEEPALIVE = 9;
export const SO_OOBINLINE = 10;
export const SO_LINGER = 13;
export const SO_REUSEPORT = 15;
export const SO_PASSCRED = 16;
export const SO_PEERCRED = 17;
export const SO_RCVLOWAT = 18;
export const SO_SNDLOWAT = 19;
export const SO_RCVTIMEO = 20;
export const SO_SNDTIMEO = 21;
export const SO_ACCEPTCONN = 30;
export const SO_SNDBUFFORCE = 32;
export const SO_RCVBUFFORCE = 33;
export const SO_PROTOCOL = 38;
export const SO_DOMAIN = 39;
export const SO_PEEK_OFF = 42;
export const SCM_RIGHTS = 1;
export const SCM_CREDENTIALS = 2;

/** ioctl requests. */
export const FIONREAD = 0x541b;
export const SIOCINQ = FIONREAD;
export const TIOCOUTQ = 0x5411;
export const SIOCOUTQ = TIOCOUTQ;
export const FIONBIO = 0x5421;
export const SIOCATMARK = 0x8905;

/** waitpid(2) options. */
export const WNOHANG = 1;

/** File type bits of st_mode. */
export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o40000;
export const S_IFCHR = 0o20000;
export const S_IFIFO = 0o10000;

/** Sizes of C structures on x86-64. */
export const SIZEOF_SOCKADDR_UN = 110;
export const SUN_PATH_OFFSET = 2;
export const UNIX_PATH_MAX = 108;
export const SIZEOF_CMSGHDR = 16;
export const SIZEOF_UCRED = 12;

/** The user and group that credentials show when the kernel has none (overflowuid). */
export const OVERFLOW_UID = 65534;
