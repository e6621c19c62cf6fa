/**
 * The bytes a replay had to make up: when strace cut a written string short, the engine still
 * queues the full length, and the skbs holding the part nobody saw are remembered here, so a
 * later read of them matches whatever the recording shows.
 */
import type { KernelEvent } from '../../engine';
import type { Translation } from './translate';

/** Skbs whose bytes past a known prefix the replay invented: skb id -> bytes known. */
export class InventedBytes {
  private readonly unknownBytes: Map<number, number>;

  constructor(from?: InventedBytes) {
    this.unknownBytes = new Map(from?.unknownBytes);
  }

  /** An independent copy (for checkpoints). */
  clone(): InventedBytes {
    return new InventedBytes(this);
  }

  /**
   * Remembers skbs whose bytes the replay had to invent (the write was cut short in the trace).
   * `offset`: bytes of this write queued by earlier attempts. Returns the new offset.
   */
  track(tr: Extract<Translation, { kind: 'sys' }>, events: KernelEvent[], offset = 0): number {
    const c = tr.call;
    if (c.name !== 'write' && c.name !== 'send' && c.name !== 'sendto' && c.name !== 'sendmsg') return offset;
    const shown = tr.shown;
    if (shown === undefined) return offset;
    for (const ev of events) {
      if (ev.type !== 'skb.queued') continue;
      const known = Math.max(0, Math.min(ev.bytes, shown - offset));
      if (known < ev.bytes) this.unknownBytes.set(ev.skb, known);
      offset += ev.bytes;
    }
    return offset;
  }

  /** Which bytes of a read the replay knows (invented bytes match anything). */
  knownMask(events: KernelEvent[]): (i: number) => boolean {
    if (this.unknownBytes.size === 0) return () => true;
    const unknown: [number, number][] = [];
    let pos = 0;
    for (const ev of events) {
      if (ev.type !== 'skb.consumed' && ev.type !== 'skb.peeked') continue;
      const known = this.unknownBytes.get(ev.skb);
      if (known !== undefined) {
        const from = Math.max(0, known - ev.offset);
        if (from < ev.bytes) unknown.push([pos + from, pos + ev.bytes]);
      }
      pos += ev.bytes;
    }
    return (i) => !unknown.some(([a, b]) => i >= a && i < b);
  }

  /** Marks skbs whose bytes past `known` the replay made up (they match anything when read). */
  markInvented(skbs: number[], known: number): void {
    for (const skb of skbs) this.unknownBytes.set(skb, known);
  }
}
