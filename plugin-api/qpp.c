// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qpp.c: plugin-to-plugin interaction (QPP): named events one plugin raises
 * and others subscribe to, and functions one plugin imports from another.
 * The public side is qemu-plugin-qpp.h; docs/qpp.md gives the semantics and
 * how they differ from the 2022 proposal.
 *
 * Data. Each loaded plugin has a QppPlugin: its QPP name and the events it
 * created. An event keeps its subscriptions (QppReg) sorted by a global
 * registration number, so callbacks run in registration order even when
 * some subscriptions were bound at registration and others only when
 * loading ended. Subscriptions whose plugin or event is not there yet wait
 * in @pending; imports that must be filled in later wait in @imports.
 *
 * Resolution. The loader calls qpp_resolve_all() after the last plugin's
 * install: every pending subscription and import must bind then, or the
 * start-up fails naming both plugins. From then on (@resolved) a reference
 * binds at once or fails at once.
 *
 * Runs and removal. A run snapshots the event's subscriptions under the lock,
 * taking a reference on each, and calls them without the lock. Removing a
 * subscription marks it removed (so a pending call of it in any running
 * snapshot is skipped) and drops the list's reference; the snapshot's
 * reference keeps the memory alive until the run ends. So a callback may
 * unregister itself or any other one mid-run: nothing is skipped that is
 * still registered, nothing removed is called afterwards, nothing is freed
 * under a running loop. No capacity limit: GPtrArrays grow.
 *
 * Identity of the caller. Functions take the caller's id; id 0 means the
 * plugin whose install or callback is running on this thread (plugin_ctx),
 * or during a plugin's dlopen (constructors of QPP_CREATE_CB and
 * QPP_FUN_PROTOTYPE) the plugin being loaded, whose declarations are kept
 * in @loading until the loader hands over its Plugin.
 */
#include "plugin.h"
#include "qemu-plugin-qpp.h"
#include "linux-user/error.h"

#include <stdio.h>
#include <string.h>

typedef struct QppPlugin {
    Plugin *plugin;               /* NULL while its dlopen runs */
    char *name;                   /* QPP name */
    bool declared;                /* from qemu_plugin_name */
    GPtrArray *events;            /* QppEvent *, creation order */
} QppPlugin;

typedef struct QppEvent {
    QppPlugin *owner;
    char *name;
    int version;
    GPtrArray *subs;              /* QppReg *, by registration number */
} QppEvent;

typedef struct QppReg {
    gint refs;                    /* the list's + each running snapshot's */
    gint removed;                 /* atomic: not to be called any more */
    uint64_t seq;                 /* registration order */
    QppPlugin *sub;
    char *target, *event;
    int version;
    cb_func_t fn;
    gpointer udata;
} QppReg;

typedef struct QppImport {
    QppPlugin *importer;
    char *target, *function;
    gpointer *slot;               /* NULL: only check that it resolves */
} QppImport;

struct qemu_plugin_qpp_run {
    QppReg **regs;
    guint n, next;
    PluginCbCtx outer;            /* the producer's context */
};

static GMutex qpp_mutex;
static GPtrArray *qpp_plugins;    /* QppPlugin *, load order */
static GPtrArray *pending;        /* QppReg *, not bound yet */
static GPtrArray *imports;        /* QppImport *, not filled yet */
static QppPlugin *loading;        /* the plugin inside g_module_open */
static bool resolved;             /* loading has ended */
static uint64_t next_seq;

/* -- Helpers (callers hold qpp_mutex unless said otherwise) ------------------ */

static void qpp_init_locked(void)
{
    if (!qpp_plugins) {
        qpp_plugins = g_ptr_array_new();
        pending = g_ptr_array_new();
        imports = g_ptr_array_new();
    }
}

static void reg_unref(QppReg *r)
{
    if (g_atomic_int_dec_and_test(&r->refs)) {
        g_free(r->target);
        g_free(r->event);
        g_free(r);
    }
}

static void import_free(QppImport *imp)
{
    g_free(imp->target);
    g_free(imp->function);
    g_free(imp);
}

static const char *qpp_path(const QppPlugin *q)
{
    return q && q->plugin ? q->plugin->path : "(loading)";
}

static const char *qpp_name(const QppPlugin *q)
{
    return q ? q->name : "(no plugin)";
}

/* The caller: @id, or the running plugin, or the one being loaded. */
static QppPlugin *qpp_caller(qemu_plugin_id_t id)
{
    if (id) {
        return plugin_by_id(id)->qpp;
    }
    if (plugin_ctx.plugin) {
        return plugin_ctx.plugin->qpp;
    }
    return loading;
}

/*
 * The plugin named @name. *@ambiguous is set when several are (only
 * possible for names taken from file names).
 */
static QppPlugin *find_plugin_locked(const char *name, bool *ambiguous)
{
    QppPlugin *found = NULL;

    *ambiguous = false;
    for (guint i = 0; qpp_plugins && i < qpp_plugins->len; i++) {
        QppPlugin *q = g_ptr_array_index(qpp_plugins, i);
        if (!g_strcmp0(q->name, name)) {
            *ambiguous |= found != NULL;
            found = q;
        }
    }
    return found;
}

static QppEvent *find_event(QppPlugin *owner, const char *name)
{
    for (guint i = 0; owner && i < owner->events->len; i++) {
        QppEvent *ev = g_ptr_array_index(owner->events, i);
        if (!g_strcmp0(ev->name, name)) {
            return ev;
        }
    }
    return NULL;
}

/* Insert @r into @ev's list at its registration-order place. */
static void event_add_sub(QppEvent *ev, QppReg *r)
{
    guint at = ev->subs->len;

    while (at > 0 && ((QppReg *)g_ptr_array_index(ev->subs, at - 1))->seq > r->seq) {
        at--;
    }
    g_ptr_array_insert(ev->subs, (gint)at, r);
}

/*
 * Bind @r to its event. Returns NULL on success, else the reason (g_free);
 * "not yet" reasons are only final once loading has ended.
 */
static char *bind_reg_locked(QppReg *r)
{
    bool ambiguous;
    QppPlugin *target = find_plugin_locked(r->target, &ambiguous);
    QppEvent *ev;

    if (!target) {
        return g_strdup_printf("%s (%s) subscribes to event '%s' of plugin "
                               "'%s', but no loaded plugin is named '%s'",
                               qpp_name(r->sub), qpp_path(r->sub), r->event,
                               r->target, r->target);
    }
    if (ambiguous) {
        return g_strdup_printf("%s (%s) subscribes to event '%s' of plugin "
                               "'%s', but several loaded plugins are named "
                               "'%s'", qpp_name(r->sub), qpp_path(r->sub),
                               r->event, r->target, r->target);
    }
    ev = find_event(target, r->event);
    if (!ev) {
        return g_strdup_printf("%s (%s) subscribes to event '%s' of plugin "
                               "'%s' (%s), which creates no such event",
                               qpp_name(r->sub), qpp_path(r->sub), r->event,
                               r->target, qpp_path(target));
    }
    if (r->version != QEMU_PLUGIN_QPP_ANY_VERSION && ev->version != r->version) {
        return g_strdup_printf("%s (%s) expects version %d of event '%s' of "
                               "plugin '%s' (%s), which creates version %d",
                               qpp_name(r->sub), qpp_path(r->sub), r->version,
                               r->event, r->target, qpp_path(target),
                               ev->version);
    }
    event_add_sub(ev, r);
    return NULL;
}

/* Fill in @imp. NULL on success, else the reason (g_free). */
static char *bind_import_locked(QppImport *imp)
{
    bool ambiguous;
    QppPlugin *target = find_plugin_locked(imp->target, &ambiguous);
    gpointer addr = NULL;

    if (!target || ambiguous) {
        return g_strdup_printf("%s (%s) imports '%s' from plugin '%s', but %s "
                               "loaded plugin is named '%s'",
                               qpp_name(imp->importer), qpp_path(imp->importer),
                               imp->function, imp->target,
                               target ? "more than one" : "no", imp->target);
    }
    if (target->plugin &&
        !g_module_symbol(target->plugin->module, imp->function, &addr)) {
        addr = NULL;
    }
    if (!addr && target != imp->importer) {
        return g_strdup_printf("%s (%s) imports '%s' from plugin '%s' (%s), "
                               "which does not export it",
                               qpp_name(imp->importer), qpp_path(imp->importer),
                               imp->function, imp->target, qpp_path(target));
    }
    if (imp->slot) {
        *imp->slot = addr;
    }
    return NULL;
}

/* A failure after loading: say it, as the proposal's users would see it. */
static void qpp_report(char *why)
{
    fprintf(stderr, "arm-uemu: plugin-to-plugin: %s\n", why);
    g_free(why);
}

/* -- Loader hooks (plugin.h) ---------------------------------------------------- */

void qpp_loading_begin(void)
{
    g_mutex_lock(&qpp_mutex);
    qpp_init_locked();
    loading = g_new0(QppPlugin, 1);
    loading->events = g_ptr_array_new();
    g_mutex_unlock(&qpp_mutex);
}

/* The name a plugin goes by: qemu_plugin_name, else lib<name>.so. */
static char *plugin_qpp_name(Plugin *p, bool *declared)
{
    gpointer sym = NULL;
    g_autofree char *base = g_path_get_basename(p->path);
    size_t len = strlen(base);

    *declared = false;
    if (g_module_symbol(p->module, "qemu_plugin_name", &sym) && sym &&
        *(const char **)sym) {
        *declared = true;
        return g_strdup(*(const char **)sym);
    }
    if (len > 6 && g_str_has_prefix(base, "lib") && g_str_has_suffix(base, ".so")) {
        return g_strndup(base + 3, len - 6);
    }
    return g_steal_pointer(&base);
}

bool qpp_plugin_added(Plugin *p, GError **err)
{
    QppPlugin *q;
    bool declared;
    char *name = plugin_qpp_name(p, &declared);

    g_mutex_lock(&qpp_mutex);
    qpp_init_locked();
    q = loading ? loading : g_new0(QppPlugin, 1);
    loading = NULL;
    if (!q->events) {
        q->events = g_ptr_array_new();
    }
    q->plugin = p;
    q->name = name;
    q->declared = declared;
    p->qpp = q;
    if (declared) {
        for (guint i = 0; i < qpp_plugins->len; i++) {
            QppPlugin *o = g_ptr_array_index(qpp_plugins, i);
            if (o->declared && !g_strcmp0(o->name, name)) {
                g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN,
                            "plugin-to-plugin: the name %s is already in use "
                            "by plugin at %s", name, qpp_path(o));
                g_ptr_array_add(qpp_plugins, q);
                g_mutex_unlock(&qpp_mutex);
                return false;
            }
        }
    }
    g_ptr_array_add(qpp_plugins, q);
    g_mutex_unlock(&qpp_mutex);
    return true;
}

bool qpp_resolve_all(const char **culprit, GError **err)
{
    char *why = NULL;

    g_mutex_lock(&qpp_mutex);
    qpp_init_locked();
    resolved = true;
    /* Bind in registration order, so the error is the first reference. */
    while (pending->len && !why) {
        QppReg *r = g_ptr_array_index(pending, 0);
        why = bind_reg_locked(r);
        if (why) {
            *culprit = qpp_path(r->sub);
        } else {
            g_ptr_array_remove_index(pending, 0);
        }
    }
    while (imports->len && !why) {
        QppImport *imp = g_ptr_array_index(imports, 0);
        why = bind_import_locked(imp);
        if (why) {
            *culprit = qpp_path(imp->importer);
        } else {
            g_ptr_array_remove_index(imports, 0);
            import_free(imp);
        }
    }
    g_mutex_unlock(&qpp_mutex);
    if (why) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_PLUGIN, "plugin-to-plugin: %s",
                    why);
        g_free(why);
        return false;
    }
    return true;
}

void qpp_plugin_removed(Plugin *p)
{
    QppPlugin *q = p->qpp;

    if (!q) {
        return;
    }
    g_mutex_lock(&qpp_mutex);
    /* Its events go, and every subscription to them. */
    for (guint i = 0; i < q->events->len; i++) {
        QppEvent *ev = g_ptr_array_index(q->events, i);
        for (guint j = 0; j < ev->subs->len; j++) {
            QppReg *r = g_ptr_array_index(ev->subs, j);
            g_atomic_int_set(&r->removed, 1);
            reg_unref(r);
        }
        g_ptr_array_unref(ev->subs);
        g_free(ev->name);
        g_free(ev);
    }
    g_ptr_array_unref(q->events);
    /* Its subscriptions to the others' events and its waiting references. */
    for (guint i = 0; i < qpp_plugins->len; i++) {
        QppPlugin *o = g_ptr_array_index(qpp_plugins, i);
        for (guint e = 0; o != q && e < o->events->len; e++) {
            QppEvent *ev = g_ptr_array_index(o->events, e);
            for (guint j = ev->subs->len; j-- > 0;) {
                QppReg *r = g_ptr_array_index(ev->subs, j);
                if (r->sub == q) {
                    g_atomic_int_set(&r->removed, 1);
                    g_ptr_array_remove_index(ev->subs, j);
                    reg_unref(r);
                }
            }
        }
    }
    for (guint j = pending->len; j-- > 0;) {
        QppReg *r = g_ptr_array_index(pending, j);
        if (r->sub == q) {
            g_ptr_array_remove_index(pending, j);
            reg_unref(r);
        }
    }
    for (guint j = imports->len; j-- > 0;) {
        QppImport *imp = g_ptr_array_index(imports, j);
        if (imp->importer == q) {
            g_ptr_array_remove_index(imports, j);
            import_free(imp);
        }
    }
    g_ptr_array_remove(qpp_plugins, q);
    p->qpp = NULL;
    g_mutex_unlock(&qpp_mutex);
    g_free(q->name);
    g_free(q);
}

void qpp_loading_abort(void)
{
    g_mutex_lock(&qpp_mutex);
    if (loading) {
        for (guint i = 0; i < loading->events->len; i++) {
            QppEvent *ev = g_ptr_array_index(loading->events, i);
            g_ptr_array_unref(ev->subs);
            g_free(ev->name);
            g_free(ev);
        }
        g_ptr_array_unref(loading->events);
        for (guint j = imports->len; j-- > 0;) {
            QppImport *imp = g_ptr_array_index(imports, j);
            if (imp->importer == loading) {
                g_ptr_array_remove_index(imports, j);
                import_free(imp);
            }
        }
        g_clear_pointer(&loading, g_free);
    }
    g_mutex_unlock(&qpp_mutex);
}

void qpp_fork_child(void)
{
    /* Only the forking thread survives: a lock another thread held would
     * stay held forever. The lists themselves are consistent (every
     * change happens under the lock, which the forking thread did not
     * hold: fork does not run inside a QPP call's locked section). */
    g_mutex_init(&qpp_mutex);
}

/* -- Events ----------------------------------------------------------------------- */

bool qemu_plugin_create_callback(qemu_plugin_id_t id, const char *name,
                                 int version)
{
    QppPlugin *q = qpp_caller(id);
    QppEvent *ev;

    if (!q || !name || version < 0) {
        return false;
    }
    g_mutex_lock(&qpp_mutex);
    if (find_event(q, name)) {
        g_mutex_unlock(&qpp_mutex);
        return false;
    }
    ev = g_new0(QppEvent, 1);
    ev->owner = q;
    ev->name = g_strdup(name);
    ev->version = version;
    ev->subs = g_ptr_array_new();
    g_ptr_array_add(q->events, ev);
    g_mutex_unlock(&qpp_mutex);
    return true;
}

qemu_plugin_qpp_run *qemu_plugin_qpp_run_begin(qemu_plugin_id_t id,
                                               const char *name)
{
    QppPlugin *q = qpp_caller(id);
    qemu_plugin_qpp_run *run;
    QppEvent *ev;

    if (!q) {
        return NULL;
    }
    g_mutex_lock(&qpp_mutex);
    ev = find_event(q, name);
    if (!ev) {
        g_mutex_unlock(&qpp_mutex);
        return NULL;
    }
    run = g_new0(qemu_plugin_qpp_run, 1);
    run->n = ev->subs->len;
    run->regs = g_new(QppReg *, run->n + 1);
    for (guint i = 0; i < run->n; i++) {
        run->regs[i] = g_ptr_array_index(ev->subs, i);
        g_atomic_int_inc(&run->regs[i]->refs);
    }
    g_mutex_unlock(&qpp_mutex);
    run->outer = plugin_ctx;
    return run;
}

bool qemu_plugin_qpp_run_next(qemu_plugin_qpp_run *run, qemu_plugin_qpp_fn *fn,
                              gpointer *udata)
{
    if (!run) {
        return false;
    }
    plugin_ctx = run->outer;
    while (run->next < run->n) {
        QppReg *r = run->regs[run->next++];

        if (g_atomic_int_get(&r->removed)) {
            continue;
        }
        /* The subscriber runs with the producer's permissions. */
        plugin_ctx.plugin = r->sub->plugin;
        *fn = (qemu_plugin_qpp_fn)r->fn;
        *udata = r->udata;
        return true;
    }
    return false;
}

void qemu_plugin_qpp_run_end(qemu_plugin_qpp_run *run)
{
    if (!run) {
        return;
    }
    plugin_ctx = run->outer;
    for (guint i = 0; i < run->n; i++) {
        reg_unref(run->regs[i]);
    }
    g_free(run->regs);
    g_free(run);
}

bool qemu_plugin_run_callback(qemu_plugin_id_t id, const char *name,
                              gpointer evdata)
{
    qemu_plugin_qpp_run *run = qemu_plugin_qpp_run_begin(id, name);
    qemu_plugin_qpp_fn fn;
    gpointer udata;

    if (!run) {
        return false;
    }
    while (qemu_plugin_qpp_run_next(run, &fn, &udata)) {
        ((cb_func_t)fn)(evdata, udata);
    }
    qemu_plugin_qpp_run_end(run);
    return true;
}

bool qemu_plugin_reg_callback(qemu_plugin_id_t id, const char *target_plugin,
                              const char *cb_name, int version, cb_func_t fp,
                              gpointer udata)
{
    QppPlugin *q = qpp_caller(id);
    QppReg *r;
    char *why;

    if (!q || !target_plugin || !cb_name || !fp) {
        return false;
    }
    r = g_new0(QppReg, 1);
    r->refs = 1;
    r->sub = q;
    r->target = g_strdup(target_plugin);
    r->event = g_strdup(cb_name);
    r->version = version;
    r->fn = fp;
    r->udata = udata;
    g_mutex_lock(&qpp_mutex);
    qpp_init_locked();
    r->seq = next_seq++;
    why = bind_reg_locked(r);
    if (why && !resolved) {
        /* Maybe a plugin loaded later: decided when loading ends. */
        g_ptr_array_add(pending, r);
        g_free(why);
        why = NULL;
    }
    g_mutex_unlock(&qpp_mutex);
    if (why) {
        qpp_report(why);
        reg_unref(r);
        return false;
    }
    return true;
}

/* Unlink the earliest matching registration from @list; true if found. */
static bool remove_from_locked(GPtrArray *list, QppPlugin *q,
                               const char *target, const char *event,
                               cb_func_t fp, gpointer udata)
{
    for (guint i = 0; i < list->len; i++) {
        QppReg *r = g_ptr_array_index(list, i);
        if (r->sub == q && r->fn == fp && r->udata == udata &&
            !g_strcmp0(r->target, target) && !g_strcmp0(r->event, event)) {
            g_atomic_int_set(&r->removed, 1);
            g_ptr_array_remove_index(list, i);
            reg_unref(r);
            return true;
        }
    }
    return false;
}

bool qemu_plugin_unreg_callback(qemu_plugin_id_t id, const char *target_plugin,
                                const char *cb_name, cb_func_t fp,
                                gpointer udata)
{
    QppPlugin *q = qpp_caller(id);
    bool ambiguous, done = false;
    QppPlugin *target;
    QppEvent *ev;

    if (!q) {
        return false;
    }
    g_mutex_lock(&qpp_mutex);
    qpp_init_locked();
    target = find_plugin_locked(target_plugin, &ambiguous);
    ev = target && !ambiguous ? find_event(target, cb_name) : NULL;
    if (ev) {
        done = remove_from_locked(ev->subs, q, target_plugin, cb_name, fp, udata);
    }
    if (!done) {
        done = remove_from_locked(pending, q, target_plugin, cb_name, fp, udata);
    }
    g_mutex_unlock(&qpp_mutex);
    return done;
}

/* -- Functions ------------------------------------------------------------------------ */

/* Import now, or (before the end of loading) note the reference for later. */
static bool import_now_or_later(QppPlugin *q, const char *plugin,
                                const char *function, gpointer *slot,
                                gpointer *addr)
{
    QppImport *imp = g_new0(QppImport, 1);
    gpointer got = NULL;
    char *why;

    imp->importer = q;
    imp->target = g_strdup(plugin);
    imp->function = g_strdup(function);
    imp->slot = &got;
    g_mutex_lock(&qpp_mutex);
    qpp_init_locked();
    if (!q) {
        why = g_strdup_printf("import of '%s' from plugin '%s' outside any "
                              "plugin's install or callback", function, plugin);
    } else if (!q->plugin) {
        why = g_strdup("the importer is still being loaded");
    } else {
        why = bind_import_locked(imp);
    }
    if (why && q && !resolved) {
        g_free(why);
        why = NULL;
        imp->slot = slot;         /* NULL: only a check */
        g_ptr_array_add(imports, imp);
        imp = NULL;
    }
    g_mutex_unlock(&qpp_mutex);
    if (imp) {
        import_free(imp);
    }
    if (why) {
        qpp_report(why);
        return false;
    }
    if (slot && got) {
        *slot = got;
    }
    *addr = got;
    return true;
}

gpointer qemu_plugin_import_function(const char *plugin, const char *function)
{
    gpointer addr = NULL;

    if (!plugin || !function) {
        return NULL;
    }
    import_now_or_later(qpp_caller(0), plugin, function, NULL, &addr);
    return addr;
}

bool qemu_plugin_import_function_to(const char *plugin, const char *function,
                                    gpointer *slot)
{
    gpointer addr = NULL;

    if (!plugin || !function || !slot) {
        return false;
    }
    return import_now_or_later(qpp_caller(0), plugin, function, slot, &addr);
}

GModule *qemu_plugin_name_to_handle(const char *name)
{
    bool ambiguous;
    QppPlugin *q;
    GModule *m = NULL;

    g_mutex_lock(&qpp_mutex);
    q = find_plugin_locked(name, &ambiguous);
    if (q && !ambiguous && q->plugin) {
        m = q->plugin->module;
    }
    g_mutex_unlock(&qpp_mutex);
    return m;
}
