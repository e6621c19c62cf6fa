/** Finding the steps a question is about: the nth call of a kind made by a named process. */
import type { StepRecord, Syscall, SyscallName } from '../../engine';
import type { LessonRun } from './types';

/** What to look for. */
export interface CallQuery {
  /** The process's name ("server", "server child"); any process when absent. */
  proc?: string;
  call: SyscallName | SyscallName[];
  /** 1-based among the matching steps; 1 when absent. */
  nth?: number;
  /** 'result': the step where the call returned or killed its caller (the default); 'first': its first attempt, which may be the one that blocks. */
  phase?: 'result' | 'first';
  /** A further test on the call's arguments (its fd, flags, ...). */
  where?: (call: Syscall, step: StepRecord) => boolean;
}

/** The process name of a step. */
export function procOf(run: LessonRun, s: StepRecord): string {
  return run.names.get(s.pid) ?? `pid ${s.pid}`;
}

/** Every step that matches, in order. */
export function findCalls(run: LessonRun, q: CallQuery): StepRecord[] {
  const names = Array.isArray(q.call) ? q.call : [q.call];
  const phase = q.phase ?? 'result';
  return run.steps.filter((s) => {
    if (!s.call || !names.includes(s.call.name)) return false;
    if (q.proc !== undefined && procOf(run, s) !== q.proc) return false;
    if (phase === 'result' ? s.result === null : s.resumed) return false;
    return q.where ? q.where(s.call, s) : true;
  });
}

/** The index of the nth matching step, or null. */
export function findCall(run: LessonRun, q: CallQuery): number | null {
  return findCalls(run, q)[(q.nth ?? 1) - 1]?.index ?? null;
}

/** A `where` for calls on one descriptor. */
export function onFd(fd: number): (call: Syscall) => boolean {
  return (call) => 'fd' in call && call.fd === fd;
}

/** A `where` for calls on any descriptor but stdin, stdout and stderr (so printf's writes are left out). */
export function onSocketFd(call: Syscall): boolean {
  return 'fd' in call && call.fd > 2;
}

/** The step at a 1-based index. */
export function stepAt(run: LessonRun, at: number): StepRecord {
  const s = run.steps[at - 1];
  if (!s) throw new RangeError(`step ${at} is outside 1..${run.steps.length}`);
  return s;
}

/** The step where the call first made at `at` returned: `at` itself, or the retry that finished it. */
export function resultStep(run: LessonRun, at: number): StepRecord {
  const first = stepAt(run, at);
  if (first.result) return first;
  const done = run.steps.find((s) => s.index > at && s.pid === first.pid && s.result !== null);
  if (!done) throw new Error(`the call at step ${at} never returned`);
  return done;
}
