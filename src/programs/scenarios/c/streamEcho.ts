import { cLibraryScenario, cProcess } from './types';

const SERVER = String.raw`/* echo_server.c: accept one client and echo what it sends until it closes. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/echo.sock"

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
    if (c == -1) {
        perror("accept");
        exit(1);
    }
    while ((n = read(c, buf, sizeof buf)) > 0) {
        printf("server: echoing %zd bytes\n", n);
        write(c, buf, n);
    }
    printf("server: read returned 0: the client has closed\n");
    close(c);
    close(s);
    unlink(PATH);
    return 0;
}
`;

const CLIENT = String.raw`/* echo_client.c: send a word to echo_server.c and print what comes back. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/echo.sock"

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
    write(fd, "hello", 5);
    n = read(fd, buf, sizeof buf);
    printf("client: got %zd bytes: %.*s\n", n, (int)n, buf);
    close(fd);
    return 0;
}
`;

/** The classic walkthrough: a server echoes what one client writes, until the client closes. */
export const streamEcho = cLibraryScenario({
  id: 'stream-echo',
  title: 'Stream echo: a server and a client',
  summary:
    'A server binds a name, listens and accepts one connection; the client connects, writes, reads the echo and closes. The server then reads 0: end of file.',
  files: { 'echo_server.c': SERVER, 'echo_client.c': CLIENT },
  processes: [cProcess('server', 'echo_server.c'), cProcess('client', 'echo_client.c')],
});
