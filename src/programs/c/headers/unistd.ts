/**
 * <unistd.h>: the POSIX system calls on files and processes; <getopt.h> and the getopt
 * declarations both share (bits/getopt_core.h, as in glibc).
 */
export const UNISTD_HEADERS: Record<string, string> = {
  'unistd.h': `/* unistd.h: POSIX system calls and constants (Linux x86-64). */
#ifndef _UNISTD_H
#define _UNISTD_H

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
#ifndef __rv_useconds_t_defined
#define __rv_useconds_t_defined
typedef __useconds_t useconds_t;
#endif
#ifndef __rv_intptr_t_defined
#define __rv_intptr_t_defined
typedef long intptr_t;
#endif
#ifndef __rv_socklen_t_defined
#define __rv_socklen_t_defined
typedef __socklen_t socklen_t;
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

#define _POSIX_VERSION 200809L
#define _XOPEN_VERSION 700

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_OK 0

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX 43
#define _SC_IOV_MAX 60
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_HOST_NAME_MAX 180

ssize_t read(int __fd, void *__buf, size_t __nbytes);
ssize_t write(int __fd, const void *__buf, size_t __n);
ssize_t pread(int __fd, void *__buf, size_t __nbytes, off_t __offset);
ssize_t pwrite(int __fd, const void *__buf, size_t __n, off_t __offset);
int close(int __fd);
off_t lseek(int __fd, off_t __offset, int __whence);
int dup(int __fd);
int dup2(int __fd, int __fd2);
int dup3(int __fd, int __fd2, int __flags);
int pipe(int __pipedes[2]);
int pipe2(int __pipedes[2], int __flags);
int fsync(int __fd);
int ftruncate(int __fd, off_t __length);
int truncate(const char *__file, off_t __length);
int isatty(int __fd);
char *ttyname(int __fd);

pid_t fork(void);
pid_t vfork(void);
void _exit(int __status);
int execv(const char *__path, char *const __argv[]);
int execve(const char *__path, char *const __argv[], char *const __envp[]);
int execvp(const char *__file, char *const __argv[]);
int execl(const char *__path, const char *__arg, ...);
int execlp(const char *__file, const char *__arg, ...);
int execle(const char *__path, const char *__arg, ...);
extern char **environ;

pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t __pid);
int setpgid(pid_t __pid, pid_t __pgid);
pid_t setsid(void);
pid_t getsid(pid_t __pid);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t __uid);
int setgid(gid_t __gid);
int seteuid(uid_t __uid);
int setegid(gid_t __gid);
char *getlogin(void);
int nice(int __inc);

unsigned int sleep(unsigned int __seconds);
int usleep(useconds_t __useconds);
int pause(void);
unsigned int alarm(unsigned int __seconds);

int access(const char *__name, int __type);
int chdir(const char *__path);
int fchdir(int __fd);
char *getcwd(char *__buf, size_t __size);
int unlink(const char *__name);
int rmdir(const char *__path);
int link(const char *__from, const char *__to);
int symlink(const char *__from, const char *__to);
ssize_t readlink(const char *__path, char *__buf, size_t __len);
int chown(const char *__file, uid_t __owner, gid_t __group);
int fchown(int __fd, uid_t __owner, gid_t __group);
int lchown(const char *__file, uid_t __owner, gid_t __group);

long sysconf(int __name);
int getpagesize(void);
int gethostname(char *__name, size_t __len);
int daemon(int __nochdir, int __noclose);

#include <bits/getopt_core.h>

#endif
`,
  'bits/getopt_core.h': `/*
 * bits/getopt_core.h: getopt and its globals, given by both <unistd.h> and <getopt.h>. As glibc's
 * getopt does by default, non-options are moved after the options (a leading '+' in the optstring
 * stops at the first non-option instead, a leading '-' returns them as option 1), and errors are
 * printed to stderr as "PROG: invalid option -- 'x'" unless opterr is 0 or the optstring starts
 * with ':'. optind = 0 restarts the scan from argv[1].
 */
#ifndef _GETOPT_CORE_H
#define _GETOPT_CORE_H

extern char *optarg;
extern int optind;
extern int opterr;
extern int optopt;

int getopt(int ___argc, char *const *___argv, const char *__shortopts);

#endif
`,
  'getopt.h': `/*
 * getopt.h: getopt (see bits/getopt_core.h) and the GNU long options, as glibc's: getopt_long
 * takes "--name", "--name=value" and "--name value" (for required_argument; optional_argument
 * only with '='), and any unambiguous abbreviation of a name. It returns val, or 0 after storing
 * val in *flag when flag is not NULL, and sets *longindex. Errors print "PROG: unrecognized
 * option '--foo'", "option '--a' is ambiguous; possibilities: ...", "option '--add' requires
 * an argument" or "option '--append' doesn't allow an argument". getopt_long_only also takes
 * "-name", and reads "-x..." as short options when no long option matches. With "W;" in the
 * optstring, "-W foo" is "--foo".
 */
#ifndef _GETOPT_H
#define _GETOPT_H

#include <bits/getopt_core.h>

struct option {
  const char *name;
  int has_arg;
  int *flag;
  int val;
};

#define no_argument 0
#define required_argument 1
#define optional_argument 2

int getopt_long(int ___argc, char *const *___argv, const char *__shortopts, const struct option *__longopts,
                int *__longind);
int getopt_long_only(int ___argc, char *const *___argv, const char *__shortopts,
                     const struct option *__longopts, int *__longind);

#endif
`,
};
