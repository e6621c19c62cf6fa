/** How far importing a trace has got: replaying in the worker, then preparing the views. */
import { useApp } from '../store';

export function ImportProgress() {
  const importing = useApp((s) => s.importing);
  const building = useApp((s) => s.building);
  const verdict = useApp((s) => s.pendingVerdict);
  if (!importing && !verdict) return null;
  if (importing) {
    const { name, phase, done, total } = importing;
    return (
      <div className="import-progress" role="status">
        <label>
          {phase === 'replaying' ? `Replaying ${name}: line ${done} of ${total}` : `Reading ${name}…`}{' '}
          <progress max={Math.max(1, total)} value={phase === 'replaying' ? done : undefined} />
        </label>
      </div>
    );
  }
  return (
    <div className="import-progress">
      <p className="verdict" role="status" aria-label="Replay verdict">
        {verdict}
      </p>
      {building ? (
        <label>
          Preparing the views: step {building.prepared} of {building.steps}{' '}
          <progress max={Math.max(1, building.steps)} value={building.prepared} />
        </label>
      ) : null}
    </div>
  );
}
