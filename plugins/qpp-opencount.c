// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qpp-opencount.c: the plugin-to-plugin example consumer: counts the
 * guest's file opens (openat and openat2) per path, from the events of
 * libqpp-syscalls.so, which must be loaded too (before or after this one).
 *
 *     arm-uemu -d plugin -plugin libqpp-opencount.so \
 *              -plugin libqpp-syscalls.so ./a.out
 *
 * At exit it prints, with qemu_plugin_outs (so under -d plugin):
 *
 *     opens: 3 calls, 1 failed, 42 syscalls in all
 *      calls  failed  path
 *          2       0  /etc/passwd
 *          1       1  /nonexistent
 *
 * one line per path, sorted by path (byte order), "calls" counting every
 * openat/openat2 of it and "failed" those that returned an error. A path
 * the producer could not read from guest memory is shown as "(unreadable)".
 * The syscall total comes from the producer's exported qpp_syscalls_count,
 * imported through the core.
 *
 * It subscribes to event ABI version QPP_SYSCALLS_ABI of qpp-syscalls.h; a
 * producer of another version, or none, stops the start-up with a message
 * naming both plugins (docs/qpp.md).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>
#include <qemu-plugin-qpp.h>

#include "qpp-syscalls.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define NR_OPENAT  56
#define NR_OPENAT2 437

typedef struct OpenStats {
    uint64_t calls;
    uint64_t failed;
} OpenStats;

static GMutex lock;
static GHashTable *by_path;       /* char * -> OpenStats * */
static GHashTable *in_flight;     /* vCPU index -> OpenStats * of its open */
static uint64_t total_calls, total_failed;

static void on_syscall(gpointer evdata, gpointer udata)
{
    const QppSyscallEvent *ev = evdata;
    const char *path;
    OpenStats *s;

    (void)udata;
    if (ev->num != NR_OPENAT && ev->num != NR_OPENAT2) {
        return;
    }
    path = ev->path ? ev->path : "(unreadable)";
    g_mutex_lock(&lock);
    s = g_hash_table_lookup(by_path, path);
    if (!s) {
        s = g_new0(OpenStats, 1);
        g_hash_table_insert(by_path, g_strdup(path), s);
    }
    s->calls++;
    total_calls++;
    g_hash_table_insert(in_flight, GUINT_TO_POINTER(ev->vcpu_index), s);
    g_mutex_unlock(&lock);
}

static void on_syscall_ret(gpointer evdata, gpointer udata)
{
    const QppSyscallRetEvent *ev = evdata;
    OpenStats *s;

    (void)udata;
    if (ev->num != NR_OPENAT && ev->num != NR_OPENAT2) {
        return;
    }
    g_mutex_lock(&lock);
    s = g_hash_table_lookup(in_flight, GUINT_TO_POINTER(ev->vcpu_index));
    if (s && ev->ret < 0) {
        s->failed++;
        total_failed++;
    }
    g_hash_table_remove(in_flight, GUINT_TO_POINTER(ev->vcpu_index));
    g_mutex_unlock(&lock);
}

static gint by_bytes(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void opencount_exit(void *udata)
{
    qpp_syscalls_count_t *count =
        (qpp_syscalls_count_t *)qemu_plugin_import_function(QPP_SYSCALLS_PLUGIN,
                                                            "qpp_syscalls_count");
    g_autoptr(GString) out = g_string_new(NULL);
    g_autoptr(GPtrArray) paths = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;

    (void)udata;
    g_mutex_lock(&lock);
    g_string_append_printf(out, "opens: %" PRIu64 " calls, %" PRIu64
                           " failed, %" PRIu64 " syscalls in all\n",
                           total_calls, total_failed, count ? count() : 0);
    g_string_append(out, " calls  failed  path\n");
    g_hash_table_iter_init(&it, by_path);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        g_ptr_array_add(paths, key);
    }
    g_ptr_array_sort(paths, by_bytes);
    for (guint i = 0; i < paths->len; i++) {
        const char *path = g_ptr_array_index(paths, i);
        const OpenStats *s = g_hash_table_lookup(by_path, path);
        g_string_append_printf(out, "%6" PRIu64 "  %6" PRIu64 "  %s\n",
                               s->calls, s->failed, path);
    }
    g_mutex_unlock(&lock);
    qemu_plugin_outs(out->str);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    (void)info;
    if (argc > 0) {
        fprintf(stderr, "qpp-opencount: unknown argument %s\n", argv[0]);
        return -1;
    }
    by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    in_flight = g_hash_table_new(g_direct_hash, g_direct_equal);
    /* The producer may be loaded after us: the core binds these once all
     * plugins are loaded, or stops the start-up if it cannot. */
    if (!qemu_plugin_reg_callback(id, QPP_SYSCALLS_PLUGIN, QPP_SYSCALLS_EV_ENTER,
                                  QPP_SYSCALLS_ABI, on_syscall, NULL) ||
        !qemu_plugin_reg_callback(id, QPP_SYSCALLS_PLUGIN, QPP_SYSCALLS_EV_RET,
                                  QPP_SYSCALLS_ABI, on_syscall_ret, NULL)) {
        return -1;
    }
    qemu_plugin_register_atexit_cb(id, opencount_exit, NULL);
    return 0;
}
