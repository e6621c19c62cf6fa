/** The listen() card. */
import { cardError, type ReferenceCard } from './types';

const EINVAL = `/* listen_unbound.c: listen() before bind(). */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    /* No bind(): a TCP socket would get a port; a UNIX socket gets nothing. */
    if (listen(s, 5) == -1) {
        perror("listen");
        close(s);
        return 1;
    }
    close(s);
    return 0;
}
`;

const EOPNOTSUPP = String.raw`/* listen_dgram.c: datagram sockets have no connections to queue. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/log.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);

    strcpy(addr.sun_path, PATH);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == 0)
        printf("bound %s\n", PATH);
    if (listen(s, 5) == -1)
        perror("listen");
    close(s);
    unlink(PATH);
    return 0;
}
`;

/** listen(): accept connections on a bound socket. */
export const listenCard: ReferenceCard = {
  id: 'listen',
  calls: ['listen'],
  title: 'listen(): wait for connections',
  synopsis: ['#include <sys/socket.h>', 'int listen(int sockfd, int backlog);'],
  does:
    'Makes a bound stream or seqpacket socket a listener: from now on connect() to its name queues a new connection, which accept() takes. ' +
    'The backlog limits how many connections may wait unaccepted, and Linux admits backlog + 1 of them (its check is queue length > backlog); a blocking connect() past that sleeps until accept() makes room, a nonblocking one fails with EAGAIN. ' +
    'The backlog is clamped to net.core.somaxconn (4096) as an unsigned number, so listen(s, -1) also means 4096. Calling listen() again changes the backlog at once.',
  args: [
    {
      name: 'sockfd',
      meaning: 'A SOCK_STREAM or SOCK_SEQPACKET socket that has a name (bind() first) and is not connected.',
    },
    {
      name: 'backlog',
      meaning:
        'How many connections may wait for accept(): N admits N + 1. Values above somaxconn (4096), and negative ones, mean 4096.',
    },
  ],
  returns: '0, or -1 with errno set.',
  errors: [
    cardError({
      card: 'listen',
      errno: 'EINVAL',
      when: 'The socket has no name (Linux does not pick one here, as TCP picks a port), or it is connected.',
      title: 'listen(): EINVAL on an unbound socket',
      summary:
        'A TCP socket that listens without bind() gets a port; a UNIX domain socket gets no name, so listen() before bind() fails with EINVAL.',
      file: 'listen_unbound.c',
      code: EINVAL,
      process: 'server',
    }),
    cardError({
      card: 'listen',
      errno: 'EOPNOTSUPP',
      when: 'The socket is a SOCK_DGRAM socket, which has no connections to accept.',
      title: 'listen(): EOPNOTSUPP on a datagram socket',
      summary:
        'A datagram socket needs only bind() to receive; it has no connections to queue, so listen() on it fails with EOPNOTSUPP.',
      file: 'listen_dgram.c',
      code: EOPNOTSUPP,
      process: 'server',
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/listen.2.html',
};
