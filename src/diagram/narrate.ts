/**
 * Narration: for every step, one or two plain sentences saying what the kernel did and why,
 * with the manual page that explains it. Built from the call, its result and the kernel
 * events of the step, so it is true of this run, not of the call in general.
 */
import {
  backlogCapacity,
  binaryToText,
  fromUtf8,
  type Kernel,
  type KernelEvent,
  type StepRecord,
  type Syscall,
  signalName,
} from '../engine';
import { decodeSockaddr } from './sockaddr';

/** A manual page reference. */
export interface ManRef {
  /** "accept(2)" */
  title: string;
  url: string;
}

/** What a step's narration says. */
export interface Narration {
  text: string;
  man: ManRef | null;
}

const SECTION: Record<string, string> = { unix: '7', signal: '7', socket: '7' };

/** The man7.org page of a call or topic: accept(2), unix(7), signal(7). */
export function manPage(name: string, section = SECTION[name] ?? '2'): ManRef {
  return {
    title: `${name}(${section})`,
    url: `https://man7.org/linux/man-pages/man${section}/${name}.${section}.html`,
  };
}

const MAN_OF: Record<string, string> = {
  recv: 'recv',
  recvfrom: 'recv',
  recvmsg: 'recv',
  send: 'send',
  sendto: 'send',
  sendmsg: 'send',
  accept4: 'accept',
  dup2: 'dup',
  dup3: 'dup',
  waitpid: 'wait',
  nanosleep: 'nanosleep',
  sigaction: 'sigaction',
};

function has(events: KernelEvent[], type: KernelEvent['type']): boolean {
  return events.some((e) => e.type === type);
}

function bytesWord(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}

function quoted(data: Uint8Array | undefined): string {
  if (!data || data.length === 0) return '';
  const t = fromUtf8(data.subarray(0, 40)).replace(/\n/g, '\\n');
  return ` ("${t}${data.length > 40 ? '...' : ''}")`;
}

function pathOf(c: Syscall): string {
  if ('addr' in c && c.addr) {
    const a = decodeSockaddr(c.addr, c.addrlen);
    if (a) return a;
  }
  if ('path' in c) return binaryToText(c.path);
  return 'that name';
}

/** Why a call failed, in words, for the errors a learner meets. */
function explainError(c: Syscall, errno: string, k: Kernel): string {
  const path = pathOf(c);
  switch (errno) {
    case 'ENOENT':
      return `nothing exists at ${path}: no server has bound that name.`;
    case 'ECONNREFUSED':
      if (c.name === 'connect' && k.config.profile === '4.3bsd')
        return `${path} exists, but its socket is not listening or its queue of pending connections is full: 4.3BSD refuses at once, where Linux would make the client wait.`;
      return c.name === 'connect' || c.name === 'sendto'
        ? `${path} exists, but no socket is listening on it (the socket file stays after its socket closes).`
        : 'the other side refused.';
    case 'EPROTOTYPE':
      return `the socket bound at ${path} is of another type; a socket can only connect to one of its own type.`;
    case 'EADDRINUSE':
      return `${path} already exists. A socket file stays after close() until someone calls unlink().`;
    case 'EPIPE':
      return 'the other end is closed (or shut for reading), so nobody can ever read these bytes.';
    case 'ECONNRESET':
      return 'the peer closed the connection while data it had not read was still queued, so the kernel reset it.';
    case 'EAGAIN':
      return 'the call would have to wait, and the socket is nonblocking.';
    case 'EINVAL':
      return c.name === 'listen'
        ? 'the socket has no name yet; bind() it first.'
        : 'the socket is not in a state that allows this call.';
    case 'ENOTCONN':
      return 'the socket is not connected.';
    case 'EISCONN':
      return 'the socket is already connected.';
    case 'EBADF':
      return 'that descriptor is not open.';
    case 'ENOTSOCK':
      return 'that descriptor is not a socket.';
    case 'ECHILD':
      return 'there is no child to wait for.';
    default:
      return k ? `the kernel returned ${errno}.` : '';
  }
}

/** The narration of one step. `names` maps pids to process names. */
export function narrate(step: StepRecord, k: Kernel, names: Map<number, string>): Narration {
  const who = names.get(step.pid) ?? `process ${step.pid}`;
  const ev = step.events;
  if (step.kind === 'time') {
    return {
      text: 'No process can run. Simulated time jumps ahead to when the next timeout or sleep ends.',
      man: null,
    };
  }
  if (step.kind === 'local' && step.outcome === 'killed') {
    const d = ev.find((e) => e.type === 'signal.delivered');
    const sig = d && d.type === 'signal.delivered' ? d.signal : 'a signal';
    return {
      text: `${who} faults in user space: ${step.note ?? 'a bad memory access'}. The kernel sends it ${sig}, whose default action kills it; its descriptors are closed.`,
      man: manPage('signal', '7'),
    };
  }
  if (step.kind === 'local')
    return {
      text: step.note
        ? `${who} runs in user space: ${step.note}.`
        : `${who} runs this line in its own memory. It makes no system call, so the kernel does not change.`,
      man: null,
    };
  const c = step.call as Syscall;
  const r = step.result;
  const man = manPage(
    MAN_OF[c.name] ?? (c.name === 'exit' ? 'exit' : c.name),
    c.name === 'exit' ? '3' : undefined,
  );
  if (step.outcome === 'blocked') {
    const why: Record<string, string> = {
      accept: 'no connection is waiting in the backlog, so it sleeps until a client connects.',
      connect:
        "the listener's backlog is full, so it sleeps until the server accepts a connection and frees a slot.",
      read: 'the receive queue is empty, so it sleeps until data arrives or the other end closes.',
      recv: 'the receive queue is empty, so it sleeps until data arrives or the other end closes.',
      recvfrom: 'no datagram is queued, so it sleeps until one arrives.',
      recvmsg: 'nothing is queued, so it sleeps until a message arrives.',
      write: 'the send buffer is full, so it sleeps until the reader drains it.',
      waitpid: 'no child has exited yet, so it sleeps until one does.',
      nanosleep: 'it sleeps for a while.',
      poll: 'no descriptor is ready, so it sleeps.',
    };
    return { text: `${who} calls ${c.name}(): ${why[c.name] ?? 'it has to wait, so it sleeps.'}`, man };
  }
  if (!r) return { text: `${who} calls ${c.name}().`, man };
  const resumed = step.resumed ? ' (it had been asleep and was woken)' : '';
  if (r.restart) {
    return {
      text: `A signal arrived while ${who} slept in ${c.name}(). Its handler runs first; because the handler was installed with SA_RESTART, ${c.name}() then starts again instead of failing with EINTR.`,
      man: manPage('signal', '7'),
    };
  }
  if (r.errno) {
    let text = `${c.name}() failed with ${r.errno}${resumed}: ${explainError(c, r.errno, k)}`;
    if (step.outcome === 'killed') {
      const sig = ev.find((e) => e.type === 'signal.delivered');
      text += ` The kernel also sent ${sig && sig.type === 'signal.delivered' ? sig.signal : 'a signal'}, whose default action killed ${who}.`;
    }
    return { text, man: r.errno === 'EPIPE' ? manPage('signal') : man };
  }
  switch (c.name) {
    case 'socket':
      return {
        text: `socket() made an unnamed socket and gave ${who} the lowest free descriptor, fd ${r.ret}.`,
        man,
      };
    case 'socketpair':
      return {
        text: `socketpair() made two sockets already connected to each other, fd ${r.fds?.[0]} and fd ${r.fds?.[1]}. No name is needed.`,
        man,
      };
    case 'bind': {
      const bound = ev.find((e) => e.type === 'sock.bound');
      if (bound && bound.type === 'sock.bound' && bound.kind === 'path') {
        return {
          text: `bind() named the socket ${binaryToText(bound.name)} and created a socket file there. The file stays after close() until unlink().`,
          man: manPage('unix'),
        };
      }
      return {
        text: 'bind() gave the socket a name in the abstract namespace: no file is created.',
        man: manPage('unix'),
      };
    }
    case 'listen': {
      const l = ev.find((e) => e.type === 'sock.listening');
      const n = l && l.type === 'sock.listening' ? l.backlog : 0;
      return {
        text:
          k.config.profile === '4.3bsd'
            ? `listen() made fd ${c.fd} a listening socket. 4.3BSD caps the backlog at 5 and lets 3/2 of it plus one wait, so with ${n} up to ${backlogCapacity(k.config, n)} connections can wait for accept().`
            : `listen() made fd ${c.fd} a listening socket. With a backlog of ${n}, up to ${n + 1} connections can wait for accept().`,
        man,
      };
    }
    case 'connect':
      if (has(ev, 'conn.queued')) {
        return {
          text: `connect() queued a connection in the listener's backlog${resumed}. The connection already works; the server picks it up with accept().`,
          man,
        };
      }
      return { text: "connect() set this datagram socket's default destination.", man };
    case 'accept':
    case 'accept4':
      return {
        text: `accept() took the oldest pending connection off the backlog${resumed} and gave it a new socket and a new descriptor, fd ${r.ret}.`,
        man,
      };
    case 'read':
    case 'recv':
    case 'recvfrom':
    case 'recvmsg': {
      if (has(ev, 'skb.peeked') && !has(ev, 'skb.consumed')) {
        return {
          text: `${c.name}(MSG_PEEK) copied ${bytesWord(r.ret)}${quoted(r.data)} but left them in the queue: the next read gets them again.`,
          man,
        };
      }
      if (r.ret === 0 && !has(ev, 'skb.consumed')) {
        return {
          text: `${c.name}() returned 0${resumed}: end of file. The other end closed (or shut down its writing side) and nothing is left to read.`,
          man,
        };
      }
      const consumed = ev.filter((e) => e.type === 'skb.consumed').length;
      const truncated = ev.some((e) => e.type === 'skb.truncated');
      let text = `${c.name}() took ${bytesWord(r.ret)}${quoted(r.data)} from the receive queue${resumed}.`;
      if (consumed > 1)
        text += ` The bytes came from ${consumed} separate writes: a stream does not keep write boundaries.`;
      if (truncated)
        text +=
          ' The buffer was smaller than the datagram, so the rest of the message was discarded (MSG_TRUNC).';
      const fds = r.cmsgs?.find((m) => m.type === 'SCM_RIGHTS');
      if (fds && fds.type === 'SCM_RIGHTS')
        text += ` A descriptor came with it: fd ${fds.fds.join(', ')}, sharing the sender's open file.`;
      return { text, man };
    }
    case 'write':
    case 'send':
    case 'sendto':
    case 'sendmsg': {
      const q = ev.filter((e) => e.type === 'skb.queued');
      const where = q.length > 0 ? "in the peer's receive queue" : 'nowhere';
      let text = `${c.name}() put ${bytesWord(r.ret)}${quoted(c.data)} ${where}${resumed}.`;
      if (has(ev, 'proc.woken')) text += ' That woke a process waiting for data.';
      if (c.name === 'sendmsg' && c.rights?.length)
        text += ` fd ${c.rights.join(', ')} travels with it (SCM_RIGHTS): the open file stays alive while in flight.`;
      return { text, man };
    }
    case 'shutdown': {
      const how = ['SHUT_RD', 'SHUT_WR', 'SHUT_RDWR'][c.how] ?? String(c.how);
      const effect =
        c.how === 1
          ? 'the peer will read the data already queued, then 0 (end of file); this side can still read.'
          : c.how === 0
            ? "reads return 0 after the queued data, and the peer's writes now fail with EPIPE."
            : 'both directions are closed, but the descriptor stays open.';
      return { text: `shutdown(${how}): ${effect}`, man };
    }
    case 'close': {
      if (has(ev, 'sock.released')) {
        const reset = has(ev, 'sock.errorSet');
        const pending = has(ev, 'conn.reset');
        let text = 'close() dropped the last reference, so the kernel released the socket.';
        if (pending) text += ' Connections still waiting in its backlog were reset.';
        else if (reset) text += ' Data was left unread, so the peer will see ECONNRESET.';
        else if (has(ev, 'sock.shutdown'))
          text += ' The peer will read 0 (end of file) after any queued data.';
        return { text, man };
      }
      if (has(ev, 'file.released')) return { text: `close() closed fd ${c.fd}.`, man };
      return {
        text: `close() removed fd ${c.fd} from ${who}'s table, but the open file stays: another descriptor still refers to it.`,
        man,
      };
    }
    case 'fork':
      return {
        text: `fork() copied ${who}: the child (pid ${r.ret}) gets a copy of every descriptor, sharing the same open files, so their reference counts went up.`,
        man,
      };
    case 'exit': {
      const released = ev.filter((e) => e.type === 'sock.released').length;
      return {
        text: `${who} exited. The kernel closed all its descriptors, as close() would${released ? `, releasing ${released} socket${released > 1 ? 's' : ''}` : ''}.`,
        man,
      };
    }
    case 'waitpid': {
      const st = r.status;
      const how = st
        ? 'exited' in st
          ? `exited with status ${st.exited}`
          : `was killed by ${st.signaled}`
        : 'ended';
      return { text: `waitpid() reaped child ${r.ret}, which ${how}${resumed}.`, man };
    }
    case 'unlink':
      return {
        text: `unlink() removed the name ${binaryToText(c.path)}. A socket bound there keeps working, but nobody can connect to it by that name any more.`,
        man,
      };
    case 'sigaction':
      return {
        text: `${who} set ${signalName(c.sig)} to ${c.handler === 'ignore' ? 'be ignored' : c.handler === 'default' ? 'its default action' : 'run a handler'}.`,
        man,
      };
    case 'nanosleep':
      return { text: `${who}'s sleep ended.`, man };
    case 'sigreturn':
      return {
        text: `${who}'s signal handler returned: rt_sigreturn() put back the signal mask of the moment the signal arrived, and the interrupted code goes on.`,
        man: manPage('sigreturn', '2'),
      };
    default:
      return { text: `${c.name}() returned ${r.ret}${resumed}.`, man };
  }
}
