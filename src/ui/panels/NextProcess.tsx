/**
 * Which process runs next: the scheduler's choice by default; picking another runnable
 * process takes the run down a different path from here (a branch).
 */
import { choicesAt } from '../run';
import { useApp } from '../store';

export function NextProcess() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const chooseNext = useApp((s) => s.chooseNext);
  const { ready, next } = choicesAt(run, cursor);
  if (ready.length === 0) {
    return (
      <p className="next-process" aria-live="off">
        {cursor >= run.steps.length ? 'The run has ended.' : 'No process can run: time passes.'}
      </p>
    );
  }
  return (
    <label className="next-process">
      Which process runs next{' '}
      <select
        value={next ?? ''}
        onChange={(e) => {
          const pid = Number(e.target.value);
          if (pid !== next) chooseNext(pid);
        }}
      >
        {ready.map((pid) => (
          <option key={pid} value={pid}>
            {run.names.get(pid) ?? `pid ${pid}`}
            {pid === next
              ? run.branchedAt.includes(cursor)
                ? ' (your choice)'
                : " (the scheduler's choice)"
              : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
