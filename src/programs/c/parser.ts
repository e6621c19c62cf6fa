/**
 * The C parser's entry point: external declarations and function definitions, prototyped or
 * K&R-style with implicit int. A syntax error abandons the external declaration it is in (the first
 * error is reported exactly) and parsing resumes at the next one; the parser never throws.
 */

import type { CType, FuncDef, Pos, TranslationUnit, VarDecl } from './ast';
import { T } from './ast';
import { adjustParam, type Declarator, declarator, finishDeclarator, warnImplicit } from './declarator';
import type { Token } from './lexer';
import { parseSpecs, type Specs, startsDeclaration, staticAssert } from './parseDecl';
import { Abort, Parser } from './parseState';
import { parseCompound } from './parseStmt';

/** Parses preprocessed tokens (ending with `eof`) into a translation unit with its diagnostics. */
export function parse(tokens: Token[], file: string): TranslationUnit {
  const p = new Parser(tokens, file);
  const decls: (VarDecl | FuncDef)[] = [];
  const fileScope = p.scope;
  while (p.tok.kind !== 'eof') {
    const start = p.i;
    try {
      externalDeclaration(p, decls);
    } catch (err) {
      p.scope = fileScope;
      p.funcName = null;
      if (!(err instanceof Abort)) {
        p.error(internalError(err), tokens[start].pos);
        break;
      }
      p.i = resume(tokens, start);
    }
  }
  return { file, decls, diagnostics: p.diagnostics };
}

/** The message for an unexpected exception: too deep a nesting, or a bug in the front end. */
export function internalError(err: unknown): string {
  if (err instanceof RangeError) return 'code nested too deeply to compile';
  return `internal error in the C front end: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Where to go on after a syntax error in the declaration starting at `start`: past its `;` at
 * nesting depth 0, or past the closing brace of a function body.
 */
function resume(toks: Token[], start: number): number {
  let depth = 0;
  let body = false;
  let i = start;
  for (; toks[i].kind !== 'eof'; i++) {
    const t = toks[i];
    if (t.kind !== 'punct') continue;
    if (t.text === '{' || t.text === '(' || t.text === '[') {
      if (depth === 0 && t.text === '{') body = i > start && /^[);]$/.test(toks[i - 1].text);
      depth++;
    } else if (t.text === '}' || t.text === ')' || t.text === ']') {
      depth--;
      if (depth < 0 || (depth === 0 && body)) {
        i++;
        break;
      }
    } else if (t.text === ';' && depth <= 0) {
      i++;
      break;
    }
  }
  return Math.max(i, start + 1);
}

function externalDeclaration(p: Parser, out: (VarDecl | FuncDef)[]): void {
  const t = p.tok;
  if (p.accept(';')) return;
  if (p.is('_Static_assert')) {
    staticAssert(p);
    return;
  }
  if (p.is('asm') || p.is('__asm__') || p.is('__asm')) p.refuse('asm', t.pos);
  let specs: Specs;
  if (startsDeclaration(p)) {
    specs = parseSpecs(p);
  } else if (p.isIdent()) {
    const n = p.peek();
    if (p.isIdent(n) || n.text === '*') p.fail(`unknown type name '${t.text}'`, t.pos);
    specs = { type: T.int, storage: null, implicit: true, pos: t.pos };
  } else {
    p.fail(`expected identifier or '(' before '${t.text}'`, t.pos);
  }
  if (p.accept(';')) return;
  for (let first = true; ; first = false) {
    const d = declarator(p, specs.type, 'named');
    warnImplicit(p, specs, d);
    if (
      first &&
      d.type.kind === 'function' &&
      (p.is('{') || (d.knr !== null && d.knr.length > 0 && startsDeclaration(p)))
    ) {
      out.push(functionDefinition(p, specs, d));
      return;
    }
    const decls: VarDecl[] = [];
    finishDeclarator(p, specs, d, decls);
    out.push(...decls);
    if (!p.accept(',')) break;
  }
  p.expectAfter(';', "expected ';' after top level declarator");
}

/** Reads the K&R parameter declarations between `f(a, b)` and the body. */
function knrParams(p: Parser, d: Declarator): { name: string; type: CType; pos: Pos }[] {
  const names = d.knr!;
  const declared = new Map<string, { type: CType; pos: Pos }>();
  while (!p.is('{')) {
    if (!startsDeclaration(p)) p.fail(`expected declaration specifiers before '${p.tok.text}'`, p.tok.pos);
    const specs = parseSpecs(p);
    if (specs.storage !== null && specs.storage !== 'register') {
      p.error(`storage class specified for parameter`, specs.pos);
    }
    for (;;) {
      const pd = declarator(p, specs.type, 'named');
      const name = pd.name!;
      if (!names.some((n) => n.name === name)) {
        p.error(`declaration for parameter '${name}' but no such parameter`, pd.pos);
      }
      declared.set(name, { type: adjustParam(pd.type), pos: pd.pos });
      if (!p.accept(',')) break;
    }
    p.expectAfter(';', "expected ';' after parameter declaration");
  }
  return names.map((n) => {
    const got = declared.get(n.name);
    if (got !== undefined) return { name: n.name, type: got.type, pos: n.pos };
    p.warn(`type of '${n.name}' defaults to 'int'`, n.pos);
    return { name: n.name, type: T.int, pos: n.pos };
  });
}

function functionDefinition(p: Parser, specs: Specs, d: Declarator): FuncDef {
  const type = d.type as Extract<CType, { kind: 'function' }>;
  const name = d.name!;
  if (specs.storage === 'typedef') p.fail(`function definition declared 'typedef'`, d.pos);
  let params: { name: string; type: CType; pos: Pos }[];
  if (d.knr !== null) {
    params = knrParams(p, d);
  } else {
    params = (d.params ?? []).map((q) => {
      if (q.name === null && q.type.kind !== 'void') p.error('parameter name omitted', q.pos);
      return { name: q.name ?? '', type: q.type, pos: q.pos };
    });
  }
  p.scope.define(name, { k: 'var', type });
  p.pushScope();
  for (const q of params) if (q.name !== '') p.scope.define(q.name, { k: 'var', type: q.type });
  p.funcName = name;
  const { block, end } = parseCompound(p, false);
  p.funcName = null;
  p.popScope();
  const storage = specs.storage === 'static' ? 'static' : specs.storage === 'extern' ? 'extern' : null;
  return {
    k: 'func',
    name,
    type,
    params,
    body: block,
    storage,
    knr: d.knr !== null && d.knr.length > 0,
    pos: d.pos,
    end,
  };
}
