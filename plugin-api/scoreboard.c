// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * scoreboard.c: per-vCPU scoreboards (API version 2+).
 *
 * A scoreboard is one zeroed array of fixed-size entries indexed by vCPU
 * index. Every scoreboard has room for the same number of vCPUs
 * (scoreboard_capacity). Translated code holds entry addresses as
 * constants (weave.c), and with guest threads other vCPUs run that code
 * while a new one starts, so the arrays must never move under them: the
 * capacity starts at the most guest threads linux-user/thread.c lets live
 * at once (THREAD_MAX_VCPUS, 256), and indices are reused from the lowest.
 * The growth path below (flush, then move) is only safe with one vCPU
 * running and stays for indices past that.
 *
 * Nothing here is atomic: each vCPU is meant to touch only its own entry;
 * sums read the others racily, as QEMU's do.
 */
#include "plugin.h"

#include <string.h>

unsigned scoreboard_capacity = 256;     /* THREAD_MAX_VCPUS */
static GPtrArray *scoreboards;          /* struct qemu_plugin_scoreboard * */

/* An element size of 0 still gets distinct, writable (if useless) entries. */
static size_t alloc_size(const struct qemu_plugin_scoreboard *sb, unsigned n)
{
    return (size_t)n * MAX(sb->element_size, 1);
}

struct qemu_plugin_scoreboard *scoreboard_new(size_t element_size)
{
    struct qemu_plugin_scoreboard *sb = g_new0(struct qemu_plugin_scoreboard, 1);

    sb->element_size = element_size;
    plugin_lock();
    sb->data = g_malloc0(alloc_size(sb, scoreboard_capacity));
    if (!scoreboards) {
        scoreboards = g_ptr_array_new();
    }
    g_ptr_array_add(scoreboards, sb);
    plugin_unlock();
    return sb;
}

void scoreboard_free(struct qemu_plugin_scoreboard *sb)
{
    if (!sb) {
        return;
    }
    plugin_lock();
    g_ptr_array_remove(scoreboards, sb);
    plugin_unlock();
    g_free(sb->data);
    g_free(sb);
}

void *scoreboard_entry(struct qemu_plugin_scoreboard *sb, unsigned vcpu)
{
    g_assert(sb && vcpu < scoreboard_capacity);
    return sb->data + (size_t)vcpu * sb->element_size;
}

void scoreboard_ensure(unsigned vcpu_index)
{
    unsigned cap = scoreboard_capacity;

    if (vcpu_index < cap) {
        return;
    }
    while (vcpu_index >= cap) {
        cap *= 2;
    }
    plugin_flush_all();
    plugin_lock();
    for (guint i = 0; scoreboards && i < scoreboards->len; i++) {
        struct qemu_plugin_scoreboard *sb = g_ptr_array_index(scoreboards, i);
        size_t old = alloc_size(sb, scoreboard_capacity);

        sb->data = g_realloc(sb->data, alloc_size(sb, cap));
        memset(sb->data + old, 0, alloc_size(sb, cap) - old);
    }
    scoreboard_capacity = cap;
    plugin_unlock();
}
