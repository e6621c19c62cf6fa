/**
 * Presentation mode: the diagram as large as the screen allows, the narration as captions, a
 * clicker's PageDown/PageUp (and arrows, space) to step, Escape to leave. The page asks for full
 * screen; where that is refused it still fills the window.
 */
import { useEffect } from 'react';
import { describeStep } from '../diagram';
import { Diagram } from './diagram/Diagram';
import { codeOf } from './run';
import { useApp } from './store';

export function Presentation() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const step = cursor > 0 ? run.steps[cursor - 1] : null;
  useEffect(() => {
    document.documentElement.requestFullscreen?.().catch(() => {});
    const onChange = () => {
      if (!document.fullscreenElement) useApp.getState().setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    };
  }, []);
  return (
    <main className="presentation">
      <div className="presentation-top">
        <h1>{run.scenario.title}</h1>
        <span className="position">
          Step {cursor} of {run.steps.length}
        </span>
        <button type="button" onClick={() => useApp.getState().setPresenting(false)}>
          Exit presentation
        </button>
      </div>
      <Diagram />
      <section className="captions" aria-label="Captions" aria-live="polite">
        <p className="caption-step">
          {step
            ? describeStep(step, run.names.get(step.pid) ?? `pid ${step.pid}`, codeOf(run, step))
            : run.scenario.title}
        </p>
        <p>{cursor > 0 ? run.narration[cursor - 1]?.text : run.scenario.summary}</p>
      </section>
    </main>
  );
}
