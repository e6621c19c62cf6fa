/**
 * A trace in steps for the visualizer. Each modelled call is a step; lines the model does not
 * follow (mmap, futex, reads of files...) that leave the kernel as it was are folded into one
 * step per run of them in one process ("12 other calls"). This is the first pass, which also
 * gives the verdict: it runs in a worker in the app. TraceStates (traceStates.ts) replays the
 * same lines again to show the kernel at any step.
 */
import type { KernelEvent, Syscall, SysResult } from '../../engine';
import type { SLine } from '../strace/types';
import { type Divergence, type LineStep, Replayer, type ReplayOptions, type ReplayReport } from './replay';

/** One step of a trace. */
export interface TraceStep {
  /** The lines it covers: indices into the parsed lines, from `first` up to (not including) `end`. */
  first: number;
  end: number;
  pid: number;
  /** 1-based line number in the trace text of its main line (the first one). */
  lineNo: number;
  /** The verdict of its modelled call; folded steps are 'other'. */
  verdict: LineStep['verdict'];
  divergence: Divergence | null;
  explanation: string | null;
  call: Syscall | null;
  result: SysResult | null;
  events: KernelEvent[];
  /** The names of the calls folded into this step (empty for a single modelled call). */
  folded: string[];
}

/** A trace ready to show: its steps and the replay's verdict. */
export interface TraceAnalysis {
  steps: TraceStep[];
  report: ReplayReport;
}

/** Calls that are about sockets even when they change nothing (getsockname, a poll that times out). */
const SOCKET_CALLS = new Set([
  'socket',
  'socketpair',
  'bind',
  'listen',
  'accept',
  'accept4',
  'connect',
  'send',
  'sendto',
  'sendmsg',
  'recv',
  'recvfrom',
  'recvmsg',
  'shutdown',
  'getsockname',
  'getpeername',
  'getsockopt',
  'setsockopt',
]);

/** Descriptor events are worth a step only when they concern a socket. */
const FD_EVENTS = new Set(['fd.installed', 'fd.closed', 'file.released']);

/**
 * Whether a replayed line is worth a step of its own: it diverged or needed the outside world,
 * made a socket call, or changed sockets, processes, signals or the filesystem. Everything else
 * (loading libraries, mmap, reads of files, writes to the terminal) folds into "other calls".
 */
function worthAStep(s: LineStep, sockets: Set<number>, r: Replayer): boolean {
  if (s.verdict === 'differ' || s.verdict === 'explained') return true;
  if (s.line.kind === 'exited' || s.line.kind === 'killed') return true;
  if (s.call && SOCKET_CALLS.has(s.call.name)) return true;
  for (const e of s.events) {
    if (e.type === 'fd.installed') {
      const f = r.k.procs.get(e.pid)?.files.fds[e.fd]?.file;
      if (f?.kind === 'socket') sockets.add(e.file);
      if (sockets.has(e.file)) return true;
    } else if (e.type === 'fd.closed' || e.type === 'file.released') {
      if (sockets.has(e.file)) return true;
    } else if (!FD_EVENTS.has(e.type)) return true;
  }
  return false;
}

function nameOf(line: SLine): string {
  switch (line.kind) {
    case 'call':
    case 'unfinished':
    case 'resumed':
      return line.name;
    case 'signal':
      return line.signal;
    default:
      return line.kind;
  }
}

/**
 * Replays the lines and groups them into steps. Yields the number of lines done now and then
 * (every `every` lines) so that a caller can report progress.
 */
export function* analyseTrace(
  lines: SLine[],
  options: ReplayOptions = {},
  every = 2000,
): Generator<number, TraceAnalysis> {
  const r = new Replayer(lines, options);
  const steps: TraceStep[] = [];
  let open: TraceStep | null = null;
  const sockets = new Set<number>();
  for (let i = 0; ; i++) {
    if (i % every === every - 1) yield i;
    const s = r.stepLine();
    if (!s) break;
    if (s.line.kind === 'malformed') continue;
    if (!worthAStep(s, sockets, r)) {
      if (open && open.pid === s.pid && open.folded.length > 0) {
        open.end = i + 1;
        open.folded.push(nameOf(s.line));
        continue;
      }
      open = {
        first: i,
        end: i + 1,
        pid: s.pid,
        lineNo: s.line.lineNo,
        verdict: 'other',
        divergence: null,
        explanation: null,
        call: null,
        result: null,
        events: [],
        folded: [nameOf(s.line)],
      };
      steps.push(open);
      continue;
    }
    open = null;
    steps.push({
      first: i,
      end: i + 1,
      pid: s.pid,
      lineNo: s.line.lineNo,
      verdict: s.verdict,
      divergence: s.divergence,
      explanation: s.explanation,
      call: s.call,
      result: s.result,
      events: s.events,
      folded: [],
    });
  }
  r.finish();
  return { steps, report: r.report };
}

/** Runs the analysis at once. */
export function analyseNow(lines: SLine[], options?: ReplayOptions): TraceAnalysis {
  const gen = analyseTrace(lines, options);
  for (;;) {
    const n = gen.next();
    if (n.done) return n.value;
  }
}
