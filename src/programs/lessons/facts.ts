/**
 * Facts read from a kernel state, and the words that point a learner at them in the diagram.
 * Questions compute their answers and explanations from these, never from literals.
 */
import { type FsNode, type Kernel, lookupPath, type OpenFile, type UnixSock } from '../../engine';
import { plural } from './choices';

/** The open file behind a process's descriptor, or null. */
export function fileOf(k: Kernel, pid: number, fd: number): OpenFile | null {
  return k.procs.get(pid)?.files.fds[fd]?.file ?? null;
}

/** The socket behind a process's descriptor, or null. */
export function sockOf(k: Kernel, pid: number, fd: number): UnixSock | null {
  return fileOf(k, pid, fd)?.sock ?? null;
}

/** Connections waiting on a listener to be accepted (embryos on its receive queue). */
export function pendingCount(listener: UnixSock): number {
  return listener.receiveQueue.filter((skb) => skb.embryo !== null).length;
}

/** Unread payload bytes on a socket's receive queue (stream bytes already consumed left out). */
export function queuedBytes(sock: UnixSock): number {
  return sock.receiveQueue.reduce((n, skb) => n + skb.data.length - skb.consumed, 0);
}

/** Every descriptor, in every live process, that refers to an open file: "pid 1 fd 4". */
export function holdersOf(k: Kernel, file: OpenFile): { pid: number; fd: number }[] {
  const out: { pid: number; fd: number }[] = [];
  for (const p of k.procs.values()) {
    if (p.state === 'zombie' || p.state === 'dead') continue;
    p.files.fds.forEach((e, fd) => {
      if (e?.file === file) out.push({ pid: p.pid, fd });
    });
  }
  return out;
}

/** Descriptors in words, naming each process: "server fd 4 and server child (pid 103) fd 4". */
export function holderWords(names: Map<number, string>, holders: { pid: number; fd: number }[]): string {
  if (holders.length === 0) return 'no descriptor at all';
  const count = new Map<string, number>();
  for (const h of holders) {
    const n = names.get(h.pid) ?? '';
    count.set(n, (count.get(n) ?? 0) + 1);
  }
  const words = holders.map((h) => {
    const n = names.get(h.pid) ?? `pid ${h.pid}`;
    return `${(count.get(n) ?? 0) > 1 ? `${n} (pid ${h.pid})` : n} fd ${h.fd}`;
  });
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** How many messages queued anywhere carry this open file (SCM_RIGHTS in flight). */
export function inFlight(k: Kernel, file: OpenFile): number {
  let n = 0;
  for (const sock of k.socks.values())
    for (const skb of sock.receiveQueue) n += skb.fds?.filter((f) => f === file).length ?? 0;
  return n;
}

/** The descriptors a process has open, lowest first. */
export function openFds(k: Kernel, pid: number): number[] {
  const fds = k.procs.get(pid)?.files.fds ?? [];
  return fds.flatMap((e, fd) => (e ? [fd] : []));
}

/** The lowest descriptor a process has free. */
export function lowestFree(k: Kernel, pid: number): number {
  const fds = k.procs.get(pid)?.files.fds ?? [];
  const i = fds.findIndex((e) => !e);
  return i === -1 ? fds.length : i;
}

/** The node at a path, or null when there is none. */
export function nodeAt(k: Kernel, path: string): FsNode | null {
  const n = lookupPath(k, null, path);
  return typeof n === 'string' ? null : n;
}

/** What the diagram shows at a path, in words: why a bind or connect there does what it does. */
export function describePath(k: Kernel, path: string): string {
  const n = nodeAt(k, path);
  if (!n) return `there is no file at ${path}`;
  if (n.kind !== 'socket') return `${path} is a ${n.kind === 'dir' ? 'directory' : 'file'}, not a socket`;
  const s = n.sock;
  if (!s || s.dead)
    return `${path} is a socket file whose socket has been closed: the file stays until unlink()`;
  if (s.state === 'TCP_LISTEN') return `${path} belongs to a listening ${s.type} socket (${backlogWords(s)})`;
  return `${path} belongs to a ${s.type} socket that is bound but not listening`;
}

/** "fds 0, 1, 2 and 3". */
export function listFds(fds: number[]): string {
  if (fds.length === 0) return 'no fds';
  if (fds.length === 1) return `fd ${fds[0]}`;
  return `fds ${fds.slice(0, -1).join(', ')} and ${fds.at(-1)}`;
}

/** A process's open fds in words: "only stdin, stdout and stderr (0, 1, 2) are open". */
export function openWords(fds: number[]): string {
  const std = fds.filter((fd) => fd <= 2);
  const rest = fds.filter((fd) => fd > 2);
  const head = std.length === 3 ? 'stdin, stdout and stderr (0, 1, 2)' : listFds(std);
  if (rest.length === 0) return `only ${head} are open`;
  return `${head} and ${listFds(rest)} are open`;
}

/** The listener's backlog in words: "2 of 2 slots are taken". */
export function backlogWords(listener: UnixSock): string {
  const slots = listener.maxAckBacklog + 1;
  return `${pendingCount(listener)} of ${slots} backlog ${slots === 1 ? 'slot' : 'slots'} taken`;
}

/** A receive queue in words: "2 skbs holding 12 unread bytes". */
export function queueWords(sock: UnixSock): string {
  const skbs = sock.receiveQueue.filter((s) => s.embryo === null);
  return `${plural(skbs.length, 'skb')} holding ${plural(queuedBytes(sock), 'unread byte')}`;
}
