/* Test fixture: just enough of <sys/types.h> for the parser tests. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H
typedef unsigned long size_t;
typedef long ssize_t;
typedef int pid_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
typedef long time_t;
#endif
