/**
 * The scanf family, as glibc 2.36 does it. The scanner follows stdio-common/vfscanf-internal.c
 * character by character: one character of look-ahead pushed back, whitespace skipped before
 * every conversion but %c, %[ and %n, widths counting every character read (a sign and a "0x"
 * too), numbers converted as strtol/strtoul convert the digits read (then cut to the argument's
 * width), a NULL destination for %s, %c or %[ a matching failure, and the return value the count
 * of assignments, or EOF when the input ends before the first one.
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
import { mallocBytes } from './heap';
import { fill, stream } from './stdio';
import { parseDouble } from './strings';
import { cstr, setErrno } from './util';

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

/** A conversion specification: %[n$][*][width][modifier]conversion. */
interface Spec {
  conv: string;
  /** The n of n$ (0: the next argument). */
  argpos: number;
  suppress: boolean;
  /** The field width (-1: none). */
  width: number;
  /** The size of an integer (and of %n's) argument: hh 1, h 2, none 4, l ll z j t 8. */
  size: number;
  /** l: double, wide characters. */
  long: boolean;
  /** ll, L, q: long double (the model's double). */
  longDouble: boolean;
  /** m: the string goes to a malloc'd buffer. */
  malloc: boolean;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isXDigit = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const PLUS = 43;
const MINUS = 45;

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

/** The specification at fmt[f] (just after the '%') and where it ends, or null at the format's end. */
function parseSpec(fmt: string, start: number): [Spec, number] | null {
  let f = start;
  const readInt = () => {
    let n = 0;
    while (f < fmt.length && isDigit(fmt.charCodeAt(f))) n = n * 10 + fmt.charCodeAt(f++) - 48;
    return n;
  };
  const spec: Spec = {
    conv: '',
    argpos: 0,
    suppress: false,
    width: 0,
    size: 4,
    long: false,
    longDouble: false,
    malloc: false,
  };
  // A number first is n$, or else the width.
  let number = isDigit(fmt.charCodeAt(f)) ? readInt() : -1;
  if (number >= 0 && fmt[f] === '$') {
    f++;
    spec.argpos = number;
    number = -1;
  }
  if (number < 0) {
    while (fmt[f] === '*' || fmt[f] === "'" || fmt[f] === 'I') if (fmt[f++] === '*') spec.suppress = true;
    number = readInt();
  }
  spec.width = number === 0 ? -1 : number;
  const mod = fmt[f++];
  if (mod === 'h') {
    spec.size = fmt[f] === 'h' ? 1 : 2;
    if (spec.size === 1) f++;
  } else if (mod === 'l' || mod === 'q' || mod === 'L') {
    spec.long = true;
    spec.longDouble = mod !== 'l' || fmt[f] === 'l';
    if (mod === 'l' && fmt[f] === 'l') f++;
    spec.size = 8;
  } else if (mod === 'm') {
    spec.malloc = true;
    if (fmt[f] === 'l') {
      f++;
      spec.long = true;
    }
  } else if (mod === 'z' || mod === 'j' || mod === 't') {
    spec.long = true;
    spec.size = 8;
  } else f--;
  if (f >= fmt.length) return null;
  spec.conv = fmt[f++];
  return [spec, f];
}

/** One run of the scanner over the input it has. */
class Scanner {
  pos = 0;
  /** The last character read (EOF once the input has ended: then nothing more is read). */
  c = 0;
  done = 0;
  stores: Store[] = [];
  private nextArg = 0;

  constructor(
    private readonly input: ArrayLike<number>,
    private readonly final: boolean,
    private readonly arg: (i: number) => number,
  ) {}

  /** glibc's inchar(): the next character, or EOF for good. */
  inchar(): number {
    if (this.c === EOF) return EOF;
    if (this.pos < this.input.length) this.c = this.input[this.pos++];
    else if (this.final) this.c = EOF;
    else throw MORE;
    return this.c;
  }

  ungetc(ch: number): void {
    if (ch !== EOF) this.pos--;
  }

  inputError(): never {
    throw new Stop(true);
  }

  convError(): never {
    throw new Stop(false);
  }

  /** Reads the next character; the end of input is an input failure. */
  first(): number {
    if (this.inchar() === EOF) this.inputError();
    return this.c;
  }

  take(spec: Spec): number {
    return this.arg(spec.argpos > 0 ? spec.argpos - 1 : this.nextArg++);
  }

  /** A string conversion's destination (glibc's STRING_ARG): NULL is a matching failure. */
  stringArg(spec: Spec): number {
    if (spec.suppress) return 0;
    const at = this.take(spec);
    if (at === 0) this.convError();
    return at;
  }

  storeString(spec: Spec, at: number, bytes: number[], wide: boolean): void {
    if (spec.suppress) return;
    const out = wide ? bytes.flatMap((b) => [b, 0, 0, 0]) : bytes;
    this.stores.push(spec.malloc ? { at, malloc: out } : { at, bytes: out });
    this.done++;
  }

  run(fmt: string): Scanned {
    try {
      let f = 0;
      let skipSpace = false;
      while (f < fmt.length) {
        const fc = fmt.charCodeAt(f++);
        if (fc !== 37) {
          // A space matches any amount of whitespace; other characters must match.
          if (isSpace(fc)) {
            skipSpace = true;
            continue;
          }
          this.first();
          if (skipSpace) {
            while (isSpace(this.c)) if (this.inchar() === EOF) this.inputError();
            skipSpace = false;
          }
          if (this.c !== fc) {
            this.ungetc(this.c);
            this.convError();
          }
          continue;
        }
        const parsed = parseSpec(fmt, f);
        if (!parsed) this.convError();
        const [spec, next] = parsed;
        f = next;
        const conv = spec.conv;
        if (skipSpace || (conv !== '[' && conv !== 'c' && conv !== 'C' && conv !== 'n')) {
          do if (this.c !== EOF) this.inchar();
          while (isSpace(this.c));
          this.ungetc(this.c);
          skipSpace = false;
        }
        f = this.convert(spec, fmt, f);
      }
      // A space at the end of the format takes all the whitespace that follows.
      if (skipSpace) {
        do this.inchar();
        while (isSpace(this.c));
        this.ungetc(this.c);
      }
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      if (e.input && this.done === 0) this.done = EOF;
    }
    return { ret: this.done, consumed: this.pos, stores: this.stores };
  }

  /** One conversion; returns where the format goes on (after a %[ set). */
  convert(spec: Spec, fmt: string, f: number): number {
    switch (spec.conv) {
      case '%':
        if (this.first() !== 37) {
          this.ungetc(this.c);
          this.convError();
        }
        return f;
      case 'n':
        if (!spec.suppress) this.stores.push({ at: this.take(spec), size: spec.size, int: BigInt(this.pos) });
        return f;
      case 'c':
      case 'C':
        this.chars(spec);
        return f;
      case 's':
      case 'S':
        this.string(spec);
        return f;
      case '[':
        return this.set(spec, fmt, f);
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
      case 'p':
        this.integer(spec);
        return f;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'a':
      case 'A':
        this.float(spec);
        return f;
      default:
        return this.convError();
    }
  }

  /** %c: exactly `width` characters (1 by default), fewer if the input ends; no NUL. */
  chars(spec: Spec): void {
    let width = spec.width === -1 ? 1 : spec.width;
    const at = this.stringArg(spec);
    this.first();
    const bytes: number[] = [];
    do bytes.push(this.c);
    while (--width > 0 && this.inchar() !== EOF);
    this.storeString(spec, at, bytes, spec.long || spec.conv === 'C');
  }

  /** %s: characters up to whitespace. */
  string(spec: Spec): void {
    let width = spec.width;
    const at = this.stringArg(spec);
    this.first();
    const bytes: number[] = [];
    do {
      if (isSpace(this.c)) {
        this.ungetc(this.c);
        break;
      }
      bytes.push(this.c);
    } while ((width <= 0 || --width > 0) && this.inchar() !== EOF);
    bytes.push(0);
    this.storeString(spec, at, bytes, spec.long || spec.conv === 'S');
  }

  /** %[set] and %[^set]: a ']' or '-' first is in the set, a-z is a range. Returns the format's position. */
  set(spec: Spec, fmt: string, start: number): number {
    const at = this.stringArg(spec);
    let f = start;
    const notIn = fmt[f] === '^';
    if (notIn) f++;
    const set = new Uint8Array(256);
    if (fmt[f] === ']' || fmt[f] === '-') set[fmt.charCodeAt(f++)] = 1;
    let sc = 0;
    for (;;) {
      sc = f < fmt.length ? fmt.charCodeAt(f++) : 0;
      if (sc === 0 || sc === 93) break;
      const nx = f < fmt.length ? fmt.charCodeAt(f) : 0;
      // A range a-z: from the character before the '-' up to the one after.
      if (sc === MINUS && nx !== 0 && nx !== 93 && fmt.charCodeAt(f - 2) <= nx)
        for (let x = fmt.charCodeAt(f - 2); x < nx; x++) set[x] = 1;
      else set[sc] = 1;
    }
    if (sc === 0) this.convError();
    let width = spec.width;
    const now = this.pos;
    this.first();
    const bytes: number[] = [];
    do {
      if ((set[this.c] === 1) === notIn) {
        this.ungetc(this.c);
        break;
      }
      bytes.push(this.c);
    } while ((width < 0 || --width > 0) && this.inchar() !== EOF);
    if (now === this.pos) this.convError();
    bytes.push(0);
    this.storeString(spec, at, bytes, spec.long);
    return f;
  }

  /** %d %i %u %o %x %p: a sign, a 0x (for %i, %x, %p) or 0 (for %i), digits; then strtol's value. */
  integer(spec: Spec): void {
    const conv = spec.conv;
    let base = conv === 'x' || conv === 'X' || conv === 'p' ? 16 : conv === 'o' ? 8 : conv === 'i' ? 0 : 10;
    let width = spec.width;
    let buf = '';
    this.first();
    if (this.c === MINUS || this.c === PLUS) {
      buf += String.fromCharCode(this.c);
      if (width > 0) width--;
      this.inchar();
    }
    if (width !== 0 && this.c === 48) {
      if (width > 0) width--;
      buf += '0';
      this.inchar();
      if (width !== 0 && lower(this.c) === 120) {
        if (base === 0) base = 16;
        if (base === 16) {
          if (width > 0) width--;
          this.inchar();
        }
      } else if (base === 0) base = 8;
    }
    if (base === 0) base = 10;
    while (this.c !== EOF && width !== 0) {
      const c = this.c;
      if (base === 16 ? !isXDigit(c) : !isDigit(c) || c - 48 >= base) break;
      buf += String.fromCharCode(c);
      if (width > 0) width--;
      this.inchar();
    }
    if (buf === '' || buf === '-' || buf === '+') {
      // A pointer may be written "(nil)".
      const nil =
        buf === '' &&
        conv === 'p' &&
        (width < 0 || width >= 5) &&
        this.c === 40 &&
        lower(this.inchar()) === 110 &&
        lower(this.inchar()) === 105 &&
        lower(this.inchar()) === 108 &&
        this.inchar() === 41;
      if (!nil) {
        this.ungetc(this.c);
        this.convError();
      }
      buf = '0';
    } else this.ungetc(this.c);
    if (spec.suppress) return;
    const size = conv === 'p' ? 8 : spec.size;
    this.stores.push({ at: this.take(spec), size, int: convertInt(buf, base, conv === 'd' || conv === 'i') });
    this.done++;
  }

  /** %f %e %g %a: a sign, nan, inf or infinity, or digits with a point, an exponent, a 0x; then strtod's value. */
  float(spec: Spec): void {
    let width = spec.width;
    let buf = '';
    const add = (ch: number) => {
      buf += String.fromCharCode(ch);
    };
    this.inchar();
    if (width > 0) width--;
    if (this.c === EOF) this.inputError();
    let gotSign = 0;
    /** Adds c and reads the next character, which must be the letter `want` (of "nan" or "infinity"). */
    const expect = (want: string) => {
      add(this.c);
      if (width === 0 || this.inchar() === EOF || lower(this.c) !== want.charCodeAt(0)) this.convError();
      if (width > 0) width--;
    };
    if (this.c === MINUS || this.c === PLUS) {
      gotSign = 1;
      add(this.c);
      if (width === 0 || this.inchar() === EOF) this.convError();
      if (width > 0) width--;
    }
    if (lower(this.c) === 110) {
      expect('a');
      expect('n');
      add(this.c);
    } else if (lower(this.c) === 105) {
      expect('n');
      expect('f');
      add(this.c);
      if (width !== 0 && this.inchar() !== EOF) {
        if (lower(this.c) === 105) {
          if (width > 0) width--;
          for (const ch of 'nity') expect(ch);
          add(this.c);
        } else this.ungetc(this.c);
      }
    } else {
      let gotDigit = false;
      let gotDot = false;
      let gotE = false;
      let hexa = false;
      let expChar = 101;
      if (width !== 0 && this.c === 48) {
        add(48);
        this.inchar();
        if (width > 0) width--;
        if (width !== 0 && lower(this.c) === 120) {
          add(this.c);
          hexa = true;
          expChar = 112;
          this.inchar();
          if (width > 0) width--;
        } else gotDigit = true;
      }
      for (;;) {
        const c = this.c;
        if (isDigit(c) || (!gotE && hexa && isXDigit(c))) {
          add(c);
          gotDigit = true;
        } else if (gotE && buf.charCodeAt(buf.length - 1) === expChar && (c === MINUS || c === PLUS)) add(c);
        else if (gotDigit && !gotE && lower(c) === expChar) {
          add(expChar);
          gotE = true;
          gotDot = true;
        } else if (!gotDot && c === 46) {
          add(c);
          gotDot = true;
        } else {
          this.ungetc(c);
          break;
        }
        if (width === 0 || this.inchar() === EOF) break;
        if (width > 0) width--;
      }
      // Nothing but a sign, or a bare 0x, is no number.
      if (buf.length === gotSign || (hexa && buf.length === 2 + gotSign)) this.convError();
    }
    const [value, used] = parseDouble(buf);
    if (used === 0) this.convError();
    if (spec.suppress) return;
    this.stores.push({ at: this.take(spec), float: spec.long || spec.longDouble ? 8 : 4, value });
    this.done++;
  }
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
  try {
    return new Scanner(input, final, arg).run(fmt);
  } catch (e) {
    if (e === MORE) return MORE;
    throw e;
  }
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

/** A NULL format: EINVAL and EOF, as glibc's ARGCHECK. */
function noFormat(vm: VM): number {
  setErrno(vm, 'EINVAL');
  return EOF;
}

/** sscanf over a string: its NUL is the end of the input. */
function scanString(vm: VM, str: number, fmt: number, args: Args): NativeResult {
  if (fmt === 0) return noFormat(vm);
  const r = scanBytes(cstr(vm, fmt), vm.mem.cstring(str), true, (i) => args(vm, i));
  return r === MORE ? EOF : apply(vm, r);
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

/** The scanf natives. */
export const SCAN: Natives = {
  sscanf: (vm, a) => scanString(vm, a[0], a[1], fromArgs(a, 2)),
  vsscanf: (vm, a) => scanString(vm, a[0], a[1], fromVaList(a[2])),
  fscanf: (vm, a) => scanStream(vm, a[0], a[1], fromArgs(a, 2)),
  vfscanf: (vm, a) => scanStream(vm, a[0], a[1], fromVaList(a[2])),
  scanf: (vm, a) => scanStream(vm, vm.prog.stdFiles[0], a[0], fromArgs(a, 1)),
  vscanf: (vm, a) => scanStream(vm, vm.prog.stdFiles[0], a[0], fromVaList(a[1])),
};
