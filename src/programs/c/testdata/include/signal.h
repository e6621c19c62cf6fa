#ifndef _SIGNAL_H
#define _SIGNAL_H
#include <sys/types.h>
#define SIGCHLD 17
#define SA_RESTART 0x10000000
#define SIG_ERR ((sighandler_t) -1)
typedef void (*sighandler_t)(int);
typedef struct { unsigned long __val[16]; } sigset_t;
struct sigaction {
  union {
    sighandler_t sa_handler;
    void (*sa_sigaction)(int, void *, void *);
  } __sigaction_handler;
  sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
sighandler_t signal(int sig, sighandler_t handler);
int sigemptyset(sigset_t *set);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
#endif
