/**
 * Replaying an strace log on the kernel model: every modelled call is made again on the
 * engine and its result compared with the recorded one. Calls the engine does not model keep
 * their recorded results so fd numbers line up; results only another process could explain
 * are explained by the world outside the trace (see outside.ts).
 *
 * The Replayer is built in layers: core.ts holds the state and replays one call, split.ts the
 * calls strace split across two lines; this file steps through the lines. The report's types
 * are in report.ts and are exported from here too.
 */
import {
  cloneKernel,
  do_exit,
  type KernelEvent,
  type Syscall,
  type SysResult,
  signalNumber,
} from '../../engine';
import type { SLine } from '../strace/types';
import type { Expect } from './expect';
import type { LineStep, ReplayOptions, ReplayReport } from './report';
import { SplitCalls } from './split';

export {
  type Divergence,
  describeCall,
  type LineStep,
  type ReplayOptions,
  type ReplayReport,
  summaryLine,
} from './report';

/** Replays a parsed trace. */
export class Replayer extends SplitCalls {
  /** The next line to replay (an index into the lines). */
  private position = 0;

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
    w.bytes = this.bytes.clone();
    w.collected = [];
    w.last = null;
    return c;
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
}

/** Results for unit tests and the CLI: replays text. */
export function replayLines(lines: SLine[], options?: ReplayOptions): ReplayReport {
  return new Replayer(lines, options).run();
}

export type { Expect, SysResult };
