/** Lesson 1: creating and naming a socket: socket(), bind(), the socket file, EADDRINUSE. */
import { choiceQuestion, numberQuestion, outcomeText } from './choices';
import { describePath, lowestFree, nodeAt, openFds, openWords } from './facts';
import { findCall, onFd, stepAt } from './find';
import { cScenario, variant } from './scenario';
import type { Lesson, LessonRun } from './types';

const PATH = '/tmp/name.sock';

/** What happens between the two sockets: close s, keep it open, or close and unlink. */
type Order = 'close' | 'keep' | 'unlink';
const ORDERS: Order[] = ['close', 'keep', 'unlink'];

function source(order: Order): string {
  const between =
    order === 'close'
      ? '    close(s);                              /* the socket goes; its file stays */\n'
      : order === 'unlink'
        ? '    close(s);\n    unlink(PATH);                          /* now the name is free */\n'
        : '    /* s stays open and bound */\n';
  const after = order === 'keep' ? '    close(s);\n' : '';
  return String.raw`/* naming.c: bind() names a socket with a file, and the file outlives the socket. */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"

static int bind_path(int fd)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };

    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        return -1;
    }
    printf("fd %d is bound to %s\n", fd, PATH);
    return 0;
}

int main(void)
{
    struct stat st;
    int s, t;

    s = socket(AF_UNIX, SOCK_STREAM, 0);   /* the lowest free fd */
    bind_path(s);                          /* creates the socket file */
    if (stat(PATH, &st) == 0 && S_ISSOCK(st.st_mode))
        printf("%s is a socket file\n", PATH);
${between}
    t = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind_path(t) == -1) {              /* the name is taken: remove it and retry */
        unlink(PATH);
        bind_path(t);
    }
${after}    close(t);
    unlink(PATH);
    return 0;
}
`;
}

const orderOf = (seed: number): Order => variant(ORDERS, seed);

/** The first socket's fd (the one bound first). */
const firstSocket = (run: LessonRun) => stepAt(run, findCall(run, { call: 'socket' }) ?? 1).result?.ret ?? -1;

export const naming: Lesson = {
  id: 'naming',
  title: 'Creating and naming a socket',
  summary:
    'socket() returns the lowest free descriptor; bind() gives the socket a name by creating a socket file. The file outlives the socket, so binding the name again gives EADDRINUSE until unlink() removes it.',
  narration: [
    'A new socket has no name: it is an fd in the process and a socket in the kernel, nothing more. bind() with a path creates a file of type socket in the filesystem, and that file is how other processes find it.',
    'Watch /tmp in the diagram. close() takes the socket away, but the file stays behind. A second bind() to the same path then fails with EADDRINUSE: the name is taken by the file, whoever owns it. Servers unlink() the path before binding for this reason.',
  ],
  scenario: (seed) =>
    cScenario('Creating and naming a socket', { 'naming.c': source(orderOf(seed)) }, [['main', 'naming.c']]),
  questions: [
    {
      id: 'after-close',
      at: (run) => {
        const first = firstSocket(run);
        return findCall(run, { call: 'close', where: onFd(first) });
      },
      ask: (run, at) => {
        const k = run.kernelAt(at);
        const n = nodeAt(k, PATH);
        const stale = 'a socket file whose socket is closed';
        const other = 'a socket file bound to the other socket, t';
        const none = 'nothing: close() removed the file';
        const right = !n ? none : !n.sock || n.sock.dead ? stale : other;
        return choiceQuestion({
          prompt: `After close(s), what is at ${PATH}?`,
          right,
          wrong: [stale, other, none, 'the socket file of s, still bound'],
          seed: run.seed,
          salt: 'naming/after-close',
          explain: `close() releases the socket but never touches the filesystem: only unlink() removes a name. Look at /tmp after this step: ${describePath(k, PATH)}.`,
        });
      },
    },
    {
      id: 'second-fd',
      at: (run) => findCall(run, { call: 'socket', nth: 2 }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const before = run.kernelAt(at - 1);
        const open = openFds(before, s.pid);
        const first = firstSocket(run);
        const why = open.includes(first)
          ? `fd ${first} still holds the first socket`
          : `fd ${first} is free again since close(s)`;
        return numberQuestion(
          'What fd will the second socket() return?',
          s.result?.ret ?? -1,
          `A new descriptor is always the lowest free one. Look at the process's fd table: ${openWords(open)}, and ${why}, so the lowest free fd is ${lowestFree(before, s.pid)}.`,
        );
      },
    },
    {
      id: 'rebind',
      at: (run) => findCall(run, { call: 'bind', nth: 2 }),
      ask: (run, at) => {
        const s = stepAt(run, at);
        const r = s.result!;
        const where = describePath(run.kernelAt(at - 1), PATH);
        const why =
          r.errno === 'EADDRINUSE'
            ? 'The name is taken, so bind() fails.'
            : 'The name is free, so bind() creates the file.';
        return choiceQuestion({
          prompt: `What will bind(t, "${PATH}") return?`,
          right: outcomeText(r),
          wrong: ['0', '-1 EADDRINUSE', '-1 EEXIST', '-1 EINVAL', '-1 ENOENT'],
          seed: run.seed,
          salt: 'naming/rebind',
          explain: `Look at /tmp in the diagram: ${where}. ${why} bind() checks only whether the path exists, not whether a live socket is behind it.`,
        });
      },
    },
  ],
};
