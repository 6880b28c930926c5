// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * empty.c: a plugin that asks for every translated block and does nothing
 * with it. It measures what merely having a plugin costs (the tb_trans call
 * per translation; no instrumentation is woven, so translated code is
 * unchanged).
 *
 *     arm-uemu -plugin libempty.so ./a.out
 *
 * QEMU's tests/tcg/plugins/empty.c does the same: no arguments, no output.
 */
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static void empty_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
{
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    qemu_plugin_register_vcpu_tb_trans_cb(id, empty_tb_trans, NULL);
    return 0;
}
