/**
 * UNP's capitalised wrappers for unp.h (Socket, Bind, Read, Fgets, ...): each calls the system or
 * stdio function and on failure reports it with err_sys.
 */
/** unp_unix.c and unp_wrappers.c by file name. */
export const UNP_WRAPPER_FILES: Record<string, string> = {
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
