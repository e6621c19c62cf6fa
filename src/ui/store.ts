/**
 * The app's store: which scenario, its timeline, and the cursor. Everything else (the state
 * at the cursor, the sentences that describe it) is derived.
 */
import { create } from 'zustand';
import { type Ending, type StepRecord, Timeline } from '../engine';
import { buildMachine, DEFAULT_SCENARIO, findScenario, type Scenario } from '../programs/scenarios';

/** A scenario run to its end, with the step records kept for listing. */
export interface Run {
  scenario: Scenario;
  timeline: Timeline;
  steps: StepRecord[];
  ending: Ending | null;
  /** Process names by pid, including children forked during the run. */
  names: Map<number, string>;
}

/** The script's own text for the line a step ran (forked children run their parent's script). */
export function codeOf(run: Run, step: StepRecord): string | undefined {
  const loc = step.location;
  if (!loc) return undefined;
  return run.scenario.processes.find((p) => p.name === loc.file)?.lines[loc.line - 1]?.code;
}

/** Runs a scenario to its end (at most `limit` steps). */
export function runScenario(scenario: Scenario, limit = 2000): Run {
  const machine = buildMachine(scenario);
  const timeline = new Timeline(machine);
  const steps: StepRecord[] = [];
  const names = new Map<number, string>();
  let ending: Ending | null = null;
  for (let i = 0; i < limit; i++) {
    const s = timeline.extend();
    if (!('index' in s)) {
      ending = s;
      break;
    }
    steps.push(s);
  }
  const last = timeline.stateAt(timeline.length).machine;
  for (const p of last.kernel.procs.values()) names.set(p.pid, p.name);
  return { scenario, timeline, steps, ending, names };
}

interface AppState {
  run: Run;
  cursor: number;
  openScenario(id: string): void;
  goTo(step: number): void;
  stepForward(): void;
  stepBack(): void;
  restart(): void;
}

/** The store behind every component. */
export const useApp = create<AppState>((set, get) => ({
  run: runScenario(DEFAULT_SCENARIO),
  cursor: 0,
  openScenario(id) {
    const s = findScenario(id) ?? DEFAULT_SCENARIO;
    set({ run: runScenario(s), cursor: 0 });
  },
  goTo(step) {
    const max = get().run.steps.length;
    set({ cursor: Math.max(0, Math.min(max, step)) });
  },
  stepForward() {
    get().goTo(get().cursor + 1);
  },
  stepBack() {
    get().goTo(get().cursor - 1);
  },
  restart() {
    set({ cursor: 0 });
  },
}));
