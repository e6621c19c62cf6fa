/** System call entries for processes, signals and time. */
import type { Resume } from '../dispatch';
import { do_fork, do_group_exit, sys_waitpid } from '../exit';
import { err, ok } from '../result';
import { deliverSignals, send_sig } from '../signal';
import { SIGCHLD, SIGKILL, SIGSTOP } from '../signals';
import type { Syscall, SysResult } from '../syscalls';
import type { Kernel, Process } from '../types';
import type { Block } from '../wait';

/** kill(pid, sig): pid > 0 one process, -1 every process but the caller. Fatal signals act at once. */
function sys_kill(k: Kernel, p: Process, pid: number, sig: number): SysResult {
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
    send_sig(k, t, sig, p.pid);
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
      return sys_kill(k, p, call.pid, call.sig);
    case 'sigaction': {
      if (call.sig < 1 || call.sig > 64 || call.sig === SIGKILL || call.sig === SIGSTOP) return err('EINVAL');
      p.sigactions[call.sig] = {
        handler: call.handler,
        restart: call.restart,
        noCldWait: call.sig === SIGCHLD && call.handler === 'ignore',
      };
      return ok();
    }
    case 'setpgid': {
      const target = call.pid === 0 ? p : k.procs.get(call.pid);
      if (!target || (target.pid !== p.pid && target.ppid !== p.tgid)) return err('ESRCH');
      if (call.pgid < 0) return err('EINVAL');
      target.pgid = call.pgid === 0 ? target.pid : call.pgid;
      return ok();
    }
    case 'getpid':
      return ok(p.tgid);
    case 'getppid':
      return ok(p.ppid);
    case 'nanosleep':
      if (r.timedOut || call.ms <= 0) return ok();
      return { block: { kind: 'timer' }, timeoutMs: call.ms };
    case 'alarm': {
      const left = p.alarmAt === null ? 0 : Math.max(0, Math.ceil((p.alarmAt - k.now) / 1000));
      p.alarmAt = call.seconds > 0 ? k.now + call.seconds * 1000 : null;
      return ok(left);
    }
    case 'pause':
      return { block: { kind: 'signal' }, timeoutMs: null };
    default:
      return err('ENOSYS');
  }
}
