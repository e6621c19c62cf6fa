import { describe, expect, it } from 'vitest';
import {
  F_DUPFD,
  F_DUPFD_CLOEXEC,
  F_GETFD,
  F_GETFL,
  F_SETFD,
  F_SETFL,
  FD_CLOEXEC,
  FIONBIO,
  O_CLOEXEC,
  O_NONBLOCK,
  O_RDWR,
} from './constants';
import { do_execve } from './exit';
import { connection, eventsOf, sys, world } from './testing/world';

describe('fcntl()', () => {
  it('makes a socket nonblocking with F_SETFL O_NONBLOCK: an empty read gives EAGAIN instead of sleeping', () => {
    const w = world();
    const { server, sfd } = connection(w);
    expect(w.ok(server, sys.fcntl(sfd, F_GETFL)).ret).toBe(O_RDWR);
    w.ok(server, sys.fcntl(sfd, F_SETFL, O_NONBLOCK));
    expect(w.ok(server, sys.fcntl(sfd, F_GETFL)).ret).toBe(O_RDWR | O_NONBLOCK);
    expect(w.call(server, sys.read(sfd, 10))).toMatchObject({ kind: 'done', errno: 'EAGAIN' });
  });

  it('turns O_NONBLOCK off again, so the read sleeps', () => {
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.fcntl(sfd, F_SETFL, O_NONBLOCK));
    w.ok(server, sys.fcntl(sfd, F_SETFL, 0));
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
  });

  it('sets O_NONBLOCK through ioctl(FIONBIO) as well', () => {
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.ioctl(sfd, FIONBIO, 1));
    expect(w.ok(server, sys.fcntl(sfd, F_GETFL)).ret & O_NONBLOCK).toBe(O_NONBLOCK);
  });

  it('keeps FD_CLOEXEC per descriptor: F_SETFD, and execve closes only marked fds', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    w.ok(p, sys.fcntl(a, F_SETFD, FD_CLOEXEC));
    expect(w.ok(p, sys.fcntl(a, F_GETFD)).ret).toBe(FD_CLOEXEC);
    expect(w.ok(p, sys.fcntl(b, F_GETFD)).ret).toBe(0);
    do_execve(w.k, w.process(p), 'new program');
    expect(w.call(p, sys.fcntl(a, F_GETFD)).errno).toBe('EBADF');
    expect(w.call(p, sys.fcntl(b, F_GETFD))).toMatchObject({ ret: 0 });
  });

  it('duplicates at the lowest fd at or above the argument with F_DUPFD', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.fcntl(fd, F_DUPFD, 10))).toMatchObject({ ret: 10 });
    expect(w.call(p, sys.fcntl(fd, F_DUPFD_CLOEXEC, 10))).toMatchObject({ ret: 11 });
    expect(w.ok(p, sys.fcntl(11, F_GETFD)).ret).toBe(FD_CLOEXEC);
  });

  it('gives EBADF for a closed fd and EINVAL for an unknown command', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, sys.fcntl(9, F_GETFL)).errno).toBe('EBADF');
    expect(w.call(p, sys.fcntl(0, 9999)).errno).toBe('EINVAL');
  });
});

describe('dup(), dup2() and dup3()', () => {
  it('returns the lowest free fd, sharing the open file and its O_NONBLOCK', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    const r = w.call(p, sys.dup(fd));
    expect(r).toMatchObject({ ret: 4 });
    expect(eventsOf(r, 'fd.installed')).toEqual([
      { type: 'fd.installed', pid: p, fd: 4, file: w.fileOf(p, fd).id },
    ]);
    w.ok(p, sys.fcntl(4, F_SETFL, O_NONBLOCK));
    expect(w.ok(p, sys.fcntl(fd, F_GETFL)).ret & O_NONBLOCK).toBe(O_NONBLOCK);
  });

  it('keeps a socket open until the last duplicate is closed', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    const copy = w.ok(server, sys.dup(sfd)).ret;
    w.ok(server, sys.close(sfd));
    w.ok(client, sys.write(cfd, 'still here'));
    expect(w.call(server, sys.read(copy, 100)).text).toBe('still here');
    const last = w.call(server, sys.close(copy));
    expect(eventsOf(last, 'sock.released')).toHaveLength(1);
    expect(w.call(client, sys.read(cfd, 100)).ret).toBe(0);
  });

  it('closes the target silently in dup2, releasing what it held', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    const other = w.sock(p, 'stream');
    const r = w.call(p, sys.dup2(a, b));
    expect(r).toMatchObject({ ret: b });
    expect(eventsOf(r, 'sock.released')).toHaveLength(1);
    expect(w.sockOf(p, b)).toBe(w.sockOf(p, a));
    expect(w.call(p, sys.dup2(other, other))).toMatchObject({ ret: other });
  });

  it('gives EINVAL in dup3 for the same fd or unknown flags, and sets O_CLOEXEC when asked', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.dup3(fd, fd, 0)).errno).toBe('EINVAL');
    expect(w.call(p, sys.dup3(fd, 7, 1)).errno).toBe('EINVAL');
    w.ok(p, sys.dup3(fd, 7, O_CLOEXEC));
    expect(w.ok(p, sys.fcntl(7, F_GETFD)).ret).toBe(FD_CLOEXEC);
  });
});
