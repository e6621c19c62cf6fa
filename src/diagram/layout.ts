/**
 * Kernel state to positioned shapes. Pure: the same state and plan give the same shapes, so a
 * step can be drawn alone, tested without a browser, and animated by matching shape ids.
 */
import {
  backlogCapacity,
  escapeBytes,
  fromUtf8,
  type Kernel,
  type StepRecord,
  skbLen,
  type UnixSock,
} from '../engine';
import {
  boundName,
  describeFsEntry,
  describeProcess,
  describeQueue,
  describeSocket,
  hasExited,
  holderOf,
  processState,
  queueCounts,
} from './describe';
import { type LayoutPlan, MAX_FD_ROWS } from './plan';
import type { Box, Layout, ProcessStatus, Shape } from './shapes';

export const MARGIN = 24;
export const COLUMN_WIDTH = 250;
export const COLUMN_GAP = 34;
const PROC_HEADER = 58;
const FD_ROW = 26;
const SOCK_H = 64;
const QUEUE_H = 32;
const SOCK_ROW = 134;
const FS_WIDTH = 200;
const FS_ROW = 48;
const BACKLOG_SLOTS_SHOWN = 12;

/** Geometry shared by the layout and the sequence of steps. */
export function processBoxHeight(plan: LayoutPlan): number {
  return PROC_HEADER + (1 + Math.min(plan.fdRows, MAX_FD_ROWS)) * FD_ROW + 8;
}

function columnX(col: number): number {
  return MARGIN + col * (COLUMN_WIDTH + COLUMN_GAP);
}

function statusOf(state: string): ProcessStatus {
  if (state.startsWith('killed')) return 'killed';
  if (state.startsWith('exited')) return 'exited';
  if (state.startsWith('asleep')) return 'asleep';
  return 'running';
}

/** Bytes as short display text: printable text in quotes, else a byte count. */
function segmentText(bytes: Uint8Array): string {
  if (bytes.length === 0) return '(empty)';
  const printable = bytes.every((b) => b === 10 || b === 9 || (b >= 32 && b < 127));
  if (!printable || bytes.length > 48) return `${bytes.length} B`;
  return escapeBytes(bytes, 14);
}

function layoutQueue(k: Kernel, sock: UnixSock, box: Box, shapes: Shape[]): void {
  const { bytes, peeked } = queueCounts(sock);
  const queueShape: Extract<Shape, { kind: 'queue' }> = {
    kind: 'queue',
    id: `queue:${sock.id}`,
    box,
    bytes,
    peeked,
    hidden: 0,
    label: describeQueue(k, sock),
  };
  shapes.push(queueShape);
  const message = sock.type !== 'stream';
  let x = box.x + 4;
  const right = box.x + box.w - 4;
  for (let i = 0; i < sock.receiveQueue.length; i++) {
    const skb = sock.receiveQueue[i];
    const rest = skb.data.subarray(skb.consumed);
    const text = segmentText(rest);
    const w = Math.min(120, Math.max(26, text.length * 8.5 + 14));
    if (x + w > right) {
      queueShape.hidden = sock.receiveQueue.length - i;
      break;
    }
    const p = Math.max(0, Math.min(skb.peeked, skb.data.length) - skb.consumed);
    const what = message ? 'message' : 'bytes written';
    const extra = `${p ? `, ${p} peeked` : ''}${skb.fds?.length ? `, carrying ${skb.fds.length} fd` : ''}${skb.oob ? ', urgent' : ''}`;
    shapes.push({
      kind: 'segment',
      id: `skb:${skb.id}`,
      box: { x, y: box.y + 4, w, h: box.h - 8 },
      text,
      bytes: skbLen(skb),
      peeked: p,
      message,
      fds: skb.fds?.length ?? 0,
      oob: skb.oob,
      label: `${what}: "${fromUtf8(rest.subarray(0, 40))}" (${skbLen(skb)} bytes${extra})`,
    });
    x += w + (message ? 5 : 0);
  }
}

function layoutBacklog(k: Kernel, sock: UnixSock, box: Box, shapes: Shape[]): void {
  const slots = backlogCapacity(k.config, sock.maxAckBacklog);
  const shown = Math.min(slots, BACKLOG_SLOTS_SHOWN);
  const used = sock.receiveQueue.length;
  shapes.push({
    kind: 'backlog',
    id: `queue:${sock.id}`,
    box,
    slots,
    shown,
    used,
    label: describeQueue(k, sock),
  });
  const slotW = (box.w - 8) / shown;
  sock.receiveQueue.slice(0, shown).forEach((skb, i) => {
    const embryo = skb.embryo;
    if (!embryo) return;
    const waiting = embryo.receiveQueue.reduce((n, b) => n + skbLen(b), 0);
    const client = embryo.peer ? holderOf(k, embryo.peer) : null;
    shapes.push({
      kind: 'pending',
      id: `sock:${embryo.id}`,
      box: { x: box.x + 4 + i * slotW + 2, y: box.y + 4, w: slotW - 4, h: box.h - 8 },
      label: `pending connection ${i + 1}${client ? ` from ${client.p.name}` : ''}${waiting ? `, ${waiting} bytes already sent` : ''}`,
    });
  });
}

/** The callout for what went wrong (or was signalled) in the step just taken. */
function stepCallouts(k: Kernel, step: StepRecord | null, procBox: Map<number, Box>, shapes: Shape[]): void {
  if (!step || step.pid === 0) return;
  const p = k.procs.get(step.pid);
  const box = procBox.get(p?.tgid ?? step.pid);
  if (!box) return;
  const parts: string[] = [];
  let tone: 'error' | 'signal' | 'info' = 'info';
  if (step.result?.errno) {
    parts.push(step.result.errno);
    tone = 'error';
  }
  for (const ev of step.events) {
    if (ev.type === 'signal.delivered' && ev.pid === step.pid) {
      parts.push(`${ev.signal}${ev.action === 'terminate' || ev.action === 'core' ? ' kills it' : ''}`);
      tone = 'signal';
    }
  }
  if (parts.length === 0) return;
  const text = parts.join(' · ');
  const w = Math.max(90, text.length * 7.5 + 20);
  shapes.push({
    kind: 'callout',
    id: `callout:${step.pid}`,
    box: { x: box.x + box.w - w - 8, y: box.y + box.h + 8, w, h: 26 },
    text,
    tone,
    label: `${p?.name ?? step.pid}: ${text}`,
  });
}

/** The shapes of one state, placed by the plan. `step` is the step that led here (for callouts). */
export function layoutState(k: Kernel, plan: LayoutPlan, step: StepRecord | null = null): Layout {
  const shapes: Shape[] = [];
  const links: Shape[] = [];
  const procH = processBoxHeight(plan);
  const sockTop = MARGIN + procH + 48;
  const sockBox = new Map<number, Box>();
  const procBox = new Map<number, Box>();

  // Sockets first (their positions are needed for the fd links).
  for (const sock of k.socks.values()) {
    const slot = plan.sockets.get(sock.id);
    // A pending connection (an embryo) is drawn in its listener's backlog until accepted.
    if (!slot || sock.listener) continue;
    const x = columnX(slot.column) + 8;
    const y = sockTop + slot.row * SOCK_ROW;
    const box = { x, y, w: COLUMN_WIDTH - 16, h: SOCK_H };
    sockBox.set(sock.id, box);
    const listening = sock.state === 'TCP_LISTEN';
    shapes.push({
      kind: 'socket',
      id: `sock:${sock.id}`,
      box,
      title: `socket ${sock.id} · ${sock.type}`,
      sockType: sock.type,
      stateWord: listening ? 'listening' : sock.state === 'TCP_ESTABLISHED' ? 'connected' : 'unconnected',
      name: boundName(sock),
      readShut: (sock.shutdown & 1) !== 0,
      writeShut: (sock.shutdown & 2) !== 0,
      err: sock.err,
      listening,
      label: describeSocket(k, sock),
    });
    const below = { x, y: y + SOCK_H + 8, w: box.w, h: QUEUE_H };
    if (listening) layoutBacklog(k, sock, below, shapes);
    else layoutQueue(k, sock, below, shapes);
    if (!listening) {
      const fill = Math.min(1, sock.wmemAlloc / sock.sndbuf);
      shapes.push({
        kind: 'sendbuf',
        id: `sendbuf:${sock.id}`,
        box: { x: x + 10, y: y + SOCK_H - 13, w: box.w - 162, h: 7 },
        fill,
        label: `send buffer of socket ${sock.id}: ${sock.wmemAlloc} of ${sock.sndbuf} bytes charged`,
      });
    }
  }

  for (const p of [...k.procs.values()].sort((a, b) => a.pid - b.pid)) {
    const col = plan.columns.get(p.pid);
    if (col === undefined) continue;
    const box = { x: columnX(col), y: MARGIN, w: COLUMN_WIDTH, h: procH };
    procBox.set(p.pid, box);
    const state = processState(p);
    shapes.push({
      kind: 'process',
      id: `proc:${p.pid}`,
      box,
      name: p.name,
      pid: p.pid,
      state,
      status: statusOf(state),
      label: describeProcess(p),
    });
    if (hasExited(p)) continue;
    const open = p.files.fds.map((e) => e !== null && e !== undefined);
    const packed = open.reduce((n, o, fd) => (o && fd > 2 ? n + 1 : n), 0);
    const byNumber = open.length - 3 <= MAX_FD_ROWS;
    if (open[0] || open[1] || open[2]) {
      const fds = [0, 1, 2].filter((fd) => open[fd]);
      shapes.push({
        kind: 'fd',
        id: `fd:${p.pid}:std`,
        box: { x: box.x + 10, y: box.y + PROC_HEADER, w: box.w - 20, h: FD_ROW - 4 },
        fd: fds.join(' '),
        text: 'terminal',
        target: null,
        shared: 0,
        label: `fd ${fds.join(', ')} of ${p.name}: the terminal`,
      });
    }
    let row = 0;
    p.files.fds.forEach((e, fd) => {
      if (!e || fd <= 2) return;
      row++;
      const r = byNumber ? fd - 2 : row;
      if (r > MAX_FD_ROWS || (!byNumber && row > packed)) return;
      const y = box.y + PROC_HEADER + r * FD_ROW;
      const sock = e.file.sock;
      const text = sock ? `socket ${sock.id}` : e.file.label;
      const shared = e.file.refs;
      const fdBox = { x: box.x + 10, y, w: box.w - 20, h: FD_ROW - 4 };
      shapes.push({
        kind: 'fd',
        id: `fd:${p.pid}:${fd}`,
        box: fdBox,
        fd: String(fd),
        text,
        target: sock ? `sock:${sock.id}` : null,
        shared,
        label: `fd ${fd} of ${p.name}: ${text}${shared > 1 ? `, open file shared by ${shared} references` : ''}`,
      });
      const target = sock ? sockBox.get(sock.id) : undefined;
      if (target) {
        links.push({
          kind: 'link',
          id: `fdlink:${p.pid}:${fd}`,
          from: { x: fdBox.x + fdBox.w, y: y + fdBox.h / 2 },
          to: { x: target.x + target.w - 24, y: target.y },
          linkKind: 'fd',
          label: `fd ${fd} of ${p.name} refers to socket ${sock?.id}`,
        });
      }
    });
  }

  // Peer links, drawn once per pair.
  for (const sock of k.socks.values()) {
    const peer = sock.peer;
    const a = sockBox.get(sock.id);
    const b = peer ? sockBox.get(peer.id) : undefined;
    if (!peer || !a || !b || (peer.peer === sock && peer.id < sock.id)) continue;
    const left = a.x <= b.x ? a : b;
    const right = left === a ? b : a;
    const same = left.x === right.x;
    links.push({
      kind: 'link',
      id: `peer:${Math.min(sock.id, peer.id)}:${Math.max(sock.id, peer.id)}`,
      from: same ? { x: left.x, y: left.y + left.h / 2 } : { x: left.x + left.w, y: left.y + left.h / 2 },
      to: same ? { x: right.x, y: right.y + right.h / 2 } : { x: right.x, y: right.y + right.h / 2 },
      linkKind: 'peer',
      label: `socket ${sock.id} and socket ${peer.id} are connected`,
    });
  }

  // The filesystem column: socket files and other files, in order of creation.
  const fsX = columnX(plan.columns.size);
  const byIno = new Map<number, { path: string; kind: string; alive: boolean; sockId: number | null }>();
  const stack: { node: Kernel['root']; path: string }[] = [{ node: k.root, path: '' }];
  while (stack.length > 0) {
    const top = stack.pop() as { node: Kernel['root']; path: string };
    for (const [name, node] of top.node.children ?? []) {
      const path = `${top.path}/${name}`;
      if (node.kind === 'dir') stack.push({ node, path });
      else
        byIno.set(node.ino, {
          path,
          kind: node.kind,
          alive: node.sock !== null,
          sockId: node.sock?.id ?? null,
        });
    }
  }
  let fsBottom = MARGIN;
  for (const [ino, f] of byIno) {
    const row = plan.files.get(ino);
    if (row === undefined) continue;
    const box = { x: fsX, y: MARGIN + 30 + row * FS_ROW, w: FS_WIDTH, h: FS_ROW - 10 };
    fsBottom = Math.max(fsBottom, box.y + box.h);
    shapes.push({
      kind: 'fsentry',
      id: `file:${ino}`,
      box,
      path: f.path,
      alive: f.alive,
      label: describeFsEntry(f.path, f.kind, f.alive),
    });
    const s = f.sockId !== null ? sockBox.get(f.sockId) : undefined;
    if (s) {
      links.push({
        kind: 'link',
        id: `bound:${f.sockId}`,
        from: { x: s.x + s.w, y: s.y + 18 },
        to: { x: box.x, y: box.y + box.h / 2 },
        linkKind: 'bound',
        label: `socket ${f.sockId} is bound to ${f.path}`,
      });
    }
  }

  stepCallouts(k, step, procBox, shapes);
  const rows = Math.max(1, ...plan.rows);
  const height = Math.max(sockTop + rows * SOCK_ROW, fsBottom) + MARGIN;
  const width = fsX + FS_WIDTH + MARGIN;
  return { width, height, shapes: [...links, ...shapes] };
}
