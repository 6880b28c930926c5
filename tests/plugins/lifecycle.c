// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lifecycle.c: a plugin that uninstalls itself.
 *
 *   after=N     from a block callback, once N blocks ran: uninstall. The
 *               uninstall callback prints how many blocks ran; the module
 *               is then unloaded (its destructor prints), and no callback
 *               of it may ever run again (it would crash: unloaded).
 *   early=on    call qemu_plugin_uninstall from qemu_plugin_install, which
 *               QEMU declares a bug and aborts on.
 * Built for version 1 (id callbacks) and 7 (userdata callbacks).
 */
#include <qemu-plugin.h>
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static qemu_plugin_id_t self;
static uint64_t blocks, after = 1000;
static bool requested;

#if QEMU_PLUGIN_VERSION <= 6
static void uninstalled(qemu_plugin_id_t id)
#else
static void uninstalled(void *userdata)
#endif
{
    char line[96];

    snprintf(line, sizeof(line), "lifecycle-v%d: uninstalled after %" PRIu64
             " blocks\n", QEMU_PLUGIN_VERSION, blocks);
    qemu_plugin_outs(line);
}

static void tb_exec(unsigned int vcpu_index, void *userdata)
{
    /* Blocks already running finish, so a few more may count. */
    if (++blocks >= after && !requested) {
        requested = true;
#if QEMU_PLUGIN_VERSION <= 6
        qemu_plugin_uninstall(self, uninstalled);
#else
        qemu_plugin_uninstall(self, uninstalled, NULL);
#endif
    }
}

#if QEMU_PLUGIN_VERSION <= 6
static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#else
static void tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#endif
{
    qemu_plugin_register_vcpu_tb_exec_cb(tb, tb_exec, QEMU_PLUGIN_CB_NO_REGS,
                                         NULL);
}

#if QEMU_PLUGIN_VERSION <= 6
static void at_exit(qemu_plugin_id_t id, void *userdata)
#else
static void at_exit(void *userdata)
#endif
{
    qemu_plugin_outs("lifecycle: atexit ran: never uninstalled\n");
}

static void __attribute__((destructor)) unloaded(void)
{
    if (requested) {
        fprintf(stderr, "lifecycle-v%d: unloaded\n", QEMU_PLUGIN_VERSION);
    }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    self = id;
    for (int i = 0; i < argc; i++) {
        if (!strncmp(argv[i], "after=", 6)) {
            after = strtoull(argv[i] + 6, NULL, 0);
        } else if (!strcmp(argv[i], "early=on")) {
#if QEMU_PLUGIN_VERSION <= 6
            qemu_plugin_uninstall(id, NULL);
#else
            qemu_plugin_uninstall(id, NULL, NULL);
#endif
        }
    }
#if QEMU_PLUGIN_VERSION <= 6
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans, NULL);
#endif
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return 0;
}
