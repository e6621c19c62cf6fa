/** The connect() card. */
import { cardError, type ReferenceCard } from './types';

const ENOENT = `/* connect_noserver.c: connecting before the server has started. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    strcpy(addr.sun_path, "/tmp/server.sock");  /* nothing there yet */
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        close(s);
        return 1;
    }
    close(s);
    return 0;
}
`;

const ECONNREFUSED = `/* connect_stale.c: the server is gone, its socket file is not. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int srv, s;

    strcpy(addr.sun_path, "/tmp/server.sock");
    srv = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    listen(srv, 5);
    close(srv);                 /* a server that exits without unlink() */

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("connect");
    close(s);
    unlink(addr.sun_path);
    return 0;
}
`;

const EPROTOTYPE = `/* connect_type.c: a stream client and a datagram server. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int srv, s;

    strcpy(addr.sun_path, "/tmp/log.sock");
    srv = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(srv, (struct sockaddr *)&addr, sizeof addr);

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("connect");
    close(s);
    close(srv);
    unlink(addr.sun_path);
    return 0;
}
`;

const EISCONN = String.raw`/* connect_twice.c: a connected socket cannot connect again. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int srv, s;

    strcpy(addr.sun_path, "/tmp/server.sock");
    srv = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    listen(srv, 5);

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) == 0)
        printf("connected\n");
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("connect again");
    close(s);
    close(srv);
    unlink(addr.sun_path);
    return 0;
}
`;

const EINVAL = `/* connect_family.c: an address without its family. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr;
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    memset(&addr, 0, sizeof addr);
    /* addr.sun_family = AF_UNIX; forgotten: it stays 0, AF_UNSPEC */
    strcpy(addr.sun_path, "/tmp/server.sock");
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        close(s);
        return 1;
    }
    close(s);
    return 0;
}
`;

const EAGAIN = String.raw`/* connect_full.c: a nonblocking connect to a full backlog. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int srv, c[3], i;

    strcpy(addr.sun_path, "/tmp/server.sock");
    srv = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    listen(srv, 1);             /* admits 2, and nobody calls accept() */

    for (i = 0; i < 3; i++) {
        c[i] = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (connect(c[i], (struct sockaddr *)&addr, sizeof addr) == -1)
            perror("connect");
        else
            printf("client %d: connected\n", i + 1);
    }
    for (i = 0; i < 3; i++)
        close(c[i]);
    close(srv);
    unlink(addr.sun_path);
    return 0;
}
`;

/** connect(): reach a listener, or set a datagram socket's peer. */
export const connectCard: ReferenceCard = {
  id: 'connect',
  calls: ['connect'],
  title: 'connect(): connect to a named socket',
  synopsis: [
    '#include <sys/socket.h>',
    '#include <sys/un.h>',
    'int connect(int sockfd, const struct sockaddr *addr, socklen_t addrlen);',
  ],
  does:
    'On a stream or seqpacket socket, finds the listener bound to addr and queues a new connection on its backlog; it returns without waiting for accept(), and data written now waits for the server. ' +
    'When the backlog is full a blocking connect() sleeps until accept() makes room (or the listener closes: ECONNREFUSED); a nonblocking one fails with EAGAIN, never EINPROGRESS. ' +
    'On a datagram socket it only sets the default destination for send() and write(), and from then on accepts datagrams only from that peer; AF_UNSPEC undoes it.',
  args: [
    { name: 'sockfd', meaning: 'An unconnected socket; it need not be bound.' },
    {
      name: 'addr',
      meaning:
        'A struct sockaddr_un, cast to struct sockaddr *: sun_family = AF_UNIX and sun_path, the name the server bound (a path, or a NUL and an abstract name).',
    },
    { name: 'addrlen', meaning: 'The size of the address, usually sizeof(struct sockaddr_un).' },
  ],
  returns: '0, or -1 with errno set.',
  errors: [
    cardError({
      card: 'connect',
      errno: 'ENOENT',
      when: 'Nothing exists at the path: the server has not started, has unlinked its file, or a directory in the path is missing.',
      title: 'connect(): ENOENT with no socket file',
      summary:
        'No server has bound /tmp/server.sock, so there is no file there: connect() fails with ENOENT.',
      file: 'connect_noserver.c',
      code: ENOENT,
      process: 'client',
    }),
    cardError({
      card: 'connect',
      errno: 'ECONNREFUSED',
      when: 'The path exists but no socket listens there: the file of a closed socket, a socket that is bound but not listening, a regular file; or no socket has the abstract name.',
      title: 'connect(): ECONNREFUSED from a stale socket file',
      summary:
        'A server binds, listens and exits without unlink(). Its file is still there, but no socket listens behind it: connect() fails with ECONNREFUSED.',
      file: 'connect_stale.c',
      code: ECONNREFUSED,
      process: 'client',
    }),
    cardError({
      card: 'connect',
      errno: 'EPROTOTYPE',
      when: 'The socket bound at the path is of another type (a stream client and a datagram server, say).',
      title: 'connect(): EPROTOTYPE for a socket of another type',
      summary: 'A SOCK_STREAM client cannot connect to a SOCK_DGRAM socket: connect() fails with EPROTOTYPE.',
      file: 'connect_type.c',
      code: EPROTOTYPE,
      process: 'client',
    }),
    cardError({
      card: 'connect',
      errno: 'EISCONN',
      when: 'The stream or seqpacket socket is already connected (a client, an accepted socket or a socketpair end).',
      title: 'connect(): EISCONN on a connected socket',
      summary: 'The first connect() succeeds; a second one on the same socket fails with EISCONN.',
      file: 'connect_twice.c',
      code: EISCONN,
      process: 'client',
    }),
    cardError({
      card: 'connect',
      errno: 'EINVAL',
      when: 'The address is malformed (sun_family not AF_UNIX, addrlen of 2 or less or more than sizeof(struct sockaddr_un)), or the socket is a listener.',
      title: 'connect(): EINVAL for a missing sun_family',
      summary:
        'The address is zeroed and the path filled in, but sun_family is left 0 (AF_UNSPEC): connect() on a stream socket fails with EINVAL.',
      file: 'connect_family.c',
      code: EINVAL,
      process: 'client',
    }),
    cardError({
      card: 'connect',
      errno: 'EAGAIN',
      when: 'The listener’s backlog is full and the socket is nonblocking (or its SO_SNDTIMEO ran out).',
      title: 'connect(): EAGAIN when the backlog is full',
      summary:
        'listen(srv, 1) admits two connections. Nobody accepts, so the third nonblocking connect() fails with EAGAIN; AF_UNIX never answers EINPROGRESS.',
      file: 'connect_full.c',
      code: EAGAIN,
      process: 'client',
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/connect.2.html',
};
