import { cLibraryScenario, cProcess } from './types';

const BACKLOG = String.raw`/* backlog.c: listen(s, 1) lets two connections wait; a third connect() sleeps. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "/tmp/busy.sock"

static struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };

static void client(int i)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    printf("client %d: connected\n", i);
    close(fd);
    exit(0);
}

int main(void)
{
    int s, c, i;

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    listen(s, 1);
    /* Nobody accepts yet, but the first two clients get in: the backlog plus one. */
    for (i = 1; i <= 2; i++) {
        if (fork() == 0)
            client(i);
        wait(NULL);
    }
    /* The queue is full: the third client sleeps in connect() while we sleep. */
    if (fork() == 0)
        client(3);
    usleep(100000);
    for (i = 0; i < 3; i++) {
        c = accept(s, NULL, NULL);  /* the first accept frees a slot for client 3 */
        close(c);
    }
    wait(NULL);
    printf("server: accepted 3 connections\n");
    close(s);
    unlink(PATH);
    return 0;
}
`;

/** listen(s, 1) admits two pending connections; the third client's connect waits for accept. */
export const backlogFull = cLibraryScenario({
  id: 'backlog-full',
  title: 'A full listen backlog',
  summary:
    'listen(s, 1) lets 2 connections wait (the backlog plus one). The server forks three clients and does not accept yet: the third connect() sleeps until the server accepts one and frees a slot.',
  files: { 'backlog.c': BACKLOG },
  processes: [cProcess('server', 'backlog.c')],
});
