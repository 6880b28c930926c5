// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * steer.c: plugins that change what the guest does (versions 6 and 7).
 *
 *   qemu72=on      a syscall filter answering set_robust_list with -ENOSYS,
 *                  as QEMU 7.2 does (arm-uemu implements it; glibc then takes
 *                  other paths): lets counts be compared with qemu-aarch64.
 *   quiet=on       a syscall filter that takes over write(1, ...): the guest
 *                  is told everything was written, nothing is.
 *   exit=N         at the first instruction (_start), a callback registered
 *                  with QEMU_PLUGIN_CB_RW_REGS_PC sets x8 = exit_group and
 *                  x0 = N, then qemu_plugin_set_pc() to an "svc #0" found in
 *                  the code: the guest exits with N before running anything.
 *   divert=N       the filter, at the first write(), sets x8 = exit_group,
 *                  x0 = N and moves the pc back onto the svc: the guest
 *                  exits with N instead of writing.
 */
#include <qemu-plugin.h>
#include <stdlib.h>
#include <string.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define NR_WRITE            64
#define NR_EXIT_GROUP       94
#define NR_SET_ROBUST_LIST  99
#define ENOSYS              38
#define SVC_0               0xd4000001u

static bool qemu72, quiet;
static long exit_code = -1, divert_code = -1;

static void set_reg(const char *name, uint64_t v);
static uint64_t get_reg(const char *name);

#if QEMU_PLUGIN_VERSION == 6
static bool filter(qemu_plugin_id_t id, unsigned int vcpu_index, int64_t num,
                   uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                   uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8,
                   uint64_t *sysret)
#else
static bool filter(unsigned int vcpu_index, int64_t num, uint64_t a1,
                   uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                   uint64_t a6, uint64_t a7, uint64_t a8, int64_t *sysret,
                   void *userdata)
#endif
{
    if (qemu72 && num == NR_SET_ROBUST_LIST) {
        *sysret = -ENOSYS;
        return true;
    }
    if (quiet && num == NR_WRITE && a1 == 1) {
        *sysret = a3;
        return true;
    }
    if (divert_code >= 0 && num == NR_WRITE) {
        set_reg("x8", NR_EXIT_GROUP);
        set_reg("x0", (uint64_t)divert_code);
        qemu_plugin_set_pc(get_reg("pc") - 4);      /* the svc again */
    }
    return false;
}

static struct qemu_plugin_register *find_reg(const char *name)
{
    GArray *regs = qemu_plugin_get_registers();
    struct qemu_plugin_register *h = NULL;

    for (guint i = 0; i < regs->len; i++) {
        qemu_plugin_reg_descriptor *d =
            &g_array_index(regs, qemu_plugin_reg_descriptor, i);
        if (!strcmp(d->name, name)) {
            h = d->handle;
        }
    }
    g_array_free(regs, TRUE);
    return h;
}

static void set_reg(const char *name, uint64_t v)
{
    GByteArray *buf = g_byte_array_new();

    g_byte_array_append(buf, (const guint8 *)&v, sizeof(v));
    if (!qemu_plugin_write_register(find_reg(name), buf)) {
        qemu_plugin_outs("steer: write_register failed\n");
    }
    g_byte_array_free(buf, TRUE);
}

static uint64_t get_reg(const char *name)
{
    GByteArray *buf = g_byte_array_new();
    uint64_t v = 0;

    if (!qemu_plugin_read_register(find_reg(name), buf) || buf->len != 8) {
        qemu_plugin_outs("steer: read_register failed\n");
    }
    memcpy(&v, buf->data, MIN(buf->len, sizeof(v)));
    g_byte_array_free(buf, TRUE);
    return v;
}

/* The first "svc #0" in the main program's code. */
static uint64_t find_svc(void)
{
    GByteArray *buf = g_byte_array_new();
    uint64_t found = 0;

    for (uint64_t a = qemu_plugin_start_code(); a + 4 <= qemu_plugin_end_code();
         a += 4) {
        uint32_t w;

        if (!qemu_plugin_read_memory_vaddr(a, buf, 4)) {
            continue;
        }
        memcpy(&w, buf->data, 4);
        if (w == SVC_0) {
            found = a;
            break;
        }
    }
    g_byte_array_free(buf, TRUE);
    return found;
}

static void at_start(unsigned int vcpu_index, void *userdata)
{
    uint64_t svc = find_svc();

    if (!svc) {
        qemu_plugin_outs("steer: no svc found\n");
        return;
    }
    set_reg("x8", NR_EXIT_GROUP);
    set_reg("x0", (uint64_t)exit_code);
    qemu_plugin_set_pc(svc);
}

#if QEMU_PLUGIN_VERSION == 6
static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#else
static void tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#endif
{
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, 0);

    if (exit_code >= 0 && qemu_plugin_insn_vaddr(insn) == qemu_plugin_entry_code()) {
        qemu_plugin_register_vcpu_insn_exec_cb(insn, at_start,
                                               QEMU_PLUGIN_CB_RW_REGS_PC, NULL);
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "qemu72=on")) {
            qemu72 = true;
        } else if (!strcmp(argv[i], "quiet=on")) {
            quiet = true;
        } else if (!strncmp(argv[i], "exit=", 5)) {
            exit_code = strtol(argv[i] + 5, NULL, 0);
        } else if (!strncmp(argv[i], "divert=", 7)) {
            divert_code = strtol(argv[i] + 7, NULL, 0);
        }
    }
#if QEMU_PLUGIN_VERSION == 6
    qemu_plugin_register_vcpu_syscall_filter_cb(id, filter);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
#else
    qemu_plugin_register_vcpu_syscall_filter_cb(id, filter, NULL);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans, NULL);
#endif
    return 0;
}
