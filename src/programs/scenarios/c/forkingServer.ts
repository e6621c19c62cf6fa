import { cLibraryScenario, cProcess } from './types';

const SERVER = String.raw`/* fork_server.c: one child per client; a SIGCHLD handler reaps the children. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "/tmp/fork.sock"

static void reap(int sig)
{
    int saved = errno;

    /* One SIGCHLD can stand for several children: reap every one that has ended. */
    while (waitpid(-1, NULL, WNOHANG) > 0)
        write(STDOUT_FILENO, "server: reaped a child\n", 23);
    errno = saved;
}

static void serve(int c)
{
    char buf[64];
    ssize_t n;

    n = read(c, buf, sizeof buf);
    if (n > 0) {
        write(c, buf, n);
        printf("child: echoed \"%.*s\"\n", (int)n, buf);
    }
}

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    struct sigaction sa;
    int s, c;

    sa.sa_handler = reap;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;   /* accept() carries on after the handler */
    sigaction(SIGCHLD, &sa, NULL);

    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("bind");
        exit(1);
    }
    listen(s, 5);
    for (;;) {
        c = accept(s, NULL, NULL);
        if (c == -1) {
            perror("accept");
            exit(1);
        }
        if (fork() == 0) {      /* child: serves this client only */
            close(s);
            serve(c);
            close(c);
            exit(0);
        }
        close(c);               /* parent: the child has its own copy */
    }
}
`;

const CLIENT = String.raw`/* fork_client.c: send argv[1] to fork_server.c and print the echo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PATH "/tmp/fork.sock"

int main(int argc, char *argv[])
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = PATH };
    char buf[64];
    ssize_t n;
    int fd;

    if (argc != 2) {
        fprintf(stderr, "usage: %s message\n", argv[0]);
        exit(2);
    }
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1) {
        perror("connect");
        exit(1);
    }
    write(fd, argv[1], strlen(argv[1]));
    n = read(fd, buf, sizeof buf);
    printf("client: got \"%.*s\"\n", (int)n, buf);
    close(fd);
    return 0;
}
`;

/** One process per connection: accept, fork, and each side closes the descriptor it does not need. */
export const forkingServer = cLibraryScenario({
  id: 'forking-server',
  title: 'A forking server',
  summary:
    'The server accepts each connection and forks: the parent closes the connection fd, the child the listening fd, so the connection lives until its last fd closes. A SIGCHLD handler reaps each child with waitpid(WNOHANG) while the server waits in accept() for the next client.',
  files: { 'fork_server.c': SERVER, 'fork_client.c': CLIENT },
  processes: [
    cProcess('server', 'fork_server.c'),
    cProcess('client A', 'fork_client.c', ['from A']),
    cProcess('client B', 'fork_client.c', ['from B']),
  ],
});
