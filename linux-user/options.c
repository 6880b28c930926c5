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

/*
 * What was given, in the order it was applied: the environment twins
 * first (registration order), then the command line.
 */
typedef struct OptionGiven {
    const UemuOption *row;
    char *value;                /* the argument, or the twin's value */
    bool from_env;
} OptionGiven;

static GArray *given;           /* OptionGiven */

static void given_clear(void)
{
    for (guint i = 0; given && i < given->len; i++) {
        g_free(g_array_index(given, OptionGiven, i).value);
    }
    if (!given) {
        given = g_array_new(FALSE, FALSE, sizeof(OptionGiven));
    }
    g_array_set_size(given, 0);
}

static void given_add(const UemuOption *o, const char *value, bool from_env)
{
    OptionGiven g = { o, g_strdup(value), from_env };

    g_array_append_val(given, g);
}

void options_foreach_given(OptionsGivenFn fn, void *opaque)
{
    for (guint i = 0; given && i < given->len; i++) {
        const OptionGiven *g = &g_array_index(given, OptionGiven, i);

        fn(g->row, g->value, g->from_env, opaque);
    }
}

/*
 * One occurrence found by the scan: @value is the argument (NULL for a
 * flag on the command line) or the environment variable's value.
 */
typedef bool (*ScanFn)(const UemuOption *o, const char *value, bool from_env,
                       GError **err);

/*
 * Walk the environment twins (from @envp, or the process environment when
 * NULL), then argv[1..], calling @fn for each option found, while
 * parse_action stays OPTIONS_RUN. Returns the index of the first argument
 * that is not an option, or -1 with @err set.
 */
static int options_scan(int argc, char **argv, char **envp, ScanFn fn,
                        GError **err)
{
    int i = 1;

    for (guint k = 0; option_rows && k < option_rows->len; k++) {
        const UemuOption *o = g_ptr_array_index(option_rows, k);
        const char *val = NULL;

        if (o->env) {
            val = envp ? g_environ_getenv(envp, o->env) : g_getenv(o->env);
        }
        if (!val) {
            continue;
        }
        if (!fn(o, val, true, err)) {
            return -1;
        }
        if (parse_action != OPTIONS_RUN) {
            return i;
        }
    }
    while (parse_action == OPTIONS_RUN && i < argc && argv[i][0] == '-') {
        const char *name = argv[i] + 1;
        const UemuOption *o;
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
        if (!fn(o, arg, false, err)) {
            return -1;
        }
    }
    return i;
}

/* Apply one occurrence (the environment first, so the command line wins). */
static bool apply_and_record(const UemuOption *o, const char *value,
                             bool from_env, GError **err)
{
    g_autofree char *origin = NULL;
    GError *local = NULL;

    if (from_env) {
        origin = g_strdup_printf("environment variable %s", o->env);
    } else {
        origin = g_strdup_printf("option '-%s'", o->name);
    }
    if (!o->handler(o->arg || !from_env ? value : NULL, &local)) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE, "%s: %s", origin,
                    local ? local->message : "invalid argument");
        g_clear_error(&local);
        return false;
    }
    given_add(o, value, from_env);
    return true;
}

static bool record_only(const UemuOption *o, const char *value, bool from_env,
                        GError **err)
{
    given_add(o, value, from_env);
    return true;
}

int options_parse(int argc, char **argv, OptionsAction *action, GError **err)
{
    int i;

    parse_action = OPTIONS_RUN;
    given_clear();
    i = options_scan(argc, argv, NULL, apply_and_record, err);
    if (i < 0) {
        return -1;
    }
    *action = parse_action;
    if (parse_action == OPTIONS_RUN && i >= argc) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "no guest program given");
        return -1;
    }
    return i;
}

bool options_record_given(int argc, char **argv, char **envp, GError **err)
{
    parse_action = OPTIONS_RUN;
    given_clear();
    return options_scan(argc, argv, envp, record_only, err) >= 0;
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
        g_autofree char *left = NULL;

        if (!o->help) {
            continue;                   /* private: not for users */
        }
        left = g_strdup_printf("-%s%s%s", o->name, o->arg ? " " : "",
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
