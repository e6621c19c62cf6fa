/**
 * The first page: pick a scenario, step through it, and read the kernel's state after each
 * step in words. The animated diagram comes with the visualizer.
 */
import { useMemo } from 'react';
import { describeKernel, describeStep } from '../diagram';
import { SCENARIOS } from '../programs/scenarios';
import { codeOf, useApp } from './store';

function ScenarioPicker() {
  const id = useApp((s) => s.run.scenario.id);
  const openScenario = useApp((s) => s.openScenario);
  return (
    <label className="picker">
      Scenario{' '}
      <select value={id} onChange={(e) => openScenario(e.target.value)}>
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function Controls() {
  const { cursor, run, stepForward, stepBack, restart } = useApp();
  return (
    <div className="controls">
      <button type="button" onClick={restart} disabled={cursor === 0}>
        Restart
      </button>
      <button type="button" onClick={stepBack} disabled={cursor === 0}>
        Step back
      </button>
      <button type="button" onClick={stepForward} disabled={cursor >= run.steps.length}>
        Step forward
      </button>
      <span className="position">
        Step {cursor} of {run.steps.length}
      </span>
    </div>
  );
}

function StatePanel() {
  const { cursor, run } = useApp();
  const sentences = useMemo(() => describeKernel(run.timeline.stateAt(cursor).machine.kernel), [run, cursor]);
  const step = cursor > 0 ? run.steps[cursor - 1] : null;
  return (
    <section aria-label="Kernel state" className="state">
      <h2>
        {step
          ? describeStep(step, run.names.get(step.pid) ?? `pid ${step.pid}`, codeOf(run, step))
          : 'Before the first step'}
      </h2>
      {sentences.length === 0 ? (
        <p>No processes, sockets or files yet.</p>
      ) : (
        <ul>
          {sentences.map((s, i) => (
            <li key={`${i}-${s}`} className={s.startsWith('  ') ? 'nested' : undefined}>
              {s.trim()}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StepList() {
  const { cursor, run, goTo } = useApp();
  return (
    <section aria-label="Timeline" className="timeline">
      <h2>Steps</h2>
      <ol>
        {run.steps.map((s) => (
          <li key={s.index}>
            <button
              type="button"
              className="step"
              aria-current={s.index === cursor ? 'step' : undefined}
              onClick={() => goTo(s.index)}
            >
              {describeStep(s, run.names.get(s.pid) ?? `pid ${s.pid}`, codeOf(run, s))}
            </button>
          </li>
        ))}
      </ol>
      {run.ending && (
        <p className="ending">
          {run.ending.kind === 'finished'
            ? 'Every process has exited.'
            : run.ending.kind === 'deadlock'
              ? `Deadlock: every process is asleep (${run.ending.sleeping.map((p) => `${p.name} in ${p.call}()`).join(', ')}).`
              : `Stopped after ${run.ending.steps} steps.`}
        </p>
      )}
    </section>
  );
}

/** The application shell. */
export function App() {
  const summary = useApp((s) => s.run.scenario.summary);
  return (
    <>
      <header className="app-header">
        <h1>Rendezvous</h1>
        <p className="tagline">How Linux UNIX domain sockets work, one kernel step at a time.</p>
      </header>
      <main className="app-main">
        <ScenarioPicker />
        <p className="summary">{summary}</p>
        <Controls />
        <div className="columns">
          <StatePanel />
          <StepList />
        </div>
      </main>
    </>
  );
}
