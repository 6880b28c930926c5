// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-syscalls-proc.c: syscall_do() for the process, thread, signal, time
 * and ioctl families, on a fake CPU state and a real guest space.
 */
#include "syscall-harness.h"
#include "linux-user/options.h"

#include <fcntl.h>
#include <linux/futex.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* -- Process ------------------------------------------------------------------- */

START_TEST(test_uname_reports_aarch64_and_r_overrides_release)
{
    const UemuOption *r = options_find("r");
    struct utsname u;
    GError *err = NULL;

    ck_assert_int_eq(SYS(AARCH64_NR_uname, scratch), 0);
    get(&u, scratch, sizeof(u));
    ck_assert_str_eq(u.machine, "aarch64");
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->env, "QEMU_UNAME");
    ck_assert(r->handler("6.1.0-guest", &err));
    ck_assert_int_eq(SYS(AARCH64_NR_uname, scratch), 0);
    get(&u, scratch, sizeof(u));
    ck_assert_str_eq(u.release, "6.1.0-guest");
}
END_TEST

START_TEST(test_ids_are_the_hosts)
{
    ck_assert_int_eq(SYS(AARCH64_NR_getpid), getpid());
    ck_assert_int_eq(SYS(AARCH64_NR_getppid), getppid());
    ck_assert_int_eq(SYS(AARCH64_NR_gettid), gettid());
    ck_assert_int_eq(SYS(AARCH64_NR_getuid), getuid());
    ck_assert_int_eq(SYS(AARCH64_NR_geteuid), geteuid());
    ck_assert_int_eq(SYS(AARCH64_NR_getgid), getgid());
    ck_assert_int_eq(SYS(AARCH64_NR_getegid), getegid());
}
END_TEST

START_TEST(test_prlimit64_reads_host_limit_and_keeps_address_space)
{
    struct rlimit host, got;
    uint64_t huge_as[2] = { 1 << 20, 1 << 20 };

    getrlimit(RLIMIT_NOFILE, &host);
    ck_assert_int_eq(SYS(AARCH64_NR_prlimit64, 0, RLIMIT_NOFILE, 0, scratch), 0);
    get(&got, scratch, sizeof(got));
    ck_assert_uint_eq(got.rlim_cur, host.rlim_cur);
    ck_assert_uint_eq(got.rlim_max, host.rlim_max);
    /* A 1 MiB RLIMIT_AS would strangle the emulator: not applied, still 0. */
    getrlimit(RLIMIT_AS, &host);
    ck_assert_int_eq(SYS(AARCH64_NR_prlimit64, 0, RLIMIT_AS, put(0x100, huge_as, 16), 0), 0);
    getrlimit(RLIMIT_AS, &got);
    ck_assert_uint_eq(got.rlim_cur, host.rlim_cur);
    ck_assert_int_eq(SYS(AARCH64_NR_prlimit64, 0, RLIMIT_NOFILE, BAD_ADDR, 0), -EFAULT);
}
END_TEST

START_TEST(test_usage_sysinfo_random_affinity_fill_guest_buffers)
{
    uint64_t words[4] = { 0 };

    ck_assert_int_eq(SYS(AARCH64_NR_getrusage, RUSAGE_SELF, scratch), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_sysinfo, scratch), 0);
    get(words, scratch, 8);
    ck_assert_uint_gt(words[0], 0);                          /* uptime */
    ck_assert_int_eq(SYS(AARCH64_NR_getrandom, scratch + 0x100, 32, 0), 32);
    get(words, scratch + 0x100, 32);
    ck_assert(words[0] | words[1] | words[2] | words[3]);
    ck_assert_int_gt(SYS(AARCH64_NR_sched_getaffinity, 0, 128, scratch), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_sched_getaffinity, 0, 127, scratch), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_sched_yield), 0);
}
END_TEST

/* -- Threads --------------------------------------------------------------------- */

START_TEST(test_thread_startup_calls_record_and_answer)
{
    ck_assert_int_eq(SYS(AARCH64_NR_set_tid_address, scratch + 0x40), gettid());
    ck_assert_uint_eq(syscall_thread_clear_child_tid(), scratch + 0x40);
    ck_assert_int_eq(SYS(AARCH64_NR_set_robust_list, scratch + 0x80, 24), 0);
    ck_assert_uint_eq(syscall_thread_robust_list(), scratch + 0x80);
    ck_assert_int_eq(SYS(AARCH64_NR_set_robust_list, scratch, 16), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_rseq, scratch, 32, 0, 0), -ENOSYS);
}
END_TEST

START_TEST(test_futex_wait_checks_value_timeout_and_address)
{
    uint32_t word = 5;
    struct timespec ms = { 0, 1000000 };
    GuestAddr w = put(0x10, &word, 4);
    GuestAddr t = put(0x20, &ms, sizeof(ms));

    ck_assert_int_eq(SYS(AARCH64_NR_futex, w, FUTEX_WAIT_PRIVATE, 6, 0, 0, 0), -EAGAIN);
    ck_assert_int_eq(SYS(AARCH64_NR_futex, w, FUTEX_WAIT_PRIVATE, 5, t, 0, 0), -ETIMEDOUT);
    ck_assert_int_eq(SYS(AARCH64_NR_futex, w, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_futex, w + 1, FUTEX_WAKE, 1, 0, 0, 0), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_futex, BAD_ADDR, FUTEX_WAKE, 1, 0, 0, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_futex, w, FUTEX_WAIT, 5, BAD_ADDR, 0, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_futex, w, FUTEX_LOCK_PI, 0, 0, 0, 0), -ENOSYS);
}
END_TEST

/* -- Signals --------------------------------------------------------------------- */

START_TEST(test_rt_sigaction_records_and_returns_old_action)
{
    GuestSigaction act = { .handler = 0x401000, .flags = 0x10000000 | 0x4,
                           .restorer = 0, .mask = (1ULL << 8) | (1ULL << 1) };
    GuestSigaction old, rec;

    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigaction, 10, put(0, &act, 32), 0, 8), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigaction, 10, 0, scratch + 0x100, 8), 0);
    get(&old, scratch + 0x100, sizeof(old));
    ck_assert_uint_eq(old.handler, 0x401000);
    ck_assert_uint_eq(old.flags, 0x10000004);
    ck_assert_uint_eq(old.mask, 1ULL << 1);                 /* SIGKILL never masked */
    ck_assert(syscall_sigaction_get(10, &rec));
    ck_assert_uint_eq(rec.handler, 0x401000);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigaction, 9, scratch, 0, 8), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigaction, 65, 0, 0, 8), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigaction, 10, 0, 0, 4), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigaction, 10, BAD_ADDR, 0, 8), -EFAULT);
}
END_TEST

START_TEST(test_rt_sigprocmask_block_unblock_and_old_set)
{
    uint64_t set = (1ULL << 1) | (1ULL << 8), old = ~0ULL;  /* SIGINT, SIGKILL */

    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigprocmask, 0, put(0, &set, 8), 0, 8), 0);
    ck_assert_uint_eq(syscall_thread_sigmask(), 1ULL << 1);
    set = 1ULL << 1;
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigprocmask, 1, put(0, &set, 8), scratch + 8, 8), 0);
    get(&old, scratch + 8, 8);
    ck_assert_uint_eq(old, 1ULL << 1);
    ck_assert_uint_eq(syscall_thread_sigmask(), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigprocmask, 7, scratch, 0, 8), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigprocmask, 7, 0, 0, 8), 0);  /* how unread */
    ck_assert_int_eq(SYS(AARCH64_NR_rt_sigprocmask, 0, scratch, 0, 16), -EINVAL);
}
END_TEST

START_TEST(test_sigaltstack_records_and_validates)
{
    uint64_t ss[3] = { 0x500000, 0, 16384 }, old[3];
    GuestAddr sp;
    uint64_t size;
    int flags;

    ck_assert_int_eq(SYS(AARCH64_NR_sigaltstack, 0, scratch + 0x100), 0);
    get(old, scratch + 0x100, sizeof(old));
    ck_assert_uint_eq(old[1] & 0xffffffff, 2);               /* SS_DISABLE */
    ck_assert_int_eq(SYS(AARCH64_NR_sigaltstack, put(0, ss, sizeof(ss)), 0), 0);
    syscall_thread_altstack(&sp, &size, &flags);
    ck_assert_uint_eq(sp, 0x500000);
    ck_assert_uint_eq(size, 16384);
    ck_assert_int_eq(flags, 0);
    ss[2] = 100;
    ck_assert_int_eq(SYS(AARCH64_NR_sigaltstack, put(0, ss, sizeof(ss)), 0), -ENOMEM);
    ss[1] = 5;
    ck_assert_int_eq(SYS(AARCH64_NR_sigaltstack, put(0, ss, sizeof(ss)), 0), -EINVAL);
}
END_TEST

/* -- Time -------------------------------------------------------------------------- */

START_TEST(test_clocks_and_sleeps)
{
    struct timespec before, ts = { 0, 1000 };
    int64_t t[2];

    clock_gettime(CLOCK_MONOTONIC, &before);
    ck_assert_int_eq(SYS(AARCH64_NR_clock_gettime, CLOCK_MONOTONIC, scratch), 0);
    get(t, scratch, sizeof(t));
    ck_assert_int_ge(t[0], before.tv_sec);
    ck_assert_int_eq(SYS(AARCH64_NR_clock_getres, CLOCK_MONOTONIC, 0), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_clock_gettime, 12345, scratch), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_gettimeofday, scratch, 0), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_nanosleep, put(0x40, &ts, sizeof(ts)), 0), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_clock_nanosleep, CLOCK_MONOTONIC, 0, scratch + 0x40, 0), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_nanosleep, BAD_ADDR, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_clock_gettime, CLOCK_MONOTONIC, ro_page), -EFAULT);
}
END_TEST

/* -- ioctl ------------------------------------------------------------------------------ */

START_TEST(test_ioctl_unknown_or_non_tty_is_enotty)
{
    int fds[2];

    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, fds[0], 0x1234, 0), -ENOTTY);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, fds[0], TCGETS, scratch), -ENOTTY);
}
END_TEST

START_TEST(test_ioctl_termios_and_winsize_pass_through_on_pty)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY), slave;
    struct termios host;
    uint32_t cflag;
    uint16_t ws[4] = { 24, 80, 0, 0 }, back[4];

    if (master < 0 && (errno == ENOENT || errno == ENODEV)) {
        fprintf(stderr, "note: host has no pseudo-terminals; TCGETS on a pty not tested\n");
        return;
    }
    ck_assert_int_ge(master, 0);
    ck_assert_int_eq(grantpt(master) | unlockpt(master), 0);
    slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(slave, 0);
    ck_assert_int_eq(tcgetattr(slave, &host), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, slave, TCGETS, scratch), 0);
    get(&cflag, scratch + 8, 4);                            /* c_cflag */
    ck_assert_uint_eq(cflag, host.c_cflag);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, slave, TIOCSWINSZ, put(0x100, ws, 8)), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, slave, TIOCGWINSZ, scratch + 0x200), 0);
    get(back, scratch + 0x200, 8);
    ck_assert_uint_eq(back[0], 24);
    ck_assert_uint_eq(back[1], 80);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, slave, TCGETS, BAD_ADDR), -EFAULT);
}
END_TEST

static Suite *syscalls_proc_suite(void)
{
    Suite *s = suite_create("syscalls-proc");
    TCase *tc = tcase_create("process");

    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_uname_reports_aarch64_and_r_overrides_release);
    tcase_add_test(tc, test_ids_are_the_hosts);
    tcase_add_test(tc, test_prlimit64_reads_host_limit_and_keeps_address_space);
    tcase_add_test(tc, test_usage_sysinfo_random_affinity_fill_guest_buffers);
    tcase_add_test(tc, test_thread_startup_calls_record_and_answer);
    tcase_add_test(tc, test_futex_wait_checks_value_timeout_and_address);
    suite_add_tcase(s, tc);

    tc = tcase_create("signals-time-ioctl");
    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_rt_sigaction_records_and_returns_old_action);
    tcase_add_test(tc, test_rt_sigprocmask_block_unblock_and_old_set);
    tcase_add_test(tc, test_sigaltstack_records_and_validates);
    tcase_add_test(tc, test_clocks_and_sleeps);
    tcase_add_test(tc, test_ioctl_unknown_or_non_tty_is_enotty);
    tcase_add_test(tc, test_ioctl_termios_and_winsize_pass_through_on_pty);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(syscalls_proc_suite)
