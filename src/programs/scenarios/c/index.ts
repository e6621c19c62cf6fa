/** The scenario library as real C programs, in the order a course would take them. */
import { backlogFull } from './backlogFull';
import { brokenPipe, halfClose, unreadClose } from './closing';
import { datagram } from './datagram';
import { bindTwice, connectErrors } from './errors';
import { forkingServer } from './forkingServer';
import { peek } from './peek';
import { fdPassing, socketpairFork } from './socketpairs';
import { streamEcho } from './streamEcho';
import type { CLibraryScenario } from './types';

export type { CLibraryScenario } from './types';

/** Every built-in C scenario, in the order a course would take them. */
export const C_SCENARIOS: readonly CLibraryScenario[] = [
  streamEcho,
  forkingServer,
  backlogFull,
  peek,
  halfClose,
  brokenPipe,
  unreadClose,
  datagram,
  socketpairFork,
  connectErrors,
  bindTwice,
  fdPassing,
];
