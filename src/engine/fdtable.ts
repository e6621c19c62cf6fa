/**
 * File descriptor tables: lowest-free allocation, install, close, and the reference counts of
 * open files. Mirrors fs/file.c (alloc_fd, fd_install, close_fd) and fput().
 */
import { emit } from './kernel';
import { unix_release_sock } from './release';
import type { FdEntry, Kernel, OpenFile, Process } from './types';
import { wakeChannel } from './wait';

/** RLIMIT_NOFILE as the oracle runs with it (raised to the hard limit). */
export const NOFILE_LIMIT = 1048576;

/** The lowest free descriptor at or above `min`, or -1 when the table is full (EMFILE). */
export function lowestFreeFd(p: Process, min = 0): number {
  const fds = p.files.fds;
  for (let fd = min; fd < fds.length; fd++) if (!fds[fd]) return fd;
  const fd = Math.max(min, fds.length);
  return fd < NOFILE_LIMIT ? fd : -1;
}

/** Puts an open file in slot `fd` (which must be free) and records the event. */
export function fdInstallAt(k: Kernel, p: Process, fd: number, file: OpenFile, cloexec: boolean): void {
  p.files.fds[fd] = { file, cloexec };
  emit(k, { type: 'fd.installed', pid: p.pid, fd, file: file.id });
}

/** Installs an open file at the lowest free fd at or above `min`; returns the fd or -1 (EMFILE). */
export function fdInstall(k: Kernel, p: Process, file: OpenFile, cloexec: boolean, min = 0): number {
  const fd = lowestFreeFd(p, min);
  if (fd >= 0) fdInstallAt(k, p, fd, file, cloexec);
  return fd;
}

/** The entry behind a descriptor, or null for a bad one. */
export function fdGet(p: Process, fd: number): FdEntry | null {
  if (!Number.isInteger(fd) || fd < 0) return null;
  return p.files.fds[fd] ?? null;
}

/** Takes one more reference on an open file (dup, fork, SCM_RIGHTS). */
export function fget(file: OpenFile): OpenFile {
  file.refs++;
  return file;
}

/** Removes a descriptor and drops its reference. Returns false when fd was not open. */
export function fdClose(k: Kernel, p: Process, fd: number): boolean {
  const entry = fdGet(p, fd);
  if (!entry) return false;
  p.files.fds[fd] = null;
  let n = p.files.fds.length;
  while (n > 0 && !p.files.fds[n - 1]) n--;
  p.files.fds.length = n;
  emit(k, { type: 'fd.closed', pid: p.pid, fd, file: entry.file.id });
  fput(k, entry.file);
  return true;
}

/** Drops one reference; the last one releases the file (and its socket). Mirrors fput(). */
export function fput(k: Kernel, file: OpenFile): void {
  file.refs--;
  if (file.refs > 0) return;
  emit(k, { type: 'file.released', file: file.id });
  if (file.sock) {
    const sock = file.sock;
    sock.file = null;
    unix_release_sock(k, sock, false);
  } else if (file.pipe) {
    const pipe = file.pipe;
    if (file.pipeEnd === 'read') pipe.readers--;
    else pipe.writers--;
    wakeChannel(k, (c) => c.kind === 'pipe' && c.pipe === pipe.id, 'pipe end closed');
  }
}
