/**
 * npx tsx scripts/export-card-scenarios.ts [ID...]
 *
 * Writes the scenario of each error on the reference cards (src/programs/reference) to
 * fixtures/c/<id>/, where the id is card-<card>-<errno>: its scenario.json (pretty JSON) and a
 * copy of its program file beside it, as the other corpus directories have them. Then
 * `bash scripts/record-c-expected.sh card-...` records what the programs do on Linux, and the
 * corpus test compares the simulator with that. cards.test.ts checks that these files still
 * match the TypeScript.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARDS } from '../src/programs/reference';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c');

const scenarios = CARDS.flatMap((c) => c.errors.map((e) => e.scenario));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !scenarios.some((s) => s.id === id));
if (unknown.length > 0) {
  process.stderr.write(`no card scenario with id ${unknown.join(', ')}\n`);
  process.exit(2);
}
for (const s of scenarios) {
  if (wanted.length > 0 && !wanted.includes(s.id)) continue;
  const dir = join(FIXTURES, s.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify(s.scenario, null, 2)}\n`);
  for (const [name, text] of Object.entries(s.scenario.files)) writeFileSync(join(dir, name), text);
  process.stdout.write(`fixtures/c/${s.id}: ${Object.keys(s.scenario.files).join(', ')}\n`);
}
