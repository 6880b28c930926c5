// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-path.c: the -L prefix lookup (linux-user/path.c) on a temporary
 * prefix tree, and its use by the path-taking syscalls.
 *
 * The tree holds PREFIX/lib/only-in-prefix, PREFIX/etc/both (also present
 * on the "host" side, a second temporary directory) and a directory
 * PREFIX/dir. An absolute guest path is answered from the prefix when it
 * exists there and is passed through unchanged otherwise, as qemu-aarch64's
 * path() does.
 */
#include "syscall-harness.h"
#include "linux-user/options.h"
#include "linux-user/path.h"

#include <fcntl.h>
#include <unistd.h>

static char *prefix, *host;

static void write_file(const char *dir, const char *rel, const char *text)
{
    g_autofree char *p = g_build_filename(dir, rel, NULL);
    g_autofree char *d = g_path_get_dirname(p);

    ck_assert_int_eq(g_mkdir_with_parents(d, 0755), 0);
    ck_assert(g_file_set_contents(p, text, -1, NULL));
}

static void setup(void)
{
    harness_setup();
    prefix = harness_tmpdir();
    host = harness_tmpdir();
    write_file(prefix, "lib/only-in-prefix", "prefix");
    write_file(prefix, "etc/both", "prefix");
    write_file(host, "etc/both", "host");
    write_file(host, "only-on-host", "host");
    write_file(prefix, "dir/.keep", "");
    path_set_prefix(prefix);
}

static void teardown(void)
{
    path_set_prefix(NULL);
    harness_rmtree(prefix);
    harness_rmtree(host);
    g_free(prefix);
    g_free(host);
    harness_teardown();
}

/* PREFIX + @rel as path_lookup should answer it. */
static char *in_prefix(const char *rel)
{
    return g_strconcat(prefix, rel, NULL);
}

/* -- path_lookup ------------------------------------------------------------------- */

START_TEST(test_path_lookup_existing_in_prefix_gives_prefixed_path)
{
    g_autofree char *got = path_lookup("/lib/only-in-prefix");
    g_autofree char *want = in_prefix("/lib/only-in-prefix");

    ck_assert_str_eq(got, want);
}
END_TEST

START_TEST(test_path_lookup_directory_in_prefix_gives_prefixed_path)
{
    g_autofree char *got = path_lookup("/dir");
    g_autofree char *want = in_prefix("/dir");

    ck_assert_str_eq(got, want);
}
END_TEST

START_TEST(test_path_lookup_missing_in_prefix_gives_path_unchanged)
{
    g_autofree char *h = g_build_filename(host, "only-on-host", NULL);
    g_autofree char *got = path_lookup(h);

    ck_assert_str_eq(got, h);
}
END_TEST

START_TEST(test_path_lookup_relative_path_is_never_prefixed)
{
    g_autofree char *got = path_lookup("lib/only-in-prefix");

    ck_assert_str_eq(got, "lib/only-in-prefix");
}
END_TEST

START_TEST(test_path_lookup_without_prefix_gives_path_unchanged)
{
    g_autofree char *got = NULL;

    path_set_prefix(NULL);
    ck_assert_ptr_null(path_prefix());
    got = path_lookup("/lib/only-in-prefix");
    ck_assert_str_eq(got, "/lib/only-in-prefix");
}
END_TEST

START_TEST(test_path_lookup_empty_or_root_prefix_means_none)
{
    path_set_prefix("");
    ck_assert_ptr_null(path_prefix());
    path_set_prefix("/");
    ck_assert_ptr_null(path_prefix());
}
END_TEST

/* A relative prefix is fixed at startup: a later chdir does not move it. */
START_TEST(test_path_relative_prefix_is_made_absolute)
{
    g_autofree char *parent = g_path_get_dirname(prefix);
    g_autofree char *base = g_path_get_basename(prefix);
    g_autofree char *got = NULL;
    g_autofree char *want = in_prefix("/lib/only-in-prefix");
    g_autofree char *cwd = g_get_current_dir();

    ck_assert_int_eq(chdir(parent), 0);
    path_set_prefix(base);
    ck_assert_int_eq(chdir("/"), 0);
    got = path_lookup("/lib/only-in-prefix");
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_str_eq(path_prefix(), prefix);
    ck_assert_str_eq(got, want);
}
END_TEST

/* Not cached: a file created in the prefix after a miss is found next time. */
START_TEST(test_path_lookup_sees_files_created_later)
{
    g_autofree char *before = path_lookup("/late");
    g_autofree char *after = NULL;
    g_autofree char *want = in_prefix("/late");

    ck_assert_str_eq(before, "/late");
    write_file(prefix, "late", "x");
    after = path_lookup("/late");
    ck_assert_str_eq(after, want);
}
END_TEST

START_TEST(test_path_option_L_and_env_twin_set_prefix)
{
    const UemuOption *o = options_find("L");
    GError *err = NULL;

    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(o->env, "QEMU_LD_PREFIX");
    ck_assert(o->handler("/some/sysroot", &err));
    ck_assert_str_eq(path_prefix(), "/some/sysroot");
}
END_TEST

/* -- Through the syscalls ------------------------------------------------------------ */

/* openat of an absolute path reads the prefix's copy when there is one. */
START_TEST(test_path_openat_prefers_prefix_copy)
{
    g_autofree char *h = g_build_filename(host, "etc/both", NULL);
    char buf[16] = "";
    int64_t fd;

    /* The guest asks for <host>/etc/both: not in the prefix, so the host's. */
    fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, h), O_RDONLY, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(read((int)fd, buf, sizeof(buf) - 1), 4);
    ck_assert_str_eq(buf, "host");
    close((int)fd);
    /* The guest asks for /etc/both: PREFIX/etc/both exists and wins. */
    memset(buf, 0, sizeof(buf));
    fd = SYS(AARCH64_NR_openat, GUEST_AT_FDCWD, put_str(0, "/etc/both"), O_RDONLY, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(read((int)fd, buf, sizeof(buf) - 1), 6);
    ck_assert_str_eq(buf, "prefix");
    close((int)fd);
}
END_TEST

START_TEST(test_path_newfstatat_and_faccessat_look_in_prefix)
{
    GuestAddr p = put_str(0, "/lib/only-in-prefix");

    ck_assert_int_eq(SYS(AARCH64_NR_newfstatat, GUEST_AT_FDCWD, p, scratch + 1024, 0), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_faccessat, GUEST_AT_FDCWD, p, R_OK), 0);
    path_set_prefix(NULL);
    ck_assert_int_eq(SYS(AARCH64_NR_faccessat, GUEST_AT_FDCWD, p, R_OK), -ENOENT);
}
END_TEST

/*
 * Calls that create use the path as given: with PREFIX/<host>/sub present,
 * mkdirat("<host>/sub") still makes the host's directory.
 */
START_TEST(test_path_mkdirat_does_not_use_prefix)
{
    g_autofree char *sub = g_build_filename(host, "sub", NULL);
    g_autofree char *shadow = in_prefix(sub);

    ck_assert_int_eq(g_mkdir_with_parents(shadow, 0755), 0);
    ck_assert_int_eq(SYS(AARCH64_NR_mkdirat, GUEST_AT_FDCWD, put_str(0, sub), 0755), 0);
    ck_assert(g_file_test(sub, G_FILE_TEST_IS_DIR));
}
END_TEST

static Suite *path_suite(void)
{
    Suite *s = suite_create("path");
    TCase *tc = tcase_create("lookup");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_path_lookup_existing_in_prefix_gives_prefixed_path);
    tcase_add_test(tc, test_path_lookup_directory_in_prefix_gives_prefixed_path);
    tcase_add_test(tc, test_path_lookup_missing_in_prefix_gives_path_unchanged);
    tcase_add_test(tc, test_path_lookup_relative_path_is_never_prefixed);
    tcase_add_test(tc, test_path_lookup_without_prefix_gives_path_unchanged);
    tcase_add_test(tc, test_path_lookup_empty_or_root_prefix_means_none);
    tcase_add_test(tc, test_path_relative_prefix_is_made_absolute);
    tcase_add_test(tc, test_path_lookup_sees_files_created_later);
    tcase_add_test(tc, test_path_option_L_and_env_twin_set_prefix);
    tcase_add_test(tc, test_path_openat_prefers_prefix_copy);
    tcase_add_test(tc, test_path_newfstatat_and_faccessat_look_in_prefix);
    tcase_add_test(tc, test_path_mkdirat_does_not_use_prefix);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(path_suite)
