/** The read()/write() card. */
import { cardError, type ReferenceCard } from './types';

const EINVAL = `/* read_unconnected.c: read() from a stream socket that is not connected. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    char buf[64];
    ssize_t n;
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    n = read(s, buf, sizeof buf);   /* connect() forgotten */
    if (n == -1)
        perror("read");
    close(s);
    return 0;
}
`;

const ENOTCONN = `/* write_unconnected.c: write() to a stream socket that is not connected. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    ssize_t n;
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    n = write(s, "hello", 5);       /* connect() forgotten */
    if (n == -1)
        perror("write");
    close(s);
    return 0;
}
`;

const EAGAIN = String.raw`/* read_empty.c: a nonblocking read with nothing to read. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    char buf[64];
    ssize_t n;

    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
    n = read(sv[0], buf, sizeof buf);   /* sv[1] has written nothing */
    if (n == -1 && errno == EAGAIN)
        printf("read: %s: nothing yet\n", strerror(errno));
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

const EPIPE = `/* write_closed.c: write() after the peer has closed. */
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    ssize_t n;

    signal(SIGPIPE, SIG_IGN);       /* or the write below kills us */
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);                   /* the peer goes away */

    n = write(sv[0], "hello", 5);
    if (n == -1)
        perror("write");
    close(sv[0]);
    return 0;
}
`;

const ECONNRESET = String.raw`/* read_reset.c: the peer closed without reading what it was sent. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    char buf[64];
    ssize_t n;

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    write(sv[0], "request", 7);
    close(sv[1]);                   /* closes with "request" unread */

    n = read(sv[0], buf, sizeof buf);
    if (n == -1)
        perror("read");
    n = read(sv[0], buf, sizeof buf);
    printf("read again: %zd (end of file)\n", n);
    close(sv[0]);
    return 0;
}
`;

/** read() and write() on a socket. */
export const readWriteCard: ReferenceCard = {
  id: 'read-write',
  calls: ['read', 'write'],
  title: 'read() and write(): data on a connected socket',
  synopsis: [
    '#include <unistd.h>',
    'ssize_t read(int fd, void *buf, size_t count);',
    'ssize_t write(int fd, const void *buf, size_t count);',
  ],
  does:
    'On a connected socket read() is recv() and write() is send() with no flags. ' +
    'A stream read returns what is queued, up to count bytes, with separate writes run together; it sleeps while nothing is queued, and returns 0 (end of file) once the peer has closed or shut down its sending side and the data is read. ' +
    'On a seqpacket or datagram socket each read returns one message, and the part that does not fit in count is thrown away. ' +
    'A stream write() sleeps while the sender’s own send buffer is full (SO_SNDBUF, 212992 bytes by default); the receiver’s SO_RCVBUF plays no part.',
  args: [
    {
      name: 'fd',
      meaning: 'A connected socket: a client after connect(), an accepted socket, or a socketpair end.',
    },
    { name: 'buf', meaning: 'Where read() puts the bytes, or the bytes write() sends.' },
    {
      name: 'count',
      meaning: 'The most bytes to read, or the number to write. read(fd, buf, 0) returns 0 at once.',
    },
  ],
  returns:
    'The number of bytes read or written (read: 0 at end of file; a nonblocking write may be short), or -1 with errno set.',
  errors: [
    cardError({
      card: 'read-write',
      errno: 'EINVAL',
      when: 'read() on a stream socket that is not connected, or is a listener (a seqpacket socket gives ENOTCONN instead).',
      title: 'read(): EINVAL on an unconnected stream socket',
      summary:
        'read() on a stream socket that never connected fails with EINVAL, not ENOTCONN as one might expect.',
      file: 'read_unconnected.c',
      code: EINVAL,
    }),
    cardError({
      card: 'read-write',
      errno: 'ENOTCONN',
      when: 'write() on a stream socket that is not connected, or is a listener; no SIGPIPE is sent.',
      title: 'write(): ENOTCONN on an unconnected socket',
      summary: 'write() on a stream socket that never connected fails with ENOTCONN, and no SIGPIPE is sent.',
      file: 'write_unconnected.c',
      code: ENOTCONN,
    }),
    cardError({
      card: 'read-write',
      errno: 'EAGAIN',
      when: 'Nothing to read (or no room to write) and the socket is nonblocking, or its SO_RCVTIMEO or SO_SNDTIMEO ran out.',
      title: 'read(): EAGAIN on an empty nonblocking socket',
      summary:
        'A nonblocking socketpair end with nothing queued: read() returns at once with EAGAIN instead of sleeping.',
      file: 'read_empty.c',
      code: EAGAIN,
    }),
    cardError({
      card: 'read-write',
      errno: 'EPIPE',
      when: 'write() after the peer has closed or shut down its reading side, or after this socket’s own shutdown(SHUT_WR); SIGPIPE comes with it and kills the process unless it is ignored or handled.',
      title: 'write(): EPIPE after the peer closed',
      summary:
        'The peer has closed, so write() fails with EPIPE. The kernel also sends SIGPIPE, which would kill the writer; this program ignores it.',
      file: 'write_closed.c',
      code: EPIPE,
    }),
    cardError({
      card: 'read-write',
      errno: 'ECONNRESET',
      when: 'read() on a stream or seqpacket socket whose peer closed with data still unread in its own receive queue; it is reported once (on a stream, after the data already queued for the reader), and later reads return 0.',
      title: 'read(): ECONNRESET when the peer closed without reading',
      summary:
        'The peer closes with "request" still unread in its queue. The other end’s next read() fails with ECONNRESET, once; the read after it returns 0.',
      file: 'read_reset.c',
      code: ECONNRESET,
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/read.2.html',
};
