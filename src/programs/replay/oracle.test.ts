/**
 * Conformance: every scenario the kernel oracle recorded on Linux 6.18, traced with strace,
 * replays on the model with no divergence and without help from outside the trace.
 * Regenerate the traces with scripts/record-oracle-traces.sh.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../strace/parseTrace';
import { replayLines, summaryLine } from './replay';

const DIR = join(__dirname, '../../../fixtures/oracle/strace');
const TRACES = readdirSync(DIR).filter((f) => f.endsWith('.strace'));
const SCENARIOS = readFileSync(join(__dirname, '../../../fixtures/oracle/scenarios.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).scenario as string);

describe('the kernel oracle, replayed', () => {
  it('has a trace for each of the 134 recorded scenarios', () => {
    expect(SCENARIOS).toHaveLength(134);
    expect(TRACES.map((f) => f.replace('.strace', '')).sort()).toEqual([...SCENARIOS].sort());
  });

  for (const file of TRACES) {
    it(`${file.replace('.strace', '')} replays with 0 divergences`, () => {
      const report = replayLines(parseTrace(readFileSync(join(DIR, file), 'latin1')).lines, { strict: true });
      const lines = report.divergences.map((d) => `line ${d.lineNo}: ${d.call}: ${d.detail.join('; ')}`);
      expect(lines).toEqual([]);
      expect(report.malformed).toEqual([]);
      expect(report.calls).toBeGreaterThan(0);
      expect(summaryLine(report)).toBe(`replayed ${report.calls} calls: ${report.calls} match, 0 differ`);
    });
  }
});
