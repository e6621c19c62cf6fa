/** Short scenarios, one idea each. */
import * as S from '../script/dsl';
import type { Scenario } from './types';

const serverAccepting = (path: string, ...after: ReturnType<typeof S.close>[]) => [
  S.socket('s'),
  S.bind('s', path),
  S.listen('s', 5),
  S.accept('s', 'c'),
  ...after,
];

/** MSG_PEEK shows bytes without taking them; the next read gets them again. */
export const peek: Scenario = {
  id: 'peek',
  title: 'Peeking with MSG_PEEK',
  summary:
    'recv(..., MSG_PEEK) copies bytes but leaves them queued; the read() after it returns the same bytes and more.',
  processes: [
    {
      name: 'server',
      lines: serverAccepting(
        '/tmp/peek.sock',
        S.recv('c', 'buf', 5, 'n', true),
        S.read('c', 'buf', 64, 'n'),
        S.close('c'),
        S.close('s'),
        S.exit(0),
      ),
    },
    {
      name: 'client',
      lines: [
        S.socket('fd'),
        S.connect('fd', '/tmp/peek.sock'),
        S.write('fd', 'hello world'),
        S.close('fd'),
        S.exit(0),
      ],
    },
  ],
};

/** shutdown(SHUT_WR): the peer reads EOF, yet can still answer. */
export const halfClose: Scenario = {
  id: 'half-close',
  title: 'Half-close with shutdown()',
  summary:
    'The client sends its request and shuts down its writing side. The server reads the request, then 0 (end of file), and still sends its reply.',
  processes: [
    {
      name: 'server',
      lines: serverAccepting(
        '/tmp/half.sock',
        S.read('c', 'req', 64, 'n'),
        S.read('c', 'buf', 64, 'n'),
        S.write('c', 'reply'),
        S.close('c'),
        S.close('s'),
        S.exit(0),
      ),
    },
    {
      name: 'client',
      lines: [
        S.socket('fd'),
        S.connect('fd', '/tmp/half.sock'),
        S.write('fd', 'request'),
        S.shutdown('fd', 'SHUT_WR'),
        S.read('fd', 'buf', 64, 'n'),
        S.read('fd', 'buf', 64, 'n'),
        S.close('fd'),
        S.exit(0),
      ],
    },
  ],
};

/** Writing to a connection whose other end closed: EPIPE, and SIGPIPE ends the writer. */
export const brokenPipe: Scenario = {
  id: 'broken-pipe',
  title: 'A broken pipe: EPIPE and SIGPIPE',
  summary:
    "The server closes the connection at once. The client's write() fails with EPIPE and the kernel sends SIGPIPE, whose default action kills the client.",
  processes: [
    { name: 'server', lines: serverAccepting('/tmp/pipe.sock', S.close('c'), S.close('s'), S.exit(0)) },
    {
      name: 'client',
      lines: [
        S.socket('fd'),
        S.connect('fd', '/tmp/pipe.sock'),
        S.read('fd', 'buf', 64, 'n'),
        S.write('fd', 'anyone there?'),
        S.close('fd'),
        S.exit(0),
      ],
    },
  ],
};

/** Closing with unread data resets the connection: the peer reads ECONNRESET. */
export const unreadClose: Scenario = {
  id: 'unread-close',
  title: 'Closing with unread data: ECONNRESET',
  summary:
    "The server closes without reading what the client sent. Because data was left unread, the client's next read fails with ECONNRESET, and the read after that returns 0.",
  processes: [
    {
      name: 'server',
      lines: serverAccepting(
        '/tmp/reset.sock',
        S.read('c', 'buf', 1, 'n'),
        S.close('c'),
        S.close('s'),
        S.exit(0),
      ),
    },
    {
      name: 'client',
      lines: [
        S.socket('fd'),
        S.connect('fd', '/tmp/reset.sock'),
        S.write('fd', 'xy: only x gets read'),
        S.read('fd', 'buf', 64, 'n'),
        S.read('fd', 'buf', 64, 'n'),
        S.close('fd'),
        S.exit(0),
      ],
    },
  ],
};

/** Datagrams keep their boundaries (and are cut to the buffer); a stream merges writes. */
export const datagram: Scenario = {
  id: 'datagram',
  title: 'Datagrams keep boundaries, streams merge writes',
  summary:
    'The same three writes go down a stream and a datagram socketpair. One stream read returns them merged; each datagram read returns one message, and a small buffer truncates one.',
  processes: [
    {
      name: 'reader',
      lines: [
        S.socketpair('st', 'stream'),
        S.socketpair('dg', 'dgram'),
        S.fork('pid'),
        S.ifChild('pid', 'child'),
        S.close('st1'),
        S.close('dg1'),
        S.waitpid('pid'),
        S.read('st0', 'buf', 64, 'n'),
        S.read('dg0', 'buf', 64, 'n'),
        S.read('dg0', 'buf', 64, 'n'),
        S.read('dg0', 'buf', 4, 'n'),
        S.exit(0),
        S.label('child', '/* writer */'),
        S.write('st1', 'one'),
        S.write('st1', 'two'),
        S.write('st1', 'three'),
        S.write('dg1', 'one'),
        S.write('dg1', 'two'),
        S.write('dg1', 'three'),
        S.exit(0),
      ],
    },
  ],
};

/** A socketpair shared by fork: parent and child talk over the two ends. */
export const socketpairFork: Scenario = {
  id: 'socketpair-fork',
  title: 'socketpair() and fork()',
  summary:
    'socketpair() makes two connected sockets; after fork() each process closes one end and they talk over the other. No name is needed.',
  processes: [
    {
      name: 'parent',
      lines: [
        S.socketpair('sv'),
        S.fork('pid'),
        S.ifChild('pid', 'child'),
        S.close('sv1'),
        S.read('sv0', 'buf', 64, 'n'),
        S.write('sv0', 'hi child'),
        S.waitpid('pid'),
        S.close('sv0'),
        S.exit(0),
        S.label('child', '/* child */'),
        S.close('sv0'),
        S.write('sv1', 'hi parent'),
        S.read('sv1', 'buf', 64, 'n'),
        S.close('sv1'),
        S.exit(0),
      ],
    },
  ],
};

/** The three ways connect() fails. */
export const connectErrors: Scenario = {
  id: 'connect-errors',
  title: 'Why connect() fails',
  summary:
    'connect() to a path that does not exist gives ENOENT; to a socket nobody listens on gives ECONNREFUSED; to a socket of another type gives EPROTOTYPE.',
  processes: [
    {
      name: 'client',
      lines: [
        S.socket('fd'),
        S.connect('fd', '/tmp/nobody.sock', 'r'),
        S.socket('quiet'),
        S.bind('quiet', '/tmp/quiet.sock'),
        S.connect('fd', '/tmp/quiet.sock', 'r'),
        S.socket('dg', 'dgram'),
        S.bind('dg', '/tmp/dgram.sock'),
        S.connect('fd', '/tmp/dgram.sock', 'r'),
        S.exit(0),
      ],
    },
  ],
};

/** A socket file outlives its socket: binding the same path again fails until unlink. */
export const bindTwice: Scenario = {
  id: 'bind-twice',
  title: 'bind() twice: EADDRINUSE until unlink()',
  summary:
    'bind() creates a socket file that stays after close(). Binding the path again gives EADDRINUSE; after unlink() it works.',
  processes: [
    {
      name: 'server',
      lines: [
        S.socket('s'),
        S.bind('s', '/tmp/srv.sock'),
        S.close('s'),
        S.socket('s'),
        S.bind('s', '/tmp/srv.sock'),
        S.unlink('/tmp/srv.sock'),
        S.bind('s', '/tmp/srv.sock'),
        S.close('s'),
        S.exit(0),
      ],
    },
  ],
};

/** Passing a descriptor with SCM_RIGHTS. */
export const fdPassing: Scenario = {
  id: 'fd-passing',
  title: 'Passing a descriptor (SCM_RIGHTS)',
  summary:
    'The parent sends one end of a socketpair to its child in a control message. The child gets a new fd for the same open file, and writes through it.',
  processes: [
    {
      name: 'parent',
      lines: [
        S.socketpair('ctl'),
        S.socketpair('data'),
        S.fork('pid'),
        S.ifChild('pid', 'child'),
        S.close('ctl1'),
        S.sendFd('ctl0', 'fd', 'data1'),
        S.close('data1'),
        S.read('data0', 'buf', 64, 'n'),
        S.waitpid('pid'),
        S.exit(0),
        S.label('child', '/* child */'),
        S.close('ctl0'),
        S.close('data0'),
        S.close('data1'),
        S.recvFd('ctl1', 'passed'),
        S.write('passed', 'hello through a passed fd'),
        S.exit(0),
      ],
    },
  ],
};
