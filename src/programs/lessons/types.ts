/**
 * The shape of a lesson: a C scenario (varied by a seed), some narration, and questions asked
 * before chosen steps. Every answer key is computed from the run, never typed by hand.
 */
import type { Kernel, StepRecord } from '../../engine';
import type { CScenario } from '../c/scenario';

/** One lesson of the course. */
export interface Lesson {
  id: string;
  title: string;
  /** One or two sentences: what the lesson shows. */
  summary: string;
  /** A few short paragraphs a learner reads before stepping (what to watch in the diagram). */
  narration: readonly string[];
  /** The C scenario for a seed (0 is the canonical one); variations change backlog, sizes, order. */
  scenario(seed: number): CScenario;
  questions: QuestionSpec[];
}

/** A question, found in a run and asked from it. */
export interface QuestionSpec {
  id: string;
  /**
   * Finds the step (1-based index into the run's steps) BEFORE which the question is asked:
   * the question is about that step. Null when the run has no such step.
   */
  at(run: LessonRun): number | null;
  /** The question about step `at`, its answer key computed from the run. */
  ask(run: LessonRun, at: number): Question;
}

/** A lesson's scenario, run to its end with the engine's default schedule. */
export interface LessonRun {
  steps: StepRecord[];
  /** Every process's name by pid, children included (kept after they are reaped). */
  names: Map<number, string>;
  /**
   * The kernel after step i (0 = the start). It belongs to the run and stays valid until the
   * next call; read what you need from it at once.
   */
  kernelAt(i: number): Kernel;
  seed: number;
}

/** A question as a learner sees it, with its answer key and the explanation shown after. */
export type Question =
  | {
      kind: 'choice';
      prompt: string;
      choices: string[] /** index into choices */;
      answer: number;
      explain: string;
    }
  | { kind: 'number'; prompt: string; answer: number; explain: string };
