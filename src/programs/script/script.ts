/**
 * Script programs: the built-in scenarios written in the engine's program form. Each line has
 * the C-like text shown in the code pane and, usually, the system call it makes; variables hold
 * the numbers and buffers a C program would keep. Control-flow lines (if, goto) are evaluated
 * on the way and are not steps of their own.
 */
import type { Program, ProgramAction, ProgramLocation, Syscall, SysResult } from '../../engine';

/** A script's variables: numbers (fds, counts, pids) and byte buffers. */
export interface Vars {
  n: Record<string, number>;
  b: Record<string, Uint8Array>;
}

/** One line of a script. */
export interface ScriptLine {
  /** The C-like text shown for this line. */
  code: string;
  /** A label other lines can jump to. */
  label?: string;
  /** The system call this line makes. */
  call?: (v: Vars) => Syscall;
  /** Store the call's return value in this number variable. */
  assign?: string;
  /** More to keep from the result (data read, fds of socketpair...). */
  keep?: (r: SysResult, v: Vars) => void;
  /** A conditional jump: when `when` holds, continue at label `to` (else at the next line). */
  jump?: { when: (v: Vars) => boolean; to: string };
  /** An unconditional jump to a label. */
  goto?: string;
  /** A step in user space (no system call), e.g. printf; shown as a step. */
  local?: (v: Vars) => void;
  /** End the process with this status (exit, or return from main). */
  exit?: number;
}

/** A process of a scenario: its name and script. */
export interface ScriptProcess {
  name: string;
  lines: ScriptLine[];
}

/** Runs a script as a Program. */
export class ScriptProgram implements Program {
  private pc = 0;
  private vars: Vars = { n: {}, b: {} };
  /** The line whose call's result `next` has not yet stored. */
  private waiting: number | null = null;
  /** The line of the last action returned. */
  private current = -1;

  constructor(
    private readonly file: string,
    private readonly lines: readonly ScriptLine[],
  ) {}

  private jumpTo(label: string): number {
    const i = this.lines.findIndex((l) => l.label === label);
    if (i < 0) throw new Error(`script ${this.file}: no line labelled ${label}`);
    return i;
  }

  next(last: SysResult | undefined): ProgramAction {
    if (this.waiting !== null) {
      const line = this.lines[this.waiting];
      if (last && line.assign) this.vars.n[line.assign] = last.ret;
      if (last) line.keep?.(last, this.vars);
      this.waiting = null;
    }
    for (let guard = 0; guard < 10000; guard++) {
      const line = this.lines[this.pc];
      if (!line) return { kind: 'exit', status: 0 };
      if (line.jump) {
        this.pc = line.jump.when(this.vars) ? this.jumpTo(line.jump.to) : this.pc + 1;
        continue;
      }
      if (line.goto) {
        this.pc = this.jumpTo(line.goto);
        continue;
      }
      if (line.exit !== undefined) {
        this.current = this.pc;
        return { kind: 'exit', status: line.exit };
      }
      if (line.call) {
        this.waiting = this.pc;
        this.current = this.pc;
        this.pc++;
        return { kind: 'syscall', call: line.call(this.vars) };
      }
      if (line.local) {
        line.local(this.vars);
        this.current = this.pc;
        this.pc++;
        return { kind: 'local', note: line.code };
      }
      this.pc++;
    }
    throw new Error(`script ${this.file}: 10000 lines without a step (an endless loop of jumps)`);
  }

  clone(): ScriptProgram {
    const c = new ScriptProgram(this.file, this.lines);
    c.pc = this.pc;
    c.vars = { n: { ...this.vars.n }, b: { ...this.vars.b } };
    c.waiting = this.waiting;
    c.current = this.current;
    return c;
  }

  forkChild(): ScriptProgram {
    return this.clone();
  }

  location(): ProgramLocation | null {
    return this.current >= 0 ? { file: this.file, line: this.current + 1 } : null;
  }

  /** The source lines, for the code pane. */
  get source(): readonly ScriptLine[] {
    return this.lines;
  }
}
