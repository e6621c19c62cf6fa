/**
 * printf-style formatting, as glibc does it for the conversions socket programs use: d i u o x X
 * c s p f F e E g G and %%, with flags (- + space # 0), width and precision (numbers or *), and
 * the length modifiers hh h l ll z j t L.
 */
import type { VM } from '../vm/vm';

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    const prefix = /^[+\- ]?0[xX]/.test(s) ? s.slice(0, sign.length + 2) : sign;
    return prefix + '0'.repeat(width - s.length) + s.slice(prefix.length);
  }
  return ' '.repeat(width - s.length) + s;
}

/** An integer argument cut to the length modifier's width (signed or unsigned). */
function intArg(v: number, len: string, unsigned: boolean): bigint {
  const bits = len === 'hh' ? 8 : len === 'h' ? 16 : len === '' ? 32 : 64;
  const b = BigInt(Math.trunc(v));
  return unsigned ? BigInt.asUintN(bits, b) : BigInt.asIntN(bits, b);
}

function fixed(v: number, prec: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
  return v.toFixed(Math.min(prec, 100));
}

function expo(v: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(v)) return fixed(v, prec);
  const s = v.toExponential(Math.min(prec, 100)).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function general(v: number, prec: number, alt: boolean, upper: boolean): string {
  if (!Number.isFinite(v)) return fixed(v, prec);
  const p = prec === 0 ? 1 : prec;
  const e = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
  let s = e < -4 || e >= p ? expo(v, p - 1, upper) : fixed(v, Math.max(0, p - 1 - e));
  if (!alt) {
    s = s.replace(/(\.\d*?)0+(e|E|$)/, '$1$2').replace(/\.(e|E|$)/, '$1');
  }
  return s;
}

/** The arguments of a call from index `start` (for printf and friends). */
export function argsFrom(args: number[], start: number): () => number {
  let i = start;
  return () => (i < args.length ? args[i++] : 0);
}

/** The arguments behind a va_list (8-byte slots, as the VM stores variadic arguments). */
export function argsFromVaList(vm: VM, ap: number): () => number {
  let at = ap;
  return () => {
    const v = vm.mem.f64(at);
    at += 8;
    return v;
  };
}

/** Formats `fmt` with arguments taken by `next`; returns the bytes (as a byte string). */
export function format(vm: VM, fmt: string, next: () => number): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    let j = i + 1;
    let flags = '';
    while (j < fmt.length && '-+ #0'.includes(fmt[j])) flags += fmt[j++];
    let width = 0;
    if (fmt[j] === '*') {
      width = next();
      j++;
      if (width < 0) {
        flags += '-';
        width = -width;
      }
    } else while (j < fmt.length && fmt[j] >= '0' && fmt[j] <= '9') width = width * 10 + Number(fmt[j++]);
    let prec = -1;
    if (fmt[j] === '.') {
      j++;
      prec = 0;
      if (fmt[j] === '*') {
        prec = next();
        j++;
      } else while (j < fmt.length && fmt[j] >= '0' && fmt[j] <= '9') prec = prec * 10 + Number(fmt[j++]);
    }
    let len = '';
    while (j < fmt.length && 'hlLqjzt'.includes(fmt[j])) len += fmt[j++];
    if (len === 'q' || len === 'L' || len === 'j' || len === 'z' || len === 't') len = 'll';
    if (len === 'l') len = 'll';
    const conv = fmt[j] ?? '';
    i = j;
    const left = flags.includes('-');
    const zero = flags.includes('0') && !left;
    let s: string;
    switch (conv) {
      case '%':
        out += '%';
        continue;
      case 'd':
      case 'i': {
        const v = intArg(next(), len, false);
        let digits = (v < 0n ? -v : v).toString();
        if (prec >= 0) digits = prec === 0 && v === 0n ? '' : digits.padStart(prec, '0');
        s = (v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
        out += pad(s, width, left, zero && prec < 0);
        continue;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        const v = intArg(next(), len, true);
        let digits = v.toString(conv === 'u' ? 10 : conv === 'o' ? 8 : 16);
        if (conv === 'X') digits = digits.toUpperCase();
        if (prec >= 0) digits = prec === 0 && v === 0n ? '' : digits.padStart(prec, '0');
        if (flags.includes('#') && v !== 0n)
          digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
        out += pad(digits, width, left, zero && prec < 0);
        continue;
      }
      case 'c':
        out += pad(String.fromCharCode(next() & 0xff), width, left, false);
        continue;
      case 's': {
        const addr = next();
        let str = addr === 0 ? '(null)' : '';
        if (addr !== 0) {
          const bytes = vm.mem.cstring(addr, prec >= 0 ? prec : 1 << 20);
          for (const b of bytes) str += String.fromCharCode(b);
        } else if (prec >= 0 && prec < 6) str = '';
        out += pad(str, width, left, false);
        continue;
      }
      case 'p': {
        const v = next();
        out += pad(v === 0 ? '(nil)' : `0x${v.toString(16)}`, width, left, false);
        continue;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const v = next();
        const p = prec < 0 ? 6 : prec;
        s =
          conv === 'f' || conv === 'F'
            ? fixed(v, p)
            : conv === 'e' || conv === 'E'
              ? expo(v, p, conv === 'E')
              : general(v, p, flags.includes('#'), conv === 'G');
        if (v >= 0 && !s.startsWith('-'))
          s = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        out += pad(s, width, left, zero);
        continue;
      }
      case 'n':
        next();
        continue;
      default:
        out += `%${flags}${width || ''}${len}${conv}`;
    }
  }
  return out;
}
