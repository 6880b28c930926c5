// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * timers.c: clocks and timers, without waiting for any signal: the
 * clock_* calls, gettimeofday, nanosleep, adjtimex (read-only), interval
 * timers (setitimer/getitimer values), POSIX timers with SIGEV_NONE,
 * timerfd expiry, and -EFAULT for bad pointers.
 *
 * Times vary from run to run, so the checks only look at ranges and
 * orderings; the output is the same every run and under qemu-aarch64.
 */
#define _GNU_SOURCE
#include "guest-check.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#define BAD_PTR ((void *)8)     /* never mapped */

static long raw_ret(long r)
{
    return r == -1 ? -errno : r;
}

static int64_t ns(const struct timespec *t)
{
    return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

static void test_clocks(void)
{
    struct timespec a, b, res;
    struct timeval tv;

    check_section("clocks");
    CHECK(0, clock_gettime(CLOCK_MONOTONIC, &a), "monotonic");
    for (volatile int i = 0; i < 100000; i++) {
    }
    CHECK(0, clock_gettime(CLOCK_MONOTONIC, &b), "monotonic again");
    CHECK(1, ns(&b) > ns(&a), "monotonic progresses");
    CHECK(1, b.tv_nsec >= 0 && b.tv_nsec < 1000000000, "tv_nsec in range");
    CHECK(0, clock_getres(CLOCK_MONOTONIC, &res), "getres");
    CHECK(1, ns(&res) > 0 && ns(&res) <= 10000000, "resolution");
    CHECK(0, raw_ret(syscall(SYS_clock_getres, CLOCK_REALTIME, NULL)), "getres NULL");
    CHECK(-EINVAL, raw_ret(syscall(SYS_clock_gettime, 12345, &a)), "bad clock");
    CHECK(0, clock_gettime(CLOCK_REALTIME, &a), "realtime");
    CHECK(0, gettimeofday(&tv, NULL), "gettimeofday");
    CHECK(1, tv.tv_sec - a.tv_sec < 5 && a.tv_sec - tv.tv_sec < 5, "agrees with realtime");
    CHECK(0, clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a), "process cputime");
    CHECK(0, clock_gettime(CLOCK_BOOTTIME, &a), "boottime");

    /* Setting clocks needs privileges we do not have (or test nothing). */
    clock_gettime(CLOCK_REALTIME, &a);
    long r = raw_ret(syscall(SYS_clock_settime, CLOCK_MONOTONIC, &a));
    CHECK(-EINVAL, r, "clock_settime(MONOTONIC) is refused");
    CHECK(-EFAULT, raw_ret(syscall(SYS_clock_settime, CLOCK_REALTIME, BAD_PTR)),
          "clock_settime bad pointer");

    /* adjtimex with modes 0 only reads. */
    struct timex tx;
    memset(&tx, 0, sizeof(tx));
    r = adjtimex(&tx);
    CHECK(1, r >= TIME_OK && r <= TIME_ERROR, "adjtimex returns a clock state");
    CHECK(1, tx.tick > 0, "adjtimex filled tick");
    memset(&tx, 0, sizeof(tx));
    r = raw_ret(syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx));
    CHECK(1, r >= TIME_OK && r <= TIME_ERROR, "clock_adjtime returns a clock state");
    CHECK(1, tx.tick > 0, "clock_adjtime filled tick");
    CHECK(-EFAULT, raw_ret(syscall(SYS_adjtimex, BAD_PTR)), "adjtimex bad pointer");

    check_section("sleep");
    struct timespec req = { 0, 20 * 1000000 };
    clock_gettime(CLOCK_MONOTONIC, &a);
    CHECK(0, nanosleep(&req, NULL), "nanosleep");
    clock_gettime(CLOCK_MONOTONIC, &b);
    CHECK(1, ns(&b) - ns(&a) >= 20000000, "slept 20ms");
    struct timespec until = { a.tv_sec, a.tv_nsec };
    until.tv_nsec += 30 * 1000000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    CHECK(0, clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL), "absolute sleep");
    clock_gettime(CLOCK_MONOTONIC, &b);
    CHECK(1, ns(&b) >= ns(&until), "woke after the deadline");
    /* (A bad pointer gives EFAULT on Linux and EINVAL under qemu-aarch64: not checked.) */
    req.tv_nsec = 1000000000;
    CHECK(-EINVAL, raw_ret(syscall(SYS_nanosleep, &req, NULL)), "nanosleep bad tv_nsec");
}

static void test_itimers(void)
{
    struct itimerval v = { { 0, 0 }, { 100, 0 } }, old, cur;

    check_section("itimer");
    CHECK(0, getitimer(ITIMER_REAL, &cur), "getitimer, none armed");
    CHECK(0, cur.it_value.tv_sec | cur.it_value.tv_usec, "disarmed");
    CHECK(0, setitimer(ITIMER_REAL, &v, &old), "arm ITIMER_REAL 100s");
    CHECK(0, old.it_value.tv_sec | old.it_value.tv_usec, "old value was disarmed");
    CHECK(0, getitimer(ITIMER_REAL, &cur), "getitimer");
    CHECK(1, cur.it_value.tv_sec >= 98 && cur.it_value.tv_sec <= 100, "about 100s left");
    v.it_value.tv_sec = 50;
    v.it_interval.tv_sec = 7;
    CHECK(0, setitimer(ITIMER_REAL, &v, &old), "re-arm 50s, interval 7s");
    CHECK(1, old.it_value.tv_sec >= 98 && old.it_value.tv_sec <= 100, "old value about 100s");
    CHECK(0, getitimer(ITIMER_REAL, &cur), "getitimer");
    CHECK(7, cur.it_interval.tv_sec, "interval");
    CHECK(1, cur.it_value.tv_sec >= 48 && cur.it_value.tv_sec <= 50, "about 50s left");
    memset(&v, 0, sizeof(v));
    CHECK(0, setitimer(ITIMER_REAL, &v, NULL), "disarm");
    CHECK(0, getitimer(ITIMER_REAL, &cur), "getitimer");
    CHECK(0, cur.it_value.tv_sec | cur.it_value.tv_usec, "disarmed again");

    v.it_value.tv_sec = 1000;
    CHECK(0, setitimer(ITIMER_VIRTUAL, &v, NULL), "arm ITIMER_VIRTUAL");
    CHECK(0, getitimer(ITIMER_VIRTUAL, &cur), "getitimer VIRTUAL");
    CHECK(1, cur.it_value.tv_sec > 990, "virtual timer armed");
    memset(&v, 0, sizeof(v));
    setitimer(ITIMER_VIRTUAL, &v, NULL);

    CHECK(-EINVAL, raw_ret(syscall(SYS_getitimer, 99, &cur)), "bad which");
    CHECK(-EFAULT, raw_ret(syscall(SYS_getitimer, ITIMER_REAL, BAD_PTR)), "getitimer bad pointer");
    CHECK(-EFAULT, raw_ret(syscall(SYS_setitimer, ITIMER_REAL, BAD_PTR, NULL)),
          "setitimer bad pointer");
}

static void test_posix_timers(void)
{
    struct sigevent sev;
    struct itimerspec its, cur;
    int tid = -1;

    check_section("timer_create");
    memset(&sev, 0, sizeof(sev));
    sev.sigev_notify = SIGEV_NONE;
    CHECK(0, raw_ret(syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid)), "SIGEV_NONE timer");
    CHECK(1, tid >= 0, "a timer id");
    CHECK(0, raw_ret(syscall(SYS_timer_gettime, tid, &cur)), "gettime, disarmed");
    CHECK(0, cur.it_value.tv_sec | cur.it_value.tv_nsec, "disarmed");
    memset(&its, 0, sizeof(its));
    its.it_value.tv_sec = 60;
    its.it_interval.tv_nsec = 250000000;
    CHECK(0, raw_ret(syscall(SYS_timer_settime, tid, 0, &its, NULL)), "arm 60s");
    CHECK(0, raw_ret(syscall(SYS_timer_gettime, tid, &cur)), "gettime");
    CHECK(1, cur.it_value.tv_sec >= 58 && cur.it_value.tv_sec <= 60, "about 60s left");
    CHECK(250000000, cur.it_interval.tv_nsec, "interval");
    CHECK(0, raw_ret(syscall(SYS_timer_getoverrun, tid)), "no overrun");

    /* An expired SIGEV_NONE timer: no signal, time left 0 (one-shot). */
    its.it_value.tv_sec = 0;
    its.it_value.tv_nsec = 1000000;
    its.it_interval.tv_nsec = 0;
    struct itimerspec old;
    CHECK(0, raw_ret(syscall(SYS_timer_settime, tid, 0, &its, &old)), "arm 1ms");
    CHECK(1, old.it_value.tv_sec >= 58 && old.it_value.tv_sec <= 60, "old value");
    struct timespec req = { 0, 10000000 };
    nanosleep(&req, NULL);
    syscall(SYS_timer_gettime, tid, &cur);
    CHECK(0, cur.it_value.tv_sec | cur.it_value.tv_nsec, "expired");
    CHECK(-EFAULT, raw_ret(syscall(SYS_timer_gettime, tid, BAD_PTR)), "gettime bad pointer");
    CHECK(-EFAULT, raw_ret(syscall(SYS_timer_settime, tid, 0, BAD_PTR, NULL)),
          "settime bad pointer");
    CHECK(0, raw_ret(syscall(SYS_timer_delete, tid)), "delete");
    CHECK(-EINVAL, raw_ret(syscall(SYS_timer_delete, tid)), "delete twice");
    CHECK(-EINVAL, raw_ret(syscall(SYS_timer_gettime, tid, &cur)), "gettime after delete");
    CHECK(-EFAULT, raw_ret(syscall(SYS_timer_create, CLOCK_MONOTONIC, BAD_PTR, &tid)),
          "create bad sigevent");

    /* The default sigevent (NULL): SIGALRM; never armed here, just created. */
    CHECK(0, raw_ret(syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &tid)), "NULL sigevent");
    CHECK(0, raw_ret(syscall(SYS_timer_delete, tid)), "delete");
}

static void test_timerfd(void)
{
    struct itimerspec its, cur;
    uint64_t n;
    int fd;

    check_section("timerfd");
    fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    CHECK(1, fd >= 0, "timerfd_create");
    CHECK(-EAGAIN, raw_ret(read(fd, &n, 8)), "not armed: EAGAIN");
    memset(&its, 0, sizeof(its));
    its.it_value.tv_nsec = 20 * 1000000;
    its.it_interval.tv_nsec = 20 * 1000000;
    CHECK(0, timerfd_settime(fd, 0, &its, NULL), "arm 20ms periodic");
    CHECK(0, timerfd_gettime(fd, &cur), "gettime");
    CHECK(20000000, cur.it_interval.tv_nsec, "interval");
    CHECK(1, cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 20000000, "value");
    struct timespec req = { 0, 70 * 1000000 };
    nanosleep(&req, NULL);
    CHECK(8, read(fd, &n, 8), "read expirations");
    CHECK(1, n >= 3, "at least three expirations");
    memset(&its, 0, sizeof(its));
    struct itimerspec old;
    CHECK(0, timerfd_settime(fd, 0, &its, &old), "disarm");
    CHECK(20000000, old.it_interval.tv_nsec, "old interval");
    close(fd);

    fd = timerfd_create(CLOCK_MONOTONIC, 0);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    its.it_value = now;
    its.it_value.tv_nsec += 10 * 1000000;
    if (its.it_value.tv_nsec >= 1000000000) {
        its.it_value.tv_sec++;
        its.it_value.tv_nsec -= 1000000000;
    }
    CHECK(0, timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL), "absolute one-shot");
    CHECK(8, read(fd, &n, 8), "blocking read waits for expiry");
    CHECK(1, n, "one expiration");
    CHECK(-EFAULT, raw_ret(syscall(SYS_timerfd_settime, fd, 0, BAD_PTR, NULL)),
          "settime bad pointer");
    CHECK(-EFAULT, raw_ret(syscall(SYS_timerfd_gettime, fd, BAD_PTR)), "gettime bad pointer");
    CHECK(-EINVAL, raw_ret(syscall(SYS_timerfd_create, 12345, 0)), "bad clock");
    close(fd);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_clocks();
    test_itimers();
    test_posix_timers();
    test_timerfd();
    return check_exit();
}
