import { describe, expect, it } from 'vitest';
import { lex } from './lexer';

function kinds(src: string): string[] {
  return lex(src, 't.c').tokens.map((t) => `${t.kind}:${t.text}`);
}

function at(src: string): string[] {
  return lex(src, 't.c')
    .tokens.filter((t) => t.kind !== 'eof')
    .map((t) => `${t.text}@${t.pos.line}:${t.pos.col}`);
}

describe('the lexer', () => {
  it('splits identifiers, numbers, strings, characters and punctuators', () => {
    expect(kinds('int x = 0x1f + \'a\'; s = "hi";')).toEqual([
      'ident:int',
      'ident:x',
      'punct:=',
      'number:0x1f',
      'punct:+',
      "char:'a'",
      'punct:;',
      'ident:s',
      'punct:=',
      'string:"hi"',
      'punct:;',
      'eof:',
    ]);
  });

  it('takes the longest punctuator: ... -> <<= >>= ## and #', () => {
    expect(kinds('a...b->c<<=d>>=e##f#g').filter((k) => k.startsWith('punct'))).toEqual([
      'punct:...',
      'punct:->',
      'punct:<<=',
      'punct:>>=',
      'punct:##',
      'punct:#',
    ]);
  });

  it('reads every two-character operator as one token', () => {
    const ops = [
      '++',
      '--',
      '<<',
      '>>',
      '<=',
      '>=',
      '==',
      '!=',
      '&&',
      '||',
      '*=',
      '/=',
      '%=',
      '+=',
      '-=',
      '&=',
      '^=',
      '|=',
    ];
    expect(kinds(ops.join(' ')).slice(0, -1)).toEqual(ops.map((o) => `punct:${o}`));
  });

  it('reads pp-numbers whole, exponent signs and suffixes included', () => {
    expect(kinds('1e+5 0x1p-3 10UL .5f 1.2.3')).toEqual([
      'number:1e+5',
      'number:0x1p-3',
      'number:10UL',
      'number:.5f',
      'number:1.2.3',
      'eof:',
    ]);
  });

  it('keeps escaped quotes inside string and character literals', () => {
    expect(kinds(String.raw`"a\"b" '\'' "\\"`)).toEqual([
      String.raw`string:"a\"b"`,
      String.raw`char:'\''`,
      String.raw`string:"\\"`,
      'eof:',
    ]);
  });

  it('drops block and line comments, leaving whitespace behind', () => {
    const toks = lex('a/* one\ntwo */b // rest\nc', 't.c').tokens;
    expect(toks.map((t) => t.text)).toEqual(['a', 'b', 'c', '']);
    expect(toks[1]).toMatchObject({ space: true, bol: false, pos: { line: 2, col: 7 } });
    expect(toks[2]).toMatchObject({ bol: true, pos: { line: 3, col: 1 } });
  });

  it('gives every token its file, line and column', () => {
    expect(at('int main(void)\n{\n  return 0;\n}\n')).toEqual([
      'int@1:1',
      'main@1:5',
      '(@1:9',
      'void@1:10',
      ')@1:14',
      '{@2:1',
      'return@3:3',
      '0@3:10',
      ';@3:11',
      '}@4:1',
    ]);
    expect(lex('x', 'server.c').tokens[0].pos.file).toBe('server.c');
  });

  it('joins lines spliced with a backslash and keeps later positions exact', () => {
    expect(at('#define X \\\n  42\nint y;')).toEqual([
      '#@1:1',
      'define@1:2',
      'X@1:9',
      '42@2:3',
      'int@3:1',
      'y@3:5',
      ';@3:6',
    ]);
    expect(kinds('ab\\\ncd')).toEqual(['ident:abcd', 'eof:']);
  });

  it('marks the first token of each line, but not after a comment spanning lines', () => {
    const toks = lex('a\n  # define\n/* x\n */ b', 't.c').tokens;
    expect(toks.map((t) => t.bol)).toEqual([true, true, false, true, true]);
    expect(toks[3]).toMatchObject({ text: 'b', bol: true, pos: { line: 4, col: 5 } });
  });

  it('treats CRLF line ends as newlines', () => {
    expect(at('a\r\nb\r\n')).toEqual(['a@1:1', 'b@2:1']);
  });

  it('lexes wide and UTF-8 prefixed literals as single tokens', () => {
    expect(kinds(`L"w" u8"x" L'c'`)).toEqual(['string:L"w"', 'string:u8"x"', "char:L'c'", 'eof:']);
  });

  it('stops an unterminated string at the end of its line', () => {
    expect(kinds('"abc\nx')).toEqual(['string:"abc', 'ident:x', 'eof:']);
  });

  it('reports an unterminated comment where it starts', () => {
    expect(lex('int x; /* never closed', 't.c').diagnostics).toEqual([
      { severity: 'error', message: 'unterminated comment', pos: { file: 't.c', line: 1, col: 8 } },
    ]);
  });

  it('passes stray characters through as single tokens', () => {
    expect(kinds('@ \\ `')).toEqual(['other:@', 'other:\\', 'other:`', 'eof:']);
  });
});
