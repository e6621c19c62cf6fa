/**
 * getopt(3), as glibc's posix/getopt.c (_getopt_internal_r) does it for short options: the
 * globals optind, optarg, opterr and optopt live in the program's data (see compile/link.ts)
 * and are read and written around each call, as glibc's getopt copies them to and from its
 * struct _getopt_data. By default the arguments are permuted so that the non-options end up
 * last (POSIXLY_CORRECT is never set: the model has no environment); a leading '+' stops at
 * the first non-option, a leading '-' returns non-options as option 1. Errors go to stderr as
 * "prog: invalid option -- 'x'" with argv[0] as prog, unless opterr is 0 or the optstring
 * starts with ':'. optind = 0 starts a fresh scan (glibc's full reinitialisation). The scan is
 * shared with getopt_long and getopt_long_only (getoptLong.ts), which pass their long options
 * in: an argument starting with "--" (or "-", for getopt_long_only) goes to them, and so does
 * "-W foo" when the optstring has "W;".
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import type { GetoptState } from './state';
import { put } from './stdio';
import { andThen, cstr, rt } from './util';

export const DASH = 45;

/**
 * Moves the non-options skipped so far (argv[firstNonopt..lastNonopt)) after the options
 * that followed them (argv[lastNonopt..optind)), each block keeping its order. Mirrors
 * exchange() in posix/getopt.c, swap for swap.
 */
function exchange(vm: VM, argv: number, d: GetoptState, optind: number): void {
  const m = vm.mem;
  let bottom = d.firstNonopt;
  const middle = d.lastNonopt;
  let top = optind;
  const swap = (i: number, j: number) => {
    const t = m.u64(argv + i * 8);
    m.setU64(argv + i * 8, m.u64(argv + j * 8));
    m.setU64(argv + j * 8, t);
  };
  while (top > middle && middle > bottom) {
    if (top - middle > middle - bottom) {
      const len = middle - bottom;
      for (let i = 0; i < len; i++) swap(bottom + i, top - (middle - bottom) + i);
      top -= len;
    } else {
      const len = top - middle;
      for (let i = 0; i < len; i++) swap(bottom + i, middle + i);
      bottom += len;
    }
  }
  d.firstNonopt += optind - d.lastNonopt;
  d.lastNonopt = optind;
}

/** One call of _getopt_internal_r: its arguments and what it changes as it goes. */
export interface Scan {
  vm: VM;
  argc: number;
  argv: number;
  /** The optstring without its leading '+' or '-'. */
  opts: string;
  /** glibc's struct _getopt_data, less optind (below); d.optarg and d.optopt go to the globals. */
  d: GetoptState;
  optind: number;
  /** opterr is set and the optstring does not start with ':'. */
  printErrors: boolean;
  /** What goes to stderr, one string per fprintf glibc makes (each its own write when unbuffered). */
  messages: string[];
}

/** The long options of a getopt_long or getopt_long_only call (see getoptLong.ts). */
export interface LongOptions {
  /** getopt_long_only: a single '-' may start a long option too. */
  only: boolean;
  /**
   * process_long_option for the name at d.nextchar (optind not yet past it), printed after
   * `prefix` in messages: the value to return, or -1 when getopt_long_only should take the
   * argument as short options instead (only when `only`).
   */
  process(s: Scan, prefix: string, only: boolean): number;
}

/** argv[i]. */
export function argAt(s: Scan, i: number): number {
  return s.vm.mem.u64(s.argv + i * 8);
}

/** Queues "prog: text" for stderr, prog being argv[0] as glibc's "%s" prints it. */
export function complain(s: Scan, text: string): void {
  const name = s.vm.mem.u64(s.argv);
  s.messages.push(`${name === 0 ? '(null)' : cstr(s.vm, name)}: ${text}`);
}

/**
 * getopt, getopt_long and getopt_long_only: _getopt_internal, which copies optind and opterr
 * in, scans, and copies optind, optarg and optopt back out; then the messages are written.
 */
export function getoptCall(
  vm: VM,
  argc: number,
  argv: number,
  optstring: number,
  long: LongOptions | null,
): NativeResult {
  const m = vm.mem;
  const g = vm.prog.runtime;
  const s: Scan = {
    vm,
    argc,
    argv,
    opts: '',
    d: rt(vm).getopt,
    optind: g.optind !== null ? m.i32(g.optind) : 1,
    printErrors: (g.opterr !== null ? m.i32(g.opterr) : 1) !== 0,
    messages: [],
  };
  // With argc < 1 glibc returns before clearing optarg, and copies back the last call's value.
  const ret = argc < 1 ? -1 : scan(s, optstring, long);
  if (g.optind !== null) m.setU32(g.optind, s.optind);
  if (g.optarg !== null) m.setU64(g.optarg, s.d.optarg);
  if (g.optopt !== null) m.setU32(g.optopt, s.d.optopt);
  const messages = s.messages;
  const write = (v: VM, i: number): NativeResult =>
    i === messages.length
      ? ret
      : andThen(v, put(v, v.prog.stdFiles[2], messages[i], ret), (w) => write(w, i + 1));
  return write(vm, 0);
}

/** _getopt_internal_r: the next option (its character or value), '?' or ':' for an error, -1 at the end. */
function scan(s: Scan, optstring: number, long: LongOptions | null): number {
  const { vm, argc, d } = s;
  const m = vm.mem;
  d.optarg = 0;
  let opts = cstr(vm, optstring);
  if (s.optind === 0 || !d.initialized) {
    if (s.optind === 0) s.optind = 1;
    d.firstNonopt = s.optind;
    d.lastNonopt = s.optind;
    d.nextchar = 0;
    d.ordering = opts[0] === '-' ? 'return' : opts[0] === '+' ? 'require' : 'permute';
    if (d.ordering !== 'permute') opts = opts.slice(1);
    d.initialized = true;
  } else if (opts[0] === '-' || opts[0] === '+') opts = opts.slice(1);
  s.opts = opts;
  if (opts[0] === ':') s.printErrors = false;
  const nonoption = () => {
    const a = argAt(s, s.optind);
    return m.u8(a) !== DASH || m.u8(a + 1) === 0;
  };

  if (d.nextchar === 0 || m.u8(d.nextchar) === 0) {
    // Advance to the next argument; the user may have moved optind back.
    if (d.lastNonopt > s.optind) d.lastNonopt = s.optind;
    if (d.firstNonopt > s.optind) d.firstNonopt = s.optind;
    if (d.ordering === 'permute') {
      if (d.firstNonopt !== d.lastNonopt && d.lastNonopt !== s.optind) exchange(vm, s.argv, d, s.optind);
      else if (d.lastNonopt !== s.optind) d.firstNonopt = s.optind;
      while (s.optind < argc && nonoption()) s.optind++;
      d.lastNonopt = s.optind;
    }
    // "--" ends the options: skip it, move it before the non-options, and stop.
    if (s.optind !== argc && cstr(vm, argAt(s, s.optind)) === '--') {
      s.optind++;
      if (d.firstNonopt !== d.lastNonopt && d.lastNonopt !== s.optind) exchange(vm, s.argv, d, s.optind);
      else if (d.firstNonopt === d.lastNonopt) d.firstNonopt = s.optind;
      d.lastNonopt = argc;
      s.optind = argc;
    }
    if (s.optind === argc) {
      // optind points at the non-options that were skipped and moved to the end.
      if (d.firstNonopt !== d.lastNonopt) s.optind = d.firstNonopt;
      return -1;
    }
    if (nonoption()) {
      if (d.ordering === 'require') return -1;
      d.optarg = argAt(s, s.optind++);
      return 1;
    }
    const a = argAt(s, s.optind);
    if (long) {
      // "--name" is always a long option; for getopt_long_only so is "-name", unless it is
      // "-f" for a short option f (which then has no other way to be given).
      if (m.u8(a + 1) === DASH) {
        d.nextchar = a + 2;
        return long.process(s, '--', long.only);
      }
      if (long.only && (m.u8(a + 2) !== 0 || opts.indexOf(String.fromCharCode(m.u8(a + 1))) < 0)) {
        d.nextchar = a + 1;
        const code = long.process(s, '-', true);
        if (code !== -1) return code;
      }
    }
    d.nextchar = a + 1;
  }

  // char is signed, as on x86-64: an option byte over 127 comes back negative.
  let c = m.i8(d.nextchar);
  d.nextchar++;
  const ch = String.fromCharCode(c & 0xff);
  const at = opts.indexOf(ch);
  // optind moves on as the last character of an argument is taken.
  if (m.u8(d.nextchar) === 0) s.optind++;
  if (at < 0 || ch === ':' || ch === ';') {
    if (s.printErrors) complain(s, `invalid option -- '${ch}'\n`);
    d.optopt = c;
    return 63;
  }
  const requires = () => {
    if (s.printErrors) complain(s, `option requires an argument -- '${ch}'\n`);
    d.optopt = c;
    return opts[0] === ':' ? 58 : 63;
  };
  if (ch === 'W' && opts[at + 1] === ';' && long) {
    // "-W foo" (or "-Wfoo") is "--foo", with "-W " in the messages.
    if (m.u8(d.nextchar) !== 0) d.optarg = d.nextchar;
    else if (s.optind === argc) return requires();
    else d.optarg = argAt(s, s.optind);
    d.nextchar = d.optarg;
    d.optarg = 0;
    return long.process(s, '-W ', false);
  }
  if (opts[at + 1] === ':') {
    if (opts[at + 2] === ':') {
      // An optional argument: only the rest of this word.
      if (m.u8(d.nextchar) !== 0) {
        d.optarg = d.nextchar;
        s.optind++;
      }
    } else if (m.u8(d.nextchar) !== 0) {
      d.optarg = d.nextchar;
      s.optind++;
    } else if (s.optind === argc) c = requires();
    else d.optarg = argAt(s, s.optind++);
    d.nextchar = 0;
  }
  return c;
}

/** The getopt native. */
export const GETOPT: Record<string, (vm: VM, a: number[]) => NativeResult> = {
  getopt: (vm, a) => getoptCall(vm, a[0] | 0, a[1], a[2], null),
};
