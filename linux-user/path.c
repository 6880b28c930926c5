// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * path.c: the -L prefix and the lookup that tries it first (see path.h).
 *
 * qemu-aarch64's rule (util/path.c): only absolute paths, PREFIX/path if
 * access(F_OK) finds it, else the path itself; a prefix of "" or "/" is no
 * prefix, and a relative one is taken against the working directory at
 * startup. qemu caches every answer, hits and misses, for the life of the
 * process; we ask the file system each time (one access() per lookup), so
 * a file the guest creates in the sysroot later is found as well.
 */
#include "path.h"
#include "module.h"
#include "options.h"

#include <string.h>
#include <unistd.h>
#include <glib.h>

static char *ld_prefix;

const char *path_prefix(void)
{
    return ld_prefix;
}

void path_set_prefix(const char *prefix)
{
    g_free(ld_prefix);
    ld_prefix = NULL;
    if (!prefix || !*prefix || !strcmp(prefix, "/")) {
        return;
    }
    /* Absolute now, so that a guest chdir() does not move the sysroot. */
    ld_prefix = g_canonicalize_filename(prefix, NULL);
}

char *path_lookup(const char *guest_path)
{
    if (ld_prefix && g_path_is_absolute(guest_path)) {
        g_autofree char *p = g_build_filename(ld_prefix, guest_path, NULL);
        if (access(p, F_OK) == 0) {
            return g_steal_pointer(&p);
        }
    }
    return g_strdup(guest_path);
}

static bool opt_ld_prefix(const char *arg, GError **err)
{
    path_set_prefix(arg);
    return true;
}

static const UemuOption path_options[] = {
    { "L", "QEMU_LD_PREFIX", "path", opt_ld_prefix,
      "set the elf interpreter prefix to 'path'" },
    { NULL },
};

static void path_register_options(void)
{
    options_register(path_options);
}
module_init(path_register_options, MODULE_INIT_OPTIONS);
