/**
 * Property tests: thousands of random multi-process call sequences (src/engine/testing) run
 * through the machine, with every invariant checked after every step, and the same runs
 * replayed to check determinism, timeline rebuilding and branching.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants';
import { type World, world } from './testing/randomPrograms';
import { buildMachine, describeStep, fingerprint, type Observed, runWorld } from './testing/runWorld';
import { kernelProblems, stepProblems } from './testing/stepChecks';
import { Timeline } from './timeline';

/** Steps per run at most. */
const LIMIT = 400;

/** Runs a world, failing with a readable message at the first step that breaks something. */
function runChecked(w: World): number {
  const trail: string[] = [];
  let steps = 0;
  const check = ({ n, machine, record }: Observed) => {
    steps = n;
    trail.push(describeStep(record));
    if (trail.length > 8) trail.shift();
    const problems = [
      ...checkInvariants(machine.kernel),
      ...kernelProblems(machine.kernel),
      ...stepProblems(machine, record),
    ];
    if (problems.length > 0)
      throw new Error(`after step ${n}: ${problems.join('; ')}\nlast steps:\n  ${trail.join('\n  ')}`);
  };
  try {
    return runWorld(w, LIMIT, check).summaries.length;
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('after step')) throw e;
    const m = e instanceof Error ? e.message : String(e);
    throw new Error(`step ${steps + 1} threw: ${m}\nlast steps:\n  ${trail.join('\n  ')}`);
  }
}

describe('random multi-process call sequences', () => {
  it('random programs keep every invariant after every step', () => {
    fc.assert(
      fc.property(world, (w) => {
        runChecked(w);
      }),
      { numRuns: 2000 },
    );
  });

  it('the same world and choices give the same steps every time', () => {
    fc.assert(
      fc.property(world, (w) => {
        const a = runWorld(w, LIMIT);
        const b = runWorld(w, LIMIT);
        expect(b.summaries).toEqual(a.summaries);
        expect(b.ending).toEqual(a.ending);
      }),
      { numRuns: 300 },
    );
  });

  it('a timeline rebuilds the kernel of any earlier step exactly as direct stepping reached it', () => {
    fc.assert(
      fc.property(
        world,
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (w, every, picks) => {
          const prints: unknown[] = [fingerprint(buildMachine(w).kernel)];
          const run = runWorld(w, LIMIT, ({ machine }) => prints.push(fingerprint(machine.kernel)));
          const t = new Timeline(buildMachine(w), every);
          for (const c of run.choices) t.extend(c);
          for (let i = 1; i <= t.length; i++) expect(t.summary(i)).toEqual(run.summaries[i - 1]);
          expect(t.length).toBe(run.summaries.length);
          for (const pick of picks) {
            const i = pick % (t.length + 1);
            expect(fingerprint(t.stateAt(i).machine.kernel), `state at step ${i}`).toEqual(prints[i]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a branch keeps the steps before the branch point and replays the rest from the same choices', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 64 }), fc.nat(), (w, every, pick) => {
        const run = runWorld(w, LIMIT);
        const t = new Timeline(buildMachine(w), every);
        for (const c of run.choices) t.extend(c);
        const i = pick % (t.length + 1);
        const b = t.branchAt(i);
        expect(b.length).toBe(i);
        for (let j = 1; j <= i; j++) expect(b.summary(j)).toEqual(t.summary(j));
        for (const c of run.choices.slice(i)) b.extend(c);
        expect(b.length).toBe(t.length);
        for (let j = i + 1; j <= b.length; j++) expect(b.summary(j), `step ${j}`).toEqual(t.summary(j));
        const other = t.branchAt(i);
        other.extendToEnd(i + 20);
        for (let j = 1; j <= i; j++) expect(other.summary(j)).toEqual(t.summary(j));
      }),
      { numRuns: 300 },
    );
  });
});
