/**
 * The state of a replay and the replaying of one call: a recorded call is translated, made
 * again on the kernel model (or kept with its recorded result when the model does not cover
 * it) and its result compared with the recording. Replayer (replay.ts) builds on this; calls
 * split across lines are in split.ts, invented bytes in bytes.ts.
 */
import {
  absolutePath,
  createKernel,
  do_execve,
  do_fork,
  fdClose,
  fdGet,
  fdInstallAt,
  type Kernel,
  type KernelEvent,
  newFile,
  type Process,
  type Syscall,
  type SysResult,
  spawnProcess,
  syscall,
} from '../../engine';
import type { SLine, SReturn, SValue } from '../strace/types';
import { InventedBytes } from './bytes';
import { compare, showExpect, showResult } from './expect';
import { explainAfter, explainBefore } from './explain';
import { Outside } from './outside';
import { describeCall, type ReplayOptions, type ReplayReport } from './report';
import { type Translation, translate } from './translate';

/** What every layer of the Replayer shares: the model, the report and the tables of the replay. */
export abstract class ReplayCore {
  k: Kernel;
  readonly report: ReplayReport;
  protected readonly outside: Outside;
  /** Children announced by a clone/fork whose return value is known: child pid -> parent, thread. */
  protected readonly pendingClone = new Map<number, { parent: number; thread: boolean }>();
  /** Processes that called exit_group but whose end (`+++ exited`) is not yet in the trace. */
  protected readonly exiting = new Map<number, number>();
  protected readonly interrupted = new Map<number, { name: string; args: SValue[] }>();
  protected readonly autobind = new Map<string, string>();
  /** Skbs whose bytes the replay made up. */
  protected readonly bytes = new InventedBytes();
  protected first = true;
  /** Events of the line being replayed, from every call made for it. */
  protected collected: KernelEvent[] = [];
  /** The last modelled call made for the line being replayed, and its outcome. */
  protected last: { call: Syscall; result: SysResult | null } | null = null;

  constructor(
    protected readonly lines: SLine[],
    protected readonly options: ReplayOptions = {},
  ) {
    this.k = createKernel();
    const pids = new Set(
      lines.map((l) => ('pid' in l ? l.pid : null)).filter((p): p is number => p !== null),
    );
    let outsidePid = 1;
    while (pids.has(outsidePid)) outsidePid++;
    this.outside = new Outside(
      outsidePid,
      () => this.k,
      (events) => this.collected.push(...events),
    );
    this.report = {
      calls: 0,
      match: 0,
      differ: 0,
      explained: 0,
      other: 0,
      divergences: [],
      malformed: [],
      processes: [],
      outsideActions: [],
    };
  }

  /** A modelled call, its events collected for the line being replayed. */
  protected sys(pid: number, call: Syscall): ReturnType<typeof syscall> {
    this.collected.push(...this.k.events);
    this.noteClosed(this.k.events);
    const out = syscall(this.k, pid, call);
    this.collected.push(...out.events);
    this.noteClosed(out.events);
    this.last = { call, result: out.kind === 'blocked' ? null : out.result };
    return out;
  }

  /** Descriptors each process has closed in the model, by pid. */
  private readonly closedFds = new Map<number, Set<number>>();

  private noteClosed(events: readonly KernelEvent[]): void {
    for (const ev of events) {
      if (ev.type !== 'fd.closed') continue;
      const set = this.closedFds.get(ev.pid) ?? new Set<number>();
      set.add(ev.fd);
      this.closedFds.set(ev.pid, set);
    }
  }

  /**
   * Whether the model has never known `fd` in process `p` or its ancestors: not open, never closed.
   * Only such a descriptor can have been open, unseen, since before the trace began.
   */
  neverSeenFd(p: Process, fd: number): boolean {
    if (fdGet(p, fd)) return false;
    const seen = new Set<number>();
    for (let q: Process | undefined = p; q && !seen.has(q.pid); q = this.k.procs.get(q.ppid)) {
      seen.add(q.pid);
      if (this.closedFds.get(q.pid)?.has(fd)) return false;
    }
    return true;
  }

  protected pidOf(line: { pid: number | null }): number {
    return line.pid ?? this.report.processes[0]?.pid ?? 1000;
  }

  /** The engine process for a trace pid, created on first sight (by a pending fork if any). */
  protected proc(pid: number): Process {
    const existing = this.k.procs.get(pid);
    if (existing) return existing;
    const clone = this.pendingClone.get(pid);
    const pp = clone ? this.k.procs.get(clone.parent) : undefined;
    if (clone && pp) {
      this.pendingClone.delete(pid);
      const child = do_fork(this.k, pp, { pid, thread: clone.thread });
      this.report.processes.push({ pid, name: child.name, parent: clone.parent, thread: clone.thread });
      return child;
    }
    const p = spawnProcess(this.k, { name: this.first ? 'traced' : `pid ${pid}`, pid });
    this.first = false;
    this.report.processes.push({ pid, name: p.name, parent: null, thread: false });
    return p;
  }

  protected translateCall(pid: number, name: string, args: SValue[], ret: SReturn): Translation | null {
    if (name === 'restart_syscall') {
      const saved = this.interrupted.get(pid);
      if (!saved) return null;
      this.interrupted.delete(pid);
      return translate(saved.name, saved.args, ret, this);
    }
    return translate(name, args, ret, this);
  }

  /** Maps a recorded autobind name to the one the engine chose (the TranslateContext). */
  mapName(recorded: Uint8Array): Uint8Array {
    const key = String.fromCharCode(...recorded);
    const mapped = this.autobind.get(key);
    return mapped ? Uint8Array.from(mapped, (c) => c.charCodeAt(0)) : recorded;
  }

  protected matchAutobind = (rec: string, sim: string): boolean => {
    const known = this.autobind.get(rec);
    if (known) return known === sim;
    this.autobind.set(rec, sim);
    return true;
  };

  /** A whole call line. */
  protected call(pid: number, name: string, args: SValue[], ret: SReturn, lineNo: number): void {
    const p = this.proc(pid);
    if (ret.errno?.startsWith('ERESTART')) {
      this.interrupted.set(pid, { name, args });
      return;
    }
    const tr = this.translateCall(pid, name, args, ret);
    if (!tr) return;
    this.apply(p, tr, ret, lineNo);
  }

  /** Applies a translated call whose recorded result is final. */
  protected apply(p: Process, tr: Translation, ret: SReturn, lineNo: number): void {
    switch (tr.kind) {
      case 'fork':
        if (ret.value !== null && ret.value > 0 && !this.k.procs.has(ret.value)) {
          this.pendingClone.set(ret.value, { parent: p.pid, thread: tr.thread });
          this.proc(ret.value);
        }
        return;
      case 'exec': {
        if (!ret.errno) do_execve(this.k, p, tr.name);
        const rec = this.report.processes.find((x) => x.pid === p.pid);
        if (rec && !ret.errno) rec.name = tr.name;
        return;
      }
      case 'exit':
        // The descriptors close now (exit_files); the process ends at its `+++ exited` line.
        if (p.state === 'zombie' || p.state === 'dead') return;
        this.exiting.set(p.pid, tr.code & 0xff);
        if (tr.group || p.files.users === 1) {
          for (let fd = 0; fd < p.files.fds.length; fd++) if (fdGet(p, fd)) fdClose(this.k, p, fd);
        }
        return;
      case 'closeRange':
        for (let fd = tr.first; fd <= tr.last && fd < p.files.fds.length; fd++)
          if (fdGet(p, fd)) fdClose(this.k, p, fd);
        return;
      case 'restart':
        return;
      case 'other':
        this.report.other++;
        this.installOther(p, tr);
        return;
      case 'sys':
        this.runModelled(p, tr, lineNo, true);
        return;
    }
  }

  /** Installs the descriptors an unmodelled call created, and files it created. */
  protected installOther(p: Process, tr: Extract<Translation, { kind: 'other' }>): void {
    for (const fd of tr.fds) {
      if (fdGet(p, fd)) fdClose(this.k, p, fd);
      const f = newFile(this.k, 'opaque', tr.label);
      fdInstallAt(this.k, p, fd, f, tr.cloexec === true);
    }
    if (tr.path && tr.create) this.outside.preexisting(absolutePath(p, tr.path), 'regular');
  }

  /** Whether a gated call is modelled: its fd must be a socket (or not open at all in the model). */
  protected gateOpen(p: Process, tr: Extract<Translation, { kind: 'sys' }>): boolean {
    if (tr.gate === undefined) return true;
    const e = fdGet(p, tr.gate);
    if (!e) return true;
    return e.file.kind === 'socket';
  }

  /** Descriptors the call uses that the model does not know were inherited from outside. */
  protected adoptUnknownFds(p: Process, tr: Extract<Translation, { kind: 'sys' }>): boolean {
    const c = tr.call as { fd?: number };
    if (typeof c.fd !== 'number' || c.fd < 0 || fdGet(p, c.fd)) return false;
    if (tr.expect.errno === 'EBADF') return false;
    fdInstallAt(this.k, p, c.fd, newFile(this.k, 'opaque', 'inherited'), false);
    return true;
  }

  /**
   * Runs a modelled call now and compares it with the recording. `final`: the recorded result
   * must be reached here (a whole line, or the resumed line of a split call).
   */
  protected runModelled(
    p: Process,
    tr: Extract<Translation, { kind: 'sys' }>,
    lineNo: number,
    final: boolean,
    written = 0,
  ): void {
    if (p.state === 'zombie' || p.state === 'dead') {
      this.diverge(p.pid, tr, lineNo, 'the process has already exited in the model', []);
      return;
    }
    if (this.adoptUnknownFds(p, tr) && tr.gate !== undefined) {
      this.report.other++;
      return;
    }
    if (!this.gateOpen(p, tr)) {
      this.report.other++;
      return;
    }
    const explained = explainBefore(this, p, tr);
    let out = p.state === 'sleeping' && p.sleep ? this.sys(p.pid, p.sleep.call) : this.sys(p.pid, tr.call);
    if (out.kind === 'blocked' && final) {
      out = this.finishBlocked(p, tr, out.events);
    }
    if (out.kind === 'blocked') {
      this.cancelSleep(p);
      const after = explainAfter(this, p, tr, []);
      if (after) this.matched(after, lineNo);
      else
        this.diverge(p.pid, tr, lineNo, 'the model would still be waiting here', [
          'the call blocks in the model',
        ]);
      return;
    }
    this.bytes.track(tr, out.events, written);
    const diffs = compare(tr.expect, out.result, this.bytes.knownMask(out.events), this.matchAutobind);
    const after = diffs.length > 0 ? explainAfter(this, p, tr, diffs) : null;
    if (diffs.length > 0 && !after) this.diverge(p.pid, tr, lineNo, showResult(out.result), diffs);
    else this.matched(explained ?? after, lineNo);
  }

  /** A call that blocks where the recording shows a result: let simulated time pass, or give up. */
  protected finishBlocked(
    p: Process,
    tr: Extract<Translation, { kind: 'sys' }>,
    events: KernelEvent[],
  ): ReturnType<typeof syscall> {
    const s = p.sleep;
    if (
      s?.deadline !== null &&
      s?.deadline !== undefined &&
      (tr.expect.errno === 'EAGAIN' || (tr.expect.ret ?? 0) >= 0)
    ) {
      this.k.now = Math.max(this.k.now, s.deadline);
      s.timedOut = true;
      s.woken = true;
      return this.sys(p.pid, s.call);
    }
    return { kind: 'blocked', events };
  }

  protected cancelSleep(p: Process): void {
    if (p.state === 'sleeping') {
      p.state = 'runnable';
      p.sleep = null;
    }
  }

  protected matched(explained: string | null, lineNo: number): void {
    this.report.calls++;
    this.report.match++;
    if (explained) {
      this.report.explained++;
      this.report.outsideActions.push({ lineNo, what: explained });
    }
  }

  protected diverge(
    pid: number,
    tr: Extract<Translation, { kind: 'sys' }>,
    lineNo: number,
    simulated: string,
    detail: string[],
  ): void {
    this.report.calls++;
    this.report.differ++;
    this.report.divergences.push({
      lineNo,
      pid,
      call: describeCall(tr.call),
      recorded: showExpect(tr.expect),
      simulated,
      detail,
    });
  }

  /** Marks skbs whose bytes past `known` the replay made up (they match anything when read). */
  markInvented(skbs: number[], known: number): void {
    this.bytes.markInvented(skbs, known);
  }

  /** Options (read by explain.ts). */
  get strict(): boolean {
    return this.options.strict === true;
  }

  /** The outside world (read by explain.ts). */
  get world(): Outside {
    return this.outside;
  }
}
