/** Lesson 9: socketpair() and passing descriptors with SCM_RIGHTS. */
import { FD_PASSING_HELPERS } from '../scenarios/c/fdPassing';
import { numberQuestion, plural } from './choices';
import { holdersOf, holderWords, inFlight, lowestFree, openFds, openWords, sockOf } from './facts';
import { findCall, onFd, resultStep, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

const MESSAGES = ['hello through a passed fd', 'sent on a borrowed socket', 'hi'];
const PARENT = 'parent';
const CHILD = 'parent child';

function params(seed: number) {
  return {
    /** The child closes ctl[0] before it receives (else after). */
    childClosesFirst: variant([true, false], seed),
    /** The parent closes ctl[1] before it makes the data pair (else after). */
    parentClosesFirst: variant([true, false], seed, 2),
    message: variant(MESSAGES, seed, 4),
  };
}

function source(seed: number): string {
  const { childClosesFirst, parentClosesFirst, message } = params(seed);
  const childClose = "        close(ctl[0]);          /* the parent's end */\n";
  const parentClose = "    close(ctl[1]);              /* the child's end */\n";
  return String.raw`/* pass_fd.c: make a socketpair after fork() and hand one end to the child with SCM_RIGHTS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define MESSAGE "${message}"

${FD_PASSING_HELPERS}int main(void)
{
    int ctl[2], data[2], fd;
    char buf[64];
    ssize_t n;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, ctl) == -1) {
        perror("socketpair");
        exit(1);
    }
    pid = fork();
    if (pid == 0) {
${childClosesFirst ? childClose : ''}        fd = recv_fd(ctl[1]);   /* the lowest free fd, for the parent's data[1] */
${childClosesFirst ? '' : childClose}        printf("child: received fd %d\n", fd);
        write(fd, MESSAGE, strlen(MESSAGE));
        exit(0);
    }
${parentClosesFirst ? parentClose : ''}    if (socketpair(AF_UNIX, SOCK_STREAM, 0, data) == -1) {   /* made after fork: the child has no copy */
        perror("socketpair");
        exit(1);
    }
${parentClosesFirst ? '' : parentClose}    send_fd(ctl[0], data[1]);
    close(data[1]);             /* the message in flight holds its own reference */
    n = read(data[0], buf, sizeof buf);
    printf("parent: read %zd bytes: \"%.*s\"\n", n, (int)n, buf);
    waitpid(pid, NULL, 0);
    return 0;
}
`;
}

/** The parent's data socketpair call. */
const dataPair = (run: LessonRun) => findCall(run, { proc: PARENT, call: 'socketpair', nth: 2 });
const dataFds = (run: LessonRun): number[] => {
  const at = dataPair(run);
  return at === null ? [] : (stepAt(run, at).result?.fds ?? []);
};

export const socketpair: Lesson = {
  id: 'socketpair',
  title: 'socketpair() and passing descriptors',
  summary:
    'socketpair() makes two connected sockets with no name at all. A descriptor sent with SCM_RIGHTS arrives as a new fd (the lowest free one) for the same open file, and the message in flight keeps that file alive.',
  narration: [
    'The parent makes a socketpair, ctl, and forks: the two processes talk over it without any name in the filesystem. After the fork the parent makes a second pair, data, which the child never inherited.',
    "The parent sends data[1] to the child in a control message (SCM_RIGHTS) and closes its own copy. Watch the open file's reference count: the message in flight holds a reference until the child receives it, and then the child's new fd does.",
  ],
  scenario: (seed) =>
    cScenario('socketpair() and passing descriptors', { 'pass_fd.c': source(seed) }, [[PARENT, 'pass_fd.c']]),
  questions: [
    {
      id: 'pair-fds',
      at: dataPair,
      ask: (run, at) => {
        const s = stepAt(run, at);
        const before = run.kernelAt(at - 1);
        const fds = s.result?.fds ?? [];
        return numberQuestion(
          'The parent calls socketpair(AF_UNIX, SOCK_STREAM, 0, data). What fd will data[1] be?',
          fds[1] ?? -1,
          `Each end takes the lowest free fd in turn. Look at the parent's fd table: ${openWords(openFds(before, s.pid))}, so data[0] is ${lowestFree(before, s.pid)} and data[1] the next free one.`,
        );
      },
    },
    {
      id: 'in-flight',
      at: (run) => {
        const fds = dataFds(run);
        const sent = findCall(run, { proc: PARENT, call: 'sendmsg' });
        if (fds.length < 2 || sent === null) return null;
        return (
          run.steps.find(
            (s) =>
              s.index > sent &&
              run.names.get(s.pid) === PARENT &&
              s.call?.name === 'close' &&
              onFd(fds[1])(s.call),
          )?.index ?? null
        );
      },
      ask: (run, at) => {
        const s = stepAt(run, at);
        const fd = s.call && 'fd' in s.call ? s.call.fd : -1;
        const id = sockOf(run.kernelAt(at - 1), s.pid, fd)?.id ?? -1;
        const k = run.kernelAt(at);
        const file = k.socks.get(id)?.file ?? null;
        const refs = file?.refs ?? 0;
        const holders = file ? holdersOf(k, file) : [];
        const flying = file ? inFlight(k, file) : 0;
        return numberQuestion(
          'The parent has sent data[1] and now closes it. How many references will its open file have afterwards?',
          refs,
          `Look at the open file of data[1]: ${holders.length === 0 ? 'no process has an fd for it' : `${holderWords(run.names, holders)} still ${holders.length === 1 ? 'refers' : 'refer'} to it`}, and ${plural(flying, 'message')} in flight on ctl ${flying === 1 ? 'carries' : 'carry'} it. Each counts as a reference, so the socket stays open although the parent closed its fd.`,
        );
      },
    },
    {
      id: 'received-fd',
      at: (run) => findCall(run, { proc: CHILD, call: 'recvmsg' }),
      ask: (run, at) => {
        const s = resultStep(run, at);
        const got = s.result?.cmsgs?.find((c) => c.type === 'SCM_RIGHTS');
        const before = run.kernelAt(at - 1);
        return numberQuestion(
          'The child receives the descriptor with recvmsg(). What fd number will it get?',
          got && got.type === 'SCM_RIGHTS' ? got.fds[0] : -1,
          `The number the parent used (data[1]) means nothing in the child: the kernel installs the file at the lowest free fd of the receiver. Look at the child's fd table: ${openWords(openFds(before, s.pid))}, so the lowest free fd is ${lowestFree(before, s.pid)}.`,
        );
      },
    },
    {
      id: 'parent-read',
      at: (run) => {
        const fds = dataFds(run);
        return fds.length ? findCall(run, { proc: PARENT, call: 'read', where: onFd(fds[0]) }) : null;
      },
      ask: (run, at) => {
        const s = stepAt(run, at);
        const writes = run.steps.filter(
          (w) => w.index < at && run.names.get(w.pid) === CHILD && w.call?.name === 'write' && w.call.fd > 2,
        );
        const bytes = writes
          .map((w) => (w.call?.name === 'write' ? w.call.data.length : 0))
          .reduce((a, b) => a + b, 0);
        return numberQuestion(
          "The child writes through its received fd. How many bytes will the parent's read(data[0]) return?",
          s.result?.ret ?? -1,
          `The child's fd and the parent's closed data[1] are the same open file, so the child's write of ${plural(bytes, 'byte')} lands on data[0]'s receive queue, and read() takes them all. (The 1-byte message on ctl only carried the descriptor.)`,
        );
      },
    },
  ],
};
