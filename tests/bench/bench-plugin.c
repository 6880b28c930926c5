// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bench-plugin.c: the instrumentation whose cost run-plugin-bench.py
 * measures, one mode per run (README.md, "Plugin overhead"):
 *
 *   mode=empty    installs and registers nothing (loading cost only)
 *   mode=inline   an inline add per instruction (instruction count)
 *   mode=cb       a callback per instruction, QEMU_PLUGIN_CB_NO_REGS,
 *                 counting instructions
 *   mode=mem      a callback per memory access that records it (address
 *                 and meminfo into a ring of 4096 entries, plus a running
 *                 count), as a memory tracer does before writing out
 *
 * Built twice from this file: with the default API (version 7, for
 * arm-uemu) and with -DQEMU_PLUGIN_API_VERSION=1 (the only version
 * qemu-aarch64 7.2 loads; arm-uemu loads it too). At exit it prints
 * "bench-plugin: MODE N" under -d plugin, N the count, so a run can be
 * checked to have done its work; the timed runs go without -d plugin.
 * Single vCPU only (the benchmark programs have one thread).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

enum { MODE_EMPTY, MODE_INLINE, MODE_CB, MODE_MEM };

typedef struct MemRecord {
    uint64_t vaddr;
    uint32_t info;
} MemRecord;

#define RING 4096

static int mode = MODE_EMPTY;
static uint64_t count;
static MemRecord ring[RING];

#if QEMU_PLUGIN_VERSION >= 2
static struct qemu_plugin_scoreboard *insns;   /* mode=inline */
#endif

static void insn_cb(unsigned int vcpu_index, void *udata)
{
    (void)vcpu_index;
    (void)udata;
    count++;
}

static void mem_cb(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                   uint64_t vaddr, void *udata)
{
    MemRecord *r = &ring[count++ % RING];

    (void)vcpu_index;
    (void)udata;
    r->vaddr = vaddr;
    r->info = info;
}

#if QEMU_PLUGIN_VERSION >= 7
static void tb_trans(struct qemu_plugin_tb *tb, void *udata_)
#else
static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#endif
{
    size_t n = qemu_plugin_tb_n_insns(tb);

#if QEMU_PLUGIN_VERSION >= 7
    (void)udata_;
#else
    (void)id;
#endif
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

        switch (mode) {
        case MODE_INLINE:
            /* The version-1 raw-pointer form; 2+ write a scoreboard, which
             * for one vCPU is the same single add to memory. */
#if QEMU_PLUGIN_VERSION == 1
            qemu_plugin_register_vcpu_insn_exec_inline(
                insn, QEMU_PLUGIN_INLINE_ADD_U64, &count, 1);
#else
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
                insn, QEMU_PLUGIN_INLINE_ADD_U64,
                qemu_plugin_scoreboard_u64(insns), 1);
#endif
            break;
        case MODE_CB:
            qemu_plugin_register_vcpu_insn_exec_cb(insn, insn_cb,
                                                   QEMU_PLUGIN_CB_NO_REGS,
                                                   NULL);
            break;
        case MODE_MEM:
            qemu_plugin_register_vcpu_mem_cb(insn, mem_cb,
                                             QEMU_PLUGIN_CB_NO_REGS,
                                             QEMU_PLUGIN_MEM_RW, NULL);
            break;
        }
    }
}

#if QEMU_PLUGIN_VERSION >= 7
static void at_exit(void *udata_)
#else
static void at_exit(qemu_plugin_id_t id, void *udata_)
#endif
{
    static const char *const names[] = { "empty", "inline", "cb", "mem" };
    char line[64];

#if QEMU_PLUGIN_VERSION < 7
    (void)id;
#endif
    (void)udata_;
#if QEMU_PLUGIN_VERSION >= 2
    if (mode == MODE_INLINE) {
        count = qemu_plugin_u64_sum(qemu_plugin_scoreboard_u64(insns));
    }
#endif
    snprintf(line, sizeof(line), "bench-plugin: %s %" PRIu64 "\n", names[mode],
             count);
    qemu_plugin_outs(line);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "mode=empty")) {
            mode = MODE_EMPTY;
        } else if (!strcmp(argv[i], "mode=inline")) {
            mode = MODE_INLINE;
        } else if (!strcmp(argv[i], "mode=cb")) {
            mode = MODE_CB;
        } else if (!strcmp(argv[i], "mode=mem")) {
            mode = MODE_MEM;
        } else {
            fprintf(stderr, "bench-plugin: unknown argument %s\n", argv[i]);
            return -1;
        }
    }
    if (mode == MODE_EMPTY) {
        return 0;
    }
#if QEMU_PLUGIN_VERSION >= 2
    insns = qemu_plugin_scoreboard_new(sizeof(uint64_t));
#endif
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans, NULL);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
#endif
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
