/**
 * The scanf family, getline, getdelim, strtok_r and strsep as glibc's. The expected text is
 * what fixtures/probes/c/scan.c (sscanf) and lines.c (stdin from lines.txt, a file, strtok_r and
 * strsep) printed when built with gcc 12 and run on Linux (glibc 2.36);
 * `fixtures/probes/c/run.sh scan lines` measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const probe = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/probes/c/${name}`, import.meta.url), 'utf8');

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

/** lines.c with lines.txt on stdin, measured with gcc on Linux. */
const GCC_LINES = `scanf 2: 10 20
scanf 2: hello 3.5
scanf 0, then getchar 'x'
getline 14 n 120 [ rest of line\\n]
getline 11 n 120 [first line\\n]
getline 201 n 240 [xxxxxxxxxxxxxxxxxxxxx...(201)]
getdelim ':' 2 n 240 [a:]
getdelim ':' 2 n 240 [b:]
getdelim ':' 23 n 240 [c\\nlast line, no newline]
at the end: getdelim -1, feof 1, line [c\\nlast line, no newline]
scanf at the end -1
getline at the end with NULL: -1, n 120, allocated 1
getline(NULL, &n) -1 errno Invalid argument
getline(&line, NULL) -1 errno Invalid argument
fscanf id 7 name box weight 2.5
fscanf then 0, feof 0
strtok_r: [alpha] [beta] [gamma], save at +22, again NULL
nested: a->1 b->2 c->(none)
strtok_r on "": NULL, save moved 0
strsep: [a] [] [b] [c], then p NULL, strsep again NULL
`;

let scanned: string | undefined;
const scan = () => {
  scanned ??= runC(probe('scan.c')).stdout;
  return scanned;
};
let read: string | undefined;
const lines = () => {
  read ??= runC(probe('lines.c'), { stdin: probe('lines.txt') }).stdout;
  return read;
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

/** fscanf on a pipe whose writer sends "12", sleeps a second, then " 34\n". */
const PIPE = `#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
    int fd[2], a = -1, b = -1, r;
    FILE *in;
    pipe(fd);
    if (fork() == 0) {
        close(fd[0]);
        write(fd[1], "12", 2);
        sleep(1);
        write(fd[1], " 34\\n", 4);
        _exit(0);
    }
    close(fd[1]);
    in = fdopen(fd[0], "r");
    r = fscanf(in, "%d %d", &a, &b);
    printf("fscanf %d: %d %d\\n", r, a, b);
    r = fscanf(in, "%d", &a);
    printf("then %d, feof %d\\n", r, feof(in));
    wait(NULL);
    return 0;
}
`;

describe('scanf on streams, as glibc', () => {
  it('reads numbers and words from stdin and leaves what stopped it for getchar', () => {
    expect(lines().split('\n').slice(0, 3)).toEqual(GCC_LINES.split('\n').slice(0, 3));
  });

  it('waits for more input in the middle of a conversion, and returns EOF at the end', () => {
    // Measured with gcc on Linux.
    expect(runC(PIPE).stdout).toBe('fscanf 2: 12 34\nthen -1, feof 1\n');
  });

  it('reads a file with fscanf, where a literal after a newline is a matching failure', () => {
    const pick = (text: string) => text.split('\n').filter((l) => l.startsWith('fscanf'));
    expect(pick(lines())).toEqual(pick(GCC_LINES));
    expect(lineOf(lines(), 'scanf at the end')).toBe('scanf at the end -1');
  });
});

describe('getline and getdelim, as glibc', () => {
  it('mallocs 120 bytes for a NULL buffer and grows it by realloc to at least twice its size', () => {
    const pick = (text: string) => text.split('\n').filter((l) => l.startsWith('getline '));
    expect(pick(lines())).toEqual(pick(GCC_LINES));
  });

  it('splits on another delimiter, the last piece without one, then -1 with feof set', () => {
    const pick = (text: string) =>
      text.split('\n').filter((l) => l.startsWith('getdelim') || l.startsWith('at the end'));
    expect(pick(lines())).toEqual(pick(GCC_LINES));
  });

  it('allocates even at the end of input, and fails with EINVAL for a NULL lineptr or n', () => {
    expect(lineOf(lines(), 'getline at the end')).toBe(lineOf(GCC_LINES, 'getline at the end'));
    expect(lineOf(lines(), 'getline(NULL,')).toBe(lineOf(GCC_LINES, 'getline(NULL,'));
    expect(lineOf(lines(), 'getline(&line,')).toBe(lineOf(GCC_LINES, 'getline(&line,'));
  });
});

describe('strtok_r and strsep, as glibc', () => {
  it('strtok_r skips runs of delimiters, and nests with two save pointers', () => {
    expect(lineOf(lines(), 'strtok_r:')).toBe(lineOf(GCC_LINES, 'strtok_r:'));
    expect(lineOf(lines(), 'nested:')).toBe(lineOf(GCC_LINES, 'nested:'));
    expect(lineOf(lines(), 'strtok_r on')).toBe(lineOf(GCC_LINES, 'strtok_r on'));
  });

  it('strsep returns empty fields and sets the pointer to NULL after the last', () => {
    expect(lineOf(lines(), 'strsep:')).toBe(lineOf(GCC_LINES, 'strsep:'));
    expect(lines()).toBe(GCC_LINES);
  });
});
