/**
 * What a trace line says a call returned, and how to compare that with what the model did.
 * A string strace cut short is compared on the part shown; bytes the replay had to invent
 * (because a write was cut short) match anything.
 */
import { binaryToText, bytesToBinary, type Errno, escapeBytes, S_IFMT, type SysResult } from '../../engine';
import type { Sockaddr } from './decode';

/** The recorded outcome of one call. */
export interface Expect {
  /** The return value, or null for `?`. */
  ret: number | null;
  errno: string | null;
  /** Bytes read, as printed. */
  data?: { bytes: Uint8Array; truncated: boolean };
  /** An address returned through a pointer (null when the call returned none). */
  addr?: Sockaddr | null;
  /** The address length written back. */
  addrlen?: number;
  /** socketpair's and pipe's two fds. */
  fds?: number[];
  /** poll: revents by position. */
  revents?: number[];
  /** select: the fds in each returned set. */
  ready?: { read: number[]; write: number[]; except: number[] };
  /** getsockopt/ioctl integer. */
  value?: number;
  cred?: { pid: number; uid: number; gid: number };
  msgFlags?: number;
  rights?: number[];
  creds?: { pid: number; uid: number; gid: number };
  controllen?: number;
  stat?: { mode: number };
  status?: { exited: number } | { signaled: string };
  /** Bits of a returned flag word to compare (F_GETFL on files shows O_LARGEFILE and such). */
  retMask?: number;
}

/** Where a mismatch's simulated bytes came from (so invented bytes match anything). */
export type KnownMask = (i: number) => boolean;

function showAddr(a: Sockaddr | null | undefined): string {
  if (!a) return 'none';
  if (!a.path) return '{AF_UNIX}';
  return a.abstract
    ? `@"${binaryToText(bytesToBinary(a.path))}"`
    : `"${binaryToText(bytesToBinary(a.path))}"`;
}

/** The recorded result in strace's words: `5`, `-1 ENOENT`. */
export function showExpect(e: Expect): string {
  if (e.ret === null) return e.errno ? `? ${e.errno}` : '?';
  let s = e.errno ? `${e.ret} ${e.errno}` : `${e.ret}`;
  if (e.data && !e.errno) s += ` "${escapeBytes(e.data.bytes, 40)}"`;
  return s;
}

/** The simulated result in the same words. */
export function showResult(r: SysResult): string {
  let s = r.errno ? `${r.ret} ${r.errno}` : `${r.ret}`;
  if (r.data && !r.errno) s += ` "${escapeBytes(r.data, 40)}"`;
  return s;
}

/** Decodes the bytes of a returned address (family, sun_path) into the printed form. */
export function decodeAddr(bytes: Uint8Array, addrlen: number): Sockaddr | null {
  if (addrlen <= 0 || bytes.length < 2) return null;
  const family = bytes[0] | (bytes[1] << 8);
  const n = Math.min(bytes.length, addrlen);
  if (n <= 2) return { family, path: null, abstract: false, truncated: false };
  if (bytes[2] === 0) return { family, path: bytes.slice(3, n), abstract: true, truncated: false };
  let end = 2;
  while (end < n && bytes[end] !== 0) end++;
  return { family, path: bytes.slice(2, end), abstract: false, truncated: false };
}

/** Whether a name looks like one autobind chose: five lowercase hex digits. */
export function isAutobindName(path: Uint8Array | null): boolean {
  return path !== null && path.length === 5 && /^[0-9a-f]{5}$/.test(bytesToBinary(path));
}

function sameAddr(
  rec: Sockaddr,
  sim: Sockaddr | null,
  autobind: (rec: string, sim: string) => boolean,
): boolean {
  if (!sim) return false;
  if (rec.family !== sim.family || rec.abstract !== sim.abstract) return !rec.path && !sim.path;
  if (!rec.path || !sim.path) return !rec.path && !sim.path;
  const r = bytesToBinary(rec.path);
  const s = bytesToBinary(sim.path);
  if (rec.truncated) return s.startsWith(r);
  if (r === s) return true;
  return rec.abstract && isAutobindName(rec.path) && isAutobindName(sim.path) && autobind(r, s);
}

/** Compares a simulated result with the recording; returns what differs, in words (empty: a match). */
export function compare(
  e: Expect,
  r: SysResult,
  known: KnownMask,
  autobind: (rec: string, sim: string) => boolean,
): string[] {
  const out: string[] = [];
  if (e.ret === null) return out;
  const mask = e.retMask ?? -1;
  if ((r.errno ?? null) !== (e.errno as Errno | null) || (r.ret & mask) !== (e.ret & mask)) {
    out.push(`returned ${showResult(r)}, recorded ${showExpect(e)}`);
    return out;
  }
  if (e.errno) return out;
  if (e.data && r.data) {
    const rec = e.data.bytes;
    const sim = r.data;
    const n = e.data.truncated ? rec.length : Math.max(rec.length, sim.length);
    for (let i = 0; i < n; i++) {
      if (rec[i] !== sim[i] && known(i)) {
        out.push(`read "${escapeBytes(sim, 40)}", recorded "${escapeBytes(rec, 40)}"`);
        break;
      }
    }
  }
  if (e.addr !== undefined) {
    const sim = r.addr !== undefined && r.addrlen !== undefined ? decodeAddr(r.addr, r.addrlen) : null;
    if (e.addr === null ? sim !== null && (r.addrlen ?? 0) > 0 : !sameAddr(e.addr, sim, autobind)) {
      out.push(`address ${showAddr(sim)}, recorded ${showAddr(e.addr)}`);
    }
  }
  if (e.addrlen !== undefined && r.addrlen !== undefined && e.addrlen !== r.addrlen) {
    out.push(`address length ${r.addrlen}, recorded ${e.addrlen}`);
  }
  if (e.fds && (!r.fds || e.fds.join() !== r.fds.join()))
    out.push(`fds [${r.fds?.join(', ')}], recorded [${e.fds.join(', ')}]`);
  if (e.revents && r.revents) {
    e.revents.forEach((want, i) => {
      if (want !== r.revents?.[i])
        out.push(
          `revents of entry ${i} are 0x${(r.revents?.[i] ?? 0).toString(16)}, recorded 0x${want.toString(16)}`,
        );
    });
  }
  if (e.ready && r.ready) {
    for (const set of ['read', 'write', 'except'] as const) {
      const a = [...r.ready[set]].sort().join();
      const b = [...e.ready[set]].sort().join();
      if (a !== b) out.push(`${set} set [${a}], recorded [${b}]`);
    }
  }
  if (e.value !== undefined && r.value !== undefined && e.value !== r.value)
    out.push(`value ${r.value}, recorded ${e.value}`);
  if (
    e.cred &&
    r.cred &&
    (e.cred.pid !== r.cred.pid || e.cred.uid !== r.cred.uid || e.cred.gid !== r.cred.gid)
  ) {
    out.push(`credentials pid ${r.cred.pid} uid ${r.cred.uid}, recorded pid ${e.cred.pid} uid ${e.cred.uid}`);
  }
  if (e.msgFlags !== undefined && r.msgFlags !== undefined && e.msgFlags !== r.msgFlags) {
    out.push(`msg_flags 0x${r.msgFlags.toString(16)}, recorded 0x${e.msgFlags.toString(16)}`);
  }
  if (e.rights) {
    const sim = r.cmsgs?.find((c) => c.type === 'SCM_RIGHTS');
    const got = sim && sim.type === 'SCM_RIGHTS' ? sim.fds.join(', ') : '';
    if (got !== e.rights.join(', ')) out.push(`SCM_RIGHTS fds [${got}], recorded [${e.rights.join(', ')}]`);
  }
  if (e.creds) {
    const sim = r.cmsgs?.find((c) => c.type === 'SCM_CREDENTIALS');
    if (sim?.type !== 'SCM_CREDENTIALS' || sim.pid !== e.creds.pid || sim.uid !== e.creds.uid) {
      out.push(
        `SCM_CREDENTIALS ${sim && sim.type === 'SCM_CREDENTIALS' ? `pid ${sim.pid} uid ${sim.uid}` : 'missing'}, recorded pid ${e.creds.pid} uid ${e.creds.uid}`,
      );
    }
  }
  if (e.controllen !== undefined && r.controllen !== undefined && e.controllen !== r.controllen) {
    out.push(`msg_controllen ${r.controllen}, recorded ${e.controllen}`);
  }
  if (e.stat && r.stat) {
    const types: Record<string, number> = {
      socket: 0o140000,
      regular: 0o100000,
      directory: 0o40000,
      fifo: 0o10000,
      chardev: 0o20000,
    };
    const mode = (types[r.stat.type] ?? 0) | r.stat.mode;
    if ((mode & (S_IFMT | 0o7777)) !== e.stat.mode)
      out.push(`st_mode 0${mode.toString(8)}, recorded 0${e.stat.mode.toString(8)}`);
  }
  if (e.status && r.status) {
    const a = 'exited' in r.status ? `exited ${r.status.exited}` : `killed by ${r.status.signaled}`;
    const b = 'exited' in e.status ? `exited ${e.status.exited}` : `killed by ${e.status.signaled}`;
    if (a !== b) out.push(`child ${a}, recorded ${b}`);
  }
  return out;
}
