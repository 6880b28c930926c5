// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * module.c: the lists behind module_init() (see module.h).
 *
 * Constructors run single-threaded before main, so the lists need no lock.
 * Each list keeps a tail pointer so that functions run in the order the
 * linker placed their constructors, which is the order meson lists files.
 */
#include "module.h"

#include <assert.h>
#include <stddef.h>

typedef struct ModuleList {
    ModuleEntry *head;
    ModuleEntry **tail;
    bool done;
} ModuleList;

static ModuleList module_lists[MODULE_INIT__MAX];

void module_register(ModuleEntry *entry, ModuleInitType type)
{
    ModuleList *l = &module_lists[type];

    assert(type < MODULE_INIT__MAX && !entry->next);
    if (!l->tail) {
        l->tail = &l->head;
    }
    *l->tail = entry;
    l->tail = &entry->next;
}

void module_call_init(ModuleInitType type)
{
    ModuleList *l = &module_lists[type];

    if (l->done) {
        return;
    }
    l->done = true;
    for (ModuleEntry *e = l->head; e; e = e->next) {
        e->fn();
    }
}

unsigned module_list_length(ModuleInitType type)
{
    unsigned n = 0;

    for (ModuleEntry *e = module_lists[type].head; e; e = e->next) {
        n++;
    }
    return n;
}
