// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bad-plugin.c: plugins the loader must refuse, one per error message of
 * QEMU's loading protocol (fact sheet section 5.2). meson.build builds it
 * once per case:
 *   -DBAD_NO_INSTALL      no qemu_plugin_install symbol
 *   -DBAD_INSTALL_NULL    qemu_plugin_install is an absolute symbol at 0
 *   -DBAD_NO_VERSION      no qemu_plugin_version symbol
 *   -DBAD_VERSION=N       qemu_plugin_version = N (0 and 8: out of range)
 *   -DBAD_INSTALL_RC=N    install registers an atexit callback, then fails
 * In every case nothing of the guest may run and no callback may fire.
 */
#include <qemu-plugin.h>
#include <stdio.h>

#ifndef BAD_VERSION
#define BAD_VERSION QEMU_PLUGIN_VERSION
#endif
#ifndef BAD_INSTALL_RC
#define BAD_INSTALL_RC 0
#endif

#ifndef BAD_NO_VERSION
QEMU_PLUGIN_EXPORT int qemu_plugin_version = BAD_VERSION;
#endif

#if defined(BAD_INSTALL_NULL)
/* A defined symbol whose value is NULL: dlsym() finds it and returns 0. */
__asm__(".globl qemu_plugin_install\n"
        ".set qemu_plugin_install, 0\n");
#elif !defined(BAD_NO_INSTALL)
static void at_exit(void *userdata)
{
    qemu_plugin_outs("bad-plugin: atexit ran\n");
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    fprintf(stderr, "bad-plugin: install returns %d\n", BAD_INSTALL_RC);
    qemu_plugin_register_atexit_cb(id, at_exit, NULL);
    return BAD_INSTALL_RC;
}
#endif
