/**
 * Building a C program: preprocess and parse each of its .c files, add the library code it
 * needs (the textbooks' helpers, written in C), and link. Never throws: problems come back as
 * diagnostics with their file, line and column.
 */
import type { Diagnostic, FuncDef, TranslationUnit } from './ast';
import { type CompiledProgram, linkProgram } from './compile/link';
import { compileFrontEnd } from './frontend';
import { SYSTEM_HEADERS } from './headers';
import { LIBRARY_FILES, LIBRARY_SOURCES } from './library';
import { NATIVE_NAMES, NOT_MODELLED } from './runtime';

/** The result of a build: a program when there were no errors, and every diagnostic. */
export interface Build {
  program: CompiledProgram | null;
  diagnostics: Diagnostic[];
}

const SYSTEM_FILES: ReadonlySet<string> = new Set([
  ...Object.keys(SYSTEM_HEADERS),
  ...Object.keys(LIBRARY_FILES),
]);
const libraryUnits = new Map<string, TranslationUnit>();

/** A library source, parsed once per page (it never changes). */
function libraryUnit(name: string): TranslationUnit {
  let u = libraryUnits.get(name);
  if (!u) {
    u = compileFrontEnd(LIBRARY_FILES, name, SYSTEM_HEADERS);
    libraryUnits.set(name, u);
  }
  return u;
}

/** Names a unit declares as functions without defining them. */
function wanted(units: TranslationUnit[]): Set<string> {
  const declared = new Set<string>();
  const defined = new Set<string>();
  for (const u of units) {
    for (const d of u.decls) {
      if (d.k === 'func') defined.add(d.name);
      else if (d.type.kind === 'function') declared.add(d.name);
    }
  }
  for (const n of defined) declared.delete(n);
  return declared;
}

/**
 * The library units the program needs: those defining a function it declares and does not
 * define (found again for what the added units need). A function the program defines itself
 * wins over the library's, as with a static library.
 */
function withLibraries(units: TranslationUnit[]): TranslationUnit[] {
  const all = [...units];
  const used = new Set<string>();
  const userDefined = new Set(
    units.flatMap((u) => u.decls.filter((d): d is FuncDef => d.k === 'func').map((d) => d.name)),
  );
  for (let changed = true; changed; ) {
    changed = false;
    const need = wanted(all);
    for (const name of Object.keys(LIBRARY_SOURCES)) {
      if (used.has(name)) continue;
      const u = libraryUnit(name);
      if (u.decls.some((d) => d.k === 'func' && need.has(d.name))) {
        used.add(name);
        all.push({ ...u, decls: u.decls.filter((d) => d.k !== 'func' || !userDefined.has(d.name)) });
        changed = true;
      }
    }
  }
  return all;
}

/** Explains an undefined reference to a function the model leaves out. */
function explain(d: Diagnostic): Diagnostic {
  const m = /^undefined reference to '(\w+)'$/.exec(d.message);
  const why = m ? NOT_MODELLED[m[1]] : undefined;
  return why ? { ...d, message: `not supported yet: ${m?.[1]} (${why}) at line ${d.pos.line}` } : d;
}

/** Builds a program from its source files: `sources` are the .c files to compile, all from `files`. */
export function buildProgram(files: Record<string, string>, sources: string[]): Build {
  const diagnostics: Diagnostic[] = [];
  const units: TranslationUnit[] = [];
  for (const src of sources) {
    if (!Object.hasOwn(files, src)) {
      diagnostics.push({
        severity: 'error',
        message: `no such file: ${src}`,
        pos: { file: src, line: 1, col: 1 },
      });
      continue;
    }
    units.push(compileFrontEnd(files, src, SYSTEM_HEADERS));
  }
  for (const u of units) diagnostics.push(...u.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { program: null, diagnostics };
  const linked = linkProgram(
    withLibraries(units).map((u) => ({ ...u, diagnostics: [] })),
    NATIVE_NAMES,
    SYSTEM_FILES,
  );
  const all = [...diagnostics, ...linked.diagnostics.map(explain)];
  const ok = !all.some((d) => d.severity === 'error');
  return { program: ok ? linked : null, diagnostics: all };
}
