/**
 * The C lexer: turns one source file into preprocessing tokens with positions. Line splices and
 * comments are removed here; literals keep their spelling and are decoded on use (see literals.ts),
 * so that the preprocessor can stringize and paste them and skipped groups are never decoded.
 */

import type { Diagnostic, Pos } from './ast';

/** The kinds of preprocessing token: pp-numbers, character constants and strings are decoded later. */
export type TokenKind = 'ident' | 'number' | 'char' | 'string' | 'punct' | 'other' | 'eof';

/** A token with its spelling and where it starts in the user's source. */
export interface Token {
  kind: TokenKind;
  text: string;
  pos: Pos;
  /** Whitespace or a comment comes before the token (stringizing keeps one space there). */
  space: boolean;
  /** The token starts a line (a `#` there starts a directive). */
  bol: boolean;
  /** The macros that must not expand this token again (the preprocessor's hide set). */
  hide: readonly string[] | null;
  /** For a token from a macro's body: just after the outermost invocation it came from. */
  end?: Pos;
}

/** One-character strings by character code, so that punctuators share their text. */
const CHARS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** The length of the punctuator starting at `i` with character code `c`, or 0 if there is none. */
function punctLength(s: string, i: number, c: number): number {
  const d = s.charCodeAt(i + 1);
  switch (c) {
    case 46: // .
      return d === 46 && s.charCodeAt(i + 2) === 46 ? 3 : 1;
    case 60: // <
    case 62: // >
      if (d === c) return s.charCodeAt(i + 2) === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 45: // -
      return d === 62 || d === 45 || d === 61 ? 2 : 1;
    case 43: // +
    case 38: // &
    case 124: // |
      return d === c || d === 61 ? 2 : 1;
    case 35: // #
      return d === 35 ? 2 : 1;
    case 61: // =
    case 33: // !
    case 42: // *
    case 47: // /
    case 37: // %
    case 94: // ^
      return d === 61 ? 2 : 1;
    case 91: // [
    case 93: // ]
    case 40: // (
    case 41: // )
    case 123: // {
    case 125: // }
    case 126: // ~
    case 63: // ?
    case 58: // :
    case 59: // ;
    case 44: // ,
      return 1;
    default:
      return 0;
  }
}

/** True for a character code that can start an identifier (letters, `_`, `$`). */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

/** True for a character code that can continue an identifier. */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The text with line splices removed, and the clean offsets where each splice was. */
function removeSplices(text: string): { clean: string; splices: number[] } {
  if (text.indexOf('\\\n') < 0) return { clean: text, splices: [] };
  const parts: string[] = [];
  const splices: number[] = [];
  let from = 0;
  let length = 0;
  for (let at = text.indexOf('\\\n'); at >= 0; at = text.indexOf('\\\n', from)) {
    parts.push(text.slice(from, at));
    length += at - from;
    splices.push(length);
    from = at + 2;
  }
  parts.push(text.slice(from));
  return { clean: parts.join(''), splices };
}

/**
 * Splits a file into preprocessing tokens, ending with an `eof` token. Unterminated comments are
 * reported here; malformed literals are reported when they are used.
 */
export function lex(source: string, file: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const normalised = source.indexOf('\r') >= 0 ? source.replace(/\r\n?/g, '\n') : source;
  const { clean: s, splices } = removeSplices(normalised);
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = s.length;
  let line = 1;
  let lineStart = 0;
  let sp = 0;
  const posAt = (offset: number): Pos => {
    if (splices.length === 0) return { file, line, col: offset - lineStart + 1 };
    while (sp < splices.length && splices[sp] <= offset) sp++;
    const start = sp > 0 && splices[sp - 1] > lineStart ? splices[sp - 1] : lineStart;
    return { file, line: line + sp, col: offset - start + 1 };
  };
  let i = 0;
  let bol = true;
  let space = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      bol = true;
      space = false;
      line++;
      lineStart = ++i;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 11 || c === 13) {
      space = true;
      i++;
      continue;
    }
    if (c === 47 && s.charCodeAt(i + 1) === 42) {
      const end = s.indexOf('*/', i + 2);
      if (end < 0) {
        diagnostics.push({ severity: 'error', message: 'unterminated comment', pos: posAt(i) });
        i = n;
        break;
      }
      for (let nl = s.indexOf('\n', i); nl >= 0 && nl < end; nl = s.indexOf('\n', nl + 1)) {
        line++;
        lineStart = nl + 1;
      }
      i = end + 2;
      space = true;
      continue;
    }
    if (c === 47 && s.charCodeAt(i + 1) === 47) {
      const end = s.indexOf('\n', i);
      i = end < 0 ? n : end;
      space = true;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      const word = s.slice(start, i);
      if ((q === 34 || q === 39) && (word === 'L' || word === 'u' || word === 'U' || word === 'u8')) {
        i = quoted(s, i, q);
        kind = q === 34 ? 'string' : 'char';
      } else {
        kind = 'ident';
      }
    } else if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(i + 1)))) {
      i = ppNumberEnd(s, i);
      kind = 'number';
    } else if (c === 34 || c === 39) {
      i = quoted(s, i, c);
      kind = c === 34 ? 'string' : 'char';
    } else {
      const len = punctLength(s, i, c);
      kind = len > 0 ? 'punct' : 'other';
      i += len > 0 ? len : c >= 0xd800 && c < 0xdc00 ? 2 : 1;
    }
    const text = kind === 'punct' && i === start + 1 ? CHARS[c] : s.slice(start, i);
    tokens.push({ kind, text, pos: posAt(start), space, bol, hide: null });
    bol = false;
    space = false;
  }
  tokens.push({ kind: 'eof', text: '', pos: posAt(n), space: false, bol: true, hide: null });
  return { tokens, diagnostics };
}

/** The end of a quoted literal starting at `i` (stops at the end of the line if unterminated). */
function quoted(s: string, i: number, quote: number): number {
  let j = i + 1;
  for (;;) {
    const c = s.charCodeAt(j);
    if (Number.isNaN(c) || c === 10) return j;
    if (c === quote) return j + 1;
    j += c === 92 && s.charCodeAt(j + 1) !== 10 ? 2 : 1;
  }
}

/** The end of a pp-number: digits, letters, `_`, `.`, and signs after an exponent letter. */
function ppNumberEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const c = s.charCodeAt(j);
    if (isIdentPart(c) || c === 46) {
      j++;
    } else if ((c === 43 || c === 45) && /[eEpP]/.test(s[j - 1])) {
      j++;
    } else {
      return j;
    }
  }
}

/** Lexes a short piece of text (a pasted or stringized token) positioned at `pos`. */
export function lexAt(text: string, pos: Pos): Token[] {
  const { tokens } = lex(text, pos.file);
  tokens.pop();
  for (const t of tokens) t.pos = pos;
  return tokens;
}
