/**
 * The app's store: the scenario's run, the cursor, playback and display settings. Everything
 * else (the state at the cursor, its layout, the narration) is derived from these. Its parts
 * live in ./slices; its shape in ./appState.ts.
 */
import { create } from 'zustand';
import type { KernelProfile } from '../engine';
import type { Diagnostic } from '../programs/c/ast';
import { type AppState, embedOptions, SPEEDS } from './appState';
import { cardsLoaded, loadCards } from './cardsLoader';
import { DEFAULT_ID, type Entry, findEntry, isUnloadedCardScenario, openEntry, TRACE_ID } from './library';
import { type Drafts, loadDrafts } from './programs';
import type { Run } from './run';
import { lessonsSlice } from './slices/lessons';
import { linksSlice } from './slices/links';
import { playbackSlice } from './slices/playback';
import { programsSlice } from './slices/programs';
import { entryFor, stopBuilding } from './slices/shared';
import { tracesSlice } from './slices/traces';
import { keptTrace } from './trace/kept';

export { type AppState, type EmbedOptions, embedOptions, type Move, SPEEDS, type Theme } from './appState';

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
  // A reference card's error scenario opens once the cards have loaded.
  const traceLater =
    (id === TRACE_ID && keptTrace() !== null) ||
    params.has('program') ||
    (id !== null && isUnloadedCardScenario(id));
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
  openScenario(id, step = 0) {
    if (id === TRACE_ID) {
      const kept = keptTrace();
      if (kept) {
        get().importTrace(kept.text, kept.title, step);
        return;
      }
    }
    if (isUnloadedCardScenario(id) && !cardsLoaded()) {
      loadCards().then(
        () => get().openScenario(id, step),
        () => set({ notice: 'The reference cards could not be loaded; reload the page and try again.' }),
      );
      return;
    }
    stopBuilding();
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
  setNotice(notice) {
    set({ notice });
  },
  setLargeType(largeType) {
    set({ largeType });
  },
  setTheme(theme) {
    set({ theme });
  },
  ...lessonsSlice(set, get),
  ...programsSlice(set, get),
  ...tracesSlice(set, get),
  ...linksSlice(set, get),
  ...playbackSlice(set, get),
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
  const id = params.get('scenario');
  if ((id === TRACE_ID && keptTrace()) || (id !== null && isUnloadedCardScenario(id))) {
    setTimeout(() => useApp.getState().openScenario(id, Number(params.get('step') ?? 0)), 0);
  }
}
