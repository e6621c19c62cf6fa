/**
 * Explanations by the world outside the trace. Before a modelled call runs, the replayer asks
 * whether the recorded result needs something the trace does not show (a file that already
 * existed, a client that connected, data a peer wrote, a peer that closed); if so the outside
 * process does it with ordinary system calls, and the call then runs as recorded.
 */
import {
  absolutePath,
  bytesToBinary,
  fdGet,
  fdInstallAt,
  type Kernel,
  lookupPath,
  lowestFreeFd,
  MSG_PEEK,
  newFile,
  type Process,
  RCV_SHUTDOWN,
  type Syscall,
  skbLen,
  type UnixSock,
} from '../../engine';
import type { ReplayCore } from './core';
import type { Sockaddr } from './decode';
import { decodeAddr } from './expect';
import type { Translation } from './translate';

type Sys = Extract<Translation, { kind: 'sys' }>;

function sockAt(p: Process, fd: number): UnixSock | null {
  return fdGet(p, fd)?.file.sock ?? null;
}

/** The socket a name refers to in the model, or null. */
function findByAddr(
  k: Kernel,
  p: Process,
  addr: Uint8Array | null,
  addrlen: number,
  type: string,
): UnixSock | null {
  if (!addr) return null;
  const a = decodeAddr(addr, addrlen);
  if (!a?.path) return null;
  if (a.abstract) return k.abstract.get(`${type}:${bytesToBinary(a.path)}`) ?? null;
  const node = lookupPath(k, p, bytesToBinary(a.path));
  return typeof node === 'string' || !node.sock ? null : node.sock;
}

function pathOf(addr: Uint8Array | null, addrlen: number): string | null {
  if (!addr) return null;
  const a = decodeAddr(addr, addrlen);
  return a?.path && !a.abstract ? bytesToBinary(a.path) : null;
}

function filled(data: Uint8Array | undefined, from: number, to: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, to - from));
  if (data) out.set(data.subarray(from, to).subarray(0, out.length));
  return out;
}

/** The filesystem paths a call names. */
function pathsOf(c: Syscall): string[] {
  switch (c.name) {
    case 'unlink':
    case 'stat':
    case 'rmdir':
    case 'chdir':
    case 'mkdir':
    case 'mknod':
    case 'open':
      return [c.path];
    case 'rename':
      return [c.from, c.to];
    case 'bind':
    case 'connect':
    case 'sendto':
    case 'sendmsg': {
      const path = pathOf(c.addr, c.addrlen);
      return path ? [path] : [];
    }
    default:
      return [];
  }
}

/** Files and directories that existed before the trace (allowed even in strict mode). */
function explainFiles(r: ReplayCore, p: Process, tr: Sys): string | null {
  const k = r.k;
  const c = tr.call;
  const e = tr.expect;
  const missing = (path: string) => typeof lookupPath(k, p, path) === 'string';
  const pre = (path: string, kind: 'dir' | 'socket' | 'regular') => {
    const abs = absolutePath(p, path);
    r.world.preexisting(abs, kind, e.stat?.mode);
    return `${abs} existed before the trace began`;
  };
  const paths = pathsOf(c);
  let dirs: string | null = null;
  if (e.errno !== 'ENOENT' && e.errno !== 'ENOTDIR') {
    const made = paths.filter((path) => r.world.parentsOf(absolutePath(p, path)));
    if (made.length > 0) dirs = `the directory of ${absolutePath(p, made[0])} existed before the trace began`;
  }
  if (c.name === 'getppid' && e.ret !== null && e.ret !== p.ppid && !k.procs.has(p.ppid)) {
    p.ppid = e.ret;
    return `the parent ${e.ret} is outside the trace`;
  }
  const file = explainFile(r, p, tr, pre, missing);
  return file ?? dirs;
}

function explainFile(
  r: ReplayCore,
  p: Process,
  tr: Sys,
  pre: (path: string, kind: 'dir' | 'socket' | 'regular') => string,
  missing: (path: string) => boolean,
): string | null {
  const c = tr.call;
  const e = tr.expect;
  switch (c.name) {
    case 'unlink':
    case 'stat':
      if (!e.errno && missing(c.path)) {
        const mode = e.stat?.mode ?? 0;
        return pre(
          c.path,
          (mode & 0o170000) === 0o40000 ? 'dir' : (mode & 0o170000) === 0o140000 ? 'socket' : 'regular',
        );
      }
      if (!e.errno && e.stat && r.world.adoptMode(absolutePath(p, c.path), e.stat.mode))
        return `${absolutePath(p, c.path)} existed before the trace began, with mode 0${(e.stat.mode & 0o7777).toString(8)}`;
      return null;
    case 'rmdir':
    case 'chdir':
      return !e.errno && missing(c.path) ? pre(c.path, 'dir') : null;
    case 'mkdir':
      return e.errno === 'EEXIST' && missing(c.path) ? pre(c.path, 'dir') : null;
    case 'rename':
      return !e.errno && missing(c.from) ? pre(c.from, 'regular') : null;
    case 'bind': {
      const path = pathOf(c.addr, c.addrlen);
      return e.errno === 'EADDRINUSE' && path && missing(path) ? pre(path, 'socket') : null;
    }
    case 'connect':
    case 'sendto':
    case 'sendmsg': {
      const path = pathOf(c.addr, c.addrlen);
      return e.errno === 'ECONNREFUSED' && path && missing(path) ? pre(path, 'socket') : null;
    }
    default:
      return null;
  }
}

/** Whether a socket talks to the outside: its peer is an outside socket. */
function outsidePeer(r: ReplayCore, s: UnixSock | null): UnixSock | null {
  return s?.peer && r.world.owns(s.peer) ? s.peer : null;
}

function explainReceive(
  r: ReplayCore,
  p: Process,
  tr: Sys,
  c: Extract<Syscall, { fd: number }>,
  len: number,
  flags: number,
): string | null {
  const e = tr.expect;
  const s = sockAt(p, c.fd);
  if (!s || e.errno === 'EBADF' || e.ret === null) return null;
  const peer = outsidePeer(r, s);
  if (s.type === 'stream') {
    if (!peer) return null;
    const avail = s.receiveQueue.reduce((n, skb) => n + skbLen(skb), 0);
    if (e.ret > 0 && avail < e.ret) {
      r.world.sendFrom(peer, filled(e.data?.bytes, avail, e.ret));
      r.markInvented(r.world.lastQueued, Math.max(0, (e.data?.bytes.length ?? 0) - avail));
      return 'the peer outside the trace wrote this data';
    }
    if (e.ret === 0 && len > 0 && avail === 0 && !(s.shutdown & RCV_SHUTDOWN)) {
      r.world.shutdownWrite(peer);
      return 'the peer outside the trace stopped writing';
    }
    if (e.errno === 'ECONNRESET' && !s.err) {
      r.world.close(peer);
      return 'the peer outside the trace closed';
    }
    return null;
  }
  if (e.ret < 0 || s.receiveQueue.length > 0) {
    if (s.type === 'seqpacket' && peer && e.ret === 0 && len > 0 && s.receiveQueue.length === 0) {
      r.world.shutdownWrite(peer);
      return 'the peer outside the trace stopped writing';
    }
    return null;
  }
  const size = flags & 0x20 ? e.ret : Math.max(e.ret, e.data?.bytes.length ?? 0);
  const data = filled(e.data?.bytes, 0, size);
  if (peer) {
    if (s.type === 'seqpacket' && e.ret === 0 && len > 0) {
      r.world.shutdownWrite(peer);
      return 'the peer outside the trace stopped writing';
    }
    r.world.sendFrom(peer, data, s);
    r.markInvented(r.world.lastQueued, e.data?.bytes.length ?? 0);
    return 'the peer outside the trace sent this message';
  }
  if (s.type === 'dgram' && !s.peer) {
    r.world.sendTo(s, data, (e.addr ?? null) as Sockaddr | null);
    r.markInvented(r.world.lastQueued, e.data?.bytes.length ?? 0);
    return 'a process outside the trace sent this datagram';
  }
  return null;
}

/** The lowest descriptor a call that makes one may take (F_DUPFD's minimum), or null for other calls. */
function newFdFloor(c: Syscall): number | null {
  switch (c.name) {
    case 'socket':
    case 'accept':
    case 'accept4':
    case 'dup':
      return 0;
    case 'fcntl':
      return c.cmd === 0 || c.cmd === 1030 ? c.arg : null;
    default:
      return null;
  }
}

/**
 * A new descriptor above the lowest free one: the ones below it were open before the trace began
 * (inherited from whatever started the program) and never used in it. Only descriptors the
 * model has never seen in this process count, so a descriptor the model closed by mistake
 * still shows as a difference.
 */
function explainInheritedFds(r: ReplayCore, p: Process, tr: Sys): string | null {
  const floor = newFdFloor(tr.call);
  const got = tr.expect.ret;
  if (floor === null || got === null || got < 0 || tr.expect.errno) return null;
  const low = lowestFreeFd(p, floor);
  if (got <= low) return null;
  for (let fd = low; fd < got; fd++) if (!r.neverSeenFd(p, fd)) return null;
  for (let fd = low; fd < got; fd++) fdInstallAt(r.k, p, fd, newFile(r.k, 'opaque', 'inherited'), false);
  return got - low === 1
    ? `fd ${low} was open before the trace began`
    : `fds ${low} to ${got - 1} were open before the trace began`;
}

/** Asks the outside world to make the recorded result possible; returns what it did, or null. */
export function explainBefore(r: ReplayCore, p: Process, tr: Sys): string | null {
  const inherited = explainInheritedFds(r, p, tr);
  if (inherited) return inherited;
  const files = explainFiles(r, p, tr);
  if (r.strict) return files;
  const sock = explainSocket(r, p, tr);
  return files && sock ? `${files}; ${sock}` : (files ?? sock);
}

function explainSocket(r: ReplayCore, p: Process, tr: Sys): string | null {
  const k = r.k;
  const c = tr.call;
  const e = tr.expect;
  switch (c.name) {
    case 'accept':
    case 'accept4': {
      const s = sockAt(p, c.fd);
      if (!s || e.ret === null || e.ret < 0 || s.state !== 'TCP_LISTEN' || s.receiveQueue.length > 0)
        return null;
      return r.world.connectTo(s, e.addr ?? null)
        ? `a client outside the trace connected to ${s.addr?.text ?? 'the listener'}`
        : null;
    }
    case 'connect': {
      const s = sockAt(p, c.fd);
      if (!s || e.errno || e.ret !== 0) return null;
      const target = findByAddr(k, p, c.addr, c.addrlen, s.type);
      const name = decodeAddr(c.addr ?? new Uint8Array(0), c.addrlen);
      if (!name?.path) return null;
      if (s.type === 'dgram')
        return target
          ? null
          : r.world.receiveAt(s.type, name)
            ? 'a socket outside the trace was bound there'
            : null;
      if (target?.state !== 'TCP_LISTEN')
        return r.world.listenAt(s.type, name) ? 'a server outside the trace listens there' : null;
      if (target.receiveQueue.length > target.maxAckBacklog && r.world.owns(target)) {
        return r.world.acceptOne(target) ? 'the server outside the trace accepted a connection' : null;
      }
      return null;
    }
    case 'sendto':
    case 'sendmsg':
    case 'send':
    case 'write': {
      const s = sockAt(p, c.fd);
      if (!s) return null;
      const addr = c.name === 'sendto' || c.name === 'sendmsg' ? c.addr : null;
      const addrlen = c.name === 'sendto' || c.name === 'sendmsg' ? c.addrlen : 0;
      if (s.type === 'dgram' && addr && e.ret !== null && e.ret >= 0) {
        const target = findByAddr(k, p, addr, addrlen, s.type);
        const name = decodeAddr(addr, addrlen);
        if (!target && name?.path)
          return r.world.receiveAt(s.type, name) ? 'a socket outside the trace receives there' : null;
        if (target && r.world.owns(target) && target.receiveQueue.length > target.maxAckBacklog) {
          return r.world.drain(target) ? 'the receiver outside the trace read its datagrams' : null;
        }
        return null;
      }
      const peer = outsidePeer(r, s);
      if (!peer) return null;
      if (e.errno === 'EPIPE' && !peer.dead && !(peer.shutdown & RCV_SHUTDOWN)) {
        return r.world.close(peer) ? 'the peer outside the trace closed' : null;
      }
      if (e.ret !== null && e.ret > 0 && s.wmemAlloc >= s.sndbuf) {
        return r.world.drain(peer) ? 'the peer outside the trace read what was sent' : null;
      }
      if (
        e.ret !== null &&
        e.ret >= 0 &&
        s.type === 'dgram' &&
        peer.receiveQueue.length > peer.maxAckBacklog
      ) {
        return r.world.drain(peer) ? 'the receiver outside the trace read its datagrams' : null;
      }
      return null;
    }
    case 'read':
      return explainReceive(r, p, tr, c, c.len, 0);
    case 'recv':
    case 'recvfrom':
    case 'recvmsg':
      return explainReceive(r, p, tr, c, c.len, c.flags & ~MSG_PEEK);
    default:
      return null;
  }
}

/**
 * After a mismatch: differences that only an outside peer can account for (readiness that
 * outside data will explain at the next read, credentials of an outside process).
 */
export function explainAfter(r: ReplayCore, p: Process, tr: Sys, diffs: string[]): string | null {
  if (r.strict) return null;
  const c = tr.call;
  if (c.name === 'poll' || c.name === 'select') {
    const fds = c.name === 'poll' ? c.fds.map((f) => f.fd) : [...c.read, ...c.write, ...c.except];
    const socks = fds.map((fd) => sockAt(p, fd)).filter((s): s is UnixSock => s !== null);
    const reachable = (s: UnixSock) =>
      outsidePeer(r, s) !== null ||
      (s.state === 'TCP_LISTEN' && !r.world.owns(s)) ||
      (s.type === 'dgram' && s.addr !== null && (!s.peer || r.world.owns(s.peer)));
    if (socks.some(reachable)) {
      return 'readiness caused by a process outside the trace';
    }
    return null;
  }
  if (
    (c.name === 'getsockopt' || c.name === 'recvmsg') &&
    diffs.every((d) => d.startsWith('credentials') || d.startsWith('SCM_CREDENTIALS'))
  ) {
    return outsidePeer(r, sockAt(p, c.fd)) ? 'the credentials of a process outside the trace' : null;
  }
  return null;
}
