/** Lesson 5: closing: close(), end of file, EPIPE and SIGPIPE, ECONNRESET. */
import { choiceQuestion, numberQuestion, plural } from './choices';
import { queueWords, sockOf } from './facts';
import { findCall, onSocketFd, procOf, resultStep, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

type Policy = 'default' | 'ignore' | 'nosignal';
const REQUESTS = ['hello?', 'PING 1', 'status please'];

/** The seed's parameters: who talks, how much the closer reads, and how the talker treats SIGPIPE. */
function params(seed: number) {
  const parentTalks = variant([true, false], seed);
  const request = variant(REQUESTS, seed, 12);
  const readsAll = variant([false, true], seed, 2);
  const take = readsAll ? 64 : variant([2, 4], seed, 36);
  const policy = variant<Policy>(['default', 'ignore', 'nosignal'], seed, 4);
  return { parentTalks, request, take, policy };
}

function source(seed: number): string {
  const { parentTalks, request, take, policy } = params(seed);
  const ignore =
    policy === 'ignore'
      ? '    signal(SIGPIPE, SIG_IGN);           /* a failed write returns EPIPE instead */\n'
      : '';
  const more =
    policy === 'nosignal'
      ? '    if (send(fd, "more", 4, MSG_NOSIGNAL) == -1)   /* no SIGPIPE for this call */\n        perror("talker: send");\n'
      : '    if (write(fd, "more", 4) == -1)     /* the other end is gone */\n        perror("talker: write");\n';
  const [childRole, parentRole] = parentTalks ? ['closer', 'talker'] : ['talker', 'closer'];
  return String.raw`/* closing.c: one end closes early. What does the other end see? */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define REQUEST "${request}"
#define TAKE ${take}                      /* how much of the request the closer reads */

static void closer(int fd)
{
    char buf[64];
    ssize_t n;

    n = read(fd, buf, TAKE);
    printf("closer: read %zd of %d bytes, then closes\n", n, (int)strlen(REQUEST));
    close(fd);
}

static void talker(int fd)
{
    char buf[64];
    ssize_t n;

${ignore}    write(fd, REQUEST, strlen(REQUEST));
    n = read(fd, buf, sizeof buf);      /* waits until the closer acts */
    if (n == -1)
        perror("talker: read");
    else
        printf("talker: read returned %zd\n", n);
    n = read(fd, buf, sizeof buf);
    printf("talker: read returned %zd\n", n);
${more}    printf("talker: still alive\n");
}

int main(void)
{
    int sv[2], status;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) {
        perror("socketpair");
        exit(1);
    }
    pid = fork();
    if (pid == 0) {
        close(sv[0]);
        ${childRole}(sv[1]);
        exit(0);
    }
    close(sv[1]);
    ${parentRole}(sv[0]);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("parent: the child was killed by signal %d\n", WTERMSIG(status));
    return 0;
}
`;
}

const PARENT = 'main';
const CHILD = 'main child';
const roles = (seed: number) =>
  params(seed).parentTalks ? { talker: PARENT, closer: CHILD } : { talker: CHILD, closer: PARENT };
const who = (name: string) => (name === PARENT ? 'the parent' : 'the child');

/** The talker's second write or send on the socket: the one after the closer has gone. */
const lateWrite = (run: LessonRun) =>
  findCall(run, { proc: roles(run.seed).talker, call: ['write', 'send'], where: onSocketFd, nth: 2 });

export const closing: Lesson = {
  id: 'closing',
  title: 'Closing: EOF, ECONNRESET, EPIPE and SIGPIPE',
  summary:
    'When one end of a connection closes, the other reads end of file (0), or ECONNRESET once if the closer left data unread. Writing to it fails with EPIPE, and SIGPIPE kills the writer unless it ignores the signal or passes MSG_NOSIGNAL.',
  narration: [
    'Parent and child share a socketpair. The talker sends a request; the closer reads some of it and closes its end.',
    "Watch the closer's receive queue when it closes. If bytes are still there, the kernel marks the talker's socket with ECONNRESET; if not, the talker just reads 0. Either way its socket is shut down, and a write to it fails with EPIPE: the kernel also sends SIGPIPE to the writer, whose default action ends the process.",
  ],
  scenario: (seed) =>
    cScenario('Closing: EOF, ECONNRESET, EPIPE and SIGPIPE', { 'closing.c': source(seed) }, [
      ['main', 'closing.c'],
    ]),
  questions: [
    {
      id: 'closer-read',
      at: (run) => findCall(run, { proc: roles(run.seed).closer, call: 'read', where: onSocketFd }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const sock = s.call && 'fd' in s.call ? sockOf(run.kernelAt(at - 1), s.pid, s.call.fd) : null;
        const len = s.call?.name === 'read' ? s.call.len : 0;
        return numberQuestion(
          `The closer calls read(fd, buf, ${len}). How many bytes will it return?`,
          s.result?.ret ?? -1,
          `Look at the closer's receive queue: ${sock ? queueWords(sock) : 'nothing'}. read() takes at most ${plural(len, 'byte')} and leaves the rest queued.`,
        );
      },
    },
    {
      id: 'talker-read',
      at: (run) => findCall(run, { proc: roles(run.seed).talker, call: 'read', where: onSocketFd }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const r = s.result!;
        const sock = s.call && 'fd' in s.call ? sockOf(run.kernelAt(at - 1), s.pid, s.call.fd) : null;
        const why =
          sock?.err === 'ECONNRESET'
            ? "The closer closed with unread bytes on its own receive queue, so the kernel set ECONNRESET as a pending error on the talker's socket: look at its error mark. read() reports it once; the next read returns 0."
            : "The closer read every byte before it closed, so nothing was lost: the talker's socket is shut down for reading and its queue is empty, so read() returns 0, end of file.";
        return choiceQuestion({
          prompt: "The closer has closed its end. What will the talker's read() return?",
          right: r.errno ? `-1 ${r.errno}` : r.ret === 0 ? '0 (end of file)' : String(r.ret),
          wrong: ['0 (end of file)', '-1 ECONNRESET', '-1 EPIPE', '-1 ECONNREFUSED', '-1 ENOTCONN'],
          seed: run.seed,
          salt: 'closing/talker-read',
          explain: why,
        });
      },
    },
    {
      id: 'sigpipe',
      at: lateWrite,
      ask: (run, at) => {
        const done = resultStep(run, at);
        const killed = done.events.find(
          (e) => e.type === 'signal.delivered' && e.signal === 'SIGPIPE' && e.action === 'terminate',
        );
        const nobody = 'nobody';
        const right =
          killed && killed.type === 'signal.delivered' ? who(run.names.get(killed.pid) ?? '') : nobody;
        const { policy } = params(run.seed);
        const writer = who(procOf(run, done));
        const how =
          policy === 'default'
            ? `${writer} left SIGPIPE at its default action, which ends the process`
            : policy === 'ignore'
              ? `${writer} set SIGPIPE to SIG_IGN, so the signal is thrown away and write() just returns -1 EPIPE`
              : `${writer} passed MSG_NOSIGNAL, so no signal is sent and send() just returns -1 EPIPE`;
        return choiceQuestion({
          prompt: `The talker writes again. Who will be killed by SIGPIPE?`,
          right,
          wrong: ['the parent', 'the child', nobody],
          seed: run.seed,
          salt: 'closing/sigpipe',
          explain: `The closer's end is gone, so the write fails with EPIPE, and the kernel sends SIGPIPE to the process that wrote (never to the one that closed). Here ${how}.`,
        });
      },
    },
  ],
};
