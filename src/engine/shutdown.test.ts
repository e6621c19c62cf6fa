import { describe, expect, it } from 'vitest';
import {
  MSG_DONTWAIT,
  MSG_NOSIGNAL,
  POLLHUP,
  POLLIN,
  POLLOUT,
  POLLPRI,
  POLLRDHUP,
  SHUT_RD,
  SHUT_RDWR,
  SHUT_WR,
} from './constants';
import { SIGPIPE } from './signals';
import { connection, eventsOf, sys, world } from './testing/world';

const ALL = POLLIN | POLLOUT | POLLRDHUP | POLLPRI;

describe('shutdown(SHUT_WR)', () => {
  it('gives the peer EOF after the data already queued, again and again', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'last words'));
    w.ok(client, sys.shutdown(cfd, SHUT_WR));
    expect(w.call(server, sys.read(sfd, 100)).text).toBe('last words');
    expect(w.call(server, sys.read(sfd, 100))).toMatchObject({ ret: 0, errno: null });
    expect(w.call(server, sys.read(sfd, 100))).toMatchObject({ ret: 0, errno: null });
  });

  it('marks both ends and wakes a peer that sleeps in read', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    const r = w.call(client, sys.shutdown(cfd, SHUT_WR));
    expect(eventsOf(r, 'sock.shutdown')).toEqual([
      { type: 'sock.shutdown', sock: w.sockOf(client, cfd).id, how: 'write', byPeer: false },
      { type: 'sock.shutdown', sock: w.sockOf(server, sfd).id, how: 'read', byPeer: true },
    ]);
    expect(eventsOf(r, 'proc.woken').map((e) => e.pid)).toContain(server);
    expect(w.retry(server)).toMatchObject({ ret: 0 });
  });

  it('keeps the other direction open (half-close)', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.shutdown(cfd, SHUT_WR));
    w.ok(server, sys.write(sfd, 'reply'));
    expect(w.call(client, sys.read(cfd, 10)).text).toBe('reply');
  });

  it("makes the socket's own write fail with EPIPE and SIGPIPE", () => {
    const w = world();
    const { client, cfd } = connection(w);
    w.ok(client, sys.shutdown(cfd, SHUT_WR));
    expect(w.call(client, sys.write(cfd, 'x'))).toMatchObject({
      kind: 'killed',
      errno: 'EPIPE',
      signal: SIGPIPE,
    });
  });

  it('makes the peer poll POLLIN|POLLOUT|POLLRDHUP and itself just POLLOUT', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.shutdown(cfd, SHUT_WR));
    expect(w.ok(server, sys.poll(sfd, ALL)).revents).toEqual([POLLIN | POLLOUT | POLLRDHUP]);
    expect(w.ok(client, sys.poll(cfd, ALL)).revents).toEqual([POLLOUT]);
  });
});

describe('shutdown(SHUT_RD)', () => {
  it("makes the peer's writes fail with EPIPE, while this socket can still write", () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.shutdown(sfd, SHUT_RD));
    expect(w.call(client, sys.send(cfd, 'x', MSG_NOSIGNAL))).toMatchObject({ ret: -1, errno: 'EPIPE' });
    w.ok(server, sys.write(sfd, 'still'));
    expect(w.call(client, sys.read(cfd, 10)).text).toBe('still');
  });

  it('still lets queued data be read, then returns 0', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'queued'));
    w.ok(server, sys.shutdown(sfd, SHUT_RD));
    expect(w.call(server, sys.read(sfd, 100)).text).toBe('queued');
    expect(w.call(server, sys.read(sfd, 100))).toMatchObject({ ret: 0, errno: null });
  });

  it('makes the shut side poll POLLIN|POLLOUT|POLLRDHUP while the peer still polls POLLOUT', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.shutdown(sfd, SHUT_RD));
    expect(w.ok(server, sys.poll(sfd, ALL)).revents).toEqual([POLLIN | POLLOUT | POLLRDHUP]);
    expect(w.ok(client, sys.poll(cfd, ALL)).revents).toEqual([POLLOUT]);
  });

  it("makes other sockets' datagrams to it fail with EPIPE, and its blocking recv return 0", () => {
    const w = world();
    const p = w.proc('app');
    const rx = w.sock(p, 'dgram');
    w.ok(p, sys.bind(rx, '/tmp/rx'));
    const tx = w.sock(p, 'dgram');
    w.ok(p, sys.shutdown(rx, SHUT_RD));
    expect(w.call(p, sys.sendto(tx, 'x', '/tmp/rx')).errno).toBe('EPIPE');
    expect(w.call(p, sys.recv(rx, 10))).toMatchObject({ kind: 'done', ret: 0 });
    expect(w.call(p, sys.recv(rx, 10, MSG_DONTWAIT)).errno).toBe('EAGAIN');
  });
});

describe('shutdown(SHUT_RDWR) and bad arguments', () => {
  it('gives both ends queued data then 0, EPIPE on write, and POLLHUP; getpeername still works', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.write(sfd, 'x'));
    w.ok(client, sys.shutdown(cfd, SHUT_RDWR));
    expect(w.call(client, sys.read(cfd, 10)).text).toBe('x');
    expect(w.call(client, sys.read(cfd, 10)).ret).toBe(0);
    expect(w.call(server, sys.read(sfd, 10)).ret).toBe(0);
    expect(w.call(server, sys.send(sfd, 'y', MSG_NOSIGNAL)).errno).toBe('EPIPE');
    for (const [pid, fd] of [
      [client, cfd],
      [server, sfd],
    ]) {
      expect(w.ok(pid, sys.poll(fd, ALL)).revents).toEqual([POLLIN | POLLOUT | POLLHUP | POLLRDHUP]);
    }
    expect(w.call(client, sys.getpeername(cfd))).toMatchObject({ ret: 0 });
  });

  it('never gives ENOTCONN: an unconnected socket returns 0 and then polls POLLIN|POLLOUT|POLLHUP|POLLRDHUP', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.shutdown(fd, SHUT_RDWR))).toMatchObject({ ret: 0, errno: null });
    expect(w.ok(p, sys.poll(fd, ALL)).revents).toEqual([POLLIN | POLLOUT | POLLHUP | POLLRDHUP]);
    expect(w.call(p, sys.shutdown(fd, SHUT_RDWR))).toMatchObject({ ret: 0 });
  });

  it('gives EINVAL for how outside 0..2', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream');
    expect(w.call(p, sys.shutdown(a, 3)).errno).toBe('EINVAL');
    expect(w.call(p, sys.shutdown(a, -1)).errno).toBe('EINVAL');
    expect(w.sockOf(p, a).shutdown).toBe(0);
  });
});
