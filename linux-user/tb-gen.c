// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tb-gen.c: the translation pipeline of one block, and its options.
 *
 *   decode (target-arm) -> IR -> plugins: tb_trans + weaving [-d op]
 *   -> optimize [-d op_opt] -> backend compile -> TB cache
 *
 * Translation is serialised by one lock: there is one IRContext, and
 * translation is rare next to execution.
 */
#include "tb-gen.h"
#include "disas.h"
#include "error.h"
#include "log.h"
#include "module.h"
#include "options.h"
#include "plugin-api/plugin.h"
#include "target-arm/translate.h"
#include "tcg/optimize.h"
#include "tcg/tb-cache.h"

#include <pthread.h>

static pthread_mutex_t gen_lock = PTHREAD_MUTEX_INITIALIZER;
static IRContext *gen_ir;
static const TcgBackend *backend;
static const char *accel_name;
static bool one_insn_per_tb;
static LogMask log_in_asm, log_op, log_op_opt, log_nochain;

const TcgBackend *tb_gen_backend(void)
{
    if (!backend) {
        backend = tcg_backend_find(accel_name);
        g_assert(backend);      /* opt_accel checked the name */
    }
    return backend;
}

void tb_gen_fork_lock(void)
{
    pthread_mutex_lock(&gen_lock);
}

void tb_gen_fork_unlock(void)
{
    pthread_mutex_unlock(&gen_lock);
}

uint32_t tb_gen_cflags(void)
{
    return (one_insn_per_tb ? TB_CF_SINGLE_INSN : 0) |
           (log_enabled(log_nochain) ? TB_CF_NO_CHAIN : 0);
}

static void tb_gen_log_in_asm(TranslationBlock *tb)
{
    FILE *out = log_stream();

    fprintf(out, "----------------\nIN: \n");
    disas_guest_block(out, tb->pc, tb->icount);
    fprintf(out, "\n");
}

/* Plugins asked for memory callbacks on a block built without markers. */
typedef struct TbGenRetry {
    CPUARMState *env;
    TranslationBlock *tb;
} TbGenRetry;

static void tb_gen_retranslate(void *opaque)
{
    TbGenRetry *r = opaque;

    g_clear_pointer(&r->tb->insn_pc, g_free);
    a64_translate_tb(r->env, r->tb, gen_ir);
}

TranslationBlock *tb_gen_code(CPUARMState *env, uint64_t pc, uint32_t cflags)
{
    TranslationBlock *tb = tb_new(pc, 0, cflags);
    TbGenRetry retry = { env, tb };
    unsigned flushes = tb_cache_flushes();

    pthread_mutex_lock(&gen_lock);
    if (!gen_ir) {
        gen_ir = ir_ctx_new();
        a64_translate_init(gen_ir);
    }
    tb->backend = tb_gen_backend();
    gen_ir->plugin_mem_markers = plugin_gen_mem_markers();
    a64_translate_tb(env, tb, gen_ir);
    plugin_gen_tb(gen_ir, tb, tb_gen_retranslate, &retry);
    if (log_enabled(log_in_asm)) {
        tb_gen_log_in_asm(tb);
    }
    if (log_enabled(log_op)) {
        fprintf(log_stream(), "OP:\n");
        ir_dump(gen_ir, log_stream());
        fprintf(log_stream(), "\n");
    }
    ir_optimize(gen_ir);
    if (log_enabled(log_op_opt)) {
        fprintf(log_stream(), "OP after optimization and liveness analysis:\n");
        ir_dump(gen_ir, log_stream());
        fprintf(log_stream(), "\n");
    }
    tb->backend->compile(gen_ir, tb);
    pthread_mutex_unlock(&gen_lock);
    tb = tb_insert(tb);         /* or the twin another thread inserted first */
    if (tb_cache_flushes() != flushes && plugin_gen_flushed()) {
        /* the cache filled up: plugins saw the flush, translate afresh */
        return tb_gen_code(env, pc, cflags);
    }
    return tb;
}

/* -- Options and log items ------------------------------------------------ */

static bool opt_accel(const char *arg, GError **err)
{
    if (!strcmp(arg, "help")) {
        tcg_backend_print_list(stdout);
        options_finish_early();
        return true;
    }
    if (!tcg_backend_find(arg)) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "unknown accelerator '%s' (see '-accel help')", arg);
        return false;
    }
    accel_name = arg;
    return true;
}

static bool opt_one_insn_per_tb(const char *arg, GError **err)
{
    one_insn_per_tb = true;
    return true;
}

static const UemuOption tb_gen_options[] = {
    { "accel", "ARM_UEMU_ACCEL", "name", opt_accel,
      "translation backend (use '-accel help' for a list)" },
    { "one-insn-per-tb", "QEMU_ONE_INSN_PER_TB", NULL, opt_one_insn_per_tb,
      "run with one guest instruction per translated block" },
    { "singlestep", "QEMU_SINGLESTEP", NULL, opt_one_insn_per_tb,
      "same as -one-insn-per-tb (older name)" },
    { NULL },
};

static void tb_gen_register_options(void)
{
    options_register(tb_gen_options);
}
module_init(tb_gen_register_options, MODULE_INIT_OPTIONS);

static void tb_gen_register_log(void)
{
    log_in_asm = log_item_register("in_asm",
                                   "show target assembly code for each compiled TB");
    log_op = log_item_register("op", "show micro ops for each compiled TB");
    log_op_opt = log_item_register("op_opt", "show micro ops after optimization");
    log_nochain = log_item_register("nochain",
                                    "do not chain compiled TBs so that \"exec\" "
                                    "and \"cpu\" show complete traces");
}
module_init(tb_gen_register_log, MODULE_INIT_LOG);

static void tb_gen_register_backends(void)
{
    tcg_backend_register(&tcg_interp_backend);
}
module_init(tb_gen_register_backends, MODULE_INIT_TCG_BACKEND);
