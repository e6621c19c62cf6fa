/** Building questions: seeded shuffles, outcome labels, and the two question shapes. */
import type { SysResult } from '../../engine';
import type { Question } from './types';

/** A small hash of a string, so each question shuffles differently for the same seed. */
function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32: a tiny deterministic generator (the inner layers never draw on a global random source). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The items in an order fixed by the seed and the salt (a Fisher-Yates shuffle). */
export function shuffleBySeed<T>(items: readonly T[], seed: number, salt: string): T[] {
  const out = [...items];
  const next = generator(hashText(salt) ^ Math.imul(seed + 1, 0x9e3779b1));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What a call returned, as a choice shows it: "5", "0", "-1 EADDRINUSE". */
export function outcomeText(r: SysResult): string {
  return r.errno ? `-1 ${r.errno}` : String(r.ret);
}

/**
 * A multiple-choice question: the right choice plus distractors (those equal to it or to each
 * other are dropped), shuffled by the seed, with the answer's index after the shuffle.
 */
export function choiceQuestion(q: {
  prompt: string;
  right: string;
  wrong: readonly string[];
  seed: number;
  /** Makes the shuffle differ between questions (the lesson and question id). */
  salt: string;
  explain: string;
  /** How many choices at most (the right one is always kept). */
  max?: number;
}): Question {
  const distractors = [...new Set(q.wrong.filter((w) => w !== q.right))];
  const kept = shuffleBySeed(distractors, q.seed, `${q.salt}/pick`).slice(0, (q.max ?? 4) - 1);
  const choices = shuffleBySeed([q.right, ...kept], q.seed, q.salt);
  return { kind: 'choice', prompt: q.prompt, choices, answer: choices.indexOf(q.right), explain: q.explain };
}

/** A numeric question. */
export function numberQuestion(prompt: string, answer: number, explain: string): Question {
  return { kind: 'number', prompt, answer, explain };
}

/** "1 byte", "5 bytes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The text with its first letter in capitals, for a name that starts a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
