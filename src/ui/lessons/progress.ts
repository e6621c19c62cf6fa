/**
 * A learner's progress in the lessons, kept in the browser: per lesson, the variation (seed)
 * being worked on and each question's answer (what was given and whether it was right).
 */

const KEY = 'rendezvous.lessons.v1';

/** One answered question. */
export interface Answer {
  given: string;
  correct: boolean;
  /** The variation it was answered in. */
  seed: number;
}

/** A lesson's progress. */
export interface LessonProgress {
  seed: number;
  answers: Record<string, Answer>;
}

export type Progress = Record<string, LessonProgress>;

/** The saved progress (anything unreadable counts as none). */
export function loadProgress(): Progress {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    if (!raw) return {};
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Progress) : {};
  } catch {
    return {};
  }
}

/** Saves the progress; says why when the browser refuses. */
export function saveProgress(p: Progress): string | null {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
    return null;
  } catch (e) {
    return `Your lesson progress could not be saved in this browser (${e instanceof Error ? e.message : String(e)}).`;
  }
}
