// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-plugin-qpp.h: plugin-to-plugin interaction (QPP) for arm-uemu.
 *
 * One plugin (the producer) creates named callback events and raises them;
 * other plugins (consumers) subscribe to them, and call functions the
 * producer exports. Everything goes through the emulator's core, which
 * finds plugins by name and defers every cross-plugin reference until all
 * plugins are loaded, so the order of -plugin options does not matter.
 * docs/qpp.md is the guide; in short:
 *
 *   producer (libqpp-syscalls.so)
 *     QEMU_PLUGIN_EXPORT const char *qemu_plugin_name = "qpp-syscalls";
 *     install:  qemu_plugin_create_callback(id, "syscall", 1);
 *     later:    qemu_plugin_run_callback(id, "syscall", &event);
 *
 *   consumer
 *     install:  qemu_plugin_reg_callback(id, "qpp-syscalls", "syscall", 1,
 *                                        on_syscall, my_udata);
 *     on_syscall(gpointer evdata, gpointer udata) runs once per raise.
 *
 * Names. A plugin's QPP name is its exported `const char *qemu_plugin_name`
 * if it has one, else its file name with exactly "lib" in front and ".so"
 * behind removed (libqpp-syscalls.so -> "qpp-syscalls"; any other file name
 * is its own name). Two plugins declaring the same qemu_plugin_name cannot
 * be loaded together; a file-name clash is an error only when a reference
 * names it.
 *
 * Resolution. Subscriptions and imports that name a plugin or event not
 * loaded yet wait; right after the last plugin's qemu_plugin_install the
 * core binds them all, and one that cannot be bound stops the start-up like
 * any plugin load error ("Could not load plugin PATH: plugin-to-plugin:
 * ...", naming both plugins, exit status 1). After that point references
 * bind at once or fail at once (false/NULL and a message on stderr).
 *
 * Event ABI versions. The creator gives each event a version number (the
 * layout of the evdata it passes); a subscriber states the version it was
 * written for, or QEMU_PLUGIN_QPP_ANY_VERSION. A mismatch is an error like
 * a missing event.
 *
 * Running. Subscribers run in registration order, on the producer's thread,
 * with the producer's register permissions. A run works on a snapshot of
 * the subscriber list: a subscription added during a run first runs at the
 * next raise; one removed during a run (itself or another) is not called
 * after its removal, and no other subscriber is skipped. Runs may happen
 * on several vCPU threads at once.
 *
 * Every function here is exported by the emulator in every API dialect
 * (marked QEMU_PLUGIN_API, as in qemu-plugin.h). The second half of the file
 * gives the 2022 proposal's macros (QPP_CREATE_CB and friends), implemented
 * over these functions.
 */
#ifndef QEMU_PLUGIN_QPP_H
#define QEMU_PLUGIN_QPP_H

#include <stdbool.h>
#include <glib.h>
#include <gmodule.h>

#include "qemu-plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header's interface (not of any event). */
#define QEMU_PLUGIN_QPP_VERSION 1

/* An id argument of 0: "the calling plugin" (the one whose install or
 * callback is running, or, in a constructor, the one being loaded). */
#define QEMU_PLUGIN_QPP_SELF ((qemu_plugin_id_t)0)

/* A subscriber's expected event version that accepts any version. */
#define QEMU_PLUGIN_QPP_ANY_VERSION 0

/* A subscriber: @evdata from the raise, @udata from the registration. */
typedef void (*cb_func_t)(gpointer evdata, gpointer udata);

/*
 * qemu_plugin_create_callback: plugin @id creates event @name (copied) with
 * ABI @version (>= 1; 0 = unversioned, accepted by every subscriber).
 * False if @id already has an event of that name.
 */
QEMU_PLUGIN_API
bool qemu_plugin_create_callback(qemu_plugin_id_t id, const char *name,
                                 int version);

/*
 * qemu_plugin_run_callback: plugin @id raises its event @name: every
 * subscriber's function runs with (@evdata, its own udata), in
 * registration order. False if @id has no event @name.
 */
QEMU_PLUGIN_API
bool qemu_plugin_run_callback(qemu_plugin_id_t id, const char *name,
                              gpointer evdata);

/*
 * qemu_plugin_reg_callback: plugin @id subscribes @fp, with @udata, to event
 * @cb_name of plugin @target_plugin, written for event ABI @version (or
 * QEMU_PLUGIN_QPP_ANY_VERSION). The same function may be registered several
 * times (each registration runs). Before the end of loading a reference to
 * an absent plugin or event waits (true); after it, false and a message.
 */
QEMU_PLUGIN_API
bool qemu_plugin_reg_callback(qemu_plugin_id_t id, const char *target_plugin,
                              const char *cb_name, int version, cb_func_t fp,
                              gpointer udata);

/*
 * qemu_plugin_unreg_callback: remove @id's earliest registration of @fp with
 * @udata on @target_plugin's event @cb_name. Safe from inside a run of that
 * very event (see "Running" above). False if there was none.
 */
QEMU_PLUGIN_API
bool qemu_plugin_unreg_callback(qemu_plugin_id_t id, const char *target_plugin,
                                const char *cb_name, cb_func_t fp,
                                gpointer udata);

/*
 * qemu_plugin_import_function: the address of @function, exported by plugin
 * @plugin (QEMU_PLUGIN_EXPORT on its definition). NULL if the plugin or the
 * function is missing: during loading, a plugin not loaded yet is noted and
 * must appear by the end of loading (call again from a later callback, or
 * use QPP_FUN_PROTOTYPE, which is filled in at the end of loading).
 */
QEMU_PLUGIN_API
gpointer qemu_plugin_import_function(const char *plugin, const char *function);

/*
 * qemu_plugin_import_function_to: ask the core to store the address of
 * @plugin's @function into *@slot when loading ends (or now, if it has
 * ended). A missing plugin or function then fails the start-up with a
 * message naming both plugins, except that a plugin importing from itself
 * is never an error. Used by QPP_FUN_PROTOTYPE.
 */
QEMU_PLUGIN_API
bool qemu_plugin_import_function_to(const char *plugin, const char *function,
                                    gpointer *slot);

/* qemu_plugin_name_to_handle: the module of the plugin named @name, or NULL
 * (for the 2022 v1 proposal's users; our macros do not need it). */
QEMU_PLUGIN_API
GModule *qemu_plugin_name_to_handle(const char *name);

/*
 * A raise, step by step, for subscribers with a typed signature (QPP_RUN_CB):
 * begin snapshots the subscribers of the caller's event @name (NULL if it
 * has none), next hands out the live ones in order and switches the core's
 * idea of the running plugin to that subscriber, end frees the snapshot.
 */
typedef struct qemu_plugin_qpp_run qemu_plugin_qpp_run;
typedef void (*qemu_plugin_qpp_fn)(void);

QEMU_PLUGIN_API
qemu_plugin_qpp_run *qemu_plugin_qpp_run_begin(qemu_plugin_id_t id,
                                               const char *name);
QEMU_PLUGIN_API
bool qemu_plugin_qpp_run_next(qemu_plugin_qpp_run *run,
                              qemu_plugin_qpp_fn *fn, gpointer *udata);
QEMU_PLUGIN_API
void qemu_plugin_qpp_run_end(qemu_plugin_qpp_run *run);

/* -- The 2022 proposal's macros, over the functions above ---------------- */

/*
 * QPP_CB_PROTOTYPE(void, on_exit, int, bool): the type on_exit_t of the
 * typed subscribers of event on_exit (put it in a header both plugins see).
 */
#define QPP_CB_PROTOTYPE(ret, name, ...) \
    typedef ret name##_t(__VA_ARGS__)

/*
 * QPP_CREATE_CB(on_exit): at file scope of the producer: the event exists
 * as soon as the plugin is loaded (unversioned, like the proposal's).
 */
#define QPP_CREATE_CB(name) \
    static void __attribute__((constructor)) qpp_create_cb_##name(void) \
    { \
        qemu_plugin_create_callback(QEMU_PLUGIN_QPP_SELF, #name, 0); \
    }

/* QPP_RUN_CB(on_exit, 3, true): in the producer, call each subscriber. */
#define QPP_RUN_CB(name, ...) \
    do { \
        qemu_plugin_qpp_run *qpp_run_ = \
            qemu_plugin_qpp_run_begin(QEMU_PLUGIN_QPP_SELF, #name); \
        qemu_plugin_qpp_fn qpp_fn_; \
        gpointer qpp_udata_; \
        while (qemu_plugin_qpp_run_next(qpp_run_, &qpp_fn_, &qpp_udata_)) { \
            ((name##_t *)qpp_fn_)(__VA_ARGS__); \
        } \
        qemu_plugin_qpp_run_end(qpp_run_); \
    } while (0)

/* QPP_REG_CB("qpp_srv", on_exit, my_fn): subscribe a typed function. */
#define QPP_REG_CB(other_plugin, name, fn) \
    do { \
        name##_t *qpp_typed_ = (fn); \
        qemu_plugin_reg_callback(QEMU_PLUGIN_QPP_SELF, (other_plugin), #name, \
                                 QEMU_PLUGIN_QPP_ANY_VERSION, \
                                 (cb_func_t)(void (*)(void))qpp_typed_, NULL); \
    } while (0)

/* QPP_REMOVE_CB("qpp_srv", on_exit, my_fn): undo one QPP_REG_CB. */
#define QPP_REMOVE_CB(other_plugin, name, fn) \
    do { \
        name##_t *qpp_typed_ = (fn); \
        qemu_plugin_unreg_callback(QEMU_PLUGIN_QPP_SELF, (other_plugin), \
                                   #name, \
                                   (cb_func_t)(void (*)(void))qpp_typed_, \
                                   NULL); \
    } while (0)

/*
 * QPP_FUN_PROTOTYPE(qpp_srv, int, do_add, int): in a header both plugins
 * see: declares do_add, the type do_add_t and the pointer qpp_srv_do_add,
 * which the core fills in when loading ends (NULL before: do not call it
 * from qemu_plugin_install). The plugin name must be a C identifier here;
 * for other names call qemu_plugin_import_function yourself.
 */
#define QPP_FUN_PROTOTYPE(plugin, ret, fn, ...) \
    ret fn(__VA_ARGS__); \
    typedef ret fn##_t(__VA_ARGS__); \
    static fn##_t *plugin##_##fn; \
    static void __attribute__((constructor)) qpp_import_##plugin##_##fn(void) \
    { \
        qemu_plugin_import_function_to(#plugin, #fn, \
                                       (gpointer *)&plugin##_##fn); \
    }

#ifdef __cplusplus
}
#endif

#endif /* QEMU_PLUGIN_QPP_H */
