// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * conv.h: guest (AArch64 Linux) structures whose layout or values differ from
 * the x86-64 host's, and their conversions.
 *
 * Most syscall structures are laid out identically by the two 64-bit ABIs
 * (timespec, timeval, rusage, rlimit64, sysinfo, utsname, linux_dirent64,
 * termios, winsize, stack_t): handlers copy those through uaccess as they
 * are, and tests/unit/test-conv.c checks that the layouts indeed agree.
 * What differs gets a Guest* type here, laid out as the arm64 kernel
 * headers lay it out, and a conv_<what>_to_guest/_from_guest pair.
 */
#ifndef UEMU_SYSCALL_CONV_H
#define UEMU_SYSCALL_CONV_H

#include "linux-user/mmap.h"

#include <stdint.h>
#include <sys/stat.h>
#include <sys/uio.h>

/* -- struct stat (conv-stat.c) ----------------------------------------- */

/*
 * asm-generic/stat.h, which arm64 uses: 32-bit mode/nlink/uid/gid and
 * blksize, explicit padding, 128 bytes. (x86-64's is 144 bytes with a
 * 64-bit st_nlink right after st_ino.) Field names avoid glibc's st_atime
 * macros.
 */
typedef struct GuestStat {
    uint64_t dev;
    uint64_t ino;
    uint32_t mode;
    uint32_t nlink;
    uint32_t uid;
    uint32_t gid;
    uint64_t rdev;
    uint64_t pad1;
    int64_t size;
    int32_t blksize;
    int32_t pad2;
    int64_t blocks;
    int64_t atime_sec;
    uint64_t atime_nsec;
    int64_t mtime_sec;
    uint64_t mtime_nsec;
    int64_t ctime_sec;
    uint64_t ctime_nsec;
    uint32_t unused4;
    uint32_t unused5;
} GuestStat;

/*
 * conv_stat_to_guest: fill @g from the host's @h. Returns 0, or -EOVERFLOW
 * when a value does not fit the guest's narrower field (st_nlink), as the
 * kernel's cp_new_stat() does.
 */
int conv_stat_to_guest(const struct stat *h, GuestStat *g);

/* -- Open flags (conv-misc.c) ------------------------------------------- */

/*
 * O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE have other values on
 * arm64 than on x86-64; every other O_* bit is the same. Used by openat,
 * pipe2, dup3, fcntl F_GETFL/F_SETFL.
 */
int conv_open_flags_from_guest(int guest_flags);
int conv_open_flags_to_guest(int host_flags);

/* -- struct iovec (conv-misc.c) -------------------------------------------- */

#define GUEST_IOV_MAX 1024      /* UIO_MAXIOV */

/*
 * conv_iovec_from_guest: read @cnt guest iovecs at @vec and point @out
 * (room for GUEST_IOV_MAX) at the guest buffers, each checked for @prot
 * (PROT_READ for writev: the kernel reads them). Returns 0, -EINVAL for a
 * bad count or a total over SSIZE_MAX, -EFAULT for a bad array or buffer.
 */
int conv_iovec_from_guest(struct iovec *out, GuestAddr vec, uint64_t cnt,
                          int prot);

/* -- Terminal structures (ioctls.def) --------------------------------------- */

/* The kernel's struct termios (asm-generic/termbits.h), the same on both hosts. */
typedef struct GuestTermios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_line;
    uint8_t c_cc[19];
} GuestTermios;

typedef struct GuestWinsize {
    uint16_t ws_row;
    uint16_t ws_col;
    uint16_t ws_xpixel;
    uint16_t ws_ypixel;
} GuestWinsize;

/* -- struct epoll_event (conv-poll.c) ------------------------------------------ */

/*
 * arm64's struct epoll_event is naturally aligned: events at 0, data at 8,
 * 16 bytes. x86-64's is __attribute__((packed)): data at 4, 12 bytes.
 */
typedef struct GuestEpollEvent {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
} GuestEpollEvent;

struct epoll_event;
void conv_epoll_event_from_guest(struct epoll_event *h, const GuestEpollEvent *g);
void conv_epoll_event_to_guest(GuestEpollEvent *g, const struct epoll_event *h);

#endif /* UEMU_SYSCALL_CONV_H */
