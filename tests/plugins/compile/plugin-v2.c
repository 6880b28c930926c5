// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * plugin-v2.c: a version-2 plugin (QEMU 9.0) calling all 51 functions of
 * that API. Compiled, never run. New in 2: glib from the header, scoreboards
 * and per-vCPU inline ops, num_vcpus, register reads returning int; the
 * raw-pointer inline ops and n_vcpus are gone; insn_data still returns a
 * pointer.
 */
#include <qemu-plugin.h>
#include <string.h>

#include "check.h"

#if QEMU_PLUGIN_VERSION != 2
#error "QEMU_PLUGIN_API_VERSION=2 must give QEMU_PLUGIN_VERSION 2"
#endif

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

CHECK_COMMON_LAYOUT();
STATIC_CHECK(sizeof(qemu_plugin_u64) == 16);
STATIC_CHECK(sizeof(qemu_plugin_reg_descriptor) == 24);

typedef struct {
    uint64_t insns;
    uint64_t mems;
} Counts;

static struct qemu_plugin_scoreboard *counts;
static struct qemu_plugin_scoreboard *blocks;   /* one uint64_t per vCPU */
static qemu_plugin_u64 insns, mems, tbs;
static GArray *regs;                    /* of qemu_plugin_reg_descriptor */

static void vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    GByteArray *buf = g_byte_array_new();

    regs = qemu_plugin_get_registers();
    for (guint i = 0; i < regs->len; i++) {
        qemu_plugin_reg_descriptor *rd =
            &g_array_index(regs, qemu_plugin_reg_descriptor, i);
        g_byte_array_set_size(buf, 0);
        if (qemu_plugin_read_register(rd->handle, buf) < 0) {
            qemu_plugin_outs(rd->name);
        }
    }
    g_byte_array_free(buf, TRUE);
}

static void vcpu_mem(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                     uint64_t vaddr, void *userdata)
{
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);
    Counts *c = (Counts *)qemu_plugin_scoreboard_find(counts, vcpu_index);

    c->mems += qemu_plugin_mem_size_shift(info) +
               qemu_plugin_mem_is_sign_extended(info) +
               qemu_plugin_mem_is_big_endian(info) +
               qemu_plugin_mem_is_store(info);
    if (qemu_plugin_hwaddr_is_io(hw) && qemu_plugin_hwaddr_phys_addr(hw)) {
        qemu_plugin_outs(qemu_plugin_hwaddr_device_name(hw));
    }
}

static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    qemu_plugin_u64_add(insns, vcpu_index, 1);
    if (qemu_plugin_u64_get(insns, vcpu_index) > qemu_plugin_end_code()) {
        qemu_plugin_u64_set(insns, vcpu_index, qemu_plugin_start_code());
    }
}

static void tb_exec(unsigned int vcpu_index, void *userdata)
{
    if (qemu_plugin_entry_code() == (uint64_t)(uintptr_t)userdata) {
        qemu_plugin_outs("entry block\n");
    }
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                         (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
        tb, QEMU_PLUGIN_INLINE_ADD_U64, tbs, 1);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint32_t opcode = 0;
        char *disas = qemu_plugin_insn_disas(insn);

        memcpy(&opcode, qemu_plugin_insn_data(insn), qemu_plugin_insn_size(insn));
        if (qemu_plugin_insn_symbol(insn) && opcode && qemu_plugin_insn_haddr(insn)) {
            qemu_plugin_outs(disas);
        }
        g_free(disas);
        qemu_plugin_register_vcpu_insn_exec_cb(
            insn, insn_exec, QEMU_PLUGIN_CB_R_REGS,
            (void *)(uintptr_t)qemu_plugin_insn_vaddr(insn));
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, insns, n);
        qemu_plugin_register_vcpu_mem_cb(insn, vcpu_mem, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(
            insn, QEMU_PLUGIN_MEM_W, QEMU_PLUGIN_INLINE_ADD_U64, mems, 1);
    }
}

static void vcpu_syscall(qemu_plugin_id_t id, unsigned int vcpu_index,
                         int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                         uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7,
                         uint64_t a8)
{
    if (num == 93) {
        qemu_plugin_reset(id, NULL);
    }
}

static void vcpu_syscall_ret(qemu_plugin_id_t id, unsigned int vcpu_idx,
                             int64_t num, int64_t ret)
{
    if (ret < 0) {
        qemu_plugin_uninstall(id, NULL);
    }
}

static void vcpu_simple(qemu_plugin_id_t id, unsigned int vcpu_index)
{
}

static void flush(qemu_plugin_id_t id)
{
    qemu_plugin_vcpu_for_each(id, vcpu_simple);
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
    const char *path = qemu_plugin_path_to_binary();
    g_autofree gchar *out = g_strdup_printf(
        "%s: %d vcpus, %" PRIu64 " tbs, %" PRIu64 " insns, %" PRIu64 " mems\n",
        path ? path : "?", qemu_plugin_num_vcpus(), qemu_plugin_u64_sum(tbs),
        qemu_plugin_u64_sum(insns), qemu_plugin_u64_sum(mems));

    qemu_plugin_outs(out);
    g_free((void *)path);
    qemu_plugin_scoreboard_free(counts);
    qemu_plugin_scoreboard_free(blocks);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    bool verbose = false;

    if (argc > 0 && !qemu_plugin_bool_parse("verbose", argv[0], &verbose)) {
        return -1;
    }
    counts = qemu_plugin_scoreboard_new(sizeof(Counts));
    insns = qemu_plugin_scoreboard_u64_in_struct(counts, Counts, insns);
    mems = qemu_plugin_scoreboard_u64_in_struct(counts, Counts, mems);
    blocks = qemu_plugin_scoreboard_new(sizeof(uint64_t));
    tbs = qemu_plugin_scoreboard_u64(blocks);
    qemu_plugin_register_vcpu_init_cb(id, vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_idle_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_resume_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_vcpu_syscall_cb(id, vcpu_syscall);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, vcpu_syscall_ret);
    qemu_plugin_register_flush_cb(id, flush);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
