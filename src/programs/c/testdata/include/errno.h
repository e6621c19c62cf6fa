#ifndef _ERRNO_H
#define _ERRNO_H
extern int *__errno_location(void);
#define errno (*__errno_location())
#define EINTR 4
#define ENOENT 2
#endif
