import { describe, expect, it } from 'vitest';
import { bytesToBinary } from './bytes';
import {
  F_GETFD,
  F_GETFL,
  FD_CLOEXEC,
  O_NONBLOCK,
  SHUT_RD,
  SO_ACCEPTCONN,
  SO_ERROR,
  SO_RCVTIMEO,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
} from './constants';
import { connection, eventsOf, sys, world } from './testing/world';

function pathOf(addr: Uint8Array | undefined): string {
  return bytesToBinary((addr ?? new Uint8Array()).subarray(2)).replace(/\0$/, '');
}

describe('accept()', () => {
  it('installs the embryo at the lowest free fd and reports conn.accepted', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    const cfd = w.connectTo(cli, '/tmp/srv');
    const embryo = w.sockOf(cli, cfd).peer;
    const r = w.call(srv, sys.accept(lfd));
    expect(r).toMatchObject({ kind: 'done', ret: 4, errno: null });
    expect(eventsOf(r, 'conn.accepted')).toEqual([
      expect.objectContaining({ listener: w.sockOf(srv, lfd).id, embryo: embryo?.id }),
    ]);
    expect(w.sockOf(srv, 4)).toBe(embryo);
    expect(w.sockOf(srv, lfd).receiveQueue).toHaveLength(0);
  });

  it('takes pending connections in the order they connected', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 5);
    for (const name of ['/tmp/c1', '/tmp/c2', '/tmp/c3']) w.connectTo(cli, '/tmp/srv', { bindTo: name });
    const order = [1, 2, 3].map(() => pathOf(w.ok(srv, sys.accept(lfd)).addr));
    expect(order).toEqual(['/tmp/c1', '/tmp/c2', '/tmp/c3']);
  });

  it('reports an unbound client as {AF_UNIX} with length 2, and a short buffer gets a cut copy with the full length', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 5);
    w.connectTo(cli, '/tmp/srv');
    w.connectTo(cli, '/tmp/srv', { bindTo: '/tmp/client' });
    expect(w.ok(srv, sys.accept(lfd)).addrlen).toBe(2);
    const r = w.ok(srv, sys.accept(lfd, 6));
    expect(r.addrlen).toBe(2 + '/tmp/client'.length + 1);
    expect(r.addr).toHaveLength(6);
  });

  it("names the listener's path in getsockname of the accepted socket", () => {
    const w = world();
    const { server, sfd } = connection(w);
    expect(pathOf(w.ok(server, sys.getsockname(sfd)).addr)).toBe('/tmp/srv');
  });

  it('gives EAGAIN on an empty nonblocking listener', () => {
    const w = world();
    const p = w.proc('server');
    const lfd = w.listener(p, '/tmp/srv', 1);
    w.ok(p, sys.fcntl(lfd, 4, O_NONBLOCK));
    expect(w.call(p, sys.accept(lfd))).toMatchObject({ ret: -1, errno: 'EAGAIN' });
  });

  it('sleeps on an empty blocking listener until a client connects', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    expect(w.call(srv, sys.accept(lfd)).kind).toBe('blocked');
    const r = w.call(cli, sys.connect(w.sock(cli, 'stream'), '/tmp/srv'));
    expect(eventsOf(r, 'proc.woken')).toEqual([expect.objectContaining({ pid: srv })]);
    expect(w.retry(srv)).toMatchObject({ kind: 'done', ret: 4 });
  });

  it('gives EAGAIN when SO_RCVTIMEO runs out', () => {
    const w = world();
    const p = w.proc('server');
    const lfd = w.listener(p, '/tmp/srv', 1);
    w.ok(p, sys.setsockopt(lfd, SO_RCVTIMEO, { ms: 250 }));
    expect(w.call(p, sys.accept(lfd)).kind).toBe('blocked');
    w.passTime();
    expect(w.retry(p)).toMatchObject({ ret: -1, errno: 'EAGAIN' });
  });

  it('applies accept4 SOCK_NONBLOCK only to the new fd: a blocking listener still blocks', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    expect(w.call(srv, sys.accept4(lfd, SOCK_NONBLOCK)).kind).toBe('blocked');
    w.connectTo(cli, '/tmp/srv');
    const fd = w.retry(srv).ret ?? -1;
    expect(w.ok(srv, sys.fcntl(fd, F_GETFL)).ret & O_NONBLOCK).toBe(O_NONBLOCK);
    expect(w.ok(srv, sys.fcntl(lfd, F_GETFL)).ret & O_NONBLOCK).toBe(0);
  });

  it('does not pass O_NONBLOCK from the listener to the accepted socket; SOCK_CLOEXEC applies', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.sock(srv, 'stream', SOCK_NONBLOCK);
    w.ok(srv, sys.bind(lfd, '/tmp/srv'));
    w.ok(srv, sys.listen(lfd, 1));
    w.connectTo(cli, '/tmp/srv');
    const fd = w.ok(srv, sys.accept4(lfd, SOCK_CLOEXEC)).ret;
    expect(w.ok(srv, sys.fcntl(fd, F_GETFL)).ret & O_NONBLOCK).toBe(0);
    expect(w.ok(srv, sys.fcntl(fd, F_GETFD)).ret).toBe(FD_CLOEXEC);
    expect(w.ok(srv, sys.getsockopt(fd, SO_ACCEPTCONN)).value).toBe(0);
  });

  it('gives EINVAL on a socket that is not listening and EOPNOTSUPP on a datagram socket', () => {
    const w = world();
    const { server, sfd } = connection(w);
    const bound = w.sock(server, 'stream');
    w.ok(server, sys.bind(bound, '/tmp/b'));
    expect(w.call(server, sys.accept(w.sock(server, 'stream'))).errno).toBe('EINVAL');
    expect(w.call(server, sys.accept(bound)).errno).toBe('EINVAL');
    expect(w.call(server, sys.accept(sfd)).errno).toBe('EINVAL');
    expect(w.call(server, sys.accept(w.sock(server, 'dgram'))).errno).toBe('EOPNOTSUPP');
  });

  it('still accepts a connection whose client already closed: its data, then EOF, and writes give EPIPE', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    const cfd = w.connectTo(cli, '/tmp/srv');
    w.ok(cli, sys.write(cfd, 'bye'));
    w.ok(cli, sys.close(cfd));
    const sfd = w.accept(srv, lfd);
    expect(w.call(srv, sys.read(sfd, 10))).toMatchObject({ ret: 3, text: 'bye' });
    expect(w.call(srv, sys.read(sfd, 10))).toMatchObject({ ret: 0 });
    expect(w.ok(srv, sys.getsockopt(sfd, SO_ERROR)).value).toBe(0);
    expect(w.call(srv, sys.send(sfd, 'x', 0x4000))).toMatchObject({ ret: -1, errno: 'EPIPE' });
  });

  it('after SHUT_RD on the listener: refuses new connects, accepts the queued ones, then gives EINVAL', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 2);
    w.connectTo(cli, '/tmp/srv');
    w.ok(srv, sys.shutdown(lfd, SHUT_RD));
    expect(w.call(cli, sys.connect(w.sock(cli, 'stream'), '/tmp/srv')).errno).toBe('ECONNREFUSED');
    expect(w.call(srv, sys.accept(lfd)).ret).toBe(4);
    expect(w.call(srv, sys.accept(lfd))).toMatchObject({ kind: 'done', ret: -1, errno: 'EINVAL' });
  });
});
