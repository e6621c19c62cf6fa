/** The shutdown() card. */
import { cardError, type ReferenceCard } from './types';

const EINVAL = String.raw`/* shutdown_how.c: how must be SHUT_RD, SHUT_WR or SHUT_RDWR. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    /* Not connected, yet no ENOTCONN: AF_UNIX returns 0. */
    if (shutdown(s, SHUT_RDWR) == 0)
        printf("shutdown(SHUT_RDWR): ok\n");
    if (shutdown(s, 3) == -1)   /* SHUT_RDWR is 2 */
        perror("shutdown(3)");
    close(s);
    return 0;
}
`;

const ENOTSOCK = String.raw`/* shutdown_file.c: shutdown() on a descriptor that is not a socket. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int logfd, sv[2];

    logfd = open("/tmp/server.log", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    printf("log: fd %d, sockets: fds %d and %d\n", logfd, sv[0], sv[1]);

    if (shutdown(logfd, SHUT_WR) == -1)   /* meant sv[0] */
        perror("shutdown");
    close(logfd);
    close(sv[0]);
    close(sv[1]);
    unlink("/tmp/server.log");
    return 0;
}
`;

/** shutdown(): end one or both directions of a connection. */
export const shutdownCard: ReferenceCard = {
  id: 'shutdown',
  calls: ['shutdown'],
  title: 'shutdown(): end one direction of a connection',
  synopsis: ['#include <sys/socket.h>', 'int shutdown(int sockfd, int how);'],
  does:
    'Ends sending, receiving or both on the socket itself, for every descriptor of it, without closing any. ' +
    'After SHUT_WR the peer reads the rest and then 0 (end of file) while it can still send back: a half-close; this socket’s own writes fail with EPIPE and raise SIGPIPE. ' +
    'After SHUT_RD reads return what is queued and then 0, and the peer’s writes fail with EPIPE. ' +
    'On AF_UNIX shutdown() never fails with ENOTCONN: on an unconnected socket or a listener it returns 0.',
  args: [
    { name: 'sockfd', meaning: 'The socket.' },
    {
      name: 'how',
      meaning:
        'SHUT_RD (0): no more receiving; SHUT_WR (1): no more sending; SHUT_RDWR (2): both. Doing it again is harmless.',
    },
  ],
  returns: '0, or -1 with errno set.',
  errors: [
    cardError({
      card: 'shutdown',
      errno: 'EINVAL',
      when: 'how is not SHUT_RD, SHUT_WR or SHUT_RDWR.',
      title: 'shutdown(): EINVAL for a bad how',
      summary:
        'shutdown(SHUT_RDWR) on a socket that never connected returns 0 (no ENOTCONN on AF_UNIX); how = 3 is not a direction and fails with EINVAL.',
      file: 'shutdown_how.c',
      code: EINVAL,
    }),
    cardError({
      card: 'shutdown',
      errno: 'ENOTSOCK',
      when: 'The descriptor is open but is not a socket (a terminal, a pipe, a regular file).',
      title: 'shutdown(): ENOTSOCK on a file',
      summary:
        'fd 3 is a log file, not a socket, so shutdown(3, SHUT_WR) fails with ENOTSOCK. Every socket call says the same for a descriptor that is not a socket.',
      file: 'shutdown_file.c',
      code: ENOTSOCK,
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/shutdown.2.html',
};
