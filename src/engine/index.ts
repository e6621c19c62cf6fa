/**
 * The kernel engine's public face. Everything outside src/engine imports from here.
 */
export * from './address';
export * from './bytes';
export { advanceTime, nextDeadline } from './clock';
export * from './constants';
export { retry, syscall } from './dispatch';
export type { Errno } from './errno';
export { ERRNO_NAMES, errnoFromNumber, errnoMessage, errnoNumber, isErrno } from './errno';
export type { KernelEvent, KernelEventType } from './events';
export { do_execve, do_exit, do_fork, do_group_exit } from './exit';
export { fdClose, fdGet, fdInstallAt, lowestFreeFd } from './fdtable';
export { absolutePath, createNode, listFiles, lookupPath } from './fs';
export { checkInvariants } from './invariants';
export {
  BSD43_DEFAULTS,
  cloneKernel,
  createKernel,
  ensureDir,
  LINUX_DEFAULTS,
  newFile,
  type SpawnOptions,
  spawnProcess,
} from './kernel';
export {
  canRun,
  cloneMachine,
  createMachine,
  defaultChoice,
  type Ending,
  ending,
  type Machine,
  runnable,
  runToEnd,
  type StepRecord,
  step,
} from './machine';
export { backlogCapacity, isBsd43, listenBacklog, profileConfig } from './profiles';
export type { Program, ProgramAction, ProgramLocation } from './program';
export {
  defaultAction,
  SIGALRM,
  SIGCHLD,
  SIGKILL,
  SIGNALS,
  SIGPIPE,
  SIGTERM,
  signalName,
  signalNumber,
} from './signals';
export { dgramTruesize, skbLen, skbTruesize, streamSkbLayout } from './skb';
export type * from './syscalls';
export { type StepSummary, Timeline } from './timeline';
export type * from './types';
export { unixWritable } from './wait';
