/**
 * The replay of an imported trace, off the page's main thread: parse the text, replay every
 * line on the kernel model and group the lines into steps, reporting progress as it goes.
 * Messages in: { text }. Messages out: progress, then the result (or an error).
 */
import { analyseTrace } from '../../programs/replay/analyse';
import { parseTrace } from '../../programs/strace/parseTrace';
import { CHUNK, type WorkerReply } from './protocol';

const post = (m: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(m);

self.onmessage = (e: MessageEvent<{ text: string }>) => {
  try {
    post({ kind: 'progress', phase: 'parsing', done: 0, total: 0 });
    const parsed = parseTrace(e.data.text);
    const total = parsed.lines.length;
    const gen = analyseTrace(parsed.lines);
    let last = 0;
    for (;;) {
      const r = gen.next();
      if (r.done) {
        for (let i = 0; i < parsed.lines.length; i += CHUNK)
          post({ kind: 'lines', lines: parsed.lines.slice(i, i + CHUNK) });
        for (let i = 0; i < r.value.steps.length; i += CHUNK)
          post({ kind: 'steps', steps: r.value.steps.slice(i, i + CHUNK) });
        post({ kind: 'done', report: r.value.report });
        return;
      }
      if (r.value - last >= 5000) {
        last = r.value;
        post({ kind: 'progress', phase: 'replaying', done: r.value, total });
      }
    }
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
