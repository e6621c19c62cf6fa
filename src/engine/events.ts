/**
 * Kernel events: the microsteps inside one system call, fine enough to animate.
 * Named `subject.pastTense`. Ids refer to sockets (inode numbers), open files, skbs and pids.
 */
import type { Errno } from './errno';
import type { SkState } from './types';

export type KernelEvent =
  | { type: 'sock.created'; sock: number; sockType: string; pid: number }
  | { type: 'sock.bound'; sock: number; name: string; kind: 'path' | 'abstract'; autobind: boolean }
  | { type: 'sock.stateChanged'; sock: number; from: SkState; to: SkState }
  | { type: 'sock.listening'; sock: number; backlog: number }
  | { type: 'sock.connected'; sock: number; peer: number }
  | { type: 'sock.disconnected'; sock: number; peer: number }
  | { type: 'sock.shutdown'; sock: number; how: 'read' | 'write' | 'both'; byPeer: boolean }
  | { type: 'sock.errorSet'; sock: number; errno: Errno }
  | { type: 'sock.errorReported'; sock: number; errno: Errno }
  | { type: 'sock.released'; sock: number }
  | { type: 'conn.queued'; listener: number; embryo: number; client: number; skb: number }
  | { type: 'conn.accepted'; listener: number; embryo: number; skb: number }
  | { type: 'conn.reset'; listener: number; embryo: number; client: number }
  | { type: 'skb.queued'; sock: number; skb: number; bytes: number; from: number | null; fds: number }
  | { type: 'skb.peeked'; sock: number; skb: number; offset: number; bytes: number }
  | { type: 'skb.consumed'; sock: number; skb: number; offset: number; bytes: number; whole: boolean }
  | { type: 'skb.truncated'; sock: number; skb: number; lost: number }
  | { type: 'skb.dropped'; sock: number; skb: number; bytes: number; reason: string }
  | { type: 'fd.installed'; pid: number; fd: number; file: number }
  | { type: 'fd.closed'; pid: number; fd: number; file: number }
  | { type: 'file.released'; file: number }
  | { type: 'fs.created'; path: string; kind: string; ino: number }
  | { type: 'fs.removed'; path: string; ino: number }
  | { type: 'fs.renamed'; from: string; to: string; ino: number }
  | { type: 'proc.slept'; pid: number; channel: string }
  | { type: 'proc.woken'; pid: number; reason: string }
  | { type: 'proc.forked'; parent: number; child: number }
  | { type: 'proc.exited'; pid: number; code: number | null; signal: string | null }
  | { type: 'proc.reaped'; pid: number; by: number }
  | { type: 'signal.sent'; pid: number; signal: string; from: number | null }
  | {
      type: 'signal.delivered';
      pid: number;
      signal: string;
      action: 'terminate' | 'ignore' | 'handler' | 'core';
    }
  | { type: 'time.advanced'; to: number };

/** The type names of kernel events. */
export type KernelEventType = KernelEvent['type'];
