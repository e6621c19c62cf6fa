/** Type rules of C the compiler needs: decay, promotions, conversions, compatibility. */
import { type CType, sizeOf, T } from '../ast';
import { Kind } from '../vm/ops';

export type FuncType = Extract<CType, { kind: 'function' }>;
export type RecordType = Extract<CType, { kind: 'struct' | 'union' }>;

export const isInt = (t: CType): t is Extract<CType, { kind: 'int' }> => t.kind === 'int';
export const isFloat = (t: CType): boolean => t.kind === 'float';
export const isArith = (t: CType): boolean => t.kind === 'int' || t.kind === 'float';
export const isPtr = (t: CType): t is Extract<CType, { kind: 'pointer' }> => t.kind === 'pointer';
export const isRecord = (t: CType): t is RecordType => t.kind === 'struct' || t.kind === 'union';
export const isScalar = (t: CType): boolean => isArith(t) || isPtr(t);

/** Arrays become pointers to their first element, functions pointers to themselves. */
export function decay(t: CType): CType {
  if (t.kind === 'array') return { kind: 'pointer', to: t.of };
  if (t.kind === 'function') return { kind: 'pointer', to: t };
  return t;
}

/** Integer promotion: anything narrower than int becomes int. */
export function promote(t: CType): CType {
  if (t.kind === 'int' && t.size < 4) return T.int;
  return t;
}

/** The usual arithmetic conversions of two operand types. */
export function arith(a: CType, b: CType): CType {
  if (a.kind === 'float' || b.kind === 'float') {
    const sa = a.kind === 'float' ? a.size : 0;
    const sb = b.kind === 'float' ? b.size : 0;
    return sa >= sb ? a : b;
  }
  const pa = promote(a) as Extract<CType, { kind: 'int' }>;
  const pb = promote(b) as Extract<CType, { kind: 'int' }>;
  if (pa.size !== pb.size) return pa.size > pb.size ? pa : pb;
  if (!pa.signed) return pa;
  return pb;
}

/** The size a pointer to this type steps by (1 for void and functions, as gcc allows). */
export function stride(t: CType): number {
  if (t.kind !== 'pointer') return 1;
  const n = sizeOf(t.to);
  return n > 0 ? n : 1;
}

/** A readable spelling of a type, for error messages: "struct sockaddr_un *". */
export function typeName(t: CType): string {
  switch (t.kind) {
    case 'void':
      return 'void';
    case 'int':
    case 'float':
      return t.name;
    case 'pointer':
      return t.to.kind === 'function' ? `${typeName(t.to.ret)} (*)(...)` : `${typeName(t.to)} *`;
    case 'array':
      return `${typeName(t.of)}[${t.length ?? ''}]`;
    case 'struct':
    case 'union':
      return `${t.kind} ${t.tag ?? '<anonymous>'}`;
    case 'function':
      return `${typeName(t.ret)} (...)`;
  }
}

/** Whether a value of type `from` may be assigned to `to` without a cast (loosely, as C compilers warn). */
export function assignable(to: CType, from: CType): boolean {
  const f = decay(from);
  if (isArith(to) && isArith(f)) return true;
  if (isPtr(to) && (isPtr(f) || isInt(f))) return true;
  if (isInt(to) && isPtr(f)) return true;
  if (isRecord(to) && isRecord(f)) return to === f || (to.tag !== null && to.tag === f.tag);
  return to.kind === f.kind;
}

/** The Wrap operand for an integer type: size * 2 + signed. */
export function wrapCode(t: Extract<CType, { kind: 'int' }>): number {
  return t.size * 2 + (t.signed ? 1 : 0);
}

/** The memory kind a scalar type loads and stores as. */
export function kindOf(t: CType): Kind {
  if (t.kind === 'pointer') return Kind.U64;
  if (t.kind === 'float') return t.size === 4 ? Kind.F32 : Kind.F64;
  if (t.kind === 'int') {
    switch (t.size) {
      case 1:
        return t.signed ? Kind.I8 : Kind.U8;
      case 2:
        return t.signed ? Kind.I16 : Kind.U16;
      case 4:
        return t.signed ? Kind.I32 : Kind.U32;
      default:
        return t.signed ? Kind.I64 : Kind.U64;
    }
  }
  return Kind.U64;
}
