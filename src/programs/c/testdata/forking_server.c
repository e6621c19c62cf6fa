/*
 * forking_server.c: a stream server on a UNIX domain socket. Each client
 * gets its own child process; the parent reaps children from a SIGCHLD
 * handler so that no zombies are left behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define SOCK_PATH "/tmp/echo.sock"
#define BACKLOG 10
#define die(msg) do { perror(msg); exit(EXIT_FAILURE); } while (0)

static volatile int children = 0;

static void sigchld_handler(int sig)
{
    int saved_errno = errno;
    (void) sig;

    while (waitpid(-1, NULL, WNOHANG) > 0)
        children--;
    errno = saved_errno;
}

static void serve(int cfd)
{
    char buf[BUFSIZ];
    ssize_t n;

    while ((n = read(cfd, buf, sizeof buf)) > 0) {
        if (write(cfd, buf, (size_t) n) != n)
            die("write");
    }
    if (n == -1)
        die("read");
}

int main(int argc, char *argv[])
{
    struct sockaddr_un addr;
    struct sigaction sa;
    int sfd, cfd;
    const char *path = argc > 1 ? argv[1] : SOCK_PATH;

    sa.sa_handler = sigchld_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGCHLD, &sa, NULL) == -1)
        die("sigaction");

    if ((sfd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
        die("socket");

    if (strlen(path) > sizeof(addr.sun_path) - 1) {
        fprintf(stderr, "path too long: %s\n", path);
        exit(EXIT_FAILURE);
    }
    if (unlink(path) == -1 && errno != ENOENT)
        die("unlink");

    memset(&addr, 0, sizeof(struct sockaddr_un));
    addr.sun_family = AF_UNIX;
    strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);

    if (bind(sfd, (struct sockaddr *) &addr, sizeof(struct sockaddr_un)) == -1)
        die("bind");
    if (listen(sfd, BACKLOG) == -1)
        die("listen");

    for (;;) {
        cfd = accept(sfd, NULL, NULL);
        if (cfd == -1) {
            if (errno == EINTR)
                continue;
            die("accept");
        }
        switch (fork()) {
        case -1:
            die("fork");
        case 0:
            close(sfd);
            serve(cfd);
            _exit(EXIT_SUCCESS);
        default:
            children++;
            close(cfd);
            break;
        }
    }
}
