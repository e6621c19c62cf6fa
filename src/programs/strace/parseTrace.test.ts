import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStrace, mergeArgs, pairResumed, parseTrace } from './parseTrace';
import type { SLine } from './types';

/** Real traces kept as fixtures (see fixtures/traces/README.md). */
const TRACES = join(__dirname, '../../../fixtures/traces');
const SHARED_TRACES = readdirSync(TRACES).filter((f) => f.endsWith('.strace'));

/** Written to stderr by `strace -f ./prog` (no -o): the attach message breaks into the clone line. */
const STDERR_CAPTURE = String.raw`socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0
clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLDstrace: Process 5322 attached
, child_tidptr=0x7fafacfe5a10) = 5322
[pid  5321] clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=50000000},  <unfinished ...>
[pid  5322] set_robust_list(0x7fafacfe5a20, 24) = 0
[pid  5322] read(4,  <unfinished ...>
[pid  5321] <... clock_nanosleep resumed>NULL) = 0
[pid  5321] write(3, "hello world, this is a long stri"..., 35) = 35
[pid  5322] <... read resumed>"hello world, this is a long stri"..., 64) = 35
[pid  5322] write(4, "a) = 5\n<unfinished \"q\"\t\1", 24 <unfinished ...>
[pid  5321] wait4(5322,  <unfinished ...>
[pid  5322] <... write resumed>)        = 24
[pid  5322] +++ killed by SIGTERM +++
<... wait4 resumed>[{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = 5322
--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=5322, si_uid=0, si_status=SIGTERM, si_utime=0, si_stime=0} ---
write(11, "x", 1)                       = -1 EPIPE (Broken pipe)
--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=5321, si_uid=0} ---
+++ killed by SIGPIPE +++
`;

/** From `strace -f -tt -T`: a thread's execve takes over the thread group leader's pid. */
const EXECVE_FROM_THREAD = `6990  12:50:44.883417 execve("/bin/true", ["/bin/true"], 0x7ffd3a45f1c8 /* 35 vars */ <unfinished ...>
6989  12:50:44.884170 <... pause resumed>) = ?
6989  12:50:44.884771 +++ superseded by execve in pid 6990 +++
6989  12:50:44.884780 <... execve resumed>) = 0 <0.001329>
6989  12:50:44.885801 +++ exited with 0 +++`;

function kinds(lines: SLine[]): string[] {
  return lines.map((l) => l.kind);
}

describe('the real traces kept as fixtures', () => {
  for (const name of SHARED_TRACES) {
    it(`every line of ${name} parses, and its unfinished calls pair with their resumptions`, () => {
      const text = readFileSync(join(TRACES, name), 'latin1');
      const trace = parseTrace(text);
      expect(trace.malformed).toEqual([]);
      expect(trace.lines).toHaveLength(text.split('\n').filter((l) => l.trim() !== '').length);
      expect(trace.lines.filter((l) => l.kind === 'note')).toEqual([]);
      const { pairs, unpaired } = pairResumed(trace.lines);
      expect(unpaired).toEqual([]);
      expect(pairs).toHaveLength(trace.lines.filter((l) => l.kind === 'unfinished').length);
      for (const { unfinished, resumed } of pairs) {
        expect([resumed.pid, resumed.name]).toEqual([unfinished.pid, unfinished.name]);
        expect(resumed.lineNo).toBeGreaterThan(unfinished.lineNo);
      }
    });
  }

  it('the split recvfrom in py_socketpair joins into its full argument list', () => {
    const trace = parseTrace(readFileSync(join(TRACES, 'shared_py_socketpair.strace'), 'latin1'));
    const pair = pairResumed(trace.lines).pairs.find((p) => p.unfinished.name === 'recvfrom');
    expect(pair && mergeArgs(pair).map((a) => a.kind)).toEqual([
      'num',
      'str',
      'num',
      'num',
      'ident',
      'ident',
    ]);
  });
});

describe('parseTrace', () => {
  it('tolerates \\r\\n endings, blank lines and a missing final newline, counting lines from 1', () => {
    const trace = parseTrace(
      'close(3) = 0\r\n\r\nclose(4) = -1 EBADF (Bad file descriptor)\r\n+++ exited with 0 +++',
    );
    expect(trace.lines.map((l) => [l.kind, l.lineNo])).toEqual([
      ['call', 1],
      ['call', 3],
      ['exited', 4],
    ]);
  });

  it('gives an empty trace for an empty text', () => {
    expect(parseTrace('')).toEqual({ lines: [], malformed: [] });
  });

  it('keeps malformed lines in place and lists them apart', () => {
    const trace = parseTrace('close(3) = 0\nnot strace at all\nclose(4) = 0\n');
    expect(kinds(trace.lines)).toEqual(['call', 'malformed', 'call']);
    expect(trace.malformed).toMatchObject([{ lineNo: 2, text: 'not strace at all' }]);
  });

  it('never throws, whatever the text', () => {
    const texts = [
      '\0\x01\x02',
      '('.repeat(100_000),
      '['.repeat(100_000) + ']',
      'f("',
      '"""',
      '<... x resumed>',
      '--- ---',
      '\n\n\n',
    ];
    for (const text of texts) expect(() => parseTrace(text)).not.toThrow();
    expect(parseTrace('f(' + '['.repeat(100_000)).malformed).toMatchObject([
      { lineNo: 1, message: 'expected fewer nested brackets (nested too deep to parse)' },
    ]);
  });

  it("rejoins a call that strace's attach message broke in two, and keeps the message as a note", () => {
    const trace = parseTrace(STDERR_CAPTURE);
    expect(trace.malformed).toEqual([]);
    expect(trace.lines[1]).toEqual({
      kind: 'note',
      lineNo: 2,
      pid: null,
      time: null,
      text: 'strace: Process 5322 attached',
    });
    expect(trace.lines[2]).toMatchObject({ kind: 'call', lineNo: 2, name: 'clone', ret: { value: 5322 } });
    expect(trace.lines[2].kind === 'call' && trace.lines[2].argNames).toEqual([
      'child_stack',
      'flags',
      'child_tidptr',
    ]);
    expect(trace.lines[3].lineNo).toBe(4);
  });

  it('rejoins a call that the detach message broke in two as an unfinished, detached call', () => {
    const trace = parseTrace('wait4(-1, strace: Process 7114 detached\n <detached ...>\n');
    expect(trace.lines).toMatchObject([
      { kind: 'note', text: 'strace: Process 7114 detached' },
      { kind: 'unfinished', name: 'wait4', detached: true, args: [{ kind: 'num', value: -1 }] },
    ]);
  });
});

describe('pairResumed', () => {
  it('pairs calls by pid in a stderr capture, and a resumption without a pid with the only call of its name', () => {
    const { pairs, unpaired } = pairResumed(parseTrace(STDERR_CAPTURE).lines);
    expect(unpaired).toEqual([]);
    expect(pairs.map((p) => [p.unfinished.name, p.unfinished.pid, p.resumed.pid])).toEqual([
      ['clock_nanosleep', 5321, 5321],
      ['read', 5322, 5322],
      ['write', 5322, 5322],
      ['wait4', 5321, null],
    ]);
  });

  it("pairs a thread's execve with its resumption under the leader's pid", () => {
    const { pairs, unpaired } = pairResumed(parseTrace(EXECVE_FROM_THREAD).lines);
    expect(pairs.map((p) => [p.unfinished.lineNo, p.resumed.lineNo])).toEqual([[1, 4]]);
    expect(unpaired).toMatchObject([{ kind: 'resumed', name: 'pause', lineNo: 2 }]);
  });

  it('leaves a call unpaired when its process dies inside it', () => {
    const trace = parseTrace('5322  pause( <unfinished ...>\n5322  +++ killed by SIGTERM +++\n');
    expect(pairResumed(trace.lines)).toMatchObject({
      pairs: [],
      unpaired: [{ kind: 'unfinished', name: 'pause' }],
    });
  });

  it('a resumed clone3 completes the struct argument of its unfinished call when merged', () => {
    const trace = parseTrace(
      '12329 clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0, stack_size=0x7fff80} <unfinished ...>\n' +
        '12330 rseq(0x7f8734a59fe0, 0x20, 0, 0x53053053) = 0\n' +
        '12329 <... clone3 resumed> => {parent_tid=[12330]}, 88) = 12330\n',
    );
    const [pair] = pairResumed(trace.lines).pairs;
    const args = mergeArgs(pair);
    expect(args).toHaveLength(2);
    expect(args[0]).toMatchObject({
      kind: 'inout',
      before: {
        kind: 'struct',
        fields: [{ name: 'flags' }, { name: 'exit_signal' }, { name: 'stack_size' }],
      },
      after: { kind: 'struct', fields: [{ name: 'parent_tid' }] },
    });
    expect(args[1]).toEqual({ kind: 'num', value: 88, text: '88' });
  });
});

describe('looksLikeStrace', () => {
  it('accepts traces with and without pid and time columns', () => {
    expect(looksLikeStrace(STDERR_CAPTURE)).toEqual({ ok: true });
    expect(looksLikeStrace(EXECVE_FROM_THREAD)).toEqual({ ok: true });
    expect(looksLikeStrace('execve("./prog", ["./prog"], 0x7ffd2532e2c0 /* 35 vars */) = 0\n')).toEqual({
      ok: true,
    });
  });

  it('accepts a trace with a few stray lines of program output', () => {
    expect(
      looksLikeStrace('read(0, "i", 1) = 1\nhi\nwrite(1, "hi\\n", 3) = 3\n+++ exited with 0 +++\n').ok,
    ).toBe(true);
  });

  it('names the first line that is not strace output and what was expected', () => {
    expect(looksLikeStrace('Lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n')).toEqual({
      ok: false,
      reason: 'line 1 is not a strace line: expected NAME(ARGS) = RESULT',
    });
    expect(looksLikeStrace('\n{"json": true}\n')).toEqual({
      ok: false,
      reason: 'line 2 is not a strace line: expected NAME(ARGS) = RESULT',
    });
  });

  it('gives the column when the line goes wrong further in', () => {
    expect(looksLikeStrace('main(int argc)\n')).toEqual({
      ok: false,
      reason: "line 1 is not a strace line: expected ' = RESULT' (the line ends early) (column 15)",
    });
  });

  it('refuses an empty text and a text of notes only', () => {
    expect(looksLikeStrace(' \n\n')).toEqual({ ok: false, reason: 'the text is empty' });
    expect(looksLikeStrace('strace: Process 7114 attached\nstrace: Process 7114 detached\n')).toEqual({
      ok: false,
      reason: 'none of the first 2 lines is a system call, signal or exit line',
    });
  });
});
