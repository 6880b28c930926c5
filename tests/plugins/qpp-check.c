// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qpp-check.c: test plugins for plugin-to-plugin interaction (qpp.c),
 * built twice (tests/plugins/meson.build):
 *
 *   libqpp-test-producer.so  (-DQPP_PRODUCER) declares the name
 *       "qpp_test_producer" (not its file name), creates event "tick"
 *       (ABI version 1, or version=N) and, at file scope with the 2022
 *       macros, the unversioned event legacy_tick; raises both on every
 *       syscall with the tick number; exports qpp_test_add and
 *       qpp_test_ticks. Prints "qpp-producer: ticks N" at exit.
 *
 *   libqpp-test-consumer.so  subscribes, then checks at exit and prints
 *       "qpp-consumer: OK ..." or "qpp-consumer: FAIL ..." lines:
 *       (default)   A, B, C on "tick" run once per tick in that order; the
 *                   macro-registered legacy callback too; imports (function,
 *                   QPP_FUN_PROTOTYPE), name_to_handle, the false answers
 *       unreg=self  A unregisters itself in its first run: B and C still
 *                   run in that tick (nothing skipped), A never again
 *       unreg=other A unregisters C (not yet called in that tick): C never
 *                   runs; unreg=done: C unregisters A (already called)
 *       add=on      A registers D during the first tick: D first runs in the
 *                   next tick
 *       many=N      N registrations of one function, udata = index: each runs
 *                   once per tick, in registration order; in tick 2 every
 *                   odd one unregisters its successor
 *       version=N   expect ABI version N of "tick" (mismatch: load error)
 *       target=NAME subscribe to plugin NAME instead (missing: load error)
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>
#include <qemu-plugin-qpp.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* The shared interface, as a header both plugins include would give it. */
QPP_CB_PROTOTYPE(void, legacy_tick, uint64_t);
QPP_FUN_PROTOTYPE(qpp_test_producer, int, qpp_test_add, int, int)
QPP_FUN_PROTOTYPE(qpp_test_producer, uint64_t, qpp_test_ticks, void)

static qemu_plugin_id_t self;

#ifdef QPP_PRODUCER

QEMU_PLUGIN_EXPORT const char *qemu_plugin_name = "qpp_test_producer";

QPP_CREATE_CB(legacy_tick)

static uint64_t ticks;

QEMU_PLUGIN_EXPORT int qpp_test_add(int a, int b)
{
    return a + b;
}

QEMU_PLUGIN_EXPORT uint64_t qpp_test_ticks(void)
{
    return ticks;
}

static void on_syscall(unsigned int vcpu_index, int64_t num, uint64_t a1,
                       uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                       uint64_t a6, uint64_t a7, uint64_t a8, void *udata)
{
    uint64_t n = ++ticks;

    (void)vcpu_index; (void)num; (void)a1; (void)a2; (void)a3; (void)a4;
    (void)a5; (void)a6; (void)a7; (void)a8; (void)udata;
    if (!qemu_plugin_run_callback(self, "tick", &n)) {
        qemu_plugin_outs("qpp-producer: FAIL run_callback(tick) false\n");
    }
    QPP_RUN_CB(legacy_tick, n);
}

static void on_exit_cb(void *udata)
{
    char line[64];

    (void)udata;
    snprintf(line, sizeof(line), "qpp-producer: ticks %" PRIu64 "\n", ticks);
    qemu_plugin_outs(line);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    int version = 1;

    (void)info;
    for (int i = 0; i < argc; i++) {
        if (g_str_has_prefix(argv[i], "version=")) {
            version = atoi(argv[i] + 8);
        }
    }
    self = id;
    if (!qemu_plugin_create_callback(id, "tick", version) ||
        qemu_plugin_create_callback(id, "tick", version) ||
        qemu_plugin_create_callback(QEMU_PLUGIN_QPP_SELF, "legacy_tick", 0) ||
        qemu_plugin_run_callback(id, "no-such-event", NULL)) {
        fprintf(stderr, "qpp-producer: FAIL create/run answers\n");
        return 1;
    }
    qemu_plugin_register_vcpu_syscall_cb(id, on_syscall, NULL);
    qemu_plugin_register_atexit_cb(id, on_exit_cb, NULL);
    return 0;
}

#else /* the consumer */

#define PRODUCER "qpp_test_producer"

static const char *target = PRODUCER;
static GString *fails;
static uint64_t cur_tick;           /* the tick being run */
static GString *trace;              /* letters of this tick's callbacks */
static uint64_t count_a, count_b, count_c, count_d, legacy_count;
static uint64_t first_d_tick;
static char mode_unreg[8];
static bool mode_add;
static unsigned many;
static uint64_t *many_count;
static unsigned many_next;          /* the index expected next this tick */
static bool many_order_ok = true;

static void fail(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void fail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_string_append(fails, "qpp-consumer: FAIL ");
    g_string_append_vprintf(fails, fmt, ap);
    g_string_append_c(fails, '\n');
    va_end(ap);
}

/* A new tick begins: check the previous one's order. */
static void see_tick(uint64_t n)
{
    if (n == cur_tick) {
        return;
    }
    if (cur_tick && !many) {
        const char *want = "ABC";

        if (!strcmp(mode_unreg, "self")) {
            want = cur_tick == 1 ? "ABC" : "BC";
        } else if (!strcmp(mode_unreg, "other")) {
            want = "AB";
        } else if (!strcmp(mode_unreg, "done")) {
            want = cur_tick == 1 ? "ABC" : "BC";
        } else if (mode_add) {
            want = cur_tick == 1 ? "ABC" : "ABCD";
        }
        if (strcmp(trace->str, want)) {
            fail("tick %" PRIu64 ": ran %s, expected %s", cur_tick, trace->str,
                 want);
        }
    }
    g_string_truncate(trace, 0);
    cur_tick = n;
    many_next = 0;
}

static void cb_c(gpointer evdata, gpointer udata);
static void cb_d(gpointer evdata, gpointer udata);

static void cb_a(gpointer evdata, gpointer udata)
{
    uint64_t n = *(uint64_t *)evdata;

    see_tick(n);
    g_string_append_c(trace, 'A');
    count_a++;
    if (udata != &count_a) {
        fail("A: wrong udata");
    }
    if (n == 1) {
        if (qpp_test_producer_qpp_test_add == NULL ||
            qpp_test_producer_qpp_test_add(2, 3) != 5) {
            fail("QPP_FUN_PROTOTYPE import");
        }
        if (!strcmp(mode_unreg, "self") &&
            !qemu_plugin_unreg_callback(self, target, "tick", cb_a, &count_a)) {
            fail("A could not unregister itself");
        }
        if (!strcmp(mode_unreg, "other") &&
            !qemu_plugin_unreg_callback(self, target, "tick", cb_c, &count_c)) {
            fail("A could not unregister C");
        }
        if (mode_add &&
            !qemu_plugin_reg_callback(self, target, "tick", 1, cb_d, &count_d)) {
            fail("A could not register D");
        }
    }
}

static void cb_b(gpointer evdata, gpointer udata)
{
    see_tick(*(uint64_t *)evdata);
    g_string_append_c(trace, 'B');
    count_b++;
    if (udata != &count_b) {
        fail("B: wrong udata");
    }
}

static void cb_c(gpointer evdata, gpointer udata)
{
    uint64_t n = *(uint64_t *)evdata;

    see_tick(n);
    g_string_append_c(trace, 'C');
    count_c++;
    if (udata != &count_c) {
        fail("C: wrong udata");
    }
    if (n == 1 && !strcmp(mode_unreg, "done") &&
        !qemu_plugin_unreg_callback(self, target, "tick", cb_a, &count_a)) {
        fail("C could not unregister A");
    }
}

static void cb_d(gpointer evdata, gpointer udata)
{
    see_tick(*(uint64_t *)evdata);
    g_string_append_c(trace, 'D');
    if (!count_d++) {
        first_d_tick = cur_tick;
    }
    (void)udata;
}

static void cb_many(gpointer evdata, gpointer udata)
{
    uint64_t n = *(uint64_t *)evdata;
    unsigned i = GPOINTER_TO_UINT(udata);

    see_tick(n);
    /* In tick 2 odd ones removed their successors: skip those. */
    if (i < many_next) {
        many_order_ok = false;
    }
    many_next = i + 1;
    many_count[i]++;
    if (n == 2 && i % 2 == 1 && i + 1 < many &&
        !qemu_plugin_unreg_callback(self, target, "tick", cb_many,
                                    GUINT_TO_POINTER(i + 1))) {
        fail("many: %u could not unregister %u", i, i + 1);
    }
}

static void legacy_cb(uint64_t n)
{
    (void)n;
    legacy_count++;
}

static void check_at_exit(void *udata)
{
    uint64_t ticks = qpp_test_producer_qpp_test_ticks ?
                     qpp_test_producer_qpp_test_ticks() : 0;
    gpointer add = qemu_plugin_import_function(PRODUCER, "qpp_test_add");
    g_autofree char *ok = NULL;

    (void)udata;
    see_tick(UINT64_MAX);           /* check the last tick */
    if (ticks < 3) {
        fail("only %" PRIu64 " ticks", ticks);
    }
    if (add != (gpointer)qpp_test_producer_qpp_test_add) {
        fail("import_function differs from QPP_FUN_PROTOTYPE's");
    }
    if (qemu_plugin_import_function(PRODUCER, "qpp_test_missing") != NULL) {
        fail("import of a missing function gave an address");
    }
    if (!qemu_plugin_name_to_handle(PRODUCER) ||
        qemu_plugin_name_to_handle("qpp-no-such-plugin") ||
        !qemu_plugin_name_to_handle("qpp-test-consumer")) {
        fail("name_to_handle answers");
    }
    if (qemu_plugin_unreg_callback(self, target, "tick", cb_d, NULL)) {
        fail("unreg of a registration that never was succeeded");
    }
    if (qemu_plugin_reg_callback(self, "qpp-no-such-plugin", "tick", 1, cb_b,
                                 NULL)) {
        fail("registration to a missing plugin after loading succeeded");
    }
    if (many) {
        for (unsigned i = 0; i < many; i++) {
            /* Even ones > 0 were removed in tick 2 by their predecessor. */
            uint64_t want = (i % 2 == 0 && i > 0) ? 1 : ticks;
            if (many_count[i] != want) {
                fail("many: %u ran %" PRIu64 " times, expected %" PRIu64, i,
                     many_count[i], want);
                break;
            }
        }
        if (!many_order_ok) {
            fail("many: not in registration order");
        }
    } else {
        uint64_t want_a = !strcmp(mode_unreg, "self") ||
                          !strcmp(mode_unreg, "done") ? 1 : ticks;
        uint64_t want_c = !strcmp(mode_unreg, "other") ? 0 : ticks;
        if (count_a != want_a || count_b != ticks || count_c != want_c) {
            fail("counts A %" PRIu64 " B %" PRIu64 " C %" PRIu64 " of %"
                 PRIu64 " ticks", count_a, count_b, count_c, ticks);
        }
        if (mode_add && (count_d != ticks - 1 || first_d_tick != 2)) {
            fail("D ran %" PRIu64 " times from tick %" PRIu64, count_d,
                 first_d_tick);
        }
    }
    if (legacy_count != ticks) {
        fail("legacy callback ran %" PRIu64 " times of %" PRIu64,
             legacy_count, ticks);
    }
    if (fails->len) {
        qemu_plugin_outs(fails->str);
        return;
    }
    ok = g_strdup_printf("qpp-consumer: OK %" PRIu64 " ticks%s%s%s\n", ticks,
                         many ? ", many" : "", mode_unreg[0] ? ", unreg=" : "",
                         mode_unreg);
    qemu_plugin_outs(ok);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    int version = 1;
    bool ok = true;

    (void)info;
    self = id;
    fails = g_string_new(NULL);
    trace = g_string_new(NULL);
    for (int i = 0; i < argc; i++) {
        if (g_str_has_prefix(argv[i], "unreg=")) {
            g_strlcpy(mode_unreg, argv[i] + 6, sizeof(mode_unreg));
        } else if (!strcmp(argv[i], "add=on")) {
            mode_add = true;
        } else if (g_str_has_prefix(argv[i], "many=")) {
            many = (unsigned)atoi(argv[i] + 5);
        } else if (g_str_has_prefix(argv[i], "version=")) {
            version = atoi(argv[i] + 8);
        } else if (g_str_has_prefix(argv[i], "target=")) {
            target = g_strdup(argv[i] + 7);
        }
    }
    if (many) {
        many_count = g_new0(uint64_t, many);
        for (unsigned i = 0; i < many && ok; i++) {
            ok = qemu_plugin_reg_callback(id, target, "tick", version, cb_many,
                                          GUINT_TO_POINTER(i));
        }
    } else {
        ok = qemu_plugin_reg_callback(id, target, "tick", version, cb_a,
                                      &count_a) &&
             qemu_plugin_reg_callback(id, target, "tick", version, cb_b,
                                      &count_b) &&
             qemu_plugin_reg_callback(id, target, "tick",
                                      QEMU_PLUGIN_QPP_ANY_VERSION, cb_c,
                                      &count_c);
    }
    QPP_REG_CB(PRODUCER, legacy_tick, legacy_cb);
    /* Remove-and-add again: the registration that stays is the second. */
    QPP_REMOVE_CB(PRODUCER, legacy_tick, legacy_cb);
    QPP_REG_CB(PRODUCER, legacy_tick, legacy_cb);
    qemu_plugin_register_atexit_cb(id, check_at_exit, NULL);
    return ok ? 0 : 1;
}

#endif
