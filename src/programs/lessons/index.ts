/** The course: lessons in order, each a seeded C scenario with questions answered by the engine. */
import { clients } from './clients';
import { closing } from './closing';
import { concurrent } from './concurrent';
import { data } from './data';
import { datagrams } from './datagrams';
import { naming } from './naming';
import { servers } from './servers';
import { shutdown } from './shutdown';
import { socketpair } from './socketpair';
import type { Lesson } from './types';

export { type FinishedLessonRun, runLesson } from './run';
export type { Lesson, LessonRun, Question, QuestionSpec } from './types';

/** Every lesson, in course order. */
export const LESSONS: readonly Lesson[] = [
  naming,
  servers,
  clients,
  data,
  closing,
  shutdown,
  concurrent,
  datagrams,
  socketpair,
];

/** The lesson with this id, or undefined. */
export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
