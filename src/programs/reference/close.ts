/** The close() card. */
import { cardError, type ReferenceCard } from './types';

const EBADF = String.raw`/* close_twice.c: a descriptor is closed once. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    printf("socket: fd %d\n", s);
    if (close(s) == 0)
        printf("close: ok\n");
    if (close(s) == -1)         /* fd 3 is no longer open */
        perror("close again");
    return 0;
}
`;

/** close(): release a descriptor, and with the last one the socket. */
export const closeCard: ReferenceCard = {
  id: 'close',
  calls: ['close'],
  title: 'close(): release a descriptor',
  synopsis: ['#include <unistd.h>', 'int close(int fd);'],
  does:
    'Releases the descriptor; the socket itself goes only with its last descriptor, so copies made by dup(), fork() or SCM_RIGHTS keep it open (exit() closes them all). ' +
    'When a connected stream socket goes, its peer reads the data still queued for it and then 0 (end of file), and the peer’s writes fail with EPIPE; if this socket still had unread data of its own, the peer’s reads give ECONNRESET once, after its queued data and before the 0. ' +
    'A listener that goes resets the connections still waiting in its queue. The socket file of a bound path stays until unlink() removes it.',
  args: [{ name: 'fd', meaning: 'The descriptor to release.' }],
  returns: '0, or -1 with errno set.',
  errors: [
    cardError({
      card: 'close',
      errno: 'EBADF',
      when: 'The descriptor is not open, for example because it was closed already.',
      title: 'close(): EBADF when closed twice',
      summary: 'The first close() releases fd 3; the second finds nothing open there and fails with EBADF.',
      file: 'close_twice.c',
      code: EBADF,
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/close.2.html',
};
