// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-module.c: module_init() registration order and run-once semantics.
 *
 * The functions below register at load time, exactly as components do, under
 * MODULE_INIT_PROCFS, which linux-user_lib uses once more (procfs-gen.c
 * registers the emulated /proc files): LINKED_PROCFS_FNS counts those.
 */
#include "unit.h"
#include "linux-user/module.h"

#define LINKED_PROCFS_FNS 1

static GString *trace;

static void first_fn(void)  { g_string_append(trace, "first,"); }
static void second_fn(void) { g_string_append(trace, "second,"); }
static void third_fn(void)  { g_string_append(trace, "third,"); }

module_init(first_fn, MODULE_INIT_PROCFS);
module_init(second_fn, MODULE_INIT_PROCFS);
module_init(third_fn, MODULE_INIT_PROCFS);

static void setup(void)
{
    trace = g_string_new(NULL);
}

START_TEST(test_module_call_init_registered_fns_run_in_registration_order)
{
    module_call_init(MODULE_INIT_PROCFS);
    ck_assert_str_eq(trace->str, "first,second,third,");
}
END_TEST

START_TEST(test_module_call_init_second_call_runs_nothing)
{
    module_call_init(MODULE_INIT_PROCFS);
    module_call_init(MODULE_INIT_PROCFS);
    ck_assert_str_eq(trace->str, "first,second,third,");
}
END_TEST

START_TEST(test_module_list_length_counts_registrations_before_main)
{
    ck_assert_uint_eq(module_list_length(MODULE_INIT_PROCFS), 3 + LINKED_PROCFS_FNS);
}
END_TEST

START_TEST(test_module_register_other_type_is_independent)
{
    unsigned before = module_list_length(MODULE_INIT_TCG_BACKEND);
    static ModuleEntry extra = { third_fn, NULL };

    module_register(&extra, MODULE_INIT_TCG_BACKEND);
    ck_assert_uint_eq(module_list_length(MODULE_INIT_TCG_BACKEND), before + 1);
    ck_assert_uint_eq(module_list_length(MODULE_INIT_PROCFS), 3 + LINKED_PROCFS_FNS);
    ck_assert_str_eq(trace->str, "");
}
END_TEST

static Suite *module_suite(void)
{
    Suite *s = suite_create("module");
    TCase *tc = tcase_create("registry");

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_module_call_init_registered_fns_run_in_registration_order);
    tcase_add_test(tc, test_module_call_init_second_call_runs_nothing);
    tcase_add_test(tc, test_module_list_length_counts_registrations_before_main);
    tcase_add_test(tc, test_module_register_other_type_is_independent);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(module_suite)
