/**
 * Scenarios written as scripts rather than C: only the UI benchmark's stress scenario (32
 * processes, 64 sockets) is left. The library itself is C: ./c/index.ts.
 */
import { stress } from './stress';
import type { Scenario } from './types';

export { buildMachine, type Scenario } from './types';

/** Scenarios that open by id but are not listed (the UI benchmark's stress scenario). */
export const HIDDEN_SCENARIOS: readonly Scenario[] = [stress];
