/** Conversions between byte arrays, byte strings (one char per byte) and text. */

/** A byte string from bytes: each char code is one byte (0-255). */
export function bytesToBinary(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}

/** Bytes from a byte string (char codes above 255 are cut to their low byte). */
export function binaryToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text from UTF-8 bytes (invalid bytes become U+FFFD). */
export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}

/** A byte string from a text, encoded as UTF-8 (for paths typed by a person). */
export function textToBinary(text: string): string {
  return bytesToBinary(utf8(text));
}

/** A byte string shown as text: UTF-8 decoded. */
export function binaryToText(s: string): string {
  return fromUtf8(binaryToBytes(s));
}

/** Joins byte arrays into one. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Whether two byte arrays hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Bytes shown as a C string literal body, with \n, \0 and \xNN escapes (for labels and messages). */
export function escapeBytes(b: Uint8Array, max = 64): string {
  let s = '';
  const n = Math.min(b.length, max);
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 10) s += '\\n';
    else if (c === 9) s += '\\t';
    else if (c === 0) s += '\\0';
    else if (c === 34) s += '\\"';
    else if (c === 92) s += '\\\\';
    else if (c >= 32 && c < 127) s += String.fromCharCode(c);
    else s += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return b.length > max ? `${s}...` : s;
}
