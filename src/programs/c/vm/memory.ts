/**
 * A process's memory: bytes in 4 KiB pages, shared copy-on-write between a process and the
 * copies fork() and checkpoints make. The first page is never mapped, so NULL and small offsets
 * from it fault; so does any address outside the mapped regions.
 */

export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/** Where the regions start: static data and the heap grow up from DATA_BASE; the stack grows down from STACK_TOP. */
export const DATA_BASE = 0x10000;
export const STACK_TOP = 0x7ff000000;
/** The most stack a process may use (8 MiB, as Linux's default ulimit). */
export const STACK_LIMIT = 8 << 20;
/** Function addresses live here (never readable or writable as data). */
export const TEXT_BASE = 0x400000;

/** An access to memory that is not mapped: becomes SIGSEGV. */
export class Fault extends Error {
  constructor(
    readonly address: number,
    readonly what: string,
  ) {
    super(`${what} at address 0x${address.toString(16)}`);
  }
}

const f64 = new Float64Array(1);
const f64b = new Uint8Array(f64.buffer);
const f32 = new Float32Array(1);
const f32b = new Uint8Array(f32.buffer);

/** Paged, copy-on-write memory. Addresses are plain numbers (below 2^53). */
export class Memory {
  /** Pages by page number. */
  private pages = new Map<number, Uint8Array>();
  /** Pages also referenced by a copy: written only after copying. */
  private shared = new Set<number>();
  /** The lowest address the stack may use (grows down as it is touched). */
  stackLow = STACK_TOP - PAGE_SIZE * 16;
  /** The end of the data and heap region (brk). */
  brk = DATA_BASE;

  /** A copy that shares every page until either side writes it. */
  fork(): Memory {
    const m = new Memory();
    m.pages = new Map(this.pages);
    for (const n of this.pages.keys()) {
      this.shared.add(n);
      m.shared.add(n);
    }
    m.stackLow = this.stackLow;
    m.brk = this.brk;
    return m;
  }

  private mapped(addr: number): boolean {
    return (addr >= DATA_BASE && addr < this.brk) || (addr >= STACK_TOP - STACK_LIMIT && addr < STACK_TOP);
  }

  /** The page holding addr, for reading. */
  private readPage(addr: number, what: string): Uint8Array {
    const n = Math.floor(addr / PAGE_SIZE);
    const p = this.pages.get(n);
    if (p) return p;
    if (!this.mapped(addr)) throw new Fault(addr, what);
    const fresh = new Uint8Array(PAGE_SIZE);
    this.pages.set(n, fresh);
    return fresh;
  }

  /** The page holding addr, for writing (copied first if shared). */
  private writePage(addr: number, what: string): Uint8Array {
    const n = Math.floor(addr / PAGE_SIZE);
    let p = this.pages.get(n);
    if (p && this.shared.has(n)) {
      p = p.slice();
      this.pages.set(n, p);
      this.shared.delete(n);
      return p;
    }
    if (p) return p;
    if (!this.mapped(addr)) throw new Fault(addr, what);
    p = new Uint8Array(PAGE_SIZE);
    this.pages.set(n, p);
    return p;
  }

  /** Grows the data region (for malloc and statics); returns the old end. */
  sbrk(bytes: number): number {
    const old = this.brk;
    this.brk = old + bytes;
    return old;
  }

  u8(addr: number): number {
    return this.readPage(addr, 'read')[addr & PAGE_MASK];
  }

  setU8(addr: number, v: number): void {
    this.writePage(addr, 'write')[addr & PAGE_MASK] = v;
  }

  /** Reads n bytes (little-endian) as an unsigned number (n <= 6) or a double via getBytes. */
  private readLE(addr: number, n: number): number {
    const off = addr & PAGE_MASK;
    if (off + n <= PAGE_SIZE) {
      const p = this.readPage(addr, 'read');
      let v = 0;
      for (let i = n - 1; i >= 0; i--) v = v * 256 + p[off + i];
      return v;
    }
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + this.u8(addr + i);
    return v;
  }

  private writeLE(addr: number, n: number, v: number): void {
    const off = addr & PAGE_MASK;
    if (off + n <= PAGE_SIZE) {
      const p = this.writePage(addr, 'write');
      for (let i = 0; i < n; i++) {
        p[off + i] = v & 0xff;
        v = Math.floor(v / 256);
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      this.setU8(addr + i, v & 0xff);
      v = Math.floor(v / 256);
    }
  }

  i8(addr: number): number {
    const v = this.u8(addr);
    return v > 127 ? v - 256 : v;
  }
  u16(addr: number): number {
    return this.readLE(addr, 2);
  }
  i16(addr: number): number {
    const v = this.readLE(addr, 2);
    return v > 32767 ? v - 65536 : v;
  }
  u32(addr: number): number {
    const off = addr & PAGE_MASK;
    if (off <= PAGE_SIZE - 4) {
      const p = this.readPage(addr, 'read');
      return (p[off] | (p[off + 1] << 8) | (p[off + 2] << 16) | (p[off + 3] << 24)) >>> 0;
    }
    return this.readLE(addr, 4);
  }
  i32(addr: number): number {
    return this.u32(addr) | 0;
  }
  /** A 64-bit unsigned value as a number (exact below 2^53). */
  u64(addr: number): number {
    return this.u32(addr) + this.u32(addr + 4) * 4294967296;
  }
  /** A 64-bit signed value as a number (exact between -2^53 and 2^53). */
  i64(addr: number): number {
    return this.u32(addr) + (this.u32(addr + 4) | 0) * 4294967296;
  }
  f32(addr: number): number {
    for (let i = 0; i < 4; i++) f32b[i] = this.u8(addr + i);
    return f32[0];
  }
  f64(addr: number): number {
    for (let i = 0; i < 8; i++) f64b[i] = this.u8(addr + i);
    return f64[0];
  }

  setU16(addr: number, v: number): void {
    this.writeLE(addr, 2, v & 0xffff);
  }
  setU32(addr: number, v: number): void {
    const off = addr & PAGE_MASK;
    const w = v >>> 0;
    if (off <= PAGE_SIZE - 4) {
      const p = this.writePage(addr, 'write');
      p[off] = w & 0xff;
      p[off + 1] = (w >>> 8) & 0xff;
      p[off + 2] = (w >>> 16) & 0xff;
      p[off + 3] = w >>> 24;
      return;
    }
    this.writeLE(addr, 4, w);
  }
  /** Stores a 64-bit value given as a number (two's complement for negatives; 2^63 is LONG_MAX, see ops.ts). */
  setU64(addr: number, v: number): void {
    if (v === 2 ** 63) {
      this.setU32(addr, 0xffffffff);
      this.setU32(addr + 4, 0x7fffffff);
      return;
    }
    const lo = v % 4294967296;
    const hi = Math.floor(v / 4294967296);
    this.setU32(addr, lo < 0 ? lo + 4294967296 : lo);
    this.setU32(addr + 4, hi < 0 ? hi + 4294967296 : hi);
  }
  setF32(addr: number, v: number): void {
    f32[0] = v;
    for (let i = 0; i < 4; i++) this.setU8(addr + i, f32b[i]);
  }
  setF64(addr: number, v: number): void {
    f64[0] = v;
    for (let i = 0; i < 8; i++) this.setU8(addr + i, f64b[i]);
  }

  /** Copies n bytes out of memory. */
  read(addr: number, n: number): Uint8Array {
    const out = new Uint8Array(n);
    let i = 0;
    while (i < n) {
      const a = addr + i;
      const off = a & PAGE_MASK;
      const chunk = Math.min(n - i, PAGE_SIZE - off);
      out.set(this.readPage(a, 'read').subarray(off, off + chunk), i);
      i += chunk;
    }
    return out;
  }

  /** Copies bytes into memory. */
  write(addr: number, bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      const a = addr + i;
      const off = a & PAGE_MASK;
      const chunk = Math.min(bytes.length - i, PAGE_SIZE - off);
      this.writePage(a, 'write').set(bytes.subarray(i, i + chunk), off);
      i += chunk;
    }
  }

  /** Sets n bytes to a value. */
  fill(addr: number, value: number, n: number): void {
    let i = 0;
    while (i < n) {
      const a = addr + i;
      const off = a & PAGE_MASK;
      const chunk = Math.min(n - i, PAGE_SIZE - off);
      this.writePage(a, 'write').fill(value, off, off + chunk);
      i += chunk;
    }
  }

  /** Moves n bytes (overlap-safe, like memmove). */
  move(dst: number, src: number, n: number): void {
    if (n > 0) this.write(dst, this.read(src, n));
  }

  /** The bytes of a NUL-terminated string (without the NUL), at most `max` bytes. */
  cstring(addr: number, max = 1 << 20): Uint8Array {
    let n = 0;
    while (n < max && this.u8(addr + n) !== 0) n++;
    return this.read(addr, n);
  }
}
