/**
 * The textbooks' helper functions, written in C by us (errExit and friends for tlpi_hdr.h; err_sys,
 * the capitalised wrappers, Readline and Writen for unp.h), compiled with a program that calls them
 * as system code: their statements are not steps. scripts/record-c-expected.sh compiles the same
 * sources with gcc, so the recorded outputs and the simulator share one implementation.
 */

/** Library sources by file name (the .c files, and the .inc file they include). */
export const LIBRARY_FILES: Record<string, string> = {
  'errno_names.inc': `/* errno_names.inc: the names of the Linux error numbers (generated from the kernel headers). */
static const char *const errno_names[] = {
    [1] = "EPERM",
    [2] = "ENOENT",
    [3] = "ESRCH",
    [4] = "EINTR",
    [5] = "EIO",
    [6] = "ENXIO",
    [7] = "E2BIG",
    [8] = "ENOEXEC",
    [9] = "EBADF",
    [10] = "ECHILD",
    [11] = "EAGAIN",
    [12] = "ENOMEM",
    [13] = "EACCES",
    [14] = "EFAULT",
    [15] = "ENOTBLK",
    [16] = "EBUSY",
    [17] = "EEXIST",
    [18] = "EXDEV",
    [19] = "ENODEV",
    [20] = "ENOTDIR",
    [21] = "EISDIR",
    [22] = "EINVAL",
    [23] = "ENFILE",
    [24] = "EMFILE",
    [25] = "ENOTTY",
    [26] = "ETXTBSY",
    [27] = "EFBIG",
    [28] = "ENOSPC",
    [29] = "ESPIPE",
    [30] = "EROFS",
    [31] = "EMLINK",
    [32] = "EPIPE",
    [33] = "EDOM",
    [34] = "ERANGE",
    [35] = "EDEADLK",
    [36] = "ENAMETOOLONG",
    [37] = "ENOLCK",
    [38] = "ENOSYS",
    [39] = "ENOTEMPTY",
    [40] = "ELOOP",
    [42] = "ENOMSG",
    [43] = "EIDRM",
    [44] = "ECHRNG",
    [45] = "EL2NSYNC",
    [46] = "EL3HLT",
    [47] = "EL3RST",
    [48] = "ELNRNG",
    [49] = "EUNATCH",
    [50] = "ENOCSI",
    [51] = "EL2HLT",
    [52] = "EBADE",
    [53] = "EBADR",
    [54] = "EXFULL",
    [55] = "ENOANO",
    [56] = "EBADRQC",
    [57] = "EBADSLT",
    [59] = "EBFONT",
    [60] = "ENOSTR",
    [61] = "ENODATA",
    [62] = "ETIME",
    [63] = "ENOSR",
    [64] = "ENONET",
    [65] = "ENOPKG",
    [66] = "EREMOTE",
    [67] = "ENOLINK",
    [68] = "EADV",
    [69] = "ESRMNT",
    [70] = "ECOMM",
    [71] = "EPROTO",
    [72] = "EMULTIHOP",
    [73] = "EDOTDOT",
    [74] = "EBADMSG",
    [75] = "EOVERFLOW",
    [76] = "ENOTUNIQ",
    [77] = "EBADFD",
    [78] = "EREMCHG",
    [79] = "ELIBACC",
    [80] = "ELIBBAD",
    [81] = "ELIBSCN",
    [82] = "ELIBMAX",
    [83] = "ELIBEXEC",
    [84] = "EILSEQ",
    [85] = "ERESTART",
    [86] = "ESTRPIPE",
    [87] = "EUSERS",
    [88] = "ENOTSOCK",
    [89] = "EDESTADDRREQ",
    [90] = "EMSGSIZE",
    [91] = "EPROTOTYPE",
    [92] = "ENOPROTOOPT",
    [93] = "EPROTONOSUPPORT",
    [94] = "ESOCKTNOSUPPORT",
    [95] = "EOPNOTSUPP",
    [96] = "EPFNOSUPPORT",
    [97] = "EAFNOSUPPORT",
    [98] = "EADDRINUSE",
    [99] = "EADDRNOTAVAIL",
    [100] = "ENETDOWN",
    [101] = "ENETUNREACH",
    [102] = "ENETRESET",
    [103] = "ECONNABORTED",
    [104] = "ECONNRESET",
    [105] = "ENOBUFS",
    [106] = "EISCONN",
    [107] = "ENOTCONN",
    [108] = "ESHUTDOWN",
    [109] = "ETOOMANYREFS",
    [110] = "ETIMEDOUT",
    [111] = "ECONNREFUSED",
    [112] = "EHOSTDOWN",
    [113] = "EHOSTUNREACH",
    [114] = "EALREADY",
    [115] = "EINPROGRESS",
    [116] = "ESTALE",
    [117] = "EUCLEAN",
    [118] = "ENOTNAM",
    [119] = "ENAVAIL",
    [120] = "EISNAM",
    [121] = "EREMOTEIO",
    [122] = "EDQUOT",
    [123] = "ENOMEDIUM",
    [124] = "EMEDIUMTYPE",
    [125] = "ECANCELED",
    [126] = "ENOKEY",
    [127] = "EKEYEXPIRED",
    [128] = "EKEYREVOKED",
    [129] = "EKEYREJECTED",
    [130] = "EOWNERDEAD",
    [131] = "ENOTRECOVERABLE",
    [132] = "ERFKILL",
    [133] = "EHWPOISON",
};
#define ERRNO_NAMES_MAX 133
`,
  'rdwrn.c': `/* rdwrn.c: readn/writen (the same functions in TLPI and UNP) for the gcc build (our own code). */
#include <errno.h>
#include <unistd.h>
#include <sys/types.h>

ssize_t readn(int fd, void *buffer, size_t n)
{
    char *p = buffer;
    size_t done = 0;
    ssize_t got;

    while (done < n) {
        got = read(fd, p + done, n - done);
        if (got == 0)
            break;
        if (got == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        done += got;
    }
    return done;
}

ssize_t writen(int fd, const void *buffer, size_t n)
{
    const char *p = buffer;
    size_t done = 0;
    ssize_t put;

    while (done < n) {
        put = write(fd, p + done, n - done);
        if (put <= 0) {
            if (put == -1 && errno == EINTR)
                continue;
            return -1;
        }
        done += put;
    }
    return done;
}
`,
  'tlpi_error_functions.c': String.raw`/*
 * tlpi_error_functions.c: TLPI's error helpers for the gcc build of the fixtures (our own code; the
 * simulator's runtime has its own). The output formats are those documented in tlpi_hdr.h.
 */
#include <stdarg.h>
#include "tlpi_hdr.h"
#include "errno_names.inc"

static void terminate(int useExit3)
{
    char *s = getenv("EF_DUMPCORE");

    if (s != NULL && *s != '\0')
        abort();
    if (useExit3)
        exit(EXIT_FAILURE);
    _exit(EXIT_FAILURE);
}

static void report(int withErrno, int err, int flushStdout, const char *format, va_list ap)
{
    char message[500], detail[500], line[1100];
    const char *name = "?UNKNOWN?";

    vsnprintf(message, sizeof message, format, ap);
    if (withErrno) {
        if (err > 0 && err <= ERRNO_NAMES_MAX && errno_names[err] != NULL)
            name = errno_names[err];
        snprintf(detail, sizeof detail, " [%s %s]", name, strerror(err));
    } else {
        snprintf(detail, sizeof detail, ":");
    }
    snprintf(line, sizeof line, "ERROR%s %s\n", detail, message);
    if (flushStdout)
        fflush(stdout);
    fputs(line, stderr);
    fflush(stderr);
}

void errMsg(const char *format, ...)
{
    va_list ap;
    int saved = errno;

    va_start(ap, format);
    report(1, errno, 1, format, ap);
    va_end(ap);
    errno = saved;
}

void errExit(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(1, errno, 1, format, ap);
    va_end(ap);
    terminate(1);
}

void err_exit(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(1, errno, 0, format, ap);
    va_end(ap);
    terminate(0);
}

void errExitEN(int errnum, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(1, errnum, 1, format, ap);
    va_end(ap);
    terminate(1);
}

void fatal(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(0, 0, 1, format, ap);
    va_end(ap);
    terminate(1);
}

static void usageLike(const char *prefix, const char *format, va_list ap)
{
    fflush(stdout);
    fputs(prefix, stderr);
    vfprintf(stderr, format, ap);
    fflush(stderr);
    exit(EXIT_FAILURE);
}

void usageErr(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    usageLike("Usage: ", format, ap);
    va_end(ap);
}

void cmdLineErr(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    usageLike("Command-line usage error: ", format, ap);
    va_end(ap);
}
`,
  'tlpi_get_num.c': String.raw`/* tlpi_get_num.c: TLPI's getInt/getLong for the gcc build (our own code; messages as in tlpi_hdr.h). */
#include <limits.h>
#include "tlpi_hdr.h"

static void fail(const char *fname, const char *reason, const char *arg, const char *name)
{
    fprintf(stderr, "%s error", fname);
    if (name != NULL)
        fprintf(stderr, " (in %s)", name);
    fprintf(stderr, ": %s\n", reason);
    if (arg != NULL && *arg != '\0')
        fprintf(stderr, "        offending text: %s\n", arg);
    exit(EXIT_FAILURE);
}

static long parse(const char *fname, const char *arg, int flags, const char *name)
{
    char *end;
    long value;
    int base = 10;

    if (arg == NULL || *arg == '\0')
        fail(fname, "null or empty string", arg, name);
    if (flags & GN_ANY_BASE)
        base = 0;
    else if (flags & GN_BASE_8)
        base = 8;
    else if (flags & GN_BASE_16)
        base = 16;
    errno = 0;
    value = strtol(arg, &end, base);
    if (errno != 0)
        fail(fname, "strtol() failed", arg, name);
    if (*end != '\0')
        fail(fname, "nonnumeric characters", arg, name);
    if ((flags & GN_NONNEG) && value < 0)
        fail(fname, "negative value not allowed", arg, name);
    if ((flags & GN_GT_0) && value <= 0)
        fail(fname, "value must be > 0", arg, name);
    return value;
}

long getLong(const char *arg, int flags, const char *name)
{
    return parse("getLong", arg, flags, name);
}

int getInt(const char *arg, int flags, const char *name)
{
    long value = parse("getInt", arg, flags, name);

    if (value > INT_MAX || value < INT_MIN)
        fail("getInt", "integer out of range", arg, name);
    return (int)value;
}
`,
  'tlpi_sockets.c': String.raw`/* tlpi_sockets.c: TLPI's unix_sockets.h and read_line.h helpers for the gcc build (our own code). */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "unix_sockets.h"
#include "read_line.h"

int unixBuildAddress(const char *path, struct sockaddr_un *addr)
{
    if (addr == NULL || path == NULL || strlen(path) >= sizeof(addr->sun_path)) {
        errno = (addr == NULL || path == NULL) ? EINVAL : ENAMETOOLONG;
        return -1;
    }
    memset(addr, 0, sizeof(struct sockaddr_un));
    addr->sun_family = AF_UNIX;
    strcpy(addr->sun_path, path);
    return 0;
}

static int makeSocket(const char *path, int type, int doBind)
{
    struct sockaddr_un addr;
    int fd, saved;

    if (unixBuildAddress(path, &addr) == -1)
        return -1;
    fd = socket(AF_UNIX, type, 0);
    if (fd == -1)
        return -1;
    if ((doBind ? bind(fd, (struct sockaddr *)&addr, sizeof addr)
                : connect(fd, (struct sockaddr *)&addr, sizeof addr)) == -1) {
        saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int unixConnect(const char *path, int type)
{
    return makeSocket(path, type, 0);
}

int unixBind(const char *path, int type)
{
    return makeSocket(path, type, 1);
}

int unixListen(const char *path, int backlog)
{
    int fd = makeSocket(path, SOCK_STREAM, 1), saved;

    if (fd == -1)
        return -1;
    if (listen(fd, backlog) == -1) {
        saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

ssize_t readLine(int fd, void *buffer, size_t n)
{
    char *out = buffer, ch;
    size_t kept = 0;
    ssize_t got;

    if (n == 0 || buffer == NULL) {
        errno = EINVAL;
        return -1;
    }
    for (;;) {
        got = read(fd, &ch, 1);
        if (got == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (got == 0) {
            if (kept == 0)
                return 0;
            break;
        }
        if (kept < n - 1)
            out[kept++] = ch;
        if (ch == '\n')
            break;
    }
    out[kept] = '\0';
    return kept;
}
`,
  'unp_error.c': String.raw`/* unp_error.c: UNP's err_* functions for the gcc build (our own code; formats as in unp.h). */
#include <stdarg.h>
#include "unp.h"

static void say(int withErrno, const char *fmt, va_list ap)
{
    int saved = errno;
    char buf[MAXLINE + 1];
    size_t n;

    vsnprintf(buf, MAXLINE, fmt, ap);
    n = strlen(buf);
    if (withErrno)
        snprintf(buf + n, MAXLINE - n, ": %s", strerror(saved));
    strcat(buf, "\n");
    fflush(stdout);
    fputs(buf, stderr);
    fflush(stderr);
}

void err_ret(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(1, fmt, ap);
    va_end(ap);
}

void err_sys(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(1, fmt, ap);
    va_end(ap);
    exit(1);
}

void err_dump(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(1, fmt, ap);
    va_end(ap);
    abort();
}

void err_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(0, fmt, ap);
    va_end(ap);
}

void err_quit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(0, fmt, ap);
    va_end(ap);
    exit(1);
}
`,
  'unp_lib.c': String.raw`/* unp_lib.c: UNP's readline, str_echo, str_cli, dg_echo, dg_cli, read_fd/write_fd and sock_ntop for
   the gcc build (our own code; behaviour as documented in unp.h). */
#include <stddef.h>
#include "unp.h"

static int rl_count;
static char *rl_next;
static char rl_buf[MAXLINE];

static ssize_t next_byte(int fd, char *c)
{
    if (rl_count <= 0) {
        for (;;) {
            rl_count = read(fd, rl_buf, sizeof rl_buf);
            if (rl_count >= 0)
                break;
            if (errno != EINTR)
                return -1;
        }
        if (rl_count == 0)
            return 0;
        rl_next = rl_buf;
    }
    rl_count--;
    *c = *rl_next++;
    return 1;
}

ssize_t readline(int fd, void *vptr, size_t maxlen)
{
    char *out = vptr, c;
    size_t n;
    ssize_t rc;

    for (n = 1; n < maxlen; n++) {
        rc = next_byte(fd, &c);
        if (rc == 1) {
            *out++ = c;
            if (c == '\n')
                break;
        } else if (rc == 0) {
            *out = 0;
            return n - 1;
        } else {
            return -1;
        }
    }
    *out = 0;
    return n;
}

ssize_t Readline(int fd, void *ptr, size_t maxlen)
{
    ssize_t n = readline(fd, ptr, maxlen);
    if (n < 0)
        err_sys("readline error");
    return n;
}

ssize_t Readn(int fd, void *ptr, size_t nbytes)
{
    ssize_t n = readn(fd, ptr, nbytes);
    if (n < 0)
        err_sys("readn error");
    return n;
}

void Writen(int fd, void *ptr, size_t nbytes)
{
    if (writen(fd, ptr, nbytes) != (ssize_t)nbytes)
        err_sys("writen error");
}

void str_echo(int sockfd)
{
    ssize_t n;
    char buf[MAXLINE];

    for (;;) {
        while ((n = read(sockfd, buf, MAXLINE)) > 0)
            Writen(sockfd, buf, n);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            err_sys("str_echo: read error");
        return;
    }
}

void str_cli(FILE *fp, int sockfd)
{
    char sendline[MAXLINE], recvline[MAXLINE];

    while (Fgets(sendline, MAXLINE, fp) != NULL) {
        Writen(sockfd, sendline, strlen(sendline));
        if (Readline(sockfd, recvline, MAXLINE) == 0)
            err_quit("str_cli: server terminated prematurely");
        Fputs(recvline, stdout);
    }
}

void dg_echo(int sockfd, SA *pcliaddr, socklen_t clilen)
{
    ssize_t n;
    socklen_t len;
    char mesg[MAXLINE];

    for (;;) {
        len = clilen;
        n = Recvfrom(sockfd, mesg, MAXLINE, 0, pcliaddr, &len);
        Sendto(sockfd, mesg, n, 0, pcliaddr, len);
    }
}

void dg_cli(FILE *fp, int sockfd, const SA *pservaddr, socklen_t servlen)
{
    ssize_t n;
    char sendline[MAXLINE], recvline[MAXLINE + 1];

    while (Fgets(sendline, MAXLINE, fp) != NULL) {
        Sendto(sockfd, sendline, strlen(sendline), 0, pservaddr, servlen);
        n = Recvfrom(sockfd, recvline, MAXLINE, 0, NULL, NULL);
        recvline[n] = 0;
        Fputs(recvline, stdout);
    }
}

ssize_t write_fd(int fd, void *ptr, size_t nbytes, int sendfd)
{
    struct msghdr msg;
    struct iovec iov[1];
    union {
        struct cmsghdr cm;
        char control[CMSG_SPACE(sizeof(int))];
    } control_un;
    struct cmsghdr *cmptr;

    memset(&msg, 0, sizeof msg);
    msg.msg_control = control_un.control;
    msg.msg_controllen = sizeof(control_un.control);
    cmptr = CMSG_FIRSTHDR(&msg);
    cmptr->cmsg_len = CMSG_LEN(sizeof(int));
    cmptr->cmsg_level = SOL_SOCKET;
    cmptr->cmsg_type = SCM_RIGHTS;
    memcpy(CMSG_DATA(cmptr), &sendfd, sizeof(int));
    iov[0].iov_base = ptr;
    iov[0].iov_len = nbytes;
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    return sendmsg(fd, &msg, 0);
}

ssize_t Write_fd(int fd, void *ptr, size_t nbytes, int sendfd)
{
    ssize_t n = write_fd(fd, ptr, nbytes, sendfd);
    if (n < 0)
        err_sys("write_fd error");
    return n;
}

ssize_t read_fd(int fd, void *ptr, size_t nbytes, int *recvfd)
{
    struct msghdr msg;
    struct iovec iov[1];
    ssize_t n;
    union {
        struct cmsghdr cm;
        char control[CMSG_SPACE(sizeof(int))];
    } control_un;
    struct cmsghdr *cmptr;

    memset(&msg, 0, sizeof msg);
    msg.msg_control = control_un.control;
    msg.msg_controllen = sizeof(control_un.control);
    iov[0].iov_base = ptr;
    iov[0].iov_len = nbytes;
    msg.msg_iov = iov;
    msg.msg_iovlen = 1;
    if ((n = recvmsg(fd, &msg, 0)) <= 0)
        return n;
    cmptr = CMSG_FIRSTHDR(&msg);
    if (cmptr != NULL && cmptr->cmsg_len == CMSG_LEN(sizeof(int))) {
        if (cmptr->cmsg_level != SOL_SOCKET)
            err_quit("control level != SOL_SOCKET");
        if (cmptr->cmsg_type != SCM_RIGHTS)
            err_quit("control type != SCM_RIGHTS");
        memcpy(recvfd, CMSG_DATA(cmptr), sizeof(int));
    } else {
        *recvfd = -1;
    }
    return n;
}

ssize_t Read_fd(int fd, void *ptr, size_t nbytes, int *recvfd)
{
    ssize_t n = read_fd(fd, ptr, nbytes, recvfd);
    if (n < 0)
        err_sys("read_fd error");
    return n;
}

char *sock_ntop(const SA *sa, socklen_t salen)
{
    static char str[128];
    const struct sockaddr_un *un = (const struct sockaddr_un *)sa;

    if (sa->sa_family == AF_UNIX) {
        if (salen <= offsetof(struct sockaddr_un, sun_path) || un->sun_path[0] == 0)
            snprintf(str, sizeof str, "(no pathname bound)");
        else
            snprintf(str, sizeof str, "%.*s", (int)(salen - offsetof(struct sockaddr_un, sun_path)),
                     un->sun_path);
        return str;
    }
    snprintf(str, sizeof str, "sock_ntop: unknown AF_xxx: %d, len %d", sa->sa_family, (int)salen);
    return str;
}

char *Sock_ntop(const SA *sa, socklen_t salen)
{
    return sock_ntop(sa, salen);
}
`,
  'unp_unix.c': `/* unp_unix.c: UNP's wrappers of UNIX and stdio calls for the gcc build (our own code). */
#include "unp.h"

void *Calloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (p == NULL)
        err_sys("calloc error");
    return p;
}

void *Malloc(size_t size)
{
    void *p = malloc(size);
    if (p == NULL)
        err_sys("malloc error");
    return p;
}

void Close(int fd)
{
    if (close(fd) == -1)
        err_sys("close error");
}

void Dup2(int fd1, int fd2)
{
    if (dup2(fd1, fd2) == -1)
        err_sys("dup2 error");
}

int Fcntl(int fd, int cmd, int arg)
{
    int n = fcntl(fd, cmd, arg);
    if (n == -1)
        err_sys("fcntl error");
    return n;
}

int Ioctl(int fd, int request, void *arg)
{
    int n = ioctl(fd, request, arg);
    if (n == -1)
        err_sys("ioctl error");
    return n;
}

pid_t Fork(void)
{
    pid_t pid = fork();
    if (pid == -1)
        err_sys("fork error");
    return pid;
}

int Open(const char *path, int flags, mode_t mode)
{
    int fd = open(path, flags, mode);
    if (fd == -1)
        err_sys("open error for %s", path);
    return fd;
}

void Pipe(int *fds)
{
    if (pipe(fds) < 0)
        err_sys("pipe error");
}

ssize_t Read(int fd, void *ptr, size_t nbytes)
{
    ssize_t n = read(fd, ptr, nbytes);
    if (n == -1)
        err_sys("read error");
    return n;
}

void Write(int fd, void *ptr, size_t nbytes)
{
    if (write(fd, ptr, nbytes) != (ssize_t)nbytes)
        err_sys("write error");
}

void Sigaddset(sigset_t *set, int signo)
{
    if (sigaddset(set, signo) == -1)
        err_sys("sigaddset error");
}

void Sigdelset(sigset_t *set, int signo)
{
    if (sigdelset(set, signo) == -1)
        err_sys("sigdelset error");
}

void Sigemptyset(sigset_t *set)
{
    if (sigemptyset(set) == -1)
        err_sys("sigemptyset error");
}

void Sigfillset(sigset_t *set)
{
    if (sigfillset(set) == -1)
        err_sys("sigfillset error");
}

int Sigismember(const sigset_t *set, int signo)
{
    int n = sigismember(set, signo);
    if (n == -1)
        err_sys("sigismember error");
    return n;
}

void Sigpending(sigset_t *set)
{
    if (sigpending(set) == -1)
        err_sys("sigpending error");
}

void Sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
    if (sigprocmask(how, set, oset) == -1)
        err_sys("sigprocmask error");
}

char *Strdup(const char *s)
{
    char *p = strdup(s);
    if (p == NULL)
        err_sys("strdup error");
    return p;
}

void Unlink(const char *path)
{
    if (unlink(path) == -1)
        err_sys("unlink error for %s", path);
}

pid_t Wait(int *status)
{
    pid_t pid = wait(status);
    if (pid == -1)
        err_sys("wait error");
    return pid;
}

pid_t Waitpid(pid_t pid, int *status, int options)
{
    pid_t r = waitpid(pid, status, options);
    if (r == -1)
        err_sys("waitpid error");
    return r;
}

void Fclose(FILE *fp)
{
    if (fclose(fp) != 0)
        err_sys("fclose error");
}

FILE *Fdopen(int fd, const char *type)
{
    FILE *fp = fdopen(fd, type);
    if (fp == NULL)
        err_sys("fdopen error");
    return fp;
}

char *Fgets(char *ptr, int n, FILE *stream)
{
    char *r = fgets(ptr, n, stream);
    if (r == NULL && ferror(stream))
        err_sys("fgets error");
    return r;
}

FILE *Fopen(const char *path, const char *mode)
{
    FILE *fp = fopen(path, mode);
    if (fp == NULL)
        err_sys("fopen error");
    return fp;
}

void Fputs(const char *ptr, FILE *stream)
{
    if (fputs(ptr, stream) == EOF)
        err_sys("fputs error");
}

Sigfunc *Signal(int signo, Sigfunc *func)
{
    struct sigaction act, oact;

    act.sa_handler = func;
    sigemptyset(&act.sa_mask);
    act.sa_flags = 0;
    if (signo != SIGALRM)
        act.sa_flags |= SA_RESTART;
    if (sigaction(signo, &act, &oact) < 0)
        err_sys("signal error");
    return oact.sa_handler;
}
`,
  'unp_wrappers.c': `/* unp_wrappers.c: UNP's wrapper functions for the gcc build (our own code): each calls the system
   function and on failure err_sys("<name> error"). */
#include "unp.h"

int Socket(int family, int type, int protocol)
{
    int n = socket(family, type, protocol);
    if (n < 0)
        err_sys("socket error");
    return n;
}

void Socketpair(int family, int type, int protocol, int *fd)
{
    if (socketpair(family, type, protocol, fd) < 0)
        err_sys("socketpair error");
}

void Bind(int fd, const SA *sa, socklen_t len)
{
    if (bind(fd, sa, len) < 0)
        err_sys("bind error");
}

void Connect(int fd, const SA *sa, socklen_t len)
{
    if (connect(fd, sa, len) < 0)
        err_sys("connect error");
}

void Listen(int fd, int backlog)
{
    if (listen(fd, backlog) < 0)
        err_sys("listen error");
}

int Accept(int fd, SA *sa, socklen_t *lenp)
{
    int n;
again:
    if ((n = accept(fd, sa, lenp)) < 0) {
        if (errno == ECONNABORTED)
            goto again;
        err_sys("accept error");
    }
    return n;
}

void Getpeername(int fd, SA *sa, socklen_t *lenp)
{
    if (getpeername(fd, sa, lenp) < 0)
        err_sys("getpeername error");
}

void Getsockname(int fd, SA *sa, socklen_t *lenp)
{
    if (getsockname(fd, sa, lenp) < 0)
        err_sys("getsockname error");
}

void Getsockopt(int fd, int level, int name, void *val, socklen_t *lenp)
{
    if (getsockopt(fd, level, name, val, lenp) < 0)
        err_sys("getsockopt error");
}

void Setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
    if (setsockopt(fd, level, name, val, len) < 0)
        err_sys("setsockopt error");
}

void Shutdown(int fd, int how)
{
    if (shutdown(fd, how) < 0)
        err_sys("shutdown error");
}

int Sockatmark(int fd)
{
    int n = sockatmark(fd);
    if (n < 0)
        err_sys("sockatmark error");
    return n;
}

ssize_t Recv(int fd, void *ptr, size_t nbytes, int flags)
{
    ssize_t n = recv(fd, ptr, nbytes, flags);
    if (n < 0)
        err_sys("recv error");
    return n;
}

ssize_t Recvfrom(int fd, void *ptr, size_t nbytes, int flags, SA *sa, socklen_t *salenptr)
{
    ssize_t n = recvfrom(fd, ptr, nbytes, flags, sa, salenptr);
    if (n < 0)
        err_sys("recvfrom error");
    return n;
}

ssize_t Recvmsg(int fd, struct msghdr *msg, int flags)
{
    ssize_t n = recvmsg(fd, msg, flags);
    if (n < 0)
        err_sys("recvmsg error");
    return n;
}

void Send(int fd, const void *ptr, size_t nbytes, int flags)
{
    if (send(fd, ptr, nbytes, flags) != (ssize_t)nbytes)
        err_sys("send error");
}

void Sendto(int fd, const void *ptr, size_t nbytes, int flags, const SA *sa, socklen_t salen)
{
    if (sendto(fd, ptr, nbytes, flags, sa, salen) != (ssize_t)nbytes)
        err_sys("sendto error");
}

void Sendmsg(int fd, const struct msghdr *msg, int flags)
{
    size_t i, nbytes = 0;
    for (i = 0; i < msg->msg_iovlen; i++)
        nbytes += msg->msg_iov[i].iov_len;
    if (sendmsg(fd, msg, flags) != (ssize_t)nbytes)
        err_sys("sendmsg error");
}

int Select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *t)
{
    int n = select(nfds, r, w, e, t);
    if (n < 0)
        err_sys("select error");
    return n;
}

int Poll(struct pollfd *fds, unsigned long nfds, int timeout)
{
    int n = poll(fds, nfds, timeout);
    if (n < 0)
        err_sys("poll error");
    return n;
}
`,
};

/** The library's C sources (each compiled as its own translation unit when a program needs it). */
export const LIBRARY_SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(LIBRARY_FILES).filter(([name]) => name.endsWith('.c')),
);
