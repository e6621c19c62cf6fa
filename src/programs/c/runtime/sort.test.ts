/**
 * qsort and bsearch as glibc's: the merge sort (stable, with glibc's order of comparisons),
 * records over 32 bytes sorted through pointers, the temporary array malloc'd from 1024 bytes,
 * and bsearch's binary search. The expected text is what fixtures/probes/c/sort.c printed when
 * built with gcc 12 and run on Linux (glibc 2.36); `fixtures/probes/c/run.sh sort` measures it
 * again. The comparator is the program's own function, called back by the library.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloneMachine, type Machine, step } from '../../../engine';
import type { CProgram } from '../program';
import { buildScenario } from '../scenario';
import { report } from '../sim';
import { lineOf, runC, scenarioOf } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/sort.c', import.meta.url), 'utf8');

/** sort.c, measured with gcc on Linux. */
const GCC = `ints: 1 2 3 4 5 5 6 7 8 9 (24 calls)
trace 0:1 3:4 2:3 2:4 0:2 0:3 1:3 5:6 8:9 7:8 7:9 5:7 6:7 6:8 6:9 0:5 1:5 1:6 2:6 2:7 3:7 4:7 4:8 4:9
stable: 0i 0l 1b 1e 1h 2d 2g 2j 3a 3c 3f 3k (32 calls)
trace 1:2 0:1 0:2 4:5 3:4 3:5 0:3 1:3 1:4 1:5 2:5 7:8 6:7 6:8 10:11 9:10 9:11 6:9 7:9 7:10 8:10 0:6 0:7 0:8 1:8 2:8 2:9 3:9 3:10 3:11 4:11 5:11
big records (40 bytes): 0a 0e 0i 1b 1f 2c 2g 3d 3h (19 calls)
trace 0:1 2:3 0:2 1:2 4:5 7:8 6:8 6:7 4:8 5:8 5:6 0:4 1:4 1:8 1:5 2:5 2:6 3:6 3:7
words: apple apple banana cherry date fig pear (13 calls)
descending: 9 8 7 6 5 5 4 3 2 1 (20 calls)
one and none: 42 (0 calls)
300 ints: 300 in order, first 3 last 997 (2089 calls)
bsearch -1: NULL (4 calls)
bsearch 0: index 1 tag l (3 calls)
bsearch 1: index 3 tag e (2 calls)
bsearch 2: index 6 tag g (1 calls)
bsearch 3: index 9 tag c (2 calls)
bsearch 4: NULL (3 calls)
bsearch in none: NULL (0 calls)
`;

/** A comparator that prints each comparison (a system call in every callback). */
const PRINTING = `#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    printf("%d?%d ", x, y);
    return (x > y) - (x < y);
}
int main(int argc, char **argv)
{
    int v[] = {3, 1, 2, 1, 0};
    if (argc > 1 && argv[1][0] == 'n') qsort(v, 5, sizeof v[0], NULL);
    if (argc > 1 && argv[1][0] == 'b') qsort(NULL, 5, sizeof v[0], cmp);
    qsort(v, 5, sizeof v[0], cmp);
    printf("\\n%d %d %d %d %d\\n", v[0], v[1], v[2], v[3], v[4]);
    return 0;
}
`;

/** PRINTING's output, measured with gcc on Linux (with "n" and "b" it died of SIGSEGV). */
const GCC_PRINTING = '3?1 1?0 2?0 2?1 1?0 1?1 3?1 3?2 \n0 1 1 2 3\n';

let out: string | undefined;
const ours = () => {
  out ??= runC(PROBE).stdout;
  return out;
};

/** The probe's line starting with `label` and the trace line after it. */
function withTrace(text: string, label: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(label));
  return lines.slice(at, at + 2);
}

describe('qsort, as glibc', () => {
  it('sorts with glibc merge sort, comparing the same pairs in the same order', () => {
    expect(withTrace(ours(), 'ints:')).toEqual(withTrace(GCC, 'ints:'));
  });

  it('is stable: equal keys keep their order', () => {
    expect(withTrace(ours(), 'stable:')).toEqual(withTrace(GCC, 'stable:'));
  });

  it('sorts records over 32 bytes through pointers: the comparator sees each record where it was', () => {
    expect(withTrace(ours(), 'big records')).toEqual(withTrace(GCC, 'big records'));
  });

  it('sorts pointers (strings with strcmp) and in descending order', () => {
    expect(lineOf(ours(), 'words:')).toBe(lineOf(GCC, 'words:'));
    expect(lineOf(ours(), 'descending:')).toBe(lineOf(GCC, 'descending:'));
  });

  it('calls no comparator for one element or none (base NULL)', () => {
    expect(lineOf(ours(), 'one')).toBe('one and none: 42 (0 calls)');
  });

  it("sorts 300 ints with a malloc'd temporary array, with glibc's count of comparisons", () => {
    expect(lineOf(ours(), '300')).toBe(lineOf(GCC, '300'));
  });

  it('runs a comparator that makes system calls (printf) between comparisons', () => {
    expect(runC(PRINTING).stdout).toBe(GCC_PRINTING);
  });

  it('faults on a NULL comparator or a NULL array, as glibc (SIGSEGV)', () => {
    expect(runC(PRINTING, { argv: ['prog', 'n'] })).toMatchObject({ signal: 'SIGSEGV', stdout: '' });
    expect(runC(PRINTING, { argv: ['prog', 'b'] })).toMatchObject({ signal: 'SIGSEGV', stdout: '' });
  });

  it('goes on from a copy of the process taken in the middle of a sort (a checkpoint)', () => {
    const built = buildScenario(scenarioOf(PRINTING));
    const m = built.machine as Machine;
    const vm = () => (m.programs.get(built.pids[0]) as CProgram).machine;
    // Into the sort: stopped in the comparator, with comparisons made and more to come.
    for (let i = 0; i < 12; i++) step(m);
    expect(vm().frames.map((f) => f.fn.name)).toEqual(['main', 'cmp']);
    const copy = cloneMachine(m);
    const finish = (x: Machine) => {
      for (let i = 0; i < 100_000 && 'index' in step(x); i++);
      return report(x, ['prog'], built.pids)[0].stdout;
    };
    expect(finish(copy)).toBe(GCC_PRINTING);
    expect(finish(m)).toBe(GCC_PRINTING);
  });
});

describe('bsearch, as glibc', () => {
  it("finds the element its binary search meets first among equal keys, in glibc's number of calls", () => {
    const found = (text: string) => text.split('\n').filter((l) => l.startsWith('bsearch'));
    expect(found(ours())).toEqual(found(GCC));
  });

  it('gives NULL for a missing key and for an empty array, without calling the comparator for none', () => {
    expect(lineOf(ours(), 'bsearch 4:')).toBe('bsearch 4: NULL (3 calls)');
    expect(ours()).toBe(GCC);
  });
});
