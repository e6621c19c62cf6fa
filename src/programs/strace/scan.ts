/**
 * Character-level pieces of the strace scanner: character classes, quoted C strings and the
 * `<...>` decorations that `-y`/`-yy` put after file descriptors.
 *
 * Everything works on character codes of one line, so no substrings are built while scanning.
 */

/** A parse failure at a 1-based column, with a message saying what was expected there. */
export class ParseError extends Error {
  readonly column: number;

  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}

/** True for a character that can start a C identifier: a letter or `_`. */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** True for a character that can continue a C identifier: a letter, digit or `_`. */
export function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

/** True for an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The value of a hexadecimal digit, or -1 when `c` is not one. */
export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** What each character after a backslash stands for; most stand for themselves (`\\`, `\"`, `\'`, `\?`). */
const ESCAPES = new Uint8Array(128).map((_, i) => i);
const LETTER_ESCAPES = 'n\nt\tr\rv\vf\fa\x07b\be\x1b';
for (let i = 0; i < LETTER_ESCAPES.length; i += 2) {
  ESCAPES[LETTER_ESCAPES.charCodeAt(i)] = LETTER_ESCAPES.charCodeAt(i + 1);
}

/** The index just past the closing quote of the string whose opening quote is at `open`; throws if none. */
export function stringEnd(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  throw new ParseError(`expected '"' closing the string that opens at column ${open + 1}`, s.length + 1);
}

/**
 * Decodes the C escapes of the quoted string whose opening quote is at `open` into bytes:
 * `\n`, `\t`, `\"`, `\\`, octal `\0`..`\377` and hex `\x41`. Characters above 127 become UTF-8.
 */
export function decodeString(s: string, open: number, close: number): Uint8Array {
  const size = close - open - 1;
  let out = new Uint8Array(size);
  let n = 0;
  for (let i = open + 1; i < close; i++) {
    let c = s.charCodeAt(i);
    if (c === 92) {
      const e = s.charCodeAt(++i);
      if (e >= 48 && e <= 55) {
        c = e - 48;
        for (let k = 0; k < 2 && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 55; k++) {
          c = c * 8 + s.charCodeAt(++i) - 48;
        }
        c &= 255;
      } else if (e === 120 && hexValue(s.charCodeAt(i + 1)) >= 0) {
        c = hexValue(s.charCodeAt(++i));
        if (hexValue(s.charCodeAt(i + 1)) >= 0) c = c * 16 + hexValue(s.charCodeAt(++i));
      } else c = e < 128 ? ESCAPES[e] : e;
      out[n++] = c;
    } else if (c < 128) {
      out[n++] = c;
    } else {
      if (out.length < size * 3) {
        const wider = new Uint8Array(size * 3);
        wider.set(out.subarray(0, n));
        out = wider;
      }
      n = encodeUtf8(c, out, n);
    }
  }
  return n === out.length ? out : out.slice(0, n);
}

/** Writes the UTF-8 bytes of a UTF-16 code unit at `out[n]` and returns the new length. */
function encodeUtf8(c: number, out: Uint8Array, n: number): number {
  if (c < 0x800) {
    out[n++] = 0xc0 | (c >> 6);
  } else {
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 63);
  }
  out[n++] = 0x80 | (c & 63);
  return n;
}

/**
 * The index of the `>` closing the fd decoration whose `<` is at `open`. Nested decorations
 * (`3</dev/null<char 1:3>>`), a `>` inside quotes, and the `->` of a socket's peer inside brackets
 * (`UNIX-STREAM:[7161->7160]`) do not close it; strace writes `<` and `>` in a path as `\74` and `\76`.
 */
export function decorationEnd(s: string, open: number): number {
  let brackets = 0;
  let angles = 0;
  for (let i = open + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) i = stringEnd(s, i) - 1;
    else if (c === 91) brackets++;
    else if (c === 93 && brackets > 0) brackets--;
    else if (c === 60) angles++;
    else if (c === 62 && !(brackets > 0 && s.charCodeAt(i - 1) === 45)) {
      if (angles === 0) return i;
      angles--;
    }
  }
  throw new ParseError("expected '>' closing the fd decoration", s.length + 1);
}

/** The index of the `)` matching the `(` at `open`, skipping quoted strings; throws when the line ends first. */
export function parenEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) i = stringEnd(s, i) - 1;
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i;
  }
  throw new ParseError(`expected ')' closing the '(' at column ${open + 1}`, s.length + 1);
}
