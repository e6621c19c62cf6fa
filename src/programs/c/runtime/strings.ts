/**
 * string.h, strings.h, ctype.h and the number conversions of stdlib.h, over the process's
 * memory. Texts of strerror and strsignal are glibc's.
 */
import { errnoFromNumber, errnoMessage } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { mallocBytes } from './heap';
import { bytesOf, cstr, rt, setErrno, staticBytes } from './util';

const SIGNAL_TEXT = [
  '',
  'Hangup',
  'Interrupt',
  'Quit',
  'Illegal instruction',
  'Trace/breakpoint trap',
  'Aborted',
  'Bus error',
  'Floating point exception',
  'Killed',
  'User defined signal 1',
  'Segmentation fault',
  'User defined signal 2',
  'Broken pipe',
  'Alarm clock',
  'Terminated',
  'Stack fault',
  'Child exited',
  'Continued',
  'Stopped (signal)',
  'Stopped',
  'Stopped (tty input)',
  'Stopped (tty output)',
  'Urgent I/O condition',
  'CPU time limit exceeded',
  'File size limit exceeded',
  'Virtual timer expired',
  'Profiling timer expired',
  'Window changed',
  'I/O possible',
  'Power failure',
  'Bad system call',
];

/** strerror's text for an error number. */
export function strerrorText(n: number): string {
  if (n === 0) return 'Success';
  const e = errnoFromNumber(n);
  return e ? errnoMessage(e) : `Unknown error ${n}`;
}

/** strsignal's text for a signal number. */
export function strsignalText(n: number): string {
  if (n > 0 && n < SIGNAL_TEXT.length) return SIGNAL_TEXT[n];
  if (n >= 34 && n <= 64) return `Real-time signal ${n - 34}`;
  return `Unknown signal ${n}`;
}

/**
 * A text glibc formats into the function's one static buffer (strerror's "Unknown error N",
 * strsignal's "Real-time signal N"): each call overwrites what the last one returned.
 */
function inBuffer(vm: VM, name: string, text: string): number {
  const at = staticBytes(vm, `${name}:buffer`, new Uint8Array(63));
  vm.mem.write(at, bytesOf(text.slice(0, 63)));
  vm.mem.setU8(at + Math.min(text.length, 63), 0);
  return at;
}

function strlen(vm: VM, p: number): number {
  let n = 0;
  while (vm.mem.u8(p + n) !== 0) n++;
  return n;
}

function compare(vm: VM, a: number, b: number, n: number, fold: boolean, stopAtNul: boolean): number {
  for (let i = 0; i < n; i++) {
    let x = vm.mem.u8(a + i);
    let y = vm.mem.u8(b + i);
    if (fold) {
      x = lower(x);
      y = lower(y);
    }
    if (x !== y) return x - y;
    if (stopAtNul && x === 0) return 0;
  }
  return 0;
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isPrint = (c: number) => c >= 32 && c < 127;

function indexOfChar(vm: VM, s: number, c: number, last: boolean): number {
  const ch = c & 0xff;
  let found = 0;
  for (let i = 0; ; i++) {
    const b = vm.mem.u8(s + i);
    if (b === ch) {
      found = s + i;
      if (!last) return found;
    }
    if (b === 0) return found;
  }
}

function span(vm: VM, s: number, set: number, inSet: boolean): number {
  const chars = new Set(vm.mem.cstring(set));
  let n = 0;
  for (;;) {
    const b = vm.mem.u8(s + n);
    if (b === 0 || chars.has(b) !== inSet) return n;
    n++;
  }
}

/** strtol and friends: parses an integer as C does (base 0 guesses 0x and 0 prefixes). */
function strtoInt(
  vm: VM,
  s: number,
  end: number,
  base: number,
  min: bigint,
  max: bigint,
  unsigned: boolean,
): number {
  let i = 0;
  const at = (k: number) => vm.mem.u8(s + k);
  while (isSpace(at(i))) i++;
  let neg = false;
  if (at(i) === 43 || at(i) === 45) {
    neg = at(i) === 45;
    i++;
  }
  let b = base;
  const hexPrefix = at(i) === 48 && (at(i + 1) | 32) === 120 && digit(at(i + 2)) < 16;
  if ((b === 0 || b === 16) && hexPrefix) {
    i += 2;
    b = 16;
  } else if (b === 0) b = at(i) === 48 ? 8 : 10;
  let v = 0n;
  let any = false;
  let over = false;
  for (;;) {
    const d = digit(at(i));
    if (d >= b) break;
    v = v * BigInt(b) + BigInt(d);
    if (v > max + 1n) over = true;
    any = true;
    i++;
  }
  if (end !== 0) vm.mem.setU64(end, any ? s + i : s);
  if (!any) return 0;
  let r = neg ? -v : v;
  // Unsigned 64-bit results are held in two's complement (ULONG_MAX is -1, see vm/ops.ts).
  if (unsigned) {
    if (v > max) {
      setErrno(vm, 'ERANGE');
      return Number(BigInt.asIntN(64, max));
    }
    return Number(BigInt.asIntN(64, r));
  }
  if (over || r > max || r < min) {
    setErrno(vm, 'ERANGE');
    r = neg ? min : max;
  }
  return Number(r);
}

function digit(c: number): number {
  if (isDigit(c)) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** A hexadecimal floating constant as strtod reads it ("0x1.8p3"), or null: [value, length]. */
function hexFloat(text: string): [number, number] | null {
  const m = /^\s*([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/i.exec(text);
  if (!m || (m[2] + (m[3] ?? '')).length === 0) return null;
  const frac = m[3] ?? '';
  const mant = BigInt(`0x${m[2]}${frac}`);
  const v = Number(mant) * 2 ** (Number(m[4] ?? 0) - 4 * frac.length);
  return [m[1] === '-' ? -v : v, m[0].length];
}

/** strtod on a byte string: the value and how many bytes it took (0 when there is no number). */
export function parseDouble(text: string): [number, number] {
  const hex = hexFloat(text);
  if (hex) return hex;
  const m = /^\s*([+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))/i.exec(text);
  if (!m) return [0, 0];
  const t = m[1]
    .toLowerCase()
    .replace(/^([+-]?)inf(inity)?$/, '$1Infinity')
    .replace(/^[+-]?nan$/, 'NaN');
  return [Number(t), m[0].length];
}

function strtod(vm: VM, s: number, end: number): number {
  const [v, n] = parseDouble(cstr(vm, s));
  if (end !== 0) vm.mem.setU64(end, s + n);
  return v;
}

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

const CTYPE: Natives = {
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

const STRING: Natives = {
  strlen: (vm, a) => strlen(vm, a[0]),
  strnlen: (vm, a) => {
    let n = 0;
    while (n < a[1] && vm.mem.u8(a[0] + n) !== 0) n++;
    return n;
  },
  strcpy: (vm, a) => {
    vm.mem.move(a[0], a[1], strlen(vm, a[1]) + 1);
    return a[0];
  },
  stpcpy: (vm, a) => {
    const n = strlen(vm, a[1]);
    vm.mem.move(a[0], a[1], n + 1);
    return a[0] + n;
  },
  strncpy: (vm, a) => {
    const n = Math.min(strlen(vm, a[1]), a[2]);
    vm.mem.move(a[0], a[1], n);
    vm.mem.fill(a[0] + n, 0, a[2] - n);
    return a[0];
  },
  strcat: (vm, a) => {
    vm.mem.move(a[0] + strlen(vm, a[0]), a[1], strlen(vm, a[1]) + 1);
    return a[0];
  },
  strncat: (vm, a) => {
    const at = a[0] + strlen(vm, a[0]);
    let n = 0;
    while (n < a[2] && vm.mem.u8(a[1] + n) !== 0) n++;
    vm.mem.move(at, a[1], n);
    vm.mem.setU8(at + n, 0);
    return a[0];
  },
  strcmp: (vm, a) => compare(vm, a[0], a[1], Number.MAX_SAFE_INTEGER, false, true),
  strncmp: (vm, a) => compare(vm, a[0], a[1], a[2], false, true),
  strcasecmp: (vm, a) => compare(vm, a[0], a[1], Number.MAX_SAFE_INTEGER, true, true),
  strncasecmp: (vm, a) => compare(vm, a[0], a[1], a[2], true, true),
  strcoll: (vm, a) => compare(vm, a[0], a[1], Number.MAX_SAFE_INTEGER, false, true),
  memcmp: (vm, a) => compare(vm, a[0], a[1], a[2], false, false),
  bcmp: (vm, a) => compare(vm, a[0], a[1], a[2], false, false),
  memcpy: (vm, a) => {
    vm.mem.move(a[0], a[1], a[2]);
    return a[0];
  },
  memmove: (vm, a) => {
    vm.mem.move(a[0], a[1], a[2]);
    return a[0];
  },
  memset: (vm, a) => {
    vm.mem.fill(a[0], a[1] & 0xff, a[2]);
    return a[0];
  },
  bzero: (vm, a) => {
    vm.mem.fill(a[0], 0, a[1]);
    return 0;
  },
  explicit_bzero: (vm, a) => {
    vm.mem.fill(a[0], 0, a[1]);
    return 0;
  },
  bcopy: (vm, a) => {
    vm.mem.move(a[1], a[0], a[2]);
    return 0;
  },
  memchr: (vm, a) => {
    for (let i = 0; i < a[2]; i++) if (vm.mem.u8(a[0] + i) === (a[1] & 0xff)) return a[0] + i;
    return 0;
  },
  strchr: (vm, a) => indexOfChar(vm, a[0], a[1], false),
  index: (vm, a) => indexOfChar(vm, a[0], a[1], false),
  strrchr: (vm, a) => indexOfChar(vm, a[0], a[1], true),
  rindex: (vm, a) => indexOfChar(vm, a[0], a[1], true),
  strstr: (vm, a) => {
    const hay = cstr(vm, a[0]);
    const i = hay.indexOf(cstr(vm, a[1]));
    return i < 0 ? 0 : a[0] + i;
  },
  strspn: (vm, a) => span(vm, a[0], a[1], true),
  strcspn: (vm, a) => span(vm, a[0], a[1], false),
  strpbrk: (vm, a) => {
    const n = span(vm, a[0], a[1], false);
    return vm.mem.u8(a[0] + n) === 0 ? 0 : a[0] + n;
  },
  strdup: (vm, a) => {
    const n = strlen(vm, a[0]);
    const p = mallocBytes(vm, n + 1);
    if (p) vm.mem.move(p, a[0], n + 1);
    return p;
  },
  strndup: (vm, a) => {
    let n = 0;
    while (n < a[1] && vm.mem.u8(a[0] + n) !== 0) n++;
    const p = mallocBytes(vm, n + 1);
    if (p) {
      vm.mem.move(p, a[0], n);
      vm.mem.setU8(p + n, 0);
    }
    return p;
  },
  strtok: (vm, a) => {
    const r = rt(vm);
    let s = a[0] !== 0 ? a[0] : r.strtokNext;
    if (s === 0) return 0;
    s += span(vm, s, a[1], true);
    if (vm.mem.u8(s) === 0) {
      r.strtokNext = 0;
      return 0;
    }
    const end = s + span(vm, s, a[1], false);
    if (vm.mem.u8(end) === 0) r.strtokNext = 0;
    else {
      vm.mem.setU8(end, 0);
      r.strtokNext = end + 1;
    }
    return s;
  },
  // glibc's __strtok_r: *save_ptr is read (and so must be valid) when s is NULL.
  strtok_r: (vm, a) => {
    const [str, delim, save] = a;
    let s = str !== 0 ? str : vm.mem.u64(save);
    if (vm.mem.u8(s) !== 0) s += span(vm, s, delim, true);
    if (vm.mem.u8(s) === 0) {
      vm.mem.setU64(save, s);
      return 0;
    }
    const end = s + span(vm, s, delim, false);
    if (vm.mem.u8(end) === 0) vm.mem.setU64(save, end);
    else {
      vm.mem.setU8(end, 0);
      vm.mem.setU64(save, end + 1);
    }
    return s;
  },
  // glibc's __strsep: NULL *stringp gives NULL; the last token sets *stringp to NULL.
  strsep: (vm, a) => {
    const begin = vm.mem.u64(a[0]);
    if (begin === 0) return 0;
    const end = begin + span(vm, begin, a[1], false);
    if (vm.mem.u8(end) !== 0) {
      vm.mem.setU8(end, 0);
      vm.mem.setU64(a[0], end + 1);
    } else vm.mem.setU64(a[0], 0);
    return begin;
  },
  strerror: (vm, a) => {
    const text = strerrorText(a[0]);
    return errnoFromNumber(a[0]) || a[0] === 0
      ? staticBytes(vm, `strerror:${text}`, bytesOf(text))
      : inBuffer(vm, 'strerror', text);
  },
  strsignal: (vm, a) => {
    const text = strsignalText(a[0]);
    return a[0] > 0 && a[0] < SIGNAL_TEXT.length
      ? staticBytes(vm, `strsignal:${text}`, bytesOf(text))
      : inBuffer(vm, 'strsignal', text);
  },
};

const CONVERT: Natives = {
  atoi: (vm, a) => Number(BigInt.asIntN(32, BigInt(strtoInt(vm, a[0], 0, 10, LONG_MIN, LONG_MAX, false)))),
  atol: (vm, a) => strtoInt(vm, a[0], 0, 10, LONG_MIN, LONG_MAX, false),
  atoll: (vm, a) => strtoInt(vm, a[0], 0, 10, LONG_MIN, LONG_MAX, false),
  strtol: (vm, a) => strtoInt(vm, a[0], a[1], a[2], LONG_MIN, LONG_MAX, false),
  strtoll: (vm, a) => strtoInt(vm, a[0], a[1], a[2], LONG_MIN, LONG_MAX, false),
  strtoul: (vm, a) => strtoInt(vm, a[0], a[1], a[2], 0n, ULONG_MAX, true),
  strtoull: (vm, a) => strtoInt(vm, a[0], a[1], a[2], 0n, ULONG_MAX, true),
  strtoimax: (vm, a) => strtoInt(vm, a[0], a[1], a[2], LONG_MIN, LONG_MAX, false),
  atof: (vm, a) => strtod(vm, a[0], 0),
  strtod: (vm, a) => strtod(vm, a[0], a[1]),
  strtof: (vm, a) => strtod(vm, a[0], a[1]),
  abs: (_, a) => Math.abs(a[0] | 0) | 0,
  labs: (_, a) => Math.abs(a[0]),
  llabs: (_, a) => Math.abs(a[0]),
};

/** The string, ctype and conversion natives. */
export const STRINGS: Natives = { ...CTYPE, ...STRING, ...CONVERT };
