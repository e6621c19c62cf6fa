/** Ways a connection ends: half-closed, closed under a writer, closed with data unread. */
import { cLibraryScenario, cProcess } from './types';

const HALF_SERVER = String.raw`/* half_server.c: read a request until end of file, then answer it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/half.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int s, c;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    listen(s, 5);
    c = accept(s, NULL, NULL);
    n = read(c, buf, sizeof buf);
    printf("server: request: %.*s\n", (int)n, buf);
    n = read(c, buf, sizeof buf);      /* 0: the client will send nothing more */
    printf("server: read returned %zd: end of file\n", n);
    write(c, "reply", 5);              /* but this direction still works */
    close(c);
    close(s);
    unlink(PATH);
    return 0;
}
`;

const HALF_CLIENT = String.raw`/* half_client.c: send a request, shut down the sending side, read the reply. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/half.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int fd;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    write(fd, "request", 7);
    if (shutdown(fd, SHUT_WR) == -1)   /* done sending: the server reads end of file */
        perror("shutdown");
    n = read(fd, buf, sizeof buf);
    printf("client: reply: %.*s\n", (int)n, buf);
    n = read(fd, buf, sizeof buf);
    printf("client: read returned %zd: the server has closed\n", n);
    close(fd);
    return 0;
}
`;

/** shutdown(SHUT_WR): the peer reads EOF, yet can still answer. */
export const halfClose = cLibraryScenario({
  id: 'half-close',
  title: 'Half-close with shutdown()',
  summary:
    'The client sends its request and shuts down its writing side. The server reads the request, then 0 (end of file), and still sends its reply.',
  files: { 'half_server.c': HALF_SERVER, 'half_client.c': HALF_CLIENT },
  processes: [cProcess('server', 'half_server.c'), cProcess('client', 'half_client.c')],
});

const PIPE_SERVER = `/* pipe_server.c: accept a connection and close it at once. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/pipe.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    int s, c;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    listen(s, 5);
    c = accept(s, NULL, NULL);
    close(c);
    close(s);
    unlink(PATH);
    return 0;
}
`;

const PIPE_CLIENT = String.raw`/* pipe_client.c: write to a connection that the server has closed. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/pipe.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int fd;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    n = read(fd, buf, sizeof buf);
    printf("client: read returned %zd: the server has closed\n", n);
    if (send(fd, "anyone there?", 13, MSG_NOSIGNAL) == -1)
        perror("client: send");        /* EPIPE; MSG_NOSIGNAL spares us the signal */
    write(fd, "anyone there?", 13);    /* EPIPE again, and SIGPIPE kills us */
    printf("client: not reached\n");
    return 0;
}
`;

/** Writing to a connection whose other end closed: EPIPE, and SIGPIPE ends the writer. */
export const brokenPipe = cLibraryScenario({
  id: 'broken-pipe',
  title: 'A broken pipe: EPIPE and SIGPIPE',
  summary:
    'The server closes the connection at once, and the client reads 0. Its send() with MSG_NOSIGNAL fails with EPIPE; its plain write() fails too, and the kernel sends SIGPIPE, whose default action kills the client.',
  files: { 'pipe_server.c': PIPE_SERVER, 'pipe_client.c': PIPE_CLIENT },
  processes: [cProcess('server', 'pipe_server.c'), cProcess('client', 'pipe_client.c')],
});

const RESET_SERVER = String.raw`/* reset_server.c: read one byte of the request and close with the rest unread. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/reset.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int s, c;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    listen(s, 5);
    c = accept(s, NULL, NULL);
    n = read(c, buf, 1);
    printf("server: read %zd byte: %c\n", n, buf[0]);
    close(c);                          /* data left unread: the connection is reset */
    close(s);
    unlink(PATH);
    return 0;
}
`;

const RESET_CLIENT = String.raw`/* reset_client.c: send more than the server reads, then read its answer. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/reset.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int fd;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    write(fd, "xy: only x gets read", 20);
    n = read(fd, buf, sizeof buf);
    if (n == -1)
        perror("client: read");        /* ECONNRESET */
    n = read(fd, buf, sizeof buf);
    printf("client: then read returned %zd\n", n);
    close(fd);
    return 0;
}
`;

/** Closing with unread data resets the connection: the peer reads ECONNRESET. */
export const unreadClose = cLibraryScenario({
  id: 'unread-close',
  title: 'Closing with unread data: ECONNRESET',
  summary:
    "The server closes without reading what the client sent. Because data was left unread, the client's next read fails with ECONNRESET, and the read after that returns 0.",
  files: { 'reset_server.c': RESET_SERVER, 'reset_client.c': RESET_CLIENT },
  processes: [cProcess('server', 'reset_server.c'), cProcess('client', 'reset_client.c')],
});
