/**
 * The visualizer: programs on the left, the kernel diagram in the middle, narration and the
 * sequence of steps on the right, with the controls above.
 */
import { Diagram } from './diagram/Diagram';
import { useDisplaySettings, useKeyboard, usePlayback, useUrlSync } from './hooks';
import { CodePanes } from './panels/CodePanes';
import { Controls } from './panels/Controls';
import { Header } from './panels/Header';
import { NarrationPanel } from './panels/NarrationPanel';
import { NextProcess } from './panels/NextProcess';
import { Notice } from './panels/Notice';
import { ProgramEditor } from './panels/ProgramEditor';
import { RunBar } from './panels/RunBar';
import { Scrubber } from './panels/Scrubber';
import { SequenceDiagram } from './panels/SequenceDiagram';
import { StateInWords } from './panels/StateInWords';
import { Terminals } from './panels/Terminals';
import { useApp } from './store';

/** The application shell. */
export function App() {
  const isC = useApp((s) => s.run.source.kind === 'c');
  useKeyboard();
  usePlayback();
  useUrlSync();
  useDisplaySettings();
  return (
    <>
      <Header />
      <main className="app-main">
        <Notice />
        <div className="bar">
          <Controls />
          <NextProcess />
        </div>
        <Scrubber />
        <NarrationPanel />
        <div className={isC ? 'workspace with-code' : 'workspace'}>
          {isC ? (
            <div className="programs">
              <RunBar />
              <ProgramEditor />
              <Terminals />
            </div>
          ) : (
            <CodePanes />
          )}
          <div className="centre">
            <Diagram />
            <StateInWords />
          </div>
          <SequenceDiagram />
        </div>
      </main>
    </>
  );
}
