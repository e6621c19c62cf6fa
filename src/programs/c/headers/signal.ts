/**
 * Signals and waiting for children.
 */
export const SIGNAL_HEADERS: Record<string, string> = {
  'signal.h': `/*
 * signal.h: signals, with the Linux x86-64 numbers and glibc's structures (struct sigaction is 152
 * bytes: the handler union at 0, sa_mask at 8, sa_flags at 136, sa_restorer at 144).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <bits/types.h>
#ifndef __rv_size_t_defined
#define __rv_size_t_defined
typedef unsigned long size_t;
#endif
#ifndef __rv_pid_t_defined
#define __rv_pid_t_defined
typedef __pid_t pid_t;
#endif
#ifndef __rv_uid_t_defined
#define __rv_uid_t_defined
typedef __uid_t uid_t;
#endif
#ifndef __rv_sigset_t_defined
#define __rv_sigset_t_defined
typedef __sigset_t sigset_t;
#endif
#ifndef __rv_struct_timespec_defined
#define __rv_struct_timespec_defined
struct timespec {
  __time_t tv_sec;
  long tv_nsec;
};
#endif

typedef int sig_atomic_t;
typedef void (*__sighandler_t)(int);
typedef __sighandler_t sighandler_t;
typedef __sighandler_t sig_t;

#define SIG_ERR ((__sighandler_t)-1)
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
#define SIG_HOLD ((__sighandler_t)2)

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCLD SIGCHLD
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define NSIG 65
#define _NSIG 65
/* glibc computes these at run time (it keeps two real-time signals for itself); 34 and 64 are
   what it gives on Linux. */
#define SIGRTMIN 34
#define SIGRTMAX 64

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_INTERRUPT 0x20000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND
#define SA_STACK SA_ONSTACK

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

union sigval {
  int sival_int;
  void *sival_ptr;
};
typedef union sigval __sigval_t;
typedef union sigval sigval_t;

/* 128 bytes; the fields a handler reads are macros into the union, as in glibc. */
typedef struct {
  int si_signo;
  int si_errno;
  int si_code;
  int __pad0;
  union {
    int _pad[28];
    struct {
      __pid_t si_pid;
      __uid_t si_uid;
    } _kill;
    struct {
      int si_tid;
      int si_overrun;
      __sigval_t si_sigval;
    } _timer;
    struct {
      __pid_t si_pid;
      __uid_t si_uid;
      __sigval_t si_sigval;
    } _rt;
    struct {
      __pid_t si_pid;
      __uid_t si_uid;
      int si_status;
      __clock_t si_utime;
      __clock_t si_stime;
    } _sigchld;
    struct {
      void *si_addr;
      short si_addr_lsb;
    } _sigfault;
    struct {
      long si_band;
      int si_fd;
    } _sigpoll;
  } _sifields;
} siginfo_t;

#define si_pid _sifields._kill.si_pid
#define si_uid _sifields._kill.si_uid
#define si_timerid _sifields._timer.si_tid
#define si_overrun _sifields._timer.si_overrun
#define si_status _sifields._sigchld.si_status
#define si_utime _sifields._sigchld.si_utime
#define si_stime _sifields._sigchld.si_stime
#define si_value _sifields._rt.si_sigval
#define si_int _sifields._rt.si_sigval.sival_int
#define si_ptr _sifields._rt.si_sigval.sival_ptr
#define si_addr _sifields._sigfault.si_addr
#define si_addr_lsb _sifields._sigfault.si_addr_lsb
#define si_band _sifields._sigpoll.si_band
#define si_fd _sifields._sigpoll.si_fd

#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_MESGQ (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO (-5)
#define SI_TKILL (-6)
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define POLL_IN 1
#define POLL_OUT 2
#define POLL_MSG 3
#define POLL_ERR 4
#define POLL_PRI 5
#define POLL_HUP 6

/* glibc's layout: a union (sa_handler and sa_sigaction are macros into it), then the mask. */
struct sigaction {
  union {
    __sighandler_t sa_handler;
    void (*sa_sigaction)(int, siginfo_t *, void *);
  } __sigaction_handler;
  __sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

typedef struct {
  void *ss_sp;
  int ss_flags;
  size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

__sighandler_t signal(int __sig, __sighandler_t __handler);
__sighandler_t sysv_signal(int __sig, __sighandler_t __handler);
int kill(pid_t __pid, int __sig);
int killpg(pid_t __pgrp, int __sig);
int raise(int __sig);
void psignal(int __sig, const char *__s);
int siginterrupt(int __sig, int __interrupt);

int sigemptyset(sigset_t *__set);
int sigfillset(sigset_t *__set);
int sigaddset(sigset_t *__set, int __signo);
int sigdelset(sigset_t *__set, int __signo);
int sigismember(const sigset_t *__set, int __signo);

int sigprocmask(int __how, const sigset_t *__set, sigset_t *__oset);
int sigsuspend(const sigset_t *__set);
int sigpending(sigset_t *__set);
int sigaction(int __sig, const struct sigaction *__act, struct sigaction *__oact);
int sigwait(const sigset_t *__set, int *__sig);
int sigwaitinfo(const sigset_t *__set, siginfo_t *__info);
int sigtimedwait(const sigset_t *__set, siginfo_t *__info, const struct timespec *__timeout);
int sigqueue(pid_t __pid, int __sig, const union sigval __val);
int sigaltstack(const stack_t *__ss, stack_t *__oss);
int sighold(int __sig);
int sigrelse(int __sig);
int sigignore(int __sig);

#endif
`,
  'sys/wait.h': `/* sys/wait.h: waiting for children. The status macros work on an int (glibc's encoding). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <signal.h>
#include <bits/waitstatus.h>

#include <bits/types.h>
#ifndef __rv_pid_t_defined
#define __rv_pid_t_defined
typedef __pid_t pid_t;
#endif
#ifndef __rv_id_t_defined
#define __rv_id_t_defined
typedef __id_t id_t;
#endif

#define WAIT_ANY (-1)
#define WAIT_MYPGRP 0

typedef enum { P_ALL, P_PID, P_PGID, P_PIDFD } idtype_t;

pid_t wait(int *__stat_loc);
pid_t waitpid(pid_t __pid, int *__stat_loc, int __options);
int waitid(idtype_t __idtype, id_t __id, siginfo_t *__infop, int __options);

#endif
`,
};
