/**
 * A small GIF89a encoder for the animated export: a fixed palette (the 6×6×6 colour cube and
 * 40 greys), each pixel mapped to its nearest entry, LZW-compressed frames, looping forever.
 */

/** The palette: 216 cube colours, then 40 greys (RGB triples). */
function palette(): Uint8Array {
  const p = new Uint8Array(256 * 3);
  let i = 0;
  for (let r = 0; r < 6; r++)
    for (let g = 0; g < 6; g++)
      for (let b = 0; b < 6; b++) {
        p[i++] = r * 51;
        p[i++] = g * 51;
        p[i++] = b * 51;
      }
  for (let k = 0; k < 40; k++) {
    const v = Math.round(((k + 1) * 255) / 41);
    p[i++] = v;
    p[i++] = v;
    p[i++] = v;
  }
  return p;
}

const PALETTE = palette();

/** The palette index for a colour: a grey when the channels agree, else the cube's nearest. */
export function paletteIndex(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 12 && max > 8 && max < 247)
    return 216 + Math.min(39, Math.max(0, Math.round((max * 41) / 255) - 1));
  return Math.round(r / 51) * 36 + Math.round(g / 51) * 6 + Math.round(b / 51);
}

/** Growable bytes. */
class Bytes {
  data = new Uint8Array(1 << 16);
  length = 0;
  push(...bs: number[]): void {
    for (const b of bs) {
      if (this.length === this.data.length) {
        const d = new Uint8Array(this.data.length * 2);
        d.set(this.data);
        this.data = d;
      }
      this.data[this.length++] = b & 0xff;
    }
  }
  word(v: number): void {
    this.push(v & 0xff, (v >> 8) & 0xff);
  }
}

/** LZW-compresses palette indices as GIF does (minimum code size 8), in 255-byte sub-blocks. */
function lzw(indices: Uint8Array, out: Bytes): void {
  const MIN = 8;
  const CLEAR = 1 << MIN;
  const EOI = CLEAR + 1;
  let size = MIN + 1;
  let next = EOI + 1;
  let dict = new Map<number, number>();
  let bits = 0;
  let nbits = 0;
  const block: number[] = [];
  const emit = (code: number) => {
    bits |= code << nbits;
    nbits += size;
    while (nbits >= 8) {
      block.push(bits & 0xff);
      bits >>>= 8;
      nbits -= 8;
      if (block.length === 255) {
        out.push(255, ...block);
        block.length = 0;
      }
    }
  };
  out.push(MIN);
  emit(CLEAR);
  let prefix = indices[0];
  for (let i = 1; i < indices.length; i++) {
    const c = indices[i];
    const key = (prefix << 8) | c;
    const found = dict.get(key);
    if (found !== undefined) {
      prefix = found;
      continue;
    }
    emit(prefix);
    if (next < 4096) {
      dict.set(key, next++);
      if (next > 1 << size && size < 12) size++;
    } else {
      emit(CLEAR);
      dict = new Map();
      size = MIN + 1;
      next = EOI + 1;
    }
    prefix = c;
  }
  emit(prefix);
  emit(EOI);
  if (nbits > 0) block.push(bits & 0xff);
  if (block.length > 0) out.push(block.length, ...block);
  out.push(0);
}

/** Encodes frames (RGBA pixels of the same size) as a looping GIF; delay in hundredths of a second. */
export function encodeGif(
  frames: { data: Uint8ClampedArray }[],
  width: number,
  height: number,
  delay = 100,
): Uint8Array {
  const out = new Bytes();
  out.push(...'GIF89a'.split('').map((c) => c.charCodeAt(0)));
  out.word(width);
  out.word(height);
  out.push(0xf7, 0, 0); // a global palette of 256 entries
  out.push(...PALETTE);
  // Loop forever (the NETSCAPE2.0 application extension).
  out.push(0x21, 0xff, 11, ...'NETSCAPE2.0'.split('').map((c) => c.charCodeAt(0)), 3, 1, 0, 0, 0);
  for (const f of frames) {
    out.push(0x21, 0xf9, 4, 0, delay & 0xff, (delay >> 8) & 0xff, 0, 0);
    out.push(0x2c);
    out.word(0);
    out.word(0);
    out.word(width);
    out.word(height);
    out.push(0);
    const idx = new Uint8Array(width * height);
    for (let p = 0, q = 0; p < idx.length; p++, q += 4)
      idx[p] = paletteIndex(f.data[q], f.data[q + 1], f.data[q + 2]);
    lzw(idx, out);
  }
  out.push(0x3b);
  return out.data.slice(0, out.length);
}
