/**
 * File, descriptor, process and time system calls as glibc wraps them: read/write, open,
 * stat, pipe, poll/select, fork and waitpid, kill, sleep, alarm and the interval timer. Struct
 * layouts are x86-64 glibc's.
 */

import type { StatResult, SysResult, WaitStatus } from '../../../engine';
import { S_IFCHR, S_IFDIR, S_IFIFO, S_IFREG, S_IFSOCK, signalNumber } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { mallocBytes } from './heap';
import { EPOCH_SECONDS } from './process';
import { readTime, UserErrno, user, userCall, writeTimeval } from './user';
import { cstr, setErrno, sys } from './util';

/** A failure of a call that returns a pointer: NULL, with errno set. */
function nullWith(vm: VM, errno: Parameters<typeof setErrno>[1]): number {
  setErrno(vm, errno);
  return 0;
}

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

const TYPE_BITS: Record<StatResult['type'], number> = {
  socket: S_IFSOCK,
  regular: S_IFREG,
  directory: S_IFDIR,
  fifo: S_IFIFO,
  chardev: S_IFCHR,
  other: 0,
};

/** Fills a struct stat (144 bytes). */
function writeStat(vm: VM, at: number, r: SysResult): number {
  const s = r.stat;
  if (!s) return r.ret;
  vm.mem.fill(at, 0, 144);
  vm.mem.setU64(at + 8, s.ino);
  vm.mem.setU64(at + 16, s.nlink ?? 1);
  vm.mem.setU32(at + 24, TYPE_BITS[s.type] | s.mode);
  vm.mem.setU64(at + 48, s.size);
  vm.mem.setU64(at + 56, 4096);
  vm.mem.setU64(at + 64, Math.ceil(s.size / 512));
  // st_atim, st_mtim, st_ctim: struct timespec on the model's clock (time() counts from EPOCH_SECONDS).
  const times = s.times;
  if (times) {
    [times.atimeMs, times.mtimeMs, times.ctimeMs].forEach((ms, i) => {
      vm.mem.setU64(at + 72 + i * 16, EPOCH_SECONDS + Math.floor(ms / 1000));
      vm.mem.setU64(at + 80 + i * 16, (ms % 1000) * 1e6);
    });
  }
  return r.ret;
}

/** The int waitpid stores: exit code << 8, or the signal number (| 0x80 for a core dump). */
export function waitStatusWord(st: WaitStatus | undefined): number {
  if (!st) return 0;
  if ('exited' in st) return (st.exited & 0xff) << 8;
  return (signalNumber(st.signaled) ?? 0) | (st.core ? 0x80 : 0);
}

function waitpid(vm: VM, pid: number, statusp: number, options: number): NativeResult {
  return userCall(
    vm,
    () => ({ name: 'waitpid', pid: pid | 0, options }),
    (v, r) => {
      if (statusp && r.ret > 0) v.mem.setU32(statusp, waitStatusWord(r.status));
      return r.ret;
    },
  );
}

/** The descriptors set in an fd_set (a 1024-bit array). */
function readFdSet(vm: VM, at: number, nfds: number): number[] {
  const out: number[] = [];
  if (!at) return out;
  for (let fd = 0; fd < Math.min(nfds, 1024); fd++)
    if (vm.mem.u8(at + (fd >> 3)) & (1 << (fd & 7))) out.push(fd);
  return out;
}

function writeFdSet(vm: VM, at: number, nfds: number, fds: number[]): void {
  if (!at) return;
  vm.mem.fill(at, 0, Math.ceil(Math.min(nfds, 1024) / 64) * 8);
  for (const fd of fds) vm.mem.setU8(at + (fd >> 3), vm.mem.u8(at + (fd >> 3)) | (1 << (fd & 7)));
}

const ITIMER_REAL = 0;
const ITIMER_PROF = 2;

/**
 * A struct timeval of a struct itimerval as milliseconds, rounded up (so 1 µs still starts the
 * timer). EINVAL for a negative time or microseconds over 999999 (get_itimerval()).
 */
function readTimerval(vm: VM, at: number): number {
  const sec = vm.mem.i64(at);
  const usec = vm.mem.i64(at + 8);
  if (sec < 0 || usec < 0 || usec > 999999) throw new UserErrno('EINVAL');
  return sec * 1000 + Math.ceil(usec / 1000);
}

/** Writes a struct itimerval: it_interval, then it_value. */
function writeItimerval(vm: VM, at: number, t: { ms: number; intervalMs: number }): void {
  writeTimeval(vm, at, t.intervalMs);
  writeTimeval(vm, at + 16, t.ms);
}

/**
 * setitimer(which, new, old), in the kernel's order: the new value is read and checked (EFAULT,
 * EINVAL), then `which`, then the old value written (EFAULT, after the timer is set). A NULL new
 * value disarms the timer, as Linux still allows. Simplified: ITIMER_VIRTUAL and ITIMER_PROF
 * count CPU time, which the model's processes do not take: they read as disarmed, and starting
 * one fails with EINVAL.
 */
function setitimer(vm: VM, which: number, nv: number, ov: number): NativeResult {
  return user(vm, () => {
    const ms = nv ? readTimerval(vm, nv + 16) : 0;
    const intervalMs = nv ? readTimerval(vm, nv) : 0;
    if (which < ITIMER_REAL || which > ITIMER_PROF) throw new UserErrno('EINVAL');
    if (which !== ITIMER_REAL) {
      if (ms > 0) throw new UserErrno('EINVAL');
      if (ov) writeItimerval(vm, ov, { ms: 0, intervalMs: 0 });
      return 0;
    }
    return sys({ name: 'setitimer', ms, intervalMs }, (v, r) =>
      user(v, () => {
        if (ov && r.timer) writeItimerval(v, ov, r.timer);
        return 0;
      }),
    );
  });
}

/** getitimer(which, curr): EINVAL for an unknown timer, EFAULT for a bad pointer (NULL too). */
function getitimer(vm: VM, which: number, curr: number): NativeResult {
  return user(vm, () => {
    if (which < ITIMER_REAL || which > ITIMER_PROF) throw new UserErrno('EINVAL');
    if (which !== ITIMER_REAL) {
      writeItimerval(vm, curr, { ms: 0, intervalMs: 0 });
      return 0;
    }
    return sys({ name: 'getitimer' }, (v, r) =>
      user(v, () => {
        writeItimerval(v, curr, r.timer ?? { ms: 0, intervalMs: 0 });
        return 0;
      }),
    );
  });
}

function sleepMs(ms: number, cont: (vm: VM, r: SysResult) => NativeResult): NativeResult {
  return { syscall: { name: 'nanosleep', ms }, cont };
}

/** The file and process natives. */
export const UNISTD: Natives = {
  read: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'read', fd: a[0], len: a[2] }),
      (v, r) => {
        if (r.data && r.data.length > 0) v.mem.write(a[1], r.data);
        return r.ret;
      },
    ),
  write: (vm, a) => userCall(vm, () => ({ name: 'write', fd: a[0], data: vm.mem.read(a[1], a[2]) })),
  close: (_, a) => sys({ name: 'close', fd: a[0] }),
  dup: (_, a) => sys({ name: 'dup', fd: a[0] }),
  dup2: (_, a) => sys({ name: 'dup2', fd: a[0], newfd: a[1] }),
  dup3: (_, a) => sys({ name: 'dup3', fd: a[0], newfd: a[1], flags: a[2] }),
  fcntl: (_, a) => sys({ name: 'fcntl', fd: a[0], cmd: a[1], arg: a[2] ?? 0 }),
  ioctl: (vm, a) => {
    const FIONBIO = 0x5421;
    const argp = a[2] ?? 0;
    return userCall(
      vm,
      () => ({
        name: 'ioctl',
        fd: a[0],
        request: a[1],
        arg: a[1] === FIONBIO && argp ? vm.mem.i32(argp) : argp,
      }),
      (v, r) => {
        if (r.value !== undefined && argp) v.mem.setU32(argp, r.value);
        return r.ret;
      },
    );
  },
  open: (vm, a) => userCall(vm, () => ({ name: 'open', path: cstr(vm, a[0]), flags: a[1], mode: a[2] ?? 0 })),
  creat: (vm, a) => userCall(vm, () => ({ name: 'open', path: cstr(vm, a[0]), flags: 0o1101, mode: a[1] })),
  lseek: (_, a) => sys({ name: 'lseek', fd: a[0], offset: a[1], whence: a[2] }),
  fstat: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'fstat', fd: a[0] }),
      (v, r) => writeStat(v, a[1], r),
    ),
  stat: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'stat', path: cstr(vm, a[0]) }),
      (v, r) => writeStat(v, a[1], r),
    ),
  lstat: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'stat', path: cstr(vm, a[0]) }),
      (v, r) => writeStat(v, a[1], r),
    ),
  /**
   * access(path, mode) for the model's processes, which run as root (uid 0): any file may be read
   * and written; X_OK needs an execute bit, or a directory. Made with a stat of the path.
   */
  access: (vm, a) =>
    userCall(
      vm,
      () => {
        if (a[1] & ~7) throw new UserErrno('EINVAL');
        return { name: 'stat', path: cstr(vm, a[0]) };
      },
      (_v, r) => {
        const st = r.stat;
        if (a[1] & 1 && st && st.type !== 'directory' && (st.mode & 0o111) === 0)
          throw new UserErrno('EACCES');
        return 0;
      },
    ),
  /**
   * getcwd(buf, size): glibc's, which with buf NULL allocates the result (size bytes, or as many
   * as the path needs when size is 0) and returns NULL with errno on failure.
   */
  getcwd: (vm, a) => {
    const [buf, size] = a;
    if (buf !== 0 && size === 0) return nullWith(vm, 'EINVAL');
    return {
      syscall: { name: 'getcwd', size: buf === 0 && size === 0 ? 4096 : size },
      cont: (v: VM, r: SysResult) => {
        if (r.errno || !r.data) return nullWith(v, r.errno ?? 'EFAULT');
        const at = buf !== 0 ? buf : mallocBytes(v, size === 0 ? r.data.length : size);
        if (at === 0) return 0;
        v.mem.write(at, r.data);
        return at;
      },
    };
  },
  chmod: (vm, a) => userCall(vm, () => ({ name: 'chmod', path: cstr(vm, a[0]), mode: a[1] })),
  unlink: (vm, a) => userCall(vm, () => ({ name: 'unlink', path: cstr(vm, a[0]) })),
  remove: (vm, a) => userCall(vm, () => ({ name: 'unlink', path: cstr(vm, a[0]) })),
  rename: (vm, a) => userCall(vm, () => ({ name: 'rename', from: cstr(vm, a[0]), to: cstr(vm, a[1]) })),
  mkdir: (vm, a) => userCall(vm, () => ({ name: 'mkdir', path: cstr(vm, a[0]), mode: a[1] })),
  rmdir: (vm, a) => userCall(vm, () => ({ name: 'rmdir', path: cstr(vm, a[0]) })),
  mknod: (vm, a) => userCall(vm, () => ({ name: 'mknod', path: cstr(vm, a[0]), mode: a[1] })),
  mkfifo: (vm, a) => userCall(vm, () => ({ name: 'mknod', path: cstr(vm, a[0]), mode: S_IFIFO | a[1] })),
  chdir: (vm, a) => userCall(vm, () => ({ name: 'chdir', path: cstr(vm, a[0]) })),
  pipe: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'pipe', flags: 0 }),
      (v, r) => writePair(v, a[0], r),
    ),
  pipe2: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'pipe', flags: a[1] }),
      (v, r) => writePair(v, a[0], r),
    ),
  poll: (vm, a) => {
    const [fds, n, timeout] = a;
    return userCall(
      vm,
      () => {
        const list = [];
        for (let i = 0; i < n; i++)
          list.push({ fd: vm.mem.i32(fds + i * 8), events: vm.mem.i16(fds + i * 8 + 4) });
        return { name: 'poll', fds: list, timeoutMs: timeout | 0 };
      },
      (v, r) => {
        for (const [i, ev] of (r.revents ?? []).entries()) v.mem.setU16(fds + i * 8 + 6, ev);
        return r.ret;
      },
    );
  },
  select: (vm, a) => {
    const [nfds, rd, wr, ex, tv] = a;
    return userCall(
      vm,
      () => ({
        name: 'select',
        nfds,
        read: readFdSet(vm, rd, nfds),
        write: readFdSet(vm, wr, nfds),
        except: readFdSet(vm, ex, nfds),
        timeoutMs: tv ? readTime(vm, tv) : null,
      }),
      (v, r) => {
        writeFdSet(v, rd, nfds, r.ready?.read ?? []);
        writeFdSet(v, wr, nfds, r.ready?.write ?? []);
        writeFdSet(v, ex, nfds, r.ready?.except ?? []);
        if (tv && r.timeLeftMs !== undefined) writeTimeval(v, tv, r.timeLeftMs);
        return r.ret;
      },
    );
  },
  fork: () => sys({ name: 'fork' }),
  vfork: () => sys({ name: 'fork' }),
  waitpid: (vm, a) => waitpid(vm, a[0], a[1], a[2]),
  wait: (vm, a) => waitpid(vm, -1, a[0], 0),
  getpid: () => sys({ name: 'getpid' }),
  getppid: () => sys({ name: 'getppid' }),
  setpgid: (_, a) => sys({ name: 'setpgid', pid: a[0], pgid: a[1] }),
  setsid: () => sys({ name: 'setsid' }),
  getpgid: (_, a) => sys({ name: 'getpgid', pid: a[0] | 0 }),
  getpgrp: () => sys({ name: 'getpgid', pid: 0 }),
  // glibc's killpg: EINVAL for a negative group, else kill(-pgrp, sig).
  killpg: (vm, a) => {
    if ((a[0] | 0) < 0) {
      setErrno(vm, 'EINVAL');
      return -1;
    }
    return sys({ name: 'kill', pid: -(a[0] | 0), sig: a[1] });
  },
  kill: (_, a) => sys({ name: 'kill', pid: a[0] | 0, sig: a[1] }),
  raise: (_, a) => ({
    syscall: { name: 'getpid' },
    cont: (_v: VM, r: SysResult) => sys({ name: 'kill', pid: r.ret, sig: a[0], tkill: true }),
  }),
  alarm: (_, a) => ({ syscall: { name: 'alarm', seconds: a[0] }, cont: (_v: VM, r: SysResult) => r.ret }),
  setitimer: (vm, a) => setitimer(vm, a[0] | 0, a[1], a[2]),
  getitimer: (vm, a) => getitimer(vm, a[0] | 0, a[1]),
  pause: () => sys({ name: 'pause' }),
  sleep: (_, a) => sleepMs(a[0] * 1000, (_v, r) => (r.errno ? a[0] : 0)),
  usleep: (_, a) => sys({ name: 'nanosleep', ms: Math.ceil(a[0] / 1000) }),
  nanosleep: (vm, a) => userCall(vm, () => ({ name: 'nanosleep', ms: Math.ceil(readTime(vm, a[0], true)) })),
  isatty: (_, a) => (a[0] >= 0 && a[0] <= 2 ? 1 : 0),
  // The model's processes run as root (uid 0), as the oracle was recorded.
  getuid: () => 0,
  geteuid: () => 0,
  getgid: () => 0,
  getegid: () => 0,
  umask: () => 0o022,
};

function writePair(vm: VM, at: number, r: SysResult): number {
  const [x, y] = r.fds ?? [];
  vm.mem.setU32(at, x);
  vm.mem.setU32(at + 4, y);
  return r.ret;
}
