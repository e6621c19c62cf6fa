/**
 * The C virtual machine: runs compiled bytecode for one process. All of its state is data (memory,
 * operand stack, frames, the runtime's state), so fork and checkpoints copy it. It runs until a
 * statement ends, a system call is needed, the program exits, or it faults.
 */
import type { Syscall, SysResult } from '../../../engine';
import type { CompiledFunc } from '../compile/context';
import { kindOf as kindOfType } from '../compile/ctypes';
import type { CompiledProgram } from '../compile/link';
import { DATA_BASE, Fault, Memory, STACK_LIMIT, STACK_TOP, TEXT_BASE } from './memory';
import type { Native, NativeResult } from './native';
import { Kind, Op } from './ops';

/** Why run() stopped. */
export type VMEvent =
  | { kind: 'step' }
  | { kind: 'syscall'; call: Syscall }
  | { kind: 'exit'; status: number }
  | { kind: 'fault'; signal: number; message: string };

interface Frame {
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
const SIGFPE = 8;
const NATIVE_BASE = 0x10000;
const TWO64 = 2 ** 64;
const TWO63 = 2 ** 63;
const INT_MIN = -(2 ** 31);

/** Wraps a number to an integer width: code = size * 2 + signed. */
export function wrap(v: number, code: number): number {
  switch (code) {
    case 9:
      return v | 0;
    case 8:
      return v >>> 0;
    case 3:
      return (v << 24) >> 24;
    case 2:
      return v & 0xff;
    case 5:
      return (v << 16) >> 16;
    case 4:
      return v & 0xffff;
    case 17:
    case 16:
      // Unsigned 64-bit values are held in two's complement, as signed ones; 2^63 is LONG_MAX (see ops.ts).
      if (v >= -9007199254740992 && v <= 9007199254740992) return Math.trunc(v);
      if (v === TWO63) return v;
      return Number(BigInt.asIntN(64, BigInt(Math.trunc(v))));
    default:
      return v;
  }
}

/** One process's running C program. */
export class VM {
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
  private stmtOpen = false;
  private yielded = false;
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

  /** An independent copy (for fork and checkpoints). */
  clone(): VM {
    const v = new VM(this.prog, this.natives, this.rt.clone(), this.mem.fork());
    v.stack.set(this.stack.subarray(0, this.sp));
    v.sp = this.sp;
    v.frames = this.frames.map((f) => ({ ...f }));
    v.msp = this.msp;
    v.pending = this.pending;
    v.line = this.line;
    v.file = this.file;
    v.stmtOpen = this.stmtOpen;
    v.yielded = this.yielded;
    v.statements = this.statements;
    v.calling = this.calling;
    return v;
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
      else this.store(at, kindOfType(t), v);
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

  private store(addr: number, kind: Kind, v: number): void {
    const m = this.mem;
    switch (kind) {
      case Kind.I8:
      case Kind.U8:
        m.setU8(addr, v & 0xff);
        return;
      case Kind.I16:
      case Kind.U16:
        m.setU16(addr, v);
        return;
      case Kind.I32:
      case Kind.U32:
        m.setU32(addr, v);
        return;
      case Kind.F32:
        m.setF32(addr, v);
        return;
      case Kind.F64:
        m.setF64(addr, v);
        return;
      default:
        m.setU64(addr, v);
    }
  }

  private load(addr: number, kind: Kind): number {
    const m = this.mem;
    switch (kind) {
      case Kind.I8:
        return m.i8(addr);
      case Kind.U8:
        return m.u8(addr);
      case Kind.I16:
        return m.i16(addr);
      case Kind.U16:
        return m.u16(addr);
      case Kind.I32:
        return m.i32(addr);
      case Kind.U32:
        return m.u32(addr);
      case Kind.I64:
        return m.i64(addr);
      case Kind.F32:
        return m.f32(addr);
      case Kind.F64:
        return m.f64(addr);
      default:
        return m.u64(addr);
    }
  }

  /** Hands the result of the pending system call to the native that asked for it. */
  resume(result: SysResult): VMEvent | null {
    const p = this.pending;
    if (!p) return null;
    this.pending = null;
    return this.handle(p.cont(this, result));
  }

  /** Acts on what a native returned: a value to push, or something that stops or calls. */
  handle(r: NativeResult): VMEvent | null {
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

  /** Runs until a statement ends (step), a system call, exit or a fault. */
  run(): VMEvent {
    try {
      return this.loop();
    } catch (e) {
      if (e instanceof Fault) return { kind: 'fault', signal: SIGSEGV, message: e.message };
      if (e instanceof RangeError && /stack/.test(e.message))
        return { kind: 'fault', signal: SIGSEGV, message: 'stack overflow' };
      throw e;
    }
  }

  private loop(): VMEvent {
    const mem = this.mem;
    const st = this.stack;
    for (;;) {
      const frame = this.frames[this.frames.length - 1];
      if (!frame) return { kind: 'exit', status: 0 };
      const code = frame.fn.code;
      let pc = frame.pc;
      let sp = this.sp;
      const bp = frame.bp;
      inner: for (;;) {
        const op = code[pc++];
        switch (op) {
          case Op.Const:
            st[sp++] = code[pc++];
            break;
          case Op.Pop:
            sp--;
            break;
          case Op.Dup:
            st[sp] = st[sp - 1];
            sp++;
            break;
          case Op.Swap: {
            const t = st[sp - 1];
            st[sp - 1] = st[sp - 2];
            st[sp - 2] = t;
            break;
          }
          case Op.Local:
            st[sp++] = bp + code[pc++];
            break;
          case Op.LoadI8:
            st[sp - 1] = mem.i8(st[sp - 1]);
            break;
          case Op.LoadU8:
            st[sp - 1] = mem.u8(st[sp - 1]);
            break;
          case Op.LoadI16:
            st[sp - 1] = mem.i16(st[sp - 1]);
            break;
          case Op.LoadU16:
            st[sp - 1] = mem.u16(st[sp - 1]);
            break;
          case Op.LoadI32:
            st[sp - 1] = mem.i32(st[sp - 1]);
            break;
          case Op.LoadU32:
            st[sp - 1] = mem.u32(st[sp - 1]);
            break;
          case Op.LoadI64:
            st[sp - 1] = mem.i64(st[sp - 1]);
            break;
          case Op.LoadU64:
            st[sp - 1] = mem.i64(st[sp - 1]);
            break;
          case Op.U64D:
            if (st[sp - 1] < 0) st[sp - 1] += TWO64;
            break;
          case Op.LoadF32:
            st[sp - 1] = mem.f32(st[sp - 1]);
            break;
          case Op.LoadF64:
            st[sp - 1] = mem.f64(st[sp - 1]);
            break;
          case Op.StoreI8:
            mem.setU8(st[sp - 2], st[sp - 1] & 0xff);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.StoreI16:
            mem.setU16(st[sp - 2], st[sp - 1]);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.StoreI32:
            mem.setU32(st[sp - 2], st[sp - 1]);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.StoreI64:
            mem.setU64(st[sp - 2], st[sp - 1]);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.StoreF32:
            mem.setF32(st[sp - 2], st[sp - 1]);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.StoreF64:
            mem.setF64(st[sp - 2], st[sp - 1]);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.Load:
            st[sp - 1] = this.load(st[sp - 1], code[pc++]);
            break;
          case Op.Store:
            this.store(st[sp - 2], code[pc++], st[sp - 1]);
            st[sp - 2] = st[sp - 1];
            sp--;
            break;
          case Op.Copy: {
            const n = code[pc++];
            mem.move(st[sp - 2], st[sp - 1], n);
            sp--;
            break;
          }
          case Op.Zero:
            mem.fill(st[--sp], 0, code[pc++]);
            break;
          case Op.Bytes:
            mem.write(st[--sp], this.prog.strings[code[pc++]]);
            break;
          case Op.Add:
            st[sp - 2] += st[sp - 1];
            sp--;
            break;
          case Op.Sub:
            st[sp - 2] -= st[sp - 1];
            sp--;
            break;
          case Op.Mul: {
            const a = st[sp - 2];
            const b = st[sp - 1];
            const r = a * b;
            st[sp - 2] = Number.isSafeInteger(r) ? r : Number(BigInt.asIntN(64, sbig(a) * sbig(b)));
            sp--;
            break;
          }
          case Op.Mul32:
            st[sp - 2] = Math.imul(st[sp - 2], st[sp - 1]);
            sp--;
            break;
          case Op.FMul:
            st[sp - 2] *= st[sp - 1];
            sp--;
            break;
          case Op.DivS:
          case Op.ModS: {
            const size = code[pc++];
            const b = st[sp - 1];
            const a = st[sp - 2];
            // idiv traps on a zero divisor and on MIN / -1, whose quotient does not fit (x86-64).
            if (b === 0 || (b === -1 && a === (size === 4 ? INT_MIN : -TWO63))) {
              this.sp = sp;
              frame.pc = pc;
              const what = b === 0 ? 'integer division by zero' : 'integer overflow in division';
              return { kind: 'fault', signal: SIGFPE, message: what };
            }
            if (Number.isSafeInteger(a) && Number.isSafeInteger(b))
              st[sp - 2] = (op === Op.DivS ? Math.trunc(a / b) : a % b) + 0;
            else
              st[sp - 2] = Number(BigInt.asIntN(64, op === Op.DivS ? sbig(a) / sbig(b) : sbig(a) % sbig(b)));
            sp--;
            break;
          }
          case Op.DivU:
          case Op.ModU: {
            const b = st[sp - 1];
            if (b === 0) {
              this.sp = sp;
              frame.pc = pc;
              return { kind: 'fault', signal: SIGFPE, message: 'integer division by zero' };
            }
            const a = st[sp - 2];
            if (a >= 0 && b >= 0 && a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER)
              st[sp - 2] = op === Op.DivU ? Math.trunc(a / b) : a % b;
            else
              st[sp - 2] = Number(BigInt.asIntN(64, op === Op.DivU ? ubig(a) / ubig(b) : ubig(a) % ubig(b)));
            sp--;
            break;
          }
          case Op.FDiv:
            st[sp - 2] /= st[sp - 1];
            sp--;
            break;
          case Op.Shl: {
            const n = st[sp - 1] & 63;
            const r = st[sp - 2] * 2 ** n;
            st[sp - 2] = Number.isSafeInteger(r)
              ? r
              : Number(BigInt.asIntN(64, sbig(st[sp - 2]) << BigInt(n)));
            sp--;
            break;
          }
          case Op.ShrS:
            st[sp - 2] = Math.floor(st[sp - 2] / 2 ** (st[sp - 1] & 63));
            sp--;
            break;
          case Op.ShrU: {
            const a = st[sp - 2];
            const n = st[sp - 1] & 63;
            st[sp - 2] = a < 0 ? Number(ubig(a) >> BigInt(n)) : Math.floor(a / 2 ** n);
            sp--;
            break;
          }
          case Op.And:
            st[sp - 2] = bitop(st[sp - 2], st[sp - 1], 0);
            sp--;
            break;
          case Op.Or:
            st[sp - 2] = bitop(st[sp - 2], st[sp - 1], 1);
            sp--;
            break;
          case Op.Xor:
            st[sp - 2] = bitop(st[sp - 2], st[sp - 1], 2);
            sp--;
            break;
          case Op.Neg:
            st[sp - 1] = -st[sp - 1];
            break;
          case Op.Not:
            st[sp - 1] = st[sp - 1] === 0 ? 1 : 0;
            break;
          case Op.BitNot:
            st[sp - 1] = -st[sp - 1] - 1;
            break;
          case Op.Eq:
            st[sp - 2] = st[sp - 2] === st[sp - 1] ? 1 : 0;
            sp--;
            break;
          case Op.Ne:
            st[sp - 2] = st[sp - 2] !== st[sp - 1] ? 1 : 0;
            sp--;
            break;
          case Op.Lt:
            st[sp - 2] = st[sp - 2] < st[sp - 1] ? 1 : 0;
            sp--;
            break;
          case Op.Le:
            st[sp - 2] = st[sp - 2] <= st[sp - 1] ? 1 : 0;
            sp--;
            break;
          case Op.Gt:
            st[sp - 2] = st[sp - 2] > st[sp - 1] ? 1 : 0;
            sp--;
            break;
          case Op.Ge:
            st[sp - 2] = st[sp - 2] >= st[sp - 1] ? 1 : 0;
            sp--;
            break;
          case Op.Wrap:
            st[sp - 1] = wrap(st[sp - 1], code[pc++]);
            break;
          case Op.FToI:
            st[sp - 1] = Math.trunc(st[sp - 1]);
            break;
          case Op.ToF32:
            st[sp - 1] = Math.fround(st[sp - 1]);
            break;
          case Op.Jmp:
            pc = code[pc];
            break;
          case Op.Jz:
            pc = st[--sp] === 0 ? code[pc] : pc + 1;
            break;
          case Op.Jnz:
            pc = st[--sp] !== 0 ? code[pc] : pc + 1;
            break;
          case Op.Switch: {
            const v = st[--sp];
            const n = code[pc];
            let target = code[pc + 1 + n * 2];
            for (let i = 0; i < n; i++) {
              if (code[pc + 1 + i * 2] === v) {
                target = code[pc + 2 + i * 2];
                break;
              }
            }
            pc = target;
            break;
          }
          case Op.PreInc:
          case Op.PostInc: {
            const kind = code[pc++];
            const delta = code[pc++];
            const w = code[pc++];
            const addr = st[sp - 1];
            const old = this.load(addr, kind);
            const nv = w ? wrap(old + delta, w) : old + delta;
            this.store(addr, kind, nv);
            st[sp - 1] = op === Op.PreInc ? nv : old;
            break;
          }
          case Op.VaStart:
            st[sp++] = frame.va;
            break;
          case Op.VaArg: {
            const kind = code[pc++];
            const at = st[sp - 1];
            const ap = mem.u64(at);
            const v = mem.f64(ap);
            mem.setU64(at, ap + 8);
            st[sp - 1] = kind === Kind.F32 || kind === Kind.F64 ? v : Math.trunc(v);
            break;
          }
          case Op.SaveRet: {
            const off = code[pc++];
            const size = code[pc++];
            mem.move(bp + off, st[sp - 1], size);
            st[sp - 1] = bp + off;
            break;
          }
          case Op.Stmt: {
            const line = code[pc++];
            if (frame.fn.system) break;
            if (this.stmtOpen && !this.yielded) {
              this.stmtOpen = false;
              frame.pc = pc - 2;
              this.sp = sp;
              return { kind: 'step' };
            }
            this.stmtOpen = true;
            this.yielded = false;
            this.line = line;
            this.file = frame.fn.file;
            this.statements++;
            break;
          }
          case Op.Call:
          case Op.CallPtr:
          case Op.Native: {
            let index: number;
            let argc: number;
            if (op === Op.CallPtr) {
              argc = code[pc++];
              const addr = st[--sp];
              const rel = addr - TEXT_BASE;
              if (rel < 0 || rel % 16 !== 0) {
                frame.pc = pc;
                this.sp = sp;
                return {
                  kind: 'fault',
                  signal: SIGSEGV,
                  message: `call through a bad function pointer 0x${addr.toString(16)}`,
                };
              }
              index = rel / 16;
            } else {
              index = code[pc++];
              argc = code[pc++];
              if (op === Op.Native) index += NATIVE_BASE;
            }
            // Arguments were pushed last first (evaluated right to left, see compile/call.ts).
            const args = Array.from(st.subarray(sp - argc, sp)).reverse();
            sp -= argc;
            frame.pc = pc;
            this.sp = sp;
            if (index >= NATIVE_BASE) {
              const native = this.natives[index - NATIVE_BASE];
              if (!native)
                return { kind: 'fault', signal: SIGSEGV, message: 'call through a bad function pointer' };
              this.calling = index - NATIVE_BASE;
              const ev = this.handle(native(this, args));
              if (ev) return ev;
            } else {
              this.enter(index, args, null);
            }
            break inner;
          }
          case Op.Ret:
          case Op.RetVoid: {
            const value = op === Op.Ret ? st[sp - 1] : 0;
            this.frames.pop();
            this.sp = frame.sp;
            this.msp = frame.msp;
            if (!frame.fn.system) {
              this.line = frame.line;
              this.file = frame.file;
            }
            if (this.frames.length === 0) {
              return this.handle({ exit: value }) ?? this.loop();
            }
            const ev = this.handle(frame.cont ? frame.cont(this, value) : value);
            if (ev) return ev;
            break inner;
          }
          case Op.Nop:
            break;
          default:
            throw new Error(`bad opcode ${op} at ${frame.fn.name}:${pc - 1}`);
        }
      }
    }
  }
}

/** A signed 64-bit value as a BigInt (a positive 2^63 is LONG_MAX, see ops.ts). */
function sbig(v: number): bigint {
  return v === TWO63 ? 9223372036854775807n : BigInt.asIntN(64, BigInt(Math.trunc(v)));
}

/** An unsigned 64-bit value (held in two's complement) as a BigInt. */
function ubig(v: number): bigint {
  return BigInt.asUintN(64, sbig(v));
}

/** Bitwise and/or/xor of integers that may be wider than 32 bits. */
function bitop(a: number, b: number, which: number): number {
  if (a >= -2147483648 && a <= 4294967295 && b >= -2147483648 && b <= 4294967295 && a >= 0 === b >= 0) {
    const r = which === 0 ? a & b : which === 1 ? a | b : a ^ b;
    return a >= 0 && b >= 0 ? r >>> 0 : r;
  }
  const x = sbig(a);
  const y = sbig(b);
  const r = which === 0 ? x & y : which === 1 ? x | y : x ^ y;
  return Number(a < 0 || b < 0 ? r : BigInt.asUintN(64, r));
}
