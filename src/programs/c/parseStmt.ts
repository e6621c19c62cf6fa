/**
 * Statements and blocks: C99 declarations anywhere, `for` with a declaration, labels and goto,
 * switch with case and default labels wherever they appear.
 */

import type { Expr, Pos, Stmt } from './ast';
import { parseBlockDeclaration } from './declarator';
import { startsDeclaration } from './parseDecl';
import { parseConditional, parseExpr } from './parseExpr';
import type { Parser } from './parseState';

type Block = Extract<Stmt, { k: 'block' }>;

/** Parses `{ ... }`; the caller may already have opened the block's scope (a function body). */
export function parseCompound(p: Parser, ownScope: boolean): { block: Block; end: Pos } {
  const pos = p.expect('{', "expected '{'").pos;
  if (ownScope) p.pushScope();
  const body: Stmt[] = [];
  while (!p.is('}')) {
    if (p.tok.kind === 'eof') p.fail("expected '}' at end of input", p.tok.pos);
    body.push(parseStatement(p));
  }
  const end = p.next().pos;
  if (ownScope) p.popScope();
  return { block: { k: 'block', body, pos }, end };
}

function parenthesised(p: Parser, keyword: string): Expr {
  p.expect('(', `expected '(' after '${keyword}'`);
  const e = parseExpr(p);
  p.expect(')', "expected ')'");
  return e;
}

/** The statement a label labels (an empty one when the label ends a block, as C23 allows). */
function labelled(p: Parser): Stmt {
  return p.is('}') ? { k: 'empty', pos: p.tok.pos } : parseStatement(p);
}

/** Parses one statement or declaration. */
export function parseStatement(p: Parser): Stmt {
  const t = p.tok;
  const pos = t.pos;
  if (t.kind === 'punct') {
    if (t.text === '{') return parseCompound(p, true).block;
    if (t.text === ';') {
      p.next();
      return { k: 'empty', pos };
    }
  } else if (t.kind === 'ident') {
    switch (t.text) {
      case 'if': {
        p.next();
        const test = parenthesised(p, 'if');
        const then = parseStatement(p);
        return { k: 'if', test, then, else: p.accept('else') ? parseStatement(p) : null, pos };
      }
      case 'while': {
        p.next();
        const test = parenthesised(p, 'while');
        return { k: 'while', test, body: parseStatement(p), pos };
      }
      case 'do': {
        p.next();
        const body = parseStatement(p);
        p.expect('while', "expected 'while' in do/while loop");
        const test = parenthesised(p, 'while');
        p.expectAfter(';', "expected ';' after do/while statement");
        return { k: 'doWhile', body, test, pos };
      }
      case 'for':
        return parseFor(p);
      case 'switch': {
        p.next();
        const test = parenthesised(p, 'switch');
        return { k: 'switch', test, body: parseStatement(p), pos };
      }
      case 'case': {
        p.next();
        const value = parseConditional(p);
        if (p.is('...')) p.refuse('case ranges', pos);
        p.expect(':', "expected ':' after 'case'");
        return { k: 'case', value, body: labelled(p), pos };
      }
      case 'default':
        p.next();
        p.expect(':', "expected ':' after 'default'");
        return { k: 'default', body: labelled(p), pos };
      case 'break':
      case 'continue':
        p.next();
        p.expectAfter(';', `expected ';' after ${t.text} statement`);
        return { k: t.text, pos };
      case 'return': {
        p.next();
        const value = p.is(';') ? null : parseExpr(p);
        p.expectAfter(';', "expected ';' after return statement");
        return { k: 'return', value, pos };
      }
      case 'goto': {
        p.next();
        if (p.is('*')) p.refuse('computed goto', pos);
        const label = p.identifier("expected a label name after 'goto'").text;
        p.expectAfter(';', "expected ';' after goto statement");
        return { k: 'goto', label, pos };
      }
      case 'asm':
      case '__asm':
      case '__asm__':
        p.refuse('asm statements', pos);
    }
    if (p.isIdent(t) && p.peek().text === ':' && p.peek().kind === 'punct') {
      p.next();
      p.next();
      return { k: 'label', name: t.text, body: labelled(p), pos };
    }
    if (startsDeclaration(p)) return parseBlockDeclaration(p);
    if (p.isIdent(t) && p.isIdent(p.peek()) && p.scope.lookup(t.text) === undefined) {
      p.fail(`unknown type name '${t.text}'`, pos);
    }
  }
  const expr = parseExpr(p);
  p.expectAfter(';', "expected ';' after expression");
  return { k: 'expr', expr, pos };
}

function parseFor(p: Parser): Stmt {
  const pos = p.next().pos;
  p.expect('(', "expected '(' after 'for'");
  p.pushScope();
  let init: Stmt | null = null;
  if (p.is(';')) {
    p.next();
  } else if (startsDeclaration(p)) {
    init = parseBlockDeclaration(p);
  } else {
    const at = p.tok.pos;
    init = { k: 'expr', expr: parseExpr(p), pos: at };
    p.expectAfter(';', "expected ';' in 'for' statement");
  }
  const test = p.is(';') ? null : parseExpr(p);
  p.expectAfter(';', "expected ';' in 'for' statement");
  const update = p.is(')') ? null : parseExpr(p);
  p.expect(')', "expected ')' after 'for' clauses");
  const body = parseStatement(p);
  p.popScope();
  return { k: 'for', init, test, update, body, pos };
}
