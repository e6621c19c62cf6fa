/**
 * Evaluation of `#if` and `#elif` expressions: `defined`, macro expansion, then integer arithmetic
 * in intmax_t/uintmax_t (64 bits) with C's precedence; identifiers left after expansion are 0.
 */

import type { Pos } from './ast';
import type { Token } from './lexer';
import { charLiteral, numberLiteral } from './literals';
import type { Expander, Report } from './macros';

interface Value {
  v: bigint;
  unsigned: boolean;
}

const PREC: Record<string, number> = {
  '*': 10,
  '/': 10,
  '%': 10,
  '+': 9,
  '-': 9,
  '<<': 8,
  '>>': 8,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '==': 6,
  '!=': 6,
  '&': 5,
  '^': 4,
  '|': 3,
  '&&': 2,
  '||': 1,
};

class Failure {
  constructor(
    readonly message: string,
    readonly pos: Pos,
  ) {}
}

function wrap(v: bigint, unsigned: boolean): Value {
  return { v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned };
}

/** Replaces `defined X` and `defined(X)` with 1 or 0, before macro expansion. */
function replaceDefined(line: Token[], isDefined: (name: string) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < line.length; i++) {
    const t = line[i];
    if (t.kind !== 'ident' || t.text !== 'defined') {
      out.push(t);
      continue;
    }
    const paren = line[i + 1]?.text === '(';
    const name = line[paren ? i + 2 : i + 1];
    if (name === undefined || name.kind !== 'ident' || (paren && line[i + 3]?.text !== ')')) {
      throw new Failure('operator "defined" requires an identifier', t.pos);
    }
    out.push({ ...t, kind: 'number', text: isDefined(name.text) ? '1' : '0' });
    i += paren ? 3 : 1;
  }
  return out;
}

/** Evaluates a conditional directive's expression; reports an error and yields false if it is invalid. */
export function evalCondition(
  line: Token[],
  at: Pos,
  isDefined: (name: string) => boolean,
  expander: Expander,
  report: Report,
): boolean {
  try {
    const tokens = expander.expandList(replaceDefined(line, isDefined), true);
    if (tokens.length === 0) throw new Failure('#if with no expression', at);
    const e = new Evaluator(tokens, at, isDefined);
    const v = e.conditional(true);
    if (e.i < tokens.length) {
      throw new Failure(`missing binary operator before token "${tokens[e.i].text}"`, tokens[e.i].pos);
    }
    return v.v !== 0n;
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    report('error', err.message, err.pos);
    return false;
  }
}

class Evaluator {
  i = 0;

  constructor(
    private readonly toks: Token[],
    private readonly at: Pos,
    private readonly isDefined: (name: string) => boolean,
  ) {}

  private peekText(): string {
    const t = this.toks[this.i];
    return t !== undefined && t.kind === 'punct' ? t.text : '';
  }

  conditional(live: boolean): Value {
    const test = this.binary(1, live);
    if (this.peekText() !== '?') return test;
    this.i++;
    const yes = test.v !== 0n;
    const a = this.conditional(live && yes);
    if (this.peekText() !== ':') throw new Failure("expected ':' in #if expression", this.here());
    this.i++;
    const b = this.conditional(live && !yes);
    const unsigned = a.unsigned || b.unsigned;
    return wrap(yes ? a.v : b.v, unsigned);
  }

  private here(): Pos {
    return this.toks[this.i]?.pos ?? this.at;
  }

  private binary(min: number, live: boolean): Value {
    let left = this.unary(live);
    for (;;) {
      const op = this.peekText();
      const prec = PREC[op];
      if (prec === undefined || prec < min) return left;
      const opPos = this.here();
      this.i++;
      if (op === '&&' || op === '||') {
        const short = op === '&&' ? left.v === 0n : left.v !== 0n;
        const right = this.binary(prec + 1, live && !short);
        left = {
          v: (op === '&&' ? left.v !== 0n && right.v !== 0n : left.v !== 0n || right.v !== 0n) ? 1n : 0n,
          unsigned: false,
        };
        continue;
      }
      const right = this.binary(prec + 1, live);
      left = this.apply(op, left, right, live, opPos);
    }
  }

  private apply(op: string, a: Value, b: Value, live: boolean, pos: Pos): Value {
    const unsigned = a.unsigned || b.unsigned;
    const x = unsigned ? BigInt.asUintN(64, a.v) : a.v;
    const y = unsigned ? BigInt.asUintN(64, b.v) : b.v;
    const bool = (c: boolean): Value => ({ v: c ? 1n : 0n, unsigned: false });
    switch (op) {
      case '*':
        return wrap(x * y, unsigned);
      case '/':
      case '%':
        if (y === 0n) {
          if (live) throw new Failure('division by zero in #if', pos);
          return { v: 0n, unsigned };
        }
        return wrap(op === '/' ? x / y : x % y, unsigned);
      case '+':
        return wrap(x + y, unsigned);
      case '-':
        return wrap(x - y, unsigned);
      case '<<':
        return wrap(a.v << (b.v & 63n), a.unsigned);
      case '>>':
        return wrap(a.v >> (b.v & 63n), a.unsigned);
      case '<':
        return bool(x < y);
      case '>':
        return bool(x > y);
      case '<=':
        return bool(x <= y);
      case '>=':
        return bool(x >= y);
      case '==':
        return bool(x === y);
      case '!=':
        return bool(x !== y);
      case '&':
        return wrap(x & y, unsigned);
      case '^':
        return wrap(x ^ y, unsigned);
      default:
        return wrap(x | y, unsigned);
    }
  }

  private unary(live: boolean): Value {
    const t = this.toks[this.i];
    if (t === undefined) throw new Failure('#if expression ends unexpectedly', this.at);
    this.i++;
    if (t.kind === 'punct') {
      switch (t.text) {
        case '(': {
          const v = this.conditional(live);
          if (this.peekText() !== ')') throw new Failure("missing ')' in expression", this.here());
          this.i++;
          return v;
        }
        case '-': {
          const v = this.unary(live);
          return wrap(-v.v, v.unsigned);
        }
        case '+':
          return this.unary(live);
        case '~': {
          const v = this.unary(live);
          return wrap(~v.v, v.unsigned);
        }
        case '!':
          return { v: this.unary(live).v === 0n ? 1n : 0n, unsigned: false };
      }
    }
    if (t.kind === 'ident' && t.text === 'defined') {
      const rest = replaceDefined(this.toks.slice(this.i - 1, this.i + 3), this.isDefined);
      this.i += this.toks[this.i]?.text === '(' ? 3 : 1;
      return { v: rest[0].text === '1' ? 1n : 0n, unsigned: false };
    }
    if (t.kind === 'ident') return { v: 0n, unsigned: false };
    if (t.kind === 'number' || t.kind === 'char') {
      const lit = t.kind === 'number' ? numberLiteral(t.text) : charLiteral(t.text);
      if (lit.k === 'error') throw new Failure(lit.message, t.pos);
      if (lit.k === 'float') throw new Failure('floating constant in preprocessor expression', t.pos);
      const unsigned = lit.type.kind === 'int' && !lit.type.signed;
      return wrap(lit.value, unsigned);
    }
    throw new Failure(`token "${t.text}" is not valid in preprocessor expressions`, t.pos);
  }
}
