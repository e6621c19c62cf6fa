/**
 * The C library: every native function by name, and the library functions written in C
 * (compiled with the program as system code, so their statements are not steps).
 */
import type { Native } from '../vm/native';
import { CALENDAR } from './calendar';
import { ERR } from './err';
import { GETLINE } from './getline';
import { GETOPT } from './getopt';
import { GETOPT_LONG } from './getoptLong';
import { HEAP } from './heap';
import { MATH } from './math';
import { PROCESS } from './process';
import { SCAN } from './scan';
import { SIGNALS } from './signals';
import { SOCKETS } from './sockets';
import { SORT } from './sort';
import { STDIO } from './stdio';
import { STRINGS } from './strings';
import { TMPNAM } from './tmpnam';
import { UNISTD } from './unistd';

/** Every native by name. */
export const NATIVES: Record<string, Native> = {
  ...HEAP,
  ...STRINGS,
  ...STDIO,
  ...SOCKETS,
  ...UNISTD,
  ...SIGNALS,
  ...PROCESS,
  ...ERR,
  ...CALENDAR,
  ...TMPNAM,
  ...GETOPT,
  ...GETOPT_LONG,
  ...SORT,
  ...SCAN,
  ...GETLINE,
  ...MATH,
};

/** The names the linker may resolve to natives. */
export const NATIVE_NAMES: ReadonlySet<string> = new Set(Object.keys(NATIVES));

/**
 * Functions a C program may call that the model does not have, with why: the linker reports
 * these instead of a bare "undefined reference".
 */
export const NOT_MODELLED: Record<string, string> = {
  pthread_create: 'threads are not modelled (fork a process instead)',
  execve: 'exec is not modelled',
  execl: 'exec is not modelled',
  execlp: 'exec is not modelled',
  execv: 'exec is not modelled',
  execvp: 'exec is not modelled',
  system: 'running a shell is not modelled',
  clock: 'processor time is not modelled (time and clock_gettime give the simulated clock)',
  popen: 'running a shell is not modelled',
  getaddrinfo: 'only UNIX domain sockets are modelled',
  gethostbyname: 'only UNIX domain sockets are modelled',
  inet_pton: 'only UNIX domain sockets are modelled',
  inet_ntop: 'only UNIX domain sockets are modelled',
  mmap: 'memory mapping is not modelled',
  epoll_create: 'epoll is not modelled (use poll or select)',
  epoll_create1: 'epoll is not modelled (use poll or select)',
  ...Object.fromEntries(
    ['erf', 'erfc', 'lgamma', 'tgamma', 'remainder', 'fma'].flatMap((f) =>
      [f, `${f}f`, `${f}l`].map((name) => [name, "not in the model's math library"]),
    ),
  ),
};

/** The natives in the order a program's native table lists them. */
export function nativeTable(names: string[]): Native[] {
  return names.map((n) => NATIVES[n]);
}
