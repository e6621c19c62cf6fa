/**
 * The interface between the VM and the runtime library: a native function gets the VM and its
 * arguments and returns a value, or asks for a system call and says how to go on with its
 * result. Continuations receive the VM as a parameter and capture only immutable values, so a
 * suspended VM can be copied (fork, checkpoints) with its continuation shared.
 */
import type { Syscall, SysResult } from '../../../engine';
import type { VM } from './vm';

/** What a native (or its continuation) does next. */
export type NativeResult =
  | number
  | { syscall: Syscall; cont: (vm: VM, r: SysResult) => NativeResult }
  /** End the process (exit() after atexit handlers and flushing, or _exit at once). */
  | { exit: number; now?: boolean }
  /** Kill the process with a signal (abort: SIGABRT; a bad pointer: SIGSEGV). */
  | { fault: number; message: string }
  /** Call a user function (a signal handler, an atexit or qsort callback), then go on. */
  | { call: number; args: number[]; cont: (vm: VM, ret: number) => NativeResult };

/** A runtime function implemented in TypeScript. */
export type Native = (vm: VM, args: number[]) => NativeResult;
