import { describe, expect, it } from 'vitest';
import { SOCK_NONBLOCK, WNOHANG } from './constants';
import { SIGCHLD, SIGKILL, SIGPIPE, SIGTERM } from './signals';
import { connection, eventsOf, eventTypes, sys, world } from './testing/world';

const SIGUSR1 = 10;

describe('fork()', () => {
  it("gives the child the parent's descriptors, sharing the same open files", () => {
    const w = world();
    const p = w.proc('parent');
    const [a, b] = w.pair(p, 'stream');
    const r = w.call(p, sys.fork());
    const child = r.ret ?? -1;
    expect(eventsOf(r, 'proc.forked')).toEqual([{ type: 'proc.forked', parent: p, child }]);
    expect(w.process(child).ppid).toBe(p);
    expect(w.fileOf(child, a)).toBe(w.fileOf(p, a));
    expect(w.fileOf(p, a).refs).toBe(2);
    w.ok(child, sys.write(b, 'from child'));
    expect(w.call(p, sys.read(a, 100)).text).toBe('from child');
  });

  it("does not close the parent's socket when the child closes its copy: the peer sees EOF only after both", () => {
    const w = world();
    const p = w.proc('parent');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    const child = w.fork(p);
    w.ok(child, sys.close(b));
    expect(w.sockOf(p, b).dead).toBe(false);
    expect(w.call(p, sys.read(a, 10)).errno).toBe('EAGAIN');
    w.ok(p, sys.close(b));
    expect(w.call(p, sys.read(a, 10))).toMatchObject({ ret: 0, errno: null });
  });

  it('serves a connection per child: the client sees EOF once the handler child closes it', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 5);
    const cfd = w.connectTo(cli, '/tmp/srv', { nonblock: true });
    const conn = w.accept(srv, lfd);
    const handler = w.fork(srv);
    w.ok(srv, sys.close(conn));
    w.ok(handler, sys.close(lfd));
    w.ok(handler, sys.write(conn, 'served'));
    expect(w.call(cli, sys.read(cfd, 100)).text).toBe('served');
    expect(w.call(cli, sys.read(cfd, 100)).errno).toBe('EAGAIN');
    w.ok(handler, sys.close(conn));
    expect(w.call(cli, sys.read(cfd, 100))).toMatchObject({ ret: 0 });
    expect(w.sockOf(srv, lfd).state).toBe('TCP_LISTEN');
  });

  it('lets parent and child accept on one listener, each taking the oldest pending connection', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 5);
    const child = w.fork(srv);
    const first = w.connectTo(cli, '/tmp/srv');
    const second = w.connectTo(cli, '/tmp/srv');
    const c = w.accept(child, lfd);
    const s = w.accept(srv, lfd);
    expect(w.sockOf(child, c)).toBe(w.sockOf(cli, first).peer);
    expect(w.sockOf(srv, s)).toBe(w.sockOf(cli, second).peer);
  });
});

describe('exit()', () => {
  it('closes every descriptor like close(): the peer sees EOF', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.write(sfd, 'last'));
    const r = w.call(server, sys.exit(3));
    expect(r).toMatchObject({ kind: 'done' });
    expect(eventTypes(r)).toContain('sock.released');
    expect(w.process(server).files.fds.filter(Boolean)).toHaveLength(0);
    expect(w.call(client, sys.read(cfd, 100)).text).toBe('last');
    expect(w.call(client, sys.read(cfd, 100)).ret).toBe(0);
  });

  it('leaves a zombie that waitpid reaps, reporting the exit code', () => {
    const w = world();
    const p = w.proc('parent');
    const child = w.fork(p);
    w.call(child, sys.exit(7));
    expect(w.process(child).state).toBe('zombie');
    const r = w.call(p, sys.waitpid(-1));
    expect(r).toMatchObject({ ret: child, result: { status: { exited: 7 } } });
    expect(eventsOf(r, 'proc.reaped')).toEqual([{ type: 'proc.reaped', pid: child, by: p }]);
    expect(w.process(child).state).toBe('dead');
  });
});

describe('waitpid()', () => {
  it('gives ECHILD without children and 0 with WNOHANG while a child runs', () => {
    const w = world();
    const p = w.proc('parent');
    expect(w.call(p, sys.waitpid(-1)).errno).toBe('ECHILD');
    w.fork(p);
    expect(w.call(p, sys.waitpid(-1, WNOHANG))).toMatchObject({ ret: 0, errno: null });
  });

  it('sleeps until a child exits, and the exit wakes it', () => {
    const w = world();
    const p = w.proc('parent');
    const child = w.fork(p);
    expect(w.call(p, sys.waitpid(child)).kind).toBe('blocked');
    const r = w.call(child, sys.exit(0));
    expect(eventsOf(r, 'proc.woken')).toEqual([expect.objectContaining({ pid: p })]);
    expect(w.retry(p)).toMatchObject({ ret: child, result: { status: { exited: 0 } } });
  });

  it('reports a child killed by SIGPIPE as signaled', () => {
    const w = world();
    const p = w.proc('parent');
    const [a, b] = w.pair(p, 'stream');
    const child = w.fork(p);
    w.ok(p, sys.close(b));
    w.ok(child, sys.close(b));
    expect(w.call(child, sys.write(a, 'x'))).toMatchObject({ kind: 'killed', signal: SIGPIPE });
    expect(w.call(p, sys.waitpid(child)).result?.status).toEqual({ signaled: 'SIGPIPE', core: false });
  });

  it('reaps children at once when the parent ignores SIGCHLD', () => {
    const w = world();
    const p = w.proc('parent');
    w.ok(p, sys.sigaction(SIGCHLD, 'ignore'));
    const child = w.fork(p);
    w.call(child, sys.exit(0));
    expect(w.process(child).state).toBe('dead');
    expect(w.call(p, sys.waitpid(-1)).errno).toBe('ECHILD');
  });
});

describe('signals', () => {
  it('kills a process with kill(SIGTERM), closing its sockets', () => {
    const w = world();
    const { client, cfd, server } = connection(w);
    const killer = w.proc('killer');
    const r = w.call(killer, sys.kill(server, SIGTERM));
    expect(eventsOf(r, 'proc.exited')).toEqual([
      { type: 'proc.exited', pid: server, code: null, signal: 'SIGTERM' },
    ]);
    expect(w.call(client, sys.read(cfd, 10)).ret).toBe(0);
  });

  it('kills a sleeping process with SIGKILL even when it has a handler for other signals', () => {
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.sigaction(SIGTERM, 'handler'));
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    w.ok(w.proc('killer'), sys.kill(server, SIGKILL));
    expect(w.process(server).exit).toEqual({ signal: SIGKILL, core: false });
  });

  it('interrupts a blocked stream read with EINTR when a handled signal arrives', () => {
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.sigaction(SIGUSR1, 'handler'));
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    w.ok(w.proc('sender'), sys.kill(server, SIGUSR1));
    expect(w.isWoken(server)).toBe(true);
    const r = w.retry(server);
    expect(r).toMatchObject({ kind: 'done', ret: -1, errno: 'EINTR' });
    expect(r.result?.handlers).toEqual([SIGUSR1]);
  });
});
