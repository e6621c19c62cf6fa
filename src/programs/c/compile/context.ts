/**
 * The compiler's state: the static data image, the function table, symbols, and per function
 * the code being emitted with its frame, scopes and jump labels.
 */
import { alignOf, type CType, type Diagnostic, type Pos, sizeOf } from '../ast';
import { DATA_BASE, TEXT_BASE } from '../vm/memory';
import type { Op } from '../vm/ops';

/** Where a name refers to. */
export type Symbol =
  | { kind: 'global'; addr: number; type: CType }
  | { kind: 'local'; offset: number; type: CType }
  | { kind: 'func'; index: number; type: CType }
  | { kind: 'native'; name: string; type: CType }
  /** Declared extern and defined nowhere: an error only where it is used (as the linker says). */
  | { kind: 'missing'; type: CType };

/** A compiled function. */
export interface CompiledFunc {
  name: string;
  file: string;
  index: number;
  code: number[];
  /** Bytes of locals. */
  frameSize: number;
  /** Where each parameter lives in the frame, and its type. */
  params: { offset: number; type: CType }[];
  ret: CType;
  variadic: boolean;
  /** Runtime code written in C: its statements are not steps of their own. */
  system: boolean;
  pos: Pos;
}

/** The initial contents of static memory, growing up from DATA_BASE. */
export class DataImage {
  bytes = new Uint8Array(4096);
  size = 0;
  private strings = new Map<string, number>();

  /** Reserves `size` bytes aligned to `align`; returns the address. */
  alloc(size: number, align = 8): number {
    this.size = Math.ceil(this.size / align) * align;
    const addr = DATA_BASE + this.size;
    this.size += Math.max(size, 1);
    if (this.size > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + 4096));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    return addr;
  }

  /** The address of a string literal's bytes plus a NUL (each distinct string stored once). */
  string(bytes: Uint8Array): number {
    const key = String.fromCharCode(...bytes);
    let addr = this.strings.get(key);
    if (addr === undefined) {
      addr = this.alloc(bytes.length + 1, 1);
      this.bytes.set(bytes, addr - DATA_BASE);
      this.strings.set(key, addr);
    }
    return addr;
  }

  /** Writes an integer of `size` bytes at an address, exactly (two's complement, little-endian). */
  putInt(addr: number, size: number, value: bigint): void {
    let v = BigInt.asUintN(size * 8, value);
    for (let i = 0; i < size; i++) {
      this.bytes[addr - DATA_BASE + i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }

  /** Writes a little-endian integer (or a double) of `size` bytes at an address. */
  put(addr: number, size: number, value: number, float = false): void {
    const view = new DataView(this.bytes.buffer);
    const off = addr - DATA_BASE;
    if (float) {
      if (size === 4) view.setFloat32(off, value, true);
      else view.setFloat64(off, value, true);
      return;
    }
    let v = value;
    for (let i = 0; i < size; i++) {
      const b = ((v % 256) + 256) % 256;
      view.setUint8(off + i, b);
      v = Math.floor(v / 256);
    }
  }
}

/** The address a function (or native) is called through. */
export function funcAddr(index: number): number {
  return TEXT_BASE + index * 16;
}

/** An error that stops compiling the current function (reported as a diagnostic). */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly pos: Pos,
  ) {
    super(message);
  }
}

/** Code being emitted for one function. */
export class FuncContext {
  code: number[] = [];
  frameSize = 0;
  private scopes: Map<string, Symbol>[] = [new Map()];
  readonly labels = new Map<string, number>();
  readonly gotos: { at: number; label: string; pos: Pos }[] = [];
  readonly breaks: number[][] = [];
  readonly continues: number[][] = [];
  readonly switches: { cases: { value: number; at: number }[]; def: number | null }[] = [];

  constructor(
    readonly name: string,
    readonly ret: CType,
  ) {}

  emit(...words: number[]): void {
    for (const w of words) this.code.push(w);
  }

  /** Emits a jump with a placeholder target; returns the operand's position for patching. */
  jump(op: Op): number {
    this.code.push(op, -1);
    return this.code.length - 1;
  }

  /** Points the jump at `at` to the current position. */
  here(at: number): void {
    this.code[at] = this.code.length;
  }

  /** Reserves frame space for a local; returns its offset from the frame base. */
  slot(type: CType): number {
    const a = Math.max(1, alignOf(type));
    this.frameSize = Math.ceil(this.frameSize / a) * a;
    const off = this.frameSize;
    this.frameSize += Math.max(1, sizeOf(type));
    return off;
  }

  push(): void {
    this.scopes.push(new Map());
  }

  pop(): void {
    this.scopes.pop();
  }

  declare(name: string, sym: Symbol): void {
    this.scopes[this.scopes.length - 1].set(name, sym);
  }

  lookup(name: string): Symbol | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i].get(name);
      if (s) return s;
    }
    return undefined;
  }
}

/** Program-wide state shared by every function. */
export class ProgramContext {
  readonly data = new DataImage();
  readonly funcs: (CompiledFunc | null)[] = [];
  readonly funcIndex = new Map<string, number>();
  readonly globals = new Map<string, Symbol>();
  readonly natives: string[] = [];
  readonly nativeIndex = new Map<string, number>();
  readonly diagnostics: Diagnostic[] = [];
  /** Byte strings written by the Bytes op (char array initializers). */
  readonly strings: Uint8Array[] = [];

  /** The index of a function by name, reserving one if it is not known yet. */
  funcSlot(name: string): number {
    let i = this.funcIndex.get(name);
    if (i === undefined) {
      i = this.funcs.length;
      this.funcs.push(null);
      this.funcIndex.set(name, i);
    }
    return i;
  }

  /** The index of a runtime native by name. */
  nativeSlot(name: string): number {
    let i = this.nativeIndex.get(name);
    if (i === undefined) {
      i = this.natives.length;
      this.natives.push(name);
      this.nativeIndex.set(name, i);
    }
    return i;
  }

  error(message: string, pos: Pos): void {
    this.diagnostics.push({ severity: 'error', message, pos });
  }

  warn(message: string, pos: Pos): void {
    this.diagnostics.push({ severity: 'warning', message, pos });
  }
}
