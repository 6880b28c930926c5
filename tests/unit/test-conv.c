// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-conv.c: guest struct layouts and the conversions of syscall/conv.h.
 *
 * The expected offsets and sizes were printed once by a small program
 * built with aarch64-linux-gnu-gcc -static against the arm64 kernel headers
 * (<asm/stat.h>, <asm/signal.h>, <asm/termbits.h>) and run under
 * qemu-aarch64; they are embedded here so the test needs no cross compiler.
 * The host side of the structs we pass through unchanged is checked against
 * the host's own kernel headers, which is what makes passing through right.
 */
#include "unit.h"
#include "syscall/conv.h"
#include "syscall/syscall.h"

#include <asm/termbits.h>
#include <errno.h>
#include <stddef.h>

typedef struct FieldLayout {
    const char *name;           /* the arm64 kernel's field name */
    size_t offset, size;        /* ours */
    size_t want_offset, want_size;
} FieldLayout;

#define FIELD(type, field, kname, off, sz) \
    { kname, offsetof(type, field), sizeof(((type *)0)->field), off, sz }

/* aarch64: sizeof(struct stat) = 128 */
static const FieldLayout stat_layout[] = {
    FIELD(GuestStat, dev,        "st_dev",         0,   8),
    FIELD(GuestStat, ino,        "st_ino",         8,   8),
    FIELD(GuestStat, mode,       "st_mode",        16,  4),
    FIELD(GuestStat, nlink,      "st_nlink",       20,  4),
    FIELD(GuestStat, uid,        "st_uid",         24,  4),
    FIELD(GuestStat, gid,        "st_gid",         28,  4),
    FIELD(GuestStat, rdev,       "st_rdev",        32,  8),
    FIELD(GuestStat, pad1,       "__pad1",         40,  8),
    FIELD(GuestStat, size,       "st_size",        48,  8),
    FIELD(GuestStat, blksize,    "st_blksize",     56,  4),
    FIELD(GuestStat, pad2,       "__pad2",         60,  4),
    FIELD(GuestStat, blocks,     "st_blocks",      64,  8),
    FIELD(GuestStat, atime_sec,  "st_atime",       72,  8),
    FIELD(GuestStat, atime_nsec, "st_atime_nsec",  80,  8),
    FIELD(GuestStat, mtime_sec,  "st_mtime",       88,  8),
    FIELD(GuestStat, mtime_nsec, "st_mtime_nsec",  96,  8),
    FIELD(GuestStat, ctime_sec,  "st_ctime",       104, 8),
    FIELD(GuestStat, ctime_nsec, "st_ctime_nsec",  112, 8),
    FIELD(GuestStat, unused4,    "__unused4",      120, 4),
    FIELD(GuestStat, unused5,    "__unused5",      124, 4),
};

/* aarch64: sizeof(struct sigaction) = 32 (asm-generic/signal.h with SA_RESTORER) */
static const FieldLayout sigaction_layout[] = {
    FIELD(GuestSigaction, handler,  "sa_handler",  0,  8),
    FIELD(GuestSigaction, flags,    "sa_flags",    8,  8),
    FIELD(GuestSigaction, restorer, "sa_restorer", 16, 8),
    FIELD(GuestSigaction, mask,     "sa_mask",     24, 8),
};

/* aarch64: sizeof(struct termios) = 36 */
static const FieldLayout termios_layout[] = {
    FIELD(GuestTermios, c_iflag, "c_iflag", 0,  4),
    FIELD(GuestTermios, c_oflag, "c_oflag", 4,  4),
    FIELD(GuestTermios, c_cflag, "c_cflag", 8,  4),
    FIELD(GuestTermios, c_lflag, "c_lflag", 12, 4),
    FIELD(GuestTermios, c_line,  "c_line",  16, 1),
    FIELD(GuestTermios, c_cc,    "c_cc",    17, 19),
};

static void check_layout(const FieldLayout *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(f[i].offset == f[i].want_offset && f[i].size == f[i].want_size,
                      "%s: offset %zu size %zu, arm64 has offset %zu size %zu",
                      f[i].name, f[i].offset, f[i].size, f[i].want_offset,
                      f[i].want_size);
    }
}

/* -- Layouts --------------------------------------------------------------- */

START_TEST(test_guest_stat_matches_arm64_layout)
{
    ck_assert_uint_eq(sizeof(GuestStat), 128);
    check_layout(stat_layout, G_N_ELEMENTS(stat_layout));
}
END_TEST

START_TEST(test_guest_sigaction_matches_arm64_layout)
{
    ck_assert_uint_eq(sizeof(GuestSigaction), 32);
    check_layout(sigaction_layout, G_N_ELEMENTS(sigaction_layout));
}
END_TEST

START_TEST(test_guest_termios_matches_arm64_and_host_kernel_layout)
{
    ck_assert_uint_eq(sizeof(GuestTermios), 36);
    check_layout(termios_layout, G_N_ELEMENTS(termios_layout));
    /* TCGETS passes through: the host kernel's struct must be the same. */
    ck_assert_uint_eq(sizeof(struct termios), sizeof(GuestTermios));
    ck_assert_uint_eq(offsetof(struct termios, c_line), offsetof(GuestTermios, c_line));
    ck_assert_uint_eq(offsetof(struct termios, c_cc), offsetof(GuestTermios, c_cc));
    ck_assert_uint_eq(sizeof(GuestWinsize), 8);
}
END_TEST

/* -- conv_stat_to_guest ------------------------------------------------------ */

static struct stat sample_stat(void)
{
    struct stat h = {
        .st_dev = 0x0801, .st_ino = 0x123456789aULL, .st_mode = 0100640,
        .st_nlink = 3, .st_uid = 1000, .st_gid = 100, .st_rdev = 0x0502,
        .st_size = 0x100000001LL, .st_blksize = 4096, .st_blocks = 16,
        .st_atim = { 1700000000, 111 }, .st_mtim = { 1700000001, 222 },
        .st_ctim = { 1700000002, 333 },
    };
    return h;
}

START_TEST(test_conv_stat_copies_every_field)
{
    struct stat h = sample_stat();
    GuestStat g;

    memset(&g, 0xa5, sizeof(g));
    ck_assert_int_eq(conv_stat_to_guest(&h, &g), 0);
    ck_assert_uint_eq(g.dev, 0x0801);
    ck_assert_uint_eq(g.ino, 0x123456789aULL);
    ck_assert_uint_eq(g.mode, 0100640);
    ck_assert_uint_eq(g.nlink, 3);
    ck_assert_uint_eq(g.uid, 1000);
    ck_assert_uint_eq(g.gid, 100);
    ck_assert_uint_eq(g.rdev, 0x0502);
    ck_assert_int_eq(g.size, 0x100000001LL);
    ck_assert_int_eq(g.blksize, 4096);
    ck_assert_int_eq(g.blocks, 16);
    ck_assert_int_eq(g.atime_sec, 1700000000);
    ck_assert_uint_eq(g.atime_nsec, 111);
    ck_assert_int_eq(g.mtime_sec, 1700000001);
    ck_assert_uint_eq(g.mtime_nsec, 222);
    ck_assert_int_eq(g.ctime_sec, 1700000002);
    ck_assert_uint_eq(g.ctime_nsec, 333);
    ck_assert_uint_eq(g.pad1, 0);
    ck_assert_int_eq(g.pad2, 0);
    ck_assert_uint_eq(g.unused4 | g.unused5, 0);
}
END_TEST

START_TEST(test_conv_stat_nlink_too_large_is_eoverflow)
{
    struct stat h = sample_stat();
    GuestStat g;

    h.st_nlink = 0x100000000ULL;
    ck_assert_int_eq(conv_stat_to_guest(&h, &g), -EOVERFLOW);
}
END_TEST

/* -- Open flags ---------------------------------------------------------------- */

/* arm64 asm/fcntl.h and the x86-64 (asm-generic) values of the four that differ. */
static const struct {
    const char *name;
    int guest, host;
} open_flag_pairs[] = {
    { "O_DIRECTORY", 040000,   0200000 },
    { "O_NOFOLLOW",  0100000,  0400000 },
    { "O_DIRECT",    0200000,  040000 },
    { "O_LARGEFILE", 0400000,  0100000 },
    { "O_CLOEXEC",   02000000, 02000000 },
    { "O_CREAT|O_TRUNC|O_WRONLY", 01101, 01101 },
    { "O_TMPFILE|O_RDWR", 020040002, 020200002 },
};

START_TEST(test_conv_open_flags_translates_each_direction)
{
    ck_assert_msg(conv_open_flags_from_guest(open_flag_pairs[_i].guest) ==
                  open_flag_pairs[_i].host, "%s guest->host", open_flag_pairs[_i].name);
    ck_assert_msg(conv_open_flags_to_guest(open_flag_pairs[_i].host) ==
                  open_flag_pairs[_i].guest, "%s host->guest", open_flag_pairs[_i].name);
}
END_TEST

START_TEST(test_conv_open_flags_round_trip_every_bit)
{
    for (int bit = 0; bit < 31; bit++) {
        ck_assert_int_eq(conv_open_flags_to_guest(conv_open_flags_from_guest(1 << bit)),
                         1 << bit);
    }
}
END_TEST

static Suite *conv_suite(void)
{
    Suite *s = suite_create("conv");
    TCase *tc = tcase_create("layouts");

    tcase_add_test(tc, test_guest_stat_matches_arm64_layout);
    tcase_add_test(tc, test_guest_sigaction_matches_arm64_layout);
    tcase_add_test(tc, test_guest_termios_matches_arm64_and_host_kernel_layout);
    suite_add_tcase(s, tc);

    tc = tcase_create("conversions");
    tcase_add_test(tc, test_conv_stat_copies_every_field);
    tcase_add_test(tc, test_conv_stat_nlink_too_large_is_eoverflow);
    tcase_add_loop_test(tc, test_conv_open_flags_translates_each_direction,
                        0, G_N_ELEMENTS(open_flag_pairs));
    tcase_add_test(tc, test_conv_open_flags_round_trip_every_bit);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(conv_suite)
