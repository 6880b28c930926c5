// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * optimize.c: the pass list, and the forward folding pass.
 *
 * fold walks the block once, front to back, keeping for each temp "its
 * value equals that of temp C" (C may be a CONST temp, which is constant
 * propagation, or another temp, which is copy propagation). Each op's inputs
 * are first replaced by what they are known to equal, then the op is handed
 * to its fold_<family>() function (chosen by fold_table[], indexed by
 * opcode), which may turn it into a mov (constant folding via ir-eval.h,
 * algebraic identities), a br, or nothing.
 *
 * Facts are invalidated with version numbers: every write to a temp bumps
 * its version, and "t equals C" holds only while C keeps the version it had
 * when the fact was recorded. Facts flow only forward along straight-line
 * code: a set_label (several predecessors) forgets everything, and a helper
 * that may write globals forgets what was known about globals.
 */
#include "optimize.h"
#include "helper.h"
#include "ir-eval.h"

typedef struct FoldState {
    IRContext *ctx;
    uint32_t n;               /* temps tracked: those existing at the start */
    uint32_t *ver;
    IRTemp **copy;            /* value equals copy[i] (NULL: nothing known) */
    uint32_t *copy_ver;       /* ...while copy[i] has this version */
    bool changed;
    bool removed;             /* the current op is gone */
} FoldState;

typedef void FoldFn(FoldState *s, IROp *op);

/* -- Facts ------------------------------------------------------------ */

static bool tracked(const FoldState *s, const IRTemp *t)
{
    return t->index < s->n &&
           (t->kind == IR_TEMP_GLOBAL || t->kind == IR_TEMP_BLOCK);
}

/* resolve: the temp @t is known to equal, or @t itself. */
static IRTemp *resolve(const FoldState *s, IRTemp *t)
{
    IRTemp *c;

    if (!tracked(s, t) || (c = s->copy[t->index]) == NULL) {
        return t;
    }
    if (!tracked(s, c) || s->ver[c->index] == s->copy_ver[t->index]) {
        return c;
    }
    return t;
}

static void define(FoldState *s, const IRTemp *t)
{
    if (tracked(s, t)) {
        s->ver[t->index]++;
        s->copy[t->index] = NULL;
    }
}

static void set_copy(FoldState *s, const IRTemp *dst, IRTemp *src)
{
    define(s, dst);
    if (tracked(s, dst) && src != dst) {
        s->copy[dst->index] = src;
        s->copy_ver[dst->index] = tracked(s, src) ? s->ver[src->index] : 0;
    }
}

static void forget_all(FoldState *s, bool globals_only)
{
    uint32_t end = globals_only ? 1 + s->ctx->nb_globals : s->n;

    for (uint32_t i = 1; i < end; i++) {
        s->ver[i]++;
        s->copy[i] = NULL;
    }
}

/* -- Rewriting ops ---------------------------------------------------- */

static bool is_const(const IRTemp *t)
{
    return t->kind == IR_TEMP_CONST;
}

/* @t is the constant @v (taken as a value of @t's type). */
static bool is_val(const IRTemp *t, uint64_t v)
{
    return is_const(t) && t->value == ir_eval_norm(t->type, v);
}

static void remove_op(FoldState *s, IROp *op)
{
    ir_op_remove(s->ctx, op);
    s->removed = true;
    s->changed = true;
}

/* Turn a single-output op into "mov out, src" (or drop it if a no-op). */
static void to_mov(FoldState *s, IROp *op, IRTemp *src)
{
    IRTemp *dst = ir_op_out(op, 0);

    if (src == dst) {
        remove_op(s, op);
        return;
    }
    op->opc = IR_OP_mov;
    op->nb_out = op->nb_in = 1;
    op->nb_const = 0;
    op->args[1] = (uintptr_t)src;
    s->changed = true;
}

static void to_movi(FoldState *s, IROp *op, uint64_t v)
{
    to_mov(s, op, ir_const(s->ctx, op->type, v));
}

/* Turn a single-output op into "OPC out, a" (e.g. sub 0,a -> neg a). */
static void to_unary(FoldState *s, IROp *op, IROpcode opc, IRTemp *a)
{
    op->opc = opc;
    op->nb_in = 1;
    op->nb_const = 0;
    op->args[1] = (uintptr_t)a;
    s->changed = true;
}

#define IN(i)  ir_op_in(op, (i))
#define T      ((IRType)op->type)

/* -- Families ----------------------------------------------------------- */

static void fold_none(FoldState *s, IROp *op)
{
}

static void fold_mov(FoldState *s, IROp *op)
{
    if (IN(0) == ir_op_out(op, 0)) {
        remove_op(s, op);
    }
}

static bool fold_unary(FoldState *s, IROp *op,
                       uint64_t (*fn)(IRType, uint64_t))
{
    if (!is_const(IN(0))) {
        return false;
    }
    to_movi(s, op, fn(T, IN(0)->value));
    return true;
}

static bool fold_binary(FoldState *s, IROp *op,
                        uint64_t (*fn)(IRType, uint64_t, uint64_t))
{
    if (!is_const(IN(0)) || !is_const(IN(1))) {
        return false;
    }
    to_movi(s, op, fn(T, IN(0)->value, IN(1)->value));
    return true;
}

#define FOLD_UNARY(name) \
    static void fold_##name(FoldState *s, IROp *op) \
    { \
        fold_unary(s, op, ir_eval_##name); \
    }
FOLD_UNARY(neg)
FOLD_UNARY(not)
FOLD_UNARY(ext8s)
FOLD_UNARY(ext8u)
FOLD_UNARY(ext16s)
FOLD_UNARY(ext16u)
FOLD_UNARY(ext32s)
FOLD_UNARY(ext32u)
FOLD_UNARY(clz)
FOLD_UNARY(ctz)
FOLD_UNARY(ctpop)
FOLD_UNARY(bswap16)
FOLD_UNARY(bswap32)
FOLD_UNARY(bswap64)

/* The conversions carry their types in their names. */
static uint64_t eval_conv(IROpcode opc, uint64_t a)
{
    return opc == IR_OP_extrl_i64_i32 ? ir_eval_extrl_i64_i32(a)
         : opc == IR_OP_extrh_i64_i32 ? ir_eval_extrh_i64_i32(a)
         : opc == IR_OP_extu_i32_i64 ? ir_eval_extu_i32_i64(a)
         : ir_eval_exts_i32_i64(a);
}

static void fold_conv(FoldState *s, IROp *op)
{
    if (is_const(IN(0))) {
        to_movi(s, op, eval_conv(op->opc, IN(0)->value));
    }
}

/* Identities for x OP c (constants are canonicalised to the right). */
static void fold_add(FoldState *s, IROp *op)
{
    if (!fold_binary(s, op, ir_eval_add) && is_val(IN(1), 0)) {
        to_mov(s, op, IN(0));
    }
}

static void fold_sub(FoldState *s, IROp *op)
{
    if (fold_binary(s, op, ir_eval_sub)) {
        return;
    }
    if (IN(0) == IN(1)) {
        to_movi(s, op, 0);
    } else if (is_val(IN(1), 0)) {
        to_mov(s, op, IN(0));
    } else if (is_val(IN(0), 0)) {
        to_unary(s, op, IR_OP_neg, IN(1));
    }
}

static void fold_mul(FoldState *s, IROp *op)
{
    if (fold_binary(s, op, ir_eval_mul)) {
        return;
    }
    if (is_val(IN(1), 0)) {
        to_movi(s, op, 0);
    } else if (is_val(IN(1), 1)) {
        to_mov(s, op, IN(0));
    }
}

static void fold_mulh(FoldState *s, IROp *op)
{
    if (!fold_binary(s, op, op->opc == IR_OP_muluh ? ir_eval_muluh
                                                   : ir_eval_mulsh) &&
        is_val(IN(1), 0)) {
        to_movi(s, op, 0);
    }
}

static void fold_div(FoldState *s, IROp *op)
{
    if (!fold_binary(s, op, op->opc == IR_OP_div ? ir_eval_div
                                                 : ir_eval_divu) &&
        is_val(IN(1), 1)) {
        to_mov(s, op, IN(0));
    }
}

static void fold_rem(FoldState *s, IROp *op)
{
    if (!fold_binary(s, op, op->opc == IR_OP_rem ? ir_eval_rem
                                                 : ir_eval_remu) &&
        is_val(IN(1), 1)) {
        to_movi(s, op, 0);
    }
}

/* and/or/xor/andc/orc/eqv: what x OP 0, x OP -1 and x OP x give. */
typedef enum { R_NONE, R_A, R_ZERO, R_ONES, R_NOT_A } LogicResult;

static void fold_logic(FoldState *s, IROp *op,
                       uint64_t (*fn)(IRType, uint64_t, uint64_t),
                       LogicResult with0, LogicResult with1s,
                       LogicResult with_self)
{
    LogicResult r = R_NONE;

    if (fold_binary(s, op, fn)) {
        return;
    }
    if (IN(0) == IN(1)) {
        r = with_self;
    } else if (is_val(IN(1), 0)) {
        r = with0;
    } else if (is_val(IN(1), ~(uint64_t)0)) {
        r = with1s;
    }
    switch (r) {
    case R_NONE:  break;
    case R_A:     to_mov(s, op, IN(0)); break;
    case R_ZERO:  to_movi(s, op, 0); break;
    case R_ONES:  to_movi(s, op, ~(uint64_t)0); break;
    case R_NOT_A: to_unary(s, op, IR_OP_not, IN(0)); break;
    }
}

static void fold_and(FoldState *s, IROp *op)
{
    fold_logic(s, op, ir_eval_and, R_ZERO, R_A, R_A);
}

static void fold_or(FoldState *s, IROp *op)
{
    fold_logic(s, op, ir_eval_or, R_A, R_ONES, R_A);
}

static void fold_xor(FoldState *s, IROp *op)
{
    fold_logic(s, op, ir_eval_xor, R_A, R_NOT_A, R_ZERO);
}

static void fold_andc(FoldState *s, IROp *op)
{
    fold_logic(s, op, ir_eval_andc, R_A, R_ZERO, R_ZERO);
}

static void fold_orc(FoldState *s, IROp *op)
{
    fold_logic(s, op, ir_eval_orc, R_ONES, R_A, R_ONES);
}

static void fold_eqv(FoldState *s, IROp *op)
{
    fold_logic(s, op, ir_eval_eqv, R_NOT_A, R_A, R_ONES);
}

/* Shifts and rotates: by 0 (mod width) is a mov; 0 shifted is 0. */
static void fold_shift(FoldState *s, IROp *op,
                       uint64_t (*fn)(IRType, uint64_t, uint64_t))
{
    if (fold_binary(s, op, fn)) {
        return;
    }
    if (is_const(IN(1)) && ir_eval_count(T, IN(1)->value) == 0) {
        to_mov(s, op, IN(0));
    } else if (is_val(IN(0), 0)) {
        to_movi(s, op, 0);
    }
}

#define FOLD_SHIFT(name) \
    static void fold_##name(FoldState *s, IROp *op) \
    { \
        fold_shift(s, op, ir_eval_##name); \
    }
FOLD_SHIFT(shl)
FOLD_SHIFT(shr)
FOLD_SHIFT(sar)
FOLD_SHIFT(rotl)
FOLD_SHIFT(rotr)

/* mulu2/muls2/add2/sub2 with constant inputs: two movs of constants. */
static void fold_double(FoldState *s, IROp *op)
{
    uint64_t v[4] = { 0 }, lo, hi;
    IROp *mov_lo;

    for (unsigned i = 0; i < op->nb_in; i++) {
        if (!is_const(IN(i))) {
            return;
        }
        v[i] = IN(i)->value;
    }
    if (op->opc == IR_OP_mulu2) {
        ir_eval_mulu2(T, v[0], v[1], &lo, &hi);
    } else if (op->opc == IR_OP_muls2) {
        ir_eval_muls2(T, v[0], v[1], &lo, &hi);
    } else if (op->opc == IR_OP_add2) {
        ir_eval_add2(T, v[0], v[1], v[2], v[3], &lo, &hi);
    } else {
        ir_eval_sub2(T, v[0], v[1], v[2], v[3], &lo, &hi);
    }
    mov_lo = ir_op_insert_before(s->ctx, op, IR_OP_mov, T);
    mov_lo->args[0] = op->args[0];
    mov_lo->args[1] = (uintptr_t)ir_const(s->ctx, T, lo);
    set_copy(s, ir_op_out(op, 0), ir_op_in(mov_lo, 0));
    op->args[0] = op->args[1];            /* op becomes "mov hi, $hi" */
    op->nb_out = 1;
    to_movi(s, op, hi);
}

/* -- Bit fields --------------------------------------------------------- */

#define POS    ((unsigned)ir_op_const(op, 0))
#define LEN    ((unsigned)ir_op_const(op, 1))

static void fold_deposit(FoldState *s, IROp *op)
{
    if (is_const(IN(0)) && is_const(IN(1))) {
        to_movi(s, op, ir_eval_deposit(T, IN(0)->value, IN(1)->value, POS, LEN));
    } else if (LEN == ir_type_bits(T)) {
        to_mov(s, op, IN(1));
    }
}

static void fold_extract(FoldState *s, IROp *op)
{
    bool sign = op->opc == IR_OP_sextract;

    if (is_const(IN(0))) {
        to_movi(s, op, sign ? ir_eval_sextract(T, IN(0)->value, POS, LEN)
                            : ir_eval_extract(T, IN(0)->value, POS, LEN));
    } else if (LEN == ir_type_bits(T)) {
        to_mov(s, op, IN(0));
    }
}

static void fold_extract2(FoldState *s, IROp *op)
{
    if (is_const(IN(0)) && is_const(IN(1))) {
        to_movi(s, op, ir_eval_extract2(T, IN(0)->value, IN(1)->value, POS));
    } else if (POS == 0) {
        to_mov(s, op, IN(0));
    }
}

/* -- Conditions ------------------------------------------------------- */

/* cond_known: the outcome of cond(a, b) when it does not depend on values
 * unknown at translation time. */
static bool cond_known(IRCond c, IRType t, const IRTemp *a, const IRTemp *b,
                       bool *res)
{
    if (c == IR_COND_NEVER || c == IR_COND_ALWAYS ||
        (is_const(a) && is_const(b))) {
        *res = ir_eval_cond(c, t, is_const(a) ? a->value : 0,
                            is_const(b) ? b->value : 0);
        return true;
    }
    if (a == b) {
        switch (c) {
        case IR_COND_EQ: case IR_COND_GE: case IR_COND_LE:
        case IR_COND_GEU: case IR_COND_LEU:
            *res = true;
            return true;
        case IR_COND_NE: case IR_COND_LT: case IR_COND_GT:
        case IR_COND_LTU: case IR_COND_GTU:
            *res = false;
            return true;
        default:
            return false;
        }
    }
    if (is_val(b, 0)) {
        /* unsigned x < 0 never holds; x >= 0 always; x & 0 is 0 */
        switch (c) {
        case IR_COND_LTU: case IR_COND_TSTNE: *res = false; return true;
        case IR_COND_GEU: case IR_COND_TSTEQ: *res = true; return true;
        default: return false;
        }
    }
    return false;
}

/* A constant first operand goes to the right, with the condition swapped. */
static void canon_cond(FoldState *s, IROp *op, unsigned a, unsigned ci)
{
    if (is_const(IN(a)) && !is_const(IN(a + 1))) {
        IRTemp *x = IN(a);

        ir_op_set_in(op, a, IN(a + 1));
        ir_op_set_in(op, a + 1, x);
        ir_op_set_const(op, ci, ir_cond_swap((IRCond)ir_op_const(op, ci)));
        s->changed = true;
    }
}

static void fold_setcond(FoldState *s, IROp *op)
{
    bool res;

    canon_cond(s, op, 0, 0);
    if (cond_known((IRCond)ir_op_const(op, 0), T, IN(0), IN(1), &res)) {
        to_movi(s, op, op->opc == IR_OP_negsetcond ? -(uint64_t)res : res);
    }
}

static void fold_movcond(FoldState *s, IROp *op)
{
    bool res;

    canon_cond(s, op, 0, 0);
    if (IN(2) == IN(3)) {
        to_mov(s, op, IN(2));
    } else if (cond_known((IRCond)ir_op_const(op, 0), T, IN(0), IN(1), &res)) {
        to_mov(s, op, res ? IN(2) : IN(3));
    }
}

static void fold_brcond(FoldState *s, IROp *op)
{
    bool res;

    canon_cond(s, op, 0, 0);
    if (!cond_known((IRCond)ir_op_const(op, 0), T, IN(0), IN(1), &res)) {
        return;
    }
    if (!res) {
        remove_op(s, op);
        return;
    }
    op->args[0] = ir_op_const(op, 1);     /* becomes "br label" */
    op->opc = IR_OP_br;
    op->nb_in = 0;
    op->nb_const = 1;
    s->changed = true;
}

/* -- Dispatch --------------------------------------------------------- */

/* One entry per op; test-ir-ops checks that none is missing. */
static FoldFn *const fold_table[IR_OP_COUNT] = {
    [IR_OP_mov] = fold_mov,
    [IR_OP_add] = fold_add,           [IR_OP_sub] = fold_sub,
    [IR_OP_mul] = fold_mul,           [IR_OP_neg] = fold_neg,
    [IR_OP_muluh] = fold_mulh,        [IR_OP_mulsh] = fold_mulh,
    [IR_OP_mulu2] = fold_double,      [IR_OP_muls2] = fold_double,
    [IR_OP_add2] = fold_double,       [IR_OP_sub2] = fold_double,
    [IR_OP_div] = fold_div,           [IR_OP_divu] = fold_div,
    [IR_OP_rem] = fold_rem,           [IR_OP_remu] = fold_rem,
    [IR_OP_and] = fold_and,           [IR_OP_or] = fold_or,
    [IR_OP_xor] = fold_xor,           [IR_OP_andc] = fold_andc,
    [IR_OP_orc] = fold_orc,           [IR_OP_eqv] = fold_eqv,
    [IR_OP_not] = fold_not,
    [IR_OP_shl] = fold_shl,           [IR_OP_shr] = fold_shr,
    [IR_OP_sar] = fold_sar,           [IR_OP_rotl] = fold_rotl,
    [IR_OP_rotr] = fold_rotr,
    [IR_OP_deposit] = fold_deposit,   [IR_OP_extract] = fold_extract,
    [IR_OP_sextract] = fold_extract,  [IR_OP_extract2] = fold_extract2,
    [IR_OP_ext8s] = fold_ext8s,       [IR_OP_ext8u] = fold_ext8u,
    [IR_OP_ext16s] = fold_ext16s,     [IR_OP_ext16u] = fold_ext16u,
    [IR_OP_ext32s] = fold_ext32s,     [IR_OP_ext32u] = fold_ext32u,
    [IR_OP_extrl_i64_i32] = fold_conv, [IR_OP_extrh_i64_i32] = fold_conv,
    [IR_OP_extu_i32_i64] = fold_conv, [IR_OP_exts_i32_i64] = fold_conv,
    [IR_OP_clz] = fold_clz,           [IR_OP_ctz] = fold_ctz,
    [IR_OP_ctpop] = fold_ctpop,       [IR_OP_bswap16] = fold_bswap16,
    [IR_OP_bswap32] = fold_bswap32,   [IR_OP_bswap64] = fold_bswap64,
    [IR_OP_setcond] = fold_setcond,   [IR_OP_negsetcond] = fold_setcond,
    [IR_OP_movcond] = fold_movcond,   [IR_OP_brcond] = fold_brcond,
    /* nothing to fold: control flow, memory, calls, markers */
    [IR_OP_br] = fold_none,           [IR_OP_set_label] = fold_none,
    [IR_OP_goto_tb] = fold_none,      [IR_OP_exit_tb] = fold_none,
    [IR_OP_lookup_and_goto] = fold_none,
    [IR_OP_ld_env] = fold_none,       [IR_OP_st_env] = fold_none,
    [IR_OP_ld_host] = fold_none,      [IR_OP_st_host] = fold_none,
    [IR_OP_guest_ld] = fold_none,     [IR_OP_guest_st] = fold_none,
    [IR_OP_mb] = fold_none,           [IR_OP_call] = fold_none,
    [IR_OP_insn_start] = fold_none,   [IR_OP_discard] = fold_none,
    [IR_OP_nop] = fold_none,
    [IR_OP_plugin_insn_marker] = fold_none,
    [IR_OP_plugin_mem_marker] = fold_none,
};

bool ir_optimize_handles(IROpcode opc)
{
    return opc < IR_OP_COUNT && fold_table[opc] != NULL;
}

/* Replace inputs by known equals; put a lone constant on the right. */
static void rewrite_inputs(FoldState *s, IROp *op)
{
    if (op->opc == IR_OP_discard) {
        return;                       /* names the temp itself, not a value */
    }
    for (unsigned i = 0; i < op->nb_in; i++) {
        IRTemp *r = resolve(s, IN(i));

        if (r != IN(i)) {
            ir_op_set_in(op, i, r);
            s->changed = true;
        }
    }
    if ((ir_op_flags(op->opc) & IR_F_COMMUTATIVE) &&
        is_const(IN(0)) && !is_const(IN(1))) {
        IRTemp *x = IN(0);

        ir_op_set_in(op, 0, IN(1));
        ir_op_set_in(op, 1, x);
        s->changed = true;
    }
}

static void record_outputs(FoldState *s, IROp *op)
{
    if (op->opc == IR_OP_call &&
        !(ir_op_helper(op)->flags & IR_CALL_NO_WRITE_GLOBALS)) {
        forget_all(s, true);
    }
    if (op->opc == IR_OP_mov) {
        set_copy(s, ir_op_out(op, 0), IN(0));
        return;
    }
    for (unsigned i = 0; i < op->nb_out; i++) {
        define(s, ir_op_out(op, i));
    }
}

bool ir_opt_fold(IRContext *ctx)
{
    FoldState s = {
        .ctx = ctx,
        .n = ctx->nb_temps,
        .ver = g_new0(uint32_t, ctx->nb_temps),
        .copy = g_new0(IRTemp *, ctx->nb_temps),
        .copy_ver = g_new0(uint32_t, ctx->nb_temps),
    };

    IR_FOR_EACH_OP_SAFE(ctx, op, next) {
        if (op->opc == IR_OP_set_label) {
            forget_all(&s, false);    /* several ways in: nothing holds */
            continue;
        }
        rewrite_inputs(&s, op);
        s.removed = false;
        fold_table[op->opc](&s, op);
        if (!s.removed) {
            record_outputs(&s, op);
        }
    }
    g_free(s.ver);
    g_free(s.copy);
    g_free(s.copy_ver);
    return s.changed;
}

/* -- Pass list -------------------------------------------------------- */

const IROptPass ir_opt_passes[] = {
    { "fold",     ir_opt_fold },
    { "branches", ir_opt_branches },
    { "fold",     ir_opt_fold },      /* across labels branches removed */
    { "branches", ir_opt_branches },  /* brconds the second fold decided */
    { "dce",      ir_opt_dce },
    { NULL, NULL },
};

void ir_optimize(IRContext *ctx)
{
#ifndef NDEBUG
    g_autofree char *in_msg = ir_verify(ctx);

    if (in_msg) {
        g_error("tcg: the translator built a bad block: %s", in_msg);
    }
#endif
    for (const IROptPass *p = ir_opt_passes; p->name; p++) {
        p->run(ctx);
#ifndef NDEBUG
        g_autofree char *msg = ir_verify(ctx);

        if (msg) {
            g_error("tcg: optimizer pass '%s' broke the block: %s",
                    p->name, msg);
        }
#endif
    }
}
