/**
 * The bytecode: a stack machine. Each function is an array of numbers, ops followed by their
 * inline operands. Values on the operand stack are numbers: integers (64-bit ones exact below
 * 2^53), doubles, and addresses. An unsigned 64-bit value is held in two's complement like a
 * signed one (2^64 - 8 is -8), so masks such as ~(size_t)7 stay exact; comparisons, division,
 * right shifts and conversion to double reinterpret it. A double has no 2^63 - 1: LONG_MAX is
 * held as a positive 2^63 (which no wrapped value is otherwise: 2^63 itself is held as -2^63),
 * and stores and printf give it back as 2^63 - 1.
 */
export enum Op {
  /** push operand */
  Const = 1,
  Pop,
  Dup,
  /** push bp + operand (a local's address) */
  Local,
  /** load a value of a width from the address on top */
  LoadI8,
  LoadU8,
  LoadI16,
  LoadU16,
  LoadI32,
  LoadU32,
  LoadI64,
  LoadU64,
  LoadF32,
  LoadF64,
  /** store: pops value then address; pushes the value back (an assignment's value) */
  StoreI8,
  StoreI16,
  StoreI32,
  StoreI64,
  StoreF32,
  StoreF64,
  /** copies operand bytes: pops src then dst; pushes dst */
  Copy,
  Add,
  Sub,
  Mul,
  /** signed division and remainder: operand the width in bytes (4 or 8), for the overflow of MIN / -1 */
  DivS,
  DivU,
  ModS,
  ModU,
  Shl,
  ShrS,
  ShrU,
  And,
  Or,
  Xor,
  Neg,
  Not,
  BitNot,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  FDiv,
  /** wrap to an integer width: operand = size * 2 + (signed ? 1 : 0) */
  Wrap,
  /** double to integer (truncating toward zero) */
  FToI,
  /** round to float precision */
  ToF32,
  Jmp,
  /** jump if the popped value is zero / non-zero */
  Jz,
  Jnz,
  /** call function index (operand 1) with argc (operand 2); the arguments are on the stack last first */
  Call,
  /** call through a pointer: pops the address; operand argc */
  CallPtr,
  /** call a native: operand index, argc */
  Native,
  Ret,
  RetVoid,
  /** a statement starts: operand line */
  Stmt,
  /** swap the two top values */
  Swap,
  /** the address of the current call's variadic arguments */
  VaStart,
  /** switch: pops a value; operands: count, then (value, target) pairs, then default target */
  Switch,
  /** no operation (a jump target placeholder) */
  Nop,
  /** generic load/store by memory kind (operand: Kind) */
  Load,
  Store,
  /** ++/-- on the address on top: operands kind, delta, wrap code; pushes the new (Pre) or old (Post) value */
  PreInc,
  PostInc,
  /** fills operand bytes at the popped address with zeros (keeps nothing on the stack) */
  Zero,
  /** va_arg: pops the address of a va_list; operand kind; pushes the argument and advances the list */
  VaArg,
  /** copies the return value of a struct-returning call into a frame slot: operands offset, size */
  SaveRet,
  /** integer to double of an unsigned 64-bit value stays as is; double to unsigned: operand size */
  FToU,
  /** writes a byte string into memory: operands address-on-stack consumed, string index */
  Bytes,
  /** an unsigned 64-bit value as a number for comparing or converting to double (see Wrap) */
  U64D,
  /** floating-point multiplication (Mul is the integer one, exact to 64 bits) */
  FMul,
  /** integer multiplication of int-sized operands: the low 32 bits (as imul), exact where Mul's double is not */
  Mul32,
}

/** Memory kinds for Load, Store, PreInc, PostInc and VaArg. */
export enum Kind {
  I8 = 1,
  U8,
  I16,
  U16,
  I32,
  U32,
  I64,
  U64,
  F32,
  F64,
}
