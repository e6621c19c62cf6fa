/**
 * Translating the socket calls of a trace: creating, naming and connecting sockets, moving data
 * through them (read and write too: they are modelled when their descriptor is a socket),
 * shutdown and socket options. The dispatch is in translate.ts.
 */
import { AF_UNIX, SCM_CREDENTIALS, SCM_RIGHTS, type Syscall } from '../../engine';
import type { SValue } from '../strace/types';
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
  timeoutMs,
} from './decode';
import type { Expect } from './expect';
import type { RecordedCall, TranslateContext, Translation } from './translate';

function addrArg(ctx: TranslateContext, v: SValue | undefined, addrlen: number): Uint8Array | null {
  const a = sockaddr(v);
  // An address strace could not decode (too short, say) is still an address: zeros.
  if (!a) return isNull(v) ? null : new Uint8Array(Math.max(addrlen, 2));
  const mapped: Sockaddr = a.abstract && a.path ? { ...a, path: ctx.mapName(a.path) } : a;
  return sockaddrBytes(mapped, addrlen);
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

/** Translates a socket call, or returns undefined when the call is not one (see translate()). */
export function translateSockets(c: RecordedCall): Translation | null | undefined {
  const { name, args, ret, ctx, fd } = c;
  const e = c.expect;
  const t = c.text;
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
    default:
      return undefined;
  }
}
