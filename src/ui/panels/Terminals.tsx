/**
 * A small terminal per process of the scenario: what it (and the children it forked, which share
 * its terminal) wrote to stdout and stderr up to the cursor, in order, and the stdin it reads,
 * which the user can change before the next run. stderr is marked in words, not colour alone.
 */
import type { Terminal } from '../../engine';
import { useApp } from '../store';

const decoder = new TextDecoder();

/** The output as runs of one stream each. */
function segments(t: Terminal): { stream: 'stdout' | 'stderr'; text: string }[] {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  for (const o of t.output) {
    const text = decoder.decode(o.text);
    const last = out[out.length - 1];
    if (last && last.stream === o.stream) last.text += text;
    else out.push({ stream: o.stream, text });
  }
  return out;
}

/** The terminals, one per process listed in the scenario. */
export function Terminals() {
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  const program = useApp((s) => s.program());
  if (run.source.kind !== 'c' || !program) return null;
  const k = run.timeline.stateAt(cursor).machine.kernel;
  const specs = run.source.c.processes;
  // The scenario's own processes come first among the names, in the order they were started.
  const top = [...run.names.keys()].slice(0, specs.length);
  return (
    <section aria-label="Terminals" className="terminals">
      {specs.map((spec, i) => {
        const tty = top[i] === undefined ? null : (k.procs.get(top[i])?.tty ?? null);
        return (
          <article key={spec.name} className="terminal" aria-label={`terminal of ${spec.name}`}>
            <h3>
              {spec.name} <span className="argv">$ {spec.argv.join(' ')}</span>
            </h3>
            <pre className="screen" aria-live="polite">
              {tty
                ? segments(tty).map((s, n) =>
                    s.stream === 'stderr' ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
                      <span key={n} className="stderr">
                        <span className="visually-hidden">(stderr) </span>
                        {s.text}
                      </span>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
                      <span key={n}>{s.text}</span>
                    ),
                  )
                : null}
            </pre>
            <label className="stdin">
              stdin for {spec.name}
              <textarea
                rows={2}
                value={program.processes[i]?.stdin ?? ''}
                onChange={(e) => useApp.getState().setStdin(i, e.target.value)}
                spellCheck={false}
              />
            </label>
          </article>
        );
      })}
    </section>
  );
}
