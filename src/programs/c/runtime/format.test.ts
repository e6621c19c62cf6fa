/**
 * printf and friends against glibc. The expected text is what fixtures/probes/c/format.c
 * printed when built with gcc 12 and run on Linux (glibc 2.36); `fixtures/probes/c/run.sh format`
 * measures it again. Each test picks the lines of one behaviour; the last compares everything.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimProcess } from '../sim';
import { lineOf, runC } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/format.c', import.meta.url), 'utf8');

/** Measured with gcc on Linux. */
const GCC = `d [42] [   42] [42   ] [00042] [+42] [ 42] [007] [    -007] [+9    ]
neg [-42] [  -42] [-42  |] [-0042] [-42] [-42]
i [123] [] [1]
u [3000000000] [4294967295] [18446744073709551615] [18446744073709551615]
x [ff] [FF] [0xff] [0XFF] [000000ff] [0x0000ff] [0] [ffffffff]
o [10] [010] [0] [777]
c [A] [  B] [C  |]
s [hello] [      hi] [hi      |] [abc] [xy] [  ab]
star [     1] [2     |] [3     |] [0005]
hh [44] [44] [4464] [4464] [ff]
l [-9223372036854775808] [9223372036854775807] [-9223372036854775808] [18446744073709551615] [ffffffffffffffff]
jzt [-5] [-6] [-7] [8]
int [-2147483648] [2147483647] [4294967295]
f [3.141590] [2.00] [   1.500] [1.2     |] [+2.0] [-0003.50] [0] [2] [2.]
f2 [0.100000] [100000000000000000000.000000] [-0.0] [0.333333]
e [1.234568e+04] [1.23e-04] [1.000000E+20] [0.000000e+00] [1.000000e-300]
g [0.1] [1e+20] [1e-05] [100000] [1e+06] [0.0001] [123.456] [1.00000]
g2 [3.14] [0.3333333333] [1E-10] [1e+100] [       2.5|] [0.5       |]
p [(nil)] [     (nil)|] [0x1234]
pct [%] [%]
ties [0] [2] [4] [0.2] [1.00] [1.2e+00] [2e+00] [0.12]
round [1e+06] [1e+07] [100] [1.00] [1.23457e+08] [2e+01] [3.e+00]
special [inf] [-inf] [INF] [nan] [NAN] [ -0.0] [  inf] [nan   |] [+inf]
zero [0] [-0.000000e+00] [+0.0] [ 1.500000] [0.00000]
tiny [4.94066e-324] [2.225e-308] [0.000000] [0.0001]
m [Connection reset by peer] [Connection reset by peer|]
n abc| 5
snprintf 22 [truncated-strin]
snprintf5 8 [abcd]
snprintf0 6
sprintf 4 [beef]
abc
printf returns 4
`;

let ran: SimProcess | undefined;
/** The probe's run on the interpreter (once for the file). */
function ours(): string {
  ran ??= runC(PROBE);
  return ran.stdout;
}

/** Our line and gcc's for a label. */
function both(label: string): [string, string] {
  return [lineOf(ours(), label), lineOf(GCC, label)];
}

describe('printf integer conversions, as glibc', () => {
  it('pads %5d on the left, %-5d on the right and %05d with zeros; + and space give a sign', () => {
    const [got, want] = both('d');
    expect(got).toBe(want);
  });

  it('puts the minus sign before zero padding and counts it in the width', () => {
    const [got, want] = both('neg');
    expect(got).toBe(want);
  });

  it('prints no digits for %.0d of zero', () => {
    const [got, want] = both('i');
    expect(got).toBe(want);
  });

  it('prints %u of -1 as 4294967295, ULONG_MAX with %lu and (size_t)-1 with %zu as 18446744073709551615', () => {
    const [got, want] = both('u');
    expect(got).toBe(want);
    expect(got).toBe('u [3000000000] [4294967295] [18446744073709551615] [18446744073709551615]');
  });

  it('writes hex and octal with the # prefix only for non-zero values', () => {
    expect(lineOf(ours(), 'x')).toBe(lineOf(GCC, 'x'));
    expect(lineOf(ours(), 'o')).toBe(lineOf(GCC, 'o'));
  });

  it('takes widths and precisions from * arguments; a negative * width left-justifies', () => {
    const [got, want] = both('star');
    expect(got).toBe(want);
  });

  it('cuts %hhd and %hd arguments to char and short', () => {
    const [got, want] = both('hh');
    expect(got).toBe(want);
  });

  it('prints LONG_MIN, LONG_MAX and ULONG_MAX with l, ll, j, z and t', () => {
    for (const label of ['l', 'jzt', 'int']) expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
  });

  it('prints %p of NULL as (nil), padded like a string', () => {
    const [got, want] = both('p');
    expect(got).toBe(want);
  });
});

describe('printf strings and characters, as glibc', () => {
  it('pads %c and %s to a width and cuts %.3s and %.*s to a precision', () => {
    expect(lineOf(ours(), 'c')).toBe(lineOf(GCC, 'c'));
    expect(lineOf(ours(), 's')).toBe(lineOf(GCC, 's'));
  });

  it('prints %% as one percent sign, %m as the text of errno, and stores the count for %n', () => {
    for (const label of ['pct', 'm', 'n']) expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
  });
});

describe('printf floating-point conversions, as glibc', () => {
  it('prints %f with six decimals by default and keeps the point for %#.0f', () => {
    const [got, want] = both('f');
    expect(got).toBe(want);
  });

  it('rounds exact ties to even: %.0f of 0.5 is 0 and of 2.5 is 2, %.1f of 0.25 is 0.2', () => {
    const [got, want] = both('ties');
    expect(got).toBe(want);
    expect(got).toBe('ties [0] [2] [4] [0.2] [1.00] [1.2e+00] [2e+00] [0.12]');
  });

  it('prints 0.1, 1e20 and -0.0 from their exact binary values', () => {
    const [got, want] = both('f2');
    expect(got).toBe(want);
  });

  it('prints %e with a two-digit signed exponent', () => {
    const [got, want] = both('e');
    expect(got).toBe(want);
  });

  it('chooses %e or %f for %g by the exponent and drops trailing zeros: 0.1, 1e+20, 1e-05', () => {
    for (const label of ['g', 'g2']) expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
  });

  it('chooses the %g style after rounding: 999999.5 is 1e+06', () => {
    const [got, want] = both('round');
    expect(got).toBe(want);
  });

  it('prints inf and nan in lower or upper case, padded with spaces even with the 0 flag', () => {
    const [got, want] = both('special');
    expect(got).toBe(want);
  });

  it('prints zero, negative zero and subnormal numbers', () => {
    for (const label of ['zero', 'tiny']) expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
  });
});

describe('snprintf, sprintf and printf return values, as glibc', () => {
  it('snprintf truncates to size - 1 bytes and returns the length it would have written', () => {
    for (const label of ['snprintf', 'snprintf5', 'snprintf0']) {
      expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
    }
  });

  it('sprintf and printf return the number of bytes written', () => {
    for (const label of ['sprintf', 'printf']) expect(lineOf(ours(), label)).toBe(lineOf(GCC, label));
  });
});

describe('printf %g and %e near a power of ten, as glibc', () => {
  it('takes the exponent from the exact value, before rounding to the precision', () => {
    const p = runC(
      '#include <stdio.h>\nint main(void) { printf("%.17g %.17g %.3g %.3e %g\\n", 1e150, 1e23, 9.9996, 9.9996, 1e23); return 0; }',
    );
    // Measured with gcc on Linux: the double nearest 1e150 is just below it.
    expect(p.stdout).toBe('9.9999999999999998e+149 9.9999999999999992e+22 10 1.000e+01 1e+23\n');
  });
});

describe('the format probe', () => {
  it('prints exactly what the gcc build printed', () => {
    expect(ours()).toBe(GCC);
  });

  it('ends normally', () => {
    ours();
    expect(ran).toMatchObject({ exit: 0, signal: null, stderr: '' });
  });
});
