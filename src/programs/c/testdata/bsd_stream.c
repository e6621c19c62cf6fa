/*
 * bsd_stream.c: in the manner of the 4.3BSD IPC tutorial: K&R function
 * definitions, implicit int and no prototypes for the library.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stdio.h>

#define NAME "socket"
#define TRUE 1

extern int errno;
char *progname;

main(argc, argv)
	int argc;
	char *argv[];
{
	int sock, length;
	struct sockaddr_un server;
	register msgsock, rval;
	char buf[1024];

	progname = argv[0];
	sock = socket(AF_UNIX, SOCK_STREAM, 0);
	if (sock < 0) {
		perror("opening stream socket");
		exit(1);
	}
	server.sun_family = AF_UNIX;
	strcpy(server.sun_path, NAME);
	if (bind(sock, (struct sockaddr *)&server, sizeof(struct sockaddr_un))) {
		perror("binding stream socket");
		exit(1);
	}
	printf("Socket has name %s\n", server.sun_path);
	listen(sock, 5);
	do {
		msgsock = accept(sock, 0, 0);
		if (msgsock == -1)
			perror("accept");
		else do {
			bzero(buf, sizeof(buf));
			if ((rval = read(msgsock, buf, 1024)) < 0)
				perror("reading stream message");
			else if (rval == 0)
				printf("Ending connection\n");
			else
				printf("-->%s\n", buf);
		} while (rval > 0);
		close(msgsock);
	} while (TRUE);
	close(sock);
	unlink(NAME);
}

report(what, code)
	char *what;
{
	fprintf(stderr, "%s: %s failed (%d)\n", progname, what, code);
	return code;
}
