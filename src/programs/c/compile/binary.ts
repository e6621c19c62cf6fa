/**
 * Binary operators and assignments: the usual arithmetic conversions, pointer arithmetic and
 * differences, comparisons, && and || with their jumps, and compound assignment through an
 * address computed once. Part of the expression compiler (expr.ts).
 */
import { type CType, type Expr, type Pos, sizeOf, T } from '../ast';
import { Op } from '../vm/ops';
import type { FuncContext } from './context';
import { byAddress, emitConvert, emitLoad, emitStore } from './convert';
import {
  arith,
  decay,
  isArith,
  isFloat,
  isInt,
  isPtr,
  isRecord,
  isScalar,
  promote,
  stride,
  typeName,
  wrapCode,
} from './ctypes';
import { compileAddress, compileAs, compileExpr, compileTest, fail, type Gen, typeOf } from './expr';

const ARITH_OPS: Partial<Record<string, Op>> = {
  '&': Op.And,
  '|': Op.Or,
  '^': Op.Xor,
};

/** Emits `left op right` for values already on the stack, with both of type t (after conversion). */
function emitArith(f: FuncContext, op: string, t: CType, pos: Pos): void {
  const signed = isInt(t) ? t.signed : true;
  switch (op) {
    case '+':
      f.emit(Op.Add);
      break;
    case '-':
      f.emit(Op.Sub);
      break;
    case '/':
      if (isFloat(t)) f.emit(Op.FDiv);
      else if (signed) f.emit(Op.DivS, sizeOf(t));
      else f.emit(Op.DivU);
      break;
    case '%':
      if (isFloat(t)) fail('invalid operands to binary %', pos);
      if (signed) f.emit(Op.ModS, sizeOf(t));
      else f.emit(Op.ModU);
      break;
    case '*':
      // An int product over 2^53 would lose its low bits as a double: multiply as imul does.
      f.emit(isFloat(t) ? Op.FMul : sizeOf(t) <= 4 ? Op.Mul32 : Op.Mul);
      break;
    case '<<':
      f.emit(Op.Shl);
      break;
    case '>>':
      f.emit(signed ? Op.ShrS : Op.ShrU);
      break;
    default: {
      const o = ARITH_OPS[op];
      if (o === undefined) fail(`unknown operator ${op}`, pos);
      if (isFloat(t)) fail(`invalid operands to binary ${op}`, pos);
      f.emit(o);
    }
  }
  if (isInt(t)) f.emit(Op.Wrap, wrapCode(t));
  // float arithmetic rounds each result to float (FLT_EVAL_METHOD 0 on x86-64).
  if (t.kind === 'float' && t.size === 4) f.emit(Op.ToF32);
}

export function compileBinary(g: Gen, e: Extract<Expr, { k: 'binary' }>): CType {
  const f = g.f;
  if (e.op === ',') {
    compileExpr(g, e.left, 'discard');
    return compileExpr(g, e.right, 'value');
  }
  if (e.op === '&&' || e.op === '||') {
    compileTest(g, e.left);
    const j1 = f.jump(e.op === '&&' ? Op.Jz : Op.Jnz);
    compileTest(g, e.right);
    const j2 = f.jump(e.op === '&&' ? Op.Jz : Op.Jnz);
    f.emit(Op.Const, e.op === '&&' ? 1 : 0);
    const jend = f.jump(Op.Jmp);
    f.here(j1);
    f.here(j2);
    f.emit(Op.Const, e.op === '&&' ? 0 : 1);
    f.here(jend);
    return T.int;
  }
  const lt = decay(typeOf(g, e.left));
  const rt = decay(typeOf(g, e.right));
  const cmp = ['<', '>', '<=', '>=', '==', '!='].includes(e.op);
  if ((e.op === '+' || e.op === '-') && (isPtr(lt) || isPtr(rt))) {
    if (isPtr(lt) && isPtr(rt) && e.op === '-') {
      compileExpr(g, e.left, 'value');
      compileExpr(g, e.right, 'value');
      f.emit(Op.Sub, Op.Const, stride(lt), Op.DivS, 8);
      return T.long;
    }
    const ptr = isPtr(lt) ? lt : rt;
    if (isPtr(lt)) {
      compileExpr(g, e.left, 'value');
      compileAs(g, e.right, T.long);
    } else {
      compileAs(g, e.left, T.long);
      f.emit(Op.Const, stride(ptr), Op.Mul);
      compileExpr(g, e.right, 'value');
      f.emit(Op.Add);
      return ptr;
    }
    f.emit(Op.Const, stride(ptr), Op.Mul, e.op === '+' ? Op.Add : Op.Sub);
    return ptr;
  }
  if (cmp) {
    const ct = isArith(lt) && isArith(rt) ? arith(lt, rt) : T.ulong;
    if (!isScalar(lt) || !isScalar(rt)) fail(`invalid operands to binary ${e.op}`, e.pos);
    // Unsigned 64-bit values are held in two's complement: relational compares reinterpret them.
    const u64 = isInt(ct) && !ct.signed && ct.size === 8 && e.op !== '==' && e.op !== '!=';
    compileAs(g, e.left, ct);
    if (u64) f.emit(Op.U64D);
    compileAs(g, e.right, ct);
    if (u64) f.emit(Op.U64D);
    const ops: Record<string, Op> = {
      '<': Op.Lt,
      '>': Op.Gt,
      '<=': Op.Le,
      '>=': Op.Ge,
      '==': Op.Eq,
      '!=': Op.Ne,
    };
    f.emit(ops[e.op]);
    return T.int;
  }
  if (!isArith(lt) || !isArith(rt))
    fail(`invalid operands to binary ${e.op} (have '${typeName(lt)}' and '${typeName(rt)}')`, e.pos);
  if (e.op === '<<' || e.op === '>>') {
    const t = promote(lt);
    compileAs(g, e.left, t);
    compileAs(g, e.right, T.int);
    emitArith(f, e.op, t, e.pos);
    return t;
  }
  const t = arith(lt, rt);
  compileAs(g, e.left, t);
  compileAs(g, e.right, t);
  emitArith(f, e.op, t, e.pos);
  return t;
}

export function compileAssign(g: Gen, e: Extract<Expr, { k: 'assign' }>): CType {
  const f = g.f;
  const t = compileAddress(g, e.target);
  if (e.op === '=') {
    if (isRecord(t)) {
      compileAs(g, e.value, t);
      f.emit(Op.Copy, sizeOf(t));
      return t;
    }
    if (byAddress(t)) fail(`assignment to expression with array type`, e.pos);
    compileAs(g, e.value, t);
    emitStore(f, t);
    return t;
  }
  const op = e.op.slice(0, -1);
  f.emit(Op.Dup);
  emitLoad(f, t);
  if (isPtr(t) && (op === '+' || op === '-')) {
    compileAs(g, e.value, T.long);
    f.emit(Op.Const, stride(t), Op.Mul, op === '+' ? Op.Add : Op.Sub);
    emitStore(f, t);
    return t;
  }
  const vt = decay(typeOf(g, e.value));
  if (!isArith(t) || !isArith(vt)) fail(`invalid operands to ${e.op}`, e.pos);
  const ct = op === '<<' || op === '>>' ? promote(t) : arith(t, vt);
  emitConvert(f, t, ct);
  compileAs(g, e.value, op === '<<' || op === '>>' ? T.int : ct);
  emitArith(f, op, ct, e.pos);
  emitConvert(f, ct, t);
  emitStore(f, t);
  return t;
}
