/**
 * The system call entry: looks up descriptors, calls the operation, and turns its outcome
 * into a result, a sleep, or a death by signal. Mirrors the syscall layer of net/socket.c
 * (sockfd_lookup: EBADF, ENOTSOCK) and the return to user space (signal delivery).
 */
import { sys_accept } from './calls/accept';
import { runFileCall } from './calls/files';
import { runProcessCall } from './calls/process';
import { runSocketCall } from './calls/socket';
import { fdGet } from './fdtable';
import { emit } from './kernel';
import { deliverSignals } from './signal';
import type { CallOutcome, Syscall, SysResult } from './syscalls';
import type { Kernel, Process, SigInfo, Sleep } from './types';
import { type Block, isBlock } from './wait';

/** Whether a process has exited (a check the type narrowing above cannot see through). */
function hasEnded(p: Process): boolean {
  return p.state === 'zombie' || p.state === 'dead';
}

/** What an operation learns about an earlier attempt of the same call. */
export interface Resume {
  sleep: Sleep | null;
  timedOut: boolean;
}

function describeChannel(b: Block): string {
  const c = b.block;
  switch (c.kind) {
    case 'sock':
      return `socket ${c.sock} (${c.why})`;
    case 'peer':
      return `room on socket ${c.sock} (${c.why})`;
    case 'child':
      return c.pid > 0 ? `child ${c.pid}` : 'a child';
    case 'pipe':
      return `pipe ${c.pipe} (${c.why})`;
    case 'terminal':
      return 'terminal input';
    case 'timer':
      return 'a timer';
    case 'signal':
      return 'a signal';
    case 'poll':
      return 'poll';
  }
}

/** Runs one call (or its retry) for a process, without the bookkeeping of sleep and signals. */
function runCall(k: Kernel, p: Process, call: Syscall, r: Resume): SysResult | Block {
  switch (call.name) {
    case 'accept':
    case 'accept4':
      return sys_accept(k, p, call, r);
    default: {
      const s = runSocketCall(k, p, call, r);
      if (s) return s;
      const f = runFileCall(k, p, call, r);
      if (f) return f;
      return runProcessCall(k, p, call, r);
    }
  }
}

/** The result a call interrupted by a signal handler returns: its progress, or EINTR. */
function interrupted(sleep: Sleep): SysResult {
  const pr = sleep.progress;
  if (pr?.sent) return { ret: pr.sent, errno: null };
  if (pr?.copiedLen) return { ret: pr.copiedLen, errno: null };
  return { ret: -1, errno: 'EINTR' };
}

/**
 * Whether a woken call looks at a pending signal before its own condition. Stream reads
 * (unix_stream_read_generic) and connects (unix_wait_for_peer) do; accept, datagram reads,
 * writes, poll and wait re-check their condition first and fail with EINTR only if they would
 * sleep again.
 */
function signalFirst(p: Process, call: Syscall): boolean {
  if (!('fd' in call)) return false;
  const sock = fdGet(p, call.fd)?.file.sock;
  if (!sock) return false;
  if (call.name === 'connect') return sock.type !== 'dgram';
  const reads =
    call.name === 'read' || call.name === 'recv' || call.name === 'recvfrom' || call.name === 'recvmsg';
  return reads && sock.type === 'stream';
}

const NEVER_RESTARTED = new Set(['poll', 'select', 'nanosleep', 'pause', 'sigsuspend']);
const RECEIVES = new Set(['read', 'recv', 'recvfrom', 'recvmsg', 'accept', 'accept4']);

/**
 * Whether SA_RESTART restarts a call a handler interrupted (signal(7)): poll, select,
 * nanosleep and pause never are, nor a socket call while the socket has a timeout
 * (SO_RCVTIMEO for receiving and accept, SO_SNDTIMEO for sending and connect). Probed on
 * Linux 6.18: fixtures/probes/restart.jsonl.
 */
function restartable(p: Process, call: Syscall): boolean {
  if (NEVER_RESTARTED.has(call.name)) return false;
  if (!('fd' in call)) return true;
  const sock = fdGet(p, call.fd)?.file.sock;
  if (!sock) return true;
  return RECEIVES.has(call.name) ? sock.rcvtimeoMs === 0 : sock.sndtimeoMs === 0;
}

function retryInterrupted(k: Kernel, p: Process, call: Syscall, r: Resume, sleep: Sleep): SysResult | Block {
  if (signalFirst(p, call)) return interrupted(sleep);
  const out = runCall(k, p, call, r);
  return isBlock(out) ? interrupted(sleep) : out;
}

/**
 * Makes (or retries) a system call for a process. A call that must wait leaves the process
 * asleep and changes nothing else (beyond progress a blocking transfer already made); the
 * scheduler retries it when the process is woken.
 */
export function syscall(k: Kernel, pid: number, call: Syscall): CallOutcome {
  const p = k.procs.get(pid);
  if (!p || p.state === 'zombie' || p.state === 'dead') {
    throw new Error(`process ${pid} cannot make a system call (it has exited)`);
  }
  k.events = [];
  const sleep = p.state === 'sleeping' ? p.sleep : null;
  const r: Resume = { sleep, timedOut: sleep?.timedOut ?? false };
  const out =
    sleep && sleep.interrupted !== null ? retryInterrupted(k, p, call, r, sleep) : runCall(k, p, call, r);
  if (isBlock(out)) {
    const first = !sleep;
    p.state = 'sleeping';
    p.sleep = {
      channel: out.block,
      call,
      progress: out.progress ?? null,
      // The timeout is fixed when the call starts: a retry keeps it (or keeps having none).
      deadline: sleep ? sleep.deadline : out.timeoutMs !== null ? k.now + out.timeoutMs : null,
      woken: false,
      timedOut: false,
      interrupted: null,
      since: sleep?.since ?? k.step,
    };
    if (first) emit(k, { type: 'proc.slept', pid: p.pid, channel: describeChannel(out) });
    const events = k.events;
    k.events = [];
    return { kind: 'blocked', events };
  }
  if (!hasEnded(p)) {
    p.state = 'runnable';
    p.sleep = null;
    const infos: SigInfo[] = [];
    const suspended = call.name === 'sigsuspend' ? p.savedMask : null;
    const handlers = deliverSignals(k, p, false, infos, suspended);
    if (handlers.length > 0) {
      out.handlers = handlers;
      out.handlerInfo = infos;
    }
    // sigsuspend's own mask goes when it returns: at once, or with the first handler's sigreturn.
    if (suspended) {
      if (handlers.length === 0) p.blockedSignals = suspended;
      p.savedMask = null;
    }
    const by = sleep?.interrupted ?? null;
    if (by !== null && out.errno === 'EINTR' && p.sigactions[by]?.restart && restartable(p, call))
      out.restart = true;
  }
  const events = k.events;
  k.events = [];
  if (hasEnded(p)) {
    const sig = p.exit?.signal;
    if (sig !== undefined && call.name !== 'exit')
      return { kind: 'killed', result: out, signal: sig, events };
  }
  return { kind: 'done', result: out, events };
}

/** Retries the call a woken process slept in. */
export function retry(k: Kernel, pid: number): CallOutcome {
  const p = k.procs.get(pid);
  if (!p?.sleep) throw new Error(`process ${pid} is not asleep in a call`);
  return syscall(k, pid, p.sleep.call);
}
