import { describe, expect, it } from 'vitest';
import {
  MSG_DONTWAIT,
  MSG_NOSIGNAL,
  SHUT_WR,
  SIOCINQ,
  SIOCOUTQ,
  SO_ERROR,
  SO_RCVBUF,
  SOCK_NONBLOCK,
} from './constants';
import { SIGPIPE } from './signals';
import { connection, eventsOf, filler, sys, type World, world } from './testing/world';

/** Nonblocking writes of `size` bytes until one fails or writes short; returns the bytes written. */
function fill(
  w: World,
  pid: number,
  fd: number,
  size: number,
): { writes: number; bytes: number; last: string } {
  let writes = 0;
  let bytes = 0;
  for (;;) {
    const r = w.call(pid, sys.send(fd, filler(size), MSG_DONTWAIT));
    if (r.errno) return { writes, bytes, last: r.errno };
    bytes += r.ret ?? 0;
    if ((r.ret ?? 0) < size) return { writes, bytes, last: `partial ${r.ret}` };
    writes++;
  }
}

describe('a write to a peer that is gone', () => {
  it('gives EPIPE and SIGPIPE kills the writer', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.close(sfd));
    const r = w.call(client, sys.write(cfd, 'hello'));
    expect(r).toMatchObject({ kind: 'killed', ret: -1, errno: 'EPIPE', signal: SIGPIPE });
    expect(eventsOf(r, 'signal.delivered')).toEqual([
      expect.objectContaining({ pid: client, signal: 'SIGPIPE', action: 'terminate' }),
    ]);
    expect(w.process(client).state).toBe('zombie');
  });

  it('only gives EPIPE when SIGPIPE is ignored', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.sigaction(SIGPIPE, 'ignore'));
    w.ok(server, sys.close(sfd));
    expect(w.call(client, sys.write(cfd, 'hello'))).toMatchObject({ kind: 'done', ret: -1, errno: 'EPIPE' });
    expect(w.process(client).state).toBe('runnable');
  });

  it('only gives EPIPE with MSG_NOSIGNAL, and SO_ERROR stays 0', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.close(sfd));
    const r = w.call(client, sys.send(cfd, 'hello', MSG_NOSIGNAL));
    expect(r).toMatchObject({ kind: 'done', ret: -1, errno: 'EPIPE' });
    expect(eventsOf(r, 'signal.sent')).toEqual([]);
    expect(w.ok(client, sys.getsockopt(cfd, SO_ERROR)).value).toBe(0);
  });

  it('runs a SIGPIPE handler once per failing write, and the write gives EPIPE', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.sigaction(SIGPIPE, 'handler'));
    w.ok(server, sys.close(sfd));
    for (let i = 0; i < 2; i++) {
      const r = w.call(client, sys.write(cfd, 'x'));
      expect(r).toMatchObject({ kind: 'done', errno: 'EPIPE' });
      expect(r.result?.handlers).toEqual([SIGPIPE]);
      // The handler returns: rt_sigreturn unblocks SIGPIPE for the next write.
      w.ok(client, { name: 'sigreturn' });
    }
  });
});

describe('a blocked writer whose peer closes', () => {
  it('returns the bytes it had already sent', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.call(client, sys.write(cfd, filler(1 << 20))).kind).toBe('blocked');
    w.ok(server, sys.close(sfd));
    expect(w.isWoken(client)).toBe(true);
    expect(w.retry(client)).toMatchObject({ kind: 'done', ret: 219264, errno: null });
  });

  it('gives ECONNRESET, with no SIGPIPE, when it had sent nothing (its data was left unread)', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    fill(w, client, cfd, 1);
    expect(w.call(client, sys.write(cfd, 'y')).kind).toBe('blocked');
    w.ok(server, sys.close(sfd));
    const r = w.retry(client);
    expect(r).toMatchObject({ kind: 'done', ret: -1, errno: 'ECONNRESET' });
    expect(eventsOf(r, 'signal.sent')).toEqual([]);
  });
});

describe('a stream send', () => {
  it('gives ENOTCONN without SIGPIPE on an unconnected or listening socket', () => {
    const w = world();
    const p = w.proc('app');
    const lfd = w.listener(p, '/tmp/srv', 1);
    for (const fd of [w.sock(p, 'stream'), lfd]) {
      expect(w.call(p, sys.write(fd, 'x'))).toMatchObject({ kind: 'done', errno: 'ENOTCONN' });
    }
  });

  it('gives EISCONN for sendto with an address on a connected socket and EOPNOTSUPP on an unconnected one', () => {
    const w = world();
    const { client, cfd } = connection(w);
    expect(w.call(client, sys.sendto(cfd, 'x', '/tmp/srv')).errno).toBe('EISCONN');
    expect(w.call(client, sys.sendto(w.sock(client, 'stream'), 'x', '/tmp/srv')).errno).toBe('EOPNOTSUPP');
  });

  it('returns 0 for a write of 0 bytes and queues nothing', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    expect(w.call(p, sys.write(a, ''))).toMatchObject({ ret: 0, errno: null });
    expect(w.sockOf(p, b).receiveQueue).toHaveLength(0);
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(0);
  });

  it('makes one skb per write, never merging small writes on the sending side', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    for (const s of ['a', 'b', 'c']) w.ok(p, sys.write(a, s));
    expect(w.sockOf(p, b).receiveQueue.map((skb) => skb.data.length)).toEqual([1, 1, 1]);
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(3 * 768);
  });

  it.each([
    [1, 278],
    [64, 278],
    [1024, 93],
    [4096, 44],
  ])('fills the default buffer with nonblocking writes of %i bytes after %i writes', (size, writes) => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream', SOCK_NONBLOCK);
    expect(fill(w, p, a, size)).toEqual({ writes, bytes: writes * size, last: 'EAGAIN' });
  });

  it('writes part of a 64 KiB write when only part fits: 3 whole writes, then 36544 bytes', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream', SOCK_NONBLOCK);
    expect(fill(w, p, a, 65536)).toEqual({ writes: 3, bytes: 233152, last: 'partial 36544' });
  });

  it('takes 219264 bytes (6 skbs of 36544) of a single nonblocking 1 MiB write', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    expect(w.call(p, sys.write(a, filler(1 << 20)))).toMatchObject({ ret: 219264 });
    expect(w.sockOf(p, b).receiveQueue.map((skb) => skb.data.length)).toEqual(Array(6).fill(36544));
  });

  it("is limited by the sender's SO_SNDBUF, not the receiver's SO_RCVBUF", () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    w.ok(p, sys.setsockopt(b, SO_RCVBUF, 1));
    expect(w.ok(p, sys.getsockopt(b, SO_RCVBUF)).value).toBe(2304);
    expect(fill(w, p, a, 1).writes).toBe(278);
  });

  it('sleeps when a blocking write does not fit, and returns the full count once the reader drains it', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    const total = 1 << 20;
    let r = w.call(client, sys.write(cfd, filler(total)));
    expect(r.kind).toBe('blocked');
    let received = 0;
    for (let guard = 0; r.kind === 'blocked' && guard < 1000; guard++) {
      received += w.ok(server, sys.read(sfd, 65536)).ret;
      if (w.isWoken(client)) r = w.retry(client);
    }
    expect(r).toMatchObject({ kind: 'done', ret: total });
    while (received < total) received += w.ok(server, sys.read(sfd, 65536)).ret;
    expect(received).toBe(total);
  });
});

describe('a datagram send', () => {
  it('gives EMSGSIZE for a datagram longer than SO_SNDBUF - 32', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    expect(w.call(p, sys.send(a, filler(212961))).errno).toBe('EMSGSIZE');
    expect(w.call(p, sys.send(a, filler(212960)))).toMatchObject({ ret: 212960 });
    expect(w.ok(p, sys.ioctl(b, SIOCINQ)).value).toBe(212960);
  });

  it('lets unconnected senders queue max_dgram_qlen + 1 = 11 datagrams, then EAGAIN', () => {
    const w = world();
    const p = w.proc('app');
    const rx = w.sock(p, 'dgram');
    w.ok(p, sys.bind(rx, '/tmp/rx'));
    const tx = w.sock(p, 'dgram');
    let sent = 0;
    while (w.call(p, sys.sendto(tx, 'm', '/tmp/rx', MSG_DONTWAIT)).ret === 1) sent++;
    expect(sent).toBe(11);
    expect(w.call(p, sys.sendto(tx, 'm', '/tmp/rx', MSG_DONTWAIT)).errno).toBe('EAGAIN');
  });

  it('has no queue limit between mutually connected sockets: 278 datagrams of 100 bytes fill SO_SNDBUF', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    expect(fill(w, p, a, 100)).toEqual({ writes: 278, bytes: 27800, last: 'EAGAIN' });
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(278 * 768);
  });

  it('charges 69888 bytes per 64 KiB datagram, so 4 fit', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    expect(fill(w, p, a, 65536).writes).toBe(4);
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(4 * 69888);
  });

  it('sleeps when blocking on a full receiver until the receiver reads a datagram', () => {
    const w = world();
    const rxp = w.proc('receiver');
    const txp = w.proc('sender');
    const rx = w.sock(rxp, 'dgram');
    w.ok(rxp, sys.bind(rx, '/tmp/rx'));
    const tx = w.sock(txp, 'dgram');
    for (let i = 0; i < 11; i++) w.ok(txp, sys.sendto(tx, `m${i}`, '/tmp/rx'));
    expect(w.call(txp, sys.sendto(tx, 'late', '/tmp/rx')).kind).toBe('blocked');
    expect(w.call(rxp, sys.recv(rx, 10)).text).toBe('m0');
    expect(w.isWoken(txp)).toBe(true);
    expect(w.retry(txp)).toMatchObject({ kind: 'done', ret: 4 });
  });

  it('gives EPIPE without SIGPIPE on a seqpacket socket whose peer has closed', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'seqpacket');
    w.ok(p, sys.close(b));
    expect(w.call(p, sys.send(a, 'x'))).toMatchObject({
      kind: 'done',
      ret: -1,
      errno: 'EPIPE',
      signal: null,
    });
  });

  it('gives EPIPE without SIGPIPE after its own SHUT_WR', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'dgram');
    w.ok(p, sys.shutdown(a, SHUT_WR));
    const r = w.call(p, sys.send(a, 'x'));
    expect(r).toMatchObject({ kind: 'done', errno: 'EPIPE' });
    expect(eventsOf(r, 'signal.sent')).toEqual([]);
  });

  it('gives ENOTCONN with no address on an unconnected socket, and ENOENT or EPROTOTYPE for bad targets', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'dgram');
    w.listener(p, '/tmp/stream', 1);
    expect(w.call(p, sys.send(fd, 'x')).errno).toBe('ENOTCONN');
    expect(w.call(p, sys.sendto(fd, 'x', '/tmp/none')).errno).toBe('ENOENT');
    expect(w.call(p, sys.sendto(fd, 'x', '/tmp/stream')).errno).toBe('EPROTOTYPE');
    expect(w.call(p, sys.sendto(fd, 'x', '@none')).errno).toBe('ECONNREFUSED');
  });
});
