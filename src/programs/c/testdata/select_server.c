/* select_server.c: one process serves many clients, multiplexed with select(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>

#define SOCK_PATH "/tmp/select.sock"
#define MAX_CLIENTS 8

static int clients[MAX_CLIENTS];
static const char *greetings[] = { "hello", "bonjour", "hallo", };
#define NGREETINGS (sizeof(greetings) / sizeof(greetings[0]))

static int add_client(int fd)
{
    int i;
    for (i = 0; i < MAX_CLIENTS; i++)
        if (clients[i] < 0) {
            clients[i] = fd;
            return i;
        }
    return -1;
}

int main(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = SOCK_PATH };
    fd_set readfds;
    struct timeval tv;
    int lfd, maxfd, i, n;
    char buf[256];

    for (i = 0; i < MAX_CLIENTS; i++)
        clients[i] = -1;
    lfd = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink(SOCK_PATH);
    if (lfd < 0 || bind(lfd, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(lfd, 5) < 0) {
        perror("setup");
        return 1;
    }
    for (;;) {
        FD_ZERO(&readfds);
        FD_SET(lfd, &readfds);
        maxfd = lfd;
        for (i = 0; i < MAX_CLIENTS; i++) {
            if (clients[i] >= 0) {
                FD_SET(clients[i], &readfds);
                if (clients[i] > maxfd)
                    maxfd = clients[i];
            }
        }
        tv.tv_sec = 5;
        tv.tv_usec = 0;
        n = select(maxfd + 1, &readfds, NULL, NULL, &tv);
        if (n < 0) {
            perror("select");
            break;
        }
        if (n == 0)
            continue;
        if (FD_ISSET(lfd, &readfds)) {
            int cfd = accept(lfd, NULL, NULL);
            int slot = cfd >= 0 ? add_client(cfd) : -1;
            if (slot < 0 && cfd >= 0)
                close(cfd);
            else if (slot >= 0)
                write(cfd, greetings[slot % NGREETINGS], strlen(greetings[slot % NGREETINGS]));
        }
        for (i = 0; i < MAX_CLIENTS; i++) {
            int fd = clients[i];
            if (fd < 0 || !FD_ISSET(fd, &readfds))
                continue;
            ssize_t got = read(fd, buf, sizeof buf - 1);
            if (got <= 0) {
                close(fd);
                FD_CLR(fd, &readfds);
                clients[i] = -1;
            } else {
                buf[got] = '\0';
                printf("client %d: %s", i, buf);
            }
        }
    }
    close(lfd);
    return 0;
}
