/** Lesson 3: clients: connect(), and why it fails with ENOENT or ECONNREFUSED. */
import { choiceQuestion, outcomeText } from './choices';
import { describePath } from './facts';
import { findCall, stepAt } from './find';
import { cScenario } from './scenario';
import type { Lesson, LessonRun, QuestionSpec } from './types';

const PATH = '/tmp/life.sock';

/** The server's life, stage by stage; a client may try to connect after any of them. */
const STAGES = [
  'before bind()',
  'after bind()',
  'after listen()',
  'after close(srv)',
  'after unlink()',
] as const;
const CODE = [
  '    srv = socket(AF_UNIX, SOCK_STREAM, 0);\n    if (bind(srv, (struct sockaddr *)&addr, sizeof addr) == -1)\n        perror("bind");\n',
  '    listen(srv, 5);\n',
  '    close(srv);                 /* the socket goes, its file stays */\n',
  '    unlink(PATH);\n',
];

/** Every way to pick three of the five moments, in order; the first is the canonical lesson. */
const PICKS: number[][] = [];
for (let a = 0; a < 5; a++)
  for (let b = a + 1; b < 5; b++) for (let c = b + 1; c < 5; c++) PICKS.push([a, b, c]);

const picked = (seed: number) => PICKS[seed % PICKS.length];

function source(seed: number): string {
  const at = picked(seed);
  let body = '';
  for (let stage = 0; stage < STAGES.length; stage++) {
    if (at.includes(stage)) body += `    try_connect("${STAGES[stage]}");\n`;
    if (stage < CODE.length) body += CODE[stage];
  }
  return String.raw`/* life.c: what connect() says at each stage of a server socket's life. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "${PATH}"

static struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };

static void try_connect(const char *when)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1)
        printf("%s: connect: %s\n", when, strerror(errno));
    else
        printf("%s: connected\n", when);
    close(fd);
}

int main(void)
{
    int srv;

${body}    return 0;
}
`;
}

/** Why a connect() to the path did what it did, from the filesystem before the call. */
const RULES: Record<string, string> = {
  ENOENT: 'connect() looks the path up first, and there is nothing to find: ENOENT.',
  ECONNREFUSED:
    'The file is there, but no socket is listening behind it, so the kernel refuses the connection: ECONNREFUSED. Only a listening socket accepts connections.',
  '0': 'A listener is behind the path with room on its queue, so the connection is queued at once and connect() returns 0, before anyone calls accept().',
};

function attempt(n: number): QuestionSpec {
  const ordinal = ['first', 'second', 'third'][n - 1];
  return {
    id: `connect-${n}`,
    at: (run) => findCall(run, { call: 'connect', nth: n }),
    ask: (run: LessonRun, at) => {
      const r = stepAt(run, at).result!;
      const when = STAGES[picked(run.seed)[n - 1]];
      const right = outcomeText(r);
      return choiceQuestion({
        prompt: `The ${ordinal} try_connect() runs ${when}. What will its connect() return?`,
        right,
        wrong: ['0', '-1 ENOENT', '-1 ECONNREFUSED', '-1 EADDRINUSE', '-1 EAGAIN'],
        seed: run.seed,
        salt: `clients/${n}`,
        explain: `Look at /tmp just before the call: ${describePath(run.kernelAt(at - 1), PATH)}. ${RULES[r.errno ?? String(r.ret)] ?? ''}`,
      });
    },
  };
}

export const clients: Lesson = {
  id: 'clients',
  title: 'Clients: connect() and its errors',
  summary:
    'connect() finds the server by its path. No file gives ENOENT; a file with no listening socket behind it (not yet listening, or closed) gives ECONNREFUSED; a listener accepts the connection at once.',
  narration: [
    'One program plays both parts: it walks a server socket through its life (socket and bind, listen, close, unlink) and tries to connect at three of those moments with a fresh client socket.',
    'Before each connect(), look at /tmp in the diagram and at the socket behind the file, if there is one. The file alone is not enough: someone must be listening on it.',
  ],
  scenario: (seed) =>
    cScenario('Clients: connect() and its errors', { 'life.c': source(seed) }, [['client', 'life.c']]),
  questions: [attempt(1), attempt(2), attempt(3)],
};
