/** A trace in steps: folding, verdicts per step, and the kernel at any step. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../strace/parseTrace';
import { analyseNow } from './analyse';
import { summaryLine } from './replay';
import { TraceStates } from './traceStates';

const TRACES = join(__dirname, '../../../fixtures/traces');
const load = (name: string) => parseTrace(readFileSync(join(TRACES, name), 'latin1')).lines;

describe('a trace in steps', () => {
  it('folds the start-up calls the model does not follow, and keeps each socket call a step', () => {
    const lines = load('socat_client.strace');
    const { steps, report } = analyseNow(lines);
    expect(summaryLine(report)).toMatch(/^replayed \d+ calls: \d+ match, 0 differ/);
    const folded = steps.filter((s) => s.folded.length > 1);
    expect(folded.length).toBeGreaterThan(0);
    expect(folded[0].folded).toContain('mmap');
    const calls = steps.filter((s) => s.call).map((s) => s.call?.name);
    expect(calls).toContain('socket');
    expect(calls).toContain('connect');
    // Every line is in exactly one step, in order.
    for (let i = 1; i < steps.length; i++) expect(steps[i].first).toBeGreaterThanOrEqual(steps[i - 1].end);
    expect(steps.length).toBeLessThan(lines.length / 2);
  });

  it('gives the same kernel at a step whether reached in order or by a jump', () => {
    const lines = load('py_threading_echo.strace');
    const { steps } = analyseNow(lines);
    const states = new TraceStates(lines, steps);
    const inOrder: string[] = [];
    for (const k of states.build()) inOrder.push(JSON.stringify([...k.procs.keys()]) + k.socks.size);
    expect(states.built).toBe(steps.length);
    for (const i of [steps.length, 1, Math.floor(steps.length / 2), 300, 2]) {
      if (i > steps.length) continue;
      const k = states.stateAt(i).machine.kernel;
      expect(JSON.stringify([...k.procs.keys()]) + k.socks.size, `step ${i}`).toBe(inOrder[i - 1]);
    }
  });

  it('marks the step of a divergence with the recorded and simulated results', () => {
    const text = readFileSync(join(TRACES, 'socat_client.strace'), 'latin1').replace(
      /connect\((\d+), (\{sa_family=AF_UNIX, sun_path="[^"]+"\}), (\d+)\) = 0/,
      'connect($1, $2, $3) = -1 EACCES (Permission denied)',
    );
    const { steps, report } = analyseNow(parseTrace(text).lines, { strict: true });
    expect(report.differ).toBeGreaterThan(0);
    const d = steps.find((s) => s.verdict === 'differ');
    expect(d?.divergence?.recorded).toContain('EACCES');
    expect(d?.call?.name).toBe('connect');
  });
});
