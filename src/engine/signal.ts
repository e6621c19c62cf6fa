/**
 * Signals: sending, and acting on them when a process returns from the kernel. Mirrors the
 * parts of kernel/signal.c that sockets programs meet: SIGPIPE from a broken write, SIGCHLD,
 * kill(), and handlers that interrupt a sleeping call.
 */

import { do_exit } from './exit';
import { emit } from './kernel';
import { defaultAction, SIGKILL, signalName } from './signals';
import type { Kernel, Process } from './types';

/** Queues a signal for a process and wakes it if it must act at once. Mirrors send_sig(). */
export function send_sig(k: Kernel, p: Process, sig: number, from: number | null): void {
  if (p.state === 'zombie' || p.state === 'dead') return;
  emit(k, { type: 'signal.sent', pid: p.pid, signal: signalName(sig), from });
  const action = p.sigactions[sig]?.handler ?? 'default';
  if (sig !== SIGKILL && action === 'ignore') {
    emit(k, { type: 'signal.delivered', pid: p.pid, signal: signalName(sig), action: 'ignore' });
    return;
  }
  if (sig !== SIGKILL && action === 'default' && defaultAction(sig) === 'ignore') {
    emit(k, { type: 'signal.delivered', pid: p.pid, signal: signalName(sig), action: 'ignore' });
    return;
  }
  p.pendingSignals.push(sig);
  if (p.state === 'sleeping' && p.sleep && !p.blockedSignals.includes(sig)) {
    if (action === 'handler' && sig !== SIGKILL) {
      if (p.sleep.interrupted === null) p.sleep.interrupted = sig;
      p.sleep.woken = true;
      emit(k, { type: 'proc.woken', pid: p.pid, reason: `${signalName(sig)} arrived` });
    }
  }
}

/**
 * Acts on the pending signals of a process that is about to run in user space: fatal ones
 * end it, ignored ones vanish, and the numbers of those with a handler are returned (in order)
 * for the program to run. A process killed here is left a zombie.
 */
export function deliverSignals(k: Kernel, p: Process, fatalOnly = false): number[] {
  const handlers: number[] = [];
  const keep: number[] = [];
  for (const sig of p.pendingSignals) {
    if (p.state === 'zombie' || p.state === 'dead') break;
    if (sig !== SIGKILL && p.blockedSignals.includes(sig)) {
      keep.push(sig);
      continue;
    }
    const act = sig === SIGKILL ? 'default' : (p.sigactions[sig]?.handler ?? 'default');
    if (act === 'handler') {
      if (fatalOnly) keep.push(sig);
      else {
        handlers.push(sig);
        emit(k, { type: 'signal.delivered', pid: p.pid, signal: signalName(sig), action: 'handler' });
      }
      continue;
    }
    if (act === 'ignore') continue;
    const d = defaultAction(sig);
    if (d === 'terminate' || d === 'core') {
      emit(k, {
        type: 'signal.delivered',
        pid: p.pid,
        signal: signalName(sig),
        action: d === 'core' ? 'core' : 'terminate',
      });
      p.pendingSignals = [];
      do_exit(k, p, { signal: sig, core: d === 'core' });
      return handlers;
    }
  }
  p.pendingSignals = keep;
  return handlers;
}

/**
 * A signal the process caused itself (a fault or abort()): it ends the process with its
 * default action even when a handler is installed, as the handler would only return to the
 * faulting instruction. Mirrors force_sig_fault() followed by the default action.
 */
export function force_sig(k: Kernel, p: Process, sig: number): void {
  emit(k, { type: 'signal.sent', pid: p.pid, signal: signalName(sig), from: p.pid });
  const d = defaultAction(sig);
  emit(k, {
    type: 'signal.delivered',
    pid: p.pid,
    signal: signalName(sig),
    action: d === 'core' ? 'core' : 'terminate',
  });
  p.pendingSignals = [];
  p.state = 'runnable';
  p.sleep = null;
  do_exit(k, p, { signal: sig, core: d === 'core' });
}

/** Whether a pending signal would end the process (default action terminate or core). */
export function hasFatalSignal(p: Process): boolean {
  return p.pendingSignals.some((sig) => {
    if (sig === SIGKILL) return true;
    if (p.blockedSignals.includes(sig)) return false;
    const act = p.sigactions[sig]?.handler ?? 'default';
    if (act !== 'default') return false;
    const d = defaultAction(sig);
    return d === 'terminate' || d === 'core';
  });
}
