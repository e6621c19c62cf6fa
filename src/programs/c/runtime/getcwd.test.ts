/**
 * getcwd as glibc: into the caller's buffer, into one it allocates, ERANGE for a buffer too
 * small, EINVAL for size 0 with a buffer. The expected text is what fixtures/probes/c/getcwd.c
 * printed when built with gcc 12 and run on Linux 6.18 (`fixtures/probes/c/run.sh getcwd`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const GETCWD = `buffer: /tmp/getcwd_probe
allocated: /tmp/getcwd_probe, length 17
allocated 100: /tmp/getcwd_probe
too small: (null) Numerical result out of range
size 0 with a buffer: (null) Invalid argument
after chdir ..: /tmp
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/getcwd.c', import.meta.url), 'utf8');

describe('getcwd, as glibc', () => {
  it('gives the directory chdir went to, in a buffer or one it allocates, and NULL with errno on failure', () => {
    expect(runC(source)).toMatchObject({ stdout: GETCWD, exit: 0 });
  });
});
