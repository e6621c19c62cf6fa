/**
 * Translating the calls on descriptors and paths of a trace: close, dup, fcntl, ioctl, poll and
 * select, pipes, and the file system calls (unlink, rename, mkdir, mknod, stat). The dispatch is
 * in translate.ts.
 */
import type { Syscall } from '../../engine';
import type { SReturn, SValue } from '../strace/types';
import { field, items, num, pathArg, timeoutMs } from './decode';
import type { RecordedCall, Translation } from './translate';

function fdSet(v: SValue | undefined): number[] {
  return items(v).map((x) => num(x) ?? -1);
}

/** Reads `in [5], out [3]` from select's result. */
function readySets(ret: SReturn): { read: number[]; write: number[]; except: number[] } {
  const sets = { read: [] as number[], write: [] as number[], except: [] as number[] };
  const extra = ret.extra ?? '';
  for (const m of extra.matchAll(/\b(in|out|except) \[([^\]]*)\]/g)) {
    const fds = m[2].trim() === '' ? [] : m[2].trim().split(/\s+/).map(Number);
    sets[m[1] === 'in' ? 'read' : m[1] === 'out' ? 'write' : 'except'] = fds;
  }
  return sets;
}

/** Translates a call on descriptors or paths, or returns undefined when the call is not one (see translate()). */
export function translateFiles(c: RecordedCall): Translation | null | undefined {
  const { name, args, ret, fd } = c;
  const e = c.expect;
  const t = c.text;
  switch (name) {
    case 'close':
      return { kind: 'sys', call: { name: 'close', fd }, expect: e, text: t };
    case 'close_range':
      return { kind: 'closeRange', first: num(args[0]) ?? 0, last: Math.min(num(args[1]) ?? 0, 1 << 20) };
    case 'dup':
      return { kind: 'sys', call: { name: 'dup', fd }, expect: e, text: t };
    case 'dup2':
      return { kind: 'sys', call: { name: 'dup2', fd, newfd: num(args[1]) ?? -1 }, expect: e, text: t };
    case 'dup3':
      return {
        kind: 'sys',
        call: { name: 'dup3', fd, newfd: num(args[1]) ?? -1, flags: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'fcntl':
    case 'fcntl64': {
      const cmd = num(args[1]) ?? -1;
      if (cmd === 3) e.retMask = 0o4000 | 0o2000 | 3;
      if (cmd !== 0 && cmd > 4 && cmd !== 1030) return { kind: 'other', fds: [], label: 'fcntl' };
      // Status flags of files the model holds as opaque (what openat opened) are not known: only a
      // socket's F_GETFL/F_SETFL is modelled. Descriptor flags and F_DUPFD are, for every file.
      const call: Syscall = { name: 'fcntl', fd, cmd, arg: num(args[2]) ?? 0 };
      return cmd === 3 || cmd === 4
        ? { kind: 'sys', call, expect: e, text: t, gate: fd }
        : { kind: 'sys', call, expect: e, text: t };
    }
    case 'ioctl': {
      const request = num(args[1]);
      if (request === undefined) return { kind: 'other', fds: [], label: 'ioctl' };
      if (!e.errno && request !== 0x5421) e.value = num(args[2]);
      return {
        kind: 'sys',
        call: { name: 'ioctl', fd, request, arg: num(args[2]) },
        expect: e,
        text: t,
        gate: fd,
      };
    }
    case 'poll':
    case 'ppoll': {
      const fds = items(args[0]).map((p) => ({
        fd: num(field(p, 'fd')) ?? -1,
        events: num(field(p, 'events')) ?? 0,
      }));
      const timeout = name === 'poll' ? (num(args[2]) ?? -1) : (timeoutMs(args[2]) ?? -1);
      if (!e.errno && e.ret !== null) {
        const got = new Map<number, number>();
        if (ret.extraValue?.kind === 'array') {
          for (const r of ret.extraValue.items)
            got.set(num(field(r, 'fd')) ?? -2, num(field(r, 'revents')) ?? 0);
        }
        e.revents = fds.map((p) => got.get(p.fd) ?? 0);
      }
      return { kind: 'sys', call: { name: 'poll', fds, timeoutMs: timeout }, expect: e, text: t };
    }
    case 'select':
    case 'pselect6': {
      const nfds = num(args[0]) ?? 0;
      if (!e.errno && e.ret !== null) e.ready = readySets(ret);
      const tm = timeoutMs(args[4]);
      return {
        kind: 'sys',
        call: {
          name: 'select',
          nfds,
          read: fdSet(args[1]),
          write: fdSet(args[2]),
          except: fdSet(args[3]),
          timeoutMs: tm,
        },
        expect: e,
        text: t,
      };
    }
    case 'unlink':
    case 'rmdir':
    case 'chdir':
      return { kind: 'sys', call: { name, path: pathArg(args[0]) ?? '' }, expect: e, text: t };
    case 'unlinkat': {
      const path = pathArg(args[1]) ?? '';
      const dir = ((num(args[2]) ?? 0) & 0x200) !== 0;
      if ((num(args[0]) ?? -100) !== -100 && !path.startsWith('/'))
        return { kind: 'other', fds: [], label: name };
      return { kind: 'sys', call: { name: dir ? 'rmdir' : 'unlink', path }, expect: e, text: t };
    }
    case 'rename':
      return {
        kind: 'sys',
        call: { name: 'rename', from: pathArg(args[0]) ?? '', to: pathArg(args[1]) ?? '' },
        expect: e,
        text: t,
      };
    case 'renameat':
    case 'renameat2':
      return {
        kind: 'sys',
        call: { name: 'rename', from: pathArg(args[1]) ?? '', to: pathArg(args[3]) ?? '' },
        expect: e,
        text: t,
      };
    case 'mkdir':
      return {
        kind: 'sys',
        call: { name: 'mkdir', path: pathArg(args[0]) ?? '', mode: num(args[1]) ?? 0o777 },
        expect: e,
        text: t,
      };
    case 'mkdirat':
      return {
        kind: 'sys',
        call: { name: 'mkdir', path: pathArg(args[1]) ?? '', mode: num(args[2]) ?? 0o777 },
        expect: e,
        text: t,
      };
    case 'mknod':
      return {
        kind: 'sys',
        call: { name: 'mknod', path: pathArg(args[0]) ?? '', mode: num(args[1]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'mknodat':
      return {
        kind: 'sys',
        call: { name: 'mknod', path: pathArg(args[1]) ?? '', mode: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'stat':
    case 'lstat':
    case 'newfstatat':
    case 'fstat': {
      const isF = name === 'fstat' || (name === 'newfstatat' && pathArg(args[1]) === '');
      const st = isF ? (name === 'fstat' ? args[1] : args[2]) : name === 'newfstatat' ? args[2] : args[1];
      const mode = num(field(st, 'st_mode'));
      if (!e.errno && mode !== undefined) e.stat = { mode };
      if (isF) return { kind: 'sys', call: { name: 'fstat', fd }, expect: e, text: t, gate: fd };
      const path = pathArg(name === 'newfstatat' ? args[1] : args[0]) ?? '';
      return { kind: 'sys', call: { name: 'stat', path }, expect: e, text: t };
    }
    case 'pipe':
    case 'pipe2':
      if (!e.errno) e.fds = items(args[0]).map((x) => num(x) ?? -1);
      return { kind: 'sys', call: { name: 'pipe', flags: num(args[1]) ?? 0 }, expect: e, text: t };
    default:
      return undefined;
  }
}
