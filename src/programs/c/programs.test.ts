// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Expr, FuncDef, Stmt, TranslationUnit } from './ast';
import { compileFrontEnd, formatDiagnostic } from './frontend';

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');

/** The fixture headers, by the name a program includes them with. */
function headers(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(join(DATA, 'include'), path)] = readFileSync(path, 'utf8');
    }
  };
  walk(join(DATA, 'include'));
  return out;
}

function compile(name: string): TranslationUnit {
  const source = readFileSync(join(DATA, name), 'utf8');
  return compileFrontEnd({ [name]: source }, name, headers());
}

function errors(tu: TranslationUnit): string[] {
  return tu.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

function func(tu: TranslationUnit, name: string): FuncDef {
  const f = tu.decls.find((d): d is FuncDef => d.k === 'func' && d.name === name);
  if (f === undefined) throw new Error(`no function ${name}`);
  return f;
}

/** Every call's callee name in a statement tree, in order. */
function calls(s: Stmt | Expr | null | undefined, out: string[] = []): string[] {
  if (s === null || s === undefined || typeof s !== 'object') return out;
  if ('k' in s && s.k === 'call' && s.callee.k === 'ident') out.push(s.callee.name);
  for (const v of Object.values(s)) {
    if (Array.isArray(v)) for (const x of v) calls(x, out);
    else if (v !== null && typeof v === 'object' && 'k' in v) calls(v as Stmt, out);
  }
  return out;
}

describe('whole textbook-style programs', () => {
  it('parses a forking server with a SIGCHLD handler and a waitpid loop', () => {
    const tu = compile('forking_server.c');
    expect(errors(tu)).toEqual([]);
    expect(tu.decls.filter((d) => d.k === 'func').map((d) => d.name)).toEqual([
      'sigchld_handler',
      'serve',
      'main',
    ]);
    const handler = func(tu, 'sigchld_handler');
    expect(handler).toMatchObject({ storage: 'static', params: [{ name: 'sig' }] });
    expect(handler.body.body[2]).toMatchObject({
      k: 'while',
      test: { k: 'binary', op: '>', left: { k: 'call', callee: { name: 'waitpid' } } },
      body: { k: 'expr', expr: { k: 'unary', op: 'post--' } },
    });
    const main = func(tu, 'main');
    expect(main.body.body[4]).toMatchObject({
      k: 'expr',
      pos: { line: 53 },
      expr: {
        k: 'assign',
        target: { k: 'member', name: 'sa_handler', obj: { k: 'member', name: '__sigaction_handler' } },
      },
    });
    expect(calls(main.body)).toContain('fork');
  });

  it('parses a datagram client', () => {
    const tu = compile('dgram_client.c');
    expect(errors(tu)).toEqual([]);
    expect(calls(func(tu, 'main').body)).toEqual(
      expect.arrayContaining(['socket', 'bind', 'sendto', 'recvfrom', 'snprintf', 'getpid', 'remove']),
    );
  });

  it('parses a 4.3BSD-flavoured K&R program, warning about each implicit int', () => {
    const tu = compile('bsd_stream.c');
    expect(errors(tu)).toEqual([]);
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual([
      "bsd_stream.c:16:1: return type defaults to 'int' in declaration of 'main'",
      "bsd_stream.c:22:11: type defaults to 'int' in declaration of 'msgsock'",
      "bsd_stream.c:22:20: type defaults to 'int' in declaration of 'rval'",
      "bsd_stream.c:58:1: return type defaults to 'int' in declaration of 'report'",
      "bsd_stream.c:58:14: type of 'code' defaults to 'int'",
    ]);
    expect(func(tu, 'main')).toMatchObject({ knr: true, params: [{ name: 'argc' }, { name: 'argv' }] });
  });

  it('parses a select() server whose FD_ macros come from a header', () => {
    const tu = compile('select_server.c');
    expect(errors(tu)).toEqual([]);
    const loop = func(tu, 'main').body.body.find((s) => s.k === 'for' && s.init === null);
    if (loop?.k !== 'for' || loop.body.k !== 'block') throw new Error('no for (;;) loop');
    expect(loop.body.body.slice(0, 2)).toMatchObject([
      { k: 'doWhile', pos: { line: 46, col: 9 } },
      { k: 'expr', expr: { k: 'cast', pos: { line: 47, col: 9 } } },
    ]);
    expect(tu.decls.find((d) => d.name === 'greetings')?.type).toMatchObject({ kind: 'array', length: 3 });
  });

  it('parses a SOCK_SEQPACKET server in the style of the unix(7) example', () => {
    const tu = compile('seqpacket_server.c');
    expect(errors(tu)).toEqual([]);
    expect(calls(func(tu, 'main').body)).toEqual(
      expect.arrayContaining(['accept', 'strncmp', 'atoi', 'unlink']),
    );
  });

  it('parses a UNIX Network Programming-style server with its own header', () => {
    const files = {
      'unp_style.c': readFileSync(join(DATA, 'unp_style.c'), 'utf8'),
      'unp_style.h': readFileSync(join(DATA, 'unp_style.h'), 'utf8'),
    };
    const tu = compileFrontEnd(files, 'unp_style.c', headers());
    expect(errors(tu)).toEqual([]);
    const handler = {
      kind: 'pointer',
      to: { kind: 'function', ret: { kind: 'void' }, params: [{ kind: 'int', size: 4 }] },
    };
    expect(func(tu, 'Signal')).toMatchObject({ type: { ret: handler, params: [{ kind: 'int' }, handler] } });
    expect(func(tu, 'str_echo').body.body[2]).toMatchObject({
      k: 'label',
      name: 'again',
      body: { k: 'while' },
    });
    expect(calls(func(tu, 'main').body)).toEqual(
      expect.arrayContaining(['bind', 'Signal', 'accept', 'str_echo']),
    );
  });

  it('reports a missing system header as the first and only error', () => {
    const tu = compileFrontEnd(
      { 'x.c': '#include <stdio.h>\n#include <netdb.h>\nint main(void) { return 0; }' },
      'x.c',
      headers(),
    );
    expect(tu.diagnostics.map(formatDiagnostic)).toEqual(['x.c:2:10: cannot find header netdb.h']);
  });

  it('finds a system header included with quotes next to the system header that includes it', () => {
    const system = {
      'sys/socket.h': '#include "socket_type.h"\nint socket(int, int, int);',
      'sys/socket_type.h': '#define SOCK_STREAM 1',
    };
    const tu = compileFrontEnd({ 'm.c': '#include <sys/socket.h>\nint t = SOCK_STREAM;' }, 'm.c', system);
    expect(tu.diagnostics).toEqual([]);
    expect(tu.decls[1]).toMatchObject({ name: 't', init: { expr: { value: 1n } } });
  });

  it('finds a user header next to the file that includes it', () => {
    const files = { 'src/main.c': '#include "common.h"\nint x = SIZE;', 'src/common.h': '#define SIZE 4' };
    const tu = compileFrontEnd(files, 'src/main.c', {});
    expect(tu.diagnostics).toEqual([]);
    expect(tu.decls[0]).toMatchObject({ init: { expr: { k: 'int', value: 4n } } });
  });
});
