/**
 * tmpnam as glibc: "/tmp/file" and six letters or digits, a new name each call, in static
 * storage (the same pointer each time) or in the caller's buffer. The expected text is what
 * fixtures/probes/c/tmpnam.c printed when built with gcc 12 and run on Linux 6.18
 * (`fixtures/probes/c/run.sh tmpnam`); the letters themselves are random on Linux.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const source = readFileSync(new URL('../../../../fixtures/probes/c/tmpnam.c', import.meta.url), 'utf8');

describe('tmpnam', () => {
  it('names a new /tmp/file... each call, in static storage or the buffer given, as glibc', () => {
    expect(runC(source).stdout).toBe(
      'static 1, same pointer 1, buf 1, differ 1 1, len 15 15\nprefix /tmp/file\n',
    );
  });
});
