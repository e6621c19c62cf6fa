import { describe, expect, it } from 'vitest';
import {
  AF_INET,
  AF_UNIX,
  F_GETFD,
  F_GETFL,
  FD_CLOEXEC,
  O_NONBLOCK,
  SO_ACCEPTCONN,
  SO_ERROR,
  SO_PEERCRED,
  SO_RCVBUF,
  SO_SNDBUF,
  SO_TYPE,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCK_RAW,
  SOCK_RDM,
} from './constants';
import { eventTypes, sys, world } from './testing/world';

describe('socket()', () => {
  it('returns the lowest free fd: 3 in a fresh process, then 4', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, sys.socket('stream'))).toMatchObject({ kind: 'done', ret: 3, errno: null });
    expect(w.call(p, sys.socket('dgram'))).toMatchObject({ ret: 4 });
  });

  it('reuses the lowest fd a close has freed', () => {
    const w = world();
    const p = w.proc('app');
    const a = w.sock(p, 'stream');
    w.sock(p, 'stream');
    w.ok(p, sys.close(a));
    expect(w.call(p, sys.socket('stream'))).toMatchObject({ ret: a });
  });

  it('creates an unconnected socket and reports sock.created then fd.installed', () => {
    const w = world();
    const p = w.proc('app');
    const r = w.call(p, sys.socket('seqpacket'));
    expect(eventTypes(r)).toEqual(['sock.created', 'fd.installed']);
    const s = w.sockOf(p, r.ret ?? -1);
    expect(s).toMatchObject({ type: 'seqpacket', state: 'TCP_CLOSE', addr: null, peer: null });
  });

  it('turns SOCK_RAW into a datagram socket', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.ok(p, { name: 'socket', domain: AF_UNIX, type: SOCK_RAW, protocol: 0 }).ret;
    expect(w.ok(p, sys.getsockopt(fd, SO_TYPE)).value).toBe(2);
  });

  it.each([
    ['a type outside 0..10', 99, 'EINVAL'],
    ['unknown flag bits', 1 | 0x100, 'EINVAL'],
    ['type 0', 0, 'ESOCKTNOSUPPORT'],
    ['SOCK_RDM', SOCK_RDM, 'ESOCKTNOSUPPORT'],
  ])('rejects %s with %s', (_what, type, errno) => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, { name: 'socket', domain: AF_UNIX, type, protocol: 0 })).toMatchObject({
      ret: -1,
      errno,
    });
  });

  it('rejects another address family with EAFNOSUPPORT and a protocol other than 0 or 1 with EPROTONOSUPPORT', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, { name: 'socket', domain: 9999, type: 1, protocol: 0 }).errno).toBe('EAFNOSUPPORT');
    expect(w.call(p, { name: 'socket', domain: AF_UNIX, type: 1, protocol: 7 }).errno).toBe(
      'EPROTONOSUPPORT',
    );
    expect(w.call(p, { name: 'socketpair', domain: AF_INET, type: 1, protocol: 0 }).errno).toBe('EOPNOTSUPP');
    // AF_INET6 too (probed on Linux 6.18: fixtures/probes/socketpair_families.txt).
    expect(w.call(p, { name: 'socketpair', domain: 10, type: 1, protocol: 0 }).errno).toBe('EOPNOTSUPP');
  });

  it('shows SOCK_NONBLOCK and SOCK_CLOEXEC as O_NONBLOCK and FD_CLOEXEC', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream', SOCK_NONBLOCK | SOCK_CLOEXEC);
    expect(w.ok(p, sys.fcntl(fd, F_GETFL)).ret & O_NONBLOCK).toBe(O_NONBLOCK);
    expect(w.ok(p, sys.fcntl(fd, F_GETFD)).ret).toBe(FD_CLOEXEC);
  });

  it('starts unnamed, with no peer, no error and not listening', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.ok(p, sys.getsockname(fd)).addrlen).toBe(2);
    expect(w.call(p, sys.getpeername(fd)).errno).toBe('ENOTCONN');
    expect(w.ok(p, sys.getsockopt(fd, SO_ERROR)).value).toBe(0);
    expect(w.ok(p, sys.getsockopt(fd, SO_ACCEPTCONN)).value).toBe(0);
  });

  it('starts with 212992-byte buffers; setsockopt doubles the value, with minimums 4608 and 2304', () => {
    const w = world();
    const p = w.proc('app');
    const fd = w.sock(p, 'stream');
    expect(w.ok(p, sys.getsockopt(fd, SO_SNDBUF)).value).toBe(212992);
    w.ok(p, sys.setsockopt(fd, SO_SNDBUF, 16384));
    expect(w.ok(p, sys.getsockopt(fd, SO_SNDBUF)).value).toBe(32768);
    w.ok(p, sys.setsockopt(fd, SO_SNDBUF, 1));
    expect(w.ok(p, sys.getsockopt(fd, SO_SNDBUF)).value).toBe(4608);
    w.ok(p, sys.setsockopt(fd, SO_RCVBUF, 1));
    expect(w.ok(p, sys.getsockopt(fd, SO_RCVBUF)).value).toBe(2304);
    w.ok(p, sys.setsockopt(fd, SO_SNDBUF, 1 << 30));
    expect(w.ok(p, sys.getsockopt(fd, SO_SNDBUF)).value).toBe(8388608);
  });

  it('gives ENOTSOCK for a socket call on a terminal fd and EBADF for a closed fd', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, sys.listen(1, 5)).errno).toBe('ENOTSOCK');
    expect(w.call(p, sys.listen(9, 5)).errno).toBe('EBADF');
  });
});

describe('socketpair()', () => {
  it('returns fds 3 and 4, connected back to back', () => {
    const w = world();
    const p = w.proc('app');
    const r = w.call(p, sys.socketpair('stream'));
    expect(r.result?.fds).toEqual([3, 4]);
    const a = w.sockOf(p, 3);
    const b = w.sockOf(p, 4);
    expect(a.peer).toBe(b);
    expect(b.peer).toBe(a);
    expect(a.state).toBe('TCP_ESTABLISHED');
  });

  it('leaves both ends unnamed, and names the creator as the peer credentials', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    expect(w.ok(p, sys.getsockname(a)).addrlen).toBe(2);
    expect(w.ok(p, sys.getpeername(b)).addrlen).toBe(2);
    expect(w.ok(p, sys.getsockopt(a, SO_PEERCRED)).cred).toEqual({ pid: p, uid: 0, gid: 0 });
  });

  it('carries bytes from one end to the other', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'seqpacket');
    w.ok(p, sys.write(a, 'ping'));
    expect(w.call(p, sys.read(b, 10))).toMatchObject({ ret: 4, text: 'ping' });
  });
});
