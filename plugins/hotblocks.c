// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hotblocks.c: the most executed blocks.
 *
 *     arm-uemu -d plugin -plugin libhotblocks.so[,inline=on] ./a.out
 *
 * A block is known by its start address and its length in instructions
 * (the API exposes nothing else of a translation). Each one counts how often
 * it was translated and, per vCPU, how often it ran: by callback, or by an
 * inline addition with inline=on. Output, as QEMU's contrib/plugins/
 * hotblocks.c:
 *
 *     collected 1024 entries in the hash table
 *     pc, tcount, icount, ecount
 *     0x0000000000401f20, 1, 5, 5230        up to 20 rows, most executed first
 *
 * Like QEMU we never print the last block of the sorted list (QEMU's loop
 * stops one short), so a run with n <= 20 blocks shows n - 1 rows. Blocks
 * with equal counts are ordered by address (QEMU leaves them unordered).
 */
#include <inttypes.h>
#include <stdio.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define HOTBLOCKS_LIMIT 20

typedef struct {
    uint64_t start;
    size_t insns;
    int translations;
    qemu_plugin_u64 execs;          /* own scoreboard of uint64_t */
} HotBlock;

static GHashTable *blocks;          /* HotBlock * (key = value), under lock */
static GMutex blocks_lock;
static bool use_inline;

static guint hotblock_hash(gconstpointer p)
{
    const HotBlock *b = p;

    return g_int64_hash(&b->start) ^ (guint)b->insns;
}

static gboolean hotblock_equal(gconstpointer p, gconstpointer q)
{
    const HotBlock *a = p, *b = q;

    return a->start == b->start && a->insns == b->insns;
}

static void hotblocks_exec(unsigned int vcpu_index, void *userdata)
{
    HotBlock *b = userdata;

    qemu_plugin_u64_add(b->execs, vcpu_index, 1);
}

static void hotblocks_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    HotBlock key = {
        .start = qemu_plugin_tb_vaddr(tb),
        .insns = qemu_plugin_tb_n_insns(tb),
    };
    HotBlock *b;

    g_mutex_lock(&blocks_lock);
    b = g_hash_table_lookup(blocks, &key);
    if (!b) {
        b = g_new(HotBlock, 1);
        *b = key;
        b->execs = qemu_plugin_scoreboard_u64(
            qemu_plugin_scoreboard_new(sizeof(uint64_t)));
        g_hash_table_add(blocks, b);
    }
    b->translations++;
    g_mutex_unlock(&blocks_lock);

    if (use_inline) {
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
            tb, QEMU_PLUGIN_INLINE_ADD_U64, b->execs, 1);
    } else {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, hotblocks_exec,
                                             QEMU_PLUGIN_CB_NO_REGS, b);
    }
}

/* Most executed first; then by address, then by length. */
static gint hotblocks_by_execs(gconstpointer p, gconstpointer q)
{
    const HotBlock *a = p, *b = q;
    uint64_t ea = qemu_plugin_u64_sum(a->execs);
    uint64_t eb = qemu_plugin_u64_sum(b->execs);

    if (ea != eb) {
        return ea > eb ? -1 : 1;
    }
    if (a->start != b->start) {
        return a->start < b->start ? -1 : 1;
    }
    return a->insns < b->insns ? -1 : a->insns > b->insns;
}

static void hotblocks_exit(void *userdata)
{
    g_autoptr(GString) out = g_string_new(NULL);
    GList *all = g_list_sort(g_hash_table_get_keys(blocks), hotblocks_by_execs);
    int rows = 0;

    g_string_printf(out, "collected %u entries in the hash table\n",
                    g_hash_table_size(blocks));
    if (all) {
        g_string_append(out, "pc, tcount, icount, ecount\n");
    }
    for (GList *l = all; l && l->next && rows < HOTBLOCKS_LIMIT;
         l = l->next, rows++) {
        const HotBlock *b = l->data;

        g_string_append_printf(out, "0x%016" PRIx64 ", %d, %zu, %" PRId64 "\n",
                               b->start, b->translations, b->insns,
                               qemu_plugin_u64_sum(b->execs));
    }
    qemu_plugin_outs(out->str);

    for (GList *l = all; l; l = l->next) {
        HotBlock *b = l->data;

        qemu_plugin_scoreboard_free(b->execs.score);
    }
    g_list_free(all);
    g_hash_table_destroy(blocks);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);

        if (g_strcmp0(kv[0], "inline")) {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], &use_inline)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
            return -1;
        }
    }

    blocks = g_hash_table_new_full(hotblock_hash, hotblock_equal, g_free, NULL);
    qemu_plugin_register_vcpu_tb_trans_cb(id, hotblocks_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, hotblocks_exit, NULL);
    return 0;
}
