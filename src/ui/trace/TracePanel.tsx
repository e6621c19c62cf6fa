/**
 * An imported trace beside the diagram: the replay's verdict (the same line as the command
 * line), each place where the model differs (a button to its step), the lines that were not
 * understood, how to record a trace, and Save as scenario.
 */
import { summaryLine } from '../../programs/replay/report';
import { useApp } from '../store';
import { traceScenarioJson } from './kept';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** How to record a trace, and what the replay supports. */
export function TraceHelp() {
  return (
    <details className="trace-help">
      <summary>How to record a trace</summary>
      <p>
        Run the program under strace and open the log here (Import trace, drop the file on the page, or paste
        the text):
      </p>
      <pre>strace -f -o app.strace ./server</pre>
      <ul>
        <li>
          <code>-f</code> follows the children a server forks and the threads it starts; without it their
          calls are missing.
        </li>
        <li>
          <code>-s 256</code> keeps more of the data each read and write carried (strace shows 32 bytes by
          default).
        </li>
        <li>
          <code>-yy</code> adds each socket's inode, peer and path to its descriptor, which makes the log
          easier to read.
        </li>
        <li>
          Trace the server and the client apart if you like: the other side is drawn as a peer outside the
          trace.
        </li>
      </ul>
      <p>
        Replayed: UNIX domain sockets (stream, datagram, seqpacket), socketpair, pipes, fork and threads, poll
        and select, signals and waiting for children. Calls the model does not follow (files, mmap, futex...)
        keep their recorded results and are folded as "other calls". Not supported: other socket families
        (TCP/IP), and traces whose lines strace cut off with <code>-e</code> filters may show differences.
      </p>
    </details>
  );
}

/** The verdict and what goes with it, for a trace run. */
export function TracePanel() {
  const run = useApp((s) => s.run);
  const goTo = useApp((s) => s.goTo);
  if (run.source.kind !== 'trace') return null;
  const source = run.source;
  const report = source.analysis.report;
  const stepOfLine = (lineNo: number) => {
    const i = source.analysis.steps.findIndex(
      (s) => lineNo >= s.lineNo && lineNo < (source.lines[s.end]?.lineNo ?? Number.POSITIVE_INFINITY),
    );
    return i < 0 ? 0 : i + 1;
  };
  return (
    <section className="trace-panel" aria-label="Trace">
      <p className="verdict" role="status" aria-label="Replay verdict">
        {summaryLine(report)}
      </p>
      <div className="trace-buttons">
        <button
          type="button"
          onClick={() =>
            download(`${source.title}.json`, traceScenarioJson(source.title, source.text.join('\n')))
          }
        >
          Save as scenario
        </button>
      </div>
      {report.divergences.length > 0 ? (
        <ul className="divergences" aria-label="Where the model differs">
          {report.divergences.map((d) => (
            <li key={d.lineNo}>
              <button type="button" onClick={() => goTo(stepOfLine(d.lineNo))}>
                line {d.lineNo}, pid {d.pid}, {d.call}: recorded {d.recorded}, the model gives {d.simulated}
                {d.detail.length > 0 ? ` (${d.detail.join('; ')})` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {report.malformed.length > 0 ? (
        <details className="malformed">
          <summary>
            {report.malformed.length} line{report.malformed.length === 1 ? '' : 's'} not understood (skipped)
          </summary>
          <ul>
            {report.malformed.slice(0, 200).map((m) => (
              <li key={m.lineNo}>
                line {m.lineNo}: {m.message}: <code>{m.text.slice(0, 120)}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <TraceHelp />
    </section>
  );
}
