// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-strace.c: -d strace text, byte for byte, in the formats qemu-aarch64
 * 7.2 prints (observed with `qemu-aarch64 -strace` on static AArch64
 * programs): pid prefix, quoted strings, flags by name, pointers as
 * 0x%016x or NULL, buffers as %#x, errors as -1 errno=N (strerror), structs
 * filled in by the call after the result, and a line in two parts; and
 * the "--- SIG... {siginfo} ---" line of a signal the guest takes.
 */
#include "strace-capture.h"

#include "syscall/strace.h"

#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <string.h>
#include <linux/futex.h>
#include <time.h>
#include <unistd.h>


/* -- Files ------------------------------------------------------------------------ */

START_TEST(test_strace_openat_error_names_dirfd_string_flags_errno)
{
    SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, "/proc/nonexistent-uemu"),
        O_RDONLY | O_CLOEXEC);
    SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, BAD_ADDR, 01101, 0644);
    ck_assert_log("openat(AT_FDCWD,\"/proc/nonexistent-uemu\",O_RDONLY|O_CLOEXEC) = -1 errno=2 (No such file or directory)\n"
                  "openat(AT_FDCWD,0x000000003fff0000,O_WRONLY|O_CREAT|O_TRUNC,0644) = -1 errno=14 (Bad address)\n");
}
END_TEST

START_TEST(test_strace_write_buffer_is_hex_and_output_lands_between_parts)
{
    FILE *f = tmpfile();
    g_autofree char *text = NULL;
    gsize len;
    char path[64];

    log_set_stream(f);
    GuestAddr msg = put_str(0x10, "hello\n");
    ck_assert_int_eq(SYS(AARCH64_NR_write, fileno(f), msg, 6), 6);
    fflush(f);
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fileno(f));
    ck_assert(g_file_get_contents(path, &text, &len, NULL));
    g_autofree char *want = g_strdup_printf("%d write(%d,%#" PRIx64 ",6)hello\n = 6\n",
                                            (int)getpid(), fileno(f), msg);
    ck_assert_str_eq(text, want);
}
END_TEST

START_TEST(test_strace_fcntl_omits_argument_of_get_commands)
{
    int64_t fl = SYS(AARCH64_NR_fcntl, 1, F_GETFL);
    SYS(AARCH64_NR_fcntl, 1, F_SETFD, 1);
    SYS(AARCH64_NR_newfstatat, 5000, put_str(0, ""), scratch + 0x100, 0x1000 | 0x100 | 0x10000);
    ck_assert_log("fcntl(1,F_GETFL) = %" PRId64 "\n"
                  "fcntl(1,F_SETFD,1) = 0\n"
                  "newfstatat(5000,\"\",0x%016" PRIx64 ",AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|0x10000) = -1 errno=9 (Bad file descriptor)\n",
                  fl, scratch + 0x100);
}
END_TEST

/* -- Memory ------------------------------------------------------------------------ */

START_TEST(test_strace_memory_calls_print_pointers_and_flag_names)
{
    guest_brk_init(0x20000000);
    SYS(AARCH64_NR_brk, 0);
    int64_t a = SYS(AARCH64_NR_mmap, 0, 8192, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    SYS(AARCH64_NR_mprotect, a, 4096, PROT_NONE);
    SYS(AARCH64_NR_mprotect, a, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
    SYS(AARCH64_NR_madvise, a, 4096, MADV_DONTNEED);
    SYS(AARCH64_NR_munmap, a, 8192);
    ck_assert_log("brk(NULL) = 0x0000000020000000\n"
                  "mmap(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0) = 0x%016" PRIx64 "\n"
                  "mprotect(0x%016" PRIx64 ",4096,PROT_NONE) = 0\n"
                  "mprotect(0x%016" PRIx64 ",4096,PROT_EXEC|PROT_READ|PROT_WRITE) = 0\n"
                  "madvise(0x%016" PRIx64 ",4096,MADV_DONTNEED) = 0\n"
                  "munmap(0x%016" PRIx64 ",8192) = 0\n", a, a, a, a, a);
}
END_TEST

/* -- Time, futex, signals ------------------------------------------------------------ */

START_TEST(test_strace_clock_gettime_prints_result_struct_after_return)
{
    struct timespec ts = { 0, 1000 };
    int64_t t[2], tv[2];

    SYS(AARCH64_NR_clock_gettime, CLOCK_MONOTONIC, scratch);
    get(t, scratch, sizeof(t));
    SYS(AARCH64_NR_gettimeofday, scratch + 0x40, 0);
    get(tv, scratch + 0x40, sizeof(tv));
    SYS(AARCH64_NR_clock_nanosleep, CLOCK_MONOTONIC, 0, put(0x80, &ts, sizeof(ts)), 0);
    ck_assert_log("clock_gettime(CLOCK_MONOTONIC,0x%016" PRIx64 ") = 0 ({tv_sec = %" PRId64 ",tv_nsec = %" PRId64 "})\n"
                  "gettimeofday(0x%016" PRIx64 ",NULL) = 0 ({tv_sec = %" PRId64 ",tv_usec = %" PRId64 "},NULL)\n"
                  "clock_nanosleep(CLOCK_MONOTONIC,0,{tv_sec = 0,tv_nsec = 1000},NULL) = 0\n",
                  scratch, t[0], t[1], scratch + 0x40, tv[0], tv[1]);
}
END_TEST

START_TEST(test_strace_futex_and_signal_names)
{
    SYS(AARCH64_NR_futex, scratch, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
    SYS(AARCH64_NR_rt_sigprocmask, 0, 0, 0, 8);
    SYS(AARCH64_NR_rt_sigaction, 10, 0, 0, 8);
    ck_assert_log("futex(0x%016" PRIx64 ",FUTEX_PRIVATE_FLAG|FUTEX_WAKE,1,NULL,NULL,0) = 0\n"
                  "rt_sigprocmask(SIG_BLOCK,NULL,NULL,8) = 0\n"
                  "rt_sigaction(SIGUSR1,NULL,NULL,8) = 0\n", scratch);
}
END_TEST

/* -- Dispatch ---------------------------------------------------------------------- */

START_TEST(test_strace_unimplemented_unknown_and_exit)
{
    int status;

    SYS(AARCH64_NR_lookup_dcookie, 0, 0, 0);
    SYS(300);
    harness_env.xregs[8] = AARCH64_NR_exit_group;
    harness_env.xregs[0] = 3;
    ck_assert_int_eq(syscall_do(&harness_env, &status), SYSCALL_EXIT_GROUP);
    ck_assert_log("lookup_dcookie(0,NULL,0) = -1 errno=38 (Function not implemented)\n"
                  "Unknown syscall 300\n"
                  "exit_group(3)\n");
}
END_TEST

START_TEST(test_strace_option_enables_the_strace_item)
{
    const UemuOption *o = options_find("strace");
    GError *err = NULL;

    log_mask_enabled = 0;
    SYS(AARCH64_NR_getpid);
    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(o->env, "QEMU_STRACE");
    ck_assert_ptr_null(o->arg);
    ck_assert(o->handler(NULL, &err));
    SYS(AARCH64_NR_getppid);
    ck_assert_log("getppid() = %d\n", (int)getppid());
}
END_TEST

/* -- Signals taken ------------------------------------------------------------------ */

/* The raw log since the last take: signal lines have no pid prefix. */
static char *take_raw_log(void)
{
    char *text;

    fflush(log_f);
    text = g_strndup(log_buf, log_len);
    fclose(log_f);
    log_f = open_memstream(&log_buf, &log_len);
    log_set_stream(log_f);
    return text;
}

static siginfo_t make_info(int sig, int code)
{
    siginfo_t info;

    memset(&info, 0, sizeof(info));
    info.si_signo = sig;
    info.si_code = code;
    return info;
}

START_TEST(test_strace_signal_sent_by_kill_prints_sender_without_pid_prefix)
{
    siginfo_t kill_info = make_info(SIGUSR1, SI_USER);
    siginfo_t tkill_info = make_info(6, SI_TKILL);
    siginfo_t alarm_info = make_info(SIGALRM, SI_KERNEL);
    g_autofree char *got = NULL;

    kill_info.si_pid = 4242;
    kill_info.si_uid = 1000;
    tkill_info.si_pid = 7;
    strace_print_signal(SIGUSR1, &kill_info);
    strace_print_signal(6, &tkill_info);
    strace_print_signal(SIGALRM, &alarm_info);
    got = take_raw_log();
    ck_assert_str_eq(got,
        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=4242, si_uid=1000} ---\n"
        "--- SIGIOT {si_signo=SIGIOT, si_code=SI_TKILL, si_pid=7, si_uid=0} ---\n"
        "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL, si_pid=0, si_uid=0} ---\n");
}
END_TEST

START_TEST(test_strace_signal_fault_prints_code_number_and_address)
{
    siginfo_t segv = make_info(SIGSEGV, 1);
    siginfo_t null_segv = make_info(SIGSEGV, 2);
    siginfo_t trap = make_info(SIGTRAP, 1);
    g_autofree char *got = NULL;

    segv.si_addr = (void *)0x1234;
    trap.si_addr = (void *)0x4007c0;
    strace_print_signal(SIGSEGV, &segv);
    strace_print_signal(SIGSEGV, &null_segv);
    strace_print_signal(SIGTRAP, &trap);
    got = take_raw_log();
    ck_assert_str_eq(got,
        "--- SIGSEGV {si_signo=SIGSEGV, si_code=1, si_addr=0x0000000000001234} ---\n"
        "--- SIGSEGV {si_signo=SIGSEGV, si_code=2, si_addr=NULL} ---\n"
        "--- SIGTRAP {si_signo=SIGTRAP, si_code=1, si_addr=0x00000000004007c0} ---\n");
}
END_TEST

START_TEST(test_strace_signal_child_queue_timer_and_rt_layouts)
{
    siginfo_t chld = make_info(SIGCHLD, 1);         /* CLD_EXITED */
    siginfo_t queued = make_info(SIGUSR2, SI_QUEUE);
    siginfo_t timer = make_info(SIGALRM, SI_TIMER);
    siginfo_t rt = make_info(36, SI_TKILL);
    g_autofree char *got = NULL;

    chld.si_pid = 99;
    chld.si_status = 3;
    chld.si_utime = 1;
    chld.si_stime = 2;
    queued.si_pid = 5;
    queued.si_uid = 6;
    queued.si_value.sival_int = 42;
    timer.si_value.sival_int = 7;
    rt.si_pid = 8;
    strace_print_signal(SIGCHLD, &chld);
    strace_print_signal(SIGUSR2, &queued);
    strace_print_signal(SIGALRM, &timer);
    strace_print_signal(36, &rt);
    got = take_raw_log();
    ck_assert_str_eq(got,
        "--- SIGCHLD {si_signo=SIGCHLD, si_code=1, si_pid=99, si_uid=0, si_status=3, si_utime=1, si_stime=2} ---\n"
        "--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=5, si_uid=6, si_sigval=42} ---\n"
        "--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_pid=0, si_uid=0, si_sigval=7} ---\n"
        "--- 36 {si_signo=36, si_code=SI_TKILL, si_pid=8, si_uid=0} ---\n");
}
END_TEST

START_TEST(test_strace_signal_not_printed_without_strace)
{
    siginfo_t info = make_info(SIGUSR1, SI_USER);
    g_autofree char *got = NULL;

    log_mask_enabled = 0;
    strace_print_signal(SIGUSR1, &info);
    got = take_raw_log();
    ck_assert_str_eq(got, "");
}
END_TEST

static Suite *strace_suite(void)
{
    Suite *s = suite_create("strace");
    TCase *tc = tcase_create("format");

    tcase_add_checked_fixture(tc, strace_setup, harness_teardown);
    tcase_add_test(tc, test_strace_openat_error_names_dirfd_string_flags_errno);
    tcase_add_test(tc, test_strace_write_buffer_is_hex_and_output_lands_between_parts);
    tcase_add_test(tc, test_strace_fcntl_omits_argument_of_get_commands);
    tcase_add_test(tc, test_strace_memory_calls_print_pointers_and_flag_names);
    tcase_add_test(tc, test_strace_clock_gettime_prints_result_struct_after_return);
    tcase_add_test(tc, test_strace_futex_and_signal_names);
    tcase_add_test(tc, test_strace_unimplemented_unknown_and_exit);
    tcase_add_test(tc, test_strace_option_enables_the_strace_item);
    tcase_add_test(tc, test_strace_signal_sent_by_kill_prints_sender_without_pid_prefix);
    tcase_add_test(tc, test_strace_signal_fault_prints_code_number_and_address);
    tcase_add_test(tc, test_strace_signal_child_queue_timer_and_rt_layouts);
    tcase_add_test(tc, test_strace_signal_not_printed_without_strace);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(strace_suite)
