/**
 * Decoding of C literals from their spelling: integer and floating constants with the type C99
 * gives them on x86-64, character constants and string literals (escapes decoded to bytes, other
 * characters encoded as UTF-8).
 */

import { type CType, T } from './ast';

/** A decoded numeric or character constant, or why it is malformed. */
export type Literal =
  | { k: 'int'; value: bigint; type: CType; warning?: string }
  | { k: 'float'; value: number; type: CType }
  | { k: 'error'; message: string };

const LONG_DOUBLE: CType = { kind: 'float', size: 16, name: 'long double' };

const INT_MAX = 0x7fffffffn;
const UINT_MAX = 0xffffffffn;
const LONG_MAX = 0x7fffffffffffffffn;
const ULONG_MAX = 0xffffffffffffffffn;

/** The first type of the list that can represent the value (C99 6.4.4.1), or null. */
function fitting(value: bigint, candidates: CType[]): CType | null {
  for (const t of candidates) {
    if (t.kind !== 'int') continue;
    const max = t.size === 4 ? (t.signed ? INT_MAX : UINT_MAX) : t.signed ? LONG_MAX : ULONG_MAX;
    if (value <= max) return t;
  }
  return null;
}

const decoded = new Map<string, Literal>();

/** Decodes a pp-number as an integer or floating constant (results are memoised: headers repeat them). */
export function numberLiteral(text: string): Literal {
  let lit = decoded.get(text);
  if (lit === undefined) {
    lit = decodeNumber(text);
    if (decoded.size < 4096) decoded.set(text, lit);
  }
  return lit;
}

function decodeNumber(text: string): Literal {
  const lower = text.toLowerCase();
  const hex = lower.startsWith('0x');
  const isFloat = hex ? /[.p]/.test(lower) : /[.e]/.test(lower);
  if (isFloat) return floatLiteral(text, lower, hex);
  const m = /^(0x[0-9a-f]+|0b[01]+|[0-9]+)(u?(?:ll|l)?u?)$/.exec(lower);
  const suffix = m?.[2] ?? '';
  if (!m || (suffix.startsWith('u') && suffix.length > 1 && suffix.endsWith('u')) || /lL|Ll/.test(text)) {
    return { k: 'error', message: `invalid suffix on integer constant '${text}'` };
  }
  const digits = m[1];
  let value: bigint;
  if (hex || digits.startsWith('0b')) {
    value = BigInt(digits);
  } else if (digits.length > 1 && digits[0] === '0') {
    const bad = /[89]/.exec(digits);
    if (bad) return { k: 'error', message: `invalid digit '${bad[0]}' in octal constant` };
    value = BigInt('0o' + digits.slice(1));
  } else {
    value = BigInt(digits);
  }
  const decimal = !hex && !digits.startsWith('0b') && !(digits.length > 1 && digits[0] === '0');
  const unsigned = suffix.includes('u');
  const longs = suffix.includes('ll') ? 2 : suffix.includes('l') ? 1 : 0;
  let candidates: CType[];
  if (unsigned) {
    candidates = longs === 0 ? [T.uint, T.ulong] : longs === 1 ? [T.ulong] : [T.ulonglong];
  } else if (decimal) {
    candidates = longs === 0 ? [T.int, T.long] : longs === 1 ? [T.long] : [T.longlong];
  } else {
    candidates =
      longs === 0
        ? [T.int, T.uint, T.long, T.ulong]
        : longs === 1
          ? [T.long, T.ulong]
          : [T.longlong, T.ulonglong];
  }
  const type = fitting(value, candidates);
  if (type) return { k: 'int', value, type };
  if (value <= ULONG_MAX) {
    return {
      k: 'int',
      value,
      type: longs === 2 ? T.ulonglong : T.ulong,
      warning: 'integer constant is so large that it is unsigned',
    };
  }
  return { k: 'error', message: 'integer constant is too large for its type' };
}

function floatLiteral(text: string, lower: string, hex: boolean): Literal {
  let body = lower;
  let type = T.double;
  if (/[fl]$/.test(body) && !(hex && !body.includes('p'))) {
    type = body.endsWith('f') ? T.float : LONG_DOUBLE;
    body = body.slice(0, -1);
  }
  let value: number;
  if (hex) {
    const m = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?[0-9]+)$/.exec(body);
    if (!m || (m[1] === '' && !m[2])) return { k: 'error', message: `invalid floating constant '${text}'` };
    const frac = m[2] ?? '';
    const mantissa = Number.parseInt((m[1] || '0') + frac, 16);
    value = mantissa * 2 ** (Number(m[3]) - 4 * frac.length);
  } else {
    if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/.test(body)) {
      return { k: 'error', message: `invalid floating constant '${text}'` };
    }
    value = Number(body);
  }
  if (type === T.float) value = Math.fround(value);
  return { k: 'float', value, type };
}

/** The bytes of a literal's contents between its quotes, escapes decoded; or an error message. */
function decodeQuoted(text: string, quote: string): { bytes: number[]; warning?: string } | string {
  let start = text.indexOf(quote) + 1;
  const prefix = text.slice(0, start - 1);
  if (prefix === 'L' || prefix === 'u' || prefix === 'U') return 'not supported yet: wide character literals';
  if (text.length <= start || text[text.length - 1] !== quote) {
    return `missing terminating ${quote} character`;
  }
  const end = text.length - 1;
  const bytes: number[] = [];
  let warning: string | undefined;
  while (start < end) {
    const c = text.charCodeAt(start);
    if (c !== 92) {
      const cp = text.codePointAt(start)!;
      start += cp > 0xffff ? 2 : 1;
      utf8(cp, bytes);
      continue;
    }
    const e = text[start + 1];
    start += 2;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      bytes.push(simple);
    } else if (e >= '0' && e <= '7') {
      let v = Number(e);
      for (let k = 0; k < 2 && text[start] >= '0' && text[start] <= '7'; k++)
        v = v * 8 + Number(text[start++]);
      if (v > 255) return 'octal escape sequence out of range';
      bytes.push(v);
    } else if (e === 'x') {
      let v = 0;
      const from = start;
      while (/[0-9a-fA-F]/.test(text[start] ?? '')) v = v * 16 + Number.parseInt(text[start++], 16);
      if (start === from) return '\\x used with no following hex digits';
      if (v > 255) return 'hex escape sequence out of range';
      bytes.push(v);
    } else if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const hexDigits = text.slice(start, start + len);
      if (!/^[0-9a-fA-F]+$/.test(hexDigits) || hexDigits.length !== len)
        return 'incomplete universal character name';
      start += len;
      utf8(Number.parseInt(hexDigits, 16), bytes);
    } else {
      warning = `unknown escape sequence: '\\${e}'`;
      utf8(e.codePointAt(0)!, bytes);
    }
  }
  if (start > end) return `missing terminating ${quote} character`;
  return { bytes, warning };
}

const ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  v: 11,
  f: 12,
  a: 7,
  b: 8,
  e: 27,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

/** Appends the UTF-8 encoding of a code point. */
function utf8(cp: number, out: number[]): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** Decodes a character constant: type int, value as gcc computes it (char is signed). */
export function charLiteral(text: string): Literal {
  const d = decodeQuoted(text, "'");
  if (typeof d === 'string') return { k: 'error', message: d };
  if (d.bytes.length === 0) return { k: 'error', message: 'empty character constant' };
  if (d.bytes.length === 1) {
    const b = d.bytes[0];
    return { k: 'int', value: BigInt(b >= 128 ? b - 256 : b), type: T.int, warning: d.warning };
  }
  let v = 0n;
  for (const b of d.bytes) v = (v << 8n) | BigInt(b);
  return {
    k: 'int',
    value: BigInt.asIntN(32, v),
    type: T.int,
    warning:
      d.bytes.length > 4 ? 'character constant too long for its type' : 'multi-character character constant',
  };
}

/** Decodes a string literal to its bytes (without the final NUL), or an error message. */
export function stringLiteral(text: string): { bytes: Uint8Array; warning?: string } | { error: string } {
  const d = decodeQuoted(text, '"');
  if (typeof d === 'string') return { error: d.replace('character literals', 'string literals') };
  return { bytes: Uint8Array.from(d.bytes), warning: d.warning };
}
