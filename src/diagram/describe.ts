/**
 * Kernel state in words: one sentence per process, descriptor, socket, queue and file, each
 * beginning with what it is ("process server: asleep in accept()"). The same sentences label
 * the diagram for screen readers and fill the plain-text view.
 */
import {
  backlogCapacity,
  binaryToText,
  describeAddress,
  escapeBytes,
  type Kernel,
  listFiles,
  type OpenFile,
  type Process,
  signalName,
  skbLen,
  type UnixSock,
} from '../engine';

const STATE_WORDS: Record<UnixSock['state'], string> = {
  TCP_CLOSE: 'unconnected',
  TCP_LISTEN: 'listening',
  TCP_ESTABLISHED: 'connected',
};

/** Whether a process has ended. */
export function hasExited(p: Process): boolean {
  return p.state === 'zombie' || p.state === 'dead';
}

/** A process's state in words: running, asleep in accept(), exited 0, killed by SIGPIPE. */
export function processState(p: Process): string {
  if (hasExited(p)) {
    if (!p.exit) return 'exited';
    return p.exit.signal !== undefined ? `killed by ${signalName(p.exit.signal)}` : `exited ${p.exit.code}`;
  }
  if (p.state === 'sleeping' && p.sleep) return `asleep in ${p.sleep.call.name}()`;
  return 'running';
}

/** "process server: asleep in accept()". */
export function describeProcess(p: Process): string {
  return `process ${p.name}: ${processState(p)}`;
}

/** The process and fd that hold a socket, or null (an embryo, or a socket only in flight). */
export function holderOf(k: Kernel, sock: UnixSock): { p: Process; fd: number } | null {
  for (const p of k.procs.values()) {
    if (hasExited(p)) continue;
    const fd = p.files.fds.findIndex((e) => e?.file.sock === sock);
    if (fd >= 0) return { p, fd };
  }
  return null;
}

/** "socket fd 3 of server", or "pending connection 4003" for a socket no process holds yet. */
export function socketName(k: Kernel, sock: UnixSock): string {
  const h = holderOf(k, sock);
  if (h) return `socket fd ${h.fd} of ${h.p.name}`;
  return sock.listener ? `pending connection ${sock.id}` : `socket ${sock.id}`;
}

/** The name of a socket's bound address as text ("/tmp/srv", "@name"). */
export function boundName(sock: UnixSock): string | null {
  return sock.addr ? binaryToText(describeAddress(sock.addr)) : null;
}

/**
 * A socket in words: "socket fd 3 of server: listening on /tmp/srv, backlog 1 of 2 pending" or
 * "socket fd 4 of server: connected stream socket, bound to /tmp/srv, write side shut".
 */
export function describeSocket(k: Kernel, sock: UnixSock): string {
  const parts: string[] = [];
  if (sock.state === 'TCP_LISTEN') {
    const name = boundName(sock);
    parts.push(
      `listening${name ? ` on ${name}` : ''}, backlog ${sock.receiveQueue.length} of ${backlogCapacity(k.config, sock.maxAckBacklog)} pending`,
    );
  } else {
    parts.push(`${STATE_WORDS[sock.state]} ${sock.type} socket`);
    const name = boundName(sock);
    if (name) parts.push(`bound to ${name}`);
    if (sock.peer) {
      const peer = holderOf(k, sock.peer);
      parts.push(
        sock.peer.dead
          ? 'peer closed'
          : `peer ${peer ? `fd ${peer.fd} of ${peer.p.name}` : `socket ${sock.peer.id}`}`,
      );
    }
  }
  if (sock.shutdown & 1) parts.push('read side shut');
  if (sock.shutdown & 2) parts.push('write side shut');
  if (sock.err) parts.push(`pending error ${sock.err}`);
  return `${socketName(k, sock)}: ${parts.join(', ')}`;
}

/** Whose receive queue: "client" when that process holds one socket, else "client fd 4". */
export function queueOwner(k: Kernel, sock: UnixSock): string {
  const h = holderOf(k, sock);
  if (!h) return socketName(k, sock);
  const socks = h.p.files.fds.filter((e) => e?.file.sock && !e.file.sock.dead).map((e) => e?.file.sock);
  return new Set(socks).size === 1 ? h.p.name : `${h.p.name} fd ${h.fd}`;
}

/** Bytes queued and bytes peeked in a receive queue. */
export function queueCounts(sock: UnixSock): { bytes: number; peeked: number; items: number } {
  let bytes = 0;
  let peeked = 0;
  for (const skb of sock.receiveQueue) {
    bytes += skbLen(skb);
    peeked += Math.max(0, Math.min(skb.peeked, skb.data.length) - skb.consumed);
  }
  return { bytes, peeked, items: sock.receiveQueue.length };
}

/** "receive queue of client: 5 bytes, 3 peeked" (or the backlog of a listener). */
export function describeQueue(k: Kernel, sock: UnixSock): string {
  if (sock.state === 'TCP_LISTEN') {
    return `backlog of ${socketName(k, sock)}: ${sock.receiveQueue.length} of ${backlogCapacity(k.config, sock.maxAckBacklog)} slots used`;
  }
  const { bytes, peeked, items } = queueCounts(sock);
  const unit =
    sock.type === 'stream' ? (items === 1 ? 'write' : 'writes') : items === 1 ? 'message' : 'messages';
  const detail = items > 0 ? ` (${items} ${unit})` : '';
  return `receive queue of ${queueOwner(k, sock)}: ${bytes} bytes${peeked ? `, ${peeked} peeked` : ''}${detail}`;
}

/** The bytes of a queue as text, for the plain view ("hello" "world"). */
export function queueText(sock: UnixSock, max = 4): string {
  return sock.receiveQueue
    .slice(0, max)
    .map((skb) => `"${escapeBytes(skb.data.subarray(skb.consumed), 24)}"`)
    .join(' ');
}

function describeFile(f: OpenFile): string {
  if (f.sock) return `socket ${f.sock.id}`;
  return f.label;
}

/** Every descriptor of a process: "fd 3 of server: socket 4001 (2 references)". */
export function describeFds(p: Process): string[] {
  const out: string[] = [];
  p.files.fds.forEach((e, fd) => {
    if (!e) return;
    const refs = e.file.refs > 1 ? ` (open file shared by ${e.file.refs} references)` : '';
    out.push(`fd ${fd} of ${p.name}: ${describeFile(e.file)}${refs}${e.cloexec ? ', close-on-exec' : ''}`);
  });
  return out;
}

/** "file /tmp/srv: socket file" (or "socket file, no socket bound" once its socket closed). */
export function describeFsEntry(path: string, kind: string, hasSocket: boolean): string {
  const what =
    kind === 'socket' ? (hasSocket ? 'socket file' : 'socket file, no socket bound') : `${kind} file`;
  return `file ${binaryToText(path)}: ${what}`;
}

/** The whole kernel in words, as a list of sentences (processes, fds, sockets, queues, files). */
export function describeKernel(k: Kernel): string[] {
  const out: string[] = [];
  for (const p of k.procs.values()) {
    if (p.state === 'dead' && !p.exit) continue;
    out.push(describeProcess(p));
    if (!hasExited(p)) out.push(...describeFds(p).map((s) => `  ${s}`));
  }
  for (const sock of k.socks.values()) {
    out.push(describeSocket(k, sock));
    if (sock.receiveQueue.length > 0) {
      const text = sock.state === 'TCP_LISTEN' ? '' : `: ${queueText(sock)}`;
      out.push(`  ${describeQueue(k, sock)}${text}`);
    }
  }
  for (const { path, node } of listFiles(k)) {
    if (node.kind === 'dir') continue;
    out.push(describeFsEntry(path, node.kind, node.sock !== null));
  }
  return out;
}
