/**
 * The scenario library: every scenario runs to its end with the invariants holding after each
 * step and shows what it is named for. (Golden timelines: src/ui/golden.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants, fromUtf8, type StepRecord, step } from '../../engine';
import { buildMachine, findScenario, SCENARIOS, type Scenario } from './index';

function run(id: string): {
  steps: StepRecord[];
  names: Map<number, string>;
  m: ReturnType<typeof buildMachine>;
} {
  const s = findScenario(id) as Scenario;
  const m = buildMachine(s);
  const steps: StepRecord[] = [];
  for (let i = 0; i < 5000; i++) {
    const r = step(m);
    if (!('index' in r)) break;
    steps.push(r);
  }
  const names = new Map([...m.kernel.procs.values()].map((p) => [p.pid, p.name]));
  return { steps, names, m };
}

const by = (r: ReturnType<typeof run>, name: string, call: string) =>
  r.steps.filter((s) => r.names.get(s.pid) === name && s.call?.name === call);
const text = (s: StepRecord | undefined) => (s?.result?.data ? fromUtf8(s.result.data) : undefined);

describe('the scenario library', () => {
  it('has the twelve scenarios the visualizer names, each with a unique id', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'stream-echo',
      'forking-server',
      'backlog-full',
      'peek',
      'half-close',
      'broken-pipe',
      'unread-close',
      'datagram',
      'socketpair-fork',
      'connect-errors',
      'bind-twice',
      'fd-passing',
    ]);
  });

  for (const s of SCENARIOS) {
    it(`${s.id} runs to the end with every invariant holding after each step`, () => {
      const m = buildMachine(s);
      for (let i = 0; i < 5000; i++) {
        const r = step(m);
        if (!('index' in r)) {
          expect(r.kind).toBe('finished');
          return;
        }
        expect(checkInvariants(m.kernel), `after step ${r.index} (${r.call?.name})`).toEqual([]);
      }
      throw new Error(`${s.id} did not end in 5000 steps`);
    });
  }

  it("stream-echo: the server reads the client's bytes, echoes them, then reads 0 after the client closes", () => {
    const r = run('stream-echo');
    const reads = by(r, 'server', 'read').filter((s) => s.outcome === 'done');
    expect(reads.map((s) => s.result?.ret)).toEqual([5, 0]);
    expect(text(by(r, 'client', 'read').find((s) => s.outcome === 'done'))).toBe('hello');
  });

  it('backlog-full: two connects succeed at once and the third sleeps until the first accept', () => {
    const r = run('backlog-full');
    const third = by(r, 'client 3', 'connect');
    expect(third.map((s) => s.outcome)).toEqual(['blocked', 'done']);
    const firstAccept = by(r, 'server', 'accept')[0];
    expect(firstAccept.events.some((e) => e.type === 'proc.woken')).toBe(true);
    expect(third[1].index).toBeGreaterThan(firstAccept.index);
  });

  it('peek: MSG_PEEK returns "hello" and the read after it returns all of "hello world"', () => {
    const r = run('peek');
    expect(text(by(r, 'server', 'recv')[0])).toBe('hello');
    expect(text(by(r, 'server', 'read').find((s) => s.outcome === 'done'))).toBe('hello world');
  });

  it('half-close: the server reads the request, then 0, and the client still gets the reply', () => {
    const r = run('half-close');
    expect(
      by(r, 'server', 'read')
        .filter((s) => s.outcome === 'done')
        .map((s) => s.result?.ret),
    ).toEqual([7, 0]);
    expect(
      by(r, 'client', 'read')
        .filter((s) => s.outcome === 'done')
        .map(text),
    ).toEqual(['reply', '']);
  });

  it("broken-pipe: the client's write fails with EPIPE and SIGPIPE kills it", () => {
    const r = run('broken-pipe');
    const w = by(r, 'client', 'write')[0];
    expect(w.result?.errno).toBe('EPIPE');
    expect(w.outcome).toBe('killed');
    const client = [...r.m.kernel.procs.values()].find((p) => p.name === 'client');
    expect(client?.exit).toEqual({ signal: 13, core: false });
  });

  it('unread-close: the client reads ECONNRESET once, then 0', () => {
    const r = run('unread-close');
    const reads = by(r, 'client', 'read').filter((s) => s.outcome === 'done');
    expect(reads.map((s) => s.result?.errno ?? s.result?.ret)).toEqual(['ECONNRESET', 0]);
  });

  it('datagram: the stream read merges the writes, datagram reads keep them apart and truncate', () => {
    const r = run('datagram');
    const reads = by(r, 'reader', 'read');
    expect(reads.map(text)).toEqual(['onetwothree', 'one', 'two', 'thre']);
    expect(reads[3].events.some((e) => e.type === 'skb.truncated')).toBe(true);
  });

  it('connect-errors: ENOENT, then ECONNREFUSED, then EPROTOTYPE', () => {
    const r = run('connect-errors');
    expect(by(r, 'client', 'connect').map((s) => s.result?.errno)).toEqual([
      'ENOENT',
      'ECONNREFUSED',
      'EPROTOTYPE',
    ]);
  });

  it('bind-twice: the second bind fails with EADDRINUSE until unlink', () => {
    const r = run('bind-twice');
    expect(by(r, 'server', 'bind').map((s) => s.result?.errno ?? s.result?.ret)).toEqual([
      0,
      'EADDRINUSE',
      0,
    ]);
  });

  it('fd-passing: the child receives a new fd and the parent reads what the child wrote through it', () => {
    const r = run('fd-passing');
    const recv = r.steps.find((s) => s.call?.name === 'recvmsg');
    const rights = recv?.result?.cmsgs?.find((c) => c.type === 'SCM_RIGHTS');
    expect(rights).toEqual({ type: 'SCM_RIGHTS', fds: [3] });
    expect(text(by(r, 'parent', 'read').find((s) => s.outcome === 'done'))).toBe('hello through a passed fd');
  });

  it('forking-server: each child serves one client and the connection ends when its last fd closes', () => {
    const r = run('forking-server');
    expect(
      by(r, 'client A', 'read')
        .filter((s) => s.outcome === 'done')
        .map(text),
    ).toEqual(['from A']);
    expect(
      by(r, 'client B', 'read')
        .filter((s) => s.outcome === 'done')
        .map(text),
    ).toEqual(['from B']);
    expect(r.steps.filter((s) => s.call?.name === 'fork')).toHaveLength(2);
  });

  it('socketpair-fork: parent and child exchange greetings over the two ends', () => {
    const r = run('socketpair-fork');
    expect(text(by(r, 'parent', 'read').find((s) => s.outcome === 'done'))).toBe('hi parent');
    expect(text(by(r, 'parent child', 'read').find((s) => s.outcome === 'done'))).toBe('hi child');
  });
});
