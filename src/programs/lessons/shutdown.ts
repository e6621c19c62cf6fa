/** Lesson 6: shutdown(0/1/2): closing one direction of a connection. */
import { RCV_SHUTDOWN, SEND_SHUTDOWN, type UnixSock } from '../../engine';
import { choiceQuestion, numberQuestion, outcomeText, plural } from './choices';
import { queueWords, sockOf } from './facts';
import { findCall, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun, QuestionSpec } from './types';

const HOWS = ['SHUT_WR', 'SHUT_RD', 'SHUT_RDWR'] as const;
const MESSAGES = ['queued', 'hi', 'last words'];

function params(seed: number) {
  return { how: variant(HOWS, seed), message: variant(MESSAGES, seed, 3) };
}

function source(seed: number): string {
  const { how, message } = params(seed);
  return String.raw`/* shutdown.c: shutdown(sv[0], ${how}) on one end of a socketpair. What still works? */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MESSAGE "${message}"

static void report(const char *what, ssize_t n)
{
    if (n == -1)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %zd\n", what, n);
}

int main(void)
{
    char buf[64];
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) {
        perror("socketpair");
        exit(1);
    }
    write(sv[1], MESSAGE, strlen(MESSAGE));     /* queued for sv[0] */
    shutdown(sv[0], ${how});

    report("read(sv[0])", read(sv[0], buf, sizeof buf));
    report("recv(sv[0])", recv(sv[0], buf, sizeof buf, MSG_DONTWAIT));
    report("send(sv[0])", send(sv[0], "x", 1, MSG_NOSIGNAL));
    report("send(sv[1])", send(sv[1], "y", 1, MSG_NOSIGNAL));
    report("recv(sv[1])", recv(sv[1], buf, sizeof buf, MSG_DONTWAIT));
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;
}

/** Which directions of a socket are shut, in words, from its sk_shutdown. */
function shutWords(name: string, sock: UnixSock | null): string {
  if (!sock) return `${name} is gone`;
  const rd = (sock.shutdown & RCV_SHUTDOWN) !== 0;
  const wr = (sock.shutdown & SEND_SHUTDOWN) !== 0;
  const state =
    rd && wr ? 'both directions shut' : rd ? 'receiving shut' : wr ? 'sending shut' : 'nothing shut';
  return `${name} has ${state}`;
}

/** Both ends' shutdown marks just before step `at`. */
function marks(run: LessonRun, at: number): string {
  const k = run.kernelAt(at - 1);
  const pid = stepAt(run, at).pid;
  const socket = findCall(run, { call: 'socketpair' });
  const fds = socket ? (stepAt(run, socket).result?.fds ?? []) : [];
  return `${shutWords('sv[0]', sockOf(k, pid, fds[0]))} and ${shutWords('sv[1]', sockOf(k, pid, fds[1]))}`;
}

const how = (run: LessonRun) => params(run.seed).how;

/** A question about one of the calls after the shutdown. */
function after(q: {
  id: string;
  call: 'recv' | 'send';
  nth: number;
  text: string;
  wrong: string[];
  why: (right: string) => string;
}): QuestionSpec {
  return {
    id: q.id,
    at: (run) => findCall(run, { call: q.call, nth: q.nth }),
    ask: (run, at) => {
      const right = outcomeText(stepAt(run, at).result!);
      return choiceQuestion({
        prompt: `After shutdown(sv[0], ${how(run)}), what will ${q.text} return?`,
        right,
        wrong: q.wrong,
        seed: run.seed,
        salt: `shutdown/${q.id}`,
        explain: `Look at the two sockets' shutdown marks: ${marks(run, at)}. ${q.why(right)}`,
      });
    },
  };
}

export const shutdown: Lesson = {
  id: 'shutdown',
  title: 'shutdown(): closing one direction',
  summary:
    'shutdown(fd, SHUT_WR) ends what this end sends: the peer reads 0 once the queue is empty. SHUT_RD ends what it receives, and stops the peer from sending. SHUT_RDWR does both. Queued data can still be read.',
  narration: [
    'A connection carries data both ways, and shutdown() can close either way on its own, without closing the socket. The kernel marks the socket (RCV_SHUTDOWN, SEND_SHUTDOWN) and marks the peer the opposite way.',
    'One process holds both ends of a socketpair, so it can try every direction. The peer has queued a message for sv[0] before the shutdown: watch whether it can still be read, and which later calls fail with EPIPE.',
  ],
  scenario: (seed) =>
    cScenario('shutdown(): closing one direction', { 'shutdown.c': source(seed) }, [['main', 'shutdown.c']]),
  questions: [
    {
      id: 'queued',
      at: (run) => findCall(run, { call: 'read', where: (c) => 'fd' in c && c.fd > 2 }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const sock = s.call && 'fd' in s.call ? sockOf(run.kernelAt(at - 1), s.pid, s.call.fd) : null;
        return numberQuestion(
          `After shutdown(sv[0], ${how(run)}), how many bytes will read(sv[0], buf, sizeof buf) return?`,
          s.result?.ret ?? -1,
          `shutdown() does not throw queued data away. Look at sv[0]'s receive queue: ${sock ? queueWords(sock) : 'nothing'}, so read() returns ${plural(s.result?.ret ?? 0, 'byte')}.`,
        );
      },
    },
    after({
      id: 'own-recv',
      call: 'recv',
      nth: 1,
      text: 'recv(sv[0], buf, sizeof buf, MSG_DONTWAIT)',
      wrong: ['0', '-1 EAGAIN', '-1 EPIPE', '-1 ENOTCONN'],
      why: (right) =>
        right === '0'
          ? 'The queue is empty and sv[0] will receive nothing more, so recv() reports end of file: 0.'
          : 'The queue is empty but sv[0] can still receive (its peer may send more), so a recv() that must not wait fails with EAGAIN.',
    }),
    after({
      id: 'own-send',
      call: 'send',
      nth: 1,
      text: 'send(sv[0], "x", 1, MSG_NOSIGNAL)',
      wrong: ['1', '-1 EPIPE', '-1 ENOTCONN', '-1 ECONNRESET', '0'],
      why: (right) =>
        right === '-1 EPIPE'
          ? 'sv[0] may not send any more: EPIPE (MSG_NOSIGNAL spares it the SIGPIPE).'
          : 'SHUT_RD closes only the receiving side, so sv[0] can still send: the byte is queued for sv[1].',
    }),
    after({
      id: 'peer-send',
      call: 'send',
      nth: 2,
      text: 'send(sv[1], "y", 1, MSG_NOSIGNAL)',
      wrong: ['1', '-1 EPIPE', '-1 ENOTCONN', '-1 ECONNRESET', '0'],
      why: (right) =>
        right === '-1 EPIPE'
          ? 'sv[0] will receive nothing more, and the kernel marked sv[1] so that it can send nothing: EPIPE.'
          : 'sv[0] still receives, so the byte is queued on its receive queue.',
    }),
  ],
};
