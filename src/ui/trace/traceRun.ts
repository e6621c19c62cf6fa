/**
 * An imported trace as a run the views can show: the replay's steps as step records, each with
 * its narration (the verdict first when the model differs), the sequence diagram and the
 * layout plan, built in one pass over the replayed states and yielding now and then so the page
 * stays responsive.
 */
import {
  emptyPlan,
  extendPlan,
  hasMark,
  type Narration,
  narrate,
  type SequenceModel,
  sequenceFacts,
} from '../../diagram';
import type { Ending, StepRecord } from '../../engine';
import type { TraceStep } from '../../programs/replay/analyse';
import { TraceStates } from '../../programs/replay/traceStates';
import type { Progress, Run, RunControl, ScenarioMeta, TraceSource } from '../run';
import { folded, lineText } from './lineText';

export { lineText };

/** The step record of a trace step. */
function record(s: TraceStep, index: number, source: TraceSource): StepRecord {
  const line = source.lines[s.first];
  const exited = line.kind === 'exited' || line.kind === 'killed';
  const call = exited ? { name: 'exit' as const, status: line.kind === 'exited' ? line.code : 0 } : s.call;
  return {
    index,
    pid: s.pid,
    kind: exited ? 'exit' : s.call ? 'syscall' : 'local',
    call,
    result: exited ? { ret: 0, errno: null } : s.result,
    outcome:
      line.kind === 'killed'
        ? 'killed'
        : s.call && !s.result
          ? 'blocked'
          : s.call || exited
            ? 'done'
            : 'local',
    resumed: false,
    events: s.events,
    location: { file: `pid ${s.pid}`, line: s.lineNo },
    note: s.folded.length > 0 ? folded(s.folded) : undefined,
  };
}

/** The narration of a trace step: the model's verdict, then what the kernel did. */
function narration(s: TraceStep, st: StepRecord, base: Narration | null, who: string): Narration {
  if (s.folded.length > 0) {
    return {
      text: `${who} makes ${folded(s.folded)} that the model does not follow: they keep their recorded results, and the descriptors they open are shown as plain files.`,
      man: null,
    };
  }
  const text = base?.text ?? `${who}: ${st.call?.name ?? 'a line'} of the trace.`;
  if (s.divergence) {
    const d = s.divergence;
    return {
      text: `The model differs here: the trace recorded ${d.recorded}, the model gives ${d.simulated}${d.detail.length > 0 ? ` (${d.detail.join('; ')})` : ''}. ${text}`,
      man: base?.man ?? null,
    };
  }
  if (s.explanation) return { text: `${text} Outside the trace: ${s.explanation}.`, man: base?.man ?? null };
  return { text, man: base?.man ?? null };
}

/** Builds the run of an analysed trace. */
export function* buildTraceRun(
  meta: ScenarioMeta,
  source: TraceSource,
  control: RunControl = { stop: false },
): Generator<Progress, Run> {
  const infos = source.analysis.steps;
  const states = new TraceStates(source.lines, infos);
  const steps: StepRecord[] = [];
  const names = new Map<number, string>();
  const sequence: SequenceModel = { lanes: [], marks: [], arrows: [] };
  const narrations: Narration[] = [];
  const plan = emptyPlan();
  const name = (pid: number) => names.get(pid) ?? `pid ${pid}`;
  let i = 0;
  for (const k of states.build()) {
    if (control.stop) break;
    i++;
    for (const p of k.procs.values()) {
      if (!names.has(p.pid)) {
        names.set(p.pid, p.name);
        if (p.tgid === p.pid && !p.outside) sequence.lanes.push({ pid: p.pid, name: p.name });
      }
    }
    extendPlan(plan, k);
    const info = infos[i - 1];
    const st = record(info, i, source);
    steps.push(st);
    if (hasMark(st) && info.folded.length === 0) {
      const facts = sequenceFacts(st, k, name, sequence.marks.length);
      if (info.verdict === 'differ') {
        facts.mark.kind = 'error';
        facts.mark.text = `${st.call?.name ?? '?'}: model differs`;
        facts.mark.label = `step ${i}, ${name(st.pid)}: the model differs from the trace`;
      }
      sequence.marks.push(facts.mark);
      sequence.arrows.push(...facts.arrows);
    }
    const base = st.call ? narrate(st, k, names) : null;
    narrations.push(narration(info, st, base, name(st.pid)));
    if (i % 64 === 0) yield { steps: infos.length, prepared: i };
  }
  const ending: Ending = control.stop ? { kind: 'limit', steps: steps.length } : { kind: 'finished' };
  return {
    scenario: meta,
    source,
    timeline: states,
    steps,
    ending,
    names,
    plan,
    sequence,
    narration: narrations,
    branchedAt: [],
    stopped: control.stop,
  };
}
