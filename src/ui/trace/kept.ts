/**
 * The trace kept in the browser across reloads, and a trace as a scenario file. Small and loaded
 * with the page; the parser and the replay load only when a trace is opened (tools.ts).
 */

/** The largest trace kept in the browser's storage across reloads. */
const MAX_KEPT = 3 * 1024 * 1024;
const KEY = 'rendezvous.trace.v1';

/** Keeps the trace for the next visit when it is small enough; says so when it is not. */
export function keepTrace(title: string, text: string): string | null {
  try {
    if (text.length > MAX_KEPT) {
      localStorage.removeItem(KEY);
      return `This trace is too large to keep in the browser: save it as a scenario file to open it again later.`;
    }
    localStorage.setItem(KEY, JSON.stringify({ title, text }));
    return null;
  } catch {
    return 'This browser would not keep the trace: save it as a scenario file to open it again later.';
  }
}

/** The trace kept by an earlier visit, if any. */
export function keptTrace(): { title: string; text: string } | null {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { title?: unknown; text?: unknown };
    return typeof v.title === 'string' && typeof v.text === 'string'
      ? { title: v.title, text: v.text }
      : null;
  } catch {
    return null;
  }
}

/** A trace as a scenario file: `{"title": "...", "trace": "..."}`. */
export function traceScenarioJson(title: string, text: string): string {
  return `${JSON.stringify({ title, trace: text }, null, 2)}\n`;
}
