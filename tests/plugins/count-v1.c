// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * count-v1.c: a version-1 plugin (QEMU 7.2's API) that counts what a guest
 * does, for the comparison of arm-uemu with Debian's qemu-aarch64 7.2:
 *
 *     qemu-aarch64 -d plugin -cpu cortex-a57 -plugin ./libcount-v1.so prog
 *     arm-uemu     -d plugin -cpu cortex-a57 -plugin ./libcount-v1.so prog
 *
 * must print the same lines. Blocks, instructions and memory accesses are
 * counted twice, by callbacks and by (version-1, raw-pointer) inline ops;
 * syscalls by the entry and return callbacks, syscall numbers summed too.
 * Built with -DQEMU_PLUGIN_API_VERSION=1; single-threaded guests only.
 */
#include <qemu-plugin.h>
#include <glib.h>
#include <inttypes.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static uint64_t blocks, insns, loads, stores;               /* callbacks */
static uint64_t blocks_inline, insns_inline, mem_inline;     /* inline ops */
static uint64_t syscalls, syscall_nr_sum, syscall_rets, syscall_errors;

static void tb_exec(unsigned int vcpu_index, void *userdata)
{
    blocks++;
}

static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    insns++;
}

static void mem_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                       uint64_t vaddr, void *userdata)
{
    if (qemu_plugin_mem_is_store(info)) {
        stores++;
    } else {
        loads++;
    }
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                         NULL);
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64,
                                             &blocks_inline, 1);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

        qemu_plugin_register_vcpu_insn_exec_cb(insn, insn_exec,
                                               QEMU_PLUGIN_CB_NO_REGS, NULL);
        qemu_plugin_register_vcpu_insn_exec_inline(
            insn, QEMU_PLUGIN_INLINE_ADD_U64, &insns_inline, 1);
        qemu_plugin_register_vcpu_mem_cb(insn, mem_access,
                                         QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, NULL);
        qemu_plugin_register_vcpu_mem_inline(insn, QEMU_PLUGIN_MEM_RW,
                                             QEMU_PLUGIN_INLINE_ADD_U64,
                                             &mem_inline, 1);
    }
}

static void syscall_entry(qemu_plugin_id_t id, unsigned int vcpu_index,
                          int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                          uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7,
                          uint64_t a8)
{
    syscalls++;
    syscall_nr_sum += (uint64_t)num;
}

static void syscall_return(qemu_plugin_id_t id, unsigned int vcpu_idx,
                           int64_t num, int64_t ret)
{
    syscall_rets++;
    syscall_errors += ret < 0;
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
    g_autofree char *s = g_strdup_printf(
        "blocks: %" PRIu64 " (inline %" PRIu64 ")\n"
        "insns: %" PRIu64 " (inline %" PRIu64 ")\n"
        "mem: %" PRIu64 " loads, %" PRIu64 " stores (inline %" PRIu64 ")\n"
        "syscalls: %" PRIu64 " (numbers sum %" PRIu64 "), returns %" PRIu64
        " (errors %" PRIu64 ")\n",
        blocks, blocks_inline, insns, insns_inline, loads, stores,
        mem_inline, syscalls, syscall_nr_sum, syscall_rets, syscall_errors);

    qemu_plugin_outs(s);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_vcpu_syscall_cb(id, syscall_entry);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, syscall_return);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
