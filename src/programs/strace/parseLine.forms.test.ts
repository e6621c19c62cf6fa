import { describe, expect, it } from 'vitest';
import { parseLine } from './parseLine';
import type { SLine, SLineOf, SValue } from './types';

function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function as<K extends SLine['kind']>(line: SLine, kind: K): SLineOf<K> {
  expect(line.kind, line.kind === 'malformed' ? line.message : undefined).toBe(kind);
  return line as SLineOf<K>;
}

/** The arguments of a finished call line. */
function args(line: string): SValue[] {
  return as(parseLine(line, 1), 'call').args;
}

describe('unfinished and resumed calls', () => {
  it('an unfinished call keeps the arguments printed so far, without an empty one after the comma', () => {
    const line = as(parseLine('4123  11:53:03.875157 recvfrom(3,  <unfinished ...>', 1), 'unfinished');
    expect(line).toMatchObject({ pid: 4123, name: 'recvfrom', argsText: '3' });
    expect(line.args).toEqual([{ kind: 'num', value: 3, text: '3' }]);
  });

  it('an unfinished call may stop right after an argument, without a comma', () => {
    const line = as(parseLine('4129  11:53:03.991731 close(4 <unfinished ...>', 1), 'unfinished');
    expect(line.args).toEqual([{ kind: 'num', value: 4, text: '4' }]);
  });

  it('a resumed line continues the arguments of its unfinished call', () => {
    const line = as(
      parseLine('4128  11:53:03.991818 <... recvfrom resumed>"child got ping", 100, 0, NULL, NULL) = 14', 1),
      'resumed',
    );
    expect(line).toMatchObject({ name: 'recvfrom', pid: 4128, ret: { value: 14 } });
    expect(line.args.map((a) => a.kind)).toEqual(['str', 'num', 'num', 'ident', 'ident']);
    expect(line.argsText).toBe('"child got ping", 100, 0, NULL, NULL');
  });

  it('a resumed line may add no arguments at all', () => {
    const line = as(parseLine('4129  11:53:03.991869 <... close resumed>) = 0', 1), 'resumed');
    expect(line).toMatchObject({ args: [], argsText: '', ret: { value: 0 } });
  });

  it('a resumed line may carry a decorated result and alignment spaces', () => {
    const line = as(
      parseLine('5357  <... accept resumed>)             = 7<UNIX-STREAM:[7161->7160,@"abs-test"]>', 1),
      'resumed',
    );
    expect(line.ret.fd).toEqual({ kind: 'fd', fd: 7, decoration: 'UNIX-STREAM:[7161->7160,@"abs-test"]' });
  });

  it("a resumed clone3 completes the unfinished struct argument with '=> {parent_tid=[N]}'", () => {
    const line = as(
      parseLine('12329 <... clone3 resumed> => {parent_tid=[12330]}, 88) = 12330', 1),
      'resumed',
    );
    expect(line.continuesArg).toBe(true);
    expect(line.args[0]).toMatchObject({
      kind: 'inout',
      after: { kind: 'struct', fields: [{ name: 'parent_tid' }] },
    });
    expect(line.args[1]).toEqual({ kind: 'num', value: 88, text: '88' });
  });

  it('a resumed line may start with a comma when -X verbose ended the unfinished part with a comment', () => {
    const open = as(
      parseLine(
        '5433  clone(child_stack=NULL, flags=0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */ <unfinished ...>',
        1,
      ),
      'unfinished',
    );
    const resumed = as(
      parseLine('5433  <... clone resumed>, child_tidptr=0x7f3fc49f2a10) = 5434', 2),
      'resumed',
    );
    expect(open.argNames).toEqual(['child_stack', 'flags']);
    expect(resumed.argNames).toEqual(['child_tidptr']);
    expect(resumed.args).toEqual([{ kind: 'num', value: 0x7f3fc49f2a10, text: '0x7f3fc49f2a10' }]);
  });

  it('a call cut off by the end of its process resumes as <... NAME resumed> <unfinished ...>) = ?', () => {
    const line = as(parseLine('6989  <... pause resumed> <unfinished ...>) = ?', 1), 'resumed');
    expect(line).toMatchObject({ args: [], ret: { value: null } });
  });

  it('a call left when strace detaches ends with <detached ...>', () => {
    expect(parseLine('wait4(-1,  <detached ...>', 1)).toMatchObject({
      kind: 'unfinished',
      detached: true,
      argsText: '-1',
    });
  });
});

describe('the forms each strace option prints', () => {
  it('-yy decorates every fd argument and result, abstract listener names included', () => {
    expect(args('5357  listen(5<UNIX-STREAM:[7152,@"abs-test"]>, 4) = 0')[0]).toEqual({
      kind: 'fd',
      fd: 5,
      decoration: 'UNIX-STREAM:[7152,@"abs-test"]',
    });
    const line = as(
      parseLine('5358  write(4<UNIX-STREAM:[8133->8132]>, "a) = 5\\n<"..., 24 <unfinished ...>', 1),
      'unfinished',
    );
    expect(line.args).toEqual([
      { kind: 'fd', fd: 4, decoration: 'UNIX-STREAM:[8133->8132]' },
      { kind: 'str', bytes: bytes('a) = 5\n<'), truncated: true },
      { kind: 'num', value: 24, text: '24' },
    ]);
  });

  it('-yy writes a > inside a path as \\76, so the decoration still ends at the right place', () => {
    const line = as(parseLine('openat(AT_FDCWD</tmp/stp>, "a>b", O_RDONLY) = 3</tmp/stp/a\\76b>', 1), 'call');
    expect(line.args[0]).toEqual({ kind: 'fd', fd: -100, decoration: '/tmp/stp' });
    expect(line.ret.fd).toEqual({ kind: 'fd', fd: 3, decoration: '/tmp/stp/a\\76b' });
  });

  it('-yy nests the device of a character special file inside its path decoration', () => {
    const line = as(
      parseLine('22855 dup2(3</dev/null<char 1:3>>, 2</tmp/err>) = 2</dev/null<char 1:3>>', 1),
      'call',
    );
    expect(line.args[0]).toEqual({ kind: 'fd', fd: 3, decoration: '/dev/null<char 1:3>' });
    expect(line.ret).toMatchObject({ value: 2, fd: { decoration: '/dev/null<char 1:3>' } });
  });

  it('-Y writes the command name after every pid, in the pid column and in arguments', () => {
    const line = as(parseLine('22913<prog> kill(22912<prog>, SIGUSR1 <unfinished ...>', 1), 'unfinished');
    expect(line).toMatchObject({ pid: 22913, name: 'kill' });
    expect(line.args[0]).toEqual({ kind: 'fd', fd: 22912, decoration: 'prog' });
    expect(parseLine('[pid 22913<prog>] getppid() = 22912', 1)).toMatchObject({ kind: 'call', pid: 22913 });
  });

  it('-xx writes every byte of every string in hex, paths included', () => {
    const [path] = args(
      String.raw`5428  access("\x2f\x65\x74\x63\x2f\x6c\x64\x2e\x73\x6f\x2e\x70\x72\x65\x6c\x6f\x61\x64", R_OK) = -1 ENOENT (No such file or directory)`,
    );
    expect(path).toEqual({ kind: 'str', bytes: bytes('/etc/ld.so.preload'), truncated: false });
  });

  it('-x writes a string in hex when it holds an unprintable byte, and as text otherwise', () => {
    const hex = String.raw`5368  write(4, "\x61\x29\x20\x3d\x20\x35\x0a\x3c\x75\x6e\x66\x69\x6e\x69\x73\x68\x65\x64\x20\x22\x71\x22\x09\x01", 24 <unfinished ...>`;
    const line = as(parseLine(hex, 1), 'unfinished');
    expect(line.args[1]).toEqual({
      kind: 'str',
      bytes: bytes('a) = 5\n<unfinished "q"\t\x01'),
      truncated: false,
    });
    const [, text] = args('5366  write(3, "hello world, this is a long stri"..., 35) = 35');
    expect(text).toEqual({ kind: 'str', bytes: bytes('hello world, this is a long stri'), truncated: true });
  });

  it('-X verbose keeps the number and drops the /* name */ comment after it', () => {
    expect(args('5433  socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */, 0 /* IPPROTO_IP */) = 6')).toEqual([
      { kind: 'num', value: 2, text: '0x2' },
      { kind: 'num', value: 1, text: '0x1' },
      { kind: 'num', value: 0, text: '0' },
    ]);
    const [, sockaddr] = args(
      String.raw`5433  connect(6, {sa_family=0x2 /* AF_INET */, sin_port="\x00\x01" /* htons(1) */, sin_addr="\x7f\x00\x00\x01" /* inet_addr("127.0.0.1") */}, 16) = -1 ECONNREFUSED (Connection refused)`,
    );
    expect(sockaddr).toMatchObject({
      kind: 'struct',
      fields: [
        { name: 'sa_family', value: { kind: 'num', value: 2 } },
        { name: 'sin_port', value: { kind: 'str', bytes: new Uint8Array([0, 1]) } },
        { name: 'sin_addr', value: { kind: 'str', bytes: new Uint8Array([127, 0, 0, 1]) } },
      ],
    });
  });

  it('an AF_INET sockaddr holds htons and inet_addr calls', () => {
    const [, sockaddr] = args(
      '5438  connect(6, {sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)',
    );
    expect(sockaddr).toMatchObject({
      fields: [
        {},
        { name: 'sin_port', value: { kind: 'call', name: 'htons', args: [{ kind: 'num', value: 1 }] } },
        { name: 'sin_addr', value: { kind: 'call', name: 'inet_addr', args: [{ kind: 'str' }] } },
      ],
    });
  });

  it('signal masks print as arrays, raw complements and {mask=[]}', () => {
    expect(args('6989  12:50:44.862308 rt_sigprocmask(SIG_BLOCK, ~[], [], 8) = 0 <0.000047>')).toEqual([
      { kind: 'ident', text: 'SIG_BLOCK' },
      { kind: 'raw', text: '~[]' },
      { kind: 'array', items: [] },
      { kind: 'num', value: 8, text: '8' },
    ]);
    expect(args('5357  rt_sigreturn({mask=[]})           = 0')).toEqual([
      { kind: 'struct', fields: [{ name: 'mask', value: { kind: 'array', items: [] } }] },
    ]);
  });
});
