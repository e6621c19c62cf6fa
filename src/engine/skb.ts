/**
 * Socket buffers: how big each one is in kernel memory (truesize), how a send is split into
 * them, and what freeing one gives back. The sizes follow net/core/skbuff.c and af_unix.c on
 * x86-64 and are checked against the real kernel (fixtures/probes/truesize.jsonl).
 */
import { fput } from './fdtable';
import { emit } from './kernel';
import type { Kernel, SkBuff, UnixSock } from './types';
import { sk_write_space } from './wait';

export const PAGE_SIZE = 4096;
/** SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) on x86-64. */
const SHINFO_SIZE = 320;
/** SKB_DATA_ALIGN(sizeof(struct sk_buff)). */
const SKB_STRUCT_SIZE = 256;
/** SKB_MAX_HEAD(0): the largest linear part that fits one page with its shared info. */
export const SKB_MAX_HEAD0 = PAGE_SIZE - SHINFO_SIZE;
/** UNIX_SKB_FRAGS_SZ: page fragments per stream skb (32 KiB). */
export const UNIX_SKB_FRAGS_SZ = 32768;
/** SKB_MAX_ALLOC = SKB_MAX_ORDER(0, 2): the largest datagram kept linear. */
export const SKB_MAX_ALLOC = (PAGE_SIZE << 2) - SHINFO_SIZE;
const MAX_SKB_FRAGS = 17;
/** get_order(UNIX_SKB_FRAGS_SZ) for streams, PAGE_ALLOC_COSTLY_ORDER for datagrams. */
const STREAM_FRAG_ORDER = 3;
const DGRAM_FRAG_ORDER = 3;

const KMALLOC_BUCKETS = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192];

function getOrder(n: number): number {
  let order = 0;
  while (PAGE_SIZE << order < n) order++;
  return order;
}

/** What kmalloc really hands out for a request of n bytes (ksize()). */
function kmallocSize(n: number): number {
  for (const b of KMALLOC_BUCKETS) if (n <= b) return b;
  return PAGE_SIZE << getOrder(n);
}

function pageAlign(n: number): number {
  return Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
}

/** The memory charged for page fragments. Mirrors alloc_skb_with_frags(): whole pages, order shrinking to fit. */
function fragTruesize(dataLen: number, maxOrder: number): number {
  let order = maxOrder;
  let total = 0;
  let left = dataLen;
  while (left > 0) {
    while (order > 0 && pageAlign(left) < PAGE_SIZE << order) order--;
    const chunk = Math.min(left, PAGE_SIZE << order);
    total += PAGE_SIZE << order;
    left -= chunk;
  }
  return total;
}

/** skb->truesize of an skb with `linear` head bytes and `dataLen` bytes in page fragments. */
export function skbTruesize(linear: number, dataLen: number, fragOrder: number): number {
  const head = kmallocSize(Math.ceil(linear / 64) * 64 + SHINFO_SIZE);
  return SKB_STRUCT_SIZE + head + fragTruesize(dataLen, fragOrder);
}

/**
 * The next skb of a stream send: its payload size and truesize.
 * Mirrors the size computation in unix_stream_sendmsg(): at most half the send buffer less 64,
 * at most SKB_MAX_HEAD(0) + 32 KiB, the part past one page's head moved to page fragments.
 */
export function streamSkbLayout(sndbuf: number, remaining: number): { size: number; truesize: number } {
  let size = Math.min(remaining, (sndbuf >> 1) - 64);
  size = Math.min(size, SKB_MAX_HEAD0 + UNIX_SKB_FRAGS_SZ);
  let dataLen = Math.max(0, size - SKB_MAX_HEAD0);
  dataLen = Math.min(size, pageAlign(dataLen));
  return { size, truesize: skbTruesize(size - dataLen, dataLen, STREAM_FRAG_ORDER) };
}

/** The truesize of a datagram of `len` bytes. Mirrors unix_dgram_sendmsg()'s split at SKB_MAX_ALLOC. */
export function dgramTruesize(len: number): number {
  let dataLen = 0;
  if (len > SKB_MAX_ALLOC) {
    dataLen = Math.min(len - SKB_MAX_ALLOC, MAX_SKB_FRAGS * PAGE_SIZE);
    dataLen = pageAlign(dataLen);
  }
  return skbTruesize(len - dataLen, dataLen, DGRAM_FRAG_ORDER);
}

/** A new skb charged to `owner`. Mirrors sock_alloc_send_pskb + skb_set_owner_w. */
export function allocSkb(k: Kernel, owner: UnixSock | null, data: Uint8Array, truesize: number): SkBuff {
  if (owner) owner.wmemAlloc += truesize;
  return {
    id: k.nextSkbId++,
    data,
    consumed: 0,
    truesize,
    owner,
    fds: null,
    cred: null,
    embryo: null,
    oob: false,
    peeked: 0,
    queuedAt: k.step,
  };
}

/** Bytes of an skb not yet read (unix_skb_len). */
export function skbLen(skb: SkBuff): number {
  return skb.data.length - skb.consumed;
}

/**
 * Frees an skb: gives its truesize back to the sender (sock_wfree, which may wake writers)
 * and drops the files it carried. Mirrors kfree_skb with unix_destruct_scm.
 */
export function freeSkb(k: Kernel, skb: SkBuff): void {
  const owner = skb.owner;
  if (owner) {
    owner.wmemAlloc -= skb.truesize;
    skb.owner = null;
    if (!owner.dead) sk_write_space(k, owner);
  }
  if (skb.fds) {
    const fds = skb.fds;
    skb.fds = null;
    for (const f of fds) fput(k, f);
  }
}

/** Drops an skb from a queue without it being read, counting its bytes as discarded by `reason`. */
export function discardSkb(k: Kernel, sock: UnixSock, skb: SkBuff, reason: string): void {
  const bytes = skbLen(skb);
  if (!skb.embryo) {
    k.discarded[reason] = (k.discarded[reason] ?? 0) + bytes;
    emit(k, { type: 'skb.dropped', sock: sock.id, skb: skb.id, bytes, reason });
  }
  freeSkb(k, skb);
}
