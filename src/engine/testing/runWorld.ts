/**
 * Running a drawn world on the machine: a list program per process, a scheduler that follows
 * the world's choices, a short description of each step for failure messages, and a
 * fingerprint of a kernel for comparing two runs.
 */
import { createKernel, spawnProcess } from '../kernel';
import { createMachine, type Ending, type Machine, runnable, type StepRecord, step } from '../machine';
import type { Program, ProgramAction, ProgramLocation } from '../program';
import type { Syscall, SysResult } from '../syscalls';
import type { StepSummary } from '../timeline';
import type { Kernel } from '../types';
import { type DrawnAction, returnedFds, toAction } from './randomCalls';
import type { World } from './randomPrograms';

/** How many recent descriptors a program remembers. */
const REMEMBERED = 4;

/**
 * A program that runs a fixed list of drawn actions, then exits with status 0. It remembers
 * the descriptors its calls returned, for the drawn fds that refer to them.
 */
export class ListProgram implements Program {
  constructor(
    private readonly actions: readonly DrawnAction[],
    private pc = 0,
    /** Descriptors handed back lately, newest first. */
    private recent: number[] = [],
    /** The call the last action made, whose result the next `next` receives. */
    private lastCall: Syscall | null = null,
  ) {}

  next(last: SysResult | undefined): ProgramAction {
    if (last && this.lastCall) {
      for (const fd of returnedFds(this.lastCall, last))
        this.recent = [fd, ...this.recent.filter((f) => f !== fd)];
      this.recent.length = Math.min(this.recent.length, REMEMBERED);
    }
    const drawn = this.actions[this.pc];
    this.pc++;
    const action: ProgramAction = drawn ? toAction(drawn, this.recent) : { kind: 'exit', status: 0 };
    this.lastCall = action.kind === 'syscall' ? action.call : null;
    return action;
  }

  clone(): Program {
    return new ListProgram(this.actions, this.pc, [...this.recent], this.lastCall);
  }

  /** The child goes on with the actions after the fork. */
  forkChild(): Program {
    return this.clone();
  }

  location(): ProgramLocation {
    return { file: 'random', line: this.pc + 1 };
  }
}

/** A fresh machine for a world: one process per program, pids from 100 up. */
export function buildMachine(w: World): Machine {
  const k = createKernel();
  const programs = new Map<number, Program>();
  w.programs.forEach((actions, i) => {
    const p = spawnProcess(k, { name: `p${i}` });
    programs.set(p.pid, new ListProgram(actions));
  });
  return createMachine(k, programs);
}

/**
 * The process the world's choices pick before step `n` (0-based), or undefined to let the
 * default scheduler pick (always so when nothing can run and only time can pass).
 */
export function chooseAt(m: Machine, w: World, n: number): number | undefined {
  const ready = runnable(m);
  if (ready.length === 0 || w.choices.length === 0) return undefined;
  const c = w.choices[n % w.choices.length];
  return c < 0 ? undefined : ready[c % ready.length];
}

/** What an observer of a run sees after each step. */
export interface Observed {
  /** 1-based step number. */
  n: number;
  machine: Machine;
  record: StepRecord;
  /** The process chosen from outside, or undefined when the scheduler chose. */
  choice: number | undefined;
}

/** How a run went: every step's summary, the choices made, and how it stopped. */
export interface Run {
  summaries: StepSummary[];
  choices: (number | undefined)[];
  ending: Ending;
}

/** The summary a Timeline keeps of a step. */
export function summarize(s: StepRecord): StepSummary {
  return {
    index: s.index,
    pid: s.pid,
    name: s.kind === 'time' ? 'time' : s.kind === 'local' ? 'local' : (s.call?.name ?? '?'),
    ret: s.result?.ret ?? 0,
    errno: s.result?.errno ?? null,
    outcome: s.outcome,
  };
}

/** Runs a world for at most `limit` steps, calling `observe` after every step. */
export function runWorld(w: World, limit: number, observe?: (o: Observed) => void): Run {
  const m = buildMachine(w);
  const summaries: StepSummary[] = [];
  const choices: (number | undefined)[] = [];
  for (let n = 1; n <= limit; n++) {
    const choice = chooseAt(m, w, n - 1);
    const s = step(m, choice);
    if (!('index' in s)) return { summaries, choices, ending: s };
    summaries.push(summarize(s));
    choices.push(choice);
    observe?.({ n, machine: m, record: s, choice });
  }
  return { summaries, choices, ending: { kind: 'limit', steps: limit } };
}

/** A one-line description of a step, with payloads shown by length. */
export function describeStep(s: StepRecord): string {
  const call = s.call
    ? JSON.stringify(s.call, (_key, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v))
    : s.kind;
  const res = s.result ? ` = ${s.result.ret}${s.result.errno ? ` ${s.result.errno}` : ''}` : '';
  return `#${s.index} pid ${s.pid} ${call}${res} (${s.outcome}${s.resumed ? ', resumed' : ''})`;
}

/**
 * A small, comparable picture of a kernel: who holds which open file at which fd, each
 * socket's state, peer, queue length and write charge, and the process states.
 */
export function fingerprint(k: Kernel): unknown {
  const procs = [...k.procs.values()].map((p) => [p.pid, p.state, p.sleep?.channel.kind ?? null]);
  const fds: [number, number, number][] = [];
  for (const p of k.procs.values()) {
    p.files.fds.forEach((e, fd) => {
      if (e) fds.push([p.pid, fd, e.file.id]);
    });
  }
  const socks = [...k.socks.values()].map((s) => [
    s.id,
    s.type,
    s.state,
    s.peer?.id ?? null,
    s.receiveQueue.length,
    s.wmemAlloc,
    s.shutdown,
  ]);
  return { procs, fds, socks, now: k.now, queued: k.bytesQueued, read: k.bytesRead };
}
