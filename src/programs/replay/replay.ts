/**
 * Replaying an strace log on the kernel model: every modelled call is made again on the
 * engine and its result compared with the recorded one. Calls the engine does not model keep
 * their recorded results so fd numbers line up; results only another process could explain
 * are explained by the world outside the trace (see outside.ts).
 */
import {
  absolutePath,
  cloneKernel,
  createKernel,
  do_execve,
  do_exit,
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
  signalNumber,
  spawnProcess,
  syscall,
} from '../../engine';
import { mergeArgs, pairResumed } from '../strace/parseTrace';
import type { SLine, SLineOf, SReturn, SValue } from '../strace/types';
import { compare, type Expect, showExpect, showResult } from './expect';
import { explainAfter, explainBefore } from './explain';
import { Outside } from './outside';
import { type Translation, translate } from './translate';

/** One place where the model and the recording disagree. */
export interface Divergence {
  lineNo: number;
  pid: number;
  call: string;
  recorded: string;
  simulated: string;
  detail: string[];
}

/** Options of a replay. */
export interface ReplayOptions {
  /** Forbid explanations by sockets outside the trace (a trace that holds every process). */
  strict?: boolean;
}

/** The outcome of replaying a trace. */
export interface ReplayReport {
  /** Modelled calls compared. */
  calls: number;
  match: number;
  differ: number;
  /** Calls that matched thanks to activity outside the trace. */
  explained: number;
  /** Calls kept with their recorded results. */
  other: number;
  divergences: Divergence[];
  malformed: { lineNo: number; message: string; text: string }[];
  processes: { pid: number; name: string; parent: number | null; thread: boolean }[];
  /** Notes about what the outside world did, by line. */
  outsideActions: { lineNo: number; what: string }[];
}

/** What replaying one line did. */
export interface LineStep {
  line: SLine;
  pid: number;
  /** match / differ / explained: a modelled call compared; other: kept with its recorded result; none: nothing to compare. */
  verdict: 'match' | 'differ' | 'explained' | 'other' | 'none';
  divergence: Divergence | null;
  /** What the world outside the trace did to explain the recorded result. */
  explanation: string | null;
  /** The modelled call made for the line (the last, when it took several), and its result. */
  call: Syscall | null;
  result: SysResult | null;
  events: KernelEvent[];
}

/** A split call waiting to be placed between its unfinished and resumed lines. */
interface Pending {
  pid: number;
  name: string;
  tr: Extract<Translation, { kind: 'sys' }>;
  resumedLine: number;
  /** 'blocked': asleep in the engine; 'deferred': tried, did not match yet; 'done': matched. */
  state: 'blocked' | 'deferred' | 'done';
  /** Bytes this (write) call queued in attempts that then blocked. */
  written: number;
}

/** The summary line of a report. */
export function summaryLine(r: ReplayReport): string {
  let s = `replayed ${r.calls} calls: ${r.match} match, ${r.differ} differ`;
  if (r.explained > 0) s += `, ${r.explained} explained by processes outside the trace`;
  return s;
}

/** Replays a parsed trace. */
export class Replayer {
  k: Kernel;
  readonly report: ReplayReport;
  private readonly outside: Outside;
  private readonly pendings = new Map<number, Pending>();
  /** Children announced by a clone/fork whose return value is known: child pid -> parent, thread. */
  private readonly pendingClone = new Map<number, { parent: number; thread: boolean }>();
  /** Processes that called exit_group but whose end (`+++ exited`) is not yet in the trace. */
  private readonly exiting = new Map<number, number>();
  private readonly interrupted = new Map<number, { name: string; args: SValue[] }>();
  private readonly autobind = new Map<string, string>();
  private readonly unknownBytes = new Map<number, number>();
  private readonly resumedOf = new Map<number, SLineOf<'resumed'>>();
  private readonly pairedResumed = new Set<number>();
  private first = true;
  /** The next line to replay (an index into the lines). */
  private position = 0;
  /** Events of the line being replayed, from every call made for it. */
  private collected: KernelEvent[] = [];
  /** The last modelled call made for the line being replayed, and its outcome. */
  private last: { call: Syscall; result: SysResult | null } | null = null;

  constructor(
    private readonly lines: SLine[],
    private readonly options: ReplayOptions = {},
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
    for (const pair of pairResumed(lines).pairs) {
      this.resumedOf.set(pair.unfinished.lineNo, pair.resumed);
      this.pairedResumed.add(pair.resumed.lineNo);
    }
  }

  /** Replays every line. */
  run(): ReplayReport {
    while (this.stepLine()) {}
    this.finish();
    return this.report;
  }

  /** How many lines have been replayed. */
  get done(): number {
    return this.position;
  }

  /** The lines being replayed. */
  get traceLines(): readonly SLine[] {
    return this.lines;
  }

  /**
   * Replays the next line and says what it did to the model, or returns null when every line
   * has been replayed. The kernel (`k`) is then the state after that line.
   */
  stepLine(): LineStep | null {
    if (this.position >= this.lines.length) return null;
    const line = this.lines[this.position++];
    const before = {
      ...this.report,
      divergences: this.report.divergences.length,
      actions: this.report.outsideActions.length,
    };
    this.collected = [];
    this.last = null;
    this.k.events = [];
    this.line(line);
    this.collected.push(...this.k.events);
    this.k.events = [];
    const r = this.report;
    // (TypeScript cannot see that line() sets `last`.)
    const last = this.last as { call: Syscall; result: SysResult | null } | null;
    const verdict: LineStep['verdict'] =
      r.differ > before.differ
        ? 'differ'
        : r.explained > before.explained
          ? 'explained'
          : r.match > before.match
            ? 'match'
            : r.other > before.other
              ? 'other'
              : 'none';
    return {
      line,
      pid: 'pid' in line ? this.pidOf(line) : this.pidOf({ pid: null }),
      verdict,
      divergence: r.divergences.length > before.divergences ? r.divergences[r.divergences.length - 1] : null,
      explanation:
        r.outsideActions.length > before.actions ? r.outsideActions[r.outsideActions.length - 1].what : null,
      call: last?.call ?? null,
      result: last?.result ?? null,
      events: this.collected,
    };
  }

  /** Ends the processes that called exit but whose end the trace does not show. */
  finish(): void {
    for (const [pid, code] of this.exiting) {
      const p = this.k.procs.get(pid);
      if (p && (p.state === 'runnable' || p.state === 'sleeping')) do_exit(this.k, p, { code });
    }
  }

  /**
   * An independent copy at this point of the replay (for checkpoints): the kernel and every
   * table the replay keeps. The report is copied shallowly; a copy is for looking at states.
   */
  clone(): Replayer {
    const c = Object.create(Replayer.prototype) as Replayer;
    Object.assign(c, this);
    const w = c as unknown as Record<string, unknown>;
    w.k = cloneKernel(this.k);
    w.report = { ...this.report, processes: this.report.processes.map((p) => ({ ...p })) };
    w.outside = this.outside.cloneFor(
      () => c.k,
      (events) => (c as unknown as { collected: KernelEvent[] }).collected.push(...events),
    );
    w.pendings = new Map([...this.pendings].map(([pid, p]) => [pid, { ...p }]));
    w.pendingClone = new Map(this.pendingClone);
    w.exiting = new Map(this.exiting);
    w.interrupted = new Map(this.interrupted);
    w.autobind = new Map(this.autobind);
    w.unknownBytes = new Map(this.unknownBytes);
    w.collected = [];
    w.last = null;
    return c;
  }

  /** A modelled call, its events collected for the line being replayed. */
  private sys(pid: number, call: Syscall): ReturnType<typeof syscall> {
    this.collected.push(...this.k.events);
    const out = syscall(this.k, pid, call);
    this.collected.push(...out.events);
    this.last = { call, result: out.kind === 'blocked' ? null : out.result };
    return out;
  }

  private pidOf(line: { pid: number | null }): number {
    return line.pid ?? this.report.processes[0]?.pid ?? 1000;
  }

  /** The engine process for a trace pid, created on first sight (by a pending fork if any). */
  private proc(pid: number): Process {
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

  private line(line: SLine): void {
    switch (line.kind) {
      case 'malformed':
        this.report.malformed.push({ lineNo: line.lineNo, message: line.message, text: line.text });
        return;
      case 'note':
      case 'signal':
        return;
      case 'exited':
      case 'killed': {
        const p = this.k.procs.get(this.pidOf(line));
        this.exiting.delete(this.pidOf(line));
        if (p && (p.state === 'runnable' || p.state === 'sleeping')) {
          const sig = line.kind === 'killed' ? signalNumber(line.signal) : undefined;
          do_exit(
            this.k,
            p,
            sig !== undefined
              ? { signal: sig, core: false }
              : { code: line.kind === 'exited' ? line.code : 0 },
          );
        }
        this.pendings.delete(this.pidOf(line));
        this.afterLine();
        return;
      }
      case 'call':
        this.call(this.pidOf(line), line.name, line.args, line.ret, line.lineNo);
        this.afterLine();
        return;
      case 'unfinished': {
        const resumed = this.resumedOf.get(line.lineNo);
        this.startSplit(this.pidOf(line), line, resumed);
        this.afterLine();
        return;
      }
      case 'resumed':
        if (this.pairedResumed.has(line.lineNo)) this.finishSplit(this.pidOf(line), line);
        this.afterLine();
        return;
    }
  }

  private translateCall(pid: number, name: string, args: SValue[], ret: SReturn): Translation | null {
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

  private matchAutobind = (rec: string, sim: string): boolean => {
    const known = this.autobind.get(rec);
    if (known) return known === sim;
    this.autobind.set(rec, sim);
    return true;
  };

  /** A whole call line. */
  private call(pid: number, name: string, args: SValue[], ret: SReturn, lineNo: number): void {
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
  private apply(p: Process, tr: Translation, ret: SReturn, lineNo: number): void {
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
  private installOther(p: Process, tr: Extract<Translation, { kind: 'other' }>): void {
    for (const fd of tr.fds) {
      if (fdGet(p, fd)) fdClose(this.k, p, fd);
      const f = newFile(this.k, 'opaque', tr.label);
      fdInstallAt(this.k, p, fd, f, tr.cloexec === true);
    }
    if (tr.path && tr.create) this.outside.preexisting(absolutePath(p, tr.path), 'regular');
  }

  /** Whether a gated call is modelled: its fd must be a socket (or not open at all in the model). */
  private gateOpen(p: Process, tr: Extract<Translation, { kind: 'sys' }>): boolean {
    if (tr.gate === undefined) return true;
    const e = fdGet(p, tr.gate);
    if (!e) return true;
    return e.file.kind === 'socket';
  }

  /** Descriptors the call uses that the model does not know were inherited from outside. */
  private adoptUnknownFds(p: Process, tr: Extract<Translation, { kind: 'sys' }>): boolean {
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
  private runModelled(
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
    this.track(tr, out.events, written);
    const diffs = compare(tr.expect, out.result, this.knownMask(out.events), this.matchAutobind);
    const after = diffs.length > 0 ? explainAfter(this, p, tr, diffs) : null;
    if (diffs.length > 0 && !after) this.diverge(p.pid, tr, lineNo, showResult(out.result), diffs);
    else this.matched(explained ?? after, lineNo);
  }

  /** A call that blocks where the recording shows a result: let simulated time pass, or give up. */
  private finishBlocked(
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

  private cancelSleep(p: Process): void {
    if (p.state === 'sleeping') {
      p.state = 'runnable';
      p.sleep = null;
    }
  }

  private matched(explained: string | null, lineNo: number): void {
    this.report.calls++;
    this.report.match++;
    if (explained) {
      this.report.explained++;
      this.report.outsideActions.push({ lineNo, what: explained });
    }
  }

  private diverge(
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

  /**
   * Remembers skbs whose bytes the replay had to invent (the write was cut short in the trace).
   * `offset`: bytes of this write queued by earlier attempts. Returns the new offset.
   */
  private track(tr: Extract<Translation, { kind: 'sys' }>, events: KernelEvent[], offset = 0): number {
    const c = tr.call;
    if (c.name !== 'write' && c.name !== 'send' && c.name !== 'sendto' && c.name !== 'sendmsg') return offset;
    const shown = tr.shown;
    if (shown === undefined) return offset;
    for (const ev of events) {
      if (ev.type !== 'skb.queued') continue;
      const known = Math.max(0, Math.min(ev.bytes, shown - offset));
      if (known < ev.bytes) this.unknownBytes.set(ev.skb, known);
      offset += ev.bytes;
    }
    return offset;
  }

  /** Which bytes of a read the replay knows (invented bytes match anything). */
  private knownMask(events: KernelEvent[]): (i: number) => boolean {
    if (this.unknownBytes.size === 0) return () => true;
    const unknown: [number, number][] = [];
    let pos = 0;
    for (const ev of events) {
      if (ev.type !== 'skb.consumed' && ev.type !== 'skb.peeked') continue;
      const known = this.unknownBytes.get(ev.skb);
      if (known !== undefined) {
        const from = Math.max(0, known - ev.offset);
        if (from < ev.bytes) unknown.push([pos + from, pos + ev.bytes]);
      }
      pos += ev.bytes;
    }
    return (i) => !unknown.some(([a, b]) => i >= a && i < b);
  }

  /** The first half of a split call: try it here; it may need to wait or to go later. */
  private startSplit(
    pid: number,
    line: SLineOf<'unfinished'>,
    resumed: SLineOf<'resumed'> | undefined,
  ): void {
    const p = this.proc(pid);
    if (!resumed) {
      if (line.name === 'exit_group' || line.name === 'exit') {
        this.apply(
          p,
          { kind: 'exit', code: 0, group: line.name === 'exit_group' },
          { value: null, text: '?' },
          line.lineNo,
        );
      }
      return;
    }
    if (resumed.ret.errno?.startsWith('ERESTART')) {
      this.interrupted.set(pid, { name: line.name, args: mergeArgs({ unfinished: line, resumed }) });
      return;
    }
    const tr = this.translateCall(pid, line.name, mergeArgs({ unfinished: line, resumed }), resumed.ret);
    if (!tr) return;
    if (tr.kind === 'fork') {
      const child = resumed.ret.value;
      if (child !== null && child > 0) this.pendingClone.set(child, { parent: pid, thread: tr.thread });
      return;
    }
    if (tr.kind === 'exit') {
      this.apply(p, tr, resumed.ret, line.lineNo);
      return;
    }
    if (tr.kind !== 'sys') return;
    if (p.state === 'zombie' || p.state === 'dead' || !this.gateOpen(p, tr)) return;
    const pending: Pending = {
      pid,
      name: line.name,
      tr,
      resumedLine: resumed.lineNo,
      state: 'deferred',
      written: 0,
    };
    this.pendings.set(pid, pending);
    this.attempt(pending);
  }

  /** Tries a pending split call now; keeps it only if it matches the recording. */
  private attempt(pending: Pending): void {
    const p = this.k.procs.get(pending.pid);
    if (!p || pending.state === 'done') return;
    if (p.state === 'sleeping' && p.sleep && !p.sleep.woken) return;
    if (this.adoptUnknownFds(p, pending.tr)) return;
    const saved = cloneKernel(this.k);
    const seen = this.collected.length;
    const call = p.state === 'sleeping' && p.sleep ? p.sleep.call : pending.tr.call;
    const out = this.sys(p.pid, call);
    if (out.kind === 'blocked') {
      pending.written = this.track(pending.tr, out.events, pending.written);
      pending.state = 'blocked';
      return;
    }
    const diffs = compare(pending.tr.expect, out.result, this.knownMask(out.events), () => true);
    if (diffs.length === 0) {
      this.track(pending.tr, out.events, pending.written);
      compare(pending.tr.expect, out.result, this.knownMask(out.events), this.matchAutobind);
      pending.state = 'done';
      return;
    }
    this.k = saved;
    this.collected.length = seen;
    this.last = null;
    pending.state = p.state === 'sleeping' ? 'blocked' : 'deferred';
  }

  /** The resumed half: the call must have its recorded result by now. */
  private finishSplit(pid: number, line: SLineOf<'resumed'>): void {
    const pending = this.pendings.get(pid);
    if (!pending || pending.resumedLine !== line.lineNo) {
      this.resumedOther(pid, line);
      return;
    }
    this.pendings.delete(pid);
    if (pending.state === 'done') {
      this.matched(null, line.lineNo);
      return;
    }
    const p = this.k.procs.get(pid) as Process;
    this.runModelled(p, pending.tr, line.lineNo, true, pending.written);
  }

  /** A resumed line of a call that was not modelled (or not tried): apply it now. */
  private resumedOther(pid: number, line: SLineOf<'resumed'>): void {
    if (line.ret.errno?.startsWith('ERESTART')) {
      const p = this.k.procs.get(pid);
      if (p) this.cancelSleep(p);
      return;
    }
    const unfinished = [...this.resumedOf.entries()].find(([, r]) => r === line);
    const u = unfinished ? this.lines.find((l) => l.lineNo === unfinished[0]) : undefined;
    const args = u && u.kind === 'unfinished' ? mergeArgs({ unfinished: u, resumed: line }) : line.args;
    const tr = this.translateCall(pid, line.name, args, line.ret);
    if (!tr) return;
    const p = this.proc(pid);
    if (tr.kind === 'sys') {
      if (!this.gateOpen(p, tr)) this.report.other++;
      return;
    }
    this.apply(p, tr, line.ret, line.lineNo);
  }

  /** After every line: pending split calls that were woken (or deferred) try again. */
  private afterLine(): void {
    for (const pending of this.pendings.values()) {
      if (pending.state === 'done') continue;
      this.attempt(pending);
    }
  }

  /** Marks skbs whose bytes past `known` the replay made up (they match anything when read). */
  markInvented(skbs: number[], known: number): void {
    for (const skb of skbs) this.unknownBytes.set(skb, known);
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

/** A call in C-like words: `read(4, 100)`. */
export function describeCall(c: Syscall): string {
  const parts: string[] = [];
  for (const [key, v] of Object.entries(c)) {
    if (key === 'name') continue;
    if (v instanceof Uint8Array) parts.push(`${v.length} bytes`);
    else if (v === null || typeof v === 'object') continue;
    else parts.push(String(v));
  }
  return `${c.name}(${parts.join(', ')})`;
}

/** Results for unit tests and the CLI: replays text. */
export function replayLines(lines: SLine[], options?: ReplayOptions): ReplayReport {
  return new Replayer(lines, options).run();
}

export type { Expect, SysResult };
