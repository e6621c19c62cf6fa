/**
 * Descriptor operations: dup, dup2, dup3 and fcntl. Mirrors fs/file.c (do_dup2, ksys_dup3)
 * and fs/fcntl.c (do_fcntl).
 */
import {
  F_DUPFD,
  F_DUPFD_CLOEXEC,
  F_GETFD,
  F_GETFL,
  F_SETFD,
  F_SETFL,
  FD_CLOEXEC,
  O_APPEND,
  O_CLOEXEC,
  O_NONBLOCK,
} from './constants';
import { fdClose, fdGet, fdInstall, fdInstallAt, fget, NOFILE_LIMIT } from './fdtable';
import { err, ok } from './result';
import type { SysResult } from './syscalls';
import type { Kernel, Process } from './types';

/** dup(fd): the lowest free fd, sharing the open file. */
export function sys_dup(k: Kernel, p: Process, fd: number): SysResult {
  const e = fdGet(p, fd);
  if (!e) return err('EBADF');
  const nfd = fdInstall(k, p, fget(e.file), false);
  if (nfd < 0) {
    e.file.refs--;
    return err('EMFILE');
  }
  return ok(nfd);
}

/** dup3(fd, newfd, flags) and dup2: newfd is closed silently first. dup2 with fd == newfd returns it. */
export function sys_dup3(
  k: Kernel,
  p: Process,
  fd: number,
  newfd: number,
  flags: number,
  isDup2: boolean,
): SysResult {
  if (!isDup2 && flags & ~O_CLOEXEC) return err('EINVAL');
  const e = fdGet(p, fd);
  if (isDup2 && fd === newfd) return e ? ok(newfd) : err('EBADF');
  if (!isDup2 && fd === newfd) return err('EINVAL');
  if (newfd < 0 || newfd >= NOFILE_LIMIT) return err('EBADF');
  if (!e) return err('EBADF');
  const file = fget(e.file);
  if (fdGet(p, newfd)) fdClose(k, p, newfd);
  fdInstallAt(k, p, newfd, file, (flags & O_CLOEXEC) !== 0);
  return ok(newfd);
}

/** fcntl(fd, cmd, arg): F_GETFL/F_SETFL (O_NONBLOCK, O_APPEND), F_GETFD/F_SETFD, F_DUPFD. */
export function sys_fcntl(k: Kernel, p: Process, fd: number, cmd: number, arg: number): SysResult {
  const e = fdGet(p, fd);
  if (!e) return err('EBADF');
  const f = e.file;
  switch (cmd) {
    case F_GETFL:
      return ok(f.accmode | (f.nonblock ? O_NONBLOCK : 0) | (f.append ? O_APPEND : 0));
    case F_SETFL:
      f.nonblock = (arg & O_NONBLOCK) !== 0;
      f.append = (arg & O_APPEND) !== 0;
      return ok();
    case F_GETFD:
      return ok(e.cloexec ? FD_CLOEXEC : 0);
    case F_SETFD:
      e.cloexec = (arg & FD_CLOEXEC) !== 0;
      return ok();
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      if (arg < 0 || arg >= NOFILE_LIMIT) return err('EINVAL');
      const nfd = fdInstall(k, p, fget(f), cmd === F_DUPFD_CLOEXEC, arg);
      if (nfd < 0) {
        f.refs--;
        return err('EMFILE');
      }
      return ok(nfd);
    }
    default:
      return err('EINVAL');
  }
}
