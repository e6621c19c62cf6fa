/**
 * Reading streams as glibc does: scanf on stdin, fscanf on a file and on a pipe whose writer
 * pauses, getline and getdelim (the buffer's malloc and realloc), and strtok_r and strsep. The
 * expected text is what fixtures/probes/c/lines.c printed with lines.txt on stdin when built with
 * gcc 12 and run on Linux (glibc 2.36); `fixtures/probes/c/run.sh lines` measures it again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const probe = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/probes/c/${name}`, import.meta.url), 'utf8');

/** lines.c with lines.txt on stdin, measured with gcc on Linux. */
const GCC_LINES = `scanf 2: 10 20
scanf 2: hello 3.5
scanf 0, then getchar 'x'
getline 14 n 120 [ rest of line\\n]
getline 11 n 120 [first line\\n]
getline 201 n 240 [xxxxxxxxxxxxxxxxxxxxx...(201)]
getdelim ':' 2 n 240 [a:]
getdelim ':' 2 n 240 [b:]
getdelim ':' 23 n 240 [c\\nlast line, no newline]
at the end: getdelim -1, feof 1, line [c\\nlast line, no newline]
scanf at the end -1
getline at the end with NULL: -1, n 120, allocated 1
getline(NULL, &n) -1 errno Invalid argument
getline(&line, NULL) -1 errno Invalid argument
fscanf id 7 name box weight 2.5
fscanf then 0, feof 0
strtok_r: [alpha] [beta] [gamma], save at +22, again NULL
nested: a->1 b->2 c->(none)
strtok_r on "": NULL, save moved 0
strsep: [a] [] [b] [c], then p NULL, strsep again NULL
`;

let read: string | undefined;
const lines = () => {
  read ??= runC(probe('lines.c'), { stdin: probe('lines.txt') }).stdout;
  return read;
};

/** fscanf on a pipe whose writer sends "12", sleeps a second, then " 34\n". */
const PIPE = `#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
    int fd[2], a = -1, b = -1, r;
    FILE *in;
    pipe(fd);
    if (fork() == 0) {
        close(fd[0]);
        write(fd[1], "12", 2);
        sleep(1);
        write(fd[1], " 34\\n", 4);
        _exit(0);
    }
    close(fd[1]);
    in = fdopen(fd[0], "r");
    r = fscanf(in, "%d %d", &a, &b);
    printf("fscanf %d: %d %d\\n", r, a, b);
    r = fscanf(in, "%d", &a);
    printf("then %d, feof %d\\n", r, feof(in));
    wait(NULL);
    return 0;
}
`;

describe('scanf on streams, as glibc', () => {
  it('reads numbers and words from stdin and leaves what stopped it for getchar', () => {
    expect(lines().split('\n').slice(0, 3)).toEqual(GCC_LINES.split('\n').slice(0, 3));
  });

  it('waits for more input in the middle of a conversion, and returns EOF at the end', () => {
    // Measured with gcc on Linux.
    expect(runC(PIPE).stdout).toBe('fscanf 2: 12 34\nthen -1, feof 1\n');
  });

  it('reads a file with fscanf, where a literal after a newline is a matching failure', () => {
    const pick = (text: string) => text.split('\n').filter((l) => l.startsWith('fscanf'));
    expect(pick(lines())).toEqual(pick(GCC_LINES));
    expect(lineOf(lines(), 'scanf at the end')).toBe('scanf at the end -1');
  });
});

describe('getline and getdelim, as glibc', () => {
  it('mallocs 120 bytes for a NULL buffer and grows it by realloc to at least twice its size', () => {
    const pick = (text: string) => text.split('\n').filter((l) => l.startsWith('getline '));
    expect(pick(lines())).toEqual(pick(GCC_LINES));
  });

  it('splits on another delimiter, the last piece without one, then -1 with feof set', () => {
    const pick = (text: string) =>
      text.split('\n').filter((l) => l.startsWith('getdelim') || l.startsWith('at the end'));
    expect(pick(lines())).toEqual(pick(GCC_LINES));
  });

  it('allocates even at the end of input, and fails with EINVAL for a NULL lineptr or n', () => {
    expect(lineOf(lines(), 'getline at the end')).toBe(lineOf(GCC_LINES, 'getline at the end'));
    expect(lineOf(lines(), 'getline(NULL,')).toBe(lineOf(GCC_LINES, 'getline(NULL,'));
    expect(lineOf(lines(), 'getline(&line,')).toBe(lineOf(GCC_LINES, 'getline(&line,'));
  });
});

describe('strtok_r and strsep, as glibc', () => {
  it('strtok_r skips runs of delimiters, and nests with two save pointers', () => {
    expect(lineOf(lines(), 'strtok_r:')).toBe(lineOf(GCC_LINES, 'strtok_r:'));
    expect(lineOf(lines(), 'nested:')).toBe(lineOf(GCC_LINES, 'nested:'));
    expect(lineOf(lines(), 'strtok_r on')).toBe(lineOf(GCC_LINES, 'strtok_r on'));
  });

  it('strsep returns empty fields and sets the pointer to NULL after the last', () => {
    expect(lineOf(lines(), 'strsep:')).toBe(lineOf(GCC_LINES, 'strsep:'));
    expect(lines()).toBe(GCC_LINES);
  });
});
