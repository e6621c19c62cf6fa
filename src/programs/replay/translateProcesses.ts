/**
 * Translating the process and signal calls of a trace: waitpid, setpgid, kill and sigaction are
 * modelled; fork, clone, execve and exit come back as their own kinds, for the replayer to apply.
 * The dispatch is in translate.ts.
 */

import type { Syscall } from '../../engine';
import { binaryToBytes, bytesToBinary, signalNumber } from '../../engine';
import type { SValue } from '../strace/types';
import { field, isNull, items, num, pathArg, str } from './decode';
import type { RecordedCall, Translation } from './translate';

/** Translates a process or signal call, or returns undefined when the call is not one (see translate()). */
export function translateProcesses(c: RecordedCall): Translation | null | undefined {
  const { name, args } = c;
  const e = c.expect;
  const t = c.text;
  switch (name) {
    case 'wait4':
    case 'waitpid': {
      const status = items(args[1])[0];
      if (!e.errno && status && e.ret !== null && e.ret > 0) {
        const s = status.kind === 'raw' ? status.text : JSON.stringify(status);
        const ex = /WEXITSTATUS\(s\) == (\d+)/.exec(s);
        const sig = /WTERMSIG\(s\) == (SIG[A-Z0-9]+)/.exec(s);
        if (ex) e.status = { exited: Number(ex[1]) };
        else if (sig) e.status = { signaled: sig[1] };
      }
      return {
        kind: 'sys',
        call: { name: 'waitpid', pid: num(args[0]) ?? -1, options: num(args[2]) ?? 0 },
        expect: e,
        text: t,
      };
    }
    case 'setpgid':
      return {
        kind: 'sys',
        call: { name: 'setpgid', pid: num(args[0]) ?? 0, pgid: num(args[1]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'kill':
      return {
        kind: 'sys',
        call: { name: 'kill', pid: num(args[0]) ?? 0, sig: num(args[1]) ?? 0 },
        expect: e,
        text: t,
      };
    case 'rt_sigaction': {
      const sig = num(args[0]) ?? 0;
      const act = args[1];
      if (isNull(act)) return { kind: 'other', fds: [], label: name };
      const h = field(act, 'sa_handler');
      const handler =
        h?.kind === 'ident' && h.text === 'SIG_IGN'
          ? 'ignore'
          : h?.kind === 'ident' && h.text === 'SIG_DFL'
            ? 'default'
            : 'handler';
      const flags = field(act, 'sa_flags');
      const has = (f: string) =>
        flags?.kind === 'flags' ? flags.parts.includes(f) : flags?.kind === 'ident' && flags.text === f;
      const call: Syscall = {
        name: 'sigaction',
        sig,
        handler,
        restart: has('SA_RESTART'),
        mask: signalSet(field(act, 'sa_mask')),
        nodefer: has('SA_NODEFER'),
        resethand: has('SA_RESETHAND'),
        nocldwait: has('SA_NOCLDWAIT'),
      };
      return { kind: 'sys', call, expect: e, text: t };
    }
    case 'rt_sigreturn':
      // A handler returned: the mask comes back. Its return value is the interrupted call's, not compared.
      return { kind: 'sys', call: { name: 'sigreturn' }, expect: { ...e, ret: null, errno: null }, text: t };
    case 'getpid':
    case 'getppid':
      return { kind: 'sys', call: { name }, expect: e, text: t };
    case 'clone':
    case 'clone3': {
      const flags =
        name === 'clone'
          ? field(
              {
                kind: 'struct',
                fields: args.map((a, i) => ({ name: ['child_stack', 'flags'][i], value: a })),
              },
              'flags',
            )
          : field(args[0]?.kind === 'inout' ? args[0].before : args[0], 'flags');
      const parts = flags?.kind === 'flags' ? flags.parts : flags?.kind === 'ident' ? [flags.text] : [];
      return { kind: 'fork', thread: parts.includes('CLONE_THREAD') || parts.includes('CLONE_FILES') };
    }
    case 'fork':
    case 'vfork':
      return { kind: 'fork', thread: false };
    case 'execve':
    case 'execveat': {
      const argv = items(args[name === 'execve' ? 1 : 2]);
      const a0 = str(argv[0]);
      const path = pathArg(args[name === 'execve' ? 0 : 1]) ?? '';
      const base =
        bytesToBinary(a0?.bytes ?? binaryToBytes(path))
          .split('/')
          .pop() ?? path;
      return { kind: 'exec', name: base };
    }
    case 'exit':
    case 'exit_group':
      return { kind: 'exit', code: num(args[0]) ?? 0, group: name === 'exit_group' };
    case 'restart_syscall':
      return { kind: 'restart' };
    default:
      return undefined;
  }
}

/** A signal name as strace prints it in a set ("INT", "RTMIN", "RT_1") as its number. */
function signalOf(name: string): number | undefined {
  if (name === 'RTMIN') return 34;
  const rt = /^RT_(\d+)$/.exec(name);
  if (rt) return 34 + Number(rt[1]);
  return signalNumber(`SIG${name}`) ?? signalNumber(name);
}

/** A sigset as strace prints it: "[]", "[INT TERM]", or "~[KILL STOP]" (every signal but those). */
function signalSet(v: SValue | undefined): number[] {
  const text = v?.kind === 'raw' ? v.text : null;
  const names =
    v?.kind === 'array'
      ? v.items.map((i) => (i.kind === 'ident' ? i.text : ''))
      : (text?.replace(/^~?\[|\]$/g, '').split(/\s+/) ?? []);
  const listed = names.map(signalOf).filter((n): n is number => n !== undefined);
  if (!text?.startsWith('~')) return listed;
  return Array.from({ length: 64 }, (_, i) => i + 1).filter((s) => !listed.includes(s));
}
