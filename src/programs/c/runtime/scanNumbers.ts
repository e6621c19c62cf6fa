/**
 * The scanf scanner's numeric conversions: %d %i %u %o %x %p collect what strtol reads and convert
 * it as strtol/strtoul would, %e %f %g %a collect what strtod reads and convert it with parseDouble.
 */
import type { Scanner } from './scanner';
import { EOF, isDigit, isXDigit, lower, MINUS, PLUS, type Spec } from './scanSpec';
import { parseDouble } from './strings';

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

/** %d %i %u %o %x %p: a sign, a 0x (for %i, %x, %p) or 0 (for %i), digits; then strtol's value. */
export function scanInteger(s: Scanner, spec: Spec): void {
  const conv = spec.conv;
  let base = conv === 'x' || conv === 'X' || conv === 'p' ? 16 : conv === 'o' ? 8 : conv === 'i' ? 0 : 10;
  let width = spec.width;
  let buf = '';
  s.first();
  if (s.c === MINUS || s.c === PLUS) {
    buf += String.fromCharCode(s.c);
    if (width > 0) width--;
    s.inchar();
  }
  if (width !== 0 && s.c === 48) {
    if (width > 0) width--;
    buf += '0';
    s.inchar();
    if (width !== 0 && lower(s.c) === 120) {
      if (base === 0) base = 16;
      if (base === 16) {
        if (width > 0) width--;
        s.inchar();
      }
    } else if (base === 0) base = 8;
  }
  if (base === 0) base = 10;
  while (s.c !== EOF && width !== 0) {
    const c = s.c;
    if (base === 16 ? !isXDigit(c) : !isDigit(c) || c - 48 >= base) break;
    buf += String.fromCharCode(c);
    if (width > 0) width--;
    s.inchar();
  }
  if (buf === '' || buf === '-' || buf === '+') {
    // A pointer may be written "(nil)".
    const nil =
      buf === '' &&
      conv === 'p' &&
      (width < 0 || width >= 5) &&
      s.c === 40 &&
      lower(s.inchar()) === 110 &&
      lower(s.inchar()) === 105 &&
      lower(s.inchar()) === 108 &&
      s.inchar() === 41;
    if (!nil) {
      s.ungetc(s.c);
      s.convError();
    }
    buf = '0';
  } else s.ungetc(s.c);
  if (spec.suppress) return;
  const size = conv === 'p' ? 8 : spec.size;
  s.stores.push({ at: s.take(spec), size, int: convertInt(buf, base, conv === 'd' || conv === 'i') });
  s.done++;
}

/** %f %e %g %a: a sign, nan, inf or infinity, or digits with a point, an exponent, a 0x; then strtod's value. */
export function scanFloat(s: Scanner, spec: Spec): void {
  let width = spec.width;
  let buf = '';
  const add = (ch: number) => {
    buf += String.fromCharCode(ch);
  };
  s.inchar();
  if (width > 0) width--;
  if (s.c === EOF) s.inputError();
  let gotSign = 0;
  /** Adds c and reads the next character, which must be the letter `want` (of "nan" or "infinity"). */
  const expect = (want: string) => {
    add(s.c);
    if (width === 0 || s.inchar() === EOF || lower(s.c) !== want.charCodeAt(0)) s.convError();
    if (width > 0) width--;
  };
  if (s.c === MINUS || s.c === PLUS) {
    gotSign = 1;
    add(s.c);
    if (width === 0 || s.inchar() === EOF) s.convError();
    if (width > 0) width--;
  }
  if (lower(s.c) === 110) {
    expect('a');
    expect('n');
    add(s.c);
  } else if (lower(s.c) === 105) {
    expect('n');
    expect('f');
    add(s.c);
    if (width !== 0 && s.inchar() !== EOF) {
      if (lower(s.c) === 105) {
        if (width > 0) width--;
        for (const ch of 'nity') expect(ch);
        add(s.c);
      } else s.ungetc(s.c);
    }
  } else {
    let gotDigit = false;
    let gotDot = false;
    let gotE = false;
    let hexa = false;
    let expChar = 101;
    if (width !== 0 && s.c === 48) {
      add(48);
      s.inchar();
      if (width > 0) width--;
      if (width !== 0 && lower(s.c) === 120) {
        add(s.c);
        hexa = true;
        expChar = 112;
        s.inchar();
        if (width > 0) width--;
      } else gotDigit = true;
    }
    for (;;) {
      const c = s.c;
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
        s.ungetc(c);
        break;
      }
      if (width === 0 || s.inchar() === EOF) break;
      if (width > 0) width--;
    }
    // Nothing but a sign, or a bare 0x, is no number.
    if (buf.length === gotSign || (hexa && buf.length === 2 + gotSign)) s.convError();
  }
  const [value, used] = parseDouble(buf);
  if (used === 0) s.convError();
  if (spec.suppress) return;
  s.stores.push({ at: s.take(spec), float: spec.long || spec.longDouble ? 8 : 4, value });
  s.done++;
}
