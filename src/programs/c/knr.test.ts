import { describe, expect, it } from 'vitest';
import { type CType, type FuncDef, T } from './ast';
import { compileFrontEnd, formatDiagnostic } from './frontend';

function parse(src: string) {
  return compileFrontEnd({ 'old.c': src }, 'old.c', {});
}

const ptr = (to: CType): CType => ({ kind: 'pointer', to });

describe('K&R C and implicit int', () => {
  it('defines main() with an implicit int return type, and warns', () => {
    const tu = parse('main()\n{\n  return 0;\n}\n');
    expect(tu.decls[0]).toMatchObject({
      k: 'func',
      name: 'main',
      type: { kind: 'function', ret: T.int, params: null },
      params: [],
      knr: false,
    });
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual([
      "old.c:1:1: return type defaults to 'int' in declaration of 'main'",
    ]);
  });

  it('fills in K&R parameter types from the declarations before the body', () => {
    const tu = parse('int f(a, b, c)\n  int a;\n  register char *b;\n  char *c[];\n{ return a; }');
    expect(tu.diagnostics).toEqual([]);
    expect(tu.decls[0]).toMatchObject({
      k: 'func',
      knr: true,
      type: { params: null },
      params: [
        { name: 'a', type: T.int, pos: { line: 1, col: 7 } },
        { name: 'b', type: ptr(T.char) },
        { name: 'c', type: ptr(ptr(T.char)) },
      ],
    });
  });

  it('lets several parameters share a declaration, in any order', () => {
    const tu = parse('f(x, y, s) char *s; int y, x; { }');
    expect((tu.decls[0] as FuncDef).params.map((q) => [q.name, q.type])).toEqual([
      ['x', T.int],
      ['y', T.int],
      ['s', ptr(T.char)],
    ]);
  });

  it('defaults undeclared K&R parameters to int, with a warning', () => {
    const tu = parse('void f(n, p) char *p; { }');
    expect((tu.decls[0] as FuncDef).params[0]).toMatchObject({ name: 'n', type: T.int });
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual(["old.c:1:8: type of 'n' defaults to 'int'"]);
  });

  it('reports a declaration for a parameter that is not in the list', () => {
    const tu = parse('f(a) int a, b; { }');
    expect(tu.diagnostics.map((d) => d.message)).toContain(
      "declaration for parameter 'b' but no such parameter",
    );
  });

  it('accepts declarations with only a storage class: static x; register i; extern errno;', () => {
    const tu = parse('static count;\nextern errno;\nf() { register i; auto j = 2; return i + j; }');
    expect(tu.decls.slice(0, 2)).toMatchObject([
      { name: 'count', type: T.int, storage: 'static' },
      { name: 'errno', type: T.int, storage: 'extern' },
    ]);
    const f = tu.decls[2] as FuncDef;
    expect(f.body.body).toMatchObject([
      { k: 'decl', decls: [{ name: 'i', type: T.int, storage: 'register' }] },
      { k: 'decl', decls: [{ name: 'j', type: T.int, storage: 'auto' }] },
      { k: 'return' },
    ]);
    expect(tu.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning type defaults to 'int' in declaration of 'count'",
      "warning type defaults to 'int' in declaration of 'errno'",
      "warning return type defaults to 'int' in declaration of 'f'",
      "warning type defaults to 'int' in declaration of 'i'",
      "warning type defaults to 'int' in declaration of 'j'",
    ]);
  });

  it('parses calls to functions that were never declared', () => {
    const tu = parse('main() { exit(perror("x"), 1); }');
    expect((tu.decls[0] as FuncDef).body.body[0]).toMatchObject({
      k: 'expr',
      expr: { k: 'call', callee: { k: 'ident', name: 'exit' }, args: [{ k: 'call' }, { k: 'int' }] },
    });
  });

  it('declares old-style functions without prototypes', () => {
    const tu = parse('char *malloc();\nint atoi();\nlong lseek(), tell();');
    expect(tu.decls.map((d) => d.type)).toMatchObject([
      { kind: 'function', params: null, ret: ptr(T.char) },
      { kind: 'function', params: null },
      { kind: 'function', params: null, ret: T.long },
      { kind: 'function', params: null, ret: T.long },
    ]);
  });
});
