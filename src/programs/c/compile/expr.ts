/**
 * Expressions: each is compiled for its value (pushed on the operand stack), for its address
 * (lvalues), or for its effect only, and typed on the way (promotions, usual arithmetic
 * conversions, pointer arithmetic, array and function decay).
 */
import { type CType, type Expr, type Pos, sizeOf, T } from '../ast';
import { Op } from '../vm/ops';
import { compileAssign, compileBinary } from './binary';
import { compileCall } from './call';
import { CompileError, type FuncContext, funcAddr, type ProgramContext } from './context';
import { emitConvert, emitLoad } from './convert';
import {
  arith,
  decay,
  isArith,
  isInt,
  isPtr,
  isRecord,
  isScalar,
  kindOf,
  promote,
  stride,
  typeName,
  wrapCode,
} from './ctypes';
import { compileInitializer } from './init';
import { memberOf, offsetOfPath } from './members';

/** The code generator for one function. */
export interface Gen {
  p: ProgramContext;
  f: FuncContext;
  /** Names the runtime provides natively. */
  natives: ReadonlySet<string>;
  /** Functions the user's files define (by name). */
  defined: ReadonlySet<string>;
}

export type Want = 'value' | 'addr' | 'discard';

export function fail(message: string, pos: Pos): never {
  throw new CompileError(message, pos);
}

/** The type of an expression, without keeping its code. */
export function typeOf(g: Gen, e: Expr): CType {
  const saved = g.f.code;
  g.f.code = [];
  try {
    return compileExpr(g, e, 'addrOrValue');
  } finally {
    g.f.code = saved;
  }
}

/** Compiles for the value and converts it to `to` (for assignments, arguments, returns). */
export function compileAs(g: Gen, e: Expr, to: CType): void {
  const t = compileExpr(g, e, 'value');
  if (isRecord(to)) {
    if (!isRecord(t))
      fail(`incompatible types when assigning to type '${typeName(to)}' from type '${typeName(t)}'`, e.pos);
    return;
  }
  if (!isScalar(decay(t)) && to.kind !== 'void')
    fail(`cannot convert '${typeName(t)}' to '${typeName(to)}'`, e.pos);
  emitConvert(g.f, decay(t), to);
}

/** Compiles a condition: leaves a truth value (any non-zero is true). */
export function compileTest(g: Gen, e: Expr): void {
  const t = decay(compileExpr(g, e, 'value'));
  if (!isScalar(t)) fail(`used '${typeName(t)}' where a scalar is required`, e.pos);
}

function isLvalueKind(e: Expr): boolean {
  return (
    e.k === 'ident' ||
    (e.k === 'unary' && e.op === '*') ||
    e.k === 'member' ||
    e.k === 'index' ||
    e.k === 'string' ||
    e.k === 'compound'
  );
}

/** Pushes the address of an lvalue; returns its type. */
export function compileAddress(g: Gen, e: Expr): CType {
  const f = g.f;
  switch (e.k) {
    case 'ident': {
      const sym = f.lookup(e.name) ?? g.p.globals.get(e.name);
      if (!sym) {
        if (g.defined.has(e.name) || g.natives.has(e.name)) return compileFuncRef(g, e.name, e.pos);
        fail(`'${e.name}' undeclared`, e.pos);
      }
      switch (sym.kind) {
        case 'local':
          f.emit(Op.Local, sym.offset);
          return sym.type;
        case 'global':
          f.emit(Op.Const, sym.addr);
          return sym.type;
        case 'func':
          f.emit(Op.Const, funcAddr(sym.index));
          return sym.type;
        case 'native':
          return compileFuncRef(g, e.name, e.pos, sym.type);
        case 'missing':
          fail(`undefined reference to '${e.name}'`, e.pos);
      }
      break;
    }
    case 'unary': {
      const t = decay(compileExpr(g, e.arg, 'value'));
      if (!isPtr(t)) fail(`invalid type argument of unary '*' (have '${typeName(t)}')`, e.pos);
      return t.to;
    }
    case 'member':
      return memberOf(g, e);
    case 'index': {
      const a = decay(compileExpr(g, e.obj, 'value'));
      const base = isPtr(a) ? a : null;
      if (!base) {
        // i[a] is a[i] too.
        if (!isInt(a)) fail('subscripted value is neither array nor pointer', e.pos);
        const pt = decay(compileExpr(g, e.index, 'value'));
        if (!isPtr(pt)) fail('subscripted value is neither array nor pointer', e.pos);
        f.emit(Op.Swap, Op.Const, stride(pt), Op.Mul, Op.Add);
        return pt.to;
      }
      const it = decay(compileExpr(g, e.index, 'value'));
      if (!isInt(it)) fail('array subscript is not an integer', e.index.pos);
      f.emit(Op.Const, stride(base), Op.Mul, Op.Add);
      return base.to;
    }
    case 'string': {
      f.emit(Op.Const, g.p.data.string(e.bytes));
      return { kind: 'array', of: T.char, length: e.bytes.length + 1 };
    }
    case 'compound': {
      const off = f.slot(e.type);
      compileInitializer(g, e.type, e.init, () => f.emit(Op.Local, off));
      f.emit(Op.Local, off);
      return e.type;
    }
    default:
      break;
  }
  fail('lvalue required', e.pos);
}

/** The address of a function or native, typed as the function. */
function compileFuncRef(g: Gen, name: string, pos: Pos, declared?: CType): CType {
  if (g.defined.has(name)) {
    g.f.emit(Op.Const, funcAddr(g.p.funcSlot(name)));
  } else if (g.natives.has(name)) {
    g.f.emit(Op.Const, funcAddr(0x10000 + g.p.nativeSlot(name)));
  } else {
    fail(`undefined reference to '${name}'`, pos);
  }
  return declared ?? { kind: 'function', ret: T.int, params: null, variadic: false };
}

/**
 * Compiles an expression. 'value' pushes its value (arrays, functions and structs push their
 * address), 'addr' pushes an lvalue's address, 'discard' leaves nothing; 'addrOrValue' is for
 * typing only. Returns the expression's type (before decay).
 */
export function compileExpr(g: Gen, e: Expr, want: Want | 'addrOrValue'): CType {
  const f = g.f;
  if (want === 'addr') return compileAddress(g, e);
  if (want === 'discard') {
    // Every expression pushes exactly one value (a void one pushes 0).
    const t = compileExpr(g, e, 'value');
    f.emit(Op.Pop);
    return t;
  }
  switch (e.k) {
    case 'int':
      // As held at run time: two's complement for unsigned 64-bit values (see ops.ts).
      f.emit(Op.Const, Number(BigInt.asIntN(64, e.value)));
      return e.type;
    case 'float':
      f.emit(Op.Const, e.value);
      return e.type;
    case 'ident':
    case 'member':
    case 'index':
    case 'string':
    case 'compound': {
      const t = compileAddress(g, e);
      emitLoad(f, t);
      return t;
    }
    case 'unary':
      return compileUnary(g, e);
    case 'binary':
      return compileBinary(g, e);
    case 'assign':
      return compileAssign(g, e);
    case 'cond': {
      compileTest(g, e.test);
      const jz = f.jump(Op.Jz);
      const tt = decay(typeOf(g, e.then));
      const et = decay(typeOf(g, e.else));
      const rt = isArith(tt) && isArith(et) ? arith(tt, et) : isPtr(tt) ? tt : isPtr(et) ? et : tt;
      if (rt.kind === 'void') compileExpr(g, e.then, 'value');
      else compileAs(g, e.then, rt);
      const jend = f.jump(Op.Jmp);
      f.here(jz);
      if (rt.kind === 'void') compileExpr(g, e.else, 'value');
      else compileAs(g, e.else, rt);
      f.here(jend);
      return rt;
    }
    case 'call':
      return compileCall(g, e);
    case 'cast': {
      if (e.to.kind === 'void') {
        compileExpr(g, e.arg, 'value');
        return e.to;
      }
      const t = decay(compileExpr(g, e.arg, 'value'));
      if (!isScalar(e.to)) fail(`conversion to non-scalar type '${typeName(e.to)}' requested`, e.pos);
      emitConvert(f, t, e.to);
      return e.to;
    }
    case 'sizeofType':
      f.emit(Op.Const, sizeOf(e.of));
      return T.ulong;
    case 'sizeofExpr':
      f.emit(Op.Const, sizeOf(typeOf(g, e.arg)));
      return T.ulong;
    case 'offsetof':
      f.emit(Op.Const, offsetOfPath(g, e.of, e.path, e.pos));
      return T.ulong;
    case 'vaArg': {
      compileAddress(g, e.list);
      f.emit(Op.VaArg, kindOf(promote(e.type)));
      return e.type;
    }
  }
  return fail('unsupported expression', (e as { pos: Pos }).pos);
}

function compileUnary(g: Gen, e: Extract<Expr, { k: 'unary' }>): CType {
  const f = g.f;
  switch (e.op) {
    case '&': {
      if (!isLvalueKind(e.arg) && e.arg.k !== 'call') fail("lvalue required as unary '&' operand", e.pos);
      const t = compileAddress(g, e.arg);
      return { kind: 'pointer', to: t };
    }
    case '*': {
      const t = compileAddress(g, e);
      emitLoad(f, t);
      return t;
    }
    case '-':
    case '+':
    case '~': {
      const t = promote(decay(compileExpr(g, e.arg, 'value')));
      if (!isArith(t) || (e.op === '~' && !isInt(t))) fail(`wrong type argument to unary '${e.op}'`, e.pos);
      if (e.op === '-') f.emit(Op.Neg);
      if (e.op === '~') f.emit(Op.BitNot);
      if (isInt(t) && e.op !== '+') f.emit(Op.Wrap, wrapCode(t));
      return t;
    }
    case '!':
      compileTest(g, e.arg);
      f.emit(Op.Not);
      return T.int;
    default: {
      const t = compileAddress(g, e.arg);
      if (!isScalar(t))
        fail(`wrong type argument to ${e.op.includes('+') ? 'increment' : 'decrement'}`, e.pos);
      const delta = (e.op.includes('++') ? 1 : -1) * (isPtr(t) ? stride(t) : 1);
      f.emit(e.op.startsWith('pre') ? Op.PreInc : Op.PostInc, kindOf(t), delta, isInt(t) ? wrapCode(t) : 0);
      return t;
    }
  }
}
