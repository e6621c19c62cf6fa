/**
 * Expressions, with C's precedence and associativity: casts and compound literals told apart from
 * parenthesised expressions by the typedef names in scope, sizeof in both forms, string literal
 * concatenation, enum constants folded to integers, and the `__builtin_` forms the headers use.
 */

import {
  type AssignOp,
  alignOf,
  type BinaryOp,
  type CType,
  type Designator,
  type Expr,
  type Pos,
  T,
} from './ast';
import { parseTypeName } from './declarator';
import { adjustLength, parseInitializer } from './initializer';
import { charLiteral, numberLiteral, stringLiteral } from './literals';
import { startsTypeName } from './parseDecl';
import { KEYWORDS, type Parser } from './parseState';

const PREC: Record<string, number> = {
  '*': 10,
  '/': 10,
  '%': 10,
  '+': 9,
  '-': 9,
  '<<': 8,
  '>>': 8,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '==': 6,
  '!=': 6,
  '&': 5,
  '^': 4,
  '|': 3,
  '&&': 2,
  '||': 1,
};

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']);
const FUNC_NAMES = new Set(['__func__', '__FUNCTION__', '__PRETTY_FUNCTION__']);

/** Parses an expression, comma operator included. */
export function parseExpr(p: Parser): Expr {
  let e = parseAssign(p);
  while (p.is(',')) {
    const pos = p.next().pos;
    e = { k: 'binary', op: ',', left: e, right: parseAssign(p), pos };
  }
  return e;
}

/** Parses an assignment expression (what a function argument or an initializer is). */
export function parseAssign(p: Parser): Expr {
  const target = parseConditional(p);
  const t = p.tok;
  if (t.kind === 'punct' && ASSIGN.has(t.text)) {
    p.next();
    return { k: 'assign', op: t.text as AssignOp, target, value: parseAssign(p), pos: t.pos };
  }
  return target;
}

/** Parses a conditional expression (what a constant expression is). */
export function parseConditional(p: Parser): Expr {
  const test = parseBinary(p, 1);
  if (!p.is('?')) return test;
  const q = p.next();
  if (p.is(':')) p.refuse("the '?:' operator with an omitted middle operand", q.pos);
  const then = parseExpr(p);
  p.expect(':', "expected ':' in conditional expression");
  return { k: 'cond', test, then, else: parseConditional(p), pos: q.pos };
}

function parseBinary(p: Parser, min: number): Expr {
  let left = parseCast(p);
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'punct') return left;
    const prec = PREC[t.text];
    if (prec === undefined || prec < min) return left;
    p.next();
    const right = parseBinary(p, prec + 1);
    left = { k: 'binary', op: t.text as BinaryOp, left, right, pos: t.pos };
  }
}

/** Parses a cast expression: `(type) expr`, a compound literal, or a unary expression. */
export function parseCast(p: Parser): Expr {
  if (p.is('(') && startsTypeName(p, p.peek())) {
    const lp = p.next();
    const type = parseTypeName(p);
    p.expect(')', "expected ')' after type name");
    if (p.is('{')) return parsePostfix(p, compoundLiteral(p, type, lp.pos));
    return { k: 'cast', to: type, arg: parseCast(p), pos: lp.pos };
  }
  return parseUnary(p);
}

function compoundLiteral(p: Parser, type: CType, pos: Pos): Expr {
  const init = parseInitializer(p);
  return { k: 'compound', type: adjustLength(p, type, init), init, pos };
}

function parseUnary(p: Parser): Expr {
  const t = p.tok;
  if (t.kind === 'punct') {
    switch (t.text) {
      case '++':
      case '--':
        p.next();
        return { k: 'unary', op: t.text === '++' ? 'pre++' : 'pre--', arg: parseUnary(p), pos: t.pos };
      case '&':
      case '*':
      case '+':
      case '-':
      case '~':
      case '!':
        p.next();
        return { k: 'unary', op: t.text, arg: parseCast(p), pos: t.pos };
      case '&&':
        p.refuse('labels as values', t.pos);
    }
  } else if (t.kind === 'ident') {
    switch (t.text) {
      case 'sizeof':
        return parseSizeof(p);
      case '_Alignof':
      case '__alignof__':
      case '__alignof': {
        p.next();
        p.expect('(');
        const type = parseTypeName(p);
        p.expect(')');
        return { k: 'int', value: BigInt(alignOf(type)), type: T.ulong, pos: t.pos };
      }
      case '__extension__':
        p.next();
        return parseCast(p);
    }
  }
  return parsePostfix(p, parsePrimary(p));
}

function parseSizeof(p: Parser): Expr {
  const pos = p.next().pos;
  if (p.is('(') && startsTypeName(p, p.peek())) {
    const lp = p.next();
    const type = parseTypeName(p);
    p.expect(')', "expected ')' after type name");
    if (p.is('{')) return { k: 'sizeofExpr', arg: parsePostfix(p, compoundLiteral(p, type, lp.pos)), pos };
    return { k: 'sizeofType', of: type, pos };
  }
  return { k: 'sizeofExpr', arg: parseUnary(p), pos };
}

function parsePostfix(p: Parser, e: Expr): Expr {
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'punct') return e;
    switch (t.text) {
      case '[': {
        p.next();
        const index = parseExpr(p);
        p.expect(']', "expected ']'");
        e = { k: 'index', obj: e, index, pos: t.pos };
        break;
      }
      case '(': {
        p.next();
        const args: Expr[] = [];
        if (!p.is(')')) {
          do args.push(parseAssign(p));
          while (p.accept(','));
        }
        p.expect(')', "expected ')' after arguments");
        e = { k: 'call', callee: e, args, pos: e.pos };
        break;
      }
      case '.':
      case '->': {
        p.next();
        const name = p.identifier(`expected a member name after '${t.text}'`);
        e = { k: 'member', obj: e, name: name.text, arrow: t.text === '->', pos: name.pos };
        break;
      }
      case '++':
      case '--':
        p.next();
        e = { k: 'unary', op: t.text === '++' ? 'post++' : 'post--', arg: e, pos: t.pos };
        break;
      default:
        return e;
    }
  }
}

function parsePrimary(p: Parser): Expr {
  const t = p.tok;
  switch (t.kind) {
    case 'number':
    case 'char': {
      p.next();
      const lit = t.kind === 'number' ? numberLiteral(t.text) : charLiteral(t.text);
      if (lit.k === 'error') p.fail(located(lit.message, t.pos), t.pos);
      if (lit.k === 'float') return { k: 'float', value: lit.value, type: lit.type, pos: t.pos };
      if (lit.warning) p.warn(lit.warning, t.pos);
      return { k: 'int', value: lit.value, type: lit.type, pos: t.pos };
    }
    case 'string':
      return parseStrings(p);
    case 'punct':
      if (t.text === '(') {
        p.next();
        if (p.is('{')) p.refuse('statement expressions', t.pos);
        const e = parseExpr(p);
        p.expect(')', "expected ')'");
        return e;
      }
      break;
    case 'ident':
      return parseIdentifier(p);
  }
  return p.fail('expected expression', t.pos);
}

function parseIdentifier(p: Parser): Expr {
  const t = p.next();
  if (t.text === '__builtin_offsetof') return parseOffsetof(p, t.pos);
  if (t.text === '__builtin_va_arg') {
    p.expect('(');
    const list = parseAssign(p);
    p.expect(',');
    const type = parseTypeName(p);
    p.expect(')');
    return { k: 'vaArg', list, type, pos: t.pos };
  }
  if (KEYWORDS.has(t.text)) {
    if (/^(asm|__asm|__asm__)$/.test(t.text)) p.refuse('asm', t.pos);
    p.fail(`expected expression before '${t.text}'`, t.pos);
  }
  const b = p.scope.lookup(t.text);
  if (b?.k === 'enum') return { k: 'int', value: b.value, type: T.int, pos: t.pos };
  if (b?.k === 'typedef') p.fail(`unexpected type name '${t.text}': expected expression`, t.pos);
  if (b === undefined && FUNC_NAMES.has(t.text) && p.funcName !== null) {
    return { k: 'string', bytes: Uint8Array.from(p.funcName, (c) => c.charCodeAt(0)), pos: t.pos };
  }
  return { k: 'ident', name: t.text, pos: t.pos };
}

function parseOffsetof(p: Parser, pos: Pos): Expr {
  p.expect('(');
  const of = parseTypeName(p);
  p.expect(',');
  const path: Designator[] = [{ field: p.identifier('expected a member name').text }];
  for (;;) {
    if (p.accept('.')) {
      path.push({ field: p.identifier('expected a member name').text });
    } else if (p.accept('[')) {
      path.push({ index: parseExpr(p) });
      p.expect(']');
    } else {
      break;
    }
  }
  p.expect(')');
  return { k: 'offsetof', of, path, pos };
}

/** A literal's error message, with the line added to `not supported yet` ones. */
function located(message: string, pos: Pos): string {
  return message.startsWith('not supported yet') ? `${message} at line ${pos.line}` : message;
}

/** Parses adjacent string literals into one. */
function parseStrings(p: Parser): Expr {
  const pos = p.tok.pos;
  const parts: Uint8Array[] = [];
  let length = 0;
  while (p.tok.kind === 'string') {
    const t = p.next();
    const r = stringLiteral(t.text);
    if ('error' in r) p.fail(located(r.error, t.pos), t.pos);
    if (r.warning) p.warn(r.warning, t.pos);
    parts.push(r.bytes);
    length += r.bytes.length;
  }
  const bytes = parts.length === 1 ? parts[0] : new Uint8Array(length);
  if (parts.length > 1) {
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
  }
  return { k: 'string', bytes, pos };
}
