/** Lesson 2: servers: listen() and the backlog, accept(). */
import { capitalize, choiceQuestion, numberQuestion, plural } from './choices';
import { backlogWords, pendingCount, sockOf } from './facts';
import { findCall, findCalls, resultStep, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

const PATH = '/tmp/server.sock';

/** The seed's parameters: the listen backlog, how many clients, and which connect Q1 is about. */
function params(seed: number) {
  const backlog = variant([1, 0, 2], seed);
  const clients = backlog + variant([2, 1], seed, 3);
  const asked = 1 + (Math.floor(seed / 6) % (backlog + 1));
  return { backlog, clients, asked };
}

function server(backlog: number, clients: number): string {
  return String.raw`/* server.c: listen(s, BACKLOG), then accept nobody for a second: who gets in? */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"
#define BACKLOG ${backlog}
#define CLIENTS ${clients}

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char msg[32];
    int s, c, i, len;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    if (listen(s, BACKLOG) == -1) {
        perror("listen");
        exit(1);
    }
    sleep(1);                   /* the clients connect while nobody accepts */
    for (i = 1; i <= CLIENTS; i++) {
        c = accept(s, NULL, NULL);      /* the oldest pending connection */
        if (c == -1) {
            perror("accept");
            exit(1);
        }
        len = snprintf(msg, sizeof msg, "you are number %d\n", i);
        write(c, msg, len);
        close(c);
    }
    close(s);
    unlink(PATH);
    return 0;
}
`;
}

const CLIENT = String.raw`/* client.c: connect to server.c and print its greeting. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"

int main(int argc, char *argv[])
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int fd;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    printf("client %s: connected\n", argc > 1 ? argv[1] : "?");
    n = read(fd, buf, sizeof buf);
    if (n > 0)
        printf("client %s: %.*s", argc > 1 ? argv[1] : "?", (int)n, buf);
    close(fd);
    return 0;
}
`;

const clientName = (i: number) => `client ${i}`;

/** The listening socket, as the kernel holds it after step i. */
function listenerAt(run: LessonRun, i: number) {
  const sock = findCalls(run, { proc: 'server', call: 'socket' })[0];
  return sockOf(run.kernelAt(i), sock.pid, sock.result!.ret);
}

export const servers: Lesson = {
  id: 'servers',
  title: 'Servers: listen() and accept()',
  summary:
    'listen(s, backlog) turns a bound socket into a listener; connections wait on its queue until accept() takes them, oldest first. A backlog of N lets N + 1 connections wait; the next connect() sleeps.',
  narration: [
    'A listening socket keeps a queue of connections nobody has accepted yet. Each connect() puts a new socket (an embryo) on it at once, so a client is connected before the server calls accept().',
    "The queue has room for backlog + 1 connections: the kernel refuses only when the queue length is greater than the backlog. Watch the listener's queue fill while the server sleeps, and watch accept() take the oldest one each time.",
  ],
  scenario: (seed) => {
    const { backlog, clients } = params(seed);
    const procs: [string, string, ...string[]][] = [['server', 'server.c']];
    for (let i = 1; i <= clients; i++) procs.push([clientName(i), 'client.c', String(i)]);
    return cScenario(
      'Servers: listen() and accept()',
      { 'server.c': server(backlog, clients), 'client.c': CLIENT },
      procs,
    );
  },
  questions: [
    {
      id: 'pending',
      at: (run) => findCall(run, { proc: clientName(params(run.seed).asked), call: 'connect' }),
      ask: (run, at) => {
        const listener = listenerAt(run, at);
        const n = listener ? pendingCount(listener) : 0;
        const who = clientName(params(run.seed).asked);
        return numberQuestion(
          `${capitalize(who)} calls connect() while the server sleeps. How many connections will be pending on the listener afterwards?`,
          n,
          `Nobody has called accept() yet, so every connection so far is still on the listener's queue. Look at the listener's queue: ${listener ? backlogWords(listener) : 'it is gone'}, one per connected client.`,
        );
      },
    },
    {
      id: 'last-connect',
      at: (run) =>
        findCall(run, { proc: clientName(params(run.seed).clients), call: 'connect', phase: 'first' }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const { backlog, clients } = params(run.seed);
        const listener = listenerAt(run, at - 1);
        const sleeps = 'it sleeps until the server accepts a connection';
        const right =
          s.outcome === 'blocked'
            ? sleeps
            : s.result?.errno
              ? `-1 ${s.result.errno}`
              : `it returns ${s.result?.ret} at once`;
        const full = listener !== null && pendingCount(listener) > listener.maxAckBacklog;
        return choiceQuestion({
          prompt: `${capitalize(clientName(clients))} calls connect() with listen(s, ${backlog}). What happens?`,
          right,
          wrong: [sleeps, 'it returns 0 at once', '-1 ECONNREFUSED', '-1 EAGAIN'],
          seed: run.seed,
          salt: 'servers/last-connect',
          explain: `A backlog of ${backlog} admits ${backlog + 1} pending ${backlog + 1 === 1 ? 'connection' : 'connections'} (the queue counts as full only when it holds more than the backlog). Look at the listener before this call: ${listener ? backlogWords(listener) : 'it is gone'}. ${full ? 'The queue is full, so a blocking connect() sleeps on the listener until accept() frees a slot; it does not fail.' : 'There is still a free slot, so the connection is queued at once.'}`,
        });
      },
    },
    {
      id: 'after-accept',
      at: (run) => findCall(run, { proc: 'server', call: 'accept' }),
      ask: (run, at) => {
        const listener = listenerAt(run, at);
        const before = listenerAt(run, at - 1);
        const had = before ? pendingCount(before) : 0;
        const woken = resultStep(run, at).events.filter((e) => e.type === 'proc.woken').length;
        return numberQuestion(
          'The server wakes and calls accept() for the first time. How many connections will still be pending after it returns?',
          listener ? pendingCount(listener) : 0,
          `accept() takes exactly one connection, the oldest, off the queue: ${plural(had, 'connection')} were waiting, and now ${listener ? backlogWords(listener) : 'the listener is gone'}.${woken > 0 ? " It also wakes the client sleeping in connect(), but that client's connection joins the queue only when it runs again." : ''}`,
        );
      },
    },
  ],
};
