import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './frontend';
import type { Token } from './lexer';
import { preprocess } from './preprocess';

function run(src: string) {
  return preprocess('main.c', (name) => (name === 'main.c' ? { file: name, text: src } : null));
}

/** The expansion as text, tokens separated by single spaces. */
function expand(src: string): string {
  return run(src)
    .tokens.map((t) => t.text)
    .join(' ')
    .trim();
}

/** The expansion with all spaces removed (for comparing with the C standard's examples). */
function squeeze(src: string): string {
  return expand(src).replace(/\s+/g, '');
}

function where(t: Token): string {
  return `${t.text}@${t.pos.line}:${t.pos.col}`;
}

describe('object-like and function-like macros', () => {
  it('replaces object-like macros, expanding the replacement again', () => {
    expect(expand('#define SIZE (BUF * 2)\n#define BUF 512\nchar b[SIZE];')).toBe('char b [ ( 512 * 2 ) ] ;');
  });

  it('substitutes fully expanded arguments for parameters', () => {
    expect(expand('#define TWICE(x) ((x) * 2)\n#define ONE 1\nTWICE(ONE + 1)')).toBe('( ( 1 + 1 ) * 2 )');
  });

  it('splits arguments at top-level commas only', () => {
    expect(expand('#define FIRST(a, b) a\nFIRST(f(1, 2), 3)')).toBe('f ( 1 , 2 )');
  });

  it('leaves a function-like macro name alone when no ( follows', () => {
    expect(expand('#define f(x) [x]\nint f; f (1); f\n(2)')).toBe('int f ; [ 1 ] ; [ 2 ]');
  });

  it('expands nested invocations from the inside out', () => {
    expect(expand('#define MAX(a, b) ((a) > (b) ? (a) : (b))\nMAX(MAX(1, 2), 3)')).toBe(
      '( ( ( ( 1 ) > ( 2 ) ? ( 1 ) : ( 2 ) ) ) > ( 3 ) ? ( ( ( 1 ) > ( 2 ) ? ( 1 ) : ( 2 ) ) ) : ( 3 ) )',
    );
  });

  it('accepts empty arguments and macros without parameters', () => {
    expect(expand('#define E(x) <x>\n#define N() none\nE() N()')).toBe('< > none');
  });

  it('reads an invocation spread over several lines', () => {
    expect(expand('#define ADD(a, b) a + b\nADD(1,\n    2)\nnext')).toBe('1 + 2 next');
  });

  it('reports a wrong number of arguments and an unterminated invocation', () => {
    const r = run('#define F(a, b) a\nF(1)\nF(1, 2, 3)\nF(1,\n');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      "main.c:2:1: macro 'F' requires 2 arguments, but only 1 given",
      "main.c:3:1: macro 'F' passed 3 arguments, but takes just 2",
      "main.c:4:1: unterminated argument list invoking macro 'F'",
    ]);
  });

  it('rejects bad definitions', () => {
    const r = run('#define 3 x\n#define F(a) #b\n#define G ## x\n#define defined\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'macro names must be identifiers',
      "'#' is not followed by a macro parameter",
      "'##' cannot appear at either end of a macro expansion",
      '"defined" cannot be used as a macro name',
    ]);
  });
});

describe('stringizing and pasting', () => {
  it('stringizes the argument as written, escaping quotes and backslashes in literals', () => {
    expect(expand('#define S(x) #x\nS(a  +  b) S( "q\\n" ) S(\'"\')')).toBe(
      String.raw`"a + b" "\"q\\n\"" "'\"'"`,
    );
  });

  it('stringizes the argument before expansion; a second macro level expands it first', () => {
    expect(expand('#define N 42\n#define S(x) #x\n#define XS(x) S(x)\nS(N) XS(N)')).toBe('"N" "42"');
  });

  it('pastes tokens into identifiers and numbers, which are then rescanned', () => {
    expect(expand('#define CAT(a, b) a ## b\n#define xy 7\nCAT(x, y) CAT(1, 2) CAT(-, >)')).toBe('7 12 ->');
  });

  it('pastes with empty arguments as if they were not there', () => {
    expect(expand('#define CAT(a, b) a ## b\n[CAT(, x)] [CAT(y, )] [CAT(,)]')).toBe('[ x ] [ y ] [ ]');
  });

  it('reports a paste that does not make one token', () => {
    const r = run('#define CAT(a, b) a ## b\nCAT(+, /)\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'pasting "+" and "/" does not give a valid preprocessing token',
    ]);
  });

  it('expands the C standard example of # and ##', () => {
    const src = [
      '#define str(s) # s',
      '#define xstr(s) str(s)',
      '#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\',
      ' x ## s, x ## t)',
      '#define INCFILE(n) vers ## n',
      '#define glue(a, b) a ## b',
      '#define xglue(a, b) glue(a, b)',
      '#define HIGHLOW "hello"',
      '#define LOW LOW ", world"',
      'debug(1, 2);',
      'fputs(str(strncmp("abc\\0d", "abc", \'\\4\') // this goes away',
      ' == 0) str(: @\\n), s);',
      'xstr(INCFILE(2).h)',
      'glue(HIGH, LOW);',
      'xglue(HIGH, LOW)',
    ].join('\n');
    expect(expand(src).split(' ; ')).toEqual([
      'printf ( "x" "1" "= %d, x" "2" "= %s" , x1 , x2 )',
      String.raw`fputs ( "strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n" , s )`,
      '"vers2.h" "hello"',
      '"hello" ", world"',
    ]);
  });
});

describe('recursion and rescanning', () => {
  it('does not expand a macro inside its own expansion', () => {
    expect(expand('#define foo foo + 1\n#define f(x) f(x * 2)\nfoo f(3)')).toBe('foo + 1 f ( 3 * 2 )');
  });

  it('stops mutual recursion too', () => {
    expect(expand('#define a b\n#define b a\na b')).toBe('a b');
  });

  it('expands the C standard example of rescanning and further replacement', () => {
    const src = [
      '#define x 3',
      '#define f(a) f(x * (a))',
      '#undef x',
      '#define x 2',
      '#define g f',
      '#define z z[0]',
      '#define h g(~',
      '#define m(a) a(w)',
      '#define w 0,1',
      '#define t(a) a',
      '#define p() int',
      '#define q(x) x',
      '#define r(x,y) x ## y',
      'f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);',
      'g(x+(3,4)-w) | h 5) & m',
      '(f)^m(m);',
      'p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };',
    ].join('\n');
    expect(squeeze(src)).toBe(
      [
        'f(2*(y+1))+f(2*(f(2*(z[0]))))%f(2*(0))+t(1);',
        'f(2*(2+(3,4)-0,1))|f(2*(~5))&f(2*(0,1))^m(0,1);',
        'inti[]={1,23,4,5,};',
      ].join(''),
    );
  });

  it('lets an expansion take its arguments from the text after it', () => {
    expect(expand('#define LPAREN (\n#define F(x) <x>\n#define G F\nG(1) G (2)')).toBe('< 1 > < 2 >');
  });
});

describe('variadic macros', () => {
  it('collects the remaining arguments, commas included, in __VA_ARGS__', () => {
    expect(expand('#define LOG(fmt, ...) printf(fmt, __VA_ARGS__)\nLOG("%d %d", a, b)')).toBe(
      'printf ( "%d %d" , a , b )',
    );
  });

  it('drops the comma before an empty __VA_ARGS__ pasted with ##, as GNU C does', () => {
    const src =
      '#define eprintf(fmt, ...) fprintf(stderr, fmt, ##__VA_ARGS__)\neprintf("x");\neprintf("%d", 1);';
    expect(expand(src)).toBe('fprintf ( stderr , "x" ) ; fprintf ( stderr , "%d" , 1 ) ;');
  });

  it('accepts a named variadic parameter (GNU args...)', () => {
    expect(expand('#define V(args...) f(args)\nV(1, 2)')).toBe('f ( 1 , 2 )');
  });

  it('accepts an omitted variadic argument', () => {
    expect(expand('#define V(a, ...) [a|__VA_ARGS__]\nV(1)')).toBe('[ 1 | ]');
  });
});

describe('positions after expansion', () => {
  it('gives tokens from a macro body the position of the invocation', () => {
    const toks = run('#define ZERO(p) memset(p, 0, sizeof *(p))\n\nint x; ZERO(&addr);').tokens;
    expect(toks.slice(3, 8).map(where)).toEqual(['memset@3:8', '(@3:8', '&@3:13', 'addr@3:14', ',@3:8']);
  });

  it('keeps the invocation position through nested macros defined in headers', () => {
    const r = preprocess('main.c', (name) =>
      name === 'main.c'
        ? { file: 'main.c', text: '#include "h.h"\n  OUTER;' }
        : { file: 'h.h', text: '#define INNER 1 + 2\n#define OUTER (INNER)' },
    );
    expect(r.tokens.slice(0, -1).map(where)).toEqual(['(@2:3', '1@2:3', '+@2:3', '2@2:3', ')@2:3', ';@2:8']);
  });

  it('ignores _Pragma operators', () => {
    expect(expand('a _Pragma("once") b')).toBe('a b');
  });
});
