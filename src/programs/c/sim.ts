/**
 * Running a C scenario to its end and reporting what each process of the file printed and how
 * it ended: the result `npm run sim -- FILE --json` prints, and what the tests compare with the
 * output recorded on Linux.
 */
import { type Ending, type KernelProfile, type Machine, signalName, step } from '../../engine';
import { formatDiagnostic } from './frontend';
import { CProgram } from './program';
import { buildScenario, type CScenario } from './scenario';

/** How one process of the file ended up. */
export interface SimProcess {
  name: string;
  pid: number;
  stdout: string;
  stderr: string;
  /** The exit status, or null while it has not exited (or a signal killed it). */
  exit: number | null;
  /** The signal that killed it ("SIGPIPE"), or null. */
  signal: string | null;
  /** The C call it sleeps in at the end ("accept"), or null. */
  blocked_in: string | null;
}

/** The outcome of a run. */
export type SimResult =
  | { kind: 'ran'; processes: SimProcess[]; steps: number; ending: Ending; warnings: string[] }
  | { kind: 'compile-error'; errors: string[]; warnings: string[] };

/** The default step limit: an endless loop stops here with a message. */
export const DEFAULT_STEP_LIMIT = 1_000_000;

const decoder = new TextDecoder();

/** What each process of the file printed and how it ended, after a run. */
export function report(m: Machine, names: string[], pids: number[]): SimProcess[] {
  return pids.map((pid, i) => {
    const p = m.kernel.procs.get(pid);
    const term = p?.tty ?? null;
    const text = (stream: 'stdout' | 'stderr') =>
      term
        ? decoder.decode(
            Uint8Array.from(term.output.filter((o) => o.stream === stream).flatMap((o) => [...o.text])),
          )
        : '';
    const ended = p?.state === 'zombie' || p?.state === 'dead';
    const prog = m.programs.get(pid);
    const asleep = p?.state === 'sleeping' && p.sleep;
    return {
      name: names[i],
      pid,
      stdout: text('stdout'),
      stderr: text('stderr'),
      exit: ended && p?.exit && p.exit.signal === undefined ? (p.exit.code ?? 0) : null,
      signal: ended && p?.exit?.signal !== undefined ? signalName(p.exit.signal) : null,
      blocked_in: asleep
        ? ((prog instanceof CProgram ? prog.pendingCall() : null) ?? p.sleep?.call.name ?? null)
        : null,
    };
  });
}

/** Builds and runs a scenario. */
export function simulate(
  s: CScenario,
  limit = DEFAULT_STEP_LIMIT,
  profile: KernelProfile = 'linux',
): SimResult {
  const built = buildScenario(s, profile);
  // As gcc writes them: "file:line:col: warning: message"; errors without the word.
  const warnings = built.diagnostics
    .filter((d) => d.severity === 'warning')
    .map((d) => formatDiagnostic({ ...d, message: `warning: ${d.message}` }));
  if (!built.machine) {
    return {
      kind: 'compile-error',
      errors: built.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
      warnings,
    };
  }
  const m = built.machine;
  let ending: Ending = { kind: 'limit', steps: limit };
  let steps = 0;
  for (; steps < limit; steps++) {
    const r = step(m);
    if (!('index' in r)) {
      ending = r;
      break;
    }
  }
  const names = s.processes.map((p) => p.name);
  return { kind: 'ran', processes: report(m, names, built.pids), steps, ending, warnings };
}
