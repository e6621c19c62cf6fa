/**
 * The lessons: every seed's scenario compiles cleanly and runs to its end with the invariants
 * holding, every question finds its step and is well formed, and every answer key agrees with
 * facts this test reads from the engine by itself (not through the lessons' helpers).
 */
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  fromUtf8,
  type Kernel,
  lookupPath,
  type OpenFile,
  SIGPIPE,
  type StepRecord,
  type SysResult,
  type UnixSock,
} from '../../engine';
import { buildScenario } from '../c/scenario';
import { type FinishedLessonRun, findLesson, LESSONS, runLesson } from './index';
import type { Lesson, Question } from './types';

const SEEDS = 50;

/** What a call returned, as this test spells it. */
const said = (r: SysResult | null | undefined) => (r?.errno ? `-1 ${r.errno}` : String(r?.ret));
const picked = (q: Question) => (q.kind === 'choice' ? q.choices[q.answer] : q.answer);

/** The step where the call first made at `at` returned (it may have slept first). */
function returned(run: FinishedLessonRun, at: number): StepRecord {
  const first = run.steps[at - 1];
  if (first.result) return first;
  return run.steps.find((s) => s.index > at && s.pid === first.pid && s.result !== null)!;
}

const fdOf = (s: StepRecord) => (s.call && 'fd' in s.call ? s.call.fd : -1);
const sockAt = (k: Kernel, pid: number, fd: number): UnixSock | null =>
  k.procs.get(pid)?.files.fds[fd]?.file.sock ?? null;
const listeners = (k: Kernel) => [...k.socks.values()].filter((s) => s.state === 'TCP_LISTEN' && !s.dead);
const embryos = (s: UnixSock) => s.receiveQueue.filter((skb) => skb.embryo).length;
/** Descriptors of live processes that point at a file. */
const fdCount = (k: Kernel, f: OpenFile) =>
  [...k.procs.values()]
    .filter((p) => p.state !== 'zombie' && p.state !== 'dead')
    .reduce((n, p) => n + p.files.fds.filter((e) => e?.file === f).length, 0);
const lowestFreeFd = (k: Kernel, pid: number) => {
  const fds = k.procs.get(pid)!.files.fds;
  for (let fd = 0; ; fd++) if (!fds[fd]) return fd;
};

type Check = (run: FinishedLessonRun, at: number, q: Question) => void;

/** Each question's key, derived again here from the step and the kernel. */
const CHECKS: Record<string, Check> = {
  'naming/second-fd': (run, at, q) => {
    const s = run.steps[at - 1];
    expect(q.answer).toBe(s.result?.ret);
    expect(q.answer).toBe(lowestFreeFd(run.kernelAt(at - 1), s.pid));
  },
  'naming/rebind': (run, at, q) => {
    const r = run.steps[at - 1].result;
    expect(picked(q)).toBe(said(r));
    const existed = typeof lookupPath(run.kernelAt(at - 1), null, '/tmp/name.sock') !== 'string';
    expect(r?.errno === 'EADDRINUSE').toBe(existed);
  },
  'naming/after-close': (run, at, q) => {
    const node = lookupPath(run.kernelAt(at), null, '/tmp/name.sock');
    const text = String(picked(q));
    if (typeof node === 'string') expect(text).toMatch(/^nothing/);
    else if (!node.sock || node.sock.dead) expect(text).toMatch(/socket is closed/);
    else expect(text).toMatch(/other socket/);
  },
  'servers/pending': (run, at, q) => {
    const [l] = listeners(run.kernelAt(at));
    expect(q.answer).toBe(embryos(l));
  },
  'servers/last-connect': (run, at, q) => {
    const s = run.steps[at - 1];
    const [l] = listeners(run.kernelAt(at - 1));
    const full = embryos(l) > l.maxAckBacklog;
    expect(s.outcome === 'blocked').toBe(full);
    expect(picked(q)).toMatch(full ? /sleeps/ : /returns 0 at once/);
  },
  'servers/after-accept': (run, at, q) => {
    expect(run.steps[at - 1].result?.ret).toBeGreaterThan(2);
    const [l] = listeners(run.kernelAt(at));
    expect(q.answer).toBe(embryos(l));
  },
  'clients/connect': (run, at, q) => {
    const r = run.steps[at - 1].result;
    expect(picked(q)).toBe(said(r));
    const node = lookupPath(run.kernelAt(at - 1), null, '/tmp/life.sock');
    const expected =
      typeof node === 'string' ? '-1 ENOENT' : node.sock?.state === 'TCP_LISTEN' ? '0' : '-1 ECONNREFUSED';
    expect(said(r)).toBe(expected);
  },
  'data/peek': (run, at, q) => {
    const s = run.steps[at - 1];
    const sock = sockAt(run.kernelAt(at - 1), s.pid, fdOf(s))!;
    const queued = sock.receiveQueue.reduce((n, skb) => n + skb.data.length - skb.consumed, 0);
    expect(q.answer).toBe(s.result?.ret);
    expect(q.answer).toBe(Math.min(queued, s.call?.name === 'recv' ? s.call.len : 0));
  },
  'data/first-read': (run, at, q) => {
    expect(picked(q)).toBe(`"${fromUtf8(run.steps[at - 1].result!.data!)}"`);
  },
  'data/reads-with-data': (run, at, q) => {
    const s = run.steps[at - 1];
    const reads = run.steps.filter(
      (r) => r.pid === s.pid && r.call?.name === 'read' && fdOf(r) === fdOf(s) && r.result !== null,
    );
    expect(reads.at(-1)?.result?.ret).toBe(0);
    expect(q.answer).toBe(reads.filter((r) => r.result!.ret > 0).length);
  },
  'closing/closer-read': (run, at, q) => expect(q.answer).toBe(run.steps[at - 1].result?.ret),
  'closing/talker-read': (run, at, q) => {
    const r = run.steps[at - 1].result!;
    expect(picked(q)).toBe(r.errno ? `-1 ${r.errno}` : '0 (end of file)');
    const sock = sockAt(run.kernelAt(at - 1), run.steps[at - 1].pid, fdOf(run.steps[at - 1]));
    expect(r.errno === 'ECONNRESET').toBe(sock?.err === 'ECONNRESET');
  },
  'closing/sigpipe': (run, at, q) => {
    const s = returned(run, at);
    expect(s.result?.errno).toBe('EPIPE');
    const name = run.names.get(s.pid);
    if (s.outcome === 'killed') {
      expect(picked(q)).toBe(name === 'main' ? 'the parent' : 'the child');
      const end = run.kernelAt(run.steps.length).procs.get(s.pid);
      if (end) expect(end.exit?.signal).toBe(SIGPIPE);
    } else {
      expect(picked(q)).toBe('nobody');
    }
  },
  'shutdown/queued': (run, at, q) => expect(q.answer).toBe(run.steps[at - 1].result?.ret),
  'shutdown/own-recv': (run, at, q) => expect(picked(q)).toBe(said(run.steps[at - 1].result)),
  'shutdown/own-send': (run, at, q) => expect(picked(q)).toBe(said(run.steps[at - 1].result)),
  'shutdown/peer-send': (run, at, q) => expect(picked(q)).toBe(said(run.steps[at - 1].result)),
  'concurrent/after-fork': (run, at, q) => {
    const s = run.steps[at - 1];
    const accepts = run.steps.filter(
      (a) => a.pid === s.pid && a.call?.name === 'accept' && a.result && a.index < at,
    );
    const fd = accepts.at(-1)!.result!.ret;
    const k = run.kernelAt(at);
    const file = k.procs.get(s.pid)!.files.fds[fd]!.file;
    expect(q.answer).toBe(fdCount(k, file));
    expect(q.answer).toBe(2);
  },
  'concurrent/child-closes-listener': (run, at, q) => {
    const [l] = listeners(run.kernelAt(at));
    expect(picked(q)).toMatch(l ? /keeps listening/ : /ECONNREFUSED/);
  },
  'concurrent/echo': (run, at, q) => expect(q.answer).toBe(run.steps[at - 1].result?.ret),
  'concurrent/eof': (run, at, q) => {
    const r = returned(run, at).result!;
    expect(picked(q)).toBe(r.ret === 0 && !r.errno ? '0: end of file' : said(r));
  },
  'datagrams/first': (run, at, q) => expect(q.answer).toBe(run.steps[at - 1].result?.ret),
  'datagrams/lost': (run, at, q) => {
    const s = run.steps[at - 1];
    const head = sockAt(run.kernelAt(at - 1), s.pid, fdOf(s))!.receiveQueue[0];
    expect(q.answer).toBe(head.data.length - s.result!.ret);
  },
  'datagrams/sender': (run, at, q) => {
    const r = run.steps[at - 1].result!;
    if (!r.addrlen) expect(picked(q)).toMatch(/addrlen is 0/);
    else expect(picked(q)).toBe(fromUtf8(r.addr!.subarray(2)).split('\0')[0]);
  },
  'socketpair/pair-fds': (run, at, q) => {
    const s = run.steps[at - 1];
    expect(q.answer).toBe(s.result?.fds?.[1]);
    expect(s.result?.fds?.[0]).toBe(lowestFreeFd(run.kernelAt(at - 1), s.pid));
  },
  'socketpair/in-flight': (run, at, q) => {
    const s = run.steps[at - 1];
    const id = sockAt(run.kernelAt(at - 1), s.pid, fdOf(s))!.id;
    const k = run.kernelAt(at);
    const file = k.socks.get(id)!.file!;
    let carried = 0;
    for (const sock of k.socks.values())
      for (const skb of sock.receiveQueue) carried += skb.fds?.filter((f) => f === file).length ?? 0;
    expect(q.answer).toBe(file.refs);
    expect(q.answer).toBe(fdCount(k, file) + carried);
  },
  'socketpair/received-fd': (run, at, q) => {
    const s = returned(run, at);
    const rights = s.result?.cmsgs?.find((c) => c.type === 'SCM_RIGHTS');
    expect(rights?.type === 'SCM_RIGHTS' ? rights.fds[0] : null).toBe(q.answer);
    expect(q.answer).toBe(lowestFreeFd(run.kernelAt(s.index - 1), s.pid));
  },
  'socketpair/parent-read': (run, at, q) => expect(q.answer).toBe(run.steps[at - 1].result?.ret),
};

/** The check for a question: by its id, or by its family (connect-1 -> connect). */
function checkFor(lesson: Lesson, id: string): Check | undefined {
  return CHECKS[`${lesson.id}/${id}`] ?? CHECKS[`${lesson.id}/${id.replace(/-\d+$/, '')}`];
}

function expectWellFormed(q: Question): void {
  expect(q.prompt.trim()).not.toBe('');
  expect(q.explain.trim()).not.toBe('');
  expect(`${q.prompt} ${q.explain}`).not.toMatch(/undefined|NaN|null|\[object/);
  if (q.kind === 'number') {
    expect(Number.isInteger(q.answer)).toBe(true);
  } else {
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(new Set(q.choices).size).toBe(q.choices.length);
    expect(q.choices.every((c) => c.trim() !== '')).toBe(true);
    expect(q.answer).toBeGreaterThanOrEqual(0);
    expect(q.answer).toBeLessThan(q.choices.length);
  }
}

describe('the lessons', () => {
  it('follow the course in order, with unique ids, and can be found by id', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'naming',
      'servers',
      'clients',
      'data',
      'closing',
      'shutdown',
      'concurrent',
      'datagrams',
      'socketpair',
    ]);
    for (const l of LESSONS) {
      expect(findLesson(l.id)).toBe(l);
      expect(l.questions.length).toBeGreaterThanOrEqual(2);
      expect(l.questions.length).toBeLessThanOrEqual(4);
      expect(new Set(l.questions.map((q) => q.id)).size).toBe(l.questions.length);
      expect(l.narration.length).toBeGreaterThan(0);
    }
    expect(findLesson('nope')).toBeUndefined();
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      it('has an independent check for every question', () => {
        for (const q of lesson.questions) expect(checkFor(lesson, q.id), q.id).toBeDefined();
      });

      it(`compiles, runs to its end and keys every question from the engine, for seeds 0..${SEEDS - 1}`, () => {
        const answers = new Map<string, Set<string>>();
        for (let seed = 0; seed < SEEDS; seed++) {
          const where = `${lesson.id} seed ${seed}`;
          expect(buildScenario(lesson.scenario(seed)).diagnostics, where).toEqual([]);
          const run = runLesson(lesson, seed);
          expect(run.ending, where).toEqual({ kind: 'finished' });
          for (let i = 0; i <= run.steps.length; i++)
            expect(checkInvariants(run.kernelAt(i)), `${where} after step ${i}`).toEqual([]);
          for (const spec of lesson.questions) {
            const at = spec.at(run);
            expect(at, `${where}: ${spec.id} finds its step`).not.toBeNull();
            expect(at!).toBeGreaterThanOrEqual(1);
            expect(at!).toBeLessThanOrEqual(run.steps.length);
            const q = spec.ask(run, at!);
            expectWellFormed(q);
            checkFor(lesson, spec.id)!(run, at!, q);
            const seen = answers.get(spec.id) ?? new Set<string>();
            seen.add(String(picked(q)));
            answers.set(spec.id, seen);
          }
        }
        // A retry is a new question: some answer must change with the seed.
        expect(
          [...answers.values()].some((s) => s.size > 1),
          `${lesson.id}: answers never vary`,
        ).toBe(true);
      });

      it('asks the same questions for the same seed, and shuffles choices by the seed', () => {
        const ask = (seed: number) => {
          const run = runLesson(lesson, seed);
          return lesson.questions.map((spec) => spec.ask(run, spec.at(run)!));
        };
        expect(ask(3)).toEqual(ask(3));
        const orders = new Set<string>();
        for (let seed = 0; seed < 12; seed++)
          for (const q of ask(seed)) if (q.kind === 'choice') orders.add(q.choices.join('|'));
        if (ask(0).some((q) => q.kind === 'choice')) expect(orders.size).toBeGreaterThan(1);
      });
    });
  }
});
