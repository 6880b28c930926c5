// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-dp-imm.c: A64 "Data processing -- immediate" (a64.decode, class
 * dp_imm): PC-relative addressing, add/subtract, logical, move wide,
 * bitfield and extract, all with an immediate operand.
 *
 * Values are computed in I64 temps; a 32-bit form (sf = 0) reads its
 * sources zero-extended and lets write_reg() truncate the result, so only
 * the few places where bits above 31 would leak into the low word (signed
 * extracts, EXTR) need care.  Register 31 is SP where the ARM ARM says so:
 * ADD/SUB (immediate) read and write SP, the logical immediates write it
 * (except ANDS); every other use of 31 is XZR.
 *
 * Aliases need no code of their own: MOV (to/from SP) is ADD #0, CMP/CMN
 * are SUBS/ADDS to XZR, MOV (bitmask) is ORR from XZR; LSL, LSR, ASR,
 * SXTB/H/W, UXTB/H, SBFX, UBFX, SBFIZ, UBFIZ, BFI, BFXIL and BFC are
 * SBFM/BFM/UBFM; ROR (immediate) is EXTR.
 */
#include "translate.h"
#include "a64-decode.h"
#include "a64-imm.h"


/* -- PC-relative addressing --------------------------------------------- */

static bool do_adr(DisasContext *s, arg_ADR *a, bool page)
{
    int64_t imm = (int64_t)a->immhi * 4 + a->immlo;
    uint64_t base = s->pc_curr;

    if (page) {
        base &= ~UINT64_C(0xfff);
        imm *= 4096;
    }
    write_reg(s, a->rd, true, const64(s, base + (uint64_t)imm));
    return true;
}

/*    row            generator       page */
TRANS(ADR,           do_adr,         false)
TRANS(ADRP,          do_adr,         true)

/* -- Add/subtract (immediate) ------------------------------------------- */

/* Rn is SP; Rd is SP for ADD/SUB and XZR for ADDS/SUBS (CMP, CMN). */
static bool do_addsub_imm(DisasContext *s, arg_ADD_imm *a, bool sub,
                          bool setflags)
{
    uint64_t imm = (uint64_t)a->imm << (a->sh ? 12 : 0);
    IRTemp *rn = read_reg_sp(s, a->rn, a->sf);
    IRTemp *res = tmp64(s);

    if (setflags) {
        (sub ? gen_sub_cc : gen_add_cc)(s, a->sf, res, rn, const64(s, imm));
        write_reg(s, a->rd, a->sf, res);
    } else {
        ir_gen_addi(s->ir, IR_I64, res, rn, sub ? -imm : imm);
        write_reg_sp(s, a->rd, a->sf, res);
    }
    return true;
}

/*    row            generator       sub    setflags */
TRANS(ADD_imm,       do_addsub_imm,  false, false)
TRANS(ADDS_imm,      do_addsub_imm,  false, true)
TRANS(SUB_imm,       do_addsub_imm,  true,  false)
TRANS(SUBS_imm,      do_addsub_imm,  true,  true)

/* -- Logical (immediate) ------------------------------------------------ */

typedef void GenBinaryFn(IRContext *, IRType, IRTemp *, IRTemp *, IRTemp *);

/* Rn is XZR (MOV alias of ORR); Rd is SP except for ANDS (TST). */
static bool do_logic_imm(DisasContext *s, arg_AND_imm *a, GenBinaryFn *op,
                         bool setflags)
{
    uint64_t imm;
    IRTemp *res;

    if (!a64_decode_bitmask(a->n, a->immr, a->imms, a->sf, &imm)) {
        return false;
    }
    res = read_reg(s, a->rn, a->sf);
    op(s->ir, IR_I64, res, res, const64(s, imm));
    if (setflags) {
        gen_logic_cc(s, a->sf, res);
        write_reg(s, a->rd, a->sf, res);
    } else {
        write_reg_sp(s, a->rd, a->sf, res);
    }
    return true;
}

/*    row            generator       op           setflags */
TRANS(AND_imm,       do_logic_imm,   ir_gen_and,  false)
TRANS(ORR_imm,       do_logic_imm,   ir_gen_or,   false)
TRANS(EOR_imm,       do_logic_imm,   ir_gen_xor,  false)
TRANS(ANDS_imm,      do_logic_imm,   ir_gen_and,  true)

/* -- Move wide (immediate) ---------------------------------------------- */

bool trans_MOVZ(DisasContext *s, arg_MOVZ *a)
{
    write_reg(s, a->rd, a->sf, const64(s, (uint64_t)a->imm << (a->hw * 16)));
    return true;
}

bool trans_MOVN(DisasContext *s, arg_MOVN *a)
{
    write_reg(s, a->rd, a->sf, const64(s, ~((uint64_t)a->imm << (a->hw * 16))));
    return true;
}

bool trans_MOVK(DisasContext *s, arg_MOVK *a)
{
    IRTemp *rd = read_reg(s, a->rd, a->sf);

    ir_gen_deposit(s->ir, IR_I64, rd, rd, const64(s, a->imm), a->hw * 16, 16);
    write_reg(s, a->rd, a->sf, rd);
    return true;
}

/* -- Bitfield ----------------------------------------------------------- */

typedef enum { BF_SIGNED, BF_INSERT, BF_UNSIGNED } BitfieldKind;

/*
 * ARM ARM SBFM/BFM/UBFM with R = immr, S = imms, width = 32 or 64 (the
 * decoder rejected N != sf and 32-bit fields >= 32):
 *   S >= R: bits [R, S] of Rn go to bit 0 (SBFX/UBFX/BFXIL, ASR/LSR, SXT*);
 *   S <  R: bits [0, S] of Rn go to bit width - R (SBFIZ/UBFIZ/BFI, LSL).
 * SBFM sign-extends the field, UBFM zero-extends it, BFM keeps the other
 * bits of Rd.  A 32-bit signed result sign-extends into bits 63:32 of the
 * I64 temp, which write_reg() drops.
 */
static bool do_bitfield(DisasContext *s, arg_SBFM *a, BitfieldKind kind)
{
    IRContext *ir = s->ir;
    unsigned width = a->sf ? 64 : 32, r = a->immr, sbit = a->imms;
    unsigned pos, len;
    IRTemp *src = read_reg(s, a->rn, a->sf);
    IRTemp *res = kind == BF_INSERT ? read_reg(s, a->rd, a->sf) : tmp64(s);

    if (sbit >= r) {
        pos = 0;
        len = sbit - r + 1;
    } else {
        pos = width - r;
        len = sbit + 1;
    }
    switch (kind) {
    case BF_INSERT:
        if (r != 0 && pos == 0) {
            ir_gen_shri(ir, IR_I64, src, src, r);
        }
        ir_gen_deposit(ir, IR_I64, res, res, src, pos, len);
        break;
    case BF_SIGNED:
        ir_gen_sextract(ir, IR_I64, res, src, pos ? 0 : r, len);
        if (pos) {
            ir_gen_shli(ir, IR_I64, res, res, pos);
        }
        break;
    case BF_UNSIGNED:
        if (pos == 0) {
            ir_gen_extract(ir, IR_I64, res, src, r, len);
        } else {
            ir_gen_deposit(ir, IR_I64, res, const64(s, 0), src, pos, len);
        }
        break;
    }
    write_reg(s, a->rd, a->sf, res);
    return true;
}

/*    row            generator       kind */
TRANS(SBFM,          do_bitfield,    BF_SIGNED)
TRANS(BFM,           do_bitfield,    BF_INSERT)
TRANS(UBFM,          do_bitfield,    BF_UNSIGNED)

/* -- Extract ------------------------------------------------------------ */

/* EXTR: bits [lsb, lsb + width) of Rn:Rm.  For 32 bits the 64-bit
 * concatenation Wn:Wm shifted right by lsb holds the result in its low word. */
bool trans_EXTR(DisasContext *s, arg_EXTR *a)
{
    IRTemp *rn = read_reg(s, a->rn, a->sf);
    IRTemp *rm = read_reg(s, a->rm, a->sf);
    IRTemp *res = tmp64(s);

    if (a->sf) {
        ir_gen_extract2(s->ir, IR_I64, res, rm, rn, a->imms);
    } else {
        ir_gen_deposit(s->ir, IR_I64, res, rm, rn, 32, 32);
        ir_gen_shri(s->ir, IR_I64, res, res, a->imms);
    }
    write_reg(s, a->rd, a->sf, res);
    return true;
}
