/**
 * string.h, ctype.h and the stdlib.h conversions against glibc. The expected text is what
 * fixtures/probes/c/strings.c printed when built with gcc 12 and run on Linux (glibc 2.36);
 * `fixtures/probes/c/run.sh strings` measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimProcess } from '../sim';
import { lineOf, runC } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/strings.c', import.meta.url), 'utf8');

/** Measured with gcc on Linux. */
const GCC = `strtol("123abc", 10) = 123 end+3 errno 0
strtol("  -42", 0) = -42 end+5 errno 0
strtol("0x1F", 0) = 31 end+4 errno 0
strtol("0x1F", 16) = 31 end+4 errno 0
strtol("1F", 16) = 31 end+2 errno 0
strtol("017", 0) = 15 end+3 errno 0
strtol("017", 10) = 17 end+3 errno 0
strtol("777", 8) = 511 end+3 errno 0
strtol("z", 36) = 35 end+1 errno 0
strtol("abc", 10) = 0 end+0 errno 0
strtol("  +", 10) = 0 end+0 errno 0
strtol("0x", 16) = 0 end+1 errno 0
strtol("9223372036854775807", 10) = 9223372036854775807 end+19 errno 0
strtol("9223372036854775808", 10) = 9223372036854775807 end+19 errno 34
strtol("-9223372036854775809", 10) = -9223372036854775808 end+20 errno 34
strtol("99999999999999999999999", 0) = 9223372036854775807 end+23 errno 34
strtoul("4294967295", 10) = 4294967295 end+10 errno 0
strtoul("18446744073709551615", 10) = 18446744073709551615 end+20 errno 0
strtoul("18446744073709551616", 10) = 18446744073709551615 end+20 errno 34
strtoul("-1", 10) = 18446744073709551615 end+2 errno 0
strtoul("0xffffffffffffffff", 0) = 18446744073709551615 end+18 errno 0
atoi 12 -7 0 3 -2147483648
atol -123456789012
strtok: [a] [b] [c] [d]
strncpy pad: 97 98 0 0 0 0 120 120
strncpy short: 97 99 120 120
strcmp -1 1 0 -1
strcmp high 1
strncmp 0 memcmp 1
strcasecmp 0
memmove right [0101234789]
memmove left [3456756789]
strerror [Success] [No such file or directory] [Resource temporarily unavailable] [Connection refused] [Unknown error 9999]
strerror2 [Broken pipe] [Address already in use] [Interrupted system call] [Unknown error -1]
strsignal [Broken pipe] [Child exited] [Segmentation fault]
strsignal rt [Real-time signal 1]
strsignal unknown [Unknown signal 99]
static buffers [Real-time signal 0] [Real-time signal 0] [Unknown error 9998] [Unknown error 9998]
ctype: 0 100 100 100 100 100 100 100 100 100 904 104 104 104 104 100 100 100 100 100 100 100 100 100 100 100 100 100 100 100 100 100 100 884 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 4c0 6a2 6a2 6a2 6a2 6a2 6a2 6a2 6a2 6a2 6a2 4c0 4c0 4c0 4c0 4c0 4c0 4c0 6a9 6a9 6a9 6a9 6a9 6a9 689 689 689 689 689 689 689 689 689 689 689 689 689 689 689 689 689 689 689 689 4c0 4c0 4c0 4c0 4c0 4c0 6b1 6b1 6b1 6b1 6b1 6b1 691 691 691 691 691 691 691 691 691 691 691 691 691 691 691 691 691 691 691 691 4c0 4c0 4c0 4c0 100
toupper A 1 -1 tolower q 200
rand unseeded 1804289383 846930886 1681692777
rand arguments right to left 1957747793 1714636915
rand 42 71876166 708592740 1483128881
rand 1 1804289383
rand 0 1804289383
RAND_MAX 2147483647
abs 5 7
strtod 1500 -0.5 16 12 inf
heap aligned 0 0 realloc [kept] 0 calloc 0
`;

let ran: SimProcess | undefined;
/** The probe's run on the interpreter (once for the file). */
function ours(): string {
  ran ??= runC(PROBE);
  return ran.stdout;
}

/** Our lines and gcc's that start with a prefix. */
function linesStarting(prefix: string): [string[], string[]] {
  const pick = (text: string) => text.split('\n').filter((l) => l.startsWith(prefix));
  return [pick(ours()), pick(GCC)];
}

describe('strtol and strtoul, as glibc', () => {
  it('parses bases 0, 8, 10, 16 and 36 and sets endptr after the last digit', () => {
    const [got, want] = linesStarting('strtol("');
    expect(got.slice(0, 12)).toEqual(want.slice(0, 12));
  });

  it('points endptr at the 0 of a bare "0x" and at the start when there are no digits', () => {
    const [got] = linesStarting('strtol("');
    expect(got).toContain('strtol("0x", 16) = 0 end+1 errno 0');
    expect(got).toContain('strtol("abc", 10) = 0 end+0 errno 0');
  });

  it('returns LONG_MAX or LONG_MIN with ERANGE on overflow, and LONG_MAX itself without', () => {
    const [got, want] = linesStarting('strtol("');
    expect(got.slice(12)).toEqual(want.slice(12));
    expect(got).toContain('strtol("9223372036854775808", 10) = 9223372036854775807 end+19 errno 34');
  });

  it('returns ULONG_MAX for "-1", for the largest value, and with ERANGE past it', () => {
    const [got, want] = linesStarting('strtoul(');
    expect(got).toEqual(want);
  });

  it('atoi stops at the first non-digit and wraps like a cast of strtol to int', () => {
    expect(lineOf(ours(), 'atoi')).toBe(lineOf(GCC, 'atoi'));
    expect(lineOf(ours(), 'atol')).toBe(lineOf(GCC, 'atol'));
  });
});

describe('string.h, as glibc', () => {
  it('strtok skips runs of delimiters and returns each token once', () => {
    expect(lineOf(ours(), 'strtok:')).toBe('strtok: [a] [b] [c] [d]');
  });

  it('strncpy pads with NULs up to n and leaves the string unterminated when it is cut', () => {
    const [got, want] = linesStarting('strncpy');
    expect(got).toEqual(want);
  });

  it('strcmp and memcmp compare bytes as unsigned char, with the sign of the first difference', () => {
    const [got, want] = linesStarting('str');
    const cmp = (lines: string[]) => lines.filter((l) => /^str(n|case)?cmp/.test(l));
    expect(cmp(got)).toEqual(cmp(want));
  });

  it('memmove copies overlapping ranges in either direction', () => {
    const [got, want] = linesStarting('memmove');
    expect(got).toEqual(want);
  });

  it("strerror gives glibc's texts, Unknown error N beyond them", () => {
    const [got, want] = linesStarting('strerror');
    expect(got).toEqual(want);
  });

  it('strsignal names signals, real-time ones by number and unknown ones as such', () => {
    const [got, want] = linesStarting('strsignal');
    expect(got).toEqual(want);
  });

  it('strsignal and strerror format unknown numbers into one static buffer each, which the next call overwrites', () => {
    expect(lineOf(ours(), 'static')).toBe(lineOf(GCC, 'static'));
  });
});

describe('stdlib.h, as glibc', () => {
  it('strtod reads exponents, a leading point, hexadecimal floats (atof("0x10") is 16) and inf', () => {
    expect(lineOf(ours(), 'strtod')).toBe('strtod 1500 -0.5 16 12 inf');
  });

  it('malloc returns 16-byte-aligned blocks that free and realloc accept, realloc keeps the contents, calloc zeroes', () => {
    expect(lineOf(ours(), 'heap')).toBe(lineOf(GCC, 'heap'));
  });
});

describe('ctype.h, as glibc in the C locale', () => {
  it('classifies EOF and every ASCII character as glibc does', () => {
    expect(lineOf(ours(), 'ctype:')).toBe(lineOf(GCC, 'ctype:'));
  });

  it('toupper and tolower change only letters and pass EOF and high bytes through', () => {
    expect(lineOf(ours(), 'toupper')).toBe(lineOf(GCC, 'toupper'));
  });
});

describe("rand, glibc's generator", () => {
  it('draws 1804289383 846930886 1681692777 first without a seed', () => {
    expect(lineOf(ours(), 'rand unseeded')).toBe('rand unseeded 1804289383 846930886 1681692777');
  });

  it('draws the same sequence as glibc after srand(42), srand(1) and srand(0)', () => {
    const [got, want] = linesStarting('rand ');
    expect(got).toEqual(want);
    expect(lineOf(ours(), 'RAND_MAX')).toBe('RAND_MAX 2147483647');
  });

  it('draws call arguments right to left, as gcc evaluates them', () => {
    expect(lineOf(ours(), 'rand arguments')).toBe('rand arguments right to left 1957747793 1714636915');
  });
});

describe('the strings probe', () => {
  it('prints exactly what the gcc build printed', () => {
    expect(ours()).toBe(GCC);
  });

  it('ends normally', () => {
    ours();
    expect(ran).toMatchObject({ exit: 0, signal: null, stderr: '' });
  });
});
