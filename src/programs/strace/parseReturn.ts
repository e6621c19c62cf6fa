/**
 * Parses what follows a call's closing parenthesis: ` = 3`, ` = -1 ENOENT (No such file or directory)`,
 * ` = ? ERESTARTSYS (...)`, ` = 0x1 (flags FD_CLOEXEC)`, ` = 3<UNIX-STREAM:[9797223]>`, ` = 0 <0.000010>`.
 */
import { isDigit, isIdentChar, ParseError, parenEnd } from './scan';
import type { SField, SReturn, SValue } from './types';
import { ValueParser } from './values';

/** The index of the first character at or after `i` that is not a space or tab. */
export function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}

/**
 * Reads ` = RESULT` from `from`, just after the closing parenthesis: the value or `?`, an errno and its
 * description, a decoded extra in parentheses, and the `-T` duration. Throws ParseError.
 */
export function parseReturn(s: string, from: number): SReturn {
  let i = skipSpaces(s, from);
  if (s.charCodeAt(i) !== 61 || s.charCodeAt(i + 1) !== 32) {
    throw new ParseError(
      i >= s.length ? "expected ' = RESULT' (the line ends early)" : "expected ' = RESULT'",
      i + 1,
    );
  }
  i = skipSpaces(s, i + 1);
  const start = i;
  let ret: SReturn;
  if (s.charCodeAt(i) === 63) {
    ret = { value: null, text: '?' };
    i++;
  } else {
    const v = new ValueParser(s, i);
    const value = isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 45 ? v.value() : null;
    if (!value || (value.kind !== 'num' && value.kind !== 'fd')) {
      throw new ParseError("expected a result after '='", i + 1);
    }
    i = v.pos;
    const text = s.slice(start, i);
    ret = value.kind === 'fd' ? { value: value.fd, text, fd: value } : { value: value.value, text };
  }
  i = skipSpaces(s, i);
  if (s.charCodeAt(i) === 69 && isIdentChar(s.charCodeAt(i + 1))) {
    let k = i;
    while (isIdentChar(s.charCodeAt(k))) k++;
    ret.errno = s.slice(i, k);
    i = skipSpaces(s, k);
    if (s.charCodeAt(i) === 40) {
      const end = parenEnd(s, i);
      ret.errnoText = s.slice(i + 1, end);
      i = skipSpaces(s, end + 1);
    }
  } else if (s.charCodeAt(i) === 40) {
    const end = parenEnd(s, i);
    ret.extra = s.slice(i + 1, end);
    const extraValue = parseExtra(ret.extra);
    if (extraValue) ret.extraValue = extraValue;
    i = skipSpaces(s, end + 1);
  }
  if (s.charCodeAt(i) === 60) {
    const end = s.indexOf('>', i);
    if (end < 0) throw new ParseError("expected '>' closing the duration such as '<0.000012>'", s.length + 1);
    const duration = Number(s.slice(i + 1, end));
    if (Number.isFinite(duration)) ret.duration = duration;
    i = skipSpaces(s, end + 1);
  }
  if (i < s.length) throw new ParseError('expected the end of the line after the result', i + 1);
  return ret;
}

/**
 * Parses the decoded extra after a result, such as `[{fd=8, revents=POLLIN}]`, `in [5]` or
 * `flags FD_CLOEXEC`: one unnamed value is returned as is, `name value` pairs as a struct.
 */
export function parseExtra(text: string): SValue | undefined {
  const p = new ValueParser(text);
  const fields: SField[] = [];
  try {
    for (;;) {
      p.skipGap();
      let name: string | undefined;
      let j = p.pos;
      while (isIdentChar(text.charCodeAt(j))) j++;
      if (j > p.pos && text.charCodeAt(j) === 32 && j + 1 < text.length) {
        name = text.slice(p.pos, j);
        p.pos = j + 1;
      }
      const value = p.value();
      if (!value) return undefined;
      fields.push(name === undefined ? { value } : { name, value });
      p.skipGap();
      if (p.pos >= text.length) break;
      if (text.charCodeAt(p.pos++) !== 44) return undefined;
    }
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
  return fields.length === 1 && fields[0].name === undefined ? fields[0].value : { kind: 'struct', fields };
}
