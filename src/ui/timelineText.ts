/**
 * A run as readable text: one line per step with its result and events, then the kernel's
 * state in words. The golden timelines under fixtures/golden are this text, so a change of
 * behaviour shows up in review as a readable diff.
 */
import { describeKernel, describeStep } from '../diagram';
import { codeOf, type Run } from './run';

/** The golden text of a run. */
export function timelineText(run: Run): string {
  const lines = [`# ${run.scenario.id}: ${run.scenario.title}`, ''];
  for (const st of run.steps) {
    const where = st.location ? `${st.location.file}:${st.location.line}` : '';
    lines.push(
      `${String(st.index).padStart(3)}  ${describeStep(st, run.names.get(st.pid) ?? `pid ${st.pid}`, codeOf(run, st))}${where ? `   [${where}]` : ''}`,
    );
    const events = st.events.map((e) => e.type).filter((t) => t !== 'fd.closed' && t !== 'file.released');
    if (events.length > 0) lines.push(`       ${[...new Set(events)].join(', ')}`);
  }
  const last = run.timeline.stateAt(run.steps.length).machine.kernel;
  lines.push('', `ending: ${run.ending?.kind ?? 'none'}`, '', '# state at the end', ...describeKernel(last));
  return `${lines.join('\n')}\n`;
}
