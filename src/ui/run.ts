/**
 * A scenario's run and what the views need from it, computed once: every step, the process
 * names, the layout plan (so nothing jumps), the sequence diagram's facts and the narration.
 */
import {
  type LayoutPlan,
  type Narration,
  narrate,
  planLayout,
  type SequenceModel,
  sequenceFacts,
} from '../diagram';
import { type Ending, type Kernel, runnable, type StepRecord, Timeline } from '../engine';
import { buildMachine, type Scenario } from '../programs/scenarios';

/** A run of a scenario, to its end (or a step limit). */
export interface Run {
  scenario: Scenario;
  timeline: Timeline;
  steps: StepRecord[];
  ending: Ending | null;
  /** Process names by pid, including children forked during the run. */
  names: Map<number, string>;
  plan: LayoutPlan;
  sequence: SequenceModel;
  narration: Narration[];
  /** Steps at which the user chose the process (the run branched there). */
  branchedAt: number[];
}

/** How many steps a run may take before it is stopped (an endless loop is reported, not followed). */
export const STEP_LIMIT = 5000;

function finish(scenario: Scenario, timeline: Timeline, steps: StepRecord[], branchedAt: number[]): Run {
  let ending: Ending | null = timeline.ending;
  while (!ending && steps.length < STEP_LIMIT) {
    const s = timeline.extend();
    if ('index' in s) steps.push(s);
    else ending = s;
  }
  if (!ending) ending = { kind: 'limit', steps: steps.length };
  const states: Kernel[] = [];
  const names = new Map<number, string>();
  const sequence: SequenceModel = { lanes: [], marks: [], arrows: [] };
  const narration: Narration[] = [];
  const name = (pid: number) => names.get(pid) ?? `pid ${pid}`;
  for (let i = 0; i <= steps.length; i++) {
    const k = timeline.stateAt(i).machine.kernel;
    for (const p of k.procs.values()) {
      if (!names.has(p.pid)) {
        names.set(p.pid, p.name);
        if (p.tgid === p.pid && !p.outside) sequence.lanes.push({ pid: p.pid, name: p.name });
      }
    }
    states.push(k);
    if (i > 0) {
      const step = steps[i - 1];
      const facts = sequenceFacts(step, k, name);
      sequence.marks.push(facts.mark);
      sequence.arrows.push(...facts.arrows);
      narration.push(narrate(step, k, names));
    }
  }
  const plan = planLayout(
    (function* () {
      for (let i = 0; i <= steps.length; i++) yield timeline.stateAt(i).machine.kernel;
    })(),
  );
  return { scenario, timeline, steps, ending, names, plan, sequence, narration, branchedAt };
}

/** Runs a scenario with the default scheduler. */
export function runScenario(scenario: Scenario): Run {
  return finish(scenario, new Timeline(buildMachine(scenario)), [], []);
}

/** The run that follows `run` up to step `at`, then lets process `pid` take step at + 1. */
export function branchRun(run: Run, at: number, pid: number): Run {
  const timeline = run.timeline.branchAt(at);
  const steps = run.steps.slice(0, at);
  const s = timeline.extend(pid);
  if ('index' in s) steps.push(s);
  return finish(run.scenario, timeline, steps, [...run.branchedAt.filter((b) => b < at), at]);
}

/** The processes that could take the step after `at`, and the one the scheduler would pick. */
export function choicesAt(run: Run, at: number): { ready: number[]; next: number | null } {
  const m = run.timeline.stateAt(at).machine;
  const ready = runnable(m);
  const next = at < run.steps.length ? run.steps[at].pid : null;
  return { ready, next };
}

/** The script's own text for the line a step ran (forked children run their parent's script). */
export function codeOf(run: Run, step: StepRecord): string | undefined {
  const loc = step.location;
  if (!loc) return undefined;
  return run.scenario.processes.find((p) => p.name === loc.file)?.lines[loc.line - 1]?.code;
}

/** The last step at or before `cursor` that process `pid` took, or null. */
export function lastStepOf(run: Run, pid: number, cursor: number): StepRecord | null {
  for (let i = cursor; i >= 1; i--) if (run.steps[i - 1].pid === pid) return run.steps[i - 1];
  return null;
}
