// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-time.c: clocks, sleeps and timers: clock_gettime/getres/settime/
 * adjtime, gettimeofday, settimeofday, adjtimex, nanosleep, clock_nanosleep,
 * getitimer/setitimer, the POSIX timers (timer_*) and timerfd_*.
 *
 * Clock ids, struct timespec, timeval, timezone, itimerspec, itimerval,
 * timex (208 bytes) and sigevent (64 bytes) are the same on both 64-bit
 * ABIs, so values pass through; only the guest's pointers go through
 * uaccess. (The guest has no vdso: glibc falls back to these syscalls, so
 * they are hot.)
 *
 * Timers that signal (setitimer, timer_create with SIGEV_SIGNAL or
 * SIGEV_THREAD_ID) are host timers: the host raises the signal at the
 * emulator, and signal delivery (linux-user/signal.c) hands it to the
 * guest. Guest threads are host threads, so a SIGEV_THREAD_ID tid is the
 * host's. A kernel timer id is a plain int on both sides.
 */
#include "syscall.h"
#include "linux-user/uaccess.h"

#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <string.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

_Static_assert(sizeof(struct timespec) == 16 && sizeof(struct timeval) == 16 &&
               sizeof(struct timezone) == 8, "time structs differ from arm64's");
_Static_assert(sizeof(struct itimerspec) == 32 && sizeof(struct itimerval) == 32 &&
               sizeof(struct timex) == 208 && sizeof(struct sigevent) == 64,
               "timer structs differ from arm64's");

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

/* -- Setting and adjusting clocks (the host decides: EPERM unless privileged) -- */

int64_t sys_clock_settime(SyscallCall *c)
{
    struct timespec ts;

    if (uaccess_read(&ts, c->arg[1], sizeof(ts))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_clock_settime, arg_int(c, 0), &ts));
}

/* Either pointer may be NULL. */
int64_t sys_settimeofday(SyscallCall *c)
{
    struct timeval tv;
    struct timezone tz;

    if (c->arg[0] && uaccess_read(&tv, c->arg[0], sizeof(tv))) {
        return -EFAULT;
    }
    if (c->arg[1] && uaccess_read(&tz, c->arg[1], sizeof(tz))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_settimeofday, c->arg[0] ? &tv : NULL,
                            c->arg[1] ? &tz : NULL));
}

/* struct timex in, and back out on success (the result is the clock state). */
static int64_t timex_call(SyscallCall *c, GuestAddr a, bool with_clock)
{
    struct timex tx;
    int64_t ret;

    if (uaccess_read(&tx, a, sizeof(tx))) {
        return -EFAULT;
    }
    ret = with_clock ? host_ret(syscall(SYS_clock_adjtime, arg_int(c, 0), &tx))
                     : host_ret(syscall(SYS_adjtimex, &tx));
    if (ret >= 0 && uaccess_write(a, &tx, sizeof(tx))) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_adjtimex(SyscallCall *c)
{
    return timex_call(c, c->arg[0], false);
}

int64_t sys_clock_adjtime(SyscallCall *c)
{
    return timex_call(c, c->arg[1], true);
}

/* -- Interval timers -------------------------------------------------------- */

int64_t sys_getitimer(SyscallCall *c)
{
    struct itimerval v;

    if (syscall(SYS_getitimer, arg_int(c, 0), &v) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &v, sizeof(v)) ? -EFAULT : 0;
}

/* A NULL new value means a zero one (the kernel still accepts it, with a warning). */
int64_t sys_setitimer(SyscallCall *c)
{
    struct itimerval v, old;

    if (c->arg[1]) {
        if (uaccess_read(&v, c->arg[1], sizeof(v))) {
            return -EFAULT;
        }
    } else {
        memset(&v, 0, sizeof(v));
    }
    if (syscall(SYS_setitimer, arg_int(c, 0), &v, &old) < 0) {
        return -errno;
    }
    if (c->arg[2] && uaccess_write(c->arg[2], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

/* -- POSIX timers ------------------------------------------------------------ */

int64_t sys_timer_create(SyscallCall *c)
{
    struct sigevent sev;
    int id;

    if (c->arg[1] && uaccess_read(&sev, c->arg[1], sizeof(sev))) {
        return -EFAULT;
    }
    if (syscall(SYS_timer_create, arg_int(c, 0), c->arg[1] ? &sev : NULL, &id) < 0) {
        return -errno;
    }
    if (uaccess_write(c->arg[2], &id, sizeof(id))) {
        syscall(SYS_timer_delete, id);      /* the guest never learnt its id */
        return -EFAULT;
    }
    return 0;
}

/* settime for timer_settime and timerfd_settime: new value in, old value out. */
static int64_t settime(SyscallCall *c, long nr)
{
    struct itimerspec v, old;

    if (uaccess_read(&v, c->arg[2], sizeof(v))) {
        return -EFAULT;
    }
    if (syscall(nr, arg_int(c, 0), arg_int(c, 1), &v, c->arg[3] ? &old : NULL) < 0) {
        return -errno;
    }
    if (c->arg[3] && uaccess_write(c->arg[3], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

static int64_t gettime(SyscallCall *c, long nr)
{
    struct itimerspec v;

    if (syscall(nr, arg_int(c, 0), &v) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &v, sizeof(v)) ? -EFAULT : 0;
}

int64_t sys_timer_settime(SyscallCall *c)
{
    return settime(c, SYS_timer_settime);
}

int64_t sys_timer_gettime(SyscallCall *c)
{
    return gettime(c, SYS_timer_gettime);
}

int64_t sys_timer_getoverrun(SyscallCall *c)
{
    return host_ret(syscall(SYS_timer_getoverrun, arg_int(c, 0)));
}

int64_t sys_timer_delete(SyscallCall *c)
{
    return host_ret(syscall(SYS_timer_delete, arg_int(c, 0)));
}

/* -- timerfd (TFD_CLOEXEC/TFD_NONBLOCK are the O_* values, the same on both) -- */

int64_t sys_timerfd_create(SyscallCall *c)
{
    return host_ret(syscall(SYS_timerfd_create, arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_timerfd_settime(SyscallCall *c)
{
    return settime(c, SYS_timerfd_settime);
}

int64_t sys_timerfd_gettime(SyscallCall *c)
{
    return gettime(c, SYS_timerfd_gettime);
}
