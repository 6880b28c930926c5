// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * log.c: the -d/-D options and the registry of log items (see log.h).
 *
 * -d takes qemu-aarch64's comma-separated item names, so existing habits
 * (`-d in_asm,op`, `QEMU_LOG=strace`) carry over. An item that no component
 * has registered is an error, never silently ignored.
 */
#include "log.h"
#include "error.h"
#include "module.h"
#include "options.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

typedef struct LogItem {
    const char *name;
    const char *help;
    LogMask mask;
} LogItem;

LogMask log_mask_enabled;
static GArray *log_items;               /* LogItem, in registration order */
static char *log_filename;
static FILE *log_file;
static bool log_append;                 /* -log-append: see log_open() */
static bool log_items_chosen;           /* -d given: see log_items_given() */

LogMask log_item_register(const char *name, const char *help)
{
    LogItem item = { name, help, 0 };

    if (!log_items) {
        log_items = g_array_new(FALSE, FALSE, sizeof(LogItem));
    }
    g_assert(log_items->len < 64);
    item.mask = (LogMask)1 << log_items->len;
    g_array_append_val(log_items, item);
    return item.mask;
}

static const LogItem *log_item_find(const char *name)
{
    for (guint i = 0; log_items && i < log_items->len; i++) {
        const LogItem *it = &g_array_index(log_items, LogItem, i);
        if (!strcmp(it->name, name)) {
            return it;
        }
    }
    return NULL;
}

LogMask log_item_mask(const char *name)
{
    const LogItem *it = log_item_find(name);

    return it ? it->mask : 0;
}

bool log_enable(const char *list, GError **err)
{
    g_auto(GStrv) names = g_strsplit(list, ",", -1);

    for (char **n = names; *n; n++) {
        const LogItem *it = log_item_find(*n);
        if (!it) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                        "unknown log item '%s' (see '-d help')", *n);
            return false;
        }
        log_mask_enabled |= it->mask;
    }
    return true;
}

bool log_items_given(void)
{
    return log_items_chosen;
}

void log_print_items(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (guint i = 0; log_items && i < log_items->len; i++) {
        const LogItem *it = &g_array_index(log_items, LogItem, i);
        fprintf(out, "%-15s %s\n", it->name, it->help);
    }
}

/* -- Output ------------------------------------------------------------- */

/*
 * The first image truncates the file; an image that execve re-executed
 * (exec.c passes -log-append) adds to it. Either way the file is opened
 * O_APPEND, so a forked process and an exec'd one that share it never
 * write over each other's lines.
 */
bool log_open(GError **err)
{
    int fd;

    if (!log_filename || log_file) {
        return true;
    }
    fd = open(log_filename, O_WRONLY | O_CREAT | O_APPEND |
                            (log_append ? 0 : O_TRUNC), 0666);
    log_file = fd >= 0 ? fdopen(fd, "a") : NULL;
    if (!log_file) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "cannot open log file '%s': %s", log_filename,
                    g_strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    setvbuf(log_file, NULL, _IOLBF, 0);
    return true;
}

bool log_file_given(void)
{
    return log_filename != NULL;
}

static FILE *log_redirect;              /* log_set_stream() */

FILE *log_stream(void)
{
    return log_redirect ? log_redirect : log_file ? log_file : stderr;
}

void log_set_stream(FILE *f)
{
    log_redirect = f;
}

void log_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(log_stream(), fmt, ap);
    va_end(ap);
}

/* -- Options ------------------------------------------------------------ */

static bool opt_log(const char *arg, GError **err)
{
    if (!strcmp(arg, "help")) {
        log_print_items(stdout);
        options_finish_early();
        return true;
    }
    log_items_chosen = true;
    return log_enable(arg, err);
}

static bool opt_log_file(const char *arg, GError **err)
{
    g_free(log_filename);
    log_filename = g_strdup(arg);
    return true;
}

static bool opt_log_append(const char *arg, GError **err)
{
    log_append = true;
    return true;
}

static const UemuOption log_options[] = {
    { "d", "QEMU_LOG", "item[,...]", opt_log,
      "enable logging of specified items (use '-d help' for a list of items)" },
    { "D", "QEMU_LOG_FILENAME", "logfile", opt_log_file,
      "write logs to 'logfile' (default stderr)" },
    /* private (no -h line): exec.c gives it to a re-executed image */
    { "log-append", NULL, NULL, opt_log_append, NULL },
    { NULL },
};

static void log_register_options(void)
{
    options_register(log_options);
}
module_init(log_register_options, MODULE_INIT_OPTIONS);
