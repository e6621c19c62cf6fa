/**
 * Where everything goes, decided once for a whole run so that nothing jumps between steps:
 * each process gets a column, each socket a row in the column of the first process that held
 * it, each socket file a row in the filesystem column. Slots are never reused.
 */
import type { Kernel } from '../engine';
import { hasExited, holderOf } from './describe';

/** Fixed slots for a run. */
export interface LayoutPlan {
  /** Column of each process, by pid. */
  columns: Map<number, number>;
  /** Socket slots: column and row. */
  sockets: Map<number, { column: number; row: number }>;
  /** Rows used in each column. */
  rows: number[];
  /** Rows of descriptors (above the standard streams) each process box needs. */
  fdRows: number;
  /** Filesystem entries, by inode, in order of creation. */
  files: Map<number, number>;
}

/** The most descriptors (above fd 2) a process box shows, one row each. */
export const MAX_FD_ROWS = 12;

/** Rows needed for a table: fd N sits on row N - 2 while that fits, else rows are packed. */
export function fdRowsNeeded(open: boolean[]): number {
  let max = 0;
  let count = 0;
  open.forEach((isOpen, fd) => {
    if (isOpen && fd > 2) {
      max = fd - 2;
      count++;
    }
  });
  return max <= MAX_FD_ROWS ? max : Math.min(count, MAX_FD_ROWS);
}

/** An empty plan, to grow step by step. */
export function emptyPlan(): LayoutPlan {
  return { columns: new Map(), sockets: new Map(), rows: [], fdRows: 1, files: new Map() };
}

function walkFiles(k: Kernel, visit: (ino: number) => void): void {
  const stack = [k.root];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const node of dir?.children?.values() ?? []) {
      if (node.kind === 'dir') stack.push(node);
      else visit(node.ino);
    }
  }
}

/** Adds the processes, sockets and files of one state to the plan (in place). */
export function extendPlan(plan: LayoutPlan, k: Kernel): LayoutPlan {
  for (const p of [...k.procs.values()].sort((a, b) => a.pid - b.pid)) {
    // The world outside a replayed trace is drawn too: the peer that ran untraced.
    if (p.tgid !== p.pid) continue;
    if (!plan.columns.has(p.pid)) {
      plan.columns.set(p.pid, plan.columns.size);
      plan.rows.push(0);
    }
    if (!hasExited(p))
      plan.fdRows = Math.max(
        plan.fdRows,
        fdRowsNeeded(p.files.fds.map((e) => e !== null && e !== undefined)),
      );
  }
  for (const sock of k.socks.values()) {
    if (plan.sockets.has(sock.id)) continue;
    const h = holderOf(k, sock);
    if (!h) continue;
    const column = plan.columns.get(h.p.tgid) ?? 0;
    plan.sockets.set(sock.id, { column, row: plan.rows[column]++ });
  }
  walkFiles(k, (ino) => {
    if (!plan.files.has(ino)) plan.files.set(ino, plan.files.size);
  });
  return plan;
}

/** A plan covering every state of a run. */
export function planLayout(states: Iterable<Kernel>): LayoutPlan {
  const plan = emptyPlan();
  for (const k of states) extendPlan(plan, k);
  return plan;
}
