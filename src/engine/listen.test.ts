import { describe, expect, it } from 'vitest';
import { SO_ACCEPTCONN } from './constants';
import { connection, eventsOf, sys, type World, world } from './testing/world';

/** Nonblocking connects to `path` until one fails; returns how many succeeded and the failure. */
function fillBacklog(
  w: World,
  pid: number,
  path: string,
  max = 100,
): { admitted: number; errno: string | null } {
  for (let n = 0; n < max; n++) {
    const fd = w.sock(pid, 'stream', 0o4000);
    const r = w.call(pid, sys.connect(fd, path));
    if (r.errno) return { admitted: n, errno: r.errno };
  }
  return { admitted: max, errno: null };
}

describe('listen()', () => {
  it.each([0, 1, 2, 5])('with backlog %i admits backlog + 1 connections, then EAGAIN', (backlog) => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    w.listener(srv, '/tmp/srv', backlog);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: backlog + 1, errno: 'EAGAIN' });
  });

  it('admits backlog + 1 on a seqpacket listener too', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    w.listener(srv, '/tmp/srv', 1, 'seqpacket');
    let admitted = 0;
    for (;;) {
      const fd = w.sock(cli, 'seqpacket', 0o4000);
      if (w.call(cli, sys.connect(fd, '/tmp/srv')).errno) break;
      admitted++;
    }
    expect(admitted).toBe(2);
  });

  it('frees exactly one slot per accept', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 1);
    fillBacklog(w, cli, '/tmp/srv');
    w.accept(srv, lfd);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: 1, errno: 'EAGAIN' });
  });

  it.each([-1, 100000])('clamps backlog %i to somaxconn as an unsigned value', (backlog) => {
    const w = world({ somaxconn: 8 });
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', backlog);
    expect(w.sockOf(srv, lfd).maxAckBacklog).toBe(8);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: 9, errno: 'EAGAIN' });
  });

  it('clamps listen(-1) to the measured somaxconn of 4096 by default', () => {
    const w = world();
    const p = w.proc('server');
    const lfd = w.listener(p, '/tmp/srv', -1);
    expect(w.sockOf(p, lfd).maxAckBacklog).toBe(4096);
  });

  it('makes the socket a listener: TCP_LISTEN, SO_ACCEPTCONN 1, a sock.listening event', () => {
    const w = world();
    const p = w.proc('server');
    const fd = w.sock(p, 'stream');
    w.ok(p, sys.bind(fd, '/tmp/srv'));
    const r = w.call(p, sys.listen(fd, 3));
    expect(eventsOf(r, 'sock.listening')).toEqual([
      { type: 'sock.listening', sock: w.sockOf(p, fd).id, backlog: 3 },
    ]);
    expect(w.sockOf(p, fd).state).toBe('TCP_LISTEN');
    expect(w.ok(p, sys.getsockopt(fd, SO_ACCEPTCONN)).value).toBe(1);
  });

  it('gives EINVAL on an unbound socket (Linux does not autobind here)', () => {
    const w = world();
    const p = w.proc('server');
    const fd = w.sock(p, 'stream');
    expect(w.call(p, sys.listen(fd, 5)).errno).toBe('EINVAL');
    expect(w.sockOf(p, fd).state).toBe('TCP_CLOSE');
  });

  it('gives EOPNOTSUPP on a datagram socket and EINVAL on a connected one', () => {
    const w = world();
    const { client, cfd } = connection(w);
    const d = w.sock(client, 'dgram');
    w.ok(client, sys.bind(d, '/tmp/d'));
    expect(w.call(client, sys.listen(d, 5)).errno).toBe('EOPNOTSUPP');
    expect(w.call(client, sys.listen(cfd, 5)).errno).toBe('EINVAL');
  });

  it('changes the backlog at once on a second listen; shrinking keeps the queue but refuses new connects', () => {
    const w = world();
    const srv = w.proc('server');
    const cli = w.proc('client');
    const lfd = w.listener(srv, '/tmp/srv', 3);
    expect(fillBacklog(w, cli, '/tmp/srv', 3).admitted).toBe(3);
    w.ok(srv, sys.listen(lfd, 0));
    expect(w.sockOf(srv, lfd).receiveQueue).toHaveLength(3);
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: 0, errno: 'EAGAIN' });
    w.ok(srv, sys.listen(lfd, 5));
    expect(fillBacklog(w, cli, '/tmp/srv')).toEqual({ admitted: 3, errno: 'EAGAIN' });
  });
});
