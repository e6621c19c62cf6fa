/**
 * The real-time interval timer (ITIMER_REAL): setitimer(), getitimer() and alarm(), which is
 * the same timer set to whole seconds without an interval. Mirrors kernel/time/itimer.c, in
 * simulated milliseconds. A repeating timer is not restarted when it expires but when its
 * SIGALRM is taken off the pending set (dequeue_signal() calls posixtimer_rearm_itimer()): a
 * timer whose SIGALRM stays blocked does not run meanwhile, and one whose SIGALRM is ignored
 * (discarded when sent) stops after its first expiry, as measured on Linux 6.18.
 *
 * Simplified: only ITIMER_REAL (processes take no CPU time in the model); the C library's
 * setitimer fails with EINVAL for ITIMER_VIRTUAL and ITIMER_PROF. Only the timer's own SIGALRM
 * restarts it: Linux restarts it for any SIGALRM taken from the process-wide queue, so also
 * for one sent with kill() (not for raise(), which queues it for the thread), which the model's
 * single queue of pending signals cannot tell apart.
 */
import { send_sig } from './signal';
import { SIGALRM } from './signals';
import type { Kernel, Process } from './types';

/** A timer's setting in milliseconds: the time left (0: disarmed) and the interval (0: once). */
export interface ItimerValue {
  ms: number;
  intervalMs: number;
}

/** The time left before the timer expires (0 when it is not running). Mirrors itimer_get_remtime(). */
function remaining(k: Kernel, p: Process): number {
  return p.alarmAt === null ? 0 : Math.max(p.alarmAt - k.now, 0);
}

/** getitimer(ITIMER_REAL). Mirrors do_getitimer(). */
export function do_getitimer(k: Kernel, p: Process): ItimerValue {
  return { ms: remaining(k, p), intervalMs: p.alarmIntervalMs };
}

/**
 * setitimer(ITIMER_REAL): cancels the timer and, for a value above 0, starts it again with the
 * new interval; a value of 0 disarms it and clears the interval. Returns the old setting.
 * Mirrors do_setitimer().
 */
export function do_setitimer(k: Kernel, p: Process, ms: number, intervalMs: number): ItimerValue {
  const old = do_getitimer(k, p);
  if (ms > 0) {
    p.alarmAt = k.now + ms;
    p.alarmExpires = p.alarmAt;
    p.alarmIntervalMs = intervalMs;
  } else {
    p.alarmAt = null;
    p.alarmIntervalMs = 0;
  }
  return old;
}

/**
 * alarm(seconds): ITIMER_REAL set to `seconds` with no interval. Returns the seconds that were
 * left, rounded to the nearest and never 0 for a running timer ("we'd better return too much
 * than too little"). Mirrors alarm_setitimer().
 */
export function alarm_setitimer(k: Kernel, p: Process, seconds: number): number {
  const old = do_setitimer(k, p, seconds * 1000, 0);
  let sec = Math.floor(old.ms / 1000);
  const rest = old.ms % 1000;
  if ((sec === 0 && rest > 0) || rest >= 500) sec++;
  return sec;
}

/** The timer expired: it stops, keeping its expiry time, and SIGALRM is sent. Mirrors it_real_fn(). */
export function it_real_fn(k: Kernel, p: Process): void {
  p.alarmExpires = p.alarmAt ?? k.now;
  p.alarmAt = null;
  send_sig(k, p, SIGALRM, null);
  // An ignored SIGALRM is discarded, not queued: then nothing restarts the timer.
  p.alarmSignalled = p.pendingSignals.includes(SIGALRM);
}

/**
 * SIGALRM was dequeued: if it was the timer's, a repeating timer starts again at the first
 * multiple of its interval after its last expiry that lies in the future (so missed periods are
 * skipped, not delivered late). Mirrors posixtimer_rearm_itimer() and hrtimer_forward().
 */
export function rearm_itimer(k: Kernel, p: Process): void {
  const incr = p.alarmIntervalMs;
  const signalled = p.alarmSignalled;
  p.alarmSignalled = false;
  if (!signalled || p.alarmAt !== null || incr <= 0) return;
  const delta = k.now - p.alarmExpires;
  const expires = delta < 0 ? p.alarmExpires : p.alarmExpires + (Math.floor(delta / incr) + 1) * incr;
  p.alarmAt = expires;
  p.alarmExpires = expires;
}
