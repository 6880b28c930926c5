// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir-dump.c: the text form of a block, for -d op / -d op_opt and tests.
 *
 * One op per line, in the shape qemu-aarch64 users know:
 *
 *      ---- 0000000000400580
 *      add_i64 x0,x1,$0x10
 *      brcond_i64 x0,$0x0,eq,$L0
 *      guest_ld_i64 tmp0,x1,al+uq
 *      call helper_name,$0x3,$1,tmp1,env,x2
 *
 * Temps print as their global name, "tmpN", "env", or "$0x.." for
 * constants. How the constant args of each op print is decided by
 * const_style() below, a switch over every opcode.
 */
#include <inttypes.h>
#include "ir.h"
#include "helper.h"

/* How an op's constant args print. */
typedef enum ConstStyle {
    CS_UNHANDLED,     /* not a valid style: const_style() fell through */
    CS_HEX,           /* every const as $0x.. (also ops without consts) */
    CS_COND,          /* cond */
    CS_COND_LABEL,    /* cond, label */
    CS_LABEL,         /* label */
    CS_OFF_MEMOP,     /* $offset, memop */
    CS_MEMOP,         /* memop */
    CS_MEM_MARKER,    /* memop, ld|st */
    CS_CALL,          /* special line */
    CS_INSN_START,    /* special line */
} ConstStyle;

static ConstStyle const_style(IROpcode opc)
{
    switch (opc) {
    case IR_OP_mov: case IR_OP_add: case IR_OP_sub: case IR_OP_mul:
    case IR_OP_neg: case IR_OP_muluh: case IR_OP_mulsh: case IR_OP_mulu2:
    case IR_OP_muls2: case IR_OP_add2: case IR_OP_sub2: case IR_OP_div:
    case IR_OP_divu: case IR_OP_rem: case IR_OP_remu: case IR_OP_and:
    case IR_OP_or: case IR_OP_xor: case IR_OP_andc: case IR_OP_orc:
    case IR_OP_eqv: case IR_OP_not: case IR_OP_shl: case IR_OP_shr:
    case IR_OP_sar: case IR_OP_rotl: case IR_OP_rotr: case IR_OP_deposit:
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_extract2:
    case IR_OP_ext8s: case IR_OP_ext8u: case IR_OP_ext16s:
    case IR_OP_ext16u: case IR_OP_ext32s: case IR_OP_ext32u:
    case IR_OP_extrl_i64_i32: case IR_OP_extrh_i64_i32:
    case IR_OP_extu_i32_i64: case IR_OP_exts_i32_i64: case IR_OP_clz:
    case IR_OP_ctz: case IR_OP_ctpop: case IR_OP_bswap16:
    case IR_OP_bswap32: case IR_OP_bswap64: case IR_OP_goto_tb:
    case IR_OP_exit_tb: case IR_OP_lookup_and_goto: case IR_OP_mb:
    case IR_OP_discard: case IR_OP_nop: case IR_OP_plugin_insn_marker:
        return CS_HEX;
    case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
        return CS_COND;
    case IR_OP_brcond:
        return CS_COND_LABEL;
    case IR_OP_br: case IR_OP_set_label:
        return CS_LABEL;
    case IR_OP_ld_env: case IR_OP_st_env: case IR_OP_ld_host:
    case IR_OP_st_host:
        return CS_OFF_MEMOP;
    case IR_OP_guest_ld: case IR_OP_guest_st:
        return CS_MEMOP;
    case IR_OP_plugin_mem_marker:
        return CS_MEM_MARKER;
    case IR_OP_call:
        return CS_CALL;
    case IR_OP_insn_start:
        return CS_INSN_START;
    case IR_OP_COUNT:
        break;
    }
    return CS_UNHANDLED;
}

bool ir_dump_handles(IROpcode opc)
{
    return const_style(opc) != CS_UNHANDLED;
}

/* -- Pieces ------------------------------------------------------------- */

static void dump_temp(GString *s, const IRTemp *t)
{
    switch (t->kind) {
    case IR_TEMP_ENV:
    case IR_TEMP_GLOBAL:
        g_string_append(s, t->name);
        break;
    case IR_TEMP_BLOCK:
        g_string_append_printf(s, "tmp%u", t->id);
        break;
    case IR_TEMP_CONST:
        g_string_append_printf(s, "$0x%" PRIx64, t->value);
        break;
    }
}

/* "ub", "sl", "al+uq"...: sign, then b/w/l/q/o for 1/2/4/8/16 bytes */
static void dump_memop(GString *s, IRMemOp mo)
{
    static const char sizes[] = "bwlqo???";

    if (mo & IR_MO_ALIGN) {
        g_string_append(s, "al+");
    }
    g_string_append_c(s, mo & IR_MO_SIGN ? 's' : 'u');
    g_string_append_c(s, sizes[mo & IR_MO_SIZE]);
}

static void dump_label(GString *s, uint64_t arg)
{
    g_string_append_printf(s, "$L%u", ((const IRLabel *)(uintptr_t)arg)->id);
}

static void dump_consts(GString *s, const IROp *op, ConstStyle cs)
{
    unsigned base = op->nb_out + op->nb_in;
    bool first = base == 0;

    for (unsigned i = 0; i < op->nb_const; i++) {
        uint64_t c = op->args[base + i];

        if (!first) {
            g_string_append_c(s, ',');
        }
        first = false;
        if ((cs == CS_COND || cs == CS_COND_LABEL) && i == 0) {
            g_string_append(s, ir_cond_name((IRCond)c));
        } else if ((cs == CS_COND_LABEL && i == 1) || cs == CS_LABEL) {
            dump_label(s, c);
        } else if ((cs == CS_OFF_MEMOP && i == 1) ||
                   ((cs == CS_MEMOP || cs == CS_MEM_MARKER) && i == 0)) {
            dump_memop(s, (IRMemOp)c);
        } else if (cs == CS_MEM_MARKER) {
            g_string_append(s, c ? "st" : "ld");
        } else {
            g_string_append_printf(s, "$0x%" PRIx64, c);
        }
    }
}

static void dump_op(GString *s, const IROp *op)
{
    IROpcode opc = op->opc;
    ConstStyle cs = const_style(opc);
    unsigned ntemps = op->nb_out + op->nb_in;

    if (cs == CS_INSN_START) {
        g_string_append_printf(s, " ---- %016" PRIx64, op->args[0]);
        if (op->args[1]) {
            g_string_append_printf(s, " %016" PRIx64, op->args[1]);
        }
        g_string_append_c(s, '\n');
        return;
    }
    g_string_append_printf(s, " %s", ir_op_name(opc));
    if (ir_op_flags(opc) & IR_F_TYPED) {
        g_string_append(s, op->type == IR_I32 ? "_i32" : "_i64");
    }
    if (cs == CS_CALL) {
        const HelperInfo *h = ir_op_helper(op);

        g_string_append_printf(s, " %s,$0x%x,$%u", h->name, h->flags,
                               op->nb_out);
        for (unsigned i = 0; i < ntemps; i++) {
            g_string_append_c(s, ',');
            dump_temp(s, (const IRTemp *)(uintptr_t)op->args[i]);
        }
        g_string_append_c(s, '\n');
        return;
    }
    if (ntemps + op->nb_const) {
        g_string_append_c(s, ' ');
    }
    for (unsigned i = 0; i < ntemps; i++) {
        if (i) {
            g_string_append_c(s, ',');
        }
        dump_temp(s, (const IRTemp *)(uintptr_t)op->args[i]);
    }
    dump_consts(s, op, cs);
    g_string_append_c(s, '\n');
}

/* -- Entry points ----------------------------------------------------- */

void ir_dump_op(const IROp *op, FILE *out)
{
    g_autoptr(GString) s = g_string_new(NULL);

    dump_op(s, op);
    fputs(s->str, out);
}

char *ir_dump_to_string(const IRContext *ctx)
{
    GString *s = g_string_new(NULL);

    IR_FOR_EACH_OP(ctx, op) {
        dump_op(s, op);
    }
    return g_string_free(s, FALSE);
}

void ir_dump(const IRContext *ctx, FILE *out)
{
    g_autofree char *text = ir_dump_to_string(ctx);

    fputs(text, out);
}
