/**
 * The C corpus: programs written in the textbooks' styles, each run on the model and compared
 * with what the gcc-built binaries printed on Linux (fixtures/c/NAME/expected.json, recorded by
 * scripts/record-c-expected.sh): stdout, stderr, exit status, killing signal, and the call a
 * process is left asleep in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { simulate } from './sim';

const ROOT = new URL('../../../fixtures/c/', import.meta.url);
const NAMES = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Linux reports the system call a process sleeps in; glibc makes some C calls with another one. */
const LINUX_SYSCALL: Record<string, string> = {
  recv: 'recvfrom',
  send: 'sendto',
  wait: 'wait4',
  waitpid: 'wait4',
  sleep: 'nanosleep',
  usleep: 'nanosleep',
  fgets: 'read',
  fgetc: 'read',
  getc: 'read',
  getchar: 'read',
  fread: 'read',
};

interface Expected {
  processes: {
    name: string;
    stdout: string;
    stderr: string;
    exit: number | null;
    signal: string | null;
    blocked_in: string | null;
  }[];
}

describe('C programs print and end as they did on Linux', () => {
  it('has the recorded corpus', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(18);
  });

  for (const name of NAMES) {
    it(`${name} prints and ends as on Linux`, () => {
      const parsed = parseScenario(readFileSync(new URL(`${name}/scenario.json`, ROOT), 'utf8'));
      if ('error' in parsed) throw new Error(parsed.error);
      const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, ROOT), 'utf8')) as Expected;
      const result = simulate(parsed.scenario, 200_000);
      if (result.kind !== 'ran') throw new Error(result.errors.join('\n'));
      expect(result.ending.kind).not.toBe('limit');
      const got = result.processes.map((p) => ({
        name: p.name,
        stdout: p.stdout,
        stderr: p.stderr,
        exit: p.exit,
        signal: p.signal,
        blocked_in: p.blocked_in === null ? null : (LINUX_SYSCALL[p.blocked_in] ?? p.blocked_in),
      }));
      expect(got).toEqual(expected.processes);
    });
  }
});
