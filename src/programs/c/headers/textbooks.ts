/**
 * The textbooks' own headers, written anew with the books' names: The Linux Programming Interface (tlpi_hdr.h and its library's headers) and UNIX Network Programming (unp.h). Programs include them with quotes; they are found here when the program's own files do not have them.
 */
export const TEXTBOOK_HEADERS: Record<string, string> = {
  'tlpi_hdr.h': String.raw`/*
 * tlpi_hdr.h: the conventions of the example programs of "The Linux Programming Interface"
 * (our own header, with the same names). It includes what the book's header includes and declares
 * the book's error and number-parsing helpers.
 *
 * What the helpers print (all to stderr), for the runtime that provides them:
 *   errExit(fmt, ...)    fflush(stdout), then "ERROR [ENAME strerror] message\n" (for example
 *                        "ERROR [ENOENT No such file or directory] connect"; "?UNKNOWN?" when the
 *                        errno has no name), then exit(EXIT_FAILURE).
 *   errMsg(fmt, ...)     the same line, without exiting; errno is preserved.
 *   err_exit(fmt, ...)   like errExit, without flushing stdout, and _exit(EXIT_FAILURE).
 *   errExitEN(en, ...)   like errExit, with the error number en instead of errno.
 *   fatal(fmt, ...)      fflush(stdout), "ERROR: message\n", exit(EXIT_FAILURE).
 *   usageErr(fmt, ...)   fflush(stdout), "Usage: " then the message as formatted (no newline is
 *                        added), exit(EXIT_FAILURE).
 *   cmdLineErr(fmt, ...) fflush(stdout), "Command-line usage error: " then the message, exit(1).
 *   getInt/getLong(arg, flags, name): strtol with the GN_* checks; on a bad argument
 *                        "getInt error (in NAME): REASON\n        offending text: ARG\n" and
 *                        exit(EXIT_FAILURE) (" (in NAME)" only when name is not NULL; the second
 *                        line only when arg is not empty).
 */
#ifndef TLPI_HDR_H
#define TLPI_HDR_H

#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <stdbool.h>

#include "get_num.h"
#include "error_functions.h"

#ifdef TRUE
#undef TRUE
#endif
#ifdef FALSE
#undef FALSE
#endif

typedef enum { FALSE, TRUE } Boolean;

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#endif
`,
  'error_functions.h': `/* error_functions.h: TLPI's error helpers (see tlpi_hdr.h for what they print). */
#ifndef ERROR_FUNCTIONS_H
#define ERROR_FUNCTIONS_H

/* The book's header marks the exiting ones as not returning when compiled by gcc. */
#define NORETURN

void errMsg(const char *format, ...);
void errExit(const char *format, ...) NORETURN;
void err_exit(const char *format, ...) NORETURN;
void errExitEN(int errnum, const char *format, ...) NORETURN;
void fatal(const char *format, ...) NORETURN;
void usageErr(const char *format, ...) NORETURN;
void cmdLineErr(const char *format, ...) NORETURN;

#endif
`,
  'get_num.h': `/* get_num.h: TLPI's numeric argument parsers (see tlpi_hdr.h for their messages). */
#ifndef GET_NUM_H
#define GET_NUM_H

#define GN_NONNEG 01
#define GN_GT_0 02
#define GN_ANY_BASE 0100
#define GN_BASE_8 0200
#define GN_BASE_16 0400

long getLong(const char *arg, int flags, const char *name);
int getInt(const char *arg, int flags, const char *name);

#endif
`,
  'unix_sockets.h': `/*
 * unix_sockets.h: TLPI's UNIX domain socket helpers. unixBuildAddress fills a sockaddr_un
 * (-1 and errno ENAMETOOLONG if the path does not fit); unixConnect and unixBind create a socket of
 * the given type and connect or bind it; unixListen creates a bound, listening stream socket.
 * Each returns the socket (or 0 for unixBuildAddress), or -1 with errno set.
 */
#ifndef UNIX_SOCKETS_H
#define UNIX_SOCKETS_H

#include <sys/socket.h>
#include <sys/un.h>

int unixBuildAddress(const char *path, struct sockaddr_un *addr);
int unixConnect(const char *path, int type);
int unixListen(const char *path, int backlog);
int unixBind(const char *path, int type);

#endif
`,
  'rdwrn.h': `/* rdwrn.h: TLPI's readn/writen: loop until n bytes are moved, EOF (readn) or an error. */
#ifndef RDWRN_H
#define RDWRN_H

#include <sys/types.h>

ssize_t readn(int fd, void *buffer, size_t n);
ssize_t writen(int fd, const void *buffer, size_t n);

#endif
`,
  'read_line.h': `/*
 * read_line.h: TLPI's readLine: read one byte at a time up to and including a newline, keeping at
 * most n - 1 bytes (the rest of a longer line is discarded) and a terminating null.
 */
#ifndef READ_LINE_H
#define READ_LINE_H

#include <sys/types.h>

ssize_t readLine(int fd, void *buffer, size_t n);

#endif
`,
  'unp.h': String.raw`/*
 * unp.h: the conventions of "UNIX Network Programming" (our own header, with the book's names):
 * its includes, constants, the SA shorthand, and the wrapper and helper functions of its library.
 *
 * What the helpers do, for the runtime that provides them:
 *   Wrappers (Socket, Bind, Listen, Accept, Connect, Close, Fork, Read, Write, ...) call the
 *   function of the same name in lower case and on failure call err_sys("NAME error"), where NAME
 *   is the lower-case name ("socket error", "bind error", ...); Accept and Read return their
 *   result. Writen fails with "writen error" when fewer bytes were written; Readline and Readn
 *   with "readline error" / "readn error"; Fgets with "fgets error" (only if ferror); Fputs with
 *   "fputs error"; Signal with "signal error".
 *   err_sys/err_ret/err_dump: fflush(stdout), then "message: strerror(errno)\n" on stderr;
 *   err_quit/err_msg: "message\n". err_sys and err_quit exit(1); err_dump abort()s; err_ret and
 *   err_msg return.
 *   Signal(signo, func) installs func with sigaction(), an empty mask, and SA_RESTART unless the
 *   signal is SIGALRM; it returns the old handler.
 *   readline keeps a per-process buffer of up to MAXLINE bytes (it reads ahead), stores the
 *   newline and a terminating null, and returns the byte count, 0 at EOF, -1 on error.
 *   str_echo(fd): read and write back until EOF (retrying on EINTR).
 *   str_cli(fp, fd): for each line from fp (Fgets), Writen it, Readline the reply (err_quit
 *   "str_cli: server terminated prematurely" at EOF), Fputs it to stdout.
 *   dg_echo(fd, addr, len): forever: recvfrom, then sendto the sender.
 *   dg_cli(fp, fd, addr, len): for each line: sendto, recvfrom, fputs the reply to stdout.
 */
#ifndef __unp_h
#define __unp_h

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/un.h>
#include <sys/select.h>
#include <poll.h>
#include <strings.h>
#include <sys/ioctl.h>

#define LISTENQ 1024
#define MAXLINE 4096
#define BUFFSIZE 8192
#define SERV_PORT 9877
#define SERV_PORT_STR "9877"
#define UNIXSTR_PATH "/tmp/unix.str"
#define UNIXDG_PATH "/tmp/unix.dg"
#define INFTIM (-1)

#define SA struct sockaddr

#define FILE_MODE (S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH)
#define DIR_MODE (FILE_MODE | S_IXUSR | S_IXGRP | S_IXOTH)

typedef void Sigfunc(int);

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

/* The library's own functions. */
void dg_cli(FILE *, int, const SA *, socklen_t);
void dg_echo(int, SA *, socklen_t);
ssize_t readline(int, void *, size_t);
ssize_t readn(int, void *, size_t);
ssize_t writen(int, const void *, size_t);
ssize_t read_fd(int, void *, size_t, int *);
ssize_t write_fd(int, void *, size_t, int);
char *sock_ntop(const SA *, socklen_t);
void str_echo(int);
void str_cli(FILE *, int);

/* Wrappers that exit on error. */
void *Calloc(size_t, size_t);
void Close(int);
void Dup2(int, int);
int Fcntl(int, int, int);
pid_t Fork(void);
int Ioctl(int, int, void *);
void *Malloc(size_t);
int Open(const char *, int, mode_t);
void Pipe(int *fds);
ssize_t Read(int, void *, size_t);
ssize_t Read_fd(int, void *, size_t, int *);
Sigfunc *Signal(int, Sigfunc *);
void Sigaddset(sigset_t *, int);
void Sigdelset(sigset_t *, int);
void Sigemptyset(sigset_t *);
void Sigfillset(sigset_t *);
int Sigismember(const sigset_t *, int);
void Sigpending(sigset_t *);
void Sigprocmask(int, const sigset_t *, sigset_t *);
char *Sock_ntop(const SA *, socklen_t);
char *Strdup(const char *);
void Unlink(const char *);
pid_t Wait(int *);
pid_t Waitpid(pid_t, int *, int);
void Write(int, void *, size_t);
ssize_t Write_fd(int, void *, size_t, int);

void Fclose(FILE *);
FILE *Fdopen(int, const char *);
char *Fgets(char *, int, FILE *);
FILE *Fopen(const char *, const char *);
void Fputs(const char *, FILE *);

int Accept(int, SA *, socklen_t *);
void Bind(int, const SA *, socklen_t);
void Connect(int, const SA *, socklen_t);
void Getpeername(int, SA *, socklen_t *);
void Getsockname(int, SA *, socklen_t *);
void Getsockopt(int, int, int, void *, socklen_t *);
void Listen(int, int);
int Poll(struct pollfd *, unsigned long, int);
ssize_t Readline(int, void *, size_t);
ssize_t Readn(int, void *, size_t);
ssize_t Recv(int, void *, size_t, int);
ssize_t Recvfrom(int, void *, size_t, int, SA *, socklen_t *);
ssize_t Recvmsg(int, struct msghdr *, int);
int Select(int, fd_set *, fd_set *, fd_set *, struct timeval *);
void Send(int, const void *, size_t, int);
void Sendto(int, const void *, size_t, int, const SA *, socklen_t);
void Sendmsg(int, const struct msghdr *, int);
void Setsockopt(int, int, int, const void *, socklen_t);
void Shutdown(int, int);
int Sockatmark(int);
int Socket(int, int, int);
void Socketpair(int, int, int, int *);
void Writen(int, void *, size_t);

void err_dump(const char *, ...);
void err_msg(const char *, ...);
void err_quit(const char *, ...);
void err_ret(const char *, ...);
void err_sys(const char *, ...);

#endif
`,
};
