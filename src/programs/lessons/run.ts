/** Runs a lesson's scenario for a seed and keeps what its questions look at. */
import { type Ending, type StepRecord, Timeline } from '../../engine';
import { buildScenario, type CScenario } from '../c/scenario';
import type { Lesson, LessonRun } from './types';

/** No lesson comes near this; a run that reaches it is a broken lesson. */
const STEP_LIMIT = 20_000;

/** A lesson run with what the app shows besides the questions: the code, the timeline, the ending. */
export interface FinishedLessonRun extends LessonRun {
  /** The C scenario the seed chose (its files are the code the learner reads). */
  scenario: CScenario;
  /** The recorded run, for stepping through it; `kernelAt` reads the same timeline. */
  timeline: Timeline;
  ending: Ending;
}

/**
 * Builds the lesson's scenario for `seed` and runs it to its end with the default schedule.
 * Throws when a program does not compile: a lesson's C is part of the app and must build.
 */
export function runLesson(lesson: Lesson, seed: number): FinishedLessonRun {
  const scenario = lesson.scenario(seed);
  const built = buildScenario(scenario);
  if (!built.machine) {
    const first = built.diagnostics[0];
    throw new Error(`lesson ${lesson.id} (seed ${seed}) does not build: ${first?.message ?? 'no program'}`);
  }
  // The timeline advances the machine it is given in place, so its kernel is the latest state.
  const head = built.machine;
  const timeline = new Timeline(head);
  const steps: StepRecord[] = [];
  const names = new Map<number, string>();
  const noteNames = () => {
    for (const p of head.kernel.procs.values()) names.set(p.pid, p.name);
  };
  noteNames();
  let ending: Ending = { kind: 'limit', steps: STEP_LIMIT };
  while (steps.length < STEP_LIMIT) {
    const s = timeline.extend();
    if (!('index' in s)) {
      ending = s;
      break;
    }
    steps.push(s);
    if (s.call?.name === 'fork') noteNames();
  }
  return {
    steps,
    names,
    seed,
    scenario,
    timeline,
    ending,
    kernelAt: (i: number) => timeline.stateAt(i).machine.kernel,
  };
}
