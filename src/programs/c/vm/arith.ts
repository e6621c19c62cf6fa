/**
 * The VM's helpers for single opcodes, outside the hot loop in vm.ts: wrapping to an integer
 * width, 64-bit integer arithmetic through BigInt where a double is not exact, and loads and
 * stores by memory kind. See ops.ts for how values are held.
 */
import type { Memory } from './memory';
import { Kind } from './ops';

const TWO63 = 2 ** 63;

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

/** A signed 64-bit value as a BigInt (a positive 2^63 is LONG_MAX, see ops.ts). */
export function sbig(v: number): bigint {
  return v === TWO63 ? 9223372036854775807n : BigInt.asIntN(64, BigInt(Math.trunc(v)));
}

/** An unsigned 64-bit value (held in two's complement) as a BigInt. */
export function ubig(v: number): bigint {
  return BigInt.asUintN(64, sbig(v));
}

/** Bitwise and/or/xor of integers that may be wider than 32 bits. */
export function bitop(a: number, b: number, which: number): number {
  if (a >= -2147483648 && a <= 4294967295 && b >= -2147483648 && b <= 4294967295 && a >= 0 === b >= 0) {
    const r = which === 0 ? a & b : which === 1 ? a | b : a ^ b;
    return a >= 0 && b >= 0 ? r >>> 0 : r;
  }
  const x = sbig(a);
  const y = sbig(b);
  const r = which === 0 ? x & y : which === 1 ? x | y : x ^ y;
  return Number(a < 0 || b < 0 ? r : BigInt.asUintN(64, r));
}

/** Stores a value of a memory kind (a Store or PreInc/PostInc operand) at an address. */
export function store(m: Memory, addr: number, kind: Kind, v: number): void {
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

/** Loads a value of a memory kind (a Load or PreInc/PostInc operand) from an address. */
export function load(m: Memory, addr: number, kind: Kind): number {
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
