import { describe, expect, it } from 'vitest';
import { type FuncDef, type Stmt, T } from './ast';
import { compileFrontEnd, formatDiagnostic } from './frontend';

/** Parses a function body and returns its statements. */
function body(src: string, decls = ''): Stmt[] {
  const tu = compileFrontEnd({ 't.c': `${decls}\nint t(int n) {\n${src}\n}` }, 't.c', {});
  expect(tu.diagnostics.map(formatDiagnostic)).toEqual([]);
  return (tu.decls[tu.decls.length - 1] as FuncDef).body.body;
}

describe('statements', () => {
  it('reads if/else, binding else to the nearest if', () => {
    const [outer] = body('if (a) if (b) x(); else y();');
    expect(outer).toMatchObject({ k: 'if', test: { name: 'a' }, else: null });
    expect(outer.k === 'if' && outer.then).toMatchObject({
      k: 'if',
      test: { name: 'b' },
      else: { k: 'expr' },
    });
  });

  it('reads while, do/while and for loops, with empty clauses', () => {
    expect(body('while (n--) ;\ndo n++; while (n < 10);\nfor (;;) break;')).toMatchObject([
      { k: 'while', test: { k: 'unary', op: 'post--' }, body: { k: 'empty' } },
      { k: 'doWhile', body: { k: 'expr' }, test: { k: 'binary', op: '<' } },
      { k: 'for', init: null, test: null, update: null, body: { k: 'break' } },
    ]);
  });

  it('reads a for loop declaring its counter, scoped to the loop', () => {
    const s = body('for (int i = 0, j = 1; i < n; i++, j++) continue;');
    expect(s[0]).toMatchObject({
      k: 'for',
      init: { k: 'decl', decls: [{ name: 'i', type: T.int, init: { k: 'expr' } }, { name: 'j' }] },
      test: { k: 'binary', op: '<' },
      update: { k: 'binary', op: ',' },
      body: { k: 'continue' },
    });
  });

  it('reads a for loop starting with an expression', () => {
    expect(body('int i; for (i = 0; i < 3; ++i) {}')[1]).toMatchObject({
      k: 'for',
      init: { k: 'expr', expr: { k: 'assign' } },
    });
  });

  it('allows declarations anywhere in a block', () => {
    expect(body('n++;\nint a = n;\na++;\nstatic char buf[8];').map((s) => s.k)).toEqual([
      'expr',
      'decl',
      'expr',
      'decl',
    ]);
  });

  it('reads return with and without a value', () => {
    const [guard, last] = body('if (n) return;\nreturn n + 1;');
    expect(guard.k === 'if' && guard.then).toMatchObject({ k: 'return', value: null });
    expect(last).toMatchObject({ k: 'return', value: { k: 'binary', op: '+' } });
  });

  it('reads labels and goto', () => {
    const [again, jump, out] = body('again: n--;\nif (n) goto again;\nout: ;');
    expect(again).toMatchObject({ k: 'label', name: 'again', body: { k: 'expr' } });
    expect(jump.k === 'if' && jump.then).toMatchObject({ k: 'goto', label: 'again' });
    expect(out).toMatchObject({ k: 'label', name: 'out', body: { k: 'empty' } });
  });

  it('reads switch with case and default labels', () => {
    const s = body("switch (n) {\ncase 1:\ncase 2: n = 0; break;\ncase 'x': return 1;\ndefault: n++;\n}");
    expect(s[0]).toMatchObject({
      k: 'switch',
      body: {
        k: 'block',
        body: [
          { k: 'case', value: { value: 1n }, body: { k: 'case', value: { value: 2n }, body: { k: 'expr' } } },
          { k: 'break' },
          { k: 'case', value: { value: 120n }, body: { k: 'return' } },
          { k: 'default', body: { k: 'expr' } },
        ],
      },
    });
  });

  it('reads case labels inside nested statements, as in Duff’s device', () => {
    const src = [
      'int count = n, *to, *from;',
      'int k = (count + 7) / 8;',
      'switch (count % 8) {',
      'case 0: do { *to = *from++;',
      'case 7:      *to = *from++;',
      'case 1:      *to = *from++;',
      '        } while (--k > 0);',
      '}',
    ].join('\n');
    const sw = body(src)[2];
    expect(sw).toMatchObject({
      k: 'switch',
      body: {
        body: [
          {
            k: 'case',
            body: { k: 'doWhile', body: { k: 'block', body: [{ k: 'expr' }, { k: 'case' }, { k: 'case' }] } },
          },
        ],
      },
    });
  });

  it('accepts a label or case right before the closing brace', () => {
    expect(body('switch (n) { default: }\ndone:')).toMatchObject([
      { k: 'switch', body: { body: [{ k: 'default', body: { k: 'empty' } }] } },
      { k: 'label', name: 'done', body: { k: 'empty' } },
    ]);
  });

  it('gives statements the position of their first token', () => {
    expect(body('  while (1)\n    n++;')).toMatchObject([
      { pos: { line: 3, col: 3 }, body: { pos: { line: 4, col: 5 } } },
    ]);
  });

  it('reads nested blocks with their own scopes', () => {
    expect(body('{ int a; { int a; } }')).toMatchObject([
      { k: 'block', body: [{ k: 'decl' }, { k: 'block' }] },
    ]);
  });

  it('records where a function ends', () => {
    const tu = compileFrontEnd({ 't.c': 'int main(void)\n{\n  return 0;\n}\n' }, 't.c', {});
    expect(tu.decls[0]).toMatchObject({
      k: 'func',
      pos: { line: 1, col: 5 },
      end: { line: 4, col: 1 },
      storage: null,
    });
  });
});
