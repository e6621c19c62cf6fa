/**
 * The timeline: any earlier state comes back exactly, cheaply, and a different choice at an
 * earlier step starts a branch that shares the prefix.
 */
import { describe, expect, it } from 'vitest';
import { sockaddrPath } from './address';
import { AF_UNIX, SOCK_STREAM } from './constants';
import { createKernel, spawnProcess } from './kernel';
import { createMachine, type Machine } from './machine';
import type { Program, ProgramAction } from './program';
import type { Syscall, SysResult } from './syscalls';
import { Timeline } from './timeline';

/** A program that makes a fixed list of calls (fds are known in advance in these tests). */
class ListProgram implements Program {
  constructor(
    private readonly calls: Syscall[],
    private at = 0,
  ) {}
  next(_last: SysResult | undefined): ProgramAction {
    const c = this.calls[this.at++];
    return c ? { kind: 'syscall', call: c } : { kind: 'exit', status: 0 };
  }
  clone() {
    return new ListProgram(this.calls, this.at);
  }
  forkChild() {
    return this.clone();
  }
  location() {
    return { file: 'list', line: this.at };
  }
}

const addr = sockaddrPath('/tmp/t.sock');
const data = (s: string) => new TextEncoder().encode(s);

/** A server that accepts and reads twice, and a client that connects and writes three times. */
function world(): Machine {
  const k = createKernel();
  const server = spawnProcess(k, { name: 'server' });
  const client = spawnProcess(k, { name: 'client' });
  const programs = new Map<number, Program>([
    [
      server.pid,
      new ListProgram([
        { name: 'socket', domain: AF_UNIX, type: SOCK_STREAM, protocol: 0 },
        { name: 'bind', fd: 3, ...addr },
        { name: 'listen', fd: 3, backlog: 1 },
        { name: 'accept', fd: 3, addrlen: null },
        { name: 'read', fd: 4, len: 3 },
        { name: 'read', fd: 4, len: 100 },
      ]),
    ],
    [
      client.pid,
      new ListProgram([
        { name: 'socket', domain: AF_UNIX, type: SOCK_STREAM, protocol: 0 },
        { name: 'connect', fd: 3, ...addr },
        { name: 'write', fd: 3, data: data('one') },
        { name: 'write', fd: 3, data: data('two') },
        { name: 'write', fd: 3, data: data('three') },
      ]),
    ],
  ]);
  return createMachine(k, programs);
}

/** What a state looks like, compactly: fds, socket states and queue contents. */
function fingerprint(m: Machine): string {
  const k = m.kernel;
  const procs = [...k.procs.values()].map(
    (p) => `${p.pid}:${p.state}:${p.files.fds.map((e) => (e ? e.file.id : '-')).join(',')}`,
  );
  const socks = [...k.socks.values()].map(
    (s) => `${s.id}:${s.state}:${s.receiveQueue.map((b) => b.data.length - b.consumed).join('+')}`,
  );
  return `${procs.join(' ')} | ${socks.join(' ')} | ${k.events.length}`;
}

describe('Timeline', () => {
  it('rebuilds every earlier state exactly as it was when first reached', () => {
    const direct: string[] = [];
    const m = world();
    const t = new Timeline(world(), 4);
    direct.push(fingerprint(m));
    for (;;) {
      const s = t.extend();
      if (!('index' in s)) break;
    }
    // Run the same machine step by step, keeping each state's fingerprint.
    const t2 = new Timeline(m, 1000);
    for (;;) {
      const s = t2.extend();
      if (!('index' in s)) break;
      direct.push(fingerprint(t2.stateAt(t2.length).machine));
    }
    expect(t.length).toBe(direct.length - 1);
    for (const i of [7, 0, 3, t.length, 1, 5, 2, t.length - 1]) {
      expect(fingerprint(t.stateAt(i).machine), `state at step ${i}`).toBe(direct[i]);
    }
  });

  it('returns the step record of the state it rebuilds', () => {
    const t = new Timeline(world(), 4);
    t.extendToEnd();
    for (let i = 1; i <= t.length; i++) {
      const { step } = t.stateAt(i);
      expect(step?.index).toBe(i);
      expect(step?.call?.name ?? step?.kind).toBe(t.summary(i).name === 'exit' ? 'exit' : t.summary(i).name);
    }
  });

  it('summarises every step compactly', () => {
    const t = new Timeline(world());
    t.extendToEnd();
    const names = Array.from({ length: t.length }, (_, i) => t.summary(i + 1).name);
    expect(names.slice(0, 4)).toEqual(['socket', 'bind', 'listen', 'accept']);
    expect(t.summary(4).outcome).toBe('blocked');
    expect(t.ending?.kind).toBe('finished');
  });

  it('branches at an earlier step with another process chosen, keeping the prefix', () => {
    const t = new Timeline(world(), 4);
    t.extendToEnd();
    // At step 6 the scheduler let the client keep running; pick the woken server instead.
    const b = t.branchAt(6);
    const serverPid = 100;
    const next = b.extend(serverPid);
    expect('index' in next && next.pid).toBe(serverPid);
    for (let i = 1; i <= 6; i++) expect(b.summary(i)).toEqual(t.summary(i));
    b.extendToEnd();
    // The original ran the client at step 7; the branch ran the server's accept there.
    expect(t.summary(7).pid).not.toBe(serverPid);
    expect(b.summary(7)).toMatchObject({ pid: serverPid, name: 'accept', ret: 4 });
    expect(b.ending?.kind).toBe('finished');
    expect(t.length).toBeGreaterThan(6);
  });

  it('refuses a step outside the timeline', () => {
    const t = new Timeline(world());
    t.extendToEnd();
    expect(() => t.stateAt(-1)).toThrow(RangeError);
    expect(() => t.stateAt(t.length + 1)).toThrow(RangeError);
  });
});
