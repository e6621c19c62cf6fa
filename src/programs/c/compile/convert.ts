/** Emitting loads, stores and conversions between types. */
import type { CType } from '../ast';
import { Kind, Op } from '../vm/ops';
import type { FuncContext } from './context';
import { isFloat, isInt, isPtr, kindOf, wrapCode } from './ctypes';

/** Whether an expression of this type is used through its address (arrays, functions, structs). */
export function byAddress(t: CType): boolean {
  return t.kind === 'array' || t.kind === 'function' || t.kind === 'struct' || t.kind === 'union';
}

/** Replaces the address on top with the value it holds. */
export function emitLoad(f: FuncContext, t: CType): void {
  if (byAddress(t)) return;
  switch (kindOf(t)) {
    case Kind.I8:
      f.emit(Op.LoadI8);
      return;
    case Kind.U8:
      f.emit(Op.LoadU8);
      return;
    case Kind.I16:
      f.emit(Op.LoadI16);
      return;
    case Kind.U16:
      f.emit(Op.LoadU16);
      return;
    case Kind.I32:
      f.emit(Op.LoadI32);
      return;
    case Kind.U32:
      f.emit(Op.LoadU32);
      return;
    case Kind.I64:
      f.emit(Op.LoadI64);
      return;
    case Kind.U64:
      f.emit(Op.LoadU64);
      return;
    case Kind.F32:
      f.emit(Op.LoadF32);
      return;
    case Kind.F64:
      f.emit(Op.LoadF64);
      return;
  }
}

/** Stores the value on top at the address below it; leaves the value. */
export function emitStore(f: FuncContext, t: CType): void {
  switch (kindOf(t)) {
    case Kind.I8:
    case Kind.U8:
      f.emit(Op.StoreI8);
      return;
    case Kind.I16:
    case Kind.U16:
      f.emit(Op.StoreI16);
      return;
    case Kind.I32:
    case Kind.U32:
      f.emit(Op.StoreI32);
      return;
    case Kind.F32:
      f.emit(Op.StoreF32);
      return;
    case Kind.F64:
      f.emit(Op.StoreF64);
      return;
    default:
      f.emit(Op.StoreI64);
  }
}

/** Converts the value on top from one scalar type to another, as C's implicit and explicit conversions do. */
export function emitConvert(f: FuncContext, from: CType, to: CType): void {
  if (to.kind === 'void') return;
  if (to.kind === 'int' && to.name === '_Bool') {
    f.emit(Op.Const, 0, Op.Ne);
    return;
  }
  if (isInt(to)) {
    if (isFloat(from)) {
      f.emit(Op.FToI);
      f.emit(Op.Wrap, wrapCode(to));
      return;
    }
    const fsize = isInt(from) ? from.size : isPtr(from) ? 8 : 8;
    const fsigned = isInt(from) ? from.signed : false;
    if (
      to.size < fsize ||
      (to.size === fsize && to.signed !== fsigned) ||
      (to.size > fsize && !to.signed && fsigned)
    ) {
      f.emit(Op.Wrap, wrapCode(to));
    }
    return;
  }
  if (to.kind === 'float') {
    if (isInt(from) && !from.signed && from.size === 8) f.emit(Op.U64D);
    if (to.size === 4 && !(from.kind === 'float' && from.size === 4)) f.emit(Op.ToF32);
    return;
  }
  if (isPtr(to) && isFloat(from)) f.emit(Op.FToI);
}
