// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * loader.h: -plugin descriptors and plugin loading.
 *
 * Option parsing turns each -plugin (and QEMU_PLUGIN) into a PluginDesc: the
 * path and the argv the plugin's qemu_plugin_install() will receive. The
 * same path given twice is one plugin whose arguments accumulate, as in QEMU.
 * plugin_load_all() runs after all options are parsed, before the guest ELF
 * is loaded.
 */
#ifndef UEMU_PLUGIN_LOADER_H
#define UEMU_PLUGIN_LOADER_H

#include <stdbool.h>
#include <glib.h>

typedef struct PluginDesc {
    char *path;                 /* as given on the command line */
    GPtrArray *argv;            /* char *, "name=value", in order */
} PluginDesc;

/*
 * plugin_desc_parse: add the descriptor for one -plugin argument
 * ("[file=]PATH[,name=value...]", ",," for a literal comma). Usage errors
 * (no file, empty file) set @err. Deprecated forms print QEMU's warnings.
 */
bool plugin_desc_parse(const char *spec, GError **err);

/* plugin_descs: the descriptors parsed so far, in command-line order. */
GPtrArray *plugin_descs(void);

/* plugin_descs_reset: forget every descriptor (tests). */
void plugin_descs_reset(void);

/*
 * plugin_load_all: load every descriptor in order (plugin.h has the core it
 * hands them to); the first failure unloads what was loaded and stops
 * startup with "Could not load plugin PATH: reason", QEMU's reasons. A bare
 * file name is also looked up in plugins/ beside the emulator and in the
 * installed plugin directory.
 */
bool plugin_load_all(GError **err);

#endif /* UEMU_PLUGIN_LOADER_H */
