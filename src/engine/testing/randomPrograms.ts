/**
 * Random worlds for property tests: 1-4 processes, each running a list of 5-40 system calls,
 * plus the scheduler's choices. Most calls are drawn one by one (randomCalls.ts); now and then
 * a short motif (a server's socket-bind-listen-accept, a client's socket-connect, a little
 * conversation on the descriptor just returned) makes connections and data transfers common
 * enough to matter. fast-check supplies all the randomness, so this module stays pure.
 */
import fc from 'fast-check';
import {
  MSG_DONTWAIT,
  MSG_PEEK,
  SO_SNDBUF,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  SOL_SOCKET,
} from '../constants';
import {
  type DrawnAction,
  type DrawnCall,
  drawnCall,
  fd,
  ioCall,
  namedAddress,
  RECENT,
  socketCall,
} from './randomCalls';

/** A drawn world: one action list per process, and the scheduler's choices. */
export interface World {
  programs: DrawnAction[][];
  /**
   * Cycled through, one per step: a value >= 0 picks runnable()[value % count]; -1 lets the
   * default scheduler pick. Empty means the default scheduler picks every step.
   */
  choices: number[];
}

const call = (c: DrawnCall): DrawnAction => ({ kind: 'syscall', call: c });

/** Motif sockets lean to SOCK_STREAM, so that servers and clients often agree on a type. */
const motifSocket = socketCall(
  fc.oneof(
    { arbitrary: fc.constant(SOCK_STREAM), weight: 3 },
    { arbitrary: fc.constantFrom(SOCK_DGRAM, SOCK_SEQPACKET), weight: 2 },
  ),
);

/** 0-3 transfers on the newest descriptor (or the one before it, the other end of a pair). */
const talk = fc.array(ioCall(fc.constantFrom(RECENT, RECENT, RECENT - 1)), { maxLength: 3 });

/** A server's start: socket, bind to a name, listen, and sometimes accept and talk. */
const serverMotif = fc
  .tuple(motifSocket, namedAddress, fc.integer({ min: 0, max: 3 }), fc.boolean(), talk)
  .map(([socket, a, backlog, accepts, io]) => [
    call(socket),
    call({ name: 'bind', fd: RECENT, ...a }),
    call({ name: 'listen', fd: RECENT, backlog }),
    ...(accepts ? [call({ name: 'accept', fd: RECENT, addrlen: 110 }), ...io.map(call)] : []),
  ]);

/** A client's start: socket, sometimes a nap (so a server can get going), connect, talk. */
const clientMotif = fc
  .tuple(motifSocket, namedAddress, fc.constantFrom(0, 0, 10), talk)
  .map(([socket, a, napMs, io]) => [
    call(socket),
    ...(napMs > 0 ? [call({ name: 'nanosleep', ms: napMs })] : []),
    call({ name: 'connect', fd: RECENT, ...a }),
    ...io.map(call),
  ]);

/** A socketpair and a little talk on its two ends. */
const pairMotif = fc
  .tuple(socketCall(undefined, 'socketpair'), talk)
  .map(([pair, io]) => [call(pair), ...io.map(call)]);

/** Filling a buffer: sometimes a small SO_SNDBUF, then 2-12 big writes on the newest descriptor. */
const floodMotif = fc
  .tuple(
    fc.constantFrom(null, 1024, 4096),
    fc.array(
      fc.record({
        len: fc.constantFrom(300, 4096, 70000),
        fill: fc.nat(255),
        flags: fc.constantFrom(0, MSG_DONTWAIT),
      }),
      { minLength: 2, maxLength: 12 },
    ),
  )
  .map(([sndbuf, sends]) => [
    ...(sndbuf === null
      ? []
      : [
          call({
            name: 'setsockopt',
            fd: RECENT,
            level: SOL_SOCKET,
            opt: SO_SNDBUF,
            value: sndbuf,
            optlen: 4,
          }),
        ]),
    ...sends.map(({ len, fill, flags }) => call({ name: 'send', fd: RECENT, payload: { len, fill }, flags })),
  ]);

/** Passing descriptors: a socketpair, SCM_RIGHTS one way, sometimes a close, and a recvmsg. */
const rightsMotif = fc
  .tuple(
    socketCall(undefined, 'socketpair'),
    fc.array(fd, { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.constantFrom(16, 24, 64),
    fc.constantFrom(0, MSG_PEEK, MSG_DONTWAIT, MSG_PEEK | MSG_DONTWAIT),
  )
  .map(([pair, rights, closes, controllen, flags]) => [
    call(pair),
    call({
      name: 'sendmsg',
      fd: RECENT - 1,
      payload: { len: 1, fill: 0x2a },
      flags: 0,
      addr: null,
      addrlen: 0,
      rights,
      creds: null,
    }),
    ...(closes ? [call({ name: 'close', fd: rights[0] })] : []),
    call({ name: 'recvmsg', fd: RECENT, len: 16, flags, namelen: 0, controllen }),
  ]);

/** One random action: mostly a system call, sometimes exit. */
const drawnAction: fc.Arbitrary<DrawnAction> = fc.oneof(
  { arbitrary: drawnCall.map(call), weight: 40 },
  {
    arbitrary: fc.integer({ min: 0, max: 3 }).map((status) => ({ kind: 'exit' as const, status })),
    weight: 1,
  },
);

/** A few actions: one random action, or a motif. */
const chunk: fc.Arbitrary<DrawnAction[]> = fc.oneof(
  { arbitrary: drawnAction.map((a) => [a]), weight: 12 },
  { arbitrary: serverMotif, weight: 2 },
  { arbitrary: clientMotif, weight: 2 },
  { arbitrary: pairMotif, weight: 1 },
  { arbitrary: floodMotif, weight: 1 },
  { arbitrary: rightsMotif, weight: 1 },
);

/** A program of 5-40 actions that starts by opening a socket or two. */
export const program: fc.Arbitrary<DrawnAction[]> = fc
  .tuple(
    fc.oneof(motifSocket, socketCall(undefined, 'socketpair')),
    fc.array(chunk, { minLength: 4, maxLength: 30, size: 'max' }),
  )
  .map(([first, chunks]) => [call(first), ...chunks.flat()].slice(0, 40));

/** A random world: 1-4 processes, and the scheduler's choices. */
export const world: fc.Arbitrary<World> = fc.record({
  programs: fc.array(program, { minLength: 1, maxLength: 4, size: 'max' }),
  choices: fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 64, size: 'max' }),
});
