/** The sendmsg()/recvmsg() card. */
import { cardError, type ReferenceCard } from './types';

const EBADF = `/* pass_closed.c: passing a descriptor that is already closed. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2], fd;
    char byte = 'F';
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    fd = open("/tmp/data.txt", O_RDONLY | O_CREAT, 0644);
    close(fd);                  /* closed too early */

    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    if (sendmsg(sv[0], &msg, 0) == -1)
        perror("sendmsg");
    close(sv[0]);
    close(sv[1]);
    unlink("/tmp/data.txt");
    return 0;
}
`;

const EINVAL = `/* pass_many.c: more descriptors than one message may carry. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NFDS 254                /* the limit, SCM_MAX_FD, is 253 */

int main(void)
{
    int sv[2], fds[NFDS], i;
    char byte = 'F';
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { char buf[CMSG_SPACE(sizeof fds)]; struct cmsghdr align; } ctl;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    for (i = 0; i < NFDS; i++)
        fds[i] = sv[1];         /* the same socket, 254 times */

    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof fds);
    memcpy(CMSG_DATA(cmsg), fds, sizeof fds);
    if (sendmsg(sv[0], &msg, 0) == -1)
        perror("sendmsg");
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

const EAGAIN = String.raw`/* recvmsg_empty.c: recvmsg() with MSG_DONTWAIT and nothing queued. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    char buf[64];
    struct iovec iov = { .iov_base = buf, .iov_len = sizeof buf };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t n;

    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    n = recvmsg(sv[0], &msg, MSG_DONTWAIT);
    if (n == -1 && errno == EAGAIN)
        printf("recvmsg: %s: nothing yet\n", strerror(errno));

    send(sv[1], "ping", 4, 0);
    n = recvmsg(sv[0], &msg, MSG_DONTWAIT);
    printf("recvmsg: %zd bytes, msg_flags %d\n", n, msg.msg_flags);
    close(sv[0]);
    close(sv[1]);
    return 0;
}
`;

/** sendmsg() and recvmsg(): data with ancillary data, such as descriptors. */
export const sendmsgRecvmsgCard: ReferenceCard = {
  id: 'sendmsg-recvmsg',
  calls: ['sendmsg', 'recvmsg'],
  title: 'sendmsg() and recvmsg(): messages with descriptors',
  synopsis: [
    '#include <sys/socket.h>',
    'ssize_t sendmsg(int sockfd, const struct msghdr *msg, int flags);',
    'ssize_t recvmsg(int sockfd, struct msghdr *msg, int flags);',
  ],
  does:
    'send() and recv() with several buffers (msg_iov), an address (msg_name) and ancillary data (msg_control). ' +
    'On AF_UNIX the ancillary data can carry open descriptors (SCM_RIGHTS): the receiver gets new descriptors, the lowest free, for the same open files, and a descriptor in flight keeps its file open even after the sender closes it. ' +
    'It can also carry the sender’s pid, uid and gid (SCM_CREDENTIALS, once the receiver sets SO_PASSCRED). ' +
    'On a stream socket the descriptors need at least one data byte to travel: sent with none, sendmsg() returns 0 and passes nothing.',
  args: [
    { name: 'sockfd', meaning: 'The socket, as for send() and recv().' },
    {
      name: 'msg',
      meaning:
        'A struct msghdr: msg_name and msg_namelen (an address, or NULL), msg_iov and msg_iovlen (the data buffers), msg_control and msg_controllen (ancillary data, built with CMSG_FIRSTHDR, CMSG_LEN, CMSG_SPACE and CMSG_DATA), and msg_flags (set by recvmsg()).',
    },
    {
      name: 'flags',
      meaning:
        'As for send() and recv() (MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, ...), and MSG_CMSG_CLOEXEC for recvmsg(): received descriptors get FD_CLOEXEC.',
    },
  ],
  returns:
    'The number of data bytes sent or received, or -1 with errno set. recvmsg() sets msg_flags: MSG_TRUNC when a datagram did not fit, and MSG_CTRUNC when the control buffer was too small for the descriptors; that is not an error: the descriptors that did not fit are closed, none leak.',
  errors: [
    cardError({
      card: 'sendmsg-recvmsg',
      errno: 'EBADF',
      when: 'A descriptor in an SCM_RIGHTS message is not open.',
      title: 'sendmsg(): EBADF for a closed descriptor in SCM_RIGHTS',
      summary:
        'The file is closed before it is sent, so its number no longer names an open file: sendmsg() fails with EBADF and nothing is sent.',
      file: 'pass_closed.c',
      code: EBADF,
      process: 'sender',
    }),
    cardError({
      card: 'sendmsg-recvmsg',
      errno: 'EINVAL',
      when: 'An SCM_RIGHTS message carries more than 253 (SCM_MAX_FD) descriptors.',
      title: 'sendmsg(): EINVAL for more than 253 descriptors',
      summary:
        'One SCM_RIGHTS message may carry at most 253 descriptors. With 254 sendmsg() fails with EINVAL.',
      file: 'pass_many.c',
      code: EINVAL,
      process: 'sender',
    }),
    cardError({
      card: 'sendmsg-recvmsg',
      errno: 'EAGAIN',
      when: 'MSG_DONTWAIT (or a nonblocking socket, or an expired timeout) and nothing to receive, or no room to send.',
      title: 'recvmsg(): EAGAIN with MSG_DONTWAIT',
      summary:
        'With nothing queued recvmsg(MSG_DONTWAIT) fails with EAGAIN; once a datagram is there it returns its 4 bytes with msg_flags 0.',
      file: 'recvmsg_empty.c',
      code: EAGAIN,
      process: 'receiver',
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/sendmsg.2.html',
};
