/**
 * The C helpers that pass one descriptor over a UNIX socket with SCM_RIGHTS (send_fd, recv_fd),
 * shared by the fd-passing scenario and the socketpair lesson.
 */
export const FD_PASSING_HELPERS = String.raw`union control {                 /* room for one descriptor, aligned for cmsghdr */
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
};

static void send_fd(int sock, int fd)
{
    char byte = 'F';            /* a message must carry at least one byte */
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union control ctl;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);

    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    if (sendmsg(sock, &msg, 0) == -1) {
        perror("sendmsg");
        exit(1);
    }
}

static int recv_fd(int sock)
{
    char byte;
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union control ctl;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *cmsg;
    int fd;

    if (recvmsg(sock, &msg, 0) == -1) {
        perror("recvmsg");
        exit(1);
    }
    cmsg = CMSG_FIRSTHDR(&msg);
    if (cmsg == NULL || cmsg->cmsg_type != SCM_RIGHTS) {
        fprintf(stderr, "no descriptor came\n");
        exit(1);
    }
    memcpy(&fd, CMSG_DATA(cmsg), sizeof(int));
    return fd;
}

`;
