/**
 * The scenario library as C programs: each compiles cleanly, matches its exported fixture (which
 * the corpus test compares with Linux), runs to its end with the invariants holding, and shows
 * the moment it is named for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  type Ending,
  type ExitStatus,
  fromUtf8,
  MSG_NOSIGNAL,
  MSG_PEEK,
  SHUT_WR,
  SIGPIPE,
  type StepRecord,
  step,
  WNOHANG,
} from '../../../engine';
import { buildScenario } from '../../c/scenario';
import { C_SCENARIOS, type CLibraryScenario } from './index';

const FIXTURES = new URL('../../../../fixtures/c/', import.meta.url);

interface Run {
  steps: StepRecord[];
  ending: Ending;
  /** Every process's name by pid, children included (kept after they are reaped). */
  names: Map<number, string>;
  /** How each process ended: its exit status or killing signal, if it did. */
  exits: Map<number, ExitStatus | null>;
}

function run(s: CLibraryScenario): Run {
  const built = buildScenario(s.scenario);
  const m = built.machine;
  if (!m) throw new Error(`${s.id} does not build`);
  const steps: StepRecord[] = [];
  const names = new Map<number, string>();
  const exits = new Map<number, ExitStatus | null>();
  for (let i = 0; i < 20_000; i++) {
    const r = step(m);
    for (const p of m.kernel.procs.values()) {
      names.set(p.pid, p.name);
      exits.set(p.pid, p.exit);
    }
    if (!('index' in r)) return { steps, ending: r, names, exits };
    expect(checkInvariants(m.kernel), `${s.id} after step ${r.index} (${r.call?.name})`).toEqual([]);
    steps.push(r);
  }
  return { steps, ending: { kind: 'limit', steps: 20_000 }, names, exits };
}

const scenario = (id: string) => C_SCENARIOS.find((s) => s.id === id) as CLibraryScenario;
const runs = new Map<string, Run>();
const runOf = (id: string): Run => {
  let r = runs.get(id);
  if (!r) {
    r = run(scenario(id));
    runs.set(id, r);
  }
  return r;
};

/** The steps of one system call made by the processes of this name. */
const calls = (r: Run, name: string, call: string) =>
  r.steps.filter((s) => s.call?.name === call && r.names.get(s.pid) === name);
/** What a finished call returned: its value, or its errno. */
const outcome = (s: StepRecord) => (s.result?.errno ? s.result.errno : s.result?.ret);
const data = (s: StepRecord | undefined) => (s?.result?.data ? fromUtf8(s.result.data) : undefined);
const done = (steps: StepRecord[]) => steps.filter((s) => s.result !== null);
const events = (r: Run, type: string) => r.steps.flatMap((s) => s.events.filter((e) => e.type === type));

describe('the C scenario library', () => {
  it('keeps the ids links and lessons use, in course order', () => {
    expect(C_SCENARIOS.map((s) => s.id)).toEqual([
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

  for (const s of C_SCENARIOS) {
    describe(s.id, () => {
      it('compiles with no errors or warnings', () => {
        expect(buildScenario(s.scenario).diagnostics).toEqual([]);
      });

      it('matches its exported fixture (npx tsx scripts/export-library-scenarios.ts)', () => {
        const dir = new URL(`library-${s.id}/`, FIXTURES);
        const json = JSON.parse(readFileSync(new URL('scenario.json', dir), 'utf8'));
        expect(json).toEqual(s.scenario);
        for (const [name, text] of Object.entries(s.scenario.files))
          expect(readFileSync(new URL(name, dir), 'utf8'), name).toBe(text);
      });

      it('runs to its end with every invariant holding', () => {
        const r = runOf(s.id);
        expect(r.ending.kind).not.toBe('limit');
        if (s.id === 'forking-server') {
          // A server never stops: it is left waiting for a third client.
          expect(r.ending).toMatchObject({
            kind: 'deadlock',
            sleeping: [{ name: 'server', call: 'accept' }],
          });
        } else {
          expect(r.ending.kind).toBe('finished');
        }
      });
    });
  }

  it('stream-echo: the server echoes the word and then reads 0 when the client closes', () => {
    const r = runOf('stream-echo');
    const reads = done(calls(r, 'server', 'read'));
    expect(reads.map(outcome)).toEqual([5, 0]);
    expect(data(reads[0])).toBe('hello');
    expect(data(done(calls(r, 'client', 'read'))[0])).toBe('hello');
  });

  it('forking-server: accept and fork per client, and a SIGCHLD handler reaps with WNOHANG', () => {
    const r = runOf('forking-server');
    expect(done(calls(r, 'server', 'accept')).filter((s) => s.result?.ret === 4)).toHaveLength(2);
    expect(done(calls(r, 'server', 'fork'))).toHaveLength(2);
    // Each child closes the listening socket, the parent each connection.
    const closed = (name: string) =>
      calls(r, name, 'close').map((s) => (s.call?.name === 'close' ? s.call.fd : -1));
    expect(closed('server child').filter((fd) => fd === 3)).toHaveLength(2);
    expect(closed('server')).toEqual([4, 4]);
    const signals = events(r, 'signal.delivered');
    expect(signals).toEqual([
      expect.objectContaining({ signal: 'SIGCHLD', action: 'handler' }),
      expect.objectContaining({ signal: 'SIGCHLD', action: 'handler' }),
    ]);
    const waits = done(calls(r, 'server', 'waitpid'));
    expect(
      waits.every((s) => s.call?.name === 'waitpid' && s.call.pid === -1 && s.call.options === WNOHANG),
    ).toBe(true);
    expect(waits.filter((s) => s.result!.ret > 0)).toHaveLength(2);
    expect(events(r, 'proc.reaped')).toHaveLength(2);
    expect(done(calls(r, 'client A', 'read')).map(data)).toEqual(['from A']);
    expect(done(calls(r, 'client B', 'read')).map(data)).toEqual(['from B']);
  });

  it('backlog-full: with listen(s, 1) two connects get in, and the third sleeps until an accept', () => {
    const r = runOf('backlog-full');
    expect(calls(r, 'server', 'listen')[0].call).toMatchObject({ backlog: 1 });
    const connects = calls(r, 'server child', 'connect');
    expect(connects.map((s) => s.outcome)).toEqual(['done', 'done', 'blocked', 'done']);
    const blocked = connects[2];
    const firstAccept = done(calls(r, 'server', 'accept'))[0];
    const resumed = connects[3];
    expect(resumed).toMatchObject({ pid: blocked.pid, resumed: true, result: { ret: 0 } });
    expect(blocked.index).toBeLessThan(firstAccept.index);
    expect(firstAccept.index).toBeLessThan(resumed.index);
    expect(firstAccept.events.map((e) => e.type)).toContain('proc.woken');
  });

  it('peek: recv(MSG_PEEK) copies 5 bytes and leaves them; the read after it gets them all', () => {
    const r = runOf('peek');
    const peeked = done(calls(r, 'server', 'recv'))[0];
    expect(peeked.call).toMatchObject({ flags: MSG_PEEK, len: 5 });
    expect(data(peeked)).toBe('hello');
    expect(peeked.events.map((e) => e.type)).toEqual(['skb.peeked']);
    const read = done(calls(r, 'server', 'read'))[0];
    expect(data(read)).toBe('hello world');
    expect(read.index).toBeGreaterThan(peeked.index);
  });

  it('half-close: after shutdown(SHUT_WR) the server reads 0 and still sends its reply', () => {
    const r = runOf('half-close');
    const shut = calls(r, 'client', 'shutdown')[0];
    expect(shut.call).toMatchObject({ how: SHUT_WR });
    expect(shut.result?.ret).toBe(0);
    const reads = done(calls(r, 'server', 'read'));
    expect(reads.map(outcome)).toEqual([7, 0]);
    const reply = done(calls(r, 'server', 'write')).find((s) => s.call?.name === 'write' && s.call.fd === 4);
    expect(reply?.result?.ret).toBe(5);
    expect(reply!.index).toBeGreaterThan(reads[1].index);
    expect(done(calls(r, 'client', 'read')).map(data)).toEqual(['reply', '']);
  });

  it('broken-pipe: the client reads 0, gets EPIPE, and is killed by SIGPIPE', () => {
    const r = runOf('broken-pipe');
    expect(done(calls(r, 'client', 'read')).map(outcome)).toEqual([0]);
    const send = done(calls(r, 'client', 'send'))[0];
    expect(send.call).toMatchObject({ flags: MSG_NOSIGNAL });
    expect(outcome(send)).toBe('EPIPE');
    const last = r.steps.at(-1)!;
    expect(last).toMatchObject({
      outcome: 'killed',
      call: { name: 'write', fd: 3 },
      result: { errno: 'EPIPE' },
    });
    expect(last.events).toContainEqual(
      expect.objectContaining({ type: 'signal.delivered', signal: 'SIGPIPE', action: 'terminate' }),
    );
    const client = [...r.names].find(([, n]) => n === 'client')![0];
    expect(r.exits.get(client)).toMatchObject({ signal: SIGPIPE });
  });

  it('unread-close: closing with unread data resets the connection: ECONNRESET, then 0', () => {
    const r = runOf('unread-close');
    expect(done(calls(r, 'server', 'read')).map(outcome)).toEqual([1]);
    const close = done(calls(r, 'server', 'close'))[0];
    expect(close.events).toContainEqual(
      expect.objectContaining({ type: 'sock.errorSet', errno: 'ECONNRESET' }),
    );
    expect(done(calls(r, 'client', 'read')).map(outcome)).toEqual(['ECONNRESET', 0]);
  });

  it('datagram: one stream read merges three writes; datagram reads keep them apart and truncate', () => {
    const r = runOf('datagram');
    const reads = done(calls(r, 'reader', 'read'));
    expect(reads.map(data)).toEqual(['onetwothree', 'one', 'two', 'thre']);
    expect(reads[3].events.map((e) => e.type)).toContain('skb.truncated');
  });

  it('socketpair-fork: a socketpair shared by fork carries a message each way', () => {
    const r = runOf('socketpair-fork');
    expect(done(calls(r, 'parent', 'socketpair'))[0].result?.fds).toEqual([3, 4]);
    expect(done(calls(r, 'parent', 'fork'))).toHaveLength(1);
    expect(done(calls(r, 'parent', 'read')).map(data)).toEqual(['hi parent']);
    expect(done(calls(r, 'parent child', 'read')).map(data)).toEqual(['hi child']);
  });

  it('connect-errors: ENOENT, ECONNREFUSED and EPROTOTYPE, in that order', () => {
    const r = runOf('connect-errors');
    expect(done(calls(r, 'client', 'connect')).map(outcome)).toEqual([
      'ENOENT',
      'ECONNREFUSED',
      'EPROTOTYPE',
    ]);
  });

  it('bind-twice: the second bind fails with EADDRINUSE until unlink() removes the file', () => {
    const r = runOf('bind-twice');
    const binds = done(calls(r, 'server', 'bind'));
    expect(binds.map(outcome)).toEqual([0, 'EADDRINUSE', 0]);
    const unlink = done(calls(r, 'server', 'unlink'))[0];
    expect(unlink.index).toBeGreaterThan(binds[1].index);
    expect(unlink.index).toBeLessThan(binds[2].index);
  });

  it('fd-passing: SCM_RIGHTS gives the child a new fd for data[1], and it writes through it', () => {
    const r = runOf('fd-passing');
    const sent = done(calls(r, 'parent', 'sendmsg'))[0];
    expect(sent.call).toMatchObject({ rights: [6] });
    expect(sent.events).toContainEqual(expect.objectContaining({ type: 'skb.queued', fds: 1 }));
    const received = done(calls(r, 'parent child', 'recvmsg'))[0];
    expect(received.result?.cmsgs).toEqual([{ type: 'SCM_RIGHTS', fds: [3] }]);
    const write = done(calls(r, 'parent child', 'write')).find(
      (s) => s.call?.name === 'write' && s.call.fd === 3,
    );
    expect(write?.result?.ret).toBe(25);
    expect(done(calls(r, 'parent', 'read')).map(data)).toEqual(['hello through a passed fd']);
  });
});
