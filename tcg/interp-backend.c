// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * interp-backend.c: the interpreter (interp.h) as a TcgBackend.
 *
 * A TB's code is its IRInterpBlock, compiled with the TB pointer as cookie
 * so that unchained goto_tb exits tell the cpu loop which TB to link.
 * lookup_and_goto consults the embedder's lookup (per vCPU jump cache)
 * through tcg_interp_set_tb_lookup().
 */
#include "interp.h"
#include "tb.h"

static TranslationBlock *(*tb_lookup_fn)(void *env);

static void interp_compile(IRContext *ctx, TranslationBlock *tb)
{
    tb->code = ir_interp_compile(ctx, (uintptr_t)tb);
}

static uintptr_t interp_exec(void *env, TranslationBlock *tb)
{
    return ir_interp_exec(tb->code, env);
}

static void interp_link(TranslationBlock *from, int slot, TranslationBlock *to)
{
    ir_interp_chain(from->code, slot, to ? to->code : NULL);
}

static void interp_free(TranslationBlock *tb)
{
    ir_interp_free(tb->code);
}

static const IRInterpBlock *interp_lookup(void *env)
{
    TranslationBlock *tb = tb_lookup_fn ? tb_lookup_fn(env) : NULL;

    return tb ? tb->code : NULL;
}

void tcg_interp_set_tb_lookup(TranslationBlock *(*fn)(void *env))
{
    tb_lookup_fn = fn;
    ir_interp_set_lookup_hook(interp_lookup);
}

const TcgBackend tcg_interp_backend = {
    .name = "interp",
    .help = "portable IR interpreter",
    .compile = interp_compile,
    .exec = interp_exec,
    .link = interp_link,
    .free_code = interp_free,
};
