/**
 * Initializers: for locals they become code (zero the object, then store each element); for
 * globals and static locals they are evaluated at compile time into the data image. Designators
 * and brace elision follow C99.
 */
import { type CType, type Expr, type Initializer, type Pos, sizeOf } from '../ast';
import { DATA_BASE } from '../vm/memory';
import { Op } from '../vm/ops';
import { constantAs, constInt, constValue } from './constant';
import { CompileError, funcAddr } from './context';
import { emitStore } from './convert';
import { decay, isFloat, isRecord, isScalar } from './ctypes';
import { compileAs, type Gen, typeOf } from './expr';
import { findField } from './members';

/** What to do with each piece of an initializer. */
interface Sink {
  scalar(offset: number, type: CType, e: Expr): void;
  string(offset: number, type: Extract<CType, { kind: 'array' }>, bytes: Uint8Array): void;
  record(offset: number, type: CType, e: Expr): void;
}

function isCharArray(t: CType): t is Extract<CType, { kind: 'array' }> {
  return t.kind === 'array' && t.of.kind === 'int' && t.of.size === 1;
}

/** The members of an aggregate in order: [offset, type]. */
function members(t: CType): { offset: number; type: CType; name: string | null }[] {
  if (t.kind === 'array') {
    const n = t.length ?? 0;
    const size = sizeOf(t.of);
    return Array.from({ length: n }, (_, i) => ({ offset: i * size, type: t.of, name: null }));
  }
  if (isRecord(t)) {
    const fs = t.fields ?? [];
    return t.kind === 'union' ? fs.slice(0, 1) : fs;
  }
  return [];
}

/** Walks a braced list over an aggregate, calling the sink for each leaf. */
function walkList(
  g: Gen,
  t: CType,
  base: number,
  init: Extract<Initializer, { k: 'list' }>,
  sink: Sink,
): void {
  const items = init.items;
  let i = 0;
  let cursor = 0;
  const ms = members(t);
  while (i < items.length) {
    const item = items[i];
    let target = cursor;
    let sub: { offset: number; type: CType } | null = null;
    if (item.designators.length > 0) {
      let off = 0;
      let cur = t;
      item.designators.forEach((d, n) => {
        if ('field' in d) {
          if (!isRecord(cur))
            throw new CompileError(`field name not in record or union initializer`, init.pos);
          const f = findField(cur, d.field);
          if (!f) throw new CompileError(`unknown field '${d.field}' specified in initializer`, init.pos);
          if (n === 0) target = (cur.fields ?? []).findIndex((m) => m.name === d.field);
          off += f.offset;
          cur = f.type;
        } else {
          if (cur.kind !== 'array') throw new CompileError('array index in non-array initializer', init.pos);
          const idx = constInt(g, d.index);
          if (n === 0) target = idx;
          off += idx * sizeOf(cur.of);
          cur = cur.of;
        }
      });
      sub = { offset: off, type: cur };
    } else {
      if (target >= ms.length) {
        g.p.warn('excess elements in initializer', init.pos);
        return;
      }
      sub = ms[target];
    }
    const consumed = walkItem(g, sub.type, base + sub.offset, items, i, sink);
    i += consumed;
    cursor = target + 1;
  }
}

/** Initializes one member from items[i..]; returns how many items it used (brace elision). */
function walkItem(
  g: Gen,
  t: CType,
  base: number,
  items: Extract<Initializer, { k: 'list' }>['items'],
  i: number,
  sink: Sink,
): number {
  const init = items[i].init;
  if (init.k === 'list') {
    walk(g, t, base, init, sink);
    return 1;
  }
  const e = init.expr;
  if (isScalar(t)) {
    sink.scalar(base, t, e);
    return 1;
  }
  if (isCharArray(t) && e.k === 'string') {
    sink.string(base, t, e.bytes);
    return 1;
  }
  if (isRecord(t) && isRecord(decay(typeOf(g, e)))) {
    sink.record(base, t, e);
    return 1;
  }
  // Brace elision: the aggregate takes as many of the following items as it has leaves.
  const ms = members(t);
  let used = 0;
  for (const m of ms) {
    if (i + used >= items.length || items[i + used].designators.length > 0) break;
    used += walkItem(g, m.type, base + m.offset, items, i + used, sink);
  }
  return Math.max(used, 1);
}

/** Walks any initializer for an object of type t at `base`. */
function walk(g: Gen, t: CType, base: number, init: Initializer, sink: Sink): void {
  if (init.k === 'list') {
    if (isScalar(t)) {
      const first = init.items[0];
      if (first && first.init.k === 'expr') sink.scalar(base, t, first.init.expr);
      return;
    }
    if (
      isCharArray(t) &&
      init.items.length === 1 &&
      init.items[0].init.k === 'expr' &&
      init.items[0].init.expr.k === 'string'
    ) {
      sink.string(base, t, init.items[0].init.expr.bytes);
      return;
    }
    walkList(g, t, base, init, sink);
    return;
  }
  walkItem(g, t, base, [{ designators: [], init }], 0, sink);
}

/** Emits code that initializes a local object; `addr` emits its address. */
export function compileInitializer(g: Gen, t: CType, init: Initializer, addr: () => void): void {
  const f = g.f;
  if (!isScalar(t)) {
    addr();
    f.emit(Op.Zero, sizeOf(t));
  }
  const at = (offset: number) => {
    addr();
    if (offset !== 0) f.emit(Op.Const, offset, Op.Add);
  };
  walk(g, t, 0, init, {
    scalar(offset, type, e) {
      at(offset);
      compileAs(g, e, type);
      emitStore(f, type);
      f.emit(Op.Pop);
    },
    string(offset, type, bytes) {
      at(offset);
      const n = type.length === null ? bytes.length + 1 : Math.min(type.length, bytes.length + 1);
      const padded = new Uint8Array(n);
      padded.set(bytes.subarray(0, n));
      g.p.strings.push(padded);
      f.emit(Op.Bytes, g.p.strings.length - 1);
    },
    record(offset, type, e) {
      at(offset);
      compileAs(g, e, type);
      f.emit(Op.Copy, sizeOf(type), Op.Pop);
    },
  });
}

/** The value of an address constant or arithmetic constant for a static initializer. */
function staticValue(g: Gen, e: Expr, pos: Pos): number {
  const v = constValue(g, e);
  if (v !== null) return v;
  switch (e.k) {
    case 'string':
      return g.p.data.string(e.bytes);
    case 'ident': {
      const sym = g.p.globals.get(e.name);
      if (sym?.kind === 'global') return sym.addr;
      if (g.defined.has(e.name)) return funcAddr(g.p.funcSlot(e.name));
      if (g.natives.has(e.name)) return funcAddr(0x10000 + g.p.nativeSlot(e.name));
      break;
    }
    case 'unary':
      if (e.op === '&') return staticAddress(g, e.arg, pos);
      break;
    case 'cast':
      return staticValue(g, e.arg, pos);
    case 'binary':
      if (e.op === '+' || e.op === '-') {
        const a = staticValue(g, e.left, pos);
        const b = staticValue(g, e.right, pos);
        return e.op === '+' ? a + b : a - b;
      }
      break;
    default:
      break;
  }
  throw new CompileError('initializer element is not constant', pos);
}

function staticAddress(g: Gen, e: Expr, pos: Pos): number {
  if (e.k === 'ident') return staticValue(g, e, pos);
  if (e.k === 'index') {
    const at = decay(typeOf(g, e.obj));
    const size = at.kind === 'pointer' ? sizeOf(at.to) : 1;
    return staticAddress(g, e.obj, pos) + constInt(g, e.index) * size;
  }
  if (e.k === 'member' && !e.arrow) {
    const rt = typeOf(g, e.obj);
    const f = isRecord(rt) ? findField(rt, e.name) : null;
    if (f) return staticAddress(g, e.obj, pos) + f.offset;
  }
  throw new CompileError('initializer element is not constant', pos);
}

/** Writes a static object's initial value into the data image. */
export function staticInitializer(g: Gen, t: CType, addr: number, init: Initializer): void {
  const data = g.p.data;
  walk(g, t, addr, init, {
    scalar(offset, type, e) {
      const c = constantAs(g, e, type);
      if (c !== null && 'v' in c) return data.putInt(offset, sizeOf(type), c.v);
      const v = c !== null ? c.f : staticValue(g, e, e.pos);
      data.put(offset, sizeOf(type), isFloat(type) ? v : Math.trunc(v), isFloat(type));
    },
    string(offset, type, bytes) {
      const n = type.length === null ? bytes.length + 1 : Math.min(type.length, bytes.length + 1);
      data.bytes.set(bytes.subarray(0, n), offset - DATA_BASE);
    },
    record(_offset, _type, e) {
      throw new CompileError('initializer element is not constant', e.pos);
    },
  });
}
