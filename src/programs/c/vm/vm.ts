/**
 * The C virtual machine: runs compiled bytecode for one process. All of its state is data (memory,
 * operand stack, frames, the runtime's state), so fork and checkpoints copy it. It runs until a
 * statement ends, a system call is needed, the program exits, or it faults.
 */
import { bitop, load, sbig, store, ubig, wrap } from './arith';
import { NATIVE_BASE, VMCore, type VMEvent } from './core';
import { Fault, TEXT_BASE } from './memory';
import { Kind, Op } from './ops';

export { wrap } from './arith';
export type { Frame, RuntimeState, VMEvent } from './core';

const SIGSEGV = 11;
const SIGFPE = 8;
const TWO64 = 2 ** 64;
const TWO63 = 2 ** 63;
const INT_MIN = -(2 ** 31);

/** One process's running C program. */
export class VM extends VMCore {
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
            st[sp - 1] = load(mem, st[sp - 1], code[pc++]);
            break;
          case Op.Store:
            store(mem, st[sp - 2], code[pc++], st[sp - 1]);
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
            const old = load(mem, addr, kind);
            const nv = w ? wrap(old + delta, w) : old + delta;
            store(mem, addr, kind, nv);
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
