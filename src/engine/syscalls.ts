/**
 * System call requests and their results. Arguments are the raw values a C program passes
 * (numbers, flags, byte buffers, sockaddr bytes) so a C interpreter or an strace log can
 * feed them unchanged. Paths are byte strings (one char per byte).
 */
import type { Errno } from './errno';
import type { KernelEvent } from './events';
import type { SigInfo } from './types';

/** Credentials passed explicitly with SCM_CREDENTIALS. */
export interface CredArg {
  pid: number;
  uid: number;
  gid: number;
}

/** A timeval-like option value in milliseconds, for SO_RCVTIMEO and SO_SNDTIMEO. */
export interface TimeoutArg {
  ms: number;
}

export type Syscall =
  | { name: 'socket'; domain: number; type: number; protocol: number }
  | { name: 'socketpair'; domain: number; type: number; protocol: number }
  | { name: 'bind'; fd: number; addr: Uint8Array | null; addrlen: number }
  | { name: 'listen'; fd: number; backlog: number }
  /** addrlen: the size of the caller's address buffer, or null when it passed NULL. */
  | { name: 'accept'; fd: number; addrlen: number | null }
  | { name: 'accept4'; fd: number; addrlen: number | null; flags: number }
  | { name: 'connect'; fd: number; addr: Uint8Array | null; addrlen: number }
  | { name: 'read'; fd: number; len: number }
  | { name: 'write'; fd: number; data: Uint8Array }
  | { name: 'send'; fd: number; data: Uint8Array; flags: number }
  | { name: 'recv'; fd: number; len: number; flags: number }
  | { name: 'sendto'; fd: number; data: Uint8Array; flags: number; addr: Uint8Array | null; addrlen: number }
  | { name: 'recvfrom'; fd: number; len: number; flags: number; addrlen: number | null }
  | {
      name: 'sendmsg';
      fd: number;
      data: Uint8Array;
      flags: number;
      addr: Uint8Array | null;
      addrlen: number;
      rights: number[] | null;
      creds: CredArg | null;
    }
  | { name: 'recvmsg'; fd: number; len: number; flags: number; namelen: number; controllen: number }
  | { name: 'shutdown'; fd: number; how: number }
  | { name: 'close'; fd: number }
  | { name: 'dup'; fd: number }
  | { name: 'dup2'; fd: number; newfd: number }
  | { name: 'dup3'; fd: number; newfd: number; flags: number }
  | { name: 'fcntl'; fd: number; cmd: number; arg: number }
  | { name: 'getsockname'; fd: number; addrlen: number }
  | { name: 'getpeername'; fd: number; addrlen: number }
  | { name: 'getsockopt'; fd: number; level: number; opt: number; optlen: number }
  | { name: 'setsockopt'; fd: number; level: number; opt: number; value: number | TimeoutArg; optlen: number }
  | { name: 'ioctl'; fd: number; request: number; arg?: number }
  | { name: 'poll'; fds: { fd: number; events: number }[]; timeoutMs: number }
  | {
      name: 'select';
      nfds: number;
      read: number[];
      write: number[];
      except: number[];
      timeoutMs: number | null;
    }
  | { name: 'open'; path: string; flags: number; mode: number }
  | { name: 'lseek'; fd: number; offset: number; whence: number }
  | { name: 'fstat'; fd: number }
  | { name: 'stat'; path: string }
  | { name: 'unlink'; path: string }
  | { name: 'rename'; from: string; to: string }
  | { name: 'mkdir'; path: string; mode: number }
  | { name: 'chmod'; path: string; mode: number }
  | { name: 'rmdir'; path: string }
  | { name: 'mknod'; path: string; mode: number }
  | { name: 'chdir'; path: string }
  /** getcwd(buf, size): the path and its NUL in `data`; ERANGE when size is too small. */
  | { name: 'getcwd'; size: number }
  | { name: 'pipe'; flags: number }
  | { name: 'fork' }
  | { name: 'exit'; status: number }
  | { name: 'waitpid'; pid: number; options: number }
  /** `tkill`: sent by raise() (tgkill), so the siginfo says SI_TKILL. */
  | { name: 'kill'; pid: number; sig: number; tkill?: boolean }
  | {
      name: 'sigaction';
      sig: number;
      handler: 'default' | 'ignore' | 'handler';
      restart: boolean;
      /** sa_mask, and the SA_NODEFER, SA_RESETHAND and SA_NOCLDWAIT flags (all absent: none). */
      mask?: number[];
      nodefer?: boolean;
      resethand?: boolean;
      nocldwait?: boolean;
    }
  /** rt_sigreturn: a handler returned; the mask its signal frame saved comes back. */
  | { name: 'sigreturn' }
  | { name: 'setpgid'; pid: number; pgid: number }
  | { name: 'getpgid'; pid: number }
  /** Simplified: the model has no sessions; setsid makes the caller a new group's leader. */
  | { name: 'setsid' }
  | { name: 'getpid' }
  | { name: 'getppid' }
  /** The model's clock, in milliseconds since it started (value). */
  | { name: 'clock_gettime' }
  | { name: 'nanosleep'; ms: number }
  | { name: 'alarm'; seconds: number }
  /** ITIMER_REAL: first expiry after `ms` (0 disarms), then every `intervalMs` (0: once); returns the old setting (timer). */
  | { name: 'setitimer'; ms: number; intervalMs: number }
  /** ITIMER_REAL's time left and interval (timer). */
  | { name: 'getitimer' }
  | { name: 'pause' }
  /** how: SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2; set null only reads the mask. */
  | { name: 'sigprocmask'; how: number; set: number[] | null }
  /** Waits for a handled signal with `mask` blocked meanwhile. */
  | { name: 'sigsuspend'; mask: number[] }
  /** The signals pending for the caller (mask). */
  | { name: 'sigpending' };

/** The name of a system call the engine models. */
export type SyscallName = Syscall['name'];

/** A control message returned by recvmsg. */
export type Cmsg =
  | { type: 'SCM_RIGHTS'; fds: number[] }
  | { type: 'SCM_CREDENTIALS'; pid: number; uid: number; gid: number };

/** What stat/fstat report. */
export interface StatResult {
  type: 'socket' | 'regular' | 'directory' | 'fifo' | 'other' | 'chardev';
  mode: number;
  size: number;
  ino: number;
  /** Links (a directory: 2 and one per subdirectory); 1 when not given. */
  nlink?: number;
  /** A file's timestamps in the model's ms (absent for sockets, pipes and terminals by fstat). */
  times?: { atimeMs: number; mtimeMs: number; ctimeMs: number };
}

/** What waitpid reports about the child it reaped. */
export type WaitStatus = { exited: number } | { signaled: string; core: boolean };

/** The result of a system call: the return value, errno, and values returned through pointers. */
export interface SysResult {
  /** The return value (-1 on error, as the C library returns it). */
  ret: number;
  errno: Errno | null;
  /** Bytes read (read, recv, recvfrom, recvmsg). */
  data?: Uint8Array;
  /** An address returned through a pointer, cut to the caller's buffer. */
  addr?: Uint8Array;
  /** The full length of that address (may exceed the buffer). */
  addrlen?: number;
  /** socketpair's sv, pipe's fds. */
  fds?: number[];
  /** recvmsg's msg_flags. */
  msgFlags?: number;
  cmsgs?: Cmsg[];
  /** controllen written back by recvmsg. */
  controllen?: number;
  /** poll: revents per pollfd, in order. select: the ready sets. */
  revents?: number[];
  ready?: { read: number[]; write: number[]; except: number[] };
  /** getsockopt and ioctl: an integer value (or an errno name for SO_ERROR). */
  value?: number;
  /** sigprocmask: the mask before the call. */
  mask?: number[];
  /** setitimer (the old setting) and getitimer: ITIMER_REAL's time left and interval, in ms. */
  timer?: { ms: number; intervalMs: number };
  /** getsockopt SO_PEERCRED. */
  cred?: CredArg;
  stat?: StatResult;
  status?: WaitStatus;
  /** Signals delivered to the caller at the end of this call that run a handler. */
  handlers?: number[];
  /** select after sleeping with a timeout: the time it did not wait, which Linux writes back to the timeval. */
  timeLeftMs?: number;
  /** The siginfo of each of `handlers`, for SA_SIGINFO handlers. */
  handlerInfo?: SigInfo[];
  /**
   * The call was interrupted by a handler installed with SA_RESTART and is not one that
   * signal(7) says always fails: the program runs its handlers and makes the same call again
   * (strace shows ERESTARTSYS). ret and errno then say -1 EINTR, which the program never sees.
   */
  restart?: boolean;
}

/** The outcome of one attempt at a system call. */
export type CallOutcome =
  | { kind: 'done'; result: SysResult; events: KernelEvent[] }
  | { kind: 'blocked'; events: KernelEvent[] }
  | { kind: 'killed'; result: SysResult; signal: number; events: KernelEvent[] };
