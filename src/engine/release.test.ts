import { describe, expect, it } from 'vitest';
import {
  MSG_NOSIGNAL,
  POLLERR,
  POLLHUP,
  POLLIN,
  POLLOUT,
  POLLPRI,
  POLLRDHUP,
  SO_ERROR,
  SOCK_NONBLOCK,
} from './constants';
import { connection, eventsOf, sys, world } from './testing/world';

const ALL = POLLIN | POLLOUT | POLLRDHUP | POLLPRI;
const ECONNRESET = 104;

describe('close() of a connected socket', () => {
  it('gives the peer the remaining data, then 0 forever, and EPIPE on write', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.write(sfd, 'bye'));
    w.ok(server, sys.close(sfd));
    expect(w.call(client, sys.read(cfd, 10)).text).toBe('bye');
    expect(w.call(client, sys.read(cfd, 10)).ret).toBe(0);
    expect(w.call(client, sys.read(cfd, 10)).ret).toBe(0);
    expect(w.ok(client, sys.poll(cfd, ALL)).revents).toEqual([POLLIN | POLLOUT | POLLHUP | POLLRDHUP]);
    expect(w.call(client, sys.send(cfd, 'x', MSG_NOSIGNAL)).errno).toBe('EPIPE');
    expect(w.ok(client, sys.getsockopt(cfd, SO_ERROR)).value).toBe(0);
  });

  it('releases the socket: sock.released, file.released, and it leaves the socket table', () => {
    const w = world();
    const { server, sfd } = connection(w);
    const sock = w.sockOf(server, sfd);
    const r = w.call(server, sys.close(sfd));
    expect(eventsOf(r, 'sock.released')).toEqual([{ type: 'sock.released', sock: sock.id }]);
    expect(eventsOf(r, 'file.released')).toHaveLength(1);
    expect(sock.dead).toBe(true);
    expect(w.k.socks.has(sock.id)).toBe(false);
  });

  it('gives EBADF on a second close', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.close(fd));
    expect(w.call(p, sys.close(fd)).errno).toBe('EBADF');
  });

  it('with unread data of its own, resets a stream peer after the peer reads its queued data', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'unread'));
    w.ok(server, sys.write(sfd, 'queued'));
    const r = w.call(server, sys.close(sfd));
    expect(eventsOf(r, 'sock.errorSet')).toEqual([
      { type: 'sock.errorSet', sock: w.sockOf(client, cfd).id, errno: 'ECONNRESET' },
    ]);
    expect((w.ok(client, sys.poll(cfd, ALL)).revents?.[0] ?? 0) & POLLERR).toBe(POLLERR);
    expect(w.call(client, sys.read(cfd, 100)).text).toBe('queued');
    expect(w.call(client, sys.read(cfd, 100))).toMatchObject({ ret: -1, errno: 'ECONNRESET' });
    expect(w.call(client, sys.read(cfd, 100))).toMatchObject({ ret: 0, errno: null });
  });

  it('with unread data of its own, resets a seqpacket peer BEFORE the peer reads its queued messages', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w, 'seqpacket');
    w.ok(client, sys.write(cfd, 'unread'));
    w.ok(server, sys.write(sfd, 'queued'));
    w.ok(server, sys.close(sfd));
    expect(w.call(client, sys.read(cfd, 100))).toMatchObject({ ret: -1, errno: 'ECONNRESET' });
    expect(w.call(client, sys.read(cfd, 100)).text).toBe('queued');
    expect(w.call(client, sys.read(cfd, 100))).toMatchObject({ ret: 0, errno: null });
  });

  it('reports the reset once through SO_ERROR, which clears it', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'unread'));
    w.ok(server, sys.close(sfd));
    expect(w.ok(client, sys.getsockopt(cfd, SO_ERROR)).value).toBe(ECONNRESET);
    expect(w.ok(client, sys.getsockopt(cfd, SO_ERROR)).value).toBe(0);
    expect(w.call(client, sys.read(cfd, 100)).ret).toBe(0);
  });
});

describe('close() of a listener', () => {
  it('resets each pending client: ECONNRESET once, then EOF, and writes give EPIPE', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 5);
    const a = w.connectTo(cli, '/tmp/srv');
    const b = w.connectTo(cli, '/tmp/srv');
    w.ok(cli, sys.write(a, 'lost'));
    const r = w.call(srv, sys.close(lfd));
    expect(eventsOf(r, 'conn.reset').map((e) => e.client)).toEqual([
      w.sockOf(cli, a).id,
      w.sockOf(cli, b).id,
    ]);
    for (const fd of [a, b]) {
      expect((w.ok(cli, sys.poll(fd, ALL)).revents?.[0] ?? 0) & (POLLERR | POLLHUP)).toBe(POLLERR | POLLHUP);
      expect(w.call(cli, sys.read(fd, 100))).toMatchObject({ ret: -1, errno: 'ECONNRESET' });
      expect(w.call(cli, sys.read(fd, 100))).toMatchObject({ ret: 0, errno: null });
      expect(w.call(cli, sys.send(fd, 'x', MSG_NOSIGNAL)).errno).toBe('EPIPE');
    }
    expect(w.k.discarded['unread data at close']).toBe(4);
  });

  it('leaves the socket file behind, so a later connect gets ECONNREFUSED', () => {
    const w = world();
    const p = w.proc('app');
    const lfd = w.listener(p, '/tmp/srv', 1);
    w.ok(p, sys.close(lfd));
    expect(w.ok(p, sys.stat('/tmp/srv')).stat?.type).toBe('socket');
    expect(w.call(p, sys.connect(w.sock(p, 'stream'), '/tmp/srv')).errno).toBe('ECONNREFUSED');
  });
});

describe('close() of a datagram peer', () => {
  it('leaves the other end polling only POLLOUT, with recv giving EAGAIN', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    w.ok(p, sys.close(b));
    expect(w.ok(p, sys.poll(a, ALL)).revents).toEqual([POLLOUT]);
    expect(w.call(p, sys.recv(a, 10)).errno).toBe('EAGAIN');
  });
});
