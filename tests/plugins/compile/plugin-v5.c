// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * plugin-v5.c: a version-5 plugin (QEMU 10.1/10.2) calling all 63 functions
 * of that API. Compiled, never run. New in 5: guest memory and register
 * writes (write_register returns int, like read_register), the
 * physical-address functions, and discontinuity callbacks (10.2).
 */
#include <qemu-plugin.h>

#include "check.h"

#if QEMU_PLUGIN_VERSION != 5
#error "QEMU_PLUGIN_API_VERSION=5 must give QEMU_PLUGIN_VERSION 5"
#endif

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

CHECK_COMMON_LAYOUT();
STATIC_CHECK(sizeof(qemu_plugin_u64) == 16);
STATIC_CHECK(sizeof(qemu_plugin_reg_descriptor) == 24);
STATIC_CHECK(sizeof(qemu_plugin_mem_value) == 24);
STATIC_CHECK(offsetof(qemu_plugin_mem_value, data) == 8);
STATIC_CHECK(offsetof(qemu_plugin_mem_value, data.u128.high) == 16);
STATIC_CHECK(QEMU_PLUGIN_INLINE_STORE_U64 == 1);
STATIC_CHECK(QEMU_PLUGIN_COND_NEVER == 0 && QEMU_PLUGIN_COND_ALWAYS == 1);
STATIC_CHECK(QEMU_PLUGIN_COND_EQ == 2 && QEMU_PLUGIN_COND_NE == 3);
STATIC_CHECK(QEMU_PLUGIN_COND_LT == 4 && QEMU_PLUGIN_COND_LE == 5);
STATIC_CHECK(QEMU_PLUGIN_COND_GT == 6 && QEMU_PLUGIN_COND_GE == 7);
STATIC_CHECK(QEMU_PLUGIN_MEM_VALUE_U8 == 0 && QEMU_PLUGIN_MEM_VALUE_U16 == 1);
STATIC_CHECK(QEMU_PLUGIN_MEM_VALUE_U32 == 2 && QEMU_PLUGIN_MEM_VALUE_U64 == 3);
STATIC_CHECK(QEMU_PLUGIN_MEM_VALUE_U128 == 4);
STATIC_CHECK(QEMU_PLUGIN_HWADDR_OPERATION_OK == 0);
STATIC_CHECK(QEMU_PLUGIN_HWADDR_OPERATION_ERROR == 1);
STATIC_CHECK(QEMU_PLUGIN_HWADDR_OPERATION_DEVICE_ERROR == 2);
STATIC_CHECK(QEMU_PLUGIN_HWADDR_OPERATION_ACCESS_DENIED == 3);
STATIC_CHECK(QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS == 4);
STATIC_CHECK(QEMU_PLUGIN_HWADDR_OPERATION_INVALID_ADDRESS_SPACE == 5);
STATIC_CHECK(QEMU_PLUGIN_DISCON_INTERRUPT == 1 && QEMU_PLUGIN_DISCON_EXCEPTION == 2);
STATIC_CHECK(QEMU_PLUGIN_DISCON_HOSTCALL == 4 && QEMU_PLUGIN_DISCON_ALL == -1);

static struct qemu_plugin_scoreboard *score;
static qemu_plugin_u64 insns, last_seen;
static const void *time_handle;
static struct qemu_plugin_register *x0;

static void vcpu_init(qemu_plugin_id_t id, unsigned int vcpu_index)
{
    g_autoptr(GArray) regs = qemu_plugin_get_registers();
    g_autoptr(GByteArray) buf = g_byte_array_new();

    for (guint i = 0; i < regs->len; i++) {
        qemu_plugin_reg_descriptor *rd =
            &g_array_index(regs, qemu_plugin_reg_descriptor, i);
        if (qemu_plugin_read_register(rd->handle, buf) <= 0) {
            qemu_plugin_outs(rd->feature ? rd->feature : rd->name);
        }
        if (g_str_equal(rd->name, "x0")) {
            x0 = rd->handle;
        }
    }
}

static void vcpu_mem(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                     uint64_t vaddr, void *userdata)
{
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);
    qemu_plugin_mem_value v = qemu_plugin_mem_get_value(info);
    uint64_t *slot = (uint64_t *)qemu_plugin_scoreboard_find(score, vcpu_index);

    switch (v.type) {
    case QEMU_PLUGIN_MEM_VALUE_U8:   *slot += v.data.u8; break;
    case QEMU_PLUGIN_MEM_VALUE_U16:  *slot += v.data.u16; break;
    case QEMU_PLUGIN_MEM_VALUE_U32:  *slot += v.data.u32; break;
    case QEMU_PLUGIN_MEM_VALUE_U64:  *slot += v.data.u64; break;
    case QEMU_PLUGIN_MEM_VALUE_U128: *slot += v.data.u128.low ^ v.data.u128.high; break;
    }
    *slot += qemu_plugin_mem_size_shift(info) +
             qemu_plugin_mem_is_sign_extended(info) +
             qemu_plugin_mem_is_big_endian(info) + qemu_plugin_mem_is_store(info);
    if (qemu_plugin_hwaddr_is_io(hw) && qemu_plugin_hwaddr_phys_addr(hw)) {
        qemu_plugin_outs(qemu_plugin_hwaddr_device_name(hw));
    }
}

static void every_64(unsigned int vcpu_index, void *userdata)
{
    qemu_plugin_u64_set(insns, vcpu_index, 0);
    qemu_plugin_update_ns(time_handle, (int64_t)qemu_plugin_u64_get(last_seen, vcpu_index));
}

static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    g_autoptr(GByteArray) buf = g_byte_array_new();

    qemu_plugin_u64_add(last_seen, vcpu_index, (uint64_t)(uintptr_t)userdata);
    if (x0 && qemu_plugin_read_register(x0, buf) == 8) {
        buf->data[0] ^= 1;
        if (qemu_plugin_write_register(x0, buf) < 0) {
            qemu_plugin_outs("write_register failed\n");
        }
    }
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    qemu_plugin_register_vcpu_tb_exec_inline_per_vcpu(
        tb, QEMU_PLUGIN_INLINE_ADD_U64, insns, n);
    qemu_plugin_register_vcpu_tb_exec_cond_cb(
        tb, every_64, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_GE, insns, 64, NULL);
    qemu_plugin_register_vcpu_tb_exec_cb(tb, every_64, QEMU_PLUGIN_CB_R_REGS,
                                         (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint32_t opcode = 0;
        char *disas = qemu_plugin_insn_disas(insn);

        if (qemu_plugin_insn_data(insn, &opcode, sizeof(opcode)) ==
                qemu_plugin_insn_size(insn) &&
            qemu_plugin_insn_symbol(insn) && qemu_plugin_insn_haddr(insn)) {
            qemu_plugin_outs(disas);
        }
        g_free(disas);
        qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
            insn, QEMU_PLUGIN_INLINE_STORE_U64, last_seen,
            qemu_plugin_insn_vaddr(insn));
        qemu_plugin_register_vcpu_insn_exec_cond_cb(
            insn, insn_exec, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_COND_EQ,
            last_seen, 0, NULL);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, insn_exec,
                                               QEMU_PLUGIN_CB_RW_REGS, NULL);
        qemu_plugin_register_vcpu_mem_cb(insn, vcpu_mem, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_R, NULL);
        qemu_plugin_register_vcpu_mem_inline_per_vcpu(
            insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_ADD_U64, insns, 1);
    }
}

static void vcpu_syscall(qemu_plugin_id_t id, unsigned int vcpu_index,
                         int64_t num, uint64_t a1, uint64_t a2, uint64_t a3,
                         uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7,
                         uint64_t a8)
{
    if (num == 64) {                    /* write(fd, buf, count) */
        g_autoptr(GByteArray) data = g_byte_array_new();
        uint64_t hwaddr = 0;
        if (qemu_plugin_read_memory_vaddr(a2, data, a3) &&
            qemu_plugin_write_memory_vaddr(a2, data)) {
            g_byte_array_append(data, (const guint8 *)"", 1);
            qemu_plugin_outs((const char *)data->data);
        }
        if (qemu_plugin_translate_vaddr(a2, &hwaddr) &&
            qemu_plugin_read_memory_hwaddr(hwaddr, data, a3) ==
                QEMU_PLUGIN_HWADDR_OPERATION_OK &&
            qemu_plugin_write_memory_hwaddr(hwaddr, data) !=
                QEMU_PLUGIN_HWADDR_OPERATION_OK) {
            qemu_plugin_outs("hwaddr write failed\n");
        }
    } else if (num == 93) {
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

static void vcpu_discon(qemu_plugin_id_t id, unsigned int vcpu_index,
                        enum qemu_plugin_discon_type type, uint64_t from_pc,
                        uint64_t to_pc)
{
    if (type == QEMU_PLUGIN_DISCON_EXCEPTION && from_pc == to_pc) {
        qemu_plugin_outs("exception to itself\n");
    }
}

static void flush(qemu_plugin_id_t id)
{
    qemu_plugin_vcpu_for_each(id, vcpu_simple);
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
    const char *path = qemu_plugin_path_to_binary();
    g_autofree gchar *out = g_strdup_printf(
        "%s [%" PRIx64 "..%" PRIx64 ") @%" PRIx64 ": %d vcpus, %" PRIu64 "\n",
        path ? path : "?", qemu_plugin_start_code(), qemu_plugin_end_code(),
        qemu_plugin_entry_code(), qemu_plugin_num_vcpus(),
        qemu_plugin_u64_sum(insns));

    qemu_plugin_outs(out);
    g_free((void *)path);
    qemu_plugin_scoreboard_free(score);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    bool use_time = false;

    if (argc > 0 && !qemu_plugin_bool_parse("time", argv[0], &use_time)) {
        return -1;
    }
    if (use_time) {
        time_handle = qemu_plugin_request_time_control();
    }
    score = qemu_plugin_scoreboard_new(2 * sizeof(uint64_t));
    insns = qemu_plugin_scoreboard_u64(score);
    last_seen.score = score;
    last_seen.offset = sizeof(uint64_t);
    qemu_plugin_register_vcpu_init_cb(id, vcpu_init);
    qemu_plugin_register_vcpu_exit_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_idle_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_resume_cb(id, vcpu_simple);
    qemu_plugin_register_vcpu_discon_cb(id, QEMU_PLUGIN_DISCON_ALL, vcpu_discon);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_vcpu_syscall_cb(id, vcpu_syscall);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, vcpu_syscall_ret);
    qemu_plugin_register_flush_cb(id, flush);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
