/**
 * Permalinks: the whole scenario (the user's edited programs included), the step and the
 * processes the user chose are put in the URL, compressed with the browser's CompressionStream
 * (deflate-raw, then base64url), so the link reproduces exactly what was on screen.
 */

/** Links longer than this are not offered (a scenario file is, instead). */
export const MAX_LINK = 8000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unbase64url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Text compressed for a URL. */
export async function pack(text: string): Promise<string> {
  return base64url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The text of `pack`; throws when the data is damaged. */
export async function unpack(data: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(
    await pipe(unbase64url(data), new DecompressionStream('deflate-raw')),
  );
}

/** What a link carries besides the scenario id and step. */
export interface LinkExtras {
  /** The scenario file (JSON) when the programs differ from the library's. */
  program: string | null;
  /** Where the user chose the next process: [step, pid] pairs, in order. */
  branches: [number, number][];
  /** The kernel profile, when it is not Linux. */
  profile?: string;
}

/** The URL of what is on screen, or null when it would be too long. */
export async function permalink(
  base: string,
  id: string,
  step: number,
  extras: LinkExtras,
): Promise<string | null> {
  const params = new URLSearchParams();
  params.set('scenario', id);
  params.set('step', String(step));
  if (extras.profile && extras.profile !== 'linux') params.set('profile', extras.profile);
  if (extras.branches.length > 0)
    params.set('branches', extras.branches.map(([s, p]) => `${s}:${p}`).join(','));
  if (extras.program !== null) params.set('program', await pack(extras.program));
  const url = `${base}?${params}`;
  return url.length <= MAX_LINK ? url : null;
}

/** The branches of a link (`branches=12:101,30:102`), skipping anything malformed. */
export function parseBranches(text: string | null): [number, number][] {
  if (!text) return [];
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+):(\d+)$/.exec(part);
    if (m) out.push([Number(m[1]), Number(m[2])]);
  }
  return out;
}
