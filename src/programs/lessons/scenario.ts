/** Small builders for lesson scenarios: processes running C files in /tmp, and seeded variants. */
import type { CScenario } from '../c/scenario';
import { cProcess } from '../scenarios/c/types';

/** A scenario of C files and the processes that run them ([name, file, ...args]), started in list order. */
export function cScenario(
  title: string,
  files: Record<string, string>,
  processes: [name: string, file: string, ...args: string[]][],
): CScenario {
  return {
    title,
    files,
    processes: processes.map(([name, file, ...args]) => cProcess(name, file, args)),
    dirs: [],
  };
}

/**
 * One of the options for a seed: seed 0 always takes the first (the canonical lesson). `stride`
 * lets several parameters vary independently: the option index is floor(seed / stride) mod n.
 */
export function variant<T>(options: readonly T[], seed: number, stride = 1): T {
  return options[Math.floor(seed / stride) % options.length];
}
