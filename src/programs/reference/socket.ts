/** The socket() card. */
import { cardError, type ReferenceCard } from './types';

const EINVAL = `/* socket_flags.c: a flag that belongs to send(), not to socket(). */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s;

    /* Meant SOCK_NONBLOCK; MSG_DONTWAIT is a flag of send() and recv(). */
    s = socket(AF_UNIX, SOCK_STREAM | MSG_DONTWAIT, 0);
    if (s == -1) {
        perror("socket");
        return 1;
    }
    close(s);
    return 0;
}
`;

const EPROTONOSUPPORT = `/* socket_protocol.c: a TCP protocol number on a UNIX domain socket. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s;

    /* Copied from TCP code: AF_UNIX has no protocols, only 0. */
    s = socket(AF_UNIX, SOCK_STREAM, IPPROTO_TCP);
    if (s == -1) {
        perror("socket");
        return 1;
    }
    close(s);
    return 0;
}
`;

const ESOCKTNOSUPPORT = String.raw`/* socket_rdm.c: a socket type that AF_UNIX does not implement. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s;

    s = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    printf("SOCK_SEQPACKET: fd %d\n", s);
    close(s);

    s = socket(AF_UNIX, SOCK_RDM, 0);   /* reliably delivered messages */
    if (s == -1) {
        perror("socket(SOCK_RDM)");
        return 1;
    }
    close(s);
    return 0;
}
`;

const EAFNOSUPPORT = `/* socket_family.c: an address family the kernel does not know. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s;

    /* AF_MAX is one past the last family the kernel has. */
    s = socket(AF_MAX, SOCK_STREAM, 0);
    if (s == -1) {
        perror("socket");
        return 1;
    }
    close(s);
    return 0;
}
`;

/** socket(): a new, unnamed, unconnected socket. */
export const socketCard: ReferenceCard = {
  id: 'socket',
  calls: ['socket'],
  title: 'socket(): create a socket',
  synopsis: ['#include <sys/socket.h>', 'int socket(int domain, int type, int protocol);'],
  does:
    'Creates a socket that has no name and no connection, and returns a new file descriptor for it: the lowest one free (3 in a fresh process). ' +
    'For a UNIX domain socket the domain is AF_UNIX and the type says how data moves: SOCK_STREAM is a byte stream, SOCK_SEQPACKET a connection that keeps message boundaries, SOCK_DGRAM separate messages that need no connection. ' +
    'It has no name until bind() gives it one, and no connection until connect(), or listen() and accept().',
  args: [
    {
      name: 'domain',
      meaning: 'The address family: AF_UNIX (also spelled AF_LOCAL) for a UNIX domain socket.',
    },
    {
      name: 'type',
      meaning:
        'SOCK_STREAM, SOCK_SEQPACKET or SOCK_DGRAM, optionally ORed with SOCK_NONBLOCK (the descriptor starts nonblocking) and SOCK_CLOEXEC (it is closed by exec). Linux accepts SOCK_RAW here and makes a SOCK_DGRAM socket.',
    },
    { name: 'protocol', meaning: 'Always 0 for AF_UNIX (PF_UNIX, which is 1, is accepted too).' },
  ],
  returns: 'The new file descriptor, or -1 with errno set.',
  errors: [
    cardError({
      card: 'socket',
      errno: 'EINVAL',
      when: 'The type is not a known type number, or carries flag bits other than SOCK_NONBLOCK and SOCK_CLOEXEC.',
      title: 'socket(): EINVAL for an unknown type flag',
      summary:
        'SOCK_STREAM | MSG_DONTWAIT is not a type: MSG_DONTWAIT is a flag of send() and recv(). socket() fails with EINVAL.',
      file: 'socket_flags.c',
      code: EINVAL,
    }),
    cardError({
      card: 'socket',
      errno: 'EPROTONOSUPPORT',
      when: 'The protocol is neither 0 nor PF_UNIX.',
      title: 'socket(): EPROTONOSUPPORT for a protocol number',
      summary: 'AF_UNIX has no protocols to choose from. Passing IPPROTO_TCP fails with EPROTONOSUPPORT.',
      file: 'socket_protocol.c',
      code: EPROTONOSUPPORT,
    }),
    cardError({
      card: 'socket',
      errno: 'ESOCKTNOSUPPORT',
      when: 'The type is SOCK_RDM, SOCK_PACKET or 0: a type number in range that AF_UNIX does not implement.',
      title: 'socket(): ESOCKTNOSUPPORT for SOCK_RDM',
      summary:
        'A SOCK_SEQPACKET socket is created; a SOCK_RDM one is not, because AF_UNIX does not implement it: ESOCKTNOSUPPORT.',
      file: 'socket_rdm.c',
      code: ESOCKTNOSUPPORT,
    }),
    cardError({
      card: 'socket',
      errno: 'EAFNOSUPPORT',
      when: 'The domain is not an address family the kernel knows.',
      title: 'socket(): EAFNOSUPPORT for an unknown family',
      summary: 'AF_MAX is one past the last address family, so socket(AF_MAX, ...) fails with EAFNOSUPPORT.',
      file: 'socket_family.c',
      code: EAFNOSUPPORT,
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/socket.2.html',
};
