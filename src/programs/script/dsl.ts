/**
 * Shorthands for writing scenario scripts: each returns a ScriptLine whose text reads like the
 * C a textbook would show and whose call is what that C passes to the kernel.
 */
import {
  AF_UNIX,
  MSG_PEEK,
  SHUT_RD,
  SHUT_RDWR,
  SHUT_WR,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  sockaddrAbstract,
  sockaddrPath,
  utf8,
} from '../../engine';
import type { ScriptLine, Vars } from './script';

export type SockKind = 'stream' | 'dgram' | 'seqpacket';
const TYPE = { stream: SOCK_STREAM, dgram: SOCK_DGRAM, seqpacket: SOCK_SEQPACKET } as const;
const TYPE_NAME = { stream: 'SOCK_STREAM', dgram: 'SOCK_DGRAM', seqpacket: 'SOCK_SEQPACKET' } as const;
const fd = (v: Vars, name: string) => v.n[name] ?? -1;
const quote = (s: string) => JSON.stringify(s).replace(/\\u0000/g, '\\0');

/** An address: a path, or an abstract name written "@name". */
function addr(name: string) {
  return name.startsWith('@') ? sockaddrAbstract(name.slice(1)) : sockaddrPath(name);
}

/** `int fd = socket(AF_UNIX, SOCK_STREAM, 0);` */
export function socket(into: string, kind: SockKind = 'stream'): ScriptLine {
  return {
    code: `int ${into} = socket(AF_UNIX, ${TYPE_NAME[kind]}, 0);`,
    call: () => ({ name: 'socket', domain: AF_UNIX, type: TYPE[kind], protocol: 0 }),
    assign: into,
  };
}

/** `socketpair(AF_UNIX, SOCK_STREAM, 0, sv);` storing sv[0] and sv[1] as `<into>0` and `<into>1`. */
export function socketpair(into: string, kind: SockKind = 'stream'): ScriptLine {
  return {
    code: `socketpair(AF_UNIX, ${TYPE_NAME[kind]}, 0, ${into});`,
    call: () => ({ name: 'socketpair', domain: AF_UNIX, type: TYPE[kind], protocol: 0 }),
    keep: (r, v) => {
      v.n[`${into}0`] = r.fds?.[0] ?? -1;
      v.n[`${into}1`] = r.fds?.[1] ?? -1;
    },
  };
}

/** `bind(fd, &addr, len);` with addr holding a path or "@abstract". */
export function bind(sock: string, name: string): ScriptLine {
  const a = addr(name);
  return { code: `bind(${sock}, ${quote(name)});`, call: (v) => ({ name: 'bind', fd: fd(v, sock), ...a }) };
}

/** `listen(fd, backlog);` */
export function listen(sock: string, backlog: number): ScriptLine {
  return {
    code: `listen(${sock}, ${backlog});`,
    call: (v) => ({ name: 'listen', fd: fd(v, sock), backlog }),
  };
}

/** `int c = accept(fd, NULL, NULL);` */
export function accept(sock: string, into: string): ScriptLine {
  return {
    code: `int ${into} = accept(${sock}, NULL, NULL);`,
    call: (v) => ({ name: 'accept', fd: fd(v, sock), addrlen: null }),
    assign: into,
  };
}

/** `connect(fd, &addr, len);` */
export function connect(sock: string, name: string, assign?: string): ScriptLine {
  const a = addr(name);
  return {
    code: `${assign ? `${assign} = ` : ''}connect(${sock}, ${quote(name)});`,
    call: (v) => ({ name: 'connect', fd: fd(v, sock), ...a }),
    assign,
  };
}

/** `write(fd, "text", n);` */
export function write(sock: string, text: string, assign?: string): ScriptLine {
  const data = utf8(text);
  return {
    code: `${assign ? `${assign} = ` : ''}write(${sock}, ${quote(text)}, ${data.length});`,
    call: (v) => ({ name: 'write', fd: fd(v, sock), data }),
    assign,
  };
}

/** `write(fd, buf, n);` sending what an earlier read stored in `buf`. */
export function writeBack(sock: string, buf: string, count: string): ScriptLine {
  return {
    code: `write(${sock}, ${buf}, ${count});`,
    call: (v) => ({
      name: 'write',
      fd: fd(v, sock),
      data: (v.b[buf] ?? new Uint8Array(0)).slice(0, Math.max(0, v.n[count] ?? 0)),
    }),
  };
}

/** `n = read(fd, buf, size);` keeping the bytes in `buf`. */
export function read(sock: string, buf: string, size: number, into: string): ScriptLine {
  return {
    code: `${into} = read(${sock}, ${buf}, ${size});`,
    call: (v) => ({ name: 'read', fd: fd(v, sock), len: size }),
    assign: into,
    keep: (r, v) => {
      v.b[buf] = r.data ?? new Uint8Array(0);
    },
  };
}

/** `n = recv(fd, buf, size, flags);` (flags: 'MSG_PEEK' or 0). */
export function recv(sock: string, buf: string, size: number, into: string, peek = false): ScriptLine {
  return {
    code: `${into} = recv(${sock}, ${buf}, ${size}, ${peek ? 'MSG_PEEK' : '0'});`,
    call: (v) => ({ name: 'recv', fd: fd(v, sock), len: size, flags: peek ? MSG_PEEK : 0 }),
    assign: into,
    keep: (r, v) => {
      v.b[buf] = r.data ?? new Uint8Array(0);
    },
  };
}

/** `sendto(fd, "text", n, 0, &addr, len);` */
export function sendto(sock: string, text: string, to: string): ScriptLine {
  const data = utf8(text);
  const a = addr(to);
  return {
    code: `sendto(${sock}, ${quote(text)}, ${data.length}, 0, ${quote(to)});`,
    call: (v) => ({ name: 'sendto', fd: fd(v, sock), data, flags: 0, ...a }),
  };
}

/** `n = recvfrom(fd, buf, size, 0, &from, &fromlen);` */
export function recvfrom(sock: string, buf: string, size: number, into: string): ScriptLine {
  return {
    code: `${into} = recvfrom(${sock}, ${buf}, ${size}, 0, &from, &fromlen);`,
    call: (v) => ({ name: 'recvfrom', fd: fd(v, sock), len: size, flags: 0, addrlen: 110 }),
    assign: into,
    keep: (r, v) => {
      v.b[buf] = r.data ?? new Uint8Array(0);
    },
  };
}

/** `sendmsg(fd, &msg, 0);` carrying "text" and descriptor `pass` in SCM_RIGHTS. */
export function sendFd(sock: string, text: string, pass: string): ScriptLine {
  const data = utf8(text);
  return {
    code: `sendmsg(${sock}, &msg /* ${quote(text)} + SCM_RIGHTS {${pass}} */, 0);`,
    call: (v) => ({
      name: 'sendmsg',
      fd: fd(v, sock),
      data,
      flags: 0,
      addr: null,
      addrlen: 0,
      rights: [fd(v, pass)],
      creds: null,
    }),
  };
}

/** `recvmsg(fd, &msg, 0);` storing the received descriptor in `into`. */
export function recvFd(sock: string, into: string): ScriptLine {
  return {
    code: `recvmsg(${sock}, &msg, 0); ${into} = *(int *)CMSG_DATA(cmsg);`,
    call: (v) => ({ name: 'recvmsg', fd: fd(v, sock), len: 100, flags: 0, namelen: 0, controllen: 24 }),
    keep: (r, v) => {
      const c = r.cmsgs?.find((m) => m.type === 'SCM_RIGHTS');
      v.n[into] = c && c.type === 'SCM_RIGHTS' ? c.fds[0] : -1;
    },
  };
}

/** `shutdown(fd, SHUT_WR);` */
export function shutdown(sock: string, how: 'SHUT_RD' | 'SHUT_WR' | 'SHUT_RDWR'): ScriptLine {
  const h = how === 'SHUT_RD' ? SHUT_RD : how === 'SHUT_WR' ? SHUT_WR : SHUT_RDWR;
  return { code: `shutdown(${sock}, ${how});`, call: (v) => ({ name: 'shutdown', fd: fd(v, sock), how: h }) };
}

/** `close(fd);` */
export function close(sock: string): ScriptLine {
  return { code: `close(${sock});`, call: (v) => ({ name: 'close', fd: fd(v, sock) }) };
}

/** `unlink("path");` */
export function unlink(path: string): ScriptLine {
  return { code: `unlink(${quote(path)});`, call: () => ({ name: 'unlink', path }) };
}

/** `pid_t pid = fork();` */
export function fork(into: string): ScriptLine {
  return { code: `pid_t ${into} = fork();`, call: () => ({ name: 'fork' }), assign: into };
}

/** `if (pid == 0) goto child;` written as C's `if (pid == 0) {`. */
export function ifChild(pidVar: string, label: string): ScriptLine {
  return { code: `if (${pidVar} == 0) {`, jump: { when: (v) => v.n[pidVar] === 0, to: label } };
}

/** `if (n <= 0) break;` style jump when a count is at most zero. */
export function ifDone(countVar: string, label: string): ScriptLine {
  return {
    code: `if (${countVar} <= 0) break;`,
    jump: { when: (v) => (v.n[countVar] ?? 0) <= 0, to: label },
  };
}

/** `signal(SIGPIPE, SIG_IGN);` */
export function ignore(sig: number, name: string): ScriptLine {
  return {
    code: `signal(${name}, SIG_IGN);`,
    call: () => ({ name: 'sigaction', sig, handler: 'ignore', restart: false }),
  };
}

/** `waitpid(pid, &status, 0);` */
export function waitpid(pidVar: string): ScriptLine {
  return {
    code: `waitpid(${pidVar}, &status, 0);`,
    call: (v) => ({ name: 'waitpid', pid: v.n[pidVar] ?? -1, options: 0 }),
  };
}

/** `exit(status);` */
export function exit(status = 0): ScriptLine {
  return { code: `exit(${status});`, exit: status };
}

/** A label line: `}` or a comment, where jumps land. */
export function label(name: string, code = '}'): ScriptLine {
  return { code, label: name };
}

/** A jump back or forward: `goto label;` shown as the loop's closing line. */
export function goto(target: string, code = '}'): ScriptLine {
  return { code, goto: target };
}
