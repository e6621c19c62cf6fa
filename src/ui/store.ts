/**
 * The app's store: the scenario's run, the cursor, playback and display settings. Everything
 * else (the state at the cursor, its layout, the narration) is derived from these.
 */
import { create } from 'zustand';
import { type KernelProfile, Timeline } from '../engine';
import type { Diagnostic } from '../programs/c/ast';
import { buildScenario, type CScenario, parseScenario } from '../programs/c/scenario';
import { summaryLine } from '../programs/replay/replay';
import { type Progress as LessonsProgress, loadProgress, saveProgress } from './lessons/progress';
import { type LessonSession, openLesson } from './lessons/session';
import {
  DEFAULT_ID,
  type Entry,
  findEntry,
  IMPORTED,
  openEntry,
  SHARED,
  TRACE_ID,
  USER_IDS,
} from './library';
import { parseBranches, permalink, unpack } from './permalink';
import { type Drafts, loadDrafts, saveDrafts, scenarioJson } from './programs';
import {
  branchRun,
  buildRun,
  MAX_STEP_LIMIT,
  type Progress,
  type Run,
  type RunControl,
  type ScenarioMeta,
  STEP_LIMIT,
} from './run';
import { keepTrace, keptTrace, refuse, replayInWorker } from './trace/importTrace';
import { buildTraceRun } from './trace/traceRun';

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

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The entry for an id: a library scenario, or the user's imported one. */
function entryFor(id: string, drafts: Drafts): Entry | undefined {
  if (USER_IDS.includes(id) && drafts[id]) {
    const c = drafts[id];
    const how = id === SHARED ? 'Shared' : 'Imported';
    return {
      kind: 'c',
      meta: {
        id,
        title: `${how}: ${c.title}`,
        summary: `A scenario ${id === SHARED ? 'from a link' : 'you imported'}.`,
      },
      c,
    };
  }
  return findEntry(id);
}

/** The scenario, step and notice a page opens with: from `?scenario=ID&step=N`, else the default. */
function initialState(): {
  run: Run;
  cursor: number;
  notice: string | null;
  drafts: Drafts;
  diagnostics: Diagnostic[];
} {
  const params =
    typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
  const id = params.get('scenario');
  const stepText = params.get('step');
  const drafts = loadDrafts();
  const entry = entryFor(id ?? DEFAULT_ID, drafts);
  const notices: string[] = [];
  // A kept trace opens once the page is up (it is replayed in a worker); meanwhile the default shows.
  const traceLater = (id === TRACE_ID && keptTrace() !== null) || params.has('program');
  if (!entry && !traceLater)
    notices.push(`There is no scenario called "${id}", so the default scenario is shown instead.`);
  const opened = openEntry(entry ?? (findEntry(DEFAULT_ID) as Entry), drafts, initialProfile());
  notices.push(...opened.notices);
  const run = opened.run;
  let cursor = stepText === null || traceLater ? 0 : Number(stepText);
  if (!Number.isInteger(cursor) || cursor < 0 || cursor > run.steps.length) {
    notices.push(
      `Step ${stepText} is outside this scenario (it has steps 0 to ${run.steps.length}), so it opens at the start.`,
    );
    cursor = 0;
  }
  return {
    run,
    cursor,
    notice: notices.length > 0 ? notices.join(' ') : null,
    drafts,
    diagnostics: opened.diagnostics,
  };
}

/** The kernel a link asks for (?profile=4.3bsd), else Linux. */
function initialProfile(): KernelProfile {
  if (typeof window === 'undefined') return 'linux';
  return new URLSearchParams(window.location.search).get('profile') === '4.3bsd' ? '4.3bsd' : 'linux';
}

/** The speed a link asks for (?speed=2), else 1. */
function initialSpeed(): number {
  if (typeof window === 'undefined') return 1;
  const v = Number(new URLSearchParams(window.location.search).get('speed'));
  return (SPEEDS as readonly number[]).includes(v) ? v : 1;
}

/** The run being built in slices, so Stop can reach it. */
let building: RunControl | null = null;

/** The text of a run that stopped early. */
function endNotice(run: Run): string | null {
  if (run.stopped) return `You stopped the run after ${run.steps.length} steps.`;
  if (run.ending?.kind === 'limit')
    return `The run stopped at the step limit (${run.steps.length} steps): a program may be in an endless loop.`;
  return null;
}

/** The library's own programs for an id (null for an imported or script scenario). */
function entryCOf(id: string, drafts: Drafts): CScenario | null {
  const e = entryFor(id, drafts);
  return e?.kind === 'c' ? e.c : null;
}

/** Keeps a draft in the store and in the browser's storage. */
function keepDraft(id: string, c: CScenario): void {
  const drafts = { ...useApp.getState().drafts, [id]: c };
  const error = saveDrafts(drafts);
  useApp.setState({ drafts, ...(error ? { notice: error } : {}) });
}

/** The store behind every component. */
export const useApp = create<AppState>((set, get) => ({
  ...initialState(),
  lastMove: 'jump',
  playing: false,
  speed: initialSpeed(),
  largeType: false,
  theme: 'auto',
  embed: typeof window === 'undefined' ? null : embedOptions(new URLSearchParams(window.location.search)),
  presenting: false,
  profile: initialProfile(),
  card: typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('call'),
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
    if (building) building.stop = true;
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
  setCard(card) {
    set({ card });
    const params = new URLSearchParams(window.location.search);
    if (card === null) params.delete('call');
    else params.set('call', card);
    window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
  },
  setProfile(profile) {
    set({ profile });
    const { run, cursor } = get();
    if (run.source.kind !== 'c') return;
    get().openScenario(run.scenario.id);
    get().goTo(cursor);
  },
  setPresenting(presenting) {
    set({
      presenting,
      largeType: presenting || get().largeType,
      theme: presenting ? 'projector' : get().theme === 'projector' ? 'auto' : get().theme,
    });
  },
  building: null,
  reveal: null,
  stepLimit: STEP_LIMIT,
  setStepLimit(n) {
    if (Number.isInteger(n) && n >= 100 && n <= MAX_STEP_LIMIT) set({ stepLimit: n });
  },
  revealLine(file, line) {
    set({ reveal: { file, line, at: Date.now() } });
  },
  openScenario(id, step = 0) {
    if (id === TRACE_ID) {
      const kept = keptTrace();
      if (kept) {
        get().importTrace(kept.text, kept.title, step);
        return;
      }
    }
    if (building) building.stop = true;
    const { drafts } = get();
    const entry = entryFor(id, drafts);
    const notices: string[] = [];
    if (!entry)
      notices.push(`There is no scenario called "${id}", so the default scenario is shown instead.`);
    const opened = openEntry(entry ?? (findEntry(DEFAULT_ID) as Entry), drafts, get().profile);
    notices.push(...opened.notices);
    const run = opened.run;
    let cursor = step;
    if (!Number.isInteger(step) || step < 0 || step > run.steps.length) {
      notices.push(
        `Step ${step} is outside this scenario (it has steps 0 to ${run.steps.length}), so it opens at the start.`,
      );
      cursor = 0;
    }
    set({
      run,
      cursor,
      lastMove: 'jump',
      playing: false,
      building: null,
      session: null,
      diagnostics: opened.diagnostics,
      notice: notices.length ? notices.join(' ') : null,
    });
  },
  program() {
    const { run, drafts } = get();
    if (run.source.kind !== 'c') return null;
    return drafts[run.scenario.id] ?? entryCOf(run.scenario.id, drafts) ?? run.source.c;
  },
  editFile(file, text) {
    const c = get().program();
    if (!c || c.files[file] === text) return;
    keepDraft(get().run.scenario.id, { ...c, files: { ...c.files, [file]: text } });
  },
  setStdin(index, text) {
    const c = get().program();
    if (!c?.processes[index]) return;
    const processes = c.processes.map((p, i) => (i === index ? { ...p, stdin: text } : p));
    keepDraft(get().run.scenario.id, { ...c, processes });
  },
  runPrograms() {
    const c = get().program();
    if (!c) return;
    if (building) building.stop = true;
    const meta: ScenarioMeta = get().run.scenario;
    const built = buildScenario(c, get().profile);
    const errors = built.diagnostics.filter((d) => d.severity === 'error').length;
    if (!built.machine) {
      set({
        diagnostics: built.diagnostics,
        notice: `The programs did not compile: ${errors} error${errors === 1 ? '' : 's'}, shown beside the code. The last run stays on screen.`,
      });
      return;
    }
    const control: RunControl = { stop: false, limit: get().stepLimit };
    building = control;
    const gen = buildRun(meta, { kind: 'c', c }, new Timeline(built.machine), [], [], control);
    set({
      diagnostics: built.diagnostics,
      building: { steps: 0, prepared: 0 },
      playing: false,
      notice: null,
    });
    const slice = () => {
      if (building !== control) return;
      const start = performance.now();
      let r = gen.next();
      while (!r.done && performance.now() - start < 12) r = gen.next();
      if (!r.done) {
        set({ building: r.value });
        setTimeout(slice, 0);
        return;
      }
      building = null;
      set({
        run: r.value,
        cursor: 0,
        lastMove: 'jump',
        building: null,
        session: null,
        notice: endNotice(r.value),
      });
    };
    setTimeout(slice, 0);
  },
  stopRun() {
    if (building) building.stop = true;
  },
  resetPrograms() {
    const id = get().run.scenario.id;
    const drafts = { ...get().drafts };
    delete drafts[id];
    const error = saveDrafts(drafts);
    set({ drafts, notice: error });
    if (!USER_IDS.includes(id)) get().openScenario(id);
  },
  importing: null,
  pendingVerdict: null,
  importTrace(text, name, step = 0) {
    const refusal = refuse(name, text);
    if (refusal) {
      set({ notice: refusal });
      return;
    }
    if (building) building.stop = true;
    const title = name.replace(/\.(strace|txt|log)$/, '');
    set({ importing: { name, phase: 'reading', done: 0, total: 0 }, notice: null, playing: false });
    replayInWorker(title, text, (phase, done, total) => set({ importing: { name, phase, done, total } }))
      .then((source) => {
        const malformed = source.analysis.report.malformed.length;
        const control: RunControl = { stop: false };
        building = control;
        set({
          importing: null,
          pendingVerdict: summaryLine(source.analysis.report),
          building: { steps: source.analysis.steps.length, prepared: 0 },
        });
        const meta: ScenarioMeta = {
          id: TRACE_ID,
          title: `Trace: ${title}`,
          summary: `An strace log replayed on the kernel model: ${summaryLine(source.analysis.report)}.`,
        };
        const gen = buildTraceRun(meta, source, control);
        const slice = () => {
          if (building !== control) return;
          const start = performance.now();
          let r = gen.next();
          while (!r.done && performance.now() - start < 12) r = gen.next();
          if (!r.done) {
            set({ building: r.value });
            setTimeout(slice, 0);
            return;
          }
          building = null;
          const kept = keepTrace(title, text);
          const notes = [
            malformed > 0
              ? `${malformed} line${malformed === 1 ? ' was' : 's were'} not understood and skipped (listed beside the trace).`
              : '',
            kept ?? '',
            endNotice(r.value) ?? '',
          ].filter(Boolean);
          const cursor = Number.isInteger(step) && step >= 0 && step <= r.value.steps.length ? step : 0;
          set({
            run: r.value,
            cursor,
            lastMove: 'jump',
            building: null,
            session: null,
            pendingVerdict: null,
            diagnostics: [],
            notice: notes.length > 0 ? notes.join(' ') : null,
          });
        };
        setTimeout(slice, 0);
      })
      .catch((err: unknown) => {
        set({
          importing: null,
          notice: `${name} could not be replayed: ${err instanceof Error ? err.message : String(err)}`,
        });
      });
  },
  async shareLink() {
    const { run, cursor, drafts } = get();
    const id = run.scenario.id;
    if (run.source.kind === 'trace') return null;
    const program =
      run.source.kind === 'c' && (USER_IDS.includes(id) || id in drafts) ? scenarioJson(run.source.c) : null;
    const branches = run.branchedAt.map((at): [number, number] => [at, run.steps[at]?.pid ?? 0]);
    const base = `${window.location.origin}${window.location.pathname}`;
    return permalink(base, USER_IDS.includes(id) ? SHARED : id, cursor, {
      program,
      branches,
      profile: get().profile,
    });
  },
  async openLink(params) {
    const data = params.get('program');
    let id = params.get('scenario') ?? DEFAULT_ID;
    if (data) {
      try {
        const parsed = parseScenario(await unpack(data));
        if ('error' in parsed) throw new Error(parsed.error);
        keepDraft(SHARED, parsed.scenario);
        id = SHARED;
      } catch (e) {
        set({
          notice: `The programs in this link could not be read (${e instanceof Error ? e.message : String(e)}); the default scenario is shown instead.`,
        });
        return;
      }
    }
    get().openScenario(id);
    for (const [at, pid] of parseBranches(params.get('branches'))) {
      if (at > get().run.steps.length) break;
      set({ cursor: at });
      get().chooseNext(pid);
    }
    get().goTo(Number(params.get('step') ?? 0));
    // The link has been opened: the programs now live in this browser (?scenario=shared).
    const rest = new URLSearchParams(window.location.search);
    rest.delete('program');
    rest.delete('branches');
    window.history.replaceState(null, '', `${window.location.pathname}?${rest}`);
  },
  importFile(name, text) {
    const trimmed = text.trimStart();
    if (name.endsWith('.json') || trimmed.startsWith('{')) {
      let raw: unknown = null;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = null;
      }
      if (raw && typeof raw === 'object' && typeof (raw as { trace?: unknown }).trace === 'string') {
        const t = raw as { trace: string; title?: unknown };
        get().importTrace(t.trace, typeof t.title === 'string' ? t.title : name);
        return;
      }
      const error = get().importScenario(text);
      if (error) set({ notice: `${name} could not be opened: ${error}` });
      return;
    }
    get().importTrace(text, name);
  },
  importScenario(text) {
    const parsed = parseScenario(text);
    if ('error' in parsed) return parsed.error;
    keepDraft(IMPORTED, parsed.scenario);
    get().openScenario(IMPORTED);
    return null;
  },
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

// ?lesson=ID opens that lesson once the store exists.
if (typeof window !== 'undefined') {
  const lesson = new URLSearchParams(window.location.search).get('lesson');
  if (lesson) useApp.getState().openLesson(lesson);
}

// A permalink with programs or chosen processes is opened once the page is up (unpacking is async).
if (typeof window !== 'undefined') {
  const params = new URLSearchParams(window.location.search);
  if (params.has('program') || params.has('branches'))
    setTimeout(() => void useApp.getState().openLink(params), 0);
}

// An embed with autoplay=1 starts playing at once.
if (useApp.getState().embed?.autoplay) useApp.setState({ playing: true });

// A link to the imported trace (?scenario=trace) replays the trace this browser kept.
if (typeof window !== 'undefined') {
  const params = new URLSearchParams(window.location.search);
  if (params.get('scenario') === TRACE_ID && keptTrace()) {
    setTimeout(() => useApp.getState().openScenario(TRACE_ID, Number(params.get('step') ?? 0)), 0);
  }
}
