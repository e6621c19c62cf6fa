/** What the store's parts share: the run being built, drafts, and the scenario an id names. */
import type { StoreApi } from 'zustand';
import type { CScenario } from '../../programs/c/scenario';
import type { AppState } from '../appState';
import { type Entry, findEntry, SHARED, USER_IDS } from '../library';
import { type Drafts, saveDrafts } from '../programs';
import type { Progress, Run, RunControl } from '../run';

export const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The run being built in slices (a C run, or a trace's views), so Stop can reach it. */
export const active: { control: RunControl | null } = { control: null };

/** Stops the run being built, if any. */
export function stopBuilding(): void {
  if (active.control) active.control.stop = true;
}

export /** The entry for an id: a library scenario, or the user's imported one. */
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

export /** The text of a run that stopped early. */
function endNotice(run: Run): string | null {
  if (run.stopped) return `You stopped the run after ${run.steps.length} steps.`;
  if (run.ending?.kind === 'limit')
    return `The run stopped at the step limit (${run.steps.length} steps): a program may be in an endless loop.`;
  return null;
}

export /** The library's own programs for an id (null for an imported or script scenario). */
function entryCOf(id: string, drafts: Drafts): CScenario | null {
  const e = entryFor(id, drafts);
  return e?.kind === 'c' ? e.c : null;
}

/** Keeps a draft in the store and in the browser's storage. */
export function keepDraft(
  set: StoreApi<AppState>['setState'],
  get: () => AppState,
  id: string,
  c: CScenario,
): void {
  const drafts = { ...get().drafts, [id]: c };
  const error = saveDrafts(drafts);
  set({ drafts, ...(error ? { notice: error } : {}) });
}

/**
 * Builds a run in slices of about 12 ms, so the page keeps painting: each pause reports the
 * progress, and `done` gets the run unless Stop (or another run) took its place.
 */
export function drive(
  gen: Generator<Progress, Run>,
  control: RunControl,
  set: StoreApi<AppState>['setState'],
  done: (run: Run) => void,
): void {
  active.control = control;
  const slice = () => {
    if (active.control !== control) return;
    const start = performance.now();
    let r = gen.next();
    while (!r.done && performance.now() - start < 12) r = gen.next();
    if (!r.done) {
      set({ building: r.value });
      setTimeout(slice, 0);
      return;
    }
    active.control = null;
    done(r.value);
  };
  setTimeout(slice, 0);
}
