/**
 * Golden timelines: each built-in scenario's run as readable text (one line per step with its
 * result and events, then the kernel's state in words), checked in under fixtures/golden so a
 * behaviour change shows up in review as a readable diff.
 * Regenerate with: UPDATE_GOLDEN=1 npx vitest run src/ui/golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeKernel, describeStep } from '../diagram';
import { runToEnd } from '../engine';
import { buildMachine, SCENARIOS, type Scenario } from '../programs/scenarios';

const GOLDEN = join(__dirname, '../../fixtures/golden');

/** The golden text of a scenario. */
function goldenText(s: Scenario): string {
  const m = buildMachine(s);
  const { steps, ending } = runToEnd(m, 5000);
  const names = new Map<number, string>();
  for (const p of m.kernel.procs.values()) names.set(p.pid, p.name);
  const lines = [`# ${s.id}: ${s.title}`, ''];
  for (const st of steps) {
    const code = st.location
      ? s.processes.find((p) => p.name === st.location?.file)?.lines[st.location.line - 1]?.code
      : undefined;
    lines.push(
      `${String(st.index).padStart(3)}  ${describeStep(st, names.get(st.pid) ?? `pid ${st.pid}`, code)}`,
    );
    const events = st.events.map((e) => e.type).filter((t) => t !== 'fd.closed' && t !== 'file.released');
    if (events.length > 0) lines.push(`       ${[...new Set(events)].join(', ')}`);
  }
  lines.push('', `ending: ${ending.kind}`, '', '# state at the end', ...describeKernel(m.kernel));
  return `${lines.join('\n')}\n`;
}

describe('golden timelines', () => {
  for (const s of SCENARIOS) {
    it(`${s.id} matches its golden timeline`, () => {
      const file = join(GOLDEN, `${s.id}.txt`);
      const actual = goldenText(s);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
