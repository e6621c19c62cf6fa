/**
 * What opening a trace needs beyond the page: the strace parser, the replay and the views'
 * preparation. Loaded on first use (traceTools()), so a page without traces does not carry it.
 */
export { looksLikeStrace } from '../../programs/strace/parseTrace';
export { refuse, replayInWorker } from './importTrace';
export { buildTraceRun } from './traceRun';

/** The trace tools, loaded once on first use. */
export type TraceTools = typeof import('./tools');
