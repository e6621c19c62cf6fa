/**
 * The replay command line, run as a user would: exit status, output lines, bad inputs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIXTURE = join(ROOT, 'fixtures/oracle/strace/stream_partial_read.strace');

function replay(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/replay.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TEMP = mkdtempSync(join(tmpdir(), 'rdv-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
let temps = 0;

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(TEMP, `${temps++}-`)), name);
  writeFileSync(path, text);
  return path;
}

describe('npm run replay', () => {
  it('prints the summary line and exits 0 for a trace the model reproduces', () => {
    const r = replay(FIXTURE);
    expect(r.status).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1);
    expect(last).toMatch(/^replayed (\d+) calls: \1 match, 0 differ$/);
  });

  it('reports a changed result with its line number and exits 1', () => {
    const lines = readFileSync(FIXTURE, 'latin1').split('\n');
    const i = lines.findIndex((l) => l.endsWith(' read(5, "0123", 4) = 4'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i].replace(/= (\d+)$/, '= 99');
    const path = tempFile('changed.strace', lines.join('\n'));
    const r = replay(path);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${path}:${i + 1}: pid`);
    expect(r.stdout).toContain('recorded 99');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^replayed \d+ calls: \d+ match, [1-9]\d* differ$/);
  });

  it('gives the same result as JSON with --json', () => {
    const r = replay(FIXTURE, '--json');
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.summary).toMatch(/^replayed \d+ calls: \d+ match, 0 differ$/);
    expect(data.differ).toBe(0);
    expect(data.divergences).toEqual([]);
  });

  it('refuses a file that is not strace output with exit status 2 and says why', () => {
    const path = tempFile('notes.txt', 'Dear diary,\nToday I learned about sockets.\n');
    const r = replay(path);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path}: not strace output`);
    expect(r.stdout).toBe('');
  });

  it('names a missing file and exits 2', () => {
    const r = replay('/nonexistent/trace.strace');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/nonexistent/trace.strace: cannot read');
  });

  it('skips a malformed line, reporting its number, and replays the rest', () => {
    const lines = readFileSync(FIXTURE, 'latin1').split('\n');
    lines.splice(5, 0, '11111 12:00:00.000000 write(1, "unterminated');
    const path = tempFile('broken.strace', lines.join('\n'));
    const r = replay(path);
    expect(r.stderr).toContain(`${path}:6: skipped, not understood`);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^replayed (\d+) calls: \1 match, 0 differ$/);
  });

  it('replays a one-sided trace, naming the calls outside processes explain', () => {
    const r = replay(join(ROOT, 'fixtures/traces/nc_server.strace'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(
      /^replayed (\d+) calls: \1 match, 0 differ, \d+ explained by processes outside the trace$/,
    );
  });
});
