import { cLibraryScenario, cProcess } from './types';

const BOUNDARIES = String.raw`/* boundaries.c: the same three writes down a stream and a datagram socketpair. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int st[2], dg[2];
    char buf[64];
    ssize_t n;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, st) == -1 ||
        socketpair(AF_UNIX, SOCK_DGRAM, 0, dg) == -1) {
        perror("socketpair");
        exit(1);
    }
    if (fork() == 0) {                  /* child: the writer */
        write(st[1], "one", 3);
        write(st[1], "two", 3);
        write(st[1], "three", 5);
        write(dg[1], "one", 3);
        write(dg[1], "two", 3);
        write(dg[1], "three", 5);
        exit(0);
    }
    close(st[1]);
    close(dg[1]);
    wait(NULL);                         /* every write is queued now */

    n = read(st[0], buf, sizeof buf);   /* a stream has no boundaries */
    printf("stream:   %zd bytes \"%.*s\"\n", n, (int)n, buf);
    n = read(dg[0], buf, sizeof buf);   /* one datagram per read */
    printf("datagram: %zd bytes \"%.*s\"\n", n, (int)n, buf);
    n = read(dg[0], buf, sizeof buf);
    printf("datagram: %zd bytes \"%.*s\"\n", n, (int)n, buf);
    n = read(dg[0], buf, 4);            /* too small: the rest of "three" is lost */
    printf("datagram: %zd bytes \"%.*s\"\n", n, (int)n, buf);
    return 0;
}
`;

/** Datagrams keep their boundaries (and are cut to the buffer); a stream merges writes. */
export const datagram = cLibraryScenario({
  id: 'datagram',
  title: 'Datagrams keep boundaries, streams merge writes',
  summary:
    'The same three writes go down a stream and a datagram socketpair. One stream read returns them merged; each datagram read returns one message, and a small buffer truncates one.',
  files: { 'boundaries.c': BOUNDARIES },
  processes: [cProcess('reader', 'boundaries.c')],
});
