/**
 * TLPI's helpers for tlpi_hdr.h and its companion headers: the error functions (errExit and
 * friends), getInt/getLong, and the unix_sockets.h and read_line.h helpers.
 */
/** tlpi_error_functions.c, tlpi_get_num.c and tlpi_sockets.c by file name. */
export const TLPI_FILES: Record<string, string> = {
  'tlpi_error_functions.c': String.raw`/*
 * tlpi_error_functions.c: TLPI's error helpers for the gcc build of the fixtures (our own code; the
 * simulator's runtime has its own). The output formats are those documented in tlpi_hdr.h.
 */
#include <stdarg.h>
#include "tlpi_hdr.h"
#include "errno_names.inc"

static void terminate(int useExit3)
{
    char *s = getenv("EF_DUMPCORE");

    if (s != NULL && *s != '\0')
        abort();
    if (useExit3)
        exit(EXIT_FAILURE);
    _exit(EXIT_FAILURE);
}

static void report(int withErrno, int err, int flushStdout, const char *format, va_list ap)
{
    char message[500], detail[500], line[1100];
    const char *name = "?UNKNOWN?";

    vsnprintf(message, sizeof message, format, ap);
    if (withErrno) {
        if (err > 0 && err <= ERRNO_NAMES_MAX && errno_names[err] != NULL)
            name = errno_names[err];
        snprintf(detail, sizeof detail, " [%s %s]", name, strerror(err));
    } else {
        snprintf(detail, sizeof detail, ":");
    }
    snprintf(line, sizeof line, "ERROR%s %s\n", detail, message);
    if (flushStdout)
        fflush(stdout);
    fputs(line, stderr);
    fflush(stderr);
}

void errMsg(const char *format, ...)
{
    va_list ap;
    int saved = errno;

    va_start(ap, format);
    report(1, errno, 1, format, ap);
    va_end(ap);
    errno = saved;
}

void errExit(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(1, errno, 1, format, ap);
    va_end(ap);
    terminate(1);
}

void err_exit(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(1, errno, 0, format, ap);
    va_end(ap);
    terminate(0);
}

void errExitEN(int errnum, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(1, errnum, 1, format, ap);
    va_end(ap);
    terminate(1);
}

void fatal(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    report(0, 0, 1, format, ap);
    va_end(ap);
    terminate(1);
}

static void usageLike(const char *prefix, const char *format, va_list ap)
{
    fflush(stdout);
    fputs(prefix, stderr);
    vfprintf(stderr, format, ap);
    fflush(stderr);
    exit(EXIT_FAILURE);
}

void usageErr(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    usageLike("Usage: ", format, ap);
    va_end(ap);
}

void cmdLineErr(const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    usageLike("Command-line usage error: ", format, ap);
    va_end(ap);
}
`,
  'tlpi_get_num.c': String.raw`/* tlpi_get_num.c: TLPI's getInt/getLong for the gcc build (our own code; messages as in tlpi_hdr.h). */
#include <limits.h>
#include "tlpi_hdr.h"

static void fail(const char *fname, const char *reason, const char *arg, const char *name)
{
    fprintf(stderr, "%s error", fname);
    if (name != NULL)
        fprintf(stderr, " (in %s)", name);
    fprintf(stderr, ": %s\n", reason);
    if (arg != NULL && *arg != '\0')
        fprintf(stderr, "        offending text: %s\n", arg);
    exit(EXIT_FAILURE);
}

static long parse(const char *fname, const char *arg, int flags, const char *name)
{
    char *end;
    long value;
    int base = 10;

    if (arg == NULL || *arg == '\0')
        fail(fname, "null or empty string", arg, name);
    if (flags & GN_ANY_BASE)
        base = 0;
    else if (flags & GN_BASE_8)
        base = 8;
    else if (flags & GN_BASE_16)
        base = 16;
    errno = 0;
    value = strtol(arg, &end, base);
    if (errno != 0)
        fail(fname, "strtol() failed", arg, name);
    if (*end != '\0')
        fail(fname, "nonnumeric characters", arg, name);
    if ((flags & GN_NONNEG) && value < 0)
        fail(fname, "negative value not allowed", arg, name);
    if ((flags & GN_GT_0) && value <= 0)
        fail(fname, "value must be > 0", arg, name);
    return value;
}

long getLong(const char *arg, int flags, const char *name)
{
    return parse("getLong", arg, flags, name);
}

int getInt(const char *arg, int flags, const char *name)
{
    long value = parse("getInt", arg, flags, name);

    if (value > INT_MAX || value < INT_MIN)
        fail("getInt", "integer out of range", arg, name);
    return (int)value;
}
`,
  'tlpi_sockets.c': String.raw`/* tlpi_sockets.c: TLPI's unix_sockets.h and read_line.h helpers for the gcc build (our own code). */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "unix_sockets.h"
#include "read_line.h"

int unixBuildAddress(const char *path, struct sockaddr_un *addr)
{
    if (addr == NULL || path == NULL || strlen(path) >= sizeof(addr->sun_path)) {
        errno = (addr == NULL || path == NULL) ? EINVAL : ENAMETOOLONG;
        return -1;
    }
    memset(addr, 0, sizeof(struct sockaddr_un));
    addr->sun_family = AF_UNIX;
    strcpy(addr->sun_path, path);
    return 0;
}

static int makeSocket(const char *path, int type, int doBind)
{
    struct sockaddr_un addr;
    int fd, saved;

    if (unixBuildAddress(path, &addr) == -1)
        return -1;
    fd = socket(AF_UNIX, type, 0);
    if (fd == -1)
        return -1;
    if ((doBind ? bind(fd, (struct sockaddr *)&addr, sizeof addr)
                : connect(fd, (struct sockaddr *)&addr, sizeof addr)) == -1) {
        saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int unixConnect(const char *path, int type)
{
    return makeSocket(path, type, 0);
}

int unixBind(const char *path, int type)
{
    return makeSocket(path, type, 1);
}

int unixListen(const char *path, int backlog)
{
    int fd = makeSocket(path, SOCK_STREAM, 1), saved;

    if (fd == -1)
        return -1;
    if (listen(fd, backlog) == -1) {
        saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

ssize_t readLine(int fd, void *buffer, size_t n)
{
    char *out = buffer, ch;
    size_t kept = 0;
    ssize_t got;

    if (n == 0 || buffer == NULL) {
        errno = EINVAL;
        return -1;
    }
    for (;;) {
        got = read(fd, &ch, 1);
        if (got == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (got == 0) {
            if (kept == 0)
                return 0;
            break;
        }
        if (kept < n - 1)
            out[kept++] = ch;
        if (ch == '\n')
            break;
    }
    out[kept] = '\0';
    return kept;
}
`,
};
