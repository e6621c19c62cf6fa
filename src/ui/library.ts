/**
 * The scenarios the app can open: the library (C programs; the script-only benchmark
 * scenario stays hidden), and the user's own, imported scenario.
 */
import { type KernelProfile, Timeline } from '../engine';
import type { Diagnostic } from '../programs/c/ast';
import { buildScenario, type CScenario } from '../programs/c/scenario';
import type { CARDS } from '../programs/reference';
import { HIDDEN_SCENARIOS, type Scenario } from '../programs/scenarios';
import { C_SCENARIOS } from '../programs/scenarios/c';
import type { Drafts } from './programs';
import { buildRun, finishRun, type Run, runScenario, type ScenarioMeta } from './run';

/** A scenario the app can open. */
export type Entry = { kind: 'c'; meta: ScenarioMeta; c: CScenario } | { kind: 'script'; scenario: Scenario };

/** The id under which an imported scenario file is kept. */
export const IMPORTED = 'imported';

/** The id of a scenario that came in a link (a permalink with edited programs). */
export const SHARED = 'shared';

/** Ids of the user's own scenarios, not the library's. */
export const USER_IDS: readonly string[] = [IMPORTED, SHARED];

/** The id of an imported trace (kept in the browser, replayed again when opened). */
export const TRACE_ID = 'trace';

/** What the scenario picker lists, in course order. */
export const LIBRARY: readonly ScenarioMeta[] = C_SCENARIOS.map(({ id, title, summary }) => ({
  id,
  title,
  summary,
}));

/** The scenario a fresh page opens on. */
export const DEFAULT_ID = LIBRARY[0].id;

type CardScenario = (typeof CARDS)[number]['errors'][number]['scenario'];

/** The scenarios of the reference cards' errors (`card-listen-EINVAL`), by id, once the cards have loaded. */
const CARD_SCENARIOS = new Map<string, CardScenario>();

/** Makes the cards' error scenarios openable (cardsLoader.ts loads the cards). */
export function registerCardScenarios(cards: typeof CARDS): void {
  for (const card of cards) for (const e of card.errors) CARD_SCENARIOS.set(e.scenario.id, e.scenario);
}

/** Whether an id names a reference card's error scenario that has not loaded yet. */
export function isUnloadedCardScenario(id: string): boolean {
  return id.startsWith('card-') && !CARD_SCENARIOS.has(id);
}

/** The library scenario with this id (C, a reference card's error, or the hidden script ones), or undefined. */
export function findEntry(id: string): Entry | undefined {
  const c = C_SCENARIOS.find((s) => s.id === id) ?? CARD_SCENARIOS.get(id);
  if (c) return { kind: 'c', meta: { id: c.id, title: c.title, summary: c.summary }, c: c.scenario };
  const script = HIDDEN_SCENARIOS.find((s) => s.id === id);
  return script ? { kind: 'script', scenario: script } : undefined;
}

/**
 * Opens an entry at once (library scenarios are small): the user's draft when it compiles,
 * else the original with the draft's errors reported. Returns the run, diagnostics and notices.
 */
export function openEntry(
  entry: Entry,
  drafts: Drafts,
  profile: KernelProfile = 'linux',
): { run: Run; diagnostics: Diagnostic[]; notices: string[] } {
  if (entry.kind === 'script') return { run: runScenario(entry.scenario), diagnostics: [], notices: [] };
  const notices: string[] = [];
  const draft = drafts[entry.meta.id];
  let c = draft ?? entry.c;
  let built = buildScenario(c, profile);
  const diagnostics = built.diagnostics;
  if (!built.machine && draft && draft !== entry.c && !USER_IDS.includes(entry.meta.id)) {
    notices.push(
      `Your edited programs for "${entry.meta.title}" do not compile yet, so the original runs until you fix them (see the errors beside the code).`,
    );
    c = entry.c;
    built = buildScenario(c, profile);
  }
  if (!built.machine) {
    const first = built.diagnostics.find((d) => d.severity === 'error');
    throw new Error(
      `scenario ${entry.meta.id} does not compile: ${first?.pos.file}:${first?.pos.line}: ${first?.message}`,
    );
  }
  const run = finishRun(buildRun(entry.meta, { kind: 'c', c }, new Timeline(built.machine), [], []));
  return { run, diagnostics, notices };
}

/** A library scenario's run as it ships (for tests and tools). */
export function runLibrary(id: string): Run {
  const entry = findEntry(id);
  if (!entry) throw new Error(`no scenario ${id}`);
  return openEntry(entry, {}).run;
}
