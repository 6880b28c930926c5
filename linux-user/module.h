// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * module.h: constructor-based registry of startup functions.
 *
 * A component announces itself with module_init(fn, TYPE) at file scope. The
 * expansion is a constructor that runs before main and appends fn to TYPE's
 * list; main later runs each list with module_call_init(TYPE). Adding a
 * component therefore never means editing main:
 *
 *     static void log_register_options(void) { options_register(log_options); }
 *     module_init(log_register_options, MODULE_INIT_OPTIONS);
 *
 * The list nodes are static storage, so registration allocates nothing and
 * can run before any library is initialised.
 */
#ifndef UEMU_MODULE_H
#define UEMU_MODULE_H

#include <stdbool.h>

typedef enum ModuleInitType {
    MODULE_INIT_OPTIONS,        /* register command-line options */
    MODULE_INIT_LOG,            /* register -d log items */
    MODULE_INIT_SYSCALLS,       /* register syscall families */
    MODULE_INIT_TCG_BACKEND,    /* register translation backends (-accel) */
    MODULE_INIT_PROCFS,         /* register emulated /proc files */
    MODULE_INIT__MAX,
} ModuleInitType;

typedef struct ModuleEntry {
    void (*fn)(void);
    struct ModuleEntry *next;
} ModuleEntry;

/* module_register: append @entry to @type's list (called by module_init). */
void module_register(ModuleEntry *entry, ModuleInitType type);

/*
 * module_call_init: run every function registered for @type, in registration
 * order. Each list runs at most once; later calls do nothing.
 */
void module_call_init(ModuleInitType type);

/* module_list_length: how many functions @type holds (for tests and -h). */
unsigned module_list_length(ModuleInitType type);

#define module_init(fn, type)                                               \
    static ModuleEntry module_entry_##fn = { fn, 0 };                       \
    static void __attribute__((constructor)) module_register_##fn(void)    \
    {                                                                       \
        module_register(&module_entry_##fn, type);                          \
    }

#endif /* UEMU_MODULE_H */
