/**
 * Small builders for engine tests: a kernel with named processes, syscall constructors that
 * take plain values (paths as strings, data as text), and shorthands for the usual arrange
 * steps (a listener, a connected client, an accepted socket). Every call is followed by an
 * invariant check, so a test also fails when the model breaks a rule it did not name.
 * Pure TypeScript: no Node APIs, no test framework (arrange steps throw on failure).
 */
import { sockaddrAbstract, sockaddrPath } from '../address';
import { fromUtf8, utf8 } from '../bytes';
import { advanceTime, nextDeadline } from '../clock';
import {
  AF_UNIX,
  SIZEOF_SOCKADDR_UN,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  SOL_SOCKET,
} from '../constants';
import { retry, syscall } from '../dispatch';
import type { Errno } from '../errno';
import type { KernelEvent, KernelEventType } from '../events';
import { fdGet } from '../fdtable';
import { checkInvariants } from '../invariants';
import { createKernel, type SpawnOptions, spawnProcess } from '../kernel';
import type { CallOutcome, CredArg, Syscall, SysResult } from '../syscalls';
import type { Kernel, KernelConfig, OpenFile, Process, SockType, UnixSock } from '../types';

/** UTF-8 bytes of a text: the data a test writes. */
export function text(s: string): Uint8Array {
  return utf8(s);
}

/** `n` bytes of 'x': a payload whose content does not matter. */
export function filler(n: number): Uint8Array {
  return new Uint8Array(n).fill(0x78);
}

const TYPE_NUMBER: Record<SockType, number> = {
  stream: SOCK_STREAM,
  dgram: SOCK_DGRAM,
  seqpacket: SOCK_SEQPACKET,
};

/** A name as tests write it: '/tmp/srv' is a path, '@name' an abstract name. */
function sockaddr(name: string): { addr: Uint8Array; addrlen: number } {
  return name.startsWith('@') ? sockaddrAbstract(name.slice(1)) : sockaddrPath(name);
}

function payload(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? text(data) : data;
}

/** Syscall constructors with the arguments a C program would pass, and sensible defaults. */
export const sys = {
  socket: (type: SockType, flags = 0): Syscall => ({
    name: 'socket',
    domain: AF_UNIX,
    type: TYPE_NUMBER[type] | flags,
    protocol: 0,
  }),
  socketpair: (type: SockType, flags = 0): Syscall => ({
    name: 'socketpair',
    domain: AF_UNIX,
    type: TYPE_NUMBER[type] | flags,
    protocol: 0,
  }),
  bind: (fd: number, name: string): Syscall => ({ name: 'bind', fd, ...sockaddr(name) }),
  /** bind with raw sockaddr bytes and an explicit addrlen. */
  bindRaw: (fd: number, addr: Uint8Array, addrlen: number): Syscall => ({ name: 'bind', fd, addr, addrlen }),
  listen: (fd: number, backlog: number): Syscall => ({ name: 'listen', fd, backlog }),
  connect: (fd: number, name: string): Syscall => ({ name: 'connect', fd, ...sockaddr(name) }),
  connectRaw: (fd: number, addr: Uint8Array, addrlen: number): Syscall => ({
    name: 'connect',
    fd,
    addr,
    addrlen,
  }),
  accept: (fd: number, addrlen: number | null = SIZEOF_SOCKADDR_UN): Syscall => ({
    name: 'accept',
    fd,
    addrlen,
  }),
  accept4: (fd: number, flags: number): Syscall => ({ name: 'accept4', fd, addrlen: null, flags }),
  write: (fd: number, data: Uint8Array | string): Syscall => ({ name: 'write', fd, data: payload(data) }),
  read: (fd: number, len: number): Syscall => ({ name: 'read', fd, len }),
  send: (fd: number, data: Uint8Array | string, flags = 0): Syscall => ({
    name: 'send',
    fd,
    data: payload(data),
    flags,
  }),
  recv: (fd: number, len: number, flags = 0): Syscall => ({ name: 'recv', fd, len, flags }),
  sendto: (fd: number, data: Uint8Array | string, name: string, flags = 0): Syscall => ({
    name: 'sendto',
    fd,
    data: payload(data),
    flags,
    ...sockaddr(name),
  }),
  recvfrom: (fd: number, len: number, flags = 0, addrlen = SIZEOF_SOCKADDR_UN): Syscall => ({
    name: 'recvfrom',
    fd,
    len,
    flags,
    addrlen,
  }),
  sendmsg: (
    fd: number,
    data: Uint8Array | string,
    opts: { rights?: number[]; creds?: CredArg; flags?: number } = {},
  ): Syscall => ({
    name: 'sendmsg',
    fd,
    data: payload(data),
    flags: opts.flags ?? 0,
    addr: null,
    addrlen: 0,
    rights: opts.rights ?? null,
    creds: opts.creds ?? null,
  }),
  recvmsg: (fd: number, len: number, opts: { controllen?: number; flags?: number } = {}): Syscall => ({
    name: 'recvmsg',
    fd,
    len,
    flags: opts.flags ?? 0,
    namelen: SIZEOF_SOCKADDR_UN,
    controllen: opts.controllen ?? 256,
  }),
  shutdown: (fd: number, how: number): Syscall => ({ name: 'shutdown', fd, how }),
  close: (fd: number): Syscall => ({ name: 'close', fd }),
  dup: (fd: number): Syscall => ({ name: 'dup', fd }),
  dup2: (fd: number, newfd: number): Syscall => ({ name: 'dup2', fd, newfd }),
  dup3: (fd: number, newfd: number, flags: number): Syscall => ({ name: 'dup3', fd, newfd, flags }),
  fcntl: (fd: number, cmd: number, arg = 0): Syscall => ({ name: 'fcntl', fd, cmd, arg }),
  getsockname: (fd: number, addrlen = SIZEOF_SOCKADDR_UN): Syscall => ({ name: 'getsockname', fd, addrlen }),
  getpeername: (fd: number, addrlen = SIZEOF_SOCKADDR_UN): Syscall => ({ name: 'getpeername', fd, addrlen }),
  getsockopt: (fd: number, opt: number): Syscall => ({
    name: 'getsockopt',
    fd,
    level: SOL_SOCKET,
    opt,
    optlen: 4,
  }),
  setsockopt: (fd: number, opt: number, value: number | { ms: number }): Syscall => ({
    name: 'setsockopt',
    fd,
    level: SOL_SOCKET,
    opt,
    value,
    optlen: typeof value === 'number' ? 4 : 16,
  }),
  ioctl: (fd: number, request: number, arg?: number): Syscall => ({ name: 'ioctl', fd, request, arg }),
  poll: (fd: number, events: number, timeoutMs = 0): Syscall => ({
    name: 'poll',
    fds: [{ fd, events }],
    timeoutMs,
  }),
  select: (read: number[], write: number[], except: number[], timeoutMs: number | null = 0): Syscall => ({
    name: 'select',
    nfds: Math.max(-1, ...read, ...write, ...except) + 1,
    read,
    write,
    except,
    timeoutMs,
  }),
  open: (path: string, flags: number, mode = 0o644): Syscall => ({ name: 'open', path, flags, mode }),
  lseek: (fd: number, offset: number, whence: number): Syscall => ({ name: 'lseek', fd, offset, whence }),
  fstat: (fd: number): Syscall => ({ name: 'fstat', fd }),
  stat: (path: string): Syscall => ({ name: 'stat', path }),
  unlink: (path: string): Syscall => ({ name: 'unlink', path }),
  rename: (from: string, to: string): Syscall => ({ name: 'rename', from, to }),
  mkdir: (path: string, mode = 0o755): Syscall => ({ name: 'mkdir', path, mode }),
  rmdir: (path: string): Syscall => ({ name: 'rmdir', path }),
  mknod: (path: string, mode: number): Syscall => ({ name: 'mknod', path, mode }),
  chdir: (path: string): Syscall => ({ name: 'chdir', path }),
  pipe: (flags = 0): Syscall => ({ name: 'pipe', flags }),
  fork: (): Syscall => ({ name: 'fork' }),
  exit: (status: number): Syscall => ({ name: 'exit', status }),
  waitpid: (pid: number, options = 0): Syscall => ({ name: 'waitpid', pid, options }),
  kill: (pid: number, sig: number): Syscall => ({ name: 'kill', pid, sig }),
  sigaction: (sig: number, handler: 'default' | 'ignore' | 'handler', restart = false): Syscall => ({
    name: 'sigaction',
    sig,
    handler,
    restart,
  }),
};

/** A call's outcome with its result spread out, so one `toMatchObject` can check it. */
export interface Reply {
  kind: CallOutcome['kind'];
  /** The return value, or null while the caller sleeps. */
  ret: number | null;
  errno: Errno | null;
  /** The bytes read, as text (null when the call read nothing). */
  text: string | null;
  /** The full result (null while the caller sleeps). */
  result: SysResult | null;
  /** The signal that killed the caller, or null. */
  signal: number | null;
  events: KernelEvent[];
}

function toReply(out: CallOutcome): Reply {
  const result = out.kind === 'blocked' ? null : out.result;
  return {
    kind: out.kind,
    ret: result ? result.ret : null,
    errno: result ? result.errno : null,
    text: result?.data ? fromUtf8(result.data) : null,
    result,
    signal: out.kind === 'killed' ? out.signal : null,
    events: out.events,
  };
}

/** The types of the events in a reply, in order. */
export function eventTypes(r: Reply): KernelEventType[] {
  return r.events.map((e) => e.type);
}

/** The events of one type in a reply. */
export function eventsOf<T extends KernelEventType>(r: Reply, type: T): Extract<KernelEvent, { type: T }>[] {
  return r.events.filter((e): e is Extract<KernelEvent, { type: T }> => e.type === type);
}

/** Options of the connect shorthand. */
export interface ConnectOptions {
  type?: SockType;
  nonblock?: boolean;
  /** Bind the client to this name first. */
  bindTo?: string;
}

/** A test world: one kernel, its processes, and shorthands that run calls on them. */
export interface World {
  k: Kernel;
  /** Starts a process (with stdin, stdout and stderr) and returns its pid. */
  proc(name: string, opts?: Omit<SpawnOptions, 'name'>): number;
  /** Makes one call. A sleeping process cannot make a new one: use `retry` (this throws). */
  call(pid: number, call: Syscall): Reply;
  /** Retries the call a process sleeps in, as the scheduler does once it is woken. */
  retry(pid: number): Reply;
  /** Makes a call that must succeed, and returns its result (throws otherwise). */
  ok(pid: number, call: Syscall): SysResult;
  /** Lets simulated time run to the next deadline (a socket timeout, a poll timeout). */
  passTime(): void;
  /** A new socket's fd. */
  sock(pid: number, type: SockType, flags?: number): number;
  /** A connected socketpair's two fds. */
  pair(pid: number, type: SockType, flags?: number): [number, number];
  /** A socket bound to `name` and listening with `backlog`. */
  listener(pid: number, name: string, backlog?: number, type?: SockType): number;
  /** A new socket connected to `name` (the connection waits on the listener until accepted). */
  connectTo(pid: number, name: string, opts?: ConnectOptions): number;
  /** The fd of the oldest pending connection, accepted. */
  accept(pid: number, listenerFd: number): number;
  /** A child of `pid` made by fork(). */
  fork(pid: number): number;
  /** The process with this pid. */
  process(pid: number): Process;
  /** The open file behind a descriptor. */
  fileOf(pid: number, fd: number): OpenFile;
  /** The socket behind a descriptor. */
  sockOf(pid: number, fd: number): UnixSock;
  /** Whether a process is asleep in a call and nothing has woken it yet. */
  isAsleep(pid: number): boolean;
  /** Whether a sleeping process has been woken (its call will be retried). */
  isWoken(pid: number): boolean;
}

function describeReply(call: Syscall, r: Reply): string {
  const what = r.kind === 'done' ? `${r.ret} ${r.errno ?? ''}` : r.kind;
  return `${call.name} gave ${what}`;
}

/** A fresh kernel with the measured Linux defaults (or the tunables given). */
export function world(config: Partial<KernelConfig> = {}): World {
  const k = createKernel(config);
  const check = () => {
    const problems = checkInvariants(k);
    if (problems.length > 0) throw new Error(`kernel invariants broken: ${problems.join('; ')}`);
  };
  const w: World = {
    k,
    proc(name, opts = {}) {
      return spawnProcess(k, { name, ...opts }).pid;
    },
    call(pid, call) {
      if (w.process(pid).state === 'sleeping') throw new Error(`process ${pid} sleeps in a call: retry it`);
      const r = toReply(syscall(k, pid, call));
      check();
      return r;
    },
    retry(pid) {
      const r = toReply(retry(k, pid));
      check();
      return r;
    },
    ok(pid, call) {
      const r = w.call(pid, call);
      if (r.kind !== 'done' || r.errno !== null || !r.result) throw new Error(describeReply(call, r));
      return r.result;
    },
    passTime() {
      const at = nextDeadline(k);
      if (at === null) throw new Error('no deadline is pending');
      advanceTime(k, at);
    },
    sock(pid, type, flags = 0) {
      return w.ok(pid, sys.socket(type, flags)).ret;
    },
    pair(pid, type, flags = 0) {
      const fds = w.ok(pid, sys.socketpair(type, flags)).fds ?? [];
      return [fds[0], fds[1]];
    },
    listener(pid, name, backlog = 16, type = 'stream') {
      const fd = w.sock(pid, type);
      w.ok(pid, sys.bind(fd, name));
      w.ok(pid, sys.listen(fd, backlog));
      return fd;
    },
    connectTo(pid, name, opts = {}) {
      const fd = w.sock(pid, opts.type ?? 'stream', opts.nonblock ? SOCK_NONBLOCK : 0);
      if (opts.bindTo) w.ok(pid, sys.bind(fd, opts.bindTo));
      w.ok(pid, sys.connect(fd, name));
      return fd;
    },
    accept(pid, listenerFd) {
      return w.ok(pid, sys.accept(listenerFd, null)).ret;
    },
    fork(pid) {
      return w.ok(pid, sys.fork()).ret;
    },
    process(pid) {
      const p = k.procs.get(pid);
      if (!p) throw new Error(`no process ${pid}`);
      return p;
    },
    fileOf(pid, fd) {
      const e = fdGet(w.process(pid), fd);
      if (!e) throw new Error(`process ${pid} has no fd ${fd}`);
      return e.file;
    },
    sockOf(pid, fd) {
      const s = w.fileOf(pid, fd).sock;
      if (!s) throw new Error(`fd ${fd} of process ${pid} is not a socket`);
      return s;
    },
    isAsleep(pid) {
      const p = w.process(pid);
      return p.state === 'sleeping' && p.sleep !== null && !p.sleep.woken;
    },
    isWoken(pid) {
      const p = w.process(pid);
      return p.state === 'sleeping' && p.sleep !== null && p.sleep.woken;
    },
  };
  return w;
}

/**
 * A connected stream (or seqpacket) pair between two processes through a listener at `path`:
 * the client's fd and the server's accepted fd.
 */
export function connection(
  w: World,
  type: SockType = 'stream',
  path = '/tmp/srv',
): { client: number; server: number; cfd: number; sfd: number; lfd: number } {
  const server = w.proc('server');
  const client = w.proc('client');
  const lfd = w.listener(server, path, 16, type);
  const cfd = w.connectTo(client, path, { type });
  const sfd = w.accept(server, lfd);
  return { client, server, cfd, sfd, lfd };
}
