/**
 * The app's store: the scenario's run, the cursor, playback and display settings. Everything
 * else (the state at the cursor, its layout, the narration) is derived from these.
 */
import { create } from 'zustand';
import { DEFAULT_SCENARIO, findScenario } from '../programs/scenarios';
import { branchRun, type Run, runScenario } from './run';

/** How the cursor last moved: a step forward animates, anything else snaps. */
export type Move = 'forward' | 'jump';

/** Playback speeds, in steps per second. */
export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface AppState {
  run: Run;
  cursor: number;
  lastMove: Move;
  playing: boolean;
  speed: number;
  /** A message for the user about something that went wrong (an unknown scenario in a link...). */
  notice: string | null;
  largeType: boolean;
  theme: 'auto' | 'light' | 'dark';
  openScenario(id: string, step?: number): void;
  goTo(step: number): void;
  stepForward(): void;
  stepBack(): void;
  restart(): void;
  toEnd(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  chooseNext(pid: number): void;
  setNotice(notice: string | null): void;
  setLargeType(on: boolean): void;
  setTheme(theme: 'auto' | 'light' | 'dark'): void;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The scenario, step and notice a page opens with: from `?scenario=ID&step=N`, else the default. */
function initialState(): { run: Run; cursor: number; notice: string | null } {
  const params =
    typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
  const id = params.get('scenario');
  const stepText = params.get('step');
  const scenario = id === null ? DEFAULT_SCENARIO : findScenario(id);
  const notices: string[] = [];
  if (!scenario)
    notices.push(`There is no scenario called "${id}", so the default scenario is shown instead.`);
  const run = runScenario(scenario ?? DEFAULT_SCENARIO);
  let cursor = stepText === null ? 0 : Number(stepText);
  if (!Number.isInteger(cursor) || cursor < 0 || cursor > run.steps.length) {
    notices.push(
      `Step ${stepText} is outside this scenario (it has steps 0 to ${run.steps.length}), so it opens at the start.`,
    );
    cursor = 0;
  }
  return { run, cursor, notice: notices.length > 0 ? notices.join(' ') : null };
}

/** The store behind every component. */
export const useApp = create<AppState>((set, get) => ({
  ...initialState(),
  lastMove: 'jump',
  playing: false,
  speed: 1,
  largeType: false,
  theme: 'auto',
  openScenario(id, step = 0) {
    const s = findScenario(id);
    const notices: string[] = [];
    if (!s) notices.push(`There is no scenario called "${id}", so the default scenario is shown instead.`);
    const run = runScenario(s ?? DEFAULT_SCENARIO);
    let cursor = step;
    if (!Number.isInteger(step) || step < 0 || step > run.steps.length) {
      notices.push(
        `Step ${step} is outside this scenario (it has steps 0 to ${run.steps.length}), so it opens at the start.`,
      );
      cursor = 0;
    }
    set({ run, cursor, lastMove: 'jump', playing: false, notice: notices.length ? notices.join(' ') : null });
  },
  goTo(step) {
    const cursor = clamp(step, 0, get().run.steps.length);
    set({ cursor, lastMove: cursor === get().cursor + 1 ? 'forward' : 'jump' });
  },
  stepForward() {
    const { cursor, run } = get();
    if (cursor < run.steps.length) set({ cursor: cursor + 1, lastMove: 'forward' });
    else set({ playing: false });
  },
  stepBack() {
    set({ cursor: Math.max(0, get().cursor - 1), lastMove: 'jump' });
  },
  restart() {
    set({ cursor: 0, lastMove: 'jump', playing: false });
  },
  toEnd() {
    set({ cursor: get().run.steps.length, lastMove: 'jump', playing: false });
  },
  play() {
    const { cursor, run } = get();
    set({ playing: true, ...(cursor >= run.steps.length ? { cursor: 0, lastMove: 'jump' as Move } : {}) });
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
    set({ run: next, cursor: Math.min(cursor + 1, next.steps.length), lastMove: 'forward', playing: false });
  },
  setNotice(notice) {
    set({ notice });
  },
  setLargeType(largeType) {
    set({ largeType });
  },
  setTheme(theme) {
    set({ theme });
  },
}));
