// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * inline.c: count blocks, instructions and memory accesses three ways at
 * once (callbacks, inline additions, conditional callbacks) and check that
 * they agree. A conformance test of the core's weaving and scoreboards.
 *
 *     arm-uemu -d plugin -plugin libinline.so ./a.out
 *
 * As QEMU's tests/tcg/plugins/inline.c (no arguments). For every block,
 * instruction and memory access, in this registration order:
 *
 *   1. an inline STORE of a value unique to the block/instruction into the
 *      vCPU's scoreboard; the callback registered next asserts it sees it
 *      (so inline ops and callbacks at one point run in registration order)
 *   2. a callback counting per vCPU and in a global counter under a lock
 *   3. an inline ADD counting per vCPU
 *   4. (blocks and instructions) an inline ADD to a tracker, and a
 *      conditional callback that runs when the tracker reaches 100, resets
 *      it and counts one trigger; so triggers * 100 + tracker = count
 *
 * At exit, one line per vCPU and three or four totals per kind:
 *
 *     cpu 0: tb (7250, 7250, 72 * 100 + 50) | insn (27804, 27804, 278 * 100 + 4) | mem (7977, 7977)
 *     tb: 7250
 *     tb: 7250 (per vcpu)
 *     tb: 7250 (per vcpu inline)
 *     tb: 7250 (conditional cb)
 *     insn: ...   (the last one "(cond cb)")
 *     mem: ...    (no conditional line)
 *
 * Any disagreement aborts with a glib assertion, as in QEMU.
 */
#include <inttypes.h>
#include <stdio.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define INLINE_COND_LIMIT 100

/* Per vCPU counters, one scoreboard entry each. */
typedef struct {
    uint64_t tb, tb_inline, tb_cond_triggers, tb_cond_track;
    uint64_t insn, insn_inline, insn_cond_triggers, insn_cond_track;
    uint64_t mem, mem_inline;
} InlineCount;

/* Per vCPU: the value last stored by the inline STORE of each kind. */
typedef struct {
    uint64_t tb, insn, mem;
} InlineStored;

static struct qemu_plugin_scoreboard *counts, *stored;
static qemu_plugin_u64 tb_cb, tb_inline, tb_cond_triggers, tb_cond_track;
static qemu_plugin_u64 insn_cb, insn_inline, insn_cond_triggers, insn_cond_track;
static qemu_plugin_u64 mem_cb, mem_inline;
static qemu_plugin_u64 stored_tb, stored_insn, stored_mem;

/* Global counts, for the sums of the per-vCPU ones to agree with. */
static uint64_t global_tb, global_insn, global_mem;
static unsigned int max_vcpu_index;
static GMutex global_lock;

/* -- Callbacks ---------------------------------------------------------- */

static void inline_global_add(uint64_t *counter, unsigned int vcpu_index)
{
    g_mutex_lock(&global_lock);
    (*counter)++;
    max_vcpu_index = MAX(max_vcpu_index, vcpu_index);
    g_mutex_unlock(&global_lock);
}

static void inline_tb_exec(unsigned int vcpu_index, void *userdata)
{
    g_assert(qemu_plugin_u64_get(stored_tb, vcpu_index) == (uintptr_t)userdata);
    qemu_plugin_u64_add(tb_cb, vcpu_index, 1);
    inline_global_add(&global_tb, vcpu_index);
}

static void inline_insn_exec(unsigned int vcpu_index, void *userdata)
{
    g_assert(qemu_plugin_u64_get(stored_insn, vcpu_index) ==
             (uintptr_t)userdata);
    qemu_plugin_u64_add(insn_cb, vcpu_index, 1);
    inline_global_add(&global_insn, vcpu_index);
}

static void inline_mem_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                              uint64_t vaddr, void *userdata)
{
    g_assert(qemu_plugin_u64_get(stored_mem, vcpu_index) == (uintptr_t)userdata);
    qemu_plugin_u64_add(mem_cb, vcpu_index, 1);
    inline_global_add(&global_mem, vcpu_index);
}

/* Conditional callbacks: the tracker has just reached the limit. */
static void inline_cond_fired(qemu_plugin_u64 track, qemu_plugin_u64 triggers,
                              qemu_plugin_u64 stored_value,
                              unsigned int vcpu_index, void *userdata)
{
    g_assert(qemu_plugin_u64_get(track, vcpu_index) == INLINE_COND_LIMIT);
    g_assert(qemu_plugin_u64_get(stored_value, vcpu_index) ==
             (uintptr_t)userdata);
    qemu_plugin_u64_set(track, vcpu_index, 0);
    qemu_plugin_u64_add(triggers, vcpu_index, 1);
}

static void inline_tb_cond(unsigned int vcpu_index, void *userdata)
{
    inline_cond_fired(tb_cond_track, tb_cond_triggers, stored_tb, vcpu_index,
                      userdata);
}

static void inline_insn_cond(unsigned int vcpu_index, void *userdata)
{
    inline_cond_fired(insn_cond_track, insn_cond_triggers, stored_insn,
                      vcpu_index, userdata);
}

/* -- Translation -------------------------------------------------------- */

static void inline_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    /* Handles are unique while translating: good values to store. */
    uintptr_t tb_tag = (uintptr_t)tb;
    size_t n = qemu_plugin_tb_n_insns(tb);

    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
        tb, QEMU_PLUGIN_INLINE_STORE_U64, stored_tb, tb_tag);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, inline_tb_exec,
                                         QEMU_PLUGIN_CB_NO_REGS, (void *)tb_tag);
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
        tb, QEMU_PLUGIN_INLINE_ADD_U64, tb_inline, 1);
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
        tb, QEMU_PLUGIN_INLINE_ADD_U64, tb_cond_track, 1);
    qemu_plugin_register_vcpu_tb_exec_cond_cb(
        tb, inline_tb_cond, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_EQ,
        tb_cond_track, INLINE_COND_LIMIT, (void *)tb_tag);

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uintptr_t insn_tag = (uintptr_t)insn;
        uintptr_t mem_tag = insn_tag + 0xff;

        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_STORE_U64, stored_insn, insn_tag);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, inline_insn_exec,
                                               QEMU_PLUGIN_CB_NO_REGS,
                                               (void *)insn_tag);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, insn_inline, 1);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, insn_cond_track, 1);
        qemu_plugin_register_vcpu_insn_exec_cond_cb(
            insn, inline_insn_cond, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_EQ,
            insn_cond_track, INLINE_COND_LIMIT, (void *)insn_tag);

        qemu_plugin_register_vcpu_mem_inline_per_vcpu(
            insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_STORE_U64, stored_mem,
            mem_tag);
        qemu_plugin_register_vcpu_mem_cb(insn, inline_mem_access,
                                         QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, (void *)mem_tag);
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(
            insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_ADD_U64, mem_inline, 1);
    }
}

/* -- Report ------------------------------------------------------------- */

/*
 * Print "KIND: N", "(per vcpu)", "(per vcpu inline)" and, with @cond_label,
 * the conditional total; then check that all equal the global count.
 */
static void inline_report_kind(const char *kind, uint64_t global,
                               qemu_plugin_u64 cb, qemu_plugin_u64 inl,
                               const char *cond_label, qemu_plugin_u64 triggers,
                               qemu_plugin_u64 track)
{
    g_autoptr(GString) out = g_string_new(NULL);
    uint64_t per_vcpu = qemu_plugin_u64_sum(cb);
    uint64_t per_vcpu_inline = qemu_plugin_u64_sum(inl);
    uint64_t cond = 0;

    g_string_append_printf(out, "%s: %" PRIu64 "\n", kind, global);
    g_string_append_printf(out, "%s: %" PRIu64 " (per vcpu)\n", kind, per_vcpu);
    g_string_append_printf(out, "%s: %" PRIu64 " (per vcpu inline)\n", kind,
                           per_vcpu_inline);
    if (cond_label) {
        cond = qemu_plugin_u64_sum(triggers) * INLINE_COND_LIMIT +
               qemu_plugin_u64_sum(track);
        g_string_append_printf(out, "%s: %" PRIu64 " (%s)\n", kind, cond,
                               cond_label);
    }
    qemu_plugin_outs(out->str);
    g_assert(global > 0);
    g_assert(per_vcpu == global);
    g_assert(per_vcpu_inline == global);
    g_assert(!cond_label || cond == global);
}

static void inline_exit(void *userdata)
{
    g_autoptr(GString) out = g_string_new(NULL);
    unsigned int n = qemu_plugin_num_vcpus();

    g_assert(n == max_vcpu_index + 1);
    for (unsigned int i = 0; i < n; i++) {
        const InlineCount *c = qemu_plugin_scoreboard_find(counts, i);

        g_string_printf(out, "cpu %u: tb (%" PRIu64 ", %" PRIu64 ", %" PRIu64
                        " * %d + %" PRIu64 ") | insn (%" PRIu64 ", %" PRIu64
                        ", %" PRIu64 " * %d + %" PRIu64 ") | mem (%" PRIu64
                        ", %" PRIu64 ")\n", i,
                        c->tb, c->tb_inline, c->tb_cond_triggers,
                        INLINE_COND_LIMIT, c->tb_cond_track,
                        c->insn, c->insn_inline, c->insn_cond_triggers,
                        INLINE_COND_LIMIT, c->insn_cond_track,
                        c->mem, c->mem_inline);
        qemu_plugin_outs(out->str);
        g_assert(c->tb == c->tb_inline);
        g_assert(c->insn == c->insn_inline);
        g_assert(c->mem == c->mem_inline);
        g_assert(c->tb_cond_triggers == c->tb / INLINE_COND_LIMIT);
        g_assert(c->tb_cond_track == c->tb % INLINE_COND_LIMIT);
        g_assert(c->insn_cond_triggers == c->insn / INLINE_COND_LIMIT);
        g_assert(c->insn_cond_track == c->insn % INLINE_COND_LIMIT);
    }

    inline_report_kind("tb", global_tb, tb_cb, tb_inline,
                       "conditional cb", tb_cond_triggers, tb_cond_track);
    inline_report_kind("insn", global_insn, insn_cb, insn_inline,
                       "cond cb", insn_cond_triggers, insn_cond_track);
    inline_report_kind("mem", global_mem, mem_cb, mem_inline,
                       NULL, mem_cb, mem_cb);
    qemu_plugin_scoreboard_free(counts);
    qemu_plugin_scoreboard_free(stored);
}

/* -- Installation ------------------------------------------------------- */

#define INLINE_FIELD(sb, type, member) \
    qemu_plugin_scoreboard_u64_in_struct(sb, type, member)

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    counts = qemu_plugin_scoreboard_new(sizeof(InlineCount));
    tb_cb = INLINE_FIELD(counts, InlineCount, tb);
    tb_inline = INLINE_FIELD(counts, InlineCount, tb_inline);
    tb_cond_triggers = INLINE_FIELD(counts, InlineCount, tb_cond_triggers);
    tb_cond_track = INLINE_FIELD(counts, InlineCount, tb_cond_track);
    insn_cb = INLINE_FIELD(counts, InlineCount, insn);
    insn_inline = INLINE_FIELD(counts, InlineCount, insn_inline);
    insn_cond_triggers = INLINE_FIELD(counts, InlineCount, insn_cond_triggers);
    insn_cond_track = INLINE_FIELD(counts, InlineCount, insn_cond_track);
    mem_cb = INLINE_FIELD(counts, InlineCount, mem);
    mem_inline = INLINE_FIELD(counts, InlineCount, mem_inline);

    stored = qemu_plugin_scoreboard_new(sizeof(InlineStored));
    stored_tb = INLINE_FIELD(stored, InlineStored, tb);
    stored_insn = INLINE_FIELD(stored, InlineStored, insn);
    stored_mem = INLINE_FIELD(stored, InlineStored, mem);

    qemu_plugin_register_vcpu_tb_trans_cb(id, inline_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, inline_exit, NULL);
    return 0;
}
