/**
 * A scenario's run as readable text: one line per step with its result and events, and the
 * kernel's state in words at the end. Kept as golden files (fixtures/golden) so a behaviour
 * change shows up in review as a readable diff.
 */
import { describeKernel, describeStep } from '../../diagram';
import { runToEnd } from '../../engine';
import { buildMachine, type Scenario } from './types';

/** The golden text of a scenario. */
export function goldenText(s: Scenario): string {
  const m = buildMachine(s);
  const { steps, ending } = runToEnd(m, 5000);
  const names = new Map<number, string>();
  for (const p of m.kernel.procs.values()) names.set(p.pid, p.name);
  const lines = [`# ${s.id}: ${s.title}`, ''];
  for (const st of steps) {
    const code = st.location
      ? s.processes.find((p) => p.name === st.location?.file)?.lines[st.location.line - 1]?.code
      : undefined;
    lines.push(`${String(st.index).padStart(3)}  ${describeStep(st, names.get(st.pid) ?? `pid ${st.pid}`, code)}`);
    const events = st.events.map((e) => e.type).filter((t) => t !== 'fd.closed' && t !== 'file.released');
    if (events.length > 0) lines.push(`       ${[...new Set(events)].join(', ')}`);
  }
  lines.push('', `ending: ${ending.kind}`, '', '# state at the end', ...describeKernel(m.kernel));
  return `${lines.join('\n')}\n`;
}
