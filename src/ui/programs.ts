/**
 * The user's programs: their edits of each scenario's C files (and stdin), kept in the
 * browser's storage so that a reload, a crash or a closed tab never loses them.
 */
import { type CScenario, parseScenario } from '../programs/c/scenario';

const KEY = 'rendezvous.programs.v1';

/** Edited scenarios by scenario id. */
export type Drafts = Record<string, CScenario>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The drafts saved in this browser (bad or foreign data is ignored, never thrown). */
export function loadDrafts(): Drafts {
  const text = storage()?.getItem(KEY);
  if (!text) return {};
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const out: Drafts = {};
    for (const [id, value] of Object.entries(raw)) {
      const parsed = parseScenario(JSON.stringify(value));
      if ('scenario' in parsed) out[id] = parsed.scenario;
    }
    return out;
  } catch {
    return {};
  }
}

/** Saves the drafts; returns an error message when the browser refuses (storage full or off). */
export function saveDrafts(drafts: Drafts): string | null {
  const s = storage();
  if (!s) return 'This browser does not let the page keep your programs; copy them out before you leave.';
  try {
    s.setItem(KEY, JSON.stringify(drafts));
    return null;
  } catch (e) {
    return `Your programs could not be saved in this browser (${e instanceof Error ? e.message : String(e)}).`;
  }
}

/** A scenario as the JSON file the app exports and `npm run sim` reads. */
export function scenarioJson(c: CScenario): string {
  const out: Record<string, unknown> = {
    title: c.title,
    files: c.files,
    processes: c.processes.map((p) => ({
      name: p.name,
      program: p.program,
      argv: p.argv,
      stdin: p.stdin,
      cwd: p.cwd,
    })),
  };
  if (c.dirs.length > 0) out.dirs = c.dirs;
  return `${JSON.stringify(out, null, 2)}\n`;
}
