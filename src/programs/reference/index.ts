/**
 * Reference cards: one per system call (or pair of calls), each with what it does, its
 * arguments, and every error it is shown to return, with a C scenario that produces it.
 */
import { acceptCard } from './accept';
import { bindCard } from './bind';
import { closeCard } from './close';
import { connectCard } from './connect';
import { listenCard } from './listen';
import { readWriteCard } from './readWrite';
import { sendmsgRecvmsgCard } from './sendmsgRecvmsg';
import { sendRecvCard } from './sendRecv';
import { shutdownCard } from './shutdown';
import { socketCard } from './socket';
import { socketpairCard } from './socketpair';
import type { ReferenceCard } from './types';

export type { CardError, ReferenceCard } from './types';

/** Every card, in the order a program meets the calls. */
export const CARDS: readonly ReferenceCard[] = [
  socketCard,
  bindCard,
  listenCard,
  acceptCard,
  connectCard,
  readWriteCard,
  sendRecvCard,
  closeCard,
  shutdownCard,
  socketpairCard,
  sendmsgRecvmsgCard,
];

/** The card for a `?call=` deep link: by card id ('read-write') or any call it covers ('read'). */
export function findCard(call: string): ReferenceCard | undefined {
  const name = call.trim().toLowerCase();
  return CARDS.find((c) => c.id === name) ?? CARDS.find((c) => c.calls.includes(name));
}
