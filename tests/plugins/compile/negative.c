// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * negative.c: plugins that must NOT compile against qemu-plugin.h.
 *
 * Each case below is compiled alone (run.py --case NAME defines NEG_NAME,
 * with the case's QEMU_PLUGIN_API_VERSION) and must fail with an error that
 * names the identifier given in tests/plugins/meson.build; with no case the
 * file compiles cleanly in every dialect, so a failure is the case's own. Together they
 * show that a dialect hides what its version did not have: functions added
 * later, functions removed earlier, and the other versions' signatures.
 * Every case is valid code in some other dialect (see plugin-v*.c).
 */
#include <qemu-plugin.h>
#include <glib.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* Cases that call something from inside an execution callback. */
static void exec_cases(void)
{
#if defined(NEG_V1_CALLS_NUM_VCPUS)         /* added in version 2 */
    qemu_plugin_outs(qemu_plugin_num_vcpus() ? "" : "none");
#elif defined(NEG_V1_SCOREBOARD)            /* added in version 2 */
    qemu_plugin_scoreboard_free(qemu_plugin_scoreboard_new(8));
#elif defined(NEG_V2_CALLS_N_VCPUS)         /* removed in version 2 */
    qemu_plugin_outs(qemu_plugin_n_vcpus() ? "" : "none");
#elif defined(NEG_V2_TIME_CONTROL)          /* added in version 3 */
    qemu_plugin_update_ns(qemu_plugin_request_time_control(), 0);
#elif defined(NEG_V3_READ_MEMORY)           /* added in version 4 */
    qemu_plugin_read_memory_vaddr(0, NULL, 4);
#elif defined(NEG_V4_WRITE_MEMORY)          /* added in version 5 */
    qemu_plugin_write_memory_vaddr(0, NULL);
#elif defined(NEG_V4_WRITE_REGISTER)        /* added in version 5 */
    qemu_plugin_write_register(NULL, NULL);
#elif defined(NEG_V5_SET_PC)                /* added in version 6 */
    qemu_plugin_set_pc(0);
#elif defined(NEG_V5_IS_READONLY)           /* added in version 6 */
    GArray *regs = qemu_plugin_get_registers();
    qemu_plugin_outs(g_array_index(regs, qemu_plugin_reg_descriptor, 0).is_readonly
                     ? "ro" : "rw");
#elif defined(NEG_V7_CALLS_N_MAX_VCPUS)     /* removed in version 2 */
    qemu_plugin_outs(qemu_plugin_n_max_vcpus() ? "" : "none");
#endif
}

static void insn_exec(unsigned int vcpu_index, void *userdata)
{
    exec_cases();
}

/* Cases that use the translation-time handles. */
#if QEMU_PLUGIN_VERSION <= 6
static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#else
static void tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#endif
{
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, 0);
    uint32_t opcode = 0;

#if defined(NEG_V2_INSN_DATA_COPY)          /* the version-3 form */
    qemu_plugin_insn_data(insn, &opcode, sizeof(opcode));
#elif defined(NEG_V3_INSN_DATA_POINTER)     /* the version-1/2 form */
    opcode = *(const uint32_t *)qemu_plugin_insn_data(insn);
#elif defined(NEG_V2_RAW_INLINE)            /* removed in version 2 */
    static uint64_t count;
    qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
                                               &count, 1);
#elif defined(NEG_V2_STORE_U64)             /* added in version 3 */
    qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
        insn, QEMU_PLUGIN_INLINE_STORE_U64,
        qemu_plugin_scoreboard_u64(qemu_plugin_scoreboard_new(8)), 1);
#endif
    qemu_plugin_register_vcpu_insn_exec_cb(insn, insn_exec,
                                           QEMU_PLUGIN_CB_NO_REGS,
                                           (void *)(uintptr_t)opcode);
}

/* Cases that register static callbacks. */
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
#if defined(NEG_V4_DISCON)                  /* added in version 5 (10.2) */
    qemu_plugin_register_vcpu_discon_cb(id, QEMU_PLUGIN_DISCON_ALL, NULL);
#elif defined(NEG_V5_RW_REGS_PC)            /* added in version 6 */
    return QEMU_PLUGIN_CB_RW_REGS_PC;
#elif defined(NEG_V5_SYSCALL_FILTER)        /* added in version 6 */
    qemu_plugin_register_vcpu_syscall_filter_cb(id, NULL);
#elif defined(NEG_V6_USERDATA)              /* the version-7 form */
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans, NULL);
#elif defined(NEG_V7_NO_USERDATA)           /* the version-1..6 form */
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
#elif defined(NEG_V7_ID_CALLBACK)           /* callbacks lost their id in 7 */
    void (*old_init)(qemu_plugin_id_t, unsigned int) = NULL;
    qemu_plugin_register_vcpu_init_cb(id, old_init, NULL);
#elif defined(NEG_V7_ATEXIT_ID)             /* udata_cb_t lost its id in 7 */
    void (*old_atexit)(qemu_plugin_id_t, void *) = NULL;
    qemu_plugin_register_atexit_cb(id, old_atexit, NULL);
#elif defined(NEG_V7_SIMPLE_CB_TYPE)        /* removed in version 7 */
    qemu_plugin_simple_cb_t cb = NULL;
    qemu_plugin_uninstall(id, cb, NULL);
#endif
#if QEMU_PLUGIN_VERSION <= 6
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans, NULL);
#endif
    return 0;
}
