/**
 * The kernel at any step of a trace: the lines are replayed again, with a copy of the replay
 * kept every so many steps, so that a step is reached from the nearest copy. The second pass
 * after analyseTrace; the app builds it in slices while the page stays responsive.
 */
import type { Kernel } from '../../engine';
import type { SLine } from '../strace/types';
import type { TraceStep } from './analyse';
import { Replayer, type ReplayOptions } from './replay';

const EVERY = 256;

/** Kernel states of a trace's steps. */
export class TraceStates {
  private readonly checkpoints: Replayer[] = [];
  private cache: { index: number; r: Replayer } | null = null;
  /** Steps whose states can be reached (all of them once built). */
  built = 0;

  constructor(
    lines: SLine[],
    private readonly steps: readonly TraceStep[],
    options: ReplayOptions = {},
  ) {
    this.checkpoints.push(new Replayer(lines, options));
  }

  /** Replays steps up to `to`, keeping copies; yields after each step with the kernel after it. */
  *build(): Generator<Kernel> {
    const r = this.checkpoints[0].clone();
    for (let i = 1; i <= this.steps.length; i++) {
      this.replayStep(r, i);
      if (i % EVERY === 0) this.checkpoints.push(r.clone());
      this.built = i;
      yield r.k;
    }
    r.finish();
  }

  private replayStep(r: Replayer, i: number): void {
    const s = this.steps[i - 1];
    while (r.done < s.end) r.stepLine();
  }

  /** The kernel after step i (0: before the first line). Valid until the next call. */
  stateAt(i: number): { machine: { kernel: Kernel } } {
    if (i < 0 || i > this.built) throw new RangeError(`step ${i} is outside 0..${this.built}`);
    const cp = Math.floor(i / EVERY);
    let from: { index: number; r: Replayer };
    if (this.cache && this.cache.index <= i && this.cache.index >= cp * EVERY) from = this.cache;
    else from = { index: cp * EVERY, r: this.checkpoints[cp].clone() };
    for (let n = from.index + 1; n <= i; n++) this.replayStep(from.r, n);
    if (i === this.steps.length) from.r.finish();
    this.cache = { index: i, r: from.r };
    return { machine: { kernel: from.r.k } };
  }

  /** How many steps there are. */
  get length(): number {
    return this.steps.length;
  }
}
