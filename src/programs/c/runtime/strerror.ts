/**
 * strerror and strsignal, and their texts (glibc's): a known number's text is a constant string,
 * another's is formatted into the function's one static buffer.
 */
import { errnoFromNumber, errnoMessage } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { bytesOf, staticBytes } from './util';

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

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The strerror and strsignal natives. */
export const MESSAGES: Natives = {
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
