/**
 * The kernel diagram at the cursor. A step forward animates what moved: shapes keep their ids
 * from step to step, so each one slides from where it was (or from where it came from: bytes
 * from the writer's socket, a connection request from the client) to where it is now, and
 * what went away fades towards whoever took it. Any other move, or prefers-reduced-motion,
 * snaps.
 */

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Box, type Layout, layoutState, type Shape } from '../../diagram';
import type { StepRecord } from '../../engine';
import { useReducedMotion } from '../motion';
import { useApp } from '../store';
import { DiagramDefs } from './DiagramDefs';
import { linkPath, ShapeView } from './ShapeView';

/** The smallest scale the diagram is drawn at; a wider diagram scrolls rather than shrinks further. */
const MIN_SCALE = 0.72;

/** How long a step's animation lasts at a playback speed (steps per second). */
export function animationMs(speed: number): number {
  return Math.round(Math.min(480, 800 / Math.max(0.5, speed)));
}

function boxOf(s: Shape | undefined): Box | null {
  return s && 'box' in s ? s.box : null;
}

/** Where entering shapes come from and where leaving ones go, from the step's events. */
function motionHints(step: StepRecord | null, before: Layout, after: Layout) {
  const enter = new Map<string, Box>();
  const leave = new Map<string, Box>();
  if (!step) return { enter, leave };
  const find = (layout: Layout, id: string) => boxOf(layout.shapes.find((s) => s.id === id));
  const reader = find(after, `proc:${step.pid}`) ?? find(before, `proc:${step.pid}`);
  for (const ev of step.events) {
    if (ev.type === 'skb.queued' && ev.from !== null) {
      const from = find(after, `sock:${ev.from}`) ?? find(before, `sock:${ev.from}`);
      if (from) enter.set(`skb:${ev.skb}`, from);
    } else if (ev.type === 'conn.queued') {
      const from = find(after, `sock:${ev.client}`) ?? find(before, `sock:${ev.client}`);
      if (from) enter.set(`sock:${ev.embryo}`, from);
    } else if (ev.type === 'skb.consumed' && ev.whole && reader) {
      leave.set(`skb:${ev.skb}`, reader);
    }
  }
  return { enter, leave };
}

function translate(from: Box, to: Box): string {
  return `translate(${from.x - to.x}px, ${from.y - to.y}px)`;
}

function Ghost({ shape, to, ms }: { shape: Shape; to: Box | null; ms: number }) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    const box = boxOf(shape);
    const end =
      to && box
        ? `translate(${to.x + to.w / 2 - box.x - box.w / 2}px, ${to.y + to.h / 2 - box.y - box.h / 2}px)`
        : 'translate(0px, 0px)';
    ref.current?.animate(
      [
        { opacity: 0.9, transform: 'translate(0px, 0px)' },
        { opacity: 0, transform: end },
      ],
      { duration: ms, easing: 'ease-in', fill: 'forwards' },
    );
  }, [shape, to, ms]);
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; a ghost is decoration
    <g ref={ref} aria-hidden="true" className="ghost">
      <ShapeView shape={{ ...shape, label: '' } as Shape} />
    </g>
  );
}

/** The diagram, with its accessible name and animation. */
export function Diagram() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const lastMove = useApp((s) => s.lastMove);
  const speed = useApp((s) => s.speed);
  const reduced = useReducedMotion();
  const step = cursor > 0 ? run.steps[cursor - 1] : null;
  const layout = useMemo(
    () =>
      layoutState(
        run.timeline.stateAt(cursor).machine.kernel,
        run.plan,
        cursor > 0 ? run.steps[cursor - 1] : null,
      ),
    [run, cursor],
  );
  const svg = useRef<SVGSVGElement>(null);
  const previous = useRef<{ layout: Layout; run: unknown } | null>(null);
  const [ghosts, setGhosts] = useState<{ shape: Shape; to: Box | null }[]>([]);
  const ms = animationMs(speed);
  // A diagram wider than its panel scrolls: bring the column of the process that took the step into view.
  useEffect(() => {
    const root = svg.current;
    const box = boxOf(layout.shapes.find((s) => s.id === `proc:${step?.pid}`));
    const panel = root?.parentElement;
    if (!root || !box || !panel || panel.scrollWidth <= panel.clientWidth) return;
    const r = root.getBoundingClientRect();
    const scale = Math.min(r.width / layout.width, r.height / layout.height);
    const inPanel = r.left - panel.getBoundingClientRect().left + panel.scrollLeft;
    const offset = inPanel + (r.width - layout.width * scale) / 2;
    const left = offset + box.x * scale;
    const right = offset + (box.x + box.w) * scale;
    if (left < panel.scrollLeft || right > panel.scrollLeft + panel.clientWidth)
      panel.scrollLeft = Math.max(0, (left + right) / 2 - panel.clientWidth / 2);
  }, [layout, step]);

  useEffect(() => {
    // For the UI benchmark: when a scenario's first diagram was on screen.
    performance.mark(`rendezvous:diagram:${run.scenario.id}`);
  }, [run.scenario.id]);

  useLayoutEffect(() => {
    const before = previous.current?.run === run ? previous.current.layout : null;
    previous.current = { layout, run };
    const root = svg.current;
    if (!root || !before || lastMove !== 'forward' || reduced) {
      setGhosts([]);
      return;
    }
    const old = new Map(before.shapes.map((s) => [s.id, s]));
    const { enter, leave } = motionHints(step, before, layout);
    const timing = { duration: ms, easing: 'ease-in-out' };
    for (const s of layout.shapes) {
      const el = root.querySelector<SVGGElement>(`[data-id="${CSS.escape(s.id)}"]`);
      if (!el) continue;
      const prev = old.get(s.id);
      if (s.kind === 'link') {
        const d = prev && prev.kind === 'link' ? linkPath(prev) : null;
        const path = el.querySelector('path');
        if (!prev) el.animate([{ opacity: 0 }, { opacity: 1 }], timing);
        else if (d && path && d !== linkPath(s)) {
          try {
            path.animate([{ d: `path("${d}")` }, { d: `path("${linkPath(s)}")` }], timing);
          } catch {
            // A browser that cannot animate `d` simply snaps.
          }
        }
        continue;
      }
      const to = boxOf(s);
      const from = boxOf(prev) ?? enter.get(s.id) ?? null;
      if (to && from && (from.x !== to.x || from.y !== to.y)) {
        el.animate(
          [
            { transform: translate(from, to), opacity: prev ? 1 : 0.3 },
            { transform: 'translate(0px, 0px)', opacity: 1 },
          ],
          timing,
        );
      } else if (!prev) {
        el.animate([{ opacity: 0 }, { opacity: 1 }], timing);
      }
    }
    const ids = new Set(layout.shapes.map((s) => s.id));
    const gone = before.shapes
      .filter((s) => !ids.has(s.id) && s.kind !== 'link')
      .map((shape) => ({ shape, to: leave.get(shape.id) ?? null }));
    setGhosts(gone);
    if (gone.length > 0) {
      const t = window.setTimeout(() => setGhosts([]), ms + 50);
      return () => window.clearTimeout(t);
    }
  }, [layout, run, lastMove, reduced, step, ms]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section aria-label="Kernel diagram" className="diagram" tabIndex={0}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role=group names the diagram */}
      <svg
        ref={svg}
        style={{ minWidth: `${Math.round(layout.width * MIN_SCALE)}px` }}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={`Kernel diagram after step ${cursor}`}
        preserveAspectRatio="xMidYMin meet"
      >
        <DiagramDefs />
        {layout.shapes.map((s) => (
          <ShapeView key={s.id} shape={s} />
        ))}
        {ghosts.map((g) => (
          <Ghost key={`ghost-${g.shape.id}`} shape={g.shape} to={g.to} ms={ms} />
        ))}
      </svg>
    </section>
  );
}
