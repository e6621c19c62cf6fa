/** The send()/recv() card, with sendto() and recvfrom(). */
import { cardError, type ReferenceCard } from './types';

const EPIPE = String.raw`/* send_nosignal.c: EPIPE without SIGPIPE. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    ssize_t n;

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);                   /* the peer goes away */

    /* MSG_NOSIGNAL: report EPIPE, but do not send SIGPIPE. */
    n = send(sv[0], "hello", 5, MSG_NOSIGNAL);
    if (n == -1)
        perror("send");
    printf("still alive\n");
    close(sv[0]);
    return 0;
}
`;

const EAGAIN = String.raw`/* recv_dontwait.c: one nonblocking recv() on a blocking socket. */
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

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    n = recv(sv[0], buf, sizeof buf, MSG_DONTWAIT);
    if (n == -1 && errno == EAGAIN)
        printf("recv: %s: nothing yet\n", strerror(errno));

    send(sv[1], "ping", 4, 0);
    n = recv(sv[0], buf, sizeof buf, MSG_DONTWAIT);
    printf("recv: %zd bytes\n", n);
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

const ENOTCONN = `/* send_noaddr.c: send() on a datagram socket with no destination. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    ssize_t n;
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);

    /* Neither connect() nor sendto() said where this goes. */
    n = send(s, "hello", 5, 0);
    if (n == -1)
        perror("send");
    close(s);
    return 0;
}
`;

const EMSGSIZE = String.raw`/* send_big.c: a datagram larger than the send buffer. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static char big[256 * 1024];

int main(void)
{
    int sv[2], sndbuf;
    socklen_t len = sizeof sndbuf;
    ssize_t n;

    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, &len);
    printf("SO_SNDBUF: %d bytes\n", sndbuf);

    n = send(sv[0], big, sizeof big, 0);    /* one datagram of 262144 bytes */
    if (n == -1)
        perror("send");
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

const ECONNREFUSED = `/* send_gone.c: a datagram peer that has closed. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];

    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    close(sv[1]);

    if (send(sv[0], "hello", 5, 0) == -1)
        perror("send");         /* and the socket is disconnected */
    if (send(sv[0], "hello", 5, 0) == -1)
        perror("send again");
    close(sv[0]);
    return 0;
}
`;

/** send(), recv(), sendto() and recvfrom(). */
export const sendRecvCard: ReferenceCard = {
  id: 'send-recv',
  calls: ['send', 'recv', 'sendto', 'recvfrom'],
  title: 'send() and recv(): data with flags and addresses',
  synopsis: [
    '#include <sys/socket.h>',
    'ssize_t send(int sockfd, const void *buf, size_t len, int flags);',
    'ssize_t recv(int sockfd, void *buf, size_t len, int flags);',
    'ssize_t sendto(int sockfd, const void *buf, size_t len, int flags, const struct sockaddr *dest_addr, socklen_t addrlen);',
    'ssize_t recvfrom(int sockfd, void *buf, size_t len, int flags, struct sockaddr *src_addr, socklen_t *addrlen);',
  ],
  does:
    'write() and read() with flags for this one call. ' +
    'sendto() names the destination of a datagram, so an unconnected datagram socket can talk to any bound name; recvfrom() reports who sent it (addrlen 0 when the sender has no name). ' +
    'Each datagram is one message: one recv() returns one, and what does not fit in len is thrown away (recvmsg() reports it with MSG_TRUNC). ' +
    'A datagram may be at most the sender’s SO_SNDBUF less 32 bytes (212960 by default).',
  args: [
    {
      name: 'sockfd',
      meaning: 'The socket: connected, or for sendto() and recvfrom() also an unconnected datagram socket.',
    },
    { name: 'buf, len', meaning: 'The bytes to send, or where to put at most len received bytes.' },
    {
      name: 'flags',
      meaning:
        'MSG_DONTWAIT (do not sleep, this call only), MSG_NOSIGNAL (EPIPE without SIGPIPE), MSG_PEEK (look without taking), MSG_WAITALL (wait for len bytes on a stream), MSG_TRUNC (return the datagram’s real length).',
    },
    {
      name: 'dest_addr, addrlen',
      meaning:
        'sendto(): the destination, a struct sockaddr_un; NULL and 0 on a connected socket. A stream socket refuses an address: EISCONN when connected, EOPNOTSUPP when not.',
    },
    { name: 'src_addr, addrlen', meaning: 'recvfrom(): receives the sender’s name, or NULL.' },
  ],
  returns: 'The number of bytes sent or received (recv: 0 at end of file on a stream), or -1 with errno set.',
  errors: [
    cardError({
      card: 'send-recv',
      errno: 'EPIPE',
      when: 'Sending on a stream or seqpacket socket whose peer has closed or shut down reading, or after its own shutdown(SHUT_WR); with MSG_NOSIGNAL there is no SIGPIPE.',
      title: 'send(): EPIPE with MSG_NOSIGNAL',
      summary:
        'The peer has closed. send() with MSG_NOSIGNAL fails with EPIPE and the process lives on; a plain write() would also have raised SIGPIPE and killed it.',
      file: 'send_nosignal.c',
      code: EPIPE,
    }),
    cardError({
      card: 'send-recv',
      errno: 'EAGAIN',
      when: 'MSG_DONTWAIT (or a nonblocking socket, or an expired SO_RCVTIMEO) and nothing to receive, or no room to send.',
      title: 'recv(): EAGAIN with MSG_DONTWAIT',
      summary:
        'MSG_DONTWAIT makes one recv() nonblocking on a blocking socket: with nothing queued it fails with EAGAIN; once "ping" is there it returns 4.',
      file: 'recv_dontwait.c',
      code: EAGAIN,
    }),
    cardError({
      card: 'send-recv',
      errno: 'ENOTCONN',
      when: 'send() without an address on a socket that has no peer: an unconnected datagram socket, or an unconnected stream or seqpacket socket.',
      title: 'send(): ENOTCONN on a datagram socket with no destination',
      summary:
        'An unconnected datagram socket does not know where send() should go: it fails with ENOTCONN. sendto() with an address, or connect() first, fixes it.',
      file: 'send_noaddr.c',
      code: ENOTCONN,
    }),
    cardError({
      card: 'send-recv',
      errno: 'EMSGSIZE',
      when: 'A datagram or seqpacket message is longer than the sender’s SO_SNDBUF less 32 bytes.',
      title: 'send(): EMSGSIZE for a datagram too big',
      summary:
        'A datagram is sent whole or not at all. 262144 bytes is more than the send buffer (212992 bytes) less 32, so send() fails with EMSGSIZE.',
      file: 'send_big.c',
      code: EMSGSIZE,
    }),
    cardError({
      card: 'send-recv',
      errno: 'ECONNREFUSED',
      when: 'The first send on a datagram socket whose connected peer has closed; the socket is then disconnected, and later sends give ENOTCONN.',
      title: 'send(): ECONNREFUSED when the datagram peer is gone',
      summary:
        'One end of a datagram socketpair closes. The first send() on the other fails with ECONNREFUSED and disconnects it, so the second fails with ENOTCONN.',
      file: 'send_gone.c',
      code: ECONNREFUSED,
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/send.2.html',
};
