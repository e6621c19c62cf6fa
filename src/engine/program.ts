/**
 * What drives a process: a Program decides each next system call from the result of the last
 * one. Built-in scenarios, the strace replay and the C interpreter all implement it; the engine
 * only needs this interface.
 */
import type { Syscall, SysResult } from './syscalls';
import type { SigInfo } from './types';

/** Where a program is, for display: a line of its source. */
export interface ProgramLocation {
  /** Which source (a file name, or the process's script). */
  file: string;
  /** 1-based line number. */
  line: number;
}

/** The next thing a program does. */
export type ProgramAction =
  /** Enter the kernel. */
  | { kind: 'syscall'; call: Syscall }
  /** A step that stays in user space (a statement of a C program); shown but changes no kernel state. */
  | { kind: 'local'; note?: string }
  /** Return from main / call exit(): the kernel closes every descriptor. */
  | { kind: 'exit'; status: number }
  /**
   * The program did something the hardware refuses (a bad pointer: SIGSEGV; abort(): SIGABRT):
   * the kernel sends it the signal, whose default action kills it. `message` says what happened.
   */
  | { kind: 'fault'; signal: number; message: string };

/** A process's program. Must be deterministic: the same results give the same actions. */
export interface Program {
  /**
   * The next action. `last` is the result of the previous system call, or undefined when the
   * previous action was local (or this is the first action).
   */
  next(last: SysResult | undefined): ProgramAction;
  /** An independent copy of the current state (for checkpoints and branches). */
  clone(): Program;
  /** The copy a forked child runs; its first `next` receives fork's result in the child (0). */
  forkChild(): Program;
  /** A signal with a handler was delivered: run the handler before the next action. */
  signal?(sig: number, info?: SigInfo): void;
  /** Where the program is: the line of the action `next` last returned (the current line). */
  location(): ProgramLocation | null;
}
