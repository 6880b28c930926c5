// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-syscalls-files.c: the file, directory and memory handlers through
 * syscall_do(): mremap and its guest map, the page calls (msync, mincore,
 * mlock), -EFAULT for every kind of bad guest pointer they take, the open
 * flag conversion of openat2 and fcntl, ioctl's table, and the -strace
 * text of the argument kinds added for them (compared with what
 * qemu-aarch64 7.2 prints for the same calls).
 */
#include "strace-capture.h"

#include <fcntl.h>
#include <inttypes.h>
#include <unistd.h>

#define PAGE        GUEST_PAGE_SIZE
#define G_O_DIRECTORY 040000        /* arm64 asm/fcntl.h */
#define G_MREMAP_MAYMOVE 1
#define G_MREMAP_FIXED 2
#define G_MREMAP_DONTUNMAP 4

static GuestAddr anon(uint64_t len)
{
    int64_t a = guest_mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    ck_assert_int_gt(a, 0);
    return (GuestAddr)a;
}

typedef struct VmaQuery {
    GuestAddr a;
    GuestVma v;
    bool found;
} VmaQuery;

static bool vma_query_visit(const GuestVma *v, void *opaque)
{
    VmaQuery *q = opaque;

    if (v->start <= q->a && q->a < v->end) {
        q->v = *v;
        q->found = true;
        return false;
    }
    return true;
}

/* The guest VMA holding @a (the test fails if there is none). */
static GuestVma vma_at(GuestAddr a)
{
    VmaQuery q = { .a = a };

    guest_vma_foreach(vma_query_visit, &q);
    ck_assert_msg(q.found, "no VMA at 0x%" PRIx64, a);
    return q.v;
}

/* -- mremap ---------------------------------------------------------------------- */

START_TEST(test_mremap_grows_in_place_keeping_contents)
{
    GuestAddr a = anon(4 * PAGE);
    uint32_t v = 0x12345678, got;

    guest_munmap(a + 2 * PAGE, 2 * PAGE);       /* free room above the first two pages */
    ck_assert_int_eq(uaccess_write(a + PAGE, &v, 4), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, 2 * PAGE, 4 * PAGE, 0, 0), (int64_t)a);
    get(&got, a + PAGE, 4);
    ck_assert_uint_eq(got, v);
    ck_assert(guest_access_ok(a, 4 * PAGE, PROT_READ | PROT_WRITE));
    get(&got, a + 3 * PAGE, 4);
    ck_assert_uint_eq(got, 0);
    ck_assert_uint_eq(vma_at(a + 3 * PAGE).flags & GUEST_VMA_ANON, GUEST_VMA_ANON);
}
END_TEST

START_TEST(test_mremap_blocked_without_maymove_is_enomem_and_changes_nothing)
{
    GuestAddr a = anon(2 * PAGE);

    guest_munmap(a + PAGE, PAGE);
    ck_assert_int_eq(guest_mmap(a + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                                MAP_FIXED, -1, 0), (int64_t)(a + PAGE));
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, PAGE, 2 * PAGE, 0, 0), -ENOMEM);
    ck_assert_int_eq(vma_at(a).prot, PROT_READ | PROT_WRITE);
    ck_assert_int_eq(vma_at(a + PAGE).prot, PROT_READ);
}
END_TEST

START_TEST(test_mremap_maymove_moves_contents_and_frees_old_range)
{
    GuestAddr a = anon(2 * PAGE);
    uint64_t v = 0xfeedface, got;
    int64_t b;

    guest_munmap(a + PAGE, PAGE);
    ck_assert_int_eq(guest_mmap(a + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
                                MAP_FIXED, -1, 0), (int64_t)(a + PAGE));
    ck_assert_int_eq(uaccess_write(a + 8, &v, 8), 0);
    b = SYS(AARCH64_NR_mremap, a, PAGE, 16 * PAGE, G_MREMAP_MAYMOVE, 0);
    ck_assert_int_gt(b, 0);
    ck_assert_int_ne(b, (int64_t)a);
    get(&got, (GuestAddr)b + 8, 8);
    ck_assert_uint_eq(got, v);
    ck_assert(!guest_access_ok(a, 1, 0));
    ck_assert(guest_access_ok((GuestAddr)b, 16 * PAGE, PROT_READ | PROT_WRITE));
}
END_TEST

START_TEST(test_mremap_fixed_replaces_the_target)
{
    GuestAddr a = anon(PAGE), t = anon(4 * PAGE);
    uint32_t v = 77, got;

    ck_assert_int_eq(uaccess_write(a, &v, 4), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, PAGE, 2 * PAGE,
                         G_MREMAP_MAYMOVE | G_MREMAP_FIXED, t + PAGE), (int64_t)(t + PAGE));
    get(&got, t + PAGE, 4);
    ck_assert_uint_eq(got, 77);
    ck_assert(!guest_access_ok(a, 1, 0));
    ck_assert(guest_access_ok(t, 4 * PAGE, PROT_READ | PROT_WRITE));
}
END_TEST

START_TEST(test_mremap_shrink_unmaps_the_tail)
{
    GuestAddr a = anon(4 * PAGE);

    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, 4 * PAGE, PAGE + 1, 0, 0), (int64_t)a);
    ck_assert(guest_access_ok(a, 2 * PAGE, 0));
    ck_assert(!guest_access_ok(a + 2 * PAGE, 1, 0));
}
END_TEST

START_TEST(test_mremap_dontunmap_keeps_old_range_mapped)
{
    GuestAddr a = anon(PAGE);
    uint32_t v = 5, got = 1;
    int64_t b;

    ck_assert_int_eq(uaccess_write(a, &v, 4), 0);
    b = SYS(AARCH64_NR_mremap, a, PAGE, PAGE, G_MREMAP_MAYMOVE | G_MREMAP_DONTUNMAP, 0);
    if (b == -EINVAL) {
        return;                 /* a host kernel before 5.7 */
    }
    ck_assert_int_gt(b, 0);
    get(&got, (GuestAddr)b, 4);
    ck_assert_uint_eq(got, 5);
    ck_assert(guest_access_ok(a, PAGE, PROT_READ | PROT_WRITE));
    get(&got, a, 4);
    ck_assert_uint_eq(got, 0);
}
END_TEST

START_TEST(test_mremap_bad_arguments_answer_as_linux)
{
    GuestAddr a = anon(2 * PAGE), t = anon(PAGE);

    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a + 1, PAGE, PAGE, 0, 0), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, PAGE, 0, 0, 0), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, PAGE, PAGE, 8, 0), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, PAGE, PAGE, G_MREMAP_FIXED, t), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, PAGE, 2 * PAGE,
                         G_MREMAP_MAYMOVE | G_MREMAP_DONTUNMAP, 0), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, 2 * PAGE, 2 * PAGE,
                         G_MREMAP_MAYMOVE | G_MREMAP_FIXED, a + PAGE), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, BAD_ADDR & GUEST_PAGE_MASK, PAGE, 2 * PAGE,
                         G_MREMAP_MAYMOVE, 0), -EFAULT);
    /* The old range must lie in one VMA. */
    ck_assert_int_eq(guest_mprotect(a + PAGE, PAGE, PROT_READ), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_mremap, a, 2 * PAGE, 4 * PAGE, G_MREMAP_MAYMOVE, 0),
                     -EFAULT);
}
END_TEST

/* -- Page calls ----------------------------------------------------------------------- */

START_TEST(test_page_calls_on_unmapped_pages_are_enomem)
{
    GuestAddr hole = BAD_ADDR & GUEST_PAGE_MASK;

    ck_assert_int_eq(SYS(AARCH64_NR_msync, hole, PAGE, 4), -ENOMEM);
    ck_assert_int_eq(SYS(AARCH64_NR_mincore, hole, PAGE, scratch), -ENOMEM);
    ck_assert_int_eq(SYS(AARCH64_NR_mlock, hole, PAGE), -ENOMEM);
    ck_assert_int_eq(SYS(AARCH64_NR_munlock, hole + 1, 1), -ENOMEM);
    ck_assert_int_eq(SYS(AARCH64_NR_msync, scratch + 1, PAGE, 4), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_msync, scratch, PAGE, 5), -EINVAL);
    ck_assert_int_eq(SYS(AARCH64_NR_msync, scratch, PAGE, 4), 0);
}
END_TEST

START_TEST(test_mincore_reports_touched_page_and_faults_on_bad_vector)
{
    uint8_t vec[2] = { 0xff, 0xff };
    uint32_t one = 1;

    ck_assert_int_eq(uaccess_write(scratch, &one, 4), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_mincore, scratch, 2 * PAGE, scratch + 3 * PAGE), 0);
    get(vec, scratch + 3 * PAGE, 2);
    ck_assert_uint_eq(vec[0] & 1, 1);
    ck_assert_int_eq(SYS(AARCH64_NR_mincore, scratch, PAGE, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_mincore, scratch, PAGE, ro_page), -EFAULT);
}
END_TEST

START_TEST(test_madvise_dontneed_and_remove_drop_contents)
{
    int64_t priv = guest_mmap(0, PAGE, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int64_t shared = guest_mmap(0, PAGE, PROT_READ | PROT_WRITE,
                                MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    uint32_t v = 9, got = 1;

    ck_assert_int_gt(priv, 0);
    ck_assert_int_gt(shared, 0);
    ck_assert_int_eq(uaccess_write((GuestAddr)priv, &v, 4), 0);
    ck_assert_int_eq(uaccess_write((GuestAddr)shared, &v, 4), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, priv, PAGE, MADV_DONTNEED), 0);
    get(&got, (GuestAddr)priv, 4);
    ck_assert_uint_eq(got, 0);
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, shared, PAGE, MADV_REMOVE), 0);
    get(&got, (GuestAddr)shared, 4);
    ck_assert_uint_eq(got, 0);
    ck_assert_int_eq(SYS(AARCH64_NR_madvise, priv, PAGE, 999), -EINVAL);
}
END_TEST

/* -- Bad pointers in file calls --------------------------------------------------------- */

START_TEST(test_file_calls_answer_efault_for_bad_pointers)
{
    g_autofree char *dir = harness_tmpdir();
    g_autofree char *file = g_build_filename(dir, "f", NULL);
    GuestAddr path, name;
    int fd;

    ck_assert(g_file_set_contents(file, "0123456789", 10, NULL));
    path = put_str(0, file);
    name = put_str(512, "user.x");
    fd = open(file, O_RDWR);
    ck_assert_int_eq(SYS(AARCH64_NR_statx, GUEST_AT_FDCWD, path, 0, 0x7ff, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_statx, GUEST_AT_FDCWD, path, 0, 0x7ff, ro_page), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_statx, GUEST_AT_FDCWD, BAD_ADDR, 0, 0x7ff, scratch + 1024),
                     -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_statfs, path, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_fstatfs, fd, ro_page), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_getxattr, path, BAD_ADDR, scratch + 1024, 16), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_setxattr, path, name, BAD_ADDR, 4, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_utimensat, GUEST_AT_FDCWD, path, BAD_ADDR, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_sendfile, fd, fd, BAD_ADDR, 1), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_copy_file_range, fd, 0, fd, BAD_ADDR, 1, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_splice, fd, BAD_ADDR, fd, 0, 1, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_openat2, GUEST_AT_FDCWD, path, BAD_ADDR, 24), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_memfd_create, BAD_ADDR, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_getcpu, BAD_ADDR, 0, 0), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_fcntl, fd, F_OFD_GETLK, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_fcntl, fd, F_GETOWN_EX, ro_page), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_inotify_add_watch, fd, BAD_ADDR, 0x100), -EFAULT);
    /* Nothing was copied by the failed sendfile: the file position is still 0. */
    ck_assert_int_eq(lseek(fd, 0, SEEK_CUR), 0);
    close(fd);
    harness_rmtree(dir);
}
END_TEST

START_TEST(test_xattr_name_rules_are_the_kernels)
{
    g_autofree char *dir = harness_tmpdir();
    char long_name[300];
    GuestAddr path = put_str(0, dir);

    memset(long_name, 'a', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = 0;
    memcpy(long_name, "user.", 5);
    ck_assert_int_eq(SYS(AARCH64_NR_getxattr, path, put_str(1024, long_name), 0, 0), -ERANGE);
    ck_assert_int_eq(SYS(AARCH64_NR_getxattr, path, put_str(1024, ""), 0, 0), -ERANGE);
    ck_assert_int_eq(SYS(AARCH64_NR_setxattr, path, put_str(1024, "user.x"), scratch, 65537, 0),
                     -E2BIG);
    harness_rmtree(dir);
}
END_TEST

/* -- Open flags ------------------------------------------------------------------------- */

START_TEST(test_openat2_converts_guest_open_flags)
{
    g_autofree char *dir = harness_tmpdir();
    g_autofree char *file = g_build_filename(dir, "f", NULL);
    uint64_t how[3] = { G_O_DIRECTORY, 0, 0 };
    GuestAddr h = put(2048, how, sizeof(how));
    int64_t fd;

    ck_assert(g_file_set_contents(file, "x", 1, NULL));
    fd = SYS(AARCH64_NR_openat2, GUEST_AT_FDCWD, put_str(0, dir), h, 24);
    ck_assert_int_ge(fd, 0);
    /* F_GETFL answers in guest values too. */
    ck_assert_int_eq(SYS(AARCH64_NR_fcntl, fd, F_GETFL) & G_O_DIRECTORY, G_O_DIRECTORY);
    close((int)fd);
    ck_assert_int_eq(SYS(AARCH64_NR_openat2, GUEST_AT_FDCWD, put_str(0, file), h, 24), -ENOTDIR);
    ck_assert_int_eq(SYS(AARCH64_NR_openat2, GUEST_AT_FDCWD, put_str(0, file), h, 16), -EINVAL);
    harness_rmtree(dir);
}
END_TEST

START_TEST(test_preadv2_pwritev2_at_offset_and_at_file_position)
{
    g_autofree char *dir = harness_tmpdir();
    g_autofree char *file = g_build_filename(dir, "f", NULL);
    int fd = open(file, O_RDWR | O_CREAT, 0600);
    uint64_t iov[4] = { put_str(0, "PQ"), 2, put_str(16, "RS"), 2 };
    GuestAddr v = put(64, iov, sizeof(iov));
    char got[5] = "";

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(SYS(AARCH64_NR_pwritev2, fd, v, 2, 10, 0, 2 /* RWF_DSYNC */), 4);
    ck_assert_int_eq(pread(fd, got, 4, 10), 4);
    ck_assert_str_eq(got, "PQRS");
    iov[0] = scratch + 256;
    iov[2] = scratch + 258;
    v = put(64, iov, sizeof(iov));
    ck_assert_int_eq(lseek(fd, 11, SEEK_SET), 11);
    ck_assert_int_eq(SYS(AARCH64_NR_preadv2, fd, v, 2, (uint64_t)-1, 0, 0), 3);
    ck_assert_int_eq(lseek(fd, 0, SEEK_CUR), 14);
    get(got, scratch + 256, 3);
    got[3] = 0;
    ck_assert_str_eq(got, "QRS");
    ck_assert_int_eq(SYS(AARCH64_NR_preadv2, fd, v, 2, 0, 0, 0x10000), -EOPNOTSUPP);
    iov[0] = ro_page;
    v = put(64, iov, sizeof(iov));
    ck_assert_int_eq(SYS(AARCH64_NR_preadv2, fd, v, 2, 0, 0, 0), -EFAULT);
    close(fd);
    harness_rmtree(dir);
}
END_TEST

/* -- ioctl ------------------------------------------------------------------------------ */

START_TEST(test_ioctl_unknown_is_enotty_and_int_results_reach_the_guest)
{
    int p[2];
    int32_t n = -1;

    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(write(p[1], "abcd", 4), 4);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, p[0], 0x541B /* FIONREAD */, scratch), 0);
    get(&n, scratch, 4);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, p[0], 0x541B, BAD_ADDR), -EFAULT);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, p[0], 0x5413 /* TIOCGWINSZ */, scratch), -ENOTTY);
    ck_assert_int_eq(SYS(AARCH64_NR_ioctl, p[0], 0xdead, scratch), -ENOTTY);
    close(p[0]);
    close(p[1]);
}
END_TEST

/* -- strace ------------------------------------------------------------------------------- */


START_TEST(test_strace_mknodat_prints_file_type_and_device_as_qemu)
{
    g_autofree char *log = NULL;

    SYS(AARCH64_NR_mknodat, GUEST_AT_FDCWD, BAD_ADDR, 010600, 0);
    SYS(AARCH64_NR_mknodat, GUEST_AT_FDCWD, BAD_ADDR, 020644, (1 << 8) | 3);
    SYS(AARCH64_NR_mknodat, GUEST_AT_FDCWD, BAD_ADDR, 0, 0);
    log = take_log();
    ck_assert_str_eq(log,
        "mknodat(AT_FDCWD,0x000000003fff0000,S_IFIFO|0600) = -1 errno=14 (Bad address)\n"
        "mknodat(AT_FDCWD,0x000000003fff0000,S_IFCHR|0644,makedev(1,3)) = -1 errno=14 (Bad address)\n"
        "mknodat(AT_FDCWD,0x000000003fff0000,000) = -1 errno=14 (Bad address)\n");
}
END_TEST

START_TEST(test_strace_statx_mask_and_ioctl_argument_as_qemu)
{
    g_autofree char *log = NULL;
    g_autofree char *want = NULL;
    int p[2];

    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(write(p[1], "abc", 3), 3);
    SYS(AARCH64_NR_statx, p[0], put_str(0, ""), 0x1000, 0x7ff, scratch + 1024);
    SYS(AARCH64_NR_statx, p[0], put_str(0, ""), 0x1000, 0x200, scratch + 1024);
    SYS(AARCH64_NR_ioctl, p[0], 0x541B, scratch + 4096);
    SYS(AARCH64_NR_ioctl, p[0], 0x5451);
    ck_assert_int_eq(uaccess_write(scratch + 4096, &(int32_t){ 1 }, 4), 0);
    SYS(AARCH64_NR_ioctl, p[0], 0x5421, scratch + 4096);
    ck_assert_int_eq(uaccess_write(scratch + 4096, (uint16_t[4]){ 33, 99, 0, 0 }, 8), 0);
    SYS(AARCH64_NR_ioctl, p[0], 0x5414, scratch + 4096);
    log = take_log();
    want = g_strdup_printf(
        "statx(%d,\"\",AT_EMPTY_PATH,STATX_BASIC_STATS,0x%016" PRIx64 ") = 0\n"
        "statx(%d,\"\",AT_EMPTY_PATH,STATX_SIZE,0x%016" PRIx64 ") = 0\n"
        "ioctl(%d,FIONREAD,0x%016" PRIx64 ") = 0 (3)\n"
        "ioctl(%d,FIOCLEX) = 0\n"
        "ioctl(%d,FIONBIO,1) = 0\n"
        "ioctl(%d,TIOCSWINSZ,{33,99,0,0}) = -1 errno=25 (Inappropriate ioctl for device)\n",
        p[0], scratch + 1024, p[0], scratch + 1024, p[0], scratch + 4096, p[0], p[0], p[0]);
    ck_assert_str_eq(log, want);
    close(p[0]);
    close(p[1]);
}
END_TEST

START_TEST(test_strace_listxattr_prints_the_list_after_the_call)
{
    g_autofree char *dir = harness_tmpdir();
    g_autofree char *log = NULL;
    g_autofree char *want = NULL;

    SYS(AARCH64_NR_listxattr, put_str(0, dir), 0, 0);
    log = take_log();
    want = g_strdup_printf("listxattr(\"%s\",NULL,0) = 0 (list = NULL)\n", dir);
    ck_assert_str_eq(log, want);
    harness_rmtree(dir);
}
END_TEST

static Suite *syscalls_files_suite(void)
{
    Suite *s = suite_create("syscalls-files");
    TCase *tc = tcase_create("memory");

    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_mremap_grows_in_place_keeping_contents);
    tcase_add_test(tc, test_mremap_blocked_without_maymove_is_enomem_and_changes_nothing);
    tcase_add_test(tc, test_mremap_maymove_moves_contents_and_frees_old_range);
    tcase_add_test(tc, test_mremap_fixed_replaces_the_target);
    tcase_add_test(tc, test_mremap_shrink_unmaps_the_tail);
    tcase_add_test(tc, test_mremap_dontunmap_keeps_old_range_mapped);
    tcase_add_test(tc, test_mremap_bad_arguments_answer_as_linux);
    tcase_add_test(tc, test_page_calls_on_unmapped_pages_are_enomem);
    tcase_add_test(tc, test_mincore_reports_touched_page_and_faults_on_bad_vector);
    tcase_add_test(tc, test_madvise_dontneed_and_remove_drop_contents);
    suite_add_tcase(s, tc);

    tc = tcase_create("files");
    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_file_calls_answer_efault_for_bad_pointers);
    tcase_add_test(tc, test_xattr_name_rules_are_the_kernels);
    tcase_add_test(tc, test_openat2_converts_guest_open_flags);
    tcase_add_test(tc, test_preadv2_pwritev2_at_offset_and_at_file_position);
    tcase_add_test(tc, test_ioctl_unknown_is_enotty_and_int_results_reach_the_guest);
    suite_add_tcase(s, tc);

    tc = tcase_create("strace");
    tcase_add_checked_fixture(tc, strace_setup, harness_teardown);
    tcase_add_test(tc, test_strace_mknodat_prints_file_type_and_device_as_qemu);
    tcase_add_test(tc, test_strace_statx_mask_and_ioctl_argument_as_qemu);
    tcase_add_test(tc, test_strace_listxattr_prints_the_list_after_the_call);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(syscalls_files_suite)
