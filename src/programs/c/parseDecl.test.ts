import { describe, expect, it } from 'vitest';
import { type CType, type FuncDef, T, type TranslationUnit, type VarDecl } from './ast';
import { compileFrontEnd, formatDiagnostic } from './frontend';

/** Parses a file and checks that it has no errors. */
function ok(src: string): TranslationUnit {
  const tu = compileFrontEnd({ 't.c': src }, 't.c', {});
  expect(tu.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return tu;
}

function find(tu: TranslationUnit, name: string): VarDecl | FuncDef {
  const d = tu.decls.find((x) => x.name === name);
  if (d === undefined) throw new Error(`no declaration of ${name}`);
  return d;
}

/** The initializer of a variable declared in the translation unit. */
function initOf(tu: TranslationUnit, name: string) {
  const d = find(tu, name);
  if (d.k !== 'var') throw new Error(`${name} is a function`);
  return d.init;
}

/** The type of a global declared in the source. */
function typeOf(src: string, name = 'x'): CType {
  return find(ok(src), name).type;
}

const ptr = (to: CType): CType => ({ kind: 'pointer', to });
const arr = (of: CType, length: number | null): CType => ({ kind: 'array', of, length });
const fn = (ret: CType, params: CType[] | null, variadic = false): CType => ({
  kind: 'function',
  ret,
  params,
  variadic,
});

describe('declaration specifiers', () => {
  it('reads every spelling of the integer types', () => {
    const cases: [string, CType][] = [
      ['char', T.char],
      ['signed char', { kind: 'int', size: 1, signed: true, name: 'signed char' }],
      ['unsigned char', T.uchar],
      ['short int', T.short],
      ['signed short', T.short],
      ['unsigned short int', T.ushort],
      ['int', T.int],
      ['signed', T.int],
      ['unsigned', T.uint],
      ['long', T.long],
      ['long int', T.long],
      ['unsigned long', T.ulong],
      ['long unsigned int', T.ulong],
      ['long long', T.longlong],
      ['long long unsigned', T.ulonglong],
      ['unsigned long long int', T.ulonglong],
      ['_Bool', T.bool],
      ['float', T.float],
      ['double', T.double],
      ['long double', { kind: 'float', size: 16, name: 'long double' }],
    ];
    for (const [spelling, type] of cases) expect(typeOf(`${spelling} x;`), spelling).toEqual(type);
  });

  it('accepts and ignores qualifiers, inline and GNU spellings', () => {
    expect(typeOf('const volatile unsigned int x;')).toEqual(T.uint);
    expect(typeOf('char *const restrict x;')).toEqual(ptr(T.char));
    expect(typeOf('static inline int __attribute__((unused)) x(void) { return 0; }')).toEqual(fn(T.int, []));
    expect(typeOf('__extension__ typedef long long ll; __signed__ int y; ll x;')).toEqual(T.longlong);
  });

  it('records the storage class of each declaration', () => {
    const tu = ok('int a; static int b; extern int c; int f(void); static int g(void);');
    expect(tu.decls.map((d) => [d.name, d.k === 'var' ? d.storage : null])).toEqual([
      ['a', 'auto'],
      ['b', 'static'],
      ['c', 'extern'],
      ['f', 'extern'],
      ['g', 'static'],
    ]);
  });

  it('rejects contradictory specifiers', () => {
    const tu = compileFrontEnd({ 't.c': 'unsigned signed x;\nint char y;\nstatic extern z;\n' }, 't.c', {});
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual([
      "t.c:1:1: both 'signed' and 'unsigned' in declaration specifiers",
      't.c:2:1: two or more data types in declaration specifiers',
      't.c:3:8: multiple storage classes in declaration specifiers',
      "t.c:3:15: type defaults to 'int' in declaration of 'z'",
    ]);
  });
});

describe('typedef names', () => {
  it('name the type they were declared with', () => {
    expect(typeOf('typedef unsigned int socklen_t; socklen_t x;')).toEqual(T.uint);
    expect(typeOf('typedef char *string, buf[16]; buf x;')).toEqual(arr(T.char, 16));
  });

  it('are scoped: a local variable of the same name hides the type', () => {
    const tu = ok('typedef int T;\nint f(void) {\n  int T = 3;\n  return T * 2;\n}\nT x;');
    const f = find(tu, 'f') as FuncDef;
    expect(f.body.body[1]).toMatchObject({
      k: 'return',
      value: { k: 'binary', op: '*', left: { k: 'ident', name: 'T' } },
    });
    expect(find(tu, 'x').type).toEqual(T.int);
  });

  it('can be declared inside a block and vanish at its end', () => {
    const tu = compileFrontEnd({ 't.c': 'void f(void) { { typedef int L; L a; } L b; }' }, 't.c', {});
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual(["t.c:1:40: unknown type name 'L'"]);
  });
});

describe('struct, union and enum', () => {
  it('lays out a named struct and shares it with every later mention', () => {
    const tu = ok('struct point { int x, y; };\nstruct point a;\nstruct point *b;');
    const a = find(tu, 'a').type;
    expect(a).toMatchObject({ kind: 'struct', tag: 'point', size: 8, align: 4 });
    expect(find(tu, 'b').type).toEqual(ptr(a));
    expect((find(tu, 'b').type as { to: CType }).to).toBe(a);
  });

  it('completes a forward-declared struct in place', () => {
    const tu = ok('struct node;\nstruct node *head;\nstruct node { int v; struct node *next; };');
    const head = find(tu, 'head').type as Extract<CType, { kind: 'pointer' }>;
    expect(head.to).toMatchObject({ kind: 'struct', tag: 'node', size: 16 });
    const node = head.to as Extract<CType, { kind: 'struct' | 'union' }>;
    expect(node.fields![1]).toMatchObject({ name: 'next', offset: 8 });
    expect((node.fields![1].type as { to: CType }).to).toBe(node);
  });

  it('accepts anonymous structs, structs defined in a declaration, and nested definitions', () => {
    const tu = ok(
      'struct outer { struct inner { char c; } in; struct { long l; } anon; } o;\nstruct inner i;',
    );
    expect(find(tu, 'o').type).toMatchObject({
      size: 16,
      fields: [
        { name: 'in', offset: 0 },
        { name: 'anon', offset: 8 },
      ],
    });
    expect(find(tu, 'i').type).toMatchObject({ kind: 'struct', tag: 'inner', size: 1 });
  });

  it('lays out unions at offset 0 with the size of the largest member', () => {
    expect(typeOf('union u { char c[5]; int i; double d; } x;')).toMatchObject({
      kind: 'union',
      size: 8,
      align: 8,
      fields: [{ offset: 0 }, { offset: 0 }, { offset: 0 }],
    });
  });

  it('keeps anonymous union members with a null name', () => {
    expect(typeOf('struct s { int kind; union { int i; char *p; }; } x;')).toMatchObject({
      size: 16,
      fields: [
        { name: 'kind', offset: 0 },
        { name: null, offset: 8, type: { kind: 'union', size: 8 } },
      ],
    });
  });

  it('puts enum constants in scope as int constants, counting on from explicit values', () => {
    const tu = ok(
      'enum color { RED, GREEN = 5, BLUE, LAST = BLUE * 2 };\nint a[LAST];\nenum color c = BLUE;',
    );
    expect(find(tu, 'a').type).toEqual(arr(T.int, 12));
    expect(find(tu, 'c')).toMatchObject({
      type: { kind: 'int', size: 4, name: 'enum color' },
      init: { k: 'expr', expr: { k: 'int', value: 6n, type: T.int } },
    });
  });

  it('reports a redefinition and a tag used as the wrong kind', () => {
    const tu = compileFrontEnd(
      { 't.c': 'struct s { int a; };\nstruct s { int b; };\nunion s *p;\n' },
      't.c',
      {},
    );
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual([
      "t.c:2:8: redefinition of 'struct s'",
      "t.c:3:7: 's' defined as wrong kind of tag",
    ]);
  });

  it('refuses members of incomplete type', () => {
    const tu = compileFrontEnd({ 't.c': 'struct a { struct b inner; };' }, 't.c', {});
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual(["t.c:1:21: field 'inner' has incomplete type"]);
  });
});

describe('declarators', () => {
  it('reads pointers and arrays inside out', () => {
    expect(typeOf('char *x[4];')).toEqual(arr(ptr(T.char), 4));
    expect(typeOf('char (*x)[4];')).toEqual(ptr(arr(T.char, 4)));
    expect(typeOf('int x[2][3];')).toEqual(arr(arr(T.int, 3), 2));
    expect(typeOf('int **x;')).toEqual(ptr(ptr(T.int)));
  });

  it('sizes arrays with constant expressions: sizeof, enum constants, casts', () => {
    expect(typeOf('struct s { char c[10]; int i; };\nchar x[sizeof(struct s) + 1];')).toEqual(
      arr(T.char, 17),
    );
    expect(typeOf('enum { N = 4 }; int x[N * 2 - 1];')).toEqual(arr(T.int, 7));
    expect(typeOf('char x[(unsigned char) 258];')).toEqual(arr(T.char, 2));
    expect(typeOf('long y[5]; char x[sizeof y / sizeof y[0]];')).toEqual(arr(T.char, 5));
    expect(typeOf('char x[1 ? 3 : 4];')).toEqual(arr(T.char, 3));
  });

  it('takes the length of an unsized array from its initializer', () => {
    expect(typeOf('int x[] = {1, 2, 3};')).toEqual(arr(T.int, 3));
    expect(typeOf('char x[] = "hello";')).toEqual(arr(T.char, 6));
    expect(typeOf('char x[] = {"hi"};')).toEqual(arr(T.char, 3));
    expect(typeOf('int x[] = {[5] = 1, 2};')).toEqual(arr(T.int, 7));
    expect(typeOf('const char *x[] = {"a", "b",};')).toEqual(arr(ptr(T.char), 2));
    expect(typeOf('struct p { int a, b; } x[] = {{1, 2}, {3, 4}, {5}};')).toMatchObject({ length: 3 });
    expect(typeOf('struct p { int a, b; } x[] = {1, 2, 3};')).toMatchObject({ length: 2 });
  });

  it('keeps a char array initialized by a string as a string initializer', () => {
    expect(initOf(ok('char path[108] = "/tmp/sock";'), 'path')).toMatchObject({
      k: 'expr',
      expr: { k: 'string', bytes: new TextEncoder().encode('/tmp/sock') },
    });
  });

  it('reads prototypes: (void), unprototyped (), named and unnamed parameters, ...', () => {
    expect(typeOf('int x(void);')).toEqual(fn(T.int, []));
    expect(typeOf('int x();')).toEqual(fn(T.int, null));
    expect(typeOf('int x(int, char *name);')).toEqual(fn(T.int, [T.int, ptr(T.char)]));
    expect(typeOf('int x(const char *fmt, ...);')).toEqual(fn(T.int, [ptr(T.char)], true));
  });

  it('adjusts array and function parameters to pointers', () => {
    expect(typeOf('int x(char *argv[], int m[][3], void cb(int));')).toEqual(
      fn(T.int, [ptr(ptr(T.char)), ptr(arr(T.int, 3)), ptr(fn(T.void, [T.int]))]),
    );
  });

  it('reads function pointers, typedefs of them, and arrays of them', () => {
    const handler = fn(T.void, [T.int]);
    expect(typeOf('void (*x)(int);')).toEqual(ptr(handler));
    expect(typeOf('typedef void (*sighandler_t)(int);\nsighandler_t x;')).toEqual(ptr(handler));
    expect(typeOf('void (*x[4])(int);')).toEqual(arr(ptr(handler), 4));
    expect(typeOf('int (*(*x)(void))[3];')).toEqual(ptr(fn(ptr(arr(T.int, 3)), [])));
  });

  it('reads a function returning a function pointer, as signal() is declared', () => {
    const handler = ptr(fn(T.void, [T.int]));
    expect(typeOf('void (*signal(int sig, void (*func)(int)))(int);', 'signal')).toEqual(
      fn(handler, [T.int, handler]),
    );
  });

  it('defines a function returning a function pointer with its own parameters', () => {
    const tu = ok('static void h(int s) { }\nvoid (*pick(int which))(int) { return h; }');
    expect(find(tu, 'pick')).toMatchObject({
      k: 'func',
      params: [{ name: 'which', type: T.int }],
      type: { ret: ptr(fn(T.void, [T.int])) },
    });
  });

  it('declares several names with one set of specifiers', () => {
    const tu = ok('int a = 1, *b, c[2], d(void);');
    expect(tu.decls.map((d) => d.type)).toEqual([T.int, ptr(T.int), arr(T.int, 2), fn(T.int, [])]);
  });
});

describe('initializers', () => {
  it('reads designated initializers with fields, indexes and nesting', () => {
    const tu = ok(
      'struct s { int a; int b[3]; struct { int z; } in; };\nstruct s x = { .b[1] = 2, .in.z = 3, .a = 1 };',
    );
    expect(initOf(tu, 'x')).toMatchObject({
      k: 'list',
      items: [
        {
          designators: [{ field: 'b' }, { index: { k: 'int', value: 1n } }],
          init: { k: 'expr', expr: { value: 2n } },
        },
        { designators: [{ field: 'in' }, { field: 'z' }] },
        { designators: [{ field: 'a' }] },
      ],
    });
  });

  it('reads nested brace lists with trailing commas', () => {
    const tu = ok('int m[2][2] = { {1, 2}, {3, 4}, };');
    expect(initOf(tu, 'm')).toMatchObject({
      k: 'list',
      items: [
        { designators: [], init: { k: 'list', items: [{ init: { expr: { value: 1n } } }, {}] } },
        { designators: [], init: { k: 'list', items: [{}, { init: { expr: { value: 4n } } }] } },
      ],
    });
  });

  it('accepts an empty brace list', () => {
    expect(initOf(ok('struct s { int a; } x = {};'), 'x')).toMatchObject({ k: 'list', items: [] });
  });
});
