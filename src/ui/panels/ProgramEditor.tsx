/**
 * The programs of a C scenario: one editor per source file (tabs), each showing where every
 * process is at the cursor, and the compiler's errors and warnings at their lines. Edits are
 * kept in the browser at once; Run compiles them and runs them from the start.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { processState } from '../../diagram';
import type { ProcessMark } from '../editor/currentLines';
import { lastStepOf } from '../run';
import { useApp } from '../store';

/** The editor (CodeMirror) loads after the first paint; until then the text shows as it is. */
const CodeEditor = lazy(() => import('../editor/CodeEditor').then((m) => ({ default: m.CodeEditor })));

/** Where each process is at the cursor, by file. */
function useMarks(): Map<string, ProcessMark[]> {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  return useMemo(() => {
    const out = new Map<string, ProcessMark[]>();
    const k = run.timeline.stateAt(cursor).machine.kernel;
    for (const [pid, name] of run.names) {
      const p = k.procs.get(pid);
      if (!p || p.state === 'dead') continue;
      const loc = lastStepOf(run, pid, cursor)?.location;
      if (!loc) continue;
      out.set(loc.file, [...(out.get(loc.file) ?? []), { line: loc.line, name: `${name} (${pid})` }]);
    }
    return out;
  }, [run, cursor]);
}

/** The editors, with the file tabs and the state of each process. */
export function ProgramEditor() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const diagnostics = useApp((s) => s.diagnostics);
  const reveal = useApp((s) => s.reveal);
  const program = useApp((s) => s.program());
  const marks = useMarks();
  const files = program ? Object.keys(program.files) : [];
  // The file shown follows the process that took the current step; a tab click (or a
  // compiler message picked) overrides that until the cursor moves.
  const stepLoc = cursor > 0 ? run.steps[cursor - 1].location : null;
  const [manual, setManual] = useState<{ file: string; cursor: number } | null>(null);
  useEffect(() => {
    if (reveal) setManual({ file: reveal.file, cursor: useApp.getState().cursor });
  }, [reveal]);
  const followed = stepLoc && files.includes(stepLoc.file) ? stepLoc.file : null;
  const kept = manual && files.includes(manual.file) ? manual.file : null;
  const file = (manual?.cursor === cursor ? kept : null) ?? followed ?? kept ?? files[0];
  const follow = stepLoc && stepLoc.file === file ? stepLoc.line : null;
  if (!program || !file) return null;
  const k = run.timeline.stateAt(cursor).machine.kernel;
  const edited =
    run.source.kind === 'c' &&
    run.source.c !== program &&
    JSON.stringify(run.source.c.files) !== JSON.stringify(program.files);
  return (
    <section aria-label="Programs" className="program-editor">
      <div role="tablist" aria-label="Source files" className="file-tabs">
        {files.map((f) => {
          const here = (marks.get(f) ?? []).map((m) => m.name).join(', ');
          const errors = diagnostics.filter((d) => d.pos.file === f && d.severity === 'error').length;
          return (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={f === file}
              className={f === file ? 'tab selected' : 'tab'}
              onClick={() => setManual({ file: f, cursor })}
            >
              {f}
              {errors > 0 ? (
                <span className="tab-errors">
                  {' '}
                  ({errors} error{errors === 1 ? '' : 's'})
                </span>
              ) : null}
              {here ? <span className="tab-here"> · {here}</span> : null}
            </button>
          );
        })}
      </div>
      {edited ? (
        <p className="edited-note" role="status">
          Edited since the last run: press Run to see your change.
        </p>
      ) : null}
      <Suspense
        fallback={
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <pre className="code-fallback" tabIndex={0}>
            {program.files[file]}
          </pre>
        }
      >
        <CodeEditor
          key={`${run.scenario.id}:${file}`}
          file={file}
          text={program.files[file]}
          marks={edited ? [] : (marks.get(file) ?? [])}
          diagnostics={diagnostics.filter((d) => d.pos.file === file)}
          onChange={(text) => useApp.getState().editFile(file, text)}
          reveal={reveal && reveal.file === file ? reveal : null}
          follow={follow}
        />
      </Suspense>
      <ul className="process-states" aria-label="Processes">
        {[...run.names].map(([pid, name]) => {
          const p = k.procs.get(pid);
          return (
            <li key={pid}>
              <strong>{name}</strong> <span className="pid">pid {pid}</span>:{' '}
              {p ? processState(p) : 'not started yet'}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
