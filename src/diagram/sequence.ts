/**
 * The sequence diagram's model: one lane per process, one row per step, a mark for each call
 * (with its result), and arrows where a step reached another process (a connection queued on
 * its listener, bytes queued for it to read). Positions come from d3 scales.
 */
import { scaleLinear, scalePoint } from 'd3';
import type { Kernel, StepRecord } from '../engine';
import { holderOf } from './describe';

/** One mark on a lane. */
export interface SequenceMark {
  step: number;
  /** Its row in the diagram (statements that stay in user space get no row). */
  row: number;
  pid: number;
  kind: 'call' | 'error' | 'sleep' | 'signal' | 'time' | 'exit';
  text: string;
  label: string;
}

/** An arrow from one process's lane to another's at a step. */
export interface SequenceArrow {
  step: number;
  row: number;
  from: number;
  to: number;
  kind: 'connect' | 'data' | 'close';
}

/** The facts of a run for the sequence diagram, gathered once. */
export interface SequenceModel {
  lanes: { pid: number; name: string }[];
  marks: SequenceMark[];
  arrows: SequenceArrow[];
}

/** The mark of the last step at or before `step` that has one, or null. */
export function markAt(model: SequenceModel, step: number): SequenceMark | null {
  let lo = 0;
  let hi = model.marks.length - 1;
  let found: SequenceMark | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (model.marks[mid].step <= step) {
      found = model.marks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether a step belongs in the sequence diagram: everything but statements that stay in user space. */
export function hasMark(step: StepRecord): boolean {
  return step.kind !== 'local' || step.outcome === 'killed';
}

/** Marks and arrows of one step; `k` is the kernel just after the step. */
export function sequenceFacts(
  step: StepRecord,
  k: Kernel,
  name: (pid: number) => string,
  row: number,
): { mark: SequenceMark; arrows: SequenceArrow[] } {
  const r = step.result;
  const call: string = step.call?.name ?? step.kind;
  let kind: SequenceMark['kind'] = 'call';
  let text: string = call;
  if (step.kind === 'time') kind = 'time';
  else if (step.kind === 'exit') kind = 'exit';
  else if (step.outcome === 'blocked') {
    kind = 'sleep';
    text = `${call} sleeps`;
  } else if (step.outcome === 'killed') {
    kind = 'signal';
    text = step.kind === 'local' ? 'fault, killed' : `${call}: ${r?.errno ?? ''}, killed`;
  } else if (r?.errno) {
    kind = 'error';
    text = `${call}: ${r.errno}`;
  } else if (r) text = `${call} = ${r.ret}`;
  const arrows: SequenceArrow[] = [];
  const ownerPid = (sockId: number): number | null => {
    const s = k.socks.get(sockId);
    if (!s) return null;
    const h = holderOf(k, s) ?? (s.listener ? holderOf(k, s.listener) : null);
    return h ? h.p.tgid : null;
  };
  for (const ev of step.events) {
    let to: number | null = null;
    let akind: SequenceArrow['kind'] = 'data';
    if (ev.type === 'conn.queued') {
      to = ownerPid(ev.listener);
      akind = 'connect';
    } else if (ev.type === 'skb.queued') to = ownerPid(ev.sock);
    else if (ev.type === 'sock.shutdown' && ev.byPeer) {
      to = ownerPid(ev.sock);
      akind = 'close';
    }
    if (to !== null && to !== step.pid && !arrows.some((a) => a.to === to && a.kind === akind)) {
      arrows.push({ step: step.index, row, from: step.pid, to, kind: akind });
    }
  }
  return {
    mark: {
      step: step.index,
      row,
      pid: step.pid,
      kind,
      text,
      label: `step ${step.index}, ${name(step.pid)}: ${text}`,
    },
    arrows,
  };
}

/** Lane x positions and row y positions for a drawing of a given size. */
export function sequenceScales(model: SequenceModel, width: number, rowHeight: number) {
  const x = scalePoint<number>()
    .domain(model.lanes.map((l) => l.pid))
    .range([70, Math.max(80, width - 70)])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, model.marks.length)])
    .clamp(false)
    .range([40, 40 + Math.max(1, model.marks.length) * rowHeight]);
  return { x, y };
}
