/**
 * The processes over time: a lane per process, a mark per step (its call and result), arrows
 * where a step reached another process. Click a mark (or press Enter on it) to jump there.
 */
import { useEffect, useRef } from 'react';
import { sequenceScales } from '../../diagram';
import { useApp } from '../store';

const ROW = 22;
const WIDTH = 340;

export function SequenceDiagram() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const goTo = useApp((s) => s.goTo);
  const model = run.sequence;
  const { x, y } = sequenceScales(model, WIDTH, ROW);
  const height = y(model.marks.length) + 20;
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cursor is what moves the current mark
  useEffect(() => {
    const el = box.current?.querySelector('.seq-current');
    if (el && 'scrollIntoView' in el) (el as Element).scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  return (
    <section aria-label="Sequence diagram" className="sequence">
      <h2>Sequence</h2>
      <div ref={box} className="sequence-scroll">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset> */}
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="group"
          aria-label="Steps of every process over time"
        >
          {model.lanes.map((l) => (
            <g key={l.pid}>
              <text className="lane-name" x={x(l.pid)} y={16} textAnchor="middle">
                {l.name}
              </text>
              <line className="lane" x1={x(l.pid)} x2={x(l.pid)} y1={24} y2={height - 8} />
            </g>
          ))}
          {model.arrows.map((a) => {
            const x1 = x(a.from);
            const x2 = x(a.to);
            if (x1 === undefined || x2 === undefined) return null;
            const yy = y(a.step - 0.5);
            return (
              <g key={`${a.step}-${a.to}-${a.kind}`} className={`arrow arrow-${a.kind}`}>
                <line x1={x1} x2={x2} y1={yy} y2={yy} />
                <path d={`M${x2},${yy} l${x2 > x1 ? -6 : 6},-4 v8 z`} />
              </g>
            );
          })}
          {model.marks.map((m) => {
            const cx = x(m.pid) ?? WIDTH / 2;
            const cy = y(m.step - 0.5);
            const current = m.step === cursor;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>
              <g
                key={m.step}
                role="button"
                tabIndex={current ? 0 : -1}
                aria-label={m.label}
                aria-current={current ? 'step' : undefined}
                className={`seq-mark seq-${m.kind}${current ? ' seq-current' : ''}`}
                onClick={() => goTo(m.step)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    goTo(m.step);
                  }
                }}
              >
                <circle cx={cx} cy={cy} r={current ? 6 : 4} />
                <text x={cx + 9} y={cy + 4} className="seq-text">
                  {m.text}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}
