// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * opt-dce.c: the passes that delete: unreachable code and dead ops.
 *
 * branches: after a br or an exit, ops up to the next set_label cannot run;
 * a br or brcond to a label placed right after it does nothing; a label no
 * branch names is just a name. Deleting one of these can expose another, so
 * the pass repeats until the block stops changing. Plugin markers are never
 * deleted: the weaver owns them.
 *
 * dce: backward liveness over globals and BLOCK temps, one bit per temp
 * index. An op without side effects whose outputs are all dead goes; that
 * includes a write to a global that is overwritten before anything can
 * observe it. Globals are observed at exits, at guest memory ops (a fault
 * hands env to the embedder) and at calls whose helper may read globals.
 * At a branch the live set is the target label's, already known when the
 * label comes later in the block; a backward branch (a loop inside the
 * block) conservatively makes everything live.
 */
#include <string.h>
#include "optimize.h"
#include "helper.h"

/* -- branches ------------------------------------------------------- */

/* The next op after @op that does something (skips nop and discard). */
static IROp *next_real(IROp *op)
{
    for (op = op->next; op; op = op->next) {
        if (op->opc != IR_OP_nop && op->opc != IR_OP_discard) {
            return op;
        }
    }
    return NULL;
}

static bool branches_once(IRContext *ctx)
{
    uint32_t *refs = g_new0(uint32_t, ctx->nb_labels);
    bool changed = false, dead = false;

    IR_FOR_EACH_OP(ctx, op) {
        if (op->opc == IR_OP_br || op->opc == IR_OP_brcond) {
            refs[ir_op_label(op)->id]++;
        }
    }
    IR_FOR_EACH_OP_SAFE(ctx, op, next) {
        unsigned flags = ir_op_flags(op->opc);
        IROp *after;

        if (op->opc == IR_OP_set_label) {
            dead = false;
            if (refs[ir_op_label(op)->id] == 0) {
                ir_op_remove(ctx, op);
                changed = true;
            }
            continue;
        }
        if (dead && !(flags & IR_F_MARKER)) {
            if (op->opc == IR_OP_br || op->opc == IR_OP_brcond) {
                refs[ir_op_label(op)->id]--;
            }
            ir_op_remove(ctx, op);
            changed = true;
            continue;
        }
        after = next_real(op);
        if ((op->opc == IR_OP_br || op->opc == IR_OP_brcond) && after &&
            after->opc == IR_OP_set_label &&
            ir_op_label(after) == ir_op_label(op)) {
            /* both ways lead to the next op */
            refs[ir_op_label(op)->id]--;
            ir_op_remove(ctx, op);
            changed = true;
            continue;
        }
        if (op->opc == IR_OP_br || (flags & IR_F_EXIT)) {
            dead = true;
        }
    }
    g_free(refs);
    return changed;
}

bool ir_opt_branches(IRContext *ctx)
{
    bool changed = false;

    while (branches_once(ctx)) {
        changed = true;
    }
    return changed;
}

/* -- dce -------------------------------------------------------------- */

typedef struct Liveness {
    IRContext *ctx;
    uint32_t words;           /* bitset size in uint64_t */
    uint64_t *live;
    uint64_t *globals;        /* the bits of all globals */
    uint64_t *all;            /* globals and every BLOCK temp */
    uint64_t **at_label;      /* live set at each label, once seen */
} Liveness;

static bool test_bit(const uint64_t *set, uint32_t i)
{
    return (set[i / 64] >> (i % 64)) & 1;
}

static void set_bit(uint64_t *set, uint32_t i)
{
    set[i / 64] |= (uint64_t)1 << (i % 64);
}

static void clear_bit(uint64_t *set, uint32_t i)
{
    set[i / 64] &= ~((uint64_t)1 << (i % 64));
}

static void set_union(Liveness *l, const uint64_t *other)
{
    for (uint32_t w = 0; w < l->words; w++) {
        l->live[w] |= other[w];
    }
}

static void set_copy(Liveness *l, const uint64_t *other)
{
    memcpy(l->live, other, l->words * sizeof(uint64_t));
}

static bool has_value(const IRTemp *t)
{
    return t->kind == IR_TEMP_GLOBAL || t->kind == IR_TEMP_BLOCK;
}

/* The live set where @label is placed (everything if not yet known). */
static const uint64_t *label_live(Liveness *l, const IROp *op)
{
    const uint64_t *s = l->at_label[ir_op_label(op)->id];

    return s ? s : l->all;
}

static bool out_live(Liveness *l, const IROp *op, unsigned i)
{
    return test_bit(l->live, ir_op_out(op, i)->index);
}

/* Whether @op may go when its outputs are dead. */
static bool removable(const IROp *op)
{
    unsigned flags = ir_op_flags(op->opc);

    if (op->opc == IR_OP_call) {
        unsigned cf = ir_op_helper(op)->flags;

        return (cf & IR_CALL_NO_SIDE_EFFECTS) &&
               (cf & IR_CALL_NO_WRITE_GLOBALS);
    }
    return !(flags & (IR_F_SIDE_EFFECTS | IR_F_MARKER | IR_F_BB_END));
}

/* Half of a double-width product is dead: compute only the other half. */
static bool narrow_mul2(IRContext *ctx, Liveness *l, IROp *op)
{
    bool lo = out_live(l, op, 0), hi = out_live(l, op, 1);

    if (lo == hi) {
        return false;
    }
    if (!lo) {
        op->opc = op->opc == IR_OP_mulu2 ? IR_OP_muluh : IR_OP_mulsh;
        op->args[0] = op->args[1];
    } else {
        op->opc = IR_OP_mul;
    }
    op->nb_out = 1;
    op->args[1] = op->args[2];
    op->args[2] = op->args[3];
    op->args[3] = 0;
    return true;
}

/* Backward transfer of one op that stays. */
static void transfer(Liveness *l, const IROp *op)
{
    unsigned flags = ir_op_flags(op->opc);

    if (flags & IR_F_EXIT) {
        set_copy(l, l->globals);            /* temps die, globals go to env */
    } else if (op->opc == IR_OP_br) {
        set_copy(l, label_live(l, op));
    } else if (op->opc == IR_OP_brcond) {
        set_union(l, label_live(l, op));
    }
    for (unsigned i = 0; i < op->nb_out; i++) {
        clear_bit(l->live, ir_op_out(op, i)->index);
    }
    if ((flags & IR_F_MEM) ||
        (op->opc == IR_OP_call &&
         !(ir_op_helper(op)->flags & IR_CALL_NO_READ_GLOBALS))) {
        set_union(l, l->globals);           /* observed from env */
    }
    if (op->opc == IR_OP_discard) {
        return;                             /* not a use */
    }
    for (unsigned i = 0; i < op->nb_in; i++) {
        const IRTemp *t = ir_op_in(op, i);

        if (has_value(t)) {
            set_bit(l->live, t->index);
        }
    }
}

bool ir_opt_dce(IRContext *ctx)
{
    Liveness l = { .ctx = ctx, .words = (ctx->nb_temps + 63) / 64 };
    bool changed = false;

    l.live = g_new0(uint64_t, l.words);
    l.globals = g_new0(uint64_t, l.words);
    l.all = g_new0(uint64_t, l.words);
    l.at_label = g_new0(uint64_t *, ctx->nb_labels);
    for (uint32_t i = 0; i < ctx->nb_temps; i++) {
        const IRTemp *t = ir_temp_by_index(ctx, i);

        if (has_value(t)) {
            set_bit(l.all, i);
        }
        if (t->kind == IR_TEMP_GLOBAL) {
            set_bit(l.globals, i);
        }
    }

    for (IROp *op = ctx->last, *prev; op; op = prev) {
        bool any_live = false;

        prev = op->prev;
        if (op->opc == IR_OP_set_label) {
            uint64_t *snap = g_new(uint64_t, l.words);

            memcpy(snap, l.live, l.words * sizeof(uint64_t));
            l.at_label[ir_op_label(op)->id] = snap;
            continue;
        }
        for (unsigned i = 0; i < op->nb_out; i++) {
            any_live |= out_live(&l, op, i);
        }
        if (!any_live && removable(op)) {
            ir_op_remove(ctx, op);
            changed = true;
            continue;
        }
        if ((op->opc == IR_OP_mulu2 || op->opc == IR_OP_muls2) &&
            narrow_mul2(ctx, &l, op)) {
            changed = true;
        }
        transfer(&l, op);
    }

    for (uint32_t i = 0; i < ctx->nb_labels; i++) {
        g_free(l.at_label[i]);
    }
    g_free(l.at_label);
    g_free(l.live);
    g_free(l.globals);
    g_free(l.all);
    return changed;
}
