/**
 * The processes over time: a lane per process, a mark per step (its call and result), arrows
 * where a step reached another process. Click a mark (or press Enter on it) to jump there.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { markAt, sequenceScales } from '../../diagram';
import { revealWithin } from '../reveal';
import { useApp } from '../store';

const ROW = 22;
const WIDTH = 340;
/** At most this many rows are drawn at once (a long run keeps the page light). */
const WINDOW = 600;

type Model = ReturnType<typeof useApp.getState>['run']['sequence'];

/** Lanes, arrows and marks: drawn once per run (the current step is an overlay). */
const StaticSequence = memo(function StaticSequence({
  model,
  goTo,
  from,
  to,
}: {
  model: Model;
  goTo: (step: number) => void;
  /** The rows drawn: from (inclusive) to (exclusive). */
  from: number;
  to: number;
}) {
  const { x, y } = sequenceScales(model, WIDTH, ROW);
  const height = y(model.marks.length) + 20;
  const spacing =
    model.lanes.length > 1 ? (x(model.lanes[1].pid) ?? 0) - (x(model.lanes[0].pid) ?? 0) : WIDTH;
  const wide = spacing >= 95;
  return (
    <>
      {model.lanes.map((l) => (
        <g key={l.pid}>
          <text className="lane-name" x={x(l.pid)} y={16} textAnchor="middle">
            {wide || l.name.length <= 7 ? l.name : `${l.name.slice(0, 6)}…`}
            <title>{l.name}</title>
          </text>
          <line className="lane" x1={x(l.pid)} x2={x(l.pid)} y1={24} y2={height - 8} />
        </g>
      ))}
      {model.arrows.map((a) => {
        const x1 = x(a.from);
        const x2 = x(a.to);
        if (x1 === undefined || x2 === undefined || a.row < from || a.row >= to) return null;
        const yy = y(a.row + 0.5);
        return (
          <g key={`${a.step}-${a.to}-${a.kind}`} className={`arrow arrow-${a.kind}`}>
            <line x1={x1} x2={x2} y1={yy} y2={yy} />
            <path d={`M${x2},${yy} l${x2 > x1 ? -6 : 6},-4 v8 z`} />
          </g>
        );
      })}
      {model.marks.slice(from, to).map((m) => {
        const cx = x(m.pid) ?? WIDTH / 2;
        const cy = y(m.row + 0.5);
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>
          <g
            key={m.step}
            role="button"
            tabIndex={-1}
            aria-label={m.label}
            className={`seq-mark seq-${m.kind}`}
            onClick={() => goTo(m.step)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                goTo(m.step);
              }
            }}
          >
            <circle cx={cx} cy={cy} r={4} />
            {(wide || m.kind !== 'call') && (
              <text x={cx + 8} y={cy + 4} className="seq-text">
                {wide ? m.text : m.kind === 'call' ? '' : m.text.split(':').pop()?.trim()}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
});

export function SequenceDiagram() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const goTo = useApp((s) => s.goTo);
  const model = run.sequence;
  const { x, y } = sequenceScales(model, WIDTH, ROW);
  const height = y(model.marks.length) + 20;
  const box = useRef<HTMLDivElement>(null);
  const current = markAt(model, cursor);
  const row = current?.row ?? 0;
  // The window of rows drawn moves only when the current row nears its edge.
  const [start, setStart] = useState(0);
  const inside = row >= start + WINDOW / 6 && row < start + (WINDOW * 5) / 6;
  const from =
    model.marks.length <= WINDOW || inside || (start === 0 && row < WINDOW / 2)
      ? start
      : Math.max(0, row - WINDOW / 2);
  if (from !== start) setStart(from);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cursor is what moves the current mark
  useEffect(() => {
    const el = box.current?.querySelector('.seq-current');
    if (el && box.current) revealWithin(el, box.current);
  }, [cursor]);
  return (
    <section aria-label="Sequence diagram" className="sequence">
      <h2>Sequence</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <div ref={box} className="sequence-scroll" tabIndex={0}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset> */}
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="group"
          aria-label="Steps of every process over time"
        >
          <StaticSequence
            model={model}
            goTo={goTo}
            from={model.marks.length <= WINDOW ? 0 : from}
            to={model.marks.length <= WINDOW ? model.marks.length : from + WINDOW}
          />
          {current && (
            <g className="seq-current">
              <circle cx={x(current.pid) ?? WIDTH / 2} cy={y(current.row + 0.5)} r={7} />
            </g>
          )}
        </svg>
      </div>
    </section>
  );
}
