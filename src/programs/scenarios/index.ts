/** The scenario library: every built-in scenario by id. */
import { backlogFull } from './backlogFull';
import { forkingServer } from './forkingServer';
import {
  bindTwice,
  brokenPipe,
  connectErrors,
  datagram,
  fdPassing,
  halfClose,
  peek,
  socketpairFork,
  unreadClose,
} from './small';
import { streamEcho } from './streamEcho';
import { stress } from './stress';
import type { Scenario } from './types';

export { buildMachine, type Scenario } from './types';

/** Every built-in scenario, in the order a course would take them. */
export const SCENARIOS: readonly Scenario[] = [
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

/** Scenarios that open by id but are not listed (the UI benchmark's stress scenario). */
export const HIDDEN_SCENARIOS: readonly Scenario[] = [stress];

/** The scenario with this id, or undefined. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id) ?? HIDDEN_SCENARIOS.find((s) => s.id === id);
}

/** The scenario a fresh page opens on. */
export const DEFAULT_SCENARIO = streamEcho;
