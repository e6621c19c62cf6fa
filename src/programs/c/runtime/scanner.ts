/**
 * The scanf scanner: one run over the input it has, following glibc's vfscanf-internal.c (the
 * format's literal characters and whitespace, %%, %n, %c, %s and %[; the numbers are in
 * scanNumbers.ts), collecting the stores it will make.
 */
import { scanFloat, scanInteger } from './scanNumbers';
import { EOF, isSpace, MINUS, MORE, parseSpec, type Scanned, type Spec, Stop, type Store } from './scanSpec';

/** One run of the scanner over the input it has. */
export class Scanner {
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
        scanInteger(this, spec);
        return f;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'a':
      case 'A':
        scanFloat(this, spec);
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
}

/**
 * Scans `input` (with `final` true when nothing follows it) by the format; `arg(i)` is the i-th
 * pointer argument. Returns MORE when it must read past the input and more may come.
 */
export function scanBytes(
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
