/**
 * The embedded view (?embed=1): one view (the diagram, the code or the sequence diagram) with
 * minimal chrome, for iframes in slides and documentation; controls unless controls=0, and a
 * link to open the same view in the full app.
 */

import { Diagram } from './diagram/Diagram';
import { CodePanes } from './panels/CodePanes';
import { Controls } from './panels/Controls';
import { ProgramEditor } from './panels/ProgramEditor';
import { SequenceDiagram } from './panels/SequenceDiagram';
import { useApp } from './store';
import { TracePanes } from './trace/TracePanes';

export function Embed() {
  const embed = useApp((s) => s.embed);
  const run = useApp((s) => s.run);
  const cursor = useApp((s) => s.cursor);
  if (!embed) return null;
  const full = new URLSearchParams({ scenario: run.scenario.id, step: String(cursor) });
  const code =
    run.source.kind === 'c' ? (
      <ProgramEditor />
    ) : run.source.kind === 'trace' ? (
      <TracePanes />
    ) : (
      <CodePanes />
    );
  return (
    <main className={`embed embed-${embed.view}`}>
      <h1 className="visually-hidden">{run.scenario.title}</h1>
      {embed.view === 'diagram' ? <Diagram /> : embed.view === 'code' ? code : <SequenceDiagram />}
      <p className="embed-caption" aria-live="polite">
        {cursor > 0 ? run.narration[cursor - 1]?.text : run.scenario.summary}
      </p>
      <div className="embed-bar">
        {embed.controls ? <Controls /> : null}
        <a href={`${window.location.pathname}?${full}`} target="_blank" rel="noreferrer">
          Open in Rendezvous
        </a>
      </div>
    </main>
  );
}
