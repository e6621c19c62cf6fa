/**
 * The machine: a kernel plus the program of each process, and a deterministic scheduler that
 * runs them. One `step` is one system call (or one local program step) of one process. Which
 * process runs can be chosen from outside; by default the current process runs until it
 * blocks or exits, then the next runnable one in pid order.
 */
import { advanceTime, nextDeadline } from './clock';
import { retry, syscall } from './dispatch';
import type { KernelEvent } from './events';
import { cloneKernel } from './kernel';
import type { Program, ProgramLocation } from './program';
import { force_sig } from './signal';
import type { Syscall, SysResult } from './syscalls';
import type { Kernel, Process } from './types';

/** One step of the timeline. */
export interface StepRecord {
  /** 1-based position in the timeline. */
  index: number;
  /** The process that ran (0 for the passing of time). */
  pid: number;
  kind: 'syscall' | 'local' | 'exit' | 'time';
  call: Syscall | null;
  result: SysResult | null;
  /** done: returned; blocked: fell asleep; killed: a signal ended the process (after a call, or a fault in user space); retry: woken and retried. */
  outcome: 'done' | 'blocked' | 'killed' | 'local';
  /** True when this step retried a call the process had slept in. */
  resumed: boolean;
  events: KernelEvent[];
  /** Where the program was. */
  location: ProgramLocation | null;
  note?: string;
}

/** Why a run stopped. */
export type Ending =
  | { kind: 'finished' }
  | { kind: 'deadlock'; sleeping: { pid: number; name: string; call: string }[] }
  | { kind: 'limit'; steps: number };

/** A kernel with the programs that drive its processes. */
export interface Machine {
  kernel: Kernel;
  programs: Map<number, Program>;
  /** The result each process has not yet handed to its program. */
  pendingResult: Map<number, SysResult | undefined>;
  /** The process that ran last (the default scheduler keeps running it while it can). */
  current: number | null;
  stepCount: number;
  /**
   * How the default scheduler picks when the current process cannot go on: 'cycle' takes the
   * next runnable process after it in pid order (wrapping around); 'first' takes the first
   * runnable one in pid order, so a later process runs only while every earlier one sleeps
   * (how the C scenarios' outputs were recorded on Linux: each process started once the ones
   * before it had settled).
   */
  schedule: 'cycle' | 'first';
}

/** A machine around a kernel whose processes each have a program. */
export function createMachine(
  kernel: Kernel,
  programs: Map<number, Program>,
  schedule: Machine['schedule'] = 'cycle',
): Machine {
  return { kernel, programs, pendingResult: new Map(), current: null, stepCount: 0, schedule };
}

/** A deep, independent copy of a machine. */
export function cloneMachine(m: Machine): Machine {
  const programs = new Map<number, Program>();
  for (const [pid, prog] of m.programs) programs.set(pid, prog.clone());
  return {
    kernel: cloneKernel(m.kernel),
    programs,
    pendingResult: new Map(m.pendingResult),
    current: m.current,
    stepCount: m.stepCount,
    schedule: m.schedule,
  };
}

function isAlive(p: Process): boolean {
  return p.state === 'runnable' || p.state === 'sleeping';
}

/** Whether a process can run now: runnable, or asleep but woken. */
export function canRun(m: Machine, p: Process): boolean {
  if (!m.programs.has(p.pid)) return false;
  return p.state === 'runnable' || (p.state === 'sleeping' && p.sleep !== null && p.sleep.woken);
}

/** The processes that could run now, in pid order. */
export function runnable(m: Machine): number[] {
  const out: number[] = [];
  for (const p of m.kernel.procs.values()) if (canRun(m, p)) out.push(p.pid);
  return out.sort((a, b) => a - b);
}

/** The process the default scheduler picks: the current one while it can run, else the next. */
export function defaultChoice(m: Machine): number | null {
  if (m.current !== null) {
    const cur = m.kernel.procs.get(m.current);
    if (cur && canRun(m, cur)) return m.current;
  }
  const ready = runnable(m);
  if (ready.length === 0) return null;
  if (m.current !== null && ready.includes(m.current)) return m.current;
  if (m.schedule === 'first') return ready[0];
  const after = ready.find((pid) => m.current === null || pid > m.current);
  return after ?? ready[0];
}

/** How the run ends if nothing can run now, or null when something can (or time can pass). */
export function ending(m: Machine): Ending | null {
  if (runnable(m).length > 0) return null;
  const alive = [...m.kernel.procs.values()].filter((p) => isAlive(p) && m.programs.has(p.pid));
  if (alive.length === 0) return { kind: 'finished' };
  if (nextDeadline(m.kernel) !== null) return null;
  return {
    kind: 'deadlock',
    sleeping: alive.map((p) => ({ pid: p.pid, name: p.name, call: p.sleep?.call.name ?? '?' })),
  };
}

function record(m: Machine, pid: number, partial: Omit<StepRecord, 'index' | 'pid'>): StepRecord {
  m.stepCount++;
  return { index: m.stepCount, pid, ...partial };
}

/**
 * Runs one step. `choice` picks the process (it must be able to run); without it the default
 * scheduler picks. Returns the step, or the ending when nothing can run and no time can pass.
 * A woken process whose retried call blocks again without progress is not a step: the
 * scheduler moves on.
 */
export function step(m: Machine, choice?: number): StepRecord | Ending {
  const k = m.kernel;
  for (let guard = 0; guard < 100000; guard++) {
    const pid = choice ?? defaultChoice(m);
    if (pid === null) {
      const end = ending(m);
      if (end) return end;
      const t = nextDeadline(k) as number;
      k.events = [];
      k.step = m.stepCount + 1;
      advanceTime(k, t);
      const events = k.events;
      k.events = [];
      return record(m, 0, {
        kind: 'time',
        call: null,
        result: null,
        outcome: 'local',
        resumed: false,
        events,
        location: null,
        note: `time passes to ${t} ms`,
      });
    }
    const p = k.procs.get(pid);
    const prog = m.programs.get(pid);
    if (!p || !prog || !canRun(m, p)) throw new Error(`process ${pid} cannot run now`);
    m.current = pid;
    k.step = m.stepCount + 1;
    if (p.state === 'sleeping' && p.sleep) {
      const before = p.sleep;
      const out = retry(k, pid);
      if (out.kind === 'blocked' && out.events.length === 0 && p.sleep?.progress === before.progress) {
        if (p.sleep) p.sleep.woken = false;
        if (choice !== undefined)
          return record(m, pid, {
            kind: 'syscall',
            call: before.call,
            result: null,
            outcome: 'blocked',
            resumed: true,
            events: [],
            location: prog.location(),
          });
        continue;
      }
      return finishCall(m, p, prog, before.call, out, true);
    }
    const action = prog.next(m.pendingResult.get(pid));
    const loc = prog.location();
    m.pendingResult.delete(pid);
    if (action.kind === 'fault') {
      k.events = [];
      force_sig(k, p, action.signal);
      const events = k.events;
      k.events = [];
      return record(m, pid, {
        kind: 'local',
        call: null,
        result: null,
        outcome: 'killed',
        resumed: false,
        events,
        location: loc,
        note: action.message,
      });
    }
    if (action.kind === 'local') {
      return record(m, pid, {
        kind: 'local',
        call: null,
        result: null,
        outcome: 'local',
        resumed: false,
        events: [],
        location: loc,
        note: action.note,
      });
    }
    const call: Syscall = action.kind === 'exit' ? { name: 'exit', status: action.status } : action.call;
    const out = syscall(k, pid, call);
    return finishCall(m, p, prog, call, out, false, loc);
  }
  throw new Error('the scheduler found no step in 100000 tries');
}

function finishCall(
  m: Machine,
  p: Process,
  prog: Program,
  call: Syscall,
  out: ReturnType<typeof syscall>,
  resumed: boolean,
  loc: ProgramLocation | null = prog.location(),
): StepRecord {
  if (out.kind === 'blocked') {
    return record(m, p.pid, {
      kind: 'syscall',
      call,
      result: null,
      outcome: 'blocked',
      resumed,
      events: out.events,
      location: loc,
    });
  }
  if (call.name === 'fork' && out.kind === 'done' && out.result.ret > 0) {
    const child = out.result.ret;
    m.programs.set(child, prog.forkChild());
    m.pendingResult.set(child, { ret: 0, errno: null });
  }
  if (out.kind === 'done' && out.result.handlers && prog.signal) {
    const { handlers, handlerInfo } = out.result;
    for (let i = 0; i < handlers.length; i++) prog.signal(handlers[i], handlerInfo?.[i]);
  }
  m.pendingResult.set(p.pid, out.result);
  return record(m, p.pid, {
    kind: call.name === 'exit' ? 'exit' : 'syscall',
    call,
    result: out.result,
    outcome: out.kind === 'killed' ? 'killed' : 'done',
    resumed,
    events: out.events,
    location: loc,
  });
}

/** Runs until the end or `limit` steps; returns the steps and how it ended. */
export function runToEnd(m: Machine, limit = 100000): { steps: StepRecord[]; ending: Ending } {
  const steps: StepRecord[] = [];
  for (let i = 0; i < limit; i++) {
    const s = step(m);
    if (!('index' in s)) return { steps, ending: s };
    steps.push(s);
  }
  return { steps, ending: { kind: 'limit', steps: limit } };
}
