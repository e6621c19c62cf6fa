/**
 * ctype.h: the character classes of the "C" locale (with glibc's bits for the is* results), and
 * the classes the string and conversion functions test.
 */
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';

export const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
export const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isPrint = (c: number) => c >= 32 && c < 127;

/** A character's value as a digit in any base up to 36 (99 when it is none). */
export function digit(c: number): number {
  if (isDigit(c)) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The ctype.h natives. */
export const CTYPE: Natives = {
  isdigit: (_, a) => (isDigit(a[0]) ? 2048 : 0),
  isalpha: (_, a) => (isAlpha(a[0]) ? 1024 : 0),
  isalnum: (_, a) => (isAlpha(a[0]) || isDigit(a[0]) ? 8 : 0),
  isspace: (_, a) => (isSpace(a[0]) ? 8192 : 0),
  isupper: (_, a) => (a[0] >= 65 && a[0] <= 90 ? 256 : 0),
  islower: (_, a) => (a[0] >= 97 && a[0] <= 122 ? 512 : 0),
  isxdigit: (_, a) => (digit(a[0]) < 16 ? 4096 : 0),
  isprint: (_, a) => (isPrint(a[0]) ? 16384 : 0),
  isgraph: (_, a) => (a[0] > 32 && a[0] < 127 ? 32768 : 0),
  ispunct: (_, a) => (a[0] > 32 && a[0] < 127 && !isAlpha(a[0]) && !isDigit(a[0]) ? 4 : 0),
  iscntrl: (_, a) => ((a[0] >= 0 && a[0] < 32) || a[0] === 127 ? 2 : 0),
  isblank: (_, a) => (a[0] === 32 || a[0] === 9 ? 1 : 0),
  isascii: (_, a) => (a[0] >= 0 && a[0] < 128 ? 1 : 0),
  toupper: (_, a) => upper(a[0]),
  tolower: (_, a) => lower(a[0]),
};
