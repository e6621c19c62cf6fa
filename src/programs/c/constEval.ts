/**
 * Integer constant expressions, evaluated where C requires them while parsing (array sizes, enum
 * values, static assertions): arithmetic with x86-64 integer types, casts, sizeof, _Alignof and
 * offsetof. Also the few expression types sizeof needs in such places.
 */

import { type CType, type Designator, type Expr, sizeOf, T } from './ast';
import type { Scope } from './scope';

interface IntVal {
  v: bigint;
  size: number;
  signed: boolean;
}

function wrap(v: bigint, size: number, signed: boolean): IntVal {
  const bits = size * 8;
  return { v: signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v), size, signed };
}

function promote(a: IntVal): IntVal {
  return a.size < 4 ? { v: a.v, size: 4, signed: true } : a;
}

/** The common type of two promoted operands (usual arithmetic conversions, LP64). */
function common(a: IntVal, b: IntVal): { size: number; signed: boolean } {
  if (a.size === b.size) return { size: a.size, signed: a.signed && b.signed };
  const big = a.size > b.size ? a : b;
  return { size: big.size, signed: big.signed };
}

/** The value of an integer constant expression, or null if the expression is not one. */
export function evalConst(e: Expr, scope: Scope): bigint | null {
  const r = evaluate(e, scope);
  return r === null ? null : r.v;
}

function evaluate(e: Expr, scope: Scope): IntVal | null {
  switch (e.k) {
    case 'int':
      return e.type.kind === 'int' ? wrap(e.value, e.type.size, e.type.signed) : null;
    case 'unary': {
      if (e.op === '&') {
        const off = addressOffset(e.arg, scope);
        return off === null ? null : { v: BigInt(off), size: 8, signed: false };
      }
      const a = evaluate(e.arg, scope);
      if (a === null) return null;
      const x = promote(a);
      if (e.op === '-') return wrap(-x.v, x.size, x.signed);
      if (e.op === '+') return x;
      if (e.op === '~') return wrap(~x.v, x.size, x.signed);
      if (e.op === '!') return { v: x.v === 0n ? 1n : 0n, size: 4, signed: true };
      return null;
    }
    case 'binary':
      return binary(e.op, e.left, e.right, scope);
    case 'cond': {
      const test = evaluate(e.test, scope);
      if (test === null) return null;
      const a = evaluate(e.then, scope);
      const b = evaluate(e.else, scope);
      if (a === null || b === null) return null;
      const c = common(promote(a), promote(b));
      return wrap(test.v !== 0n ? a.v : b.v, c.size, c.signed);
    }
    case 'cast': {
      const a = evaluate(e.arg, scope);
      if (a === null) return null;
      if (e.to.kind === 'int') return wrap(a.v, e.to.size, e.to.signed && e.to.name !== '_Bool');
      if (e.to.kind === 'pointer') return wrap(a.v, 8, false);
      return null;
    }
    case 'sizeofType':
      return sized(e.of);
    case 'sizeofExpr': {
      const t = typeOfExpr(e.arg, scope);
      return t === null ? null : sized(t);
    }
    case 'offsetof': {
      const off = offsetOf(e.of, e.path, scope);
      return off === null ? null : { v: BigInt(off), size: 8, signed: false };
    }
    default:
      return null;
  }
}

function sized(t: CType): IntVal | null {
  if (t.kind === 'void' || ((t.kind === 'struct' || t.kind === 'union') && t.fields === null)) return null;
  return { v: BigInt(sizeOf(t)), size: 8, signed: false };
}

function binary(op: string, l: Expr, r: Expr, scope: Scope): IntVal | null {
  const a = evaluate(l, scope);
  if (a === null) return null;
  if (op === '&&' || op === '||') {
    if (op === '&&' ? a.v === 0n : a.v !== 0n) return { v: op === '&&' ? 0n : 1n, size: 4, signed: true };
    const b = evaluate(r, scope);
    return b === null ? null : { v: b.v !== 0n ? 1n : 0n, size: 4, signed: true };
  }
  const b = evaluate(r, scope);
  if (b === null) return null;
  const x = promote(a);
  const y = promote(b);
  if (op === '<<' || op === '>>') {
    const n = y.v & 63n;
    return wrap(op === '<<' ? x.v << n : x.v >> n, x.size, x.signed);
  }
  if (op === ',') return y;
  const c = common(x, y);
  const xv = wrap(x.v, c.size, c.signed).v;
  const yv = wrap(y.v, c.size, c.signed).v;
  const bool = (z: boolean): IntVal => ({ v: z ? 1n : 0n, size: 4, signed: true });
  switch (op) {
    case '+':
      return wrap(xv + yv, c.size, c.signed);
    case '-':
      return wrap(xv - yv, c.size, c.signed);
    case '*':
      return wrap(xv * yv, c.size, c.signed);
    case '/':
      return yv === 0n ? null : wrap(xv / yv, c.size, c.signed);
    case '%':
      return yv === 0n ? null : wrap(xv % yv, c.size, c.signed);
    case '&':
      return wrap(xv & yv, c.size, c.signed);
    case '|':
      return wrap(xv | yv, c.size, c.signed);
    case '^':
      return wrap(xv ^ yv, c.size, c.signed);
    case '<':
      return bool(xv < yv);
    case '>':
      return bool(xv > yv);
    case '<=':
      return bool(xv <= yv);
    case '>=':
      return bool(xv >= yv);
    case '==':
      return bool(xv === yv);
    default:
      return bool(xv !== yv);
  }
}

/** A member of a struct or union by name, looking into anonymous members; with its offset. */
export function findField(t: CType, name: string): { type: CType; offset: number } | null {
  if ((t.kind !== 'struct' && t.kind !== 'union') || t.fields === null) return null;
  for (const f of t.fields) {
    if (f.name === name) return { type: f.type, offset: f.offset };
    if (f.name === null) {
      const inner = findField(f.type, name);
      if (inner !== null) return { type: inner.type, offset: f.offset + inner.offset };
    }
  }
  return null;
}

function offsetOf(t: CType, path: Designator[], scope: Scope): number | null {
  let off = 0;
  let cur = t;
  for (const d of path) {
    if ('field' in d) {
      const f = findField(cur, d.field);
      if (f === null) return null;
      off += f.offset;
      cur = f.type;
    } else {
      if (cur.kind !== 'array') return null;
      const i = evalConst(d.index, scope);
      if (i === null) return null;
      off += Number(i) * sizeOf(cur.of);
      cur = cur.of;
    }
  }
  return off;
}

/** The offset in `&((T *)0)->a.b`, the classic hand-written offsetof. */
function addressOffset(e: Expr, scope: Scope): number | null {
  if (e.k === 'member') {
    const objType = typeOfExpr(e.obj, scope);
    const struct = e.arrow ? (objType?.kind === 'pointer' ? objType.to : null) : objType;
    if (struct === null) return null;
    const f = findField(struct, e.name);
    if (f === null) return null;
    const base = e.arrow ? evalConst(e.obj, scope) : addressOffset(e.obj, scope);
    return base === null ? null : Number(base) + f.offset;
  }
  return null;
}

/** The type of an expression, as far as sizeof needs it in constant expressions; null if unknown. */
export function typeOfExpr(e: Expr, scope: Scope): CType | null {
  switch (e.k) {
    case 'int':
    case 'float':
      return e.type;
    case 'string':
      return { kind: 'array', of: T.char, length: e.bytes.length + 1 };
    case 'ident': {
      const b = scope.lookup(e.name);
      return b?.k === 'var' ? b.type : b?.k === 'enum' ? T.int : null;
    }
    case 'member': {
      const o = typeOfExpr(e.obj, scope);
      const s = e.arrow ? (o?.kind === 'pointer' || o?.kind === 'array' ? elem(o) : null) : o;
      return s === null ? null : (findField(s, e.name)?.type ?? null);
    }
    case 'index':
    case 'unary': {
      if (e.k === 'unary' && e.op !== '*') {
        const a = typeOfExpr(e.arg, scope);
        if (e.op === '&') return a === null ? null : { kind: 'pointer', to: a };
        if (e.op === '!') return T.int;
        return a !== null && a.kind === 'int' && a.size < 4 ? T.int : a;
      }
      const o = typeOfExpr(e.k === 'index' ? e.obj : e.arg, scope);
      return o === null ? null : elem(o);
    }
    case 'cast':
      return e.to;
    case 'compound':
      return e.type;
    case 'sizeofType':
    case 'sizeofExpr':
    case 'offsetof':
      return T.ulong;
    case 'call': {
      const f = typeOfExpr(e.callee, scope);
      const fn = f?.kind === 'pointer' ? f.to : f;
      return fn?.kind === 'function' ? fn.ret : null;
    }
    case 'assign':
      return typeOfExpr(e.target, scope);
    case 'cond':
      return typeOfExpr(e.then, scope);
    case 'binary':
      return binaryType(e.op, typeOfExpr(e.left, scope), typeOfExpr(e.right, scope));
    default:
      return null;
  }
}

function elem(t: CType): CType | null {
  return t.kind === 'pointer' ? t.to : t.kind === 'array' ? t.of : null;
}

function binaryType(op: string, a: CType | null, b: CType | null): CType | null {
  if (op === ',') return b;
  if (/^(<|>|<=|>=|==|!=|&&|\|\|)$/.test(op)) return T.int;
  if (a === null || b === null) return null;
  if (a.kind === 'pointer' || a.kind === 'array')
    return op === '-' && b.kind !== 'int' ? T.long : elemPointer(a);
  if (b.kind === 'pointer' || b.kind === 'array') return elemPointer(b);
  if (a.kind === 'float' || b.kind === 'float')
    return a.kind === 'float' && (b.kind !== 'float' || a.size >= b.size) ? a : b;
  if (a.kind !== 'int' || b.kind !== 'int') return null;
  const pa = a.size < 4 ? T.int : a;
  const pb = b.size < 4 ? T.int : b;
  if (op === '<<' || op === '>>') return pa;
  if (pa.kind !== 'int' || pb.kind !== 'int') return null;
  if (pa.size === pb.size) return pa.signed ? pb : pa;
  return pa.size > pb.size ? pa : pb;
}

function elemPointer(t: CType): CType {
  return t.kind === 'array' ? { kind: 'pointer', to: t.of } : t;
}
