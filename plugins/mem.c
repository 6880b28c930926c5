// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mem.c: count guest memory accesses, optionally print each one.
 *
 *     arm-uemu -d plugin -plugin libmem.so,callback=on[,track=r|w|rw]
 *              [,haddr=on][,print-accesses=on][,region-summary=on] ./a.out
 *
 * Arguments and output are those of QEMU's tests/tcg/plugins/mem.c (10.x):
 *
 *   inline=BOOL / callback=BOOL  count with inline additions or with a
 *                 callback per access (not both); with neither, nothing is
 *                 counted and the summary is empty
 *   track=r|w|rw  which accesses (default rw)
 *   haddr=BOOL    split the callback count into RAM and I/O accesses; user
 *                 mode has no I/O, so "io accesses" stays 0
 *   print-accesses=BOOL  one CSV line per access:
 *                 insn_vaddr,insn_symbol,mem_vaddr,mem_hwaddr,access_size,
 *                 access_type,mem_value (size in bits, hwaddr 0 in user mode,
 *                 value as many hex digits as the access is wide)
 *   region-summary=BOOL  per 16 KiB region: reads, writes, and whether every
 *                 value read was one seen written (mirror of the region)
 *
 * Summary: "mem accesses: N" (inline or callback), "io accesses: N" (haddr),
 * then the region table if asked.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef struct {
    uint64_t mem;
    uint64_t io;
} MemCount;

/* print-accesses: what a line needs about the instruction (never freed:
 * a translation can run until exit). */
typedef struct {
    uint64_t vaddr;
    const char *symbol;
} MemInsnInfo;

/* region-summary: one 16 KiB region and a mirror of the values written. */
#define MEM_REGION_SIZE (4 * 4096)

typedef struct {
    uint64_t base;
    uint64_t reads;
    uint64_t writes;
    uint8_t *mirror;
    bool seen_all;                  /* every read returned a mirrored value */
} MemRegion;

static struct qemu_plugin_scoreboard *counts;
static qemu_plugin_u64 mem_count;
static qemu_plugin_u64 io_count;
static enum qemu_plugin_mem_rw track = QEMU_PLUGIN_MEM_RW;
static bool use_inline, use_callback, split_haddr;
static bool print_accesses, region_summary;

static GHashTable *regions;         /* base -> MemRegion *, under region_lock */
static GMutex region_lock;

/* -- Region summary ----------------------------------------------------- */

/*
 * Record one access of @size bytes at @offset in region @base. A store
 * updates the mirror; a load compares with it, and the first mismatch in a
 * region is reported (expected for data the program did not write, such as
 * the loaded image). 128-bit values are counted but not mirrored, as QEMU.
 */
static void mem_region_access(uint64_t base, uint64_t offset, bool store,
                              bool big_endian, qemu_plugin_mem_value v)
{
    uint8_t bytes[8];
    unsigned int n = 0;
    uint64_t x = 0;
    MemRegion *r;

    switch (v.type) {
    case QEMU_PLUGIN_MEM_VALUE_U8:
        x = v.data.u8;
        n = 1;
        break;
    case QEMU_PLUGIN_MEM_VALUE_U16:
        x = v.data.u16;
        n = 2;
        break;
    case QEMU_PLUGIN_MEM_VALUE_U32:
        x = v.data.u32;
        n = 4;
        break;
    case QEMU_PLUGIN_MEM_VALUE_U64:
        x = v.data.u64;
        n = 8;
        break;
    case QEMU_PLUGIN_MEM_VALUE_U128:
        break;
    }
    /* The bytes as they lie in guest memory. */
    for (unsigned int i = 0; i < n; i++) {
        bytes[i] = x >> (8 * (big_endian ? n - 1 - i : i));
    }

    g_mutex_lock(&region_lock);
    r = g_hash_table_lookup(regions, &base);
    if (!r) {
        r = g_new0(MemRegion, 1);
        r->base = base;
        r->mirror = g_malloc0(MEM_REGION_SIZE);
        r->seen_all = true;
        g_hash_table_insert(regions, &r->base, r);
    }
    if (store) {
        r->writes++;
    } else {
        r->reads++;
    }
    /* An access crossing the region end is mirrored up to the end only. */
    n = MIN(n, MEM_REGION_SIZE - offset);
    if (store) {
        memcpy(r->mirror + offset, bytes, n);
    } else if (n && memcmp(r->mirror + offset, bytes, n) && r->seen_all) {
        g_autofree char *msg = g_strdup_printf(
            "Warning: 0x%016" PRIx64 ":%" PRId64
            " read an un-instrumented value\n", base, offset);
        qemu_plugin_outs(msg);
        r->seen_all = false;
    }
    g_mutex_unlock(&region_lock);
}

/* -- Execution ---------------------------------------------------------- */

static void mem_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                       uint64_t vaddr, void *userdata)
{
    if (split_haddr &&
        qemu_plugin_hwaddr_is_io(qemu_plugin_get_hwaddr(info, vaddr))) {
        qemu_plugin_u64_add(io_count, vcpu_index, 1);
    } else {
        qemu_plugin_u64_add(mem_count, vcpu_index, 1);
    }
    if (region_summary) {
        mem_region_access(vaddr & ~(uint64_t)(MEM_REGION_SIZE - 1),
                          vaddr & (MEM_REGION_SIZE - 1),
                          qemu_plugin_mem_is_store(info),
                          qemu_plugin_mem_is_big_endian(info),
                          qemu_plugin_mem_get_value(info));
    }
}

static void mem_print_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                             uint64_t vaddr, void *userdata)
{
    const MemInsnInfo *ii = userdata;
    qemu_plugin_mem_value v = qemu_plugin_mem_get_value(info);
    uint64_t hwaddr =
        qemu_plugin_hwaddr_phys_addr(qemu_plugin_get_hwaddr(info, vaddr));
    g_autoptr(GString) line = g_string_new(NULL);

    g_string_printf(line, "0x%" PRIx64 ",%s,0x%" PRIx64 ",0x%" PRIx64 ",%u,%s,",
                    ii->vaddr, ii->symbol, vaddr, hwaddr,
                    8u << qemu_plugin_mem_size_shift(info),
                    qemu_plugin_mem_is_store(info) ? "store" : "load");
    switch (v.type) {
    case QEMU_PLUGIN_MEM_VALUE_U8:
        g_string_append_printf(line, "0x%02" PRIx8 "\n", v.data.u8);
        break;
    case QEMU_PLUGIN_MEM_VALUE_U16:
        g_string_append_printf(line, "0x%04" PRIx16 "\n", v.data.u16);
        break;
    case QEMU_PLUGIN_MEM_VALUE_U32:
        g_string_append_printf(line, "0x%08" PRIx32 "\n", v.data.u32);
        break;
    case QEMU_PLUGIN_MEM_VALUE_U64:
        g_string_append_printf(line, "0x%016" PRIx64 "\n", v.data.u64);
        break;
    case QEMU_PLUGIN_MEM_VALUE_U128:
        g_string_append_printf(line, "0x%016" PRIx64 "%016" PRIx64 "\n",
                               v.data.u128.high, v.data.u128.low);
        break;
    default:
        g_assert_not_reached();
    }
    qemu_plugin_outs(line->str);
}

/* -- Translation -------------------------------------------------------- */

static void mem_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

        if (use_inline) {
            qemu_plugin_register_vcpu_mem_inline_per_vcpu(
                insn, track, QEMU_PLUGIN_INLINE_ADD_U64, mem_count, 1);
        }
        if (use_callback || region_summary) {
            qemu_plugin_register_vcpu_mem_cb(insn, mem_access,
                                             QEMU_PLUGIN_CB_NO_REGS, track, NULL);
        }
        if (print_accesses) {
            MemInsnInfo *ii = g_new(MemInsnInfo, 1);
            const char *sym = qemu_plugin_insn_symbol(insn);

            ii->vaddr = qemu_plugin_insn_vaddr(insn);
            ii->symbol = sym ? sym : "";
            qemu_plugin_register_vcpu_mem_cb(insn, mem_print_access,
                                             QEMU_PLUGIN_CB_NO_REGS, track, ii);
        }
    }
}

/* -- Summary ------------------------------------------------------------ */

static gint mem_region_by_base(gconstpointer a, gconstpointer b)
{
    const MemRegion *x = a, *y = b;

    return x->base < y->base ? -1 : x->base > y->base;
}

static void mem_exit(void *userdata)
{
    g_autoptr(GString) out = g_string_new(NULL);

    if (use_inline || use_callback) {
        g_string_append_printf(out, "mem accesses: %" PRIu64 "\n",
                               qemu_plugin_u64_sum(mem_count));
    }
    if (split_haddr) {
        g_string_append_printf(out, "io accesses: %" PRIu64 "\n",
                               qemu_plugin_u64_sum(io_count));
    }
    qemu_plugin_outs(out->str);

    if (region_summary) {
        GList *all = g_list_sort(g_hash_table_get_values(regions),
                                 mem_region_by_base);

        g_string_assign(out, "Region Base, Reads, Writes, Seen all\n");
        /* As QEMU: the rows only when there are at least two regions. */
        for (GList *l = all && all->next ? all : NULL; l; l = l->next) {
            const MemRegion *r = l->data;

            g_string_append_printf(out, "0x%016" PRIx64 ", %" PRId64 ", %" PRId64
                                   ", %s\n", r->base, r->reads, r->writes,
                                   r->seen_all ? "true" : "false");
        }
        qemu_plugin_outs(out->str);
        g_list_free(all);
    }
    qemu_plugin_scoreboard_free(counts);
}

/* -- Installation ------------------------------------------------------- */

static bool mem_parse_track(const char *value)
{
    if (!g_strcmp0(value, "r")) {
        track = QEMU_PLUGIN_MEM_R;
    } else if (!g_strcmp0(value, "w")) {
        track = QEMU_PLUGIN_MEM_W;
    } else if (!g_strcmp0(value, "rw")) {
        track = QEMU_PLUGIN_MEM_RW;
    } else {
        return false;
    }
    return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    static const struct {
        const char *name;
        bool *flag;
    } flags[] = {
        { "inline",         &use_inline },
        { "callback",       &use_callback },
        { "haddr",          &split_haddr },
        { "print-accesses", &print_accesses },
        { "region-summary", &region_summary },
    };

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = NULL;

        if (!g_strcmp0(kv[0], "track")) {
            if (!mem_parse_track(kv[1])) {
                fprintf(stderr, "invalid value for argument track: %s\n",
                        argv[i]);
                return -1;
            }
            continue;
        }
        for (size_t f = 0; f < G_N_ELEMENTS(flags); f++) {
            if (!g_strcmp0(kv[0], flags[f].name)) {
                flag = flags[f].flag;
            }
        }
        if (!flag) {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
            return -1;
        }
    }
    if (use_inline && use_callback) {
        fprintf(stderr,
                "can't enable inline and callback counting at the same time\n");
        return -1;
    }

    if (print_accesses) {
        qemu_plugin_outs("insn_vaddr,insn_symbol,mem_vaddr,mem_hwaddr,"
                         "access_size,access_type,mem_value\n");
    }
    if (region_summary) {
        regions = g_hash_table_new(g_int64_hash, g_int64_equal);
    }
    counts = qemu_plugin_scoreboard_new(sizeof(MemCount));
    mem_count = qemu_plugin_scoreboard_u64_in_struct(counts, MemCount, mem);
    io_count = qemu_plugin_scoreboard_u64_in_struct(counts, MemCount, io);
    qemu_plugin_register_vcpu_tb_trans_cb(id, mem_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, mem_exit, NULL);
    return 0;
}
