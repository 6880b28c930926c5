// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-uaccess.c: checked guest copies: success, -EFAULT on unmapped,
 * PROT_NONE and read-only memory, strings that run into unmapped pages.
 *
 * Layout of every test (1 GiB space):
 *   0x100000  one page rw-      RW
 *   0x101000  one page r--      RO
 *   0x102000  one page ---      NONE
 *   0x103000  unmapped
 * An access the checks let through by mistake would fault the test
 * process, which Check reports as a failure too.
 */
#include "unit.h"
#include "linux-user/mmap.h"
#include "linux-user/uaccess.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE    GUEST_PAGE_SIZE
#define RW      0x100000ULL
#define RO      0x101000ULL
#define NONE    0x102000ULL
#define UNMAPPED 0x103000ULL

static void map(GuestAddr a, int prot)
{
    ck_assert_int_eq(guest_mmap(a, PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                                -1, 0), (int64_t)a);
}

static void setup(void)
{
    GError *err = NULL;

    ck_assert(guest_space_init_at(0, 1ULL << 30, &err));
    map(RW, PROT_READ | PROT_WRITE);
    map(RO, PROT_READ);
    map(NONE, PROT_NONE);
}

static void teardown(void)
{
    guest_space_destroy();
}

/* -- Copies ------------------------------------------------------------------ */

START_TEST(test_uaccess_write_then_read_round_trips)
{
    char buf[6] = { 0 };

    ck_assert_int_eq(uaccess_write(RW + 10, "hello", 6), 0);
    ck_assert_str_eq((char *)g2h(RW + 10), "hello");
    ck_assert_int_eq(uaccess_read(buf, RW + 10, 6), 0);
    ck_assert_str_eq(buf, "hello");
}
END_TEST

START_TEST(test_uaccess_read_spanning_rw_and_ro_pages_succeeds)
{
    char buf[32];

    memset(g2h(RW + PAGE - 16), 'x', 16);
    ck_assert_int_eq(uaccess_read(buf, RW + PAGE - 16, 32), 0);
    ck_assert_int_eq(buf[15], 'x');
    ck_assert_int_eq(buf[16], 0);
}
END_TEST

START_TEST(test_uaccess_read_unmapped_or_prot_none_is_efault)
{
    char buf[8] = "intact";

    ck_assert_int_eq(uaccess_read(buf, UNMAPPED, 1), -EFAULT);
    ck_assert_int_eq(uaccess_read(buf, NONE, 1), -EFAULT);
    ck_assert_int_eq(uaccess_read(buf, RO + PAGE - 4, 8), -EFAULT);   /* into NONE */
    ck_assert_int_eq(uaccess_read(buf, 1ULL << 40, 1), -EFAULT);      /* outside space */
    ck_assert_int_eq(uaccess_read(buf, UINT64_MAX, 2), -EFAULT);      /* wraps */
    ck_assert_str_eq(buf, "intact");
}
END_TEST

START_TEST(test_uaccess_write_to_read_only_is_efault)
{
    ck_assert_int_eq(uaccess_write(RO, "x", 1), -EFAULT);
    ck_assert_int_eq(uaccess_write(RW + PAGE - 1, "xy", 2), -EFAULT);  /* rw into r */
    ck_assert_int_eq(((char *)g2h(RW))[PAGE - 1], 0);
    ck_assert_int_eq(uaccess_clear(RO, 1), -EFAULT);
}
END_TEST

START_TEST(test_uaccess_zero_length_never_faults)
{
    ck_assert_int_eq(uaccess_read(NULL, UNMAPPED, 0), 0);
    ck_assert_int_eq(uaccess_write(NONE, NULL, 0), 0);
    ck_assert_int_eq(uaccess_clear(UNMAPPED, 0), 0);
}
END_TEST

START_TEST(test_uaccess_clear_zeroes_exactly_n_bytes)
{
    memset(g2h(RW), 0xff, 16);
    ck_assert_int_eq(uaccess_clear(RW + 4, 8), 0);
    ck_assert_int_eq(((unsigned char *)g2h(RW))[3], 0xff);
    ck_assert_int_eq(((unsigned char *)g2h(RW))[4], 0);
    ck_assert_int_eq(((unsigned char *)g2h(RW))[11], 0);
    ck_assert_int_eq(((unsigned char *)g2h(RW))[12], 0xff);
}
END_TEST

/* -- Strings ----------------------------------------------------------------- */

START_TEST(test_uaccess_strnlen_counts_up_to_nul)
{
    strcpy(g2h(RW), "path/name");
    ck_assert_int_eq(uaccess_strnlen(RW, 4096), 9);
    ck_assert_int_eq(uaccess_strnlen(RW, 10), 9);                     /* NUL is byte 10 */
    ck_assert_int_eq(uaccess_strnlen(RW, 9), -ENAMETOOLONG);
}
END_TEST

START_TEST(test_uaccess_strnlen_running_into_unmapped_page_is_efault)
{
    map(0x200000, PROT_READ | PROT_WRITE);                  /* 0x201000 unmapped */
    memset(g2h(0x200000 + PAGE - 10), 'a', 10);
    ck_assert_int_eq(uaccess_strnlen(0x200000 + PAGE - 10, 100), -EFAULT);
}
END_TEST

START_TEST(test_uaccess_strnlen_crossing_into_readable_page_continues)
{
    memset(g2h(RW + PAGE - 4), 'a', 4);                     /* RO starts with NUL */
    ck_assert_int_eq(uaccess_strnlen(RW + PAGE - 4, 100), 4);
}
END_TEST

START_TEST(test_uaccess_strnlen_ending_at_page_end_does_not_touch_next_page)
{
    map(0x200000, PROT_READ | PROT_WRITE);
    memset(g2h(0x200000 + PAGE - 10), 'a', 9);
    /* 0x201000 is unmapped: reading it would fault the test. */
    ck_assert_int_eq(uaccess_strnlen(0x200000 + PAGE - 10, 100), 9);
    /* A limit that ends at the page end, before any NUL: too long, no fault. */
    memset(g2h(0x200000 + PAGE - 10), 'a', 10);
    ck_assert_int_eq(uaccess_strnlen(0x200000 + PAGE - 10, 10), -ENAMETOOLONG);
}
END_TEST

START_TEST(test_uaccess_strnlen_into_prot_none_is_efault)
{
    map(0x300000, PROT_READ | PROT_WRITE);
    map(0x301000, PROT_NONE);
    memset(g2h(0x300000 + PAGE - 10), 'a', 10);
    ck_assert_int_eq(uaccess_strnlen(0x300000 + PAGE - 10, 100), -EFAULT);
    ck_assert_int_eq(uaccess_strnlen(NONE, 10), -EFAULT);
    ck_assert_int_eq(uaccess_strnlen(UNMAPPED, 10), -EFAULT);
}
END_TEST

START_TEST(test_uaccess_strdup_copies_or_reports_errno)
{
    int err = 0;
    g_autofree char *s = NULL;

    strcpy(g2h(RW + 100), "/etc/passwd");
    s = uaccess_strdup(RW + 100, 4096, &err);
    ck_assert_str_eq(s, "/etc/passwd");
    ck_assert_ptr_null(uaccess_strdup(UNMAPPED, 4096, &err));
    ck_assert_int_eq(err, -EFAULT);
    ck_assert_ptr_null(uaccess_strdup(RW + 100, 5, &err));
    ck_assert_int_eq(err, -ENAMETOOLONG);
}
END_TEST

/* -- Host pointers ----------------------------------------------------------- */

START_TEST(test_uaccess_host_ptr_checks_prot_and_mapping)
{
    ck_assert_ptr_eq(uaccess_host_ptr(RW, PAGE, PROT_WRITE), g2h(RW));
    ck_assert_ptr_eq(uaccess_host_ptr(RW, 2 * PAGE, PROT_READ), g2h(RW));
    ck_assert_ptr_null(uaccess_host_ptr(RW, 2 * PAGE, PROT_WRITE));
    ck_assert_ptr_null(uaccess_host_ptr(NONE, 1, PROT_READ));
    ck_assert_ptr_null(uaccess_host_ptr(UNMAPPED, 1, PROT_READ));
    ck_assert_ptr_eq(uaccess_host_ptr(UNMAPPED, 0, PROT_READ), g2h(UNMAPPED));
    ck_assert_ptr_null(uaccess_host_ptr(1ULL << 40, 0, PROT_READ));
}
END_TEST

static Suite *uaccess_suite(void)
{
    Suite *s = suite_create("uaccess");
    TCase *tc = tcase_create("uaccess");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_uaccess_write_then_read_round_trips);
    tcase_add_test(tc, test_uaccess_read_spanning_rw_and_ro_pages_succeeds);
    tcase_add_test(tc, test_uaccess_read_unmapped_or_prot_none_is_efault);
    tcase_add_test(tc, test_uaccess_write_to_read_only_is_efault);
    tcase_add_test(tc, test_uaccess_zero_length_never_faults);
    tcase_add_test(tc, test_uaccess_clear_zeroes_exactly_n_bytes);
    tcase_add_test(tc, test_uaccess_strnlen_counts_up_to_nul);
    tcase_add_test(tc, test_uaccess_strnlen_running_into_unmapped_page_is_efault);
    tcase_add_test(tc, test_uaccess_strnlen_crossing_into_readable_page_continues);
    tcase_add_test(tc, test_uaccess_strnlen_ending_at_page_end_does_not_touch_next_page);
    tcase_add_test(tc, test_uaccess_strnlen_into_prot_none_is_efault);
    tcase_add_test(tc, test_uaccess_strdup_copies_or_reports_errno);
    tcase_add_test(tc, test_uaccess_host_ptr_checks_prot_and_mapping);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(uaccess_suite)
