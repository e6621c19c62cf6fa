/** What connect() and bind() refuse, and why. */
import { cLibraryScenario, cProcess } from './types';

const CONNECT_ERRORS = String.raw`/* connect_errors.c: three reasons connect() fails. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void bind_to(int s, const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    strcpy(addr.sun_path, path);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror(path);
}

static void connect_to(int fd, const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    strcpy(addr.sun_path, path);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror(path);
    else
        printf("%s: connected\n", path);
}

int main(void)
{
    int fd, quiet, dg;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    connect_to(fd, "/tmp/nobody.sock");     /* no such file: ENOENT */

    quiet = socket(AF_UNIX, SOCK_STREAM, 0);
    bind_to(quiet, "/tmp/quiet.sock");      /* bound, but never listens */
    connect_to(fd, "/tmp/quiet.sock");      /* ECONNREFUSED */

    dg = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind_to(dg, "/tmp/dgram.sock");
    connect_to(fd, "/tmp/dgram.sock");      /* a datagram socket: EPROTOTYPE */

    close(fd);
    close(quiet);
    close(dg);
    unlink("/tmp/quiet.sock");
    unlink("/tmp/dgram.sock");
    return 0;
}
`;

/** The three ways connect() fails. */
export const connectErrors = cLibraryScenario({
  id: 'connect-errors',
  title: 'Why connect() fails',
  summary:
    'connect() to a path that does not exist gives ENOENT; to a socket nobody listens on gives ECONNREFUSED; to a socket of another type gives EPROTOTYPE.',
  files: { 'connect_errors.c': CONNECT_ERRORS },
  processes: [cProcess('client', 'connect_errors.c')],
});

const BIND_TWICE = String.raw`/* bind_twice.c: a socket file outlives its socket. */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/srv.sock"

static void bind_path(int s)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };

    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1)
        perror("bind");
    else
        printf("bind: %s created\n", PATH);
}

int main(void)
{
    int s;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    bind_path(s);
    close(s);           /* the socket goes, the file stays */

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    bind_path(s);       /* EADDRINUSE: the name is taken */
    unlink(PATH);
    bind_path(s);       /* free again */
    close(s);
    return 0;
}
`;

/** A socket file outlives its socket: binding the same path again fails until unlink. */
export const bindTwice = cLibraryScenario({
  id: 'bind-twice',
  title: 'bind() twice: EADDRINUSE until unlink()',
  summary:
    'bind() creates a socket file that stays after close(). Binding the path again gives EADDRINUSE; after unlink() it works.',
  files: { 'bind_twice.c': BIND_TWICE },
  processes: [cProcess('server', 'bind_twice.c')],
});
