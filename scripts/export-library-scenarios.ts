/**
 * npx tsx scripts/export-library-scenarios.ts [ID...]
 *
 * Writes each C library scenario (src/programs/scenarios/c) to fixtures/c/library-<id>/: its
 * scenario.json (pretty JSON) and a copy of each program file beside it, as the other corpus
 * directories have them. Then `bash scripts/record-c-expected.sh library-<id>` records what the
 * programs do on Linux, and the corpus test compares the simulator with that. library.test.ts
 * checks that these files still match the TypeScript.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { C_SCENARIOS } from '../src/programs/scenarios/c';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c');

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !C_SCENARIOS.some((s) => s.id === id));
if (unknown.length > 0) {
  process.stderr.write(`no C scenario with id ${unknown.join(', ')}\n`);
  process.exit(2);
}
for (const s of C_SCENARIOS) {
  if (wanted.length > 0 && !wanted.includes(s.id)) continue;
  const dir = join(FIXTURES, `library-${s.id}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify(s.scenario, null, 2)}\n`);
  for (const [name, text] of Object.entries(s.scenario.files)) writeFileSync(join(dir, name), text);
  process.stdout.write(`fixtures/c/library-${s.id}: ${Object.keys(s.scenario.files).join(', ')}\n`);
}
