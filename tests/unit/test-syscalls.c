// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-syscalls.c: syscall_do() end to end on a fake CPU state and a real
 * 1 GiB guest space: dispatch outcomes, -ENOSYS and -d unimp, file and
 * memory syscalls, and -EFAULT for every kind of bad guest pointer.
 * (Processes, signals, threads and time: test-syscalls-proc.c; strace
 * text: test-strace.c.)
 */
#include "syscall-harness.h"
#include "syscall/conv.h"

#include <fcntl.h>
#include <inttypes.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

/* AArch64 values that differ from the host's. */
#define GUEST_O_DIRECTORY   040000
#define GUEST_O_LARGEFILE   0400000

/* -- Dispatch ------------------------------------------------------------------ */

START_TEST(test_dispatch_reads_x8_and_args_and_writes_x0)
{
    harness_env.xregs[8] = AARCH64_NR_getpid;
    harness_env.xregs[0] = 0xdead;
    int status = -1;

    ck_assert_int_eq(syscall_do(&harness_env, &status), SYSCALL_CONTINUE);
    ck_assert_int_eq((int64_t)harness_env.xregs[0], getpid());
    ck_assert_int_eq(status, -1);
    ck_assert_int_eq(SYS(AARCH64_NR_umask, 022), SYS(AARCH64_NR_umask, 022));
}
END_TEST

START_TEST(test_dispatch_exit_group_returns_outcome_and_low_byte_status)
{
    int status = -1;

    harness_env.xregs[8] = AARCH64_NR_exit_group;
    harness_env.xregs[0] = 0x1234;
    ck_assert_int_eq(syscall_do(&harness_env, &status), SYSCALL_EXIT_GROUP);
    ck_assert_int_eq(status, 0x34);
    ck_assert_uint_eq(harness_env.xregs[0], 0x1234);     /* x0 left alone */
}
END_TEST

START_TEST(test_dispatch_exit_returns_exit_thread)
{
    int status = -1;

    harness_env.xregs[8] = AARCH64_NR_exit;
    harness_env.xregs[0] = 7;
    ck_assert_int_eq(syscall_do(&harness_env, &status), SYSCALL_EXIT_THREAD);
    ck_assert_int_eq(status, 7);
}
END_TEST

/* Captures the log stream into a memory buffer. */
static char *log_buf;
static size_t log_len;

static FILE *capture_log(const char *items)
{
    GError *err = NULL;
    FILE *f = open_memstream(&log_buf, &log_len);

    ck_assert(log_enable(items, &err));
    log_set_stream(f);
    return f;
}

START_TEST(test_dispatch_unimplemented_is_enosys_logged_once)
{
    FILE *f = capture_log("unimp");

    ck_assert_int_eq(SYS(AARCH64_NR_io_setup, 1, scratch), -ENOSYS);
    ck_assert_int_eq(SYS(AARCH64_NR_io_setup, 1, scratch), -ENOSYS);
    ck_assert_int_eq(SYS(AARCH64_NR_lookup_dcookie, 0, 0, 0), -ENOSYS);
    fclose(f);
    ck_assert_str_eq(log_buf, "Unsupported syscall: 0 (io_setup)\n"
                              "Unsupported syscall: 18 (lookup_dcookie)\n");
}
END_TEST

START_TEST(test_dispatch_gap_number_is_enosys_logged_once)
{
    FILE *f = capture_log("unimp");

    ck_assert_int_eq(SYS(300), -ENOSYS);
    ck_assert_int_eq(SYS(300), -ENOSYS);
    ck_assert_int_eq(SYS(100000), -ENOSYS);
    fclose(f);
    ck_assert_str_eq(log_buf, "Unknown syscall 300\nUnknown syscall 100000\n");
}
END_TEST

START_TEST(test_dispatch_unimp_log_is_silent_without_d_unimp)
{
    FILE *f = open_memstream(&log_buf, &log_len);

    log_set_stream(f);
    ck_assert_int_eq(SYS(AARCH64_NR_io_setup, 1, scratch), -ENOSYS);
    fclose(f);
    ck_assert_str_eq(log_buf, "");
}
END_TEST

/* -- Pipes, read and write ------------------------------------------------------- */

static void make_pipe(int fds[2])
{
    ck_assert_int_eq(SYS(AARCH64_NR_pipe2, scratch + 0x100, 0), 0);
    get(fds, scratch + 0x100, 2 * sizeof(int));
}

START_TEST(test_pipe_write_then_read_returns_the_bytes)
{
    int fds[2];
    char back[16] = { 0 };

    make_pipe(fds);
    GuestAddr msg = put_str(0, "hello");
    ck_assert_int_eq(SYS(AARCH64_NR_write, fds[1], msg, 5), 5);
    ck_assert_int_eq(SYS(AARCH64_NR_read, fds[0], scratch + 0x200, 16), 5);
    get(back, scratch + 0x200, 5);
    ck_assert_str_eq(back, "hello");
}
END_TEST

START_TEST(test_pipe_writev_then_readv_splits_across_buffers)
{
    int fds[2];
    uint64_t iov[4] = { scratch + 0x10, 3, scratch + 0x20, 4 };
    uint64_t back_iov[4] = { scratch + 0x300, 2, scratch + 0x310, 5 };
    char a[3] = { 0 }, b[6] = { 0 };

    make_pipe(fds);
    put_str(0x10, "abc");
    put_str(0x20, "defg");
    ck_assert_int_eq(SYS(AARCH64_NR_writev, fds[1], put(0x40, iov, sizeof(iov)), 2), 7);
    ck_assert_int_eq(SYS(AARCH64_NR_readv, fds[0], put(0x80, back_iov, sizeof(back_iov)), 2), 7);
    get(a, scratch + 0x300, 2);
    get(b, scratch + 0x310, 5);
    ck_assert_str_eq(a, "ab");
    ck_assert_str_eq(b, "cdefg");
}
END_TEST

START_TEST(test_pipe2_flags_are_converted)
{
    int fds[2];

    ck_assert_int_eq(SYS(AARCH64_NR_pipe2, scratch, O_CLOEXEC | O_NONBLOCK), 0);
    get(fds, scratch, sizeof(fds));
    ck_assert(fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
    ck_assert(fcntl(fds[0], F_GETFL) & O_NONBLOCK);
    ck_assert(SYS(AARCH64_NR_fcntl, fds[0], F_GETFL) & O_NONBLOCK);
}
END_TEST

/* -- Files ------------------------------------------------------------------------- */

START_TEST(test_openat_and_newfstatat_convert_stat)
{
    g_autofree char *dir = harness_tmpdir();
    g_autofree char *file = g_build_filename(dir, "f", NULL);
    GuestStat g;
    struct stat h;
    int64_t fd;

    ck_assert(g_file_set_contents(file, "0123456789", 10, NULL));
    chmod(file, 0640);
    ck_assert_int_eq(stat(file, &h), 0);
    GuestAddr path = put_str(0, file);

    fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(SYS(AARCH64_NR_fstat, fd, scratch + 0x1000), 0);
    get(&g, scratch + 0x1000, sizeof(g));
    ck_assert_int_eq(g.size, 10);
    ck_assert_uint_eq(g.mode, S_IFREG | 0640);
    ck_assert_uint_eq(g.ino, h.st_ino);
    ck_assert_uint_eq(g.nlink, 1);
    ck_assert_int_eq(g.mtime_sec, h.st_mtim.tv_sec);

    memset(&g, 0, sizeof(g));
    ck_assert_int_eq(SYS(AARCH64_NR_newfstatat, GUEST_AT_FDCWD, path, scratch + 0x1000, 0), 0);
    get(&g, scratch + 0x1000, sizeof(g));
    ck_assert_uint_eq(g.ino, h.st_ino);
    ck_assert_uint_eq(g.uid, h.st_uid);
    ck_assert_int_eq(g.blksize, h.st_blksize);
    /* F_GETFL answers guest values: a 64-bit host's forced O_LARGEFILE (0100000,
     * the guest's O_NOFOLLOW) reaches the guest as its O_LARGEFILE. */
    ck_assert(SYS(AARCH64_NR_fcntl, fd, F_GETFL) & GUEST_O_LARGEFILE);
    ck_assert_int_eq(SYS(AARCH64_NR_fcntl, fd, F_GETFL) & 0100000, 0);
    ck_assert_int_eq(SYS(AARCH64_NR_lseek, fd, 4, SEEK_SET), 4);
    ck_assert_int_eq(SYS(AARCH64_NR_pread64, fd, scratch + 0x2000, 3, 7), 3);
    ck_assert_int_eq(SYS(AARCH64_NR_close, fd), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_close, fd), -EBADF);
    harness_rmtree(dir);
}
END_TEST

/* arm64's O_DIRECTORY is x86-64's O_DIRECT: passing it unconverted would not fail. */
START_TEST(test_openat_guest_o_directory_on_file_is_enotdir)
{
    g_autofree char *dir = harness_tmpdir();
    g_autofree char *file = g_build_filename(dir, "f", NULL);

    ck_assert(g_file_set_contents(file, "x", 1, NULL));
    ck_assert_int_eq(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, file),
                         O_RDONLY | GUEST_O_DIRECTORY), -ENOTDIR);
    ck_assert_int_ge(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, dir),
                         O_RDONLY | GUEST_O_DIRECTORY), 0);
    harness_rmtree(dir);
}
END_TEST

START_TEST(test_directory_calls_create_list_rename_remove)
{
    g_autofree char *dir = harness_tmpdir();
    char name[256];
    int64_t fd, n;
    bool found = false;

    ck_assert_int_eq(SYS(AARCH64_NR_chdir, put_str(0, dir)), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_getcwd, scratch + 0x100, 4096), (int64_t)strlen(dir) + 1);
    get(name, scratch + 0x100, strlen(dir) + 1);
    ck_assert_str_eq(name, dir);
    ck_assert_int_eq(SYS(AARCH64_NR_mkdirat, GUEST_AT_FDCWD, put_str(0, "sub"), 0755), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_renameat, GUEST_AT_FDCWD, put_str(0, "sub"),
                         GUEST_AT_FDCWD, put_str(0x40, "moved")), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_faccessat, GUEST_AT_FDCWD, put_str(0, "moved"), W_OK), 0);

    fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, "."), O_RDONLY | GUEST_O_DIRECTORY);
    ck_assert_int_ge(fd, 0);
    n = SYS(AARCH64_NR_getdents64, fd, scratch + 0x1000, 4096);
    ck_assert_int_gt(n, 0);
    for (int64_t off = 0; off < n;) {
        uint16_t reclen;
        get(&reclen, scratch + 0x1000 + off + 16, 2);     /* d_reclen */
        get(name, scratch + 0x1000 + off + 19, 6);         /* d_name */
        found |= !memcmp(name, "moved", 6);
        off += reclen;
    }
    ck_assert(found);
    ck_assert_int_eq(SYS(AARCH64_NR_unlinkat, GUEST_AT_FDCWD, put_str(0, "moved"),
                         0x200 /* AT_REMOVEDIR */), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_faccessat, GUEST_AT_FDCWD, put_str(0, "moved"), F_OK),
                     -ENOENT);
    harness_rmtree(dir);
}
END_TEST

START_TEST(test_readlinkat_proc_self_exe_answers_guest_program)
{
    syscall_set_exe_path("/opt/guest/bin/prog");
    GuestAddr link = put_str(0, "/proc/self/exe");

    ck_assert_int_eq(SYS(AARCH64_NR_readlinkat, GUEST_AT_FDCWD, link, scratch + 0x100, 64), 19);
    ck_assert_int_eq(memcmp(g2h(scratch + 0x100), "/opt/guest/bin/prog", 19), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_readlinkat, GUEST_AT_FDCWD, link, scratch + 0x200, 4), 4);
    ck_assert_int_eq(memcmp(g2h(scratch + 0x200), "/opt", 4), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_readlinkat, GUEST_AT_FDCWD, link, scratch, 0), -EINVAL);
}
END_TEST

START_TEST(test_fcntl_dup_and_unknown_command)
{
    int64_t fd = SYS(AARCH64_NR_fcntl, 1, F_DUPFD_CLOEXEC, 50);

    ck_assert_int_ge(fd, 50);
    ck_assert_int_eq(SYS(AARCH64_NR_fcntl, fd, F_GETFD), FD_CLOEXEC);
    ck_assert_int_eq(SYS(AARCH64_NR_dup3, fd, 60, O_CLOEXEC), 60);
    ck_assert_int_ge(SYS(AARCH64_NR_dup, 60), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_fcntl, fd, 9999), -EINVAL);
}
END_TEST

/* -- Memory ------------------------------------------------------------------------- */

START_TEST(test_brk_grows_and_new_memory_is_usable)
{
    GuestAddr start = 0x20000000;

    guest_brk_init(start);
    ck_assert_uint_eq(SYS(AARCH64_NR_brk, 0), start);
    ck_assert_uint_eq(SYS(AARCH64_NR_brk, start + 0x5000), start + 0x5000);
    ck_assert_int_eq(uaccess_write(start + 0x4ff0, "x", 1), 0);
    ck_assert_uint_eq(SYS(AARCH64_NR_brk, 0), start + 0x5000);
}
END_TEST

START_TEST(test_mmap_munmap_round_trip)
{
    int64_t a = SYS(AARCH64_NR_mmap, 0, 8192, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    ck_assert_int_gt(a, 0);
    ck_assert_uint_eq(a & 0xfff, 0);
    ck_assert_int_eq(uaccess_write(a + 8191, "x", 1), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_mprotect, a, 4096, PROT_READ), 0);
    ck_assert_int_eq(uaccess_write(a, "x", 1), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_munmap, a, 8192), 0);
    ck_assert_int_eq(uaccess_write(a + 4096, "x", 1), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, -1, 0), -EBADF);
}
END_TEST

START_TEST(test_madvise_dontneed_zeroes_anonymous_page)
{
    uint8_t page[4096];

    memset(page, 0x5a, sizeof(page));
    put(0x1000, page, sizeof(page));
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, scratch + 0x1000, 4096, MADV_DONTNEED), 0);
    get(page, scratch + 0x1000, sizeof(page));
    for (size_t i = 0; i < sizeof(page); i++) {
        ck_assert_uint_eq(page[i], 0);
    }
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, scratch + 0x1001, 4096, MADV_DONTNEED), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, BAD_ADDR, 4096, MADV_WILLNEED), -ENOMEM);
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, scratch, 4096, 777), -EINVAL);
}
END_TEST

/* -- Bad pointers ----------------------------------------------------------------- */

START_TEST(test_bad_pointers_give_efault)
{
    int fds[2];

    make_pipe(fds);
    ck_assert_int_eq(SYS(AARCH64_NR_write, fds[1], BAD_ADDR, 4), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_write, fds[1], put_str(0, "abcd"), 4), 4);
    ck_assert_int_eq(SYS(AARCH64_NR_read, fds[0], BAD_ADDR, 4), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_read, fds[0], ro_page, 4), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_write, fds[1], scratch + SCRATCH_SIZE - 2, 4), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_write, fds[1], UINT64_MAX - 1, 4), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, BAD_ADDR, O_RDONLY), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, 0, O_RDONLY), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_newfstatat, GUEST_AT_FDCWD, put_str(0, "/"), BAD_ADDR, 0),
                     -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_newfstatat, GUEST_AT_FDCWD, put_str(0, "/"), ro_page, 0),
                     -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_fstat, 0, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_uname, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_pipe2, ro_page, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_writev, fds[1], BAD_ADDR, 1), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_getcwd, BAD_ADDR, 4096), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_getrandom, ro_page, 8, 0), -EFAULT);
}
END_TEST

/* The lowest free host fd: the next one open() would give. */
static int lowest_free_fd(void)
{
    int fd = dup(0);

    close(fd);
    return fd;
}

START_TEST(test_fd_pair_that_cannot_reach_guest_leaves_no_fds)
{
    int before = lowest_free_fd();

    ck_assert_int_eq(SYS(AARCH64_NR_pipe2, ro_page, 0), -EFAULT);
    ck_assert_int_eq(lowest_free_fd(), before);
    ck_assert_int_eq(SYS(AARCH64_NR_socketpair, AF_UNIX, SOCK_STREAM, 0, ro_page), -EFAULT);
    ck_assert_int_eq(lowest_free_fd(), before);
}
END_TEST

START_TEST(test_path_without_nul_within_path_max_is_enametoolong)
{
    static char longpath[GUEST_PATH_MAX + 1];

    memset(longpath, 'a', GUEST_PATH_MAX);
    put(0, longpath, GUEST_PATH_MAX);
    ck_assert_int_eq(SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, scratch, O_RDONLY), -ENAMETOOLONG);
}
END_TEST

static Suite *syscalls_suite(void)
{
    Suite *s = suite_create("syscalls");
    TCase *tc = tcase_create("dispatch");

    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_dispatch_reads_x8_and_args_and_writes_x0);
    tcase_add_test(tc, test_dispatch_exit_group_returns_outcome_and_low_byte_status);
    tcase_add_test(tc, test_dispatch_exit_returns_exit_thread);
    tcase_add_test(tc, test_dispatch_unimplemented_is_enosys_logged_once);
    tcase_add_test(tc, test_dispatch_gap_number_is_enosys_logged_once);
    tcase_add_test(tc, test_dispatch_unimp_log_is_silent_without_d_unimp);
    suite_add_tcase(s, tc);

    tc = tcase_create("files");
    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_pipe_write_then_read_returns_the_bytes);
    tcase_add_test(tc, test_pipe_writev_then_readv_splits_across_buffers);
    tcase_add_test(tc, test_pipe2_flags_are_converted);
    tcase_add_test(tc, test_openat_and_newfstatat_convert_stat);
    tcase_add_test(tc, test_openat_guest_o_directory_on_file_is_enotdir);
    tcase_add_test(tc, test_directory_calls_create_list_rename_remove);
    tcase_add_test(tc, test_readlinkat_proc_self_exe_answers_guest_program);
    tcase_add_test(tc, test_fcntl_dup_and_unknown_command);
    suite_add_tcase(s, tc);

    tc = tcase_create("memory");
    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_brk_grows_and_new_memory_is_usable);
    tcase_add_test(tc, test_mmap_munmap_round_trip);
    tcase_add_test(tc, test_madvise_dontneed_zeroes_anonymous_page);
    tcase_add_test(tc, test_bad_pointers_give_efault);
    tcase_add_test(tc, test_fd_pair_that_cannot_reach_guest_leaves_no_fds);
    tcase_add_test(tc, test_path_without_nul_within_path_max_is_enametoolong);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(syscalls_suite)
