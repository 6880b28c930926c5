// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * guest-args.c: -0 (QEMU_ARGV0), -E (QEMU_SET_ENV), -U (QEMU_UNSET_ENV).
 *
 * -E and -U take comma-separated lists and may repeat, as in qemu-aarch64;
 * the changes are kept in order and applied to the host environment when the
 * guest's initial stack is built.
 */
#include "guest-args.h"
#include "error.h"
#include "module.h"
#include "options.h"

#include <string.h>

typedef struct EnvChange {
    char *name;
    char *value;                /* NULL: unset */
} EnvChange;

static GArray *env_changes;     /* EnvChange, in command-line order */
static char *argv0_override;

static void env_change_add(const char *name, const char *value)
{
    EnvChange c = { g_strdup(name), g_strdup(value) };

    if (!env_changes) {
        env_changes = g_array_new(FALSE, FALSE, sizeof(EnvChange));
    }
    g_array_append_val(env_changes, c);
}

void guest_args_reset(void)
{
    for (guint i = 0; env_changes && i < env_changes->len; i++) {
        EnvChange *c = &g_array_index(env_changes, EnvChange, i);
        g_free(c->name);
        g_free(c->value);
    }
    g_clear_pointer(&env_changes, g_array_unref);
    g_clear_pointer(&argv0_override, g_free);
}

char **guest_argv_build(char **argv)
{
    char **out = g_strdupv(argv);

    if (argv0_override && out[0]) {
        g_free(out[0]);
        out[0] = g_strdup(argv0_override);
    }
    return out;
}

char **guest_envp_build(char **host_env)
{
    char **env = g_strdupv(host_env);

    for (guint i = 0; env_changes && i < env_changes->len; i++) {
        EnvChange *c = &g_array_index(env_changes, EnvChange, i);
        env = c->value ? g_environ_setenv(env, c->name, c->value, TRUE)
                       : g_environ_unsetenv(env, c->name);
    }
    return env;
}

/* -- Options ------------------------------------------------------------ */

static bool opt_set_env(const char *arg, GError **err)
{
    g_auto(GStrv) items = g_strsplit(arg, ",", -1);

    for (char **it = items; *it; it++) {
        char *eq = strchr(*it, '=');
        if (!eq || eq == *it) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                        "'%s' is not of the form var=value", *it);
            return false;
        }
        *eq = '\0';
        env_change_add(*it, eq + 1);
    }
    return true;
}

static bool opt_unset_env(const char *arg, GError **err)
{
    g_auto(GStrv) items = g_strsplit(arg, ",", -1);

    for (char **it = items; *it; it++) {
        if (!**it || strchr(*it, '=')) {
            g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                        "'%s' is not a variable name", *it);
            return false;
        }
        env_change_add(*it, NULL);
    }
    return true;
}

static bool opt_argv0(const char *arg, GError **err)
{
    g_free(argv0_override);
    argv0_override = g_strdup(arg);
    return true;
}

static const UemuOption guest_args_options[] = {
    { "E", "QEMU_SET_ENV", "var=value", opt_set_env,
      "sets targets environment variable (see below)" },
    { "U", "QEMU_UNSET_ENV", "var", opt_unset_env,
      "unsets targets environment variable (see below)" },
    { "0", "QEMU_ARGV0", "argv0", opt_argv0,
      "forces target process argv[0] to be 'argv0'" },
    { NULL },
};

static void guest_args_register_options(void)
{
    options_register(guest_args_options);
}
module_init(guest_args_register_options, MODULE_INIT_OPTIONS);
