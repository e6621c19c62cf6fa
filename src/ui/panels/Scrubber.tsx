/**
 * The timeline scrubber: a slider over every step, with a mark per step that shows calls,
 * sleeps and errors (by shape and letter as well as colour). Clicking a mark jumps there.
 */
import { scaleLinear } from 'd3';
import { memo } from 'react';
import { describeStep } from '../../diagram';
import type { Run } from '../run';
import { codeOf } from '../run';
import { useApp } from '../store';

const MARK: Record<string, string> = { error: '✕', sleep: '☾', signal: '⚡', exit: '■', time: '⏱', call: '' };

/** At most this many marks are drawn under the slider; more would only blur into each other. */
const MAX_MARKS = 800;

/** The marks to draw: all of them, or every k-th plain call plus every other kind. */
function sample<T extends { kind: string }>(marks: T[]): T[] {
  if (marks.length <= MAX_MARKS) return marks;
  const every = Math.ceil(marks.length / MAX_MARKS);
  return marks.filter((m, i) => m.kind !== 'call' || i % every === 0).slice(0, MAX_MARKS * 2);
}

/** The step marks under the slider, drawn once per run. */
const Marks = memo(function Marks({ run, goTo }: { run: Run; goTo: (step: number) => void }) {
  const x = scaleLinear()
    .domain([0, Math.max(1, run.steps.length)])
    .range([8, 992]);
  return (
    <svg className="marks" viewBox="0 0 1000 22" preserveAspectRatio="none" aria-hidden="true">
      {sample(run.sequence.marks).map((m) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the range input above is the keyboard control
        <g key={m.step} className={`mark mark-${m.kind}`} onClick={() => goTo(m.step)}>
          <rect
            x={x(m.step) - 3}
            y={m.kind === 'call' ? 10 : 3}
            width={6}
            height={m.kind === 'call' ? 8 : 16}
            rx={1}
          />
          {MARK[m.kind] && (
            <text x={x(m.step)} y={20} textAnchor="middle">
              {MARK[m.kind]}
            </text>
          )}
        </g>
      ))}
      {run.branchedAt.map((b) => (
        <line key={`b${b}`} className="branch-mark" x1={x(b)} x2={x(b)} y1={0} y2={22} />
      ))}
    </svg>
  );
});

export function Scrubber() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const goTo = useApp((s) => s.goTo);
  const total = run.steps.length;
  const step = cursor > 0 ? run.steps[cursor - 1] : null;
  const text = step
    ? describeStep(step, run.names.get(step.pid) ?? `pid ${step.pid}`, codeOf(run, step))
    : 'the start';
  return (
    <div className="scrubber">
      <label className="visually-hidden" htmlFor="scrubber-range">
        Timeline position
      </label>
      <input
        id="scrubber-range"
        type="range"
        min={0}
        max={total}
        value={cursor}
        aria-valuetext={`step ${cursor} of ${total}: ${text}`}
        onChange={(e) => goTo(Number(e.target.value))}
      />
      <Marks run={run} goTo={goTo} />
    </div>
  );
}
