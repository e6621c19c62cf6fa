/**
 * The timeline: a log of steps plus a cursor. Every step records which process ran, so any
 * earlier state can be rebuilt from the nearest checkpoint by running the same choices again;
 * checkpoints are deep copies taken every few hundred steps. A different choice at an earlier
 * step starts a new branch that shares the prefix.
 */
import { cloneMachine, type Ending, type Machine, type StepRecord, step } from './machine';

/** How often a checkpoint is taken (steps). */
const DEFAULT_CHECKPOINT_EVERY = 256;

/** A compact summary of a step, kept for every step (for scrubbers and sequence diagrams). */
export interface StepSummary {
  index: number;
  pid: number;
  /** The call name, or 'time' / 'local'. */
  name: string;
  ret: number;
  errno: string | null;
  outcome: StepRecord['outcome'];
}

/** A growable column of 32-bit integers. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  copy(n: number): IntColumn {
    const c = new IntColumn();
    c.data = this.data.slice(0, Math.max(1024, n));
    c.length = n;
    return c;
  }
}

const OUTCOMES: StepRecord['outcome'][] = ['done', 'blocked', 'killed', 'local'];

/** A sequence of machine states, one per step, stored as choices and checkpoints. */
export class Timeline {
  private readonly every: number;
  /** checkpoints[j] is the machine after step j * every (checkpoint 0 is the start). */
  private checkpoints: Machine[];
  private pids = new IntColumn();
  private names = new IntColumn();
  private rets = new IntColumn();
  private errnos = new IntColumn();
  private outcomes = new IntColumn();
  /** 1 where the step's process was chosen from outside, 0 where the scheduler chose. */
  private explicit = new IntColumn();
  private nameTable: string[] = [];
  private nameIndex = new Map<string, number>();
  /** The machine after the last recorded step (advanced in place by `extend`). */
  private head: Machine;
  /** How the run ended, once it has. */
  ending: Ending | null = null;
  /** A cache of the last state rebuilt by `stateAt`. */
  private cache: { index: number; machine: Machine; step: StepRecord | null } | null = null;

  constructor(initial: Machine, checkpointEvery = DEFAULT_CHECKPOINT_EVERY) {
    this.every = checkpointEvery;
    this.checkpoints = [cloneMachine(initial)];
    this.head = initial;
  }

  /** The number of steps recorded. */
  get length(): number {
    return this.pids.length;
  }

  private intern(name: string): number {
    let i = this.nameIndex.get(name);
    if (i === undefined) {
      i = this.nameTable.length;
      this.nameTable.push(name);
      this.nameIndex.set(name, i);
    }
    return i;
  }

  /** Runs one more step at the end (with the given process, or the scheduler's choice). */
  extend(choice?: number): StepRecord | Ending {
    if (this.ending) return this.ending;
    const s = step(this.head, choice);
    if (!('index' in s)) {
      this.ending = s;
      return s;
    }
    this.pids.push(s.pid);
    this.names.push(
      this.intern(s.kind === 'time' ? 'time' : s.kind === 'local' ? 'local' : (s.call?.name ?? '?')),
    );
    this.rets.push(s.result?.ret ?? 0);
    this.errnos.push(s.result?.errno ? this.intern(s.result.errno) : -1);
    this.outcomes.push(OUTCOMES.indexOf(s.outcome));
    this.explicit.push(choice === undefined ? 0 : 1);
    if (this.pids.length % this.every === 0) this.checkpoints.push(cloneMachine(this.head));
    return s;
  }

  /** Extends until the run ends or the timeline holds `limit` steps. */
  extendToEnd(limit = 100000): Ending | null {
    while (this.length < limit) {
      const s = this.extend();
      if (!('index' in s)) return s;
    }
    return this.ending;
  }

  /** The summary of step i (1-based). */
  summary(i: number): StepSummary {
    const j = i - 1;
    const e = this.errnos.data[j];
    return {
      index: i,
      pid: this.pids.data[j],
      name: this.nameTable[this.names.data[j]],
      ret: this.rets.data[j],
      errno: e >= 0 ? this.nameTable[e] : null,
      outcome: OUTCOMES[this.outcomes.data[j]],
    };
  }

  /**
   * The machine after step i (0 = the start) and step i itself. The machine belongs to the
   * timeline and stays valid until the next call; clone it to keep it.
   */
  stateAt(i: number): { machine: Machine; step: StepRecord | null } {
    if (i < 0 || i > this.length) throw new RangeError(`step ${i} is outside 0..${this.length}`);
    let from: { index: number; machine: Machine };
    // Start one checkpoint back at a boundary, so there is a step to replay and record.
    const cp = Math.floor(Math.max(0, i - 1) / this.every);
    if (this.cache && this.cache.index <= i && this.cache.index >= cp * this.every) {
      from = this.cache;
    } else {
      from = { index: cp * this.every, machine: cloneMachine(this.checkpoints[cp]) };
    }
    let last: StepRecord | null = from.index === i && this.cache?.index === i ? this.cache.step : null;
    const m = from.machine;
    for (let n = from.index + 1; n <= i; n++) {
      const s = step(m, this.explicit.data[n - 1] ? this.pids.data[n - 1] : undefined);
      if (!('index' in s))
        throw new Error(`replaying step ${n} ended the run early: the timeline is inconsistent`);
      last = s;
    }
    this.cache = { index: i, machine: m, step: last };
    return { machine: m, step: last };
  }

  /**
   * A new timeline that shares steps 1..i with this one and continues from there (the caller
   * then extends it, typically with a different choice).
   */
  branchAt(i: number): Timeline {
    if (i < 0 || i > this.length) throw new RangeError(`step ${i} is outside 0..${this.length}`);
    const t = Object.create(Timeline.prototype) as Timeline;
    const cps = Math.floor(i / this.every);
    Object.assign(t, {
      every: this.every,
      checkpoints: this.checkpoints.slice(0, cps + 1),
      pids: this.pids.copy(i),
      names: this.names.copy(i),
      rets: this.rets.copy(i),
      errnos: this.errnos.copy(i),
      outcomes: this.outcomes.copy(i),
      explicit: this.explicit.copy(i),
      nameTable: [...this.nameTable],
      nameIndex: new Map(this.nameIndex),
      ending: null,
      cache: null,
    });
    t.head = cloneMachine(t.stateAt(i).machine);
    return t;
  }
}
