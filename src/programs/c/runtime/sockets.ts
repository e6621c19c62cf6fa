/**
 * The socket system calls as glibc's wrappers present them: arguments read from the
 * program's memory (sockaddr, msghdr with its iovecs and control messages, option values),
 * results copied back. Struct layouts are x86-64 glibc's.
 */

import type { Cmsg, CredArg, SysResult } from '../../../engine';
import {
  SCM_CREDENTIALS,
  SCM_RIGHTS,
  SIOCATMARK,
  SO_LINGER,
  SO_PEERCRED,
  SO_RCVTIMEO,
  SO_SNDTIMEO,
  SOL_SOCKET,
} from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { readAddr, UserErrno, userCall, writeAddr, writeTimeval } from './user';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** struct msghdr offsets. */
const MSG_NAME = 0;
const MSG_NAMELEN = 8;
const MSG_IOV = 16;
const MSG_IOVLEN = 24;
const MSG_CONTROL = 32;
const MSG_CONTROLLEN = 40;
const MSG_FLAGS = 48;
const CMSG_HDR = 16;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

function iovecs(vm: VM, msg: number): [number, number][] {
  const iov = vm.mem.u64(msg + MSG_IOV);
  const n = vm.mem.u64(msg + MSG_IOVLEN);
  if (n > 1024) throw new UserErrno('EMSGSIZE');
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) out.push([vm.mem.u64(iov + i * 16), vm.mem.u64(iov + i * 16 + 8)]);
  return out;
}

function gather(vm: VM, vecs: [number, number][]): Uint8Array {
  const total = vecs.reduce((s, [, n]) => s + n, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const [base, n] of vecs) {
    out.set(vm.mem.read(base, n), at);
    at += n;
  }
  return out;
}

function scatter(vm: VM, vecs: [number, number][], data: Uint8Array): void {
  let at = 0;
  for (const [base, n] of vecs) {
    if (at >= data.length) return;
    const part = data.subarray(at, Math.min(data.length, at + n));
    vm.mem.write(base, part);
    at += part.length;
  }
}

/** The SCM_RIGHTS descriptors and SCM_CREDENTIALS of a sendmsg's control buffer. */
function readControl(vm: VM, msg: number): { rights: number[] | null; creds: CredArg | null } {
  const ctl = vm.mem.u64(msg + MSG_CONTROL);
  const len = vm.mem.u64(msg + MSG_CONTROLLEN);
  let rights: number[] | null = null;
  let creds: CredArg | null = null;
  let at = 0;
  while (ctl !== 0 && at + CMSG_HDR <= len) {
    const clen = vm.mem.u64(ctl + at);
    if (clen < CMSG_HDR || at + clen > len) break;
    const level = vm.mem.i32(ctl + at + 8);
    const type = vm.mem.i32(ctl + at + 12);
    const data = ctl + at + CMSG_HDR;
    if (level === SOL_SOCKET && type === SCM_RIGHTS) {
      rights = rights ?? [];
      for (let i = 0; i + 4 <= clen - CMSG_HDR; i += 4) rights.push(vm.mem.i32(data + i));
    } else if (level === SOL_SOCKET && type === SCM_CREDENTIALS) {
      creds = { pid: vm.mem.i32(data), uid: vm.mem.u32(data + 4), gid: vm.mem.u32(data + 8) };
    }
    at += align8(clen);
  }
  return { rights, creds };
}

function writeControl(vm: VM, msg: number, cmsgs: Cmsg[], controllen: number): void {
  const ctl = vm.mem.u64(msg + MSG_CONTROL);
  let at = 0;
  for (const c of cmsgs) {
    const ints = c.type === 'SCM_RIGHTS' ? c.fds : [c.pid, c.uid, c.gid];
    const clen = CMSG_HDR + ints.length * 4;
    vm.mem.setU64(ctl + at, clen);
    vm.mem.setU32(ctl + at + 8, SOL_SOCKET);
    vm.mem.setU32(ctl + at + 12, c.type === 'SCM_RIGHTS' ? SCM_RIGHTS : SCM_CREDENTIALS);
    for (const [i, v] of ints.entries()) vm.mem.setU32(ctl + at + CMSG_HDR + i * 4, v);
    at += align8(clen);
  }
  vm.mem.setU64(msg + MSG_CONTROLLEN, controllen);
}

function recvInto(vm: VM, buf: number, r: SysResult): number {
  if (r.data && r.data.length > 0) vm.mem.write(buf, r.data);
  return r.ret;
}

/** getsockopt: writes the value as the option's C type (int, struct timeval, ucred, linger). */
function writeOption(vm: VM, level: number, opt: number, val: number, lenp: number, r: SysResult): number {
  const room = lenp ? vm.mem.u32(lenp) : 0;
  let bytes = new Uint8Array(4);
  const view = new DataView(bytes.buffer);
  if (level === SOL_SOCKET && opt === SO_PEERCRED && r.cred) {
    bytes = new Uint8Array(12);
    const v = new DataView(bytes.buffer);
    v.setInt32(0, r.cred.pid, true);
    v.setUint32(4, r.cred.uid, true);
    v.setUint32(8, r.cred.gid, true);
  } else if (level === SOL_SOCKET && (opt === SO_RCVTIMEO || opt === SO_SNDTIMEO)) {
    const ms = r.value ?? 0;
    if (val && room >= 16) writeTimeval(vm, val, ms);
    if (lenp) vm.mem.setU32(lenp, 16);
    return r.ret;
  } else if (level === SOL_SOCKET && opt === SO_LINGER) {
    bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setInt32(0, r.value ?? 0, true);
  } else view.setInt32(0, r.value ?? 0, true);
  const n = Math.min(room, bytes.length);
  if (val && n > 0) vm.mem.write(val, bytes.subarray(0, n));
  if (lenp) vm.mem.setU32(lenp, n);
  return r.ret;
}

/** setsockopt: the value as the engine takes it (an int, or a timeout in milliseconds). */
function readOption(vm: VM, level: number, opt: number, val: number, len: number): number | { ms: number } {
  if (level === SOL_SOCKET && (opt === SO_RCVTIMEO || opt === SO_SNDTIMEO) && val && len >= 16) {
    // Exact to the microsecond: the kernel rounds the fraction up to a clock tick.
    return { ms: vm.mem.i64(val) * 1000 + vm.mem.i64(val + 8) / 1000 };
  }
  if (val === 0 || len < 4) return 0;
  return vm.mem.i32(val);
}

/** CMSG_NXTHDR: the control message after `cmsg`, or NULL when it would pass the buffer's end. */
function cmsgNext(vm: VM, msg: number, cmsg: number): number {
  const len = vm.mem.u64(cmsg);
  if (len < CMSG_HDR) return 0;
  const next = cmsg + align8(len);
  const end = vm.mem.u64(msg + MSG_CONTROL) + vm.mem.u64(msg + MSG_CONTROLLEN);
  if (next + CMSG_HDR > end || next + align8(vm.mem.u64(next)) > end) return 0;
  return next;
}

/** The socket natives. */
/** The iovec array of readv/writev: EINVAL for a negative count or more than UIO_MAXIOV (1024). */
function iovArray(vm: VM, iov: number, count: number): [number, number][] {
  if (count < 0 || count > 1024) throw new UserErrno('EINVAL');
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) out.push([vm.mem.u64(iov + i * 16), vm.mem.u64(iov + i * 16 + 8)]);
  return out;
}

export const SOCKETS: Natives = {
  /** writev: one write of the buffers in order (one segment or one message, as Linux's sendmsg makes). */
  writev: (vm, a) =>
    userCall(vm, () => ({ name: 'write', fd: a[0], data: gather(vm, iovArray(vm, a[1], a[2] | 0)) })),
  /** readv: one read of their total length, spread over the buffers in order. */
  readv: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'read', fd: a[0], len: iovArray(vm, a[1], a[2] | 0).reduce((s, [, n]) => s + n, 0) }),
      (v, r) => {
        if (r.data) scatter(v, iovArray(v, a[1], a[2] | 0), r.data);
        return r.ret;
      },
    ),
  __cmsg_nxthdr: (vm, a) => cmsgNext(vm, a[0], a[1]),
  sockatmark: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'ioctl', fd: a[0], request: SIOCATMARK }),
      (_v, r) => r.value ?? 0,
    ),
  socket: (_, a) => userCall(_, () => ({ name: 'socket', domain: a[0], type: a[1], protocol: a[2] })),
  socketpair: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'socketpair', domain: a[0], type: a[1], protocol: a[2] }),
      (v, r) => {
        const [x, y] = r.fds ?? [];
        v.mem.setU32(a[3], x);
        v.mem.setU32(a[3] + 4, y);
        return r.ret;
      },
    ),
  bind: (vm, a) =>
    userCall(vm, () => ({ name: 'bind', fd: a[0], addr: readAddr(vm, a[1], a[2]), addrlen: a[2] | 0 })),
  connect: (vm, a) =>
    userCall(vm, () => ({ name: 'connect', fd: a[0], addr: readAddr(vm, a[1], a[2]), addrlen: a[2] | 0 })),
  listen: (vm, a) => userCall(vm, () => ({ name: 'listen', fd: a[0], backlog: a[1] | 0 })),
  accept: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'accept', fd: a[0], addrlen: a[2] ? vm.mem.i32(a[2]) : null }),
      (v, r) => {
        writeAddr(v, a[1], a[2], r);
        return r.ret;
      },
    ),
  accept4: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'accept4', fd: a[0], addrlen: a[2] ? vm.mem.i32(a[2]) : null, flags: a[3] }),
      (v, r) => {
        writeAddr(v, a[1], a[2], r);
        return r.ret;
      },
    ),
  getsockname: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'getsockname', fd: a[0], addrlen: vm.mem.i32(a[2]) }),
      (v, r) => {
        writeAddr(v, a[1], a[2], r);
        return r.ret;
      },
    ),
  getpeername: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'getpeername', fd: a[0], addrlen: vm.mem.i32(a[2]) }),
      (v, r) => {
        writeAddr(v, a[1], a[2], r);
        return r.ret;
      },
    ),
  send: (vm, a) =>
    userCall(vm, () => ({ name: 'send', fd: a[0], data: vm.mem.read(a[1], a[2]), flags: a[3] })),
  recv: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'recv', fd: a[0], len: a[2], flags: a[3] }),
      (v, r) => recvInto(v, a[1], r),
    ),
  sendto: (vm, a) =>
    userCall(vm, () => ({
      name: 'sendto',
      fd: a[0],
      data: vm.mem.read(a[1], a[2]),
      flags: a[3],
      addr: readAddr(vm, a[4], a[5]),
      addrlen: a[5] | 0,
    })),
  recvfrom: (vm, a) =>
    userCall(
      vm,
      () => ({
        name: 'recvfrom',
        fd: a[0],
        len: a[2],
        flags: a[3],
        addrlen: a[4] && a[5] ? vm.mem.i32(a[5]) : null,
      }),
      (v, r) => {
        writeAddr(v, a[4], a[5], r);
        return recvInto(v, a[1], r);
      },
    ),
  sendmsg: (vm, a) =>
    userCall(vm, () => {
      const msg = a[1];
      const name = vm.mem.u64(msg + MSG_NAME);
      const namelen = vm.mem.u32(msg + MSG_NAMELEN);
      const { rights, creds } = readControl(vm, msg);
      return {
        name: 'sendmsg',
        fd: a[0],
        data: gather(vm, iovecs(vm, msg)),
        flags: a[2],
        addr: readAddr(vm, name, namelen),
        addrlen: name ? namelen : 0,
        rights,
        creds,
      };
    }),
  recvmsg: (vm, a) =>
    userCall(
      vm,
      () => {
        const msg = a[1];
        const len = iovecs(vm, msg).reduce((s, [, n]) => s + n, 0);
        const namelen = vm.mem.u64(msg + MSG_NAME) ? vm.mem.u32(msg + MSG_NAMELEN) : 0;
        const controllen = vm.mem.u64(msg + MSG_CONTROL) ? vm.mem.u64(msg + MSG_CONTROLLEN) : 0;
        return { name: 'recvmsg', fd: a[0], len, flags: a[2], namelen, controllen };
      },
      (v, r) => {
        const msg = a[1];
        if (r.data) scatter(v, iovecs(v, msg), r.data);
        const name = v.mem.u64(msg + MSG_NAME);
        if (name && r.addr) v.mem.write(name, r.addr.subarray(0, v.mem.u32(msg + MSG_NAMELEN)));
        v.mem.setU32(msg + MSG_NAMELEN, name ? (r.addrlen ?? 0) : 0);
        writeControl(v, msg, r.cmsgs ?? [], r.controllen ?? 0);
        v.mem.setU32(msg + MSG_FLAGS, r.msgFlags ?? 0);
        return r.ret;
      },
    ),
  shutdown: (vm, a) => userCall(vm, () => ({ name: 'shutdown', fd: a[0], how: a[1] })),
  getsockopt: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'getsockopt', fd: a[0], level: a[1], opt: a[2], optlen: a[4] ? vm.mem.i32(a[4]) : 0 }),
      (v, r) => writeOption(v, a[1], a[2], a[3], a[4], r),
    ),
  setsockopt: (vm, a) =>
    userCall(vm, () => ({
      name: 'setsockopt',
      fd: a[0],
      level: a[1],
      opt: a[2],
      value: readOption(vm, a[1], a[2], a[3], a[4]),
      optlen: a[4] | 0,
    })),
};
