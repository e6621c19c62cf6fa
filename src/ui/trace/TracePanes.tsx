/**
 * One pane per traced process: its steps as trace lines, the current one highlighted (and
 * marked with an arrow, not colour alone), folded runs of calls the model does not follow
 * shown as "12 other calls", expandable. Long traces show a window of lines around the
 * current one.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { processState } from '../../diagram';
import type { TraceStep } from '../../programs/replay/analyse';
import { revealWithin } from '../reveal';
import type { TraceSource } from '../run';
import { useApp } from '../store';
import { folded, lineText } from './lineText';

/** Steps shown around the current one. */
const WINDOW = 40;

interface PaneProps {
  pid: number;
  title: string;
  state: string;
  source: TraceSource;
  /** Indices (0-based) of this process's steps. */
  mine: number[];
  /** The step (1-based) the process took last, at the cursor. */
  current: number | null;
  goTo(step: number): void;
}

function Row({
  s,
  index,
  current,
  source,
  goTo,
}: {
  s: TraceStep;
  index: number;
  current: boolean;
  source: TraceSource;
  goTo(step: number): void;
}) {
  const marker = (
    <span className="marker" aria-hidden="true">
      {current ? '▶' : ' '}
    </span>
  );
  const cls =
    [current ? 'current' : '', s.verdict === 'differ' ? 'differs' : ''].filter(Boolean).join(' ') ||
    undefined;
  if (s.folded.length > 0) {
    return (
      <li className={cls} aria-current={current ? 'step' : undefined}>
        {marker}
        <details className="folded">
          <summary>{folded(s.folded)}</summary>
          <ol className="folded-lines">
            {source.lines.slice(s.first, Math.min(s.end, s.first + 200)).map((l) => (
              <li key={l.lineNo}>
                <span className="lineno">{l.lineNo}</span> <code>{lineText(source.text[l.lineNo - 1])}</code>
              </li>
            ))}
          </ol>
        </details>
      </li>
    );
  }
  return (
    <li className={cls} aria-current={current ? 'step' : undefined}>
      {marker}
      <button type="button" className="trace-line" onClick={() => goTo(index)}>
        <span className="lineno">{s.lineNo}</span> <code>{lineText(source.text[s.lineNo - 1])}</code>
        {s.verdict === 'differ' ? <strong className="differs-note"> (the model differs)</strong> : null}
      </button>
    </li>
  );
}

const Pane = memo(function Pane({ pid, title, state, source, mine, current, goTo }: PaneProps) {
  const steps = source.analysis.steps;
  const at = current === null ? 0 : Math.max(0, mine.indexOf(current - 1));
  const from = Math.max(0, at - WINDOW / 2);
  const shown = mine.slice(from, from + WINDOW);
  return (
    <article className="code-pane" aria-label={`trace of ${title}`} data-pid={pid}>
      <header>
        <h3>
          {title} <span className="pid">pid {pid}</span>
        </h3>
        <p className="pane-state">{state}</p>
      </header>
      {from > 0 ? <p className="more">{from} earlier steps</p> : null}
      <ol className="code trace-lines">
        {shown.map((i) => (
          <Row key={i} s={steps[i]} index={i + 1} current={current === i + 1} source={source} goTo={goTo} />
        ))}
      </ol>
      {from + WINDOW < mine.length ? <p className="more">{mine.length - from - WINDOW} later steps</p> : null}
    </article>
  );
});

/** The 1-based step of the last of `mine` (sorted 0-based indices) at or before index `at`, or null. */
function lastAtOrBefore(mine: number[], at: number): number | null {
  let lo = 0;
  let hi = mine.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mine[mid] <= at) {
      found = mine[mid] + 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The traced processes' panes. */
export function TracePanes() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const goTo = useApp((s) => s.goTo);
  const source = run.source.kind === 'trace' ? run.source : null;
  const byPid = useMemo(() => {
    const m = new Map<number, number[]>();
    if (!source) return m;
    source.analysis.steps.forEach((s, i) => {
      const list = m.get(s.pid) ?? [];
      list.push(i);
      m.set(s.pid, list);
    });
    return m;
  }, [source]);
  const box = useRef<HTMLElement>(null);
  // The line of the step being shown stays in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cursor is what moves the current line
  useEffect(() => {
    const pid = cursor > 0 ? run.steps[cursor - 1]?.pid : undefined;
    const row = box.current?.querySelector(`[data-pid="${pid}"] [aria-current="step"]`);
    if (row && box.current) revealWithin(row, box.current);
  }, [cursor]);
  if (!source) return null;
  const k = run.timeline.stateAt(cursor).machine.kernel;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section ref={box} aria-label="Traced processes" className="code-panes trace-panes" tabIndex={0}>
      {source.analysis.report.processes.map((p) => {
        const proc = k.procs.get(p.pid);
        const title = p.thread
          ? `${proc?.name ?? p.name} (thread of pid ${p.parent})`
          : (proc?.name ?? p.name);
        return (
          <Pane
            key={p.pid}
            pid={p.pid}
            title={title}
            state={proc ? processState(proc) : 'not started yet'}
            source={source}
            mine={byPid.get(p.pid) ?? []}
            current={lastAtOrBefore(byPid.get(p.pid) ?? [], cursor - 1)}
            goTo={goTo}
          />
        );
      })}
    </section>
  );
}
