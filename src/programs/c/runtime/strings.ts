/**
 * string.h and strings.h, over the process's memory; the entry for the ctype.h natives (ctype.ts),
 * the number conversions of stdlib.h (convert.ts) and strerror and strsignal (strerror.ts).
 */
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { CONVERT } from './convert';
import { CTYPE, lower } from './ctype';
import { mallocBytes } from './heap';
import { MESSAGES } from './strerror';
import { cstr, rt } from './util';

export { parseDouble } from './convert';
export { strerrorText, strsignalText } from './strerror';

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

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

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
  ...MESSAGES,
};

/** The string, ctype and conversion natives. */
export const STRINGS: Natives = { ...CTYPE, ...STRING, ...CONVERT };
