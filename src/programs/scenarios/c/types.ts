/** The shape of a scenario of the C library, and small builders for it. */
import type { CProcessSpec, CScenario } from '../../c/scenario';

/** A built-in scenario written as real C programs: what the app lists, and the scenario it runs. */
export interface CLibraryScenario {
  /** The id used in URLs (`?scenario=stream-echo`), the same as the script scenario's. */
  id: string;
  title: string;
  /** One or two sentences for a learner: what this scenario shows. */
  summary: string;
  /** The programs and processes; its title is the library title. */
  scenario: CScenario;
}

/** A process running one C file in /tmp with no input; argv[0] is the file name without `.c`. */
export function cProcess(name: string, file: string, args: string[] = []): CProcessSpec {
  return { name, program: [file], argv: [file.replace(/\.c$/, ''), ...args], stdin: '', cwd: '/tmp' };
}

/** A library scenario whose C scenario carries the same title. */
export function cLibraryScenario(s: {
  id: string;
  title: string;
  summary: string;
  files: Record<string, string>;
  processes: CProcessSpec[];
}): CLibraryScenario {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    scenario: { title: s.title, files: s.files, processes: s.processes, dirs: [] },
  };
}
