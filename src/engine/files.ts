/**
 * Files that are not sockets: regular files, directories, fifos, pipes and the terminal.
 * They exist so that programs behave and fd numbers line up; the model is deliberately small.
 */
import { binaryToBytes, concatBytes } from './bytes';
import {
  O_ACCMODE,
  O_APPEND,
  O_CLOEXEC,
  O_CREAT,
  O_DIRECTORY,
  O_EXCL,
  O_NONBLOCK,
  O_TRUNC,
  SEEK_CUR,
  SEEK_END,
  SEEK_SET,
} from './constants';
import type { Errno } from './errno';
import { fdInstall, lowestFreeFd } from './fdtable';
import { absolutePath, createNode, lookupPath, removeNode, renameNode } from './fs';
import { newFile } from './kernel';
import { err, ok } from './result';
import { send_sig } from './signal';
import { SIGPIPE } from './signals';
import type { StatResult, SysResult } from './syscalls';
import type { FsNode, Kernel, OpenFile, Pipe, Process } from './types';
import { type Block, wakeChannel } from './wait';

/** PIPE_BUF capacity of a pipe (16 pages). */
const PIPE_CAPACITY = 65536;

/** open(path, flags, mode). A socket file cannot be opened (ENXIO). */
export function sys_open(k: Kernel, p: Process, path: string, flags: number, mode: number): SysResult {
  let node = lookupPath(k, p, path);
  if (typeof node === 'string') {
    if (node !== 'ENOENT' || !(flags & O_CREAT)) return err(node);
    const made = createNode(k, p, path, 'regular', mode);
    if (typeof made === 'string') return err(made);
    node = made;
  } else if (flags & O_CREAT && flags & O_EXCL) {
    return err('EEXIST');
  }
  const acc = flags & O_ACCMODE;
  if (flags & O_DIRECTORY && node.kind !== 'dir') return err('ENOTDIR');
  if (node.kind === 'dir' && acc !== 0) return err('EISDIR');
  if (node.kind === 'socket') return err('ENXIO');
  if (lowestFreeFd(p) < 0) return err('EMFILE');
  if (node.kind === 'regular' && flags & O_TRUNC && acc !== 0) node.data = new Uint8Array(0);
  const f = newFile(
    k,
    node.kind === 'dir' ? 'dir' : node.kind === 'regular' ? 'regular' : 'opaque',
    absolutePath(p, path),
  );
  f.node = node;
  f.accmode = acc;
  f.append = (flags & O_APPEND) !== 0;
  f.nonblock = (flags & O_NONBLOCK) !== 0;
  return ok(fdInstall(k, p, f, (flags & O_CLOEXEC) !== 0));
}

/** pipe2(fds, flags): a read end and a write end at the two lowest free fds. */
export function sys_pipe(k: Kernel, p: Process, flags: number): SysResult {
  const pipe: Pipe = { id: k.nextFileId++, buffer: [], readers: 1, writers: 1 };
  const r = newFile(k, 'pipe', `pipe:[${pipe.id}]`);
  const w = newFile(k, 'pipe', `pipe:[${pipe.id}]`);
  r.pipe = pipe;
  r.pipeEnd = 'read';
  r.accmode = 0;
  w.pipe = pipe;
  w.pipeEnd = 'write';
  w.accmode = 1;
  r.nonblock = w.nonblock = (flags & O_NONBLOCK) !== 0;
  const cloexec = (flags & O_CLOEXEC) !== 0;
  return ok(0, { fds: [fdInstall(k, p, r, cloexec), fdInstall(k, p, w, cloexec)] });
}

function pipeLen(pipe: Pipe): number {
  let n = 0;
  for (const b of pipe.buffer) n += b.length;
  return n;
}

/** read() on a file that is not a socket. */
export function fileRead(
  k: Kernel,
  _p: Process,
  f: OpenFile,
  len: number,
  timedOut: boolean,
): SysResult | Block {
  if (f.accmode === 1) return err('EBADF');
  if (len === 0) return ok(0, { data: new Uint8Array(0) });
  if (f.kind === 'dir') return err('EISDIR');
  if (f.terminal) {
    const t = f.terminal;
    if (t.input.length === 0) {
      if (t.inputClosed) return ok(0, { data: new Uint8Array(0) });
      if (f.nonblock || timedOut) return err('EAGAIN');
      return { block: { kind: 'terminal', terminal: t.id }, timeoutMs: null };
    }
    const n = Math.min(len, t.input.length);
    const data = t.input.slice(0, n);
    t.input = t.input.slice(n);
    return ok(n, { data });
  }
  if (f.pipe) {
    const pipe = f.pipe;
    if (pipe.buffer.length === 0) {
      if (pipe.writers === 0) return ok(0, { data: new Uint8Array(0) });
      if (f.nonblock || timedOut) return err('EAGAIN');
      return { block: { kind: 'pipe', pipe: pipe.id, why: 'read' }, timeoutMs: null };
    }
    const all = concatBytes(pipe.buffer);
    const n = Math.min(len, all.length);
    pipe.buffer = n < all.length ? [all.slice(n)] : [];
    wakeChannel(k, (c) => c.kind === 'pipe' && c.pipe === pipe.id && c.why === 'write', 'pipe drained');
    return ok(n, { data: all.slice(0, n) });
  }
  if (f.node?.data) {
    const data = f.node.data.slice(f.offset, f.offset + len);
    f.offset += data.length;
    return ok(data.length, { data });
  }
  return ok(0, { data: new Uint8Array(0) });
}

/** write() on a file that is not a socket. A pipe with no reader gives EPIPE and SIGPIPE. */
export function fileWrite(
  k: Kernel,
  p: Process,
  f: OpenFile,
  fd: number,
  data: Uint8Array,
): SysResult | Block {
  if (f.accmode === 0) return err('EBADF');
  if (f.kind === 'dir') return err('EISDIR');
  if (f.terminal) {
    f.terminal.output.push({
      fd,
      pid: p.pid,
      text: data.slice(),
      stream: f.label === 'stderr' ? 'stderr' : 'stdout',
    });
    return ok(data.length);
  }
  if (f.pipe) {
    const pipe = f.pipe;
    if (pipe.readers === 0) {
      send_sig(k, p, SIGPIPE, p.pid);
      return err('EPIPE');
    }
    const room = PIPE_CAPACITY - pipeLen(pipe);
    if (room <= 0) {
      if (f.nonblock) return err('EAGAIN');
      return { block: { kind: 'pipe', pipe: pipe.id, why: 'write' }, timeoutMs: null };
    }
    const n = Math.min(room, data.length);
    pipe.buffer.push(data.slice(0, n));
    wakeChannel(k, (c) => c.kind === 'pipe' && c.pipe === pipe.id && c.why === 'read', 'pipe filled');
    return ok(n);
  }
  const node = f.node;
  if (node?.data) {
    const at = f.append ? node.data.length : f.offset;
    const end = at + data.length;
    if (end > node.data.length) {
      const grown = new Uint8Array(end);
      grown.set(node.data);
      node.data = grown;
    }
    node.data.set(data, at);
    f.offset = end;
    if (data.length > 0) {
      node.mtimeMs = k.now;
      node.ctimeMs = k.now;
    }
    return ok(data.length);
  }
  return ok(data.length);
}

/** lseek(fd, offset, whence): sockets, pipes and terminals give ESPIPE. */
export function sys_lseek(f: OpenFile, offset: number, whence: number): SysResult {
  if (f.sock || f.pipe || f.terminal) return err('ESPIPE');
  const size = f.node?.data?.length ?? 0;
  const base =
    whence === SEEK_SET ? 0 : whence === SEEK_CUR ? f.offset : whence === SEEK_END ? size : Number.NaN;
  if (Number.isNaN(base)) return err('EINVAL');
  const to = base + offset;
  if (to < 0) return err('EINVAL');
  f.offset = to;
  return ok(to);
}

function statNode(node: FsNode): StatResult {
  const type = node.kind === 'dir' ? 'directory' : node.kind === 'other' ? 'other' : node.kind;
  return {
    type,
    mode: node.mode,
    size: node.data?.length ?? 0,
    ino: node.ino,
    nlink: node.nlink,
    times: { atimeMs: node.atimeMs, mtimeMs: node.mtimeMs, ctimeMs: node.ctimeMs },
  };
}

/** fstat(fd): a socket shows S_IFSOCK, mode 0777, size 0 (its sockfs inode, not the bound path). */
export function sys_fstat(f: OpenFile): SysResult {
  if (f.sock) return ok(0, { stat: { type: 'socket', mode: 0o777, size: 0, ino: f.sock.id } });
  if (f.node) return ok(0, { stat: statNode(f.node) });
  if (f.pipe) return ok(0, { stat: { type: 'fifo', mode: 0o600, size: 0, ino: f.pipe.id } });
  return ok(0, { stat: { type: 'chardev', mode: 0o620, size: 0, ino: f.id } });
}

/** stat(path). */
export function sys_stat(k: Kernel, p: Process, path: string): SysResult {
  const node = lookupPath(k, p, path);
  return typeof node === 'string' ? err(node) : ok(0, { stat: statNode(node) });
}

function errOr(e: Errno | null): SysResult {
  return e ? err(e) : ok();
}

/** unlink(path): removes the name; a socket bound there keeps working but can no longer be reached. */
export function sys_unlink(k: Kernel, p: Process, path: string): SysResult {
  return errOr(removeNode(k, p, path, false));
}

/** rmdir(path). */
export function sys_rmdir(k: Kernel, p: Process, path: string): SysResult {
  return errOr(removeNode(k, p, path, true));
}

/** rename(from, to): a socket file keeps its socket; connect must then use the new name. */
export function sys_rename(k: Kernel, p: Process, from: string, to: string): SysResult {
  return errOr(renameNode(k, p, from, to));
}

/** chmod(path, mode): the permission bits of a file, a directory or a socket file. */
export function sys_chmod(k: Kernel, p: Process, path: string, mode: number): SysResult {
  const node = lookupPath(k, p, path);
  if (typeof node === 'string') return err(node);
  node.mode = mode & 0o7777;
  node.ctimeMs = k.now;
  return ok();
}

/** mkdir(path, mode). */
export function sys_mkdir(k: Kernel, p: Process, path: string, mode: number): SysResult {
  const n = createNode(k, p, path, 'dir', mode);
  return typeof n === 'string' ? err(n) : ok();
}

/** mknod(path, mode): fifos and regular files (a socket node made this way has no socket). */
export function sys_mknod(k: Kernel, p: Process, path: string, mode: number): SysResult {
  const fmt = mode & 0o170000;
  const kind =
    fmt === 0o10000 ? 'fifo' : fmt === 0o140000 ? 'socket' : fmt === 0 || fmt === 0o100000 ? 'regular' : null;
  if (!kind) return err('EPERM');
  const n = createNode(k, p, path, kind, mode & 0o7777);
  return typeof n === 'string' ? err(n) : ok();
}

/** chdir(path): relative names (bind, connect) then resolve from there. */
/** getcwd(buf, size): the working directory with its NUL, whose length the system call returns. */
export function sys_getcwd(p: Process, size: number): SysResult {
  const path = binaryToBytes(`${p.cwd}\0`);
  if (size < path.length) return err('ERANGE');
  return ok(path.length, { data: path });
}

export function sys_chdir(k: Kernel, p: Process, path: string): SysResult {
  const node = lookupPath(k, p, path);
  if (typeof node === 'string') return err(node);
  if (node.kind !== 'dir') return err('ENOTDIR');
  p.cwd = absolutePath(p, path);
  return ok();
}
