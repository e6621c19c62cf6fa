/**
 * tmpnam(3): a name "/tmp/fileXXXXXX" that does not exist yet, as glibc's __gen_tempname with
 * __GT_NOCREATE makes it: six letters or digits, tried until lstat says ENOENT (at most
 * 62^3 tries, then NULL). glibc draws the letters from the clock and the pid; the model, which
 * has neither randomness nor wall time, draws them from the pid and a count of the calls, so
 * names differ from Linux's (which differ from run to run anyway) but never collide.
 */
import type { SysResult } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { rt, staticBytes } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ATTEMPTS = 62 * 62 * 62;

/** The n-th candidate name for a process. */
function candidate(pid: number, n: number): string {
  // A multiplicative hash spreads consecutive (pid, n) over the 62^6 names.
  let v = (pid * 2654435761 + n * 40503 + 12345) % 56800235584;
  let out = '';
  for (let i = 0; i < 6; i++) {
    out += LETTERS[v % 62];
    v = Math.floor(v / 62);
  }
  return `/tmp/file${out}`;
}

function tryName(_vm: VM, buf: number, pid: number, n: number, tries: number): NativeResult {
  if (tries >= ATTEMPTS) return 0;
  const name = candidate(pid, n);
  return {
    syscall: { name: 'stat', path: name },
    cont: (v: VM, r: SysResult) => {
      if (r.errno !== 'ENOENT') return tryName(v, buf, pid, n + 1, tries + 1);
      const at = buf !== 0 ? buf : staticBytes(v, 'tmpnam', new Uint8Array(19));
      v.mem.write(at, new TextEncoder().encode(name));
      v.mem.setU8(at + name.length, 0);
      return at;
    },
  };
}

export const TMPNAM: Natives = {
  tmpnam: (_vm, a) => ({
    syscall: { name: 'getpid' },
    cont: (v: VM, r: SysResult) => tryName(v, a[0], r.ret, rt(v).tmpnamCalls++, 0),
  }),
};
