#!/usr/bin/env node
// `npm test`: every check of the project, in order, going on after a failure.
//   typecheck, lint, unit (+ property) tests, the two builds, then the browser tests.
// Each stage's output streams to the terminal; the last line is `tests: N passed, N failed`
// (summed over every stage) and the exit status is 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** @type {{ stage: string, passed: number, failed: number, skipped: number, seconds: number }[]} */
const results = [];

function banner(text) {
  console.log(`\n==> ${text}`);
}

/** Runs a command with the terminal attached; returns its exit status (127 if it could not start). */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) {
    console.log(`could not run ${command}: ${result.error.message}`);
    return 127;
  }
  return result.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function record(stage, started, passed, failed, skipped = 0) {
  results.push({ stage, passed, failed, skipped, seconds: (Date.now() - started) / 1000 });
}

/** A stage that counts as one test: it passes when its command exits 0. */
function single(stage, command, args) {
  banner(`${stage}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const ok = run(command, args) === 0;
  record(stage, started, ok ? 1 : 0, ok ? 0 : 1);
}

// ---- a. typecheck, b. lint ---------------------------------------------------------------------------
single('typecheck', 'npm', ['run', '--silent', 'typecheck']);
single('lint', 'npx', ['biome', 'check', '.']);

// ---- c. unit and property tests ----------------------------------------------------------------------
{
  const report = 'reports/unit.json';
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`];
  banner(`unit: npx ${args.join(' ')}`);
  const started = Date.now();
  mkdirSync('reports', { recursive: true });
  rmSync(report, { force: true });
  const status = run('npx', args);
  const json = readJson(report);
  if (json === undefined) {
    console.log(`unit: ${report} was not written; counting 1 failure.`);
    record('unit', started, 0, 1);
  } else {
    const passed = json.numPassedTests ?? 0;
    let failed = json.numFailedTests ?? 0;
    // A file that fails to load, or an unhandled error, fails the run without failing a test.
    if (status !== 0 && failed === 0) failed = 1;
    record('unit', started, passed, failed, (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0));
  }
}

// ---- d. builds -----------------------------------------------------------------------------------------
single('build', 'npm', ['run', 'build']);
// Remove the previous single-file build so the offline browser test never checks a stale file.
rmSync('release/rendezvous.html', { force: true });
single('build:single', 'npm', ['run', 'build:single']);

// ---- e. browser tests ----------------------------------------------------------------------------------

/** Same search as playwright.config.ts: $CHROMIUM_PATH, the distribution's chromium, Playwright's own. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (system) return system;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  try {
    const own = readdirSync(cache).find((name) => name.startsWith('chromium_headless_shell-'));
    if (own) return join(cache, own);
  } catch {
    // no Playwright browser cache
  }
  return undefined;
}

function ensureChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return true;
    console.log(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
    return false;
  }
  if (findChromium()) return true;
  const isRoot = process.getuid?.() === 0;
  const apt = ['/usr/bin/apt-get', '/bin/apt-get'].some((path) => existsSync(path));
  if (isRoot && apt) {
    banner('browser: no Chromium found; apt-get update && apt-get install -y chromium');
    run('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
    if (findChromium()) return true;
  }
  banner('browser: no Chromium found; npx playwright install chromium');
  if (run('npx', ['playwright', 'install', 'chromium']) === 0 && findChromium()) return true;
  console.log(
    'No Chromium found: install one with "sudo apt-get install chromium" or "npx playwright install chromium", or set CHROMIUM_PATH.',
  );
  return false;
}

{
  const report = 'reports/e2e.json';
  const started = Date.now();
  if (!ensureChromium()) {
    record('browser', started, 0, 1);
  } else {
    banner('browser: npx playwright test');
    mkdirSync('reports', { recursive: true });
    rmSync(report, { force: true });
    const status = run('npx', ['playwright', 'test'], { CI: '1' });
    const json = readJson(report);
    if (json?.stats === undefined) {
      console.log(`browser: ${report} was not written; counting 1 failure.`);
      record('browser', started, 0, 1);
    } else {
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
      let failed = unexpected + flaky;
      // e.g. the web server did not start, or a spec file failed to load: no test failed, the run did.
      if (status !== 0 && failed === 0) failed = 1;
      record('browser', started, expected, failed, skipped);
    }
  }
}

// ---- summary -------------------------------------------------------------------------------------------
console.log('\nSummary');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const skipped = r.skipped > 0 ? `, ${r.skipped} skipped` : '';
  console.log(`${r.stage}: ${r.passed} passed, ${r.failed} failed${skipped} (${r.seconds.toFixed(1)} s)`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
