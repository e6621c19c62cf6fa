/**
 * Real programs nobody here wrote (socat, OpenBSD nc, CPython, a classic forking C server),
 * traced with strace -f, replay on the model with no divergence. One-sided traces need the
 * world outside the trace, and the report says how many calls it explains.
 * Regenerate with scripts/record-real-traces.sh.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../strace/parseTrace';
import { replayLines } from './replay';

const DIR = join(__dirname, '../../../fixtures/traces');
const TRACES = readdirSync(DIR).filter((f) => f.endsWith('.strace'));
const read = (name: string) => parseTrace(readFileSync(join(DIR, name), 'latin1')).lines;

describe('real program traces, replayed', () => {
  for (const file of TRACES) {
    it(`${file.replace('.strace', '')} replays with 0 divergences`, () => {
      const report = replayLines(read(file));
      expect(report.divergences.map((d) => `line ${d.lineNo}: ${d.call}: ${d.detail.join('; ')}`)).toEqual(
        [],
      );
      expect(report.calls).toBeGreaterThan(10);
    });
  }

  it('a server traced alone needs clients outside the trace, and says so', () => {
    const report = replayLines(read('nc_server.strace'));
    expect(report.explained).toBeGreaterThan(0);
    expect(report.outsideActions.some((a) => a.what.includes('connected'))).toBe(true);
  });

  it('the same one-sided trace diverges when outside help is forbidden', () => {
    const report = replayLines(read('nc_server.strace'), { strict: true });
    expect(report.differ).toBeGreaterThan(0);
  });

  it('a server and its clients traced together need no outside help for their sockets', () => {
    const report = replayLines(read('c_fork_echo.strace'));
    const socketHelp =
      /connected|wrote|sent|closed|listens|bound|receives|read |stopped|accepted|readiness|credentials/;
    expect(report.outsideActions.filter((a) => socketHelp.test(a.what))).toEqual([]);
  });
});
