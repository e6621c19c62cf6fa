/**
 * The C abstract syntax tree: what the parser produces and the compiler consumes. Types are
 * resolved while parsing (typedef names must be known to parse C anyway) and struct layouts are
 * those of Linux x86-64 (LP64); expressions are not yet typed (the compiler does that).
 */

/** Where something is in the user's source: 1-based line and column. */
export interface Pos {
  file: string;
  line: number;
  col: number;
}

/** A message about the source, at a position. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  pos: Pos;
}

/** A struct or union member, with its byte offset (bit-fields are not supported). */
export interface Field {
  name: string | null;
  type: CType;
  offset: number;
}

/** A C type, laid out as on Linux x86-64 (char 1, short 2, int 4, long 8, pointers 8). */
export type CType =
  | { kind: 'void' }
  /** char, signed/unsigned char, short, int, long, long long, _Bool (size 1, unsigned), enums (int). */
  | { kind: 'int'; size: 1 | 2 | 4 | 8; signed: boolean; name: string }
  | { kind: 'float'; size: 4 | 8 | 16; name: string }
  | { kind: 'pointer'; to: CType }
  /** length null: an array of unknown size (a parameter, or `extern int a[]`). */
  | { kind: 'array'; of: CType; length: number | null }
  /**
   * fields null: declared but not (yet) defined. The same object is shared by every mention of
   * the tag in its scope and completed in place when the definition appears.
   */
  | { kind: 'struct' | 'union'; tag: string | null; fields: Field[] | null; size: number; align: number }
  /** params null: no prototype (`int f()` or a K&R definition): any arguments are accepted. */
  | { kind: 'function'; ret: CType; params: CType[] | null; variadic: boolean };

/** An initializer: one expression, or a braced list with optional designators. */
export type Initializer =
  | { k: 'expr'; expr: Expr; pos: Pos }
  | { k: 'list'; items: { designators: Designator[]; init: Initializer }[]; pos: Pos };

/** `.field` or `[index]` in a designated initializer. */
export type Designator = { field: string } | { index: Expr };

export type UnaryOp = '-' | '+' | '!' | '~' | '*' | '&' | 'pre++' | 'pre--' | 'post++' | 'post--';
export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '<<'
  | '>>'
  | '<'
  | '>'
  | '<='
  | '>='
  | '=='
  | '!='
  | '&'
  | '|'
  | '^'
  | '&&'
  | '||'
  | ',';
export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '<<=' | '>>=' | '&=' | '|=' | '^=';

export type Expr =
  /** An integer constant (or a character constant) with the type C gives it (int, long, unsigned...). */
  | { k: 'int'; value: bigint; type: CType; pos: Pos }
  | { k: 'float'; value: number; type: CType; pos: Pos }
  /** A string literal (adjacent literals already joined), without its final NUL. */
  | { k: 'string'; bytes: Uint8Array; pos: Pos }
  | { k: 'ident'; name: string; pos: Pos }
  | { k: 'unary'; op: UnaryOp; arg: Expr; pos: Pos }
  | { k: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: Pos }
  | { k: 'assign'; op: AssignOp; target: Expr; value: Expr; pos: Pos }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr; pos: Pos }
  | { k: 'call'; callee: Expr; args: Expr[]; pos: Pos }
  | { k: 'member'; obj: Expr; name: string; arrow: boolean; pos: Pos }
  | { k: 'index'; obj: Expr; index: Expr; pos: Pos }
  | { k: 'cast'; to: CType; arg: Expr; pos: Pos }
  | { k: 'sizeofType'; of: CType; pos: Pos }
  | { k: 'sizeofExpr'; arg: Expr; pos: Pos }
  /** offsetof(type, member.path[3]) (the headers define offsetof as __builtin_offsetof). */
  | { k: 'offsetof'; of: CType; path: Designator[]; pos: Pos }
  /** A compound literal `(struct sockaddr_un){ ... }`. */
  | { k: 'compound'; type: CType; init: Initializer; pos: Pos }
  /** va_arg(ap, type) (the headers define it as __builtin_va_arg). */
  | { k: 'vaArg'; list: Expr; type: CType; pos: Pos };

/** A declared object: a variable (global, local or static local) or a function declaration. */
export interface VarDecl {
  k: 'var';
  name: string;
  type: CType;
  storage: 'auto' | 'static' | 'extern' | 'register';
  init: Initializer | null;
  pos: Pos;
}

export type Stmt =
  | { k: 'expr'; expr: Expr; pos: Pos }
  | { k: 'decl'; decls: VarDecl[]; pos: Pos }
  | { k: 'block'; body: Stmt[]; pos: Pos }
  | { k: 'if'; test: Expr; then: Stmt; else: Stmt | null; pos: Pos }
  | { k: 'while'; test: Expr; body: Stmt; pos: Pos }
  | { k: 'doWhile'; body: Stmt; test: Expr; pos: Pos }
  /** init is a declaration or an expression statement (or null). */
  | { k: 'for'; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt; pos: Pos }
  | { k: 'switch'; test: Expr; body: Stmt; pos: Pos }
  /** `case value:` labels the statement that follows it. */
  | { k: 'case'; value: Expr; body: Stmt; pos: Pos }
  | { k: 'default'; body: Stmt; pos: Pos }
  | { k: 'break'; pos: Pos }
  | { k: 'continue'; pos: Pos }
  | { k: 'return'; value: Expr | null; pos: Pos }
  | { k: 'goto'; label: string; pos: Pos }
  | { k: 'label'; name: string; body: Stmt; pos: Pos }
  | { k: 'empty'; pos: Pos };

/** A function definition. A K&R definition has its parameter types filled in from its declarations. */
export interface FuncDef {
  k: 'func';
  name: string;
  type: Extract<CType, { kind: 'function' }>;
  params: { name: string; type: CType; pos: Pos }[];
  body: Extract<Stmt, { k: 'block' }>;
  storage: 'static' | 'extern' | null;
  /** True for an old-style definition `f(a, b) int a; char *b; { ... }`. */
  knr: boolean;
  pos: Pos;
  /** The position of the closing brace (where `return` from main without a value lands). */
  end: Pos;
}

/** One .c file after preprocessing and parsing. */
export interface TranslationUnit {
  file: string;
  /** Globals, function declarations (VarDecl with a function type) and definitions, in order. */
  decls: (VarDecl | FuncDef)[];
  diagnostics: Diagnostic[];
}

/** The size of a type in bytes (an incomplete or void type is 0; a function 1, as gcc says). */
export function sizeOf(t: CType): number {
  switch (t.kind) {
    case 'void':
      return 0;
    case 'int':
    case 'float':
      return t.size;
    case 'pointer':
      return 8;
    case 'array':
      return t.length === null ? 0 : t.length * sizeOf(t.of);
    case 'struct':
    case 'union':
      return t.size;
    case 'function':
      return 1;
  }
}

/** The alignment of a type in bytes. */
export function alignOf(t: CType): number {
  switch (t.kind) {
    case 'int':
    case 'float':
      return Math.min(t.size, 16);
    case 'pointer':
      return 8;
    case 'array':
      return alignOf(t.of);
    case 'struct':
    case 'union':
      return t.align;
    default:
      return 1;
  }
}

/** Lays out struct or union members in place (offsets, size, align), as gcc does on x86-64. */
export function layoutFields(
  t: Extract<CType, { kind: 'struct' | 'union' }>,
  members: { name: string | null; type: CType }[],
): void {
  let offset = 0;
  let align = 1;
  let size = 0;
  const fields: Field[] = [];
  for (const m of members) {
    const a = alignOf(m.type);
    align = Math.max(align, a);
    if (t.kind === 'struct') {
      offset = Math.ceil(offset / a) * a;
      fields.push({ name: m.name, type: m.type, offset });
      offset += sizeOf(m.type);
      size = offset;
    } else {
      fields.push({ name: m.name, type: m.type, offset: 0 });
      size = Math.max(size, sizeOf(m.type));
    }
  }
  t.fields = fields;
  t.align = align;
  t.size = Math.ceil(size / align) * align;
}

/** The common named types. */
export const T = {
  void: { kind: 'void' } as CType,
  char: { kind: 'int', size: 1, signed: true, name: 'char' } as CType,
  uchar: { kind: 'int', size: 1, signed: false, name: 'unsigned char' } as CType,
  short: { kind: 'int', size: 2, signed: true, name: 'short' } as CType,
  ushort: { kind: 'int', size: 2, signed: false, name: 'unsigned short' } as CType,
  int: { kind: 'int', size: 4, signed: true, name: 'int' } as CType,
  uint: { kind: 'int', size: 4, signed: false, name: 'unsigned int' } as CType,
  long: { kind: 'int', size: 8, signed: true, name: 'long' } as CType,
  ulong: { kind: 'int', size: 8, signed: false, name: 'unsigned long' } as CType,
  longlong: { kind: 'int', size: 8, signed: true, name: 'long long' } as CType,
  ulonglong: { kind: 'int', size: 8, signed: false, name: 'unsigned long long' } as CType,
  bool: { kind: 'int', size: 1, signed: false, name: '_Bool' } as CType,
  float: { kind: 'float', size: 4, name: 'float' } as CType,
  double: { kind: 'float', size: 8, name: 'double' } as CType,
} as const;
