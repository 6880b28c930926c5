// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir-verify.c: structural checks of a block.
 *
 * Run on the builder's output and after every optimizer pass (in tests and
 * debug builds), so a pass that breaks an invariant is named at once rather
 * than miscompiling a guest program later. Checks, per op:
 *   - argument counts match ops.def (call: its HelperInfo);
 *   - operand types match the op's type rule (verify_rule());
 *   - outputs are writable (not CONST, not env);
 *   - constant args are in range (conds, memops, bit fields, slots...);
 *   - BLOCK temps are written before they are read, in op order. This is
 *     straight-line reasoning: a write before a label counts for reads after
 *     it even when a branch could skip the write (see ir-gen.h);
 * and for the block: the op list is consistent, every label used by a
 * branch is set exactly once, the last op is an exit, and no ld_env/st_env
 * touches a global's storage.
 */
#include <inttypes.h>
#include <stdarg.h>
#include "ir.h"
#include "helper.h"
#include "tb-exit.h"

/* Operand type rule and constant-arg rule of an op. */
typedef enum VerifyRule {
    VR_UNHANDLED,
    VR_SAME,          /* every temp has the op's type; no consts */
    VR_FIELD,         /* same types; consts pos, len */
    VR_EXTRACT2,      /* same types; const pos < width */
    VR_COND,          /* same types; const cond */
    VR_BRCOND,        /* same types; consts cond, label */
    VR_LABEL,         /* const label (br) */
    VR_SET_LABEL,     /* const label, defines it */
    VR_CONV_64_32,    /* out I32, in I64 */
    VR_CONV_32_64,    /* out I64, in I32 */
    VR_GOTO_TB,       /* const slot 0/1 */
    VR_EXIT_TB,       /* const TB_EXIT_LOOKUP or TB_EXIT_CODE value */
    VR_NONE,          /* no args */
    VR_ENV,           /* value of the op's type; consts offset, memop */
    VR_HOST,          /* value, base I64; consts offset, memop */
    VR_GUEST,         /* value, addr I64; const memop */
    VR_MB,            /* const barrier kind */
    VR_CALL,          /* per HelperInfo */
    VR_INSN_START,    /* any two consts */
    VR_DISCARD,       /* a BLOCK temp of the op's type */
    VR_INSN_MARKER,   /* any const */
    VR_MEM_MARKER,    /* addr I64, value of the op's type; memop, 0/1 */
} VerifyRule;

static VerifyRule verify_rule(IROpcode opc)
{
    switch (opc) {
    case IR_OP_mov: case IR_OP_add: case IR_OP_sub: case IR_OP_mul:
    case IR_OP_neg: case IR_OP_muluh: case IR_OP_mulsh: case IR_OP_mulu2:
    case IR_OP_muls2: case IR_OP_add2: case IR_OP_sub2: case IR_OP_div:
    case IR_OP_divu: case IR_OP_rem: case IR_OP_remu: case IR_OP_and:
    case IR_OP_or: case IR_OP_xor: case IR_OP_andc: case IR_OP_orc:
    case IR_OP_eqv: case IR_OP_not: case IR_OP_shl: case IR_OP_shr:
    case IR_OP_sar: case IR_OP_rotl: case IR_OP_rotr: case IR_OP_ext8s:
    case IR_OP_ext8u: case IR_OP_ext16s: case IR_OP_ext16u:
    case IR_OP_ext32s: case IR_OP_ext32u: case IR_OP_clz: case IR_OP_ctz:
    case IR_OP_ctpop: case IR_OP_bswap16: case IR_OP_bswap32:
    case IR_OP_bswap64:
        return VR_SAME;
    case IR_OP_deposit: case IR_OP_extract: case IR_OP_sextract:
        return VR_FIELD;
    case IR_OP_extract2:
        return VR_EXTRACT2;
    case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
        return VR_COND;
    case IR_OP_brcond:
        return VR_BRCOND;
    case IR_OP_br:
        return VR_LABEL;
    case IR_OP_set_label:
        return VR_SET_LABEL;
    case IR_OP_extrl_i64_i32: case IR_OP_extrh_i64_i32:
        return VR_CONV_64_32;
    case IR_OP_extu_i32_i64: case IR_OP_exts_i32_i64:
        return VR_CONV_32_64;
    case IR_OP_goto_tb:
        return VR_GOTO_TB;
    case IR_OP_exit_tb:
        return VR_EXIT_TB;
    case IR_OP_lookup_and_goto: case IR_OP_nop:
        return VR_NONE;
    case IR_OP_ld_env: case IR_OP_st_env:
        return VR_ENV;
    case IR_OP_ld_host: case IR_OP_st_host:
        return VR_HOST;
    case IR_OP_guest_ld: case IR_OP_guest_st:
        return VR_GUEST;
    case IR_OP_mb:
        return VR_MB;
    case IR_OP_call:
        return VR_CALL;
    case IR_OP_insn_start:
        return VR_INSN_START;
    case IR_OP_discard:
        return VR_DISCARD;
    case IR_OP_plugin_insn_marker:
        return VR_INSN_MARKER;
    case IR_OP_plugin_mem_marker:
        return VR_MEM_MARKER;
    case IR_OP_COUNT:
        break;
    }
    return VR_UNHANDLED;
}

bool ir_verify_handles(IROpcode opc)
{
    return verify_rule(opc) != VR_UNHANDLED;
}

/* -- Per-op checks ------------------------------------------------------ */

typedef struct Verifier {
    const IRContext *ctx;
    const IROp *op;
    unsigned index;
    char *msg;
    uint8_t *defined;         /* per temp index: written earlier */
    uint8_t *label_set;       /* per label id: set_label count */
    uint8_t *label_used;
} Verifier;

static bool fail(Verifier *v, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static bool fail(Verifier *v, const char *fmt, ...)
{
    g_autofree char *what = NULL;
    va_list ap;

    va_start(ap, fmt);
    what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (v->op) {
        unsigned f = ir_op_flags(v->op->opc);

        v->msg = g_strdup_printf("op %u (%s%s): %s", v->index,
                                 ir_op_name(v->op->opc),
                                 !(f & IR_F_TYPED) ? "" :
                                 v->op->type == IR_I32 ? "_i32" : "_i64",
                                 what);
    } else {
        v->msg = g_strdup_printf("block: %s", what);
    }
    return false;
}

static const char *type_name(IRType t)
{
    return t == IR_I32 ? "i32" : "i64";
}

/* Temp @i (0-based over outputs then inputs) has type @t. */
static bool check_temp(Verifier *v, unsigned i, IRType t)
{
    const IRTemp *x = (const IRTemp *)(uintptr_t)v->op->args[i];
    bool out = i < v->op->nb_out;
    const char *role = out ? "output" : "input";
    unsigned n = out ? i : i - v->op->nb_out;

    if (x == NULL || x->index >= v->ctx->nb_temps ||
        ir_temp_by_index(v->ctx, x->index) != x) {
        return fail(v, "%s %u is not a temp of this block", role, n);
    }
    if (x->type != t) {
        return fail(v, "%s %u has type %s, expected %s", role, n,
                    type_name(x->type), type_name(t));
    }
    if (out && (x->kind == IR_TEMP_CONST || x->kind == IR_TEMP_ENV)) {
        return fail(v, "output %u is read-only", n);
    }
    if (!out && x->kind == IR_TEMP_BLOCK && !v->defined[x->index]) {
        return fail(v, "input %u (tmp%u) is read before any write", n, x->id);
    }
    return true;
}

static bool check_memop(Verifier *v, uint64_t mo, IRType t, bool guest)
{
    if (mo & ~(uint64_t)IR_MO_VALID) {
        return fail(v, "memop 0x%" PRIx64 " has unknown bits", mo);
    }
    if ((mo & IR_MO_SIZE) > IR_MO_64 || ir_memop_size(mo) * 8 > ir_type_bits(t)) {
        return fail(v, "memop size %u does not fit %s", ir_memop_size(mo),
                    type_name(t));
    }
    if (!guest && (mo & IR_MO_ALIGN)) {
        return fail(v, "alignment check on a non-guest access");
    }
    return true;
}

static bool check_label(Verifier *v, uint64_t arg, bool set)
{
    const IRLabel *l = (const IRLabel *)(uintptr_t)arg;

    if (l == NULL || l->id >= v->ctx->nb_labels || v->ctx->labels[l->id] != l) {
        return fail(v, "label is not a label of this block");
    }
    if (set && v->label_set[l->id]++) {
        return fail(v, "label $L%u is set twice", l->id);
    }
    if (!set) {
        v->label_used[l->id] = 1;
    }
    return true;
}

/* Globals and fields reached with ld_env/st_env never overlap. */
static bool check_env_field(Verifier *v, intptr_t off, unsigned size)
{
    for (uint32_t i = 1; i <= v->ctx->nb_globals; i++) {
        const IRTemp *g = ir_temp_by_index(v->ctx, i);
        intptr_t gbytes = ir_type_bits(g->type) / 8;

        if (off < g->env_offset + gbytes && g->env_offset < off + (intptr_t)size) {
            return fail(v, "env offset 0x%" PRIxPTR " overlaps global %s",
                        (uintptr_t)off, g->name);
        }
    }
    return true;
}

static bool check_counts(Verifier *v)
{
    const IROp *op = v->op;
    IROpcode opc = op->opc;

    if (opc == IR_OP_call) {
        const HelperInfo *h = ir_op_helper(op);

        if (op->nb_const != 1 || h == NULL || h->fn == NULL) {
            return fail(v, "call without a helper");
        }
        if (h->nargs > IR_CALL_MAX_ARGS || op->nb_in != h->nargs ||
            op->nb_out != (h->ret != IR_HT_VOID)) {
            return fail(v, "call counts do not match helper %s", h->name);
        }
        return true;
    }
    if (op->nb_out != ir_op_nb_out(opc) || op->nb_in != ir_op_nb_in(opc) ||
        op->nb_const != ir_op_nb_const(opc)) {
        return fail(v, "argument counts %u/%u/%u differ from ops.def",
                    op->nb_out, op->nb_in, op->nb_const);
    }
    if ((ir_op_flags(opc) & IR_F_I64_ONLY) && op->type != IR_I64) {
        return fail(v, "only valid for i64");
    }
    return true;
}

static bool check_types(Verifier *v, VerifyRule r)
{
    const IROp *op = v->op;
    IRType t = op->type;
    unsigned n = op->nb_out + op->nb_in;

    switch (r) {
    case VR_CONV_64_32:
        return check_temp(v, 0, IR_I32) && check_temp(v, 1, IR_I64);
    case VR_CONV_32_64:
        return check_temp(v, 0, IR_I64) && check_temp(v, 1, IR_I32);
    case VR_HOST:
    case VR_GUEST:
        return check_temp(v, 0, t) && check_temp(v, 1, IR_I64);
    case VR_MEM_MARKER:
        return check_temp(v, 0, IR_I64) && check_temp(v, 1, t);
    case VR_CALL: {
        const HelperInfo *h = ir_op_helper(op);

        if (op->nb_out && !check_temp(v, 0, ir_helper_type_ir(h->ret))) {
            return false;
        }
        for (unsigned i = 0; i < op->nb_in; i++) {
            if (h->args[i] == IR_HT_VOID) {
                return fail(v, "helper %s has a void argument", h->name);
            }
            if (!check_temp(v, op->nb_out + i, ir_helper_type_ir(h->args[i]))) {
                return false;
            }
        }
        return true;
    }
    default:
        for (unsigned i = 0; i < n; i++) {
            if (!check_temp(v, i, t)) {
                return false;
            }
        }
        return true;
    }
}

static bool check_consts(Verifier *v, VerifyRule r)
{
    const IROp *op = v->op;
    unsigned w = ir_type_bits(op->type);
    uint64_t c0 = op->nb_const > 0 ? ir_op_const(op, 0) : 0;
    uint64_t c1 = op->nb_const > 1 ? ir_op_const(op, 1) : 0;

    switch (r) {
    case VR_FIELD:
        if (c1 < 1 || c0 >= w || c1 > w - c0) {
            return fail(v, "bit field pos %" PRIu64 " len %" PRIu64
                        " outside %u bits", c0, c1, w);
        }
        return true;
    case VR_EXTRACT2:
        return c0 < w || fail(v, "pos %" PRIu64 " >= %u", c0, w);
    case VR_COND:
        return c0 < IR_COND_COUNT || fail(v, "bad condition %" PRIu64, c0);
    case VR_BRCOND:
        if (c0 >= IR_COND_COUNT) {
            return fail(v, "bad condition %" PRIu64, c0);
        }
        return check_label(v, c1, false);
    case VR_LABEL:
        return check_label(v, c0, false);
    case VR_SET_LABEL:
        return check_label(v, c0, true);
    case VR_GOTO_TB:
        return c0 <= 1 || fail(v, "slot %" PRIu64 " is not 0 or 1", c0);
    case VR_EXIT_TB:
        return tb_exit_kind(c0) == TB_EXIT_LOOKUP ||
               tb_exit_kind(c0) == TB_EXIT_CODE ||
               fail(v, "value 0x%" PRIx64 " is not a TB_EXIT_LOOKUP or "
                    "TB_EXIT_CODE value", c0);
    case VR_ENV:
        return check_memop(v, c1, op->type, false) &&
               check_env_field(v, (intptr_t)c0, ir_memop_size(c1));
    case VR_HOST:
        return check_memop(v, c1, op->type, false);
    case VR_GUEST:
        return check_memop(v, c0, op->type, true);
    case VR_MB:
        return (c0 != 0 && c0 <= IR_MB_ALL) ||
               fail(v, "barrier kind 0x%" PRIx64, c0);
    case VR_MEM_MARKER:
        return check_memop(v, c0, op->type, true) &&
               (c1 <= 1 || fail(v, "store flag %" PRIu64 " is not 0/1", c1));
    default:
        return true;
    }
}

static bool verify_op(Verifier *v)
{
    const IROp *op = v->op;
    VerifyRule r;

    if (op->opc >= IR_OP_COUNT) {
        return fail(v, "opcode %u out of range", op->opc);
    }
    r = verify_rule(op->opc);
    if (r == VR_UNHANDLED) {
        return fail(v, "the verifier does not know this op");
    }
    if (op->type != IR_I32 && op->type != IR_I64) {
        return fail(v, "bad type %u", op->type);
    }
    if (!check_counts(v) || !check_types(v, r) || !check_consts(v, r)) {
        return false;
    }
    if (r == VR_DISCARD &&
        ((const IRTemp *)(uintptr_t)op->args[0])->kind != IR_TEMP_BLOCK) {
        return fail(v, "discard of a non-BLOCK temp");
    }
    for (unsigned i = 0; i < op->nb_out; i++) {
        v->defined[ir_op_out(op, i)->index] = 1;
    }
    return true;
}

/* -- Block checks ----------------------------------------------------- */

static bool verify_block(Verifier *v)
{
    const IRContext *ctx = v->ctx;
    const IROp *prev = NULL;

    IR_FOR_EACH_OP(ctx, op) {
        v->op = op;
        if (op->prev != prev) {
            return fail(v, "broken op list");
        }
        if (!verify_op(v)) {
            return false;
        }
        prev = op;
        v->index++;
    }
    v->op = NULL;
    if (prev != ctx->last || v->index != ctx->nb_ops) {
        return fail(v, "op list and count disagree");
    }
    if (prev == NULL || !(ir_op_flags(prev->opc) & IR_F_EXIT)) {
        return fail(v, "does not end with an exit op");
    }
    for (uint32_t i = 0; i < ctx->nb_labels; i++) {
        if (v->label_used[i] && !v->label_set[i]) {
            return fail(v, "label $L%u is used but never set", i);
        }
    }
    return true;
}

char *ir_verify(const IRContext *ctx)
{
    Verifier v = {
        .ctx = ctx,
        .defined = g_new0(uint8_t, ctx->nb_temps),
        .label_set = g_new0(uint8_t, ctx->nb_labels + 1),
        .label_used = g_new0(uint8_t, ctx->nb_labels + 1),
    };

    verify_block(&v);
    g_free(v.defined);
    g_free(v.label_set);
    g_free(v.label_used);
    return v.msg;
}
