/** Lesson 7: the concurrent server: fork after accept, and who closes what. */
import { capitalize, choiceQuestion, numberQuestion, plural } from './choices';
import { fileOf, holdersOf, holderWords, sockOf } from './facts';
import { findCall, findCalls, onFd, onSocketFd, resultStep, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

const PATH = '/tmp/fork.sock';
const WORDS = ['apple', 'kiwi', 'banana', 'fig', 'cherry', 'plum'];
const SERVER = 'server';
const CHILD = 'server child';

function params(seed: number) {
  const clients = variant([2, 3], seed);
  const words = Array.from({ length: clients }, (_, i) => WORDS[(seed + i * 2) % WORDS.length]);
  const asked = 1 + (Math.floor(seed / 2) % clients);
  return { clients, words, asked };
}

function server(clients: number): string {
  return `/* fork_server.c: accept, fork, and let the child serve the connection. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "${PATH}"
#define CLIENTS ${clients}

static void serve(int c)
{
    char buf[64];
    ssize_t n;

    while ((n = read(c, buf, sizeof buf)) > 0)
        write(c, buf, n);               /* echo until the client shuts down */
}

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    int s, c, i;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    listen(s, 5);
    for (i = 0; i < CLIENTS; i++) {
        c = accept(s, NULL, NULL);
        if (fork() == 0) {              /* the child serves this client only */
            close(s);                   /* it never accepts */
            serve(c);
            close(c);
            exit(0);
        }
        close(c);                       /* the parent's copy: the child has its own */
    }
    while (wait(NULL) > 0)
        ;
    close(s);
    unlink(PATH);
    return 0;
}
`;
}

const CLIENT = String.raw`/* fork_client.c: send argv[1], read the echo, then wait for end of file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"

int main(int argc, char *argv[])
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    const char *word = argc > 1 ? argv[1] : "hello";
    char buf[64];
    ssize_t n;
    int fd;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    write(fd, word, strlen(word));
    shutdown(fd, SHUT_WR);              /* that was all: the server's child reads 0 */
    n = read(fd, buf, sizeof buf);
    printf("%s: echo \"%.*s\"\n", word, (int)n, buf);
    n = read(fd, buf, sizeof buf);      /* 0 once every copy of the connection is closed */
    printf("%s: read returned %zd\n", word, n);
    close(fd);
    return 0;
}
`;

const clientName = (i: number) => `client ${i}`;

/** The server's nth fork, and the connection fd it copied. */
function nthFork(run: LessonRun, n: number) {
  const at = findCall(run, { proc: SERVER, call: 'fork', nth: n });
  const accept = findCalls(run, { proc: SERVER, call: 'accept' })[n - 1];
  return { at, conn: accept?.result?.ret ?? -1 };
}

export const concurrent: Lesson = {
  id: 'concurrent',
  title: 'A concurrent server: fork after accept',
  summary:
    'The server accepts a connection and forks; the child serves it while the parent goes back to accept(). fork() copies the fd table, so each side closes the descriptor it does not need: the child the listener, the parent the connection.',
  narration: [
    'After fork() the parent and the child hold the same open files: the listener and the new connection, each referred to by two descriptors. Watch the reference counts in the diagram.',
    'The child closes the listener and the parent closes the connection. Nothing is torn down by those closes, because the other process still holds each one. A connection ends only when its last descriptor is closed, which is why the client reads 0 only after the child has closed its copy.',
  ],
  scenario: (seed) => {
    const { clients, words } = params(seed);
    const procs: [string, string, ...string[]][] = [[SERVER, 'fork_server.c']];
    for (const [i, w] of words.entries()) procs.push([clientName(i + 1), 'fork_client.c', w]);
    return cScenario(
      'A concurrent server: fork after accept',
      { 'fork_server.c': server(clients), 'fork_client.c': CLIENT },
      procs,
    );
  },
  questions: [
    {
      id: 'after-fork',
      at: (run) => nthFork(run, params(run.seed).asked).at,
      ask: (run, at) => {
        const { conn } = nthFork(run, params(run.seed).asked);
        const k = run.kernelAt(at);
        const pid = stepAt(run, at).pid;
        const file = fileOf(k, pid, conn);
        const holders = file ? holdersOf(k, file) : [];
        return numberQuestion(
          `The server has accepted a connection as fd ${conn} and calls fork(). How many descriptors will refer to that connection afterwards?`,
          holders.length,
          `fork() copies the fd table, not the files: look at the connection's open file, now referred to by ${holderWords(run.names, holders)}. Closing one of them will not end the connection.`,
        );
      },
    },
    {
      id: 'child-closes-listener',
      at: (run) => {
        const listen = findCall(run, { proc: SERVER, call: 'listen' });
        const fd = listen ? stepAt(run, listen).call : null;
        if (!fd || !('fd' in fd)) return null;
        return findCall(run, { proc: CHILD, call: 'close', where: onFd(fd.fd), nth: params(run.seed).asked });
      },
      ask: (run, at) => {
        const s = stepAt(run, at);
        const fd = s.call && 'fd' in s.call ? s.call.fd : -1;
        const before = run.kernelAt(at - 1);
        const listener = sockOf(before, s.pid, fd);
        const id = listener?.id ?? -1;
        const after = run.kernelAt(at);
        const still = after.socks.get(id);
        const listening = still !== undefined && !still.dead && still.state === 'TCP_LISTEN';
        const holders = still?.file ? holdersOf(after, still.file) : [];
        const keeps = 'nothing: the server still holds it, and it keeps listening';
        return choiceQuestion({
          prompt: `A server child calls close(${fd}), its copy of the listening socket. What happens to the listener?`,
          right: listening ? keeps : 'it is closed: new clients get ECONNREFUSED',
          wrong: [
            keeps,
            'it is closed: new clients get ECONNREFUSED',
            'its pending connections are reset',
            `${PATH} is removed`,
          ],
          seed: run.seed,
          salt: 'concurrent/child-closes-listener',
          explain: `close() drops one descriptor; the socket is released only with the last one. After this step the listener's open file is still referred to by ${holderWords(run.names, holders)}.`,
        });
      },
    },
    {
      id: 'echo',
      at: (run) =>
        findCall(run, { proc: clientName(params(run.seed).asked), call: 'read', where: onSocketFd }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const word = params(run.seed).words[params(run.seed).asked - 1];
        return numberQuestion(
          `${capitalize(clientName(params(run.seed).asked))} sent "${word}". How many bytes will its first read() return?`,
          s.result?.ret ?? -1,
          `The server's child read "${word}" (${plural(word.length, 'byte')}) and wrote back exactly what it read, so that many bytes wait on the client's receive queue.`,
        );
      },
    },
    {
      id: 'eof',
      at: (run) =>
        findCall(run, { proc: clientName(params(run.seed).asked), call: 'read', where: onSocketFd, nth: 2 }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const done = resultStep(run, at);
        const r = done.result!;
        const k = run.kernelAt(at - 1);
        const fd = s.call && 'fd' in s.call ? s.call.fd : -1;
        const peer = sockOf(k, s.pid, fd)?.peer ?? null;
        const holders = peer?.file ? holdersOf(k, peer.file) : [];
        const eof = '0: end of file';
        const right = r.errno ? `-1 ${r.errno}` : r.ret === 0 ? eof : String(r.ret);
        return choiceQuestion({
          prompt: `${capitalize(clientName(params(run.seed).asked))} reads again after the echo. What will read() return?`,
          right,
          wrong: [eof, 'nothing: it blocks forever', '-1 ECONNRESET', '-1 EPIPE'],
          seed: run.seed,
          salt: 'concurrent/eof',
          explain: `End of file comes when the other end's socket is released, that is when its last descriptor closes. Before this read, the server side of the connection is held by ${holders.length === 0 ? 'no descriptor at all (the parent closed its copy after fork, the child when it finished)' : holderWords(run.names, holders)}.${done !== s ? ' The read waits until then.' : ''}`,
        });
      },
    },
  ],
};
