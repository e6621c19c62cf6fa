/** The GIF encoder: a decoder written here reads back exactly the pixels' palette colours. */
import { describe, expect, it } from 'vitest';
import { encodeGif, paletteIndex } from './gif';

/** Reads a GIF's frames back as palette indices (enough of the format for our encoder's output). */
function decode(gif: Uint8Array): { width: number; height: number; frames: Uint8Array[] } {
  const width = gif[6] | (gif[7] << 8);
  const height = gif[8] | (gif[9] << 8);
  let p = 13 + 3 * 256;
  const frames: Uint8Array[] = [];
  while (gif[p] !== 0x3b) {
    if (gif[p] === 0x21) {
      p += 2;
      while (gif[p] !== 0) p += gif[p] + 1;
      p++;
      continue;
    }
    expect(gif[p]).toBe(0x2c);
    p += 10;
    const min = gif[p++];
    const data: number[] = [];
    while (gif[p] !== 0) {
      data.push(...gif.slice(p + 1, p + 1 + gif[p]));
      p += gif[p] + 1;
    }
    p++;
    const clear = 1 << min;
    let size = min + 1;
    let table: number[][] = [];
    const reset = () => {
      table = Array.from({ length: clear + 2 }, (_, i) => [i]);
      size = min + 1;
    };
    reset();
    const out: number[] = [];
    let bit = 0;
    let prev: number[] | null = null;
    for (;;) {
      let code = 0;
      for (let i = 0; i < size; i++, bit++) code |= ((data[bit >> 3] >> (bit & 7)) & 1) << i;
      if (code === clear) {
        reset();
        prev = null;
        continue;
      }
      if (code === clear + 1) break;
      let entry: number[];
      if (code < table.length) entry = table[code];
      else entry = [...(prev as number[]), (prev as number[])[0]];
      out.push(...entry);
      if (prev) table.push([...prev, entry[0]]);
      if (table.length >= 1 << size && size < 12) size++;
      prev = entry;
    }
    frames.push(Uint8Array.from(out));
  }
  return { width, height, frames };
}

function frame(w: number, h: number, pixel: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixel(x, y);
      data.set([r, g, b, 255], (y * w + x) * 4);
    }
  return { data };
}

describe('the GIF encoder', () => {
  it('writes one image per frame, each decoding to the palette colours of its pixels', () => {
    const w = 97;
    const h = 61;
    const frames = [
      frame(w, h, (x, y) => [(x * 51) % 256, (y * 51) % 256, ((x + y) * 51) % 256]),
      frame(w, h, () => [255, 255, 255]),
      frame(w, h, (x, y) => ((x * 7 + y * 13) % 5 === 0 ? [0, 0, 0] : [128, 128, 128])),
    ];
    const gif = encodeGif(frames, w, h);
    expect(String.fromCharCode(...gif.slice(0, 6))).toBe('GIF89a');
    const back = decode(gif);
    expect(back).toMatchObject({ width: w, height: h });
    expect(back.frames).toHaveLength(3);
    for (const f of back.frames) expect(f.length).toBe(w * h);
    // Colours on the cube land on their own entry.
    expect(back.frames[0][1]).toBe(1 * 36 + 0 * 6 + 1);
    expect(new Set(back.frames[1])).toEqual(new Set([215]));
  });

  it('restarts its code table on a large, noisy image (more than 4,096 codes)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % 6;
    };
    const w = 300;
    const h = 200;
    const f = frame(w, h, () => [rand() * 51, rand() * 51, rand() * 51]);
    const back = decode(encodeGif([f], w, h));
    const expected = new Uint8Array(w * h);
    for (let i = 0; i < w * h; i++)
      expected[i] = paletteIndex(f.data[i * 4], f.data[i * 4 + 1], f.data[i * 4 + 2]);
    expect(back.frames[0]).toEqual(expected);
  });
});
