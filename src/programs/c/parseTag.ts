/**
 * Struct, union and enum specifiers: tags in their scopes (an incomplete struct is one object,
 * completed in place by its definition), members laid out as on x86-64, enum constants.
 */

import { type CType, layoutFields } from './ast';
import { evalConst } from './constEval';
import { declarator } from './declarator';
import {
  isIncomplete,
  parseSpecs,
  skipAttributes,
  startsTypeName,
  staticAssert,
  typeExpected,
} from './parseDecl';
import { parseConditional } from './parseExpr';
import type { Parser } from './parseState';

type StructType = Extract<CType, { kind: 'struct' | 'union' }>;

/** Parses `struct tag`, `struct tag { ... }` or `struct { ... }` (and unions), laying out a definition. */
export function parseStructOrUnion(p: Parser): CType {
  const kind = p.next().text as 'struct' | 'union';
  skipAttributes(p);
  const tagTok = p.isIdent() ? p.next() : null;
  const tag = tagTok?.text ?? null;
  skipAttributes(p);
  const fresh = (): StructType => ({ kind, tag, fields: null, size: 0, align: 1 });
  if (p.is('{')) {
    let t = fresh();
    if (tag !== null) {
      const own = p.scope.ownTag(tag);
      if (own !== undefined && own.kind === kind && !own.defined) t = own.type as StructType;
      else if (own !== undefined) p.error(wrongTag(own.kind === kind, kind, tag), tagTok!.pos);
      p.scope.defineTag(tag, { kind, type: t, defined: false });
    }
    p.next();
    const members = parseMembers(p);
    p.expect('}', "expected '}' at end of struct or union");
    layoutFields(t, members);
    if (tag !== null) p.scope.defineTag(tag, { kind, type: t, defined: true });
    skipAttributes(p);
    return t;
  }
  if (tag === null) p.fail(`expected '{' after '${kind}'`, p.tok.pos);
  const found = p.is(';') ? p.scope.ownTag(tag) : p.scope.lookupTag(tag);
  if (found !== undefined) {
    if (found.kind !== kind) p.error(wrongTag(false, kind, tag), tagTok!.pos);
    return found.type;
  }
  const t = fresh();
  p.scope.defineTag(tag, { kind, type: t, defined: false });
  return t;
}

function wrongTag(sameKind: boolean, kind: string, tag: string): string {
  return sameKind ? `redefinition of '${kind} ${tag}'` : `'${tag}' defined as wrong kind of tag`;
}

function parseMembers(p: Parser): { name: string | null; type: CType }[] {
  const members: { name: string | null; type: CType }[] = [];
  while (!p.is('}')) {
    if (p.tok.kind === 'eof') p.fail("expected '}' at end of struct or union", p.tok.pos);
    if (p.accept(';')) continue;
    if (p.is('_Static_assert')) {
      staticAssert(p);
      continue;
    }
    if (!startsTypeName(p)) p.fail(typeExpected(p), p.tok.pos);
    const specs = parseSpecs(p);
    if (p.accept(';')) {
      const t = specs.type;
      if ((t.kind === 'struct' || t.kind === 'union') && t.tag === null)
        members.push({ name: null, type: t });
      else p.warn('declaration does not declare anything', specs.pos);
      continue;
    }
    for (;;) {
      const d = p.is(':')
        ? { name: null, type: specs.type, pos: p.tok.pos }
        : declarator(p, specs.type, 'named');
      if (p.is(':')) {
        p.next();
        parseConditional(p);
        p.unsupported('bit-fields', d.pos);
      }
      const last = d.type.kind === 'array' && d.type.length === null;
      if (d.type.kind === 'function') p.error(`field '${d.name}' declared as a function`, d.pos);
      else if (isIncomplete(d.type) && !last) p.error(`field '${d.name}' has incomplete type`, d.pos);
      members.push({ name: d.name, type: d.type });
      skipAttributes(p);
      if (!p.accept(',')) break;
    }
    p.expectAfter(';', "expected ';' at end of declaration list");
  }
  return members;
}

/** Parses `enum tag`, or an enum definition whose constants go into the current scope. */
export function parseEnum(p: Parser): CType {
  p.next();
  skipAttributes(p);
  const tagTok = p.isIdent() ? p.next() : null;
  const tag = tagTok?.text ?? null;
  skipAttributes(p);
  if (!p.is('{')) {
    if (tag === null) p.fail("expected '{' after 'enum'", p.tok.pos);
    const found = p.scope.lookupTag(tag);
    if (found !== undefined) {
      if (found.kind !== 'enum') p.error(wrongTag(false, 'enum', tag), tagTok!.pos);
      return found.type;
    }
    const t: CType = { kind: 'int', size: 4, signed: true, name: `enum ${tag}` };
    p.scope.defineTag(tag, { kind: 'enum', type: t, defined: false });
    return t;
  }
  let type: CType = { kind: 'int', size: 4, signed: true, name: tag === null ? 'int' : `enum ${tag}` };
  if (tag !== null) {
    const own = p.scope.ownTag(tag);
    if (own !== undefined && (own.defined || own.kind !== 'enum')) {
      p.error(wrongTag(own.kind === 'enum', 'enum', tag), tagTok!.pos);
    } else if (own !== undefined) {
      type = own.type;
    }
    p.scope.defineTag(tag, { kind: 'enum', type, defined: true });
  }
  p.next();
  let value = 0n;
  while (!p.is('}')) {
    const name = p.identifier(`expected identifier before '${p.tok.text}'`);
    if (p.accept('=')) {
      const v = evalConst(parseConditional(p), p.scope);
      if (v === null) p.error(`enumerator value for '${name.text}' is not an integer constant`, name.pos);
      else value = v;
    }
    p.scope.define(name.text, { k: 'enum', value });
    value++;
    skipAttributes(p);
    if (!p.accept(',')) break;
  }
  p.expect('}', "expected '}' at end of enum");
  skipAttributes(p);
  return type;
}
