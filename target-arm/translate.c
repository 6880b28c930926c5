// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * translate.c: the A64 side of the translator loop, and the helpers that
 * every instruction class shares (registers, flags, conditions, exits).
 *
 * tcg/translator.c drives: for each instruction translate_insn() fetches
 * the word and hands it to the generated decoder (a64_decode), which calls
 * the trans_NAME() handler of the matching row in trans-*.c. A word that no
 * row matches, or whose handler refuses it, becomes a guest SIGILL.
 */
#include "translate.h"
#include "a64-decode.h"
#include "tcg/runtime.h"

#include <stddef.h>

IRTemp *cpu_x[32];
IRTemp *cpu_pc;
IRTemp *cpu_NF, *cpu_ZF, *cpu_CF, *cpu_VF;

static const char *const x_names[32] = {
    "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10",
    "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20",
    "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "x30",
    "sp",
};

#define ENV_OFF(field) ((intptr_t)offsetof(CPUARMState, field))

void a64_translate_init(IRContext *ir)
{
    for (int i = 0; i < 32; i++) {
        cpu_x[i] = ir_global_new(ir, IR_I64,
                                 ENV_OFF(xregs) + i * (intptr_t)sizeof(uint64_t),
                                 x_names[i]);
    }
    cpu_pc = ir_global_new(ir, IR_I64, ENV_OFF(pc), "pc");
    cpu_NF = ir_global_new(ir, IR_I64, ENV_OFF(NF), "NF");
    cpu_ZF = ir_global_new(ir, IR_I64, ENV_OFF(ZF), "ZF");
    cpu_CF = ir_global_new(ir, IR_I64, ENV_OFF(CF), "CF");
    cpu_VF = ir_global_new(ir, IR_I64, ENV_OFF(VF), "VF");
}

/* -- Registers ---------------------------------------------------------- */

static IRTemp *read_any(DisasContext *s, IRTemp *src, bool sf)
{
    IRTemp *t = tmp64(s);

    if (sf) {
        ir_gen_mov(s->ir, IR_I64, t, src);
    } else {
        ir_gen_ext32u(s->ir, IR_I64, t, src);
    }
    return t;
}

IRTemp *read_reg(DisasContext *s, int reg, bool sf)
{
    return read_any(s, reg == 31 ? const64(s, 0) : cpu_x[reg], sf);
}

IRTemp *read_reg_sp(DisasContext *s, int reg, bool sf)
{
    return read_any(s, cpu_x[reg], sf);
}

void write_reg_sp(DisasContext *s, int reg, bool sf, IRTemp *v)
{
    if (sf) {
        ir_gen_mov(s->ir, IR_I64, cpu_x[reg], v);
    } else {
        ir_gen_ext32u(s->ir, IR_I64, cpu_x[reg], v);
    }
}

void write_reg(DisasContext *s, int reg, bool sf, IRTemp *v)
{
    if (reg != 31) {
        write_reg_sp(s, reg, sf, v);
    }
}

/* -- Flags -------------------------------------------------------------- */

/* NF and ZF from a result: 32-bit results are sign/zero-extended so that
 * the 64-bit tests of arm_test_cc() see bit 31 as the sign. */
static void gen_nz(DisasContext *s, bool sf, IRTemp *result)
{
    if (sf) {
        ir_gen_mov(s->ir, IR_I64, cpu_NF, result);
        ir_gen_mov(s->ir, IR_I64, cpu_ZF, result);
    } else {
        ir_gen_ext32s(s->ir, IR_I64, cpu_NF, result);
        ir_gen_ext32u(s->ir, IR_I64, cpu_ZF, result);
    }
}

void gen_logic_cc(DisasContext *s, bool sf, IRTemp *result)
{
    gen_nz(s, sf, result);
    ir_gen_movi(s->ir, IR_I64, cpu_CF, 0);
    ir_gen_movi(s->ir, IR_I64, cpu_VF, 0);
}

/*
 * ARM ARM AddWithCarry(x, y, carry_in): the sum, C = unsigned carry out,
 * V = signed overflow = (result ^ x) & ~(x ^ y), sign bit. For 32 bits the
 * inputs are zero-extended so bit 32 of the 64-bit sum is the carry.
 */
static void gen_add_with_carry(DisasContext *s, bool sf, bool set_cc,
                               IRTemp *dst, IRTemp *a, IRTemp *b, IRTemp *cin)
{
    IRContext *ir = s->ir;
    IRTemp *res = tmp64(s), *x = tmp64(s), *y = tmp64(s);

    if (sf) {
        IRTemp *carry = tmp64(s), *zero = const64(s, 0);
        ir_gen_mov(ir, IR_I64, x, a);
        ir_gen_mov(ir, IR_I64, y, b);
        ir_gen_add2(ir, IR_I64, res, carry, x, zero, y, zero);
        if (cin) {
            ir_gen_add2(ir, IR_I64, res, carry, res, carry, cin, zero);
        }
        if (set_cc) {
            ir_gen_mov(ir, IR_I64, cpu_CF, carry);
        }
    } else {
        ir_gen_ext32u(ir, IR_I64, x, a);
        ir_gen_ext32u(ir, IR_I64, y, b);
        ir_gen_add(ir, IR_I64, res, x, y);
        if (cin) {
            ir_gen_add(ir, IR_I64, res, res, cin);
        }
        if (set_cc) {
            ir_gen_shri(ir, IR_I64, cpu_CF, res, 32);
        }
    }
    if (set_cc) {
        IRTemp *t = tmp64(s);
        gen_nz(s, sf, res);
        ir_gen_xor(ir, IR_I64, cpu_VF, res, x);
        ir_gen_xor(ir, IR_I64, t, x, y);
        ir_gen_andc(ir, IR_I64, cpu_VF, cpu_VF, t);
        if (!sf) {
            ir_gen_ext32s(ir, IR_I64, cpu_VF, cpu_VF);
        }
    }
    ir_gen_mov(ir, IR_I64, dst, res);
}

void gen_add_cc(DisasContext *s, bool sf, IRTemp *dst, IRTemp *a, IRTemp *b)
{
    gen_add_with_carry(s, sf, true, dst, a, b, NULL);
}

void gen_sub_cc(DisasContext *s, bool sf, IRTemp *dst, IRTemp *a, IRTemp *b)
{
    /* a - b = a + ~b + 1 (ARM ARM: SUBS is AddWithCarry(x, NOT(y), 1)). */
    IRTemp *nb = tmp64(s);

    ir_gen_not(s->ir, IR_I64, nb, b);
    gen_add_with_carry(s, sf, true, dst, a, nb, const64(s, 1));
}

void gen_adc(DisasContext *s, bool sf, bool set_cc, IRTemp *dst, IRTemp *a,
             IRTemp *b)
{
    gen_add_with_carry(s, sf, set_cc, dst, a, b, cpu_CF);
}

void gen_sbc(DisasContext *s, bool sf, bool set_cc, IRTemp *dst, IRTemp *a,
             IRTemp *b)
{
    IRTemp *nb = tmp64(s);

    ir_gen_not(s->ir, IR_I64, nb, b);
    gen_add_with_carry(s, sf, set_cc, dst, a, nb, cpu_CF);
}

void gen_set_nzcv_imm(DisasContext *s, unsigned nzcv)
{
    ir_gen_movi(s->ir, IR_I64, cpu_NF, (nzcv & 8) ? UINT64_MAX : 0);
    ir_gen_movi(s->ir, IR_I64, cpu_ZF, (nzcv & 4) ? 0 : 1);
    ir_gen_movi(s->ir, IR_I64, cpu_CF, (nzcv >> 1) & 1);
    ir_gen_movi(s->ir, IR_I64, cpu_VF, (nzcv & 1) ? UINT64_MAX : 0);
}

void gen_set_nzcv_reg(DisasContext *s, IRTemp *v)
{
    IRContext *ir = s->ir;
    IRTemp *t = tmp64(s);

    ir_gen_shli(ir, IR_I64, cpu_NF, v, 32);             /* bit 31 -> sign */
    ir_gen_andi(ir, IR_I64, t, v, 1u << 30);
    ir_gen_setcondi(ir, IR_I64, IR_COND_EQ, cpu_ZF, t, 0); /* Z set -> ZF 0 */
    ir_gen_extract(ir, IR_I64, cpu_CF, v, 29, 1);
    ir_gen_shli(ir, IR_I64, cpu_VF, v, 35);             /* bit 28 -> sign */
}

IRTemp *gen_get_nzcv_reg(DisasContext *s)
{
    IRContext *ir = s->ir;
    IRTemp *v = tmp64(s), *t = tmp64(s);

    ir_gen_shri(ir, IR_I64, v, cpu_NF, 63);
    ir_gen_shli(ir, IR_I64, v, v, 31);
    ir_gen_setcondi(ir, IR_I64, IR_COND_EQ, t, cpu_ZF, 0);
    ir_gen_shli(ir, IR_I64, t, t, 30);
    ir_gen_or(ir, IR_I64, v, v, t);
    ir_gen_shli(ir, IR_I64, t, cpu_CF, 29);
    ir_gen_or(ir, IR_I64, v, v, t);
    ir_gen_shri(ir, IR_I64, t, cpu_VF, 63);
    ir_gen_shli(ir, IR_I64, t, t, 28);
    ir_gen_or(ir, IR_I64, v, v, t);
    return v;
}

/* -- Conditions --------------------------------------------------------- */

/* ARM ARM ConditionHolds(): even codes test, odd codes invert (but AL/NV). */
void arm_test_cc(DisasContext *s, ArmCompare *c, int cc)
{
    IRContext *ir = s->ir;
    IRTemp *t;

    switch (cc >> 1) {
    case 0:                             /* EQ/NE: Z */
        c->cond = IR_COND_EQ;
        c->value = cpu_ZF;
        break;
    case 1:                             /* CS/CC: C */
        c->cond = IR_COND_NE;
        c->value = cpu_CF;
        break;
    case 2:                             /* MI/PL: N */
        c->cond = IR_COND_LT;
        c->value = cpu_NF;
        break;
    case 3:                             /* VS/VC: V */
        c->cond = IR_COND_LT;
        c->value = cpu_VF;
        break;
    case 4:                             /* HI/LS: C && !Z */
        t = tmp64(s);
        ir_gen_neg(ir, IR_I64, t, cpu_CF);          /* C ? ~0 : 0 */
        ir_gen_and(ir, IR_I64, t, t, cpu_ZF);
        c->cond = IR_COND_NE;
        c->value = t;
        break;
    case 5:                             /* GE/LT: N == V */
        t = tmp64(s);
        ir_gen_xor(ir, IR_I64, t, cpu_VF, cpu_NF);
        c->cond = IR_COND_GE;
        c->value = t;
        break;
    case 6:                             /* GT/LE: !Z && N == V */
        t = tmp64(s);
        ir_gen_xor(ir, IR_I64, t, cpu_VF, cpu_NF);
        ir_gen_sari(ir, IR_I64, t, t, 63);          /* N != V ? ~0 : 0 */
        ir_gen_andc(ir, IR_I64, t, cpu_ZF, t);
        c->cond = IR_COND_NE;
        c->value = t;
        break;
    default:                            /* AL, NV: always */
        c->cond = IR_COND_ALWAYS;
        c->value = NULL;
        return;
    }
    if (cc & 1) {
        c->cond = ir_cond_invert(c->cond);
    }
}

void gen_brcond_cc(DisasContext *s, int cc, IRLabel *label)
{
    ArmCompare c;

    arm_test_cc(s, &c, cc);
    if (c.cond == IR_COND_ALWAYS) {
        ir_gen_br(s->ir, label);
    } else {
        ir_gen_brcondi(s->ir, IR_I64, c.cond, c.value, 0, label);
    }
}

/* -- Control flow ------------------------------------------------------- */

void gen_goto_tb(DisasContext *s, unsigned slot, uint64_t dest)
{
    ir_gen_movi(s->ir, IR_I64, cpu_pc, dest);
    ir_gen_goto_tb(s->ir, slot);
    s->base.is_jmp = DISAS_NORETURN;
}

void gen_jump_reg(DisasContext *s, IRTemp *target)
{
    ir_gen_mov(s->ir, IR_I64, cpu_pc, target);
    s->base.is_jmp = DISAS_JUMP;
}

void gen_exception(DisasContext *s, ArmException excp, uint32_t syn, uint64_t pc)
{
    IRContext *ir = s->ir;

    ir_gen_movi(ir, IR_I64, cpu_pc, pc);
    ir_gen_st_env(ir, IR_I32, const32(s, excp), ENV_OFF(exception_index),
                  IR_MO_UL);
    ir_gen_st_env(ir, IR_I32, const32(s, syn), ENV_OFF(syndrome), IR_MO_UL);
    ir_gen_exit_tb(ir, TB_EXIT_MAKE_CODE(A64_EXIT_EXCEPTION));
    s->base.is_jmp = DISAS_NORETURN;
}

void unallocated_encoding(DisasContext *s)
{
    gen_exception(s, ARM_EXCP_UDEF, s->insn, s->pc_curr);
}

/* -- Memory ------------------------------------------------------------- */

void gen_ld(DisasContext *s, IRTemp *dst64, IRTemp *addr, IRMemOp mo)
{
    ir_gen_guest_ld(s->ir, IR_I64, dst64, addr, mo);
}

void gen_st(DisasContext *s, IRTemp *val64, IRTemp *addr, IRMemOp mo)
{
    ir_gen_guest_st(s->ir, IR_I64, val64, addr, mo);
}

/* -- TranslatorOps ------------------------------------------------------ */

static void a64_init_disas_context(DisasContextBase *db, void *cpu)
{
    DisasContext *s = (DisasContext *)db;

    s->ir = db->ir;
    s->env = cpu;
}

static void a64_tb_start(DisasContextBase *db, void *cpu)
{
}

static void a64_translate_insn(DisasContextBase *db, void *cpu)
{
    DisasContext *s = (DisasContext *)db;

    s->pc_curr = db->pc_next;
    s->insn = translator_ldl(s->pc_curr);
    db->pc_next += 4;
    if (!a64_decode(s, s->insn)) {
        unallocated_encoding(s);
    }
}

static void a64_tb_stop(DisasContextBase *db, void *cpu)
{
    DisasContext *s = (DisasContext *)db;

    switch ((int)db->is_jmp) {
    case DISAS_NEXT:
    case DISAS_TOO_MANY:
        gen_goto_tb(s, 0, db->pc_next);
        break;
    case DISAS_UPDATE_EXIT:
        ir_gen_movi(s->ir, IR_I64, cpu_pc, db->pc_next);
        ir_gen_exit_tb(s->ir, TB_EXIT_LOOKUP);
        break;
    case DISAS_JUMP:
        ir_gen_lookup_and_goto(s->ir);
        break;
    case DISAS_NORETURN:
        break;
    default:
        g_assert_not_reached();
    }
}

static void a64_fetch_fault(DisasContextBase *db, void *cpu)
{
    DisasContext *s = (DisasContext *)db;

    ir_gen_st_env(s->ir, IR_I64, const64(s, db->pc_first), ENV_OFF(fault_addr),
                  IR_MO_UQ);
    gen_exception(s, ARM_EXCP_DATA_ABORT, 0, db->pc_first);
}

static const TranslatorOps a64_translator_ops = {
    .init_disas_context = a64_init_disas_context,
    .tb_start = a64_tb_start,
    .translate_insn = a64_translate_insn,
    .tb_stop = a64_tb_stop,
    .fetch_fault = a64_fetch_fault,
};

void a64_translate_tb(CPUARMState *env, TranslationBlock *tb, IRContext *ir)
{
    DisasContext s = { 0 };

    translator_loop(&a64_translator_ops, &s.base, env, tb, ir);
}

#include "a64-decode-dispatch.c.inc"
