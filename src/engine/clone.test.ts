/** The hand-written kernel copy: equal to the original, sharing nothing that can change. */
import { describe, expect, it } from 'vitest';
import { sockaddrPath } from './address';
import { copyKernel } from './clone';
import { AF_UNIX, SOCK_DGRAM, SOCK_STREAM } from './constants';
import { syscall } from './dispatch';
import { createKernel, spawnProcess } from './kernel';
import type { Syscall } from './syscalls';

function busyKernel() {
  const k = createKernel();
  const a = spawnProcess(k, { name: 'a' });
  const b = spawnProcess(k, { name: 'b' });
  const run = (pid: number, c: Syscall) => syscall(k, pid, c);
  const path = sockaddrPath('/tmp/c.sock');
  run(a.pid, { name: 'socket', domain: AF_UNIX, type: SOCK_STREAM, protocol: 0 });
  run(a.pid, { name: 'bind', fd: 3, ...path });
  run(a.pid, { name: 'listen', fd: 3, backlog: 2 });
  run(b.pid, { name: 'socket', domain: AF_UNIX, type: SOCK_STREAM, protocol: 0 });
  run(b.pid, { name: 'connect', fd: 3, ...path });
  run(b.pid, { name: 'write', fd: 3, data: new TextEncoder().encode('queued before accept') });
  run(b.pid, { name: 'socketpair', domain: AF_UNIX, type: SOCK_DGRAM, protocol: 0 });
  run(b.pid, {
    name: 'sendmsg',
    fd: 4,
    data: new Uint8Array([1]),
    flags: 0,
    addr: null,
    addrlen: 0,
    rights: [3],
    creds: null,
  });
  run(a.pid, { name: 'accept', fd: 3, addrlen: null });
  run(a.pid, { name: 'read', fd: 4, len: 100 });
  run(a.pid, { name: 'read', fd: 4, len: 100 });
  return { k, a, b };
}

describe('copyKernel', () => {
  it('makes a copy equal to what structuredClone makes', () => {
    const { k } = busyKernel();
    expect(copyKernel(k)).toEqual({ ...structuredClone(k), events: [] });
  });

  it('keeps shared objects shared: two fds of one open file point to one copied file', () => {
    const { k, b } = busyKernel();
    syscall(k, b.pid, { name: 'dup', fd: 3 });
    const c = copyKernel(k);
    const fds = c.procs.get(b.pid)?.files.fds ?? [];
    expect(fds[6]?.file).toBe(fds[3]?.file);
    expect(fds[3]?.file).not.toBe(k.procs.get(b.pid)?.files.fds[3]?.file);
  });

  it('leaves the original untouched when the copy runs on', () => {
    const { k, a, b } = busyKernel();
    const before = structuredClone(k);
    const c = copyKernel(k);
    syscall(c, b.pid, { name: 'write', fd: 3, data: new Uint8Array(10) });
    syscall(c, a.pid, { name: 'close', fd: 4 });
    syscall(c, b.pid, { name: 'exit', status: 0 });
    expect(k).toEqual(before);
  });
});
