/**
 * Creating, copying and stamping the kernel. The first process, the root filesystem and the
 * counters behind stable ids live here; the system calls are in their own files.
 */
import { copyKernel } from './clone';
import type { KernelEvent } from './events';
import type { FdTable, FsNode, Kernel, KernelConfig, OpenFile, Process, Terminal } from './types';

/** The tunables measured on the oracle's Linux 6.18 machine (kernel-oracle/env.txt). */
export const LINUX_DEFAULTS: KernelConfig = {
  profile: 'linux',
  somaxconn: 4096,
  wmemDefault: 212992,
  rmemDefault: 212992,
  wmemMax: 4194304,
  rmemMax: 4194304,
  maxDgramQlen: 10,
  // Measured on the recording kernel: SO_RCVTIMEO of 250000 us reads back as 252000 (63 ticks of 4 ms).
  hz: 250,
};

/**
 * The 4.3BSD profile: listen's backlog capped at SOMAXCONN, 5 ("#define SOMAXCONN 5" in 4.3BSD
 * sys/h/socket.h). Simplified: buffer sizes and datagram queues keep Linux's accounting.
 */
export const BSD43_DEFAULTS: KernelConfig = {
  ...LINUX_DEFAULTS,
  profile: '4.3bsd',
  somaxconn: 5,
  hz: null,
};

/** The first inode number handed to sockets, so they look like real `socket:[N]` numbers. */
const FIRST_INO = 4000;

function makeDir(k: Kernel | null, ino: number, mode = 0o755): FsNode {
  return {
    ino,
    kind: 'dir',
    mode,
    children: new Map(),
    sock: null,
    data: null,
    nlink: 2,
    createdAt: k?.step ?? 0,
    atimeMs: k?.now ?? 0,
    mtimeMs: k?.now ?? 0,
    ctimeMs: k?.now ?? 0,
  };
}

/**
 * A fresh kernel with an empty filesystem holding `/` and `/tmp` (and any `dirs` given),
 * and no processes. Tunables not given take the defaults of `config.profile` (Linux's if none).
 */
export function createKernel(config: Partial<KernelConfig> = {}, dirs: string[] = []): Kernel {
  const defaults = config.profile === '4.3bsd' ? BSD43_DEFAULTS : LINUX_DEFAULTS;
  const k: Kernel = {
    config: { ...defaults, ...config },
    procs: new Map(),
    root: makeDir(null, 2),
    abstract: new Map(),
    socks: new Map(),
    now: 0,
    step: 0,
    events: [],
    nextPid: 100,
    nextIno: FIRST_INO,
    nextFileId: 1,
    nextSkbId: 1,
    nextTableId: 1,
    autobindSeq: 0,
    discarded: {},
    bytesQueued: 0,
    bytesRead: 0,
  };
  for (const d of ['/tmp', ...dirs]) ensureDir(k, d);
  return k;
}

/** Creates every missing directory on an absolute path (like mkdir -p). */
export function ensureDir(k: Kernel, path: string): FsNode {
  let node = k.root;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    let next = node.children?.get(part);
    if (!next) {
      next = makeDir(k, k.nextIno++);
      node.children?.set(part, next);
    }
    node = next;
  }
  return node;
}

/** Adds an event to the current call's list. */
export function emit(k: Kernel, ev: KernelEvent): void {
  k.events.push(ev);
}

/** A deep copy of the whole kernel: the basis of checkpoints and branches. */
export function cloneKernel(k: Kernel): Kernel {
  return copyKernel(k);
}

/** A new open file with one reference. */
export function newFile(k: Kernel, kind: OpenFile['kind'], label: string): OpenFile {
  return {
    id: k.nextFileId++,
    kind,
    refs: 1,
    nonblock: false,
    accmode: 2,
    append: false,
    offset: 0,
    sock: null,
    node: null,
    terminal: null,
    pipe: null,
    pipeEnd: null,
    label,
  };
}

/** Options for a new process. */
export interface SpawnOptions {
  name: string;
  cwd?: string;
  /** Bytes available on stdin; stdin ends after them. */
  stdin?: Uint8Array;
  /** Share this terminal instead of making a new one. */
  terminal?: Terminal;
  /** Opaque files to place at given fds (e.g. the oracle's sequencing pipes at 100..107). */
  extraFds?: { fd: number; label: string; kind?: OpenFile['kind'] }[];
  /** Start with no standard streams at all. */
  noStdio?: boolean;
  outside?: boolean;
  pid?: number;
}

/** Creates a process (not by fork) with stdin, stdout and stderr on a terminal, and returns it. */
export function spawnProcess(k: Kernel, opts: SpawnOptions): Process {
  const pid = opts.pid ?? k.nextPid++;
  if (pid >= k.nextPid) k.nextPid = pid + 1;
  const table: FdTable = { id: k.nextTableId++, fds: [], users: 1 };
  const p: Process = {
    pid,
    tgid: pid,
    ppid: 1,
    pgid: pid,
    name: opts.name,
    files: table,
    cwd: opts.cwd ?? '/',
    umask: 0o022,
    uid: 0,
    gid: 0,
    state: 'runnable',
    sleep: null,
    sigactions: {},
    pendingSignals: [],
    pendingInfo: {},
    blockedSignals: [],
    tty: null,
    savedMask: null,
    frameMasks: [],
    exit: null,
    alarmAt: null,
    alarmIntervalMs: 0,
    alarmExpires: 0,
    alarmSignalled: false,
    outside: opts.outside ?? false,
  };
  if (!opts.noStdio) {
    const term: Terminal = opts.terminal ?? {
      id: k.nextFileId++,
      input: opts.stdin ?? new Uint8Array(0),
      inputClosed: true,
      output: [],
    };
    p.tty = term;
    for (let fd = 0; fd < 3; fd++) {
      const f = newFile(k, 'terminal', fd === 0 ? 'stdin' : fd === 1 ? 'stdout' : 'stderr');
      f.terminal = term;
      f.accmode = fd === 0 ? 0 : 1;
      table.fds[fd] = { file: f, cloexec: false };
    }
  }
  for (const extra of opts.extraFds ?? []) {
    const f = newFile(k, extra.kind ?? 'opaque', extra.label);
    table.fds[extra.fd] = { file: f, cloexec: false };
  }
  k.procs.set(pid, p);
  return p;
}
