/**
 * Signals: sending, and acting on them when a process returns from the kernel. Mirrors the
 * parts of kernel/signal.c that sockets programs meet: SIGPIPE from a broken write, SIGCHLD,
 * kill(), and handlers that interrupt a sleeping call.
 */

import { do_exit } from './exit';
import { rearm_itimer } from './itimer';
import { emit } from './kernel';
import { defaultAction, SIGALRM, SIGKILL, signalName } from './signals';
import type { Kernel, Process, SigInfo } from './types';

/**
 * Simplified: the soft RLIMIT_CORE is 0, as on most distributions, so a signal whose default
 * action dumps core writes no core file and the wait status has no core flag (WCOREDUMP false).
 */
const RLIMIT_CORE: number = 0;

/** The first real-time signal: those below it are standard signals, pending at most once. */
const SIGRTMIN = 32;

/** Whether a signal's disposition discards it: ignored, or defaulted with an ignoring default. */
export function isIgnored(p: Process, sig: number): boolean {
  const action = p.sigactions[sig]?.handler ?? 'default';
  return action === 'ignore' || (action === 'default' && defaultAction(sig) === 'ignore');
}

/** si_code values (include/uapi/asm-generic/siginfo.h). */
export const SI_USER = 0;
export const SI_KERNEL = 0x80;
export const SI_TKILL = -6;
/** SIGCHLD's si_code: how the child ended. */
export const CLD_EXITED = 1;
export const CLD_KILLED = 2;
export const CLD_DUMPED = 3;

/**
 * Queues a signal for a process and wakes it if it must act at once. Mirrors send_sig(): `from`
 * is the sending process (null: the kernel itself, as for a timer), and the siginfo says so
 * unless `info` gives other fields (SIGCHLD's child and status, raise()'s SI_TKILL).
 */
export function send_sig(
  k: Kernel,
  p: Process,
  sig: number,
  from: number | null,
  info: Partial<SigInfo> = {},
): void {
  if (p.state === 'zombie' || p.state === 'dead') return;
  emit(k, { type: 'signal.sent', pid: p.pid, signal: signalName(sig), from });
  const action = p.sigactions[sig]?.handler ?? 'default';
  // A blocked signal is never ignored at sending: its handler may change before it is unblocked (sig_ignored()).
  const blocked = sig !== SIGKILL && p.blockedSignals.includes(sig);
  if (!blocked && sig !== SIGKILL && isIgnored(p, sig)) {
    emit(k, { type: 'signal.delivered', pid: p.pid, signal: signalName(sig), action: 'ignore' });
    return;
  }
  // A standard signal already pending is not queued twice (legacy_queue()).
  if (sig < SIGRTMIN && p.pendingSignals.includes(sig)) return;
  p.pendingSignals.push(sig);
  p.pendingInfo[sig] = {
    signo: sig,
    code: from === null ? SI_KERNEL : SI_USER,
    pid: from ?? 0,
    uid: from === null ? 0 : (k.procs.get(from)?.uid ?? 0),
    status: 0,
    ...info,
  };
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
export function deliverSignals(
  k: Kernel,
  p: Process,
  fatalOnly = false,
  infos: SigInfo[] = [],
  frameMask: number[] | null = null,
): number[] {
  /** The mask the next frame saves: sigsuspend's frame saves the mask it replaced. */
  let toSave = frameMask;
  const handlers: number[] = [];
  const keep: number[] = [];
  for (const sig of p.pendingSignals) {
    if (p.state === 'zombie' || p.state === 'dead') break;
    if (sig !== SIGKILL && p.blockedSignals.includes(sig)) {
      keep.push(sig);
      continue;
    }
    const act = sig === SIGKILL ? 'default' : (p.sigactions[sig]?.handler ?? 'default');
    if (act === 'handler' && fatalOnly) {
      keep.push(sig);
      continue;
    }
    // Taking SIGALRM off the pending set restarts a repeating ITIMER_REAL (dequeue_signal()).
    if (sig === SIGALRM) rearm_itimer(k, p);
    if (act === 'handler') {
      handlers.push(sig);
      infos.push(p.pendingInfo[sig] ?? { signo: sig, code: SI_USER, pid: 0, uid: 0, status: 0 });
      // Mirrors signal_delivered(): the frame keeps the mask; the handler runs with sa_mask and,
      // unless SA_NODEFER, the signal itself blocked. SA_RESETHAND defaults the disposition.
      const sa = p.sigactions[sig];
      p.frameMasks.push(toSave ?? [...p.blockedSignals]);
      toSave = null;
      const blocked = new Set([...p.blockedSignals, ...(sa?.mask ?? []), ...(sa?.nodefer ? [] : [sig])]);
      p.blockedSignals = [...blocked].sort((a, b) => a - b);
      if (sa?.resethand) p.sigactions[sig] = { handler: 'default', restart: false };
      emit(k, { type: 'signal.delivered', pid: p.pid, signal: signalName(sig), action: 'handler' });
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
      p.pendingInfo = {};
      do_exit(k, p, { signal: sig, core: d === 'core' && RLIMIT_CORE > 0 });
      return handlers;
    }
  }
  p.pendingSignals = keep;
  for (const sig of Object.keys(p.pendingInfo).map(Number))
    if (!keep.includes(sig)) delete p.pendingInfo[sig];
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
  p.pendingInfo = {};
  p.state = 'runnable';
  p.sleep = null;
  do_exit(k, p, { signal: sig, core: d === 'core' && RLIMIT_CORE > 0 });
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
