/**
 * select()'s timeval afterwards, as on Linux: the time it did not wait. The expected text is
 * what fixtures/probes/c/select.c printed when built with gcc 12 and run on Linux 6.18
 * (`fixtures/probes/c/run.sh select`); it prints tenths of a second, so a real run's
 * microseconds between calls do not show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const SELECT = `timeout: select 0, 0 tenths left, set 0
woken: select 1, 8 tenths left, set 1
ready at once: select 1, 20 tenths left, set 1
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/select.c', import.meta.url), 'utf8');

describe('the timeval select() leaves', () => {
  const lines = () => runC(source).stdout.split('\n');

  it('is 0 after a timeout', () => {
    expect(lines()[0]).toBe('timeout: select 0, 0 tenths left, set 0');
  });

  it('holds the rest of the timeout when a write wakes select early', () => {
    expect(lines()[1]).toBe('woken: select 1, 8 tenths left, set 1');
  });

  it('keeps the whole timeout when a descriptor was ready at once', () => {
    expect(runC(source)).toMatchObject({ stdout: SELECT, exit: 0 });
  });
});
