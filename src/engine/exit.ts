/**
 * Process life and death: fork, exit (which closes every descriptor, like close()), and
 * waitpid. Mirrors kernel/fork.c (copy_files), kernel/exit.c (do_exit, exit_files,
 * exit_notify, do_wait).
 */

import { WNOHANG } from './constants';
import { fdClose, fget } from './fdtable';
import { emit } from './kernel';
import { err, ok } from './result';
import { CLD_DUMPED, CLD_EXITED, CLD_KILLED, send_sig } from './signal';
import { SIGCHLD, signalName } from './signals';
import type { SysResult } from './syscalls';
import type { ExitStatus, FdTable, Kernel, Process } from './types';
import type { Block } from './wait';

/** Options for creating a task. */
export interface ForkOptions {
  /** Use this pid (the replay keeps the recorded pids). */
  pid?: number;
  /** A thread: shares the fd table and the thread group (CLONE_THREAD | CLONE_FILES). */
  thread?: boolean;
  name?: string;
}

/** Copies a process. Mirrors copy_process(): the child's fd table references the same open files. */
export function do_fork(k: Kernel, p: Process, opts: ForkOptions = {}): Process {
  const pid = opts.pid ?? k.nextPid;
  k.nextPid = Math.max(k.nextPid, pid + 1);
  let files: FdTable;
  if (opts.thread) {
    files = p.files;
    files.users++;
  } else {
    files = { id: k.nextTableId++, fds: [], users: 1 };
    p.files.fds.forEach((e, fd) => {
      if (e) files.fds[fd] = { file: fget(e.file), cloexec: e.cloexec };
    });
  }
  const child: Process = {
    pid,
    tgid: opts.thread ? p.tgid : pid,
    ppid: opts.thread ? p.ppid : p.tgid,
    pgid: p.pgid,
    name: opts.name ?? (opts.thread ? p.name : `${p.name} child`),
    files,
    cwd: p.cwd,
    umask: p.umask,
    uid: p.uid,
    gid: p.gid,
    state: 'runnable',
    sleep: null,
    sigactions: structuredClone(p.sigactions),
    pendingSignals: [],
    pendingInfo: {},
    blockedSignals: [...p.blockedSignals],
    tty: p.tty,
    savedMask: null,
    frameMasks: [],
    exit: null,
    // Interval timers are not inherited (fork(2)).
    alarmAt: null,
    alarmIntervalMs: 0,
    alarmExpires: 0,
    alarmSignalled: false,
    outside: p.outside,
  };
  k.procs.set(pid, child);
  emit(k, { type: 'proc.forked', parent: p.pid, child: pid });
  return child;
}

/** Closes every descriptor of a table that no other thread uses. Mirrors exit_files()/close_files(). */
function exit_files(k: Kernel, p: Process): void {
  p.files.users--;
  if (p.files.users > 0) return;
  for (let fd = 0; fd < p.files.fds.length; fd++) if (p.files.fds[fd]) fdClose(k, p, fd);
}

/**
 * Ends a process: closes its files, makes it a zombie for its parent (or reaps it at once when
 * the parent ignores SIGCHLD), hands its children to init, and tells the parent. Mirrors do_exit().
 */
export function do_exit(k: Kernel, p: Process, status: ExitStatus): void {
  if (p.state === 'zombie' || p.state === 'dead') return;
  p.sleep = null;
  p.pendingSignals = [];
  p.pendingInfo = {};
  exit_files(k, p);
  p.exit = status;
  p.state = 'zombie';
  emit(k, {
    type: 'proc.exited',
    pid: p.pid,
    code: status.code ?? null,
    signal: status.signal !== undefined ? signalName(status.signal) : null,
  });
  const groupAlive = [...k.procs.values()].some(
    (t) => t.tgid === p.tgid && t.pid !== p.pid && (t.state === 'runnable' || t.state === 'sleeping'),
  );
  if (!groupAlive) {
    // forget_original_parent: the children go to init, which reaps them.
    for (const c of k.procs.values()) {
      if (c.ppid === p.tgid && c.tgid !== p.tgid) {
        c.ppid = 1;
        if (c.state === 'zombie') c.state = 'dead';
      }
    }
  }
  if (p.tgid !== p.pid) {
    p.state = 'dead';
    return;
  }
  const parent = k.procs.get(p.ppid);
  if (!parent || parent.state === 'zombie' || parent.state === 'dead') return;
  const chld = parent.sigactions[SIGCHLD];
  if (chld && (chld.handler === 'ignore' || chld.noCldWait)) {
    p.state = 'dead';
    emit(k, { type: 'proc.reaped', pid: p.pid, by: parent.pid });
  }
  // do_notify_parent(): the child's pid and uid, how it ended and its status.
  const ended = p.exit;
  const how = ended?.signal === undefined ? CLD_EXITED : ended.core ? CLD_DUMPED : CLD_KILLED;
  send_sig(k, parent, SIGCHLD, p.pid, { code: how, uid: p.uid, status: ended?.signal ?? ended?.code ?? 0 });
  for (const t of k.procs.values()) {
    if (t.tgid !== parent.tgid || t.state !== 'sleeping' || !t.sleep) continue;
    const c = t.sleep.channel;
    if (c.kind === 'child' && (c.pid <= 0 || c.pid === p.pid) && !t.sleep.woken) {
      t.sleep.woken = true;
      emit(k, { type: 'proc.woken', pid: t.pid, reason: `child ${p.pid} exited` });
    }
  }
}

/** Ends every thread of a process (exit_group). */
export function do_group_exit(k: Kernel, p: Process, status: ExitStatus): void {
  for (const t of [...k.procs.values()]) if (t.tgid === p.tgid && t.pid !== p.pid) do_exit(k, t, status);
  do_exit(k, p, status);
}

/**
 * waitpid(pid, &status, options): reaps a zombie child and reports how it ended. No children:
 * ECHILD. None has ended yet: 0 with WNOHANG, else the caller sleeps. Mirrors do_wait().
 */
export function sys_waitpid(k: Kernel, p: Process, pid: number, options: number): SysResult | Block {
  const children = [...k.procs.values()].filter(
    (c) => c.ppid === p.tgid && c.tgid === c.pid && c.state !== 'dead' && (pid <= 0 || c.pid === pid),
  );
  if (children.length === 0) return err('ECHILD');
  const zombie = children.find((c) => c.state === 'zombie');
  if (zombie?.exit) {
    zombie.state = 'dead';
    emit(k, { type: 'proc.reaped', pid: zombie.pid, by: p.pid });
    const ex = zombie.exit;
    return ok(zombie.pid, {
      status:
        ex.signal !== undefined ? { signaled: signalName(ex.signal), core: ex.core } : { exited: ex.code },
    });
  }
  if (options & WNOHANG) return ok(0);
  return { block: { kind: 'child', pid }, timeoutMs: null };
}

/**
 * Replaces a process's program (a successful execve): descriptors marked close-on-exec are
 * closed and handled signals go back to their default action. Mirrors do_close_on_exec() and
 * flush_signal_handlers().
 */
export function do_execve(k: Kernel, p: Process, name: string): void {
  p.name = name;
  p.files.fds.forEach((e, fd) => {
    if (e?.cloexec) fdClose(k, p, fd);
  });
  for (const [sig, act] of Object.entries(p.sigactions)) {
    if (act.handler === 'handler') p.sigactions[Number(sig)] = { handler: 'default', restart: false };
  }
}
