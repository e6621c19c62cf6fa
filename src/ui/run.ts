/**
 * A scenario's run and what the views need from it, computed once: every step, the process
 * names, the layout plan (so nothing jumps), the sequence diagram's facts and the narration.
 */
import {
  emptyPlan,
  extendPlan,
  hasMark,
  type LayoutPlan,
  type Narration,
  narrate,
  type SequenceModel,
  sequenceFacts,
} from '../diagram';
import { type Ending, type Machine, runnable, type StepRecord, Timeline } from '../engine';
import type { CScenario } from '../programs/c/scenario';
import type { TraceAnalysis } from '../programs/replay/analyse';
import type { TraceStates } from '../programs/replay/traceStates';
import { buildMachine, type Scenario } from '../programs/scenarios';
import type { SLine } from '../programs/strace/types';
import { lineText } from './trace/lineText';

/** What the picker and the URL know a scenario by. */
export interface ScenarioMeta {
  id: string;
  title: string;
  summary: string;
}

/** An imported strace log: its text, its parsed lines, and the replay's steps and verdict. */
export interface TraceSource {
  kind: 'trace';
  title: string;
  /** The text, one string per line (index lineNo - 1). */
  text: string[];
  lines: SLine[];
  analysis: TraceAnalysis;
}

/** Where a run's programs come from: the script of each process, C source files, or a trace. */
export type Source = { kind: 'script'; scenario: Scenario } | { kind: 'c'; c: CScenario } | TraceSource;

/** What a run reads its kernel states from: a live timeline, or a replayed trace. */
export type States = Timeline | TraceStates;

/** A run of a scenario, to its end (or a step limit). */
export interface Run {
  scenario: ScenarioMeta;
  source: Source;
  timeline: States;
  steps: StepRecord[];
  ending: Ending | null;
  /** Process names by pid, including children forked during the run. */
  names: Map<number, string>;
  plan: LayoutPlan;
  sequence: SequenceModel;
  narration: Narration[];
  /** Steps at which the user chose the process (the run branched there). */
  branchedAt: number[];
  /** True when the user stopped the run before it ended. */
  stopped: boolean;
}

/** How many steps a run may take before it is stopped (an endless loop is reported, not followed). */
export const STEP_LIMIT = 50000;

/** The most steps a user may ask a run to take (each step is kept, with its narration). */
export const MAX_STEP_LIMIT = 200000;

/** Lets a caller stop a run being built (the Stop button), and how many steps it may take. */
export interface RunControl {
  stop: boolean;
  limit?: number;
}

/** How often building a run pauses (in steps) so the page can stay responsive. */
const SLICE = 64;

/** How far building a run has got: steps computed, then steps prepared for the views. */
export interface Progress {
  steps: number;
  prepared: number;
}

/**
 * Builds a run: extends the timeline to its end (or the step limit, or until stopped), then
 * derives what the views need, in one pass over the states. It yields its progress now and
 * then, so a caller can spread the work over several frames; `finishRun` does it all at
 * once. Stopping while the views are prepared keeps the steps prepared so far.
 */
export function* buildRun(
  scenario: ScenarioMeta,
  source: Source,
  timeline: Timeline,
  steps: StepRecord[],
  branchedAt: number[],
  control: RunControl = { stop: false },
): Generator<Progress, Run> {
  let ending: Ending | null = timeline.ending;
  const limit = control.limit ?? STEP_LIMIT;
  while (!ending && steps.length < limit && !control.stop) {
    const s = timeline.extend();
    if ('index' in s) steps.push(s);
    else ending = s;
    if (steps.length % SLICE === 0) yield { steps: steps.length, prepared: 0 };
  }
  if (!ending) ending = { kind: 'limit', steps: steps.length };
  const plan = emptyPlan();
  const names = new Map<number, string>();
  const sequence: SequenceModel = { lanes: [], marks: [], arrows: [] };
  const narration: Narration[] = [];
  const name = (pid: number) => names.get(pid) ?? `pid ${pid}`;
  for (let i = 0; i <= steps.length; i++) {
    if (i % SLICE === SLICE - 1) yield { steps: steps.length, prepared: i };
    if (control.stop && i > 0) {
      // Stopped while preparing: keep the steps prepared so far.
      steps.length = i - 1;
      ending = { kind: 'limit', steps: steps.length };
      break;
    }
    const k = timeline.stateAt(i).machine.kernel;
    extendPlan(plan, k);
    for (const p of k.procs.values()) {
      if (!names.has(p.pid)) {
        names.set(p.pid, p.name);
        if (p.tgid === p.pid && !p.outside) sequence.lanes.push({ pid: p.pid, name: p.name });
      }
    }
    if (i > 0) {
      const step = steps[i - 1];
      if (hasMark(step)) {
        const facts = sequenceFacts(step, k, name, sequence.marks.length);
        sequence.marks.push(facts.mark);
        sequence.arrows.push(...facts.arrows);
      }
      narration.push(narrate(step, k, names));
    }
  }
  return {
    scenario,
    source,
    timeline,
    steps,
    ending,
    names,
    plan,
    sequence,
    narration,
    branchedAt,
    stopped: control.stop && ending.kind === 'limit',
  };
}

/** Runs a run's builder to the end at once. */
export function finishRun(gen: Generator<Progress, Run>): Run {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

function finish(
  scenario: ScenarioMeta,
  source: Source,
  timeline: Timeline,
  steps: StepRecord[],
  branchedAt: number[],
): Run {
  return finishRun(buildRun(scenario, source, timeline, steps, branchedAt));
}

/** Runs a scenario with the default scheduler. */
export function runScenario(scenario: Scenario): Run {
  return finish(scenario, { kind: 'script', scenario }, new Timeline(buildMachine(scenario)), [], []);
}

/** Runs C programs (already built into a machine) with the default scheduler. */
export function runC(meta: ScenarioMeta, c: CScenario, machine: Machine): Run {
  return finish(meta, { kind: 'c', c }, new Timeline(machine), [], []);
}

/** The run that follows `run` up to step `at`, then lets process `pid` take step at + 1. */
export function branchRun(run: Run, at: number, pid: number): Run {
  if (!(run.timeline instanceof Timeline)) return run;
  const timeline = run.timeline.branchAt(at);
  const steps = run.steps.slice(0, at);
  const s = timeline.extend(pid);
  if ('index' in s) steps.push(s);
  return finish(run.scenario, run.source, timeline, steps, [...run.branchedAt.filter((b) => b < at), at]);
}

/** The processes that could take the step after `at`, and the one the scheduler would pick. */
export function choicesAt(run: Run, at: number): { ready: number[]; next: number | null } {
  if (!(run.timeline instanceof Timeline)) return { ready: [], next: null };
  const m = run.timeline.stateAt(at).machine;
  const ready = runnable(m);
  const next = at < run.steps.length ? run.steps[at].pid : null;
  return { ready, next };
}

/** The script's own text for the line a step ran (forked children run their parent's script). */
export function codeOf(run: Run, step: StepRecord): string | undefined {
  const loc = step.location;
  if (!loc) return undefined;
  if (run.source.kind === 'c')
    return withoutComment(sourceLines(run.source.c, loc.file)?.[loc.line - 1] ?? '') || undefined;
  if (run.source.kind === 'trace') return step.call ? lineText(run.source.text[loc.line - 1]) : undefined;
  return run.source.scenario.processes.find((p) => p.name === loc.file)?.lines[loc.line - 1]?.code;
}

/** A line of C without its trailing comment, trimmed (a comment that opens the line is kept). */
function withoutComment(line: string): string {
  const t = line.trim();
  const cut = t.search(/\s*(\/\*.*\*\/|\/\/.*)$/);
  return (cut > 0 ? t.slice(0, cut) : t).trim();
}

/** The lines of one of a C scenario's files, or null when it has no such file. */
export function sourceLines(c: CScenario, file: string): string[] | null {
  return Object.hasOwn(c.files, file) ? c.files[file].split('\n') : null;
}

/** The last step at or before `cursor` that process `pid` took, or null. */
export function lastStepOf(run: Run, pid: number, cursor: number): StepRecord | null {
  for (let i = cursor; i >= 1; i--) if (run.steps[i - 1].pid === pid) return run.steps[i - 1];
  return null;
}
