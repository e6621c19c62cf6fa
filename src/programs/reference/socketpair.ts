/** The socketpair() card. */
import { cardError, type ReferenceCard } from './types';

const EOPNOTSUPP = String.raw`/* pair_inet.c: only some families can make a connected pair. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0) {
        printf("AF_UNIX: fds %d and %d\n", sv[0], sv[1]);
        close(sv[0]);
        close(sv[1]);
    }
    if (socketpair(AF_INET, SOCK_STREAM, 0, sv) == -1) {
        perror("socketpair(AF_INET)");
        return 1;
    }
    return 0;
}
`;

const ESOCKTNOSUPPORT = `/* pair_type.c: socketpair() checks the type as socket() does. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_RDM, 0, sv) == -1) {
        perror("socketpair(SOCK_RDM)");
        return 1;
    }
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

const EPROTONOSUPPORT = `/* pair_protocol.c: the protocol of a UNIX domain pair must be 0. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];

    /* Copied from UDP code: AF_UNIX has no protocols, only 0. */
    if (socketpair(AF_UNIX, SOCK_DGRAM, IPPROTO_UDP, sv) == -1) {
        perror("socketpair");
        return 1;
    }
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

/** socketpair(): two sockets connected to each other. */
export const socketpairCard: ReferenceCard = {
  id: 'socketpair',
  calls: ['socketpair'],
  title: 'socketpair(): two connected sockets',
  synopsis: ['#include <sys/socket.h>', 'int socketpair(int domain, int type, int protocol, int sv[2]);'],
  does:
    'Creates two sockets already connected to each other and stores their descriptors in sv[0] and sv[1] (3 and 4 in a fresh process). ' +
    'What is written on one end is read from the other, in both directions. Neither end has a name and no file is created, so the usual way to share a pair is fork(), or passing an end with SCM_RIGHTS. ' +
    'SOCK_STREAM, SOCK_SEQPACKET and SOCK_DGRAM pairs all work; a datagram pair has no queue-length limit, only the sender’s send buffer.',
  args: [
    { name: 'domain', meaning: 'AF_UNIX. Families that cannot make pairs, such as AF_INET, fail.' },
    {
      name: 'type',
      meaning:
        'SOCK_STREAM, SOCK_SEQPACKET or SOCK_DGRAM, optionally ORed with SOCK_NONBLOCK and SOCK_CLOEXEC, which apply to both ends.',
    },
    { name: 'protocol', meaning: 'Always 0 for AF_UNIX.' },
    { name: 'sv', meaning: 'An array of two ints that receives the two descriptors.' },
  ],
  returns: '0, with the two descriptors in sv; or -1 with errno set.',
  errors: [
    cardError({
      card: 'socketpair',
      errno: 'EOPNOTSUPP',
      when: 'The family exists but cannot make connected pairs, as AF_INET.',
      title: 'socketpair(): EOPNOTSUPP for AF_INET',
      summary:
        'An AF_UNIX pair is made at once. The AF_INET family has sockets but does not implement socketpair(), so socketpair(AF_INET, ...) fails with EOPNOTSUPP.',
      file: 'pair_inet.c',
      code: EOPNOTSUPP,
    }),
    cardError({
      card: 'socketpair',
      errno: 'ESOCKTNOSUPPORT',
      when: 'The type is a socket type that AF_UNIX does not implement, such as SOCK_RDM.',
      title: 'socketpair(): ESOCKTNOSUPPORT for SOCK_RDM',
      summary:
        'socketpair() checks its type as socket() does: AF_UNIX has no SOCK_RDM, so it fails with ESOCKTNOSUPPORT.',
      file: 'pair_type.c',
      code: ESOCKTNOSUPPORT,
    }),
    cardError({
      card: 'socketpair',
      errno: 'EPROTONOSUPPORT',
      when: 'The protocol is neither 0 nor PF_UNIX.',
      title: 'socketpair(): EPROTONOSUPPORT for a protocol number',
      summary:
        'A datagram pair asked for with IPPROTO_UDP: AF_UNIX has no protocols, so it fails with EPROTONOSUPPORT.',
      file: 'pair_protocol.c',
      code: EPROTONOSUPPORT,
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/socketpair.2.html',
};
