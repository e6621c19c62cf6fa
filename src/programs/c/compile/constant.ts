/**
 * Constant expressions the compiler evaluates itself (static initializers, case labels, array
 * designators), typed as C types them: integer arithmetic is exact to 64 bits and wraps to the
 * expression's type, floating arithmetic is double arithmetic, and casts convert.
 */
import { type CType, type Expr, sizeOf, T } from '../ast';
import { CompileError } from './context';
import { arith, isFloat, isInt, isPtr, promote } from './ctypes';
import type { Gen } from './expr';
import { typeOf } from './expr';
import { offsetOfPath } from './members';

/** A constant: an integer (or null pointer) as its mathematical value, or a double. */
export type Constant = { t: CType; v: bigint } | { t: CType; f: number };

/** An integer cut to a type's width and signedness (pointers are 64-bit unsigned). */
function wrapTo(v: bigint, t: CType): bigint {
  if (t.kind === 'int' && t.name === '_Bool') return v !== 0n ? 1n : 0n;
  if (t.kind === 'int') return t.signed ? BigInt.asIntN(t.size * 8, v) : BigInt.asUintN(t.size * 8, v);
  return BigInt.asUintN(64, v);
}

/** A constant converted to a scalar type, or null when C would not convert it here. */
function convert(c: Constant, t: CType): Constant | null {
  if (isFloat(t)) {
    const f = 'f' in c ? c.f : Number(c.v);
    return { t, f: t.kind === 'float' && t.size === 4 ? Math.fround(f) : f };
  }
  if (!isInt(t) && !isPtr(t)) return null;
  if ('f' in c) return Number.isFinite(c.f) ? { t, v: wrapTo(BigInt(Math.trunc(c.f)), t) } : null;
  return { t, v: wrapTo(c.v, t) };
}

const asBool = (c: Constant): boolean => ('f' in c ? c.f !== 0 : c.v !== 0n);
const truth = (b: boolean): Constant => ({ t: T.int, v: b ? 1n : 0n });

function unary(op: string, a: Constant): Constant | null {
  if (op === '!') return truth(!asBool(a));
  if (!isInt(a.t) && !isFloat(a.t)) return null;
  const pa = convert(a, promote(a.t));
  if (pa === null) return null;
  if ('f' in pa) return op === '-' ? { t: pa.t, f: -pa.f } : op === '+' ? pa : null;
  if (op === '-') return { t: pa.t, v: wrapTo(-pa.v, pa.t) };
  if (op === '~') return { t: pa.t, v: wrapTo(~pa.v, pa.t) };
  return op === '+' ? pa : null;
}

function compare(op: string, x: number | bigint, y: number | bigint): Constant | null {
  switch (op) {
    case '<':
      return truth(x < y);
    case '>':
      return truth(x > y);
    case '<=':
      return truth(x <= y);
    case '>=':
      return truth(x >= y);
    case '==':
      return truth(x === y);
    case '!=':
      return truth(x !== y);
    default:
      return null;
  }
}

function binary(op: string, a: Constant, b: Constant): Constant | null {
  if (!(isInt(a.t) || isFloat(a.t)) || !(isInt(b.t) || isFloat(b.t))) return null;
  if (op === '<<' || op === '>>') {
    const x = convert(a, promote(a.t));
    if (x === null || 'f' in x || 'f' in b) return null;
    const n = BigInt(Number(b.v & 63n));
    return { t: x.t, v: wrapTo(op === '<<' ? x.v << n : x.v >> n, x.t) };
  }
  const ct = arith(a.t, b.t);
  const x = convert(a, ct);
  const y = convert(b, ct);
  if (x === null || y === null) return null;
  if ('f' in x || 'f' in y) {
    const p = 'f' in x ? x.f : Number(x.v);
    const q = 'f' in y ? y.f : Number(y.v);
    const r = op === '+' ? p + q : op === '-' ? p - q : op === '*' ? p * q : op === '/' ? p / q : null;
    return r === null ? compare(op, p, q) : convert({ t: T.double, f: r }, ct);
  }
  const [p, q] = [x.v, y.v];
  switch (op) {
    case '+':
      return { t: ct, v: wrapTo(p + q, ct) };
    case '-':
      return { t: ct, v: wrapTo(p - q, ct) };
    case '*':
      return { t: ct, v: wrapTo(p * q, ct) };
    case '/':
      return q === 0n ? null : { t: ct, v: wrapTo(p / q, ct) };
    case '%':
      return q === 0n ? null : { t: ct, v: wrapTo(p % q, ct) };
    case '&':
      return { t: ct, v: wrapTo(p & q, ct) };
    case '|':
      return { t: ct, v: wrapTo(p | q, ct) };
    case '^':
      return { t: ct, v: wrapTo(p ^ q, ct) };
    default:
      return compare(op, p, q);
  }
}

/** The value of an arithmetic constant expression, or null when it is not one (addresses are not). */
export function constant(g: Gen, e: Expr): Constant | null {
  switch (e.k) {
    case 'int':
      return { t: e.type, v: e.value };
    case 'float':
      return { t: e.type, f: e.value };
    case 'unary': {
      const a = constant(g, e.arg);
      return a === null ? null : unary(e.op, a);
    }
    case 'binary': {
      const a = constant(g, e.left);
      if (a === null) return null;
      if (e.op === '&&' && !asBool(a)) return truth(false);
      if (e.op === '||' && asBool(a)) return truth(true);
      const b = constant(g, e.right);
      if (b === null) return null;
      if (e.op === '&&' || e.op === '||') return truth(asBool(b));
      if (e.op === ',') return b;
      return binary(e.op, a, b);
    }
    case 'cond': {
      const test = constant(g, e.test);
      const a = constant(g, e.then);
      const b = constant(g, e.else);
      if (test === null || a === null || b === null) return null;
      const both = (isInt(a.t) || isFloat(a.t)) && (isInt(b.t) || isFloat(b.t));
      const chosen = asBool(test) ? a : b;
      return both ? convert(chosen, arith(a.t, b.t)) : chosen;
    }
    case 'cast': {
      const a = constant(g, e.arg);
      return a === null ? null : convert(a, e.to);
    }
    case 'sizeofType':
      return { t: T.ulong, v: BigInt(sizeOf(e.of)) };
    case 'sizeofExpr':
      return { t: T.ulong, v: BigInt(sizeOf(typeOf(g, e.arg))) };
    case 'offsetof':
      return { t: T.ulong, v: BigInt(offsetOfPath(g, e.of, e.path, e.pos)) };
    default:
      return null;
  }
}

/** A constant converted to the type of the object it initializes, or null when it is not one. */
export function constantAs(g: Gen, e: Expr, t: CType): Constant | null {
  const c = constant(g, e);
  return c === null ? null : convert(c, t);
}

/** A constant as the VM holds it: a double, or an integer in two's complement (see vm/ops.ts). */
export function constValue(g: Gen, e: Expr): number | null {
  const c = constant(g, e);
  if (c === null) return null;
  return 'f' in c ? c.f : Number(BigInt.asIntN(64, c.v));
}

/** Evaluates an integer constant expression at compile time. */
export function constInt(g: Gen, e: Expr): number {
  const c = constant(g, e);
  if (c === null || 'f' in c) throw new CompileError('expression is not an integer constant', e.pos);
  return Number(BigInt.asIntN(64, c.v));
}
