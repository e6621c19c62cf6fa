/**
 * Linking: the globals and functions of every translation unit into one program, the static
 * data image, and the runtime's own globals (errno, stdin, stdout, stderr).
 */
import {
  alignOf,
  type CType,
  type Diagnostic,
  type FuncDef,
  sizeOf,
  type TranslationUnit,
  type VarDecl,
} from '../ast';
import { type CompiledFunc, CompileError, FuncContext, ProgramContext } from './context';
import type { Gen } from './expr';
import { staticInitializer } from './init';
import { compileFunction } from './stmt';

/** A program ready to run. */
export interface CompiledProgram {
  /** Functions by index (null for a name declared and referenced but never defined). */
  funcs: (CompiledFunc | null)[];
  /** Native names by index (the runtime's implementations). */
  natives: string[];
  /** The initial data image, loaded at DATA_BASE. */
  data: Uint8Array;
  main: number;
  /** Addresses of the runtime's globals that the program uses (getopt's always exist when it is called). */
  runtime: RuntimeGlobals;
  /** FILE objects for the standard streams. */
  stdFiles: number[];
  /** Byte strings the Bytes op writes. */
  strings: Uint8Array[];
  /** Struct and union types by tag ("sockaddr_un"), for the runtime. */
  records: Map<string, CType>;
  diagnostics: Diagnostic[];
}

/** The addresses of the runtime's globals (null when the program neither declares nor needs one). */
export interface RuntimeGlobals {
  errno: number | null;
  stdin: number | null;
  stdout: number | null;
  stderr: number | null;
  optarg: number | null;
  optind: number | null;
  opterr: number | null;
  optopt: number | null;
}

/** getopt's globals: size, and the value glibc starts them with (optind 1, opterr 1, optopt '?'). */
const GETOPT_GLOBALS = { optarg: [8, 0], optind: [4, 1], opterr: [4, 1], optopt: [4, 63] } as const;

/** Globals the runtime defines when the program declares them (extern). */
const RUNTIME_GLOBALS = new Set([
  'errno',
  'stdin',
  'stdout',
  'stderr',
  'environ',
  'optarg',
  'optind',
  'opterr',
  'optopt',
]);

function collectRecords(t: CType, out: Map<string, CType>, seen = new Set<CType>()): void {
  if (seen.has(t)) return;
  seen.add(t);
  if ((t.kind === 'struct' || t.kind === 'union') && t.tag && t.fields) out.set(t.tag, t);
  if (t.kind === 'pointer') collectRecords(t.to, out, seen);
  if (t.kind === 'array') collectRecords(t.of, out, seen);
  if (t.kind === 'function') {
    collectRecords(t.ret, out, seen);
    for (const p of t.params ?? []) collectRecords(p, out, seen);
  }
  if ((t.kind === 'struct' || t.kind === 'union') && t.fields)
    for (const f of t.fields) collectRecords(f.type, out, seen);
}

/**
 * Links translation units into a program. `system` names the files whose functions are runtime
 * code (their statements are not steps). Errors come back as diagnostics.
 */
export function linkProgram(
  units: TranslationUnit[],
  natives: ReadonlySet<string>,
  system: ReadonlySet<string> = new Set(),
): CompiledProgram {
  const p = new ProgramContext();
  const defined = new Set<string>();
  const defs: FuncDef[] = [];
  const records = new Map<string, CType>();
  for (const u of units) {
    p.diagnostics.push(...u.diagnostics);
    for (const d of u.decls) {
      if (d.k === 'func') {
        if (defined.has(d.name)) p.error(`redefinition of '${d.name}'`, d.pos);
        defined.add(d.name);
        defs.push(d);
        p.funcSlot(d.name);
      }
      collectRecords(d.type, records);
    }
  }
  const g: Gen = { p, f: new FuncContext('<globals>', { kind: 'void' }), natives, defined };
  const runtime: RuntimeGlobals = {
    errno: null,
    stdin: null,
    stdout: null,
    stderr: null,
    optarg: null,
    optind: null,
    opterr: null,
    optopt: null,
  };
  const stdFiles: number[] = [];
  // Globals: definitions get storage once; tentative and extern declarations share it.
  const pending: { d: VarDecl }[] = [];
  for (const u of units) {
    for (const d of u.decls) {
      if (d.k === 'func') {
        p.globals.set(d.name, { kind: 'func', index: p.funcSlot(d.name), type: d.type });
        continue;
      }
      if (d.type.kind === 'function') {
        if (!p.globals.has(d.name)) {
          p.globals.set(
            d.name,
            defined.has(d.name)
              ? { kind: 'func', index: p.funcSlot(d.name), type: d.type }
              : { kind: 'native', name: d.name, type: d.type },
          );
        }
        continue;
      }
      const existing = p.globals.get(d.name);
      if (existing && existing.kind === 'global') {
        if (d.init) pending.push({ d });
        continue;
      }
      if (d.storage === 'extern' && !RUNTIME_GLOBALS.has(d.name) && !d.init) {
        pending.push({ d });
        continue;
      }
      const addr = p.data.alloc(Math.max(sizeOf(d.type), 1), Math.max(1, alignOf(d.type)));
      p.globals.set(d.name, { kind: 'global', addr, type: d.type });
      if (d.name in runtime && d.storage === 'extern') runtime[d.name as keyof RuntimeGlobals] = addr;
      if (d.init) pending.push({ d });
    }
  }
  // The library sets errno even when the program never declares it (perror still reads it).
  if (runtime.errno === null) runtime.errno = p.data.alloc(4, 4);
  // Returning from main calls exit(), so the runtime's exit is always linked.
  if (natives.has('exit')) p.nativeSlot('exit');
  for (const name of ['stdin', 'stdout', 'stderr'] as const) {
    const file = p.data.alloc(16, 8);
    stdFiles.push(file);
    const at = runtime[name];
    if (at !== null) p.data.put(at, 8, file);
  }
  for (const { d } of pending) {
    const sym = p.globals.get(d.name);
    if (!sym || sym.kind === 'missing') {
      p.globals.set(d.name, { kind: 'missing', type: d.type });
      continue;
    }
    if (sym.kind !== 'global') {
      p.error(`undefined reference to '${d.name}'`, d.pos);
      continue;
    }
    if (!d.init) continue;
    try {
      staticInitializer(g, d.type, sym.addr, d.init);
    } catch (e) {
      if (e instanceof CompileError) p.error(e.message, e.pos);
      else throw e;
    }
  }
  for (const def of defs) {
    try {
      const fn = compileFunction({ p, natives, defined }, def, system.has(def.pos.file));
      p.funcs[fn.index] = fn;
    } catch (e) {
      if (e instanceof CompileError) p.error(e.message, e.pos);
      else throw e;
    }
  }
  // getopt's globals start as glibc's do; getopt (and getopt_long) need them even when the program
  // never names them.
  const usesGetopt = ['getopt', 'getopt_long', 'getopt_long_only'].some((n) => p.natives.includes(n));
  for (const [name, [size, value]] of Object.entries(GETOPT_GLOBALS) as [
    keyof typeof GETOPT_GLOBALS,
    readonly [number, number],
  ][]) {
    if (runtime[name] === null && usesGetopt) runtime[name] = p.data.alloc(size, size);
    const at = runtime[name];
    if (at !== null) p.data.put(at, size, value);
  }
  const main = p.funcIndex.get('main');
  if (main === undefined || !defined.has('main')) {
    p.error("undefined reference to 'main'", { file: units[0]?.file ?? '?', line: 1, col: 1 });
  }
  return {
    funcs: p.funcs,
    natives: p.natives,
    data: p.data.bytes.slice(0, p.data.size),
    main: main ?? -1,
    runtime,
    stdFiles,
    strings: p.strings,
    records,
    diagnostics: p.diagnostics,
  };
}
