/**
 * The C preprocessor: includes, macros and conditional compilation, producing the token stream
 * the parser reads. Headers come from a `read` callback, so the same code serves the user's own
 * files and the built-in system headers.
 */

import type { Diagnostic, Pos } from './ast';
import { lex, type Token } from './lexer';
import { type Macro, parseDefine, predefinedMacros, sameDefinition } from './macroDefs';
import { Expander, type TokenReader } from './macros';
import { evalCondition } from './ppExpr';

/** Finds a header: a user's file (`#include "x.h"`) or a system header (`<x.h>`), or null. */
export type ReadHeader = (
  name: string,
  kind: 'system' | 'user',
  from: string,
) => { file: string; text: string } | null;

interface Cond {
  directive: string;
  pos: Pos;
  taken: boolean;
  sawElse: boolean;
}

interface OpenFile {
  file: string;
  toks: Token[];
  i: number;
  conds: Cond[];
}

const MAX_INCLUDE_DEPTH = 200;

/** Preprocesses the main file and everything it includes; a missing header stops preprocessing there. */
export function preprocess(
  mainFile: string,
  read: ReadHeader,
): { tokens: Token[]; diagnostics: Diagnostic[] } {
  return new Preprocessor(read).run(mainFile);
}

class Preprocessor implements TokenReader {
  private readonly macros = new Map<string, Macro>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly files: OpenFile[] = [];
  private readonly stack: Token[] = [];
  private readonly lexed = new Map<string, Token[]>();
  private readonly once = new Set<string>();
  private readonly expander: Expander;
  private stopped = false;

  constructor(private readonly read: ReadHeader) {
    const report = (severity: 'error' | 'warning', message: string, pos: Pos) =>
      this.diagnostics.push({ severity, message, pos });
    this.expander = new Expander(this.macros, report);
    for (const m of predefinedMacros()) this.macros.set(m.name, m);
  }

  run(mainFile: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
    const main = this.read(mainFile, 'user', mainFile);
    if (main === null) {
      const pos = { file: mainFile, line: 1, col: 1 };
      this.error(`cannot find file ${mainFile}`, pos);
      return { tokens: [eofAt(pos)], diagnostics: this.diagnostics };
    }
    this.open(main.file, main.text);
    const mainToks = this.files[0].toks;
    const out: Token[] = [];
    this.expander.expand(this, out);
    out.push(mainToks[mainToks.length - 1]);
    return { tokens: out, diagnostics: this.diagnostics };
  }

  next(): Token | null {
    if (this.stack.length > 0) return this.stack.pop()!;
    return this.nextFileToken();
  }

  peek(): Token | null {
    if (this.stack.length > 0) return this.stack[this.stack.length - 1];
    const f = this.files[this.files.length - 1];
    if (f === undefined || this.stopped) return null;
    const t = f.toks[f.i];
    return t.kind === 'eof' ? null : t;
  }

  pushBack(tokens: Token[]): void {
    for (let k = tokens.length - 1; k >= 0; k--) this.stack.push(tokens[k]);
  }

  private error(message: string, pos: Pos): void {
    this.diagnostics.push({ severity: 'error', message, pos });
  }

  private open(file: string, text: string): void {
    let toks = this.lexed.get(file);
    if (toks === undefined) {
      const r = lex(text, file);
      toks = r.tokens;
      this.diagnostics.push(...r.diagnostics);
      this.lexed.set(file, toks);
    }
    this.files.push({ file, toks, i: 0, conds: [] });
  }

  private nextFileToken(): Token | null {
    for (;;) {
      const f = this.files[this.files.length - 1];
      if (f === undefined || this.stopped) return null;
      const t = f.toks[f.i];
      if (t.kind === 'eof') {
        for (const c of f.conds) this.error(`unterminated #${c.directive}`, c.pos);
        this.files.pop();
        continue;
      }
      if (t.bol && t.kind === 'punct' && t.text === '#') {
        this.directive(f);
        continue;
      }
      f.i++;
      return t;
    }
  }

  /** The tokens up to the end of the directive's line. */
  private restOfLine(f: OpenFile): Token[] {
    const start = f.i;
    while (!f.toks[f.i].bol) f.i++;
    return f.toks.slice(start, f.i);
  }

  private directive(f: OpenFile): void {
    f.i++;
    const line = this.restOfLine(f);
    if (line.length === 0 || line[0].kind === 'number') return;
    const name = line[0];
    const rest = line.slice(1);
    const cond = f.conds[f.conds.length - 1];
    switch (name.text) {
      case 'define': {
        const m = parseDefine(rest, (severity, message, pos) =>
          this.diagnostics.push({ severity, message, pos: pos ?? name.pos }),
        );
        if (m === null) return;
        const old = this.macros.get(m.name);
        if (old !== undefined && !sameDefinition(old, m)) {
          this.diagnostics.push({ severity: 'warning', message: `'${m.name}' redefined`, pos: m.pos });
        }
        this.macros.set(m.name, m);
        return;
      }
      case 'undef':
        if (rest[0]?.kind !== 'ident') this.error('no macro name given in #undef directive', name.pos);
        else this.macros.delete(rest[0].text);
        return;
      case 'include':
      case 'include_next':
        this.include(f, name, rest);
        return;
      case 'ifdef':
      case 'ifndef': {
        if (rest[0]?.kind !== 'ident') {
          this.error(`no macro name given in #${name.text} directive`, name.pos);
        }
        const v = this.macros.has(rest[0]?.text ?? '') === (name.text === 'ifdef');
        this.pushCond(f, name, v);
        return;
      }
      case 'if':
        this.pushCond(f, name, this.condition(rest, name.pos));
        return;
      case 'elif':
        if (cond === undefined) {
          this.error('#elif without #if', name.pos);
          return;
        }
        if (cond.sawElse) this.error('#elif after #else', name.pos);
        if (cond.taken) this.skipGroup(f);
        else if (this.condition(rest, name.pos)) cond.taken = true;
        else this.skipGroup(f);
        return;
      case 'else':
        if (cond === undefined) {
          this.error('#else without #if', name.pos);
          return;
        }
        if (cond.sawElse) this.error('#else after #else', name.pos);
        cond.sawElse = true;
        if (cond.taken) this.skipGroup(f);
        else cond.taken = true;
        return;
      case 'endif':
        if (cond === undefined) {
          this.error('#endif without #if', name.pos);
          return;
        }
        f.conds.pop();
        return;
      case 'error':
      case 'warning':
        this.diagnostics.push({
          severity: name.text === 'error' ? 'error' : 'warning',
          message: `#${name.text} ${spell(rest)}`.trimEnd(),
          pos: name.pos,
        });
        return;
      case 'pragma':
        if (rest[0]?.text === 'once') this.once.add(f.file);
        return;
      case 'line':
      case 'ident':
      case 'sccs':
      case 'assert':
      case 'unassert':
        return;
      default:
        this.error(`invalid preprocessing directive #${name.text}`, name.pos);
    }
  }

  private condition(rest: Token[], at: Pos): boolean {
    return evalCondition(
      rest,
      at,
      (n) => this.macros.has(n),
      this.expander,
      (severity, message, pos) => this.diagnostics.push({ severity, message, pos }),
    );
  }

  private pushCond(f: OpenFile, name: Token, value: boolean): void {
    f.conds.push({ directive: name.text, pos: name.pos, taken: value, sawElse: false });
    if (!value) this.skipGroup(f);
  }

  /** Skips to the `#elif`, `#else` or `#endif` that ends the current group, leaving it to be read. */
  private skipGroup(f: OpenFile): void {
    let depth = 0;
    for (;;) {
      const t = f.toks[f.i];
      if (t.kind === 'eof') return;
      if (t.bol && t.kind === 'punct' && t.text === '#') {
        const d = f.toks[f.i + 1];
        const name = d.bol ? '' : d.text;
        if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
          depth++;
        } else if (name === 'endif') {
          if (depth === 0) return;
          depth--;
        } else if ((name === 'elif' || name === 'else') && depth === 0) {
          return;
        }
      }
      f.i++;
    }
  }

  private include(f: OpenFile, directive: Token, rest: Token[]): void {
    const spec = headerName(rest) ?? headerName(this.expander.expandList(rest));
    if (spec === null) {
      this.error('#include expects "FILENAME" or <FILENAME>', directive.pos);
      return;
    }
    let found = spec.system
      ? this.read(spec.name, 'system', f.file)
      : (this.read(spec.name, 'user', f.file) ?? this.read(spec.name, 'system', f.file));
    const base = spec.name.slice(spec.name.lastIndexOf('/') + 1);
    if (found === null && !spec.system && base !== spec.name) {
      // A book's copy often says "../lib/unp.h" where its Makefile gave -I../lib: the shipped header serves.
      found = this.read(base, 'system', f.file);
      if (found !== null) {
        this.diagnostics.push({
          severity: 'warning',
          message: `cannot find ${spec.name}; using the system header ${base} instead`,
          pos: spec.pos,
        });
      }
    }
    if (found === null) {
      this.error(`cannot find header ${spec.name}`, spec.pos);
      this.stopped = true;
      return;
    }
    if (this.once.has(found.file)) return;
    if (this.files.length >= MAX_INCLUDE_DEPTH) {
      this.error('#include nested too deeply', directive.pos);
      return;
    }
    this.open(found.file, found.text);
  }
}

/** The header named by `"name"` or `<name>` tokens, or null. */
function headerName(toks: Token[]): { name: string; system: boolean; pos: Pos } | null {
  const first = toks[0];
  if (first === undefined) return null;
  if (first.kind === 'string' && first.text.startsWith('"')) {
    return { name: first.text.slice(1, -1), system: false, pos: first.pos };
  }
  if (first.kind !== 'punct' || first.text !== '<') return null;
  let name = '';
  for (let k = 1; k < toks.length; k++) {
    if (toks[k].text === '>') return { name, system: true, pos: first.pos };
    name += (k > 1 && toks[k].space ? ' ' : '') + toks[k].text;
  }
  return null;
}

/** The spelling of a directive's tokens, with single spaces where the source had whitespace. */
function spell(toks: Token[]): string {
  return toks.map((t, k) => (k > 0 && t.space ? ' ' : '') + t.text).join('');
}

function eofAt(pos: Pos): Token {
  return { kind: 'eof', text: '', pos, space: false, bol: true, hide: null };
}
