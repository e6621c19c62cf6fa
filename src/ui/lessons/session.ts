/**
 * A lesson being taken: its run in the app, and its questions placed at their steps with their
 * answer keys (computed by the lessons' model from the engine, never by hand).
 */
import { Timeline } from '../../engine';
import { buildScenario } from '../../programs/c/scenario';
import { findLesson, type Lesson, type Question, runLesson } from '../../programs/lessons';
import { buildRun, finishRun, type Run } from '../run';

/** A question placed at a step. */
export interface PlacedQuestion {
  id: string;
  /** The step the question is about: it is asked before the cursor reaches it. */
  at: number;
  question: Question;
}

/** An open lesson. */
export interface LessonSession {
  lesson: Lesson;
  seed: number;
  questions: PlacedQuestion[];
}

/** The id a lesson's run goes by in the app (and its URL). */
export const lessonRunId = (id: string) => `lesson-${id}`;

/** Builds a lesson's run and places its questions, for a seed. */
export function openLesson(id: string, seed: number): { run: Run; session: LessonSession } | null {
  const lesson = findLesson(id);
  if (!lesson) return null;
  const c = lesson.scenario(seed);
  const built = buildScenario(c);
  if (!built.machine) throw new Error(`lesson ${id} does not compile for seed ${seed}`);
  const run = finishRun(
    buildRun(
      { id: lessonRunId(id), title: lesson.title, summary: lesson.summary },
      { kind: 'c', c },
      new Timeline(built.machine),
      [],
      [],
    ),
  );
  const model = runLesson(lesson, seed);
  const questions: PlacedQuestion[] = [];
  for (const spec of lesson.questions) {
    const at = spec.at(model);
    if (at === null) continue;
    questions.push({ id: spec.id, at, question: spec.ask(model, at) });
  }
  questions.sort((a, b) => a.at - b.at);
  return { run, session: { lesson, seed, questions } };
}
