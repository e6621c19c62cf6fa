/**
 * The scanf scanner's vocabulary: a conversion specification and its parser, the stores a
 * finished scan makes, how a scan stops (MORE, Stop), and the character classes it tests.
 */

export const EOF = -1;

/** A store the scan makes once it is complete. */
export type Store =
  | { at: number; size: number; int: bigint }
  | { at: number; float: 4 | 8; value: number }
  | { at: number; bytes: number[] }
  /** %ms and friends: a malloc'd copy of the bytes, its address stored at `at`. */
  | { at: number; malloc: number[] };

/** A finished scan: the return value, the bytes it took, and what it stores. */
export interface Scanned {
  ret: number;
  consumed: number;
  stores: Store[];
}

/** The scan reached the end of what is buffered, and the stream may have more. */
export const MORE = Symbol('more');

/** How the scan stops early: an input failure (end of input) or a matching failure. */
export class Stop {
  constructor(readonly input: boolean) {}
}

/** A conversion specification: %[n$][*][width][modifier]conversion. */
export interface Spec {
  conv: string;
  /** The n of n$ (0: the next argument). */
  argpos: number;
  suppress: boolean;
  /** The field width (-1: none). */
  width: number;
  /** The size of an integer (and of %n's) argument: hh 1, h 2, none 4, l ll z j t 8. */
  size: number;
  /** l: double, wide characters. */
  long: boolean;
  /** ll, L, q: long double (the model's double). */
  longDouble: boolean;
  /** m: the string goes to a malloc'd buffer. */
  malloc: boolean;
}

export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isXDigit = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
export const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
export const PLUS = 43;
export const MINUS = 45;

/** The specification at fmt[f] (just after the '%') and where it ends, or null at the format's end. */
export function parseSpec(fmt: string, start: number): [Spec, number] | null {
  let f = start;
  const readInt = () => {
    let n = 0;
    while (f < fmt.length && isDigit(fmt.charCodeAt(f))) n = n * 10 + fmt.charCodeAt(f++) - 48;
    return n;
  };
  const spec: Spec = {
    conv: '',
    argpos: 0,
    suppress: false,
    width: 0,
    size: 4,
    long: false,
    longDouble: false,
    malloc: false,
  };
  // A number first is n$, or else the width.
  let number = isDigit(fmt.charCodeAt(f)) ? readInt() : -1;
  if (number >= 0 && fmt[f] === '$') {
    f++;
    spec.argpos = number;
    number = -1;
  }
  if (number < 0) {
    while (fmt[f] === '*' || fmt[f] === "'" || fmt[f] === 'I') if (fmt[f++] === '*') spec.suppress = true;
    number = readInt();
  }
  spec.width = number === 0 ? -1 : number;
  const mod = fmt[f++];
  if (mod === 'h') {
    spec.size = fmt[f] === 'h' ? 1 : 2;
    if (spec.size === 1) f++;
  } else if (mod === 'l' || mod === 'q' || mod === 'L') {
    spec.long = true;
    spec.longDouble = mod !== 'l' || fmt[f] === 'l';
    if (mod === 'l' && fmt[f] === 'l') f++;
    spec.size = 8;
  } else if (mod === 'm') {
    spec.malloc = true;
    if (fmt[f] === 'l') {
      f++;
      spec.long = true;
    }
  } else if (mod === 'z' || mod === 'j' || mod === 't') {
    spec.long = true;
    spec.size = 8;
  } else f--;
  if (f >= fmt.length) return null;
  spec.conv = fmt[f++];
  return [spec, f];
}
