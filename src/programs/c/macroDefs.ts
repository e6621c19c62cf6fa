/**
 * Macro definitions: what a `#define` line defines (parameters, variadic, replacement list), the
 * checks C makes on it, when a redefinition is the same definition, and the predefined macros.
 */

import type { Pos } from './ast';
import { lex, type Token } from './lexer';
import { isPunct, paramIndex, type Report } from './macros';

/** A macro: object-like when params is null; a builtin computes its one-token expansion. */
export interface Macro {
  name: string;
  params: string[] | null;
  /** The last parameter collects the remaining arguments (`...` or GNU `args...`). */
  variadic: boolean;
  body: Token[];
  pos: Pos;
  builtin?: (at: Token) => Token;
}

/** Parses the tokens of a `#define` line after the directive name; reports and returns null on error. */
export function parseDefine(line: Token[], report: Report): Macro | null {
  const name = line[0];
  if (name === undefined || name.kind !== 'ident') {
    report('error', 'macro names must be identifiers', (name ?? line[0])?.pos);
    return null;
  }
  if (name.text === 'defined') {
    report('error', '"defined" cannot be used as a macro name', name.pos);
    return null;
  }
  let i = 1;
  let params: string[] | null = null;
  let variadic = false;
  if (isPunct(line[1], '(') && !line[1].space) {
    params = [];
    i = 2;
    if (isPunct(line[i], ')')) {
      i++;
    } else {
      for (;;) {
        const p = line[i];
        if (isPunct(p, '...')) {
          params.push('__VA_ARGS__');
          variadic = true;
          i++;
        } else if (p?.kind === 'ident') {
          params.push(p.text);
          i++;
          if (isPunct(line[i], '...')) {
            variadic = true;
            i++;
          }
        } else {
          report('error', 'expected parameter name in macro parameter list', (p ?? name).pos);
          return null;
        }
        if (isPunct(line[i], ')')) {
          i++;
          break;
        }
        if (variadic || !isPunct(line[i], ',')) {
          report('error', "expected ',' or ')' in macro parameter list", (line[i] ?? name).pos);
          return null;
        }
        i++;
      }
    }
  }
  const body = line.slice(i);
  if (body.length > 0) body[0] = { ...body[0], space: false };
  if (isPunct(body[0], '##') || (body.length > 1 && isPunct(body[body.length - 1], '##'))) {
    report('error', "'##' cannot appear at either end of a macro expansion", body[0].pos);
    return null;
  }
  if (params !== null) {
    for (let k = 0; k < body.length; k++) {
      if (isPunct(body[k], '#') && paramIndex(params, body[k + 1]) < 0) {
        report('error', "'#' is not followed by a macro parameter", body[k].pos);
        return null;
      }
    }
  }
  return { name: name.text, params, variadic, body, pos: name.pos };
}

/** True when two definitions of a macro are the same (redefining it so is allowed silently). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if ((a.params === null) !== (b.params === null)) return false;
  if (a.params && b.params && a.params.join(',') !== b.params.join(',')) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every((t, k) => t.text === b.body[k].text && (k === 0 || t.space === b.body[k].space));
}

const BUILTIN: Pos = { file: '<built-in>', line: 1, col: 1 };

/** What the compiler predefines: C99 on Linux x86-64, without __GNUC__ so headers stay portable. */
const PREDEFINED: Record<string, string> = {
  __STDC__: '1',
  __STDC_VERSION__: '199901L',
  __STDC_HOSTED__: '1',
  __linux__: '1',
  __linux: '1',
  __unix__: '1',
  __unix: '1',
  __x86_64__: '1',
  __x86_64: '1',
  __LP64__: '1',
  _LP64: '1',
  __CHAR_BIT__: '8',
  __SIZEOF_INT__: '4',
  __SIZEOF_LONG__: '8',
  __SIZEOF_POINTER__: '8',
  __DATE__: '"Jan  1 1970"',
  __TIME__: '"00:00:00"',
};

/** The predefined macros, `__FILE__`, `__LINE__` and `__COUNTER__` computed where they are used. */
export function predefinedMacros(): Macro[] {
  const macros: Macro[] = Object.entries(PREDEFINED).map(([name, value]) => ({
    name,
    params: null,
    variadic: false,
    body: lex(value, BUILTIN.file).tokens.slice(0, -1),
    pos: BUILTIN,
  }));
  let counter = 0;
  const builtin = (name: string, make: (at: Token) => Token) =>
    macros.push({ name, params: null, variadic: false, body: [], pos: BUILTIN, builtin: make });
  builtin('__FILE__', (at) => ({ ...at, kind: 'string', text: JSON.stringify(at.pos.file), hide: null }));
  builtin('__LINE__', (at) => ({ ...at, kind: 'number', text: String(at.pos.line), hide: null }));
  builtin('__COUNTER__', (at) => ({ ...at, kind: 'number', text: String(counter++), hide: null }));
  return macros;
}
