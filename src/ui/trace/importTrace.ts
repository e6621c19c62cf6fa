/**
 * Importing a trace: check that the text is strace output and not too big, replay it in the
 * worker (or on the page when there is no worker, as in unit tests), and keep it in the browser
 * so a reload shows it again.
 */

import ReplayWorker from '@replay-worker';
import { analyseNow, type TraceStep } from '../../programs/replay/analyse';
import { looksLikeStrace, parseTrace } from '../../programs/strace/parseTrace';
import type { SLine } from '../../programs/strace/types';
import type { TraceSource } from '../run';
import type { WorkerReply } from './protocol';

export { keepTrace, keptTrace, traceScenarioJson } from './kept';

/** The largest trace the app opens (bigger ones are refused with a message). */
export const MAX_TRACE_BYTES = 64 * 1024 * 1024;

/** Why a text cannot be imported as a trace, or null when it can. */
export function refuse(name: string, text: string): string | null {
  if (text.length > MAX_TRACE_BYTES)
    return `${name} is ${(text.length / 1048576).toFixed(0)} MB; traces up to ${MAX_TRACE_BYTES / 1048576} MB can be opened. Record a shorter run, or cut the log with head or sed.`;
  const looks = looksLikeStrace(text);
  if (!looks.ok)
    return `${name} is not strace output: ${looks.reason ?? 'no line looks like a system call'}. Expected lines such as 'connect(3, {sa_family=AF_UNIX, sun_path="/tmp/s"}, 110) = 0', as written by strace -f -o app.strace ./program.`;
  return null;
}

/** Replays a trace off the main thread; `progress` hears how far it got. */
export function replayInWorker(
  title: string,
  text: string,
  progress: (phase: string, done: number, total: number) => void,
): Promise<TraceSource> {
  const lines = text.split('\n');
  if (typeof Worker === 'undefined') {
    const parsed = parseTrace(text);
    return Promise.resolve({
      kind: 'trace',
      title,
      text: lines,
      lines: parsed.lines,
      analysis: analyseNow(parsed.lines),
    });
  }
  return new Promise((resolve, reject) => {
    const w = new ReplayWorker();
    const parsed: SLine[] = [];
    const steps: TraceStep[] = [];
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.kind === 'progress') progress(m.phase, m.done, m.total);
      else if (m.kind === 'lines') parsed.push(...m.lines);
      else if (m.kind === 'steps') steps.push(...m.steps);
      else {
        w.terminate();
        if (m.kind === 'done')
          resolve({
            kind: 'trace',
            title,
            text: lines,
            lines: parsed,
            analysis: { steps, report: m.report },
          });
        else reject(new Error(m.message));
      }
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || 'the replay worker failed'));
    };
    w.postMessage({ text });
  });
}
