/**
 * ITIMER_REAL, shared by setitimer, getitimer and alarm (kernel/time/itimer.c), in simulated
 * milliseconds. The behaviour asserted here is what fixtures/probes/c/itimer.c showed on Linux
 * 6.18 (see src/programs/c/runtime/itimer.test.ts for its output): a repeating timer restarts
 * when its SIGALRM is dequeued, so it waits while the signal is blocked and stops for good when
 * the signal is ignored; alarm() rounds the time left and clears the interval.
 */
import { describe, expect, it } from 'vitest';
import { nextDeadline } from './clock';
import type { Syscall } from './syscalls';
import { sys, type World, world } from './testing/world';

const SIGALRM = 14;

const setitimer = (ms: number, intervalMs = 0): Syscall => ({ name: 'setitimer', ms, intervalMs });
const getitimer: Syscall = { name: 'getitimer' };
const alarm = (seconds: number): Syscall => ({ name: 'alarm', seconds });
const block = (how: number): Syscall => ({ name: 'sigprocmask', how, set: [SIGALRM] });

/** A process with a SIGALRM handler. */
function handled(w: World): number {
  const pid = w.proc('timer');
  w.ok(pid, sys.sigaction(SIGALRM, 'handler'));
  return pid;
}

/** The timer as getitimer reports it. */
const timer = (w: World, pid: number) => w.ok(pid, getitimer).timer;

/** Lets time run to the next expiry, then has the process return from a call (where signals are taken). */
/** Lets the timer expire; the handlers it ran have returned (rt_sigreturn) when this does. */
function expire(w: World, pid: number): number[] {
  w.passTime();
  const handlers = w.ok(pid, { name: 'getpid' }).handlers ?? [];
  for (const _ of handlers) w.ok(pid, { name: 'sigreturn' });
  return handlers;
}

describe('setitimer and getitimer', () => {
  it('returns the old setting and reports the time left and the interval', () => {
    const w = world();
    const pid = w.proc('p');
    expect(w.ok(pid, setitimer(250, 100)).timer).toEqual({ ms: 0, intervalMs: 0 });
    expect(timer(w, pid)).toEqual({ ms: 250, intervalMs: 100 });
    expect(w.ok(pid, setitimer(1000)).timer).toEqual({ ms: 250, intervalMs: 100 });
    expect(timer(w, pid)).toEqual({ ms: 1000, intervalMs: 0 });
  });

  it('disarms with a zero value, clearing the interval too', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, setitimer(250, 100));
    expect(w.ok(pid, setitimer(0, 100)).timer).toEqual({ ms: 250, intervalMs: 100 });
    expect(timer(w, pid)).toEqual({ ms: 0, intervalMs: 0 });
    expect(nextDeadline(w.k)).toBeNull();
  });

  it('rejects a negative time with EINVAL, as a value error', () => {
    const w = world();
    const pid = w.proc('p');
    expect(w.call(pid, setitimer(-1))).toMatchObject({ ret: -1, errno: 'EINVAL' });
    expect(w.call(pid, setitimer(10, -5))).toMatchObject({ ret: -1, errno: 'EINVAL' });
  });

  it('expires in simulated time and sends SIGALRM once', () => {
    const w = world();
    const pid = handled(w);
    w.ok(pid, setitimer(250));
    expect(nextDeadline(w.k)).toBe(250);
    expect(expire(w, pid)).toEqual([SIGALRM]);
    expect(w.k.now).toBe(250);
    expect(timer(w, pid)).toEqual({ ms: 0, intervalMs: 0 });
    expect(nextDeadline(w.k)).toBeNull();
  });

  it('is not inherited by a forked child', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, setitimer(250, 100));
    const child = w.fork(pid);
    expect(timer(w, child)).toEqual({ ms: 0, intervalMs: 0 });
    expect(timer(w, pid)).toEqual({ ms: 250, intervalMs: 100 });
  });
});

describe('a repeating timer', () => {
  it('restarts one interval after each expiry, when its SIGALRM is taken', () => {
    const w = world();
    const pid = handled(w);
    w.ok(pid, setitimer(250, 100));
    for (const at of [250, 350, 450, 550]) {
      expect(expire(w, pid)).toEqual([SIGALRM]);
      expect(w.k.now).toBe(at);
    }
    // The probe: "after 4 alarms: value 100 interval 100 (at 550 ms, 4 alarms)".
    expect(timer(w, pid)).toEqual({ ms: 100, intervalMs: 100 });
  });

  it('waits while SIGALRM is blocked, then restarts at the next period after now', () => {
    const w = world();
    const pid = handled(w);
    w.ok(pid, setitimer(250, 100));
    expire(w, pid);
    w.ok(pid, block(0));
    w.passTime();
    expect(w.k.now).toBe(350);
    // Blocked and pending: the timer is not running (probe: "value 0 interval 100").
    expect(w.ok(pid, { name: 'nanosleep', ms: 0 }).handlers).toBeUndefined();
    expect(timer(w, pid)).toEqual({ ms: 0, intervalMs: 100 });
    expect(nextDeadline(w.k)).toBeNull();
    // 250 ms later the signal is unblocked: one handler, and the next expiry at 350 + 3 * 100.
    expect(w.call(pid, { name: 'nanosleep', ms: 250 }).kind).toBe('blocked');
    w.passTime();
    expect(w.retry(pid).kind).toBe('done');
    expect(w.k.now).toBe(600);
    expect(w.ok(pid, block(1)).handlers).toEqual([SIGALRM]);
    expect(timer(w, pid)).toEqual({ ms: 50, intervalMs: 100 });
  });

  it('stops after its first expiry when SIGALRM is ignored (the signal is never queued)', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, sys.sigaction(SIGALRM, 'ignore'));
    w.ok(pid, setitimer(100, 100));
    expect(expire(w, pid)).toEqual([]);
    expect(timer(w, pid)).toEqual({ ms: 0, intervalMs: 100 });
    expect(nextDeadline(w.k)).toBeNull();
  });

  it('is not restarted by a SIGALRM the process raises itself after the timer stopped', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, sys.sigaction(SIGALRM, 'ignore'));
    w.ok(pid, setitimer(100, 100));
    w.passTime();
    w.ok(pid, sys.sigaction(SIGALRM, 'handler'));
    // Linux: raise() queues SIGALRM for the thread, whose dequeue does not restart the timer.
    expect(w.ok(pid, sys.kill(pid, SIGALRM)).handlers).toEqual([SIGALRM]);
    expect(timer(w, pid)).toEqual({ ms: 0, intervalMs: 100 });
  });

  it('kills a process whose SIGALRM keeps its default action', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, setitimer(100, 100));
    w.passTime();
    expect(w.process(pid).state).toBe('zombie');
    expect(nextDeadline(w.k)).toBeNull();
  });
});

describe('alarm shares ITIMER_REAL', () => {
  it('returns the seconds a setitimer timer had left and clears its interval', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, setitimer(250, 100));
    // The probe: "alarm(3) after setitimer returns 1", then "value 3000 interval 0".
    expect(w.ok(pid, alarm(3)).ret).toBe(1);
    expect(timer(w, pid)).toEqual({ ms: 3000, intervalMs: 0 });
  });

  it('rounds the time left to the nearest second, but never to 0 for a running timer', () => {
    const w = world();
    const pid = w.proc('p');
    const left = (ms: number) => {
      w.ok(pid, setitimer(ms));
      return w.ok(pid, alarm(0)).ret;
    };
    // The probe: 1.3 s left gives 1, 1.7 s gives 2, 1 ms gives 1.
    expect([left(1300), left(1700), left(1), left(499), left(500), left(2000)]).toEqual([1, 2, 1, 1, 1, 2]);
    expect(timer(w, pid)).toEqual({ ms: 0, intervalMs: 0 });
  });

  it('is what setitimer reports as the old setting', () => {
    const w = world();
    const pid = w.proc('p');
    w.ok(pid, alarm(2));
    // The probe: "setitimer after alarm(2): old value 2000 interval 0".
    expect(w.ok(pid, setitimer(0)).timer).toEqual({ ms: 2000, intervalMs: 0 });
  });
});
