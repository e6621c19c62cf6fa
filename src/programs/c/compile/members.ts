/** Struct and union members: member access and offsetof. */
import { type CType, type Designator, type Expr, type Pos, sizeOf } from '../ast';
import { Op } from '../vm/ops';
import { constInt } from './constant';
import { CompileError } from './context';
import { decay, isPtr, isRecord, type RecordType, typeName } from './ctypes';
import { compileExpr, type Gen } from './expr';

/** Finds a member by name, looking into anonymous struct and union members too. */
export function findField(t: RecordType, name: string): { offset: number; type: CType } | null {
  for (const field of t.fields ?? []) {
    if (field.name === name) return { offset: field.offset, type: field.type };
    if (field.name === null && isRecord(field.type)) {
      const inner = findField(field.type, name);
      if (inner) return { offset: field.offset + inner.offset, type: inner.type };
    }
  }
  return null;
}

function record(t: CType, name: string, pos: Pos, arrow: boolean): RecordType {
  if (!isRecord(t)) {
    throw new CompileError(
      arrow
        ? `invalid type argument of '->' (have '${typeName(t)}')`
        : `request for member '${name}' in something not a structure or union`,
      pos,
    );
  }
  if (!t.fields) throw new CompileError(`dereferencing pointer to incomplete type '${typeName(t)}'`, pos);
  return t;
}

/** Pushes the address of `obj.name` or `obj->name`; returns the member's type. */
export function memberOf(g: Gen, e: Extract<Expr, { k: 'member' }>): CType {
  let rt: CType;
  if (e.arrow) {
    const t = decay(compileExpr(g, e.obj, 'value'));
    rt = isPtr(t) ? t.to : t;
    if (!isPtr(t)) throw new CompileError(`invalid type argument of '->' (have '${typeName(t)}')`, e.pos);
  } else {
    rt = compileExpr(g, e.obj, 'addr');
  }
  const r = record(rt, e.name, e.pos, e.arrow);
  const f = findField(r, e.name);
  if (!f) throw new CompileError(`'${typeName(r)}' has no member named '${e.name}'`, e.pos);
  if (f.offset !== 0) g.f.emit(Op.Const, f.offset, Op.Add);
  return f.type;
}

/** The byte offset of a member path in a type (offsetof). */
export function offsetOfPath(g: Gen, t: CType, path: Designator[], pos: Pos): number {
  let off = 0;
  let cur = t;
  for (const d of path) {
    if ('field' in d) {
      const r = record(cur, d.field, pos, false);
      const f = findField(r, d.field);
      if (!f) throw new CompileError(`'${typeName(r)}' has no member named '${d.field}'`, pos);
      off += f.offset;
      cur = f.type;
    } else {
      if (cur.kind !== 'array') throw new CompileError('subscripted value is not an array', pos);
      off += constInt(g, d.index) * sizeOf(cur.of);
      cur = cur.of;
    }
  }
  return off;
}
