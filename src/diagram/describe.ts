/**
 * Kernel state in words: one sentence per process, descriptor, socket, queue and file, each
 * beginning with what it is ("process server: asleep in accept()"). The same sentences label
 * the diagram for screen readers and fill the plain-text view.
 */
import {
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

/** A process's state in words: running, asleep in accept(), exited 0, killed by SIGPIPE. */
export function processState(p: Process): string {
  if (p.state === 'zombie' || p.state === 'dead') {
    if (!p.exit) return 'exited';
    return p.exit.signal !== undefined ? `killed by ${signalName(p.exit.signal)}` : `exited ${p.exit.code}`;
  }
  if (p.state === 'sleeping' && p.sleep) return `asleep in ${p.sleep.call.name}()`;
  return 'running';
}

/** "process server: asleep in accept()". */
export function describeProcess(p: Process): string {
  return `process ${p.name} (pid ${p.pid}): ${processState(p)}`;
}

/** The name of the process holding fd `fd` of a socket, for phrases like "socket fd 3 of server". */
function sockName(k: Kernel, sock: UnixSock): string {
  for (const p of k.procs.values()) {
    const fd = p.files.fds.findIndex((e) => e?.file.sock === sock);
    if (fd >= 0 && p.state !== 'dead' && p.state !== 'zombie') return `socket fd ${fd} of ${p.name}`;
  }
  return sock.listener ? `pending connection on socket ${sock.listener.id}` : `socket ${sock.id}`;
}

/** A socket's state: type, connection state, name, shutdown sides, backlog or queue. */
export function describeSocket(k: Kernel, sock: UnixSock): string {
  const parts: string[] = [`${sock.type}`];
  if (sock.state === 'TCP_LISTEN') {
    const name = sock.addr ? ` on ${binaryToText(describeAddress(sock.addr))}` : '';
    parts.push(`listening${name}, backlog ${sock.receiveQueue.length} of ${sock.maxAckBacklog + 1} pending`);
  } else {
    parts.push(STATE_WORDS[sock.state]);
    if (sock.addr) parts.push(`bound to ${binaryToText(describeAddress(sock.addr))}`);
    if (sock.peer) parts.push(`peer socket ${sock.peer.id}${sock.peer.dead ? ' (closed)' : ''}`);
  }
  if (sock.shutdown & 1) parts.push('read side shut');
  if (sock.shutdown & 2) parts.push('write side shut');
  if (sock.err) parts.push(`pending error ${sock.err}`);
  return `${sockName(k, sock)}: ${parts.join(', ')}`;
}

/** "receive queue of socket fd 4 of server: 5 bytes, 3 peeked". */
export function describeQueue(k: Kernel, sock: UnixSock): string {
  if (sock.state === 'TCP_LISTEN')
    return `backlog of ${sockName(k, sock)}: ${sock.receiveQueue.length} pending connections`;
  let bytes = 0;
  let peeked = 0;
  for (const skb of sock.receiveQueue) {
    bytes += skbLen(skb);
    peeked += Math.max(0, Math.min(skb.peeked, skb.data.length) - skb.consumed);
  }
  const unit =
    sock.type === 'stream' ? `${sock.receiveQueue.length} writes` : `${sock.receiveQueue.length} messages`;
  const shown = sock.receiveQueue
    .slice(0, 4)
    .map((skb) => `"${escapeBytes(skb.data.subarray(skb.consumed), 24)}"`)
    .join(' ');
  return `receive queue of ${sockName(k, sock)}: ${bytes} bytes in ${unit}${peeked ? `, ${peeked} peeked` : ''}${shown ? `: ${shown}` : ''}`;
}

function describeFile(f: OpenFile): string {
  if (f.sock) return `socket ${f.sock.id}`;
  return f.label;
}

/** Every descriptor of a process: "fd 3 -> socket 4001 (2 references)". */
export function describeFds(p: Process): string[] {
  const out: string[] = [];
  p.files.fds.forEach((e, fd) => {
    if (!e) return;
    const refs = e.file.refs > 1 ? ` (${e.file.refs} references)` : '';
    out.push(`fd ${fd} of ${p.name} -> ${describeFile(e.file)}${refs}${e.cloexec ? ', close-on-exec' : ''}`);
  });
  return out;
}

/** The whole kernel in words, as a list of sentences (processes, fds, sockets, queues, files). */
export function describeKernel(k: Kernel): string[] {
  const out: string[] = [];
  for (const p of k.procs.values()) {
    if (p.state === 'dead' && !p.exit) continue;
    out.push(describeProcess(p));
    if (p.state !== 'dead' && p.state !== 'zombie') out.push(...describeFds(p).map((s) => `  ${s}`));
  }
  for (const sock of k.socks.values()) {
    out.push(describeSocket(k, sock));
    if (sock.receiveQueue.length > 0) out.push(`  ${describeQueue(k, sock)}`);
  }
  for (const { path, node } of listFiles(k)) {
    if (node.kind === 'dir') continue;
    const what =
      node.kind === 'socket'
        ? node.sock
          ? 'socket file'
          : 'socket file, no socket bound'
        : `${node.kind} file`;
    out.push(`file ${binaryToText(path)}: ${what}`);
  }
  return out;
}
