/**
 * One diagram shape as SVG. React renders every node; d3 only computes link paths. Each shape
 * says what it is in words (aria-label and a tooltip), and its state is always written out, so
 * colour is never the only cue.
 */
import { linkHorizontal, linkVertical } from 'd3';
import { memo } from 'react';
import type { Shape } from '../../diagram';

const STATUS_MARK: Record<string, string> = { running: '▶', asleep: '☾', exited: '■', killed: '✕' };

/** The SVG path of a link between two points. */
export function linkPath(s: Extract<Shape, { kind: 'link' }>): string {
  if (s.linkKind === 'fd') {
    return linkVertical<unknown, { x: number; y: number }>()
      .source(() => s.from)
      .target(() => s.to)
      .x((p) => p.x)
      .y((p) => p.y)({}) as string;
  }
  if (s.linkKind === 'peer' && s.from.x === s.to.x) {
    const bulge = Math.min(60, 20 + Math.abs(s.to.y - s.from.y) / 4);
    return `M${s.from.x},${s.from.y} C${s.from.x - bulge},${s.from.y} ${s.to.x - bulge},${s.to.y} ${s.to.x},${s.to.y}`;
  }
  return linkHorizontal<unknown, { x: number; y: number }>()
    .source(() => s.from)
    .target(() => s.to)
    .x((p) => p.x)
    .y((p) => p.y)({}) as string;
}

function Body({ s }: { s: Shape }) {
  const b = 'box' in s ? s.box : null;
  switch (s.kind) {
    case 'process':
      return (
        <>
          <rect className={`proc proc-${s.status}`} x={b?.x} y={b?.y} width={b?.w} height={b?.h} rx={10} />
          <text className="proc-name" x={(b?.x ?? 0) + 12} y={(b?.y ?? 0) + 24}>
            {s.name} <tspan className="proc-pid">pid {s.pid}</tspan>
          </text>
          <text className={`proc-state state-${s.status}`} x={(b?.x ?? 0) + 12} y={(b?.y ?? 0) + 46}>
            {STATUS_MARK[s.status]} {s.state}
          </text>
        </>
      );
    case 'fd':
      return (
        <>
          <rect
            className={`fd ${s.target ? 'fd-socket' : 'fd-other'}`}
            x={b?.x}
            y={b?.y}
            width={b?.w}
            height={b?.h}
            rx={4}
          />
          <text className="fd-num" x={(b?.x ?? 0) + 8} y={(b?.y ?? 0) + 16}>
            fd {s.fd}
          </text>
          <text className="fd-text" x={(b?.x ?? 0) + 78} y={(b?.y ?? 0) + 16}>
            {s.text}
            {s.shared > 1 ? ` · ${s.shared} refs` : ''}
          </text>
        </>
      );
    case 'socket': {
      const x = b?.x ?? 0;
      const y = b?.y ?? 0;
      return (
        <>
          <rect
            className={`sock sock-${s.sockType} ${s.listening ? 'sock-listen' : ''}`}
            x={x}
            y={y}
            width={b?.w}
            height={b?.h}
            rx={8}
          />
          <text className="sock-title" x={x + 10} y={y + 20}>
            {s.title}
          </text>
          <text className="sock-state" x={x + 10} y={y + 38}>
            {s.stateWord}
            {s.name ? ` · ${s.name}` : ''}
            {s.err ? ` · error ${s.err}` : ''}
          </text>
          {!s.listening && (
            <>
              <g className={`side ${s.readShut ? 'side-shut' : 'side-open'}`}>
                <rect x={x + (b?.w ?? 0) - 148} y={y + (b?.h ?? 0) - 22} width={70} height={17} rx={8} />
                <text x={x + (b?.w ?? 0) - 113} y={y + (b?.h ?? 0) - 9} textAnchor="middle">
                  {s.readShut ? 'read shut' : 'read open'}
                </text>
              </g>
              <g className={`side ${s.writeShut ? 'side-shut' : 'side-open'}`}>
                <rect x={x + (b?.w ?? 0) - 75} y={y + (b?.h ?? 0) - 22} width={70} height={17} rx={8} />
                <text x={x + (b?.w ?? 0) - 40} y={y + (b?.h ?? 0) - 9} textAnchor="middle">
                  {s.writeShut ? 'write shut' : 'write open'}
                </text>
              </g>
            </>
          )}
        </>
      );
    }
    case 'backlog': {
      const x = b?.x ?? 0;
      const slotW = ((b?.w ?? 0) - 8) / s.shown;
      return (
        <>
          <rect className="backlog" x={x} y={b?.y} width={b?.w} height={b?.h} rx={4} />
          {Array.from({ length: s.shown }, (_, i) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: slots are positions, not items
              key={i}
              className="slot"
              x={x + 4 + i * slotW + 2}
              y={(b?.y ?? 0) + 4}
              width={slotW - 4}
              height={(b?.h ?? 0) - 8}
              rx={3}
            />
          ))}
          <text className="queue-caption" x={x} y={(b?.y ?? 0) + (b?.h ?? 0) + 15}>
            backlog: {s.used} of {s.slots} slots{s.slots > s.shown ? ` (first ${s.shown} shown)` : ''}
            {s.used >= s.slots ? ' · full' : ''}
          </text>
        </>
      );
    }
    case 'pending':
      return (
        <>
          <rect className="pending" x={b?.x} y={b?.y} width={b?.w} height={b?.h} rx={3} />
          <text
            className="pending-text"
            x={(b?.x ?? 0) + (b?.w ?? 0) / 2}
            y={(b?.y ?? 0) + 15}
            textAnchor="middle"
          >
            conn
          </text>
        </>
      );
    case 'queue':
      return (
        <>
          <rect className="queue" x={b?.x} y={b?.y} width={b?.w} height={b?.h} rx={4} />
          <text className="queue-caption" x={b?.x} y={(b?.y ?? 0) + (b?.h ?? 0) + 15}>
            receive queue: {s.bytes} B{s.peeked ? `, ${s.peeked} peeked` : ''}
            {s.hidden ? ` · +${s.hidden} more` : ''}
          </text>
        </>
      );
    case 'segment': {
      const x = b?.x ?? 0;
      const w = b?.w ?? 0;
      const peekW = s.bytes > 0 ? (w * s.peeked) / s.bytes : 0;
      return (
        <>
          <rect
            className={`seg ${s.message ? 'seg-msg' : 'seg-stream'} ${s.oob ? 'seg-oob' : ''}`}
            x={x}
            y={b?.y}
            width={w}
            height={b?.h}
            rx={s.message ? 5 : 1}
          />
          {s.peeked > 0 && <rect className="seg-peeked" x={x} y={b?.y} width={peekW} height={b?.h} rx={1} />}
          <text className="seg-text" x={x + w / 2} y={(b?.y ?? 0) + 16} textAnchor="middle">
            {s.text}
            {s.fds ? ' +fd' : ''}
          </text>
        </>
      );
    }
    case 'sendbuf':
      return (
        <>
          <rect className="sendbuf" x={b?.x} y={b?.y} width={b?.w} height={b?.h} rx={2} />
          <rect
            className="sendbuf-fill"
            x={b?.x}
            y={b?.y}
            width={(b?.w ?? 0) * s.fill}
            height={b?.h}
            rx={2}
          />
        </>
      );
    case 'fsentry':
      return (
        <>
          <rect
            className={`fsentry ${s.alive ? 'fs-alive' : 'fs-stale'}`}
            x={b?.x}
            y={b?.y}
            width={b?.w}
            height={b?.h}
            rx={5}
          />
          <text className="fs-path" x={(b?.x ?? 0) + 10} y={(b?.y ?? 0) + 17}>
            {s.path}
          </text>
          <text className="fs-kind" x={(b?.x ?? 0) + 10} y={(b?.y ?? 0) + 33}>
            {s.alive ? 'socket file · bound' : 'socket file · no socket'}
          </text>
        </>
      );
    case 'callout':
      return (
        <>
          <rect
            className={`callout callout-${s.tone}`}
            x={b?.x}
            y={b?.y}
            width={b?.w}
            height={b?.h}
            rx={13}
          />
          <text
            className="callout-text"
            x={(b?.x ?? 0) + (b?.w ?? 0) / 2}
            y={(b?.y ?? 0) + 18}
            textAnchor="middle"
          >
            ⚠ {s.text}
          </text>
        </>
      );
    case 'link':
      return <path className={`link link-${s.linkKind}`} d={linkPath(s)} />;
  }
}

/** Whether two shapes draw the same (shapes are rebuilt every step; most do not change). */
function sameShape(a: { shape: Shape }, b: { shape: Shape }): boolean {
  if (a.shape === b.shape) return true;
  return JSON.stringify(a.shape) === JSON.stringify(b.shape);
}

/** A shape in its group, labelled in words. Re-rendered only when it changed. */
export const ShapeView = memo(function ShapeView({ shape }: { shape: Shape }) {
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; role=img labels the shape
    <g data-id={shape.id} role="img" aria-label={shape.label} className={`shape shape-${shape.kind}`}>
      <title>{shape.label}</title>
      <Body s={shape} />
    </g>
  );
}, sameShape);
