/** What the last step did and why, in plain words, in a live region screen readers announce. */
import { describeStep } from '../../diagram';
import { codeOf } from '../run';
import { useApp } from '../store';

export function NarrationPanel() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const step = cursor > 0 ? run.steps[cursor - 1] : null;
  const n = cursor > 0 ? run.narration[cursor - 1] : null;
  const ending =
    cursor === run.steps.length && run.ending
      ? run.source.kind === 'trace'
        ? 'The trace ends here.'
        : run.ending.kind === 'finished'
          ? 'Every process has exited: the run is over.'
          : run.ending.kind === 'deadlock'
            ? `Every process is now asleep (${run.ending.sleeping.map((p) => `${p.name} in ${p.call}()`).join(', ')}) and nothing can wake them, so the run ends here.`
            : `The run was stopped after ${run.ending.steps} steps.`
      : null;
  return (
    <section aria-label="Narration" aria-live="polite" className="narration">
      <h2>
        {step
          ? describeStep(step, run.names.get(step.pid) ?? `pid ${step.pid}`, codeOf(run, step))
          : run.scenario.title}
      </h2>
      <p>{n ? n.text : run.scenario.summary}</p>
      {n?.man && (
        <p className="man">
          Read more:{' '}
          <a href={n.man.url} target="_blank" rel="noreferrer">
            {n.man.title}
          </a>
        </p>
      )}
      {ending && <p className="ending">{ending}</p>}
    </section>
  );
}
