/** Lesson 8: datagrams: no connection, message boundaries, truncation, the sender's address. */
import { fromUtf8, type SkBuff } from '../../engine';
import { choiceQuestion, numberQuestion, plural } from './choices';
import { sockOf } from './facts';
import { findCalls, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

const PATH = '/tmp/dgram.sock';
const SELF = '/tmp/sender.sock';
const SETS: string[][] = [
  ['ping', 'hello, receiver', 'this one will not fit in the buffer'],
  ['one', 'two', 'three'],
  ['short', 'a datagram of 24 bytes..', 'mid-sized text'],
];

function params(seed: number) {
  return {
    messages: variant(SETS, seed),
    buf: variant([16, 8, 32], seed, 3),
    bound: variant([true, false], seed, 9),
  };
}

function receiver(count: number, buf: number): string {
  return String.raw`/* receiver.c: receive datagrams on a bound socket and say who sent each one. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"
#define COUNT ${count}

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    struct sockaddr_un from;
    socklen_t len;
    char buf[${buf}];
    ssize_t n;
    int fd, i;

    fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    for (i = 0; i < COUNT; i++) {
        len = sizeof from;
        n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
        if (n == -1) {
            perror("recvfrom");
            break;
        }
        if (len > sizeof(sa_family_t))  /* the sender has a name */
            printf("%zd bytes from %s: \"%.*s\"\n", n, from.sun_path, (int)n, buf);
        else
            printf("%zd bytes from an unnamed socket: \"%.*s\"\n", n, (int)n, buf);
    }
    close(fd);
    unlink(PATH);
    return 0;
}
`;
}

function sender(messages: string[], bound: boolean): string {
  const list = messages.map((m) => `    "${m}",`).join('\n');
  const me = bound ? `    struct sockaddr_un me = { .sun_family = AF_UNIX, .sun_path = SELF };\n` : '';
  const bind = bound
    ? '    if (bind(fd, (struct sockaddr *)&me, sizeof me) == -1)   /* a name the receiver can see */\n        perror("bind");\n'
    : '';
  return `/* sender.c: send datagrams to receiver.c without connecting. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"
${bound ? `#define SELF "${SELF}"\n` : ''}
static const char *messages[] = {
${list}
};

int main(void)
{
    struct sockaddr_un to = { .sun_family = AF_UNIX, .sun_path = PATH };
${me}    size_t i;
    int fd;

    fd = socket(AF_UNIX, SOCK_DGRAM, 0);
${bind}    for (i = 0; i < sizeof messages / sizeof messages[0]; i++)
        if (sendto(fd, messages[i], strlen(messages[i]), 0, (struct sockaddr *)&to, sizeof to) == -1)
            perror("sendto");
    close(fd);
${bound ? '    unlink(SELF);\n' : ''}    return 0;
}
`;
}

const recvs = (run: LessonRun) => findCalls(run, { proc: 'receiver', call: 'recvfrom' });
const ordinal = (n: number) => ['first', 'second', 'third', 'fourth'][n - 1] ?? `${n}th`;

/** The receiving socket's queue before step `at`: the datagrams waiting, oldest first. */
function queueBefore(run: LessonRun, at: number): SkBuff[] {
  const s = stepAt(run, at);
  const fd = s.call && 'fd' in s.call ? s.call.fd : -1;
  return sockOf(run.kernelAt(at - 1), s.pid, fd)?.receiveQueue ?? [];
}

const sizes = (q: SkBuff[]) => {
  const n = q.map((skb) => String(skb.data.length));
  return n.length < 2 ? n.join('') : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
};

/** The index of the longest message after the first (the one a small buffer cuts first). */
const longest = (messages: string[]) =>
  messages.reduce((best, m, i) => (i > 0 && m.length > messages[best].length ? i : best), 1);
/** The read the sender question is about: neither the first nor the longest. */
const other = (messages: string[]) => [1, 2].find((i) => i !== longest(messages)) ?? 1;

export const datagrams: Lesson = {
  id: 'datagrams',
  title: 'Datagrams: messages without a connection',
  summary:
    "A datagram socket needs no listen, accept or connect: sendto() names the receiver each time. Each recvfrom() returns exactly one datagram, cut to the buffer (the rest is lost), with the sender's address, which is empty when the sender never bound a name.",
  narration: [
    'The receiver binds a name and waits; the sender makes a socket and sends three datagrams to that name. No connection is ever made.',
    "Watch the receiver's queue: one skb per datagram, and each recvfrom() takes exactly one of them. A datagram longer than the buffer is cut, and the rest is thrown away. recvfrom() also reports the sender's name, if it has one.",
  ],
  scenario: (seed) => {
    const { messages, buf, bound } = params(seed);
    return cScenario(
      'Datagrams: messages without a connection',
      { 'receiver.c': receiver(messages.length, buf), 'sender.c': sender(messages, bound) },
      [
        ['receiver', 'receiver.c'],
        ['sender', 'sender.c'],
      ],
    );
  },
  questions: [
    {
      id: 'first',
      at: (run) => recvs(run)[0]?.index ?? null,
      ask: (run, at) => {
        const s = stepAt(run, at);
        const q = queueBefore(run, at);
        const len = s.call?.name === 'recvfrom' ? s.call.len : 0;
        return numberQuestion(
          `How many bytes will the receiver's first recvfrom() return? Its buffer holds ${plural(len, 'byte')}.`,
          s.result?.ret ?? -1,
          `Look at the receiver's queue: ${plural(q.length, 'datagram')} of ${sizes(q)} bytes. A datagram read takes exactly one, the oldest, however much room is left in the buffer, and at most ${plural(len, 'byte')} of it.`,
        );
      },
    },
    {
      id: 'lost',
      at: (run) => recvs(run)[longest(params(run.seed).messages)]?.index ?? null,
      ask: (run, at) => {
        const s = stepAt(run, at);
        const head = queueBefore(run, at)[0];
        const lost = s.events.reduce((n, e) => n + (e.type === 'skb.truncated' ? e.lost : 0), 0);
        const len = s.call?.name === 'recvfrom' ? s.call.len : 0;
        const size = head ? head.data.length : 0;
        const n = longest(params(run.seed).messages) + 1;
        return numberQuestion(
          `The ${ordinal(n)} datagram is ${plural(size, 'byte')} and buf holds ${len}. How many of its bytes will be lost?`,
          lost,
          size > len
            ? `recvfrom() copies ${len} bytes and throws the other ${size - len} away: a datagram is never split across reads (MSG_TRUNC in msg_flags tells the receiver).`
            : `It fits: recvfrom() copies all ${plural(size, 'byte')} and nothing is lost.`,
        );
      },
    },
    {
      id: 'sender',
      at: (run) => recvs(run)[other(params(run.seed).messages)]?.index ?? null,
      ask: (run, at) => {
        const s = stepAt(run, at);
        const head = queueBefore(run, at)[0];
        const r = s.result!;
        const none = 'no address: addrlen is 0';
        const path = r.addrlen && r.addr ? fromUtf8(r.addr.subarray(2)).replace(/\0.*$/s, '') : '';
        const right = r.addrlen ? path : none;
        const name = head?.owner?.addr;
        return choiceQuestion({
          prompt: "What sender address will this recvfrom() report in 'from'?",
          right,
          wrong: [
            SELF,
            none,
            `${PATH} (the receiver's own name)`,
            'an abstract name the kernel chose, like @00001',
          ],
          seed: run.seed,
          salt: 'datagrams/sender',
          explain: name
            ? `Each datagram on the queue remembers the socket that sent it, even after the sender has closed it. That socket is bound to ${name.text}, so its name comes back, and the receiver could reply to it.`
            : 'Each datagram on the queue remembers the socket that sent it. That socket never called bind(), so it has no name: recvfrom() sets addrlen to 0 (not even the 2 bytes of sun_family), and the receiver has no way to reply.',
        });
      },
    },
  ],
};
