/**
 * Files: <fcntl.h>, <sys/stat.h> and <sys/file.h>.
 */
export const FILES_HEADERS: Record<string, string> = {
  'fcntl.h': `/* fcntl.h: open flags and fcntl() commands (Linux x86-64 values). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <bits/types.h>
#ifndef __rv_mode_t_defined
#define __rv_mode_t_defined
typedef __mode_t mode_t;
#endif
#ifndef __rv_off_t_defined
#define __rv_off_t_defined
typedef __off_t off_t;
#endif
#ifndef __rv_pid_t_defined
#define __rv_pid_t_defined
typedef __pid_t pid_t;
#endif

#include <bits/statmode.h>

#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_DSYNC 010000
#define O_ASYNC 020000
#define FASYNC O_ASYNC
#define O_DIRECT 040000
#define O_LARGEFILE 0
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_NOATIME 01000000
#define O_CLOEXEC 02000000
#define O_SYNC 04010000
#define O_FSYNC O_SYNC
#define O_RSYNC O_SYNC
#define O_PATH 010000000
#define O_TMPFILE 020200000

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_SETOWN 8
#define F_GETOWN 9
#define F_SETSIG 10
#define F_GETSIG 11
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EACCESS 0x200
#define AT_SYMLINK_FOLLOW 0x400

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

struct flock {
  short l_type;
  short l_whence;
  off_t l_start;
  off_t l_len;
  pid_t l_pid;
};

int open(const char *__file, int __oflag, ...);
int openat(int __fd, const char *__file, int __oflag, ...);
int creat(const char *__file, mode_t __mode);
int fcntl(int __fd, int __cmd, ...);

#endif
`,
  'bits/statmode.h': `/* bits/statmode.h: file type and permission bits, shared by <sys/stat.h> and <fcntl.h>. */
#ifndef _BITS_STATMODE_H
#define _BITS_STATMODE_H

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_IFIFO 0010000
#define S_IFLNK 0120000
#define S_IFSOCK 0140000

#define S_ISDIR(mode) (((mode) & S_IFMT) == S_IFDIR)
#define S_ISCHR(mode) (((mode) & S_IFMT) == S_IFCHR)
#define S_ISBLK(mode) (((mode) & S_IFMT) == S_IFBLK)
#define S_ISREG(mode) (((mode) & S_IFMT) == S_IFREG)
#define S_ISFIFO(mode) (((mode) & S_IFMT) == S_IFIFO)
#define S_ISLNK(mode) (((mode) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(mode) (((mode) & S_IFMT) == S_IFSOCK)

#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01
#define S_IREAD S_IRUSR
#define S_IWRITE S_IWUSR
#define S_IEXEC S_IXUSR
#define ACCESSPERMS (S_IRWXU | S_IRWXG | S_IRWXO)
#define ALLPERMS (S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO)
#define DEFFILEMODE (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)

#endif
`,
  'sys/stat.h': `/* sys/stat.h: file status, with glibc's x86-64 struct stat (144 bytes). */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <bits/types.h>
#ifndef __rv_dev_t_defined
#define __rv_dev_t_defined
typedef __dev_t dev_t;
#endif
#ifndef __rv_ino_t_defined
#define __rv_ino_t_defined
typedef __ino_t ino_t;
#endif
#ifndef __rv_mode_t_defined
#define __rv_mode_t_defined
typedef __mode_t mode_t;
#endif
#ifndef __rv_nlink_t_defined
#define __rv_nlink_t_defined
typedef __nlink_t nlink_t;
#endif
#ifndef __rv_uid_t_defined
#define __rv_uid_t_defined
typedef __uid_t uid_t;
#endif
#ifndef __rv_gid_t_defined
#define __rv_gid_t_defined
typedef __gid_t gid_t;
#endif
#ifndef __rv_off_t_defined
#define __rv_off_t_defined
typedef __off_t off_t;
#endif
#ifndef __rv_blksize_t_defined
#define __rv_blksize_t_defined
typedef __blksize_t blksize_t;
#endif
#ifndef __rv_blkcnt_t_defined
#define __rv_blkcnt_t_defined
typedef __blkcnt_t blkcnt_t;
#endif
#ifndef __rv_time_t_defined
#define __rv_time_t_defined
typedef __time_t time_t;
#endif
#ifndef __rv_struct_timespec_defined
#define __rv_struct_timespec_defined
struct timespec {
  __time_t tv_sec;
  long tv_nsec;
};
#endif

#include <bits/statmode.h>

struct stat {
  __dev_t st_dev;
  __ino_t st_ino;
  __nlink_t st_nlink;
  __mode_t st_mode;
  __uid_t st_uid;
  __gid_t st_gid;
  int __pad0;
  __dev_t st_rdev;
  __off_t st_size;
  __blksize_t st_blksize;
  __blkcnt_t st_blocks;
  struct timespec st_atim;
  struct timespec st_mtim;
  struct timespec st_ctim;
  long __glibc_reserved[3];
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

int stat(const char *__file, struct stat *__buf);
int fstat(int __fd, struct stat *__buf);
int lstat(const char *__file, struct stat *__buf);
int fstatat(int __fd, const char *__file, struct stat *__buf, int __flag);
int chmod(const char *__file, mode_t __mode);
int fchmod(int __fd, mode_t __mode);
mode_t umask(mode_t __mask);
int mkdir(const char *__path, mode_t __mode);
int mkfifo(const char *__path, mode_t __mode);
int mknod(const char *__path, mode_t __mode, dev_t __dev);

#endif
`,
  'sys/file.h': `/* sys/file.h: BSD whole-file locks. */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <fcntl.h>

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

int flock(int __fd, int __operation);

#endif
`,
};
