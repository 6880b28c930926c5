// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * loader.c: -plugin parsing (QemuOpts syntax) and plugin loading.
 *
 * The syntax follows QEMU exactly so that command lines carry over: "file" is
 * the implied first key, a bare key means key=on (deprecated, with QEMU's
 * warning), and the legacy "arg=STRING" becomes "STRING" or "STRING=on".
 *
 * Loading follows QEMU's sequence and messages (fact sheet section 5.2):
 * GModule with local binding, qemu_plugin_install, qemu_plugin_version in
 * PLUGIN_VERSION_MIN..MAX, a random id, install(id, info, argc, argv). Any
 * failure is one error, "Could not load plugin PATH: reason", and stops
 * startup before anything of the guest exists.
 */
#include "loader.h"
#include "plugin.h"
#include "qemu-plugin.h"
#include "linux-user/error.h"
#include "linux-user/log.h"
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

/* -- Loading ------------------------------------------------------------ */

/*
 * Unlike QEMU, a bare file name ("libsyscalls.so") is also found where our
 * own plugins live: beside the emulator (build/plugins/ next to
 * build/arm-uemu), then in the installed plugin directory. Anything else,
 * or a name found in neither, goes to g_module_open as given, which
 * searches the library path as dlopen does (not the current directory).
 */
static char *plugin_find(const char *name)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *dir = exe ? g_path_get_dirname(exe) : NULL;
    const char *places[2] = { NULL, UEMU_PLUGIN_INSTALL_DIR };
    g_autofree char *beside = dir ? g_build_filename(dir, "plugins", NULL) : NULL;

    if (strchr(name, '/')) {
        return g_strdup(name);
    }
    places[0] = beside;
    for (size_t i = 0; i < G_N_ELEMENTS(places); i++) {
        char *cand;

        if (!places[i]) {
            continue;
        }
        cand = g_build_filename(places[i], name, NULL);
        if (g_file_test(cand, G_FILE_TEST_IS_REGULAR)) {
            return cand;
        }
        g_free(cand);
    }
    return g_strdup(name);
}

static uint64_t plugin_new_id(void)
{
    uint64_t id;

    do {
        id = (uint64_t)g_random_int() << 32 | g_random_int();
    } while (id == 0 || plugin_id_in_use(id));
    return id;
}

typedef int (*PluginInstallFn)(qemu_plugin_id_t id, const qemu_info_t *info,
                               int argc, char **argv);

/* Load one plugin; every failure is QEMU's message, prefixed by the caller. */
static bool plugin_load(const PluginDesc *d, GError **err)
{
    g_autofree char *file = plugin_find(d->path);
    GModule *module;
    gpointer install = NULL, version = NULL;
    qemu_info_t info = { 0 };
    Plugin *p;
    int rc;

    /* Its constructors may declare QPP events and imports (qpp.c). */
    qpp_loading_begin();
    module = g_module_open(file, G_MODULE_BIND_LOCAL);
    if (!module) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN, "%s", g_module_error());
        qpp_loading_abort();
        return false;
    }
    if (!g_module_symbol(module, "qemu_plugin_install", &install)) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN, "%s", g_module_error());
        g_module_close(module);
        qpp_loading_abort();
        return false;
    }
    if (!install) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                    "qemu_plugin_install is NULL");
        g_module_close(module);
        qpp_loading_abort();
        return false;
    }
    if (!g_module_symbol(module, "qemu_plugin_version", &version)) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                    "plugin does not declare API version %s", g_module_error());
        g_module_close(module);
        qpp_loading_abort();
        return false;
    }
    if (*(int *)version < PLUGIN_VERSION_MIN) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                    "plugin requires API version %d, but this QEMU supports "
                    "only a minimum version of %d", *(int *)version,
                    PLUGIN_VERSION_MIN);
        g_module_close(module);
        qpp_loading_abort();
        return false;
    }
    if (*(int *)version > PLUGIN_VERSION_MAX) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                    "plugin requires API version %d, but this QEMU supports "
                    "only up to version %d", *(int *)version,
                    PLUGIN_VERSION_MAX);
        g_module_close(module);
        qpp_loading_abort();
        return false;
    }

    p = g_new0(Plugin, 1);
    p->version = *(int *)version;
    p->path = g_strdup(d->path);
    p->module = module;
    p->argc = (int)d->argv->len;
    p->argv = g_new0(char *, d->argv->len + 1);
    for (guint i = 0; i < d->argv->len; i++) {
        p->argv[i] = g_strdup(g_ptr_array_index(d->argv, i));
    }
    plugin_lock();
    p->id = plugin_new_id();
    plugin_add(p);
    plugin_unlock();
    if (!qpp_plugin_added(p, err)) {
        plugin_remove_and_free(p);
        return false;
    }

    /* info lives only during the call, as in QEMU. */
    info.target_name = "aarch64";
    info.version.min = PLUGIN_VERSION_MIN;
    info.version.cur = PLUGIN_VERSION_MAX;
    info.system_emulation = false;
    rc = plugin_install(p, (PluginFn)install, &info);
    if (rc) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                    "qemu_plugin_install returned error code %d", rc);
        /* The plugin cannot be trusted to clean up after itself. */
        plugin_remove_and_free(p);
        return false;
    }
    return true;
}

bool plugin_load_all(GError **err)
{
    GPtrArray *all = plugin_descs();

    for (guint i = 0; i < all->len; i++) {
        PluginDesc *d = g_ptr_array_index(all, i);
        GError *local = NULL;

        if (!plugin_load(d, &local)) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                        "Could not load plugin %s: %s", d->path,
                        local->message);
            g_error_free(local);
            /* Nothing of the guest runs: the plugins loaded so far go too,
             * so that none of their atexit callbacks prints a summary. */
            plugin_unload_all();
            return false;
        }
    }
    /* Plugin-to-plugin references wait until every plugin is loaded, so
     * the order of -plugin options does not matter (docs/qpp.md). */
    if (all->len) {
        const char *culprit = NULL;
        GError *local = NULL;

        if (!qpp_resolve_all(&culprit, &local)) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                        "Could not load plugin %s: %s", culprit,
                        local->message);
            g_error_free(local);
            plugin_unload_all();
            return false;
        }
        /* Unlike QEMU, whose plugins print nothing without -d plugin,
         * `arm-uemu -plugin libsyscalls.so ./a.out` shows the plugin's
         * output; a -d list still decides alone, as in QEMU. */
        if (!log_items_given()) {
            log_enable("plugin", NULL);
        }
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
