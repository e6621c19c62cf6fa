import { describe, expect, it } from 'vitest';
import {
  MSG_DONTWAIT,
  MSG_OOB,
  POLLERR,
  POLLHUP,
  POLLIN,
  POLLNVAL,
  POLLOUT,
  POLLPRI,
  POLLRDHUP,
  SIOCOUTQ,
  SOCK_NONBLOCK,
} from './constants';
import { connection, eventsOf, filler, sys, world } from './testing/world';

const ALL = POLLIN | POLLOUT | POLLRDHUP | POLLPRI;

describe('poll() on sockets', () => {
  it('reports a fresh stream or seqpacket socket as POLLOUT|POLLHUP, and a fresh datagram socket as POLLOUT', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.ok(p, sys.poll(w.sock(p, 'stream'), ALL)).revents).toEqual([POLLOUT | POLLHUP]);
    expect(w.ok(p, sys.poll(w.sock(p, 'seqpacket'), ALL)).revents).toEqual([POLLOUT | POLLHUP]);
    expect(w.ok(p, sys.poll(w.sock(p, 'dgram'), ALL)).revents).toEqual([POLLOUT]);
  });

  it('reports a listener as 0 when its queue is empty and POLLIN with a connection pending, never POLLOUT', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    expect(w.call(srv, sys.poll(lfd, ALL))).toMatchObject({ ret: 0, result: { revents: [0] } });
    const cfd = w.connectTo(cli, '/tmp/srv');
    expect(w.ok(srv, sys.poll(lfd, ALL)).revents).toEqual([POLLIN]);
    expect(w.ok(cli, sys.poll(cfd, ALL)).revents).toEqual([POLLOUT]);
  });

  it('reports a connected idle socket as POLLOUT, and POLLIN|POLLOUT once data is queued', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.ok(server, sys.poll(sfd, ALL)).revents).toEqual([POLLOUT]);
    w.ok(client, sys.write(cfd, 'x'));
    expect(w.ok(server, sys.poll(sfd, ALL))).toMatchObject({ ret: 1, revents: [POLLIN | POLLOUT] });
  });

  it('reports POLLHUP and POLLERR even when they were not asked for', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'unread'));
    w.ok(server, sys.close(sfd));
    expect(w.ok(client, sys.poll(cfd, 0)).revents).toEqual([POLLHUP | POLLERR]);
  });

  it('reports POLLNVAL for a descriptor that is not open', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.ok(p, sys.poll(42, POLLIN)).revents).toEqual([POLLNVAL]);
  });

  it('reports POLLPRI while urgent data waits', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.send(cfd, 'ab!', MSG_OOB));
    expect(w.ok(server, sys.poll(sfd, ALL)).revents).toEqual([POLLIN | POLLOUT | POLLPRI]);
    expect(w.call(server, sys.recv(sfd, 1, MSG_OOB))).toMatchObject({ ret: 1, text: '!' });
  });

  it('sleeps with a timeout until data arrives on one of its descriptors', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.call(server, sys.poll(sfd, POLLIN, 5000)).kind).toBe('blocked');
    const r = w.call(client, sys.write(cfd, 'x'));
    expect(eventsOf(r, 'proc.woken')).toEqual([expect.objectContaining({ pid: server })]);
    expect(w.retry(server)).toMatchObject({ ret: 1, result: { revents: [POLLIN] } });
  });

  it('returns 0 when its timeout passes with nothing ready', () => {
    const w = world();
    const { server, sfd } = connection(w);
    expect(w.call(server, sys.poll(sfd, POLLIN, 1000)).kind).toBe('blocked');
    w.passTime();
    expect(w.k.now).toBe(1000);
    expect(w.retry(server)).toMatchObject({ ret: 0, result: { revents: [0] } });
  });
});

describe('select()', () => {
  it('puts a socket with data in the read set, a writable one in the write set, and urgent data in the except set', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.send(cfd, 'x!', MSG_OOB));
    const r = w.ok(server, sys.select([sfd], [sfd], [sfd]));
    expect(r).toMatchObject({ ret: 3, ready: { read: [sfd], write: [sfd], except: [sfd] } });
  });

  it('puts a listener in the read set once a connection is pending, and gives EBADF for a closed fd', () => {
    const w = world();
    const srv = w.proc('server');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    expect(w.ok(srv, sys.select([lfd], [], [])).ready?.read).toEqual([]);
    w.connectTo(w.proc('client'), '/tmp/srv');
    expect(w.ok(srv, sys.select([lfd], [], [])).ready?.read).toEqual([lfd]);
    expect(w.call(srv, sys.select([9], [], [])).errno).toBe('EBADF');
  });
});

describe('POLLOUT and the send buffer', () => {
  it('reports POLLOUT only while at most a quarter of SO_SNDBUF is charged (69 small writes yes, 70 no)', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream', SOCK_NONBLOCK);
    for (let i = 0; i < 69; i++) w.ok(p, sys.write(a, 'x'));
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(52992);
    expect(w.ok(p, sys.poll(a, POLLOUT)).revents).toEqual([POLLOUT]);
    w.ok(p, sys.write(a, 'x'));
    expect(w.ok(p, sys.poll(a, POLLOUT)).revents).toEqual([0]);
  });

  it('counts the bias of sk_wmem_alloc: exactly 53248 charged is already too much (measured on Linux 6.18)', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream', SOCK_NONBLOCK);
    w.ok(p, sys.write(a, filler(4096)));
    for (let i = 0; i < 63; i++) w.ok(p, sys.write(a, 'x'));
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(53248);
    expect(w.ok(p, sys.poll(a, POLLOUT)).revents).toEqual([0]);
  });

  it('lets writes succeed while poll reports no POLLOUT, until the buffer is full', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    for (let i = 0; i < 100; i++) w.ok(p, sys.write(a, 'x'));
    expect(w.ok(p, sys.poll(a, POLLOUT)).revents).toEqual([0]);
    expect(w.call(p, sys.write(a, 'x'))).toMatchObject({ ret: 1 });
    while (w.call(p, sys.write(a, 'x')).ret === 1);
    expect(w.call(p, sys.write(a, 'x')).errno).toBe('EAGAIN');
    w.ok(p, sys.read(b, 1 << 20));
    expect(w.ok(p, sys.poll(a, POLLOUT)).revents).toEqual([POLLOUT]);
  });

  it('takes POLLOUT from a one-way connected datagram sender whose receiver is full', () => {
    const w = world();
    const p = w.proc('app');
    const rx = w.sock(p, 'dgram');
    w.ok(p, sys.bind(rx, '/tmp/rx'));
    const tx = w.sock(p, 'dgram');
    w.ok(p, sys.connect(tx, '/tmp/rx'));
    for (let i = 0; i < 11; i++) w.ok(p, sys.send(tx, 'm', MSG_DONTWAIT));
    expect(w.call(p, sys.send(tx, 'm', MSG_DONTWAIT)).errno).toBe('EAGAIN');
    expect(w.ok(p, sys.poll(tx, POLLOUT)).revents).toEqual([0]);
    w.ok(p, sys.recv(rx, 10));
    expect(w.ok(p, sys.poll(tx, POLLOUT)).revents).toEqual([POLLOUT]);
  });
});
