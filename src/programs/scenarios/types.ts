/** The shape of a built-in scenario and how it becomes a machine. */
import { createKernel, createMachine, type Machine, type Program, spawnProcess } from '../../engine';
import { type ScriptProcess, ScriptProgram } from '../script/script';

/** A built-in scenario: processes with scripts, started in list order. */
export interface Scenario {
  /** The id used in URLs (`?scenario=stream-echo`). */
  id: string;
  title: string;
  /** One or two sentences for a learner: what this scenario shows. */
  summary: string;
  processes: ScriptProcess[];
  /** Directories that exist when the run starts (/tmp always does). */
  dirs?: string[];
}

/** A machine at step 0 of a scenario: each process spawned with its program. */
export function buildMachine(s: Scenario): Machine {
  const k = createKernel({}, s.dirs ?? []);
  const programs = new Map<number, Program>();
  for (const proc of s.processes) {
    const p = spawnProcess(k, { name: proc.name, cwd: '/tmp' });
    programs.set(p.pid, new ScriptProgram(proc.name, proc.lines));
  }
  return createMachine(k, programs);
}
