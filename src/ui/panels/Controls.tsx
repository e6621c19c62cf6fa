/** Playback controls: Restart, Step back, Play/Pause, Step forward, the speed, and the position. */
import { SPEEDS, useApp } from '../store';

export function Controls() {
  const cursor = useApp((s) => s.cursor);
  const total = useApp((s) => s.run.steps.length);
  const last = useApp((s) => s.lastStep());
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const { restart, stepBack, stepForward, togglePlay, setSpeed } = useApp.getState();
  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <button type="button" onClick={restart} disabled={cursor === 0}>
        Restart
      </button>
      <button type="button" onClick={stepBack} disabled={cursor === 0}>
        Step back
      </button>
      <button type="button" onClick={togglePlay} className="play" aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={stepForward} disabled={cursor >= last}>
        Step forward
      </button>
      <label className="speed">
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}× ({s} step{s === 1 ? '' : 's'}/s)
            </option>
          ))}
        </select>
      </label>
      <span className="position" aria-live="off">
        Step {cursor} of {total}
      </span>
    </div>
  );
}
