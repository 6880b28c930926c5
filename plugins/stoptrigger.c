// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * stoptrigger.c: end the run after a number of instructions, or when an
 * address is reached, with a chosen exit status.
 *
 *     arm-uemu -d plugin -plugin libstoptrigger.so,icount=N[:CODE] ./a.out
 *     arm-uemu -d plugin -plugin libstoptrigger.so,addr=A[:CODE]... ./a.out
 *
 * As QEMU's contrib/plugins/stoptrigger.c (at least one of the two is
 * needed; numbers in C syntax, so 0x... works; CODE defaults to 0):
 *
 *   icount=N[:CODE]  when a vCPU is about to run its (N+1)th instruction,
 *                    print "icount reached at 0xPC, exiting" and exit(CODE)
 *   addr=A[:CODE]    (repeatable) when an instruction at A is about to run,
 *                    print "0xA reached, exiting" and exit(CODE)
 *
 * The instruction count is per vCPU. The exit happens inside the callback,
 * through exit(), so other plugins still get their atexit callbacks and
 * the guest's own atexit handlers do not run.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

/* Per vCPU: instructions started, and the address of the latest one. */
typedef struct {
    uint64_t insns;
    uint64_t pc;
} StopCount;

typedef struct {
    uint64_t addr;
    int code;
} StopAddr;

static struct qemu_plugin_scoreboard *counts;
static qemu_plugin_u64 insn_count;
static qemu_plugin_u64 current_pc;
static bool stop_on_icount;
static uint64_t icount_limit;
static int icount_code;
static GHashTable *stop_addrs;      /* addr -> StopAddr * */

static void stop_now(int code, char *message)
{
    qemu_plugin_outs(message);
    g_free(message);
    exit(code);
}

static void stop_icount_reached(unsigned int vcpu_index, void *userdata)
{
    stop_now(icount_code, g_strdup_printf(
        "icount reached at 0x%" PRIx64 ", exiting\n",
        qemu_plugin_u64_get(current_pc, vcpu_index)));
}

static void stop_addr_reached(unsigned int vcpu_index, void *userdata)
{
    const StopAddr *sa = userdata;

    stop_now(sa->code, g_strdup_printf("0x%" PRIx64 " reached, exiting\n",
                                       sa->addr));
}

/*
 * For icount: two inline ops (count, remember the pc) and a conditional
 * callback that fires when the count passes the limit, so the common path
 * makes no call at all.
 */
static void stop_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t vaddr = qemu_plugin_insn_vaddr(insn);
        StopAddr *sa;

        if (stop_on_icount) {
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
                insn, QEMU_PLUGIN_INLINE_ADD_U64, insn_count, 1);
            qemu_plugin_register_vcpu_insn_exec_inline_per_vcpu(
                insn, QEMU_PLUGIN_INLINE_STORE_U64, current_pc, vaddr);
            qemu_plugin_register_vcpu_insn_exec_cond_cb(
                insn, stop_icount_reached, QEMU_PLUGIN_CB_NO_REGS,
                QEMU_PLUGIN_COND_EQ, insn_count, icount_limit + 1, NULL);
        }
        sa = g_hash_table_lookup(stop_addrs, &vaddr);
        if (sa) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, stop_addr_reached,
                                                   QEMU_PLUGIN_CB_NO_REGS, sa);
        }
    }
}

/* "N" or "N:CODE" (C number syntax); false if N is not a number. */
static bool stop_parse(const char *arg, uint64_t *value, int *code)
{
    g_auto(GStrv) parts = g_strsplit(arg ? arg : "", ":", 2);
    char *end;

    *value = g_ascii_strtoull(parts[0], &end, 0);
    if (end == parts[0] || *end) {
        return false;
    }
    *code = parts[1] ? (int)g_ascii_strtoll(parts[1], NULL, 0) : 0;
    return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    stop_addrs = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL, g_free);

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);

        if (!g_strcmp0(kv[0], "icount")) {
            g_auto(GStrv) n = g_strsplit(kv[1] ? kv[1] : "", ":", 2);

            if (!stop_parse(kv[1], &icount_limit, &icount_code) ||
                icount_limit < 1 || strchr(n[0], '-')) {
                fprintf(stderr, "icount parsing failed: '%s' must be a "
                        "positive integer\n", n[0]);
                return -1;
            }
            stop_on_icount = true;
        } else if (!g_strcmp0(kv[0], "addr")) {
            StopAddr *sa = g_new0(StopAddr, 1);

            stop_parse(kv[1], &sa->addr, &sa->code);
            g_hash_table_insert(stop_addrs, &sa->addr, sa);
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
    }
    if (!stop_on_icount && !g_hash_table_size(stop_addrs)) {
        fprintf(stderr, "'icount' or 'addr' argument missing\n");
        return -1;
    }

    counts = qemu_plugin_scoreboard_new(sizeof(StopCount));
    insn_count = qemu_plugin_scoreboard_u64_in_struct(counts, StopCount, insns);
    current_pc = qemu_plugin_scoreboard_u64_in_struct(counts, StopCount, pc);
    qemu_plugin_register_vcpu_tb_trans_cb(id, stop_tb_trans, NULL);
    return 0;
}
