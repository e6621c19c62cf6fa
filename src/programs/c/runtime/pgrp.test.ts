/**
 * Process groups as a C program meets them: setsid returns the caller's pid (and fails with EPERM
 * for a group leader), getpgrp and getpgid, killpg. The expected text is what
 * fixtures/probes/c/pgrp.c printed when built with gcc 12 and run on Linux 6.18
 * (`fixtures/probes/c/run.sh pgrp`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const PGRP = `child setsid returns own pid 1, pgrp is pid 1
setsid again -1 Operation not permitted
child group differs 1, getpgid(child) is child 1
killpg 0
child killed by 15
getpgid(no such) -1 No such process
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/pgrp.c', import.meta.url), 'utf8');

describe('process groups, as on Linux', () => {
  it('setsid makes a forked child a group leader and returns its pid; a leader gets EPERM', () => {
    expect(runC(source).stdout.split('\n').slice(0, 2)).toEqual(PGRP.split('\n').slice(0, 2));
  });

  it('killpg reaches the group, and getpgid of no process is ESRCH', () => {
    expect(runC(source)).toMatchObject({ stdout: PGRP, exit: 0 });
  });
});
