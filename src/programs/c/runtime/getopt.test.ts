/**
 * getopt as glibc's: option characters with optarg, optind and optopt, the arguments permuted
 * so that non-options come last, "--", the messages on stderr, and the optstring's leading ':',
 * '+' and '-'. The expected text is what fixtures/probes/c/getopt.c printed when built with gcc
 * 12 and run on Linux (glibc 2.36); `fixtures/probes/c/run.sh getopt` measures it again (the
 * probe sets argv[0] to "getopt" first, so the messages do not name the build directory).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimProcess } from '../sim';
import { runC } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/getopt.c', import.meta.url), 'utf8');

const FIRST = 'optind 1 opterr 1 optopt 63 optarg (null)\ncommand line\n';

/** getopt.c with no arguments (the built-in argument vectors), measured with gcc on Linux. */
const GCC_BUILT_IN = {
  stdout: `${FIRST}  end optind 1: getopt
leading colon [:n:]
  ? optarg (null) optind 2 optopt 120
  : optarg (null) optind 3 optopt 110
  end optind 3: colon -x -n
leading plus [+ab:]
  a optarg (null) optind 2 optopt 110
  end optind 2: plus -a file -b v
leading minus [-ab:c]
  a optarg (null) optind 2 optopt 110
  1 optarg file optind 3 optopt 110
  b optarg v optind 5 optopt 110
  end optind 6: minus -a file -b v -- -c
opterr 0 [n:]
  ? optarg (null) optind 2 optopt 113
  ? optarg (null) optind 3 optopt 110
  end optind 3: quiet -q -n
dash and double dash [ab]
  a optarg (null) optind 3 optopt 110
  end optind 3: dash -a -- - -b
colon as an option [a:]
  ? optarg (null) optind 2 optopt 58
  ? optarg (null) optind 3 optopt 97
  end optind 3: badchar -: -a
mixed [ab:c::n:]
  a optarg (null) optind 2 optopt 97
  b optarg 1 optind 3 optopt 97
  n optarg 5 optind 7 optopt 97
  c optarg (null) optind 9 optopt 97
  end optind 5: mixed -ab1 -n 5 -c x y z w
rescan with optind 1
  a optarg (null) optind 2 optopt 97
  a optarg (null) optind 3 optopt 97
  end optind 3: rescan -a -a
  a optarg (null) optind 2 optopt 97
  a optarg (null) optind 3 optopt 97
  end optind 3: rescan -a -a
`,
  stderr: "badchar: invalid option -- ':'\nbadchar: option requires an argument -- 'a'\n",
};

/** getopt.c on command lines (optstring "ab:c::n:"), measured with gcc on Linux. */
const GCC_COMMAND_LINES: Record<string, { stdout: string; stderr: string }> = {
  '-a -b x file -cY -c -n': {
    stdout: `${FIRST}  a optarg (null) optind 2 optopt 0
  b optarg x optind 4 optopt 0
  c optarg Y optind 6 optopt 0
  c optarg (null) optind 7 optopt 0
  ? optarg (null) optind 8 optopt 110
  end optind 7: getopt -a -b x -cY -c -n file
`,
    stderr: "getopt: option requires an argument -- 'n'\n",
  },
  'file1 -a file2 -b': {
    stdout: `${FIRST}  a optarg (null) optind 3 optopt 0
  ? optarg (null) optind 5 optopt 98
  end optind 3: getopt -a -b file1 file2
`,
    stderr: "getopt: option requires an argument -- 'b'\n",
  },
  '-z -a -- -b': {
    stdout: `${FIRST}  ? optarg (null) optind 2 optopt 122
  a optarg (null) optind 3 optopt 122
  end optind 4: getopt -z -a -- -b
`,
    stderr: "getopt: invalid option -- 'z'\n",
  },
  '-ab': {
    stdout: `${FIRST}  a optarg (null) optind 1 optopt 0
  ? optarg (null) optind 2 optopt 98
  end optind 2: getopt -ab
`,
    stderr: "getopt: option requires an argument -- 'b'\n",
  },
};

const memo = new Map<string, SimProcess>();
/** The probe run on the interpreter with a command line (argv[0] is replaced by the probe). */
function run(line = ''): SimProcess {
  let p = memo.get(line);
  if (!p) {
    p = runC(PROBE, { argv: ['./getopt', ...line.split(' ').filter(Boolean)] });
    memo.set(line, p);
  }
  return p;
}

/** The lines of a section of the built-in run: from its title to the next title. */
function section(text: string, title: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(title));
  const end = lines.findIndex((l, i) => i > at && !l.startsWith(' '));
  return lines.slice(at, end).join('\n');
}

describe('getopt: options and their arguments, as glibc', () => {
  it('starts with optind 1, opterr 1 and optopt set to ?, as glibc initializes them', () => {
    expect(run().stdout.startsWith(FIRST)).toBe(true);
  });

  it('takes an argument joined (-cY) or as the next word (-b x); an optional one (c::) only joined', () => {
    expect(run('-a -b x file -cY -c -n').stdout).toBe(GCC_COMMAND_LINES['-a -b x file -cY -c -n'].stdout);
  });

  it('moves the non-options after the options and leaves optind at the first of them', () => {
    expect(run('file1 -a file2 -b').stdout).toBe(GCC_COMMAND_LINES['file1 -a file2 -b'].stdout);
    expect(section(run().stdout, 'mixed')).toBe(section(GCC_BUILT_IN.stdout, 'mixed'));
  });

  it('stops at "--", which it skips, and takes a lone "-" as a non-option', () => {
    expect(run('-z -a -- -b').stdout).toBe(GCC_COMMAND_LINES['-z -a -- -b'].stdout);
    expect(section(run().stdout, 'dash')).toBe(section(GCC_BUILT_IN.stdout, 'dash'));
  });

  it('moves optind past a group of options (-ab) only at its last character', () => {
    expect(run('-ab').stdout).toBe(GCC_COMMAND_LINES['-ab'].stdout);
  });

  it('works in a program that never declares its globals (no <unistd.h>)', () => {
    const p = runC(
      'int main(int argc, char **argv) { int c; while ((c = getopt(argc, argv, "ab")) != -1) printf("%c\\n", c); return 0; }',
      {
        argv: ['prog', '-a', 'x', '-b'],
      },
    );
    // gcc (with implicit declarations, as this front end allows) printed the same.
    expect(p.stdout).toBe('a\nb\n');
  });
});

describe('getopt: errors, as glibc', () => {
  it('prints "prog: invalid option" and "option requires an argument" on stderr, naming argv[0]', () => {
    for (const [line, gcc] of Object.entries(GCC_COMMAND_LINES)) expect(run(line).stderr).toBe(gcc.stderr);
  });

  it('returns ? and sets optopt to the option character', () => {
    expect(section(run().stdout, 'colon as an option')).toBe(
      section(GCC_BUILT_IN.stdout, 'colon as an option'),
    );
  });

  it('returns : for a missing argument without a message when the optstring starts with a colon', () => {
    expect(section(run().stdout, 'leading colon')).toBe(section(GCC_BUILT_IN.stdout, 'leading colon'));
  });

  it('prints nothing with opterr set to 0', () => {
    expect(section(run().stdout, 'opterr 0')).toBe(section(GCC_BUILT_IN.stdout, 'opterr 0'));
    expect(run().stderr).toBe(GCC_BUILT_IN.stderr);
  });

  it('faults on a NULL argv or optstring, as glibc does (SIGSEGV)', () => {
    const src = (call: string) =>
      `#include <unistd.h>\nint main(int argc, char **argv) { ${call}; return 0; }`;
    expect(runC(src('getopt(2, 0, "a")')).signal).toBe('SIGSEGV');
    expect(runC(src('getopt(argc, argv, 0)'), { argv: ['prog', '-x'] }).signal).toBe('SIGSEGV');
  });
});

describe('getopt: orderings and rescans, as glibc', () => {
  it('stops at the first non-option with a leading +, and returns non-options as 1 with a leading -', () => {
    expect(section(run().stdout, 'leading plus')).toBe(section(GCC_BUILT_IN.stdout, 'leading plus'));
    expect(section(run().stdout, 'leading minus')).toBe(section(GCC_BUILT_IN.stdout, 'leading minus'));
  });

  it('starts a fresh scan for optind = 0 and scans again for optind = 1', () => {
    expect(run().stdout).toBe(GCC_BUILT_IN.stdout);
  });
});
