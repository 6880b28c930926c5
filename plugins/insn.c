// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * insn.c: count executed instructions per vCPU, and optionally watch
 * instructions whose disassembly starts with given prefixes.
 *
 *     arm-uemu -d plugin -plugin libinsn.so[,inline=on][,sizes=on]
 *              [,match=PREFIX]...[,trace=on] ./a.out
 *
 * Arguments and output are those of QEMU's tests/tcg/plugins/insn.c (10.x):
 *
 *   inline=BOOL   count with inline additions instead of a callback per insn
 *   sizes=BOOL    print "len 4 bytes: N insns" instead of the per-vCPU counts;
 *                 like QEMU, N counts instructions as they are translated,
 *                 not as they run
 *   match=PREFIX  (repeatable) watch instructions whose disassembly starts
 *                 with PREFIX: each new (address, text) pair prints
 *                 "Created record for: ADDR TEXT" when translated, and the
 *                 summary lists hits per match and per instruction
 *   trace=BOOL    also print one line per execution of a watched instruction
 *
 * Summary: "cpu N insns: C" for every vCPU, then "total insns: T"; then per
 * match "Match: PREFIX, hits H" and "  ADDR: TEXT (hits H)" per instruction.
 * QEMU lists a match's instructions in hash-table order; we sort them by
 * address. QEMU's plugin also reads every register at vCPU start as an API
 * self-test; that has no output and is left to tests/plugins/.
 */
#include <inttypes.h>
#include <stdio.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* Per-vCPU state of one match, in a scoreboard. */
typedef struct {
    uint64_t hits;
    uint64_t last_hit;              /* insn count at the previous hit */
    uint64_t total_delta;           /* sum of insns between hits */
} MatchCount;

typedef struct {
    char *prefix;
    struct qemu_plugin_scoreboard *counts;      /* MatchCount */
} Match;

/* One watched instruction: a (vaddr, disassembly) pair under one match. */
typedef struct {
    Match *match;
    uint64_t vaddr;
    uint64_t hits;                  /* all vCPUs; racy, as in QEMU */
    char *disas;
} MatchedInsn;

static qemu_plugin_u64 insn_count;
static bool use_inline;
static bool count_sizes;
static bool trace_matches;

/* sizes=on: translated instructions per size in bytes, under size_lock. */
static GArray *size_counts;         /* uint64_t, indexed by size */
static GMutex size_lock;

static GPtrArray *matches;          /* Match * */
static GHashTable *matched_insns;   /* "vaddr disas" -> MatchedInsn * */
static GMutex match_lock;

/* -- Execution ---------------------------------------------------------- */

static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    qemu_plugin_u64_add(insn_count, vcpu_index, 1);
}

/* Registered after the counting op, so the count includes this insn. */
static void insn_matched_exec(unsigned int vcpu_index, void *userdata)
{
    MatchedInsn *mi = userdata;
    MatchCount *mc = qemu_plugin_scoreboard_find(mi->match->counts, vcpu_index);
    uint64_t now = qemu_plugin_u64_get(insn_count, vcpu_index);
    uint64_t delta = now - mc->last_hit;

    mi->hits++;
    mc->hits++;
    mc->total_delta += delta;
    mc->last_hit = now;

    if (trace_matches) {
        g_autofree char *line = g_strdup_printf(
            "0x%" PRIx64 ", '%s', %" PRId64 " hits , cpu %u, %" PRId64
            " match hits, \u0394+%" PRId64 " since last match, %" PRId64
            " avg insns/match\n", mi->vaddr, mi->disas, mi->hits, vcpu_index,
            mc->hits, delta, mc->total_delta / mc->hits);
        qemu_plugin_outs(line);
    }
}

/* -- Translation -------------------------------------------------------- */

/* The record for (@vaddr, @disas) under @m, announced when first created. */
static MatchedInsn *insn_matched_record(Match *m, uint64_t vaddr,
                                        const char *disas)
{
    g_autofree char *key = g_strdup_printf("%" PRIx64 " %s", vaddr, disas);
    MatchedInsn *mi;

    g_mutex_lock(&match_lock);
    mi = g_hash_table_lookup(matched_insns, key);
    if (!mi) {
        g_autofree char *msg = g_strdup_printf("Created record for: %s\n", key);

        mi = g_new0(MatchedInsn, 1);
        mi->match = m;
        mi->vaddr = vaddr;
        mi->disas = g_strdup(disas);
        g_hash_table_insert(matched_insns, g_steal_pointer(&key), mi);
        qemu_plugin_outs(msg);
    }
    g_mutex_unlock(&match_lock);
    return mi;
}

static void insn_count_size(size_t size)
{
    g_mutex_lock(&size_lock);
    if (size >= size_counts->len) {
        g_array_set_size(size_counts, size + 1);
    }
    g_array_index(size_counts, uint64_t, size)++;
    g_mutex_unlock(&size_lock);
}

static void insn_watch(struct qemu_plugin_insn *insn)
{
    g_autofree char *disas = qemu_plugin_insn_disas(insn);

    for (guint j = 0; j < matches->len; j++) {
        Match *m = g_ptr_array_index(matches, j);

        if (g_str_has_prefix(disas, m->prefix)) {
            MatchedInsn *mi = insn_matched_record(
                m, qemu_plugin_insn_vaddr(insn), disas);
            qemu_plugin_register_vcpu_insn_exec_cb(
                insn, insn_matched_exec, QEMU_PLUGIN_CB_NO_REGS, mi);
        }
    }
}

static void insn_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

        if (use_inline) {
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
                insn, QEMU_PLUGIN_INLINE_ADD_U64, insn_count, 1);
        } else {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, insn_exec,
                                                   QEMU_PLUGIN_CB_NO_REGS, NULL);
        }
        if (count_sizes) {
            insn_count_size(qemu_plugin_insn_size(insn));
        }
        if (matches->len) {
            insn_watch(insn);
        }
    }
}

/* -- Summary ------------------------------------------------------------ */

static gint matched_insn_by_vaddr(gconstpointer a, gconstpointer b)
{
    const MatchedInsn *x = a, *y = b;

    return x->vaddr < y->vaddr ? -1 : x->vaddr > y->vaddr;
}

static void insn_report_match(GString *out, Match *m)
{
    qemu_plugin_u64 hits = qemu_plugin_scoreboard_u64_in_struct(
        m->counts, MatchCount, hits);
    GList *records = g_list_sort(g_hash_table_get_values(matched_insns),
                                 matched_insn_by_vaddr);

    g_string_append_printf(out, "Match: %s, hits %" PRId64 "\n", m->prefix,
                           qemu_plugin_u64_sum(hits));
    for (GList *l = records; l; l = l->next) {
        const MatchedInsn *mi = l->data;

        if (mi->match == m) {
            g_string_append_printf(out, "  %" PRIx64 ": %s (hits %" PRId64 ")\n",
                                   mi->vaddr, mi->disas, mi->hits);
        }
    }
    g_list_free(records);
}

static void insn_exit(void *userdata)
{
    g_autoptr(GString) out = g_string_new(NULL);

    if (count_sizes) {
        for (guint size = 0; size < size_counts->len; size++) {
            uint64_t n = g_array_index(size_counts, uint64_t, size);

            if (n) {
                g_string_append_printf(out, "len %u bytes: %" PRId64 " insns\n",
                                       size, n);
            }
        }
    } else {
        for (int i = 0; i < qemu_plugin_num_vcpus(); i++) {
            g_string_append_printf(out, "cpu %d insns: %" PRIu64 "\n", i,
                                   qemu_plugin_u64_get(insn_count, i));
        }
        g_string_append_printf(out, "total insns: %" PRIu64 "\n",
                               qemu_plugin_u64_sum(insn_count));
    }
    qemu_plugin_outs(out->str);

    g_mutex_lock(&match_lock);
    for (guint j = 0; j < matches->len; j++) {
        g_string_truncate(out, 0);
        insn_report_match(out, g_ptr_array_index(matches, j));
        qemu_plugin_outs(out->str);
    }
    g_mutex_unlock(&match_lock);
}

/* -- Installation ------------------------------------------------------- */

static void insn_add_match(const char *prefix)
{
    Match *m = g_new0(Match, 1);

    m->prefix = g_strdup(prefix ? prefix : "");
    m->counts = qemu_plugin_scoreboard_new(sizeof(MatchCount));
    g_ptr_array_add(matches, m);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    matches = g_ptr_array_new();
    matched_insns = g_hash_table_new(g_str_hash, g_str_equal);
    size_counts = g_array_new(FALSE, TRUE, sizeof(uint64_t));

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = NULL;

        if (!g_strcmp0(kv[0], "inline")) {
            flag = &use_inline;
        } else if (!g_strcmp0(kv[0], "sizes")) {
            flag = &count_sizes;
        } else if (!g_strcmp0(kv[0], "trace")) {
            flag = &trace_matches;
        } else if (!g_strcmp0(kv[0], "match")) {
            insn_add_match(kv[1]);
            continue;
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
            return -1;
        }
    }

    insn_count = qemu_plugin_scoreboard_u64(
        qemu_plugin_scoreboard_new(sizeof(uint64_t)));
    qemu_plugin_register_vcpu_tb_trans_cb(id, insn_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, insn_exit, NULL);
    return 0;
}
