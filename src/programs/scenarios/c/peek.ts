import { cLibraryScenario, cProcess } from './types';

const SERVER = String.raw`/* peek_server.c: look at the first bytes with MSG_PEEK, then really read them. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/peek.sock"

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
    n = recv(c, buf, 5, MSG_PEEK);     /* copies 5 bytes but leaves them queued */
    printf("server: peeked %zd bytes: %.*s\n", n, (int)n, buf);
    n = read(c, buf, sizeof buf);      /* the same bytes again, and the rest */
    printf("server: read %zd bytes: %.*s\n", n, (int)n, buf);
    close(c);
    close(s);
    unlink(PATH);
    return 0;
}
`;

const CLIENT = `/* peek_client.c: connect, write one message and close. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/peek.sock"

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    int fd;

    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    write(fd, "hello world", 11);
    close(fd);
    return 0;
}
`;

/** MSG_PEEK shows bytes without taking them; the next read gets them again. */
export const peek = cLibraryScenario({
  id: 'peek',
  title: 'Peeking with MSG_PEEK',
  summary:
    'recv(..., MSG_PEEK) copies bytes but leaves them queued; the read() after it returns the same bytes and more.',
  files: { 'peek_server.c': SERVER, 'peek_client.c': CLIENT },
  processes: [cProcess('server', 'peek_server.c'), cProcess('client', 'peek_client.c')],
});
