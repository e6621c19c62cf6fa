/**
 * The kernel profiles: Linux by default, and 4.3BSD where its 1986 sources differ. Each 4.3BSD
 * test quotes the source line it checks.
 */
import { describe, expect, it } from 'vitest';
import { O_CREAT, O_WRONLY } from './constants';
import { BSD43_DEFAULTS, createKernel, LINUX_DEFAULTS } from './kernel';
import { backlogCapacity, profileConfig } from './profiles';
import { eventTypes, sys, type World, world } from './testing/world';

/** Connects new sockets to `path` until one fails; returns how many succeeded and the failure. */
function fillBacklog(
  w: World,
  pid: number,
  path: string,
  flags = 0,
): { admitted: number; errno: string | null } {
  for (let n = 0; n < 100; n++) {
    const fd = w.sock(pid, 'stream', flags);
    const r = w.call(pid, sys.connect(fd, path));
    if (r.kind !== 'done') throw new Error(`connect ${n + 1} did not finish: ${r.kind}`);
    if (r.errno) return { admitted: n, errno: r.errno };
  }
  return { admitted: 100, errno: null };
}

/** A 4.3BSD world with a server listening on /tmp/srv with `backlog`, and a client. */
function bsdListener(backlog: number): { w: World; srv: number; cli: number; lfd: number } {
  const w = world({ profile: '4.3bsd' });
  const srv = w.proc('server');
  const cli = w.proc('client');
  const lfd = w.listener(srv, '/tmp/srv', backlog);
  return { w, srv, cli, lfd };
}

describe('kernel profiles', () => {
  it('the Linux profile is the default', () => {
    expect(createKernel().config).toEqual(LINUX_DEFAULTS);
    expect(createKernel().config.profile).toBe('linux');
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    w.listener(srv, '/tmp/srv', 20);
    expect(fillBacklog(w, cli, '/tmp/srv', 0o4000)).toEqual({ admitted: 21, errno: 'EAGAIN' });
  });

  it('profileConfig, the 4.3BSD defaults and a bare profile all give the same 4.3BSD kernel', () => {
    expect(profileConfig('4.3bsd')).toEqual(BSD43_DEFAULTS);
    expect(profileConfig('linux')).toEqual(LINUX_DEFAULTS);
    expect(BSD43_DEFAULTS).toMatchObject({ profile: '4.3bsd', somaxconn: 5 });
    expect(createKernel({ profile: '4.3bsd' }).config).toEqual(BSD43_DEFAULTS);
    expect(createKernel({ ...BSD43_DEFAULTS }).config).toEqual(BSD43_DEFAULTS);
    expect(createKernel(profileConfig('4.3bsd')).config).toEqual(BSD43_DEFAULTS);
  });
});

describe('listen() and connect() on 4.3BSD', () => {
  // solisten() in sys/uipc_socket.c: "so->so_qlimit = MIN(backlog, SOMAXCONN);" with
  // "#define SOMAXCONN 5" in sys/h/socket.h; listen.2: "The backlog is currently limited (silently) to 5."
  it('on 4.3BSD listen(s, 20) admits the same as listen(s, 5)', () => {
    const a = bsdListener(20);
    const b = bsdListener(5);
    expect(a.w.sockOf(a.srv, a.lfd).maxAckBacklog).toBe(5);
    const twenty = fillBacklog(a.w, a.cli, '/tmp/srv');
    expect(twenty).toEqual(fillBacklog(b.w, b.cli, '/tmp/srv'));
    expect(twenty).toEqual({ admitted: 8, errno: 'ECONNREFUSED' });
  });

  // sonewconn() in sys/uipc_socket2.c:
  // "if (head->so_qlen + head->so_q0len > 3 * head->so_qlimit / 2) goto bad;"
  // and so_q0len is 0 in the UNIX domain (unp_connect2() -> soisconnected() moves it to so_q).
  it.each([
    [0, 1],
    [1, 2],
    [2, 4],
    [3, 5],
    [4, 7],
    [5, 8],
  ])('on 4.3BSD a backlog of %i admits %i connections (3 * backlog / 2, plus one)', (backlog, admitted) => {
    const { w, cli } = bsdListener(backlog);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted, errno: 'ECONNREFUSED' });
    expect(backlogCapacity(w.k.config, backlog)).toBe(admitted);
  });

  // unp_connect() in sys/uipc_usrreq.c: "(so2 = sonewconn(so2)) == 0)) { error = ECONNREFUSED; goto bad; }"
  it('on 4.3BSD a connect to a full queue fails with ECONNREFUSED at once', () => {
    const { w, srv, cli, lfd } = bsdListener(0);
    w.connectTo(cli, '/tmp/srv');
    const fd = w.sock(cli, 'stream');
    const r = w.call(cli, sys.connect(fd, '/tmp/srv'));
    expect(r).toMatchObject({ kind: 'done', ret: -1, errno: 'ECONNREFUSED' });
    expect(eventTypes(r)).not.toContain('proc.slept');
    expect(w.isAsleep(cli)).toBe(false);
    expect(w.sockOf(cli, fd).state).toBe('TCP_CLOSE');
    expect(w.sockOf(srv, lfd).receiveQueue).toHaveLength(1);
  });

  it('on 4.3BSD an accept makes room for exactly one more connection', () => {
    const { w, srv, cli, lfd } = bsdListener(1);
    fillBacklog(w, cli, '/tmp/srv');
    w.accept(srv, lfd);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: 1, errno: 'ECONNREFUSED' });
  });

  // solisten(): "if (backlog < 0) backlog = 0;" (Linux reads -1 as unsigned: somaxconn).
  it('on 4.3BSD listen(s, -1) means a backlog of 0, which admits one connection', () => {
    const { w, srv, cli, lfd } = bsdListener(-1);
    expect(w.sockOf(srv, lfd).maxAckBacklog).toBe(0);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: 1, errno: 'ECONNREFUSED' });
  });

  // unp_connect(): "if ((ip->i_mode&IFMT) != IFSOCK) { error = ENOTSOCK; goto bad; }", then
  // "if (so2 == 0) { error = ECONNREFUSED; ... }" and the SO_ACCEPTCONN test (ECONNREFUSED).
  it('on 4.3BSD a connect to a path that is not a socket fails with ENOTSOCK', () => {
    const w = world({ profile: '4.3bsd' });
    const p = w.proc('app');
    w.ok(p, sys.open('/tmp/file', O_CREAT | O_WRONLY));
    w.ok(p, sys.bind(w.sock(p, 'stream'), '/tmp/bound'));
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.connect(fd, '/tmp/file')).errno).toBe('ENOTSOCK');
    expect(w.call(p, sys.connect(fd, '/tmp')).errno).toBe('ENOTSOCK');
    expect(w.call(p, sys.connect(fd, '/tmp/bound')).errno).toBe('ECONNREFUSED');
  });

  // unp_connect(): "if (so->so_type != so2->so_type) { error = EPROTOTYPE; goto bad; }", as on Linux.
  it('on 4.3BSD a connect to a socket of another type fails with EPROTOTYPE, as on Linux', () => {
    const w = world({ profile: '4.3bsd' });
    const p = w.proc('app');
    w.ok(p, sys.bind(w.sock(p, 'dgram'), '/tmp/dg'));
    expect(w.call(p, sys.connect(w.sock(p, 'stream'), '/tmp/dg')).errno).toBe('EPROTOTYPE');
  });
});

describe('reading an unconnected stream socket', () => {
  // soreceive() in sys/uipc_socket.c: "if ((so->so_state & SS_ISCONNECTED) == 0 &&
  // (so->so_proto->pr_flags & PR_CONNREQUIRED)) rcverr(ENOTCONN);"
  it('on 4.3BSD fails with ENOTCONN, on a fresh socket and on a listener', () => {
    const { w, srv, lfd } = bsdListener(5);
    expect(w.call(srv, sys.read(w.sock(srv, 'stream'), 10)).errno).toBe('ENOTCONN');
    expect(w.call(srv, sys.read(lfd, 10)).errno).toBe('ENOTCONN');
  });

  it('on Linux fails with EINVAL', () => {
    const w = world();
    const p = w.proc('app');
    expect(w.call(p, sys.read(w.sock(p, 'stream'), 10)).errno).toBe('EINVAL');
  });
});
