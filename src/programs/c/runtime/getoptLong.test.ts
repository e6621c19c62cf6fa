/**
 * getopt_long and getopt_long_only as glibc's: --name, --name=value and --name value,
 * abbreviations and ambiguities, the flag pointer and longindex, the error messages, a leading
 * ':', '+' and '-', opterr = 0, "-W foo", getopt_long_only's "-name" with its fallback to short
 * options, and the permutation shared with getopt. The expected text was recorded from glibc
 * 2.36: it is what fixtures/probes/c/getopt_long.c printed when built with gcc 12 and run on
 * Linux; `fixtures/probes/c/run.sh getopt_long` measures it again (the probe sets argv[0] to
 * "getopt_long" first, so the messages do not name the build directory).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Machine, step } from '../../../engine';
import { buildScenario } from '../scenario';
import type { SimProcess } from '../sim';
import { runC, scenarioOf } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/getopt_long.c', import.meta.url), 'utf8');

const FIRST = 'optind 1 opterr 1 optopt 63 optarg (null)\ncommand line\n';

/** getopt_long.c with no arguments (the built-in argument vectors), recorded from gcc 12 and glibc 2.36. */
const GCC_BUILT_IN = {
  stdout: `${FIRST}  end optind 1: getopt_long
abbreviations [ab:]
  A index 0 optarg 1 optind 2 optopt 0 flag 0
  P index 1 optarg (null) optind 3 optopt 0 flag 0
  0 index 2 optarg (null) optind 4 optopt 0 flag 1
  0 index 3 optarg (null) optind 5 optopt 0 flag 2
  C index 4 optarg (null) optind 6 optopt 0 flag 0
  C index 5 optarg x optind 7 optopt 0 flag 0
  0 index 6 optarg d optind 9 optopt 0 flag 0
  end optind 9: abbrev --ad=1 --app --verb --br --colo --colou=x --del d
ambiguities [ab:]
  ? index -1 optarg (null) optind 2 optopt 0 flag 0
  ? index -1 optarg (null) optind 3 optopt 0 flag 0
  ? index -1 optarg (null) optind 4 optopt 0 flag 0
  ? index -1 optarg (null) optind 5 optopt 0 flag 0
  ? index -1 optarg (null) optind 6 optopt 0 flag 0
  N index 10 optarg (null) optind 7 optopt 0 flag 0
  end optind 7: ambig --a --xy --xy=1 --=x --x --n
errors [ab:]
  ? index -1 optarg (null) optind 2 optopt 0 flag 0
  ? index -1 optarg (null) optind 3 optopt 0 flag 0
  ? index -1 optarg (null) optind 4 optopt 80 flag 0
  ? index -1 optarg (null) optind 5 optopt 1 flag 0
  ? index -1 optarg (null) optind 6 optopt 65 flag 0
  end optind 6: errors --foo --foo=bar --app=1 --verbose= --ad
opterr 0 [ab:]
  ? index -1 optarg (null) optind 2 optopt 0 flag 0
  ? index -1 optarg (null) optind 3 optopt 0 flag 0
  ? index -1 optarg (null) optind 4 optopt 80 flag 0
  ? index -1 optarg (null) optind 5 optopt 65 flag 0
  end optind 5: quiet --a --foo --append=1 --add
leading colon [:ab:]
  ? index -1 optarg (null) optind 2 optopt 80 flag 0
  ? index -1 optarg (null) optind 3 optopt 0 flag 0
  : index -1 optarg (null) optind 4 optopt 65 flag 0
  end optind 4: :colon --append=1 --a --add
leading plus [+ab:]
  P index 1 optarg (null) optind 2 optopt 65 flag 0
  end optind 2: plus --append file --add x
leading minus [-ab:]
  P index 1 optarg (null) optind 2 optopt 65 flag 0
  1 index -1 optarg file optind 3 optopt 65 flag 0
  A index 0 optarg x optind 4 optopt 65 flag 0
  end optind 5: minus --append file --add=x -- --brief
optional arguments [ab:]
  C index 4 optarg (null) optind 2 optopt 65 flag 0
  C index 4 optarg  optind 4 optopt 65 flag 0
  C index 5 optarg blue optind 5 optopt 65 flag 0
  A index 0 optarg  optind 7 optopt 65 flag 0
  end optind 6: optional --color --color= --colour=blue --add  red
permuted [ab:]
  A index 0 optarg y optind 4 optopt 65 flag 0
  a index -1 optarg (null) optind 6 optopt 65 flag 0
  0 index 2 optarg (null) optind 8 optopt 65 flag 1
  end optind 6: permute --add y -a --verbose -- x z w v --n
-W foo [aW;]
  A index 0 optarg 5 optind 3 optopt 65 flag 0
  0 index 2 optarg (null) optind 4 optopt 65 flag 1
  a index -1 optarg (null) optind 4 optopt 65 flag 0
  ? index -1 optarg (null) optind 5 optopt 0 flag 0
  ? index -1 optarg (null) optind 7 optopt 0 flag 0
  ? index -1 optarg (null) optind 8 optopt 87 flag 0
  end optind 8: wopt -W add=5 -Wverb -aWx -W foo -W
-W without longopts [W;]
  W index -1 optarg (null) optind 2 optopt 87 flag 0
  end optind 2: wshort -W x
long only [an:]
  A index 0 optarg 1 optind 3 optopt 87 flag 0
  P index 1 optarg (null) optind 4 optopt 87 flag 0
  0 index 2 optarg (null) optind 5 optopt 87 flag 1
  n index -1 optarg -n5 optind 7 optopt 87 flag 0
  a index -1 optarg (null) optind 8 optopt 87 flag 0
  ? index -1 optarg (null) optind 9 optopt 0 flag 0
  ? index -1 optarg (null) optind 10 optopt 0 flag 0
  ? index -1 optarg (null) optind 11 optopt 0 flag 0
  end optind 11: onlylong -add 1 -ap -verbose -n -n5 -a -x -z -col
long only, short fallback [b:c]
  b index -1 optarg -bx optind 3 optopt 0 flag 0
  ? index -1 optarg (null) optind 4 optopt 0 flag 0
  c index -1 optarg (null) optind 5 optopt 0 flag 0
  P index 1 optarg (null) optind 6 optopt 0 flag 0
  ? index -1 optarg (null) optind 7 optopt 58 flag 0
  ? index -1 optarg (null) optind 8 optopt 0 flag 0
  A index 0 optarg 2 optind 9 optopt 0 flag 0
  ? index -1 optarg (null) optind 11 optopt 80 flag 0
  ? index -1 optarg (null) optind 12 optopt 65 flag 0
  end optind 11: onlymore -b -bx -co -c --ap -: -foo=1 -add=2 -app=1 -ad -
long only, -W foo [W;]
  0 index 2 optarg (null) optind 2 optopt 65 flag 1
  0 index 3 optarg (null) optind 4 optopt 65 flag 2
  ? index -1 optarg (null) optind 5 optopt 0 flag 0
  end optind 5: onlyw -Wverbose -W brief -Wfoo
one option [a]
  O index 0 optarg x optind 2 optopt 0 flag 0
  O index 0 optarg y optind 3 optopt 0 flag 0
  O index 0 optarg --only optind 5 optopt 0 flag 0
  end optind 5: single --=x -=y --o --only
no long options [a]
  ? index -1 optarg (null) optind 2 optopt 0 flag 0
  a index -1 optarg (null) optind 3 optopt 0 flag 0
  end optind 3: empty --add -a
NULL longopts [aW;]
  a index -1 optarg (null) optind 2 optopt 0 flag 0
  ? index -1 optarg (null) optind 2 optopt 45 flag 0
  a index -1 optarg (null) optind 2 optopt 45 flag 0
  ? index -1 optarg (null) optind 2 optopt 100 flag 0
  ? index -1 optarg (null) optind 3 optopt 100 flag 0
  W index -1 optarg (null) optind 4 optopt 100 flag 0
  end optind 4: nolong -a --add -W x
NULL longindex
  A index -1 optarg 1 optind 2 optopt 100 flag 0
  0 index -1 optarg (null) optind 3 optopt 100 flag 2
  end optind 3: noindex --add=1 --brief
`,
  stderr: `ambig: option '--a' is ambiguous; possibilities: '--add' '--append'
ambig: option '--xy' is ambiguous; possibilities: '--xya' '--xyb'
ambig: option '--xy=1' is ambiguous; possibilities: '--xya' '--xyb'
ambig: option '--=x' is ambiguous; possibilities: '--add' '--append' '--verbose' '--brief' '--color' '--colour' '--delete' '--xya' '--xyb' '--xyc' '--n'
ambig: option '--x' is ambiguous; possibilities: '--xya' '--xyb'
errors: unrecognized option '--foo'
errors: unrecognized option '--foo=bar'
errors: option '--append' doesn't allow an argument
errors: option '--verbose' doesn't allow an argument
errors: option '--add' requires an argument
wopt: option '-W x' is ambiguous; possibilities: '-W xya' '-W xyb'
wopt: unrecognized option '-W foo'
wopt: option requires an argument -- 'W'
onlylong: option '-x' is ambiguous; possibilities: '-xya' '-xyb' '-xyc'
onlylong: unrecognized option '-z'
onlylong: option '-col' is ambiguous; possibilities: '-color' '-colour'
onlymore: option '-co' is ambiguous; possibilities: '-color' '-colour'
onlymore: invalid option -- ':'
onlymore: unrecognized option '-foo=1'
onlymore: option '-append' doesn't allow an argument
onlymore: option '-add' requires an argument
onlyw: unrecognized option '-W foo'
empty: unrecognized option '--add'
nolong: invalid option -- '-'
nolong: invalid option -- 'd'
nolong: invalid option -- 'd'
`,
};

/** getopt_long.c on command lines (optstring "ab:c::n:"), recorded from gcc 12 and glibc 2.36. */
const GCC_COMMAND_LINES: Record<string, { stdout: string; stderr: string }> = {
  '--add x --append file --verbose --color --color=red --col=blue -n 3': {
    stdout: `${FIRST}  A index 0 optarg x optind 3 optopt 0 flag 0
  P index 1 optarg (null) optind 4 optopt 0 flag 0
  0 index 2 optarg (null) optind 6 optopt 0 flag 1
  C index 4 optarg (null) optind 7 optopt 0 flag 0
  C index 4 optarg red optind 8 optopt 0 flag 0
  C index 4 optarg blue optind 9 optopt 0 flag 0
  n index -1 optarg 3 optind 11 optopt 0 flag 0
  end optind 10: getopt_long --add x --append --verbose --color --color=red --col=blue -n 3 file
`,
    stderr: '',
  },
  '--xy --foo --append=1 --add': {
    stdout: `${FIRST}  ? index -1 optarg (null) optind 2 optopt 0 flag 0
  ? index -1 optarg (null) optind 3 optopt 0 flag 0
  ? index -1 optarg (null) optind 4 optopt 80 flag 0
  ? index -1 optarg (null) optind 5 optopt 65 flag 0
  end optind 5: getopt_long --xy --foo --append=1 --add
`,
    stderr: `getopt_long: option '--xy' is ambiguous; possibilities: '--xya' '--xyb'
getopt_long: unrecognized option '--foo'
getopt_long: option '--append' doesn't allow an argument
getopt_long: option '--add' requires an argument
`,
  },
};

const memo = new Map<string, SimProcess>();
/** The probe run on the interpreter with a command line (argv[0] is replaced by the probe). */
function run(line = ''): SimProcess {
  let p = memo.get(line);
  if (!p) {
    p = runC(PROBE, { argv: ['./getopt_long', ...line.split(' ').filter(Boolean)] });
    memo.set(line, p);
  }
  return p;
}

/** The lines of a section of the built-in run: from its title ("name [optstring]") to the next title. */
function section(text: string, title: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${title} [`));
  const end = lines.findIndex((l, i) => i > at && !l.startsWith(' '));
  return lines.slice(at, end).join('\n');
}

/** The messages of one argument vector (named by its argv[0]) on stderr. */
function said(stderr: string, prog: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith(`${prog}: `));
}

/** Expects a section of the built-in run, and its messages, to be glibc's. */
function expectSection(title: string, prog: string): void {
  expect(section(run().stdout, title)).toBe(section(GCC_BUILT_IN.stdout, title));
  expect(said(run().stderr, prog)).toEqual(said(GCC_BUILT_IN.stderr, prog));
}

describe('getopt_long: long options, as glibc', () => {
  it('takes --name, --name=value and --name value, and an optional argument only after "="', () => {
    const line = '--add x --append file --verbose --color --color=red --col=blue -n 3';
    expect(run(line).stdout).toBe(GCC_COMMAND_LINES[line].stdout);
    expectSection('optional arguments', 'optional');
  });

  it('takes an abbreviation that is unique, or whose matches agree in has_arg, flag and val', () => {
    expectSection('abbreviations', 'abbrev');
  });

  it('stores val through the flag pointer and returns 0, and sets *longindex only when given one', () => {
    expect(section(run().stdout, 'NULL longindex')).toBe(section(GCC_BUILT_IN.stdout, 'NULL longindex'));
    expect(run().stdout).toContain('  0 index 2 optarg (null) optind 4 optopt 0 flag 1\n');
  });

  it('moves the non-options after the options, long and short alike, and stops at "--"', () => {
    expectSection('permuted', 'permute');
  });

  it("keeps to the optstring's leading '+' (stop at a non-option) and '-' (return it as 1)", () => {
    expectSection('leading plus', 'plus');
    expectSection('leading minus', 'minus');
  });

  it('works in a program that never names optind, optarg, opterr or optopt', () => {
    const p = runC(
      `#include <getopt.h>
#include <stdio.h>
int main(int argc, char **argv) {
  static const struct option lo[] = {{"name", required_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};
  int c, i;
  while ((c = getopt_long(argc, argv, "v", lo, &i)) != -1) printf("%c %d\\n", c, i);
  return 0;
}`,
      { argv: ['prog', '--na=x', 'file', '-v', '--name', 'y'] },
    );
    // gcc and glibc 2.36 printed the same.
    expect(p.stdout).toBe('n 0\nv 0\nn 0\n');
  });
});

describe('getopt_long: errors, as glibc', () => {
  it('lists the possibilities of an ambiguous abbreviation, leaving out those equal to the first', () => {
    expectSection('ambiguities', 'ambig');
  });

  it('reports unrecognized options, arguments not allowed and arguments missing', () => {
    expectSection('errors', 'errors');
    const line = '--xy --foo --append=1 --add';
    expect(run(line).stdout).toBe(GCC_COMMAND_LINES[line].stdout);
    expect(run(line).stderr).toBe(GCC_COMMAND_LINES[line].stderr);
  });

  it("prints nothing with opterr 0, and returns ':' for a missing argument after a leading ':'", () => {
    expectSection('opterr 0', 'quiet');
    expectSection('leading colon', ':colon');
  });

  it("writes the ambiguity message as glibc's four fprintf calls do on an unbuffered stderr", () => {
    const built = buildScenario(scenarioOf(PROBE, { argv: ['./getopt_long', '--xy'] }));
    const m = built.machine as Machine;
    for (let i = 0; i < 100_000 && 'index' in step(m); i++);
    const writes = (m.kernel.procs.get(built.pids[0])?.tty?.output ?? [])
      .filter((o) => o.stream === 'stderr')
      .map((o) => new TextDecoder().decode(Uint8Array.from(o.text)));
    // As strace showed them for the gcc build.
    expect(writes).toEqual([
      "getopt_long: option '--xy' is ambiguous; possibilities:",
      " '--xya'",
      " '--xyb'",
      '\n',
    ]);
  });

  it('faults on a NULL argv or a bad longopts pointer, as glibc does (SIGSEGV)', () => {
    const src = (call: string) =>
      `#include <getopt.h>\nint main(int argc, char **argv) { static const struct option lo[] = {{"a", 0, 0, 1}, {0, 0, 0, 0}}; ${call}; return 0; }`;
    expect(runC(src('getopt_long(2, 0, "a", lo, 0)')).signal).toBe('SIGSEGV');
    expect(
      runC(src('getopt_long_only(argc, argv, "a", (struct option *)8, 0)'), { argv: ['prog', '--x'] }).signal,
    ).toBe('SIGSEGV');
  });
});

describe('getopt_long_only, as glibc', () => {
  it('takes "-name" as a long option, and any two matches of an abbreviation as ambiguous', () => {
    expectSection('long only', 'onlylong');
  });

  it('reads "-f" as the short option f, and falls back to short options when no long one matches', () => {
    expectSection('long only, short fallback', 'onlymore');
    expectSection('long only, -W foo', 'onlyw');
  });

  it('matches the only long option with an empty name ("--=x", "-=y")', () => {
    expectSection('one option', 'single');
  });
});

describe('getopt_long: -W foo and no long options, as glibc', () => {
  it('reads "-W foo" and "-Wfoo" as "--foo" when the optstring has "W;"', () => {
    expectSection('-W foo', 'wopt');
  });

  it('takes -W as a plain option, and --name as short options, when longopts is NULL', () => {
    expectSection('-W without longopts', 'wshort');
    expectSection('NULL longopts', 'nolong');
    expectSection('no long options', 'empty');
  });

  it('prints what glibc printed for every built-in vector, byte for byte', () => {
    expect(run().stdout).toBe(GCC_BUILT_IN.stdout);
    expect(run().stderr).toBe(GCC_BUILT_IN.stderr);
    for (const [line, gcc] of Object.entries(GCC_COMMAND_LINES)) {
      expect(run(line).stdout).toBe(gcc.stdout);
      expect(run(line).stderr).toBe(gcc.stderr);
    }
  });
});
