import { describe, expect, it } from 'vitest';
import {
  O_CREAT,
  O_WRONLY,
  POLLIN,
  POLLOUT,
  S_IFIFO,
  SO_SNDTIMEO,
  SOCK_NONBLOCK,
  SOL_SOCKET,
} from './constants';
import { connection, eventsOf, eventTypes, sys, world } from './testing/world';

describe('connect() on a stream socket', () => {
  it('completes before accept: the client is connected and its embryo waits on the listener (conn.queued)', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    const fd = w.sock(cli, 'stream');
    const r = w.call(cli, sys.connect(fd, '/tmp/srv'));
    expect(r).toMatchObject({ kind: 'done', ret: 0, errno: null });
    const listener = w.sockOf(srv, lfd);
    const client = w.sockOf(cli, fd);
    expect(eventsOf(r, 'conn.queued')).toEqual([
      expect.objectContaining({ listener: listener.id, client: client.id, embryo: client.peer?.id }),
    ]);
    expect(client.state).toBe('TCP_ESTABLISHED');
    expect(listener.receiveQueue.map((skb) => skb.embryo)).toEqual([client.peer]);
  });

  it('never gives EINPROGRESS when nonblocking: 0 at once, or EAGAIN on a full backlog', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    w.listener(srv, '/tmp/srv', 0);
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream', SOCK_NONBLOCK), '/tmp/srv'))).toMatchObject({
      ret: 0,
    });
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream', SOCK_NONBLOCK), '/tmp/srv'))).toMatchObject({
      ret: -1,
      errno: 'EAGAIN',
    });
  });

  it('sleeps on a full backlog when blocking, and accept wakes it to return 0', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 0);
    w.connectTo(cli, '/tmp/srv');
    const fd = w.sock(cli, 'stream');
    const r = w.call(cli, sys.connect(fd, '/tmp/srv'));
    expect(r.kind).toBe('blocked');
    expect(eventTypes(r)).toContain('proc.slept');
    expect(w.isAsleep(cli)).toBe(true);

    const acc = w.call(srv, sys.accept(lfd));
    expect(eventsOf(acc, 'proc.woken')).toEqual([expect.objectContaining({ pid: cli })]);
    expect(w.retry(cli)).toMatchObject({ kind: 'done', ret: 0, errno: null });
    expect(w.sockOf(cli, fd).state).toBe('TCP_ESTABLISHED');
  });

  it('wakes a blocked connect with ECONNREFUSED when the listener closes', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 0);
    w.connectTo(cli, '/tmp/srv');
    const fd = w.sock(cli, 'stream');
    expect(w.call(cli, sys.connect(fd, '/tmp/srv')).kind).toBe('blocked');
    w.ok(srv, sys.close(lfd));
    expect(w.isWoken(cli)).toBe(true);
    expect(w.retry(cli)).toMatchObject({ ret: -1, errno: 'ECONNREFUSED' });
  });

  it('gives EAGAIN when SO_SNDTIMEO runs out on a full backlog', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    w.listener(srv, '/tmp/srv', 0);
    w.connectTo(cli, '/tmp/srv');
    const fd = w.sock(cli, 'stream');
    w.ok(cli, sys.setsockopt(fd, SO_SNDTIMEO, { ms: 500 }));
    expect(w.call(cli, sys.connect(fd, '/tmp/srv')).kind).toBe('blocked');
    w.passTime();
    expect(w.k.now).toBe(500);
    expect(w.retry(cli)).toMatchObject({ ret: -1, errno: 'EAGAIN' });
  });

  it('lets the client write before accept; the data is read after accept', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    const fd = w.connectTo(cli, '/tmp/srv');
    expect(w.call(cli, sys.write(fd, 'early'))).toMatchObject({ ret: 5 });
    expect(w.ok(srv, sys.poll(lfd, POLLIN | POLLOUT)).revents).toEqual([POLLIN]);
    const sfd = w.accept(srv, lfd);
    expect(w.call(srv, sys.read(sfd, 100))).toMatchObject({ ret: 5, text: 'early' });
  });

  it.each([
    ['a missing path', '/tmp/none', 'ENOENT'],
    ['a missing directory', '/none/srv', 'ENOENT'],
    ['a missing abstract name', '@none', 'ECONNREFUSED'],
    ['a directory', '/tmp', 'ECONNREFUSED'],
  ])('fails on %s with %s', (_what, name, errno) => {
    const w = world();
    const p = w.proc('client');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.connect(fd, name))).toMatchObject({ ret: -1, errno });
    expect(w.sockOf(p, fd).state).toBe('TCP_CLOSE');
  });

  it('gives ECONNREFUSED for a regular file, a FIFO, and a socket that is bound but not listening', () => {
    const w = world();
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/file', O_CREAT | O_WRONLY));
    w.ok(p, sys.mknod('/tmp/fifo', S_IFIFO | 0o644));
    w.ok(p, sys.bind(w.sock(p, 'stream'), '/tmp/bound'));
    const fd = w.sock(p, 'stream');
    for (const path of ['/tmp/file', '/tmp/fifo', '/tmp/bound']) {
      expect(w.call(p, sys.connect(fd, path)).errno).toBe('ECONNREFUSED');
    }
  });

  it('gives EPROTOTYPE when the socket at the path has another type', () => {
    const w = world();
    const p = w.proc('app');
    w.listener(p, '/tmp/seq', 1, 'seqpacket');
    w.ok(p, sys.bind(w.sock(p, 'dgram'), '/tmp/dg'));
    expect(w.call(p, sys.connect(w.sock(p, 'stream'), '/tmp/seq')).errno).toBe('EPROTOTYPE');
    expect(w.call(p, sys.connect(w.sock(p, 'stream'), '/tmp/dg')).errno).toBe('EPROTOTYPE');
    expect(w.call(p, sys.connect(w.sock(p, 'dgram'), '/tmp/seq')).errno).toBe('EPROTOTYPE');
  });

  it('looks the target up before anything else: EISCONN when connected, but ENOENT for a missing target', () => {
    const w = world();
    const { client, cfd, server, lfd } = connection(w);
    expect(w.call(client, sys.connect(cfd, '/tmp/srv')).errno).toBe('EISCONN');
    expect(w.call(client, sys.connect(cfd, '/tmp/none')).errno).toBe('ENOENT');
    expect(w.call(server, sys.connect(lfd, '/tmp/srv')).errno).toBe('EINVAL');
  });

  it('gives EINVAL for addrlen 0 or 2 and for AF_UNSPEC on a stream socket', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.connectRaw(fd, new Uint8Array(110), 0)).errno).toBe('EINVAL');
    expect(w.call(p, sys.connectRaw(fd, new Uint8Array([1, 0]), 2)).errno).toBe('EINVAL');
    expect(w.call(p, sys.connectRaw(fd, new Uint8Array(16), 16)).errno).toBe('EINVAL');
  });

  it('gives ECONNREFUSED after the listener closes and ENOENT once the file is unlinked', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    w.ok(srv, sys.close(lfd));
    const fd = w.sock(cli, 'stream');
    expect(w.call(cli, sys.connect(fd, '/tmp/srv')).errno).toBe('ECONNREFUSED');
    w.ok(srv, sys.unlink('/tmp/srv'));
    expect(w.call(cli, sys.connect(fd, '/tmp/srv')).errno).toBe('ENOENT');
  });

  it('keeps existing connections after unlink, and a new listener on the same path gets new connects', () => {
    const w = world();
    const { server, client, cfd, sfd, lfd } = connection(w);
    w.ok(server, sys.unlink('/tmp/srv'));
    w.ok(client, sys.write(cfd, 'still'));
    expect(w.call(server, sys.read(sfd, 10)).text).toBe('still');
    expect(w.call(client, sys.connect(w.sock(client, 'stream'), '/tmp/srv')).errno).toBe('ENOENT');
    const lfd2 = w.listener(server, '/tmp/srv', 1);
    w.connectTo(client, '/tmp/srv');
    expect(w.sockOf(server, lfd2).receiveQueue).toHaveLength(1);
    expect(w.sockOf(server, lfd).receiveQueue).toHaveLength(0);
  });

  it('gives the client the listener as peer name and the listener process as SO_PEERCRED', () => {
    const w = world();
    const { client, cfd, server } = connection(w);
    expect(w.ok(client, sys.getpeername(cfd)).addrlen).toBe(2 + '/tmp/srv'.length + 1);
    expect(
      w.ok(client, { name: 'getsockopt', fd: cfd, level: SOL_SOCKET, opt: 17, optlen: 12 }).cred,
    ).toEqual({
      pid: server,
      uid: 0,
      gid: 0,
    });
  });
});

describe('connect() on a datagram socket', () => {
  it('sets the default destination and only lets that peer send to it (others get EPERM)', () => {
    const w = world();
    const p = w.proc('app');
    const a = w.sock(p, 'dgram');
    const b = w.sock(p, 'dgram');
    const c = w.sock(p, 'dgram');
    w.ok(p, sys.bind(a, '/tmp/a'));
    w.ok(p, sys.bind(b, '/tmp/b'));
    w.ok(p, sys.connect(a, '/tmp/b'));
    expect(w.call(p, sys.write(a, 'hi'))).toMatchObject({ ret: 2 });
    expect(w.call(p, sys.read(b, 10)).text).toBe('hi');
    expect(w.call(p, sys.sendto(c, 'x', '/tmp/a')).errno).toBe('EPERM');
    expect(w.call(p, sys.connect(c, '/tmp/a')).errno).toBe('EPERM');
    expect(w.call(p, sys.sendto(b, 'ok', '/tmp/a'))).toMatchObject({ ret: 2 });
  });

  it('disconnects with AF_UNSPEC: send then gives ENOTCONN', () => {
    const w = world();
    const p = w.proc('app');
    const a = w.sock(p, 'dgram');
    const b = w.sock(p, 'dgram');
    w.ok(p, sys.bind(b, '/tmp/b'));
    w.ok(p, sys.connect(a, '/tmp/b'));
    w.ok(p, sys.connectRaw(a, new Uint8Array(16), 16));
    expect(w.sockOf(p, a).peer).toBeNull();
    expect(w.call(p, sys.send(a, 'x')).errno).toBe('ENOTCONN');
  });

  it('throws away its receive queue when reconnected elsewhere, and the old peer gets ECONNRESET', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram');
    const c = w.sock(p, 'dgram');
    w.ok(p, sys.bind(c, '/tmp/c'));
    w.ok(p, sys.write(b, 'lost'));
    const r = w.call(p, sys.connect(a, '/tmp/c'));
    expect(eventsOf(r, 'skb.dropped')).toHaveLength(1);
    expect(w.sockOf(p, a).receiveQueue).toHaveLength(0);
    expect(w.ok(p, sys.getsockopt(b, 4)).value).toBe(104);
    expect(w.call(p, sys.write(b, 'x')).errno).toBe('EPERM');
  });

  it('reports ECONNREFUSED once when the connected peer has closed, then ENOTCONN', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram');
    w.ok(p, sys.close(b));
    expect(w.call(p, sys.send(a, 'x')).errno).toBe('ECONNREFUSED');
    expect(w.call(p, sys.send(a, 'x')).errno).toBe('ENOTCONN');
  });
});
