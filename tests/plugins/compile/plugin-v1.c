// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * plugin-v1.c: a version-1 plugin (QEMU 6.0 .. 8.2) calling all 43 functions
 * of that API. Compiled, never run, with -DQEMU_PLUGIN_API_VERSION=1: it
 * must build warning-free in C and C++. Version 1 has id-carrying "simple"
 * callbacks, raw-pointer inline ops, n_vcpus, and insn_data returning a
 * pointer; it has no glib in the header, so this file includes it itself.
 */
#include <qemu-plugin.h>
#include <glib.h>
#include <string.h>

#include "check.h"

#if QEMU_PLUGIN_VERSION != 1
#error "QEMU_PLUGIN_API_VERSION=1 must give QEMU_PLUGIN_VERSION 1"
#endif

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

CHECK_COMMON_LAYOUT();

static uint64_t insn_count;             /* raw-pointer inline target */
static uint64_t mem_count;

static void vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    char buf[64];

    g_snprintf(buf, sizeof(buf), "init %u of %d/%d\n", vcpu_index,
               qemu_plugin_n_vcpus(), qemu_plugin_n_max_vcpus());
    qemu_plugin_outs(buf);
}

static void vcpu_mem(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                     uint64_t vaddr, void *userdata)
{
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);
    unsigned int shift = qemu_plugin_mem_size_shift(info);
    bool sext = qemu_plugin_mem_is_sign_extended(info);
    bool be = qemu_plugin_mem_is_big_endian(info);
    bool store = qemu_plugin_mem_is_store(info);

    if (hw && qemu_plugin_hwaddr_is_io(hw)) {
        qemu_plugin_outs(qemu_plugin_hwaddr_device_name(hw));
    }
    mem_count += (uint64_t)shift + sext + be + store +
                 qemu_plugin_hwaddr_phys_addr(hw);
}

static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    if (qemu_plugin_start_code() <= (uint64_t)(uintptr_t)userdata &&
        (uint64_t)(uintptr_t)userdata < qemu_plugin_end_code()) {
        insn_count++;
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
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64,
                                             &insn_count, n);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        const void *bytes = qemu_plugin_insn_data(insn);
        uint32_t opcode = 0;
        char *disas = qemu_plugin_insn_disas(insn);
        const char *sym = qemu_plugin_insn_symbol(insn);

        memcpy(&opcode, bytes, qemu_plugin_insn_size(insn));
        if (sym && opcode && qemu_plugin_insn_haddr(insn)) {
            qemu_plugin_outs(disas);
        }
        g_free(disas);
        qemu_plugin_register_vcpu_insn_exec_cb(
            insn, insn_exec, QEMU_PLUGIN_CB_R_REGS,
            (void *)(uintptr_t)qemu_plugin_insn_vaddr(insn));
        qemu_plugin_register_vcpu_insn_exec_inline(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, &insn_count, 1);
        qemu_plugin_register_vcpu_mem_cb(insn, vcpu_mem, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
        qemu_plugin_register_vcpu_mem_inline(insn, QEMU_PLUGIN_MEM_W,
                                             QEMU_PLUGIN_INLINE_ADD_U64,
                                             &mem_count, 1);
    }
}

static void vcpu_syscall(qemu_plugin_id_t id, unsigned int vcpu_index,
                         int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                         uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7,
                         uint64_t a8)
{
    if (num == 93) {                    /* exit */
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

    qemu_plugin_outs(path ? path : "?");
    g_free((void *)path);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    qemu_plugin_simple_cb_t simple = flush;
    qemu_plugin_udata_cb_t udata = at_exit;
    bool verbose = false;

    for (int i = 0; i < argc; i++) {
        char **kv = g_strsplit(argv[i], "=", 2);
        bool ok = qemu_plugin_bool_parse(kv[0], kv[1], &verbose);
        g_strfreev(kv);
        if (!ok) {
            return -1;
        }
    }
    if (info->system_emulation || info->version.cur < 1) {
        return -1;
    }
    qemu_plugin_register_vcpu_init_cb(id, vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_idle_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_resume_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_vcpu_syscall_cb(id, vcpu_syscall);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, vcpu_syscall_ret);
    qemu_plugin_register_flush_cb(id, simple);
    qemu_plugin_register_atexit_cb(id, udata, NULL);
    return 0;
}
