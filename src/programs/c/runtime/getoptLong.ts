/**
 * getopt_long(3) and getopt_long_only(3), as glibc's posix/getopt.c does them
 * (process_long_option): "--name", "--name=value" or "--name value" for a required argument
 * (an optional one only with '='), any unambiguous abbreviation of a name, the flag pointer (the
 * val stored there, 0 returned) and *longindex. An abbreviation is ambiguous when it matches
 * options that differ in has_arg, flag or val (for getopt_long_only, when it matches two
 * options at all). The messages are glibc's, after "prog: ": "unrecognized option '--foo'",
 * "option '--a' is ambiguous; possibilities: '--add' '--append'", "option '--add' requires an
 * argument" and "option '--append' doesn't allow an argument". getopt_long_only also takes
 * "-name", falling back to short options when no long one matches and the first character is a
 * short option. Everything else (short options, "-W foo" for an optstring with "W;", the
 * permutation of the arguments, optind, optarg, optopt and opterr) is the scan getopt.ts shares.
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { argAt, complain, DASH, getoptCall, type LongOptions, type Scan } from './getopt';
import { cstr } from './util';

/** struct option: const char *name; int has_arg; int *flag; int val (32 bytes on x86-64). */
const OPTION_SIZE = 32;

/** One struct option of the array. */
interface Option {
  name: string;
  hasArg: number;
  flag: number;
  val: number;
}

/** Entry i of the longopts array. */
function option(vm: VM, longopts: number, i: number): Option {
  const m = vm.mem;
  const p = longopts + i * OPTION_SIZE;
  return { name: cstr(vm, m.u64(p)), hasArg: m.i32(p + 8), flag: m.u64(p + 16), val: m.i32(p + 24) };
}

/** Whether entry i ends the array (its name is NULL). */
function atEnd(vm: VM, longopts: number, i: number): boolean {
  return vm.mem.u64(longopts + i * OPTION_SIZE) === 0;
}

/**
 * process_long_option: the option named at d.nextchar (up to '=' or the end), looked up in
 * longopts, consumed with its argument. Returns what getopt_long returns, or -1 when
 * getopt_long_only should read the argument as short options instead.
 */
function processLongOption(
  s: Scan,
  longopts: number,
  longind: number,
  only: boolean,
  prefix: string,
): number {
  const { vm, d } = s;
  const m = vm.mem;
  const start = d.nextchar;
  const text = cstr(vm, start);
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  // An exact match first, counting the options on the way.
  let found: Option | null = null;
  let index = -1;
  let count = 0;
  for (; !atEnd(vm, longopts, count); count++) {
    const o = option(vm, longopts, count);
    if (o.name === name) {
      found = o;
      index = count;
      break;
    }
  }
  if (found === null) {
    // Then the abbreviations: the first one, and which others differ from it.
    let ambiguous: number[] | null = null;
    for (let i = 0; i < count; i++) {
      const o = option(vm, longopts, i);
      if (!o.name.startsWith(name)) continue;
      if (found === null) {
        found = o;
        index = i;
      } else if (only || found.hasArg !== o.hasArg || found.flag !== o.flag || found.val !== o.val) {
        ambiguous ??= [index];
        ambiguous.push(i);
      }
    }
    if (ambiguous) {
      if (s.printErrors) {
        // One fprintf per piece in glibc, so as many writes to an unbuffered stderr. (glibc's
        // shorter message without the possibilities is only for a failed malloc.)
        complain(s, `option '${prefix}${text}' is ambiguous; possibilities:`);
        for (const i of ambiguous) s.messages.push(` '${prefix}${option(vm, longopts, i).name}'`);
        s.messages.push('\n');
      }
      d.nextchar = start + text.length;
      s.optind++;
      d.optopt = 0;
      return 63;
    }
  }
  if (found === null) {
    // Not a long option: an error, unless getopt_long_only can read "-x..." as short options.
    const first = String.fromCharCode(m.u8(start));
    if (!only || m.u8(argAt(s, s.optind) + 1) === DASH || s.opts.indexOf(first) < 0) {
      if (s.printErrors) complain(s, `unrecognized option '${prefix}${text}'\n`);
      d.nextchar = 0;
      s.optind++;
      d.optopt = 0;
      return 63;
    }
    return -1;
  }
  s.optind++;
  d.nextchar = 0;
  if (eq >= 0) {
    if (found.hasArg !== 0) d.optarg = start + eq + 1;
    else {
      if (s.printErrors) complain(s, `option '${prefix}${found.name}' doesn't allow an argument\n`);
      d.optopt = found.val;
      return 63;
    }
  } else if (found.hasArg === 1) {
    if (s.optind < s.argc) d.optarg = argAt(s, s.optind++);
    else {
      if (s.printErrors) complain(s, `option '${prefix}${found.name}' requires an argument\n`);
      d.optopt = found.val;
      return s.opts[0] === ':' ? 58 : 63;
    }
  }
  if (longind !== 0) m.setU32(longind, index);
  if (found.flag !== 0) {
    m.setU32(found.flag, found.val);
    return 0;
  }
  return found.val;
}

/** getopt_long and getopt_long_only: getopt's scan with these long options (or none, for NULL). */
function getoptLong(vm: VM, a: number[], only: boolean): NativeResult {
  const [longopts, longind] = [a[3], a[4]];
  const long: LongOptions | null =
    longopts === 0
      ? null
      : { only, process: (s, prefix, o) => processLongOption(s, longopts, longind, o, prefix) };
  return getoptCall(vm, a[0] | 0, a[1], a[2], long);
}

/** The getopt_long natives. */
export const GETOPT_LONG: Record<string, (vm: VM, a: number[]) => NativeResult> = {
  getopt_long: (vm, a) => getoptLong(vm, a, false),
  getopt_long_only: (vm, a) => getoptLong(vm, a, true),
};
