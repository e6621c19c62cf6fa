/**
 * stdio as glibc buffers it when stdout is a terminal: stdout line-buffered, stderr unbuffered.
 * The expected text is what fixtures/probes/c/{buffering,stdin,fdopen}.c printed when built
 * with gcc 12 and run on Linux under `stdbuf -oL -e0` (so stdout behaves as on a terminal,
 * which is what the simulator models); `fixtures/probes/c/run.sh buffering stdin fdopen`
 * measures it again. A forked child's output is part of its parent's entry, as in the corpus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const probe = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/probes/c/${name}`, import.meta.url), 'utf8');

const BUFFERING = probe('buffering.c');

/** buffering.c in each mode, measured with gcc on Linux: stdout, stderr and how it ended. */
const GCC_BUFFERING = {
  return: { stdout: 'line one\n[write] partial end', exit: 0, signal: null },
  exit: { stdout: 'line one\n[write] partial ', exit: 3, signal: null },
  _exit: { stdout: 'line one\n[write] ', exit: 4, signal: null },
  kill: { stdout: 'line one\n[write] ', exit: null, signal: 'SIGTERM' },
  fflush: { stdout: 'line one\n[write] partial [after fflush]\nend', exit: 0, signal: null },
  fork: { stdout: 'line one\n[write] partial child\npartial parent\n', exit: 0, signal: null },
};

/** stdin.c with stdin.txt, measured with gcc on Linux. */
const GCC_STDIN = `1: [hello
] len 6 nl
2: [a line ] len 7
getchar 108 'l'
after ungetc Z
3: [Yonger ] len 7
4: [than ei] len 7
5: [ght
] len 4
6: [xyz
] len 4
7: [last li] len 7
8: [ne with] len 7
9: [out new] len 7
10: [line] len 4
fgets at end: NULL, feof 1, ferror 0
getchar at end -1
after clearerr feof 0
`;

/** fdopen.c, measured with gcc on Linux. */
const GCC_FDOPEN = {
  stdout: `got [hello 1
]
got [no newline yet, now
]
got [last]
eof 1
puts
fputs
puts returned 5, fputs returned 1
printf keeps errno
after perror errno is 111
close(99) errno 9
`,
  stderr: `with errno 0: Success
open: No such file or directory
No such file or directory
No such file or directory
errno is 32 (Broken pipe)
connect: Connection refused
close(99): Bad file descriptor
`,
};

function buffering(mode: keyof typeof GCC_BUFFERING) {
  const p = runC(BUFFERING, { argv: ['buffering', mode] });
  return { stdout: p.stdout, stderr: p.stderr, exit: p.exit, signal: p.signal };
}

describe('stdout is line-buffered and stderr unbuffered, as on a terminal', () => {
  it('writes stderr at once, while a partial stdout line waits behind a write(2)', () => {
    expect(buffering('return')).toEqual({ ...GCC_BUFFERING.return, stderr: 'stderr now\n' });
  });

  it('flushes a partial line when main returns and when exit() is called', () => {
    expect(buffering('exit')).toEqual({ ...GCC_BUFFERING.exit, stderr: 'stderr now\n' });
  });

  it('loses a partial line on _exit()', () => {
    expect(buffering('_exit')).toEqual({ ...GCC_BUFFERING._exit, stderr: 'stderr now\n' });
  });

  it('loses a partial line when a signal kills the process', () => {
    expect(buffering('kill')).toEqual({ ...GCC_BUFFERING.kill, stderr: 'stderr now\n' });
  });

  it('writes a partial line out at fflush(stdout)', () => {
    expect(buffering('fflush')).toEqual({ ...GCC_BUFFERING.fflush, stderr: 'stderr now\n' });
  });

  it('copies an unflushed buffer into a forked child, so both processes print it', () => {
    expect(buffering('fork')).toEqual({ ...GCC_BUFFERING.fork, stderr: 'stderr now\n' });
  });
});

describe('reading stdin, as glibc', () => {
  it('writes out a pending prompt before reading stdin, as reading a terminal does', () => {
    // Measured with stdin unbuffered (stdbuf -i0) and under script(1): "prompt> [write]got hi\n".
    const p = runC(probe('prompt.c'), { stdin: 'hi\n' });
    expect(p).toMatchObject({ stdout: 'prompt> [write]got hi\n', exit: 0 });
  });

  const input = readFileSync(new URL('../../../../fixtures/probes/c/stdin.txt', import.meta.url), 'utf8');
  let out: string | undefined;
  const run = () => {
    out ??= runC(probe('stdin.c'), { stdin: input }).stdout;
    return out;
  };
  const lines = (text: string) => text.split('\n');

  it('fgets stops after a newline or at size - 1 bytes and keeps the newline', () => {
    expect(lines(run()).slice(0, 3)).toEqual(lines(GCC_STDIN).slice(0, 3));
  });

  it('getchar and fgets read a byte pushed back by ungetc first', () => {
    expect(lines(run()).slice(3, 6)).toEqual(lines(GCC_STDIN).slice(3, 6));
  });

  it('fgets returns a last line without a newline, then NULL with feof set', () => {
    expect(run()).toContain('10: [line] len 4\nfgets at end: NULL, feof 1, ferror 0\n');
  });

  it('getchar returns EOF at the end, and clearerr resets the indicator', () => {
    expect(run()).toBe(GCC_STDIN);
  });
});

describe('streams on sockets, perror and errno, as glibc', () => {
  let ran: { stdout: string; stderr: string } | undefined;
  const run = () => {
    ran ??= runC(probe('fdopen.c'));
    return ran;
  };

  it('fdopen gives fully buffered streams on a socketpair: fprintf in one process, fgets in the other', () => {
    expect(run().stdout.split('eof 1\n')[0]).toBe(GCC_FDOPEN.stdout.split('eof 1\n')[0]);
  });

  it('perror prints "msg: text", only the text for "" or NULL, and Success for errno 0', () => {
    expect(run().stderr).toBe(GCC_FDOPEN.stderr);
  });

  it('puts returns the bytes it wrote, newline included, and fputs returns 1', () => {
    expect(run().stdout).toContain('puts returned 5, fputs returned 1\n');
  });

  it('successful calls (printf, perror) leave errno as it was', () => {
    expect(run().stdout).toBe(GCC_FDOPEN.stdout);
  });
});
