/**
 * The scanf family and getline, as glibc 2.36 does them. The scanner follows
 * stdio-common/vfscanf-internal.c character by character: one character of look-ahead pushed
 * back, whitespace skipped before every conversion but %c, %[ and %n, widths counting every
 * character read (a sign and a "0x" too), numbers converted as strtol/strtoul convert the
 * digits read (then cut to the argument's width), and the return value the count of
 * assignments, or EOF when the input ends before the first one.
 *
 * On a stream the scanner runs over the bytes buffered; if it needs more before it is done, the
 * stream reads once more and the scan starts over (it has stored nothing yet), so a scanf on
 * stdin waits for a line as glibc's does. The stores are made only once the scan is complete.
 *
 * Simplified: %lc, %ls and %l[ store each byte as a wchar_t (the "C" locale); %f converts the
 * digits to double and rounds that to float, where strtof rounds once (they differ only for
 * decimal strings within half a float ulp of a tie).
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { HEAP, mallocBytes } from './heap';
import { fill, stream } from './stdio';
import { parseDouble } from './strings';
import { andThen, cstr, setErrno } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** The i-th variadic (pointer) argument of the call. */
type Args = (vm: VM, i: number) => number;

const EOF = -1;

/** A store the scan makes once it is complete. */
type Store =
  | { at: number; size: number; int: bigint }
  | { at: number; float: 4 | 8; value: number }
  | { at: number; bytes: number[] }
  /** %ms and friends: a malloc'd copy of the bytes, its address stored at `at`. */
  | { at: number; malloc: number[] };

/** A finished scan: the return value, the bytes it took, and what it stores. */
interface Scanned {
  ret: number;
  consumed: number;
  stores: Store[];
}

/** The scan reached the end of what is buffered, and the stream may have more. */
const MORE = Symbol('more');

/** How the scan stops early: an input failure (end of input) or a matching failure. */
class Stop {
  constructor(readonly input: boolean) {}
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isXDigit = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;
const ULONG_MAX = (1n << 64n) - 1n;

/** strtol (signed) or strtoul on the digits the scanner collected: [sign][digits], base 8, 10 or 16. */
function convertInt(text: string, base: number, signed: boolean): bigint {
  const neg = text[0] === '-';
  const digits = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  let mag = 0n;
  const b = BigInt(base);
  for (const ch of digits) mag = mag * b + BigInt(Number.parseInt(ch, 16));
  if (signed) {
    const v = neg ? -mag : mag;
    return v > LONG_MAX ? LONG_MAX : v < LONG_MIN ? LONG_MIN : v;
  }
  if (mag > ULONG_MAX) return ULONG_MAX;
  return BigInt.asUintN(64, neg ? -mag : mag);
}

/**
 * Scans `input` (with `final` true when nothing follows it) by the format; `arg(i)` is the i-th
 * pointer argument. Returns MORE when it must read past the input and more may come.
 */
function scanBytes(
  fmt: string,
  input: ArrayLike<number>,
  final: boolean,
  arg: (i: number) => number,
): Scanned | typeof MORE {
  let pos = 0;
  let c = 0;
  let done = 0;
  let nextArg = 0;
  const stores: Store[] = [];
  // glibc's inchar(): once it has seen EOF it reads no more.
  const inchar = (): number => {
    if (c === EOF) return EOF;
    if (pos < input.length) c = input[pos++];
    else if (final) c = EOF;
    else throw MORE;
    return c;
  };
  const ungetc = (ch: number) => {
    if (ch !== EOF) pos--;
  };
  const inputError = () => {
    throw new Stop(true);
  };
  const convError = () => {
    throw new Stop(false);
  };
  try {
    let f = 0;
    let skipSpace = false;
    while (f < fmt.length) {
      let fc = fmt.charCodeAt(f++);
      if (fc !== 37) {
        if (isSpace(fc)) {
          skipSpace = true;
          continue;
        }
        inchar();
        if (c === EOF) inputError();
        if (skipSpace) {
          while (isSpace(c)) if (inchar() === EOF) inputError();
          skipSpace = false;
        }
        if (c !== fc) {
          ungetc(c);
          convError();
        }
        continue;
      }
      // A conversion: %[n$][*][width][modifier]conversion.
      let argpos = 0;
      let width = 0;
      let suppress = false;
      const readInt = () => {
        let n = 0;
        while (f < fmt.length && isDigit(fmt.charCodeAt(f))) n = n * 10 + fmt.charCodeAt(f++) - 48;
        return n;
      };
      let gotWidth = false;
      if (isDigit(fmt.charCodeAt(f))) {
        argpos = readInt();
        if (fmt[f] === '$') f++;
        else {
          width = argpos;
          argpos = 0;
          gotWidth = true;
        }
      }
      if (!gotWidth) {
        while (fmt[f] === '*' || fmt[f] === "'" || fmt[f] === 'I') if (fmt[f++] === '*') suppress = true;
        width = readInt();
      }
      if (width === 0) width = -1;
      let size = 4;
      let long = false;
      let longDouble = false;
      let malloc = false;
      switch (fmt[f++]) {
        case 'h':
          if (fmt[f] === 'h') {
            f++;
            size = 1;
          } else size = 2;
          break;
        case 'l':
          if (fmt[f] === 'l') {
            f++;
            longDouble = true;
          }
          long = true;
          size = 8;
          break;
        case 'q':
        case 'L':
          long = true;
          longDouble = true;
          size = 8;
          break;
        case 'm':
          malloc = true;
          if (fmt[f] === 'l') {
            f++;
            long = true;
          }
          break;
        case 'z':
        case 'j':
        case 't':
          long = true;
          size = 8;
          break;
        default:
          f--;
      }
      if (f >= fmt.length) convError();
      fc = fmt.charCodeAt(f++);
      const conv = String.fromCharCode(fc);
      const take = () => arg(argpos > 0 ? argpos - 1 : nextArg++);
      if (skipSpace || (conv !== '[' && conv !== 'c' && conv !== 'C' && conv !== 'n')) {
        do if (c !== EOF) inchar();
        while (isSpace(c));
        ungetc(c);
        skipSpace = false;
      }
      /** A string conversion's destination (glibc's STRING_ARG): NULL is a matching failure. */
      const stringArg = (): number => {
        if (suppress) return 0;
        const at = take();
        if (at === 0) convError();
        return at;
      };
      const storeString = (at: number, bytes: number[], wide: boolean) => {
        if (suppress) return;
        const out = wide ? bytes.flatMap((b) => [b, 0, 0, 0]) : bytes;
        stores.push(malloc ? { at, malloc: out } : { at, bytes: out });
        done++;
      };
      switch (conv) {
        case '%':
          inchar();
          if (c === EOF) inputError();
          if (c !== fc) {
            ungetc(c);
            convError();
          }
          break;
        case 'n':
          if (!suppress) stores.push({ at: take(), size, int: BigInt(pos) });
          break;
        case 'c':
        case 'C': {
          const wide = long || conv === 'C';
          if (width === -1) width = 1;
          const at = stringArg();
          inchar();
          if (c === EOF) inputError();
          const bytes: number[] = [];
          do bytes.push(c);
          while (--width > 0 && inchar() !== EOF);
          storeString(at, bytes, wide);
          break;
        }
        case 's':
        case 'S': {
          const at = stringArg();
          inchar();
          if (c === EOF) inputError();
          const bytes: number[] = [];
          do {
            if (isSpace(c)) {
              ungetc(c);
              break;
            }
            bytes.push(c);
          } while ((width <= 0 || --width > 0) && inchar() !== EOF);
          bytes.push(0);
          storeString(at, bytes, long || conv === 'S');
          break;
        }
        case '[': {
          const at = stringArg();
          let notIn = false;
          if (fmt[f] === '^') {
            f++;
            notIn = true;
          }
          const set = new Uint8Array(256);
          let sc = fmt.charCodeAt(f);
          if (fmt[f] === ']' || fmt[f] === '-') {
            set[sc] = 1;
            f++;
          }
          for (;;) {
            sc = f < fmt.length ? fmt.charCodeAt(f++) : 0;
            if (sc === 0 || sc === 93) break;
            const nx = f < fmt.length ? fmt.charCodeAt(f) : 0;
            // A range a-z: from the character before the '-' up to the one after.
            if (sc === 45 && nx !== 0 && nx !== 93 && fmt.charCodeAt(f - 2) <= nx)
              for (let x = fmt.charCodeAt(f - 2); x < nx; x++) set[x] = 1;
            else set[sc] = 1;
          }
          if (sc === 0) convError();
          const now = pos;
          if (inchar() === EOF) inputError();
          const bytes: number[] = [];
          do {
            if ((set[c] === 1) === notIn) {
              ungetc(c);
              break;
            }
            bytes.push(c);
          } while ((width < 0 || --width > 0) && inchar() !== EOF);
          if (now === pos) convError();
          bytes.push(0);
          storeString(at, bytes, long);
          break;
        }
        case 'x':
        case 'X':
        case 'o':
        case 'u':
        case 'd':
        case 'i':
        case 'p': {
          let base =
            conv === 'x' || conv === 'X' || conv === 'p' ? 16 : conv === 'o' ? 8 : conv === 'i' ? 0 : 10;
          const signed = conv === 'd' || conv === 'i';
          if (conv === 'p') size = 8;
          let buf = '';
          inchar();
          if (c === EOF) inputError();
          if (c === 45 || c === 43) {
            buf += String.fromCharCode(c);
            if (width > 0) width--;
            inchar();
          }
          if (width !== 0 && c === 48) {
            if (width > 0) width--;
            buf += '0';
            inchar();
            if (width !== 0 && lower(c) === 120) {
              if (base === 0) base = 16;
              if (base === 16) {
                if (width > 0) width--;
                inchar();
              }
            } else if (base === 0) base = 8;
          }
          if (base === 0) base = 10;
          while (c !== EOF && width !== 0) {
            if (base === 16 ? !isXDigit(c) : !isDigit(c) || c - 48 >= base) break;
            buf += String.fromCharCode(c);
            if (width > 0) width--;
            inchar();
          }
          if (buf === '' || buf === '-' || buf === '+') {
            // A pointer may be written "(nil)".
            const nil =
              buf === '' &&
              conv === 'p' &&
              (width < 0 || width >= 5) &&
              c === 40 &&
              lower(inchar()) === 110 &&
              lower(inchar()) === 105 &&
              lower(inchar()) === 108 &&
              inchar() === 41;
            if (!nil) {
              ungetc(c);
              convError();
            }
            buf = '0';
          } else ungetc(c);
          if (!suppress) {
            stores.push({ at: take(), size, int: convertInt(buf, base, signed) });
            done++;
          }
          break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
          let buf = '';
          inchar();
          if (width > 0) width--;
          if (c === EOF) inputError();
          let gotDigit = false;
          let gotDot = false;
          let gotE = false;
          let gotSign = 0;
          let hexa = false;
          let special = false;
          /** Adds c and reads the next character, which must be `want` (a letter of "nan" or "infinity"). */
          const expect = (want: string) => {
            buf += String.fromCharCode(c);
            if (width === 0 || inchar() === EOF || lower(c) !== want.charCodeAt(0)) convError();
            if (width > 0) width--;
          };
          if (c === 45 || c === 43) {
            gotSign = 1;
            buf += String.fromCharCode(c);
            if (width === 0 || inchar() === EOF) convError();
            if (width > 0) width--;
          }
          if (lower(c) === 110) {
            expect('a');
            expect('n');
            buf += String.fromCharCode(c);
            special = true;
          } else if (lower(c) === 105) {
            expect('n');
            expect('f');
            buf += String.fromCharCode(c);
            if (width !== 0 && inchar() !== EOF) {
              if (lower(c) === 105) {
                if (width > 0) width--;
                expect('n');
                expect('i');
                expect('t');
                expect('y');
                buf += String.fromCharCode(c);
              } else ungetc(c);
            }
            special = true;
          }
          if (!special) {
            let expChar = 101;
            if (width !== 0 && c === 48) {
              buf += '0';
              inchar();
              if (width > 0) width--;
              if (width !== 0 && lower(c) === 120) {
                buf += String.fromCharCode(c);
                hexa = true;
                expChar = 112;
                inchar();
                if (width > 0) width--;
              } else gotDigit = true;
            }
            for (;;) {
              if (isDigit(c)) {
                buf += String.fromCharCode(c);
                gotDigit = true;
              } else if (!gotE && hexa && isXDigit(c)) {
                buf += String.fromCharCode(c);
                gotDigit = true;
              } else if (gotE && buf.charCodeAt(buf.length - 1) === expChar && (c === 45 || c === 43))
                buf += String.fromCharCode(c);
              else if (gotDigit && !gotE && lower(c) === expChar) {
                buf += String.fromCharCode(expChar);
                gotE = true;
                gotDot = true;
              } else if (!gotDot && c === 46) {
                buf += '.';
                gotDot = true;
              } else {
                ungetc(c);
                break;
              }
              if (width === 0 || inchar() === EOF) break;
              if (width > 0) width--;
            }
            if (buf.length === gotSign || (hexa && buf.length === 2 + gotSign)) convError();
          }
          const [value, used] = parseDouble(buf);
          if (used === 0) convError();
          if (!suppress) {
            stores.push({ at: take(), float: long || longDouble ? 8 : 4, value });
            done++;
          }
          break;
        }
        default:
          convError();
      }
    }
    // A space at the end of the format takes all the whitespace that follows.
    if (skipSpace) {
      do inchar();
      while (isSpace(c));
      ungetc(c);
    }
  } catch (e) {
    if (e === MORE) return MORE;
    if (!(e instanceof Stop)) throw e;
    if (e.input && done === 0) done = EOF;
  }
  return { ret: done, consumed: pos, stores };
}

/** Makes a finished scan's stores (a bad pointer faults here, as the store would in glibc). */
function apply(vm: VM, r: Scanned): number {
  const m = vm.mem;
  for (const s of r.stores) {
    if ('int' in s) {
      const bytes = new Uint8Array(s.size);
      let v = BigInt.asUintN(s.size * 8, s.int);
      for (let i = 0; i < s.size; i++, v >>= 8n) bytes[i] = Number(v & 0xffn);
      m.write(s.at, bytes);
    } else if ('float' in s) {
      if (s.float === 4) m.setF32(s.at, s.value);
      else m.setF64(s.at, s.value);
    } else if ('bytes' in s) m.write(s.at, Uint8Array.from(s.bytes));
    else {
      const p = mallocBytes(vm, s.malloc.length);
      if (p !== 0) m.write(p, Uint8Array.from(s.malloc));
      m.setU64(s.at, p);
    }
  }
  return r.ret;
}

/** sscanf over a string: its NUL is the end of the input. */
function scanString(vm: VM, str: number, fmt: number, args: Args): NativeResult {
  if (fmt === 0) return noFormat(vm);
  const r = scanBytes(cstr(vm, fmt), vm.mem.cstring(str), true, (i) => args(vm, i));
  return r === MORE ? EOF : apply(vm, r);
}

/** A NULL format: EINVAL and EOF, as glibc's ARGCHECK. */
function noFormat(vm: VM): number {
  setErrno(vm, 'EINVAL');
  return EOF;
}

/** fscanf over a stream's buffer, reading more while the scan needs it. */
function scanStream(vm: VM, file: number, fmt: number, args: Args): NativeResult {
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'fscanf on an invalid FILE pointer' };
  if (fmt === 0) return noFormat(vm);
  const r = scanBytes(cstr(vm, fmt), s.in, s.eof || s.error, (i) => args(vm, i));
  if (r === MORE)
    return fill(vm, file, (v, ok) => {
      const t = stream(v, file);
      if (!ok && t) t.eof = true;
      return scanStream(v, file, fmt, args);
    });
  const ret = apply(vm, r);
  s.in.splice(0, r.consumed);
  return ret;
}

/** The variadic arguments of a call from index `start`. */
const fromArgs =
  (a: number[], start: number): Args =>
  (_, i) =>
    a[start + i] ?? 0;

/** The arguments behind a va_list (8-byte slots, as the VM stores variadic arguments). */
const fromVaList =
  (ap: number): Args =>
  (vm, i) =>
    vm.mem.f64(ap + i * 8);

/**
 * getdelim(lineptr, n, delim, stream): glibc's __getdelim. A NULL *lineptr (or *n 0) gets a
 * 120-byte malloc; the buffer grows by realloc to at least twice its size as needed.
 */
function getdelim(vm: VM, lineptr: number, np: number, delim: number, file: number): NativeResult {
  if (lineptr === 0 || np === 0) {
    setErrno(vm, 'EINVAL');
    return -1;
  }
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'getdelim on an invalid FILE pointer' };
  if (s.error) return -1;
  const m = vm.mem;
  if (m.u64(lineptr) === 0 || m.u64(np) === 0) {
    m.setU64(np, 120);
    const p = mallocBytes(vm, 120);
    m.setU64(lineptr, p);
    if (p === 0) return -1;
  }
  const d = delim & 0xff;
  /** Copies what is buffered (up to the delimiter) after the `cur` bytes already taken. */
  const take = (v: VM, cur: number): NativeResult => {
    const t = stream(v, file);
    if (!t) return -1;
    const at = t.in.indexOf(d);
    const len = at >= 0 ? at + 1 : t.in.length;
    const have = v.mem.u64(np);
    const needed = Math.max(cur + len + 1, 2 * have);
    const grow: NativeResult = cur + len + 1 > have ? HEAP.realloc(v, [v.mem.u64(lineptr), needed]) : -1;
    return andThen(v, grow, (w, p) => {
      if (p === 0) return -1;
      if (p !== -1) {
        w.mem.setU64(lineptr, p);
        w.mem.setU64(np, needed);
      }
      const u = stream(w, file);
      if (!u) return -1;
      w.mem.write(w.mem.u64(lineptr) + cur, Uint8Array.from(u.in.splice(0, len)));
      const total = cur + len;
      const end = (x: VM) => {
        x.mem.setU8(x.mem.u64(lineptr) + total, 0);
        return total;
      };
      if (at >= 0) return end(w);
      return fill(w, file, (x, ok) => (ok ? take(x, total) : end(x)));
    });
  };
  if (s.in.length > 0) return take(vm, 0);
  return fill(vm, file, (v, ok) => (ok ? take(v, 0) : -1));
}

/** The scanf and getline natives. */
export const SCAN: Natives = {
  sscanf: (vm, a) => scanString(vm, a[0], a[1], fromArgs(a, 2)),
  vsscanf: (vm, a) => scanString(vm, a[0], a[1], fromVaList(a[2])),
  fscanf: (vm, a) => scanStream(vm, a[0], a[1], fromArgs(a, 2)),
  vfscanf: (vm, a) => scanStream(vm, a[0], a[1], fromVaList(a[2])),
  scanf: (vm, a) => scanStream(vm, vm.prog.stdFiles[0], a[0], fromArgs(a, 1)),
  vscanf: (vm, a) => scanStream(vm, vm.prog.stdFiles[0], a[0], fromVaList(a[1])),
  getline: (vm, a) => getdelim(vm, a[0], a[1], 10, a[2]),
  getdelim: (vm, a) => getdelim(vm, a[0], a[1], a[2], a[3]),
};
