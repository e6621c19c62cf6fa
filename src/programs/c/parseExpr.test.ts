import { describe, expect, it } from 'vitest';
import { type Expr, type FuncDef, T } from './ast';
import { compileFrontEnd, formatDiagnostic } from './frontend';

const PRELUDE =
  'typedef unsigned long size_t;\nstruct sockaddr_un { unsigned short sun_family; char sun_path[108]; };\n';

/** Parses one expression statement inside a function (after a small prelude) and returns it. */
function expr(src: string, decls = ''): Expr {
  const tu = compileFrontEnd({ 't.c': `${PRELUDE}${decls}\nvoid t(void) {\n${src};\n}` }, 't.c', {});
  expect(tu.diagnostics.map(formatDiagnostic)).toEqual([]);
  const f = tu.decls[tu.decls.length - 1] as FuncDef;
  const s = f.body.body[0];
  if (s.k !== 'expr') throw new Error(`not an expression statement: ${s.k}`);
  return s.expr;
}

/** A compact rendering of an expression's structure (operators and leaves), for precedence tests. */
function shape(e: Expr): string {
  switch (e.k) {
    case 'int':
      return String(e.value);
    case 'ident':
      return e.name;
    case 'binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'assign':
      return `(${shape(e.target)} ${e.op} ${shape(e.value)})`;
    case 'unary':
      return e.op.startsWith('post')
        ? `(${shape(e.arg)}${e.op.slice(4)})`
        : `(${e.op.replace('pre', '')}${shape(e.arg)})`;
    case 'cond':
      return `(${shape(e.test)} ? ${shape(e.then)} : ${shape(e.else)})`;
    case 'call':
      return `${shape(e.callee)}(${e.args.map(shape).join(', ')})`;
    case 'index':
      return `${shape(e.obj)}[${shape(e.index)}]`;
    case 'member':
      return `${shape(e.obj)}${e.arrow ? '->' : '.'}${e.name}`;
    case 'cast':
      return `(cast ${shape(e.arg)})`;
    default:
      return e.k;
  }
}

describe('operators', () => {
  it('binds by C precedence', () => {
    expect(shape(expr('a + b * c - d / e % f'))).toBe('((a + (b * c)) - ((d / e) % f))');
    expect(shape(expr('a << 1 + 2 < b == c & d ^ e | f && g || h'))).toBe(
      '((((((((a << (1 + 2)) < b) == c) & d) ^ e) | f) && g) || h)',
    );
  });

  it('associates assignments and conditionals to the right, the rest to the left', () => {
    expect(shape(expr('a = b += c'))).toBe('(a = (b += c))');
    expect(shape(expr('a ? b : c ? d : e'))).toBe('(a ? b : (c ? d : e))');
    expect(shape(expr('a - b - c'))).toBe('((a - b) - c)');
  });

  it('parses the comma operator, lowest of all', () => {
    expect(shape(expr('a = 1, b = 2'))).toBe('((a = 1) , (b = 2))');
  });

  it('reads prefix and postfix operators', () => {
    expect(shape(expr('-*p++'))).toBe('(-(*(p++)))');
    expect(shape(expr('!~x + ++y - z--'))).toBe('(((!(~x)) + (++y)) - (z--))');
    expect(shape(expr('&a[1].b->c'))).toBe('(&a[1].b->c)');
  });

  it('reads every compound assignment', () => {
    for (const op of ['+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']) {
      expect(expr(`x ${op} 1`)).toMatchObject({ k: 'assign', op });
    }
  });

  it('reads calls with any arguments, and calls through pointers', () => {
    expect(shape(expr('f(a, b = 2, (c, d))'))).toBe('f(a, (b = 2), (c , d))');
    expect(shape(expr('(*fp)(1)'))).toBe('(*fp)(1)');
    expect(shape(expr('handlers[2](3)'))).toBe('handlers[2](3)');
    expect(shape(expr('undeclared()'))).toBe('undeclared()');
  });

  it('gives operators their position and calls the position of the callee', () => {
    const e = expr('  x = foo(1)');
    expect(e).toMatchObject({
      k: 'assign',
      pos: { line: 5, col: 5 },
      value: { k: 'call', pos: { line: 5, col: 7 } },
    });
  });
});

describe('casts, sizeof and compound literals', () => {
  it('tells a cast from a parenthesised expression by the names in scope', () => {
    expect(expr('(size_t) n')).toMatchObject({ k: 'cast', to: T.ulong, arg: { k: 'ident', name: 'n' } });
    expect(expr('(n) - 1')).toMatchObject({ k: 'binary', op: '-', left: { k: 'ident', name: 'n' } });
    expect(expr('(struct sockaddr *) &addr')).toMatchObject({
      k: 'cast',
      to: { kind: 'pointer', to: { kind: 'struct', tag: 'sockaddr' } },
      arg: { k: 'unary', op: '&' },
    });
    expect(expr('(void) close(fd)')).toMatchObject({ k: 'cast', to: T.void, arg: { k: 'call' } });
  });

  it('reads abstract declarators in casts', () => {
    expect(expr('(void (*)(int)) 0')).toMatchObject({
      k: 'cast',
      to: { kind: 'pointer', to: { kind: 'function', ret: T.void, params: [T.int] } },
    });
    expect(expr('(char (*)[4]) p')).toMatchObject({
      to: { kind: 'pointer', to: { kind: 'array', length: 4 } },
    });
  });

  it('reads sizeof of a type, of a parenthesised expression and of a bare expression', () => {
    expect(expr('sizeof(struct sockaddr_un)')).toMatchObject({
      k: 'sizeofType',
      of: { kind: 'struct', size: 110 },
    });
    expect(expr('sizeof(x)')).toMatchObject({ k: 'sizeofExpr', arg: { k: 'ident', name: 'x' } });
    expect(expr('sizeof buf - 1')).toMatchObject({
      k: 'binary',
      left: { k: 'sizeofExpr', arg: { name: 'buf' } },
    });
    expect(expr('sizeof *p')).toMatchObject({ k: 'sizeofExpr', arg: { k: 'unary', op: '*' } });
    expect(expr('sizeof(char *)')).toMatchObject({ k: 'sizeofType', of: { kind: 'pointer' } });
  });

  it('reads compound literals, with their array length from the initializer', () => {
    expect(expr('(struct sockaddr_un){ .sun_family = 1 }')).toMatchObject({
      k: 'compound',
      type: { kind: 'struct', tag: 'sockaddr_un' },
      init: { k: 'list', items: [{ designators: [{ field: 'sun_family' }] }] },
    });
    expect(expr('(int []){1, 2, 3}[1]')).toMatchObject({
      k: 'index',
      obj: { k: 'compound', type: { length: 3 } },
    });
  });

  it('computes _Alignof as a constant', () => {
    expect(expr('_Alignof(struct sockaddr_un)')).toMatchObject({ k: 'int', value: 2n, type: T.ulong });
  });
});

describe('primary expressions', () => {
  it('types integer and character constants', () => {
    expect(expr("'\\n'")).toMatchObject({ k: 'int', value: 10n, type: T.int });
    expect(expr('0x10UL')).toMatchObject({ k: 'int', value: 16n, type: T.ulong });
    expect(expr('2.5')).toMatchObject({ k: 'float', value: 2.5, type: T.double });
  });

  it('joins adjacent string literals, macros included', () => {
    const e = expr('"abc" "" PATH "!"', '#define PATH "/tmp"');
    expect(e).toMatchObject({
      k: 'string',
      bytes: new TextEncoder().encode('abc/tmp!'),
      pos: { line: 5, col: 1 },
    });
  });

  it('turns enum constants into integer constants', () => {
    expect(expr('x = B', 'enum { A = 3, B };')).toMatchObject({
      value: { k: 'int', value: 4n, type: T.int },
    });
  });

  it('turns __func__ into the function name', () => {
    expect(expr('__func__')).toMatchObject({ k: 'string', bytes: new TextEncoder().encode('t') });
  });

  it('reads __builtin_offsetof with a member path', () => {
    expect(expr('__builtin_offsetof(struct sockaddr_un, sun_path[2])')).toMatchObject({
      k: 'offsetof',
      of: { tag: 'sockaddr_un' },
      path: [{ field: 'sun_path' }, { index: { k: 'int', value: 2n } }],
    });
    expect(expr('__builtin_offsetof(struct s, a.b)', 'struct s { struct { int b; } a; };')).toMatchObject({
      path: [{ field: 'a' }, { field: 'b' }],
    });
  });

  it('reads __builtin_va_arg with a type', () => {
    expect(expr('__builtin_va_arg(ap, char *)')).toMatchObject({
      k: 'vaArg',
      list: { k: 'ident', name: 'ap' },
      type: { kind: 'pointer', to: T.char },
    });
  });
});
