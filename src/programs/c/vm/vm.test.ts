/**
 * C arithmetic on the VM against gcc on x86-64: integer promotions and wrap-around, unsigned
 * 32- and 64-bit values, signed division and shifts, conversions, and static initializers the
 * compiler computes. The expected text is what fixtures/probes/c/{semantics,statics,u64}.c
 * printed when built with gcc 12 and run on Linux; `fixtures/probes/c/run.sh` measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const probe = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/probes/c/${name}`, import.meta.url), 'utf8');

/** semantics.c, measured with gcc on Linux. */
const SEMANTICS = `wrap 4 -128 -32768 0
promote 300 1 -1
int overflow -2147483648 2147483647
unsigned 4294967295 4294967291 205032704
uint compare 0 1
size_t 18446744073709551615 1 1
mask fffffffffffffff8 1000
u64 div 4294967295 615 65244 2
u64 shift 7fffffffffffffff f edcba98765432100
u64 mul 18446744065119617025 fdb97530eca86420
u64 add 1 18282773015276577824
u32 mul 131073 3410065408
s64 -3 -1 -4
s32 div -3 -1 -3 1
sar -1 -4 -1
shl -2147483648 2147483648 9223372036854775808
lmin 4611686018427387904 -2 9223372036854775807
dbl->int 3 -3 3000000000 -1000000000000000000
int->dbl 18446744073709551616.000000 -5.000000 9007199254740992.0
char arith 98 41
ptr 1000 8 1003
ptrdiff 8
bool 1 1 1
sizeof 1 2 4 8 8 8
hex literal -1 4294967295 4294967295
ternary -1 4294967295
double 1e+40 4.5 3.5 0.3000000045 5
float 1 1 0.300000012 0.0333333351
`;

/** statics.c, measured with gcc on Linux. */
const STATICS = `h fedcba9876543210 lmax 9223372036854775807 lmin -9223372036854775808 umax 18446744073709551615 uneg 4294967295
mask fffffffffffffff8 hi ffffffff00000012 both f000f000f000f00
quot -3 rem -1 uc 44 sc -56 shifted 1099511627776 third 0.333333
arr -1 0 5 names zero one
`;

/** u64.c, measured with gcc on Linux. */
const U64 = `div 6148914691236517205 fedcba987654321
add fedcba9876543211 9007199254740993
mul fc962fc962fc9630
`;

let semantics: string | undefined;
function ours(): string {
  semantics ??= runC(probe('semantics.c')).stdout;
  return semantics;
}

/** Expects our lines to be gcc's for each label. */
function same(...labels: string[]): void {
  for (const label of labels) expect(lineOf(ours(), label)).toBe(lineOf(SEMANTICS, label));
}

describe('integer promotions and wrap-around, as gcc on x86-64', () => {
  it('wraps unsigned char, signed char, short and unsigned short on increment', () => {
    same('wrap');
  });

  it('promotes unsigned char to int before adding, and ~ of unsigned char is -1', () => {
    same('promote');
  });

  it("wraps int overflow in two's complement", () => {
    same('int overflow');
  });

  it('wraps unsigned int arithmetic modulo 2^32', () => {
    same('unsigned', 'u32 mul');
  });

  it('converts -1 to unsigned when compared with 0u, but not with 0L', () => {
    same('uint compare');
  });
});

describe('unsigned 64-bit values, as gcc on x86-64', () => {
  it('holds (size_t)-1 as 18446744073709551615, greater than 0', () => {
    same('size_t');
  });

  it('masks with ~(size_t)7', () => {
    same('mask');
  });

  it('divides, takes remainders and shifts values above 2^63', () => {
    same('u64 div', 'u64 shift');
  });

  it('multiplies and adds modulo 2^64', () => {
    same('u64 mul', 'u64 add');
  });

  it('shifts 1UL << 63 to 9223372036854775808', () => {
    same('shl');
  });

  it('converts huge unsigned values to double by their unsigned value', () => {
    same('int->dbl');
  });
});

describe('signed arithmetic, as gcc on x86-64', () => {
  it('truncates signed division toward zero and gives the remainder the sign of the dividend', () => {
    same('s32 div', 's64');
    expect(lineOf(ours(), 's32 div')).toBe('s32 div -3 -1 -3 1');
  });

  it('shifts negative values right arithmetically', () => {
    same('sar');
  });

  it('divides LONG_MIN and negates LONG_MIN + 1 to LONG_MAX', () => {
    same('lmin');
  });

  it('converts doubles to integers by truncation and wraps char arithmetic', () => {
    same('dbl->int', 'char arith', 'double');
  });

  it('rounds every float operation to float, so 0.1f + 0.2f == 0.3f', () => {
    same('float');
  });
});

describe('pointers, sizes and literals, as gcc on x86-64', () => {
  it('casts between pointers and integers and subtracts pointers in elements', () => {
    same('ptr', 'ptrdiff', 'bool');
  });

  it('has the LP64 sizes', () => {
    same('sizeof');
  });

  it('types hex literals by the first type that holds them', () => {
    same('hex literal', 'ternary');
  });

  it('prints exactly what the gcc build printed', () => {
    expect(ours()).toBe(SEMANTICS);
  });
});

describe('static initializers, computed as gcc computes them', () => {
  let statics: string | undefined;
  const run = () => {
    statics ??= runC(probe('statics.c')).stdout;
    return statics;
  };

  it('stores 64-bit constants exactly: LONG_MAX, LONG_MIN, ULONG_MAX, masks and bit operations', () => {
    expect(lineOf(run(), 'h')).toBe(lineOf(STATICS, 'h'));
    expect(lineOf(run(), 'mask')).toBe(lineOf(STATICS, 'mask'));
  });

  it("evaluates constants with C's types: -7 / 2 is -3, 1.0 / 3 is a third, 300 in an unsigned char is 44", () => {
    expect(lineOf(run(), 'quot')).toBe(lineOf(STATICS, 'quot'));
  });

  it('fills designated array elements and string pointers', () => {
    expect(lineOf(run(), 'arr')).toBe(lineOf(STATICS, 'arr'));
  });

  it('prints exactly what the gcc build printed', () => {
    expect(run()).toBe(STATICS);
  });
});

describe('int products beyond 2^53', () => {
  it('keeps the low 32 bits of an unsigned int product, as a linear congruential generator needs', () => {
    const p = runC(`#include <stdio.h>
int main(void)
{
    unsigned seed = 7;
    int i;
    for (i = 0; i < 5; i++) {
        seed = seed * 1103515245 + 12345;
        printf("%u %u\\n", seed, (seed >> 16) % 1000);
    }
    return 0;
}
`);
    // Measured with gcc on Linux.
    expect(p.stdout).toBe('3429651764 332\n642666333 806\n712265938 868\n1486001571 674\n2131988640 531\n');
  });
});

describe("64-bit values beyond a double's 53 bits", () => {
  // Known gap: the VM holds integers in doubles, so a 64-bit result that needs more than 53
  // significant bits is rounded (ops.ts). These fail until 64-bit values get an exact representation.
  it.fails('divides, adds and multiplies them exactly', () => {
    expect(runC(probe('u64.c')).stdout).toBe(U64);
  });
});
