import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './ast';
import { formatDiagnostic } from './frontend';
import { preprocess } from './preprocess';

/** Preprocesses `main.c` from the given user files and system headers. */
function pp(files: Record<string, string>, system: Record<string, string> = {}) {
  return preprocess('main.c', (name, kind) => {
    const table = kind === 'user' ? files : system;
    return Object.hasOwn(table, name) ? { file: name, text: table[name] } : null;
  });
}

/** The output of preprocessing one file, as text with single spaces. */
function out(src: string, system: Record<string, string> = {}): string {
  return pp({ 'main.c': src }, system)
    .tokens.map((t) => t.text)
    .join(' ')
    .trim();
}

function messages(ds: Diagnostic[]): string[] {
  return ds.map(formatDiagnostic);
}

describe('#include', () => {
  it('looks for "header.h" among the user files first, then the system headers', () => {
    const r = pp(
      { 'main.c': '#include "a.h"\n#include "b.h"\nend', 'a.h': 'user_a' },
      { 'a.h': 'sys_a', 'b.h': 'sys_b' },
    );
    expect(r.tokens.map((t) => t.text).join(' ')).toBe('user_a sys_b end ');
  });

  it('looks for <header.h> only among the system headers', () => {
    const r = pp({ 'main.c': '#include <a.h>', 'a.h': 'user_a' }, { 'a.h': 'sys_a' });
    expect(r.tokens[0].text).toBe('sys_a');
  });

  it('falls back to the system header of the same name for "../lib/unp.h", with a warning', () => {
    const r = pp({ 'main.c': '#include "../lib/unp.h"\nx' }, { 'unp.h': 'sys_unp' });
    expect(r.tokens.map((t) => t.text).join(' ')).toBe('sys_unp x ');
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(messages(r.diagnostics)).toEqual([
      'main.c:1:10: cannot find ../lib/unp.h; using the system header unp.h instead',
    ]);
  });

  it('reports a missing header at its name and stops there', () => {
    const r = pp({ 'main.c': 'int a;\n\n#include <foo.h>\nint b;\n' });
    expect(messages(r.diagnostics)).toEqual(['main.c:3:10: cannot find header foo.h']);
    expect(r.tokens.map((t) => t.text)).toEqual(['int', 'a', ';', '']);
  });

  it('gives included tokens the position in their own file', () => {
    const r = pp({ 'main.c': '#include "h.h"\nx', 'h.h': '\n  int y;' });
    expect(r.tokens[0].pos).toEqual({ file: 'h.h', line: 2, col: 3 });
    expect(r.tokens[3].pos).toEqual({ file: 'main.c', line: 2, col: 1 });
  });

  it('includes a guarded header once and honours #pragma once', () => {
    const guarded = '#ifndef G_H\n#define G_H\nguarded\n#endif\n';
    const r = pp({
      'main.c': '#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\n',
      'g.h': guarded,
      'o.h': '#pragma once\nonce\n',
    });
    expect(r.tokens.map((t) => t.text)).toEqual(['guarded', 'once', '']);
  });

  it('accepts a header name produced by a macro', () => {
    expect(out('#define HDR <x.h>\n#include HDR\n', { 'x.h': 'from_x' })).toBe('from_x');
  });

  it('stops runaway recursive includes', () => {
    const r = pp({ 'main.c': '#include "main.c"\n' });
    expect(r.diagnostics.some((d) => d.message === '#include nested too deeply')).toBe(true);
  });
});

describe('conditional compilation', () => {
  it('keeps the first true group of #if/#elif/#else', () => {
    const src = '#if 0\na\n#elif 1\nb\n#elif 1\nc\n#else\nd\n#endif\n#if 0\ne\n#else\nf\n#endif';
    expect(out(src)).toBe('b f');
  });

  it('tests definitions with #ifdef, #ifndef and both forms of defined', () => {
    const src =
      '#define X\n#ifdef X\na\n#endif\n#ifndef X\nb\n#endif\n#if defined(X) && !defined Y\nc\n#endif';
    expect(out(src)).toBe('a c');
  });

  it('evaluates arithmetic, shifts, comparisons, ternaries and character constants', () => {
    const src = [
      '#if (1 + 2 * 3 == 7) && (1 << 4) == 16 && -1 < 0 && 10 / 3 == 3 && 10 % 3 == 1',
      'arith',
      '#endif',
      "#if 'A' == 65 && (0 ? 1 : 2) == 2 && ~0 == -1 && (0x10 | 1) == 17",
      'more',
      '#endif',
    ].join('\n');
    expect(out(src)).toBe('arith more');
  });

  it('compares as unsigned when either side is unsigned', () => {
    expect(out('#if -1 > 0u\nunsigned\n#else\nsigned\n#endif')).toBe('unsigned');
  });

  it('expands macros in conditions and treats unknown identifiers as 0', () => {
    const src =
      '#define VERSION 3\n#define AT_LEAST(v) (VERSION >= (v))\n#if AT_LEAST(2) && !UNKNOWN\nok\n#endif';
    expect(out(src)).toBe('ok');
  });

  it('evaluates defined when a macro expands to it, as gcc does', () => {
    expect(
      out(
        '#define HAVE_FOO defined(FOO)\n#define HAVE_BAR defined BAR\n#define FOO\n#if HAVE_FOO && !HAVE_BAR\nyes\n#endif',
      ),
    ).toBe('yes');
  });

  it('skips nested conditionals inside a false group, stray quotes included', () => {
    const src = "#if 0\n#if 1\ndon't\n#else\nx\n#endif\n#error not reached\n#endif\nafter";
    expect(out(src)).toBe('after');
  });

  it('short-circuits && and || so a skipped division by zero is fine', () => {
    expect(out('#if 0 && (1 / 0)\nno\n#else\nyes\n#endif')).toBe('yes');
    const r = pp({ 'main.c': '#if 1 / 0\n#endif\n' });
    expect(messages(r.diagnostics)).toEqual(['main.c:1:7: division by zero in #if']);
  });

  it('reports an unterminated #if at its line', () => {
    const r = pp({ 'main.c': 'int a;\n#ifndef FOO\nint b;\n' });
    expect(messages(r.diagnostics)).toEqual(['main.c:2:2: unterminated #ifndef']);
  });

  it('reports #else and #endif without #if, and #else after #else', () => {
    const r = pp({ 'main.c': '#endif\n#else\n#if 1\n#else\n#else\n#endif\n' });
    expect(messages(r.diagnostics)).toEqual([
      'main.c:1:2: #endif without #if',
      'main.c:2:2: #else without #if',
      'main.c:5:2: #else after #else',
    ]);
  });

  it('reports malformed #if expressions', () => {
    const r = pp({ 'main.c': '#if 1 +\n#endif\n#if (2\n#endif\n#if 1 2\n#endif\n#if\n#endif\n' });
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      '#if expression ends unexpectedly',
      "missing ')' in expression",
      'missing binary operator before token "2"',
      '#if with no expression',
    ]);
  });
});

describe('other directives', () => {
  it('turns #error into an error and #warning into a warning, with their text', () => {
    const r = pp({ 'main.c': '#warning "old API"\n#error Unsupported   platform\n' });
    expect(r.diagnostics).toEqual([
      { severity: 'warning', message: '#warning "old API"', pos: { file: 'main.c', line: 1, col: 2 } },
      { severity: 'error', message: '#error Unsupported platform', pos: { file: 'main.c', line: 2, col: 2 } },
    ]);
  });

  it('ignores #pragma, #line, #ident and the null directive', () => {
    expect(out('#pragma pack(1)\n#line 10\n#ident "x"\n#\nok')).toBe('ok');
  });

  it('rejects unknown directives', () => {
    expect(messages(pp({ 'main.c': '#frobnicate x\n' }).diagnostics)).toEqual([
      'main.c:1:2: invalid preprocessing directive #frobnicate',
    ]);
  });

  it('predefines the Linux x86-64 C99 macros, but not __GNUC__', () => {
    const src = '__STDC__ __STDC_VERSION__ __linux__ __x86_64__ __LP64__\n#ifdef __GNUC__\ngnu\n#endif';
    expect(out(src)).toBe('1 199901L 1 1 1');
  });

  it('expands __FILE__ and __LINE__ where they are used', () => {
    const r = pp({ 'main.c': 'a\n  __LINE__ __FILE__\n#define WHERE __LINE__\n\nWHERE\n' });
    expect(r.tokens.map((t) => t.text)).toEqual(['a', '2', '"main.c"', '5', '']);
  });

  it('defines and undefines macros', () => {
    expect(out('#define N 1\nN\n#undef N\nN')).toBe('1 N');
  });

  it('warns when a macro is redefined differently, not when it is repeated', () => {
    const r = pp({ 'main.c': '#define A 1\n#define A 1\n#define A  1\n#define A 2\n' });
    expect(messages(r.diagnostics)).toEqual(["main.c:4:9: 'A' redefined"]);
  });
});
