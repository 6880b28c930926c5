// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * loader.c: -plugin parsing (QemuOpts syntax) and plugin loading.
 *
 * The syntax follows QEMU exactly so that command lines carry over: "file" is
 * the implied first key, a bare key means key=on (deprecated, with QEMU's
 * warning), and the legacy "arg=STRING" becomes "STRING" or "STRING=on".
 */
#include "loader.h"
#include "linux-user/error.h"
#include "linux-user/module.h"
#include "linux-user/options.h"

#include <stdio.h>
#include <string.h>

static GPtrArray *descs;                /* PluginDesc *, in order */

GPtrArray *plugin_descs(void)
{
    if (!descs) {
        descs = g_ptr_array_new();
    }
    return descs;
}

static void plugin_desc_free(PluginDesc *d)
{
    g_free(d->path);
    g_ptr_array_unref(d->argv);
    g_free(d);
}

void plugin_descs_reset(void)
{
    for (guint i = 0; descs && i < descs->len; i++) {
        plugin_desc_free(g_ptr_array_index(descs, i));
    }
    g_clear_pointer(&descs, g_ptr_array_unref);
}

/* The descriptor for @path, created on first sight: a repeated path is one plugin. */
static PluginDesc *plugin_desc_get(const char *path)
{
    GPtrArray *all = plugin_descs();
    PluginDesc *d;

    for (guint i = 0; i < all->len; i++) {
        d = g_ptr_array_index(all, i);
        if (!strcmp(d->path, path)) {
            return d;
        }
    }
    d = g_new0(PluginDesc, 1);
    d->path = g_strdup(path);
    d->argv = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(all, d);
    return d;
}

/* Split at single commas; ",," stands for a literal comma. */
static GPtrArray *split_qemu_opts(const char *spec)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);

    for (const char *p = spec; *p; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(cur, ',');
            p++;
        } else if (*p == ',') {
            g_ptr_array_add(parts, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
        } else {
            g_string_append_c(cur, *p);
        }
    }
    g_ptr_array_add(parts, g_string_free(cur, FALSE));
    return parts;
}

static bool is_bool_value(const char *v)
{
    static const char *const words[] = { "on", "off", "yes", "no", "true", "false" };

    for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
        if (!strcmp(v, words[i])) {
            return true;
        }
    }
    return false;
}

/* One "name=value" (or bare "name") after the file: the plugin argv entry. */
static char *plugin_arg_from_opt(const char *opt)
{
    const char *eq = strchr(opt, '=');

    if (!eq) {
        fprintf(stderr, "warning: short-form boolean option '%s' deprecated\n"
                        "Please use %s=on instead\n", opt, opt);
        return g_strdup_printf("%s=on", opt);
    }
    if (!strncmp(opt, "arg=", 4) && !is_bool_value(eq + 1)) {
        fprintf(stderr, "warning: using 'arg=%s' is deprecated\n"
                        "Please use 'NAME=VALUE' directly\n", eq + 1);
        return strchr(eq + 1, '=') ? g_strdup(eq + 1)
                                   : g_strdup_printf("%s=on", eq + 1);
    }
    return g_strdup(opt);
}

bool plugin_desc_parse(const char *spec, GError **err)
{
    g_autoptr(GPtrArray) parts = split_qemu_opts(spec);
    const char *first = g_ptr_array_index(parts, 0);
    const char *path = first;
    PluginDesc *d;

    if (strchr(first, '=')) {
        if (strncmp(first, "file=", 5)) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                        "missing earlier '-plugin file=' option");
            return false;
        }
        path = first + 5;
    }
    if (!*path) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "Parameter 'file' requires a non-empty argument");
        return false;
    }
    d = plugin_desc_get(path);
    for (guint i = 1; i < parts->len; i++) {
        g_ptr_array_add(d->argv,
                        plugin_arg_from_opt(g_ptr_array_index(parts, i)));
    }
    return true;
}

bool plugin_load_all(GError **err)
{
    GPtrArray *all = plugin_descs();

    if (all->len) {
        PluginDesc *d = g_ptr_array_index(all, 0);
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                    "Could not load plugin %s: plugin loading is not "
                    "implemented yet (issue 4, the plugin core)", d->path);
        return false;
    }
    return true;
}

/* -- Options ------------------------------------------------------------ */

static bool opt_plugin(const char *arg, GError **err)
{
    return plugin_desc_parse(arg, err);
}

static const UemuOption plugin_options[] = {
    { "plugin", "QEMU_PLUGIN", "[file=]<file>[,<argname>=<argvalue>]",
      opt_plugin, "load a plugin (repeat to load several)" },
    { NULL },
};

static void plugin_register_options(void)
{
    options_register(plugin_options);
}
module_init(plugin_register_options, MODULE_INIT_OPTIONS);
