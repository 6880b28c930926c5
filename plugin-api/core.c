// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * core.c: the static events: who registered what, and calling them.
 *
 * Each plugin holds at most one callback per event (Plugin.cb[ev]); each
 * event keeps the list of plugins that registered for it, newest first,
 * because QEMU runs several plugins on one event in reverse registration
 * order (the last-loaded plugin's atexit summary prints first).
 *
 * Dispatch copies the list under the lock and calls without it, so a
 * callback may register, replace or remove callbacks (its own or others')
 * while the event runs: the change takes effect from the next event.
 *
 * Every call into a plugin goes through plugin_call_begin/end, which set
 * the thread's PluginCbCtx: which plugin runs (functions that take no id
 * learn the caller's API version from it) and what it may do with the
 * vCPU's registers. The shape of each call depends on the version of the
 * plugin that registered the callback (docs/plugins.md, section 5).
 */
#include "plugin.h"
#include "linux-user/log.h"
#include "linux-user/module.h"
#include "syscall/syscall.h"
#include "tcg/runtime.h"
#include "tcg/tb-cache.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

bool plugin_enabled;
volatile int plugin_pending_work;
__thread PluginCbCtx plugin_ctx;
__thread CPUARMState *plugin_cur_env;
__thread int plugin_cur_vcpu = -1;
PluginProgram plugin_program;

static GRecMutex lock;
static GPtrArray *plugins;                      /* Plugin *, load order */
static GPtrArray *ev_lists[PLUGIN_EV_COUNT];    /* Plugin *, newest first */
static GArray *live_vcpus;                      /* unsigned */
static int num_vcpus;
static bool vcpus_started;
static LogMask log_plugin;

void plugin_lock(void)
{
    g_rec_mutex_lock(&lock);
}

void plugin_unlock(void)
{
    g_rec_mutex_unlock(&lock);
}

/* -- Plugins ----------------------------------------------------------------- */

Plugin *plugin_by_id(uint64_t id)
{
    plugin_lock();
    for (guint i = 0; plugins && i < plugins->len; i++) {
        Plugin *p = g_ptr_array_index(plugins, i);
        if (p->id == id) {
            plugin_unlock();
            return p;
        }
    }
    plugin_unlock();
    /* A plugin passing a made-up id is a plugin bug; QEMU aborts too. */
    fprintf(stderr, "plugin: invalid plugin id %" PRIu64 "\n", id);
    abort();
}

bool plugin_id_in_use(uint64_t id)
{
    bool used = false;

    plugin_lock();
    for (guint i = 0; plugins && i < plugins->len; i++) {
        used |= ((Plugin *)g_ptr_array_index(plugins, i))->id == id;
    }
    plugin_unlock();
    return used;
}

int plugin_current_version(void)
{
    return plugin_ctx.plugin ? plugin_ctx.plugin->version : PLUGIN_VERSION_MAX;
}

static void plugin_syscall_enter(CPUARMState *env, uint64_t nr,
                                 const uint64_t args[6]);
static bool plugin_syscall_filter(CPUARMState *env, uint64_t nr,
                                  const uint64_t args[6], int64_t *ret);
static void plugin_syscall_return(CPUARMState *env, uint64_t nr, int64_t ret);
static void plugin_atexit_c(void);

void plugin_add(Plugin *p)
{
    plugin_lock();
    if (!plugins) {
        plugins = g_ptr_array_new();
        for (int ev = 0; ev < PLUGIN_EV_COUNT; ev++) {
            ev_lists[ev] = g_ptr_array_new();
        }
        live_vcpus = g_array_new(FALSE, FALSE, sizeof(unsigned));
        syscall_set_plugin_hooks(plugin_syscall_enter, plugin_syscall_return);
        syscall_set_plugin_filter(plugin_syscall_filter);
        /* A plugin may end the process with exit() from a callback
         * (stoptrigger does): atexit callbacks must still run. */
        atexit(plugin_atexit_c);
    }
    g_ptr_array_add(plugins, p);
    plugin_enabled = true;
    plugin_unlock();
}

static void plugin_forget_cbs_locked(Plugin *p)
{
    for (int ev = 0; ev < PLUGIN_EV_COUNT; ev++) {
        g_ptr_array_remove(ev_lists[ev], p);
        p->cb[ev] = NULL;
        p->udata[ev] = NULL;
    }
}

void plugin_remove_and_free(Plugin *p)
{
    plugin_lock();
    plugin_forget_cbs_locked(p);
    g_ptr_array_remove(plugins, p);
    plugin_unlock();
    qpp_plugin_removed(p);
    if (p->module) {
        g_module_close(p->module);
    }
    g_strfreev(p->argv);
    g_free(p->path);
    g_free(p);
}

void plugin_unload_all(void)
{
    while (plugins && plugins->len) {
        plugin_remove_and_free(g_ptr_array_index(plugins, plugins->len - 1));
    }
}

void plugin_register_cb(Plugin *p, PluginEvent ev, PluginFn fn, void *udata)
{
    plugin_lock();
    if (p->uninstalling) {
        plugin_unlock();
        return;
    }
    if (!fn) {
        g_ptr_array_remove(ev_lists[ev], p);
    } else if (!p->cb[ev]) {
        g_ptr_array_insert(ev_lists[ev], 0, p);
    }
    p->cb[ev] = fn;
    p->udata[ev] = fn ? udata : NULL;
    plugin_unlock();
}

/* -- Calling plugins ------------------------------------------------------------ */

typedef struct CbSnap {
    Plugin *p;
    PluginFn fn;
    void *udata;
} CbSnap;

/* A copy of @ev's callbacks, newest first (g_free it); *@n entries. */
static CbSnap *snapshot(PluginEvent ev, unsigned *n)
{
    CbSnap *all;

    *n = 0;
    if (!plugin_enabled) {
        return NULL;
    }
    plugin_lock();
    all = g_new(CbSnap, ev_lists[ev]->len + 1);
    for (guint i = 0; i < ev_lists[ev]->len; i++) {
        Plugin *p = g_ptr_array_index(ev_lists[ev], i);
        all[(*n)++] = (CbSnap){ p, p->cb[ev], p->udata[ev] };
    }
    plugin_unlock();
    return all;
}

/* Enter a plugin: @regs is what it may do with the current vCPU. */
static PluginCbCtx plugin_call_begin(Plugin *p, unsigned regs, bool vcpu)
{
    PluginCbCtx saved = plugin_ctx;

    plugin_ctx = (PluginCbCtx){
        .plugin = p, .regs = regs, .vcpu = vcpu && plugin_cur_env != NULL,
    };
    return saved;
}

static void plugin_call_end(PluginCbCtx saved)
{
    plugin_ctx = saved;
}

typedef int (*InstallFn)(uint64_t id, const void *info, int argc, char **argv);

int plugin_install(Plugin *p, PluginFn install, const void *info)
{
    PluginCbCtx saved = plugin_call_begin(p, PLUGIN_REGS_NONE, false);
    int rc;

    p->installing = true;
    rc = ((InstallFn)install)(p->id, info, p->argc, p->argv);
    p->installing = false;
    plugin_call_end(saved);
    return rc;
}

/* Version shapes: <= 6 pass the id first; 7 passes userdata last. */
typedef void (*CbId)(uint64_t id);
typedef void (*CbUdata)(void *udata);
typedef void (*CbIdUdata)(uint64_t id, void *udata);
typedef void (*CbIdVcpu)(uint64_t id, unsigned vcpu);
typedef void (*CbVcpuUdata)(unsigned vcpu, void *udata);
typedef void (*CbIdTb)(uint64_t id, struct qemu_plugin_tb *tb);
typedef void (*CbTbUdata)(struct qemu_plugin_tb *tb, void *udata);
typedef void (*CbIdSyscall)(uint64_t id, unsigned vcpu, int64_t num,
                            uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                            uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8);
typedef void (*CbSyscallUdata)(unsigned vcpu, int64_t num, uint64_t a1,
                               uint64_t a2, uint64_t a3, uint64_t a4,
                               uint64_t a5, uint64_t a6, uint64_t a7,
                               uint64_t a8, void *udata);
typedef void (*CbIdSysret)(uint64_t id, unsigned vcpu, int64_t num, int64_t ret);
typedef void (*CbSysretUdata)(unsigned vcpu, int64_t num, int64_t ret,
                              void *udata);
typedef bool (*CbIdFilter)(uint64_t id, unsigned vcpu, int64_t num,
                           uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                           uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8,
                           uint64_t *sysret);
typedef bool (*CbFilterUdata)(unsigned vcpu, int64_t num, uint64_t a1,
                              uint64_t a2, uint64_t a3, uint64_t a4,
                              uint64_t a5, uint64_t a6, uint64_t a7,
                              uint64_t a8, int64_t *sysret, void *udata);

/* The "simple" shape of flush, uninstall and reset callbacks. */
static void call_simple(Plugin *p, PluginFn fn, void *udata)
{
    if (p->version <= 6) {
        ((CbId)fn)(p->id);
    } else {
        ((CbUdata)fn)(udata);
    }
}

static void call_vcpu(Plugin *p, PluginFn fn, void *udata, unsigned vcpu)
{
    if (p->version <= 6) {
        ((CbIdVcpu)fn)(p->id, vcpu);
    } else {
        ((CbVcpuUdata)fn)(vcpu, udata);
    }
}

static void dispatch_vcpu(PluginEvent ev, unsigned vcpu)
{
    unsigned n;
    g_autofree CbSnap *all = snapshot(ev, &n);

    for (unsigned i = 0; i < n; i++) {
        CbSnap *s = &all[i];
        PluginCbCtx saved = plugin_call_begin(s->p, PLUGIN_REGS_RW, true);
        call_vcpu(s->p, s->fn, s->udata, vcpu);
        plugin_call_end(saved);
    }
}

void plugin_vcpu_for_each(Plugin *p, PluginFn cb, void *udata)
{
    g_autoptr(GArray) vcpus = NULL;

    if (!cb) {
        return;
    }
    plugin_lock();
    vcpus = live_vcpus ? g_array_copy(live_vcpus)
                       : g_array_new(FALSE, FALSE, sizeof(unsigned));
    plugin_unlock();
    for (guint i = 0; i < vcpus->len; i++) {
        call_vcpu(p, cb, udata, g_array_index(vcpus, unsigned, i));
    }
}

void plugin_tb_trans_dispatch(struct qemu_plugin_tb *tb)
{
    unsigned n;
    g_autofree CbSnap *all = snapshot(PLUGIN_EV_TB_TRANS, &n);

    for (unsigned i = 0; i < n; i++) {
        CbSnap *s = &all[i];
        PluginCbCtx saved = plugin_call_begin(s->p, PLUGIN_REGS_RW, true);
        if (s->p->version <= 6) {
            ((CbIdTb)s->fn)(s->p->id, tb);
        } else {
            ((CbTbUdata)s->fn)(tb, s->udata);
        }
        plugin_call_end(saved);
    }
}

bool plugin_has_tb_trans(void)
{
    return plugin_enabled && ev_lists[PLUGIN_EV_TB_TRANS]->len > 0;
}

/* -- vCPUs ------------------------------------------------------------------------- */

void plugin_vcpu_init(CPUARMState *env, unsigned vcpu_index)
{
    plugin_cur_env = env;
    plugin_cur_vcpu = (int)vcpu_index;
    if (!plugin_enabled) {
        return;
    }
    plugin_lock();
    g_array_append_val(live_vcpus, vcpu_index);
    num_vcpus = MAX(num_vcpus, (int)vcpu_index + 1);
    vcpus_started = true;
    plugin_unlock();
    scoreboard_ensure(vcpu_index);
    dispatch_vcpu(PLUGIN_EV_VCPU_INIT, vcpu_index);
}

void plugin_vcpu_exit(unsigned vcpu_index)
{
    if (!plugin_enabled) {
        return;
    }
    dispatch_vcpu(PLUGIN_EV_VCPU_EXIT, vcpu_index);
    plugin_lock();
    for (guint i = 0; i < live_vcpus->len; i++) {
        if (g_array_index(live_vcpus, unsigned, i) == vcpu_index) {
            g_array_remove_index(live_vcpus, i);
            break;
        }
    }
    plugin_unlock();
}

int plugin_num_vcpus(void)
{
    return num_vcpus;
}

/* -- Syscalls (the hooks syscall/dispatch.c calls) ------------------------------- */

/* QEMU passes x0..x5 as a1..a6 and zero as a7, a8. */
static void plugin_syscall_enter(CPUARMState *env, uint64_t nr,
                                 const uint64_t a[6])
{
    unsigned vcpu = (unsigned)MAX(plugin_cur_vcpu, 0);
    unsigned n;
    g_autofree CbSnap *all = snapshot(PLUGIN_EV_SYSCALL, &n);

    for (unsigned i = 0; i < n; i++) {
        CbSnap *s = &all[i];
        PluginCbCtx saved = plugin_call_begin(s->p, PLUGIN_REGS_RW, true);
        if (s->p->version <= 6) {
            ((CbIdSyscall)s->fn)(s->p->id, vcpu, (int64_t)nr, a[0], a[1],
                                 a[2], a[3], a[4], a[5], 0, 0);
        } else {
            ((CbSyscallUdata)s->fn)(vcpu, (int64_t)nr, a[0], a[1], a[2],
                                    a[3], a[4], a[5], 0, 0, s->udata);
        }
        plugin_call_end(saved);
    }
}

/* Filters run in list order until one takes the syscall. */
static bool plugin_syscall_filter(CPUARMState *env, uint64_t nr,
                                  const uint64_t a[6], int64_t *ret)
{
    unsigned vcpu = (unsigned)MAX(plugin_cur_vcpu, 0);
    unsigned n;
    g_autofree CbSnap *all = snapshot(PLUGIN_EV_SYSCALL_FILTER, &n);

    for (unsigned i = 0; i < n; i++) {
        CbSnap *s = &all[i];
        /* A filter may divert the vCPU (qemu_plugin_set_pc), which leaves
         * the syscall by longjmp: @all then leaks, once per diversion. */
        PluginCbCtx saved = plugin_call_begin(s->p, PLUGIN_REGS_RW_PC, true);
        int64_t sysret = 0;
        bool taken;

        /* v6 says uint64_t *, v7 int64_t *: the same 64 bits. */
        if (s->p->version <= 6) {
            taken = ((CbIdFilter)s->fn)(s->p->id, vcpu, (int64_t)nr, a[0],
                                        a[1], a[2], a[3], a[4], a[5], 0, 0,
                                        (uint64_t *)&sysret);
        } else {
            taken = ((CbFilterUdata)s->fn)(vcpu, (int64_t)nr, a[0], a[1],
                                           a[2], a[3], a[4], a[5], 0, 0,
                                           &sysret, s->udata);
        }
        plugin_call_end(saved);
        if (taken) {
            *ret = sysret;
            return true;
        }
    }
    return false;
}

static void plugin_syscall_return(CPUARMState *env, uint64_t nr, int64_t ret)
{
    unsigned vcpu = (unsigned)MAX(plugin_cur_vcpu, 0);
    unsigned n;
    g_autofree CbSnap *all = snapshot(PLUGIN_EV_SYSCALL_RET, &n);

    for (unsigned i = 0; i < n; i++) {
        CbSnap *s = &all[i];
        PluginCbCtx saved = plugin_call_begin(s->p, PLUGIN_REGS_RW, true);
        if (s->p->version <= 6) {
            ((CbIdSysret)s->fn)(s->p->id, vcpu, (int64_t)nr, ret);
        } else {
            ((CbSysretUdata)s->fn)(vcpu, (int64_t)nr, ret, s->udata);
        }
        plugin_call_end(saved);
    }
}

/* -- Flush --------------------------------------------------------------------------- */

static void dispatch_flush(void)
{
    unsigned n;
    g_autofree CbSnap *all = snapshot(PLUGIN_EV_FLUSH, &n);

    for (unsigned i = 0; i < n; i++) {
        CbSnap *s = &all[i];
        PluginCbCtx saved = plugin_call_begin(s->p, PLUGIN_REGS_NONE, false);
        call_simple(s->p, s->fn, s->udata);
        plugin_call_end(saved);
    }
}

void plugin_flush_all(void)
{
    tb_flush();
    dispatch_flush();
}

bool plugin_gen_flushed(void)
{
    if (!plugin_enabled) {
        return false;
    }
    /* The block just inserted survived the flush but was instrumented for
     * data that flush callbacks may now free: drop it too. */
    plugin_flush_all();
    return true;
}

/* -- Uninstall and reset ----------------------------------------------------------- */

/* Runs with no block of the guest on the stack (or before any ran). */
static void plugin_finish_work(Plugin *p)
{
    bool uninstall = p->uninstalling;
    PluginFn cb = p->pending_cb;
    void *udata = p->pending_udata;
    PluginCbCtx saved;

    plugin_lock();
    plugin_forget_cbs_locked(p);
    p->work_pending = false;
    p->pending_cb = NULL;
    plugin_unlock();
    /* Dynamic instrumentation lives in translated code: drop it all. */
    plugin_flush_all();
    p->resetting = false;
    if (cb) {
        saved = plugin_call_begin(p, PLUGIN_REGS_NONE, false);
        call_simple(p, cb, udata);
        plugin_call_end(saved);
    }
    if (uninstall) {
        plugin_remove_and_free(p);
    }
}

static void plugin_request_work(Plugin *p, bool uninstall, PluginFn cb,
                                void *udata)
{
    bool now;

    if (p->installing && uninstall) {
        fprintf(stderr, "Calling qemu_plugin_uninstall from the install "
                "function is a bug. Instead, return !0 from the install "
                "function.\n");
        abort();
    }
    plugin_lock();
    if (p->uninstalling || p->work_pending) {
        plugin_unlock();                /* a second request is ignored */
        return;
    }
    if (uninstall) {
        p->uninstalling = true;
    } else {
        p->resetting = true;
    }
    p->pending_cb = cb;
    p->pending_udata = udata;
    p->work_pending = true;
    /* Without a vCPU on this thread no block can be running: do it now. */
    now = !vcpus_started || plugin_cur_env == NULL;
    if (!now) {
        plugin_pending_work = 1;
        tcg_exit_request = 1;           /* leave the chain of blocks soon */
    }
    plugin_unlock();
    if (now) {
        plugin_finish_work(p);
    }
}

void plugin_request_uninstall(Plugin *p, PluginFn cb, void *udata)
{
    plugin_request_work(p, true, cb, udata);
}

void plugin_request_reset(Plugin *p, PluginFn cb, void *udata)
{
    plugin_request_work(p, false, cb, udata);
}

void plugin_run_pending_work(void)
{
    for (;;) {
        Plugin *todo = NULL;

        plugin_lock();
        plugin_pending_work = 0;
        for (guint i = 0; plugins && i < plugins->len && !todo; i++) {
            Plugin *p = g_ptr_array_index(plugins, i);
            if (p->work_pending) {
                todo = p;
            }
        }
        plugin_unlock();
        if (!todo) {
            break;
        }
        plugin_finish_work(todo);
    }
    tcg_exit_request = 0;
}

/* -- Exit ------------------------------------------------------------------------------- */

void plugin_atexit(void)
{
    static bool done;
    g_autofree CbSnap *all = NULL;
    unsigned n;

    if (done || !plugin_enabled) {
        return;
    }
    done = true;
    /* As QEMU: drop every other callback of every plugin first, so the
     * summaries see final counts and nothing fires during them. */
    plugin_lock();
    all = snapshot(PLUGIN_EV_ATEXIT, &n);
    for (guint i = 0; i < plugins->len; i++) {
        plugin_forget_cbs_locked(g_ptr_array_index(plugins, i));
    }
    plugin_unlock();
    syscall_set_plugin_hooks(NULL, NULL);
    syscall_set_plugin_filter(NULL);
    tb_flush();
    for (unsigned i = 0; i < n; i++) {
        Plugin *p = all[i].p;
        PluginCbCtx saved = plugin_call_begin(p, PLUGIN_REGS_NONE, false);

        if (p->version <= 6) {
            ((CbIdUdata)all[i].fn)(p->id, all[i].udata);
        } else {
            ((CbUdata)all[i].fn)(all[i].udata);
        }
        plugin_call_end(saved);
    }
    fflush(log_stream());
}

static void plugin_atexit_c(void)
{
    plugin_atexit();
}

/* -- Fork ------------------------------------------------------------------------------ */

void plugin_fork_child(void)
{
    /* Only the forking thread lives on in the child: a lock another thread
     * held at the fork would never be released, so start with a fresh one.
     * Nothing else changes: the child's atexit (a copy of "not done yet")
     * runs at the child's own exit. */
    g_rec_mutex_init(&lock);
    qpp_fork_child();
}

/* -- Output and the guest program --------------------------------------------------- */

void plugin_outs(const char *s)
{
    if (s && log_enabled(log_plugin)) {
        fputs(s, log_stream());
    }
}

void plugin_set_guest_program(const GuestProgram *prog)
{
    plugin_program.valid = true;
    plugin_program.path = g_strdup(syscall_exe_path() ? syscall_exe_path()
                                                      : prog->exe.path);
    plugin_program.start_code = prog->exe.start_code;
    plugin_program.end_code = prog->exe.end_code;
    plugin_program.entry = prog->exe.entry;
    plugin_program.exe_path = g_strdup(prog->exe.path);
    plugin_program.exe_bias = prog->exe.load_bias;
    if (prog->has_interp) {
        plugin_program.interp_path = g_strdup(prog->interp.path);
        plugin_program.interp_bias = prog->interp.load_bias;
    }
}

static void plugin_register_log(void)
{
    log_plugin = log_item_register("plugin", "output from TCG plugins");
}
module_init(plugin_register_log, MODULE_INIT_LOG);
