/**
 * A helper for tests: runs one C source file as a one-process scenario and returns how that
 * process ended. Free of Node APIs, so it runs wherever the interpreter does.
 */
import type { CScenario } from './scenario';
import { type SimProcess, type SimResult, simulate } from './sim';

/** How to run a one-file program. */
export interface RunOptions {
  /** What the process reads from stdin (default: nothing). */
  stdin?: string;
  /** argv (default: ["prog"]). */
  argv?: string[];
  /** The step limit (default: 200000). */
  limit?: number;
  /** Directories that exist when the run starts. */
  dirs?: string[];
}

/** A one-process scenario running `source` as prog.c. */
export function scenarioOf(source: string, opts: RunOptions = {}): CScenario {
  return {
    title: 'test',
    files: { 'prog.c': source },
    processes: [
      {
        name: 'prog',
        program: ['prog.c'],
        argv: opts.argv ?? ['prog'],
        stdin: opts.stdin ?? '',
        cwd: '/tmp',
      },
    ],
    dirs: opts.dirs ?? [],
  };
}

/** Runs a one-file program and returns the whole result (compile errors included). */
export function simulateC(source: string, opts: RunOptions = {}): SimResult {
  return simulate(scenarioOf(source, opts), opts.limit ?? 200_000);
}

/**
 * Runs a one-file program to its end and returns its process. A compile error or a run stopped
 * by the step limit is an Error here: a test that expects either uses simulateC.
 */
export function runC(source: string, opts: RunOptions = {}): SimProcess {
  const r = simulateC(source, opts);
  if (r.kind !== 'ran') throw new Error(`does not compile:\n${r.errors.join('\n')}`);
  if (r.ending.kind === 'limit') throw new Error(`stopped at the step limit (${r.steps} steps)`);
  return r.processes[0];
}

/** The line of `text` that starts with `label` and a space (a probe's labelled output line). */
export function lineOf(text: string, label: string): string {
  return text.split('\n').find((l) => l.startsWith(`${label} `)) ?? `(no line "${label} ...")`;
}
