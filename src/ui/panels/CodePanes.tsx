/**
 * One code pane per process: its program, the line it is on highlighted (and marked with an
 * arrow, not colour alone), and its state in words.
 */
import { memo } from 'react';
import { processState } from '../../diagram';
import { lastStepOf } from '../run';
import { useApp } from '../store';

/** The script a process runs: its own, or (for a forked child) the one its steps came from. */
function scriptOf(run: ReturnType<typeof useApp.getState>['run'], pid: number, name: string, cursor: number) {
  if (run.source.kind !== 'script') return null;
  const processes = run.source.scenario.processes;
  const own = processes.find((p) => p.name === name);
  if (own) return own;
  const last = lastStepOf(run, pid, run.steps.length) ?? lastStepOf(run, pid, cursor);
  const file = last?.location?.file;
  return processes.find((p) => p.name === file) ?? null;
}

interface PaneProps {
  pid: number;
  name: string;
  state: string;
  lines: readonly { code: string }[] | null;
  current: number | null;
}

/** One process's pane; re-rendered only when its state or current line changes. */
const Pane = memo(function Pane({ pid, name, state, lines, current }: PaneProps) {
  return (
    <article className="code-pane" aria-label={`program of ${name}`}>
      <header>
        <h3>
          {name} <span className="pid">pid {pid}</span>
        </h3>
        <p className="pane-state">{state}</p>
      </header>
      <ol className="code">
        {lines
          ?.map((line, i) => ({ code: line.code, n: i + 1 }))
          .map(({ code, n }) => {
            const isCurrent = current === n;
            return (
              <li
                key={n}
                className={isCurrent ? 'current' : undefined}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <span className="marker" aria-hidden="true">
                  {isCurrent ? '▶' : ' '}
                </span>
                <code>{code}</code>
              </li>
            );
          })}
      </ol>
    </article>
  );
});

export function CodePanes() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const k = run.timeline.stateAt(cursor).machine.kernel;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section aria-label="Programs" className="code-panes" tabIndex={0}>
      {run.sequence.lanes.map(({ pid, name }) => {
        const p = k.procs.get(pid);
        return (
          <Pane
            key={pid}
            pid={pid}
            name={name}
            state={p ? processState(p) : 'not started yet'}
            lines={scriptOf(run, pid, name, cursor)?.lines ?? null}
            current={lastStepOf(run, pid, cursor)?.location?.line ?? null}
          />
        );
      })}
    </section>
  );
}
