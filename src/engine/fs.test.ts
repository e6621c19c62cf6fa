import { describe, expect, it } from 'vitest';
import { O_CREAT, O_RDWR, O_WRONLY, S_IFIFO } from './constants';
import { absolutePath, listFiles, lookupPath } from './fs';
import { eventsOf, sys, world } from './testing/world';

describe('the filesystem under sockets', () => {
  it('lists a bound socket as a socket node that points to its socket until the socket is released', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bind(fd, '/tmp/srv'));
    const entry = listFiles(w.k).find((f) => f.path === '/tmp/srv');
    expect(entry?.node.kind).toBe('socket');
    expect(entry?.node.sock).toBe(w.sockOf(p, fd));
    w.ok(p, sys.close(fd));
    expect(entry?.node.sock).toBeNull();
  });

  it('reports fstat of a socket fd as a socket with mode 0777, on an inode other than the bound path', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bind(fd, '/tmp/srv'));
    const viaFd = w.ok(p, sys.fstat(fd)).stat;
    const viaPath = w.ok(p, sys.stat('/tmp/srv')).stat;
    expect(viaFd).toMatchObject({ type: 'socket', mode: 0o777, size: 0 });
    expect(viaPath).toMatchObject({ type: 'socket', mode: 0o755 });
    expect(viaFd?.ino).not.toBe(viaPath?.ino);
  });

  it('records fs.created on bind and fs.removed on unlink', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(eventsOf(w.call(p, sys.bind(fd, '/tmp/srv')), 'fs.created')).toEqual([
      expect.objectContaining({ path: '/tmp/srv', kind: 'socket' }),
    ]);
    expect(eventsOf(w.call(p, sys.unlink('/tmp/srv')), 'fs.removed')).toEqual([
      expect.objectContaining({ path: '/tmp/srv' }),
    ]);
    expect(w.call(p, sys.stat('/tmp/srv')).errno).toBe('ENOENT');
  });

  it('keeps the socket behind a renamed file: connect must use the new name, getsockname keeps the old', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/old', 1);
    w.ok(srv, sys.rename('/tmp/old', '/tmp/new'));
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream'), '/tmp/old')).errno).toBe('ENOENT');
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream'), '/tmp/new'))).toMatchObject({ ret: 0 });
    expect(w.ok(srv, sys.getsockname(lfd)).addrlen).toBe(2 + '/tmp/old'.length + 1);
  });

  it('resolves relative names against the cwd after chdir, so a client can connect by a relative path', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    w.ok(srv, sys.mkdir('/tmp/run'));
    w.listener(srv, '/tmp/run/app.sock', 1);
    w.ok(cli, sys.chdir('/tmp/run'));
    expect(w.process(cli).cwd).toBe('/tmp/run');
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream'), 'app.sock'))).toMatchObject({ ret: 0 });
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream'), '../run/app.sock'))).toMatchObject({ ret: 0 });
    expect(absolutePath(w.process(cli), '../x')).toBe('/tmp/x');
  });

  it('refuses to open a socket file (ENXIO)', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.bind(w.sock(p, 'stream'), '/tmp/srv'));
    expect(w.call(p, sys.open('/tmp/srv', O_RDWR)).errno).toBe('ENXIO');
  });

  it('makes a FIFO with mknod that is not a socket (connect gives ECONNREFUSED)', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.mknod('/tmp/fifo', S_IFIFO | 0o644));
    expect(w.ok(p, sys.stat('/tmp/fifo')).stat?.type).toBe('fifo');
    expect(w.call(p, sys.connect(w.sock(p, 'stream'), '/tmp/fifo')).errno).toBe('ECONNREFUSED');
  });

  it('gives EISDIR for unlink of a directory, ENOTEMPTY for rmdir of a full one, and EEXIST for mkdir twice', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.mkdir('/tmp/d'));
    w.ok(p, sys.open('/tmp/d/f', O_CREAT | O_WRONLY));
    expect(w.call(p, sys.unlink('/tmp/d')).errno).toBe('EISDIR');
    expect(w.call(p, sys.rmdir('/tmp/d')).errno).toBe('ENOTEMPTY');
    expect(w.call(p, sys.mkdir('/tmp/d')).errno).toBe('EEXIST');
    w.ok(p, sys.unlink('/tmp/d/f'));
    w.ok(p, sys.rmdir('/tmp/d'));
    expect(lookupPath(w.k, null, '/tmp/d')).toBe('ENOENT');
  });

  it('gives ENOTDIR for chdir to a file', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/f', O_CREAT | O_WRONLY));
    expect(w.call(p, sys.chdir('/tmp/f')).errno).toBe('ENOTDIR');
    expect(w.process(p).cwd).toBe('/');
  });
});
