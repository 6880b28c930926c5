// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-dp-reg.c: A64 "Data processing -- register" (a64.decode, class
 * dp_reg): 1- and 2-source ops (bit reversal, CLZ/CLS, division, shifts by
 * register, CRC32), logical and add/subtract with a shifted or extended
 * register, add/subtract with carry, conditional compare and select, and
 * the 3-source multiplies.
 *
 * As in trans-dp-imm.c, values live in I64 temps and a 32-bit form reads
 * zero-extended sources and lets write_reg() truncate; where bits above 31
 * would reach the low word (ASR, ROR, SDIV, CLS, ...) the source is sign-
 * extended or duplicated into the high word first.  Register 31 is XZR
 * everywhere here except Rn/Rd of the non-flag-setting extended-register
 * ADD/SUB, which are SP.
 *
 * Returns false (SIGILL) on purpose: RMIF, SETF8, SETF16 (FEAT_FlagM, which
 * no model advertises).
 */
#include "translate.h"
#include "a64-decode.h"
#include "helpers.h"


typedef void GenBinaryFn(IRContext *, IRType, IRTemp *, IRTemp *, IRTemp *);

enum { SHIFT_LSL, SHIFT_LSR, SHIFT_ASR, SHIFT_ROR };

/* -- Shared operand and result generators ------------------------------- */

/* @v (zero-extended if !sf) shifted by the constant @amount, in place.  The
 * 32-bit ASR/ROR fill bits 31:0 correctly and leave junk above. */
static void gen_shift_imm(DisasContext *s, IRTemp *v, bool sf, int type,
                          unsigned amount)
{
    IRContext *ir = s->ir;

    if (amount == 0) {
        return;
    }
    switch (type) {
    case SHIFT_LSL:
        ir_gen_shli(ir, IR_I64, v, v, amount);
        break;
    case SHIFT_LSR:
        ir_gen_shri(ir, IR_I64, v, v, amount);
        break;
    case SHIFT_ASR:
        if (!sf) {
            ir_gen_ext32s(ir, IR_I64, v, v);
        }
        ir_gen_sari(ir, IR_I64, v, v, amount);
        break;
    case SHIFT_ROR:
        if (sf) {
            ir_gen_rotri(ir, IR_I64, v, v, amount);
        } else {
            ir_gen_deposit(ir, IR_I64, v, v, v, 32, 32);
            ir_gen_shri(ir, IR_I64, v, v, amount);
        }
        break;
    }
}

/* Rm of a shifted-register form: XZR for 31. */
static IRTemp *read_shifted_rm(DisasContext *s, bool sf, int rm, int type,
                               unsigned amount)
{
    IRTemp *v = read_reg(s, rm, sf);

    gen_shift_imm(s, v, sf, type, amount);
    return v;
}

/* Xn, or Wn sign- or zero-extended to 64 bits (XZR for 31). */
static IRTemp *read_reg_ext(DisasContext *s, int reg, bool sf, bool is_signed)
{
    IRTemp *v = read_reg(s, reg, sf || is_signed);

    if (!sf && is_signed) {
        ir_gen_ext32s(s->ir, IR_I64, v, v);
    }
    return v;
}

/* dst = a +/- b, setting NZCV if @setflags. */
static void gen_addsub(DisasContext *s, bool sf, bool sub, bool setflags,
                       IRTemp *dst, IRTemp *a, IRTemp *b)
{
    if (setflags) {
        (sub ? gen_sub_cc : gen_add_cc)(s, sf, dst, a, b);
    } else {
        (sub ? ir_gen_sub : ir_gen_add)(s->ir, IR_I64, dst, a, b);
    }
}

/* -- Data-processing (2 source) ----------------------------------------- */

/* UDIV/SDIV: the IR's x / 0 = 0 and MIN / -1 = MIN are Arm's results; a
 * 32-bit SDIV divides the sign-extended words, so INT32_MIN / -1 = 2^31
 * truncates to INT32_MIN. */
static bool do_div(DisasContext *s, arg_UDIV *a, bool is_signed)
{
    IRTemp *n = read_reg_ext(s, a->rn, a->sf, is_signed);
    IRTemp *m = read_reg_ext(s, a->rm, a->sf, is_signed);

    (is_signed ? ir_gen_div : ir_gen_divu)(s->ir, IR_I64, n, n, m);
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       signed */
TRANS(UDIV,          do_div,         false)
TRANS(SDIV,          do_div,         true)

/* LSLV/LSRV/ASRV/RORV: the amount is Rm modulo the width.  The IR takes
 * 64-bit counts modulo 64; a 32-bit form masks to 5 bits and shifts a
 * zero-extended (LSL, LSR), sign-extended (ASR) or doubled (ROR) word. */
static bool do_shiftv(DisasContext *s, arg_LSLV *a, int type)
{
    static GenBinaryFn *const ops[] = {
        [SHIFT_LSL] = ir_gen_shl, [SHIFT_LSR] = ir_gen_shr,
        [SHIFT_ASR] = ir_gen_sar, [SHIFT_ROR] = ir_gen_rotr,
    };
    IRContext *ir = s->ir;
    IRTemp *n = read_reg_ext(s, a->rn, a->sf, type == SHIFT_ASR);
    IRTemp *m = read_reg(s, a->rm, a->sf);

    if (!a->sf) {
        ir_gen_andi(ir, IR_I64, m, m, 31);
        if (type == SHIFT_ROR) {
            ir_gen_deposit(ir, IR_I64, n, n, n, 32, 32);
            type = SHIFT_LSR;
        }
    }
    ops[type](ir, IR_I64, n, n, m);
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       shift */
TRANS(LSLV,          do_shiftv,      SHIFT_LSL)
TRANS(LSRV,          do_shiftv,      SHIFT_LSR)
TRANS(ASRV,          do_shiftv,      SHIFT_ASR)
TRANS(RORV,          do_shiftv,      SHIFT_ROR)

/* CRC32{,C}{B,H,W,X} Wd, Wn, Rm: sz = log2(bytes); the decoder allows X
 * only with sf = 1 and B/H/W only with sf = 0. */
bool trans_CRC32(DisasContext *s, arg_CRC32 *a)
{
    IRTemp *acc = read_reg(s, a->rn, false);
    IRTemp *val = read_reg(s, a->rm, a->sz == 3);
    IRTemp *res = tmp64(s);

    ir_gen_callv(s->ir, a->c ? &helper_info_crc32c : &helper_info_crc32, res,
                 acc, val, const64(s, 1u << a->sz));
    write_reg(s, a->rd, false, res);
    return true;
}

/* -- Data-processing (1 source) ----------------------------------------- */

/* v = ((v >> shift) & mask) | ((v & mask) << shift): swaps the bit groups
 * of @shift bits that @mask selects with their upper neighbours. */
static void gen_swap_bits(DisasContext *s, IRTemp *v, uint64_t mask,
                          unsigned shift)
{
    IRTemp *t = tmp64(s);

    ir_gen_shri(s->ir, IR_I64, t, v, shift);
    ir_gen_andi(s->ir, IR_I64, t, t, mask);
    ir_gen_andi(s->ir, IR_I64, v, v, mask);
    ir_gen_shli(s->ir, IR_I64, v, v, shift);
    ir_gen_or(s->ir, IR_I64, v, v, t);
}

/* RBIT: reverse the bits of each byte, then the bytes; a (zero-extended)
 * word ends up in the high half and is shifted down. */
bool trans_RBIT(DisasContext *s, arg_RBIT *a)
{
    IRTemp *v = read_reg(s, a->rn, a->sf);

    gen_swap_bits(s, v, 0x5555555555555555ull, 1);
    gen_swap_bits(s, v, 0x3333333333333333ull, 2);
    gen_swap_bits(s, v, 0x0f0f0f0f0f0f0f0full, 4);
    ir_gen_bswap64(s->ir, IR_I64, v, v);
    if (!a->sf) {
        ir_gen_shri(s->ir, IR_I64, v, v, 32);
    }
    write_reg(s, a->rd, a->sf, v);
    return true;
}

bool trans_REV16(DisasContext *s, arg_REV16 *a)
{
    IRTemp *v = read_reg(s, a->rn, a->sf);

    gen_swap_bits(s, v, 0x00ff00ff00ff00ffull, 8);
    write_reg(s, a->rd, a->sf, v);
    return true;
}

/* REV32 Xd reverses the bytes of each word; with sf = 0 it is REV Wd. */
bool trans_REV32(DisasContext *s, arg_REV32 *a)
{
    IRTemp *v = read_reg(s, a->rn, a->sf);

    if (a->sf) {
        ir_gen_bswap64(s->ir, IR_I64, v, v);
        ir_gen_rotri(s->ir, IR_I64, v, v, 32);
    } else {
        ir_gen_bswap32(s->ir, IR_I64, v, v);
    }
    write_reg(s, a->rd, a->sf, v);
    return true;
}

bool trans_REV64(DisasContext *s, arg_REV64 *a)
{
    IRTemp *v = read_reg(s, a->rn, true);

    ir_gen_bswap64(s->ir, IR_I64, v, v);
    write_reg(s, a->rd, true, v);
    return true;
}

/* CLZ of a zero-extended word counts 32 extra zeros (clz(0) = 64). */
bool trans_CLZ(DisasContext *s, arg_CLZ *a)
{
    IRTemp *v = read_reg(s, a->rn, a->sf);

    ir_gen_clz(s->ir, IR_I64, v, v);
    if (!a->sf) {
        ir_gen_subi(s->ir, IR_I64, v, v, 32);
    }
    write_reg(s, a->rd, a->sf, v);
    return true;
}

/* CLS(x) = CLZ(x ^ (x >> 1, arithmetic)) - 1: bit i of the xor is set where
 * bit i differs from bit i + 1.  A word is sign-extended, adding 32. */
bool trans_CLS(DisasContext *s, arg_CLS *a)
{
    IRContext *ir = s->ir;
    IRTemp *v = read_reg_ext(s, a->rn, a->sf, true);
    IRTemp *t = tmp64(s);

    ir_gen_sari(ir, IR_I64, t, v, 1);
    ir_gen_xor(ir, IR_I64, v, v, t);
    ir_gen_clz(ir, IR_I64, v, v);
    ir_gen_subi(ir, IR_I64, v, v, a->sf ? 1 : 33);
    write_reg(s, a->rd, a->sf, v);
    return true;
}

/* -- Logical (shifted register) ----------------------------------------- */

static bool do_logic_reg(DisasContext *s, arg_AND_r *a, GenBinaryFn *op,
                         bool setflags)
{
    IRTemp *n = read_reg(s, a->rn, a->sf);
    IRTemp *m = read_shifted_rm(s, a->sf, a->rm, a->shift, a->imm);

    op(s->ir, IR_I64, n, n, m);
    if (setflags) {
        gen_logic_cc(s, a->sf, n);
    }
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       op           setflags */
TRANS(AND_r,         do_logic_reg,   ir_gen_and,  false)
TRANS(BIC_r,         do_logic_reg,   ir_gen_andc, false)
TRANS(ORR_r,         do_logic_reg,   ir_gen_or,   false)
TRANS(ORN_r,         do_logic_reg,   ir_gen_orc,  false)
TRANS(EOR_r,         do_logic_reg,   ir_gen_xor,  false)
TRANS(EON_r,         do_logic_reg,   ir_gen_eqv,  false)
TRANS(ANDS_r,        do_logic_reg,   ir_gen_and,  true)
TRANS(BICS_r,        do_logic_reg,   ir_gen_andc, true)

/* -- Add/subtract (shifted register) ------------------------------------ */

/* The decoder rejects shift = ROR and 32-bit amounts >= 32. */
static bool do_addsub_reg(DisasContext *s, arg_ADD_r *a, bool sub,
                          bool setflags)
{
    IRTemp *n = read_reg(s, a->rn, a->sf);
    IRTemp *m = read_shifted_rm(s, a->sf, a->rm, a->shift, a->imm);

    gen_addsub(s, a->sf, sub, setflags, n, n, m);
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       sub    setflags */
TRANS(ADD_r,         do_addsub_reg,  false, false)
TRANS(ADDS_r,        do_addsub_reg,  false, true)
TRANS(SUB_r,         do_addsub_reg,  true,  false)
TRANS(SUBS_r,        do_addsub_reg,  true,  true)

/* -- Add/subtract (extended register) ----------------------------------- */

/* Rm extended by option (UXTB, UXTH, UXTW, UXTX, SXTB, SXTH, SXTW, SXTX)
 * then shifted left by imm (0..4, the decoder rejects more).  Rn and, for
 * ADD/SUB, Rd are SP; ADDS/SUBS write XZR (CMP/CMN). */
static bool do_addsub_ext(DisasContext *s, arg_ADD_ext *a, bool sub,
                          bool setflags)
{
    IRContext *ir = s->ir;
    unsigned bits = 8u << (a->option & 3);
    IRTemp *n = read_reg_sp(s, a->rn, a->sf);
    IRTemp *m = read_reg(s, a->rm, true);

    if (bits < 64) {
        (a->option & 4 ? ir_gen_sextract : ir_gen_extract)(ir, IR_I64, m, m,
                                                           0, bits);
    }
    if (a->imm) {
        ir_gen_shli(ir, IR_I64, m, m, a->imm);
    }
    gen_addsub(s, a->sf, sub, setflags, n, n, m);
    if (setflags) {
        write_reg(s, a->rd, a->sf, n);
    } else {
        write_reg_sp(s, a->rd, a->sf, n);
    }
    return true;
}

/*    row            generator       sub    setflags */
TRANS(ADD_ext,       do_addsub_ext,  false, false)
TRANS(ADDS_ext,      do_addsub_ext,  false, true)
TRANS(SUB_ext,       do_addsub_ext,  true,  false)
TRANS(SUBS_ext,      do_addsub_ext,  true,  true)

/* -- Add/subtract (with carry) ------------------------------------------ */

static bool do_adc(DisasContext *s, arg_ADC *a, bool sub, bool setflags)
{
    IRTemp *n = read_reg(s, a->rn, a->sf);
    IRTemp *m = read_reg(s, a->rm, a->sf);

    (sub ? gen_sbc : gen_adc)(s, a->sf, setflags, n, n, m);
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       sub    setflags */
TRANS(ADC,           do_adc,         false, false)
TRANS(ADCS,          do_adc,         false, true)
TRANS(SBC,           do_adc,         true,  false)
TRANS(SBCS,          do_adc,         true,  true)

/* -- Rotate right into flags / Evaluate into flags ---------------------- */

/* FEAT_FlagM: not implemented and not advertised (ID_AA64ISAR0.TS = 0,
 * no HWCAP_FLAGM), so these are unallocated for the guest. */
bool trans_RMIF(DisasContext *s, arg_RMIF *a) { return false; }
bool trans_SETF8(DisasContext *s, arg_SETF8 *a) { return false; }
bool trans_SETF16(DisasContext *s, arg_SETF16 *a) { return false; }

/* -- Conditional compare ------------------------------------------------ */

/*
 * CCMP/CCMN: NZCV = cond ? flags of Rn -/+ op2 : #nzcv.  The condition is
 * evaluated into a temp before the compare overwrites the flags; then each
 * flag word picks its compare value or its constant (same encoding as
 * gen_set_nzcv_imm()).
 */
static void gen_ccmp(DisasContext *s, bool sf, int cond, unsigned nzcv,
                     IRTemp *n, IRTemp *op2, bool sub)
{
    IRContext *ir = s->ir;
    IRTemp *flags[4] = { cpu_NF, cpu_ZF, cpu_CF, cpu_VF };
    uint64_t imm[4] = {
        (nzcv & 8) ? UINT64_MAX : 0, (nzcv & 4) ? 0 : 1,
        (nzcv >> 1) & 1, (nzcv & 1) ? UINT64_MAX : 0,
    };
    IRTemp *holds = tmp64(s), *zero = const64(s, 0);
    ArmCompare c;

    arm_test_cc(s, &c, cond);
    if (c.cond != IR_COND_ALWAYS) {
        ir_gen_setcondi(ir, IR_I64, c.cond, holds, c.value, 0);
    }
    (sub ? gen_sub_cc : gen_add_cc)(s, sf, n, n, op2);
    if (c.cond == IR_COND_ALWAYS) {
        return;
    }
    for (int i = 0; i < 4; i++) {
        ir_gen_movcond(ir, IR_I64, IR_COND_NE, flags[i], holds, zero,
                       flags[i], const64(s, imm[i]));
    }
}

static bool do_ccmp_r(DisasContext *s, arg_CCMP_r *a, bool sub)
{
    gen_ccmp(s, a->sf, a->cond, a->nzcv, read_reg(s, a->rn, a->sf),
             read_reg(s, a->rm, a->sf), sub);
    return true;
}

static bool do_ccmp_imm(DisasContext *s, arg_CCMP_imm *a, bool sub)
{
    gen_ccmp(s, a->sf, a->cond, a->nzcv, read_reg(s, a->rn, a->sf),
             const64(s, a->imm), sub);
    return true;
}

/*    row            generator       sub */
TRANS(CCMN_r,        do_ccmp_r,      false)
TRANS(CCMP_r,        do_ccmp_r,      true)
TRANS(CCMN_imm,      do_ccmp_imm,    false)
TRANS(CCMP_imm,      do_ccmp_imm,    true)

/* -- Conditional select ------------------------------------------------- */

typedef enum { CS_SEL, CS_INC, CS_INV, CS_NEG } CondSelOp;

/* Rd = cond ? Rn : op(Rm); CSET/CSETM/CINC/CINV/CNEG are aliases. */
static bool do_csel(DisasContext *s, arg_CSEL *a, CondSelOp op)
{
    IRContext *ir = s->ir;
    IRTemp *n = read_reg(s, a->rn, a->sf);
    IRTemp *m = read_reg(s, a->rm, a->sf);
    ArmCompare c;

    arm_test_cc(s, &c, a->cond);
    if (c.cond == IR_COND_ALWAYS) {
        write_reg(s, a->rd, a->sf, n);
        return true;
    }
    switch (op) {
    case CS_SEL:
        break;
    case CS_INC:
        ir_gen_addi(ir, IR_I64, m, m, 1);
        break;
    case CS_INV:
        ir_gen_not(ir, IR_I64, m, m);
        break;
    case CS_NEG:
        ir_gen_neg(ir, IR_I64, m, m);
        break;
    }
    ir_gen_movcond(ir, IR_I64, c.cond, n, c.value, const64(s, 0), n, m);
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       else-op */
TRANS(CSEL,          do_csel,        CS_SEL)
TRANS(CSINC,         do_csel,        CS_INC)
TRANS(CSINV,         do_csel,        CS_INV)
TRANS(CSNEG,         do_csel,        CS_NEG)

/* -- Data-processing (3 source) ----------------------------------------- */

/* MADD/MSUB: Rd = Ra +/- Rn * Rm (MUL/MNEG have Ra = XZR). */
static bool do_madd(DisasContext *s, arg_MADD *a, bool sub)
{
    IRTemp *n = read_reg(s, a->rn, a->sf);
    IRTemp *m = read_reg(s, a->rm, a->sf);
    IRTemp *acc = read_reg(s, a->ra, a->sf);

    ir_gen_mul(s->ir, IR_I64, n, n, m);
    (sub ? ir_gen_sub : ir_gen_add)(s->ir, IR_I64, n, acc, n);
    write_reg(s, a->rd, a->sf, n);
    return true;
}

/*    row            generator       sub */
TRANS(MADD,          do_madd,        false)
TRANS(MSUB,          do_madd,        true)

/* SMADDL/SMSUBL/UMADDL/UMSUBL: Xd = Xa +/- Wn * Wm, words sign- or
 * zero-extended (SMULL/UMULL have Ra = XZR). */
static bool do_maddl(DisasContext *s, arg_SMADDL *a, bool is_signed, bool sub)
{
    IRContext *ir = s->ir;
    IRTemp *n = read_reg_ext(s, a->rn, false, is_signed);
    IRTemp *m = read_reg_ext(s, a->rm, false, is_signed);
    IRTemp *acc = read_reg(s, a->ra, true);

    ir_gen_mul(ir, IR_I64, n, n, m);
    (sub ? ir_gen_sub : ir_gen_add)(ir, IR_I64, n, acc, n);
    write_reg(s, a->rd, true, n);
    return true;
}

/*    row            generator       signed sub */
TRANS(SMADDL,        do_maddl,       true,  false)
TRANS(SMSUBL,        do_maddl,       true,  true)
TRANS(UMADDL,        do_maddl,       false, false)
TRANS(UMSUBL,        do_maddl,       false, true)

/* SMULH/UMULH: the high 64 bits of the 128-bit product. */
static bool do_mulh(DisasContext *s, arg_SMULH *a, GenBinaryFn *op)
{
    IRTemp *n = read_reg(s, a->rn, true);

    op(s->ir, IR_I64, n, n, read_reg(s, a->rm, true));
    write_reg(s, a->rd, true, n);
    return true;
}

/*    row            generator       op */
TRANS(SMULH,         do_mulh,        ir_gen_mulsh)
TRANS(UMULH,         do_mulh,        ir_gen_muluh)
