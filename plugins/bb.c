// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bb.c: count executed blocks and instructions, per vCPU.
 *
 *     arm-uemu -d plugin -plugin libbb.so[,inline=on][,idle=on] ./a.out
 *
 * Each translated block gets either one callback (default) or two inline
 * additions (inline=on) that add 1 to the vCPU's block count and the block's
 * length to its instruction count. At exit, QEMU's format (10.x and later):
 *
 *     CPU0: bb's: 7250, insns: 27804        one line per vCPU that ran a block
 *     Total: bb's: 7250, insns: 27804
 *
 * idle=on also reports a vCPU's running totals ("Idling CPU0: ...") when it
 * goes idle, which only happens in system emulation: in arm-uemu it prints
 * nothing more. A "block" is a translation block, so the block count depends
 * on where the translator ends blocks; the instruction count does not.
 */
#include <inttypes.h>
#include <stdio.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* One scoreboard entry per vCPU; both fields are also inline-op targets. */
typedef struct {
    uint64_t blocks;
    uint64_t insns;
} BbCount;

static struct qemu_plugin_scoreboard *counts;
static qemu_plugin_u64 block_count;
static qemu_plugin_u64 insn_count;
static bool use_inline;
static bool report_idle;

/* Append "CPUn: bb's: B, insns: I" for a vCPU that ran at least one block. */
static void bb_report_vcpu(GString *out, unsigned int vcpu)
{
    const BbCount *c = qemu_plugin_scoreboard_find(counts, vcpu);

    if (c->blocks) {
        g_string_append_printf(out, "CPU%u: bb's: %" PRIu64 ", insns: %" PRIu64
                               "\n", vcpu, c->blocks, c->insns);
    }
}

static void bb_vcpu_idle(unsigned int vcpu_index, void *userdata)
{
    g_autoptr(GString) out = g_string_new(NULL);

    bb_report_vcpu(out, vcpu_index);
    if (out->len) {
        g_string_prepend(out, "Idling ");
        qemu_plugin_outs(out->str);
    }
}

static void bb_exec(unsigned int vcpu_index, void *userdata)
{
    BbCount *c = qemu_plugin_scoreboard_find(counts, vcpu_index);

    c->blocks++;
    c->insns += (uintptr_t)userdata;
}

static void bb_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    if (use_inline) {
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
            tb, QEMU_PLUGIN_INLINE_ADD_U64, block_count, 1);
        qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
            tb, QEMU_PLUGIN_INLINE_ADD_U64, insn_count, n);
    } else {
        qemu_plugin_register_vcpu_tb_exec_cb(tb, bb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                             (void *)(uintptr_t)n);
    }
}

static void bb_exit(void *userdata)
{
    g_autoptr(GString) out = g_string_new(NULL);

    for (int i = 0; i < qemu_plugin_num_vcpus(); i++) {
        bb_report_vcpu(out, i);
    }
    g_string_append_printf(out, "Total: bb's: %" PRIu64 ", insns: %" PRIu64 "\n",
                           qemu_plugin_u64_sum(block_count),
                           qemu_plugin_u64_sum(insn_count));
    qemu_plugin_outs(out->str);
    qemu_plugin_scoreboard_free(counts);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool *flag = NULL;

        if (!g_strcmp0(kv[0], "inline")) {
            flag = &use_inline;
        } else if (!g_strcmp0(kv[0], "idle")) {
            flag = &report_idle;
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
        if (!qemu_plugin_bool_parse(kv[0], kv[1], flag)) {
            fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
            return -1;
        }
    }

    counts = qemu_plugin_scoreboard_new(sizeof(BbCount));
    block_count = qemu_plugin_scoreboard_u64_in_struct(counts, BbCount, blocks);
    insn_count = qemu_plugin_scoreboard_u64_in_struct(counts, BbCount, insns);

    if (report_idle) {
        qemu_plugin_register_vcpu_idle_cb(id, bb_vcpu_idle, NULL);
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, bb_tb_trans, NULL);
    qemu_plugin_register_atexit_cb(id, bb_exit, NULL);
    return 0;
}
