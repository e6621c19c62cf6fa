/**
 * Random system calls for property tests, as fast-check arbitraries. fast-check supplies all
 * the randomness; this module only describes what may be drawn, so it stays pure.
 *
 * Payloads are drawn as a length and a fill byte and turned into bytes only when the call is
 * made, so that a counterexample prints as a short list of calls. A descriptor is drawn either
 * as a small number (0..8: often a socket, sometimes a terminal or nothing) or as a negative
 * reference to a descriptor the program got back recently (RECENT), so that bind, listen,
 * accept, write and read often land on the socket that socket() or accept() just returned.
 */
import fc from 'fast-check';
import { sockaddrAbstract, sockaddrPath } from '../address';
import {
  AF_UNIX,
  F_GETFL,
  F_SETFL,
  FIONREAD,
  MSG_DONTWAIT,
  MSG_NOSIGNAL,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  O_NONBLOCK,
  POLLIN,
  POLLOUT,
  SO_RCVTIMEO,
  SO_SNDBUF,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  SOL_SOCKET,
  WNOHANG,
} from '../constants';
import type { ProgramAction } from '../program';
import { SIGALRM, SIGKILL, SIGPIPE, SIGTERM } from '../signals';
import type { Syscall, SysResult } from '../syscalls';

/**
 * A drawn fd of RECENT - i (i = 0, 1, 2) stands for the i-th newest descriptor the program got
 * back from socket, socketpair, accept, dup or recvmsg (3 + i when it has none that old).
 */
export const RECENT = -1;

/** A payload as drawn: `len` bytes of `fill`. */
export interface Payload {
  len: number;
  fill: number;
}

/** A call as drawn: like a Syscall, but with a Payload where the call carries data. */
export type DrawnCall = Syscall extends infer S
  ? S extends { data: Uint8Array }
    ? Omit<S, 'data'> & { payload: Payload }
    : S
  : never;

/** One action of a drawn program. */
export type DrawnAction = { kind: 'syscall'; call: DrawnCall } | { kind: 'exit'; status: number };

/** A socket address as bind, connect and sendto take it. */
interface Address {
  addr: Uint8Array;
  addrlen: number;
}

/** The names calls draw from: two paths and two abstract names, then autobind (last). */
export const ADDRESSES: Address[] = [
  sockaddrPath('/tmp/a'),
  sockaddrPath('/tmp/b'),
  sockaddrAbstract('a'),
  sockaddrAbstract('b'),
  { addr: new Uint8Array([AF_UNIX, 0]), addrlen: 2 },
];

/** A descriptor: a small number, or (more often) a recent one. */
export const fd = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 8 }), weight: 2 },
  { arbitrary: fc.constantFrom(RECENT, RECENT, RECENT, RECENT - 1, RECENT - 2), weight: 3 },
);
const address = fc.integer({ min: 0, max: ADDRESSES.length - 1 }).map((i) => ADDRESSES[i]);
/** A name a socket can be reached at (not autobind). */
export const namedAddress = fc.integer({ min: 0, max: ADDRESSES.length - 2 }).map((i) => ADDRESSES[i]);
const sockType = fc.constantFrom(SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET);
const typeFlags = fc.oneof(
  { arbitrary: fc.constant(0), weight: 6 },
  { arbitrary: fc.constant(SOCK_NONBLOCK), weight: 3 },
  { arbitrary: fc.constant(SOCK_CLOEXEC), weight: 1 },
);
const payload: fc.Arbitrary<Payload> = fc.record({
  len: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 300 }), weight: 8 },
    { arbitrary: fc.constant(4096), weight: 1 },
    { arbitrary: fc.constant(70000), weight: 1 },
  ),
  fill: fc.integer({ min: 0, max: 255 }),
});
const readLen = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 300 }), weight: 6 },
  { arbitrary: fc.constantFrom(4096, 70000), weight: 1 },
);
const orFlags = (flags: number[]) => fc.subarray(flags).map((fs) => fs.reduce((a, b) => a | b, 0));
const sendFlags = orFlags([MSG_DONTWAIT, MSG_NOSIGNAL]);
const recvFlags = orFlags([MSG_PEEK, MSG_DONTWAIT, MSG_WAITALL, MSG_TRUNC]);
const optAddr = fc.option(address, { freq: 2 }).map((a) => a ?? { addr: null, addrlen: 0 });

function weighted(...pairs: [number, fc.Arbitrary<DrawnCall>][]): fc.Arbitrary<DrawnCall> {
  return fc.oneof(...pairs.map(([weight, arbitrary]) => ({ arbitrary, weight })));
}

/** socket(AF_UNIX, type | flags, 0), of the given types. */
export function socketCall(
  types = sockType,
  name: 'socket' | 'socketpair' = 'socket',
): fc.Arbitrary<DrawnCall> {
  return fc.tuple(types, typeFlags).map(([t, f]) => ({ name, domain: AF_UNIX, type: t | f, protocol: 0 }));
}

/** A data transfer on a descriptor drawn from `on`: write, send, sendmsg, read, recv or recvmsg. */
export function ioCall(on: fc.Arbitrary<number>): fc.Arbitrary<DrawnCall> {
  return weighted(
    [3, fc.tuple(on, payload).map(([f, p]) => ({ name: 'write', fd: f, payload: p }))],
    [
      2,
      fc.tuple(on, payload, sendFlags).map(([f, p, flags]) => ({ name: 'send', fd: f, payload: p, flags })),
    ],
    [
      2,
      fc
        .tuple(on, payload, sendFlags, optAddr, fc.array(fd, { minLength: 1, maxLength: 2 }))
        .map(([f, p, flags, a, rights]) => ({
          name: 'sendmsg',
          fd: f,
          payload: p,
          flags,
          ...a,
          rights,
          creds: null,
        })),
    ],
    [2, fc.tuple(on, readLen).map(([f, len]) => ({ name: 'read', fd: f, len }))],
    [2, fc.tuple(on, readLen, recvFlags).map(([f, len, flags]) => ({ name: 'recv', fd: f, len, flags }))],
    [
      2,
      fc
        .tuple(on, readLen, recvFlags, fc.constantFrom(0, 110), fc.constantFrom(0, 16, 24, 64, 256))
        .map(([f, len, flags, namelen, controllen]) => ({
          name: 'recvmsg',
          fd: f,
          len,
          flags,
          namelen,
          controllen,
        })),
    ],
  );
}

/** One random system call, aimed at the socket layer. */
export const drawnCall: fc.Arbitrary<DrawnCall> = weighted(
  [4, socketCall()],
  [2, socketCall(sockType, 'socketpair')],
  [3, fc.tuple(fd, address).map(([f, a]) => ({ name: 'bind', fd: f, ...a }))],
  [
    2,
    fc.tuple(fd, fc.integer({ min: 0, max: 3 })).map(([f, backlog]) => ({ name: 'listen', fd: f, backlog })),
  ],
  [3, fc.tuple(fd, address).map(([f, a]) => ({ name: 'connect', fd: f, ...a }))],
  [2, fc.tuple(fd, fc.constantFrom(null, 110)).map(([f, addrlen]) => ({ name: 'accept', fd: f, addrlen }))],
  [
    1,
    fc
      .tuple(fd, fc.constantFrom(0, SOCK_NONBLOCK, SOCK_CLOEXEC, SOCK_NONBLOCK | SOCK_CLOEXEC))
      .map(([f, flags]) => ({ name: 'accept4', fd: f, addrlen: 110, flags })),
  ],
  [13, ioCall(fd)],
  [
    2,
    fc
      .tuple(fd, payload, sendFlags, optAddr)
      .map(([f, p, flags, a]) => ({ name: 'sendto', fd: f, payload: p, flags, ...a })),
  ],
  [
    1,
    fc
      .tuple(fd, readLen, recvFlags, fc.constantFrom(null, 0, 110))
      .map(([f, len, flags, addrlen]) => ({ name: 'recvfrom', fd: f, len, flags, addrlen })),
  ],
  [2, fc.tuple(fd, fc.integer({ min: 0, max: 2 })).map(([f, how]) => ({ name: 'shutdown', fd: f, how }))],
  [3, fd.map((f) => ({ name: 'close', fd: f }))],
  [1, fd.map((f) => ({ name: 'dup', fd: f }))],
  [1, fc.tuple(fd, fc.integer({ min: 0, max: 8 })).map(([f, newfd]) => ({ name: 'dup2', fd: f, newfd }))],
  [
    1,
    fc
      .tuple(fd, fc.constantFrom([F_SETFL, O_NONBLOCK], [F_SETFL, 0], [F_GETFL, 0]))
      .map(([f, [cmd, arg]]) => ({ name: 'fcntl', fd: f, cmd, arg })),
  ],
  [
    1,
    fc
      .tuple(
        fc.array(fc.record({ fd, events: fc.constantFrom(POLLIN, POLLOUT, POLLIN | POLLOUT) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom(0, 0, 10, -1),
      )
      .map(([fds, timeoutMs]) => ({ name: 'poll', fds, timeoutMs })),
  ],
  [
    1,
    fc.tuple(fd, fc.constantFrom(0, 1024, 4096, 65536)).map(([f, value]) => ({
      name: 'setsockopt',
      fd: f,
      level: SOL_SOCKET,
      opt: SO_SNDBUF,
      value,
      optlen: 4,
    })),
  ],
  [
    1,
    fc.tuple(fd, fc.constantFrom(0, 5, 50)).map(([f, ms]) => ({
      name: 'setsockopt',
      fd: f,
      level: SOL_SOCKET,
      opt: SO_RCVTIMEO,
      value: { ms },
      optlen: 16,
    })),
  ],
  [1, fc.constant({ name: 'fork' })],
  [1, fc.constantFrom(1, 10).map((ms) => ({ name: 'nanosleep', ms }))],
  [1, fc.constantFrom('/tmp/a', '/tmp/b').map((path) => ({ name: 'unlink', path }))],
  [1, fd.map((f) => ({ name: 'getsockname', fd: f, addrlen: 110 }))],
  [1, fd.map((f) => ({ name: 'getpeername', fd: f, addrlen: 110 }))],
  [1, fd.map((f) => ({ name: 'ioctl', fd: f, request: FIONREAD }))],
  [1, fc.constant({ name: 'sigaction', sig: SIGPIPE, handler: 'ignore', restart: false })],
  [1, fc.constant({ name: 'waitpid', pid: -1, options: WNOHANG })],
  [
    1,
    fc
      .tuple(fc.constantFrom(SIGALRM, SIGTERM), fc.boolean())
      .map(([sig, restart]) => ({ name: 'sigaction', sig, handler: 'handler', restart })),
  ],
  [1, fc.constant({ name: 'alarm', seconds: 1 })],
  [
    1,
    fc
      .tuple(fc.integer({ min: 100, max: 104 }), fc.constantFrom(SIGALRM, SIGTERM, SIGKILL))
      .map(([pid, sig]) => ({ name: 'kill', pid, sig })),
  ],
);

/** The descriptor a drawn fd stands for, given the program's recent descriptors (newest first). */
function resolveFd(fd: number, recent: readonly number[]): number {
  if (fd >= 0) return fd;
  const i = RECENT - fd;
  return recent[i] ?? 3 + i;
}

/** The system call a drawn call stands for: payload made into bytes, recent fds resolved. */
export function materialize(call: DrawnCall, recent: readonly number[]): Syscall {
  const c = { ...call } as Record<string, unknown>;
  if ('fd' in call) c.fd = resolveFd(call.fd, recent);
  if (call.name === 'sendmsg' && call.rights) c.rights = call.rights.map((f) => resolveFd(f, recent));
  if (call.name === 'poll') c.fds = call.fds.map((p) => ({ ...p, fd: resolveFd(p.fd, recent) }));
  if ('payload' in call) {
    c.data = new Uint8Array(call.payload.len).fill(call.payload.fill);
    delete c.payload;
  }
  return c as Syscall;
}

/** A drawn action as a program action. */
export function toAction(a: DrawnAction, recent: readonly number[]): ProgramAction {
  return a.kind === 'exit' ? a : { kind: 'syscall', call: materialize(a.call, recent) };
}

/** The descriptors a call handed back to the program, in order. */
export function returnedFds(call: Syscall, r: SysResult): number[] {
  if (r.ret < 0) return [];
  switch (call.name) {
    case 'socket':
    case 'accept':
    case 'accept4':
    case 'dup':
    case 'dup2':
      return [r.ret];
    case 'socketpair':
      return r.fds ?? [];
    case 'recvmsg':
      return (r.cmsgs ?? []).flatMap((m) => (m.type === 'SCM_RIGHTS' ? m.fds : []));
    default:
      return [];
  }
}
