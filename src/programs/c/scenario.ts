/**
 * The C scenario file: programs and the processes that run them, the same JSON for the app's
 * import and export and for `npm run sim`. Reading it checks every field and says where a
 * problem is; building it compiles each program once and starts the processes in list order.
 */
import {
  createKernel,
  createMachine,
  type KernelProfile,
  type Machine,
  type Program,
  profileConfig,
  spawnProcess,
} from '../../engine';
import type { Diagnostic } from './ast';
import { type Build, buildProgram } from './build';
import { CProgram } from './program';

/** One process of a scenario. */
export interface CProcessSpec {
  name: string;
  /** The .c files of its program (keys of `files`). */
  program: string[];
  argv: string[];
  stdin: string;
  cwd: string;
}

/** A C scenario. */
export interface CScenario {
  title: string;
  files: Record<string, string>;
  processes: CProcessSpec[];
  /** Directories that exist when the run starts (/tmp always does). */
  dirs: string[];
}

/** Where a JSON text has a problem: "line 3, column 14". */
function jsonPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const col = Number(m[1]) - before.lastIndexOf('\n');
  return ` at line ${line}, column ${col}`;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Reads a scenario file; errors name the field (`processes[1].argv`) or the JSON position. */
export function parseScenario(text: string): { scenario: CScenario } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { error: `not valid JSON${jsonPosition(text, msg)}: ${msg}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { error: 'the scenario must be a JSON object' };
  const o = raw as Record<string, unknown>;
  const files = o.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files))
    return { error: '"files" must be an object of file names to their text' };
  for (const [name, body] of Object.entries(files)) {
    if (typeof body !== 'string') return { error: `files["${name}"] must be a string (the file's text)` };
  }
  if (!Array.isArray(o.processes) || o.processes.length === 0)
    return { error: '"processes" must be a non-empty list' };
  const processes: CProcessSpec[] = [];
  for (const [i, p] of o.processes.entries()) {
    const at = `processes[${i}]`;
    if (typeof p !== 'object' || p === null) return { error: `${at} must be an object` };
    const q = p as Record<string, unknown>;
    if (typeof q.name !== 'string' || q.name === '')
      return { error: `${at}.name must be a non-empty string` };
    if (!isStringArray(q.program) || q.program.length === 0)
      return { error: `${at}.program must be a list of .c file names` };
    for (const f of q.program) {
      if (!Object.hasOwn(files, f)) return { error: `${at}.program names "${f}", which is not in "files"` };
    }
    if (q.argv !== undefined && !isStringArray(q.argv))
      return { error: `${at}.argv must be a list of strings` };
    if (q.stdin !== undefined && typeof q.stdin !== 'string')
      return { error: `${at}.stdin must be a string` };
    if (q.cwd !== undefined && (typeof q.cwd !== 'string' || !q.cwd.startsWith('/')))
      return { error: `${at}.cwd must be an absolute path` };
    processes.push({
      name: q.name,
      program: q.program,
      argv: (q.argv as string[] | undefined) ?? [q.name],
      stdin: (q.stdin as string | undefined) ?? '',
      cwd: (q.cwd as string | undefined) ?? '/tmp',
    });
  }
  if (o.dirs !== undefined && !isStringArray(o.dirs))
    return { error: '"dirs" must be a list of absolute paths' };
  const dirs = (o.dirs as string[] | undefined) ?? [];
  const bad = dirs.find((d) => !d.startsWith('/'));
  if (bad !== undefined) return { error: `"dirs" must hold absolute paths, not "${bad}"` };
  const title = typeof o.title === 'string' ? o.title : 'Untitled';
  return { scenario: { title, files: files as Record<string, string>, processes, dirs } };
}

/** A built scenario: the machine when every program compiled, and each program's build. */
export interface BuiltScenario {
  machine: Machine | null;
  /** Builds by program key (its file names joined with '+'). */
  builds: Map<string, Build>;
  /** pid of each process of the file, in file order (empty when a build failed). */
  pids: number[];
  /** Every diagnostic, errors first. */
  diagnostics: Diagnostic[];
}

/** The key of a process's program. */
export function programKey(p: CProcessSpec): string {
  return p.program.join('+');
}

/** Compiles the scenario's programs and creates its processes (in list order). */
export function buildScenario(s: CScenario, profile: KernelProfile = 'linux'): BuiltScenario {
  const builds = new Map<string, Build>();
  for (const p of s.processes) {
    const key = programKey(p);
    if (!builds.has(key)) builds.set(key, buildProgram(s.files, p.program));
  }
  const diagnostics = [...builds.values()].flatMap((b) => b.diagnostics);
  diagnostics.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if ([...builds.values()].some((b) => !b.program)) return { machine: null, builds, pids: [], diagnostics };
  const k = createKernel(profileConfig(profile), s.dirs);
  const programs = new Map<number, Program>();
  const pids: number[] = [];
  const enc = new TextEncoder();
  for (const p of s.processes) {
    const proc = spawnProcess(k, { name: p.name, cwd: p.cwd, stdin: enc.encode(p.stdin) });
    const prog = builds.get(programKey(p))?.program;
    if (!prog) throw new Error('unreachable: a build without a program');
    programs.set(proc.pid, CProgram.start(prog, p.argv));
    pids.push(proc.pid);
  }
  return { machine: createMachine(k, programs, 'first'), builds, pids, diagnostics };
}
