// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-qpp.c: plugin-api/qpp.c, plugin-to-plugin events and imports,
 * driven directly: the plugins are Plugin records made here (no .so),
 * added to the core as the loader does. Check forks each test, so every
 * test starts before the end of loading with no plugin known.
 */
#include "unit.h"
#include "plugin-api/plugin.h"
#include "plugin-api/qemu-plugin-qpp.h"

#include <string.h>

static GModule *self_module;

/* A plugin as the loader makes it: file @path, in the core's list. */
static Plugin *fake_plugin(const char *path)
{
    static uint64_t next_id = 100;
    Plugin *p = g_new0(Plugin, 1);
    GError *err = NULL;

    if (!self_module) {
        self_module = g_module_open(NULL, 0);
    }
    p->id = next_id++;
    p->version = 7;
    p->path = g_strdup(path);
    /* Name lookup reads qemu_plugin_name from the module: ours has none. */
    p->module = self_module;
    p->argv = g_new0(char *, 1);
    plugin_add(p);
    qpp_loading_begin();
    ck_assert(qpp_plugin_added(p, &err));
    return p;
}

static bool resolve(char **msg)
{
    const char *culprit = NULL;
    GError *err = NULL;
    bool ok = qpp_resolve_all(&culprit, &err);

    if (!ok) {
        *msg = g_strdup_printf("%s: %s", culprit, err->message);
        g_error_free(err);
    }
    return ok;
}

/* Callbacks append their udata (a letter) to @trace; some act on others. */
static GString *trace;
static Plugin *cons;

static void cb_letter(gpointer evdata, gpointer udata)
{
    (void)evdata;
    g_string_append(trace, udata);
}

static void cb_unreg_self(gpointer evdata, gpointer udata)
{
    (void)evdata;
    g_string_append(trace, udata);
    ck_assert(qemu_plugin_unreg_callback(cons->id, "prod", "ev",
                                         cb_unreg_self, udata));
}

static void cb_unreg_c(gpointer evdata, gpointer udata)
{
    (void)evdata;
    g_string_append(trace, udata);
    qemu_plugin_unreg_callback(cons->id, "prod", "ev", cb_letter, "C");
}

static void cb_add_d(gpointer evdata, gpointer udata)
{
    (void)evdata;
    g_string_append(trace, udata);
    if (!strcmp(trace->str, "A")) {
        ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1,
                                           cb_letter, "D"));
    }
}

static void setup(void)
{
    trace = g_string_new(NULL);
}

/* prod has event "ev" version 1; cons registers @fns with letters A, B, C. */
static Plugin *pair(cb_func_t a, cb_func_t b, cb_func_t c)
{
    Plugin *prod = fake_plugin("/x/libprod.so");
    char *msg = NULL;

    cons = fake_plugin("/x/libcons.so");
    ck_assert(qemu_plugin_create_callback(prod->id, "ev", 1));
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1, a, "A"));
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1, b, "B"));
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1, c, "C"));
    ck_assert_msg(resolve(&msg), "%s", msg);
    return prod;
}

START_TEST(test_qpp_run_three_subscribers_registration_order)
{
    Plugin *prod = pair(cb_letter, cb_letter, cb_letter);

    ck_assert(qemu_plugin_run_callback(prod->id, "ev", NULL));
    ck_assert(qemu_plugin_run_callback(prod->id, "ev", NULL));
    ck_assert_str_eq(trace->str, "ABCABC");
}
END_TEST

START_TEST(test_qpp_unreg_self_during_run_next_still_runs)
{
    Plugin *prod = pair(cb_unreg_self, cb_letter, cb_letter);

    qemu_plugin_run_callback(prod->id, "ev", NULL);
    qemu_plugin_run_callback(prod->id, "ev", NULL);
    ck_assert_str_eq(trace->str, "ABCBC");
}
END_TEST

START_TEST(test_qpp_unreg_later_during_run_not_called)
{
    Plugin *prod = pair(cb_unreg_c, cb_letter, cb_letter);

    qemu_plugin_run_callback(prod->id, "ev", NULL);
    qemu_plugin_run_callback(prod->id, "ev", NULL);
    ck_assert_str_eq(trace->str, "ABAB");
}
END_TEST

START_TEST(test_qpp_reg_during_run_first_runs_next_raise)
{
    Plugin *prod = pair(cb_add_d, cb_letter, cb_letter);

    qemu_plugin_run_callback(prod->id, "ev", NULL);
    qemu_plugin_run_callback(prod->id, "ev", NULL);
    ck_assert_str_eq(trace->str, "ABCABCD");
}
END_TEST

static unsigned many_next;
static bool many_ok = true;

static void cb_many(gpointer evdata, gpointer udata)
{
    (void)evdata;
    many_ok &= GPOINTER_TO_UINT(udata) == many_next;
    many_next++;
}

START_TEST(test_qpp_reg_10000_subscribers_all_run_in_order)
{
    Plugin *prod = fake_plugin("/x/libprod.so");
    char *msg = NULL;

    cons = fake_plugin("/x/libcons.so");
    /* Half before the event exists (waiting), half after. */
    for (unsigned i = 0; i < 5000; i++) {
        ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 0, cb_many,
                                           GUINT_TO_POINTER(i)));
    }
    ck_assert(qemu_plugin_create_callback(prod->id, "ev", 3));
    for (unsigned i = 5000; i < 10000; i++) {
        ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 3, cb_many,
                                           GUINT_TO_POINTER(i)));
    }
    ck_assert_msg(resolve(&msg), "%s", msg);
    qemu_plugin_run_callback(prod->id, "ev", NULL);
    ck_assert_uint_eq(many_next, 10000);
    ck_assert(many_ok);
}
END_TEST

START_TEST(test_qpp_consumer_before_producer_binds_at_resolve)
{
    Plugin *prod;
    char *msg = NULL;

    cons = fake_plugin("/x/libcons.so");
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1, cb_letter,
                                       "A"));
    prod = fake_plugin("/x/libprod.so");
    ck_assert(qemu_plugin_create_callback(prod->id, "ev", 1));
    ck_assert_msg(resolve(&msg), "%s", msg);
    qemu_plugin_run_callback(prod->id, "ev", NULL);
    ck_assert_str_eq(trace->str, "A");
}
END_TEST

START_TEST(test_qpp_missing_producer_resolve_fails_naming_both)
{
    char *msg = NULL;

    cons = fake_plugin("/x/libcons.so");
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1, cb_letter,
                                       "A"));
    ck_assert(!resolve(&msg));
    ck_assert_str_eq(msg, "/x/libcons.so: plugin-to-plugin: cons "
                     "(/x/libcons.so) subscribes to event 'ev' of plugin "
                     "'prod', but no loaded plugin is named 'prod'");
}
END_TEST

START_TEST(test_qpp_version_mismatch_resolve_fails)
{
    Plugin *prod = fake_plugin("/x/libprod.so");
    char *msg = NULL;

    cons = fake_plugin("/x/libcons.so");
    ck_assert(qemu_plugin_create_callback(prod->id, "ev", 2));
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod", "ev", 1, cb_letter,
                                       "A"));
    ck_assert(!resolve(&msg));
    ck_assert_ptr_nonnull(strstr(msg, "cons (/x/libcons.so) expects version 1 "
                                 "of event 'ev' of plugin 'prod' "
                                 "(/x/libprod.so), which creates version 2"));
}
END_TEST

START_TEST(test_qpp_file_name_only_exact_lib_so_stripped)
{
    const char *paths[] = { "/x/libprod.so", "/x/prod.so", "/x/libxso" };
    char *msg = NULL;

    for (size_t i = 0; i < G_N_ELEMENTS(paths); i++) {
        ck_assert(qemu_plugin_create_callback(fake_plugin(paths[i])->id, "ev",
                                              1));
    }
    cons = fake_plugin("/x/libcons.so");
    ck_assert_msg(resolve(&msg), "%s", msg);
    ck_assert_ptr_nonnull(qemu_plugin_name_to_handle("prod"));
    ck_assert_ptr_nonnull(qemu_plugin_name_to_handle("prod.so"));
    ck_assert_ptr_nonnull(qemu_plugin_name_to_handle("libxso"));
    ck_assert_ptr_null(qemu_plugin_name_to_handle("libprod.so"));
    ck_assert_ptr_null(qemu_plugin_name_to_handle("xso"));
    ck_assert_ptr_null(qemu_plugin_name_to_handle(NULL));
    ck_assert(qemu_plugin_reg_callback(cons->id, "prod.so", "ev", 1, cb_letter,
                                       "A"));
    ck_assert(!qemu_plugin_reg_callback(cons->id, "libprod.so", "ev", 1,
                                        cb_letter, "A"));
}
END_TEST

START_TEST(test_qpp_after_resolve_missing_event_fails_at_once)
{
    Plugin *prod = pair(cb_letter, cb_letter, cb_letter);

    ck_assert(!qemu_plugin_reg_callback(cons->id, "prod", "other", 1,
                                        cb_letter, "X"));
    ck_assert(!qemu_plugin_run_callback(prod->id, "other", NULL));
    ck_assert(!qemu_plugin_create_callback(prod->id, "ev", 1));
    ck_assert(!qemu_plugin_unreg_callback(cons->id, "prod", "ev", cb_letter,
                                          "X"));
}
END_TEST

START_TEST(test_qpp_removed_consumer_mid_run_not_called_again)
{
    Plugin *prod = pair(cb_letter, cb_letter, cb_letter);
    qemu_plugin_qpp_run *run = qemu_plugin_qpp_run_begin(prod->id, "ev");
    qemu_plugin_qpp_fn fn;
    gpointer udata;

    /* A run in progress keeps its snapshot alive across the removal of
     * the consumer: nothing of it is called afterwards. */
    ck_assert(qemu_plugin_qpp_run_next(run, &fn, &udata));
    ck_assert_str_eq(udata, "A");
    plugin_remove_and_free(cons);
    ck_assert(!qemu_plugin_qpp_run_next(run, &fn, &udata));
    qemu_plugin_qpp_run_end(run);
    ck_assert(qemu_plugin_run_callback(prod->id, "ev", NULL));
    ck_assert_str_eq(trace->str, "");
}
END_TEST

static Suite *qpp_suite(void)
{
    Suite *s = suite_create("qpp");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_qpp_run_three_subscribers_registration_order);
    tcase_add_test(tc, test_qpp_unreg_self_during_run_next_still_runs);
    tcase_add_test(tc, test_qpp_unreg_later_during_run_not_called);
    tcase_add_test(tc, test_qpp_reg_during_run_first_runs_next_raise);
    tcase_add_test(tc, test_qpp_reg_10000_subscribers_all_run_in_order);
    tcase_add_test(tc, test_qpp_consumer_before_producer_binds_at_resolve);
    tcase_add_test(tc, test_qpp_missing_producer_resolve_fails_naming_both);
    tcase_add_test(tc, test_qpp_version_mismatch_resolve_fails);
    tcase_add_test(tc, test_qpp_file_name_only_exact_lib_so_stripped);
    tcase_add_test(tc, test_qpp_after_resolve_missing_event_fails_at_once);
    tcase_add_test(tc, test_qpp_removed_consumer_mid_run_not_called_again);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(qpp_suite)
