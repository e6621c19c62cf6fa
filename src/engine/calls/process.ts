/** System call entries for processes, signals and time. */
import type { Resume } from '../dispatch';
import { do_fork, do_group_exit, sys_waitpid } from '../exit';
import { alarm_setitimer, do_getitimer, do_setitimer } from '../itimer';
import { err, ok } from '../result';
import { deliverSignals, isIgnored, SI_TKILL, send_sig } from '../signal';
import { SIGCHLD, SIGKILL, SIGSTOP } from '../signals';
import type { Syscall, SysResult } from '../syscalls';
import type { Kernel, Process } from '../types';
import type { Block } from '../wait';

/** Signals that can never be blocked. */
const UNBLOCKABLE = (sig: number) => sig === SIGKILL || sig === SIGSTOP;

/** sigprocmask(how, set, oldset): changes the blocked mask and returns the old one. Mirrors sigprocmask() in kernel/signal.c. */
function sys_sigprocmask(p: Process, how: number, set: number[] | null): SysResult {
  const old = [...p.blockedSignals];
  if (set === null) return ok(0, { mask: old });
  const wanted = set.filter((s) => s >= 1 && s <= 64 && !UNBLOCKABLE(s));
  let next: number[];
  if (how === 0) next = [...new Set([...old, ...wanted])];
  else if (how === 1) next = old.filter((s) => !wanted.includes(s));
  else if (how === 2) next = [...new Set(wanted)];
  else return err('EINVAL');
  p.blockedSignals = next.sort((a, b) => a - b);
  return ok(0, { mask: old });
}

/**
 * sigsuspend(mask): blocks `mask` instead of the current mask and sleeps until a signal with a
 * handler is delivered; then the old mask comes back and the call fails with EINTR. A signal
 * already pending and not blocked by `mask` ends it at once.
 */
function sys_sigsuspend(p: Process, mask: number[], r: Resume): SysResult | Block {
  if (!r.sleep) {
    p.savedMask = p.savedMask ?? [...p.blockedSignals];
    p.blockedSignals = mask.filter((s) => s >= 1 && s <= 64 && !UNBLOCKABLE(s)).sort((a, b) => a - b);
    if (p.pendingSignals.some((s) => !p.blockedSignals.includes(s))) return err('EINTR');
  }
  return { block: { kind: 'signal' }, timeoutMs: null };
}

/**
 * kill(pid, sig): pid > 0 one process, -1 every process but the caller. Fatal signals act at once.
 * `tkill`: raise()'s tgkill, whose siginfo says SI_TKILL.
 */
function sys_kill(k: Kernel, p: Process, pid: number, sig: number, tkill = false): SysResult {
  if (sig < 0 || sig > 64) return err('EINVAL');
  const all = [...k.procs.values()].filter((t) => t.state !== 'dead' && t.tgid === t.pid);
  const pgid = pid === 0 ? p.pgid : -pid;
  const targets =
    pid > 0
      ? all.filter((t) => t.pid === pid)
      : pid === -1
        ? all.filter((t) => t.tgid !== p.tgid && t.pid !== 1)
        : all.filter((t) => t.pgid === pgid);
  if (targets.length === 0) return err('ESRCH');
  if (sig === 0) return ok();
  for (const t of targets) {
    send_sig(k, t, sig, p.pid, tkill ? { code: SI_TKILL } : {});
    if (t.tgid !== p.tgid) deliverSignals(k, t, true);
  }
  return ok();
}

/** Runs a process, signal or time call. */
export function runProcessCall(k: Kernel, p: Process, call: Syscall, r: Resume): SysResult | Block {
  switch (call.name) {
    case 'fork': {
      const child = do_fork(k, p);
      return ok(child.pid);
    }
    case 'exit':
      do_group_exit(k, p, { code: call.status & 0xff });
      return ok(0);
    case 'waitpid':
      return sys_waitpid(k, p, call.pid, call.options);
    case 'kill':
      return sys_kill(k, p, call.pid, call.sig, call.tkill === true);
    case 'sigaction': {
      if (call.sig < 1 || call.sig > 64 || call.sig === SIGKILL || call.sig === SIGSTOP) return err('EINVAL');
      p.sigactions[call.sig] = {
        handler: call.handler,
        restart: call.restart,
        noCldWait: call.sig === SIGCHLD && (call.handler === 'ignore' || call.nocldwait === true),
        mask: (call.mask ?? []).filter((s) => s >= 1 && s <= 64 && !UNBLOCKABLE(s)),
        nodefer: call.nodefer === true,
        resethand: call.resethand === true,
      };
      // A disposition that ignores the signal discards it even while pending and blocked (do_sigaction()).
      if (isIgnored(p, call.sig)) p.pendingSignals = p.pendingSignals.filter((s) => s !== call.sig);
      return ok();
    }
    case 'sigreturn': {
      // Mirrors rt_sigreturn(): restore_sigframe() puts back the mask saved when the frame was built.
      const saved = p.frameMasks.pop();
      if (saved) p.blockedSignals = saved;
      return ok(0);
    }
    case 'setpgid': {
      const target = call.pid === 0 ? p : k.procs.get(call.pid);
      if (!target || (target.pid !== p.pid && target.ppid !== p.tgid)) return err('ESRCH');
      if (call.pgid < 0) return err('EINVAL');
      target.pgid = call.pgid === 0 ? target.pid : call.pgid;
      return ok();
    }
    case 'getpgid': {
      const target = call.pid === 0 ? p : k.procs.get(call.pid);
      if (!target || target.state === 'dead') return err('ESRCH');
      return ok(target.pgid);
    }
    case 'setsid':
      // ksys_setsid(): a process group leader may not start a session.
      if (p.pgid === p.tgid) return err('EPERM');
      p.pgid = p.tgid;
      return ok(p.tgid);
    case 'getpid':
      return ok(p.tgid);
    case 'getppid':
      return ok(p.ppid);
    case 'clock_gettime':
      // The model's clock: milliseconds since the machine started (for time(), gettimeofday()).
      return ok(0, { value: k.now });
    case 'nanosleep':
      if (r.timedOut || call.ms <= 0) return ok();
      return { block: { kind: 'timer' }, timeoutMs: call.ms };
    case 'alarm':
      return ok(alarm_setitimer(k, p, call.seconds));
    case 'setitimer':
      // The C library checks the timevals (get_itimerval()); here only what milliseconds can get wrong.
      if (!(call.ms >= 0 && call.intervalMs >= 0)) return err('EINVAL');
      return ok(0, { timer: do_setitimer(k, p, call.ms, call.intervalMs) });
    case 'getitimer':
      return ok(0, { timer: do_getitimer(k, p) });
    case 'pause':
      return { block: { kind: 'signal' }, timeoutMs: null };
    case 'sigprocmask':
      return sys_sigprocmask(p, call.how, call.set);
    case 'sigsuspend':
      return sys_sigsuspend(p, call.mask, r);
    case 'sigpending':
      return ok(0, { mask: [...new Set(p.pendingSignals)].sort((a, b) => a - b) });
    default:
      return err('ENOSYS');
  }
}
