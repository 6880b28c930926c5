// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-exec.c: the command line that re-executes arm-uemu for a guest
 * execve (linux-user/exec.c): this run's options carried, those of the
 * first image only (-0, -E, -U) dropped, environment twins that the new
 * environment lacks turned into options, -log-append when a -D file is in
 * use, and the guest's argv after "--".
 */
#include "unit.h"
#include "linux-user/exec.h"
#include "linux-user/module.h"
#include "linux-user/options.h"

static char *no_env[] = { NULL };

/* Record @args (NULL-terminated, without argv[0]) as this run's command line. */
static void startup(char **env, const char *first, ...)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    va_list ap;

    g_ptr_array_add(argv, "/opt/arm-uemu");
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        g_ptr_array_add(argv, (char *)a);
    }
    va_end(ap);
    g_ptr_array_add(argv, NULL);
    exec_set_startup_args(argv->len - 1, (char **)argv->pdata);
    ck_assert(options_record_given(argv->len - 1, (char **)argv->pdata, env, NULL));
}

static char *joined(char **v)
{
    return g_strjoinv(" ", v);
}

START_TEST(test_exec_argv_keeps_options_and_drops_first_image_ones)
{
    char *guest_argv[] = { "newname", "a1", "a 2", NULL };
    g_auto(GStrv) v = NULL;
    g_autofree char *s = NULL;

    startup(no_env, "-L", "/sysroot", "-0", "old", "-E", "A=1", "-d", "plugin",
            "-U", "B", "-strace", "prog", "x", NULL);
    v = exec_build_emulator_argv("/sysroot/bin/prog", guest_argv, no_env);
    s = joined(v);
    ck_assert_str_eq(s, "/opt/arm-uemu -L /sysroot -d plugin -strace -0 newname -- "
                        "/sysroot/bin/prog a1 a 2");
}
END_TEST

START_TEST(test_exec_argv_double_dash_ends_the_options)
{
    char *guest_argv[] = { "p", NULL };
    g_auto(GStrv) v = NULL;
    g_autofree char *s = NULL;

    startup(no_env, "--L", "/s", "--", "-prog", NULL);
    v = exec_build_emulator_argv("/bin/p", guest_argv, no_env);
    s = joined(v);
    ck_assert_str_eq(s, "/opt/arm-uemu -L /s -0 p -- /bin/p");
}
END_TEST

START_TEST(test_exec_argv_env_twin_missing_from_new_env_becomes_option)
{
    char *env[] = { "QEMU_LD_PREFIX=/from-env", "QEMU_ARGV0=x", NULL };
    char *same[] = { "QEMU_LD_PREFIX=/from-env", NULL };
    char *changed[] = { "QEMU_LD_PREFIX=/other", NULL };
    char *guest_argv[] = { "p", NULL };
    g_auto(GStrv) a = NULL, b = NULL, c = NULL;
    g_autofree char *sa = NULL, *sb = NULL, *sc = NULL;

    startup(env, "prog", NULL);
    a = exec_build_emulator_argv("/bin/p", guest_argv, no_env);
    b = exec_build_emulator_argv("/bin/p", guest_argv, same);
    c = exec_build_emulator_argv("/bin/p", guest_argv, changed);
    sa = joined(a);
    sb = joined(b);
    sc = joined(c);
    /* QEMU_ARGV0 is the first image's: never carried */
    ck_assert_str_eq(sa, "/opt/arm-uemu -L /from-env -0 p -- /bin/p");
    ck_assert_str_eq(sb, "/opt/arm-uemu -0 p -- /bin/p");
    ck_assert_str_eq(sc, "/opt/arm-uemu -L /from-env -0 p -- /bin/p");
}
END_TEST

START_TEST(test_exec_argv_empty_guest_argv_gives_empty_argv0)
{
    char *guest_argv[] = { NULL };
    g_auto(GStrv) v = NULL;

    startup(no_env, "prog", NULL);
    v = exec_build_emulator_argv("/bin/p", guest_argv, no_env);
    ck_assert_int_eq(g_strv_length(v), 5);
    ck_assert_str_eq(v[1], "-0");
    ck_assert_str_eq(v[2], "");
    ck_assert_str_eq(v[4], "/bin/p");
}
END_TEST

START_TEST(test_exec_option_registered_with_env_twin)
{
    const UemuOption *o = options_find("exec-native");

    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(o->env, "UEMU_EXEC_NATIVE");
    ck_assert_ptr_null(o->arg);
    ck_assert(exec_emulation_enabled());
}
END_TEST

START_TEST(test_exec_argv_relative_paths_become_absolute_from_startup_dir)
{
    char *guest_argv[] = { "p", NULL };
    g_auto(GStrv) v = NULL;
    g_autofree char *cwd = g_get_current_dir();
    g_autofree char *want = NULL, *s = NULL;

    startup(no_env, "-L", "sysroot", "-D", "/abs/log", "-plugin", "build/libx.so,a=1",
            "-plugin", "file=p/liby.so", "-plugin", "libz.so", "prog", NULL);
    v = exec_build_emulator_argv("/bin/p", guest_argv, no_env);
    s = joined(v);
    want = g_strdup_printf("/opt/arm-uemu -L %s/sysroot -D /abs/log -plugin %s/build/libx.so,a=1 "
                           "-plugin file=%s/p/liby.so -plugin libz.so -0 p -- /bin/p",
                           cwd, cwd, cwd);
    ck_assert_str_eq(s, want);
}
END_TEST

START_TEST(test_exec_argv_with_log_file_asks_the_new_image_to_append)
{
    char *guest_argv[] = { "p", NULL };
    g_auto(GStrv) v = NULL;
    g_autofree char *s = NULL;
    GError *err = NULL;

    /* an image that was itself re-executed: its -log-append is not repeated */
    startup(no_env, "-D", "/abs/log", "-log-append", "-strace", "prog", NULL);
    ck_assert(options_find("D")->handler("/abs/log", &err));
    v = exec_build_emulator_argv("/bin/p", guest_argv, no_env);
    s = joined(v);
    ck_assert_str_eq(s, "/opt/arm-uemu -D /abs/log -strace -log-append -0 p -- /bin/p");
}
END_TEST

static Suite *exec_suite(void)
{
    Suite *s = suite_create("exec");
    TCase *tc = tcase_create("argv");

    module_call_init(MODULE_INIT_LOG);
    module_call_init(MODULE_INIT_OPTIONS);
    tcase_add_test(tc, test_exec_argv_keeps_options_and_drops_first_image_ones);
    tcase_add_test(tc, test_exec_argv_double_dash_ends_the_options);
    tcase_add_test(tc, test_exec_argv_env_twin_missing_from_new_env_becomes_option);
    tcase_add_test(tc, test_exec_argv_empty_guest_argv_gives_empty_argv0);
    tcase_add_test(tc, test_exec_option_registered_with_env_twin);
    tcase_add_test(tc, test_exec_argv_relative_paths_become_absolute_from_startup_dir);
    tcase_add_test(tc, test_exec_argv_with_log_file_asks_the_new_image_to_append);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(exec_suite)
