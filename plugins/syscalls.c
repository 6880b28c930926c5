// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * syscalls.c: which system calls the guest makes, how often, how many fail.
 *
 *     arm-uemu -d plugin -plugin libsyscalls.so ./a.out
 *     arm-uemu -d plugin -plugin libsyscalls.so,print=on ./a.out
 *
 * QEMU calls this plugin "syscall" (tests/tcg/plugins/syscall.c); arguments
 * and output are the same:
 *
 *   (default)       at exit, a table sorted by calls, most called first:
 *                       syscall no.  calls  errors
 *                       64           5      0
 *                   errors = returns < 0 (-errno)
 *   print=BOOL      instead of the table, one line per call and per return:
 *                       syscall #64
 *                       syscall #64 returned -> 13
 *   log_writes=BOOL hex-dump the buffer of every write(2) (syscall 64)
 *
 * exit and exit_group never return, so they have calls but no return line.
 * Like QEMU's, a bad boolean only warns. Also like QEMU's test plugin, a
 * syscall filter answers the "magic" call 4096 with a1 = 0x66CCFF by
 * returning 0xFFCC66 without running it (a test hook for the filter API).
 *
 * The file is written for the default API (version 7). The test suite also
 * builds it with -DQEMU_PLUGIN_API_VERSION=1, the only version QEMU 7.2
 * loads, to compare the table with qemu-aarch64's; the #if blocks are that
 * dialect's callback shapes (log_writes and the filter need versions 4 and 7).
 */
#include <inttypes.h>
#include <stdio.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* AArch64 (generic Linux numbering): write(fd, buf, count). */
#define SYSCALLS_NR_WRITE   64
#define SYSCALLS_MAGIC_NR   4096
#define SYSCALLS_MAGIC_ARG  0x66CCFF
#define SYSCALLS_MAGIC_RET  0xFFCC66

typedef struct {
    int64_t num;
    int64_t calls;
    int64_t errors;
} SyscallStats;

static GHashTable *stats;           /* num -> SyscallStats *; NULL with print */
static GMutex stats_lock;
static bool log_writes;

/* The entry for @num, created at first sight; caller holds stats_lock. */
static SyscallStats *syscalls_entry_locked(int64_t num)
{
    SyscallStats *s = g_hash_table_lookup(stats, &num);

    if (!s) {
        s = g_new0(SyscallStats, 1);
        s->num = num;
        g_hash_table_insert(stats, &s->num, s);
    }
    return s;
}

#if QEMU_PLUGIN_VERSION >= 4
/*
 * Sixteen bytes a line: "xx " per byte (three spaces past the end), " | ",
 * then the printable characters, others as '.'.
 */
static void syscalls_hexdump(const GByteArray *data)
{
    g_autoptr(GString) out = g_string_new(NULL);

    for (guint row = 0; row < data->len; row += 16) {
        for (guint col = 0; col < 16; col++) {
            if (row + col < data->len) {
                g_string_append_printf(out, "%02x ", data->data[row + col]);
            } else {
                g_string_append(out, "   ");
            }
        }
        g_string_append(out, " | ");
        for (guint col = 0; col < 16 && row + col < data->len; col++) {
            guint8 c = data->data[row + col];

            g_string_append_c(out, g_ascii_isgraph(c) ? c : '.');
        }
        g_string_append_c(out, '\n');
    }
    qemu_plugin_outs(out->str);
}

static void syscalls_log_write(uint64_t buf, uint64_t count)
{
    g_autoptr(GByteArray) data = g_byte_array_new();

    if (qemu_plugin_read_memory_vaddr(buf, data, count)) {
        syscalls_hexdump(data);
    } else {
        fprintf(stderr, "Error reading memory from vaddr %" PRIu64 "\n", buf);
    }
}
#endif

/* -- Callbacks ---------------------------------------------------------- */

static void syscalls_on_entry(int64_t num, uint64_t a2, uint64_t a3)
{
    if (stats) {
        g_mutex_lock(&stats_lock);
        syscalls_entry_locked(num)->calls++;
        g_mutex_unlock(&stats_lock);
    } else {
        g_autofree char *line = g_strdup_printf("syscall #%" PRId64 "\n", num);
        qemu_plugin_outs(line);
    }
#if QEMU_PLUGIN_VERSION >= 4
    if (log_writes && num == SYSCALLS_NR_WRITE) {
        syscalls_log_write(a2, a3);
    }
#endif
}

static void syscalls_on_return(int64_t num, int64_t ret)
{
    if (stats) {
        g_mutex_lock(&stats_lock);
        if (ret < 0) {
            syscalls_entry_locked(num)->errors++;
        }
        g_mutex_unlock(&stats_lock);
    } else {
        g_autofree char *line = g_strdup_printf(
            "syscall #%" PRId64 " returned -> %" PRId64 "\n", num, ret);
        qemu_plugin_outs(line);
    }
}

#if QEMU_PLUGIN_VERSION >= 7
static void syscalls_entry_cb(unsigned int vcpu_index, int64_t num,
                              uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                              uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8,
                              void *userdata)
{
    syscalls_on_entry(num, a2, a3);
}

static void syscalls_return_cb(unsigned int vcpu_index, int64_t num,
                               int64_t ret, void *userdata)
{
    syscalls_on_return(num, ret);
}

static bool syscalls_filter_cb(unsigned int vcpu_index, int64_t num,
                               uint64_t a1, uint64_t a2, uint64_t a3,
                               uint64_t a4, uint64_t a5, uint64_t a6,
                               uint64_t a7, uint64_t a8, int64_t *sysret,
                               void *userdata)
{
    if (num != SYSCALLS_MAGIC_NR || a1 != SYSCALLS_MAGIC_ARG) {
        return false;
    }
    *sysret = SYSCALLS_MAGIC_RET;
    if (!stats) {
        qemu_plugin_outs("magic syscall filtered, set magic return\n");
    }
    return true;
}
#else
static void syscalls_entry_cb(qemu_plugin_id_t id, unsigned int vcpu_index,
                              int64_t num, uint64_t a1, uint64_t a2,
                              uint64_t a3, uint64_t a4, uint64_t a5,
                              uint64_t a6, uint64_t a7, uint64_t a8)
{
    syscalls_on_entry(num, a2, a3);
}

static void syscalls_return_cb(qemu_plugin_id_t id, unsigned int vcpu_index,
                               int64_t num, int64_t ret)
{
    syscalls_on_return(num, ret);
}
#endif

/* -- Summary ------------------------------------------------------------ */

/* Most calls first; equal counts by number (QEMU leaves ties unordered). */
static gint syscalls_by_calls(gconstpointer a, gconstpointer b)
{
    const SyscallStats *x = a, *y = b;

    if (x->calls != y->calls) {
        return x->calls > y->calls ? -1 : 1;
    }
    return x->num < y->num ? -1 : x->num > y->num;
}

static void syscalls_report(void)
{
    g_autoptr(GString) out = g_string_new("syscall no.  calls  errors\n");
    GList *all;

    if (!stats) {
        return;
    }
    g_mutex_lock(&stats_lock);
    all = g_list_sort(g_hash_table_get_values(stats), syscalls_by_calls);
    for (GList *l = all; l; l = l->next) {
        const SyscallStats *s = l->data;

        g_string_append_printf(out, "%-13" PRId64 "%-6" PRId64 " %" PRId64 "\n",
                               s->num, s->calls, s->errors);
    }
    g_list_free(all);
    g_mutex_unlock(&stats_lock);
    qemu_plugin_outs(out->str);
}

#if QEMU_PLUGIN_VERSION >= 7
static void syscalls_exit(void *userdata)
#else
static void syscalls_exit(qemu_plugin_id_t id, void *userdata)
#endif
{
    syscalls_report();
}

/* -- Installation ------------------------------------------------------- */

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    bool print = false;

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag;

        if (!g_strcmp0(kv[0], "print")) {
            flag = &print;
        } else if (!g_strcmp0(kv[0], "log_writes")) {
            flag = &log_writes;
        } else {
            fprintf(stderr, "unsupported argument: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
        }
    }
#if QEMU_PLUGIN_VERSION < 4
    if (log_writes) {
        fprintf(stderr, "log_writes needs plugin API version 4 "
                        "(this build is version %d)\n", QEMU_PLUGIN_VERSION);
        return -1;
    }
#endif

    if (!print) {
        stats = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL, g_free);
    }
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_syscall_cb(id, syscalls_entry_cb, NULL);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, syscalls_return_cb, NULL);
    qemu_plugin_register_vcpu_syscall_filter_cb(id, syscalls_filter_cb, NULL);
#else
    qemu_plugin_register_vcpu_syscall_cb(id, syscalls_entry_cb);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, syscalls_return_cb);
#endif
    qemu_plugin_register_atexit_cb(id, syscalls_exit, NULL);
    return 0;
}
