// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * options.c: parse the command line against the rows components registered.
 *
 * main only knows this parser; the rows come from each component's own table
 * (see options.h). The built-in rows here are the ones that are about the
 * emulator itself: -h/-help and -version.
 */
#include "options.h"
#include "error.h"
#include "module.h"
#include "uemu-config.h"

#include <errno.h>
#include <string.h>

static GPtrArray *option_rows;          /* const UemuOption *, in order */
static OptionsAction parse_action;

void options_register(const UemuOption *table)
{
    if (!option_rows) {
        option_rows = g_ptr_array_new();
    }
    for (const UemuOption *o = table; o->name; o++) {
        g_assert(!options_find(o->name));
        g_ptr_array_add(option_rows, (gpointer)o);
    }
}

const UemuOption *options_find(const char *name)
{
    for (guint i = 0; option_rows && i < option_rows->len; i++) {
        const UemuOption *o = g_ptr_array_index(option_rows, i);
        if (!strcmp(o->name, name)) {
            return o;
        }
    }
    return NULL;
}

void options_finish_early(void)
{
    parse_action = OPTIONS_DONE;
}

/* -- Built-in options --------------------------------------------------- */

static bool opt_help(const char *arg, GError **err)
{
    parse_action = OPTIONS_HELP;
    return true;
}

static bool opt_version(const char *arg, GError **err)
{
    parse_action = OPTIONS_VERSION;
    return true;
}

static const UemuOption builtin_options[] = {
    { "h",       NULL,           NULL, opt_help,    "print this help" },
    { "help",    NULL,           NULL, opt_help,    "print this help" },
    { "version", "QEMU_VERSION", NULL, opt_version, "display version information and exit" },
    { NULL },
};

static void options_register_builtin(void)
{
    options_register(builtin_options);
}
module_init(options_register_builtin, MODULE_INIT_OPTIONS);

/* -- Parsing ------------------------------------------------------------ */

static bool apply(const UemuOption *o, const char *arg, const char *origin,
                  GError **err)
{
    GError *local = NULL;

    if (o->handler(arg, &local)) {
        return true;
    }
    g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE, "%s: %s", origin,
                local ? local->message : "invalid argument");
    g_clear_error(&local);
    return false;
}

/* The environment twins come first so that the command line overrides them. */
static bool apply_environment(GError **err)
{
    for (guint i = 0; option_rows && i < option_rows->len; i++) {
        const UemuOption *o = g_ptr_array_index(option_rows, i);
        const char *val = o->env ? g_getenv(o->env) : NULL;
        g_autofree char *origin = NULL;

        if (!val) {
            continue;
        }
        origin = g_strdup_printf("environment variable %s", o->env);
        if (!apply(o, o->arg ? val : NULL, origin, err)) {
            return false;
        }
        if (parse_action != OPTIONS_RUN) {
            return true;
        }
    }
    return true;
}

int options_parse(int argc, char **argv, OptionsAction *action, GError **err)
{
    int i = 1;

    parse_action = OPTIONS_RUN;
    if (!apply_environment(err)) {
        return -1;
    }
    while (parse_action == OPTIONS_RUN && i < argc && argv[i][0] == '-') {
        const char *name = argv[i] + 1;
        const UemuOption *o;
        g_autofree char *origin = NULL;
        const char *arg = NULL;

        i++;
        if (!strcmp(name, "-")) {
            break;                      /* "--" ends the options */
        }
        if (name[0] == '-') {
            name++;                     /* "--L" means "-L", as in qemu */
        }
        o = options_find(name);
        if (!o) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                        "unknown option '-%s'", name);
            return -1;
        }
        if (o->arg) {
            if (i >= argc) {
                g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                            "option '-%s' needs an argument (%s)", name, o->arg);
                return -1;
            }
            arg = argv[i++];
        }
        origin = g_strdup_printf("option '-%s'", name);
        if (!apply(o, arg, origin, err)) {
            return -1;
        }
    }
    *action = parse_action;
    if (parse_action == OPTIONS_RUN && i >= argc) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "no guest program given");
        return -1;
    }
    return i;
}

/* -- Help --------------------------------------------------------------- */

void options_print_help(FILE *out)
{
    fprintf(out,
            "usage: arm-uemu [options] program [arguments...]\n"
            "AArch64 Linux user-mode emulator built for instrumentation "
            "(version " UEMU_VERSION ")\n\n"
            "Options and associated environment variables:\n\n"
            "%-20s %-17s %s\n", "Argument", "Env-variable", "Description");
    for (guint i = 0; option_rows && i < option_rows->len; i++) {
        const UemuOption *o = g_ptr_array_index(option_rows, i);
        g_autofree char *left = g_strdup_printf("-%s%s%s", o->name,
                                                o->arg ? " " : "",
                                                o->arg ? o->arg : "");
        fprintf(out, "%-20s %-17s %s\n", left, o->env ? o->env : "", o->help);
    }
}

/* -- Argument helpers --------------------------------------------------- */

bool options_parse_size(const char *s, guint64 *out)
{
    static const char suffixes[] = "kmgt";
    char *end;
    guint64 v;
    const char *p;

    if (!s || !g_ascii_isdigit(*s)) {
        return false;
    }
    errno = 0;
    v = g_ascii_strtoull(s, &end, 0);
    if (errno) {
        return false;
    }
    if (*end) {
        p = strchr(suffixes, g_ascii_tolower(*end));
        if (!p || end[1]) {
            return false;
        }
        for (int shift = (int)(p - suffixes) + 1; shift > 0; shift--) {
            if (v > G_MAXUINT64 >> 10) {
                return false;
            }
            v <<= 10;
        }
    }
    *out = v;
    return true;
}
