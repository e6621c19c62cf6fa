/**
 * <err.h>, as glibc's misc/err.c writes it: "PROG: " (program_invocation_short_name, argv[0]
 * after its last '/'), then the message, then for warn and err ": " and strerror(errno) (the
 * errno of the call, before anything is printed), then a newline, all on stderr; err and errx
 * then exit() with their status, running atexit handlers and flushing stdout.
 */
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { argsFrom, argsFromVaList, format } from './format';
import { exit } from './process';
import { put } from './stdio';
import { strerrorText } from './strings';
import { andThen, cstr, getErrno, rt } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The line warn (withErrno) or warnx writes for a format (0: none) and its arguments. */
function message(vm: VM, fmt: number, next: () => number, withErrno: boolean): string {
  const errno = getErrno(vm);
  let text = `${rt(vm).progname}: `;
  if (fmt !== 0) text += format(vm, cstr(vm, fmt), next) + (withErrno ? ': ' : '');
  if (withErrno) text += strerrorText(errno);
  return `${text}\n`;
}

const say = (vm: VM, text: string) => put(vm, vm.prog.stdFiles[2], text, 0);
const sayAndExit = (vm: VM, text: string, status: number) =>
  andThen(vm, say(vm, text), (v) => exit(v, status));

export const ERR: Natives = {
  warn: (vm, a) => say(vm, message(vm, a[0], argsFrom(a, 1), true)),
  warnx: (vm, a) => say(vm, message(vm, a[0], argsFrom(a, 1), false)),
  vwarn: (vm, a) => say(vm, message(vm, a[0], argsFromVaList(vm, a[1]), true)),
  vwarnx: (vm, a) => say(vm, message(vm, a[0], argsFromVaList(vm, a[1]), false)),
  err: (vm, a) => sayAndExit(vm, message(vm, a[1], argsFrom(a, 2), true), a[0]),
  errx: (vm, a) => sayAndExit(vm, message(vm, a[1], argsFrom(a, 2), false), a[0]),
  verr: (vm, a) => sayAndExit(vm, message(vm, a[1], argsFromVaList(vm, a[2]), true), a[0]),
  verrx: (vm, a) => sayAndExit(vm, message(vm, a[1], argsFromVaList(vm, a[2]), false), a[0]),
};
