/**
 * Parses one line of strace output: the pid and time columns, then a finished, unfinished or
 * resumed call, a signal, a process exit, or one of strace's own notes.
 *
 * The arguments are read by the value grammar in values.ts, never by regular expressions over the
 * whole line, so strings holding ` = `, `)` or `<unfinished` do not confuse it.
 */
import { parseReturn, skipSpaces } from './parseReturn';
import { isDigit, isIdentChar, isIdentStart, ParseError } from './scan';
import type { SInOut, SLine, SLineOf, SValue } from './types';
import { ValueParser } from './values';

/** The pid and time columns that may open a line, and where the rest of the line starts. */
interface Prefix {
  pid: number | null;
  time: string | null;
  body: number;
}

/** What strace prints for an unknown system call: `syscall_0x1c2(...)`. */
const UNKNOWN_SYSCALL = /^syscall_0x[0-9a-f]+$/;

/**
 * Parses one line of strace output. Never throws: a line that cannot be read becomes a
 * `malformed` line saying what was expected and at which 1-based column.
 */
export function parseLine(line: string, lineNo: number): SLine {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  try {
    return parseBody(text, lineNo, readPrefix(text));
  } catch (e) {
    if (e instanceof ParseError) {
      return { kind: 'malformed', lineNo, text, message: e.message, column: e.column };
    }
    const message =
      e instanceof RangeError ? 'expected fewer nested brackets (nested too deep to parse)' : String(e);
    return { kind: 'malformed', lineNo, text, message };
  }
}

/**
 * Reads the pid (`4089  `, `[pid  4089] `, or `4089<comm> ` from `-Y`), a `-t`/`-tt`/`-ttt`/`-r`
 * time, and the `-i`/`-n` bracket after it.
 */
function readPrefix(s: string): Prefix {
  let i = 0;
  let pid: number | null = null;
  const bracketed = s.startsWith('[pid', 0);
  const j = bracketed ? skipSpaces(s, 4) : 0;
  let k = j;
  while (isDigit(s.charCodeAt(k))) k++;
  const digitsEnd = k;
  if (k > j && s.charCodeAt(k) === 60) k = s.indexOf('>', k) + 1;
  if (k > j && s.charCodeAt(k) === (bracketed ? 93 : 32)) {
    pid = Number(s.slice(j, digitsEnd));
    i = bracketed ? k + 1 : k;
  }
  i = skipSpaces(s, i);
  let time: string | null = null;
  if (isDigit(s.charCodeAt(i))) {
    let k = i;
    let marks = 0;
    for (let c = s.charCodeAt(k); isDigit(c) || c === 58 || c === 46; c = s.charCodeAt(++k)) {
      if (!isDigit(c)) marks++;
    }
    if (marks > 0 && s.charCodeAt(k) === 32) {
      time = s.slice(i, k);
      i = skipSpaces(s, k);
    }
  }
  if (s.charCodeAt(i) === 91 && s.charCodeAt(i + 1) !== 112) {
    let k = skipSpaces(s, i + 1);
    while (isIdentChar(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) === 93 && s.charCodeAt(k + 1) === 32 && k > i + 1) i = skipSpaces(s, k + 1);
  }
  return { pid, time, body: i };
}

function parseBody(s: string, lineNo: number, p: Prefix): SLine {
  const { pid, time, body } = p;
  const c = s.charCodeAt(body);
  if (c === 45 && s.startsWith('--- ', body)) return parseSignal(s, lineNo, p);
  if (c === 43 && s.startsWith('+++ ', body)) return parseExit(s, lineNo, p);
  if (c === 60 && s.startsWith('<... ', body)) return parseResumed(s, lineNo, p);
  if (s.startsWith('strace: ', body) || s.startsWith('[ Process ', body) || s.startsWith('> ', body)) {
    return { kind: 'note', lineNo, pid, time, text: s.slice(body).trimEnd() };
  }
  if (!isIdentStart(c)) throw new ParseError('expected NAME(ARGS) = RESULT', body + 1);
  let i = body + 1;
  while (isIdentChar(s.charCodeAt(i))) i++;
  const name = s.slice(body, i);
  if (s.charCodeAt(i) !== 40) throw new ParseError('expected NAME(ARGS) = RESULT', body + 1);
  if (UNKNOWN_SYSCALL.test(name)) return { kind: 'note', lineNo, pid, time, text: s.slice(body).trimEnd() };
  const v = new ValueParser(s, i + 1);
  const list = v.list(41, 'top');
  const args = list.items;
  const argsText = s.slice(i + 1, list.end).trimEnd();
  if (!list.open) {
    const call: SLineOf<'call'> = {
      kind: 'call',
      lineNo,
      pid,
      time,
      name,
      args,
      argsText,
      ret: parseReturn(s, v.pos),
    };
    if (list.names) call.argNames = list.names;
    return call;
  }
  const rest = skipSpaces(s, list.end + (list.open === 'unfinished' ? 16 : 14));
  if (rest < s.length) {
    throw new ParseError('expected the end of the line after the <unfinished ...> marker', rest + 1);
  }
  const text = argsText.endsWith(',') ? argsText.slice(0, -1) : argsText;
  const open: SLineOf<'unfinished'> = { kind: 'unfinished', lineNo, pid, time, name, args, argsText: text };
  if (list.names) open.argNames = list.names;
  if (list.open === 'detached') open.detached = true;
  return open;
}

/** Reads `<... NAME resumed>REST) = RET`, where REST holds the arguments printed when the call returned. */
function parseResumed(s: string, lineNo: number, p: Prefix): SLine {
  const { pid, time, body } = p;
  const close = s.indexOf(' resumed>', body + 5);
  if (close < 0) throw new ParseError("expected ' resumed>' after '<... NAME'", body + 6);
  const name = s.slice(body + 5, close);
  if (UNKNOWN_SYSCALL.test(name)) return { kind: 'note', lineNo, pid, time, text: s.slice(body).trimEnd() };
  const v = new ValueParser(s, close + 9);
  v.skipGap();
  if (v.marker() === 'unfinished') v.pos += 16;
  v.skipGap();
  const restStart = v.pos;
  let first: SInOut | undefined;
  if (s.startsWith('=>', v.pos)) {
    v.pos += 2;
    v.skipGap();
    const after = v.value();
    if (!after) return v.fail('a value after =>');
    first = { kind: 'inout', before: { kind: 'raw', text: '' }, after };
    v.skipGap();
  }
  if (s.charCodeAt(v.pos) === 44) v.pos++;
  const list = v.list(41, 'top');
  if (list.open) v.fail("')' before the <unfinished ...> marker", list.end);
  const args = first ? [first, ...list.items] : list.items;
  const argsText = s.slice(restStart, list.end).trimEnd();
  const ret = parseReturn(s, v.pos);
  const resumed: SLineOf<'resumed'> = { kind: 'resumed', lineNo, pid, time, name, args, argsText, ret };
  if (list.names) resumed.argNames = first ? [undefined, ...list.names] : list.names;
  if (first) resumed.continuesArg = true;
  return resumed;
}

/** Reads `--- SIGxxx {siginfo} ---`; other `--- ... ---` lines, such as `--- stopped by SIGSTOP ---`, are notes. */
function parseSignal(s: string, lineNo: number, p: Prefix): SLine {
  const { pid, time, body } = p;
  const trimmed = s.trimEnd();
  if (!trimmed.endsWith(' ---') || trimmed.length < body + 8) {
    throw new ParseError("expected ' ---' closing the signal line", trimmed.length + 1);
  }
  const inner = trimmed.slice(body + 4, -4);
  if (!inner.startsWith('SIG')) return { kind: 'note', lineNo, pid, time, text: trimmed.slice(body) };
  const space = inner.indexOf(' ');
  const signal = space < 0 ? inner : inner.slice(0, space);
  let info: SValue | null = null;
  if (space >= 0 && inner.charCodeAt(space + 1) === 123) {
    const v = new ValueParser(s, body + 4 + space + 1);
    info = v.value();
    if (!info || v.pos !== trimmed.length - 4) v.fail("' ---' after the siginfo struct");
  }
  return { kind: 'signal', lineNo, pid, time, signal, info, text: inner };
}

/** Reads `+++ exited with N +++` and `+++ killed by SIGxxx (core dumped) +++`; other `+++` lines are notes. */
function parseExit(s: string, lineNo: number, p: Prefix): SLine {
  const { pid, time, body } = p;
  const trimmed = s.trimEnd();
  if (!trimmed.endsWith(' +++') || trimmed.length < body + 8) {
    throw new ParseError("expected ' +++' closing the exit line", trimmed.length + 1);
  }
  const inner = trimmed.slice(body + 4, -4);
  if (inner.startsWith('exited with ')) {
    const status = inner.slice(12);
    if (/^\d+$/.test(status)) return { kind: 'exited', lineNo, pid, time, code: Number(status) };
    throw new ParseError('expected an exit status after "exited with"', body + 17);
  }
  if (inner.startsWith('killed by ')) {
    const coreDumped = inner.endsWith(' (core dumped)');
    const signal = inner.slice(10, coreDumped ? -14 : undefined);
    return { kind: 'killed', lineNo, pid, time, signal, coreDumped };
  }
  return { kind: 'note', lineNo, pid, time, text: trimmed.slice(body) };
}
