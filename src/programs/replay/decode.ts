/**
 * Reading strace's printed values back into the numbers and bytes a C program passed:
 * symbolic constants, flag sets, strings, sockaddr structs and value-result lengths.
 */
import * as C from '../../engine';
import type { SArray, SField, SStruct, SValue } from '../strace/types';

/** Symbolic constants strace prints, by name. */
const NAMES: Record<string, number> = {
  NULL: 0,
  AF_UNSPEC: C.AF_UNSPEC,
  AF_UNIX: C.AF_UNIX,
  AF_LOCAL: C.AF_UNIX,
  AF_FILE: C.AF_UNIX,
  AF_INET: C.AF_INET,
  AF_INET6: C.AF_INET6,
  AF_NETLINK: 16,
  SOCK_STREAM: C.SOCK_STREAM,
  SOCK_DGRAM: C.SOCK_DGRAM,
  SOCK_RAW: C.SOCK_RAW,
  SOCK_RDM: C.SOCK_RDM,
  SOCK_SEQPACKET: C.SOCK_SEQPACKET,
  SOCK_DCCP: C.SOCK_DCCP,
  SOCK_PACKET: C.SOCK_PACKET,
  SOCK_NONBLOCK: C.SOCK_NONBLOCK,
  SOCK_CLOEXEC: C.SOCK_CLOEXEC,
  MSG_OOB: C.MSG_OOB,
  MSG_PEEK: C.MSG_PEEK,
  MSG_DONTROUTE: C.MSG_DONTROUTE,
  MSG_CTRUNC: C.MSG_CTRUNC,
  MSG_TRUNC: C.MSG_TRUNC,
  MSG_DONTWAIT: C.MSG_DONTWAIT,
  MSG_EOR: C.MSG_EOR,
  MSG_WAITALL: C.MSG_WAITALL,
  MSG_ERRQUEUE: C.MSG_ERRQUEUE,
  MSG_NOSIGNAL: C.MSG_NOSIGNAL,
  MSG_CMSG_CLOEXEC: C.MSG_CMSG_CLOEXEC,
  SHUT_RD: C.SHUT_RD,
  SHUT_WR: C.SHUT_WR,
  SHUT_RDWR: C.SHUT_RDWR,
  SOL_SOCKET: C.SOL_SOCKET,
  SO_DEBUG: 1,
  SO_REUSEADDR: C.SO_REUSEADDR,
  SO_TYPE: C.SO_TYPE,
  SO_ERROR: C.SO_ERROR,
  SO_DONTROUTE: 5,
  SO_BROADCAST: 6,
  SO_SNDBUF: C.SO_SNDBUF,
  SO_RCVBUF: C.SO_RCVBUF,
  SO_KEEPALIVE: C.SO_KEEPALIVE,
  SO_OOBINLINE: C.SO_OOBINLINE,
  SO_LINGER: C.SO_LINGER,
  SO_REUSEPORT: C.SO_REUSEPORT,
  SO_PASSCRED: C.SO_PASSCRED,
  SO_PEERCRED: C.SO_PEERCRED,
  SO_RCVLOWAT: C.SO_RCVLOWAT,
  SO_SNDLOWAT: C.SO_SNDLOWAT,
  SO_RCVTIMEO: C.SO_RCVTIMEO,
  SO_RCVTIMEO_OLD: C.SO_RCVTIMEO,
  SO_SNDTIMEO: C.SO_SNDTIMEO,
  SO_SNDTIMEO_OLD: C.SO_SNDTIMEO,
  SO_ACCEPTCONN: C.SO_ACCEPTCONN,
  SO_SNDBUFFORCE: C.SO_SNDBUFFORCE,
  SO_RCVBUFFORCE: C.SO_RCVBUFFORCE,
  SO_PROTOCOL: C.SO_PROTOCOL,
  SO_DOMAIN: C.SO_DOMAIN,
  SO_PEEK_OFF: C.SO_PEEK_OFF,
  SCM_RIGHTS: C.SCM_RIGHTS,
  SCM_CREDENTIALS: C.SCM_CREDENTIALS,
  POLLIN: C.POLLIN,
  POLLPRI: C.POLLPRI,
  POLLOUT: C.POLLOUT,
  POLLERR: C.POLLERR,
  POLLHUP: C.POLLHUP,
  POLLNVAL: C.POLLNVAL,
  POLLRDNORM: C.POLLRDNORM,
  POLLRDBAND: C.POLLRDBAND,
  POLLWRNORM: C.POLLWRNORM,
  POLLWRBAND: C.POLLWRBAND,
  POLLRDHUP: C.POLLRDHUP,
  O_RDONLY: C.O_RDONLY,
  O_WRONLY: C.O_WRONLY,
  O_RDWR: C.O_RDWR,
  O_CREAT: C.O_CREAT,
  O_EXCL: C.O_EXCL,
  O_NOCTTY: C.O_NOCTTY,
  O_TRUNC: C.O_TRUNC,
  O_APPEND: C.O_APPEND,
  O_NONBLOCK: C.O_NONBLOCK,
  O_NDELAY: C.O_NONBLOCK,
  O_DIRECTORY: C.O_DIRECTORY,
  O_CLOEXEC: C.O_CLOEXEC,
  O_LARGEFILE: 0,
  O_NOFOLLOW: 0o400000,
  O_PATH: 0o10000000,
  F_DUPFD: C.F_DUPFD,
  F_GETFD: C.F_GETFD,
  F_SETFD: C.F_SETFD,
  F_GETFL: C.F_GETFL,
  F_SETFL: C.F_SETFL,
  F_DUPFD_CLOEXEC: C.F_DUPFD_CLOEXEC,
  FD_CLOEXEC: C.FD_CLOEXEC,
  AT_FDCWD: C.AT_FDCWD,
  AT_REMOVEDIR: 0x200,
  AT_EMPTY_PATH: 0x1000,
  AT_SYMLINK_NOFOLLOW: 0x100,
  SEEK_SET: C.SEEK_SET,
  SEEK_CUR: C.SEEK_CUR,
  SEEK_END: C.SEEK_END,
  FIONREAD: C.FIONREAD,
  SIOCINQ: C.SIOCINQ,
  TIOCOUTQ: C.TIOCOUTQ,
  SIOCOUTQ: C.SIOCOUTQ,
  SIOCATMARK: C.SIOCATMARK,
  FIONBIO: C.FIONBIO,
  WNOHANG: C.WNOHANG,
  S_IFSOCK: C.S_IFSOCK,
  S_IFREG: C.S_IFREG,
  S_IFDIR: C.S_IFDIR,
  S_IFIFO: C.S_IFIFO,
  S_IFCHR: C.S_IFCHR,
  S_IFLNK: C.S_IFLNK,
};

/** A number or a constant name as text: `0x1f`, `0755` (octal), `12`, `O_RDWR`. */
function scalar(text: string): number | undefined {
  if (/^-?0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text, 16);
  if (/^0[0-7]+$/.test(text)) return Number.parseInt(text, 8);
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text in NAMES) return NAMES[text];
  return C.signalNumber(text);
}

/** The number a printed scalar stands for, or undefined when it is not one. */
export function num(v: SValue | undefined): number | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'num':
      return v.value;
    case 'fd':
      return v.fd;
    case 'ident': {
      if (v.text in NAMES) return NAMES[v.text];
      const sig = C.signalNumber(v.text);
      return sig;
    }
    case 'flags': {
      let n = 0;
      for (const part of v.parts) {
        const x = scalar(part);
        if (x === undefined) return undefined;
        n |= x;
      }
      return n;
    }
    case 'array':
      return v.items.length === 1 ? num(v.items[0]) : undefined;
    case 'inout':
      return num(v.before);
    default:
      return undefined;
  }
}

/** The value a value-result argument ends with: `[110 => 2]` gives 2, `[4]` gives 4. */
export function numAfter(v: SValue | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'inout') return num(v.after);
  if (v.kind === 'array' && v.items.length === 1) return numAfter(v.items[0]);
  return num(v);
}

/** The value a value-result argument starts with: `[110 => 2]` gives 110. */
export function numBefore(v: SValue | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'inout') return num(v.before);
  if (v.kind === 'array' && v.items.length === 1) return numBefore(v.items[0]);
  return num(v);
}

/** Whether a value is NULL. */
export function isNull(v: SValue | undefined): boolean {
  return !v || (v.kind === 'ident' && v.text === 'NULL') || (v.kind === 'num' && v.value === 0);
}

/** The bytes of a printed string, and whether strace cut it short. */
export function str(v: SValue | undefined): { bytes: Uint8Array; truncated: boolean } | undefined {
  if (v?.kind === 'str') return { bytes: v.bytes, truncated: v.truncated };
  return undefined;
}

/** The field of a struct with this name. */
export function field(v: SValue | undefined, name: string): SValue | undefined {
  if (v?.kind !== 'struct') return undefined;
  return v.fields.find((f: SField) => f.name === name)?.value;
}

/** The items of an array, or [] when it is not one. */
export function items(v: SValue | undefined): SValue[] {
  return v?.kind === 'array' ? v.items : [];
}

/** A printed path as a binary string (one char per byte), or undefined when it is not a string. */
export function pathArg(v: SValue | undefined): string | undefined {
  const s = str(v);
  return s ? C.bytesToBinary(s.bytes) : undefined;
}

/** A printed timeval or timespec in milliseconds, or null when it is NULL or not one. */
export function timeoutMs(v: SValue | undefined): number | null {
  if (isNull(v)) return null;
  const sec = num(field(v, 'tv_sec'));
  const usec = num(field(v, 'tv_usec'));
  const nsec = num(field(v, 'tv_nsec'));
  if (sec === undefined) return null;
  return sec * 1000 + Math.round((usec ?? 0) / 1000) + Math.round((nsec ?? 0) / 1e6);
}

/** A printed socket address. */
export interface Sockaddr {
  family: number;
  /** The sun_path bytes as printed (for abstract names, without the leading NUL). */
  path: Uint8Array | null;
  abstract: boolean;
  truncated: boolean;
}

/** Reads `{sa_family=AF_UNIX, sun_path="..."}` (or `@"..."`, or without sun_path). */
export function sockaddr(v: SValue | undefined): Sockaddr | undefined {
  if (v?.kind !== 'struct') return undefined;
  const fam = num(field(v, 'sa_family'));
  if (fam === undefined) return undefined;
  const p = field(v, 'sun_path');
  if (p?.kind === 'str')
    return { family: fam, path: p.bytes, abstract: p.abstract === true, truncated: p.truncated };
  return { family: fam, path: null, abstract: false, truncated: false };
}

/**
 * The sockaddr_un bytes a program passed with length `addrlen`: family, then sun_path (a NUL
 * first for abstract names), zero-padded to addrlen.
 */
export function sockaddrBytes(a: Sockaddr, addrlen: number): Uint8Array {
  const out = new Uint8Array(Math.max(addrlen, 2, 110));
  out[0] = a.family & 0xff;
  out[1] = a.family >> 8;
  if (a.path) out.set(a.path.subarray(0, 108 - (a.abstract ? 1 : 0)), a.abstract ? 3 : 2);
  return out;
}

/** A msghdr as printed by sendmsg/recvmsg. */
export interface Msghdr {
  name: SValue | undefined;
  namelen: SValue | undefined;
  iov: { base: SValue | undefined; len: number }[];
  control: SArray | undefined;
  controllen: number | undefined;
  flags: number | undefined;
}

/** Reads `{msg_name=..., msg_namelen=..., msg_iov=[...], msg_control=[...], msg_controllen=N, msg_flags=...}`. */
export function msghdr(v: SValue | undefined): Msghdr | undefined {
  if (v?.kind !== 'struct') return undefined;
  const control = field(v, 'msg_control');
  return {
    name: field(v, 'msg_name'),
    namelen: field(v, 'msg_namelen'),
    iov: items(field(v, 'msg_iov')).map((io) => ({
      base: field(io, 'iov_base'),
      len: num(field(io, 'iov_len')) ?? 0,
    })),
    control: control?.kind === 'array' ? control : undefined,
    controllen: num(field(v, 'msg_controllen')),
    flags: num(field(v, 'msg_flags')),
  };
}

/** The control messages in a printed msg_control. */
export function cmsgs(
  control: SArray | undefined,
): { type: string; data: SValue | undefined; fields: SStruct }[] {
  const out: { type: string; data: SValue | undefined; fields: SStruct }[] = [];
  for (const c of control?.items ?? []) {
    if (c.kind !== 'struct') continue;
    const t = field(c, 'cmsg_type');
    out.push({ type: t?.kind === 'ident' ? t.text : String(num(t)), data: field(c, 'cmsg_data'), fields: c });
  }
  return out;
}
