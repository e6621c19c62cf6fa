/**
 * The kernel's state: processes, fd tables, open files, sockets, queues and the filesystem.
 * Plain data with references between objects, like the kernel's own structures, so that a
 * whole kernel can be copied in one structuredClone() for checkpoints.
 */
import type { Errno } from './errno';
import type { KernelEvent } from './events';

/** A socket type. Mirrors sk_type (SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET). */
export type SockType = 'stream' | 'dgram' | 'seqpacket';

/** Mirrors sk_state as af_unix.c uses it: TCP_CLOSE (unconnected), TCP_LISTEN, TCP_ESTABLISHED. */
export type SkState = 'TCP_CLOSE' | 'TCP_LISTEN' | 'TCP_ESTABLISHED';

/** Credentials: Mirrors struct ucred (and UNIXCB(skb).pid/uid/gid). pid 0 means none. */
export interface Ucred {
  pid: number;
  uid: number;
  gid: number;
}

/** A bound name. Mirrors struct unix_address: `len` bytes of sockaddr_un as getsockname returns them. */
export interface UnixAddress {
  /** addr->len: 2 + path length + 1 for a pathname, 3 + name length for an abstract name. */
  len: number;
  /** addr->name: the sockaddr_un bytes (family, then sun_path), `len` of them. */
  bytes: Uint8Array;
  /** Pathname (as a byte string) or abstract name (the bytes after the leading NUL). */
  kind: 'path' | 'abstract';
  /** The path as given to bind (pathname), or the name bytes (abstract), as a byte string. */
  text: string;
  /** True for a name the kernel chose (autobind: NUL and 5 hex digits). */
  autobind: boolean;
}

/** A message or a piece of a stream on a receive queue. Mirrors struct sk_buff with UNIXCB(). */
export interface SkBuff {
  /** Stable id for drawing. */
  id: number;
  /** The payload. skb->len is data.length. */
  data: Uint8Array;
  /** UNIXCB(skb).consumed: stream bytes already read from the front. */
  consumed: number;
  /** skb->truesize: what the sender was charged in sk_wmem_alloc. */
  truesize: number;
  /** skb->sk: the sending socket, charged until the skb is freed (sock_wfree). */
  owner: UnixSock | null;
  /** UNIXCB(skb).fp: open files in flight (SCM_RIGHTS). */
  fds: OpenFile[] | null;
  /** UNIXCB(skb).pid/uid/gid, or null when the sender attached none. */
  cred: Ucred | null;
  /** A connection request on a listener: the embryo socket accept() will return. */
  embryo: UnixSock | null;
  /** The urgent byte of a MSG_OOB send. Mirrors u->oob_skb. */
  oob: boolean;
  /** Bytes of this skb that a MSG_PEEK has shown and left in place (for drawing). */
  peeked: number;
  /** The step at which it was queued (for drawing). */
  queuedAt: number;
}

/** A UNIX domain socket. Mirrors struct unix_sock (with its struct sock). */
export interface UnixSock {
  /** The sockfs inode number, as `socket:[N]` and strace -yy show it. */
  id: number;
  type: SockType;
  state: SkState;
  /** u->addr: the bound name, or null when unnamed. */
  addr: UnixAddress | null;
  /** u->path: the filesystem node a pathname bind created, or null. */
  node: FsNode | null;
  /** unix_peer(sk). */
  peer: UnixSock | null;
  /** sk_receive_queue: data, messages, or (on a listener) pending connections. */
  receiveQueue: SkBuff[];
  /** sk_max_ack_backlog: the listen backlog, or max_dgram_qlen for datagram sockets. */
  maxAckBacklog: number;
  /** sk_shutdown: RCV_SHUTDOWN | SEND_SHUTDOWN. */
  shutdown: number;
  /** sk_err: a pending error, reported once. */
  err: Errno | null;
  /** sk_sndbuf and sk_rcvbuf in bytes. */
  sndbuf: number;
  rcvbuf: number;
  /** sk_wmem_alloc minus its bias of 1: the truesize of this socket's skbs not yet freed. */
  wmemAlloc: number;
  /** SO_PASSCRED. */
  passcred: boolean;
  /** SO_REUSEADDR, SO_KEEPALIVE and other flags getsockopt reads back (stream reads use SO_RCVLOWAT). */
  flags: Record<number, number>;
  /** sk_peer_cred: set by listen, connect and socketpair. */
  peercred: Ucred | null;
  /** SO_RCVTIMEO and SO_SNDTIMEO in milliseconds, 0 for none. */
  rcvtimeoMs: number;
  sndtimeoMs: number;
  /** SOCK_DEAD: released, though skbs or a peer may still reference it. */
  dead: boolean;
  /** The open file (struct socket's file), or null for an embryo not yet accepted. */
  file: OpenFile | null;
  /** For an embryo: the listener it waits on (newu->listener). */
  listener: UnixSock | null;
  /** SO_PEEK_OFF, -1 when off. */
  peekOff: number;
  /** u->oob_skb: the urgent byte of the last MSG_OOB send, not yet read. */
  oobSkb: SkBuff | null;
  /** The step at which the socket was created (for drawing). */
  createdAt: number;
}

/** The kind of an open file. Non-socket files exist so fd numbers line up. */
export type FileKind = 'socket' | 'terminal' | 'regular' | 'dir' | 'pipe' | 'opaque';

/** An open file description. Mirrors struct file: shared by dup, fork and SCM_RIGHTS. */
export interface OpenFile {
  id: number;
  kind: FileKind;
  /** f_count: descriptors plus in-flight SCM_RIGHTS references. */
  refs: number;
  /** O_NONBLOCK in f_flags. */
  nonblock: boolean;
  /** O_ACCMODE bits of f_flags (O_RDWR for sockets). */
  accmode: number;
  /** O_APPEND. */
  append: boolean;
  /** f_pos for regular files. */
  offset: number;
  sock: UnixSock | null;
  /** The inode of a regular file, directory or fifo. */
  node: FsNode | null;
  /** The terminal of stdin/stdout/stderr. */
  terminal: Terminal | null;
  /** The pipe and which end, for pipe(). */
  pipe: Pipe | null;
  pipeEnd: 'read' | 'write' | null;
  /** What this file is, in words (a path, "pipe", "socket:[N]"). */
  label: string;
}

/** A terminal: where a process's stdin comes from and its stdout and stderr go. */
export interface Terminal {
  id: number;
  /** Bytes not yet read from stdin. */
  input: Uint8Array;
  /** True when stdin ends after `input` (reads then return 0). */
  inputClosed: boolean;
  /** Everything written, in order, with the fd it went to. */
  output: { fd: number; pid: number; text: Uint8Array; stream: 'stdout' | 'stderr' }[];
}

/** A pipe: a byte queue between a read end and a write end. */
export interface Pipe {
  id: number;
  buffer: Uint8Array[];
  readers: number;
  writers: number;
}

/** One descriptor slot. */
export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

/** A file table, shared by the threads of one process. Mirrors struct files_struct. */
export interface FdTable {
  id: number;
  fds: (FdEntry | null)[];
  /** Threads that share this table. */
  users: number;
}

/** A signal disposition. Mirrors struct k_sigaction in the parts that matter here. */
export interface SigAction {
  handler: 'default' | 'ignore' | 'handler';
  /** SA_RESTART: a blocked call restarts after the handler instead of failing with EINTR. */
  restart: boolean;
  /** SA_NOCLDWAIT, or SIGCHLD set to SIG_IGN: children are reaped on exit. */
  noCldWait?: boolean;
  /** sa_mask: signals blocked while the handler runs (with the signal itself unless SA_NODEFER). */
  mask?: number[];
  /** SA_NODEFER: the signal is not blocked while its handler runs. */
  nodefer?: boolean;
  /** SA_RESETHAND: the disposition goes back to SIG_DFL when the signal is delivered. */
  resethand?: boolean;
}

/** Why and where a process sleeps. */
export interface Sleep {
  /** The wait queue: a socket's sk_sleep, a socket's peer_wait, a child, or a timer. */
  channel: WaitChannel;
  /** The call to retry when woken, as the kernel retries (goto restart). */
  call: import('./syscalls').Syscall;
  /** Progress the call had made before it slept (a partial write or MSG_WAITALL read). */
  progress: CallProgress | null;
  /** Simulated time (ms) at which a timeout ends the sleep, or null. */
  deadline: number | null;
  /** Set when woken; the scheduler then retries the call. */
  woken: boolean;
  timedOut: boolean;
  /** A signal with a handler arrived while asleep. */
  interrupted: number | null;
  /** The step at which it fell asleep. */
  since: number;
}

/** Partial progress of a blocking call. */
export interface CallProgress {
  /** Bytes already written by a blocking stream write. */
  sent?: number;
  /** Bytes already read by a blocking MSG_WAITALL read. */
  copied?: Uint8Array[];
  copiedLen?: number;
}

/** A wait queue a process can sleep on. */
export type WaitChannel =
  | { kind: 'sock'; sock: number; why: 'accept' | 'read' | 'write' | 'connect' }
  | { kind: 'peer'; sock: number; why: 'connect' | 'send' }
  | { kind: 'child'; pid: number }
  | { kind: 'pipe'; pipe: number; why: 'read' | 'write' }
  | { kind: 'terminal'; terminal: number }
  | { kind: 'timer' }
  | { kind: 'signal' }
  | { kind: 'poll'; fds: number[] };

/** How a process ended. */
export type ExitStatus =
  | { code: number; signal?: undefined }
  | { signal: number; core: boolean; code?: undefined };

/**
 * What an SA_SIGINFO handler is told about a signal (the fields of siginfo_t the model fills).
 * Mirrors the kernel_siginfo that send_signal() and do_notify_parent() build.
 */
export interface SigInfo {
  signo: number;
  /** SI_USER 0 (kill, and the kernel's SIGPIPE), SI_TKILL -6 (raise), SI_KERNEL 0x80 (timers), CLD_* for SIGCHLD. */
  code: number;
  /** The sender (SIGCHLD: the child); 0 from the kernel. */
  pid: number;
  uid: number;
  /** SIGCHLD: the exit code, or the signal that killed the child. */
  status: number;
}

/** A process (a task; threads of one process share `files` and `tgid`). Mirrors struct task_struct. */
export interface Process {
  pid: number;
  /** Thread group id: getpid() of every thread. Equal to pid for the main thread. */
  tgid: number;
  ppid: number;
  /** Process group (setpgid); kill(-pgid) reaches every process in it. */
  pgid: number;
  name: string;
  files: FdTable;
  /** The working directory, as an absolute path. */
  cwd: string;
  umask: number;
  uid: number;
  gid: number;
  state: 'runnable' | 'sleeping' | 'zombie' | 'dead';
  sleep: Sleep | null;
  sigactions: Record<number, SigAction>;
  /** Signals sent but not yet acted on, in order. */
  pendingSignals: number[];
  /** The siginfo of each pending standard signal, by number (the first sending: later ones are merged). */
  pendingInfo: Record<number, SigInfo>;
  /** Blocked signal mask (sigprocmask). */
  blockedSignals: number[];
  /** The controlling terminal (where its stdio started), kept after exit so its output can be shown. */
  tty: Terminal | null;
  /** The mask sigsuspend replaced, restored when it returns (null outside sigsuspend). */
  savedMask: number[] | null;
  /** The masks saved in the signal frames of handlers still running, restored by sigreturn (last first). */
  frameMasks: number[][];
  exit: ExitStatus | null;
  /** When ITIMER_REAL (alarm, setitimer) expires next (simulated ms), or null while it is not running. */
  alarmAt: number | null;
  /** ITIMER_REAL's interval (it_real_incr) in ms: 0 for a timer that runs once. */
  alarmIntervalMs: number;
  /** ITIMER_REAL's last expiry time (the hrtimer's expires), from which a repeating timer is restarted. */
  alarmExpires: number;
  /** The timer's SIGALRM is pending: taking it restarts a repeating timer. */
  alarmSignalled: boolean;
  /** True for a process that stands for activity outside a replayed trace. */
  outside: boolean;
}

/** A filesystem node (an inode with its directory entries). */
export interface FsNode {
  ino: number;
  kind: 'dir' | 'socket' | 'regular' | 'fifo' | 'other';
  /** Permission bits (mode & 07777). */
  mode: number;
  /** Directory entries, by name (byte strings). */
  children: Map<string, FsNode> | null;
  /** For a socket node: the socket bound to it, until that socket is released. */
  sock: UnixSock | null;
  /** For a regular file: its contents. */
  data: Uint8Array | null;
  /** Hard links to this node; 0 once unlinked. */
  nlink: number;
  /** The step that created it (for drawing). */
  createdAt: number;
  /**
   * Simplified timestamps, in the model's ms: all three set at creation; a write to a regular
   * file sets mtime and ctime, chmod sets ctime. Reads never update atime here.
   */
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * Whose rules the model follows where kernels differ: Linux (checked against the real kernel)
 * or 4.3BSD as its 1986 sources have it (the era of the socket tutorials).
 */
export type KernelProfile = 'linux' | '4.3bsd';

/** Tunables, as /proc/sys shows them on the recording machine. */
export interface KernelConfig {
  /** The kernel whose behaviour the model follows; Linux unless chosen otherwise. */
  profile: KernelProfile;
  /** net.core.somaxconn (SOMAXCONN, a constant, on 4.3BSD) */
  somaxconn: number;
  /** net.core.wmem_default and rmem_default */
  wmemDefault: number;
  rmemDefault: number;
  /** net.core.wmem_max and rmem_max */
  wmemMax: number;
  rmemMax: number;
  /** net.unix.max_dgram_qlen */
  maxDgramQlen: number;
  /**
   * CONFIG_HZ: socket timeouts are kept in jiffies, so SO_RCVTIMEO/SO_SNDTIMEO round up to a tick
   * (null: kept to the millisecond).
   */
  hz: number | null;
}

/** The whole simulated kernel. */
export interface Kernel {
  config: KernelConfig;
  procs: Map<number, Process>;
  /** The root directory. */
  root: FsNode;
  /** The abstract namespace, keyed by socket type and name bytes. */
  abstract: Map<string, UnixSock>;
  /** Every socket not yet freed, by inode number. */
  socks: Map<number, UnixSock>;
  /** Simulated time in milliseconds (advanced only by timeouts). */
  now: number;
  /** The number of the current step (for stamping what gets created). */
  step: number;
  /** Events of the call in progress; the dispatcher hands them out and clears this. */
  events: KernelEvent[];
  /** Counters for stable ids. */
  nextPid: number;
  nextIno: number;
  nextFileId: number;
  nextSkbId: number;
  nextTableId: number;
  /** Counter behind autobind names (the real kernel starts at a random number). */
  autobindSeq: number;
  /** Bytes discarded by a named rule, for conservation checks. */
  discarded: Record<string, number>;
  /** Bytes ever queued and ever read, for conservation checks. */
  bytesQueued: number;
  bytesRead: number;
}
