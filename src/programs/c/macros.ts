/**
 * Macro definitions and their expansion, with hide sets (Prosser's algorithm, as in the C standard's
 * recursion rule). Tokens from a macro's body take the position of the invocation; tokens from its
 * arguments keep their own, so errors always point into the code the user wrote.
 */

import type { Pos } from './ast';
import { lexAt, type Token } from './lexer';
import type { Macro } from './macroDefs';

/** A source of tokens that expansion can push rescanned tokens back onto. */
export interface TokenReader {
  next(): Token | null;
  peek(): Token | null;
  pushBack(tokens: Token[]): void;
}

/** Reads a fixed list of tokens (a macro argument or a directive line). */
export class ArrayReader implements TokenReader {
  private readonly stack: Token[] = [];
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  next(): Token | null {
    if (this.stack.length > 0) return this.stack.pop()!;
    return this.i < this.tokens.length ? this.tokens[this.i++] : null;
  }

  peek(): Token | null {
    if (this.stack.length > 0) return this.stack[this.stack.length - 1];
    return this.i < this.tokens.length ? this.tokens[this.i] : null;
  }

  pushBack(tokens: Token[]): void {
    for (let k = tokens.length - 1; k >= 0; k--) this.stack.push(tokens[k]);
  }
}

/** Reports a diagnostic from the preprocessor. */
export type Report = (severity: 'error' | 'warning', message: string, pos: Pos) => void;

function union(a: readonly string[] | null, b: readonly string[]): readonly string[] {
  if (a === null || a.length === 0) return b;
  const extra = b.filter((x) => !a.includes(x));
  return extra.length === 0 ? a : [...a, ...extra];
}

/** The index of the parameter a token names, or -1. */
export function paramIndex(params: string[] | null, t: Token | undefined): number {
  return params !== null && t !== undefined && t.kind === 'ident' ? params.indexOf(t.text) : -1;
}

/** True when the token is that punctuator. */
export function isPunct(t: Token | null | undefined, text: string): boolean {
  return t != null && t.kind === 'punct' && t.text === text;
}

/** Expands macros in token streams. */
export class Expander {
  constructor(
    private readonly macros: Map<string, Macro>,
    private readonly report: Report,
  ) {}

  /**
   * Fully expands a list of tokens on its own (a macro argument or an #if line). In an #if line the
   * operand of a `defined` that a macro produced is left alone, as gcc does.
   */
  expandList(tokens: Token[], inIf = false): Token[] {
    const out: Token[] = [];
    this.expand(new ArrayReader(tokens), out, inIf);
    return out;
  }

  /** Reads the reader to its end, appending the expanded tokens to `out`. */
  expand(reader: TokenReader, out: Token[], inIf = false): void {
    for (let t = reader.next(); t !== null; t = reader.next()) {
      if (t.kind !== 'ident') {
        out.push(t);
        continue;
      }
      if (inIf && t.text === 'defined') {
        out.push(t);
        const paren = isPunct(reader.peek(), '(');
        if (paren) out.push(reader.next()!);
        const name = reader.next();
        if (name !== null) out.push(name);
        continue;
      }
      const m = this.macros.get(t.text);
      if (m === undefined || t.hide?.includes(t.text)) {
        if (t.text === '_Pragma' && isPunct(reader.peek(), '(')) this.skipPragma(reader);
        else out.push(t);
        continue;
      }
      if (m.builtin) {
        out.push(m.builtin(t));
        continue;
      }
      if (m.params === null) {
        const body = this.substitute(m, [], t, t, union(t.hide, [m.name]));
        reader.pushBack(body);
        continue;
      }
      if (!isPunct(reader.peek(), '(')) {
        out.push(t);
        continue;
      }
      reader.next();
      const call = this.collectArgs(reader, m, t);
      if (call === null) continue;
      const hs = intersect(t.hide, call.rparen.hide);
      reader.pushBack(this.substitute(m, call.args, t, call.rparen, union(hs, [m.name])));
    }
  }

  private skipPragma(reader: TokenReader): void {
    let depth = 0;
    for (let t = reader.next(); t !== null; t = reader.next()) {
      if (isPunct(t, '(')) depth++;
      else if (isPunct(t, ')') && --depth === 0) return;
    }
  }

  private collectArgs(reader: TokenReader, m: Macro, name: Token): { args: Token[][]; rparen: Token } | null {
    const params = m.params!;
    let args: Token[][] = [[]];
    let depth = 0;
    for (;;) {
      const t = reader.next();
      if (t === null || t.kind === 'eof') {
        this.report('error', `unterminated argument list invoking macro '${m.name}'`, name.pos);
        return null;
      }
      if (t.kind === 'punct') {
        if (t.text === '(') {
          depth++;
        } else if (t.text === ')') {
          if (depth === 0) {
            if (params.length === 0 && args.length === 1 && args[0].length === 0) args = [];
            if (m.variadic && args.length === params.length - 1) args.push([]);
            if (args.length !== params.length) {
              const message =
                args.length < params.length
                  ? `macro '${m.name}' requires ${params.length} arguments, but only ${args.length} given`
                  : `macro '${m.name}' passed ${args.length} arguments, but takes just ${params.length}`;
              this.report('error', message, name.pos);
              return null;
            }
            return { args, rparen: t };
          }
          depth--;
        } else if (t.text === ',' && depth === 0 && !(m.variadic && args.length === params.length)) {
          args.push([]);
          continue;
        }
      }
      args[args.length - 1].push(t);
    }
  }

  /** The replacement list with arguments substituted, `#` and `##` applied, ready for rescanning. */
  private substitute(m: Macro, args: Token[][], inv: Token, last: Token, hs: readonly string[]): Token[] {
    const { body, params } = m;
    const pos = inv.pos;
    const end = inv.end ?? last.end ?? { ...last.pos, col: last.pos.col + last.text.length };
    const out: Token[] = [];
    const expanded: Token[][] = [];
    let placemarkers = false;
    const fromBody = (t: Token): Token => ({
      kind: t.kind,
      text: t.text,
      pos,
      space: t.space,
      bol: false,
      hide: union(t.hide, hs),
      end,
    });
    const fromArg = (t: Token): Token => ({
      kind: t.kind,
      text: t.text,
      pos: t.pos,
      space: t.space,
      bol: false,
      hide: union(t.hide, hs),
      end: t.end,
    });
    for (let i = 0; i < body.length; i++) {
      const t = body[i];
      if (params !== null && isPunct(t, '#')) {
        out.push(this.stringize(args[paramIndex(params, body[++i])], pos, t.space));
        continue;
      }
      if (isPunct(t, '##')) {
        const r = body[++i];
        const ri = paramIndex(params, r);
        const right = ri >= 0 ? args[ri].map(fromArg) : [fromBody(r)];
        if (ri >= 0 && m.variadic && ri === params!.length - 1 && isPunct(out[out.length - 1], ',')) {
          if (right.length === 0) out.pop();
          else out.push(...right);
          continue;
        }
        if (right.length === 0) continue;
        const left = out.pop();
        if (left === undefined || left.text === '') {
          out.push(...right);
        } else {
          out.push({ ...this.paste(left, right[0], pos, hs), end }, ...right.slice(1));
        }
        continue;
      }
      const pi = paramIndex(params, t);
      if (pi < 0) {
        out.push(fromBody(t));
      } else if (isPunct(body[i + 1], '##')) {
        if (args[pi].length === 0) {
          out.push({ kind: 'other', text: '', pos, space: false, bol: false, hide: null });
          placemarkers = true;
        } else {
          out.push(...args[pi].map(fromArg));
        }
      } else {
        expanded[pi] ??= this.expandList(args[pi]);
        const e = expanded[pi];
        for (let k = 0; k < e.length; k++)
          out.push({ ...fromArg(e[k]), space: k === 0 ? t.space : e[k].space });
      }
    }
    if (out.length > 0) out[0] = { ...out[0], space: inv.space };
    return placemarkers ? out.filter((t) => t.text !== '') : out;
  }

  private stringize(arg: Token[], pos: Pos, space: boolean): Token {
    let s = '';
    for (let k = 0; k < arg.length; k++) {
      const t = arg[k];
      if (k > 0 && (t.space || t.bol)) s += ' ';
      s += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, '\\$&') : t.text;
    }
    return { kind: 'string', text: '"' + s + '"', pos, space, bol: false, hide: null };
  }

  private paste(left: Token, right: Token, pos: Pos, hs: readonly string[]): Token {
    const text = left.text + right.text;
    const toks = lexAt(text, pos);
    if (toks.length !== 1) {
      this.report(
        'error',
        `pasting "${left.text}" and "${right.text}" does not give a valid preprocessing token`,
        pos,
      );
      return left;
    }
    return { ...toks[0], space: left.space, hide: hs };
  }
}

function intersect(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  if (a === null || b === null) return null;
  const both = a.filter((x) => b.includes(x));
  return both.length === 0 ? null : both;
}
