/**
 * The parser's state and token cursor: position in the token stream, scopes, diagnostics, and the
 * helpers every parsing function uses to match tokens and report errors.
 */

import type { Diagnostic, Pos } from './ast';
import type { Token } from './lexer';
import { Scope } from './scope';

/** Thrown to abandon the current external declaration after its first syntax error. */
export class Abort {}

/** The words of C99 (and the GNU spellings the headers use) that cannot be identifiers. */
export const KEYWORDS = new Set([
  'auto',
  'break',
  'case',
  'char',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extern',
  'float',
  'for',
  'goto',
  'if',
  'inline',
  'int',
  'long',
  'register',
  'restrict',
  'return',
  'short',
  'signed',
  'sizeof',
  'static',
  'struct',
  'switch',
  'typedef',
  'union',
  'unsigned',
  'void',
  'volatile',
  'while',
  '_Bool',
  '_Complex',
  '_Imaginary',
  '_Static_assert',
  '_Alignof',
  '_Alignas',
  '_Atomic',
  '_Noreturn',
  '_Thread_local',
  '__attribute__',
  '__attribute',
  '__extension__',
  '__inline',
  '__inline__',
  '__restrict',
  '__restrict__',
  '__const',
  '__volatile',
  '__volatile__',
  '__signed',
  '__signed__',
  '__alignof__',
  '__alignof',
  '__thread',
  'typeof',
  '__typeof__',
  '__typeof',
  'asm',
  '__asm',
  '__asm__',
]);

/** The parser's cursor over the preprocessed tokens, its scopes and its diagnostics. */
export class Parser {
  i = 0;
  readonly diagnostics: Diagnostic[] = [];
  scope = new Scope(null);
  /** The function being defined (for `__func__`), or null at file scope. */
  funcName: string | null = null;

  constructor(
    readonly toks: Token[],
    readonly file: string,
  ) {}

  /** The current token. */
  get tok(): Token {
    return this.toks[this.i];
  }

  /** The token `n` places ahead (the final `eof` if past the end). */
  peek(n = 1): Token {
    return this.toks[Math.min(this.i + n, this.toks.length - 1)];
  }

  /** Consumes and returns the current token (never moves past `eof`). */
  next(): Token {
    const t = this.toks[this.i];
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  /** True when the current token is that punctuator or word. */
  is(text: string): boolean {
    const t = this.toks[this.i];
    return t.text === text && (t.kind === 'punct' || t.kind === 'ident');
  }

  /** Consumes the token if it is that punctuator or word. */
  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }

  /** Consumes the token or fails with `expected 'x'` (or the message given) at the current token. */
  expect(text: string, message = `expected '${text}'`): Token {
    if (!this.is(text)) this.fail(message, this.tok.pos);
    return this.next();
  }

  /** Consumes the token or fails with the message just after the previous token (where it is missing). */
  expectAfter(text: string, message: string): void {
    if (!this.accept(text)) this.fail(message, this.endOfPrevious());
  }

  /** The position just after the previous token. */
  endOfPrevious(): Pos {
    const t = this.toks[this.i - 1];
    if (t === undefined) return this.tok.pos;
    if (t.end !== undefined) return t.end;
    return { file: t.pos.file, line: t.pos.line, col: t.pos.col + t.text.length };
  }

  /** True when the token is an identifier that is not a keyword. */
  isIdent(t: Token = this.tok): boolean {
    return t.kind === 'ident' && !KEYWORDS.has(t.text);
  }

  /** Consumes an identifier or fails with the message. */
  identifier(message = 'expected identifier'): Token {
    if (!this.isIdent()) this.fail(message, this.tok.pos);
    return this.next();
  }

  /** Records an error and goes on parsing. */
  error(message: string, pos: Pos): void {
    this.diagnostics.push({ severity: 'error', message, pos });
  }

  /** Records a warning. */
  warn(message: string, pos: Pos): void {
    this.diagnostics.push({ severity: 'warning', message, pos });
  }

  /** Records an error for a construct this front end does not handle. */
  unsupported(what: string, pos: Pos): void {
    this.error(`not supported yet: ${what} at line ${pos.line}`, pos);
  }

  /** Records a `not supported yet` error and abandons the current external declaration. */
  refuse(what: string, pos: Pos): never {
    this.unsupported(what, pos);
    throw new Abort();
  }

  /** Records an error and abandons the current external declaration. */
  fail(message: string, pos: Pos): never {
    this.error(message, pos);
    throw new Abort();
  }

  /** Enters a new block scope. */
  pushScope(): void {
    this.scope = new Scope(this.scope);
  }

  /** Leaves the current block scope. */
  popScope(): void {
    this.scope = this.scope.parent ?? this.scope;
  }
}
