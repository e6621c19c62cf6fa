/**
 * Calls strace shows split across two lines, `<unfinished ...>` and `<... resumed>`, while
 * other processes ran in between: such a call is tried at its first line, and again after
 * every line until it matches the recording, which it must by its resumed line.
 */
import { cloneKernel, type Process } from '../../engine';
import { mergeArgs, pairResumed } from '../strace/parseTrace';
import type { SLine, SLineOf } from '../strace/types';
import { ReplayCore } from './core';
import { compare } from './expect';
import type { ReplayOptions } from './report';
import type { Translation } from './translate';

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

/** The Replayer's handling of split calls (see the file comment). */
export abstract class SplitCalls extends ReplayCore {
  /** Split calls waiting for their resumed line, by pid. */
  protected readonly pendings = new Map<number, Pending>();
  /** The resumed line of each paired unfinished line, by the unfinished line's number. */
  protected readonly resumedOf = new Map<number, SLineOf<'resumed'>>();
  /** Line numbers of the resumed lines that have their unfinished line. */
  protected readonly pairedResumed = new Set<number>();

  constructor(lines: SLine[], options: ReplayOptions = {}) {
    super(lines, options);
    for (const pair of pairResumed(lines).pairs) {
      this.resumedOf.set(pair.unfinished.lineNo, pair.resumed);
      this.pairedResumed.add(pair.resumed.lineNo);
    }
  }

  /** The first half of a split call: try it here; it may need to wait or to go later. */
  protected startSplit(
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
      pending.written = this.bytes.track(pending.tr, out.events, pending.written);
      pending.state = 'blocked';
      return;
    }
    const diffs = compare(pending.tr.expect, out.result, this.bytes.knownMask(out.events), () => true);
    if (diffs.length === 0) {
      this.bytes.track(pending.tr, out.events, pending.written);
      compare(pending.tr.expect, out.result, this.bytes.knownMask(out.events), this.matchAutobind);
      pending.state = 'done';
      return;
    }
    this.k = saved;
    this.collected.length = seen;
    this.last = null;
    pending.state = p.state === 'sleeping' ? 'blocked' : 'deferred';
  }

  /** The resumed half: the call must have its recorded result by now. */
  protected finishSplit(pid: number, line: SLineOf<'resumed'>): void {
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
  protected afterLine(): void {
    for (const pending of this.pendings.values()) {
      if (pending.state === 'done') continue;
      this.attempt(pending);
    }
  }
}
