/**
 * Turning one strace call into the engine's system call and the outcome the recording shows.
 * Calls the engine does not model come back as 'other' (with the descriptors they created,
 * so fd numbers line up); process calls (fork, execve, exit) are handled by the replayer.
 * This file holds the dispatch and the shared types; the calls themselves are translated by
 * family in translateSockets.ts, translateFiles.ts and translateProcesses.ts.
 */
import type { Syscall } from '../../engine';
import type { SReturn, SValue } from '../strace/types';
import { num, pathArg } from './decode';
import type { Expect } from './expect';
import { translateFiles } from './translateFiles';
import { translateProcesses } from './translateProcesses';
import { translateSockets } from './translateSockets';

/** What the replayer does with one call. */
export type Translation =
  /** A modelled call. `gate`: model it only when this fd is a socket (or a file the model knows). */
  | { kind: 'sys'; call: Syscall; expect: Expect; gate?: number; text: string; shown?: number }
  /** Not modelled: keep the recorded result; `fds` are descriptors it created. */
  | { kind: 'other'; fds: number[]; path?: string; create?: boolean; label: string; cloexec?: boolean }
  | { kind: 'closeRange'; first: number; last: number }
  | { kind: 'fork'; thread: boolean }
  | { kind: 'exec'; name: string }
  | { kind: 'exit'; code: number; group: boolean }
  | { kind: 'restart' };

/** Maps recorded autobind names to the engine's (so later calls can use them). */
export interface TranslateContext {
  mapName(recorded: Uint8Array): Uint8Array;
}

/** System calls that return a new descriptor the engine does not model. */
const FD_MAKERS = new Set([
  'open',
  'openat',
  'openat2',
  'creat',
  'eventfd',
  'eventfd2',
  'epoll_create',
  'epoll_create1',
  'timerfd_create',
  'signalfd',
  'signalfd4',
  'memfd_create',
  'inotify_init',
  'inotify_init1',
  'fanotify_init',
  'userfaultfd',
  'pidfd_open',
  'perf_event_open',
  'io_uring_setup',
]);

/** One recorded call, as the families of calls read it. */
export interface RecordedCall {
  name: string;
  /** The full argument list (both halves of a split call). */
  args: SValue[];
  ret: SReturn;
  ctx: TranslateContext;
  /** The outcome the recording shows; a family adds what it reads from the arguments. */
  expect: Expect;
  /** The first argument as a descriptor (-1 when it is not a number). */
  fd: number;
  /** The call as reports show it: `read(...)`. */
  text: string;
}

/** The families of calls; each returns undefined for a call that is not its own. */
const FAMILIES = [translateSockets, translateFiles, translateProcesses];

const text = (name: string, args: SValue[]): string => `${name}(${args.length > 0 ? '...' : ''})`;

function expectOf(ret: SReturn): Expect {
  return { ret: ret.value, errno: ret.errno ?? null };
}

/**
 * Translates one call. `args` is the full argument list (both halves of a split call).
 * Returns null for a call the recording cannot be read back from (it is then left alone).
 */
export function translate(
  name: string,
  args: SValue[],
  ret: SReturn,
  ctx: TranslateContext,
): Translation | null {
  const c: RecordedCall = {
    name,
    args,
    ret,
    ctx,
    expect: expectOf(ret),
    fd: num(args[0]) ?? -1,
    text: text(name, args),
  };
  for (const family of FAMILIES) {
    const tr = family(c);
    if (tr !== undefined) return tr;
  }
  return translateOther(name, args, ret);
}

/** A call no family models: keep its recorded result, with the descriptor it created if any. */
function translateOther(name: string, args: SValue[], ret: SReturn): Translation {
  if (FD_MAKERS.has(name) && ret.value !== null && ret.value >= 0 && !ret.errno) {
    const path =
      name === 'openat' || name === 'openat2'
        ? pathArg(args[1])
        : name === 'open' || name === 'creat'
          ? pathArg(args[0])
          : undefined;
    const flags =
      name === 'openat' ? num(args[2]) : name === 'open' ? num(args[1]) : name === 'creat' ? 0o100 : 0;
    const cloexec = args.some((a) =>
      (a.kind === 'flags' ? a.parts : a.kind === 'ident' ? [a.text] : []).some((x) => x.endsWith('CLOEXEC')),
    );
    return {
      kind: 'other',
      fds: [ret.value],
      path,
      create: ((flags ?? 0) & 0o100) !== 0,
      label: path ?? name,
      cloexec,
    };
  }
  return { kind: 'other', fds: [], label: name };
}
