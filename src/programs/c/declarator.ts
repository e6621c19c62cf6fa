/**
 * Declarators: pointers, arrays, functions and the parentheses that group them, read inside out as
 * C requires (`void (*signal(int, void (*)(int)))(int)`), the parameter lists of functions,
 * prototyped or old-style, and init-declarator lists becoming typedefs or VarDecls.
 */

import type { CType, Pos, Stmt, VarDecl } from './ast';
import { evalConst } from './constEval';
import { adjustLength, parseInitializer } from './initializer';
import {
  isIncomplete,
  parseSpecs,
  type Specs,
  skipAttributes,
  startsTypeName,
  staticAssert,
  typeExpected,
} from './parseDecl';
import { parseConditional } from './parseExpr';
import type { Parser } from './parseState';

/** A function parameter, its type adjusted (arrays and functions become pointers). */
export interface Param {
  name: string | null;
  type: CType;
  pos: Pos;
}

/** A parsed declarator applied to its base type. */
export interface Declarator {
  name: string | null;
  pos: Pos;
  type: CType;
  /** The parameters of the function the name declares, when it declares one with a prototype. */
  params: Param[] | null;
  /** The identifier list of an old-style function declarator (`f(a, b)`, or empty for `f()`). */
  knr: { name: string; pos: Pos }[] | null;
}

type Suffix =
  | { k: 'array'; length: number | null; pos: Pos }
  | { k: 'fn'; params: Param[] | null; variadic: boolean; knr: { name: string; pos: Pos }[] | null };

interface Raw {
  name: string | null;
  pos: Pos;
  pointers: number;
  inner: Raw | null;
  suffixes: Suffix[];
}

/** Which declarators are accepted: with a name, without (type names), or either (parameters). */
export type DeclaratorMode = 'named' | 'abstract' | 'either';

/** Parses a declarator and applies it to the base type. */
export function declarator(p: Parser, base: CType, mode: DeclaratorMode): Declarator {
  const raw = parseRaw(p, mode);
  const type = build(p, raw, base);
  let fn: Raw | null = raw;
  while (fn.inner !== null) fn = fn.inner;
  const first = fn.suffixes[0];
  const defining = first?.k === 'fn' && fn.name !== null ? first : null;
  return { name: raw.name, pos: raw.pos, type, params: defining?.params ?? null, knr: defining?.knr ?? null };
}

/** Parses a type name (in a cast, sizeof, offsetof or va_arg): specifiers and an abstract declarator. */
export function parseTypeName(p: Parser): CType {
  if (!startsTypeName(p)) p.fail(typeExpected(p), p.tok.pos);
  const specs = parseSpecs(p);
  if (specs.storage !== null) p.error(`storage class '${specs.storage}' in a type name`, specs.pos);
  return declarator(p, specs.type, 'abstract').type;
}

/** The type a parameter declared with type `t` really has. */
export function adjustParam(t: CType): CType {
  if (t.kind === 'array') return { kind: 'pointer', to: t.of };
  if (t.kind === 'function') return { kind: 'pointer', to: t };
  return t;
}

function skipQualifiers(p: Parser): void {
  for (;;) {
    const w = p.tok.text;
    if (p.tok.kind !== 'ident') return;
    if (w === '__attribute__' || w === '__attribute') skipAttributes(p);
    else if (
      /^(const|volatile|restrict|__restrict|__restrict__|__const|__volatile__|_Nonnull|_Nullable)$/.test(w)
    )
      p.next();
    else return;
  }
}

function parseRaw(p: Parser, mode: DeclaratorMode): Raw {
  let pointers = 0;
  while (p.accept('*')) {
    pointers++;
    skipQualifiers(p);
  }
  let name: string | null = null;
  let pos = p.tok.pos;
  let inner: Raw | null = null;
  if (mode !== 'abstract' && p.isIdent()) {
    name = p.next().text;
  } else if (p.is('(') && isNested(p)) {
    p.next();
    inner = parseRaw(p, mode);
    p.expect(')');
    name = inner.name;
    pos = inner.pos;
  } else if (mode === 'named') {
    p.fail(
      p.tok.kind === 'ident' && p.scope.isTypedef(p.tok.text)
        ? `'${p.tok.text}' names a type: expected identifier or '('`
        : `expected identifier or '(' before '${p.tok.text}'`,
      p.tok.pos,
    );
  }
  const suffixes: Suffix[] = [];
  for (;;) {
    if (p.is('[')) suffixes.push(parseArraySuffix(p));
    else if (p.is('(')) suffixes.push(parseParams(p));
    else break;
  }
  skipAttributes(p);
  return { name, pos, pointers, inner, suffixes };
}

/** At `(`: true for a parenthesised declarator, false for a parameter list. */
function isNested(p: Parser): boolean {
  const n = p.peek();
  if (n.text === ')' || n.text === '...') return false;
  return !startsTypeName(p, n) || n.text === '__attribute__';
}

function parseArraySuffix(p: Parser): Suffix {
  const pos = p.next().pos;
  while (/^(static|const|volatile|restrict|__restrict)$/.test(p.tok.text)) p.next();
  if (p.accept(']')) return { k: 'array', length: null, pos };
  if (p.is('*') && p.peek().text === ']') p.refuse('variable-length arrays', pos);
  const e = parseConditional(p);
  p.expect(']');
  const v = evalConst(e, p.scope);
  if (v === null) {
    p.unsupported('variable-length arrays', pos);
    return { k: 'array', length: 1, pos };
  }
  if (v < 0n) {
    p.error('size of array is negative', pos);
    return { k: 'array', length: 1, pos };
  }
  return { k: 'array', length: Number(v), pos };
}

function parseParams(p: Parser): Suffix {
  p.next();
  if (p.accept(')')) return { k: 'fn', params: null, variadic: false, knr: [] };
  if (p.is('void') && p.peek().text === ')') {
    p.next();
    p.next();
    return { k: 'fn', params: [], variadic: false, knr: null };
  }
  if (p.isIdent() && !p.scope.isTypedef(p.tok.text) && (p.peek().text === ',' || p.peek().text === ')')) {
    const knr: { name: string; pos: Pos }[] = [];
    do {
      const t = p.identifier();
      knr.push({ name: t.text, pos: t.pos });
    } while (p.accept(','));
    p.expect(')');
    return { k: 'fn', params: null, variadic: false, knr };
  }
  const params: Param[] = [];
  let variadic = false;
  for (;;) {
    if (p.accept('...')) {
      variadic = true;
      break;
    }
    if (!startsTypeName(p) && !p.is('register')) p.fail(typeExpected(p), p.tok.pos);
    const specs = parseSpecs(p);
    if (specs.implicit) p.warn("type defaults to 'int' in declaration of parameter", specs.pos);
    const d = declarator(p, specs.type, 'either');
    if (d.type.kind === 'void' && (params.length > 0 || !p.is(')'))) {
      p.error("'void' must be the only parameter", d.pos);
    }
    params.push({ name: d.name, type: adjustParam(d.type), pos: d.pos });
    if (!p.accept(',')) break;
  }
  p.expect(')', "expected ')' after parameters");
  return { k: 'fn', params, variadic, knr: null };
}

function build(p: Parser, raw: Raw, base: CType): CType {
  let t = base;
  for (let k = 0; k < raw.pointers; k++) t = { kind: 'pointer', to: t };
  for (let k = raw.suffixes.length - 1; k >= 0; k--) {
    const s = raw.suffixes[k];
    if (s.k === 'array') {
      if (t.kind === 'function') p.error('declaration of array of functions', s.pos);
      else if (isIncomplete(t) && t.kind !== 'struct' && t.kind !== 'union') {
        p.error('array type has incomplete element type', s.pos);
      }
      t = { kind: 'array', of: t, length: s.length };
    } else {
      if (t.kind === 'function' || t.kind === 'array') {
        p.error(`function cannot return ${t.kind === 'array' ? 'an array' : 'a function'}`, raw.pos);
      }
      t = { kind: 'function', ret: t, params: s.params?.map((q) => q.type) ?? null, variadic: s.variadic };
    }
  }
  return raw.inner === null ? t : build(p, raw.inner, t);
}

/** Warns about a declaration whose type defaults to int (K&R style), as gcc does. */
export function warnImplicit(p: Parser, specs: Specs, d: Declarator): void {
  if (!specs.implicit) return;
  const message =
    d.type.kind === 'function'
      ? `return type defaults to 'int' in declaration of '${d.name}'`
      : `type defaults to 'int' in declaration of '${d.name}'`;
  p.warn(message, d.pos);
}

/** Completes one declarator: a typedef enters the scope, anything else becomes a VarDecl. */
export function finishDeclarator(p: Parser, specs: Specs, d: Declarator, out: VarDecl[]): void {
  skipAttributes(p);
  if (p.is('asm') || p.is('__asm__') || p.is('__asm')) p.refuse('asm labels', p.tok.pos);
  const name = d.name!;
  if (specs.storage === 'typedef') {
    if (p.is('=')) p.fail(`typedef '${name}' is initialized`, p.tok.pos);
    p.scope.define(name, { k: 'typedef', type: d.type });
    return;
  }
  let type = d.type;
  let init = null;
  if (p.accept('=')) {
    init = parseInitializer(p);
    if (type.kind === 'function') p.error(`function '${name}' is initialized like a variable`, d.pos);
    type = adjustLength(p, type, init);
  }
  const storage =
    type.kind === 'function'
      ? specs.storage === 'static'
        ? 'static'
        : 'extern'
      : ((specs.storage ?? 'auto') as VarDecl['storage']);
  p.scope.define(name, { k: 'var', type });
  out.push({ k: 'var', name, type, storage, init, pos: d.pos });
}

/** Parses a declaration inside a block (the specifiers are at the current token). */
export function parseBlockDeclaration(p: Parser): Stmt {
  const pos = p.tok.pos;
  const decls: VarDecl[] = [];
  if (p.is('_Static_assert')) {
    staticAssert(p);
    return { k: 'decl', decls, pos };
  }
  const specs = parseSpecs(p);
  if (p.accept(';')) return { k: 'decl', decls, pos };
  for (;;) {
    const d = declarator(p, specs.type, 'named');
    warnImplicit(p, specs, d);
    if (d.type.kind === 'function' && p.is('{'))
      p.fail('function definitions are not allowed inside a function', d.pos);
    finishDeclarator(p, specs, d, decls);
    if (!p.accept(',')) break;
  }
  p.expectAfter(';', "expected ';' after declaration");
  return { k: 'decl', decls, pos };
}
