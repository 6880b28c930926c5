// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dispatch.c: the syscall table and syscall_do(), the one way in from the
 * cpu loop (see syscall.h).
 *
 * The table is an array indexed by the guest's syscall number, built from
 * syscalls.def; numbers without a row are gaps (-ENOSYS). Around each call,
 * in order: the plugin enter hook, the first half of the strace line, the
 * plugin filter (which may take the syscall over), the handler, the second
 * half, the result in x0, the plugin return hook.
 *
 * Also here: the -d strace and -d unimp items, the -strace option, the
 * log-once of unimplemented things, and sys_ni, the handler of every row we
 * do not implement yet.
 */
#include "syscall.h"
#include "strace.h"
#include "linux-user/log.h"
#include "linux-user/module.h"
#include "linux-user/options.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>

/* -- The table -------------------------------------------------------------- */

/* SC_NARGS(a, b) -> 2, SC_NARGS() -> 0 (GNU ## swallows the comma). */
#define SC_NARGS(...)   SC_NARGS_(_, ##__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define SC_NARGS_(_, a, b, c, d, e, f, n, ...) n

#define SC_CAT(a, b)    SC_CAT_(a, b)
#define SC_CAT_(a, b)   a##b

/* SC_KINDS(FD, PTR) -> SC_ARG_FD, SC_ARG_PTR */
#define SC_KINDS(...)   SC_CAT(SC_KINDS_, SC_NARGS(__VA_ARGS__))(__VA_ARGS__)
#define SC_KINDS_0()
#define SC_KINDS_1(a)                   SC_ARG_##a
#define SC_KINDS_2(a, b)                SC_ARG_##a, SC_KINDS_1(b)
#define SC_KINDS_3(a, b, c)             SC_ARG_##a, SC_KINDS_2(b, c)
#define SC_KINDS_4(a, b, c, d)          SC_ARG_##a, SC_KINDS_3(b, c, d)
#define SC_KINDS_5(a, b, c, d, e)       SC_ARG_##a, SC_KINDS_4(b, c, d, e)
#define SC_KINDS_6(a, b, c, d, e, f)    SC_ARG_##a, SC_KINDS_5(b, c, d, e, f)

static const SyscallDesc syscall_table[] = {
#define SYSCALL(nr, name, handler, ret, ...)                                \
    [nr] = { #name, handler, SC_RET_##ret, SC_NARGS(__VA_ARGS__),           \
             { SC_KINDS(__VA_ARGS__) } },
#include "syscalls.def"
#undef SYSCALL
};

unsigned syscall_table_size(void)
{
    return G_N_ELEMENTS(syscall_table);
}

const SyscallDesc *syscall_desc(uint64_t nr)
{
    if (nr >= G_N_ELEMENTS(syscall_table) || !syscall_table[nr].name) {
        return NULL;
    }
    return &syscall_table[nr];
}

const char *syscall_name(uint64_t nr)
{
    const SyscallDesc *d = syscall_desc(nr);

    return d ? d->name : NULL;
}

/* -- Logging ------------------------------------------------------------------- */

static LogMask log_strace;
static LogMask log_unimp;

static void syscall_register_log(void)
{
    log_strace = log_item_register("strace",
                                   "log every user-mode syscall, its input, and its result");
    log_unimp = log_item_register("unimp", "log unimplemented functionality");
}
module_init(syscall_register_log, MODULE_INIT_LOG);

static pthread_mutex_t unimp_lock = PTHREAD_MUTEX_INITIALIZER;
static GHashTable *unimp_seen;          /* lines already logged */

void syscall_log_unimp(const char *fmt, ...)
{
    va_list ap;
    char *line;
    bool fresh;

    if (!log_enabled(log_unimp)) {
        return;
    }
    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    pthread_mutex_lock(&unimp_lock);
    if (!unimp_seen) {
        unimp_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    }
    fresh = g_hash_table_add(unimp_seen, line);     /* takes @line either way */
    if (fresh) {
        log_printf("%s\n", line);
    }
    pthread_mutex_unlock(&unimp_lock);
}

/* Every row we have no handler for yet: what the kernel says of a missing syscall. */
int64_t sys_ni(SyscallCall *c)
{
    syscall_log_unimp("Unsupported syscall: %" PRIu64 " (%s)", c->nr,
                      syscall_name(c->nr));
    return -ENOSYS;
}

/* -strace: the qemu-aarch64 spelling of -d strace. */
static bool opt_strace(const char *arg, GError **err)
{
    log_mask_enabled |= log_strace;
    return true;
}

static const UemuOption syscall_options[] = {
    { "strace", "QEMU_STRACE", NULL, opt_strace, "log system calls" },
    { NULL },
};

static void syscall_register_options(void)
{
    options_register(syscall_options);
}
module_init(syscall_register_options, MODULE_INIT_OPTIONS);

/* -- Plugin hooks ------------------------------------------------------------------ */

static SyscallEnterHook plugin_enter;
static SyscallFilterHook plugin_filter;
static SyscallReturnHook plugin_return;

void syscall_set_plugin_hooks(SyscallEnterHook enter, SyscallReturnHook ret)
{
    plugin_enter = enter;
    plugin_return = ret;
}

void syscall_set_plugin_filter(SyscallFilterHook filter)
{
    plugin_filter = filter;
}

/* -- Dispatch ------------------------------------------------------------------------ */

SyscallOutcome syscall_do(CPUARMState *env, int *exit_status)
{
    SyscallCall c = { .env = env, .nr = env->xregs[8] };
    const SyscallDesc *d = syscall_desc(c.nr);
    bool strace = log_enabled(log_strace);
    int64_t ret;

    for (int i = 0; i < 6; i++) {
        c.arg[i] = env->xregs[i];
    }
    if (plugin_enter) {
        plugin_enter(env, c.nr, c.arg);
    }
    if (!d) {
        if (strace) {
            strace_print_unknown(c.nr);
        }
        if (!plugin_filter || !plugin_filter(env, c.nr, c.arg, &ret)) {
            syscall_log_unimp("Unknown syscall %" PRIu64, c.nr);
            ret = -ENOSYS;
        }
    } else {
        if (strace) {
            strace_print_call(d, &c);
        }
        if (!plugin_filter || !plugin_filter(env, c.nr, c.arg, &ret)) {
            ret = d->handler(&c);
        }
        if (c.outcome != SYSCALL_CONTINUE) {
            *exit_status = c.exit_status;
            return c.outcome;
        }
        if (strace) {
            strace_print_ret(d, &c, ret);
        }
    }
    env->xregs[0] = (uint64_t)ret;
    if (plugin_return) {
        plugin_return(env, c.nr, ret);
    }
    return SYSCALL_CONTINUE;
}
