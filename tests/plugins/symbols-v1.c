// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * symbols-v1.c: a version-1 test plugin printing what qemu_plugin_insn_symbol
 * answers, for the comparison with qemu-aarch64 (plugin-symbols-vs-qemu-*):
 * at exit one line "sym: NAME LOWEST-PC" per distinct answer ("(null)" for
 * none), sorted by name. Aliases (several function symbols at one address)
 * must resolve to the name QEMU picks (plugin-api/symbols.c).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static GHashTable *lowest;          /* name -> lowest pc + 1 (as pointer) */

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        const char *sym = qemu_plugin_insn_symbol(insn);
        uint64_t pc = qemu_plugin_insn_vaddr(insn);
        const char *key = sym ? sym : "(null)";
        uint64_t *old = g_hash_table_lookup(lowest, key);

        if (!old) {
            old = g_new(uint64_t, 1);
            *old = pc;
            g_hash_table_insert(lowest, g_strdup(key), old);
        } else if (pc < *old) {
            *old = pc;
        }
    }
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
    g_autoptr(GList) names = g_list_sort(g_hash_table_get_keys(lowest),
                                         (GCompareFunc)strcmp);
    GString *out = g_string_new(NULL);

    (void)id;
    (void)udata;
    for (GList *l = names; l; l = l->next) {
        g_string_append_printf(out, "sym: %s %" PRIx64 "\n", (char *)l->data,
                               *(uint64_t *)g_hash_table_lookup(lowest, l->data));
    }
    qemu_plugin_outs(out->str);
    g_string_free(out, TRUE);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    (void)info;
    (void)argc;
    (void)argv;
    lowest = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
