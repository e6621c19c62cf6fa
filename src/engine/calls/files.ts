/** System call entries for descriptors and files: close, dup, fcntl, open, read/write, poll... */
import type { Resume } from '../dispatch';
import { sys_dup, sys_dup3, sys_fcntl } from '../fcntl';
import { fdClose, fdGet } from '../fdtable';
import {
  fileRead,
  fileWrite,
  sys_chdir,
  sys_chmod,
  sys_fstat,
  sys_getcwd,
  sys_lseek,
  sys_mkdir,
  sys_mknod,
  sys_open,
  sys_pipe,
  sys_rename,
  sys_rmdir,
  sys_stat,
  sys_unlink,
} from '../files';
import { sys_poll, sys_select } from '../poll';
import { err, ok } from '../result';
import type { Syscall, SysResult } from '../syscalls';
import type { Kernel, Process } from '../types';
import type { Block } from '../wait';

/** Runs a file or descriptor call, or returns null when `call` is not one. */
export function runFileCall(k: Kernel, p: Process, call: Syscall, r: Resume): SysResult | Block | null {
  switch (call.name) {
    case 'close':
      return fdClose(k, p, call.fd) ? ok() : err('EBADF');
    case 'dup':
      return sys_dup(k, p, call.fd);
    case 'dup2':
      return sys_dup3(k, p, call.fd, call.newfd, 0, true);
    case 'dup3':
      return sys_dup3(k, p, call.fd, call.newfd, call.flags, false);
    case 'fcntl':
      return sys_fcntl(k, p, call.fd, call.cmd, call.arg);
    case 'read': {
      const e = fdGet(p, call.fd);
      if (!e) return err('EBADF');
      return fileRead(k, p, e.file, call.len, r.timedOut);
    }
    case 'write': {
      const e = fdGet(p, call.fd);
      if (!e) return err('EBADF');
      return fileWrite(k, p, e.file, call.fd, call.data);
    }
    case 'lseek': {
      const e = fdGet(p, call.fd);
      return e ? sys_lseek(e.file, call.offset, call.whence) : err('EBADF');
    }
    case 'fstat': {
      const e = fdGet(p, call.fd);
      return e ? sys_fstat(e.file) : err('EBADF');
    }
    case 'ioctl':
      return fdGet(p, call.fd) ? err('ENOTTY') : err('EBADF');
    case 'open':
      return sys_open(k, p, call.path, call.flags, call.mode);
    case 'stat':
      return sys_stat(k, p, call.path);
    case 'unlink':
      return sys_unlink(k, p, call.path);
    case 'rmdir':
      return sys_rmdir(k, p, call.path);
    case 'rename':
      return sys_rename(k, p, call.from, call.to);
    case 'mkdir':
      return sys_mkdir(k, p, call.path, call.mode);
    case 'chmod':
      return sys_chmod(k, p, call.path, call.mode);
    case 'mknod':
      return sys_mknod(k, p, call.path, call.mode);
    case 'chdir':
      return sys_chdir(k, p, call.path);
    case 'getcwd':
      return sys_getcwd(p, call.size);
    case 'pipe':
      return sys_pipe(k, p, call.flags);
    case 'poll':
      return sys_poll(k, p, call.fds, call.timeoutMs, r.timedOut);
    case 'select':
      return sys_select(k, p, call, call.timeoutMs, r.timedOut, r.sleep?.deadline ?? null);
    default:
      return null;
  }
}
