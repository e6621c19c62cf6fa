/**
 * One step in words: the call as C would write it and what it returned. "server: accept(3) = 4".
 */
import { escapeBytes, type StepRecord, type Syscall } from '../engine';

function callArgs(c: Syscall): string {
  switch (c.name) {
    case 'read':
    case 'recv':
    case 'recvfrom':
    case 'recvmsg':
      return `${c.fd}, buf, ${c.len}`;
    case 'write':
    case 'send':
    case 'sendto':
    case 'sendmsg':
      return `${c.fd}, "${escapeBytes(c.data, 32)}", ${c.data.length}`;
    case 'exit':
      return `${c.status}`;
    default: {
      const parts: string[] = [];
      for (const [key, v] of Object.entries(c)) {
        if (key === 'name' || v === null || typeof v === 'object') continue;
        parts.push(typeof v === 'string' ? JSON.stringify(v) : String(v));
      }
      return parts.join(', ');
    }
  }
}

/**
 * A step as one line: who, which call, and what it returned (or that it sleeps). `code` is the
 * program's own text for the line, when there is one; it reads better than the raw call.
 */
export function describeStep(s: StepRecord, processName: string, code?: string): string {
  if (s.kind === 'time') return s.note ?? 'time passes';
  if (s.kind === 'local' && s.outcome === 'killed')
    return `${processName}: ${s.note ?? 'fault'}, killed by a signal`;
  if (s.kind === 'local')
    return `${processName}: ${code ? code.replace(/;\s*$/, '') : (s.note ?? 'computes')}`;
  // The handler's return is not the line it returns to: say what it is.
  if (s.call?.name === 'sigreturn') return `${processName}: the signal handler returns (rt_sigreturn)`;
  const call = code ? code.replace(/;\s*$/, '') : s.call ? `${s.call.name}(${callArgs(s.call)})` : '?';
  if (s.outcome === 'blocked') return `${processName}: ${call} sleeps`;
  const r = s.result;
  if (!r || s.kind === 'exit') return `${processName}: ${call}`;
  if (r.restart) return `${processName}: ${call} interrupted by a signal, restarts after the handler`;
  let ret = r.errno ? `-1 ${r.errno}` : `${r.ret}`;
  if (r.data && !r.errno && r.data.length > 0) ret += ` "${escapeBytes(r.data, 32)}"`;
  if (r.fds) ret += ` [${r.fds.join(', ')}]`;
  const killed = s.outcome === 'killed' ? ', and a signal kills the process' : '';
  return `${processName}: ${call} → ${ret}${killed}`;
}
