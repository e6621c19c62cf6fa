/**
 * npm run --silent sim -- FILE.json [--json] [--steps N] [--profile linux|4.3bsd]
 *
 * Runs a C scenario file on the kernel model and prints each process's output and how it
 * ended; with --json, `{"processes": [{name, pid, stdout, stderr, exit, signal, blocked_in}],
 * "steps": N}`. Exit status: 0 when the run ends (whatever the programs do), 1 when a program
 * does not compile (the errors go to stderr as file:line:column: message, warnings as
 * file:line:column: warning: message), 2 when the file cannot be read or is not a valid
 * scenario, 3 when the step limit stops the run.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../programs/c/scenario';
import { DEFAULT_STEP_LIMIT, type SimProcess, simulate } from '../programs/c/sim';

const USAGE = 'usage: npm run --silent sim -- FILE.json [--json] [--steps N] [--profile linux|4.3bsd]\n';

function outcome(p: SimProcess): string {
  if (p.signal) return `killed by ${p.signal}`;
  if (p.exit !== null) return `exited with status ${p.exit}`;
  if (p.blocked_in) return `still asleep in ${p.blocked_in}()`;
  return 'still running';
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  let limit = DEFAULT_STEP_LIMIT;
  let profile: 'linux' | '4.3bsd' = 'linux';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') continue;
    if (argv[i] === '--profile') {
      const p = argv[++i];
      if (p !== 'linux' && p !== '4.3bsd') {
        process.stderr.write(`--profile takes linux or 4.3bsd\n${USAGE}`);
        return 2;
      }
      profile = p;
      continue;
    }
    if (argv[i] === '--steps') {
      limit = Number(argv[++i]);
      if (!Number.isInteger(limit) || limit <= 0) {
        process.stderr.write(`--steps needs a positive whole number\n${USAGE}`);
        return 2;
      }
      continue;
    }
    if (argv[i].startsWith('--')) {
      process.stderr.write(`unknown option ${argv[i]}\n${USAGE}`);
      return 2;
    }
    rest.push(argv[i]);
  }
  if (rest.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = rest[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseScenario(text);
  if ('error' in parsed) {
    process.stderr.write(`${file}: ${parsed.error}\n`);
    return 2;
  }
  const result = simulate(parsed.scenario, limit, profile);
  for (const w of result.warnings) process.stderr.write(`${w}\n`);
  if (result.kind === 'compile-error') {
    for (const e of result.errors) process.stderr.write(`${e}\n`);
    return 1;
  }
  const limited = result.ending.kind === 'limit';
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ processes: result.processes, steps: result.steps }, null, 2)}\n`,
    );
  } else {
    for (const p of result.processes) {
      process.stdout.write(`=== ${p.name} (pid ${p.pid}): ${outcome(p)}\n`);
      if (p.stdout) process.stdout.write(p.stdout.endsWith('\n') ? p.stdout : `${p.stdout}\n`);
      if (p.stderr)
        process.stdout.write(`--- ${p.name} stderr\n${p.stderr.endsWith('\n') ? p.stderr : `${p.stderr}\n`}`);
    }
    process.stdout.write(`${result.steps} steps\n`);
  }
  if (limited) {
    process.stderr.write(
      `stopped at the step limit (${limit} steps): a program may be in an endless loop; raise it with --steps N\n`,
    );
    return 3;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
