/**
 * The grammar of strace argument values, read by a hand-written scanner over character codes.
 *
 * A value is a string, number, constant, flag set, array, struct, fd decoration, call such as
 * `htons(80)`, or a value-result pair `a => b`. Whatever the grammar does not cover is kept as raw
 * text up to the next comma or closing bracket, so one odd value never spoils its neighbours.
 */
import {
  decodeString,
  decorationEnd,
  hexValue,
  isDigit,
  isIdentChar,
  isIdentStart,
  ParseError,
  stringEnd,
} from './scan';
import type { SArray, SField, SStr, SValue } from './types';

/** How a list is read: a call's own arguments, a struct, an array, or the arguments of a nested call. */
export type Mode = 'top' | 'struct' | 'array' | 'call';

/** How a top-level list that strace left open ended: at `<unfinished ...>` or at `<detached ...>`. */
export type Open = 'unfinished' | 'detached';

/** What a list parse found: the items, the names of `name=value` items, and how the list ended. */
export interface ListResult {
  items: SValue[];
  names?: (string | undefined)[];
  more: boolean;
  open: Open | null;
  /** Where the list ended: the closing bracket, or the start of `<unfinished ...>`. */
  end: number;
}

const UNFINISHED = '<unfinished ...>';
const DETACHED = '<detached ...>';
const END = -1;

function closer(close: number): string {
  return close === END ? 'the end of the text' : `'${String.fromCharCode(close)}'`;
}

/** A cursor over one line that reads values; `pos` is public so the line parser can drive it. */
export class ValueParser {
  readonly src: string;
  pos: number;

  constructor(src: string, pos = 0) {
    this.src = src;
    this.pos = pos;
  }

  /** Throws a {@link ParseError} saying what was expected at the current position. */
  fail(expected: string, at = this.pos): never {
    throw new ParseError(`expected ${expected}`, at + 1);
  }

  /** Skips spaces, tabs and `/* ... *\/` comments. */
  skipGap(): void {
    const s = this.src;
    for (;;) {
      let c = s.charCodeAt(this.pos);
      while (c === 32 || c === 9) c = s.charCodeAt(++this.pos);
      if (c !== 47 || s.charCodeAt(this.pos + 1) !== 42) return;
      const close = s.indexOf('*/', this.pos + 2);
      if (close < 0) this.fail("'*/' closing the comment");
      this.pos = close + 2;
    }
  }

  /** The `<unfinished ...>` or `<detached ...>` marker at the current position, if any. */
  marker(): Open | null {
    if (this.src.startsWith(UNFINISHED, this.pos)) return 'unfinished';
    if (this.src.startsWith(DETACHED, this.pos)) return 'detached';
    return null;
  }

  /** Reads items up to `close` (a character code, or -1 for the end of the text). */
  list(close: number, mode: Mode): ListResult {
    const s = this.src;
    const items: SValue[] = [];
    let names: (string | undefined)[] | undefined;
    let more = false;
    for (;;) {
      this.skipGap();
      let c = s.charCodeAt(this.pos);
      if (c === close || (close === END && this.pos >= s.length)) {
        const end = this.pos;
        if (close !== END) this.pos++;
        return { items, names, more, open: null, end };
      }
      if (Number.isNaN(c)) this.fail(`${closer(close)} before the end of the line`);
      if (mode === 'top' && c === 60) {
        const open = this.marker();
        if (open) return { items, names, more, open, end: this.pos };
      }
      if (c === 46 && s.startsWith('...', this.pos)) {
        this.pos += 3;
        more = true;
      } else {
        let name: string | undefined;
        if ((mode === 'top' || mode === 'struct') && isIdentStart(c)) name = this.fieldName();
        const start = this.pos;
        let value = this.value();
        const valueEnd = this.pos;
        this.skipGap();
        c = s.charCodeAt(this.pos);
        const closes = c === close || (close === END && this.pos >= s.length);
        const spaced = mode === 'array' && this.pos > valueEnd && (isIdentStart(c) || isDigit(c));
        if (!value || !(c === 44 || closes || spaced || (mode === 'top' && this.marker()))) {
          this.pos = start;
          const end = this.rawEnd(close, mode);
          if (end === start && s.charCodeAt(end) !== 44) this.fail(closer(close));
          value = { kind: 'raw', text: s.slice(start, end).trimEnd() };
        }
        if (name !== undefined || names) {
          names ??= items.map(() => undefined);
          names.push(name);
        }
        items.push(value);
      }
      this.skipGap();
      if (s.charCodeAt(this.pos) === 44) this.pos++;
    }
  }

  /** Reads `name=` before a field value, or leaves the position alone and returns undefined. */
  private fieldName(): string | undefined {
    const s = this.src;
    let j = this.pos + 1;
    while (isIdentChar(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 61) return undefined;
    const after = s.charCodeAt(j + 1);
    if (after === 61 || after === 62) return undefined;
    const name = s.slice(this.pos, j);
    this.pos = j + 1;
    return name;
  }

  /** The end of a value the grammar does not cover: the next comma or closer outside brackets and quotes. */
  private rawEnd(close: number, mode: Mode): number {
    const s = this.src;
    let depth = 0;
    let i = this.pos;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 34) i = stringEnd(s, i) - 1;
      else if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && c === 44) break;
      else if (depth === 0 && c === 60 && mode === 'top') {
        this.pos = i;
        if (this.marker()) break;
      }
    }
    if (i >= s.length && close !== END) this.fail(`${closer(close)} before the end of the line`, i);
    this.pos = i;
    return i;
  }

  /** Reads one value, with any `|` flags and `=>` result after it; null when nothing here is a value. */
  value(): SValue | null {
    const s = this.src;
    const start = this.pos;
    let v = this.primary();
    if (!v) return null;
    let end = this.pos;
    this.skipGap();
    if (s.charCodeAt(this.pos) === 124 && s.charCodeAt(this.pos + 1) !== 124) {
      const parts = [s.slice(start, end)];
      while (s.charCodeAt(this.pos) === 124 && s.charCodeAt(this.pos + 1) !== 124) {
        this.pos++;
        this.skipGap();
        const partStart = this.pos;
        if (!this.primary()) return null;
        parts.push(s.slice(partStart, this.pos));
        end = this.pos;
        this.skipGap();
      }
      v = { kind: 'flags', parts, text: parts.join('|') };
    }
    const c = s.charCodeAt(this.pos);
    const arrow = c === 61 || (c === 45 && v.kind === 'num');
    if (arrow && s.charCodeAt(this.pos + 1) === 62) {
      this.pos += 2;
      this.skipGap();
      const after = this.value();
      if (!after) return null;
      return { kind: 'inout', before: v, after };
    }
    this.pos = end;
    return v;
  }

  /** Reads a single value without flags or arrows; null (position unchanged) when none starts here. */
  private primary(): SValue | null {
    const s = this.src;
    const c = s.charCodeAt(this.pos);
    const next = s.charCodeAt(this.pos + 1);
    if (c === 34) return this.string(false);
    if (c === 64 && next === 34) {
      this.pos++;
      return this.string(true);
    }
    if (c === 91) return this.array();
    if (c === 123) {
      this.pos++;
      const r = this.list(125, 'struct');
      const fields: SField[] = r.items.map((value, i) => {
        const name = r.names?.[i];
        return name === undefined ? { value } : { name, value };
      });
      return r.more ? { kind: 'struct', fields, more: true } : { kind: 'struct', fields };
    }
    if (c === 126 && next === 91) {
      const start = this.pos++;
      this.array();
      return { kind: 'raw', text: s.slice(start, this.pos) };
    }
    if (isDigit(c) || (c === 45 && isDigit(next))) return this.number();
    if (isIdentStart(c)) {
      const start = this.pos;
      let j = start + 1;
      while (isIdentChar(s.charCodeAt(j))) j++;
      const text = s.slice(start, j);
      this.pos = j;
      const after = s.charCodeAt(j);
      if (after === 40) {
        this.pos++;
        return { kind: 'call', name: text, args: this.list(41, 'call').items };
      }
      if (after === 60 && text === 'AT_FDCWD') return { kind: 'fd', fd: -100, decoration: this.decoration() };
      return { kind: 'ident', text };
    }
    return null;
  }

  private array(): SArray {
    this.pos++;
    const r = this.list(93, 'array');
    return r.more ? { kind: 'array', items: r.items, more: true } : { kind: 'array', items: r.items };
  }

  /** Reads `-12`, `0755` or `0x1f`, and an fd decoration right after it; null if a word follows the digits. */
  private number(): SValue | null {
    const s = this.src;
    const start = this.pos;
    let i = s.charCodeAt(start) === 45 ? start + 1 : start;
    const digitsStart = i;
    const hex = s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120;
    if (hex) {
      i += 2;
      while (hexValue(s.charCodeAt(i)) >= 0) i++;
    } else while (isDigit(s.charCodeAt(i))) i++;
    if (isIdentChar(s.charCodeAt(i)) || s.charCodeAt(i) === 46) return null;
    const text = s.slice(start, i);
    let value: number;
    if (hex) value = digitsStart > start ? -Number(text.slice(1)) : Number(text);
    else if (i - digitsStart > 1 && s.charCodeAt(digitsStart) === 48) value = parseInt(text, 8);
    else value = Number(text);
    this.pos = i;
    if (s.charCodeAt(i) === 60 && s.charCodeAt(i + 1) !== 60) {
      return { kind: 'fd', fd: value, decoration: this.decoration() };
    }
    return { kind: 'num', value, text };
  }

  /** Reads the `<...>` decoration after an fd and returns the text between the angle brackets. */
  private decoration(): string {
    const end = decorationEnd(this.src, this.pos);
    const text = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return text;
  }

  /** Reads a quoted string, decoding C escapes to bytes, and a `...` right after it. */
  private string(abstract: boolean): SStr {
    const s = this.src;
    const end = stringEnd(s, this.pos);
    const bytes = decodeString(s, this.pos, end - 1);
    this.pos = end;
    const truncated = s.startsWith('...', end);
    if (truncated) this.pos += 3;
    return abstract ? { kind: 'str', bytes, truncated, abstract } : { kind: 'str', bytes, truncated };
  }
}

/** Parses a whole argument text such as `3, "hi", [110 => 2]` into its values; throws ParseError. */
export function parseArgs(text: string): SValue[] {
  return new ValueParser(text).list(END, 'struct').items;
}

/** Parses a text holding exactly one value, such as `{sa_family=AF_UNIX}`; throws ParseError otherwise. */
export function parseValue(text: string): SValue {
  const items = parseArgs(text);
  return items.length === 1 ? items[0] : new ValueParser(text).fail(`one value, found ${items.length}`);
}
