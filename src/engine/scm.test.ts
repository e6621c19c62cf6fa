import { describe, expect, it } from 'vitest';
import { MSG_CTRUNC, O_CREAT, O_RDWR, SEEK_SET, SO_PASSCRED, SO_PEERCRED, SOCK_NONBLOCK } from './constants';
import { connection, eventsOf, sys, type World, world } from './testing/world';

/** A regular file holding "0123456789", open at offset 0; returns its fd. */
function openFile(w: World, pid: number, path = '/tmp/data'): number {
  const fd = w.ok(pid, sys.open(path, O_CREAT | O_RDWR)).ret;
  w.ok(pid, sys.write(fd, '0123456789'));
  w.ok(pid, sys.lseek(fd, 0, SEEK_SET));
  return fd;
}

describe('SCM_RIGHTS', () => {
  it('installs the lowest free fd in the receiver, sharing the same open file (and its offset)', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    const file = openFile(w, client);
    w.ok(client, sys.sendmsg(cfd, 'f', { rights: [file] }));
    const r = w.call(server, sys.recvmsg(sfd, 10));
    expect(r).toMatchObject({ ret: 1, text: 'f' });
    expect(r.result?.cmsgs).toEqual([{ type: 'SCM_RIGHTS', fds: [5] }]);
    expect(w.fileOf(server, 5)).toBe(w.fileOf(client, file));
    expect(w.call(client, sys.read(file, 4)).text).toBe('0123');
    expect(w.call(server, sys.read(5, 4)).text).toBe('4567');
  });

  it('keeps a passed file alive while in flight, after the sender closes its own fd', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    const [a, b] = w.pair(client, 'stream');
    w.ok(client, sys.sendmsg(cfd, 'x', { rights: [b] }));
    const passed = w.sockOf(client, b);
    w.ok(client, sys.close(b));
    expect(passed.dead).toBe(false);
    const fd = w.call(server, sys.recvmsg(sfd, 10)).result?.cmsgs?.[0];
    expect(fd).toEqual({ type: 'SCM_RIGHTS', fds: [5] });
    w.ok(client, sys.write(a, 'via passed socket'));
    expect(w.call(server, sys.read(5, 100)).text).toBe('via passed socket');
  });

  it('releases the fds of an unread message when the receiving socket closes: the passed socket’s peer sees EOF', () => {
    const w = world();
    const p = w.proc('app');
    const [tx, rx] = w.pair(p, 'dgram');
    const [a, b] = w.pair(p, 'stream', SOCK_NONBLOCK);
    w.ok(p, sys.sendmsg(tx, 'x', { rights: [b] }));
    w.ok(p, sys.close(b));
    expect(w.call(p, sys.read(a, 10)).errno).toBe('EAGAIN');
    w.ok(p, sys.close(rx));
    expect(w.call(p, sys.read(a, 10))).toMatchObject({ ret: 0, errno: null });
  });

  it('sets MSG_CTRUNC when the control buffer holds 1 of 2 fds: one installed, the other closed', () => {
    const w = world();
    const p = w.proc('app');
    const [tx, rx] = w.pair(p, 'dgram');
    const f1 = openFile(w, p, '/tmp/f1');
    const f2 = openFile(w, p, '/tmp/f2');
    w.ok(p, sys.sendmsg(tx, 'two fds', { rights: [f1, f2] }));
    expect(w.fileOf(p, f2).refs).toBe(2);
    const r = w.call(p, sys.recvmsg(rx, 100, { controllen: 20 }));
    expect(r).toMatchObject({ ret: 7, text: 'two fds' });
    expect(r.result?.msgFlags).toBe(MSG_CTRUNC);
    expect(r.result?.cmsgs).toEqual([{ type: 'SCM_RIGHTS', fds: [7] }]);
    expect(w.fileOf(p, f2).refs).toBe(1);
    expect(w.ok(p, sys.dup(0)).ret).toBe(8);
  });

  it('sets MSG_CTRUNC and installs nothing with controllen 0', () => {
    const w = world();
    const p = w.proc('app');
    const [tx, rx] = w.pair(p, 'dgram');
    const f1 = openFile(w, p);
    w.ok(p, sys.sendmsg(tx, 'data', { rights: [f1] }));
    const r = w.call(p, sys.recvmsg(rx, 100, { controllen: 0 }));
    expect(r.result).toMatchObject({ msgFlags: MSG_CTRUNC, cmsgs: [], controllen: 0 });
    expect(w.fileOf(p, f1).refs).toBe(1);
  });

  it('sends nothing (and passes no fd) for 0 data bytes on a stream socket, but a datagram carries it', () => {
    const w = world();
    const p = w.proc('app');
    const [sa, sb] = w.pair(p, 'stream', SOCK_NONBLOCK);
    const [da, db] = w.pair(p, 'dgram', SOCK_NONBLOCK);
    const f = openFile(w, p);
    expect(w.call(p, sys.sendmsg(sa, '', { rights: [f] }))).toMatchObject({ ret: 0 });
    expect(w.call(p, sys.recvmsg(sb, 10)).errno).toBe('EAGAIN');
    expect(w.fileOf(p, f).refs).toBe(1);
    w.ok(p, sys.sendmsg(da, '', { rights: [f] }));
    const r = w.call(p, sys.recvmsg(db, 10));
    expect(r).toMatchObject({ ret: 0, errno: null });
    expect(r.result?.cmsgs).toEqual([{ type: 'SCM_RIGHTS', fds: [8] }]);
  });

  it('gives EBADF for an fd that is not open, and queues nothing', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'dgram');
    expect(w.call(p, sys.sendmsg(a, 'x', { rights: [42] })).errno).toBe('EBADF');
    expect(w.sockOf(p, b).receiveQueue).toHaveLength(0);
  });

  it('stops a stream read at the skb that carries fds: "xy" + "ab"[fd] + "cd" reads as "xyab", then "cd"', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    const f = openFile(w, client);
    w.ok(client, sys.write(cfd, 'xy'));
    const sent = w.call(client, sys.sendmsg(cfd, 'ab', { rights: [f] }));
    expect(eventsOf(sent, 'skb.queued')).toEqual([expect.objectContaining({ bytes: 2, fds: 1 })]);
    w.ok(client, sys.write(cfd, 'cd'));
    const first = w.call(server, sys.recvmsg(sfd, 100));
    expect(first).toMatchObject({ ret: 4, text: 'xyab' });
    expect(first.result?.cmsgs).toEqual([{ type: 'SCM_RIGHTS', fds: [5] }]);
    expect(w.call(server, sys.recvmsg(sfd, 100))).toMatchObject({ ret: 2, text: 'cd' });
  });
});

describe('credentials', () => {
  it('gives SO_PEERCRED: the connecting process on the accepted socket, the listening process on the client', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    expect(w.ok(server, sys.getsockopt(sfd, SO_PEERCRED)).cred).toEqual({ pid: client, uid: 0, gid: 0 });
    expect(w.ok(client, sys.getsockopt(cfd, SO_PEERCRED)).cred).toEqual({ pid: server, uid: 0, gid: 0 });
  });

  it('attaches SCM_CREDENTIALS of the sender to every message once the receiver sets SO_PASSCRED', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(server, sys.setsockopt(sfd, SO_PASSCRED, 1));
    w.ok(client, sys.write(cfd, 'hi'));
    const r = w.call(server, sys.recvmsg(sfd, 10));
    expect(r.result?.cmsgs).toEqual([{ type: 'SCM_CREDENTIALS', pid: client, uid: 0, gid: 0 }]);
  });

  it('shows data queued before SO_PASSCRED as pid 0 and uid 65534, and does not merge it with later data', () => {
    const w = world();
    const { client, cfd, server, sfd } = connection(w);
    w.ok(client, sys.write(cfd, 'early'));
    w.ok(server, sys.setsockopt(sfd, SO_PASSCRED, 1));
    w.ok(client, sys.write(cfd, 'late'));
    const early = w.call(server, sys.recvmsg(sfd, 100));
    expect(early).toMatchObject({ ret: 5, text: 'early' });
    expect(early.result?.cmsgs).toEqual([{ type: 'SCM_CREDENTIALS', pid: 0, uid: 65534, gid: 65534 }]);
    const late = w.call(server, sys.recvmsg(sfd, 100));
    expect(late).toMatchObject({ ret: 4, text: 'late' });
    expect(late.result?.cmsgs).toEqual([{ type: 'SCM_CREDENTIALS', pid: client, uid: 0, gid: 0 }]);
  });
});
