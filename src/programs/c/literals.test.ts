import { describe, expect, it } from 'vitest';
import { T } from './ast';
import { charLiteral, numberLiteral, stringLiteral } from './literals';

function int(text: string) {
  const lit = numberLiteral(text);
  if (lit.k !== 'int') throw new Error(`${text} is not an integer: ${JSON.stringify(lit)}`);
  return { value: lit.value, type: lit.type.kind === 'int' ? lit.type.name : '?' };
}

function bytes(text: string): number[] {
  const r = stringLiteral(text);
  if ('error' in r) throw new Error(r.error);
  return [...r.bytes];
}

describe('integer constants', () => {
  it('reads decimal, octal, hexadecimal and binary values', () => {
    expect(int('42').value).toBe(42n);
    expect(int('0755').value).toBe(493n);
    expect(int('0x1F').value).toBe(31n);
    expect(int('0').value).toBe(0n);
    expect(int('0b101').value).toBe(5n);
  });

  it('types unsuffixed decimals as int, then long, never unsigned', () => {
    expect(int('2147483647').type).toBe('int');
    expect(int('2147483648').type).toBe('long');
    expect(int('4294967296').type).toBe('long');
  });

  it('lets octal and hex constants become unsigned before growing', () => {
    expect(int('0x7fffffff').type).toBe('int');
    expect(int('0x80000000').type).toBe('unsigned int');
    expect(int('0xffffffff').type).toBe('unsigned int');
    expect(int('0x100000000').type).toBe('long');
    expect(int('0xffffffffffffffff').type).toBe('unsigned long');
    expect(int('020000000000').type).toBe('unsigned int');
  });

  it('honours u, l, ul, ll and ull suffixes in any case and order', () => {
    expect(int('10u').type).toBe('unsigned int');
    expect(int('10U').type).toBe('unsigned int');
    expect(int('10l').type).toBe('long');
    expect(int('10UL').type).toBe('unsigned long');
    expect(int('10lu').type).toBe('unsigned long');
    expect(int('10LL').type).toBe('long long');
    expect(int('10ull').type).toBe('unsigned long long');
    expect(int('10LLU').type).toBe('unsigned long long');
    expect(int('4294967296u').type).toBe('unsigned long');
  });

  it('rejects bad digits, bad suffixes and values past 64 bits', () => {
    expect(numberLiteral('08')).toEqual({ k: 'error', message: "invalid digit '8' in octal constant" });
    expect(numberLiteral('10lL')).toMatchObject({ k: 'error' });
    expect(numberLiteral('12abc')).toEqual({
      k: 'error',
      message: "invalid suffix on integer constant '12abc'",
    });
    expect(numberLiteral('18446744073709551616')).toEqual({
      k: 'error',
      message: 'integer constant is too large for its type',
    });
  });

  it('warns when a decimal constant only fits unsigned long', () => {
    expect(numberLiteral('18446744073709551615')).toMatchObject({
      k: 'int',
      type: T.ulong,
      warning: 'integer constant is so large that it is unsigned',
    });
  });
});

describe('floating constants', () => {
  it('reads decimal and hexadecimal floats with their types', () => {
    expect(numberLiteral('1.5')).toEqual({ k: 'float', value: 1.5, type: T.double });
    expect(numberLiteral('1e3f')).toEqual({ k: 'float', value: 1000, type: T.float });
    expect(numberLiteral('.25')).toMatchObject({ value: 0.25 });
    expect(numberLiteral('5.')).toMatchObject({ value: 5 });
    expect(numberLiteral('0x1p4')).toMatchObject({ value: 16 });
    expect(numberLiteral('0x1.8p1')).toMatchObject({ value: 3 });
    expect(numberLiteral('2.5L')).toMatchObject({ type: { kind: 'float', size: 16 } });
  });
});

describe('character constants', () => {
  it('have type int and the value of the character', () => {
    expect(charLiteral("'A'")).toEqual({ k: 'int', value: 65n, type: T.int, warning: undefined });
    expect(charLiteral(String.raw`'\n'`)).toMatchObject({ value: 10n });
    expect(charLiteral(String.raw`'\0'`)).toMatchObject({ value: 0n });
    expect(charLiteral(String.raw`'\x41'`)).toMatchObject({ value: 65n });
    expect(charLiteral(String.raw`'\101'`)).toMatchObject({ value: 65n });
    expect(charLiteral(String.raw`'\''`)).toMatchObject({ value: 39n });
  });

  it('sign-extends bytes above 127, since char is signed on x86-64', () => {
    expect(charLiteral(String.raw`'\xff'`)).toMatchObject({ value: -1n });
    expect(charLiteral(String.raw`'\200'`)).toMatchObject({ value: -128n });
  });

  it('packs multi-character constants big-endian, with a warning', () => {
    expect(charLiteral("'ab'")).toMatchObject({
      value: 0x6162n,
      warning: 'multi-character character constant',
    });
    expect(charLiteral("'abcd'")).toMatchObject({ value: 0x61626364n });
  });

  it('rejects empty, unterminated and wide constants', () => {
    expect(charLiteral("''")).toEqual({ k: 'error', message: 'empty character constant' });
    expect(charLiteral("'a")).toEqual({ k: 'error', message: "missing terminating ' character" });
    expect(charLiteral(String.raw`'\'`)).toEqual({ k: 'error', message: "missing terminating ' character" });
    expect(charLiteral("L'a'")).toEqual({
      k: 'error',
      message: 'not supported yet: wide character literals',
    });
  });
});

describe('string literals', () => {
  it('decode every escape to its byte', () => {
    expect(bytes(String.raw`"a\tb\n\0\x7f\177\\\"\?\e"`)).toEqual([
      97, 9, 98, 10, 0, 127, 127, 92, 34, 63, 27,
    ]);
  });

  it('stop octal escapes after three digits and hex escapes at a non-digit', () => {
    expect(bytes(String.raw`"\1012\x41g"`)).toEqual([65, 50, 65, 103]);
  });

  it('encode characters beyond ASCII as UTF-8', () => {
    expect(bytes('"é→😀"')).toEqual([0xc3, 0xa9, 0xe2, 0x86, 0x92, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('report hex escapes out of range and unterminated strings', () => {
    expect(stringLiteral(String.raw`"\x100"`)).toEqual({ error: 'hex escape sequence out of range' });
    expect(stringLiteral('"abc')).toEqual({ error: 'missing terminating " character' });
  });

  it('warn about unknown escapes and keep the character', () => {
    const r = stringLiteral(String.raw`"\q"`);
    expect(r).toMatchObject({ warning: "unknown escape sequence: '\\q'" });
    expect('bytes' in r && [...r.bytes]).toEqual([113]);
  });
});
