import { describe, expect, it } from 'vitest';
import { bytesToBinary } from './bytes';
import {
  MSG_DONTWAIT,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  POLLIN,
  SHUT_WR,
  SIOCINQ,
  SO_PEEK_OFF,
  SO_RCVLOWAT,
  SO_RCVTIMEO,
  SO_SNDLOWAT,
  SOCK_NONBLOCK,
} from './constants';
import { connection, eventsOf, sys, world } from './testing/world';

describe('a stream read', () => {
  it('merges consecutive writes: "abc" + "def" reads as "abcdef"', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'abc'));
    w.ok(client, sys.write(cfd, 'def'));
    expect(w.call(server, sys.read(sfd, 100))).toMatchObject({ ret: 6, text: 'abcdef' });
  });

  it('leaves the rest queued after a short read', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'abcdef'));
    expect(w.call(server, sys.read(sfd, 2)).text).toBe('ab');
    expect(w.ok(server, sys.ioctl(sfd, SIOCINQ)).value).toBe(4);
    expect(w.call(server, sys.read(sfd, 100)).text).toBe('cdef');
  });

  it('consumes nothing with MSG_PEEK, across write boundaries, however often it peeks', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'abc'));
    w.ok(client, sys.write(cfd, 'def'));
    const first = w.call(server, sys.recv(sfd, 5, MSG_PEEK));
    expect(first.text).toBe('abcde');
    expect(eventsOf(first, 'skb.consumed')).toEqual([]);
    expect(w.call(server, sys.recv(sfd, 5, MSG_PEEK)).text).toBe('abcde');
    expect(w.call(server, sys.read(sfd, 100)).text).toBe('abcdef');
  });

  it('waits with MSG_WAITALL until all bytes have arrived, sleeping again between writes', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'ab'));
    expect(w.call(server, sys.recv(sfd, 6, MSG_WAITALL)).kind).toBe('blocked');
    w.ok(client, sys.write(cfd, 'cd'));
    expect(w.retry(server).kind).toBe('blocked');
    w.ok(client, sys.write(cfd, 'efgh'));
    expect(w.retry(server)).toMatchObject({ kind: 'done', ret: 6, text: 'abcdef' });
    expect(w.call(server, sys.read(sfd, 10)).text).toBe('gh');
  });

  it('returns a short count with MSG_WAITALL at EOF', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'ab'));
    expect(w.call(server, sys.recv(sfd, 10, MSG_WAITALL)).kind).toBe('blocked');
    w.ok(client, sys.shutdown(cfd, SHUT_WR));
    expect(w.retry(server)).toMatchObject({ ret: 2, text: 'ab' });
  });

  it('returns a short count with MSG_WAITALL|MSG_DONTWAIT, and EAGAIN only when nothing came', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.call(server, sys.recv(sfd, 10, MSG_WAITALL | MSG_DONTWAIT)).errno).toBe('EAGAIN');
    w.ok(client, sys.write(cfd, 'ab'));
    expect(w.call(server, sys.recv(sfd, 10, MSG_WAITALL | MSG_DONTWAIT))).toMatchObject({ ret: 2 });
  });

  it('returns 0 at once for read of 0 bytes, even on an empty nonblocking socket', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream', SOCK_NONBLOCK);
    expect(w.call(p, sys.read(a, 0))).toMatchObject({ kind: 'done', ret: 0, errno: null });
  });

  it('gives EAGAIN for recv of 0 bytes on an empty nonblocking socket, and 0 once data is queued', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    expect(w.call(p, sys.recv(a, 0)).errno).toBe('EAGAIN');
    w.ok(p, sys.write(b, 'x'));
    expect(w.call(p, sys.recv(a, 0))).toMatchObject({ ret: 0, errno: null });
    expect(w.ok(p, sys.ioctl(a, SIOCINQ)).value).toBe(1);
  });

  it('gives EAGAIN for recv of 0 bytes with MSG_WAITALL|MSG_DONTWAIT on an empty socket (the target is never 0)', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream');
    expect(w.call(p, sys.recv(a, 0, MSG_WAITALL | MSG_DONTWAIT))).toMatchObject({ ret: -1, errno: 'EAGAIN' });
  });

  it('waits for SO_RCVLOWAT bytes before returning, and returns what came when its timeout ends', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.setsockopt(sfd, SO_RCVLOWAT, 5));
    expect(w.ok(server, sys.getsockopt(sfd, SO_RCVLOWAT)).value).toBe(5);
    w.ok(client, sys.write(cfd, 'abc'));
    expect(w.call(server, sys.read(sfd, 100)).kind).toBe('blocked');
    w.ok(client, sys.write(cfd, 'de'));
    expect(w.retry(server)).toMatchObject({ ret: 5, text: 'abcde' });
    w.ok(server, sys.setsockopt(sfd, SO_RCVTIMEO, { ms: 300 }));
    w.ok(client, sys.write(cfd, 'abc'));
    expect(w.call(server, sys.read(sfd, 100)).kind).toBe('blocked');
    w.passTime();
    expect(w.retry(server)).toMatchObject({ ret: 3, text: 'abc' });
  });

  it('stores SO_RCVLOWAT 0 as 1 and a negative value as INT_MAX, and refuses SO_SNDLOWAT with ENOPROTOOPT', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream');
    w.ok(p, sys.setsockopt(a, SO_RCVLOWAT, 0));
    expect(w.ok(p, sys.getsockopt(a, SO_RCVLOWAT)).value).toBe(1);
    w.ok(p, sys.setsockopt(a, SO_RCVLOWAT, -1));
    expect(w.ok(p, sys.getsockopt(a, SO_RCVLOWAT)).value).toBe(0x7fffffff);
    expect(w.call(p, sys.setsockopt(a, SO_SNDLOWAT, 5)).errno).toBe('ENOPROTOOPT');
    expect(w.ok(p, sys.getsockopt(a, SO_SNDLOWAT)).value).toBe(1);
  });

  it('moves SO_PEEK_OFF forward with each peek and back with each read', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    w.ok(p, sys.setsockopt(b, SO_PEEK_OFF, 0));
    w.ok(p, sys.write(a, 'abcdef'));
    w.ok(p, sys.write(a, 'ghij'));
    const peekOff = () => w.ok(p, sys.getsockopt(b, SO_PEEK_OFF)).value;
    expect(w.call(p, sys.recv(b, 2, MSG_PEEK)).text).toBe('ab');
    expect(w.call(p, sys.recv(b, 3, MSG_PEEK)).text).toBe('cde');
    expect(peekOff()).toBe(5);
    expect(w.call(p, sys.read(b, 4)).text).toBe('abcd');
    expect(peekOff()).toBe(1);
    expect(w.call(p, sys.recv(b, 3, MSG_PEEK)).text).toBe('fgh');
    expect(peekOff()).toBe(4);
  });

  it('gives EAGAIN with MSG_DONTWAIT when empty, and sleeps without it', () => {
    const w = world();
    const { server, sfd } = connection(w);
    expect(w.call(server, sys.recv(sfd, 10, MSG_DONTWAIT))).toMatchObject({ errno: 'EAGAIN' });
    expect(w.call(server, sys.recv(sfd, 10)).kind).toBe('blocked');
  });

  it('gives EAGAIN when SO_RCVTIMEO runs out', () => {
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.setsockopt(sfd, SO_RCVTIMEO, { ms: 100 }));
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    w.passTime();
    expect(w.retry(server)).toMatchObject({ ret: -1, errno: 'EAGAIN' });
  });

  it('wakes a sleeping reader when data arrives', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    const wr = w.call(client, sys.write(cfd, 'wake'));
    expect(eventsOf(wr, 'proc.woken')).toEqual([expect.objectContaining({ pid: server })]);
    expect(w.retry(server)).toMatchObject({ ret: 4, text: 'wake' });
  });

  it('gives EINVAL on an unconnected or listening stream socket, but ENOTCONN on seqpacket', () => {
    const w = world();
    const p = w.proc('app');
    const lfd = w.listener(p, '/tmp/srv', 1);
    expect(w.call(p, sys.read(w.sock(p, 'stream'), 10)).errno).toBe('EINVAL');
    expect(w.call(p, sys.read(lfd, 10)).errno).toBe('EINVAL');
    expect(w.call(p, sys.read(w.sock(p, 'seqpacket'), 10)).errno).toBe('ENOTCONN');
  });
});

describe('a datagram read', () => {
  it('keeps message boundaries: three sends come back as three reads', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram');
    for (const m of ['one', 'two', 'three']) w.ok(p, sys.send(a, m));
    expect([1, 2, 3].map(() => w.call(p, sys.recv(b, 100)).text)).toEqual(['one', 'two', 'three']);
  });

  it('truncates a long datagram, discards the rest and sets MSG_TRUNC', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    w.ok(p, sys.send(a, '0123456789'));
    w.ok(p, sys.send(a, 'next'));
    const r = w.call(p, sys.recvmsg(b, 4));
    expect(r).toMatchObject({ ret: 4, text: '0123' });
    expect((r.result?.msgFlags ?? 0) & MSG_TRUNC).toBe(MSG_TRUNC);
    expect(eventsOf(r, 'skb.truncated')).toEqual([expect.objectContaining({ lost: 6 })]);
    expect(w.call(p, sys.recv(b, 100)).text).toBe('next');
  });

  it('returns the real length with recv(MSG_TRUNC), and MSG_PEEK|MSG_TRUNC keeps the datagram', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram');
    w.ok(p, sys.send(a, '0123456789'));
    expect(w.call(p, sys.recv(b, 4, MSG_PEEK | MSG_TRUNC))).toMatchObject({ ret: 10, text: '0123' });
    expect(w.call(p, sys.recv(b, 4, MSG_TRUNC))).toMatchObject({ ret: 10, text: '0123' });
    expect(w.sockOf(p, b).receiveQueue).toHaveLength(0);
  });

  it('reports the size of the next datagram only in SIOCINQ, but the sum on seqpacket', () => {
    const w = world();
    const p = w.proc('app');
    const [da, db] = w.pair(p, 'dgram');
    const [sa, sb] = w.pair(p, 'seqpacket');
    for (const fd of [da, sa]) {
      w.ok(p, sys.send(fd, 'abc'));
      w.ok(p, sys.send(fd, 'defgh'));
    }
    expect(w.ok(p, sys.ioctl(db, SIOCINQ)).value).toBe(3);
    expect(w.ok(p, sys.ioctl(sb, SIOCINQ)).value).toBe(8);
  });

  it('peeks inside and past datagrams with SO_PEEK_OFF, and a read moves the offset back by the whole datagram', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    w.ok(p, sys.setsockopt(b, SO_PEEK_OFF, 0));
    w.ok(p, sys.send(a, 'abcdef'));
    w.ok(p, sys.send(a, 'ghij'));
    const peekOff = () => w.ok(p, sys.getsockopt(b, SO_PEEK_OFF)).value;
    expect(w.call(p, sys.recv(b, 2, MSG_PEEK)).text).toBe('ab');
    expect(w.call(p, sys.recv(b, 3, MSG_PEEK)).text).toBe('cde');
    expect(w.call(p, sys.read(b, 4)).text).toBe('abcd');
    expect(peekOff()).toBe(0);
    w.ok(p, sys.setsockopt(b, SO_PEEK_OFF, 1));
    const r = w.call(p, sys.recvmsg(b, 2, { flags: MSG_PEEK | MSG_TRUNC }));
    expect(r).toMatchObject({ ret: 3, text: 'hi' });
    expect(r.result?.msgFlags).toBe(MSG_TRUNC);
    expect(peekOff()).toBe(3);
  });

  it('treats a zero-length datagram as a real message: POLLIN, recv 0, then EAGAIN', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    w.ok(p, sys.send(a, ''));
    expect(w.ok(p, sys.poll(b, POLLIN)).revents).toEqual([POLLIN]);
    expect(w.ok(p, sys.ioctl(b, SIOCINQ)).value).toBe(0);
    expect(w.call(p, sys.recv(b, 10))).toMatchObject({ ret: 0, errno: null });
    expect(w.call(p, sys.recv(b, 10)).errno).toBe('EAGAIN');
  });

  it('reports an unbound sender as addrlen 0 and a bound one by its path', () => {
    const w = world();
    const p = w.proc('app');
    const rx = w.sock(p, 'dgram');
    w.ok(p, sys.bind(rx, '/tmp/rx'));
    const anon = w.sock(p, 'dgram');
    const named = w.sock(p, 'dgram');
    w.ok(p, sys.bind(named, '/tmp/tx'));
    w.ok(p, sys.sendto(anon, 'a', '/tmp/rx'));
    w.ok(p, sys.sendto(named, 'b', '/tmp/rx'));
    expect(w.ok(p, sys.recvfrom(rx, 10)).addrlen).toBe(0);
    const from = w.ok(p, sys.recvfrom(rx, 10));
    expect(from.addrlen).toBe(2 + '/tmp/tx'.length + 1);
    expect(bytesToBinary((from.addr ?? new Uint8Array()).subarray(2))).toBe('/tmp/tx\0');
  });

  it('never sees EOF: after the peer closes, queued datagrams then EAGAIN', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    w.ok(p, sys.send(a, 'last'));
    w.ok(p, sys.close(a));
    expect(w.call(p, sys.recv(b, 10)).text).toBe('last');
    expect(w.call(p, sys.recv(b, 10)).errno).toBe('EAGAIN');
  });
});

describe('a seqpacket read', () => {
  it('keeps boundaries and truncates like a datagram', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w, 'seqpacket');
    w.ok(client, sys.write(cfd, 'hello'));
    w.ok(client, sys.write(cfd, 'world'));
    const r = w.call(server, sys.recvmsg(sfd, 3));
    expect(r).toMatchObject({ ret: 3, text: 'hel' });
    expect((r.result?.msgFlags ?? 0) & MSG_TRUNC).toBe(MSG_TRUNC);
    expect(w.call(server, sys.read(sfd, 100)).text).toBe('world');
  });

  it('reads a zero-length message as 0, and the next nonblocking recv gives EAGAIN, not 0', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'seqpacket', SOCK_NONBLOCK);
    w.ok(p, sys.send(a, ''));
    expect(w.call(p, sys.recv(b, 10))).toMatchObject({ ret: 0, errno: null });
    expect(w.call(p, sys.recv(b, 10)).errno).toBe('EAGAIN');
  });

  it('reads queued messages after the peer closes, then 0 even with MSG_DONTWAIT', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'seqpacket');
    w.ok(p, sys.send(a, 'bye'));
    w.ok(p, sys.close(a));
    expect(w.call(p, sys.recv(b, 10)).text).toBe('bye');
    expect(w.call(p, sys.recv(b, 10, MSG_DONTWAIT))).toMatchObject({ ret: 0, errno: null });
  });
});
