// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir.c: op metadata from ops.def, and the allocation of a context's ops,
 * temps and labels.
 *
 * A context is reused for block after block, so nothing here is freed per
 * block: ops go back to a free list, temps live in fixed-size chunks (their
 * addresses are stable, which lets ops point at them) and labels are reused
 * in place. ir_ctx_reset() is therefore O(number of ops).
 */
#include "ir.h"

/* -- Op metadata ------------------------------------------------------ */

typedef struct IROpDef {
    const char *name;
    uint8_t nb_out, nb_in, nb_const;
    unsigned flags;
} IROpDef;

static const IROpDef ir_op_defs[IR_OP_COUNT] = {
#define DEF(n, o, i, c, f) [IR_OP_##n] = { #n, o, i, c, f },
#include "ops.def"
#undef DEF
};

const char *ir_op_name(IROpcode opc)
{
    return ir_op_defs[opc].name;
}

unsigned ir_op_nb_out(IROpcode opc)
{
    return ir_op_defs[opc].nb_out;
}

unsigned ir_op_nb_in(IROpcode opc)
{
    return ir_op_defs[opc].nb_in;
}

unsigned ir_op_nb_const(IROpcode opc)
{
    return ir_op_defs[opc].nb_const;
}

unsigned ir_op_flags(IROpcode opc)
{
    return ir_op_defs[opc].flags;
}

IRLabel *ir_op_label(const IROp *op)
{
    unsigned i = op->opc == IR_OP_brcond ? 1 : 0;

    g_assert(op->opc == IR_OP_brcond || op->opc == IR_OP_br ||
             op->opc == IR_OP_set_label);
    return (IRLabel *)(uintptr_t)ir_op_const(op, i);
}

/* -- Conditions ------------------------------------------------------- */

static const char *const cond_names[IR_COND_COUNT] = {
    [IR_COND_NEVER] = "never", [IR_COND_ALWAYS] = "always",
    [IR_COND_EQ] = "eq",       [IR_COND_NE] = "ne",
    [IR_COND_LT] = "lt",       [IR_COND_GE] = "ge",
    [IR_COND_LE] = "le",       [IR_COND_GT] = "gt",
    [IR_COND_LTU] = "ltu",     [IR_COND_GEU] = "geu",
    [IR_COND_LEU] = "leu",     [IR_COND_GTU] = "gtu",
    [IR_COND_TSTEQ] = "tsteq", [IR_COND_TSTNE] = "tstne",
};

const char *ir_cond_name(IRCond c)
{
    return (unsigned)c < IR_COND_COUNT ? cond_names[c] : "?";
}

IRCond ir_cond_invert(IRCond c)
{
    static const IRCond inv[IR_COND_COUNT] = {
        [IR_COND_NEVER] = IR_COND_ALWAYS, [IR_COND_ALWAYS] = IR_COND_NEVER,
        [IR_COND_EQ] = IR_COND_NE,        [IR_COND_NE] = IR_COND_EQ,
        [IR_COND_LT] = IR_COND_GE,        [IR_COND_GE] = IR_COND_LT,
        [IR_COND_LE] = IR_COND_GT,        [IR_COND_GT] = IR_COND_LE,
        [IR_COND_LTU] = IR_COND_GEU,      [IR_COND_GEU] = IR_COND_LTU,
        [IR_COND_LEU] = IR_COND_GTU,      [IR_COND_GTU] = IR_COND_LEU,
        [IR_COND_TSTEQ] = IR_COND_TSTNE,  [IR_COND_TSTNE] = IR_COND_TSTEQ,
    };
    return inv[c];
}

IRCond ir_cond_swap(IRCond c)
{
    static const IRCond swp[IR_COND_COUNT] = {
        [IR_COND_NEVER] = IR_COND_NEVER,  [IR_COND_ALWAYS] = IR_COND_ALWAYS,
        [IR_COND_EQ] = IR_COND_EQ,        [IR_COND_NE] = IR_COND_NE,
        [IR_COND_LT] = IR_COND_GT,        [IR_COND_GE] = IR_COND_LE,
        [IR_COND_LE] = IR_COND_GE,        [IR_COND_GT] = IR_COND_LT,
        [IR_COND_LTU] = IR_COND_GTU,      [IR_COND_GEU] = IR_COND_LEU,
        [IR_COND_LEU] = IR_COND_GEU,      [IR_COND_GTU] = IR_COND_LTU,
        [IR_COND_TSTEQ] = IR_COND_TSTEQ,  [IR_COND_TSTNE] = IR_COND_TSTNE,
    };
    return swp[c];
}

/* -- Temps ------------------------------------------------------------ */

#define TEMP_CHUNK_BITS 8
#define TEMP_CHUNK_SIZE (1u << TEMP_CHUNK_BITS)
/* A runaway translator, not a real block, would need more. */
#define IR_MAX_TEMPS    (1u << 20)

struct IRTempChunk {
    IRTemp t[TEMP_CHUNK_SIZE];
};

IRTemp *ir_temp_by_index(const IRContext *ctx, uint32_t index)
{
    g_assert(index < ctx->nb_temps);
    return &ctx->temp_chunks[index >> TEMP_CHUNK_BITS]
                ->t[index & (TEMP_CHUNK_SIZE - 1)];
}

static IRTemp *temp_alloc(IRContext *ctx, IRTempKind kind, IRType type)
{
    uint32_t index = ctx->nb_temps;
    uint32_t chunk = index >> TEMP_CHUNK_BITS;
    IRTemp *t;

    if (index >= IR_MAX_TEMPS) {
        g_error("tcg: more than %u temps in one block", IR_MAX_TEMPS);
    }
    if ((index & (TEMP_CHUNK_SIZE - 1)) == 0) {
        /* chunks are kept across resets: only allocate a new one */
        if (ctx->temp_chunks == NULL ||
            ctx->temp_chunks[chunk] == NULL) {
            ctx->temp_chunks = g_renew(IRTempChunk *, ctx->temp_chunks,
                                       chunk + 2);
            ctx->temp_chunks[chunk] = g_new0(IRTempChunk, 1);
            ctx->temp_chunks[chunk + 1] = NULL;
        }
    }
    ctx->nb_temps++;
    t = ir_temp_by_index(ctx, index);
    *t = (IRTemp) { .kind = kind, .type = type, .index = index };
    return t;
}

IRTemp *ir_env(IRContext *ctx)
{
    return ir_temp_by_index(ctx, 0);
}

IRTemp *ir_global_new(IRContext *ctx, IRType type, intptr_t env_offset,
                      const char *name)
{
    IRTemp *t;

    /* globals occupy indices 1..nb_globals, before any block temp */
    g_assert(ctx->nb_temps == 1 + ctx->nb_globals);
    t = temp_alloc(ctx, IR_TEMP_GLOBAL, type);
    t->env_offset = env_offset;
    t->name = name;
    ctx->nb_globals++;
    return t;
}

IRTemp *ir_temp_new(IRContext *ctx, IRType type)
{
    IRTemp *t = temp_alloc(ctx, IR_TEMP_BLOCK, type);

    t->id = ctx->nb_block_temps++;
    return t;
}

IRTemp *ir_const(IRContext *ctx, IRType type, uint64_t value)
{
    GHashTable *h = ctx->consts[type];
    IRTemp *t;

    if (type == IR_I32) {
        value = (uint32_t)value;
    }
    t = g_hash_table_lookup(h, &value);
    if (t == NULL) {
        t = temp_alloc(ctx, IR_TEMP_CONST, type);
        t->value = value;
        g_hash_table_insert(h, &t->value, t);   /* the key lives in the temp */
    }
    return t;
}

/* -- Labels ----------------------------------------------------------- */

IRLabel *ir_label_new(IRContext *ctx)
{
    if (ctx->nb_labels == ctx->labels_cap) {
        ctx->labels_cap = ctx->labels_cap ? 2 * ctx->labels_cap : 16;
        ctx->labels = g_renew(IRLabel *, ctx->labels, ctx->labels_cap);
        for (uint32_t i = ctx->nb_labels; i < ctx->labels_cap; i++) {
            ctx->labels[i] = g_new0(IRLabel, 1);
        }
    }
    ctx->labels[ctx->nb_labels]->id = ctx->nb_labels;
    return ctx->labels[ctx->nb_labels++];
}

/* -- Ops -------------------------------------------------------------- */

#define OP_CHUNK_SIZE 256

static IROp *op_alloc(IRContext *ctx)
{
    IROp *op = ctx->free_ops;

    if (op == NULL) {
        IROp *chunk = g_new(IROp, OP_CHUNK_SIZE);

        g_ptr_array_add(ctx->op_chunks, chunk);
        for (unsigned i = 0; i < OP_CHUNK_SIZE; i++) {
            chunk[i].next = ctx->free_ops;
            ctx->free_ops = &chunk[i];
        }
        op = ctx->free_ops;
    }
    ctx->free_ops = op->next;
    return op;
}

IROp *ir_op_insert_before(IRContext *ctx, IROp *before, IROpcode opc,
                          IRType type)
{
    IROp *op = op_alloc(ctx);

    *op = (IROp) {
        .opc = opc, .type = type,
        .nb_out = ir_op_nb_out(opc), .nb_in = ir_op_nb_in(opc),
        .nb_const = ir_op_nb_const(opc),
    };
    op->next = before;
    op->prev = before ? before->prev : ctx->last;
    if (op->prev) {
        op->prev->next = op;
    } else {
        ctx->first = op;
    }
    if (before) {
        before->prev = op;
    } else {
        ctx->last = op;
    }
    ctx->nb_ops++;
    return op;
}

IROp *ir_op_new(IRContext *ctx, IROpcode opc, IRType type)
{
    return ir_op_insert_before(ctx, ctx->insert_before, opc, type);
}

void ir_op_remove(IRContext *ctx, IROp *op)
{
    g_assert(ctx->insert_before != op);
    if (op->prev) {
        op->prev->next = op->next;
    } else {
        ctx->first = op->next;
    }
    if (op->next) {
        op->next->prev = op->prev;
    } else {
        ctx->last = op->prev;
    }
    ctx->nb_ops--;
    op->next = ctx->free_ops;
    ctx->free_ops = op;
}

/* -- Context ---------------------------------------------------------- */

IRContext *ir_ctx_new(void)
{
    IRContext *ctx = g_new0(IRContext, 1);
    IRTemp *env;

    ctx->op_chunks = g_ptr_array_new_with_free_func(g_free);
    for (unsigned t = 0; t < G_N_ELEMENTS(ctx->consts); t++) {
        ctx->consts[t] = g_hash_table_new(g_int64_hash, g_int64_equal);
    }
    env = temp_alloc(ctx, IR_TEMP_ENV, IR_I64);
    env->name = "env";
    return ctx;
}

void ir_ctx_reset(IRContext *ctx)
{
    IROp *op = ctx->first;

    while (op) {
        IROp *next = op->next;

        op->next = ctx->free_ops;
        ctx->free_ops = op;
        op = next;
    }
    ctx->first = ctx->last = ctx->insert_before = NULL;
    ctx->nb_ops = 0;
    ctx->nb_temps = 1 + ctx->nb_globals;
    ctx->nb_block_temps = 0;
    ctx->nb_labels = 0;
    for (unsigned t = 0; t < G_N_ELEMENTS(ctx->consts); t++) {
        g_hash_table_remove_all(ctx->consts[t]);
    }
}

void ir_ctx_free(IRContext *ctx)
{
    if (ctx == NULL) {
        return;
    }
    for (uint32_t i = 0; ctx->temp_chunks && ctx->temp_chunks[i]; i++) {
        g_free(ctx->temp_chunks[i]);
    }
    g_free(ctx->temp_chunks);
    for (uint32_t i = 0; i < ctx->labels_cap; i++) {
        g_free(ctx->labels[i]);
    }
    g_free(ctx->labels);
    for (unsigned t = 0; t < G_N_ELEMENTS(ctx->consts); t++) {
        g_hash_table_destroy(ctx->consts[t]);
    }
    g_ptr_array_free(ctx->op_chunks, TRUE);
    g_free(ctx);
}
