/**
 * Golden timelines: each library scenario's run as readable text (see timelineText.ts),
 * checked in under fixtures/golden so a behaviour change shows up in review as a readable diff.
 * Regenerate with: UPDATE_GOLDEN=1 npx vitest run src/ui/golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY, runLibrary } from './library';
import { timelineText } from './timelineText';

const GOLDEN = join(__dirname, '../../fixtures/golden');

describe('golden timelines', () => {
  for (const s of LIBRARY) {
    it(`${s.id} matches its golden timeline`, () => {
      const file = join(GOLDEN, `${s.id}.txt`);
      const actual = timelineText(runLibrary(s.id));
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
