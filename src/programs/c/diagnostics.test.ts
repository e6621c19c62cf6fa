import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFrontEnd, formatDiagnostic } from './frontend';

function errors(src: string, file = 'server.c'): string[] {
  return compileFrontEnd({ [file]: src }, file, {})
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);
}

describe('syntax errors', () => {
  it('says that a file kept in troff (the 4.3BSD tutorial sources) must lose its troff lines', () => {
    const src = '.\\" @(#)ustreamread.c\t6.3 (Berkeley) 5/8/86\n#include <stdio.h>\nmain() { }\n';
    expect(errors(src)[0]).toBe(
      'server.c:1:1: this line is troff markup, not C (the file comes from a troff document): delete the lines that begin with .\\" and write each \\en as \\n',
    );
  });

  it('gives no troff hint to a C file whose only error is elsewhere', () => {
    expect(errors('/* .\\" */\nint x = 1\nint y;')).toEqual([
      "server.c:2:10: expected ';' after top level declarator",
    ]);
  });

  it('puts a missing semicolon right after the expression it ends', () => {
    const src = 'int main(void)\n{\n    int fd;\n    fd = socket(1, 1, 0)\n    close(fd);\n}\n';
    expect(errors(src)).toEqual(["server.c:4:25: expected ';' after expression"]);
  });

  it('says which statement a semicolon is missing after', () => {
    expect(errors('void f(void) {\n  return 1\n}')).toEqual([
      "server.c:2:11: expected ';' after return statement",
    ]);
    expect(errors('void f(void) {\n  int a = 1\n  a++;\n}')).toEqual([
      "server.c:2:12: expected ';' after declaration",
    ]);
    expect(errors('void f(void) {\n  do {} while (0)\n}')).toEqual([
      "server.c:2:18: expected ';' after do/while statement",
    ]);
    expect(errors('void f(void) {\n  for (;;) break\n}')).toEqual([
      "server.c:2:17: expected ';' after break statement",
    ]);
    expect(errors('int x = 1\nint y;')).toEqual(["server.c:1:10: expected ';' after top level declarator"]);
    expect(errors('struct s { int a\n};')).toEqual([
      "server.c:1:17: expected ';' at end of declaration list",
    ]);
  });

  it('reports missing parentheses and braces at the token found instead', () => {
    expect(errors('void f(void) {\n  if (x > 0 {\n  }\n}')).toEqual(["server.c:2:13: expected ')'"]);
    expect(errors('void f(void) {\n  g(1, 2;\n}')).toEqual(["server.c:2:9: expected ')' after arguments"]);
    expect(errors('void f(void) {\n  x = ;\n}')).toEqual(['server.c:2:7: expected expression']);
    expect(errors('void f(void) {\n  if (1) {\n')).toEqual(["server.c:3:1: expected '}' at end of input"]);
  });

  it('names an unknown type instead of guessing', () => {
    expect(errors('void f(void) {\n  pid_t pid;\n}')).toEqual(["server.c:2:3: unknown type name 'pid_t'"]);
    expect(errors('ssize_t n;')).toEqual(["server.c:1:1: unknown type name 'ssize_t'"]);
    expect(errors('int f(socklen_t len);')).toEqual(["server.c:1:7: unknown type name 'socklen_t'"]);
  });

  it('points errors inside macro expansions at the macro invocation', () => {
    const src = '#define CHECK(x) if ((x) < 0) { perror(#x) exit(1); }\nvoid f(int fd) {\n  CHECK(fd);\n}';
    expect(errors(src)).toEqual(["server.c:3:12: expected ';' after expression"]);
  });

  it('puts a semicolon missing after a macro invocation right after the invocation', () => {
    const src = '#define MAX(a, b) ((a) > (b) ? (a) : (b))\nvoid f(int a) {\n  a = MAX(a, 2)\n  a++;\n}';
    expect(errors(src)).toEqual(["server.c:3:16: expected ';' after expression"]);
    expect(errors('#define N 10\nvoid f(int a) {\n  a = N\n}')).toEqual([
      "server.c:3:8: expected ';' after expression",
    ]);
  });

  it('points errors in headers at the header', () => {
    const tu = compileFrontEnd(
      { 'main.c': '#include "defs.h"\nint x;', 'defs.h': '\nint broken(;\n' },
      'main.c',
      {},
    );
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual(["defs.h:2:12: expected a type before ';'"]);
  });

  it('resumes after an initializer or a struct that had an error', () => {
    const src = 'int x = ({ 1; });\nstruct s { int a b; } v;\nint y = (1 +);\nint ok;';
    const tu = compileFrontEnd({ 'server.c': src }, 'server.c', {});
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual([
      'server.c:1:9: not supported yet: statement expressions at line 1',
      "server.c:2:17: expected ';' at end of declaration list",
      'server.c:3:13: expected expression',
    ]);
    expect(tu.decls.map((d) => d.name)).toEqual(['ok']);
  });

  it('reports one error per function and goes on with the next declaration', () => {
    const src = 'void f(void) {\n  a = ;\n  b = ;\n}\nvoid g(void) {\n  c = ;\n}\nint ok;\n';
    const tu = compileFrontEnd({ 'server.c': src }, 'server.c', {});
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual([
      'server.c:2:7: expected expression',
      'server.c:6:7: expected expression',
    ]);
    expect(tu.decls.map((d) => d.name)).toEqual(['ok']);
  });

  it('reports bad constants where they are used', () => {
    expect(errors('int x = 09;')).toEqual(["server.c:1:9: invalid digit '9' in octal constant"]);
    expect(errors("int c = '';")).toEqual(['server.c:1:9: empty character constant']);
    expect(errors('char *s = "abc;\n')).toEqual(['server.c:1:11: missing terminating " character']);
  });

  it('reports a typedef name used as a value', () => {
    expect(errors('typedef int T;\nint x = T;')).toEqual([
      "server.c:2:9: unexpected type name 'T': expected expression",
    ]);
  });

  it('reports a function definition inside a function', () => {
    expect(errors('void f(void) {\n  int g(void) { return 1; }\n}')).toEqual([
      'server.c:2:7: function definitions are not allowed inside a function',
    ]);
  });

  it('never throws, whatever the input', () => {
    const pieces = [
      'int',
      'x',
      '(',
      ')',
      '{',
      '}',
      '[',
      ']',
      ';',
      ',',
      '*',
      '=',
      '1',
      '"s"',
      'struct',
      'if',
      'else',
      '#define A(',
      '\n',
      'typedef',
      'enum',
      ':',
      '?',
      '...',
      'sizeof',
      "'c'",
      '->',
      'for',
      'case',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const tu = compileFrontEnd({ 'f.c': parts.join(' ') }, 'f.c', {});
        expect(Array.isArray(tu.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reports code nested too deeply instead of crashing', () => {
    const deep = `int x = ${'('.repeat(20000)}1${')'.repeat(20000)};`;
    expect(errors(deep)).toEqual(['server.c:1:1: code nested too deeply to compile']);
    const macros = `#define F(x) x\nint y = ${'F('.repeat(20000)}1${')'.repeat(20000)};`;
    expect(() => errors(macros)).not.toThrow();
  });
});

describe('constructs that are not supported yet', () => {
  it('refuses bit-fields', () => {
    expect(errors('struct flags {\n  unsigned int a : 1;\n};')).toEqual([
      'server.c:2:16: not supported yet: bit-fields at line 2',
    ]);
  });

  it('refuses complex numbers', () => {
    expect(errors('double _Complex z;')).toEqual([
      'server.c:1:8: not supported yet: complex types at line 1',
    ]);
  });

  it('refuses variable-length arrays', () => {
    expect(errors('void f(int n) {\n  char buf[n];\n}')).toEqual([
      'server.c:2:11: not supported yet: variable-length arrays at line 2',
    ]);
  });

  it('refuses inline assembly', () => {
    expect(errors('void f(void) {\n  asm("nop");\n}')).toEqual([
      'server.c:2:3: not supported yet: asm statements at line 2',
    ]);
  });

  it('refuses GNU statement expressions, ?: with an omitted operand, and case ranges', () => {
    expect(errors('int x = ({ 1; });')).toEqual([
      'server.c:1:9: not supported yet: statement expressions at line 1',
    ]);
    expect(errors('int f(int a) { return a ?: 1; }')).toEqual([
      "server.c:1:25: not supported yet: the '?:' operator with an omitted middle operand at line 1",
    ]);
    expect(errors('void f(int a) { switch (a) { case 1 ... 3: break; } }')).toEqual([
      'server.c:1:30: not supported yet: case ranges at line 1',
    ]);
  });

  it('refuses packed structs but ignores other attributes', () => {
    expect(errors('struct __attribute__((packed)) p { char c; int i; };')).toEqual([
      'server.c:1:8: not supported yet: __attribute__((packed)) at line 1',
    ]);
    expect(errors('void die(const char *m) __attribute__((noreturn, format(printf, 1, 2)));')).toEqual([]);
  });

  it('refuses wide character and string literals', () => {
    expect(errors("int c = L'x';")).toEqual([
      'server.c:1:9: not supported yet: wide character literals at line 1',
    ]);
    expect(errors('void f(void) {\n  g(L"wide");\n}')).toEqual([
      'server.c:2:5: not supported yet: wide string literals at line 2',
    ]);
  });

  it('refuses typeof and thread-local storage', () => {
    expect(errors('int a; typeof(a) b;')).toEqual(['server.c:1:8: not supported yet: typeof at line 1']);
    expect(errors('__thread int t;')).toEqual([
      'server.c:1:1: not supported yet: thread-local storage at line 1',
    ]);
  });

  it('checks static assertions', () => {
    expect(
      errors('_Static_assert(sizeof(int) == 4, "int");\n_Static_assert(sizeof(long) == 4, "long is 4");'),
    ).toEqual(['server.c:2:1: static assertion failed: "long is 4"']);
  });
});
