/**
 * The shape of the app's store (src/ui/store.ts): the run, the cursor and playback, display
 * settings, the user's programs and traces, lessons, and what a link or an embed asked for.
 */

import type { KernelProfile } from '../engine';
import type { Diagnostic } from '../programs/c/ast';
import type { CScenario } from '../programs/c/scenario';
import type { Progress as LessonsProgress } from './lessons/progress';
import type { LessonSession } from './lessons/session';
import type { Drafts } from './programs';
import type { Progress, Run } from './run';

/** The colour themes: the system's, light, dark, and a high-contrast one for projectors. */
export type Theme = 'auto' | 'light' | 'dark' | 'projector';

/** What ?embed=1 may say about the embedded view. */
export interface EmbedOptions {
  controls: boolean;
  autoplay: boolean;
  /** The step it starts at (and Play returns to). */
  start: number;
  /** The last step it may show, or null for the run's end. */
  end: number | null;
  view: 'diagram' | 'code' | 'sequence';
}

/** The embed options in a URL, or null when it is not an embed. */
export function embedOptions(params: URLSearchParams): EmbedOptions | null {
  if (params.get('embed') !== '1') return null;
  const num = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : null);
  const view = params.get('view');
  return {
    controls: params.get('controls') !== '0',
    autoplay: params.get('autoplay') === '1',
    start: num(params.get('step')) ?? 0,
    end: num(params.get('end')),
    view: view === 'code' || view === 'sequence' ? view : 'diagram',
  };
}

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
  theme: Theme;
  /** The user's edited programs, by scenario id (saved in the browser). */
  drafts: Drafts;
  /** What the last build of the current programs said (errors and warnings, with their lines). */
  diagnostics: Diagnostic[];
  /** How many steps a run of the user's programs may take before it is stopped. */
  stepLimit: number;
  setStepLimit(n: number): void;
  /** A run being built (how far it has got), or null. */
  building: Progress | null;
  /** A line the editor should show (a diagnostic the user picked); `at` makes each request new. */
  reveal: { file: string; line: number; at: number } | null;
  revealLine(file: string, line: number): void;
  openScenario(id: string, step?: number): void;
  /** The C programs of the current scenario as the user has them (null for a script scenario). */
  program(): CScenario | null;
  editFile(file: string, text: string): void;
  setStdin(process: number, text: string): void;
  /** Compiles the current programs and runs them from the start. */
  runPrograms(): void;
  stopRun(): void;
  /** Forgets the user's edits of the current scenario. */
  resetPrograms(): void;
  /** Opens a scenario file (JSON); returns an error message, or null. */
  importScenario(text: string): string | null;
  /** A trace being replayed in the worker: how far it got. */
  importing: { name: string; phase: string; done: number; total: number } | null;
  /** The verdict of the trace being prepared for the views (shown before the views are ready). */
  pendingVerdict: string | null;
  /** Imports a trace (strace text); `step` is where to open it. Problems go to the notice. */
  importTrace(text: string, name: string, step?: number): void;
  /** Opens what a user dropped, pasted or picked: a scenario file (JSON) or a trace. */
  importFile(name: string, text: string): void;
  /** A link to exactly what is on screen, or null when it would be too long (offer the file). */
  shareLink(): Promise<string | null>;
  /** Opens what a link says: its programs (if any), the processes chosen, and the step. */
  openLink(params: URLSearchParams): Promise<void>;
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
  setTheme(theme: Theme): void;
  /** Embedded in another page (?embed=1): the options it was given, or null. */
  embed: EmbedOptions | null;
  /** The last step the controls may reach (the run's end, or an embed's `end`). */
  lastStep(): number;
  /** Whether the list of lessons is shown (?lessons). */
  lessonsOpen: boolean;
  setLessonsOpen(open: boolean): void;
  /** The lesson being taken, with its questions placed at their steps. */
  session: LessonSession | null;
  /** The learner's answers and variations, per lesson (saved in the browser). */
  progress: LessonsProgress;
  openLesson(id: string, seed?: number): void;
  /** Checks an answer to a question of the open lesson and keeps it. */
  answer(questionId: string, given: string): boolean;
  /** Asks a question again in a new variation of the lesson (a new seed). */
  retryQuestion(questionId: string): void;
  resetLessons(): void;
  /** The step the learner may reach before the next unanswered question (or the end). */
  gate(target: number): number;
  /** The reference card shown (a call name; '' for the list of cards), or null for none. */
  card: string | null;
  setCard(call: string | null): void;
  /** Which kernel the C scenarios run on: Linux (verified against the real kernel) or 4.3BSD. */
  profile: KernelProfile;
  setProfile(profile: KernelProfile): void;
  /** Presentation mode: full screen, large type, captions. */
  presenting: boolean;
  setPresenting(on: boolean): void;
}
