/** The messages the replay worker sends back. */
import type { TraceAnalysis } from '../../programs/replay/analyse';
import type { SLine } from '../../programs/strace/types';

/**
 * Lines and steps come in chunks, so that the page never spends long reading one message; then
 * the report ends the replay.
 */
export type WorkerReply =
  | { kind: 'progress'; phase: 'parsing' | 'replaying'; done: number; total: number }
  | { kind: 'lines'; lines: SLine[] }
  | { kind: 'steps'; steps: TraceAnalysis['steps'] }
  | { kind: 'done'; report: TraceAnalysis['report'] }
  | { kind: 'error'; message: string };

/** How many lines or steps one message carries. */
export const CHUNK = 4000;
