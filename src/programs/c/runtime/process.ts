/**
 * Process-level library calls: exit (atexit handlers, then flushing stdio), _exit, abort,
 * atexit, getenv, rand (glibc's generator, so seeded output matches), time and friends over
 * the model's clock, and byte-order conversions.
 */

import type { SysResult } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { flushAll, put } from './stdio';
import { andThen, cstr, rt } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The wall clock the model starts at: 2026-01-01 00:00:00 UTC (deterministic, like the rest). */
export const EPOCH_SECONDS = 1767225600;

/** exit(): atexit handlers in reverse order, then every stream flushed, then the process ends. */
export function exit(vm: VM, status: number): NativeResult {
  const handler = rt(vm).atexit.pop();
  if (handler !== undefined) return { call: handler, args: [], cont: (v: VM) => exit(v, status) };
  return andThen(vm, flushAll(vm), () => ({ exit: status, now: true }));
}

/** glibc's random(): the additive feedback generator (TYPE_3) seeded by srand(). */
function seed(vm: VM, s: number): void {
  const r: number[] = [s === 0 ? 1 : s | 0];
  for (let i = 1; i < 31; i++) {
    const hi = Math.trunc(r[i - 1] / 127773);
    const lo = r[i - 1] % 127773;
    let word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    r.push(word);
  }
  for (let i = 31; i < 34; i++) r.push(r[i - 31]);
  const state = rt(vm);
  state.rand = r;
  for (let i = 34; i < 344; i++) next(state.rand);
}

function next(r: number[]): number {
  const v = (r[r.length - 31] + r[r.length - 3]) | 0;
  r.push(v);
  r.shift();
  return (v >>> 1) & 0x7fffffff;
}

function clock(cont: (vm: VM, ms: number) => NativeResult): NativeResult {
  return { syscall: { name: 'clock_gettime' }, cont: (vm: VM, r: SysResult) => cont(vm, r.value ?? 0) };
}

const swap16 = (v: number) => ((v & 0xff) << 8) | ((v >> 8) & 0xff);
const swap32 = (v: number) =>
  (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | ((v >>> 24) & 0xff)) >>> 0;

/** The process natives. */
export const PROCESS: Natives = {
  exit: (vm, a) => exit(vm, a[0]),
  _exit: (_, a) => ({ exit: a[0], now: true }),
  _Exit: (_, a) => ({ exit: a[0], now: true }),
  abort: () => ({ fault: 6, message: 'abort() was called' }),
  // assert(): "prog: file:line: func: Assertion `expr' failed." on stderr, then abort().
  __assert_fail: (vm, a) => {
    const text = `${rt(vm).progname}: ${cstr(vm, a[1])}:${a[2]}: ${a[3] ? `${cstr(vm, a[3])}: ` : ''}Assertion \`${cstr(vm, a[0])}' failed.\n`;
    return andThen(vm, put(vm, vm.prog.stdFiles[2], text, 0), () => ({
      fault: 6,
      message: 'an assertion failed',
    }));
  },
  atexit: (vm, a) => {
    rt(vm).atexit.push(a[0]);
    return 0;
  },
  getenv: () => 0,
  srand: (vm, a) => {
    seed(vm, a[0] >>> 0);
    return 0;
  },
  srandom: (vm, a) => {
    seed(vm, a[0] >>> 0);
    return 0;
  },
  rand: (vm) => {
    const state = rt(vm);
    if (state.rand.length === 0) seed(vm, 1);
    return next(state.rand);
  },
  random: (vm) => {
    const state = rt(vm);
    if (state.rand.length === 0) seed(vm, 1);
    return next(state.rand);
  },
  time: (_, a) =>
    clock((vm, ms) => {
      const t = EPOCH_SECONDS + Math.floor(ms / 1000);
      if (a[0]) vm.mem.setU64(a[0], t);
      return t;
    }),
  gettimeofday: (_, a) =>
    clock((vm, ms) => {
      if (a[0]) {
        vm.mem.setU64(a[0], EPOCH_SECONDS + Math.floor(ms / 1000));
        vm.mem.setU64(a[0] + 8, (ms % 1000) * 1000);
      }
      return 0;
    }),
  clock_gettime: (_, a) =>
    clock((vm, ms) => {
      const base = a[0] === 0 ? EPOCH_SECONDS : 0;
      vm.mem.setU64(a[1], base + Math.floor(ms / 1000));
      vm.mem.setU64(a[1] + 8, (ms % 1000) * 1e6);
      return 0;
    }),
  htons: (_, a) => swap16(a[0] & 0xffff),
  ntohs: (_, a) => swap16(a[0] & 0xffff),
  htonl: (_, a) => swap32(a[0] >>> 0),
  ntohl: (_, a) => swap32(a[0] >>> 0),
};
