/**
 * C control flow, functions and data layout on the VM against gcc on x86-64. The expected text
 * is what fixtures/probes/c/control.c and layout.c printed when built with gcc 12 and run on
 * Linux; `fixtures/probes/c/run.sh control layout` measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const probe = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/probes/c/${name}`, import.meta.url), 'utf8');

/** control.c, measured with gcc on Linux. */
const CONTROL = `copy 1 a 100 b
by value 1 2 | 2 1
array 4 1 one 1 other
fp 4 4 42 7
static 12 11 10
goto 5
zero one | one | default | three-four three-four default | 
do 12
comma 5 6
ternary big 1
for comma 6 6
while 7
varargs 6 99990
show <key=42/ff>
avg 2.50
recursion 2432902008176640000 6765
`;

/** layout.c, measured with gcc on Linux. */
const LAYOUT = `sockaddr_un 110 sun_family 0 sun_path 2 sizeof sun_path 108
sockaddr 16 sockaddr_storage 128 sa_family_t 2 socklen_t 4
msghdr 56 name 0 namelen 8 iov 16 iovlen 24 control 32 controllen 40 flags 48
cmsghdr 16 len 0 level 8 type 12 CMSG_LEN(4) 20 CMSG_SPACE(4) 24 CMSG_SPACE(12) 32
iovec 16 ucred 12 pollfd 8 fd_set 128
sigaction 152 sigset_t 128 sa_flags 136
`;

let control: string | undefined;
function ours(): string {
  control ??= runC(probe('control.c')).stdout;
  return control;
}

function same(...labels: string[]): void {
  for (const label of labels) expect(lineOf(ours(), label)).toBe(lineOf(CONTROL, label));
}

describe('structs, as gcc', () => {
  it('copies a struct by assignment, leaving the original alone', () => {
    same('copy');
  });

  it('passes and returns structs by value', () => {
    same('by value');
  });

  it('fills arrays of structs from struct-returning calls and indexes them through pointers', () => {
    same('array');
  });
});

describe('functions, as gcc', () => {
  it('calls through function pointers, with and without *, and through a table of them', () => {
    same('fp');
  });

  it('keeps a static local between calls and evaluates call arguments right to left', () => {
    same('static');
    expect(lineOf(ours(), 'static')).toBe('static 12 11 10');
  });

  it("reads the user's own variadic arguments with va_arg, ints and doubles, and passes a va_list on", () => {
    same('varargs', 'show', 'avg');
  });

  it('recurses: 20! in an unsigned long and fib(20)', () => {
    same('recursion');
  });
});

describe('statements, as gcc', () => {
  it('jumps backwards with goto', () => {
    same('goto');
  });

  it('falls through switch cases until a break, and continue in a switch continues the loop', () => {
    same('zero');
  });

  it('runs a do/while body before testing, and do { } while (0) once', () => {
    same('do');
  });

  it('evaluates the comma operator left to right for its last value, in for loops too', () => {
    same('comma', 'for comma');
  });

  it('nests the ternary operator', () => {
    same('ternary');
  });

  it('leaves while (1) by break after continue skipped an iteration', () => {
    same('while');
  });

  it('prints exactly what the gcc build printed', () => {
    expect(ours()).toBe(CONTROL);
  });
});

describe('socket structure layouts, as glibc on x86-64', () => {
  let layout: string | undefined;
  const run = () => {
    layout ??= runC(probe('layout.c')).stdout;
    return layout;
  };

  it('makes sockaddr_un 110 bytes with sun_path at offset 2', () => {
    expect(lineOf(run(), 'sockaddr_un')).toBe('sockaddr_un 110 sun_family 0 sun_path 2 sizeof sun_path 108');
  });

  it('makes msghdr 56 bytes and cmsghdr 16, with the CMSG_LEN and CMSG_SPACE of glibc', () => {
    expect(lineOf(run(), 'msghdr')).toBe(lineOf(LAYOUT, 'msghdr'));
    expect(lineOf(run(), 'cmsghdr')).toBe(lineOf(LAYOUT, 'cmsghdr'));
  });

  it('sizes sockaddr, sockaddr_storage, iovec, ucred, pollfd, fd_set, sigaction and sigset_t as glibc', () => {
    expect(run()).toBe(LAYOUT);
  });
});
