import { describe, expect, it } from 'vitest';
import { parseLine } from './parseLine';
import { parseExtra, parseReturn } from './parseReturn';
import { ParseError } from './scan';
import type { SReturn } from './types';

/** The result of a finished call line. */
function ret(line: string): SReturn {
  const parsed = parseLine(line, 1);
  expect(parsed.kind, parsed.kind === 'malformed' ? parsed.message : undefined).toBe('call');
  return parsed.kind === 'call' ? parsed.ret : { value: null, text: '' };
}

describe('results', () => {
  it('reads an error with its errno and description', () => {
    expect(
      ret('4089  11:52:59.663767 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory)'),
    ).toEqual({
      value: -1,
      text: '-1',
      errno: 'ENOENT',
      errnoText: 'No such file or directory',
    });
  });

  it('reads ? with a restart errno', () => {
    expect(
      ret(
        '6994  wait4(6995, 0x7ffe0cfce758, 0, NULL) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)',
      ),
    ).toEqual({
      value: null,
      text: '?',
      errno: 'ERESTARTSYS',
      errnoText: 'To be restarted if SA_RESTART is set',
    });
    expect(
      ret(
        '4098  11:53:00.573377 poll([{fd=-1}, {fd=-1}, {fd=3, events=POLLIN}, {fd=1, events=0}], 4, -1) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)',
      ),
    ).toMatchObject({ value: null, errno: 'ERESTART_RESTARTBLOCK', errnoText: 'Interrupted by signal' });
  });

  it('reads a bare ? as a null value', () => {
    expect(ret('4089  11:53:00.451510 exit_group(0)     = ?')).toEqual({ value: null, text: '?' });
  });

  it('reads a hex result with a decoded extra', () => {
    expect(ret('4128  11:53:03.939479 fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)')).toEqual({
      value: 1,
      text: '0x1',
      extra: 'flags FD_CLOEXEC',
      extraValue: {
        kind: 'struct',
        fields: [{ name: 'flags', value: { kind: 'ident', text: 'FD_CLOEXEC' } }],
      },
    });
  });

  it("parses poll's revents extra as an array", () => {
    const r = ret(
      '4083  11:52:59.968151 poll([{fd=-1}, {fd=-1}, {fd=4, events=POLLIN}, {fd=1, events=0}], 4, -1) = 1 ([{fd=4, revents=POLLIN|POLLHUP}])',
    );
    expect(r.extra).toBe('[{fd=4, revents=POLLIN|POLLHUP}]');
    expect(r.extraValue).toMatchObject({
      kind: 'array',
      items: [{ kind: 'struct', fields: [{ name: 'fd' }, { name: 'revents', value: { kind: 'flags' } }] }],
    });
  });

  it("parses select's in [5] extra as a named field, and keeps Timeout", () => {
    expect(ret('5311  pselect6(4, [3], NULL, NULL, NULL, NULL) = 1 (in [3])').extraValue).toEqual({
      kind: 'struct',
      fields: [{ name: 'in', value: { kind: 'array', items: [{ kind: 'num', value: 3, text: '3' }] } }],
    });
    expect(
      ret('6994  pselect6(0, NULL, NULL, NULL, {tv_sec=0, tv_nsec=1000000}, NULL) = 0 (Timeout)').extra,
    ).toBe('Timeout');
  });

  it('reads an -yy decorated fd result', () => {
    expect(ret('5357  socket(AF_UNIX, SOCK_STREAM, 0)   = 5<UNIX-STREAM:[7152]>')).toEqual({
      value: 5,
      text: '5<UNIX-STREAM:[7152]>',
      fd: { kind: 'fd', fd: 5, decoration: 'UNIX-STREAM:[7152]' },
    });
  });

  it('reads the -T duration after the result', () => {
    expect(
      ret(
        '5331  1795611021.151746 execve("./prog", ["./prog"], 0x7fffbe7646d8 /* 35 vars */) = 0 <0.000702>',
      ),
    ).toEqual({
      value: 0,
      text: '0',
      duration: 0.000702,
    });
    expect(
      ret(
        '5331  1795611021.154097 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory) <0.000065>',
      ),
    ).toMatchObject({ errno: 'ENOENT', duration: 0.000065 });
  });
});

describe('results after a resumed call', () => {
  it('a resumed call may be interrupted, giving ? and a restart errno', () => {
    const line = parseLine(
      '[pid  5321] <... clock_nanosleep resumed>{tv_sec=0, tv_nsec=999654015}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)',
      1,
    );
    expect(line).toMatchObject({
      kind: 'resumed',
      args: [{ kind: 'struct' }],
      ret: { value: null, errno: 'ERESTART_RESTARTBLOCK', errnoText: 'Interrupted by signal' },
    });
  });

  it('a resumed call carries the -T duration of the whole call', () => {
    const line = parseLine(
      '5332  1795611021.210710 <... read resumed>"hello world, this is a long stri"..., 64) = 35 <0.050249>',
      1,
    );
    expect(line).toMatchObject({ kind: 'resumed', ret: { value: 35, duration: 0.050249 } });
  });
});

describe('parseReturn on its own', () => {
  it('starts reading at the given index, skipping alignment spaces', () => {
    const s = 'close(3)          = 0';
    expect(parseReturn(s, s.indexOf(')') + 1)).toEqual({ value: 0, text: '0' });
  });

  it('keeps a big address result exact in its text', () => {
    expect(parseReturn(') = 0xffffffffffffff80', 1)).toMatchObject({ text: '0xffffffffffffff80' });
  });

  it('ignores a -T field that is not a number, such as <unavailable>', () => {
    expect(parseReturn(') = ? <unavailable>', 1)).toEqual({ value: null, text: '?' });
  });

  it('throws a ParseError for an errno description that never closes', () => {
    expect(() => parseReturn(') = -1 ENOENT (No such file', 1)).toThrow(ParseError);
  });
});

describe('parseExtra', () => {
  it('reads several named values as one struct', () => {
    expect(parseExtra('in [3], left {tv_sec=0, tv_nsec=998}')).toMatchObject({
      kind: 'struct',
      fields: [
        { name: 'in', value: { kind: 'array' } },
        { name: 'left', value: { kind: 'struct', fields: [{ name: 'tv_sec' }, { name: 'tv_nsec' }] } },
      ],
    });
  });

  it('reads the flags of F_GETFL as a named flag set', () => {
    expect(parseExtra('flags O_RDWR|O_LARGEFILE')).toEqual({
      kind: 'struct',
      fields: [
        {
          name: 'flags',
          value: { kind: 'flags', parts: ['O_RDWR', 'O_LARGEFILE'], text: 'O_RDWR|O_LARGEFILE' },
        },
      ],
    });
  });

  it('leaves out an extra that is not a value list', () => {
    expect(parseExtra('No child processes')).toBeUndefined();
    expect(parseExtra('in [3] out [4]')).toBeUndefined();
    expect(parseExtra('[{fd=3')).toBeUndefined();
  });
});
