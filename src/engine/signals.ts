/** Signal numbers on Linux x86-64, their names, and what each does by default. */

export const SIGNALS = [
  '',
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGKILL',
  'SIGUSR1',
  'SIGSEGV',
  'SIGUSR2',
  'SIGPIPE',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGCHLD',
  'SIGCONT',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGWINCH',
  'SIGIO',
  'SIGPWR',
  'SIGSYS',
] as const;

export const SIGKILL = 9;
export const SIGSEGV = 11;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGCHLD = 17;
export const SIGSTOP = 19;

/** What a signal does when its disposition is SIG_DFL. */
export type DefaultAction = 'terminate' | 'core' | 'ignore' | 'stop' | 'continue';

const IGNORED = new Set([17, 23, 28]);
const CORE = new Set([3, 4, 5, 6, 7, 8, 11, 24, 25, 31]);
const STOP = new Set([19, 20, 21, 22]);

/** The default action of a signal (signal(7)). */
export function defaultAction(sig: number): DefaultAction {
  if (IGNORED.has(sig)) return 'ignore';
  if (CORE.has(sig)) return 'core';
  if (STOP.has(sig)) return 'stop';
  if (sig === 18) return 'continue';
  return 'terminate';
}

/** The name of a signal number ("SIGPIPE"), or "SIG<n>" for one we do not name. */
export function signalName(sig: number): string {
  return SIGNALS[sig] || `SIG${sig}`;
}

/** The number of a signal name, with or without the SIG prefix; undefined when unknown. */
export function signalNumber(name: string): number | undefined {
  const full = name.startsWith('SIG') ? name : `SIG${name}`;
  if (full === 'SIGRTMIN') return 34;
  if (full === 'SIGRTMAX') return 64;
  const rt = /^SIGRT_(\d+)$/.exec(full);
  if (rt) return 34 + Number(rt[1]);
  const i = SIGNALS.indexOf(full as (typeof SIGNALS)[number]);
  return i > 0 ? i : undefined;
}
