/**
 * Simulated time. Nothing here reads a wall clock: time moves only when every process waits
 * and some wait has a deadline (a socket timeout, sleep(), alarm()), and then it jumps there.
 */
import { it_real_fn } from './itimer';
import { emit } from './kernel';
import { deliverSignals } from './signal';
import type { Kernel } from './types';

/** The earliest pending deadline or alarm, or null when none. */
export function nextDeadline(k: Kernel): number | null {
  let best: number | null = null;
  for (const p of k.procs.values()) {
    if (p.state === 'sleeping' && p.sleep && !p.sleep.woken && p.sleep.deadline !== null) {
      if (best === null || p.sleep.deadline < best) best = p.sleep.deadline;
    }
    if (p.alarmAt !== null && p.state !== 'zombie' && p.state !== 'dead') {
      if (best === null || p.alarmAt < best) best = p.alarmAt;
    }
  }
  return best;
}

/** Moves time to `to`, ending the waits and alarms due by then. */
export function advanceTime(k: Kernel, to: number): void {
  if (to > k.now) {
    k.now = to;
    emit(k, { type: 'time.advanced', to });
  }
  for (const p of k.procs.values()) {
    const s = p.sleep;
    if (p.state === 'sleeping' && s && !s.woken && s.deadline !== null && s.deadline <= k.now) {
      s.timedOut = true;
      s.woken = true;
      emit(k, { type: 'proc.woken', pid: p.pid, reason: 'timeout' });
    }
    if (p.alarmAt !== null && p.alarmAt <= k.now && p.state !== 'zombie' && p.state !== 'dead') {
      it_real_fn(k, p);
      deliverSignals(k, p, true);
    }
  }
}
