/** The bind() card. */
import { cardError, type ReferenceCard } from './types';

const EADDRINUSE = String.raw`/* bind_stale.c: a socket file outlives its socket. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/server.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int s;

    strcpy(addr.sun_path, PATH);
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == 0)
        printf("bound %s\n", PATH);
    close(s);                   /* the socket goes, its file stays */

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("bind");         /* no unlink(PATH) before it */
    close(s);
    unlink(PATH);
    return 0;
}
`;

const EINVAL = String.raw`/* bind_rename.c: a socket is named once. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int bind_path(int s, const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    strcpy(addr.sun_path, path);
    return bind(s, (struct sockaddr *)&addr, sizeof addr);
}

int main(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    if (bind_path(s, "/tmp/first.sock") == 0)
        printf("bound /tmp/first.sock\n");
    if (bind_path(s, "/tmp/second.sock") == -1)
        perror("bind /tmp/second.sock");
    close(s);
    unlink("/tmp/first.sock");
    return 0;
}
`;

const ENOENT = `/* bind_nodir.c: bind() creates the file, not the directories above it. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/app/server.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int s = socket(AF_UNIX, SOCK_STREAM, 0);

    strcpy(addr.sun_path, PATH);    /* /tmp/app does not exist */
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind " PATH);
        close(s);
        return 1;
    }
    close(s);
    return 0;
}
`;

const ENOTDIR = `/* bind_notdir.c: a path that goes through a regular file. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd, s;

    fd = creat("/tmp/app", 0644);   /* a file where a directory was meant */
    close(fd);

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    strcpy(addr.sun_path, "/tmp/app/server.sock");
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("bind /tmp/app/server.sock");
    close(s);
    unlink("/tmp/app");
    return 0;
}
`;

/** bind(): give a socket its name. */
export const bindCard: ReferenceCard = {
  id: 'bind',
  calls: ['bind'],
  title: 'bind(): give a socket a name',
  synopsis: [
    '#include <sys/socket.h>',
    '#include <sys/un.h>',
    'int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen);',
  ],
  does:
    'Gives a socket the name others use to reach it: a listener’s name for connect(), a datagram socket’s address for sendto(). ' +
    'A pathname creates a socket file in the filesystem (mode 0777 less the umask); the file stays after the socket is closed, until unlink() removes it. ' +
    'An abstract name (sun_path starting with a NUL byte) creates no file and is freed when the socket closes. ' +
    'A socket is named once: it cannot be bound again to another name.',
  args: [
    { name: 'sockfd', meaning: 'The socket to name; it must not have a name yet.' },
    {
      name: 'addr',
      meaning:
        'A struct sockaddr_un, cast to struct sockaddr *: sun_family = AF_UNIX and sun_path: a path of up to 108 bytes (107 characters and the NUL that ends them), or a NUL byte followed by an abstract name.',
    },
    {
      name: 'addrlen',
      meaning:
        'The size of the address, usually sizeof(struct sockaddr_un). For an abstract name exactly addrlen - 3 bytes after the NUL are the name. addrlen == sizeof(sa_family_t) (2) asks for an automatic abstract name: a NUL and 5 hex digits.',
    },
  ],
  returns: '0, or -1 with errno set.',
  errors: [
    cardError({
      card: 'bind',
      errno: 'EADDRINUSE',
      when: 'Something already exists at the path, even the file of a socket that has been closed (SO_REUSEADDR does not help), or the abstract name is taken.',
      title: 'bind(): EADDRINUSE from a stale socket file',
      summary:
        'bind() creates /tmp/server.sock, and close() leaves the file behind. A new socket binding the same path gets EADDRINUSE: servers unlink() the path before bind().',
      file: 'bind_stale.c',
      code: EADDRINUSE,
      process: 'server',
    }),
    cardError({
      card: 'bind',
      errno: 'EINVAL',
      when: 'The socket already has a name, or addrlen is too short or too long, or sun_family is not AF_UNIX.',
      title: 'bind(): EINVAL when the socket already has a name',
      summary:
        'The first bind() names the socket /tmp/first.sock; binding it again to another path fails with EINVAL, and no second file is created.',
      file: 'bind_rename.c',
      code: EINVAL,
      process: 'server',
    }),
    cardError({
      card: 'bind',
      errno: 'ENOENT',
      when: 'A directory in the path does not exist.',
      title: 'bind(): ENOENT for a missing directory',
      summary:
        'bind() creates the socket file but not the directories above it. /tmp/app does not exist, so binding /tmp/app/server.sock fails with ENOENT.',
      file: 'bind_nodir.c',
      code: ENOENT,
      process: 'server',
    }),
    cardError({
      card: 'bind',
      errno: 'ENOTDIR',
      when: 'A component of the path that should be a directory is a file of another kind.',
      title: 'bind(): ENOTDIR for a path through a file',
      summary:
        '/tmp/app is a regular file, so /tmp/app/server.sock cannot be created: bind() fails with ENOTDIR.',
      file: 'bind_notdir.c',
      code: ENOTDIR,
      process: 'server',
    }),
  ],
  man: 'https://man7.org/linux/man-pages/man2/bind.2.html',
};
