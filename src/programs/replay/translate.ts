/**
 * Turning one strace call into the engine's system call and the outcome the recording shows.
 * Calls the engine does not model come back as 'other' (with the descriptors they created,
 * so fd numbers line up); process calls (fork, execve, exit) are handled by the replayer.
 */
import {
  AF_UNIX,
  binaryToBytes,
  bytesToBinary,
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  type Syscall,
} from '../../engine';
import type { SReturn, SValue } from '../strace/types';
import {
  cmsgs,
  field,
  isNull,
  items,
  msghdr,
  num,
  numAfter,
  numBefore,
  type Sockaddr,
  sockaddr,
  sockaddrBytes,
  str,
} from './decode';
import type { Expect } from './expect';

/** What the replayer does with one call. */
export type Translation =
  /** A modelled call. `gate`: model it only when this fd is a socket (or a file the model knows). */
  | { kind: 'sys'; call: Syscall; expect: Expect; gate?: number; text: string; shown?: number }
  /** Not modelled: keep the recorded result; `fds` are descriptors it created. */
  | { kind: 'other'; fds: number[]; path?: string; create?: boolean; label: string; cloexec?: boolean }
  | { kind: 'closeRange'; first: number; last: number }
  | { kind: 'fork'; thread: boolean }
  | { kind: 'exec'; name: string }
  | { kind: 'exit'; code: number; group: boolean }
  | { kind: 'restart' };

/** Maps recorded autobind names to the engine's (so later calls can use them). */
export interface TranslateContext {
  mapName(recorded: Uint8Array): Uint8Array;
}

/** System calls that return a new descriptor the engine does not model. */
const FD_MAKERS = new Set([
  'open',
  'openat',
  'openat2',
  'creat',
  'eventfd',
  'eventfd2',
  'epoll_create',
  'epoll_create1',
  'timerfd_create',
  'signalfd',
  'signalfd4',
  'memfd_create',
  'inotify_init',
  'inotify_init1',
  'fanotify_init',
  'userfaultfd',
  'pidfd_open',
  'perf_event_open',
  'io_uring_setup',
]);

const text = (name: string, args: SValue[]): string => `${name}(${args.length > 0 ? '...' : ''})`;

function addrArg(ctx: TranslateContext, v: SValue | undefined, addrlen: number): Uint8Array | null {
  const a = sockaddr(v);
  // An address strace could not decode (too short, say) is still an address: zeros.
  if (!a) return isNull(v) ? null : new Uint8Array(Math.max(addrlen, 2));
  const mapped: Sockaddr = a.abstract && a.path ? { ...a, path: ctx.mapName(a.path) } : a;
  return sockaddrBytes(mapped, addrlen);
}

function expectOf(ret: SReturn): Expect {
  return { ret: ret.value, errno: ret.errno ?? null };
}

function pathArg(v: SValue | undefined): string | undefined {
  const s = str(v);
  return s ? bytesToBinary(s.bytes) : undefined;
}

/** The returned address and its length, from an address argument and a value-result length. */
function outAddr(e: Expect, addrV: SValue | undefined, lenV: SValue | undefined): void {
  if (e.errno || isNull(lenV)) return;
  const a = sockaddr(addrV);
  e.addr = a ?? null;
  const after = numAfter(lenV);
  if (after !== undefined) e.addrlen = after;
}

function dataOut(e: Expect, v: SValue | undefined): void {
  const s = str(v);
  if (s && !e.errno) e.data = s;
}

function dataIn(v: SValue | undefined, len: number): Uint8Array {
  const s = str(v);
  if (!s) return new Uint8Array(len);
  if (!s.truncated && s.bytes.length === len) return s.bytes;
  const out = new Uint8Array(len);
  out.set(s.bytes.subarray(0, len));
  return out;
}

/** How many leading bytes of a written buffer the trace shows, when it cut the string short. */
function shownOf(v: SValue | undefined, len: number): number | undefined {
  const s = str(v);
  if (!s) return len > 0 ? 0 : undefined;
  return s.truncated || s.bytes.length < len ? s.bytes.length : undefined;
}

function iovData(v: SValue | undefined): { data: Uint8Array; len: number; shown?: number } {
  const parts = items(v).map((io) => ({ base: field(io, 'iov_base'), len: num(field(io, 'iov_len')) ?? 0 }));
  const len = parts.reduce((n, p) => n + p.len, 0);
  const data = new Uint8Array(len);
  let o = 0;
  let shown: number | undefined;
  for (const p of parts) {
    data.set(dataIn(p.base, p.len), o);
    const sh = shownOf(p.base, p.len);
    if (sh !== undefined && shown === undefined) shown = o + sh;
    o += p.len;
  }
  return { data, len, shown };
}

function timeoutMs(v: SValue | undefined): number | null {
  if (isNull(v)) return null;
  const sec = num(field(v, 'tv_sec'));
  const usec = num(field(v, 'tv_usec'));
  const nsec = num(field(v, 'tv_nsec'));
  if (sec === undefined) return null;
  return sec * 1000 + Math.round((usec ?? 0) / 1000) + Math.round((nsec ?? 0) / 1e6);
}

function fdSet(v: SValue | undefined): number[] {
  return items(v).map((x) => num(x) ?? -1);
}

/** Reads `in [5], out [3]` from select's result. */
function readySets(ret: SReturn): { read: number[]; write: number[]; except: number[] } {
  const sets = { read: [] as number[], write: [] as number[], except: [] as number[] };
  const extra = ret.extra ?? '';
  for (const m of extra.matchAll(/\b(in|out|except) \[([^\]]*)\]/g)) {
    const fds = m[2].trim() === '' ? [] : m[2].trim().split(/\s+/).map(Number);
    sets[m[1] === 'in' ? 'read' : m[1] === 'out' ? 'write' : 'except'] = fds;
  }
  return sets;
}

/**
 * Translates one call. `args` is the full argument list (both halves of a split call).
 * Returns null for a call the recording cannot be read back from (it is then left alone).
 */
export function translate(
  name: string,
  args: SValue[],
  ret: SReturn,
  ctx: TranslateContext,
): Translation | null {
  const e = expectOf(ret);
  const fd = num(args[0]) ?? -1;
  const t = text(name, args);
  switch (name) {
    case 'socket': {
      const domain = num(args[0]) ?? -1;
      if (domain !== AF_UNIX) {
        const cloexec = ((num(args[1]) ?? 0) & 0o2000000) !== 0;
        return {
          kind: 'other',
          fds: ret.value !== null && ret.value >= 0 ? [ret.value] : [],
          label: 'socket (not AF_UNIX)',
          cloexec,
        };
      }
      return {
        kind: 'sys',
        call: { name: 'socket', domain, type: num(args[1]) ?? -1, protocol: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    }
    case 'socketpair': {
      const domain = num(args[0]) ?? -1;
      if (!e.errno) e.fds = items(args[3]).map((x) => num(x) ?? -1);
      return {
        kind: 'sys',
        call: { name: 'socketpair', domain, type: num(args[1]) ?? -1, protocol: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    }
    case 'bind':
    case 'connect': {
      const addrlen = num(args[2]) ?? 0;
      const a = sockaddr(args[1]);
      if (a && a.family !== AF_UNIX && a.family !== 0)
        return { kind: 'other', fds: [], label: `${name} (not AF_UNIX)` };
      return {
        kind: 'sys',
        call: { name, fd, addr: addrArg(ctx, args[1], addrlen), addrlen },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'listen':
      return {
        kind: 'sys',
        call: { name: 'listen', fd, backlog: num(args[1]) ?? 0 },
        expect: e,
        text: t,
        gate: fd,
      };
    case 'accept':
    case 'accept4': {
      const addrlen = isNull(args[2]) ? null : (numBefore(args[2]) ?? 110);
      outAddr(e, args[1], args[2]);
      const call: Syscall =
        name === 'accept'
          ? { name: 'accept', fd, addrlen }
          : { name: 'accept4', fd, addrlen, flags: num(args[3]) ?? 0 };
      return { kind: 'sys', call, expect: e, text: t, gate: fd };
    }
    case 'getsockname':
    case 'getpeername': {
      outAddr(e, args[1], args[2]);
      return {
        kind: 'sys',
        call: { name, fd, addrlen: numBefore(args[2]) ?? 110 },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'read':
    case 'recvfrom':
    case 'recv': {
      const len = num(args[2]) ?? 0;
      dataOut(e, args[1]);
      if (name === 'read')
        return { kind: 'sys', call: { name: 'read', fd, len }, expect: e, text: t, gate: fd };
      const flags = num(args[3]) ?? 0;
      if (name === 'recv' || isNull(args[5]))
        return { kind: 'sys', call: { name: 'recv', fd, len, flags }, expect: e, text: t, gate: fd };
      outAddr(e, args[4], args[5]);
      return {
        kind: 'sys',
        call: { name: 'recvfrom', fd, len, flags, addrlen: numBefore(args[5]) ?? 110 },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'readv': {
      const total = items(args[1]).reduce((n, io) => n + (num(field(io, 'iov_len')) ?? 0), 0);
      const joined = items(args[1])
        .map((io) => str(field(io, 'iov_base')))
        .filter((s) => s !== undefined);
      if (!e.errno && joined.length > 0) {
        const bytes = new Uint8Array(joined.reduce((n, s) => n + s.bytes.length, 0));
        let o = 0;
        for (const s of joined) {
          bytes.set(s.bytes, o);
          o += s.bytes.length;
        }
        e.data = { bytes, truncated: joined.some((s) => s.truncated) };
      }
      return { kind: 'sys', call: { name: 'read', fd, len: total }, expect: e, text: t, gate: fd };
    }
    case 'write':
    case 'send':
    case 'sendto': {
      const len = num(args[2]) ?? 0;
      const data = dataIn(args[1], len);
      const shown = shownOf(args[1], len);
      if (name === 'write')
        return { kind: 'sys', call: { name: 'write', fd, data }, expect: e, text: t, gate: fd, shown };
      const flags = num(args[3]) ?? 0;
      if (name === 'send' || isNull(args[4]))
        return { kind: 'sys', call: { name: 'send', fd, data, flags }, expect: e, text: t, gate: fd, shown };
      const addrlen = num(args[5]) ?? 0;
      return {
        kind: 'sys',
        call: { name: 'sendto', fd, data, flags, addr: addrArg(ctx, args[4], addrlen), addrlen },
        expect: e,
        text: t,
        gate: fd,
        shown,
      };
    }
    case 'writev': {
      const { data, shown } = iovData(args[1]);
      return { kind: 'sys', call: { name: 'write', fd, data }, expect: e, text: t, gate: fd, shown };
    }
    case 'sendmsg': {
      const m = msghdr(args[1]);
      if (!m) return null;
      const { data, shown } = iovData(field(args[1], 'msg_iov'));
      const namelen = num(m.namelen) ?? 0;
      let rights: number[] | null = null;
      let creds: { pid: number; uid: number; gid: number } | null = null;
      for (const c of cmsgs(m.control)) {
        if (c.type === 'SCM_RIGHTS' || c.type === String(SCM_RIGHTS))
          rights = items(c.data).map((x) => num(x) ?? -1);
        if (c.type === 'SCM_CREDENTIALS' || c.type === String(SCM_CREDENTIALS)) {
          creds = {
            pid: num(field(c.data, 'pid')) ?? 0,
            uid: num(field(c.data, 'uid')) ?? 0,
            gid: num(field(c.data, 'gid')) ?? 0,
          };
        }
      }
      const call: Syscall = {
        name: 'sendmsg',
        fd,
        data,
        flags: num(args[2]) ?? 0,
        addr: namelen > 0 ? addrArg(ctx, m.name, namelen) : null,
        addrlen: namelen,
        rights,
        creds,
      };
      return { kind: 'sys', call, expect: e, text: t, gate: fd, shown };
    }
    case 'recvmsg': {
      const m = msghdr(args[1]);
      if (!m) return null;
      const len = m.iov.reduce((n, io) => n + io.len, 0);
      const flags = num(args[2]) ?? 0;
      const namelen = isNull(m.name) ? 0 : (numBefore(m.namelen) ?? 0);
      if (!e.errno) {
        const parts = m.iov.map((io) => str(io.base)).filter((s) => s !== undefined);
        if (parts.length > 0) {
          const total = parts.reduce((n, s) => n + s.bytes.length, 0);
          const bytes = new Uint8Array(total);
          let o = 0;
          for (const s of parts) {
            bytes.set(s.bytes, o);
            o += s.bytes.length;
          }
          e.data = { bytes, truncated: parts.some((s) => s.truncated) };
        }
        if (m.flags !== undefined) e.msgFlags = m.flags;
        if (namelen > 0) {
          const after = num(m.namelen?.kind === 'inout' ? m.namelen.after : m.namelen);
          if (after !== undefined) e.addrlen = after;
          e.addr = after && after > 0 ? (sockaddr(m.name) ?? null) : null;
        }
        for (const c of cmsgs(m.control)) {
          if (c.type === 'SCM_RIGHTS') e.rights = items(c.data).map((x) => num(x) ?? -1);
          if (c.type === 'SCM_CREDENTIALS') {
            e.creds = {
              pid: num(field(c.data, 'pid')) ?? 0,
              uid: num(field(c.data, 'uid')) ?? 0,
              gid: num(field(c.data, 'gid')) ?? 0,
            };
          }
        }
        if (m.controllen !== undefined) e.controllen = m.controllen;
      }
      const truncatedCtl = ((m.flags ?? 0) & 8) !== 0;
      const controllen =
        m.control === undefined && isNull(field(args[1], 'msg_control'))
          ? 0
          : truncatedCtl
            ? (m.controllen ?? 0)
            : Math.max(m.controllen ?? 0, 4096);
      return {
        kind: 'sys',
        call: { name: 'recvmsg', fd, len, flags, namelen, controllen },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'shutdown':
      return {
        kind: 'sys',
        call: { name: 'shutdown', fd, how: num(args[1]) ?? -1 },
        expect: e,
        text: t,
        gate: fd,
      };
    case 'close':
      return { kind: 'sys', call: { name: 'close', fd }, expect: e, text: t };
    case 'close_range':
      return { kind: 'closeRange', first: num(args[0]) ?? 0, last: Math.min(num(args[1]) ?? 0, 1 << 20) };
    case 'dup':
      return { kind: 'sys', call: { name: 'dup', fd }, expect: e, text: t };
    case 'dup2':
      return { kind: 'sys', call: { name: 'dup2', fd, newfd: num(args[1]) ?? -1 }, expect: e, text: t };
    case 'dup3':
      return {
        kind: 'sys',
        call: { name: 'dup3', fd, newfd: num(args[1]) ?? -1, flags: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'fcntl':
    case 'fcntl64': {
      const cmd = num(args[1]) ?? -1;
      if (cmd === 3) e.retMask = 0o4000 | 0o2000 | 3;
      if (cmd !== 0 && cmd > 4 && cmd !== 1030) return { kind: 'other', fds: [], label: 'fcntl' };
      return { kind: 'sys', call: { name: 'fcntl', fd, cmd, arg: num(args[2]) ?? 0 }, expect: e, text: t };
    }
    case 'getsockopt': {
      const v = args[3];
      if (!e.errno) {
        if (v?.kind === 'struct' && field(v, 'pid')) {
          e.cred = {
            pid: num(field(v, 'pid')) ?? 0,
            uid: num(field(v, 'uid')) ?? 0,
            gid: num(field(v, 'gid')) ?? 0,
          };
        } else if (v?.kind === 'array' && v.items.length === 1) {
          const x = v.items[0];
          e.value = x.kind === 'ident' && /^E[A-Z]+$/.test(x.text) ? undefined : num(x);
        }
      }
      const opt = num(args[2]) ?? -1;
      if (opt === 20 || opt === 21) e.value = undefined;
      return {
        kind: 'sys',
        call: { name: 'getsockopt', fd, level: num(args[1]) ?? -1, opt, optlen: numBefore(args[4]) ?? 4 },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'setsockopt': {
      const opt = num(args[2]) ?? -1;
      const v = args[3];
      let value: number | { ms: number } = num(v) ?? 0;
      if (opt === 20 || opt === 21 || opt === 66 || opt === 67) {
        const s = str(v);
        if (s && s.bytes.length >= 16) {
          const dv = new DataView(s.bytes.buffer, s.bytes.byteOffset, s.bytes.length);
          value = {
            ms: Number(dv.getBigInt64(0, true)) * 1000 + Math.round(Number(dv.getBigInt64(8, true)) / 1000),
          };
        } else value = { ms: timeoutMs(v) ?? 0 };
      }
      return {
        kind: 'sys',
        call: { name: 'setsockopt', fd, level: num(args[1]) ?? -1, opt, value, optlen: num(args[4]) ?? 4 },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'ioctl': {
      const request = num(args[1]);
      if (request === undefined) return { kind: 'other', fds: [], label: 'ioctl' };
      if (!e.errno && request !== 0x5421) e.value = num(args[2]);
      return {
        kind: 'sys',
        call: { name: 'ioctl', fd, request, arg: num(args[2]) },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'poll':
    case 'ppoll': {
      const fds = items(args[0]).map((p) => ({
        fd: num(field(p, 'fd')) ?? -1,
        events: num(field(p, 'events')) ?? 0,
      }));
      const timeout = name === 'poll' ? (num(args[2]) ?? -1) : (timeoutMs(args[2]) ?? -1);
      if (!e.errno && e.ret !== null) {
        const got = new Map<number, number>();
        if (ret.extraValue?.kind === 'array') {
          for (const r of ret.extraValue.items)
            got.set(num(field(r, 'fd')) ?? -2, num(field(r, 'revents')) ?? 0);
        }
        e.revents = fds.map((p) => got.get(p.fd) ?? 0);
      }
      return { kind: 'sys', call: { name: 'poll', fds, timeoutMs: timeout }, expect: e, text: t };
    }
    case 'select':
    case 'pselect6': {
      const nfds = num(args[0]) ?? 0;
      if (!e.errno && e.ret !== null) e.ready = readySets(ret);
      const tm = timeoutMs(args[4]);
      return {
        kind: 'sys',
        call: {
          name: 'select',
          nfds,
          read: fdSet(args[1]),
          write: fdSet(args[2]),
          except: fdSet(args[3]),
          timeoutMs: tm,
        },
        expect: e,
        text: t,
      };
    }
    case 'unlink':
    case 'rmdir':
    case 'chdir':
      return { kind: 'sys', call: { name, path: pathArg(args[0]) ?? '' }, expect: e, text: t };
    case 'unlinkat': {
      const path = pathArg(args[1]) ?? '';
      const dir = ((num(args[2]) ?? 0) & 0x200) !== 0;
      if ((num(args[0]) ?? -100) !== -100 && !path.startsWith('/'))
        return { kind: 'other', fds: [], label: name };
      return { kind: 'sys', call: { name: dir ? 'rmdir' : 'unlink', path }, expect: e, text: t };
    }
    case 'rename':
      return {
        kind: 'sys',
        call: { name: 'rename', from: pathArg(args[0]) ?? '', to: pathArg(args[1]) ?? '' },
        expect: e,
        text: t,
      };
    case 'renameat':
    case 'renameat2':
      return {
        kind: 'sys',
        call: { name: 'rename', from: pathArg(args[1]) ?? '', to: pathArg(args[3]) ?? '' },
        expect: e,
        text: t,
      };
    case 'mkdir':
      return {
        kind: 'sys',
        call: { name: 'mkdir', path: pathArg(args[0]) ?? '', mode: num(args[1]) ?? 0o777 },
        expect: e,
        text: t,
      };
    case 'mkdirat':
      return {
        kind: 'sys',
        call: { name: 'mkdir', path: pathArg(args[1]) ?? '', mode: num(args[2]) ?? 0o777 },
        expect: e,
        text: t,
      };
    case 'mknod':
      return {
        kind: 'sys',
        call: { name: 'mknod', path: pathArg(args[0]) ?? '', mode: num(args[1]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'mknodat':
      return {
        kind: 'sys',
        call: { name: 'mknod', path: pathArg(args[1]) ?? '', mode: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'stat':
    case 'lstat':
    case 'newfstatat':
    case 'fstat': {
      const isF = name === 'fstat' || (name === 'newfstatat' && pathArg(args[1]) === '');
      const st = isF ? (name === 'fstat' ? args[1] : args[2]) : name === 'newfstatat' ? args[2] : args[1];
      const mode = num(field(st, 'st_mode'));
      if (!e.errno && mode !== undefined) e.stat = { mode };
      if (isF) return { kind: 'sys', call: { name: 'fstat', fd }, expect: e, text: t, gate: fd };
      const path = pathArg(name === 'newfstatat' ? args[1] : args[0]) ?? '';
      return { kind: 'sys', call: { name: 'stat', path }, expect: e, text: t };
    }
    case 'pipe':
    case 'pipe2':
      if (!e.errno) e.fds = items(args[0]).map((x) => num(x) ?? -1);
      return { kind: 'sys', call: { name: 'pipe', flags: num(args[1]) ?? 0 }, expect: e, text: t };
    case 'wait4':
    case 'waitpid': {
      const status = items(args[1])[0];
      if (!e.errno && status && e.ret !== null && e.ret > 0) {
        const s = status.kind === 'raw' ? status.text : JSON.stringify(status);
        const ex = /WEXITSTATUS\(s\) == (\d+)/.exec(s);
        const sig = /WTERMSIG\(s\) == (SIG[A-Z0-9]+)/.exec(s);
        if (ex) e.status = { exited: Number(ex[1]) };
        else if (sig) e.status = { signaled: sig[1] };
      }
      return {
        kind: 'sys',
        call: { name: 'waitpid', pid: num(args[0]) ?? -1, options: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    }
    case 'setpgid':
      return {
        kind: 'sys',
        call: { name: 'setpgid', pid: num(args[0]) ?? 0, pgid: num(args[1]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'kill':
      return {
        kind: 'sys',
        call: { name: 'kill', pid: num(args[0]) ?? 0, sig: num(args[1]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'rt_sigaction': {
      const sig = num(args[0]) ?? 0;
      const act = args[1];
      if (isNull(act)) return { kind: 'other', fds: [], label: name };
      const h = field(act, 'sa_handler');
      const handler =
        h?.kind === 'ident' && h.text === 'SIG_IGN'
          ? 'ignore'
          : h?.kind === 'ident' && h.text === 'SIG_DFL'
            ? 'default'
            : 'handler';
      const flags = field(act, 'sa_flags');
      const restart =
        flags?.kind === 'flags'
          ? flags.parts.includes('SA_RESTART')
          : flags?.kind === 'ident' && flags.text === 'SA_RESTART';
      return { kind: 'sys', call: { name: 'sigaction', sig, handler, restart }, expect: e, text: t };
    }
    case 'getpid':
    case 'getppid':
      return { kind: 'sys', call: { name }, expect: e, text: t };
    case 'clone':
    case 'clone3': {
      const flags =
        name === 'clone'
          ? field(
              {
                kind: 'struct',
                fields: args.map((a, i) => ({ name: ['child_stack', 'flags'][i], value: a })),
              },
              'flags',
            )
          : field(args[0]?.kind === 'inout' ? args[0].before : args[0], 'flags');
      const parts = flags?.kind === 'flags' ? flags.parts : flags?.kind === 'ident' ? [flags.text] : [];
      return { kind: 'fork', thread: parts.includes('CLONE_THREAD') || parts.includes('CLONE_FILES') };
    }
    case 'fork':
    case 'vfork':
      return { kind: 'fork', thread: false };
    case 'execve':
    case 'execveat': {
      const argv = items(args[name === 'execve' ? 1 : 2]);
      const a0 = str(argv[0]);
      const path = pathArg(args[name === 'execve' ? 0 : 1]) ?? '';
      const base =
        bytesToBinary(a0?.bytes ?? binaryToBytes(path))
          .split('/')
          .pop() ?? path;
      return { kind: 'exec', name: base };
    }
    case 'exit':
    case 'exit_group':
      return { kind: 'exit', code: num(args[0]) ?? 0, group: name === 'exit_group' };
    case 'restart_syscall':
      return { kind: 'restart' };
    default:
      if (FD_MAKERS.has(name) && ret.value !== null && ret.value >= 0 && !ret.errno) {
        const path =
          name === 'openat' || name === 'openat2'
            ? pathArg(args[1])
            : name === 'open' || name === 'creat'
              ? pathArg(args[0])
              : undefined;
        const flags =
          name === 'openat' ? num(args[2]) : name === 'open' ? num(args[1]) : name === 'creat' ? 0o100 : 0;
        const cloexec = args.some((a) =>
          (a.kind === 'flags' ? a.parts : a.kind === 'ident' ? [a.text] : []).some((x) =>
            x.endsWith('CLOEXEC'),
          ),
        );
        return {
          kind: 'other',
          fds: [ret.value],
          path,
          create: ((flags ?? 0) & 0o100) !== 0,
          label: path ?? name,
          cloexec,
        };
      }
      return { kind: 'other', fds: [], label: name };
  }
}
