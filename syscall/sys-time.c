// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-time.c: clocks and sleeps: clock_gettime, clock_getres,
 * gettimeofday, nanosleep, clock_nanosleep.
 *
 * Clock ids, struct timespec, struct timeval and struct timezone are the
 * same on both 64-bit ABIs, so values pass through; only the guest's
 * pointers go through uaccess. (The guest has no vdso: glibc falls back to
 * these syscalls, so they are hot.)
 */
#include "syscall.h"
#include "linux-user/uaccess.h"

#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

_Static_assert(sizeof(struct timespec) == 16 && sizeof(struct timeval) == 16 &&
               sizeof(struct timezone) == 8, "time structs differ from arm64's");

#define TIMER_ABSTIME_FLAG 1            /* clock_nanosleep: @rqtp is absolute */

int64_t sys_clock_gettime(SyscallCall *c)
{
    struct timespec ts;

    if (clock_gettime((clockid_t)arg_int(c, 0), &ts) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* A NULL @tp only checks the clock id. */
int64_t sys_clock_getres(SyscallCall *c)
{
    struct timespec ts;

    if (clock_getres((clockid_t)arg_int(c, 0), &ts) < 0) {
        return -errno;
    }
    if (c->arg[1] && uaccess_write(c->arg[1], &ts, sizeof(ts))) {
        return -EFAULT;
    }
    return 0;
}

/* Either pointer may be NULL; the raw syscall still fills a timezone. */
int64_t sys_gettimeofday(SyscallCall *c)
{
    struct timeval tv;
    struct timezone tz;

    if (syscall(SYS_gettimeofday, &tv, &tz) < 0) {
        return -errno;
    }
    if (c->arg[0] && uaccess_write(c->arg[0], &tv, sizeof(tv))) {
        return -EFAULT;
    }
    if (c->arg[1] && uaccess_write(c->arg[1], &tz, sizeof(tz))) {
        return -EFAULT;
    }
    return 0;
}

/*
 * Sleeps: the remaining time is written back only when a signal cut a
 * relative sleep short (EINTR), as the kernel does.
 */
static int64_t sleep_done(long r, GuestAddr rem_addr, const struct timespec *rem,
                          bool relative)
{
    int64_t ret = host_ret(r);

    if (ret == -EINTR && relative && rem_addr &&
        uaccess_write(rem_addr, rem, sizeof(*rem))) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_nanosleep(SyscallCall *c)
{
    struct timespec req, rem;

    if (uaccess_read(&req, c->arg[0], sizeof(req))) {
        return -EFAULT;
    }
    return sleep_done(syscall(SYS_nanosleep, &req, &rem), c->arg[1], &rem, true);
}

int64_t sys_clock_nanosleep(SyscallCall *c)
{
    struct timespec req, rem;
    int flags = arg_int(c, 1);

    if (uaccess_read(&req, c->arg[2], sizeof(req))) {
        return -EFAULT;
    }
    return sleep_done(syscall(SYS_clock_nanosleep, arg_int(c, 0), flags, &req, &rem),
                      c->arg[3], &rem, !(flags & TIMER_ABSTIME_FLAG));
}
