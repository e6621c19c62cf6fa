/**
 * UNP's own functions for unp.h: the err_* error functions and the library routines (readline,
 * str_echo, str_cli, dg_echo, dg_cli, read_fd/write_fd, sock_ntop).
 */
/** unp_error.c and unp_lib.c by file name. */
export const UNP_FILES: Record<string, string> = {
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
};
