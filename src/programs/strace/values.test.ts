import { describe, expect, it } from 'vitest';
import { ParseError } from './scan';
import type { SValue } from './types';
import { parseArgs, parseValue } from './values';

/** The bytes of a string whose characters are all below 256. */
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function num(text: string, value: number): SValue {
  return { kind: 'num', value, text };
}

function ident(text: string): SValue {
  return { kind: 'ident', text };
}

function str(text: string, truncated = false): SValue {
  return { kind: 'str', bytes: bytes(text), truncated };
}

describe('numbers', () => {
  it('reads decimal, negative, hex and octal numbers and keeps the printed text', () => {
    expect(parseArgs('3, -1, 0x1f, 0755, 0')).toEqual([
      num('3', 3),
      num('-1', -1),
      num('0x1f', 31),
      num('0755', 0o755),
      num('0', 0),
    ]);
  });

  it('reads a pointer such as 0x7ffe77fca420 as a number', () => {
    expect(parseValue('0x7ffe77fca420')).toEqual(num('0x7ffe77fca420', 0x7ffe77fca420));
  });

  it('keeps the text of a number too large to be exact', () => {
    const v = parseValue('18446744073709551615');
    expect(v).toMatchObject({ kind: 'num', text: '18446744073709551615' });
  });

  it('keeps an arithmetic expression such as 8192*1024 as raw text', () => {
    expect(parseValue('{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}')).toEqual({
      kind: 'struct',
      fields: [
        { name: 'rlim_cur', value: { kind: 'raw', text: '8192*1024' } },
        { name: 'rlim_max', value: ident('RLIM64_INFINITY') },
      ],
    });
  });
});

describe('constants and flags', () => {
  it('reads constants such as NULL, AT_FDCWD and MSG_PEEK as identifiers', () => {
    expect(parseArgs('NULL, AT_FDCWD, MSG_PEEK')).toEqual([
      ident('NULL'),
      ident('AT_FDCWD'),
      ident('MSG_PEEK'),
    ]);
  });

  it('splits flags on |, numbers included', () => {
    expect(parseArgs('SOCK_STREAM|SOCK_CLOEXEC, S_IFSOCK|0755, 0x80|MSG_PEEK')).toEqual([
      { kind: 'flags', parts: ['SOCK_STREAM', 'SOCK_CLOEXEC'], text: 'SOCK_STREAM|SOCK_CLOEXEC' },
      { kind: 'flags', parts: ['S_IFSOCK', '0755'], text: 'S_IFSOCK|0755' },
      { kind: 'flags', parts: ['0x80', 'MSG_PEEK'], text: '0x80|MSG_PEEK' },
    ]);
  });

  it('drops the comments -X verbose writes between flags', () => {
    expect(parseValue('0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */')).toEqual({
      kind: 'flags',
      parts: ['0x1200000', '17'],
      text: '0x1200000|17',
    });
  });
});

describe('arrays and structs', () => {
  it('reads arrays of numbers and the empty array', () => {
    expect(parseArgs('[3, 4], []')).toEqual([
      { kind: 'array', items: [num('3', 3), num('4', 4)] },
      { kind: 'array', items: [] },
    ]);
  });

  it('reads poll arrays whose structs have fewer fields for a negative fd', () => {
    expect(parseValue('[{fd=3, events=POLLIN}, {fd=-1}]')).toEqual({
      kind: 'array',
      items: [
        {
          kind: 'struct',
          fields: [
            { name: 'fd', value: num('3', 3) },
            { name: 'events', value: ident('POLLIN') },
          ],
        },
        { kind: 'struct', fields: [{ name: 'fd', value: num('-1', -1) }] },
      ],
    });
  });

  it('marks a struct with left-out fields as having more', () => {
    const v = parseValue('{st_mode=S_IFREG|0644, st_size=38819, ...}');
    expect(v).toMatchObject({ kind: 'struct', more: true });
    expect(v.kind === 'struct' && v.fields.map((f) => f.name)).toEqual(['st_mode', 'st_size']);
  });

  it('marks an array with left-out items as having more', () => {
    expect(parseValue('["a", "b", ...]')).toEqual({ kind: 'array', items: [str('a'), str('b')], more: true });
  });

  it('reads an unnamed sockaddr {sa_family=AF_UNIX}', () => {
    expect(parseValue('{sa_family=AF_UNIX}')).toEqual({
      kind: 'struct',
      fields: [{ name: 'sa_family', value: ident('AF_UNIX') }],
    });
  });

  it('reads space-separated signal sets and select sets as arrays', () => {
    expect(parseArgs('[PIPE], [HUP INT], [5 6]')).toEqual([
      { kind: 'array', items: [ident('PIPE')] },
      { kind: 'array', items: [ident('HUP'), ident('INT')] },
      { kind: 'array', items: [num('5', 5), num('6', 6)] },
    ]);
  });

  it('keeps a complemented signal set such as ~[RTMIN RT_1] as raw text', () => {
    expect(parseValue('~[RTMIN RT_1]')).toEqual({ kind: 'raw', text: '~[RTMIN RT_1]' });
  });

  it('keeps a wait status expression as a raw field', () => {
    expect(parseValue('[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]')).toEqual({
      kind: 'array',
      items: [
        { kind: 'struct', fields: [{ value: { kind: 'raw', text: 'WIFEXITED(s) && WEXITSTATUS(s) == 0' } }] },
      ],
    });
  });

  it('drops comments such as /* 39 vars */ after a pointer', () => {
    expect(parseArgs('"/usr/bin/nc", ["nc", "-N"], 0x7ffc1c0571f8 /* 39 vars */')).toEqual([
      str('/usr/bin/nc'),
      { kind: 'array', items: [str('nc'), str('-N')] },
      num('0x7ffc1c0571f8', 0x7ffc1c0571f8),
    ]);
  });
});

describe('value-result pairs', () => {
  it('reads [110 => 2] as an array holding an inout', () => {
    expect(parseValue('[110 => 2]')).toEqual({
      kind: 'array',
      items: [{ kind: 'inout', before: num('110', 110), after: num('2', 2) }],
    });
  });

  it('reads the older [16->2] form the same way', () => {
    expect(parseValue('[16->2]')).toEqual({
      kind: 'array',
      items: [{ kind: 'inout', before: num('16', 16), after: num('2', 2) }],
    });
  });

  it('reads msg_namelen=110 => 0 as a field whose value is an inout', () => {
    const v = parseValue('{msg_name=0x7ffcef316e80, msg_namelen=110 => 0, msg_flags=0}');
    expect(v.kind === 'struct' && v.fields[1]).toEqual({
      name: 'msg_namelen',
      value: { kind: 'inout', before: num('110', 110), after: num('0', 0) },
    });
  });

  it("reads clone3's {flags=...} => {parent_tid=[N]} as an inout of two structs", () => {
    const v = parseValue(
      '{flags=CLONE_VM|CLONE_THREAD, exit_signal=0, stack_size=0x7fff80} => {parent_tid=[6990]}',
    );
    expect(v).toMatchObject({
      kind: 'inout',
      before: {
        kind: 'struct',
        fields: [{ name: 'flags' }, { name: 'exit_signal' }, { name: 'stack_size' }],
      },
      after: {
        kind: 'struct',
        fields: [{ name: 'parent_tid', value: { kind: 'array', items: [num('6990', 6990)] } }],
      },
    });
  });
});

describe('calls', () => {
  it('reads htons, inet_addr and makedev as calls with arguments', () => {
    expect(parseArgs('htons(1), inet_addr("127.0.0.1"), makedev(0x1, 0x3)')).toEqual([
      { kind: 'call', name: 'htons', args: [num('1', 1)] },
      { kind: 'call', name: 'inet_addr', args: [str('127.0.0.1')] },
      { kind: 'call', name: 'makedev', args: [num('0x1', 1), num('0x3', 3)] },
    ]);
  });

  it('keeps an argument the grammar does not cover as raw without spoiling its neighbours', () => {
    expect(parseValue('inet_pton(AF_INET6, "::1", &sin6_addr)')).toEqual({
      kind: 'call',
      name: 'inet_pton',
      args: [ident('AF_INET6'), str('::1'), { kind: 'raw', text: '&sin6_addr' }],
    });
  });
});

describe('malformed values', () => {
  it('rejects an unclosed bracket at the end of the text', () => {
    expect(() => parseArgs('[3, 4')).toThrow("expected ']' before the end of the line");
  });

  it('rejects a closing bracket that matches nothing', () => {
    expect(() => parseArgs('3]')).toThrow(ParseError);
  });

  it('says how many values it found when one was expected', () => {
    expect(() => parseValue('1, 2')).toThrow('expected one value, found 2');
  });
});
