/**
 * Initializers: expressions and brace lists with designators (`.field =`, `[index] =`), and the
 * length an array declared without one gets from its initializer (`int a[] = {1, 2, 3}`,
 * `char s[] = "abc"`).
 */

import type { CType, Designator, Initializer } from './ast';
import { evalConst } from './constEval';
import { parseAssign, parseConditional } from './parseExpr';
import type { Parser } from './parseState';

/** Parses an initializer: an assignment expression or a braced list. */
export function parseInitializer(p: Parser): Initializer {
  const pos = p.tok.pos;
  if (!p.accept('{')) return { k: 'expr', expr: parseAssign(p), pos };
  const items: { designators: Designator[]; init: Initializer }[] = [];
  while (!p.is('}')) {
    const designators: Designator[] = [];
    for (;;) {
      if (p.accept('.')) {
        designators.push({ field: p.identifier("expected a field name after '.'").text });
      } else if (p.is('[')) {
        const lb = p.next();
        const index = parseConditional(p);
        if (p.is('...')) p.refuse('designator ranges', lb.pos);
        p.expect(']');
        designators.push({ index });
      } else {
        break;
      }
    }
    if (designators.length > 0) p.expect('=', "expected '=' after designator");
    else if (p.isIdent() && p.peek().text === ':') p.refuse("old-style 'field:' designators", p.tok.pos);
    items.push({ designators, init: parseInitializer(p) });
    if (!p.accept(',')) break;
  }
  p.expect('}', "expected '}' at end of initializer");
  return { k: 'list', items, pos };
}

function isCharArray(t: CType): boolean {
  return t.kind === 'array' && t.of.kind === 'int' && t.of.size === 1;
}

function isString(init: Initializer): boolean {
  return init.k === 'expr' && init.expr.k === 'string';
}

/** How many scalars initialize one object of the type when braces are elided. */
function scalars(t: CType): number {
  if (t.kind === 'array') return t.length === null ? 1 : Math.max(1, t.length * scalars(t.of));
  if (t.kind === 'struct' && t.fields !== null)
    return Math.max(
      1,
      t.fields.reduce((n, f) => n + scalars(f.type), 0),
    );
  if (t.kind === 'union' && t.fields !== null && t.fields.length > 0) return scalars(t.fields[0].type);
  return 1;
}

/**
 * The type with an unknown array length completed from the initializer; other types are returned
 * as they are. Brace elision in arrays of aggregates is counted scalar by scalar.
 */
export function adjustLength(p: Parser, type: CType, init: Initializer): CType {
  if (type.kind !== 'array' || type.length !== null) return type;
  const first = init.k === 'list' && init.items.length === 1 ? init.items[0] : null;
  const str = init.k === 'expr' ? init : first !== null && first.designators.length === 0 ? first.init : null;
  if (str !== null && isString(str) && isCharArray(type) && str.k === 'expr' && str.expr.k === 'string') {
    return { ...type, length: str.expr.bytes.length + 1 };
  }
  if (init.k !== 'list') {
    p.error('array initializer must be an initializer list', init.pos);
    return type;
  }
  const elem = type.of;
  const per = scalars(elem);
  let index = 0;
  let sub = 0;
  let length = 0;
  for (const item of init.items) {
    const d = item.designators[0];
    if (d !== undefined && 'index' in d) {
      const v = evalConst(d.index, p.scope);
      if (v === null || v < 0n) {
        p.error('array index in initializer is not a non-negative integer constant', init.pos);
        return type;
      }
      index = Number(v);
      sub = 0;
    }
    const whole =
      item.init.k === 'list' || per === 1 || d !== undefined || (isCharArray(elem) && isString(item.init));
    if (whole) {
      if (sub > 0) {
        index++;
        sub = 0;
      }
      length = Math.max(length, index + 1);
      index++;
    } else {
      length = Math.max(length, index + 1);
      if (++sub === per) {
        index++;
        sub = 0;
      }
    }
  }
  return { ...type, length };
}
