/**
 * Running the user's programs: Run (compile and run from the start), Stop while a long run is
 * being computed, Reset to the library's original, Import and Export of the scenario file, and
 * the compiler's messages, each a button that shows its line.
 */
import { useRef } from 'react';
import { formatDiagnostic } from '../../programs/c/frontend';
import { USER_IDS } from '../library';
import { scenarioJson } from '../programs';
import { MAX_STEP_LIMIT } from '../run';
import { useApp } from '../store';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The bar above the editors. */
export function RunBar() {
  const run = useApp((s) => s.run);
  const building = useApp((s) => s.building);
  const diagnostics = useApp((s) => s.diagnostics);
  const drafts = useApp((s) => s.drafts);
  const stepLimit = useApp((s) => s.stepLimit);
  const input = useRef<HTMLInputElement>(null);
  if (run.source.kind !== 'c') return null;
  const app = useApp.getState();
  const id = run.scenario.id;
  const edited = id in drafts && !USER_IDS.includes(id);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const error = app.importScenario(await f.text());
    if (error) app.setNotice(`${f.name} could not be opened: ${error}`);
    if (input.current) input.current.value = '';
  };
  return (
    <div className="run-bar">
      <div className="run-buttons">
        <button type="button" onClick={() => app.runPrograms()} disabled={building !== null}>
          Run
        </button>
        {building ? (
          <>
            <button type="button" onClick={() => app.stopRun()}>
              Stop
            </button>
            <span role="status">
              {building.prepared === 0
                ? `Running… ${building.steps} steps so far`
                : `Preparing the views… ${building.prepared} of ${building.steps} steps`}
            </span>
          </>
        ) : null}
        {edited ? (
          <button type="button" onClick={() => app.resetPrograms()}>
            Reset to the original
          </button>
        ) : null}
        <label className="step-limit">
          Step limit{' '}
          <input
            type="number"
            min={100}
            max={MAX_STEP_LIMIT}
            step={1000}
            value={stepLimit}
            onChange={(e) => app.setStepLimit(Number(e.target.value))}
          />
        </label>
        <button type="button" onClick={() => input.current?.click()}>
          Import scenario…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="JSON file to import"
          tabIndex={-1}
          onChange={(e) => onFile(e.target.files?.[0])}
        />
        <button
          type="button"
          onClick={() => {
            const c = app.program();
            if (c) download(`${id}.json`, scenarioJson(c));
          }}
        >
          Export scenario
        </button>
      </div>
      {diagnostics.length > 0 ? (
        <ul className="diagnostics" aria-label="Compiler messages">
          {diagnostics.map((d) => (
            <li key={`${d.pos.file}:${d.pos.line}:${d.pos.col}:${d.message}`} className={d.severity}>
              <button type="button" onClick={() => app.revealLine(d.pos.file, d.pos.line)}>
                {d.severity}: {formatDiagnostic(d)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
