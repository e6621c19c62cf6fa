/** Sockets without names: a socketpair shared by fork, and a descriptor passed over one. */
import { FD_PASSING_HELPERS } from './fdPassing';
import { cLibraryScenario, cProcess } from './types';

const PAIR = String.raw`/* pair.c: socketpair() and fork(): parent and child talk over the two ends. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    char buf[64];
    ssize_t n;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) {
        perror("socketpair");
        exit(1);
    }
    pid = fork();
    if (pid == -1) {
        perror("fork");
        exit(1);
    }
    if (pid == 0) {             /* child: talks on sv[1] */
        close(sv[0]);
        write(sv[1], "hi parent", 9);
        n = read(sv[1], buf, sizeof buf);
        printf("child: got \"%.*s\"\n", (int)n, buf);
        close(sv[1]);
        exit(0);
    }
    close(sv[1]);               /* parent: talks on sv[0] */
    n = read(sv[0], buf, sizeof buf);
    printf("parent: got \"%.*s\"\n", (int)n, buf);
    write(sv[0], "hi child", 8);
    waitpid(pid, NULL, 0);
    close(sv[0]);
    return 0;
}
`;

/** A socketpair shared by fork: parent and child talk over the two ends. */
export const socketpairFork = cLibraryScenario({
  id: 'socketpair-fork',
  title: 'socketpair() and fork()',
  summary:
    'socketpair() makes two connected sockets; after fork() each process closes one end and they talk over the other. No name is needed.',
  files: { 'pair.c': PAIR },
  processes: [cProcess('parent', 'pair.c')],
});

const PASS_FD = String.raw`/* pass_fd.c: send one end of a socketpair to a child with SCM_RIGHTS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

${FD_PASSING_HELPERS}int main(void)
{
    int ctl[2], data[2], fd;
    char buf[64];
    ssize_t n;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, ctl) == -1 ||
        socketpair(AF_UNIX, SOCK_STREAM, 0, data) == -1) {
        perror("socketpair");
        exit(1);
    }
    pid = fork();
    if (pid == 0) {             /* child: keeps only ctl[1] */
        close(ctl[0]);
        close(data[0]);
        close(data[1]);
        fd = recv_fd(ctl[1]);   /* a new fd for the parent's data[1] */
        printf("child: received fd %d\n", fd);
        write(fd, "hello through a passed fd", 25);
        exit(0);
    }
    close(ctl[1]);
    send_fd(ctl[0], data[1]);
    close(data[1]);             /* the message in flight holds its own reference */
    n = read(data[0], buf, sizeof buf);
    printf("parent: read \"%.*s\"\n", (int)n, buf);
    waitpid(pid, NULL, 0);
    return 0;
}
`;

/** Passing a descriptor with SCM_RIGHTS. */
export const fdPassing = cLibraryScenario({
  id: 'fd-passing',
  title: 'Passing a descriptor (SCM_RIGHTS)',
  summary:
    'The parent sends one end of a socketpair to its child in a control message. The child gets a new fd for the same open file, and writes through it.',
  files: { 'pass_fd.c': PASS_FD },
  processes: [cProcess('parent', 'pass_fd.c')],
});
