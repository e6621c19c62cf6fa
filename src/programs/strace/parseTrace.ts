/**
 * Parses a whole strace text, recognises whether a text is strace output at all, and pairs each
 * `<unfinished ...>` call with the line that resumes it.
 */
import { parseLine } from './parseLine';
import type { SLine, SLineOf, SValue } from './types';

/** A parsed trace: every non-blank line in order, and the malformed ones among them. */
export interface ParsedTrace {
  /** Every non-blank line, malformed ones included, in the order of the text. */
  lines: SLine[];
  /** The lines that could not be parsed, each saying what was expected and where. */
  malformed: SLineOf<'malformed'>[];
}

/** An unfinished call and the line that resumed it. */
export interface ResumedPair {
  unfinished: SLineOf<'unfinished'>;
  resumed: SLineOf<'resumed'>;
}

/** How many of the first non-blank lines {@link looksLikeStrace} looks at. */
const SAMPLE = 20;

/** Where strace's own message starts when it breaks into the middle of a line written to stderr. */
const STRACE_MESSAGE = 'strace: Process ';

/** The note strace writes when a thread's execve replaces the thread group leader. */
const SUPERSEDED = /^\+\+\+ superseded by execve in pid (\d+) \+\+\+$/;

/**
 * Parses every line of a strace text (`\n` or `\r\n` endings, final newline optional). Never throws.
 * When strace writes `strace: Process N attached` into the middle of a call (stderr output without
 * `-o`), the message becomes a note and the call is joined with its continuation on the next line.
 */
export function parseTrace(text: string): ParsedTrace {
  const raw = text.split('\n');
  const count = raw.length > 0 && raw[raw.length - 1] === '' ? raw.length - 1 : raw.length;
  const lines: SLine[] = [];
  const malformed: SLineOf<'malformed'>[] = [];
  for (let i = 0; i < count; i++) {
    const line = raw[i];
    if (isBlank(line)) continue;
    let parsed = parseLine(line, i + 1);
    if (parsed.kind === 'malformed' && i + 1 < count) {
      const at = line.indexOf(STRACE_MESSAGE);
      if (at > 0) {
        const joined = parseLine(line.slice(0, at) + raw[i + 1], i + 1);
        if (joined.kind !== 'malformed') {
          const message = line.slice(at).trimEnd();
          lines.push({ kind: 'note', lineNo: i + 1, pid: null, time: null, text: message });
          parsed = joined;
          i++;
        }
      }
    }
    lines.push(parsed);
    if (parsed.kind === 'malformed') malformed.push(parsed);
  }
  return { lines, malformed };
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * Says whether a text looks like strace output: at least half of its first 20 non-blank lines must
 * be calls, unfinished or resumed calls, signals or process exits. Otherwise `reason` names the
 * first line that is not, and what was expected there.
 */
export function looksLikeStrace(text: string): { ok: boolean; reason?: string } {
  let seen = 0;
  let good = 0;
  let firstBad: SLineOf<'malformed'> | undefined;
  for (let start = 0, lineNo = 1; start <= text.length && seen < SAMPLE; lineNo++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const raw = text.slice(start, end);
    start = end + 1;
    if (isBlank(raw)) continue;
    seen++;
    const line = parseLine(raw, lineNo);
    if (line.kind === 'note') continue;
    if (line.kind === 'malformed') firstBad ??= line;
    else good++;
  }
  if (seen === 0) return { ok: false, reason: 'the text is empty' };
  if (good > 0 && good * 2 >= seen) return { ok: true };
  if (!firstBad) {
    return { ok: false, reason: `none of the first ${seen} lines is a system call, signal or exit line` };
  }
  const column = firstBad.column && firstBad.column > 1 ? ` (column ${firstBad.column})` : '';
  return { ok: false, reason: `line ${firstBad.lineNo} is not a strace line: ${firstBad.message}${column}` };
}

/**
 * Pairs each unfinished call with the next resumed line of the same pid and name. A pid has at most
 * one call in flight, so a new unfinished call, an exit or a kill leaves the previous one unpaired.
 * An execve that supersedes its thread group leader resumes under the leader's pid.
 */
export function pairResumed(lines: readonly SLine[]): { pairs: ResumedPair[]; unpaired: SLine[] } {
  const pending = new Map<number | null, SLineOf<'unfinished'>>();
  const pairs: ResumedPair[] = [];
  const unpaired: SLine[] = [];
  for (const line of lines) {
    if (line.kind === 'malformed') continue;
    if (line.kind === 'note') {
      const execPid = SUPERSEDED.exec(line.text)?.[1];
      const exec = execPid === undefined ? undefined : pending.get(Number(execPid));
      if (exec?.name.startsWith('execve')) {
        const leader = pending.get(line.pid);
        if (leader) unpaired.push(leader);
        pending.delete(exec.pid);
        pending.set(line.pid, exec);
      }
      continue;
    }
    const key = line.kind === 'resumed' && line.pid === null ? soleCall(pending, line.name) : line.pid;
    const open = pending.get(key);
    if (line.kind === 'resumed') {
      if (open && open.name === line.name) {
        pairs.push({ unfinished: open, resumed: line });
        pending.delete(key);
      } else unpaired.push(line);
    } else if (line.kind === 'unfinished' || line.kind === 'exited' || line.kind === 'killed') {
      if (open) unpaired.push(open);
      pending.delete(line.pid);
      if (line.kind === 'unfinished') pending.set(line.pid, line);
    }
  }
  unpaired.push(...pending.values());
  unpaired.sort((a, b) => a.lineNo - b.lineNo);
  return { pairs, unpaired };
}

/**
 * The pid of the only call named `name` in flight, or null. Written to stderr, strace drops the pid
 * column once a single process is left, so a resumption without a pid belongs to that call.
 */
function soleCall(pending: Map<number | null, SLineOf<'unfinished'>>, name: string): number | null {
  let found: number | null = null;
  let count = 0;
  for (const [pid, call] of pending) {
    if (call.name === name) {
      found = pid;
      count++;
    }
  }
  return count === 1 ? found : null;
}

/**
 * The full argument list of a call split over two lines: the unfinished part's arguments, then the
 * resumed part's. When the resumed part starts with `=> value` (clone3), that value completes the
 * last unfinished argument as an `inout`.
 */
export function mergeArgs(pair: ResumedPair): SValue[] {
  const before = pair.unfinished.args;
  const after = pair.resumed.args;
  const first = after[0];
  if (!pair.resumed.continuesArg || first?.kind !== 'inout' || before.length === 0) {
    return [...before, ...after];
  }
  const last = before[before.length - 1];
  return [...before.slice(0, -1), { kind: 'inout', before: last, after: first.after }, ...after.slice(1)];
}
