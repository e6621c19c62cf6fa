/**
 * sscanf as glibc's: the return value (assignments, or EOF when the input ends before the
 * first conversion), every conversion with its widths and length modifiers, and NULL pointers.
 * The expected text is what fixtures/probes/c/scan.c printed when built with gcc 12 and run on
 * Linux (glibc 2.36); `fixtures/probes/c/run.sh scan` measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/scan.c', import.meta.url), 'utf8');

/** scan.c, measured with gcc on Linux: "input | format -> return value: what was stored". */
const GCC_SCAN = `42 | %d                      -> 1: 42
  -17xyz | %d%s              -> 2: -17 [xyz]
 | %d                        -> -1: -99
    | %d                     -> -1: -99
abc | %d                     -> 0: -99
+ | %d                       -> 0: -99
-x | %d%n                    -> 0: -99 n -99
12 34 | %d %d                -> 2: 12 34
12,34 | %d,%d                -> 2: 12 34
12 ,34 | %d,%d               -> 1: 12 -99
12 , 34 | %d ,%d             -> 2: 12 34
5 | %d %d                    -> 1: 5 -99
5 | %d x                     -> 1: 5
y5 | x%d                     -> 0: -99
 | x%d                       -> -1: -99
0x1F 017 -0x10 08 | %i %i %i %i -> 4: 31 15 -16 0
ff 0xAB 0x | %x %x %x%n      -> 3: 255 171 0 n 10
0xg | %x%s                   -> 2: 0 [g]
0x1f | %2x%s                 -> 2: 0 [1f]
777 8 | %o %o                -> 1: 511 -99
-1 | %u                      -> 1: 4294967295
4294967296 | %u              -> 1: 0
2147483648 | %d              -> 1: -2147483648
99999999999999999999 | %d    -> 1: -1
99999999999999999999 | %ld   -> 1: 9223372036854775807
-9223372036854775808 | %ld   -> 1: -9223372036854775808
18446744073709551615 | %lu   -> 1: 18446744073709551615
-5 | %lu                     -> 1: 18446744073709551611
123456789012 | %lld          -> 1: 123456789012
4096 | %zu                   -> 1: 4096
70000 300 | %hd %hhd         -> 2: 4464 44
12345 | %3d%d                -> 2: 123 45
-12345 | %3d%d               -> 2: -12 345
abcdef | %2s%s               -> 2: [ab] [cdef]
  hello world | %s%n         -> 1: [hello] n 7
 | %s                        -> -1: []
 x | %c%c                    -> 2: [ x.....]
   x |  %c                   -> 1: [x......]
ab | %5c                     -> 1: [ab.....]
abcdef | %3c%n               -> 1: [abc....] n 3
 | %c                        -> -1: [.......]
abc123 | %[a-z]%d            -> 2: [abc] 123
key=value,x | %[^=]=%[^,]    -> 2: [key] [value]
]]a]b | %[]a]%s              -> 2: []]a]] [b]
a-b-c | %[-a]                -> 1: [a-]
line one
line two | %[^\\n]   -> 1: [line one]
abcdef | %3[a-z]%s           -> 2: [abc] [def]
123 | %[a-z]                 -> 0: []
  abc | %[a-z]               -> 0: []
 | %[a-z]                    -> -1: []
123 abc | %d%n               -> 1: 123 n 3
123 abc | %d %n              -> 1: 123 n 4
 | %n                        -> 0: n 0
   |  %n                     -> 0: n 2
abc | abc%n                  -> 0: n 3
1 2 | %*d %d                 -> 1: 2
x 2 | %*s %d                 -> 1: 2
50% | %d%%                   -> 1: 50
50 % | %d%%                  -> 1: 50
50 % | %d%%%n                -> 1: 50 n 4
50 x | %d%%%n                -> 1: 50 n -99
3.25 -1.5e3 | %f %lf         -> 2: 3.25 -1500
0.1 | %f %n                  -> 1: 0.100000001 n 3
0.1 | %lf                    -> 1: 0.10000000000000001
inf -INFINITY nan | %lf %lf %lf -> 3: -inf nan
0x1p4 1e | %lf %lf%n         -> 2: 16 1 n 8
1e+x | %lf%n                 -> 1: 1 n 3
.5x | %lf%s                  -> 2: 0.5 [x]
. | %lf                      -> 0: 0.5
- | %lf%n                    -> 0: 0.5 n -99
1.5E2 2.5 | %e %lg           -> 2: 150 2.5
12.75 | %3lf%lf              -> 2: 12 75
1e400 1e-400 | %lf %lf       -> 2: inf 0
(nil) x | %p %s              -> 2: (nil) [x]
FFFFFFFFFFFFFFFF 65537 | %lX %hu -> 2: 18446744073709551615 1
-9223372036854775809 | %ld   -> 1: -9223372036854775808
12 | %d%y                    -> 1: 12 -99
1 2 | %d %*d %n              -> 1: 1 n 3
0x7ffc1234 | %p              -> 1: 0x7ffc1234
7 8 9 | %d%d%d%d             -> 3: 7 8 9 -99
	
 12
 | %d                  -> 1: 12
GET /index.html HTTP/1.0 | %s %s HTTP/%d.%d -> 4: GET /index.html 1 0
`;

let scanned: string | undefined;
const scan = () => {
  scanned ??= runC(PROBE).stdout;
  return scanned;
};

/** The results of the cases whose format contains `part`, ours and gcc's. */
function cases(part: string): [string[], string[]] {
  const pick = (text: string) =>
    text.split('\n').filter((l) => l.split(' -> ')[0].split(' | ')[1]?.includes(part));
  return [pick(scan()), pick(GCC_SCAN)];
}

/** The row of the scan probe for an input and a format ("42 | %d   -> 1: 42"). */
function row(text: string, input: string, format: string): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${esc(input)} \\| ${esc(format)} +->`);
  return text.split('\n').find((l) => re.test(l)) ?? `(no row "${input} | ${format}")`;
}

/** Our rows and gcc's for [input, format] pairs. */
function rows(pairs: [string, string][]): [string[], string[]] {
  return [pairs.map(([i, f]) => row(scan(), i, f)), pairs.map(([i, f]) => row(GCC_SCAN, i, f))];
}

describe('sscanf: what it returns, as glibc', () => {
  it('counts the assignments; EOF only when the input ends before the first conversion', () => {
    const [got, want] = rows([
      ['42', '%d'],
      ['', '%d'],
      ['   ', '%d'],
      ['abc', '%d'],
      ['5', '%d %d'],
      ['7 8 9', '%d%d%d%d'],
      ['y5', 'x%d'],
      ['', 'x%d'],
      ['', '%s'],
      ['', '%c'],
      ['', '%[a-z]'],
    ]);
    expect(got).toEqual(want);
  });

  it('does not count %n, which never fails: 0 for an empty input, with n stored', () => {
    const [got, want] = rows([
      ['', '%n'],
      ['  ', ' %n'],
      ['abc', 'abc%n'],
      ['123 abc', '%d%n'],
      ['123 abc', '%d %n'],
    ]);
    expect(got).toEqual(want);
  });

  it('stops at a matching failure: a sign without digits, an unknown conversion, a mismatched literal', () => {
    const [got, want] = rows([
      ['+', '%d'],
      ['-x', '%d%n'],
      ['12', '%d%y'],
      ['12 ,34', '%d,%d'],
      ['50 x', '%d%%%n'],
      ['777 8', '%o %o'],
    ]);
    expect(got).toEqual(want);
  });
});

describe('sscanf: conversions, as glibc', () => {
  it('skips whitespace before conversions but %c, %[ and %n; a space in the format matches any amount', () => {
    const [got, want] = rows([
      ['12 34', '%d %d'],
      ['12,34', '%d,%d'],
      ['12 , 34', '%d ,%d'],
      [' x', '%c%c'],
      ['   x', ' %c'],
      ['  abc', '%[a-z]'],
      ['50 %', '%d%%%n'],
      ['GET /index.html HTTP/1.0', '%s %s HTTP/%d.%d'],
    ]);
    expect(got).toEqual(want);
  });

  it('reads %i in base 0, %x with or without 0x (a bare 0x is 0), %o, and %u of a negative number', () => {
    const [got, want] = rows([
      ['0x1F 017 -0x10 08', '%i %i %i %i'],
      ['ff 0xAB 0x', '%x %x %x%n'],
      ['0xg', '%x%s'],
      ['-1', '%u'],
      ['-5', '%lu'],
      ['FFFFFFFFFFFFFFFF 65537', '%lX %hu'],
    ]);
    expect(got).toEqual(want);
  });

  it('converts as strtol does, then cuts to the argument: int, long, short, char, size_t, pointers', () => {
    const [d, gd] = cases('d');
    const [other, gother] = rows([
      ['4294967296', '%u'],
      ['4096', '%zu'],
      ['(nil) x', '%p %s'],
      ['0x7ffc1234', '%p'],
    ]);
    expect([...d, ...other]).toEqual([...gd, ...gother]);
  });

  it('counts every character read in a width: a sign, a 0x, a decimal point', () => {
    const [got, want] = rows([
      ['12345', '%3d%d'],
      ['-12345', '%3d%d'],
      ['0x1f', '%2x%s'],
      ['abcdef', '%2s%s'],
      ['12.75', '%3lf%lf'],
      ['abcdef', '%3[a-z]%s'],
    ]);
    expect(got).toEqual(want);
  });

  it('reads %s to whitespace, %c exactly (fewer at the end), %[ sets with ranges, ^ and a leading ]', () => {
    const [s, gs] = cases('s');
    const [c, gc] = cases('c');
    const [set, gset] = cases('[');
    expect([s, c, set]).toEqual([gs, gc, gset]);
  });

  it('reads floats as strtod: exponents, inf, nan, hex, a dangling e or sign consumed', () => {
    const [f, gf] = cases('f');
    const [e, ge] = cases('e');
    expect([f, e]).toEqual([gf, ge]);
  });

  it('mallocs the string for %ms, %m[ and %mc (POSIX 2008)', () => {
    const p = runC(`#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    char *a = NULL, *b = NULL, *c = NULL;
    int r = sscanf("hello world42", "%ms %m[a-z]%3mc", &a, &b, &c);
    printf("%d [%s] [%s] [%.3s]\\n", r, a, b, c ? c : "(null)");
    free(a);
    free(b);
    free(c);
    return 0;
}
`);
    // Measured with gcc on Linux.
    expect(p.stdout).toBe('3 [hello] [world] [42]\n');
  });

  it('assigns nothing for %* and does not count it', () => {
    const [got, want] = cases('%*');
    expect(got).toEqual(want);
    expect(scan()).toBe(GCC_SCAN);
  });
});
/** sscanf and friends with bad pointers (NULL), as gcc built it: [output, signal]. */
const BAD = `#include <stdio.h>
int main(int argc, char **argv)
{
    char *line = NULL;
    size_t n = 0;
    int i;
    switch (argv[1][0]) {
    case 's': printf("%%s to NULL: %d\\n", sscanf("abc def", "%s", (char *)NULL)); printf("%%c to NULL: %d\\n", sscanf("abc", "%*s%c", (char *)NULL)); printf("%%[ to NULL: %d\\n", sscanf("abc", "%[a-z]", (char *)NULL)); break;
    case 'd': printf("%d\\n", sscanf("12", "%d", (int *)NULL)); break;
    case 'n': printf("%d\\n", sscanf(NULL, "%d", &i)); break;
    case 'f': printf("%d\\n", fscanf(NULL, "%d", &i)); break;
    case 'g': printf("%zd\\n", getline(&line, &n, NULL)); break;
    case 'F': printf("%d\\n", sscanf("12", NULL)); break;
    }
    return 0;
}
`;

describe('bad pointers, as glibc', () => {
  const bad = (mode: string) => {
    const p = runC(BAD, { argv: ['bad', mode] });
    return [p.stdout, p.signal];
  };

  it('takes a NULL destination for %s, %c or %[ as a matching failure', () => {
    expect(bad('s')).toEqual(['%s to NULL: 0\n%c to NULL: 0\n%[ to NULL: 0\n', null]);
  });

  it('faults (SIGSEGV) storing a number through NULL, on a NULL string and on a NULL stream', () => {
    for (const mode of ['d', 'n', 'f', 'g']) expect(bad(mode)).toEqual(['', 'SIGSEGV']);
  });

  it('returns EOF for a NULL format', () => {
    expect(bad('F')).toEqual(['-1\n', null]);
  });
});
