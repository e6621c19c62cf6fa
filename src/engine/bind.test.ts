import { describe, expect, it } from 'vitest';
import { sockaddrAbstract, sockaddrPath } from './address';
import { binaryToBytes, bytesToBinary } from './bytes';
import { AF_UNIX, O_CREAT, O_WRONLY, SO_PASSCRED, SO_REUSEADDR } from './constants';
import { lookupPath } from './fs';
import { eventsOf, sys, world } from './testing/world';

/** A sockaddr_un with a 108-byte sun_path and no NUL (addrlen 110). */
function fullPath(): { addr: Uint8Array; addrlen: number; path: string } {
  const path = `/tmp/${'p'.repeat(103)}`;
  const addr = new Uint8Array(110);
  addr[0] = AF_UNIX;
  addr.set(binaryToBytes(path), 2);
  return { addr, addrlen: 110, path };
}

describe('bind() to a path', () => {
  it('creates a socket file with mode 0777 & ~umask that stays after close', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    const r = w.call(p, sys.bind(fd, '/tmp/srv'));
    expect(r).toMatchObject({ ret: 0, errno: null });
    expect(eventsOf(r, 'sock.bound')).toEqual([
      expect.objectContaining({ name: '/tmp/srv', kind: 'path', autobind: false }),
    ]);
    w.ok(p, sys.close(fd));
    expect(w.ok(p, sys.stat('/tmp/srv')).stat).toMatchObject({ type: 'socket', mode: 0o755, size: 0 });
  });

  it('reports getsockname length 2 + strlen + 1, counting the NUL', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bind(fd, '/tmp/srv'));
    const r = w.ok(p, sys.getsockname(fd));
    expect(r.addrlen).toBe(2 + '/tmp/srv'.length + 1);
    expect(bytesToBinary((r.addr ?? new Uint8Array()).subarray(2))).toBe('/tmp/srv\0');
  });

  it('counts the NUL even when bind was given an addrlen without it', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    const { addr, addrlen } = sockaddrPath('/tmp/srv', false);
    w.ok(p, sys.bindRaw(fd, addr, addrlen));
    expect(w.ok(p, sys.getsockname(fd)).addrlen).toBe(11);
  });

  it('accepts a 108-byte path with no NUL and reports addrlen 111, copying only the 110 that fit', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    const { addr, addrlen, path } = fullPath();
    w.ok(p, sys.bindRaw(fd, addr, addrlen));
    const r = w.ok(p, sys.getsockname(fd, 110));
    expect(r.addrlen).toBe(111);
    expect(r.addr).toHaveLength(110);
    expect(typeof lookupPath(w.k, null, path)).toBe('object');
  });

  it('gives EADDRINUSE for a path that exists, even a stale socket file, until it is unlinked', () => {
    const w = world();
    const p = w.proc('app');
    const old = w.sock(p, 'stream');
    w.ok(p, sys.bind(old, '/tmp/srv'));
    w.ok(p, sys.close(old));
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.setsockopt(fd, SO_REUSEADDR, 1));
    expect(w.call(p, sys.bind(fd, '/tmp/srv')).errno).toBe('EADDRINUSE');
    w.ok(p, sys.unlink('/tmp/srv'));
    expect(w.call(p, sys.bind(fd, '/tmp/srv'))).toMatchObject({ ret: 0, errno: null });
  });

  it('gives EADDRINUSE for a regular file or a directory', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/file', O_CREAT | O_WRONLY));
    const fd = w.sock(p, 'dgram');
    expect(w.call(p, sys.bind(fd, '/tmp/file')).errno).toBe('EADDRINUSE');
    expect(w.call(p, sys.bind(fd, '/tmp')).errno).toBe('EADDRINUSE');
  });

  it('refuses a second name: a new path gives EINVAL and leaves no file, its own path EADDRINUSE', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bind(fd, '/tmp/a'));
    expect(w.call(p, sys.bind(fd, '/tmp/b')).errno).toBe('EINVAL');
    expect(w.call(p, sys.stat('/tmp/b')).errno).toBe('ENOENT');
    expect(w.call(p, sys.bind(fd, '/tmp/a')).errno).toBe('EADDRINUSE');
    expect(w.call(p, sys.bind(fd, '@abs')).errno).toBe('EINVAL');
  });

  it('gives ENOENT for a missing directory and ENOTDIR when a component is a file', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/file', O_CREAT | O_WRONLY));
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.bind(fd, '/nope/srv')).errno).toBe('ENOENT');
    expect(w.call(p, sys.bind(fd, '/tmp/file/srv')).errno).toBe('ENOTDIR');
  });

  it('resolves a relative path against the cwd and reports it exactly as given', () => {
    const w = world();
    const p = w.proc('app', { cwd: '/tmp' });
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bind(fd, 'rel.sock'));
    expect(w.ok(p, sys.stat('/tmp/rel.sock')).stat?.type).toBe('socket');
    const r = w.ok(p, sys.getsockname(fd));
    expect(bytesToBinary((r.addr ?? new Uint8Array()).subarray(2))).toBe('rel.sock\0');
  });
});

describe('bind() lengths and autobind', () => {
  it.each([0, 1])('gives EINVAL for addrlen %i', (addrlen) => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.bindRaw(fd, sockaddrPath('/tmp/x').addr, addrlen)).errno).toBe('EINVAL');
  });

  it('autobinds on addrlen 2: a NUL and five hex digits, length 8, different per socket', () => {
    const w = world();
    const p = w.proc('app');
    const a = w.sock(p, 'stream');
    const b = w.sock(p, 'stream');
    const family = new Uint8Array([AF_UNIX, 0]);
    w.ok(p, sys.bindRaw(a, family, 2));
    w.ok(p, sys.bindRaw(b, family, 2));
    const na = w.ok(p, sys.getsockname(a));
    const nb = w.ok(p, sys.getsockname(b));
    expect(na.addrlen).toBe(8);
    const name = na.addr ?? new Uint8Array();
    expect([...name.subarray(0, 3)]).toEqual([AF_UNIX, 0, 0]);
    expect(bytesToBinary(name.subarray(3))).toMatch(/^[0-9a-f]{5}$/);
    expect(nb.addr).not.toEqual(na.addr);
  });

  it('autobinds on connect only when SO_PASSCRED is set, and the listener sees that name in accept', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 5);
    const plain = w.connectTo(cli, '/tmp/srv');
    expect(w.ok(cli, sys.getsockname(plain)).addrlen).toBe(2);
    const fd = w.sock(cli, 'stream');
    w.ok(cli, sys.setsockopt(fd, SO_PASSCRED, 1));
    const r = w.call(cli, sys.connect(fd, '/tmp/srv'));
    expect(eventsOf(r, 'sock.bound')).toEqual([
      expect.objectContaining({ kind: 'abstract', autobind: true }),
    ]);
    w.ok(srv, sys.accept(lfd));
    const accepted = w.ok(srv, sys.accept(lfd));
    expect(accepted.addrlen).toBe(8);
    expect(accepted.addr).toEqual(w.ok(cli, sys.getsockname(fd)).addr);
  });

  it('lets a socketpair end be bound later: the peer reads the new name live', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    w.ok(p, sys.bind(a, '/tmp/late'));
    expect(w.ok(p, sys.getpeername(b)).addrlen).toBe(2 + '/tmp/late'.length + 1);
    expect(w.call(p, sys.connect(w.sock(p, 'stream'), '/tmp/late')).errno).toBe('ECONNREFUSED');
  });

  it('gives EINVAL for more than sizeof(sockaddr_un) or another family', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.bindRaw(fd, new Uint8Array(111), 111)).errno).toBe('EINVAL');
    const inet = sockaddrPath('/tmp/x');
    inet.addr[0] = 2;
    expect(w.call(p, sys.bindRaw(fd, inet.addr, inet.addrlen)).errno).toBe('EINVAL');
  });
});

describe('bind() to an abstract name', () => {
  it('creates no file and binds exactly addrlen - 3 bytes, so padding makes a different name', () => {
    const w = world();
    const p = w.proc('app');
    const before = [...(w.k.root.children?.get('tmp')?.children?.keys() ?? [])];
    const short = sockaddrAbstract('oracle-abs');
    const padded = new Uint8Array(110);
    padded.set(short.addr);
    const a = w.sock(p, 'stream');
    const b = w.sock(p, 'stream');
    w.ok(p, sys.bindRaw(a, short.addr, short.addrlen));
    w.ok(p, sys.bindRaw(b, padded, 110));
    w.ok(p, sys.listen(a, 1));
    expect([...(w.k.root.children?.get('tmp')?.children?.keys() ?? [])]).toEqual(before);
    expect(w.ok(p, sys.getsockname(b)).addrlen).toBe(110);
    const c = w.sock(p, 'stream');
    expect(w.call(p, sys.connect(c, '@oracle-ab')).errno).toBe('ECONNREFUSED');
    expect(w.call(p, sys.connect(c, '@oracle-abs'))).toMatchObject({ ret: 0 });
  });

  it('keeps a separate namespace per socket type', () => {
    const w = world();
    const p = w.proc('app');
    w.listener(p, '@name', 1, 'stream');
    const d = w.sock(p, 'dgram');
    expect(w.call(p, sys.bind(d, '@name'))).toMatchObject({ ret: 0, errno: null });
    const s = w.sock(p, 'seqpacket');
    expect(w.call(p, sys.connect(s, '@name')).errno).toBe('ECONNREFUSED');
  });

  it('gives EADDRINUSE while the name is held and frees it at close', () => {
    const w = world();
    const p = w.proc('app');
    const a = w.sock(p, 'dgram');
    w.ok(p, sys.bind(a, '@svc'));
    const b = w.sock(p, 'dgram');
    expect(w.call(p, sys.bind(b, '@svc')).errno).toBe('EADDRINUSE');
    w.ok(p, sys.close(a));
    expect(w.call(p, sys.bind(b, '@svc'))).toMatchObject({ ret: 0, errno: null });
  });

  it('binds the empty abstract name with addrlen 3', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bindRaw(fd, new Uint8Array([AF_UNIX, 0, 0]), 3));
    expect(w.ok(p, sys.getsockname(fd)).addrlen).toBe(3);
  });
});
