/* unp_style.h: the program's own header, in the manner of UNIX Network Programming. */
#ifndef UNP_STYLE_H
#define UNP_STYLE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define MAXLINE 4096
#define LISTENQ 1024
#define UNIXSTR_PATH "/tmp/unix.str"
#define SA struct sockaddr

typedef void Sigfunc(int);

Sigfunc *Signal(int signo, Sigfunc *func);
void err_sys(const char *fmt, ...);
#endif
