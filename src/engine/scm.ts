/**
 * Ancillary data: file descriptors in flight (SCM_RIGHTS) and credentials (SCM_CREDENTIALS).
 * Mirrors net/core/scm.c (scm_fp_copy, scm_detach_fds, put_cmsg) and unix_scm_to_skb().
 */
import { MSG_CMSG_CLOEXEC, MSG_CTRUNC, OVERFLOW_UID, SIZEOF_CMSGHDR, SIZEOF_UCRED } from './constants';
import type { Errno } from './errno';
import { fdGet, fdInstall, fget, fput } from './fdtable';
import type { Cmsg, CredArg } from './syscalls';
import type { Kernel, OpenFile, Process, SkBuff, Ucred, UnixSock } from './types';

/** SCM_MAX_FD: at most 253 descriptors in one message. */
const SCM_MAX_FD = 253;

/** CMSG_LEN and CMSG_SPACE on x86-64. */
export function cmsgLen(n: number): number {
  return SIZEOF_CMSGHDR + n;
}
export function cmsgSpace(n: number): number {
  return SIZEOF_CMSGHDR + Math.ceil(n / 8) * 8;
}

/** What a sender attaches to a message. Mirrors struct scm_cookie. */
export interface Scm {
  files: OpenFile[] | null;
  cred: Ucred | null;
}

/** Takes references on the files a sender passes. Mirrors scm_fp_copy(): a bad fd is EBADF. */
export function scm_send(p: Process, rights: number[] | null, creds: CredArg | null): Scm | Errno {
  let files: OpenFile[] | null = null;
  if (rights && rights.length > 0) {
    if (rights.length > SCM_MAX_FD) return 'EINVAL';
    files = [];
    for (const fd of rights) {
      const e = fdGet(p, fd);
      if (!e) {
        return 'EBADF';
      }
      files.push(e.file);
    }
    for (const f of files) fget(f);
  }
  return { files, cred: creds ? { ...creds } : null };
}

/** Drops the references of a message that was not sent. Mirrors scm_destroy(). */
export function scm_destroy(k: Kernel, scm: Scm): void {
  if (scm.files) for (const f of scm.files) fput(k, f);
  scm.files = null;
}

/**
 * Attaches credentials when either end asked for them and none were given. Mirrors
 * maybe_add_creds(): the sender or the receiver has SO_PASSCRED, or the receiver has no
 * socket yet (an embryo).
 */
export function maybe_add_creds(p: Process, skb: SkBuff, sk: UnixSock, other: UnixSock): void {
  if (skb.cred) return;
  if (sk.passcred || !other.file || other.passcred) skb.cred = { pid: p.tgid, uid: p.uid, gid: p.gid };
}

/** What recvmsg hands back through msg_control. */
export interface ControlOut {
  cmsgs: Cmsg[];
  flags: number;
  controllen: number;
}

/**
 * Builds the control messages of a receive: credentials first when the receiver has
 * SO_PASSCRED, then the passed files, installed at the lowest free fds. Files that do not fit
 * are closed and MSG_CTRUNC is set. Mirrors scm_recv() with put_cmsg() and scm_detach_fds().
 */
export function scm_recv(
  k: Kernel,
  p: Process,
  sock: UnixSock,
  controllen: number,
  flags: number,
  cred: Ucred | null,
  files: OpenFile[] | null,
): ControlOut {
  const out: ControlOut = { cmsgs: [], flags: 0, controllen: 0 };
  let room = controllen;
  if (controllen <= 0) {
    if (sock.passcred || (files && files.length > 0)) out.flags |= MSG_CTRUNC;
    if (files) for (const f of files) fput(k, f);
    return out;
  }
  if (sock.passcred) {
    if (room < SIZEOF_CMSGHDR) out.flags |= MSG_CTRUNC;
    else {
      if (room < cmsgLen(SIZEOF_UCRED)) out.flags |= MSG_CTRUNC;
      out.cmsgs.push({
        type: 'SCM_CREDENTIALS',
        pid: cred?.pid ?? 0,
        uid: cred && cred.uid >= 0 ? cred.uid : OVERFLOW_UID,
        gid: cred && cred.gid >= 0 ? cred.gid : OVERFLOW_UID,
      });
      const used = Math.min(cmsgSpace(SIZEOF_UCRED), room);
      room -= used;
      out.controllen += used;
    }
  }
  if (files && files.length > 0) {
    const fdmax =
      room <= SIZEOF_CMSGHDR ? 0 : Math.min(Math.floor((room - SIZEOF_CMSGHDR) / 4), files.length);
    const installed: number[] = [];
    for (let i = 0; i < fdmax; i++) {
      const fd = fdInstall(k, p, files[i], (flags & MSG_CMSG_CLOEXEC) !== 0);
      if (fd < 0) break;
      installed.push(fd);
    }
    if (installed.length > 0) {
      out.cmsgs.push({ type: 'SCM_RIGHTS', fds: installed });
      const used = Math.min(cmsgSpace(installed.length * 4), room);
      out.controllen += used;
    }
    if (installed.length < files.length) out.flags |= MSG_CTRUNC;
    // Files that got an fd keep the in-flight reference; the rest are released.
    for (let i = installed.length; i < files.length; i++) fput(k, files[i]);
  }
  return out;
}
