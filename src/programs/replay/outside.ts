/**
 * The world outside a trace. When a trace holds one side of a conversation only, results
 * that only another process could cause (a connection arriving, data to read, a peer that
 * closed, a path that already existed) are explained by an "outside" process that the
 * replay adds and drives with ordinary system calls.
 */
import {
  AF_UNIX,
  bytesToBinary,
  createNode,
  ensureDir,
  type FsNode,
  fdGet,
  type Kernel,
  type KernelEvent,
  lookupPath,
  type Process,
  SHUT_WR,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  type SockType,
  type Syscall,
  sockaddrAbstract,
  sockaddrPath,
  spawnProcess,
  syscall,
  type UnixSock,
} from '../../engine';
import type { Sockaddr } from './decode';

const TYPE_NUM: Record<SockType, number> = {
  stream: SOCK_STREAM,
  dgram: SOCK_DGRAM,
  seqpacket: SOCK_SEQPACKET,
};

/** The outside process and the sockets it holds. */
export class Outside {
  private proc: Process | null = null;

  constructor(
    private readonly pid: number,
    private readonly kernelOf: () => Kernel,
    /** Where the events of the outside world's calls go (the replay's step being made). */
    private readonly sink: (events: KernelEvent[]) => void = () => {},
  ) {}

  /** The outside process (created on first use). */
  process(): Process {
    const k = this.kernelOf();
    const p = k.procs.get(this.pid);
    if (p) return p;
    this.proc = spawnProcess(k, { name: 'outside the trace', pid: this.pid, noStdio: true, outside: true });
    return this.proc;
  }

  /** The same outside world for a copy of the replay (its process lives in that copy's kernel). */
  cloneFor(kernelOf: () => Kernel, sink: (events: KernelEvent[]) => void): Outside {
    const o = new Outside(this.pid, kernelOf, sink);
    o.lastQueued = [...this.lastQueued];
    return o;
  }

  /** Whether a process is the outside one. */
  isOutside(pid: number): boolean {
    return pid === this.pid;
  }

  /** The skbs the last outside send queued. */
  lastQueued: number[] = [];

  private call(c: Syscall): { ret: number; errno: string | null } {
    const k = this.kernelOf();
    this.sink(k.events);
    const out = syscall(k, this.process().pid, c);
    this.sink(out.events);
    if (c.name === 'send' || c.name === 'sendto') {
      this.lastQueued = out.events.flatMap((ev) => (ev.type === 'skb.queued' ? [ev.skb] : []));
    }
    if (out.kind !== 'done') return { ret: -1, errno: 'EAGAIN' };
    return out.result;
  }

  /** Whether a socket belongs to the outside: an outside fd holds it, or it waits on an outside listener. */
  owns(sock: UnixSock | null): boolean {
    if (!sock) return false;
    const p = this.kernelOf().procs.get(this.pid);
    if (!p) return false;
    if (sock.listener && this.owns(sock.listener)) return true;
    return p.files.fds.some((e) => e?.file.sock === sock);
  }

  /**
   * The outside fd of a socket, or -1. An embryo waiting on an outside listener is accepted
   * first (the outside server takes its pending connections in order until this one has an fd).
   */
  fdOf(sock: UnixSock): number {
    const p = this.process();
    const find = () => p.files.fds.findIndex((e) => e?.file.sock === sock);
    let fd = find();
    const listener = sock.listener;
    if (fd < 0 && listener && !listener.dead) {
      const lfd = p.files.fds.findIndex((e) => e?.file.sock === listener);
      for (let i = 0; lfd >= 0 && fd < 0 && i < listener.receiveQueue.length + 1; i++) {
        if (this.call({ name: 'accept', fd: lfd, addrlen: null }).ret < 0) break;
        fd = find();
      }
    }
    return fd;
  }

  private newSocket(type: SockType, name: Sockaddr | null): number {
    const fd = this.call({ name: 'socket', domain: AF_UNIX, type: TYPE_NUM[type], protocol: 0 }).ret;
    if (name?.path && name.family === AF_UNIX) {
      const a = name.abstract
        ? sockaddrAbstract(bytesToBinary(name.path))
        : sockaddrPath(bytesToBinary(name.path));
      if (!name.abstract) this.ensureParent(bytesToBinary(name.path));
      this.call({ name: 'bind', fd, addr: a.addr, addrlen: a.addrlen });
    }
    return fd;
  }

  private ensureParent(path: string): void {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (dir.startsWith('/')) this.makeDirs(dir);
  }

  /** An outside client connects to a traced listener (bound as `from` when that is named). */
  connectTo(listener: UnixSock, from: Sockaddr | null): boolean {
    const fd = this.newSocket(listener.type, from);
    const k = this.kernelOf();
    const entry = fdGet(this.process(), fd);
    if (!entry?.file.sock) return false;
    // Connect straight to the listener: its name may have been unlinked or renamed since.
    const addr = listener.addr;
    if (!addr) return false;
    if (addr.kind === 'path' && listener.node && lookupPath(k, this.process(), addr.text) !== listener.node) {
      return false;
    }
    return this.call({ name: 'connect', fd, addr: addr.bytes, addrlen: addr.len }).ret === 0;
  }

  /** An outside server listens at a name (creating the directories of a path). */
  listenAt(type: SockType, name: Sockaddr): boolean {
    const fd = this.newSocket(type, name);
    return this.call({ name: 'listen', fd, backlog: 4096 }).ret === 0;
  }

  /** An outside datagram socket bound at a name receives there. */
  receiveAt(type: SockType, name: Sockaddr): boolean {
    return this.newSocket(type, name) >= 0;
  }

  /**
   * An outside socket (the peer of `target`) sends bytes to it: one write, or one datagram
   * (sent to the target's name when the outside socket is not connected).
   */
  sendFrom(peer: UnixSock, data: Uint8Array, target?: UnixSock): boolean {
    const fd = this.fdOf(peer);
    if (fd < 0) return false;
    if (peer.type === 'dgram' && !peer.peer && target?.addr) {
      const a = target.addr;
      return this.call({ name: 'sendto', fd, data, flags: 0x40, addr: a.bytes, addrlen: a.len }).ret >= 0;
    }
    return this.call({ name: 'send', fd, data, flags: 0x40 }).ret >= 0;
  }

  /** Outside datagram senders, by the name they are bound to (kept so replies can reach them). */
  private readonly senders = new Map<string, number>();

  /** An outside socket bound at `from` (or unnamed) sends a datagram to a traced socket. */
  sendTo(target: UnixSock, data: Uint8Array, from: Sockaddr | null): boolean {
    const key = from?.path ? `${from.abstract ? '@' : ''}${bytesToBinary(from.path)}` : '';
    let fd = key ? (this.senders.get(key) ?? -1) : -1;
    if (fd < 0 || !fdGet(this.process(), fd)) {
      fd = this.newSocket(target.type, from);
      if (key) this.senders.set(key, fd);
    }
    const addr = target.addr;
    if (!addr) return false;
    const r = this.call({ name: 'sendto', fd, data, flags: 0x40, addr: addr.bytes, addrlen: addr.len });
    if (!key) this.call({ name: 'close', fd });
    return r.ret >= 0;
  }

  /** The outside end of a connection stops writing (the traced side then reads EOF). */
  shutdownWrite(peer: UnixSock): boolean {
    const fd = this.fdOf(peer);
    return fd >= 0 && this.call({ name: 'shutdown', fd, how: SHUT_WR }).ret === 0;
  }

  /** The outside end of a connection closes. */
  close(peer: UnixSock): boolean {
    const fd = this.fdOf(peer);
    return fd >= 0 && this.call({ name: 'close', fd }).ret === 0;
  }

  /** The outside end reads everything queued for it (so the traced sender has room again). */
  drain(sock: UnixSock): boolean {
    const fd = this.fdOf(sock);
    if (fd < 0) return false;
    for (let i = 0; i < 100000 && sock.receiveQueue.length > 0; i++) {
      if (this.call({ name: 'recv', fd, len: 1 << 20, flags: 0x40 }).ret <= 0) break;
    }
    return true;
  }

  /** An outside process accepts one pending connection on its listener. */
  acceptOne(listener: UnixSock): boolean {
    const fd = this.fdOf(listener);
    return fd >= 0 && this.call({ name: 'accept', fd, addrlen: null }).ret >= 0;
  }

  /** A file that existed before the trace began (created with its directories). */
  preexisting(path: string, kind: 'dir' | 'socket' | 'regular', mode?: number): void {
    const k = this.kernelOf();
    if (typeof lookupPath(k, null, path) !== 'string') return;
    const abs = path.startsWith('/') ? path : `/${path}`;
    this.ensureParent(abs);
    if (kind === 'dir') {
      const node = this.makeDirs(abs);
      if (mode !== undefined) {
        node.mode = mode & 0o7777;
        this.guessedModes.delete(node.ino);
      }
    } else {
      const node = createNode(k, null, abs, kind, kind === 'socket' ? 0o755 : 0o644);
      if (typeof node !== 'string' && mode !== undefined) node.mode = mode & 0o7777;
    }
  }

  /** Creates the missing directories above a path (they existed before the trace). */
  parentsOf(path: string): boolean {
    const k = this.kernelOf();
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!dir.startsWith('/') || typeof lookupPath(k, null, dir) !== 'string') return false;
    this.makeDirs(dir);
    return true;
  }

  /** Inodes of the directories made here whose permission bits nobody recorded (0755 until shown). */
  private readonly guessedModes = new Set<number>();

  /** Makes the missing directories of a path, noting that their modes are guesses. */
  private makeDirs(path: string): FsNode {
    const k = this.kernelOf();
    const first = k.nextIno;
    const node = ensureDir(k, path);
    for (let ino = first; ino < k.nextIno; ino++) this.guessedModes.add(ino);
    return node;
  }

  /**
   * A stat shows the mode of a directory made here as a parent of another path: take it, as the
   * directory existed before the trace began with that mode. False when the mode was known.
   */
  adoptMode(path: string, recorded: number): boolean {
    const node = lookupPath(this.kernelOf(), null, path);
    if (typeof node === 'string' || node.kind !== 'dir' || !this.guessedModes.has(node.ino)) return false;
    this.guessedModes.delete(node.ino);
    if ((recorded & 0o170000) !== 0o40000 || (node.mode & 0o7777) === (recorded & 0o7777)) return false;
    node.mode = recorded & 0o7777;
    return true;
  }
}
