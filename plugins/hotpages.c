// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hotpages.c: the pages that see the most memory accesses.
 *
 *     arm-uemu -d plugin -plugin libhotpages.so[,sortby=reads|writes|address]
 *              [,io=on][,pagesize=N] ./a.out
 *
 * Arguments and output are those of QEMU's contrib/plugins/hotpages.c. Every
 * access is counted against its page (guest virtual address in user mode,
 * masked by pagesize, default 4096), with a bit mask of the vCPUs that read
 * and wrote it:
 *
 *     Addr, RCPUs, Reads, WCPUs, Writes
 *     0x0000005500800000, 0x0001, 4231, 0x0001, 3107
 *
 * Sorted by reads + writes (default), reads, writes, or address (highest
 * first); at most 50 rows. QEMU's quirks are kept: rows appear only when two
 * or more pages were touched, and the last page of the sorted list is never
 * printed. Ties are ordered by address (QEMU leaves them unordered). io=on
 * counts only I/O accesses, of which user mode has none.
 *
 * Written for the default API (version 7); the test suite also builds it
 * with -DQEMU_PLUGIN_API_VERSION=1 to run it under QEMU 7.2 and compare.
 */
#include <inttypes.h>
#include <stdio.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define HOTPAGES_LIMIT 50

typedef enum {
    HOTPAGES_SORT_RW,
    HOTPAGES_SORT_READS,
    HOTPAGES_SORT_WRITES,
    HOTPAGES_SORT_ADDRESS,
} HotPagesSort;

typedef struct {
    uint64_t page;
    unsigned int read_cpus;         /* bit i: vCPU i read this page */
    unsigned int write_cpus;
    uint64_t reads;
    uint64_t writes;
} PageCount;

static uint64_t page_size = 4096;
static HotPagesSort sort_by = HOTPAGES_SORT_RW;
static bool track_io;
static GHashTable *pages;           /* page -> PageCount *, under pages_lock */
static GMutex pages_lock;

static void hotpages_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                            uint64_t vaddr, void *userdata)
{
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);
    bool io = hw && qemu_plugin_hwaddr_is_io(hw);
    unsigned int cpu_bit = vcpu_index < 32 ? 1u << vcpu_index : 0;
    uint64_t addr = vaddr;
    PageCount *p;

    if (track_io && !io) {
        return;
    }
    if (hw && !io) {
        addr = qemu_plugin_hwaddr_phys_addr(hw);    /* system emulation */
    }
    addr &= ~(page_size - 1);

    g_mutex_lock(&pages_lock);
    p = g_hash_table_lookup(pages, &addr);
    if (!p) {
        p = g_new0(PageCount, 1);
        p->page = addr;
        g_hash_table_insert(pages, &p->page, p);
    }
    if (qemu_plugin_mem_is_store(info)) {
        p->writes++;
        p->write_cpus |= cpu_bit;
    } else {
        p->reads++;
        p->read_cpus |= cpu_bit;
    }
    g_mutex_unlock(&pages_lock);
}

#if QEMU_PLUGIN_VERSION >= 7
static void hotpages_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#else
static void hotpages_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#endif
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    for (size_t i = 0; i < n; i++) {
        qemu_plugin_register_vcpu_mem_cb(qemu_plugin_tb_get_insn(tb, i),
                                         hotpages_access, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
    }
}

/* Descending by the chosen key, then by address. */
static gint hotpages_compare(gconstpointer p, gconstpointer q)
{
    const PageCount *a = p, *b = q;
    uint64_t ka = 0, kb = 0;

    switch (sort_by) {
    case HOTPAGES_SORT_RW:
        ka = a->reads + a->writes;
        kb = b->reads + b->writes;
        break;
    case HOTPAGES_SORT_READS:
        ka = a->reads;
        kb = b->reads;
        break;
    case HOTPAGES_SORT_WRITES:
        ka = a->writes;
        kb = b->writes;
        break;
    case HOTPAGES_SORT_ADDRESS:
        break;
    }
    if (ka != kb) {
        return ka > kb ? -1 : 1;
    }
    return a->page > b->page ? -1 : a->page < b->page;
}

#if QEMU_PLUGIN_VERSION >= 7
static void hotpages_exit(void *userdata)
#else
static void hotpages_exit(qemu_plugin_id_t id, void *userdata)
#endif
{
    g_autoptr(GString) out = g_string_new("Addr, RCPUs, Reads, WCPUs, Writes\n");
    GList *all = g_list_sort(g_hash_table_get_values(pages), hotpages_compare);
    int rows = 0;

    /* As QEMU: nothing for a single page, and the last page never. */
    for (GList *l = all; l && l->next && rows < HOTPAGES_LIMIT;
         l = l->next, rows++) {
        const PageCount *p = l->data;

        g_string_append_printf(out, "0x%016" PRIx64 ", 0x%04x, %" PRId64
                               ", 0x%04x, %" PRId64 "\n", p->page, p->read_cpus,
                               p->reads, p->write_cpus, p->writes);
    }
    g_list_free(all);
    qemu_plugin_outs(out->str);
}

static bool hotpages_parse_sort(const char *value)
{
    if (!g_strcmp0(value, "reads")) {
        sort_by = HOTPAGES_SORT_READS;
    } else if (!g_strcmp0(value, "writes")) {
        sort_by = HOTPAGES_SORT_WRITES;
    } else if (!g_strcmp0(value, "address")) {
        sort_by = HOTPAGES_SORT_ADDRESS;
    } else {
        return false;
    }
    return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", -1);

        if (!g_strcmp0(kv[0], "sortby")) {
            if (!hotpages_parse_sort(kv[1])) {
                fprintf(stderr, "invalid value to sortby: %s\n", kv[1]);
                return -1;
            }
        } else if (!g_strcmp0(kv[0], "io")) {
            if (!qemu_plugin_bool_parse(kv[0], kv[1], &track_io)) {
                fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
                return -1;
            }
        } else if (!g_strcmp0(kv[0], "pagesize")) {
            page_size = kv[1] ? g_ascii_strtoull(kv[1], NULL, 10) : 0;
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
    }
    /* QEMU takes any number; a mask needs a power of two. */
    if (!page_size || (page_size & (page_size - 1))) {
        fprintf(stderr, "pagesize must be a power of two: %" PRIu64 "\n",
                page_size);
        return -1;
    }

    pages = g_hash_table_new(g_int64_hash, g_int64_equal);
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_tb_trans_cb(id, hotpages_tb_trans, NULL);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, hotpages_tb_trans);
#endif
    qemu_plugin_register_atexit_cb(id, hotpages_exit, NULL);
    return 0;
}
