/** Loads the trace tools (tools.ts) on first use; later calls get the same module. */
import type { TraceTools } from './tools';

export function traceTools(): Promise<TraceTools> {
  return import('./tools');
}
