/** Moving through the run: steps, jumps, playback, the step a lesson question holds back, choosing the next process. */

import type { StoreApi } from 'zustand';
import type { AppState, Move } from '../appState';
import { branchRun } from '../run';
import { clamp } from './shared';

type Set = StoreApi<AppState>['setState'];
type Get = () => AppState;

/** The store's playback part. */
export function playbackSlice(set: Set, get: Get) {
  return {
    lastStep() {
      const { run, embed } = get();
      return Math.min(run.steps.length, embed?.end ?? Number.POSITIVE_INFINITY);
    },
    gate(target) {
      const { session, progress } = get();
      if (!session) return target;
      const answers = progress[session.lesson.id]?.answers ?? {};
      for (const q of session.questions) {
        const a = answers[q.id];
        if (q.at <= target && !(a && a.seed === session.seed)) return q.at - 1;
      }
      return target;
    },
    goTo(step) {
      const cursor = clamp(get().gate(step), 0, get().lastStep());
      set({ cursor, lastMove: cursor === get().cursor + 1 ? 'forward' : 'jump' });
    },
    stepForward() {
      const { cursor } = get();
      if (get().gate(cursor + 1) === cursor) set({ playing: false });
      else if (cursor < get().lastStep()) set({ cursor: cursor + 1, lastMove: 'forward' });
      else set({ playing: false });
    },
    stepBack() {
      set({ cursor: Math.max(0, get().cursor - 1), lastMove: 'jump' });
    },
    restart() {
      set({ cursor: 0, lastMove: 'jump', playing: false });
    },
    toEnd() {
      set({ cursor: get().gate(get().lastStep()), lastMove: 'jump', playing: false });
    },
    play() {
      const { cursor, embed } = get();
      const start = embed?.start ?? 0;
      set({
        playing: true,
        ...(cursor >= get().lastStep() ? { cursor: start, lastMove: 'jump' as Move } : {}),
      });
    },
    pause() {
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
    },
    chooseNext(pid) {
      const { run, cursor } = get();
      const next = branchRun(run, cursor, pid);
      set({
        run: next,
        cursor: Math.min(cursor + 1, next.steps.length),
        lastMove: 'forward',
        playing: false,
      });
    },
  } satisfies Partial<AppState>;
}
