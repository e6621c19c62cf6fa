import { describe, expect, it } from 'vitest';
import { parseLine } from './parseLine';
import type { SLine, SLineOf } from './types';

function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function as<K extends SLine['kind']>(line: SLine, kind: K): SLineOf<K> {
  expect(line.kind, line.kind === 'malformed' ? line.message : undefined).toBe(kind);
  return line as SLineOf<K>;
}

describe('the pid and time columns', () => {
  it('reads the left-aligned pid and -tt time written with -f -o', () => {
    const line = as(
      parseLine('4089  11:52:59.669121 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3', 7),
      'call',
    );
    expect(line).toMatchObject({ lineNo: 7, pid: 4089, time: '11:52:59.669121', name: 'socket' });
  });

  it('reads a line with neither pid nor time, as strace prints without -f', () => {
    expect(parseLine('listen(5, 4)                            = 0', 1)).toMatchObject({
      pid: null,
      time: null,
    });
  });

  it('reads the [pid  N] prefix written to stderr without -o', () => {
    expect(parseLine('[pid  5322] getppid()                   = 5321', 1)).toMatchObject({
      pid: 5322,
      time: null,
    });
  });

  it('reads -t seconds, -ttt epoch times and -r relative times', () => {
    expect(parseLine('5326  12:50:21 listen(5, 4)             = 0', 1)).toMatchObject({ time: '12:50:21' });
    expect(parseLine('5331  1795611021.159590 listen(5, 4)    = 0 <0.000066>', 1)).toMatchObject({
      pid: 5331,
      time: '1795611021.159590',
    });
    expect(parseLine('5352       0.000143 listen(5, 4)        = 0', 1)).toMatchObject({
      pid: 5352,
      time: '0.000143',
    });
    expect(parseLine('     0.000143 listen(5, 4) = 0', 1)).toMatchObject({ pid: null, time: '0.000143' });
  });

  it('skips the instruction pointer column of -i', () => {
    expect(parseLine('[00007f36d9263050] close(3) = 0', 1)).toMatchObject({ kind: 'call', name: 'close' });
  });
});

describe('finished calls', () => {
  it('finds the real end of a call whose string holds ") = 5" and "<unfinished"', () => {
    const line = as(
      parseLine(String.raw`5312  12:50:19.951004 write(4, "a) = 5\n<unfinished \"q\"\t\1", 24) = 24`, 1),
      'call',
    );
    expect(line.args).toEqual([
      { kind: 'num', value: 4, text: '4' },
      { kind: 'str', bytes: bytes('a) = 5\n<unfinished "q"\t\x01'), truncated: false },
      { kind: 'num', value: 24, text: '24' },
    ]);
    expect(line.argsText).toBe(String.raw`4, "a) = 5\n<unfinished \"q\"\t\1", 24`);
    expect(line.ret).toEqual({ value: 24, text: '24' });
  });

  it('reads a call with no arguments and alignment spaces before =', () => {
    const line = as(parseLine('4128  11:53:03.923933 gettid()          = 4128', 1), 'call');
    expect(line).toMatchObject({ name: 'gettid', args: [], argsText: '', ret: { value: 4128 } });
  });

  it('records the names of top-level name=value arguments, as clone prints them', () => {
    const line = as(
      parseLine(
        '4128  11:53:03.985378 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f68ea654310) = 4129',
        1,
      ),
      'call',
    );
    expect(line.argNames).toEqual(['child_stack', 'flags', 'child_tidptr']);
    expect(line.args[1]).toMatchObject({
      kind: 'flags',
      parts: ['CLONE_CHILD_CLEARTID', 'CLONE_CHILD_SETTID', 'SIGCHLD'],
    });
  });

  it('reads a sendmsg msghdr with SCM_RIGHTS control data', () => {
    const line = as(
      parseLine(
        '4133  11:53:04.112228 sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="fd", iov_len=2}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}], msg_controllen=24, msg_flags=0}, 0) = 2',
        1,
      ),
      'call',
    );
    const msghdr = line.args[1];
    expect(msghdr.kind === 'struct' && msghdr.fields.map((f) => f.name)).toEqual([
      'msg_name',
      'msg_namelen',
      'msg_iov',
      'msg_iovlen',
      'msg_control',
      'msg_controllen',
      'msg_flags',
    ]);
    const control = msghdr.kind === 'struct' ? msghdr.fields[4].value : undefined;
    expect(control).toMatchObject({
      kind: 'array',
      items: [{ kind: 'struct', fields: [{}, {}, { value: { text: 'SCM_RIGHTS' } }, { name: 'cmsg_data' }] }],
    });
    expect(
      control?.kind === 'array' && control.items[0].kind === 'struct' && control.items[0].fields[3].value,
    ).toEqual({
      kind: 'array',
      items: [{ kind: 'num', value: 5, text: '5' }],
    });
  });

  it('reads a sigaction with a handler address, an empty mask and a [PIPE] mask', () => {
    const line = as(
      parseLine(
        '4089  11:52:59.668866 rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[PIPE], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f36d9263050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0',
        1,
      ),
      'call',
    );
    expect(line.args[1]).toMatchObject({
      kind: 'struct',
      fields: [
        { name: 'sa_handler', value: { kind: 'ident', text: 'SIG_IGN' } },
        { name: 'sa_mask', value: { kind: 'array', items: [{ kind: 'ident', text: 'PIPE' }] } },
        { name: 'sa_flags', value: { kind: 'flags', parts: ['SA_RESTORER', 'SA_RESTART'] } },
        { name: 'sa_restorer', value: { kind: 'num', text: '0x7f36d9263050' } },
      ],
    });
    expect(line.args[2]).toMatchObject({ fields: [{}, { value: { kind: 'array', items: [] } }, {}] });
  });

  it('keeps restart_syscall\'s "<... resuming ...>" argument as raw text', () => {
    const line = as(
      parseLine('6994  restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0', 1),
      'call',
    );
    expect(line.args).toEqual([{ kind: 'raw', text: '<... resuming interrupted clock_nanosleep ...>' }]);
  });
});

describe('signals, exits and notes', () => {
  it('reads a signal with its siginfo struct', () => {
    const line = as(
      parseLine(
        '4098  11:53:03.479895 --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=4092, si_uid=0} ---',
        1,
      ),
      'signal',
    );
    expect(line).toMatchObject({
      pid: 4098,
      signal: 'SIGTERM',
      text: 'SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=4092, si_uid=0}',
    });
    expect(line.info).toMatchObject({
      kind: 'struct',
      fields: [{ name: 'si_signo' }, { name: 'si_code' }, { name: 'si_pid' }, { name: 'si_uid' }],
    });
  });

  it('reads a SIGSEGV whose siginfo holds si_addr=NULL', () => {
    expect(
      parseLine('6995  --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---', 1),
    ).toMatchObject({
      kind: 'signal',
      signal: 'SIGSEGV',
    });
  });

  it('reads exits, kills and core dumps', () => {
    expect(parseLine('4089  11:53:00.452354 +++ exited with 0 +++', 1)).toMatchObject({
      kind: 'exited',
      code: 0,
      pid: 4089,
    });
    expect(parseLine('+++ exited with 143 +++', 1)).toMatchObject({ kind: 'exited', code: 143, pid: null });
    expect(parseLine('5311  +++ killed by SIGPIPE +++', 1)).toEqual({
      kind: 'killed',
      lineNo: 1,
      pid: 5311,
      time: null,
      signal: 'SIGPIPE',
      coreDumped: false,
    });
    expect(parseLine('6995  +++ killed by SIGSEGV (core dumped) +++', 1)).toMatchObject({
      signal: 'SIGSEGV',
      coreDumped: true,
    });
  });

  it("reads strace's own messages, stops, execve takeovers and unknown syscalls as notes", () => {
    const notes = [
      'strace: Process 7114 attached',
      '6995  --- stopped by SIGSTOP ---',
      '6989  12:50:44.884771 +++ superseded by execve in pid 6990 +++',
      '7038  syscall_0x3e7(0x1, 0x2, 0x555dbf83bdd8, 0, 0x7f9c21d206d0, 0x1) = -1 ENOSYS (Function not implemented)',
    ];
    expect(notes.map((n) => parseLine(n, 1))).toMatchObject([
      { kind: 'note', pid: null, text: 'strace: Process 7114 attached' },
      { kind: 'note', pid: 6995, text: '--- stopped by SIGSTOP ---' },
      { kind: 'note', time: '12:50:44.884771', text: '+++ superseded by execve in pid 6990 +++' },
      { kind: 'note', pid: 7038, text: notes[3].slice(6) },
    ]);
  });
});

describe('malformed lines', () => {
  it('says what was expected at the first column of garbage', () => {
    expect(parseLine('hello world', 3)).toEqual({
      kind: 'malformed',
      lineNo: 3,
      text: 'hello world',
      message: 'expected NAME(ARGS) = RESULT',
      column: 1,
    });
    expect(parseLine('*** garbage ***', 1)).toMatchObject({
      message: 'expected NAME(ARGS) = RESULT',
      column: 1,
    });
    expect(parseLine('4089  11:52:59.669241 Segmentation fault', 1)).toMatchObject({ column: 23 });
  });

  it('reports a line cut off inside the arguments', () => {
    expect(parseLine('4089  11:52:59.669241 connect(3, {sa_family=AF_UNIX, sun_pa', 1)).toMatchObject({
      kind: 'malformed',
      message: "expected '}' before the end of the line",
    });
  });

  it('reports a line cut off before its result', () => {
    expect(parseLine('4089  close(3)', 1)).toMatchObject({
      kind: 'malformed',
      message: "expected ' = RESULT' (the line ends early)",
      column: 15,
    });
    expect(parseLine('4089  close(3) = ', 1)).toMatchObject({
      kind: 'malformed',
      message: "expected a result after '='",
    });
  });

  it('reports an unbalanced quote with the column where the string opened', () => {
    expect(parseLine('write(1, "abc, 3) = 3', 1)).toMatchObject({
      kind: 'malformed',
      message: `expected '"' closing the string that opens at column 10`,
      column: 22,
    });
  });

  it('reports text after the result', () => {
    expect(parseLine('close(3) = 0 trailing', 1)).toMatchObject({
      message: 'expected the end of the line after the result',
      column: 14,
    });
  });

  it('reports a signal or exit line without its closing marks', () => {
    expect(parseLine('--- SIGTERM {si_signo=SIGTERM}', 1)).toMatchObject({
      kind: 'malformed',
      message: "expected ' ---' closing the signal line",
    });
    expect(parseLine('+++ exited with 0', 1)).toMatchObject({
      kind: 'malformed',
      message: "expected ' +++' closing the exit line",
    });
  });

  it('strips a trailing carriage return before parsing', () => {
    expect(parseLine('close(3) = 0\r', 1)).toMatchObject({ kind: 'call', ret: { value: 0 } });
  });
});
