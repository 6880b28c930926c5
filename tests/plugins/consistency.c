// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * consistency.c: the same events counted three ways must agree.
 *
 * For blocks, instructions and memory accesses, per vCPU, in a scoreboard:
 * a callback counter, an inline ADD counter, and a conditional callback
 * that fires each time an inline "track" counter reaches N (it adds N to
 * its own counter and resets track), so at exit
 *
 *     callback == inline == conditional + track
 *
 * Each block also runs one conditional callback per condition (NEVER ..
 * GE) against the block counter and 100, whose hit counts follow from the
 * total; and an inline STORE of the instruction's address, registered
 * before a callback, must be visible to it (QEMU's order within a point is
 * registration order). Prints "consistency: OK ..." or the mismatches,
 * after "consistency: vcpu_init N": one per guest thread that started.
 */
#include <qemu-plugin.h>
#include <inttypes.h>
#include <stdio.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define N 7                         /* conditional period */

typedef struct {
    uint64_t cb, inl, track, cond;
} Triple;

typedef struct {
    Triple tb, insn, mem;
    uint64_t stored, store_mismatch;
    uint64_t by_cond[8];            /* hits of each condition vs tb.inl */
} Counts;

static struct qemu_plugin_scoreboard *score;
static uint64_t vcpu_inits;             /* atomic: threads start concurrently */

#define U64(field) qemu_plugin_scoreboard_u64_in_struct(score, Counts, field)

static Counts *mine(unsigned int vcpu)
{
    return qemu_plugin_scoreboard_find(score, vcpu);
}

static void vcpu_init(unsigned int vcpu, void *u)
{
    __atomic_fetch_add(&vcpu_inits, 1, __ATOMIC_RELAXED);
}

static void tb_cb(unsigned int vcpu, void *u)   { mine(vcpu)->tb.cb++; }
static void insn_cb(unsigned int vcpu, void *u) { mine(vcpu)->insn.cb++; }

static void mem_cb(unsigned int vcpu, qemu_plugin_meminfo_t info,
                   uint64_t vaddr, void *u)
{
    mine(vcpu)->mem.cb++;
}

/* Fires when track reaches N: userdata says which triple. */
static void cond_cb(unsigned int vcpu, void *u)
{
    Triple *t = (Triple *)((char *)mine(vcpu) + (uintptr_t)u);

    t->cond += N;
    t->track = 0;
}

static void which_cond(unsigned int vcpu, void *u)
{
    mine(vcpu)->by_cond[(uintptr_t)u]++;
}

static void check_store(unsigned int vcpu, void *u)
{
    Counts *c = mine(vcpu);

    c->store_mismatch += c->stored != (uint64_t)(uintptr_t)u;
}

/* The three counters of one triple at one point. */
#define COUNT3(point, obj, t, cb)                                          \
    do {                                                                   \
        qemu_plugin_register_vcpu_##point##_exec_cb(obj, cb,               \
            QEMU_PLUGIN_CB_NO_REGS, NULL);                                 \
        qemu_plugin_register_vcpu_##point##_exec_inline_per_vcpu(obj,      \
            QEMU_PLUGIN_INLINE_ADD_U64, U64(t.inl), 1);                    \
        qemu_plugin_register_vcpu_##point##_exec_inline_per_vcpu(obj,      \
            QEMU_PLUGIN_INLINE_ADD_U64, U64(t.track), 1);                  \
        qemu_plugin_register_vcpu_##point##_exec_cond_cb(obj, cond_cb,     \
            QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_EQ, U64(t.track), N,  \
            (void *)offsetof(Counts, t));                                  \
    } while (0)

static void tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    COUNT3(tb, tb, tb, tb_cb);
    for (uintptr_t c = QEMU_PLUGIN_COND_NEVER; c <= QEMU_PLUGIN_COND_GE; c++) {
        qemu_plugin_register_vcpu_tb_exec_cond_cb(tb, which_cond,
            QEMU_PLUGIN_CB_NO_REGS, (enum qemu_plugin_cond)c, U64(tb.inl),
            100, (void *)c);
    }
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t va = qemu_plugin_insn_vaddr(insn);

        COUNT3(insn, insn, insn, insn_cb);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(insn,
            QEMU_PLUGIN_INLINE_STORE_U64, U64(stored), va);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, check_store,
            QEMU_PLUGIN_CB_NO_REGS, (void *)(uintptr_t)va);
        qemu_plugin_register_vcpu_mem_cb(insn, mem_cb, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(insn, QEMU_PLUGIN_MEM_RW,
            QEMU_PLUGIN_INLINE_ADD_U64, U64(mem.inl), 1);
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(insn, QEMU_PLUGIN_MEM_RW,
            QEMU_PLUGIN_INLINE_ADD_U64, U64(mem.track), 1);
    }
}

/* Memory has no conditional callbacks: its "cond" is track // N by hand. */
static bool triple_ok(const Triple *t, bool has_cond)
{
    uint64_t cond = has_cond ? t->cond + t->track : t->track;

    return t->cb == t->inl && t->inl == cond && t->cb > 0;
}

static void at_exit(void *userdata)
{
    unsigned bad = 0;
    char line[256];
    uint64_t tb_total = 0, insn_total = 0, mem_total = 0;

    for (int v = 0; v < qemu_plugin_num_vcpus(); v++) {
        Counts *c = mine(v);
        uint64_t t = c->tb.inl;
        /* hits of cond(x, 100) over x = 1..t */
        uint64_t want[8] = {
            0, t, t >= 100, t - (t >= 100), MIN(t, 99), MIN(t, 100),
            t > 100 ? t - 100 : 0, t >= 100 ? t - 99 : 0,
        };

        bad += !triple_ok(&c->tb, true) + !triple_ok(&c->insn, true) +
               !triple_ok(&c->mem, false) + (c->store_mismatch != 0);
        for (int k = 0; k < 8; k++) {
            bad += c->by_cond[k] != want[k];
        }
        snprintf(line, sizeof(line),
                 "consistency: cpu %d: tb %" PRIu64 "/%" PRIu64 "/%" PRIu64
                 "+%" PRIu64 " insn %" PRIu64 "/%" PRIu64 "/%" PRIu64 "+%"
                 PRIu64 " mem %" PRIu64 "/%" PRIu64 "/%" PRIu64
                 " store mismatches %" PRIu64 "\n", v, c->tb.cb, c->tb.inl,
                 c->tb.cond, c->tb.track, c->insn.cb, c->insn.inl,
                 c->insn.cond, c->insn.track, c->mem.cb, c->mem.inl,
                 c->mem.track, c->store_mismatch);
        qemu_plugin_outs(line);
        tb_total += c->tb.cb;
        insn_total += c->insn.cb;
        mem_total += c->mem.cb;
    }
    snprintf(line, sizeof(line), "consistency: vcpu_init %" PRIu64 "\n",
             __atomic_load_n(&vcpu_inits, __ATOMIC_RELAXED));
    qemu_plugin_outs(line);
    snprintf(line, sizeof(line), "consistency: %s: tb %" PRIu64 ", insn %"
             PRIu64 ", mem %" PRIu64 "\n", bad ? "FAILED" : "OK", tb_total,
             insn_total, mem_total);
    qemu_plugin_outs(line);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    score = qemu_plugin_scoreboard_new(sizeof(Counts));
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans, NULL);
    qemu_plugin_register_vcpu_init_cb(id, vcpu_init, NULL);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
