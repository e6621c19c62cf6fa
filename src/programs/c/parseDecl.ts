/**
 * Declaration specifiers: storage classes, qualifiers (accepted and ignored), every spelling of the
 * arithmetic types and typedef names; also attributes and static assertions.
 */

import { type CType, type Pos, T } from './ast';
import { evalConst } from './constEval';
import type { Token } from './lexer';
import { parseConditional } from './parseExpr';
import type { Parser } from './parseState';
import { parseEnum, parseStructOrUnion } from './parseTag';

/** The storage class written in a declaration. */
export type Storage = 'typedef' | 'extern' | 'static' | 'auto' | 'register';

/** Parsed declaration specifiers. */
export interface Specs {
  type: CType;
  storage: Storage | null;
  /** No type specifier was written: the type is int (K&R implicit int). */
  implicit: boolean;
  pos: Pos;
}

const TYPE_WORDS = new Set([
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  '_Bool',
  'struct',
  'union',
  'enum',
  '__signed',
  '__signed__',
  '_Complex',
  '_Imaginary',
  'typeof',
  '__typeof__',
  '__typeof',
  '_Atomic',
  '_Alignas',
]);
const IGNORED = new Set([
  'const',
  'volatile',
  'restrict',
  '__restrict',
  '__restrict__',
  '__const',
  '__volatile',
  '__volatile__',
  'inline',
  '__inline',
  '__inline__',
  '_Noreturn',
  '__extension__',
]);
const STORAGE = new Set(['typedef', 'extern', 'static', 'auto', 'register', '_Thread_local', '__thread']);
const SIGNED_CHAR: CType = { kind: 'int', size: 1, signed: true, name: 'signed char' };
const LONG_DOUBLE: CType = { kind: 'float', size: 16, name: 'long double' };

/** True when the token can start a type name (a specifier, a qualifier or a typedef name in scope). */
export function startsTypeName(p: Parser, t: Token = p.tok): boolean {
  if (t.kind !== 'ident') return false;
  return (
    TYPE_WORDS.has(t.text) || IGNORED.has(t.text) || t.text === '__attribute__' || p.scope.isTypedef(t.text)
  );
}

/** True when the current token starts a declaration. */
export function startsDeclaration(p: Parser): boolean {
  return startsTypeName(p) || STORAGE.has(p.tok.text) || p.tok.text === '_Static_assert';
}

/** Skips `__attribute__((...))` lists; packing and alignment would change layouts, so they are refused. */
export function skipAttributes(p: Parser): void {
  while (p.is('__attribute__') || p.is('__attribute')) {
    const at = p.next();
    p.expect('(');
    let depth = 1;
    while (depth > 0) {
      const t = p.next();
      if (t.kind === 'eof') p.fail("expected ')'", t.pos);
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (/^(__)?(packed|aligned)(__)?$/.test(t.text))
        p.unsupported(`__attribute__((${t.text}))`, at.pos);
    }
  }
}

/** Parses declaration specifiers; with none at all the type is int and `implicit` is set. */
export function parseSpecs(p: Parser): Specs {
  const pos = p.tok.pos;
  let storage: Storage | null = null;
  let base: CType | null = null;
  const n: Record<string, number> = {};
  let words = 0;
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'ident') break;
    const w = t.text;
    if (STORAGE.has(w)) {
      if (w === '_Thread_local' || w === '__thread') p.unsupported('thread-local storage', t.pos);
      else if (storage !== null) p.error('multiple storage classes in declaration specifiers', t.pos);
      else storage = w as Storage;
      p.next();
      continue;
    }
    if (IGNORED.has(w)) {
      p.next();
      continue;
    }
    if (w === '__attribute__' || w === '__attribute') {
      skipAttributes(p);
      continue;
    }
    switch (w) {
      case 'void':
      case 'char':
      case 'short':
      case 'int':
      case 'long':
      case 'float':
      case 'double':
      case 'signed':
      case 'unsigned':
      case '_Bool':
      case '__signed':
      case '__signed__': {
        const key = w.startsWith('__') ? 'signed' : w;
        n[key] = (n[key] ?? 0) + 1;
        words++;
        p.next();
        continue;
      }
      case 'struct':
      case 'union':
        if (base !== null || words > 0) p.error('two or more data types in declaration specifiers', t.pos);
        base = parseStructOrUnion(p);
        continue;
      case 'enum':
        if (base !== null || words > 0) p.error('two or more data types in declaration specifiers', t.pos);
        base = parseEnum(p);
        continue;
      case '_Complex':
      case '_Imaginary':
        p.unsupported('complex types', t.pos);
        p.next();
        continue;
      case 'typeof':
      case '__typeof__':
      case '__typeof':
      case '_Atomic':
      case '_Alignas':
        p.refuse(w, t.pos);
    }
    if (base === null && words === 0 && p.scope.isTypedef(w)) {
      const b = p.scope.lookup(w);
      base = b?.k === 'typedef' ? b.type : T.int;
      p.next();
      continue;
    }
    break;
  }
  if (base !== null) {
    if (words > 0) p.error('two or more data types in declaration specifiers', pos);
    return { type: base, storage, implicit: false, pos };
  }
  return { type: arithmetic(p, n, pos), storage, implicit: words === 0, pos };
}

/** The arithmetic type named by a combination of specifier words. */
function arithmetic(p: Parser, n: Record<string, number>, pos: Pos): CType {
  const { void: v = 0, char: c = 0, short: s = 0, int: i = 0, long: l = 0, float: f = 0, double: d = 0 } = n;
  const { signed = 0, unsigned = 0, _Bool: b = 0 } = n;
  const bad = () => {
    p.error('two or more data types in declaration specifiers', pos);
    return T.int;
  };
  if (signed && unsigned) p.error("both 'signed' and 'unsigned' in declaration specifiers", pos);
  const sign = signed + unsigned;
  if (v) return v > 1 || c + s + i + l + f + d + sign + b > 0 ? bad() : T.void;
  if (b) return b > 1 || c + s + i + l + f + d + sign > 0 ? bad() : T.bool;
  if (f) return f > 1 || c + s + i + l + d + sign > 0 ? bad() : T.float;
  if (d) return d > 1 || c + s + i + sign > 0 || l > 1 ? bad() : l ? LONG_DOUBLE : T.double;
  if (c) return c > 1 || s + i + l > 0 ? bad() : unsigned ? T.uchar : signed ? SIGNED_CHAR : T.char;
  if (s) return s > 1 || l > 0 || i > 1 ? bad() : unsigned ? T.ushort : T.short;
  if (i > 1) return bad();
  if (l === 1) return unsigned ? T.ulong : T.long;
  if (l === 2) return unsigned ? T.ulonglong : T.longlong;
  if (l > 2) {
    p.error("'long long long' is too long", pos);
    return T.longlong;
  }
  return unsigned ? T.uint : T.int;
}

/** True for a type whose size is unknown (void, an undefined struct, an array of unknown size). */
export function isIncomplete(t: CType): boolean {
  return (
    t.kind === 'void' ||
    ((t.kind === 'struct' || t.kind === 'union') && t.fields === null) ||
    (t.kind === 'array' && (t.length === null || isIncomplete(t.of)))
  );
}

/** The message for a place where a type was expected: `unknown type name 'x'` for an identifier. */
export function typeExpected(p: Parser): string {
  const t = p.tok;
  return p.isIdent(t) ? `unknown type name '${t.text}'` : `expected a type before '${t.text}'`;
}

/** Parses `_Static_assert(expr, "message");`, reporting a failed assertion. */
export function staticAssert(p: Parser): void {
  const at = p.next();
  p.expect('(');
  const v = evalConst(parseConditional(p), p.scope);
  let message = '';
  if (p.accept(',')) {
    while (p.tok.kind === 'string') message += p.next().text.slice(1, -1);
  }
  p.expect(')');
  p.expectAfter(';', "expected ';' after static assertion");
  if (v === null) p.error('expression in static assertion is not an integer constant', at.pos);
  else if (v === 0n) p.error(`static assertion failed: "${message}"`, at.pos);
}
