/** Lessons: the list, the lesson being taken, answers and progress kept in the browser. */

import type { StoreApi } from 'zustand';
import type { AppState } from '../appState';
import { loadProgress, saveProgress } from '../lessons/progress';
import { openLesson } from '../lessons/session';
import { stopBuilding } from './shared';

type Set = StoreApi<AppState>['setState'];
type Get = () => AppState;

/** The store's lessons part. */
export function lessonsSlice(set: Set, get: Get) {
  return {
    lessonsOpen: typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('lessons'),
    setLessonsOpen(lessonsOpen) {
      set({ lessonsOpen });
      const params = new URLSearchParams(window.location.search);
      if (lessonsOpen) params.set('lessons', '');
      else params.delete('lessons');
      window.history.replaceState(
        null,
        '',
        `${window.location.pathname}?${params}`.replace(/lessons=(&|$)/, 'lessons$1'),
      );
    },
    session: null,
    progress: loadProgress(),
    openLesson(id, seed) {
      stopBuilding();
      const s = seed ?? get().progress[id]?.seed ?? 0;
      const opened = openLesson(id, s);
      if (!opened) {
        set({ notice: `There is no lesson called "${id}".`, lessonsOpen: true });
        return;
      }
      const progress = { ...get().progress, [id]: { seed: s, answers: get().progress[id]?.answers ?? {} } };
      const error = saveProgress(progress);
      set({
        run: opened.run,
        session: opened.session,
        progress,
        cursor: 0,
        lastMove: 'jump',
        playing: false,
        lessonsOpen: false,
        diagnostics: [],
        notice: error,
      });
      const params = new URLSearchParams(window.location.search);
      params.delete('lessons');
      params.set('lesson', id);
      window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
    },
    answer(questionId, given) {
      const { session, progress } = get();
      const q = session?.questions.find((x) => x.id === questionId);
      if (!session || !q) return false;
      const correct =
        q.question.kind === 'choice'
          ? Number(given) === q.question.answer
          : Number(given) === q.question.answer && given.trim() !== '';
      const id = session.lesson.id;
      const mine = progress[id] ?? { seed: session.seed, answers: {} };
      const next = {
        ...progress,
        [id]: { ...mine, answers: { ...mine.answers, [questionId]: { given, correct, seed: session.seed } } },
      };
      const error = saveProgress(next);
      set({ progress: next, ...(error ? { notice: error } : {}) });
      return correct;
    },
    retryQuestion(questionId) {
      const { session, progress } = get();
      if (!session) return;
      const id = session.lesson.id;
      const mine = progress[id];
      const answers = { ...(mine?.answers ?? {}) };
      delete answers[questionId];
      const seed = session.seed + 1;
      const next = { ...progress, [id]: { seed, answers } };
      saveProgress(next);
      set({ progress: next });
      get().openLesson(id, seed);
      const q = get().session?.questions.find((x) => x.id === questionId);
      if (q) get().goTo(q.at - 1);
    },
    resetLessons() {
      const listOpen = get().lessonsOpen;
      saveProgress({});
      set({ progress: {} });
      const s = get().session;
      if (s) get().openLesson(s.lesson.id, 0);
      if (listOpen) set({ lessonsOpen: true });
    },
  } satisfies Partial<AppState>;
}
