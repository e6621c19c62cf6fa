/**
 * The VM's state and calling convention: memory, the operand stack, frames, the pending system
 * call; starting main, entering a function and acting on what a native returned. The
 * interpreter loop that runs the bytecode is VM (vm.ts), built on this.
 */
import type { Syscall, SysResult } from '../../../engine';
import type { CompiledFunc } from '../compile/context';
import { kindOf as kindOfType } from '../compile/ctypes';
import type { CompiledProgram } from '../compile/link';
import { store } from './arith';
import { DATA_BASE, Fault, Memory, STACK_LIMIT, STACK_TOP, TEXT_BASE } from './memory';
import type { Native, NativeResult } from './native';
import type { VM } from './vm';

/** Why run() stopped. */
export type VMEvent =
  | { kind: 'step' }
  | { kind: 'syscall'; call: Syscall }
  | { kind: 'exit'; status: number }
  | { kind: 'fault'; signal: number; message: string };

/** A function call in progress. */
export interface Frame {
  fn: CompiledFunc;
  pc: number;
  /** Frame base in memory (locals at bp + offset). */
  bp: number;
  /** Operand stack height when the frame was entered. */
  sp: number;
  /** Where this call's variadic arguments are (8 bytes each, as doubles). */
  va: number;
  /** The memory stack pointer to restore on return. */
  msp: number;
  /** What a native asked to happen with this call's return value. */
  cont: ((vm: VM, ret: number) => NativeResult) | null;
  /** The caller's statement line and file, current again when this call returns. */
  line: number;
  file: string;
}

/** The state the runtime keeps per process (stdio buffers, the heap, handlers); copied on fork. */
export interface RuntimeState {
  clone(): RuntimeState;
}

const SIGSEGV = 11;
/** Natives are called as function indexes from here on (user functions are below). */
export const NATIVE_BASE = 0x10000;

/**
 * The state of one process's running C program, and its calls; see VM for running it. Methods
 * that hand the VM to natives and continuations declare `this: VM`, as those take the whole VM.
 */
export abstract class VMCore {
  mem: Memory;
  stack = new Float64Array(1 << 16);
  sp = 0;
  frames: Frame[] = [];
  msp = STACK_TOP;
  /** A system call in progress, and how the native goes on with its result. */
  pending: { call: Syscall; cont: (vm: VM, r: SysResult) => NativeResult } | null = null;
  /** The current statement's line and file. */
  line = 0;
  file = '';
  protected stmtOpen = false;
  protected yielded = false;
  /** The library function called last (an index into the program's natives), or -1. */
  calling = -1;
  /** Statements executed (for the step limit and the benchmark). */
  statements = 0;

  constructor(
    readonly prog: CompiledProgram,
    readonly natives: Native[],
    public rt: RuntimeState,
    mem?: Memory,
  ) {
    this.mem = mem ?? new Memory();
    if (!mem) {
      this.mem.sbrk(prog.data.length);
      if (prog.data.length > 0) this.mem.write(DATA_BASE, prog.data);
    }
  }

  /** Starts main(argc, argv) with argv strings placed on the stack. */
  start(argv: string[]): void {
    const enc = new TextEncoder();
    const ptrs: number[] = [];
    for (const a of argv) {
      const bytes = enc.encode(a);
      this.msp -= bytes.length + 1;
      this.mem.write(this.msp, bytes);
      this.mem.setU8(this.msp + bytes.length, 0);
      ptrs.push(this.msp);
    }
    this.msp = Math.floor(this.msp / 16) * 16 - (ptrs.length + 1) * 8;
    const argvAddr = this.msp;
    for (const [i, p] of ptrs.entries()) this.mem.setU64(argvAddr + i * 8, p);
    this.mem.setU64(argvAddr + ptrs.length * 8, 0);
    this.msp -= 64;
    this.enter(this.prog.main, [argv.length, argvAddr], null);
  }

  private fn(index: number): CompiledFunc {
    const f = this.prog.funcs[index];
    if (!f) throw new Fault(TEXT_BASE + index * 16, 'call to a function that was never defined');
    return f;
  }

  /** Pushes a frame for a call. */
  enter(index: number, args: number[], cont: Frame['cont']): void {
    const fn = this.fn(index);
    const extra = Math.max(0, args.length - fn.params.length);
    const bp = Math.floor((this.msp - fn.frameSize - extra * 8) / 16) * 16;
    if (bp < STACK_TOP - STACK_LIMIT) throw new Fault(bp, 'stack overflow');
    const mem = this.mem;
    mem.fill(bp, 0, fn.frameSize);
    for (let i = 0; i < fn.params.length; i++) {
      const p = fn.params[i];
      const v = i < args.length ? args[i] : 0;
      const at = bp + p.offset;
      const t = p.type;
      if (t.kind === 'struct' || t.kind === 'union') mem.move(at, v, t.size);
      else store(mem, at, kindOfType(t), v);
    }
    const va = bp + fn.frameSize;
    for (let i = 0; i < extra; i++) mem.setF64(va + i * 8, args[fn.params.length + i]);
    this.frames.push({
      fn,
      pc: 0,
      bp,
      sp: this.sp,
      va,
      msp: this.msp,
      cont,
      line: this.line,
      file: this.file,
    });
    this.msp = bp;
  }

  /** Hands the result of the pending system call to the native that asked for it. */
  resume(this: VM, result: SysResult): VMEvent | null {
    const p = this.pending;
    if (!p) return null;
    this.pending = null;
    return this.handle(p.cont(this, result));
  }

  /** Acts on what a native returned: a value to push, or something that stops or calls. */
  handle(this: VM, r: NativeResult): VMEvent | null {
    if (typeof r === 'number') {
      this.stack[this.sp++] = r;
      return null;
    }
    if ('syscall' in r) {
      this.pending = { call: r.syscall, cont: r.cont };
      this.yielded = true;
      return { kind: 'syscall', call: r.syscall };
    }
    if ('exit' in r) {
      if (r.now) return { kind: 'exit', status: r.exit & 0xff };
      return this.handle(this.natives[this.nativeIndex('exit')](this, [r.exit]));
    }
    if ('fault' in r) return { kind: 'fault', signal: r.fault, message: r.message };
    const index = r.call - TEXT_BASE;
    if (index < 0 || index % 16 !== 0 || index / 16 >= NATIVE_BASE) {
      return {
        kind: 'fault',
        signal: SIGSEGV,
        message: `call through a bad function pointer 0x${r.call.toString(16)}`,
      };
    }
    this.enter(index / 16, r.args, r.cont);
    return null;
  }

  private nativeIndex(name: string): number {
    const i = this.prog.natives.indexOf(name);
    if (i < 0) throw new Error(`the runtime lacks ${name}`);
    return i;
  }
}
