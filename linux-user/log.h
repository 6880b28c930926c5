// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * log.h: -d log items, the -D log file, and log-once for unimplemented things.
 *
 * Items are registered by the component that prints them, from a
 * MODULE_INIT_LOG function (main runs those before parsing options):
 *
 *     static LogMask log_page;
 *     static void mmap_register_log(void)
 *     {
 *         log_page = log_item_register("page", "dump pages at start of user mode emulation");
 *     }
 *     module_init(mmap_register_log, MODULE_INIT_LOG);
 *     ...
 *     if (log_enabled(log_page)) guest_map_dump(log_stream());
 */
#ifndef UEMU_LOG_H
#define UEMU_LOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

typedef uint64_t LogMask;

extern LogMask log_mask_enabled;

/* log_item_register: a new -d item; returns its mask bit. */
LogMask log_item_register(const char *name, const char *help);

/*
 * log_item_mask: the mask of the item registered as @name, 0 if none (for
 * a component that prints lines of an item another component owns).
 */
LogMask log_item_mask(const char *name);

/* log_enable: turn on a comma-separated list of items, as -d does. */
bool log_enable(const char *list, GError **err);

/* log_items_given: whether -d (or QEMU_LOG) chose the items to log. */
bool log_items_given(void);

static inline bool log_enabled(LogMask m)
{
    return (log_mask_enabled & m) != 0;
}

/*
 * log_open: open the -D file if one was given (main calls it after
 * parsing): truncated, unless the private option -log-append says this
 * image was re-executed by a guest execve, whose log goes on in the file.
 */
bool log_open(GError **err);

/* log_file_given: a -D file (or QEMU_LOG_FILENAME) is in use. */
bool log_file_given(void);

/* log_stream: where log lines go: the -D file, else stderr. */
FILE *log_stream(void);

/* log_set_stream: send log lines to @f instead (tests); NULL restores the default. */
void log_set_stream(FILE *f);

void log_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* log_print_items: the -d help text. */
void log_print_items(FILE *out);

#endif /* UEMU_LOG_H */
