/**
 * The reference cards: every field is filled, every error's scenario compiles cleanly, runs to its
 * end and gets exactly that errno from one of the card's calls, matches its exported fixture
 * (which the corpus test compares with Linux), and Linux printed that error when it ran.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInvariants, type Ending, errnoMessage, isErrno, type StepRecord, step } from '../../engine';
import { buildScenario } from '../c/scenario';
import { C_SCENARIOS } from '../scenarios/c';
import { CARDS, findCard } from './index';
import type { CardError } from './types';

const FIXTURES = new URL('../../../fixtures/c/', import.meta.url);

function run(e: CardError): { steps: StepRecord[]; ending: Ending } {
  const m = buildScenario(e.scenario.scenario).machine;
  if (!m) throw new Error(`${e.scenario.id} does not build`);
  const steps: StepRecord[] = [];
  for (let i = 0; i < 20_000; i++) {
    const r = step(m);
    if (!('index' in r)) return { steps, ending: r };
    expect(checkInvariants(m.kernel), `${e.scenario.id} after step ${r.index}`).toEqual([]);
    steps.push(r);
  }
  return { steps, ending: { kind: 'limit', steps: 20_000 } };
}

/** Sentences in a text: a full stop, question or exclamation mark followed by a space. */
const sentences = (text: string) => text.split(/[.!?] /).length;

describe('the reference cards', () => {
  it('has one card per call, in the order a program meets them', () => {
    expect(CARDS.map((c) => c.id)).toEqual([
      'socket',
      'bind',
      'listen',
      'accept',
      'connect',
      'read-write',
      'send-recv',
      'close',
      'shutdown',
      'socketpair',
      'sendmsg-recvmsg',
    ]);
  });

  it('keeps card ids, call names and scenario ids unique', () => {
    const names = CARDS.flatMap((c) => [c.id, ...c.calls.filter((call) => call !== c.id)]);
    expect(new Set(names).size).toBe(names.length);
    const ids = CARDS.flatMap((c) => c.errors.map((e) => e.scenario.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of C_SCENARIOS) expect(ids).not.toContain(s.id);
  });

  it('finds a card by its id or by any call it covers', () => {
    expect(findCard('read')?.id).toBe('read-write');
    expect(findCard('write')?.id).toBe('read-write');
    expect(findCard('read-write')?.id).toBe('read-write');
    expect(findCard('listen')?.id).toBe('listen');
    expect(findCard('accept4')?.id).toBe('accept');
    expect(findCard('recvfrom')?.id).toBe('send-recv');
    expect(findCard('recvmsg')?.id).toBe('sendmsg-recvmsg');
    expect(findCard(' Listen ')?.id).toBe('listen');
    expect(findCard('fork')).toBeUndefined();
    expect(findCard('')).toBeUndefined();
    for (const c of CARDS) for (const call of c.calls) expect(findCard(call)).toBe(c);
  });

  for (const card of CARDS) {
    describe(card.id, () => {
      it('has every field filled', () => {
        expect(card.title).toMatch(/^\w+\(\)/);
        expect(card.calls.length).toBeGreaterThan(0);
        expect(card.synopsis.some((l) => l.startsWith('#include <'))).toBe(true);
        for (const call of card.calls)
          expect(
            card.synopsis.some((l) => new RegExp(`\\b${call}\\(.*\\);$`).test(l)),
            call,
          ).toBe(true);
        expect(sentences(card.does)).toBeGreaterThanOrEqual(2);
        expect(sentences(card.does)).toBeLessThanOrEqual(4);
        expect(card.args.length).toBeGreaterThan(0);
        for (const a of card.args) {
          expect(a.name).not.toBe('');
          expect(a.meaning).toMatch(/\.$/);
        }
        expect(card.returns).toMatch(/-1 with errno set/);
        expect(card.man).toMatch(/^https:\/\/man7\.org\/linux\/man-pages\/man2\/[a-z]+\.2\.html$/);
        expect(card.man).toContain(`/${card.calls[0]}.2.html`);
        expect(card.errors.length).toBeGreaterThan(0);
        expect(card.errors.length).toBeLessThanOrEqual(6);
        const errnos = card.errors.map((e) => e.errno);
        expect(new Set(errnos).size).toBe(errnos.length);
        for (const e of card.errors) {
          expect(isErrno(e.errno), e.errno).toBe(true);
          expect(sentences(e.when), e.when).toBe(1);
          expect(e.when).toMatch(/^[A-Za-z].*\.$/);
          expect(e.scenario.id).toBe(`card-${card.id}-${e.errno}`);
          expect(e.scenario.title).toContain(e.errno);
          expect(e.scenario.summary).not.toBe('');
        }
      });

      for (const e of card.errors) {
        describe(e.errno, () => {
          it('compiles with no errors or warnings', () => {
            expect(buildScenario(e.scenario.scenario).diagnostics).toEqual([]);
          });

          it(`runs to its end, and one of ${card.calls.join('/')} fails with ${e.errno}`, () => {
            const r = run(e);
            expect(r.ending.kind).toBe('finished');
            const failed = r.steps.filter((s) => s.result?.errno === e.errno);
            expect(failed.map((s) => s.call?.name).filter((n) => n && card.calls.includes(n))).not.toEqual(
              [],
            );
          });

          it('matches its exported fixture, and Linux printed the error (scripts/export-card-scenarios.ts)', () => {
            const dir = new URL(`${e.scenario.id}/`, FIXTURES);
            const json = JSON.parse(readFileSync(new URL('scenario.json', dir), 'utf8'));
            expect(json).toEqual(e.scenario.scenario);
            for (const [name, text] of Object.entries(e.scenario.scenario.files))
              expect(readFileSync(new URL(name, dir), 'utf8'), name).toBe(text);
            const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
              processes: { stdout: string; stderr: string }[];
            };
            const printed = expected.processes.map((p) => p.stdout + p.stderr).join('');
            if (!isErrno(e.errno)) throw new Error(`${e.errno} is not an errno`);
            expect(printed).toContain(errnoMessage(e.errno));
          });
        });
      }
    });
  }
});
