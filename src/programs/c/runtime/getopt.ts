/**
 * getopt(3), as glibc's posix/getopt.c (_getopt_internal_r) does it for short options: the
 * globals optind, optarg, opterr and optopt live in the program's data (see compile/link.ts)
 * and are read and written around each call, as glibc's getopt copies them to and from its
 * struct _getopt_data. By default the arguments are permuted so that the non-options end up
 * last (POSIXLY_CORRECT is never set: the model has no environment); a leading '+' stops at
 * the first non-option, a leading '-' returns non-options as option 1. Errors go to stderr as
 * "prog: invalid option -- 'x'" with argv[0] as prog, unless opterr is 0 or the optstring
 * starts with ':'. optind = 0 starts a fresh scan (glibc's full reinitialisation).
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import type { GetoptState } from './state';
import { put } from './stdio';
import { cstr, rt } from './util';

const DASH = 45;

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

/** getopt(argc, argv, optstring): the next option character, '?' or ':' for an error, -1 at the end. */
function getopt(vm: VM, argc: number, argv: number, optstring: number): NativeResult {
  const m = vm.mem;
  const g = vm.prog.runtime;
  const d = rt(vm).getopt;
  let optind = g.optind !== null ? m.i32(g.optind) : 1;
  const opterr = g.opterr !== null ? m.i32(g.opterr) : 1;
  let optarg = 0;
  /** Copies the state back to the globals (as _getopt_internal does) and returns, after a message. */
  const finish = (ret: number, message = ''): NativeResult => {
    if (g.optind !== null) m.setU32(g.optind, optind);
    if (g.optarg !== null) m.setU64(g.optarg, optarg);
    if (g.optopt !== null) m.setU32(g.optopt, d.optopt);
    if (!message) return ret;
    const name = m.u64(argv);
    return put(vm, vm.prog.stdFiles[2], `${name === 0 ? '(null)' : cstr(vm, name)}: ${message}\n`, ret);
  };
  if (argc < 1) {
    // glibc returns before clearing optarg, and copies back the last call's value.
    optarg = d.optarg;
    return finish(-1);
  }
  d.optarg = 0;
  let opts = cstr(vm, optstring);
  if (optind === 0 || !d.initialized) {
    if (optind === 0) optind = 1;
    d.firstNonopt = optind;
    d.lastNonopt = optind;
    d.nextchar = 0;
    d.ordering = opts[0] === '-' ? 'return' : opts[0] === '+' ? 'require' : 'permute';
    if (d.ordering !== 'permute') opts = opts.slice(1);
    d.initialized = true;
  } else if (opts[0] === '-' || opts[0] === '+') opts = opts.slice(1);
  const printErrors = opterr !== 0 && opts[0] !== ':';
  const arg = (i: number) => m.u64(argv + i * 8);
  const nonoption = () => {
    const s = arg(optind);
    return m.u8(s) !== DASH || m.u8(s + 1) === 0;
  };

  if (d.nextchar === 0 || m.u8(d.nextchar) === 0) {
    // Advance to the next argument; the user may have moved optind back.
    if (d.lastNonopt > optind) d.lastNonopt = optind;
    if (d.firstNonopt > optind) d.firstNonopt = optind;
    if (d.ordering === 'permute') {
      if (d.firstNonopt !== d.lastNonopt && d.lastNonopt !== optind) exchange(vm, argv, d, optind);
      else if (d.lastNonopt !== optind) d.firstNonopt = optind;
      while (optind < argc && nonoption()) optind++;
      d.lastNonopt = optind;
    }
    // "--" ends the options: skip it, move it before the non-options, and stop.
    if (optind !== argc && cstr(vm, arg(optind)) === '--') {
      optind++;
      if (d.firstNonopt !== d.lastNonopt && d.lastNonopt !== optind) exchange(vm, argv, d, optind);
      else if (d.firstNonopt === d.lastNonopt) d.firstNonopt = optind;
      d.lastNonopt = argc;
      optind = argc;
    }
    if (optind === argc) {
      // optind points at the non-options that were skipped and moved to the end.
      if (d.firstNonopt !== d.lastNonopt) optind = d.firstNonopt;
      return finish(-1);
    }
    if (nonoption()) {
      if (d.ordering === 'require') return finish(-1);
      optarg = arg(optind++);
      d.optarg = optarg;
      return finish(1);
    }
    d.nextchar = arg(optind) + 1;
  }

  // char is signed, as on x86-64: an option byte over 127 comes back negative.
  let c = m.i8(d.nextchar);
  d.nextchar++;
  const ch = String.fromCharCode(c & 0xff);
  const at = opts.indexOf(ch);
  // optind moves on as the last character of an argument is taken.
  if (m.u8(d.nextchar) === 0) optind++;
  if (at < 0 || ch === ':' || ch === ';') {
    d.optopt = c;
    return finish(63, printErrors ? `invalid option -- '${ch}'` : '');
  }
  let message = '';
  if (opts[at + 1] === ':') {
    if (opts[at + 2] === ':') {
      // An optional argument: only the rest of this word.
      if (m.u8(d.nextchar) !== 0) {
        optarg = d.nextchar;
        optind++;
      }
    } else if (m.u8(d.nextchar) !== 0) {
      optarg = d.nextchar;
      optind++;
    } else if (optind === argc) {
      if (printErrors) message = `option requires an argument -- '${ch}'`;
      d.optopt = c;
      c = opts[0] === ':' ? 58 : 63;
    } else optarg = arg(optind++);
    d.nextchar = 0;
  }
  d.optarg = optarg;
  return finish(c, message);
}

/** The getopt native. */
export const GETOPT: Record<string, (vm: VM, a: number[]) => NativeResult> = {
  getopt: (vm, a) => getopt(vm, a[0] | 0, a[1], a[2]),
};
