// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * backend.c: the list of registered backends (-accel NAME).
 *
 * Backends register from the embedder's MODULE_INIT_TCG_BACKEND functions;
 * tcg itself knows no registry but this list, in registration order, whose
 * first entry is the default.
 */
#include "tb.h"

#include <stdio.h>
#include <string.h>

static GPtrArray *backends;

void tcg_backend_register(const TcgBackend *b)
{
    if (!backends) {
        backends = g_ptr_array_new();
    }
    g_ptr_array_add(backends, (gpointer)b);
}

const TcgBackend *tcg_backend_find(const char *name)
{
    for (guint i = 0; backends && i < backends->len; i++) {
        const TcgBackend *b = g_ptr_array_index(backends, i);
        if (!name || !strcmp(b->name, name)) {
            return b;
        }
    }
    return NULL;
}

void tcg_backend_print_list(FILE *out)
{
    fprintf(out, "Accelerators (-accel NAME):\n");
    for (guint i = 0; backends && i < backends->len; i++) {
        const TcgBackend *b = g_ptr_array_index(backends, i);
        fprintf(out, "  %-10s %s%s\n", b->name, b->help, i ? "" : " (default)");
    }
}
