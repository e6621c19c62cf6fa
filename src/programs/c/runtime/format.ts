/**
 * printf-style formatting, as glibc does it for the conversions socket programs use: d i u o x X
 * c s p f F e E g G n m and %%, with flags (- + space # 0), width and precision (numbers or *),
 * and the length modifiers hh h l ll z j t L. Doubles are written from their exact binary value
 * (decimal.ts).
 */
import type { VM } from '../vm/vm';
import { expDigits, fixedDigits, generalDigits, signBit } from './decimal';
import { strerrorText } from './strings';
import { getErrno } from './util';

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
  // A positive 2^63 is how the VM holds LONG_MAX (see vm/ops.ts).
  const b = v === 2 ** 63 ? 9223372036854775807n : BigInt(Math.trunc(v));
  return unsigned ? BigInt.asUintN(bits, b) : BigInt.asIntN(bits, b);
}

/** A double for %f %e %g (and upper-case forms): digits without the sign. */
function floating(v: number, conv: string, prec: number, alt: boolean): string {
  const upper = conv === 'F' || conv === 'E' || conv === 'G';
  if (!Number.isFinite(v)) {
    const s = Number.isNaN(v) ? 'nan' : 'inf';
    return upper ? s.toUpperCase() : s;
  }
  if (conv === 'f' || conv === 'F') return fixedDigits(v, prec, alt);
  if (conv === 'e' || conv === 'E') return expDigits(v, prec, alt, upper);
  return generalDigits(v, prec, alt, upper);
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
        out += pad(v === 0 ? '(nil)' : `0x${BigInt.asUintN(64, BigInt(v)).toString(16)}`, width, left, false);
        continue;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const v = next();
        const sign = signBit(v) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        s = sign + floating(v, conv, prec < 0 ? 6 : prec, flags.includes('#'));
        // glibc pads inf and nan with spaces even with the 0 flag.
        out += pad(s, width, left, zero && Number.isFinite(v));
        continue;
      }
      case 'n': {
        // Stores how many bytes have been written so far.
        const at = next();
        if (len === 'll') vm.mem.setU64(at, out.length);
        else if (len === 'h') vm.mem.setU16(at, out.length);
        else if (len === 'hh') vm.mem.setU8(at, out.length & 0xff);
        else vm.mem.setU32(at, out.length);
        continue;
      }
      case 'm':
        // glibc's extension: the text of errno, taking no argument.
        out += pad(strerrorText(getErrno(vm)), width, left, false);
        continue;
      default:
        out += `%${flags}${width || ''}${len}${conv}`;
    }
  }
  return out;
}
