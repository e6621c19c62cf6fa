/**
 * The filesystem namespace: directories, socket files, regular files and fifos, and path
 * lookup relative to a process's working directory. Mirrors the parts of fs/namei.c that
 * bind, connect, unlink and rename touch.
 */
import type { Errno } from './errno';
import { emit } from './kernel';
import type { FsNode, Kernel, Process } from './types';

/** PATH_MAX and NAME_MAX. */
const PATH_MAX = 4096;
const NAME_MAX = 255;

/** Splits a path into components, dropping empty ones and `.`. */
function components(path: string): string[] {
  return path.split('/').filter((c) => c !== '' && c !== '.');
}

/** The absolute, normalized form of a path as seen from a process (for labels). */
export function absolutePath(p: Process | null, path: string): string {
  const base = path.startsWith('/') || !p ? [] : components(p.cwd);
  for (const c of components(path)) {
    if (c === '..') base.pop();
    else base.push(c);
  }
  return `/${base.join('/')}`;
}

/** Walks directory components from the root or the cwd. Returns the directory node or an errno. */
function walk(k: Kernel, p: Process | null, parts: string[], fromRoot: boolean): FsNode | Errno {
  let node = k.root;
  const stack: FsNode[] = [];
  if (!fromRoot && p) {
    for (const c of components(p.cwd)) {
      const next = node.children?.get(c);
      if (!next) return 'ENOENT';
      stack.push(node);
      node = next;
    }
  }
  for (const c of parts) {
    if (node.kind !== 'dir') return 'ENOTDIR';
    if (c.length > NAME_MAX) return 'ENAMETOOLONG';
    if (c === '..') {
      node = stack.pop() ?? k.root;
      continue;
    }
    const next = node.children?.get(c);
    if (!next) return 'ENOENT';
    stack.push(node);
    node = next;
  }
  return node;
}

/** Looks up a whole path. Mirrors kern_path(): ENOENT, ENOTDIR, ENAMETOOLONG. */
export function lookupPath(k: Kernel, p: Process | null, path: string): FsNode | Errno {
  if (path === '') return 'ENOENT';
  if (path.length >= PATH_MAX) return 'ENAMETOOLONG';
  const parts = components(path);
  const node = walk(k, p, parts, path.startsWith('/'));
  if (typeof node === 'string') return node;
  if (path.endsWith('/') && node.kind !== 'dir') return 'ENOTDIR';
  return node;
}

/** The directory that would hold a new entry, and the entry's name. Mirrors filename_create's lookup. */
export function lookupParent(
  k: Kernel,
  p: Process | null,
  path: string,
): { dir: FsNode; name: string } | Errno {
  if (path === '') return 'ENOENT';
  if (path.length >= PATH_MAX) return 'ENAMETOOLONG';
  const parts = components(path);
  const name = parts.pop();
  if (name === undefined) return 'EEXIST';
  const dir = walk(k, p, parts, path.startsWith('/'));
  if (typeof dir === 'string') return dir;
  if (dir.kind !== 'dir') return 'ENOTDIR';
  if (name.length > NAME_MAX) return 'ENAMETOOLONG';
  return { dir, name };
}

/** Creates a node. Mirrors vfs_mknod/vfs_mkdir: EEXIST when the name is taken. */
export function createNode(
  k: Kernel,
  p: Process | null,
  path: string,
  kind: FsNode['kind'],
  perm: number,
): FsNode | Errno {
  const where = lookupParent(k, p, path);
  if (typeof where === 'string') return where;
  if (where.name === '..' || where.dir.children?.has(where.name)) return 'EEXIST';
  const node: FsNode = {
    ino: k.nextIno++,
    kind,
    mode: perm & ~(p?.umask ?? 0o022) & 0o7777,
    children: kind === 'dir' ? new Map() : null,
    sock: null,
    data: kind === 'regular' ? new Uint8Array(0) : null,
    nlink: kind === 'dir' ? 2 : 1,
    createdAt: k.step,
    atimeMs: k.now,
    mtimeMs: k.now,
    ctimeMs: k.now,
  };
  where.dir.children?.set(where.name, node);
  emit(k, { type: 'fs.created', path: absolutePath(p, path), kind, ino: node.ino });
  return node;
}

/** Removes a name. Mirrors do_unlinkat (EISDIR for a directory) and do_rmdir. */
export function removeNode(k: Kernel, p: Process | null, path: string, dirWanted: boolean): Errno | null {
  const where = lookupParent(k, p, path);
  if (typeof where === 'string') return where === 'EEXIST' ? (dirWanted ? 'EBUSY' : 'EISDIR') : where;
  const node = where.dir.children?.get(where.name);
  if (!node) return 'ENOENT';
  if (dirWanted) {
    if (node.kind !== 'dir') return 'ENOTDIR';
    if (node.children && node.children.size > 0) return 'ENOTEMPTY';
  } else if (node.kind === 'dir') {
    return 'EISDIR';
  }
  where.dir.children?.delete(where.name);
  node.nlink = 0;
  emit(k, { type: 'fs.removed', path: absolutePath(p, path), ino: node.ino });
  return null;
}

/** Moves a name. Mirrors do_renameat2 for the simple cases: the node (and its socket) keeps its inode. */
export function renameNode(k: Kernel, p: Process | null, from: string, to: string): Errno | null {
  const src = lookupParent(k, p, from);
  if (typeof src === 'string') return src;
  const node = src.dir.children?.get(src.name);
  if (!node) return 'ENOENT';
  const dst = lookupParent(k, p, to);
  if (typeof dst === 'string') return dst;
  const existing = dst.dir.children?.get(dst.name);
  if (existing === node) return null;
  if (existing) {
    if (existing.kind === 'dir' && node.kind !== 'dir') return 'EISDIR';
    if (existing.kind !== 'dir' && node.kind === 'dir') return 'ENOTDIR';
    if (existing.kind === 'dir' && existing.children && existing.children.size > 0) return 'ENOTEMPTY';
    existing.nlink = 0;
  }
  src.dir.children?.delete(src.name);
  dst.dir.children?.set(dst.name, node);
  emit(k, { type: 'fs.renamed', from: absolutePath(p, from), to: absolutePath(p, to), ino: node.ino });
  return null;
}

/** Every path in the namespace with its node, depth first (for drawing and tests). */
export function listFiles(k: Kernel): { path: string; node: FsNode }[] {
  const out: { path: string; node: FsNode }[] = [];
  const visit = (dir: FsNode, prefix: string) => {
    for (const [name, node] of [...(dir.children ?? new Map<string, FsNode>())].sort((a, b) =>
      a[0] < b[0] ? -1 : 1,
    )) {
      const path = `${prefix}/${name}`;
      out.push({ path, node });
      if (node.kind === 'dir') visit(node, path);
    }
  };
  visit(k.root, '');
  return out;
}
