/**
 * The visualizer: programs on the left, the kernel diagram in the middle, narration and the
 * sequence of steps on the right, with the controls above.
 */
import { Diagram } from './diagram/Diagram';
import { Embed } from './Embed';
import { useDisplaySettings, useKeyboard, usePlayback, useRemoteControl, useUrlSync } from './hooks';
import { LessonsList, QuestionPanel } from './lessons/Lessons';
import { Presentation } from './Presentation';
import { CodePanes } from './panels/CodePanes';
import { Controls } from './panels/Controls';
import { Header } from './panels/Header';
import { NarrationPanel } from './panels/NarrationPanel';
import { NextProcess } from './panels/NextProcess';
import { Notice } from './panels/Notice';
import { ProgramEditor } from './panels/ProgramEditor';
import { ReferenceCard } from './panels/ReferenceCard';
import { RunBar } from './panels/RunBar';
import { Scrubber } from './panels/Scrubber';
import { SequenceDiagram } from './panels/SequenceDiagram';
import { ShareBar } from './panels/ShareBar';
import { StateInWords } from './panels/StateInWords';
import { Terminals } from './panels/Terminals';
import { useApp } from './store';
import { ImportProgress } from './trace/ImportProgress';
import { TraceHelp, TracePanel } from './trace/TracePanel';
import { TracePanes } from './trace/TracePanes';
import { useDropAndPaste } from './trace/useDropAndPaste';

/** The application shell. */
export function App() {
  const kind = useApp((s) => s.run.source.kind);
  const embedded = useApp((s) => s.embed !== null);
  const presenting = useApp((s) => s.presenting);
  useRemoteControl();
  const isC = kind === 'c';
  useDropAndPaste();
  useKeyboard();
  usePlayback();
  useUrlSync();
  useDisplaySettings();
  if (embedded) return <Embed />;
  if (presenting) return <Presentation />;
  return (
    <>
      <Header />
      <main className="app-main">
        <Notice />
        <ReferenceCard />
        <LessonsList />
        <QuestionPanel />
        <ImportProgress />
        <div className="bar">
          <Controls />
          <NextProcess />
        </div>
        <Scrubber />
        <NarrationPanel />
        <div className={isC || kind === 'trace' ? 'workspace with-code' : 'workspace'}>
          {isC ? (
            <div className="programs">
              <RunBar />
              <ProgramEditor />
              <Terminals />
            </div>
          ) : kind === 'trace' ? (
            <div className="programs">
              <TracePanel />
              <TracePanes />
            </div>
          ) : (
            <CodePanes />
          )}
          <div className="centre">
            <Diagram />
            <ShareBar />
            <StateInWords />
          </div>
          <SequenceDiagram />
        </div>
        {kind !== 'trace' ? <TraceHelp /> : null}
      </main>
    </>
  );
}
