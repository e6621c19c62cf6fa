/**
 * signal() and sigaction(): the handler's address is kept in the C library's state and the
 * kernel is told whether the signal is defaulted, ignored or handled (and with SA_RESTART).
 * glibc's signal() installs handlers with SA_RESTART (BSD semantics). Signal sets are the
 * 128-byte sigset_t.
 */

import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { userCall } from './user';
import { rt, setErrno } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

const SIG_DFL = 0;
const SIG_IGN = 1;
const SA_RESTART = 0x10000000;
const SA_NODEFER = 0x40000000;
const SA_RESETHAND = 0x80000000;
const SA_NOCLDWAIT = 2;
const SIGSET_BYTES = 128;

function install(
  vm: VM,
  sig: number,
  handler: number,
  flags: number,
  mask: number[],
  cont: (vm: VM, old: number, oldFlags: number, oldMask: number[]) => NativeResult,
): NativeResult {
  const kind = handler === SIG_DFL ? 'default' : handler === SIG_IGN ? 'ignore' : 'handler';
  return userCall(
    vm,
    () => ({
      name: 'sigaction',
      sig,
      handler: kind,
      restart: (flags & SA_RESTART) !== 0,
      mask,
      nodefer: (flags & SA_NODEFER) !== 0,
      resethand: (flags & SA_RESETHAND) >>> 0 !== 0,
      nocldwait: (flags & SA_NOCLDWAIT) !== 0,
    }),
    (v, r) => {
      const state = rt(v);
      const old = state.handlers[sig] ?? SIG_DFL;
      const oldFlags = state.flags[sig] ?? 0;
      const oldMask = state.masks[sig] ?? [];
      if (r.ret < 0) return r.ret;
      state.handlers[sig] = handler;
      state.flags[sig] = flags;
      state.masks[sig] = mask;
      return cont(v, old, oldFlags, oldMask);
    },
  );
}

function setBit(vm: VM, set: number, sig: number, on: boolean): number {
  if (sig < 1 || sig > 64) {
    setErrno(vm, 'EINVAL');
    return -1;
  }
  const at = set + ((sig - 1) >> 3);
  const bit = 1 << ((sig - 1) & 7);
  vm.mem.setU8(at, on ? vm.mem.u8(at) | bit : vm.mem.u8(at) & ~bit);
  return 0;
}

function readSet(vm: VM, set: number): number[] {
  const out: number[] = [];
  for (let sig = 1; sig <= 64; sig++)
    if ((vm.mem.u8(set + ((sig - 1) >> 3)) >> ((sig - 1) & 7)) & 1) out.push(sig);
  return out;
}

function writeSet(vm: VM, set: number, sigs: number[]): void {
  vm.mem.fill(set, 0, SIGSET_BYTES);
  for (const sig of sigs) setBit(vm, set, sig, true);
}

/** The signal natives. */
export const SIGNALS: Natives = {
  // On failure the system call wrapper returns -1 with errno set: SIG_ERR, as 64-bit values are held in two's complement.
  signal: (vm, a) => install(vm, a[0], a[1], SA_RESTART, [], (_v, old) => old),
  sigaction: (vm, a) => {
    const [sig, act, oldact] = a;
    const writeOld = (v: VM, old: number, oldFlags: number, oldMask: number[]): number => {
      if (oldact) {
        v.mem.fill(oldact, 0, 152);
        v.mem.setU64(oldact, old);
        writeSet(v, oldact + 8, oldMask);
        v.mem.setU32(oldact + 136, oldFlags);
      }
      return 0;
    };
    if (!act) {
      const state = rt(vm);
      return writeOld(vm, state.handlers[sig] ?? SIG_DFL, state.flags[sig] ?? 0, state.masks[sig] ?? []);
    }
    return install(vm, sig, vm.mem.u64(act), vm.mem.i32(act + 136), readSet(vm, act + 8), writeOld);
  },
  sigprocmask: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'sigprocmask', how: a[0], set: a[1] ? readSet(vm, a[1]) : null }),
      (v, r) => {
        if (a[2]) writeSet(v, a[2], r.mask ?? []);
        return r.ret;
      },
    ),
  sigpending: (vm, a) =>
    userCall(
      vm,
      () => ({ name: 'sigpending' }),
      (v, r) => {
        writeSet(v, a[0], r.mask ?? []);
        return r.ret;
      },
    ),
  sigsuspend: (vm, a) => userCall(vm, () => ({ name: 'sigsuspend', mask: readSet(vm, a[0]) })),
  sigemptyset: (vm, a) => {
    vm.mem.fill(a[0], 0, SIGSET_BYTES);
    return 0;
  },
  sigfillset: (vm, a) => {
    vm.mem.fill(a[0], 0xff, SIGSET_BYTES);
    return 0;
  },
  sigaddset: (vm, a) => setBit(vm, a[0], a[1], true),
  sigdelset: (vm, a) => setBit(vm, a[0], a[1], false),
  sigismember: (vm, a) =>
    a[1] >= 1 && a[1] <= 64 ? (vm.mem.u8(a[0] + ((a[1] - 1) >> 3)) >> ((a[1] - 1) & 7)) & 1 : -1,
};
