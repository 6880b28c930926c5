// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-conv-files.c: the structures the file and memory syscalls pass
 * through unchanged really have one layout on arm64 and on the host.
 *
 * The arm64 facts were printed once by a program built with
 * aarch64-linux-gnu-gcc -static against /usr/aarch64-linux-gnu/include
 * (<asm/statfs.h>, <linux/stat.h>, <asm/fcntl.h>, <linux/inotify.h>,
 * <linux/openat2.h>, <asm/termbits.h>, <linux/quota.h>) and run under
 * qemu-aarch64; they are embedded here so the test needs no cross
 * compiler. Each test compares them with the host kernel's headers, which
 * is what passing the bytes through relies on. struct statfs is the
 * interesting one: both use asm-generic/statfs.h with a 64-bit
 * __statfs_word, so the 120 bytes agree field for field.
 */
#include "unit.h"

#include <asm/termbits.h>
#include <linux/fcntl.h>
#include <linux/inotify.h>
#include <linux/openat2.h>
#include <linux/quota.h>
#include <linux/stat.h>
#include <stddef.h>
#include <sys/statfs.h>

typedef struct FieldFact {
    const char *name;
    size_t offset, size;            /* the host's */
    size_t want_offset, want_size;  /* arm64's */
} FieldFact;

#define FIELD(type, field, off, sz) \
    { #field, offsetof(type, field), sizeof(((type *)0)->field), off, sz }

static void check_fields(const char *what, size_t size, size_t want_size,
                         const FieldFact *f, size_t n)
{
    ck_assert_msg(size == want_size, "sizeof(%s): host %zu, arm64 %zu", what, size,
                  want_size);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(f[i].offset == f[i].want_offset && f[i].size == f[i].want_size,
                      "%s.%s: host offset %zu size %zu, arm64 offset %zu size %zu",
                      what, f[i].name, f[i].offset, f[i].size, f[i].want_offset,
                      f[i].want_size);
    }
}

#define CHECK_FIELDS(type, want_size, table) \
    check_fields(#type, sizeof(type), want_size, table, G_N_ELEMENTS(table))

/* arm64: sizeof(struct statfs) = 120 (asm-generic/statfs.h, __statfs_word = long) */
static const FieldFact statfs_fields[] = {
    FIELD(struct statfs, f_type,    0,  8),
    FIELD(struct statfs, f_bsize,   8,  8),
    FIELD(struct statfs, f_blocks,  16, 8),
    FIELD(struct statfs, f_bfree,   24, 8),
    FIELD(struct statfs, f_bavail,  32, 8),
    FIELD(struct statfs, f_files,   40, 8),
    FIELD(struct statfs, f_ffree,   48, 8),
    FIELD(struct statfs, f_fsid,    56, 8),
    FIELD(struct statfs, f_namelen, 64, 8),
    FIELD(struct statfs, f_frsize,  72, 8),
    FIELD(struct statfs, f_flags,   80, 8),
    FIELD(struct statfs, f_spare,   88, 32),
};

/* arm64: sizeof(struct statx) = 256 (linux/stat.h, fixed-width fields) */
static const FieldFact statx_fields[] = {
    FIELD(struct statx, stx_mask,        0,   4),
    FIELD(struct statx, stx_blksize,     4,   4),
    FIELD(struct statx, stx_attributes,  8,   8),
    FIELD(struct statx, stx_nlink,       16,  4),
    FIELD(struct statx, stx_uid,         20,  4),
    FIELD(struct statx, stx_mode,        28,  2),
    FIELD(struct statx, stx_ino,         32,  8),
    FIELD(struct statx, stx_size,        40,  8),
    FIELD(struct statx, stx_atime,       64,  16),
    FIELD(struct statx, stx_btime,       80,  16),
    FIELD(struct statx, stx_mtime,       112, 16),
    FIELD(struct statx, stx_rdev_major,  128, 4),
    FIELD(struct statx, stx_dev_minor,   140, 4),
};

/* arm64: sizeof(struct flock) = 32 (asm-generic/fcntl.h, no __ARCH_FLOCK_PAD) */
static const FieldFact flock_fields[] = {
    FIELD(struct flock, l_type,   0,  2),
    FIELD(struct flock, l_whence, 2,  2),
    FIELD(struct flock, l_start,  8,  8),
    FIELD(struct flock, l_len,    16, 8),
    FIELD(struct flock, l_pid,    24, 4),
};

/* arm64: sizeof(struct inotify_event) = 16, then the name */
static const FieldFact inotify_fields[] = {
    FIELD(struct inotify_event, wd,     0,  4),
    FIELD(struct inotify_event, mask,   4,  4),
    FIELD(struct inotify_event, cookie, 8,  4),
    FIELD(struct inotify_event, len,    12, 4),
};

/* arm64: sizeof(struct open_how) = 24 */
static const FieldFact open_how_fields[] = {
    FIELD(struct open_how, flags,   0,  8),
    FIELD(struct open_how, mode,    8,  8),
    FIELD(struct open_how, resolve, 16, 8),
};

/* arm64: sizeof(struct termios2) = 44 (asm-generic/termbits.h) */
static const FieldFact termios2_fields[] = {
    FIELD(struct termios2, c_cflag,  8,  4),
    FIELD(struct termios2, c_line,   16, 1),
    FIELD(struct termios2, c_cc,     17, 19),
    FIELD(struct termios2, c_ispeed, 36, 4),
    FIELD(struct termios2, c_ospeed, 40, 4),
};

/* arm64: sizeof(struct if_dqblk) = 72, if_nextdqblk 72, if_dqinfo 24 (linux/quota.h) */
static const FieldFact dqblk_fields[] = {
    FIELD(struct if_dqblk, dqb_bhardlimit, 0,  8),
    FIELD(struct if_dqblk, dqb_itime,      56, 8),
    FIELD(struct if_dqblk, dqb_valid,      64, 4),
};

static const FieldFact dqinfo_fields[] = {
    FIELD(struct if_dqinfo, dqi_bgrace, 0,  8),
    FIELD(struct if_dqinfo, dqi_igrace, 8,  8),
    FIELD(struct if_dqinfo, dqi_flags,  16, 4),
    FIELD(struct if_dqinfo, dqi_valid,  20, 4),
};

START_TEST(test_statfs_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct statfs, 120, statfs_fields);
}
END_TEST

START_TEST(test_statx_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct statx, 256, statx_fields);
}
END_TEST

START_TEST(test_flock_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct flock, 32, flock_fields);
    /* struct f_owner_ex: int type, pid_t pid on both */
    ck_assert_uint_eq(sizeof(struct f_owner_ex), 8);
}
END_TEST

START_TEST(test_inotify_event_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct inotify_event, 16, inotify_fields);
}
END_TEST

START_TEST(test_open_how_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct open_how, 24, open_how_fields);
}
END_TEST

START_TEST(test_termios2_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct termios2, 44, termios2_fields);
}
END_TEST

START_TEST(test_quota_structs_host_layout_is_arm64_layout)
{
    CHECK_FIELDS(struct if_dqblk, 72, dqblk_fields);
    CHECK_FIELDS(struct if_dqinfo, 24, dqinfo_fields);
    ck_assert_uint_eq(sizeof(struct if_nextdqblk), 72);
}
END_TEST

/* The flag values passed through unconverted: arm64's (asm-generic) numbers. */
START_TEST(test_passed_through_flag_values_are_arm64_values)
{
    ck_assert_int_eq(IN_CLOEXEC, 02000000);     /* = arm64 O_CLOEXEC */
    ck_assert_int_eq(IN_NONBLOCK, 04000);       /* = arm64 O_NONBLOCK */
    ck_assert_int_eq(F_OFD_GETLK, 36);
    ck_assert_int_eq(F_SETOWN_EX, 15);
    ck_assert_int_eq(F_ADD_SEALS, 1033);
    ck_assert_int_eq(AT_EMPTY_PATH, 0x1000);
    ck_assert_int_eq(STATX_BASIC_STATS, 0x7ff);
    ck_assert_int_eq(CS8, 060);                 /* termios c_cflag bits are generic */
    ck_assert_int_eq(ICANON, 02);
    ck_assert_int_eq(NCCS, 19);
}
END_TEST

static Suite *conv_files_suite(void)
{
    Suite *s = suite_create("conv-files");
    TCase *tc = tcase_create("layouts");

    tcase_add_test(tc, test_statfs_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_statx_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_flock_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_inotify_event_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_open_how_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_termios2_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_quota_structs_host_layout_is_arm64_layout);
    tcase_add_test(tc, test_passed_through_flag_values_are_arm64_values);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(conv_files_suite)
