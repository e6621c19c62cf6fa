// @vitest-environment node
/**
 * Layering rules, checked on the source text.
 *
 * Imports point inward only: src/ui -> src/diagram -> src/engine, and src/programs -> src/engine.
 * The inner layers (engine, programs, diagram) are pure: no React, no DOM, no state library, no d3 DOM
 * modules, no wall time and no randomness, so that every run of a scenario is reproducible.
 *
 * A folder that does not exist yet passes vacuously; the scanner itself is tested on inline samples below.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(SRC, '..');

type Layer = 'engine' | 'programs' | 'diagram' | 'ui';

const FORBIDDEN_PACKAGES = ['react', 'react-dom', 'zustand', 'd3-selection', 'd3-transition'];

const FORBIDDEN_GLOBALS: { what: string; pattern: RegExp }[] = [
  { what: 'document.', pattern: /(?:(?<![\w$.])|(?<=\bglobalThis\s*\.\s*))document\s*\./g },
  { what: 'window.', pattern: /(?:(?<![\w$.])|(?<=\bglobalThis\s*\.\s*))window\s*\./g },
  { what: 'Math.random', pattern: /(?<![\w$.])Math\s*\.\s*random\b/g },
  { what: 'Date.now', pattern: /(?<![\w$.])Date\s*\.\s*now\b/g },
  { what: 'performance.now', pattern: /(?<![\w$.])performance\s*\.\s*now\b/g },
  { what: 'new Date(', pattern: /\bnew\s+Date\b/g },
  { what: 'crypto randomness', pattern: /(?<![\w$.])crypto\s*\.\s*(?:getRandomValues|randomUUID)\b/g },
];

/** The layers each inner layer must not import from. */
const OUTER: Record<Exclude<Layer, 'ui'>, Layer[]> = {
  engine: ['programs', 'diagram', 'ui'],
  programs: ['diagram', 'ui'],
  diagram: ['ui'],
};

const IDENT = /[A-Za-z0-9_$]/;
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

/**
 * Returns `source` with comments blanked out and the contents of string, template and regex literals blanked
 * (quotes kept, `${…}` expressions kept as code). Newlines survive and the length is unchanged, so an index
 * into the result is an index into `source`.
 */
function mask(source: string): string {
  const out = source.split('');
  const n = source.length;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < n; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const templateBraces: number[] = [];
  let braces = 0;
  let prev = ''; // last significant character of code ('a' for a word or number)
  let prevWord = '';

  // Scans template text from `start` up to its closing backtick or the next `${`; returns where code resumes.
  const scanTemplate = (start: number): number => {
    let j = start;
    while (j < n) {
      if (source[j] === '\\') {
        j += 2;
        continue;
      }
      if (source[j] === '`') {
        blank(start, j);
        return j + 1;
      }
      if (source[j] === '$' && source[j + 1] === '{') {
        blank(start, j);
        templateBraces.push(braces);
        return j + 2;
      }
      j++;
    }
    blank(start, n);
    return n;
  };

  let i = 0;
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
      prev = c;
      prevWord = '';
    } else if (c === '`') {
      i = scanTemplate(i + 1);
      prev = '`';
      prevWord = '';
    } else if (
      c === '}' &&
      templateBraces.length > 0 &&
      templateBraces[templateBraces.length - 1] === braces
    ) {
      templateBraces.pop();
      i = scanTemplate(i + 1);
      prev = '`';
      prevWord = '';
    } else if (
      c === '/' &&
      (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || REGEX_AFTER_WORD.has(prevWord))
    ) {
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== '\n') {
        const r = source[j];
        if (r === '\\') {
          j += 2;
          continue;
        }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        j++;
      }
      blank(i + 1, j);
      i = j + 1;
      prev = '/';
      prevWord = '';
    } else if (IDENT.test(c)) {
      let j = i + 1;
      while (j < n && IDENT.test(source[j])) j++;
      prevWord = source.slice(i, j);
      prev = 'a';
      i = j;
    } else {
      if (c === '{') braces++;
      else if (c === '}') braces--;
      if (!/\s/.test(c)) {
        prev = c;
        prevWord = '';
      }
      i++;
    }
  }
  return out.join('');
}

function lineOf(source: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (source[k] === '\n') line++;
  return line;
}

/** Every module specifier the file imports or re-exports (static, dynamic, `require`), with its line. */
function importsOf(source: string): { specifier: string; line: number }[] {
  const masked = mask(source);
  const found: { specifier: string; line: number }[] = [];
  const patterns = [/(?<![\w$.])(?:from|import)\s*(['"])/g, /(?<![\w$.])(?:import|require)\s*\(\s*(['"`])/g];
  for (const pattern of patterns) {
    for (const match of masked.matchAll(pattern)) {
      const quote = match[1];
      const open = match.index + match[0].length - 1;
      const close = masked.indexOf(quote, open + 1);
      if (close === -1) continue;
      found.push({ specifier: source.slice(open + 1, close), line: lineOf(source, open) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function layerOfPath(absolute: string): Layer | undefined {
  const inSrc = relative(SRC, absolute);
  if (inSrc.startsWith('..')) return undefined;
  const top = inSrc.split(sep)[0];
  return top === 'engine' || top === 'programs' || top === 'diagram' || top === 'ui' ? top : undefined;
}

/** The layer an import specifier points into, if it points into one of src/engine, programs, diagram or ui. */
function layerOfImport(fromFile: string, specifier: string): Layer | undefined {
  if (specifier.startsWith('.')) return layerOfPath(resolve(dirname(fromFile), specifier));
  if (specifier.startsWith('/src/')) return layerOfPath(join(ROOT, specifier));
  if (specifier.startsWith('src/')) return layerOfPath(join(ROOT, specifier));
  return undefined;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Problems of one inner-layer file, each as "path:line: what". `file` is absolute. */
function checkFile(
  file: string,
  source: string,
  layer: Exclude<Layer, 'ui'>,
): { packages: string[]; globals: string[]; outward: string[] } {
  const where = (line: number) => `${relative(ROOT, file).split(sep).join('/')}:${line}`;
  const packages: string[] = [];
  const outward: string[] = [];
  for (const { specifier, line } of importsOf(source)) {
    if (FORBIDDEN_PACKAGES.includes(packageName(specifier))) {
      packages.push(`${where(line)}: imports '${specifier}'`);
    }
    const target = layerOfImport(file, specifier);
    if (target && OUTER[layer].includes(target)) {
      outward.push(`${where(line)}: src/${layer} imports '${specifier}' from src/${target}`);
    }
  }
  const masked = mask(source);
  const globals: string[] = [];
  for (const { what, pattern } of FORBIDDEN_GLOBALS) {
    for (const match of masked.matchAll(pattern)) {
      globals.push(`${where(lineOf(source, match.index))}: uses ${what}`);
    }
  }
  globals.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return { packages, globals, outward };
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...sourceFiles(path));
    } else if (/\.[cm]?tsx?$/.test(entry.name) && !/\.(test|spec|test-d)\.[cm]?tsx?$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files.sort();
}

function checkLayer(layer: Exclude<Layer, 'ui'>) {
  const result = { packages: [] as string[], globals: [] as string[], outward: [] as string[] };
  for (const file of sourceFiles(join(SRC, layer))) {
    const found = checkFile(file, readFileSync(file, 'utf8'), layer);
    result.packages.push(...found.packages);
    result.globals.push(...found.globals);
    result.outward.push(...found.outward);
  }
  return result;
}

const INNER: { layer: Exclude<Layer, 'ui'>; name: string }[] = [
  { layer: 'engine', name: 'the engine' },
  { layer: 'programs', name: 'the program layer' },
  { layer: 'diagram', name: 'the diagram model' },
];

describe('layering: imports point inward (ui -> diagram -> engine, programs -> engine)', () => {
  for (const { layer, name } of INNER) {
    const outer = OUTER[layer]
      .map((l) => `src/${l}`)
      .join(', ')
      .replace(/, (?=[^,]*$)/, ' or ');

    it(`${name} never imports React, react-dom, zustand, d3-selection or d3-transition`, () => {
      expect(checkLayer(layer).packages).toEqual([]);
    });

    it(`${name} never touches the DOM, reads wall time or draws randomness`, () => {
      expect(checkLayer(layer).globals).toEqual([]);
    });

    it(`${name} never imports from ${outer}`, () => {
      expect(checkLayer(layer).outward).toEqual([]);
    });
  }
});

describe('the layer scanner', () => {
  const file = join(SRC, 'engine', 'sample.ts');

  it('names the file and line of a forbidden import, including subpaths and type-only imports', () => {
    const source = [
      "import { useState } from 'react';",
      "import type { Root } from 'react-dom/client';",
      'import {',
      '  create,',
      "} from 'zustand';",
      "export { select } from 'd3-selection';",
      "const t = await import('d3-transition');",
      "import { scaleLinear } from 'd3';",
      "import { reactive } from 'reactivity';",
    ].join('\n');
    expect(checkFile(file, source, 'engine').packages).toEqual([
      "src/engine/sample.ts:1: imports 'react'",
      "src/engine/sample.ts:2: imports 'react-dom/client'",
      "src/engine/sample.ts:5: imports 'zustand'",
      "src/engine/sample.ts:6: imports 'd3-selection'",
      "src/engine/sample.ts:7: imports 'd3-transition'",
    ]);
  });

  it('finds the DOM, wall time and randomness in code', () => {
    const source = [
      'const a = document.title;',
      'const b = window.innerWidth;',
      'const c = Math.random();',
      'const d = Date.now();',
      'const e = performance.now();',
      'const f = new Date();',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a sample file
      'const g = `${globalThis.document.body}`;',
      'const h = sock.windowSize + mydocument.x + this.window.y;',
    ].join('\n');
    expect(checkFile(file, source, 'engine').globals).toEqual([
      'src/engine/sample.ts:1: uses document.',
      'src/engine/sample.ts:2: uses window.',
      'src/engine/sample.ts:3: uses Math.random',
      'src/engine/sample.ts:4: uses Date.now',
      'src/engine/sample.ts:5: uses performance.now',
      'src/engine/sample.ts:6: uses new Date(',
      'src/engine/sample.ts:7: uses document.',
    ]);
  });

  it('ignores comments, strings, template text and regular expressions', () => {
    const source = [
      '// never call Date.now() or Math.random() here',
      '/* document.title and window.open',
      "   import x from 'react' */",
      "const note = 'see window.location and new Date()';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a sample file
      'const url = `http://example/${1 + 1}/document.x`;',
      'const re = /import "react"|Date\\.now/;',
      "const ratio = total / 2; const label = 'Math.random';",
    ].join('\n');
    expect(checkFile(file, source, 'engine')).toEqual({ packages: [], globals: [], outward: [] });
  });

  it('sees imports that point outward, and allows the ones that point inward', () => {
    const engine = join(SRC, 'engine', 'socket', 'queue.ts');
    const programs = join(SRC, 'programs', 'scenarios.ts');
    const diagram = join(SRC, 'diagram', 'layout.ts');
    const fromEngine = [
      "import { App } from '../../ui/App';",
      "import { layout } from '../../diagram/layout';",
      "import { scenarios } from '../../programs/scenarios';",
      "import { errno } from '../errno';",
    ].join('\n');
    expect(checkFile(engine, fromEngine, 'engine').outward).toEqual([
      "src/engine/socket/queue.ts:1: src/engine imports '../../ui/App' from src/ui",
      "src/engine/socket/queue.ts:2: src/engine imports '../../diagram/layout' from src/diagram",
      "src/engine/socket/queue.ts:3: src/engine imports '../../programs/scenarios' from src/programs",
    ]);
    const inward = "import { Kernel } from '../engine/kernel';\nimport type { Op } from '/src/engine/ops';";
    expect(checkFile(programs, inward, 'programs').outward).toEqual([]);
    expect(checkFile(diagram, inward, 'diagram').outward).toEqual([]);
    expect(checkFile(programs, "import '../diagram/layout';", 'programs').outward).toEqual([
      "src/programs/scenarios.ts:1: src/programs imports '../diagram/layout' from src/diagram",
    ]);
    expect(checkFile(diagram, "export * from '/src/ui/App';", 'diagram').outward).toEqual([
      "src/diagram/layout.ts:1: src/diagram imports '/src/ui/App' from src/ui",
    ]);
  });
});
