/** Descriptor lookups shared by the system call entries. */
import type { Errno } from '../errno';
import { fdGet } from '../fdtable';
import type { OpenFile, Process, UnixSock } from '../types';

/** The socket behind an fd. Mirrors sockfd_lookup(): EBADF for a bad fd, ENOTSOCK for another file. */
export function sockfd_lookup(p: Process, fd: number): { file: OpenFile; sock: UnixSock } | Errno {
  const e = fdGet(p, fd);
  if (!e) return 'EBADF';
  if (!e.file.sock) return 'ENOTSOCK';
  return { file: e.file, sock: e.file.sock };
}
