/** Permalinks: packing round-trips, and links say everything that was on screen. */
import { describe, expect, it } from 'vitest';
import { pack, parseBranches, permalink, unpack } from './permalink';

describe('permalinks', () => {
  it('packs text into URL-safe characters and unpacks it exactly', async () => {
    const text = `${'int main(void) { return 0; }\n'.repeat(50)}ünïcödé ✓`;
    const packed = await pack(text);
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(text.length);
    expect(await unpack(packed)).toBe(text);
  });

  it('refuses damaged data instead of returning something else', async () => {
    await expect(unpack('not-a-packed-text')).rejects.toThrow();
  });

  it('puts the scenario, step, branches and program in the link, and gives up when it is too long', async () => {
    const url = await permalink('https://x.test/', 'stream-echo', 7, {
      program: '{"title":"t"}',
      branches: [[3, 101]],
    });
    const params = new URL(url ?? '').searchParams;
    expect(params.get('scenario')).toBe('stream-echo');
    expect(params.get('step')).toBe('7');
    expect(parseBranches(params.get('branches'))).toEqual([[3, 101]]);
    expect(await unpack(params.get('program') ?? '')).toBe('{"title":"t"}');
    let noise = '';
    let seed = 1;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 48271) % 2147483647;
      noise += String.fromCharCode(33 + (seed % 90));
    }
    expect(await permalink('https://x.test/', 'x', 0, { program: noise, branches: [] })).toBeNull();
  });
});
