/**
 * Signals as a C program meets them on Linux: handlers run by raise, kill, alarm and SIGCHLD,
 * blocking and pending, sigsuspend and pause, SA_RESTART, and the wait status of children that
 * exit or are killed, and the siginfo an SA_SIGINFO handler gets. The expected text is what
 * fixtures/probes/c/{sighandlers,sigorder,sigchld,restart,siginfo,sigmask}.c printed when built with gcc 12
 * and run on Linux 6.18; `fixtures/probes/c/run.sh sighandlers sigorder sigchld restart siginfo sigmask`
 * measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimProcess } from '../sim';
import { lineOf, runC } from '../testing';

const probe = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/probes/c/${name}`, import.meta.url), 'utf8');

/** sighandlers.c, measured with gcc on Linux: then killed by SIGUSR1 (the partial line is lost). */
const HANDLERS = `raise returned 0, handler ran 1 times
kill returned 0, handler ran 2 times
blocked: handler ran 2 times, pending 1, old mask had it 0
unblocked: handler ran 3 times
pause returned -1 errno Interrupted system call, got signal 14
alarm left 0
alarm replaced, 5 left
sigsuspend returned -1 errno Interrupted system call, handler ran 4 times
mask restored: usr1 blocked 1
ignored: handler ran 4 times
default action while blocked: still alive
`;

/** sigchld.c, measured with gcc on Linux (core dumps off, as RLIMIT_CORE is 0 by default). */
const SIGCHLD = `reaped 3 children
status 0xa00: exited 10
status 0xb00: exited 11
status 0xc00: exited 12
status 0x700: exited 7
status 0x6: killed by signal 6 (Aborted)
status 0xb: killed by signal 11 (Segmentation fault)
status 0xf: killed by signal 15 (Terminated)
no more children: -1 No child processes
`;

/** restart.c, measured with gcc on Linux. */
const RESTART = `no SA_RESTART accept: Interrupted system call, 1 alarm(s)
SA_RESTART accept: a connection, 2 alarm(s)
no SA_RESTART read: Interrupted system call, 3 alarm(s)
SA_RESTART read: a byte, 4 alarm(s)
signal() read: a byte, 5 alarm(s)
`;

/** siginfo.c, measured with gcc on Linux. */
const SIGINFO = `kill SIGUSR1: signo ok 1, code 0, pid self 1, pid child 0, pid 0 0, uid 0, errno field 0
raise SIGUSR1: signo ok 1, code -6, pid self 1, pid child 0, pid 0 0, uid 0, errno field 0
SIGPIPE: signo ok 1, code 0, pid self 1, pid child 0, pid 0 0, uid 0, errno field 0
SIGALRM: signo ok 1, code 128, pid self 0, pid child 0, pid 0 1, uid 0, errno field 0
SIGCHLD: signo ok 1, code 1, pid self 0, pid child 1, pid 0 0, uid 0, status 7, errno field 0
SIGCHLD: signo ok 1, code 2, pid self 0, pid child 1, pid 0 0, uid 0, status 15, errno field 0
`;

const memo = new Map<string, SimProcess>();
function run(name: string): SimProcess {
  let p = memo.get(name);
  if (!p) {
    p = runC(probe(name));
    memo.set(name, p);
  }
  return p;
}

describe('signal handlers, as on Linux', () => {
  const out = () => run('sighandlers.c').stdout;

  it('runs a SIGUSR1 handler before raise() and kill() of the process itself return', () => {
    expect(lineOf(out(), 'raise')).toBe(lineOf(HANDLERS, 'raise'));
    expect(lineOf(out(), 'kill')).toBe(lineOf(HANDLERS, 'kill'));
  });

  it('keeps a blocked signal pending, once however often it is sent', () => {
    expect(lineOf(out(), 'blocked:')).toBe(lineOf(HANDLERS, 'blocked:'));
  });

  it('delivers a pending signal before sigprocmask that unblocks it returns', () => {
    expect(lineOf(out(), 'unblocked:')).toBe('unblocked: handler ran 3 times');
  });

  it('ends pause() with EINTR after the SIGALRM handler that alarm(1) set off, in simulated time', () => {
    expect(lineOf(out(), 'pause')).toBe(lineOf(HANDLERS, 'pause'));
  });

  it('alarm() returns the seconds left of the alarm it replaces', () => {
    expect(lineOf(out(), 'alarm')).toBe(lineOf(HANDLERS, 'alarm'));
    expect(out()).toContain('alarm replaced, 5 left\n');
  });

  it('sigsuspend runs the handler of a signal pending under the old mask, fails with EINTR and restores the mask', () => {
    expect(lineOf(out(), 'sigsuspend')).toBe(lineOf(HANDLERS, 'sigsuspend'));
    expect(lineOf(out(), 'mask')).toBe(lineOf(HANDLERS, 'mask'));
  });

  it('discards an ignored signal, keeps a blocked defaulted one pending, and dies of it when unblocked', () => {
    expect(out()).toBe(HANDLERS);
    expect(run('sighandlers.c')).toMatchObject({ signal: 'SIGUSR1', exit: null, stderr: '' });
  });

  it('runs the handlers of signals pending together highest number first, as the kernel stacks their frames', () => {
    expect(run('sigorder.c').stdout).toBe('order T21\n');
  });
});

describe('SIGCHLD and wait statuses, as on Linux', () => {
  const out = () => run('sigchld.c').stdout;

  it('a SIGCHLD handler reaps every child with waitpid(-1, &st, WNOHANG) in a loop', () => {
    expect(lineOf(out(), 'reaped')).toBe('reaped 3 children');
  });

  it('WIFEXITED and WEXITSTATUS decode exit statuses, cut to 8 bits', () => {
    const exited = (text: string) => text.split('\n').filter((l) => l.includes('exited'));
    expect(exited(out())).toEqual(exited(SIGCHLD));
  });

  it('WIFSIGNALED and WTERMSIG decode abort(), a NULL store and kill(SIGTERM), without a core flag', () => {
    const killed = (text: string) => text.split('\n').filter((l) => l.includes('killed by'));
    expect(killed(out())).toEqual(killed(SIGCHLD));
  });

  it('waitpid with no children left fails with ECHILD', () => {
    expect(out()).toBe(SIGCHLD);
  });
});

describe('SA_RESTART, as on Linux (see fixtures/probes/restart.jsonl)', () => {
  const out = () => run('restart.c').stdout;

  it('accept interrupted by a handler without SA_RESTART fails with EINTR', () => {
    expect(out().split('\n')[0]).toBe('no SA_RESTART accept: Interrupted system call, 1 alarm(s)');
  });

  it('accept interrupted by a handler with SA_RESTART is restarted and takes the connection', () => {
    expect(out().split('\n')[1]).toBe('SA_RESTART accept: a connection, 2 alarm(s)');
  });

  it('read is interrupted without SA_RESTART and restarted with it', () => {
    expect(out().split('\n').slice(2, 4)).toEqual(RESTART.split('\n').slice(2, 4));
  });

  it('signal() installs handlers with SA_RESTART, as glibc does', () => {
    expect(out()).toBe(RESTART);
    expect(run('restart.c')).toMatchObject({ exit: 0, signal: null });
  });
});

describe('SA_SIGINFO handlers, as on Linux', () => {
  const lines = () => run('siginfo.c').stdout.split('\n');

  it('kill() says SI_USER and the sender; raise() says SI_TKILL', () => {
    expect(lines().slice(0, 2)).toEqual(SIGINFO.split('\n').slice(0, 2));
  });

  it("the kernel's SIGPIPE names the writer itself; SIGALRM comes from the kernel (SI_KERNEL, pid 0)", () => {
    expect(lines().slice(2, 4)).toEqual(SIGINFO.split('\n').slice(2, 4));
  });

  it('SIGCHLD gives the child, CLD_EXITED with the exit code or CLD_KILLED with the signal', () => {
    expect(lines().slice(4, 6)).toEqual(SIGINFO.split('\n').slice(4, 6));
    expect(run('siginfo.c')).toMatchObject({ stdout: SIGINFO, exit: 0, signal: null });
  });
});

/** sigmask.c, measured with gcc on Linux. */
const SIGMASK = `nodefer: ran 2, nested 2
default mask: ran 2, nested 1
resethand: ran 2, now default 1
nocldwait: waitpid -1 No child processes
`;

describe('the mask while a handler runs, SA_RESETHAND and SA_NOCLDWAIT, as on Linux', () => {
  const lines = () => run('sigmask.c').stdout.split('\n');

  it('a signal raised in its own handler waits for the handler to return, unless SA_NODEFER', () => {
    expect(lines().slice(0, 2)).toEqual(['nodefer: ran 2, nested 2', 'default mask: ran 2, nested 1']);
  });

  it('SA_RESETHAND puts SIG_DFL back as the signal is delivered', () => {
    expect(lines()[2]).toBe('resethand: ran 2, now default 1');
  });

  it('SA_NOCLDWAIT reaps children itself: waitpid finds none', () => {
    expect(run('sigmask.c')).toMatchObject({ stdout: SIGMASK, exit: 0 });
  });
});
