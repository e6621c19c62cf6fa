/**
 * What a replay reports: the divergences between the model and the recording, counts, and what
 * replaying each line did; with the words used to show them.
 */
import type { KernelEvent, Syscall, SysResult } from '../../engine';
import type { SLine } from '../strace/types';

/** One place where the model and the recording disagree. */
export interface Divergence {
  lineNo: number;
  pid: number;
  call: string;
  recorded: string;
  simulated: string;
  detail: string[];
}

/** Options of a replay. */
export interface ReplayOptions {
  /** Forbid explanations by sockets outside the trace (a trace that holds every process). */
  strict?: boolean;
}

/** The outcome of replaying a trace. */
export interface ReplayReport {
  /** Modelled calls compared. */
  calls: number;
  match: number;
  differ: number;
  /** Calls that matched thanks to activity outside the trace. */
  explained: number;
  /** Calls kept with their recorded results. */
  other: number;
  divergences: Divergence[];
  malformed: { lineNo: number; message: string; text: string }[];
  processes: { pid: number; name: string; parent: number | null; thread: boolean }[];
  /** Notes about what the outside world did, by line. */
  outsideActions: { lineNo: number; what: string }[];
}

/** What replaying one line did. */
export interface LineStep {
  line: SLine;
  pid: number;
  /** match / differ / explained: a modelled call compared; other: kept with its recorded result; none: nothing to compare. */
  verdict: 'match' | 'differ' | 'explained' | 'other' | 'none';
  divergence: Divergence | null;
  /** What the world outside the trace did to explain the recorded result. */
  explanation: string | null;
  /** The modelled call made for the line (the last, when it took several), and its result. */
  call: Syscall | null;
  result: SysResult | null;
  events: KernelEvent[];
}

/** The summary line of a report. */
export function summaryLine(r: ReplayReport): string {
  let s = `replayed ${r.calls} calls: ${r.match} match, ${r.differ} differ`;
  if (r.explained > 0) s += `, ${r.explained} explained by processes outside the trace`;
  return s;
}

/** A call in C-like words: `read(4, 100)`. */
export function describeCall(c: Syscall): string {
  const parts: string[] = [];
  for (const [key, v] of Object.entries(c)) {
    if (key === 'name') continue;
    if (v instanceof Uint8Array) parts.push(`${v.length} bytes`);
    else if (v === null || typeof v === 'object') continue;
    else parts.push(String(v));
  }
  return `${c.name}(${parts.join(', ')})`;
}
