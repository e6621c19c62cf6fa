/** Lesson 4: moving data: read/write, send/recv, a stream merges writes, MSG_PEEK. */
import { fromUtf8 } from '../../engine';
import { choiceQuestion, numberQuestion, plural } from './choices';
import { queueWords, sockOf } from './facts';
import { findCall, findCalls, onSocketFd, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

/** The two messages, in the order they are written (the seed may swap them). */
const PAIRS: [string, string][] = [
  ['hello', 'world'],
  ['GET /', 'index.html'],
  ['ping', 'pong!'],
  ['abc', 'defghij'],
];

function params(seed: number) {
  const pair = variant(PAIRS, seed);
  const [first, second] = variant([false, true], seed, 4) ? [pair[1], pair[0]] : pair;
  const peek = variant([8, 3, 12], seed, 8);
  const buf = variant([64, 6, 8], seed, 24);
  return { first, second, peek, buf };
}

function source(seed: number): string {
  const { first, second, peek, buf } = params(seed);
  return String.raw`/* data.c: two writes into a stream, a peek, then reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIRST "${first}"
#define SECOND "${second}"
#define PEEK ${peek}

int main(void)
{
    char head[PEEK], buf[${buf}];
    ssize_t n;
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) {
        perror("socketpair");
        exit(1);
    }
    if (fork() == 0) {                  /* the child writes twice and leaves */
        close(sv[0]);
        write(sv[1], FIRST, strlen(FIRST));
        send(sv[1], SECOND, strlen(SECOND), 0);   /* send() is write() with flags */
        exit(0);
    }
    close(sv[1]);
    wait(NULL);                         /* both writes are queued now */

    n = recv(sv[0], head, sizeof head, MSG_PEEK);  /* look, but leave the bytes queued */
    printf("peeked %zd bytes: \"%.*s\"\n", n, (int)n, head);
    while ((n = read(sv[0], buf, sizeof buf)) > 0)
        printf("read %zd bytes: \"%.*s\"\n", n, (int)n, buf);
    printf("read returned %zd: end of file\n", n);
    return 0;
}
`;
}

/** The reading end's socket just before step `at`. */
const readerAt = (run: LessonRun, at: number) => {
  const s = stepAt(run, at);
  return s.call && 'fd' in s.call ? sockOf(run.kernelAt(at - 1), s.pid, s.call.fd) : null;
};

const parentReads = (run: LessonRun) => findCalls(run, { proc: 'main', call: 'read', where: onSocketFd });
const quote = (text: string) => `"${text}"`;

export const data: Lesson = {
  id: 'data',
  title: 'Data: read, write, send, recv and MSG_PEEK',
  summary:
    'A stream socket keeps bytes, not messages: two writes queue two skbs, and one read takes bytes across them, up to the size of its buffer. recv(MSG_PEEK) copies bytes without taking them.',
  narration: [
    'The child writes two messages into its end of a socketpair and exits; the parent waits, so both are on its receive queue before it reads. Each write is one skb in the queue.',
    'Watch the skbs. A peek copies bytes and leaves them where they are. A read takes as many bytes as its buffer holds, from as many skbs as it needs: a stream keeps no boundaries between writes.',
  ],
  scenario: (seed) =>
    cScenario('Data: read, write, send, recv and MSG_PEEK', { 'data.c': source(seed) }, [['main', 'data.c']]),
  questions: [
    {
      id: 'peek',
      at: (run) => findCall(run, { proc: 'main', call: 'recv' }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const sock = readerAt(run, at);
        const len = s.call?.name === 'recv' ? s.call.len : 0;
        return numberQuestion(
          `How many bytes will recv(sv[0], head, ${len}, MSG_PEEK) return?`,
          s.result?.ret ?? -1,
          `Look at sv[0]'s receive queue: ${sock ? queueWords(sock) : 'nothing'}. A peek copies up to ${plural(len, 'byte')}, across the boundary between the two writes if it must, and leaves every byte queued.`,
        );
      },
    },
    {
      id: 'first-read',
      at: (run) => parentReads(run)[0]?.index ?? null,
      ask: (run, at) => {
        const s = stepAt(run, at);
        const got = fromUtf8(s.result?.data ?? new Uint8Array());
        const writes = findCalls(run, { proc: 'main child', call: ['write', 'send'], where: onSocketFd }).map(
          (w) => (w.call && 'data' in w.call ? fromUtf8(w.call.data) : ''),
        );
        const all = writes.join('');
        const peeked = fromUtf8(
          stepAt(run, findCall(run, { proc: 'main', call: 'recv' }) ?? at).result?.data ?? new Uint8Array(),
        );
        const len = s.call?.name === 'read' ? s.call.len : 0;
        const sock = readerAt(run, at);
        return choiceQuestion({
          prompt: `The peek showed ${quote(peeked)}. What will read(sv[0], buf, ${len}) put in buf?`,
          right: quote(got),
          wrong: [
            ...writes.map(quote),
            quote(all),
            quote(all.slice(peeked.length, peeked.length + len)),
            quote(all.slice(0, len)),
          ],
          seed: run.seed,
          salt: 'data/first-read',
          explain: `The peek took nothing: sv[0]'s receive queue still has ${sock ? queueWords(sock) : 'nothing'}. A stream read takes bytes from the front, across skbs, until its ${len}-byte buffer is full or the queue is empty, so it returns ${plural(got.length, 'byte')}.`,
        });
      },
    },
    {
      id: 'reads-with-data',
      at: (run) => parentReads(run)[0]?.index ?? null,
      ask: (run, at) => {
        const reads = parentReads(run);
        const withData = reads.filter((r) => (r.result?.ret ?? 0) > 0).length;
        const len = reads[0].call?.name === 'read' ? reads[0].call.len : 0;
        const sock = readerAt(run, at);
        return numberQuestion(
          `The loop reads with a ${len}-byte buffer until read() returns 0. How many reads will return data?`,
          withData,
          `Look at sv[0]'s receive queue: ${sock ? queueWords(sock) : 'nothing'}. Each read takes up to ${plural(len, 'byte')}, regardless of where one write ended and the next began. Once the queue is empty, read() returns 0 because the child has exited and closed its end.`,
        );
      },
    },
  ],
};
