// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * plugin.h: the plugin core: the hooks the emulator calls, and the
 * structures the core's files share (loader, core, weave, scoreboard,
 * regs-mem, api).
 *
 * The emulator side (linux-user) only uses the first section:
 *
 *     plugin_load_all(&err);                    // loader.h, after options
 *     plugin_set_guest_program(&prog);          // after the ELF is loaded
 *     plugin_vcpu_init(env, 0);                 // first vCPU, before it runs
 *     ...  tb-gen.c: plugin_gen_tb() between translation and optimization
 *     ...  cpu loop: plugin_block_boundary() between blocks
 *     plugin_atexit();                          // exit_group, fatal signal
 *
 * Everything below "Core internals" is private to plugin-api/. This file
 * never includes qemu-plugin.h: the core serves seven API dialects whose
 * typedefs clash, so it keeps callbacks as untyped function pointers plus
 * the version of the plugin that registered them (docs/plugins.md, section
 * 5), and casts to the right shape at the call.
 */
#ifndef UEMU_PLUGIN_H
#define UEMU_PLUGIN_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include <gmodule.h>

#include "linux-user/elfload.h"
#include "target-arm/cpu.h"
#include "tcg/ir.h"
#include "tcg/tb.h"

struct qemu_plugin_tb;
struct qemu_plugin_insn;

/* -- Hooks for the emulator --------------------------------------------- */

/* True once any plugin is loaded; every hook is cheap when it is false. */
extern bool plugin_enabled;

/* Set when uninstall/reset work waits for a block boundary. */
extern volatile int plugin_pending_work;

/*
 * plugin_set_guest_program: what path_to_binary, start/end/entry_code and
 * insn_symbol answer (copied; @prog may be freed afterwards).
 */
void plugin_set_guest_program(const GuestProgram *prog);

/*
 * plugin_vcpu_init: the vCPU @env, numbered @vcpu_index, is about to run its
 * first instruction on the calling thread: vcpu_init callbacks run here.
 */
void plugin_vcpu_init(CPUARMState *env, unsigned vcpu_index);

/* plugin_vcpu_exit: a guest thread ends (not the last one: see atexit). */
void plugin_vcpu_exit(unsigned vcpu_index);

/*
 * plugin_atexit: the process ends (exit_group, a fatal signal, or a plugin
 * calling exit()): every other callback is dropped, then the atexit
 * callbacks run. Runs once per process; later calls do nothing.
 */
void plugin_atexit(void);

/*
 * plugin_fork_child: called in a child process right after the guest's
 * fork (clone without CLONE_VM, or vfork emulated by a host fork). The
 * child keeps every plugin and its state; it runs its own atexit at its
 * own exit, or before an execve replaces it (linux-user/exec.c).
 */
void plugin_fork_child(void);

/*
 * plugin_gen_tb: instrument the block just translated into @ir: run the
 * tb_trans callbacks, then weave what they asked for at the markers and
 * delete the markers (weave.c). @retranslate re-runs the translation of
 * @tb into @ir; it is called when a callback asked for memory callbacks
 * but the block was translated without memory markers.
 */
void plugin_gen_tb(IRContext *ir, TranslationBlock *tb,
                   void (*retranslate)(void *opaque), void *opaque);

/* plugin_gen_mem_markers: translate with memory markers (ctx flag). */
bool plugin_gen_mem_markers(void);

/*
 * plugin_gen_flushed: the translation cache was flushed behind the core's
 * back (size limit): run the flush callbacks. Returns true when the block
 * being generated must be dropped and translated again, because plugins
 * may have freed what its instrumentation points to.
 */
bool plugin_gen_flushed(void);

/* plugin_run_pending_work: uninstall/reset requests, at a block boundary. */
void plugin_run_pending_work(void);

static inline void plugin_block_boundary(void)
{
    if (plugin_pending_work) {
        plugin_run_pending_work();
    }
}

/* -- Core internals (plugin-api/ only) ------------------------------------ */

/* The API version range the loader accepts. */
#define PLUGIN_VERSION_MIN 1
#define PLUGIN_VERSION_MAX 7

/* An untyped plugin function; cast to the registering version's shape. */
typedef void (*PluginFn)(void);

/* Static events: one callback per plugin per event. */
typedef enum PluginEvent {
    PLUGIN_EV_VCPU_INIT,
    PLUGIN_EV_VCPU_EXIT,
    PLUGIN_EV_VCPU_IDLE,
    PLUGIN_EV_VCPU_RESUME,
    PLUGIN_EV_DISCON_INTERRUPT,
    PLUGIN_EV_DISCON_EXCEPTION,
    PLUGIN_EV_DISCON_HOSTCALL,
    PLUGIN_EV_TB_TRANS,
    PLUGIN_EV_SYSCALL,
    PLUGIN_EV_SYSCALL_RET,
    PLUGIN_EV_SYSCALL_FILTER,
    PLUGIN_EV_FLUSH,
    PLUGIN_EV_ATEXIT,
    PLUGIN_EV_COUNT
} PluginEvent;

/* One loaded plugin. Lives from load until its uninstall completes. */
typedef struct Plugin {
    uint64_t id;                  /* random, unique; what the plugin sees */
    int version;                  /* its qemu_plugin_version: the dialect */
    char *path;                   /* as given on the command line */
    GModule *module;
    char **argv;                  /* NULL-terminated; lives until unload */
    int argc;
    bool installing;              /* inside qemu_plugin_install */
    bool uninstalling;            /* uninstall requested: ignore new cbs */
    bool resetting;               /* reset requested */
    bool work_pending;            /* uninstall/reset waits for a boundary */
    PluginFn pending_cb;          /* the uninstall/reset callback */
    void *pending_udata;
    PluginFn cb[PLUGIN_EV_COUNT]; /* registered static callbacks */
    void *udata[PLUGIN_EV_COUNT];
    struct QppPlugin *qpp;        /* its plugin-to-plugin state (qpp.c) */
} Plugin;

/*
 * What a register or memory function may do right now, on this thread:
 * set around every call into a plugin (install and every callback).
 */
enum {
    PLUGIN_REGS_NONE,             /* = QEMU_PLUGIN_CB_NO_REGS */
    PLUGIN_REGS_R,                /* = QEMU_PLUGIN_CB_R_REGS */
    PLUGIN_REGS_RW,               /* = QEMU_PLUGIN_CB_RW_REGS */
    PLUGIN_REGS_RW_PC,            /* = QEMU_PLUGIN_CB_RW_REGS_PC */
};

typedef struct PluginCbCtx {
    Plugin *plugin;               /* the plugin being called, or NULL */
    unsigned regs;                /* PLUGIN_REGS_* */
    bool vcpu;                    /* a vCPU context: registers, set_pc */
    bool dynamic;                 /* an exec/mem callback inside a block */
    bool has_pc;                  /* @pc: the instruction being executed */
    uint64_t pc;
    uint32_t mem_info;            /* inside a memory callback */
    uint64_t mem_value;
} PluginCbCtx;

extern __thread PluginCbCtx plugin_ctx;

/* The calling thread's vCPU (set by plugin_vcpu_init), or NULL. */
extern __thread CPUARMState *plugin_cur_env;
extern __thread int plugin_cur_vcpu;

/* -- core.c: registry, dispatch, lifecycle --------------------------------- */

/* plugin_lock: guards the plugin list and the event lists (recursive). */
void plugin_lock(void);
void plugin_unlock(void);

/* plugin_by_id: the plugin with @id; aborts like QEMU on an unknown id. */
Plugin *plugin_by_id(uint64_t id);

/* plugin_current_version: the calling plugin's version (7 if none). */
int plugin_current_version(void);

/* plugin_add: a freshly opened plugin joins the list (loader). */
void plugin_add(Plugin *p);
bool plugin_id_in_use(uint64_t id);

/* plugin_install: call @p's qemu_plugin_install with @info (a qemu_info_t). */
int plugin_install(Plugin *p, PluginFn install, const void *info);

/* plugin_unload_all: unload every plugin (a later one failed to load). */
void plugin_unload_all(void);

/* plugin_remove_and_free: forget @p entirely and unload its module. */
void plugin_remove_and_free(Plugin *p);

/*
 * plugin_register_cb: set @p's callback for @ev (NULL removes it). A new
 * registration goes in front of the event's list, so it runs first; a
 * replacement keeps its place. Ignored while @p is uninstalling.
 */
void plugin_register_cb(Plugin *p, PluginEvent ev, PluginFn fn, void *udata);

/* plugin_request_uninstall/reset: from qemu_plugin_uninstall/reset. */
void plugin_request_uninstall(Plugin *p, PluginFn cb, void *udata);
void plugin_request_reset(Plugin *p, PluginFn cb, void *udata);

/* plugin_vcpu_for_each: @cb for every live vCPU, with @p's shape. */
void plugin_vcpu_for_each(Plugin *p, PluginFn cb, void *udata);

/* plugin_tb_trans_dispatch: run the tb_trans callbacks on @tb. */
void plugin_tb_trans_dispatch(struct qemu_plugin_tb *tb);
bool plugin_has_tb_trans(void);

/* plugin_num_vcpus: highest vCPU index seen + 1. */
int plugin_num_vcpus(void);

/* plugin_flush_all: flush every translation, then the flush callbacks. */
void plugin_flush_all(void);

/* plugin_outs: print under -d plugin. */
void plugin_outs(const char *s);

/* The guest program as plugin_set_guest_program() recorded it. */
typedef struct PluginProgram {
    bool valid;
    char *path;                   /* as it was executed */
    uint64_t start_code, end_code, entry;
    char *exe_path, *interp_path; /* host files, for the symbol tables */
    uint64_t exe_bias, interp_bias;
} PluginProgram;

extern PluginProgram plugin_program;

/* -- weave.c: translation-time records and instrumentation ------------------ */

typedef enum PluginDynKind {
    PLUGIN_DYN_CB,                /* call a plugin function */
    PLUGIN_DYN_INLINE,            /* add/store on a u64, no call */
} PluginDynKind;

/* Conditions of conditional callbacks: QEMU's enum qemu_plugin_cond. */
enum {
    PLUGIN_COND_NEVER, PLUGIN_COND_ALWAYS, PLUGIN_COND_EQ, PLUGIN_COND_NE,
    PLUGIN_COND_LT, PLUGIN_COND_LE, PLUGIN_COND_GT, PLUGIN_COND_GE,
};

/* Inline ops: QEMU's enum qemu_plugin_op. */
enum {
    PLUGIN_OP_ADD_U64,
    PLUGIN_OP_STORE_U64,
};

/* Memory directions: QEMU's enum qemu_plugin_mem_rw (a mask). */
enum {
    PLUGIN_MEM_R = 1,
    PLUGIN_MEM_W = 2,
    PLUGIN_MEM_RW = 3,
};

/*
 * qemu_plugin_meminfo_t as the core encodes it: bits 0-2 log2 of the access
 * size, bit 3 sign-extended load, bit 4 store (only api.c reads it).
 */
#define PLUGIN_MEMINFO_SHIFT 7u
#define PLUGIN_MEMINFO_SIGN  (1u << 3)
#define PLUGIN_MEMINFO_STORE (1u << 4)
#define PLUGIN_MEMINFO(shift, sign, store) \
    ((uint32_t)(shift) | ((sign) ? PLUGIN_MEMINFO_SIGN : 0) | \
     ((store) ? PLUGIN_MEMINFO_STORE : 0))

struct qemu_plugin_scoreboard;

/*
 * A u64 a dynamic item reads or writes: in a scoreboard (the executing
 * vCPU's entry + offset) or, for version-1 inline ops, one shared word.
 */
typedef struct PluginU64Ref {
    struct qemu_plugin_scoreboard *score;   /* NULL: @raw */
    size_t offset;
    uint64_t *raw;
} PluginU64Ref;

/* One dynamic item registered from a tb_trans callback. */
typedef struct PluginDynCb {
    PluginDynKind kind;
    Plugin *plugin;               /* whose tb_trans registered it */
    PluginFn fn;                  /* CB: void (*)(vcpu, udata) or mem shape */
    void *udata;
    unsigned regs;                /* CB: PLUGIN_REGS_* */
    unsigned cond;                /* CB: PLUGIN_COND_*, ALWAYS if plain */
    unsigned op;                  /* INLINE: PLUGIN_OP_* */
    PluginU64Ref entry;           /* INLINE target, or CB condition operand */
    uint64_t imm;
    unsigned rw;                  /* memory items: PLUGIN_MEM_* */
} PluginDynCb;

/* The handles tb_trans callbacks receive; valid during translation only. */
struct qemu_plugin_insn {
    uint64_t vaddr;
    uint8_t bytes[4];             /* as in guest memory */
    unsigned size;
    bool bytes_ok;                /* the bytes could be read */
    GArray *exec_cbs;             /* PluginDynCb, registration order */
    GArray *mem_cbs;
};

struct qemu_plugin_tb {
    uint64_t vaddr;
    size_t n_insns;
    struct qemu_plugin_insn *insns;
    GArray *exec_cbs;
};

/* plugin_dyn_add: append @cb to @list, unless it can never do anything. */
void plugin_dyn_add(GArray *list, const PluginDynCb *cb);

/* weave_tb: expand @tb's items at the markers of @ir, delete every marker. */
void weave_tb(IRContext *ir, const struct qemu_plugin_tb *tb);

/* -- scoreboard.c ------------------------------------------------------------ */

struct qemu_plugin_scoreboard {
    size_t element_size;
    char *data;                   /* capacity * element_size, zeroed */
};

/* Entries every scoreboard has room for (grows with vCPU indices). */
extern unsigned scoreboard_capacity;

struct qemu_plugin_scoreboard *scoreboard_new(size_t element_size);
void scoreboard_free(struct qemu_plugin_scoreboard *sb);
void *scoreboard_entry(struct qemu_plugin_scoreboard *sb, unsigned vcpu);

/*
 * scoreboard_ensure: room for vCPU @vcpu_index in every scoreboard. Growing
 * moves the arrays, whose addresses translated code holds as constants, so
 * it flushes every translation first.
 */
void scoreboard_ensure(unsigned vcpu_index);

/* -- regs-mem.c ---------------------------------------------------------------- */

/* Guest memory by virtual address, page protection ignored (debug access). */
bool plugin_read_guest(uint64_t addr, void *buf, size_t len);
bool plugin_write_guest(uint64_t addr, const void *buf, size_t len);

/* -- symbols.c: instruction text and symbols ----------------------------------- */

/* plugin_disas: "mnemonic operands" as QEMU's capstone path prints it. */
char *plugin_disas(uint64_t pc, const uint8_t bytes[4]);

/* plugin_symbol_lookup: the ELF function symbol covering @addr, or NULL. */
const char *plugin_symbol_lookup(uint64_t addr);

/* -- qpp.c: plugin-to-plugin events and imports (qemu-plugin-qpp.h) ---------- */

/*
 * The loader's calls, in order: qpp_loading_begin() before g_module_open
 * (the plugin's constructors may create events and declare imports), then
 * qpp_loading_abort() if the open fails, or qpp_plugin_added() once @p is
 * in the list, before its install (false: its declared name is taken).
 * After the last install, qpp_resolve_all() binds every waiting
 * subscription and import; on failure *@culprit is the path of the plugin
 * whose reference failed. plugin_remove_and_free() calls
 * qpp_plugin_removed().
 */
void qpp_loading_begin(void);
void qpp_loading_abort(void);
bool qpp_plugin_added(Plugin *p, GError **err);
bool qpp_resolve_all(const char **culprit, GError **err);
void qpp_plugin_removed(Plugin *p);

/* qpp_fork_child: in a forked child, a fresh QPP lock (plugin_fork_child). */
void qpp_fork_child(void);

#endif /* UEMU_PLUGIN_H */
