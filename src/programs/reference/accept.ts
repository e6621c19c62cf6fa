/** The accept() card. */
import { cardError, type ReferenceCard } from './types';

const EINVAL = `/* accept_nolisten.c: accept() on a socket that was never told to listen. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/server.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int s, conn;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    strcpy(addr.sun_path, PATH);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("bind");
    /* listen(s, 5) forgotten */
    conn = accept(s, NULL, NULL);
    if (conn == -1)
        perror("accept");
    close(s);
    unlink(PATH);
    return 0;
}
`;

const EOPNOTSUPP = `/* accept_dgram.c: datagram sockets have no connections to accept. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2], conn;

    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    conn = accept(sv[0], NULL, NULL);
    if (conn == -1)
        perror("accept on SOCK_DGRAM");
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

const EAGAIN = String.raw`/* accept_empty.c: a nonblocking listener with no one waiting. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/server.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int s, conn;

    s = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    strcpy(addr.sun_path, PATH);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1 || listen(s, 5) == -1)
        perror("bind/listen");
    conn = accept(s, NULL, NULL);   /* nobody has connected yet */
    if (conn == -1 && errno == EAGAIN)
        printf("accept: %s: try again later\n", strerror(errno));
    close(s);
    unlink(PATH);
    return 0;
}
`;

/** accept() and accept4(): take a connection off a listener's queue. */
export const acceptCard: ReferenceCard = {
  id: 'accept',
  calls: ['accept', 'accept4'],
  title: 'accept(): take a waiting connection',
  synopsis: [
    '#include <sys/socket.h>',
    'int accept(int sockfd, struct sockaddr *addr, socklen_t *addrlen);',
    '#define _GNU_SOURCE',
    'int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);',
  ],
  does:
    'Takes the oldest connection off a listener’s queue and returns a new descriptor for the server’s end of it; the listener goes on listening. ' +
    'On AF_UNIX the connection is already complete before accept(): the client may have written, or even closed, and the data waits. ' +
    'With the queue empty accept() sleeps until a client connects, unless the listener is nonblocking. ' +
    'The new socket does not inherit O_NONBLOCK from the listener; accept4() sets SOCK_NONBLOCK and SOCK_CLOEXEC on it.',
  args: [
    { name: 'sockfd', meaning: 'A listening socket (socket, bind, listen).' },
    {
      name: 'addr',
      meaning:
        'Receives the client’s name, or NULL. A client that never called bind() (the usual case) has no name: only sun_family is filled in, and *addrlen is 2.',
    },
    {
      name: 'addrlen',
      meaning:
        'In: the size of addr. Out: the length of the name; when the buffer is shorter, the name is cut and the full length is returned.',
    },
    {
      name: 'flags',
      meaning: 'accept4() only: 0, or SOCK_NONBLOCK and SOCK_CLOEXEC for the new descriptor.',
    },
  ],
  returns: 'The new descriptor (the lowest free one), or -1 with errno set.',
  errors: [
    cardError({
      card: 'accept',
      errno: 'EINVAL',
      when: 'The socket is not listening: unbound, only bound, connected, or a listener shut down for reading whose queue is empty.',
      title: 'accept(): EINVAL without listen()',
      summary: 'A bound socket is not yet a listener. accept() before listen() fails with EINVAL.',
      file: 'accept_nolisten.c',
      code: EINVAL,
      process: 'server',
    }),
    cardError({
      card: 'accept',
      errno: 'EOPNOTSUPP',
      when: 'The socket is a SOCK_DGRAM socket.',
      title: 'accept(): EOPNOTSUPP on a datagram socket',
      summary:
        'Datagram sockets have no connections, so accept() on one end of a datagram socketpair fails with EOPNOTSUPP.',
      file: 'accept_dgram.c',
      code: EOPNOTSUPP,
      process: 'server',
    }),
    cardError({
      card: 'accept',
      errno: 'EAGAIN',
      when: 'No connection is waiting and the listener is nonblocking (or its SO_RCVTIMEO ran out).',
      title: 'accept(): EAGAIN on an empty nonblocking listener',
      summary:
        'A listener made with SOCK_NONBLOCK does not wait for a client: accept() with nobody connected returns at once with EAGAIN (also named EWOULDBLOCK).',
      file: 'accept_empty.c',
      code: EAGAIN,
      process: 'server',
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/accept.2.html',
};
