import { describe, expect, it } from 'vitest';
import { decodeString, decorationEnd, ParseError, parenEnd, stringEnd } from './scan';
import type { SValue } from './types';
import { parseArgs, parseValue } from './values';

/** The bytes of a string whose characters are all below 256. */
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function str(text: string, truncated = false): SValue {
  return { kind: 'str', bytes: bytes(text), truncated };
}

/** Decodes a whole quoted string literal. */
function decode(literal: string): number[] {
  return [...decodeString(literal, 0, stringEnd(literal, 0) - 1)];
}

describe('quoted strings', () => {
  it('a backslash-escaped quote does not end a string', () => {
    const s = String.raw`"say \"hi\"", 3`;
    expect(stringEnd(s, 0)).toBe(12);
  });

  it('a string ending in an escaped backslash ends at the next quote', () => {
    expect(stringEnd(String.raw`"a\\", 1`, 0)).toBe(5);
  });

  it('decodes every single-letter C escape strace writes', () => {
    expect(decode(String.raw`"\n\t\r\v\f\a\b\e\\\"\'\?"`)).toEqual([
      10, 9, 13, 11, 12, 7, 8, 27, 92, 34, 39, 63,
    ]);
  });

  it('reads octal escapes of one, two and three digits and stops after three', () => {
    expect(decode(String.raw`"\0\10\177\3777"`)).toEqual([0, 8, 127, 255, 55]);
  });

  it('reads hex escapes of one and two digits', () => {
    expect(decode(String.raw`"\x7f\x45\xa"`)).toEqual([0x7f, 0x45, 0x0a]);
  });

  it('keeps plain text byte for byte, spaces and punctuation included', () => {
    expect(decode('"a) = 5 <x>"')).toEqual([...'a) = 5 <x>'].map((c) => c.charCodeAt(0)));
  });

  it('widens its buffer for text above 127 written as UTF-8', () => {
    expect(decode('"aé€"')).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac]);
  });

  it('an unclosed string is a ParseError at the end of the line', () => {
    expect(() => stringEnd('x, "abc', 3)).toThrow(ParseError);
    try {
      stringEnd('x, "abc', 3);
    } catch (e) {
      expect(e).toMatchObject({
        column: 8,
        message: `expected '"' closing the string that opens at column 4`,
      });
    }
  });
});

describe('fd decorations and parentheses', () => {
  it('a decoration ends at the first > that is not part of -> inside brackets', () => {
    const s = '4<UNIX-STREAM:[4926099->4926096,"/path"]>, 5';
    expect(decorationEnd(s, 1)).toBe(s.indexOf('>,'));
  });

  it('a > inside a quoted socket path does not end a decoration', () => {
    const s = '4<UNIX-STREAM:[1,"/a>b"]>)';
    expect(decorationEnd(s, 1)).toBe(s.length - 2);
  });

  it('a nested decoration does not end the outer one', () => {
    const s = '3</dev/null<char 1:3>>, 4';
    expect(decorationEnd(s, 1)).toBe(s.indexOf('>,'));
  });

  it('a path decoration ends at its > even after a stray ]', () => {
    expect(decorationEnd('3</tmp/e]f>', 1)).toBe(10);
  });

  it('matching parentheses skip strings holding parentheses', () => {
    const s = '(in [3], left "x)")) = 1';
    expect(parenEnd(s, 0)).toBe(18);
  });

  it('an unclosed parenthesis is a ParseError', () => {
    expect(() => parenEnd('(No such file', 0)).toThrow("expected ')' closing the '(' at column 1");
  });
});

describe('strings inside argument lists', () => {
  it('decodes C escapes to raw bytes', () => {
    expect(parseValue(String.raw`"a) = 5\n<unfinished \"q\"\t\1"`)).toEqual(
      str('a) = 5\n<unfinished "q"\t\x01'),
    );
  });

  it('decodes octal escapes of up to three digits, so \\0000 is a NUL then a 0', () => {
    expect(parseValue(String.raw`"\177ELF\2\0000\377\\"`)).toEqual(str('\x7fELF\x02\x000\xff\\'));
  });

  it('decodes the hex escapes written by -x and -xx', () => {
    expect(parseValue(String.raw`"\x61\x29\x20\x3d\x0a\x09\x01\xff"`)).toEqual(str('a) =\n\t\x01\xff'));
  });

  it('marks a string cut short by -s as truncated', () => {
    expect(parseArgs('3, "hello wo"..., 35')).toEqual([
      { kind: 'num', value: 3, text: '3' },
      str('hello wo', true),
      { kind: 'num', value: 35, text: '35' },
    ]);
  });

  it('reads an empty string', () => {
    expect(parseValue('""')).toEqual(str(''));
  });

  it('encodes characters above 127 as UTF-8', () => {
    expect(parseValue('"é"')).toEqual({ kind: 'str', bytes: new Uint8Array([0xc3, 0xa9]), truncated: false });
  });

  it('marks an abstract socket name written @"..." as abstract', () => {
    expect(parseValue('{sa_family=AF_UNIX, sun_path=@"abs-test"}')).toEqual({
      kind: 'struct',
      fields: [
        { name: 'sa_family', value: { kind: 'ident', text: 'AF_UNIX' } },
        {
          name: 'sun_path',
          value: { kind: 'str', bytes: bytes('abs-test'), truncated: false, abstract: true },
        },
      ],
    });
  });

  it('rejects a string without its closing quote, naming the column where it opened', () => {
    expect(() => parseArgs('3, "abc, 4')).toThrow(ParseError);
    expect(() => parseArgs('3, "abc, 4')).toThrow('closing the string that opens at column 4');
  });
});

describe('fd decorations inside argument lists', () => {
  it('reads -yy socket decorations, whose -> and quoted path do not end them', () => {
    expect(parseArgs('7<UNIX-STREAM:[7161->7160,@"abs-test"]>, 3<UNIX:[8296875->8296876]>')).toEqual([
      { kind: 'fd', fd: 7, decoration: 'UNIX-STREAM:[7161->7160,@"abs-test"]' },
      { kind: 'fd', fd: 3, decoration: 'UNIX:[8296875->8296876]' },
    ]);
  });

  it('reads path, pipe and TCP decorations', () => {
    expect(parseArgs('3</etc/ld.so.cache>, 9<pipe:[8221]>, 6<TCP:[7157]>, 3</tmp/stp/e]f>')).toEqual([
      { kind: 'fd', fd: 3, decoration: '/etc/ld.so.cache' },
      { kind: 'fd', fd: 9, decoration: 'pipe:[8221]' },
      { kind: 'fd', fd: 6, decoration: 'TCP:[7157]' },
      { kind: 'fd', fd: 3, decoration: '/tmp/stp/e]f' },
    ]);
  });

  it('reads AT_FDCWD</dir> as fd -100', () => {
    expect(parseValue('AT_FDCWD</home/user/traces>')).toEqual({
      kind: 'fd',
      fd: -100,
      decoration: '/home/user/traces',
    });
  });

  it('reads decorated fds inside SCM_RIGHTS data', () => {
    const v = parseValue('{cmsg_type=SCM_RIGHTS, cmsg_data=[4<UNIX-STREAM:[8133->8132]>]}');
    expect(v.kind === 'struct' && v.fields[1].value).toEqual({
      kind: 'array',
      items: [{ kind: 'fd', fd: 4, decoration: 'UNIX-STREAM:[8133->8132]' }],
    });
  });

  it('rejects a decoration that never closes', () => {
    expect(() => parseArgs('3</etc/ld.so.cache')).toThrow("expected '>' closing the fd decoration");
  });
});
