/**
 * The C front end in one call: preprocess a program (the user's own headers come from its files,
 * the rest from the system headers) and parse it into a translation unit.
 */

import type { Diagnostic, TranslationUnit } from './ast';
import { internalError, parse } from './parser';
import { preprocess, type ReadHeader } from './preprocess';

/** The directory part of a path, with its final slash ('' for a bare name). */
function directory(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** Resolves `a/../b` and `./` in a relative path. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * Preprocesses and parses `mainFile`; never throws. `#include "x.h"` looks first among `files` (next to the
 * including file, then by its plain name), then in `systemHeaders` (next to an including system header,
 * then by name); `#include <x.h>` only in `systemHeaders`.
 */
export function compileFrontEnd(
  files: Record<string, string>,
  mainFile: string,
  systemHeaders: Record<string, string>,
): TranslationUnit {
  const has = (table: Record<string, string>, name: string) => Object.hasOwn(table, name);
  const read: ReadHeader = (name, kind, from) => {
    if (kind === 'user') {
      const near = normalise(directory(from) + name);
      for (const candidate of [near, name]) {
        if (has(files, candidate)) return { file: candidate, text: files[candidate] };
      }
      const fromSystem = !has(files, from) && has(systemHeaders, from);
      return fromSystem && has(systemHeaders, near) ? { file: near, text: systemHeaders[near] } : null;
    }
    return has(systemHeaders, name) ? { file: name, text: systemHeaders[name] } : null;
  };
  let pp: ReturnType<typeof preprocess>;
  try {
    pp = preprocess(mainFile, read);
  } catch (err) {
    const pos = { file: mainFile, line: 1, col: 1 };
    return {
      file: mainFile,
      decls: [],
      diagnostics: [{ severity: 'error', message: internalError(err), pos }],
    };
  }
  const tu = parse(pp.tokens, mainFile);
  const diagnostics = [...pp.diagnostics, ...tu.diagnostics];
  const troff = troffHint(files[mainFile] ?? '', mainFile);
  if (troff !== null && diagnostics.some((d) => d.severity === 'error')) diagnostics.unshift(troff);
  return { ...tu, diagnostics };
}

/**
 * The 4.3BSD tutorial's programs are kept in its troff sources: `.\"` comment lines at the top and
 * `\en` for `\n`. gcc rejects such a file as we do; this says why and what to change.
 */
function troffHint(text: string, file: string): Diagnostic | null {
  const at = text.search(/^\.\\"/m);
  if (at === -1) return null;
  const line = text.slice(0, at).split('\n').length;
  return {
    severity: 'error',
    message:
      'this line is troff markup, not C (the file comes from a troff document): delete the lines that begin with .\\" and write each \\en as \\n',
    pos: { file, line, col: 1 },
  };
}

/** A diagnostic as compilers print it: `server.c:12:5: expected ';' after expression`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.pos.file}:${d.pos.line}:${d.pos.col}: ${d.message}`;
}
