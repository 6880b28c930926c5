// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-options.c: the option registry and parser, with the real rows that
 * the components register (-L, -d/-D, -E/-U/-0, -plugin, ...), their
 * environment twins, and every usage error.
 */
#include "unit.h"
#include "linux-user/error.h"
#include "linux-user/guest-args.h"
#include "linux-user/log.h"
#include "linux-user/module.h"
#include "linux-user/options.h"
#include "linux-user/path.h"
#include "plugin-api/loader.h"

#include <stdarg.h>
#include <string.h>

static GError *err;
static OptionsAction action;

/* parse("-L", "/x", "prog", NULL): run the parser on a NULL-terminated list. */
static int parse(const char *first, ...)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    va_list ap;

    g_ptr_array_add(argv, "arm-uemu");
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        g_ptr_array_add(argv, (char *)a);
    }
    va_end(ap);
    g_ptr_array_add(argv, NULL);
    g_clear_error(&err);
    return options_parse(argv->len - 1, (char **)argv->pdata, &action, &err);
}

static void assert_usage_error(int rc, const char *msg)
{
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_nonnull(err);
    ck_assert(g_error_matches(err, UEMU_ERROR, UEMU_ERROR_USAGE));
    ck_assert_str_eq(err->message, msg);
}

static const char *plugin_arg(guint plugin, guint i)
{
    PluginDesc *d = g_ptr_array_index(plugin_descs(), plugin);

    return g_ptr_array_index(d->argv, i);
}

/* -- Forms ---------------------------------------------------------------- */

START_TEST(test_parse_option_with_argument_returns_program_index)
{
    ck_assert_int_eq(parse("-L", "/sysroot", "prog", "arg1", NULL), 3);
    ck_assert_int_eq(action, OPTIONS_RUN);
    ck_assert_str_eq(path_prefix(), "/sysroot");
}
END_TEST

START_TEST(test_parse_double_dash_option_means_single_dash)
{
    ck_assert_int_eq(parse("--L", "/p", "prog", NULL), 3);
    ck_assert_str_eq(path_prefix(), "/p");
}
END_TEST

START_TEST(test_parse_double_dash_ends_options)
{
    ck_assert_int_eq(parse("--", "-prog", NULL), 2);
}
END_TEST

START_TEST(test_parse_stops_at_program_leaving_guest_options_alone)
{
    ck_assert_int_eq(parse("prog", "-L", "x", NULL), 1);
    ck_assert_ptr_null(path_prefix());
}
END_TEST

START_TEST(test_parse_help_and_version_return_their_actions)
{
    ck_assert_int_ge(parse("-h", NULL), 0);
    ck_assert_int_eq(action, OPTIONS_HELP);
    ck_assert_int_ge(parse("-help", "-bogus", NULL), 0);
    ck_assert_int_eq(action, OPTIONS_HELP);
    ck_assert_int_ge(parse("-version", NULL), 0);
    ck_assert_int_eq(action, OPTIONS_VERSION);
}
END_TEST

/* -- Usage errors ----------------------------------------------------------- */

START_TEST(test_parse_unknown_option_is_usage_error)
{
    assert_usage_error(parse("-bogus", "prog", NULL), "unknown option '-bogus'");
}
END_TEST

START_TEST(test_parse_missing_argument_is_usage_error)
{
    assert_usage_error(parse("-L", NULL), "option '-L' needs an argument (path)");
}
END_TEST

START_TEST(test_parse_no_program_is_usage_error)
{
    assert_usage_error(parse(NULL), "no guest program given");
    assert_usage_error(parse("-L", "/x", NULL), "no guest program given");
}
END_TEST

START_TEST(test_parse_bad_handler_argument_names_the_option)
{
    assert_usage_error(parse("-E", "novalue", "prog", NULL),
                       "option '-E': 'novalue' is not of the form var=value");
}
END_TEST

/* -- Environment twins ------------------------------------------------------ */

START_TEST(test_env_twin_applies_without_option)
{
    g_setenv("QEMU_LD_PREFIX", "/from-env", TRUE);
    ck_assert_int_eq(parse("prog", NULL), 1);
    ck_assert_str_eq(path_prefix(), "/from-env");
}
END_TEST

START_TEST(test_env_twin_is_overridden_by_command_line)
{
    g_setenv("QEMU_LD_PREFIX", "/from-env", TRUE);
    ck_assert_int_eq(parse("-L", "/from-cli", "prog", NULL), 3);
    ck_assert_str_eq(path_prefix(), "/from-cli");
}
END_TEST

START_TEST(test_env_twin_bad_value_names_the_variable)
{
    g_setenv("QEMU_LOG", "nosuchitem", TRUE);
    assert_usage_error(parse("prog", NULL),
                       "environment variable QEMU_LOG: unknown log item "
                       "'nosuchitem' (see '-d help')");
}
END_TEST

START_TEST(test_env_log_filename_twin_sets_log_file)
{
    g_autofree char *dir = g_dir_make_tmp("uemu-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "log.txt", NULL);

    g_setenv("QEMU_LOG_FILENAME", file, TRUE);
    ck_assert_int_eq(parse("prog", NULL), 1);
    ck_assert(log_open(&err));
    log_printf("logged\n");
    fflush(log_stream());
    ck_assert(g_file_test(file, G_FILE_TEST_EXISTS));
    ck_assert_ptr_ne(log_stream(), stderr);
}
END_TEST

/* -- Component options ------------------------------------------------------ */

START_TEST(test_log_items_enable_by_name_and_reject_unknown)
{
    ck_assert_int_eq(parse("-d", "page", "prog", NULL), 3);
    ck_assert(log_mask_enabled != 0);
    assert_usage_error(parse("-d", "page,bogus", "prog", NULL),
                       "option '-d': unknown log item 'bogus' (see '-d help')");
}
END_TEST

START_TEST(test_log_help_finishes_early)
{
    ck_assert_int_ge(parse("-d", "help", NULL), 0);
    ck_assert_int_eq(action, OPTIONS_DONE);
}
END_TEST

START_TEST(test_env_changes_apply_in_order_last_wins)
{
    char *host[] = { "A=1", "B=2", "C=3", NULL };
    g_auto(GStrv) env = NULL;

    g_setenv("QEMU_SET_ENV", "D=4", TRUE);
    ck_assert_int_eq(parse("-E", "A=9,X=7", "-U", "B,X", "-E", "X=8", "prog",
                           NULL), 7);
    env = guest_envp_build(host);
    ck_assert_str_eq(g_environ_getenv(env, "A"), "9");
    ck_assert_ptr_null(g_environ_getenv(env, "B"));
    ck_assert_str_eq(g_environ_getenv(env, "C"), "3");
    ck_assert_str_eq(g_environ_getenv(env, "D"), "4");
    ck_assert_str_eq(g_environ_getenv(env, "X"), "8");
}
END_TEST

START_TEST(test_argv0_option_replaces_guest_argv0_only)
{
    char *argv[] = { "prog", "a", NULL };
    g_auto(GStrv) out = NULL;

    ck_assert_int_eq(parse("-0", "renamed", "prog", NULL), 3);
    out = guest_argv_build(argv);
    ck_assert_str_eq(out[0], "renamed");
    ck_assert_str_eq(out[1], "a");
    ck_assert_ptr_null(out[2]);
}
END_TEST

START_TEST(test_plugin_forms_become_descriptors_with_argv)
{
    ck_assert_int_gt(parse("-plugin", "./a.so,x=1,flag",
                           "-plugin", "file=./b.so,arg=legacy",
                           "-plugin", "./a.so,y=va,,lue", "prog", NULL), 0);
    ck_assert_uint_eq(plugin_descs()->len, 2);
    ck_assert_str_eq(((PluginDesc *)g_ptr_array_index(plugin_descs(), 0))->path,
                     "./a.so");
    ck_assert_str_eq(plugin_arg(0, 0), "x=1");
    ck_assert_str_eq(plugin_arg(0, 1), "flag=on");
    ck_assert_str_eq(plugin_arg(0, 2), "y=va,lue");
    ck_assert_str_eq(plugin_arg(1, 0), "legacy=on");
}
END_TEST

START_TEST(test_plugin_env_twin_and_errors)
{
    g_setenv("QEMU_PLUGIN", "./env.so,arg=k=v", TRUE);
    ck_assert_int_eq(parse("prog", NULL), 1);
    ck_assert_str_eq(plugin_arg(0, 0), "k=v");
    g_unsetenv("QEMU_PLUGIN");
    assert_usage_error(parse("-plugin", "x=1", "prog", NULL),
                       "option '-plugin': missing earlier '-plugin file=' option");
    assert_usage_error(parse("-plugin", "file=", "prog", NULL),
                       "option '-plugin': Parameter 'file' requires a "
                       "non-empty argument");
}
END_TEST

/* -- Help and sizes --------------------------------------------------------- */

START_TEST(test_help_lists_every_component_option_with_env_twin)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    options_print_help(f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "usage: arm-uemu [options] program"));
    ck_assert_ptr_nonnull(strstr(buf, "-L path              QEMU_LD_PREFIX"));
    ck_assert_ptr_nonnull(strstr(buf, "-d item[,...]        QEMU_LOG"));
    ck_assert_ptr_nonnull(strstr(buf, "-plugin "));
    ck_assert_ptr_nonnull(strstr(buf, "QEMU_ARGV0"));
    free(buf);
}
END_TEST

START_TEST(test_parse_size_accepts_suffixes_and_rejects_garbage)
{
    guint64 v;

    ck_assert(options_parse_size("4096", &v));
    ck_assert_uint_eq(v, 4096);
    ck_assert(options_parse_size("8M", &v));
    ck_assert_uint_eq(v, 8ULL << 20);
    ck_assert(options_parse_size("2g", &v));
    ck_assert_uint_eq(v, 2ULL << 30);
    ck_assert(options_parse_size("0x1000k", &v));
    ck_assert_uint_eq(v, 0x1000ULL << 10);
    ck_assert(!options_parse_size("", &v));
    ck_assert(!options_parse_size("12Q", &v));
    ck_assert(!options_parse_size("1MB", &v));
    ck_assert(!options_parse_size("-1", &v));
    ck_assert(!options_parse_size("16777216T", &v));
}
END_TEST

/* -- What was given ------------------------------------------------------------ */

/* Collects options_foreach_given() as "[env]-name=value" words. */
static void collect_given(const UemuOption *o, const char *value, bool from_env,
                          void *opaque)
{
    g_string_append_printf(opaque, "%s%s-%s=%s", ((GString *)opaque)->len ? " " : "",
                           from_env ? "[env]" : "", o->name, value ? value : "(null)");
}

static char *given_text(void)
{
    GString *s = g_string_new(NULL);

    options_foreach_given(collect_given, s);
    return g_string_free(s, FALSE);
}

START_TEST(test_given_lists_env_twins_then_command_line_in_order)
{
    g_autofree char *text = NULL;

    g_setenv("QEMU_LD_PREFIX", "/from-env", TRUE);
    g_setenv("QEMU_STRACE", "1", TRUE);
    ck_assert_int_eq(parse("--d", "page", "-L", "/x", "-strace", "-d", "strace",
                           "prog", "-L", "guest", NULL), 8);
    text = given_text();
    /* the twins in registration order (-L's row comes before -strace's) */
    ck_assert_str_eq(text, "[env]-L=/from-env [env]-strace=1 -d=page -L=/x "
                           "-strace=(null) -d=strace");
}
END_TEST

START_TEST(test_given_is_reset_by_each_parse_and_empty_without_options)
{
    g_autofree char *first = NULL, *second = NULL;

    ck_assert_int_eq(parse("-L", "/x", "prog", NULL), 3);
    first = given_text();
    ck_assert_int_eq(parse("--", "prog", NULL), 2);
    second = given_text();
    ck_assert_str_eq(first, "-L=/x");
    ck_assert_str_eq(second, "");
}
END_TEST

START_TEST(test_given_keeps_what_was_applied_before_an_error)
{
    g_autofree char *text = NULL;

    assert_usage_error(parse("-L", "/x", "-nosuch", "prog", NULL),
                       "unknown option '-nosuch'");
    text = given_text();
    ck_assert_str_eq(text, "-L=/x");
}
END_TEST

START_TEST(test_record_given_scans_without_running_handlers)
{
    char *argv[] = { "arm-uemu", "-L", "/recorded", "-exec-native", "prog", NULL };
    char *env[] = { "QEMU_LOG=page", NULL };
    char *bad[] = { "arm-uemu", "-d", NULL };
    g_autofree char *text = NULL;
    GError *e = NULL;

    ck_assert_int_eq(parse("-L", "/parsed", "prog", NULL), 3);
    ck_assert(options_record_given(5, argv, env, NULL));
    text = given_text();
    ck_assert_str_eq(text, "[env]-d=page -L=/recorded -exec-native=(null)");
    ck_assert_str_eq(path_prefix(), "/parsed");     /* no handler ran */
    ck_assert(!options_record_given(2, bad, env, &e));
    ck_assert_str_eq(e->message, "option '-d' needs an argument (item[,...])");
    g_clear_error(&e);
}
END_TEST

START_TEST(test_private_option_parses_but_is_not_in_help)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    ck_assert_ptr_nonnull(options_find("log-append"));
    ck_assert_ptr_null(options_find("log-append")->help);
    ck_assert_int_eq(parse("-log-append", "prog", NULL), 2);
    options_print_help(f);
    fclose(f);
    ck_assert_ptr_null(strstr(text, "log-append"));
    ck_assert_ptr_nonnull(strstr(text, "-D logfile"));
    free(text);
}
END_TEST

static void setup(void)
{
    static const char *const twins[] = {
        "QEMU_LD_PREFIX", "QEMU_LOG", "QEMU_LOG_FILENAME", "QEMU_SET_ENV",
        "QEMU_UNSET_ENV", "QEMU_ARGV0", "QEMU_PLUGIN", "QEMU_STRACE",
        "QEMU_GUEST_BASE", "QEMU_RESERVED_VA", "QEMU_STACK_SIZE",
        "QEMU_RAND_SEED", "QEMU_VERSION",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(twins); i++) {
        g_unsetenv(twins[i]);
    }
    module_call_init(MODULE_INIT_LOG);
    module_call_init(MODULE_INIT_OPTIONS);
}

static Suite *options_suite(void)
{
    Suite *s = suite_create("options");
    TCase *tc = tcase_create("parse");

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_parse_option_with_argument_returns_program_index);
    tcase_add_test(tc, test_parse_double_dash_option_means_single_dash);
    tcase_add_test(tc, test_parse_double_dash_ends_options);
    tcase_add_test(tc, test_parse_stops_at_program_leaving_guest_options_alone);
    tcase_add_test(tc, test_parse_help_and_version_return_their_actions);
    tcase_add_test(tc, test_parse_unknown_option_is_usage_error);
    tcase_add_test(tc, test_parse_missing_argument_is_usage_error);
    tcase_add_test(tc, test_parse_no_program_is_usage_error);
    tcase_add_test(tc, test_parse_bad_handler_argument_names_the_option);
    tcase_add_test(tc, test_env_twin_applies_without_option);
    tcase_add_test(tc, test_env_twin_is_overridden_by_command_line);
    tcase_add_test(tc, test_env_twin_bad_value_names_the_variable);
    tcase_add_test(tc, test_env_log_filename_twin_sets_log_file);
    tcase_add_test(tc, test_log_items_enable_by_name_and_reject_unknown);
    tcase_add_test(tc, test_log_help_finishes_early);
    tcase_add_test(tc, test_env_changes_apply_in_order_last_wins);
    tcase_add_test(tc, test_argv0_option_replaces_guest_argv0_only);
    tcase_add_test(tc, test_plugin_forms_become_descriptors_with_argv);
    tcase_add_test(tc, test_plugin_env_twin_and_errors);
    tcase_add_test(tc, test_help_lists_every_component_option_with_env_twin);
    tcase_add_test(tc, test_parse_size_accepts_suffixes_and_rejects_garbage);
    tcase_add_test(tc, test_given_lists_env_twins_then_command_line_in_order);
    tcase_add_test(tc, test_given_is_reset_by_each_parse_and_empty_without_options);
    tcase_add_test(tc, test_given_keeps_what_was_applied_before_an_error);
    tcase_add_test(tc, test_record_given_scans_without_running_handlers);
    tcase_add_test(tc, test_private_option_parses_but_is_not_in_help);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(options_suite)
