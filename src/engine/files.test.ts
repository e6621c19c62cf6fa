import { describe, expect, it } from 'vitest';
import { fromUtf8 } from './bytes';
import {
  O_APPEND,
  O_CREAT,
  O_EXCL,
  O_NONBLOCK,
  O_RDONLY,
  O_RDWR,
  O_WRONLY,
  SEEK_CUR,
  SEEK_END,
  SEEK_SET,
} from './constants';
import { SIGPIPE } from './signals';
import { sys, world } from './testing/world';

describe('regular files', () => {
  it('reads back what was written, from the shared offset of the open file', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.ok(p, sys.open('/tmp/f', O_CREAT | O_RDWR)).ret;
    expect(fd).toBe(3);
    w.ok(p, sys.write(fd, 'hello world'));
    expect(w.call(p, sys.lseek(fd, 6, SEEK_SET))).toMatchObject({ ret: 6 });
    const copy = w.ok(p, sys.dup(fd)).ret;
    expect(w.call(p, sys.read(copy, 3)).text).toBe('wor');
    expect(w.call(p, sys.lseek(fd, 0, SEEK_CUR))).toMatchObject({ ret: 9 });
    expect(w.call(p, sys.lseek(fd, 0, SEEK_END))).toMatchObject({ ret: 11 });
  });

  it('appends with O_APPEND whatever the offset', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.ok(p, sys.open('/tmp/log', O_CREAT | O_WRONLY)).ret;
    w.ok(p, sys.write(fd, 'one'));
    const app = w.ok(p, sys.open('/tmp/log', O_WRONLY | O_APPEND)).ret;
    w.ok(p, sys.lseek(app, 0, SEEK_SET));
    w.ok(p, sys.write(app, 'two'));
    const rd = w.ok(p, sys.open('/tmp/log', O_RDONLY)).ret;
    expect(w.call(p, sys.read(rd, 100)).text).toBe('onetwo');
  });

  it('gives EEXIST for O_CREAT|O_EXCL on an existing file and ENOENT without O_CREAT', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/f', O_CREAT | O_WRONLY));
    expect(w.call(p, sys.open('/tmp/f', O_CREAT | O_EXCL | O_WRONLY)).errno).toBe('EEXIST');
    expect(w.call(p, sys.open('/tmp/none', O_RDONLY)).errno).toBe('ENOENT');
  });

  it('gives EBADF for a write to a read-only fd', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/f', O_CREAT | O_WRONLY));
    const rd = w.ok(p, sys.open('/tmp/f', O_RDONLY)).ret;
    expect(w.call(p, sys.write(rd, 'x')).errno).toBe('EBADF');
  });
});

describe('sockets as files', () => {
  it('gives ESPIPE for lseek on a socket', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, sys.lseek(w.sock(p, 'stream'), 0, SEEK_SET)).errno).toBe('ESPIPE');
  });

  it('gives ENOTSOCK for socket calls on a regular file', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.ok(p, sys.open('/tmp/f', O_CREAT | O_RDWR)).ret;
    expect(w.call(p, sys.shutdown(fd, 2)).errno).toBe('ENOTSOCK');
    expect(w.call(p, sys.getsockname(fd)).errno).toBe('ENOTSOCK');
  });
});

describe('pipes and the terminal', () => {
  it('returns two fds that carry bytes, and EOF once the write end closes', () => {
    const w = world();
    const p = w.proc('app');
    const [r, wr] = w.ok(p, sys.pipe()).fds ?? [];
    expect([r, wr]).toEqual([3, 4]);
    w.ok(p, sys.write(wr, 'piped'));
    w.ok(p, sys.close(wr));
    expect(w.call(p, sys.read(r, 100)).text).toBe('piped');
    expect(w.call(p, sys.read(r, 100))).toMatchObject({ ret: 0 });
  });

  it('gives EAGAIN on an empty nonblocking pipe', () => {
    const w = world();
    const p = w.proc('app');
    const [r] = w.ok(p, sys.pipe(O_NONBLOCK)).fds ?? [];
    expect(w.call(p, sys.read(r, 10)).errno).toBe('EAGAIN');
  });

  it('kills a writer with SIGPIPE when no reader is left', () => {
    const w = world();
    const p = w.proc('app');
    const [r, wr] = w.ok(p, sys.pipe()).fds ?? [];
    w.ok(p, sys.close(r));
    expect(w.call(p, sys.write(wr, 'x'))).toMatchObject({ kind: 'killed', errno: 'EPIPE', signal: SIGPIPE });
  });

  it('collects what a process writes to stdout on its terminal', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.write(1, 'hello\n'));
    const out = w.fileOf(p, 1).terminal?.output ?? [];
    expect(out.map((o) => [o.fd, o.pid, fromUtf8(o.text)])).toEqual([[1, p, 'hello\n']]);
  });

  it('reads stdin until it ends, then 0', () => {
    const w = world();
    const p = w.proc('app', { stdin: new TextEncoder().encode('input') });
    expect(w.call(p, sys.read(0, 100)).text).toBe('input');
    expect(w.call(p, sys.read(0, 100))).toMatchObject({ ret: 0 });
  });
});
