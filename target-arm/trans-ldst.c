// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-ldst.c: A64 loads and stores of one or two registers (class "ldst"
 * of a64.decode): literal, pair (offset, pre/post-indexed, non-temporal),
 * single register with unscaled, pre/post-indexed, unprivileged, register
 * and unsigned offsets, for the integer and the SIMD&FP registers, and the
 * prefetches.
 *
 * Every form is "compute an address, do one or two accesses, maybe write
 * the base back", so the handlers are one-liners over three generators:
 * do_ldst() (one register), do_ldstp() (a pair) and the address builders.
 *
 * Rules that hold for all of them (ARM ARM C6.2, the LDR/STR pseudocode):
 *   - Rn = 31 is SP as a base; Rt/Rt2/Rm = 31 are XZR.
 *   - The address comes from the base as it was before the instruction; the
 *     base is written back after the access, so a load with writeback whose
 *     Rt equals Rn (CONSTRAINED UNPREDICTABLE) ends with the written-back
 *     address in Rn, and a store with Rt == Rn stores the old base: both as
 *     qemu-aarch64 does.
 *   - All accesses are done into temps before any register is written, so a
 *     fault in the second half of a pair leaves the registers untouched.
 *   - LDP with Rt == Rt2 (UNPREDICTABLE) leaves the first value in an X/W
 *     register and the second in a SIMD&FP register, as qemu-aarch64 does.
 *
 * The SIMD&FP registers are not IR globals: they are read and written
 * through env (CPUARMState.vregs, two 64-bit halves, low half first). A
 * scalar load writes the low bits and zeroes the rest of the 128-bit
 * register; a Q access is two 64-bit guest accesses, low half at the lower
 * address.
 */
#include "translate.h"
#include "a64-decode.h"

#include <stddef.h>

/* -- SIMD&FP registers in env ------------------------------------------- */

/* The env offset of half @half (0 low, 1 high) of Vn. */
static intptr_t vreg_off(int n, int half)
{
    return (intptr_t)offsetof(CPUARMState, vregs) +
           (intptr_t)(n * 2 + half) * (intptr_t)sizeof(uint64_t);
}

/* Vt = hi:lo (@hi NULL: zero), the whole 128 bits. */
static void write_vreg(DisasContext *s, int rt, IRTemp *lo, IRTemp *hi)
{
    ir_gen_st_env(s->ir, IR_I64, lo, vreg_off(rt, 0), IR_MO_UQ);
    ir_gen_st_env(s->ir, IR_I64, hi ? hi : const64(s, 0), vreg_off(rt, 1),
                  IR_MO_UQ);
}

static IRTemp *read_vreg_half(DisasContext *s, int rt, int half)
{
    IRTemp *t = tmp64(s);

    ir_gen_ld_env(s->ir, IR_I64, t, vreg_off(rt, half), IR_MO_UQ);
    return t;
}

/* -- Accesses ----------------------------------------------------------- */

/* Which way a register is transferred and which register file it is in;
 * the access size (log2) and sign (IR_MO_SIGN) travel beside it. */
typedef enum LdstKind {
    LDST_STORE,         /* integer store */
    LDST_LOAD_X,        /* integer load, zero- or sign-extended to 64 bits */
    LDST_LOAD_W,        /* integer load, sign-extended to 32 bits, into Wt */
    LDST_STORE_V,       /* SIMD&FP store */
    LDST_LOAD_V,        /* SIMD&FP load */
} LdstKind;

static IRTemp *addr_plus(DisasContext *s, IRTemp *addr, int64_t off)
{
    IRTemp *t = tmp64(s);

    ir_gen_addi(s->ir, IR_I64, t, addr, (uint64_t)off);
    return t;
}

/*
 * Load the value of one register transfer into *lo (and *hi for a 128-bit
 * SIMD&FP access). @log2 is the access size (4 = Q); @mo adds the sign.
 */
static void gen_load_val(DisasContext *s, IRTemp *addr, unsigned log2,
                         IRMemOp mo, IRTemp **lo, IRTemp **hi)
{
    *lo = tmp64(s);
    *hi = NULL;
    if (log2 == 4) {
        *hi = tmp64(s);
        gen_ld(s, *lo, addr, IR_MO_UQ);
        gen_ld(s, *hi, addr_plus(s, addr, 8), IR_MO_UQ);
    } else {
        gen_ld(s, *lo, addr, log2 | mo);
    }
}

/* Write what gen_load_val() loaded into register @rt. */
static void gen_load_write(DisasContext *s, LdstKind kind, int rt, IRTemp *lo,
                           IRTemp *hi)
{
    if (kind == LDST_LOAD_V) {
        write_vreg(s, rt, lo, hi);
    } else {
        write_reg(s, rt, kind == LDST_LOAD_X, lo);
    }
}

static void gen_store_reg(DisasContext *s, LdstKind kind, IRTemp *addr,
                          unsigned log2, int rt)
{
    if (kind == LDST_STORE) {
        gen_st(s, read_reg(s, rt, true), addr, log2);
    } else if (log2 == 4) {
        gen_st(s, read_vreg_half(s, rt, 0), addr, IR_MO_UQ);
        gen_st(s, read_vreg_half(s, rt, 1), addr_plus(s, addr, 8), IR_MO_UQ);
    } else {
        gen_st(s, read_vreg_half(s, rt, 0), addr, log2);
    }
}

static bool kind_is_load(LdstKind kind)
{
    return kind == LDST_LOAD_X || kind == LDST_LOAD_W || kind == LDST_LOAD_V;
}

/* -- Decoding size and opc ---------------------------------------------- */

/*
 * Integer single register: opc 00 store, 01 load, 10 load signed into Xt,
 * 11 load signed into Wt. size 11 with opc 1x (PRFM) and size 10 with
 * opc 11 are not loads: false.
 */
static bool decode_int(int size, int opc, LdstKind *kind, IRMemOp *mo)
{
    static const LdstKind kinds[4] = {
        LDST_STORE, LDST_LOAD_X, LDST_LOAD_X, LDST_LOAD_W,
    };

    if ((size == 3 && opc >= 2) || (size == 2 && opc == 3)) {
        return false;
    }
    *kind = kinds[opc];
    *mo = opc >= 2 ? IR_MO_SIGN : 0;
    return true;
}

/*
 * SIMD&FP single register: opc<0> = load, opc<1> = 1 only with size 00,
 * meaning Q. Returns the log2 access size, or -1 if unallocated.
 */
static int decode_vec(int size, int opc, LdstKind *kind)
{
    *kind = (opc & 1) ? LDST_LOAD_V : LDST_STORE_V;
    if (opc & 2) {
        return size == 0 ? 4 : -1;
    }
    return size;
}

/* -- Addressing --------------------------------------------------------- */

typedef enum Writeback {
    WB_NONE,            /* [Xn|SP, #imm] */
    WB_PRE,             /* [Xn|SP, #imm]!: access at base + imm, then Xn = it */
    WB_POST,            /* [Xn|SP], #imm: access at base, then Xn += imm */
} Writeback;

/* The address an immediate-offset access uses. */
static IRTemp *gen_addr_imm(DisasContext *s, int rn, int64_t off, Writeback wb)
{
    IRTemp *addr = read_reg_sp(s, rn, true);

    if (wb != WB_POST && off != 0) {
        ir_gen_addi(s->ir, IR_I64, addr, addr, (uint64_t)off);
    }
    return addr;
}

/* After the access: Xn|SP = the final address, for pre/post-indexing. */
static void gen_writeback(DisasContext *s, int rn, IRTemp *addr, int64_t off,
                          Writeback wb)
{
    if (wb == WB_PRE) {
        write_reg_sp(s, rn, true, addr);
    } else if (wb == WB_POST) {
        write_reg_sp(s, rn, true, addr_plus(s, addr, off));
    }
}

/*
 * [Xn|SP, Rm, extend #shift]: option 010 UXTW, 011 LSL (UXTX), 110 SXTW,
 * 111 SXTX; option<1> = 0 is unallocated (NULL).
 */
static IRTemp *gen_addr_reg(DisasContext *s, int rn, int rm, int option,
                            unsigned shift)
{
    IRTemp *addr, *off;

    if (!(option & 2)) {
        return NULL;
    }
    addr = read_reg_sp(s, rn, true);
    off = read_reg(s, rm, true);
    if (option == 2) {
        ir_gen_ext32u(s->ir, IR_I64, off, off);
    } else if (option == 6) {
        ir_gen_ext32s(s->ir, IR_I64, off, off);
    }
    if (shift) {
        ir_gen_shli(s->ir, IR_I64, off, off, shift);
    }
    ir_gen_add(s->ir, IR_I64, addr, addr, off);
    return addr;
}

/* -- Generators ------------------------------------------------------- */

/* One register at @addr (already computed; the caller writes back). */
static void do_ldst(DisasContext *s, LdstKind kind, unsigned log2, IRMemOp mo,
                    int rt, IRTemp *addr)
{
    if (kind_is_load(kind)) {
        IRTemp *lo, *hi;

        gen_load_val(s, addr, log2, mo, &lo, &hi);
        gen_load_write(s, kind, rt, lo, hi);
    } else {
        gen_store_reg(s, kind, addr, log2, rt);
    }
}

/* Integer single register at Xn|SP + @off (already scaled). */
static bool do_ldst_int_imm(DisasContext *s, int size, int opc, int rt, int rn,
                            int64_t off, Writeback wb)
{
    LdstKind kind;
    IRMemOp mo;
    IRTemp *addr;

    if (!decode_int(size, opc, &kind, &mo)) {
        return false;
    }
    addr = gen_addr_imm(s, rn, off, wb);
    do_ldst(s, kind, size, mo, rt, addr);
    gen_writeback(s, rn, addr, off, wb);
    return true;
}

/* SIMD&FP single register at Xn|SP + @imm; @scaled: imm is in units of
 * the access size. */
static bool do_ldst_vec_imm(DisasContext *s, int size, int opc, int rt, int rn,
                            int64_t imm, bool scaled, Writeback wb)
{
    LdstKind kind;
    int log2 = decode_vec(size, opc, &kind);
    int64_t off;
    IRTemp *addr;

    if (log2 < 0) {
        return false;
    }
    off = scaled ? imm << log2 : imm;
    addr = gen_addr_imm(s, rn, off, wb);
    do_ldst(s, kind, log2, 0, rt, addr);
    gen_writeback(s, rn, addr, off, wb);
    return true;
}

/* The signed 9-bit offset forms (unscaled, pre/post-indexed, unprivileged). */
static bool do_ldst_int_simm(DisasContext *s, arg_LDST_unscaled *a,
                             Writeback wb)
{
    return do_ldst_int_imm(s, a->size, a->opc, a->rt, a->rn, a->imm, wb);
}

static bool do_ldst_vec_simm(DisasContext *s, arg_LDST_v_unscaled *a,
                             Writeback wb)
{
    return do_ldst_vec_imm(s, a->size, a->opc, a->rt, a->rn, a->imm, false,
                           wb);
}

/*
 * A pair: two registers of 1 << @log2 bytes at addr and addr + size.
 * Both loads complete before either register is written.
 */
static bool do_ldstp(DisasContext *s, LdstKind kind, unsigned log2, IRMemOp mo,
                     int imm, int rt, int rt2, int rn, Writeback wb)
{
    int64_t off = (int64_t)imm * ((int64_t)1 << log2);
    IRTemp *addr = gen_addr_imm(s, rn, off, wb);
    IRTemp *addr2 = addr_plus(s, addr, (int64_t)1 << log2);

    if (kind_is_load(kind)) {
        IRTemp *lo1, *hi1, *lo2, *hi2;

        gen_load_val(s, addr, log2, mo, &lo1, &hi1);
        gen_load_val(s, addr2, log2, mo, &lo2, &hi2);
        if (kind == LDST_LOAD_V) {
            gen_load_write(s, kind, rt, lo1, hi1);
            gen_load_write(s, kind, rt2, lo2, hi2);
        } else {
            gen_load_write(s, kind, rt2, lo2, hi2);
            gen_load_write(s, kind, rt, lo1, hi1);
        }
    } else {
        gen_store_reg(s, kind, addr, log2, rt);
        gen_store_reg(s, kind, addr2, log2, rt2);
    }
    gen_writeback(s, rn, addr, off, wb);
    return true;
}

/* Integer pair: sf selects W (4 bytes) or X (8 bytes). */
static bool do_ldstp_int(DisasContext *s, arg_STP *a, bool load, Writeback wb)
{
    return do_ldstp(s, load ? LDST_LOAD_X : LDST_STORE, 2 + a->sf, 0, a->imm,
                    a->rt, a->rt2, a->rn, wb);
}

/* LDPSW: two words, sign-extended into X registers. */
static bool do_ldpsw(DisasContext *s, arg_LDPSW *a, Writeback wb)
{
    return do_ldstp(s, LDST_LOAD_X, 2, IR_MO_SIGN, a->imm, a->rt, a->rt2,
                    a->rn, wb);
}

/* SIMD&FP pair: opc 00 S, 01 D, 10 Q (11 unallocated). */
static bool do_ldstp_vec(DisasContext *s, arg_STP_v *a, bool load, Writeback wb)
{
    if (a->opc == 3) {
        return false;
    }
    return do_ldstp(s, load ? LDST_LOAD_V : LDST_STORE_V, 2 + a->opc, 0,
                    a->imm, a->rt, a->rt2, a->rn, wb);
}

/* -- Load register (literal) -------------------------------------------- */

static IRTemp *lit_addr(DisasContext *s, int imm)
{
    return const64(s, s->pc_curr + (uint64_t)((int64_t)imm * 4));
}

bool trans_LDR_lit(DisasContext *s, arg_LDR_lit *a)
{
    do_ldst(s, LDST_LOAD_X, 2 + a->sf, 0, a->rt, lit_addr(s, a->imm));
    return true;
}

bool trans_LDRSW_lit(DisasContext *s, arg_LDRSW_lit *a)
{
    do_ldst(s, LDST_LOAD_X, 2, IR_MO_SIGN, a->rt, lit_addr(s, a->imm));
    return true;
}

bool trans_LDR_v_lit(DisasContext *s, arg_LDR_v_lit *a)
{
    if (a->opc == 3) {
        return false;
    }
    do_ldst(s, LDST_LOAD_V, 2 + a->opc, 0, a->rt, lit_addr(s, a->imm));
    return true;
}

/* Prefetches are hints: no access, no fault. */
bool trans_PRFM_lit(DisasContext *s, arg_PRFM_lit *a)
{
    return true;
}

bool trans_PRFM_imm(DisasContext *s, arg_PRFM_imm *a)
{
    return true;
}

bool trans_PRFUM(DisasContext *s, arg_PRFUM *a)
{
    return true;
}

bool trans_PRFM_reg(DisasContext *s, arg_PRFM_reg *a)
{
    return (a->option & 2) != 0;        /* option<1> = 0: unallocated */
}

/* -- Handlers of the immediate-offset families --------------------------- */

/*    row              generator        load   writeback */
TRANS(STNP,            do_ldstp_int,    false, WB_NONE)
TRANS(LDNP,            do_ldstp_int,    true,  WB_NONE)
TRANS(STP,             do_ldstp_int,    false, WB_NONE)
TRANS(LDP,             do_ldstp_int,    true,  WB_NONE)
TRANS(STP_pre,         do_ldstp_int,    false, WB_PRE)
TRANS(LDP_pre,         do_ldstp_int,    true,  WB_PRE)
TRANS(STP_post,        do_ldstp_int,    false, WB_POST)
TRANS(LDP_post,        do_ldstp_int,    true,  WB_POST)
TRANS(STNP_v,          do_ldstp_vec,    false, WB_NONE)
TRANS(LDNP_v,          do_ldstp_vec,    true,  WB_NONE)
TRANS(STP_v,           do_ldstp_vec,    false, WB_NONE)
TRANS(LDP_v,           do_ldstp_vec,    true,  WB_NONE)
TRANS(STP_v_pre,       do_ldstp_vec,    false, WB_PRE)
TRANS(LDP_v_pre,       do_ldstp_vec,    true,  WB_PRE)
TRANS(STP_v_post,      do_ldstp_vec,    false, WB_POST)
TRANS(LDP_v_post,      do_ldstp_vec,    true,  WB_POST)
TRANS(LDPSW,           do_ldpsw,               WB_NONE)
TRANS(LDPSW_pre,       do_ldpsw,               WB_PRE)
TRANS(LDPSW_post,      do_ldpsw,               WB_POST)

/* Unprivileged (LDTR/STTR...) accesses are plain ones at EL0. */
/*    row              generator         writeback */
TRANS(LDST_unscaled,   do_ldst_int_simm, WB_NONE)
TRANS(LDST_unpriv,     do_ldst_int_simm, WB_NONE)
TRANS(LDST_pre,        do_ldst_int_simm, WB_PRE)
TRANS(LDST_post,       do_ldst_int_simm, WB_POST)
TRANS(LDST_v_unscaled, do_ldst_vec_simm, WB_NONE)
TRANS(LDST_v_pre,      do_ldst_vec_simm, WB_PRE)
TRANS(LDST_v_post,     do_ldst_vec_simm, WB_POST)

/* -- Load/store register (unsigned immediate) ----------------------------- */

/* imm is in units of the access size. */
bool trans_LDST_uimm(DisasContext *s, arg_LDST_uimm *a)
{
    return do_ldst_int_imm(s, a->size, a->opc, a->rt, a->rn,
                           (int64_t)a->imm << a->size, WB_NONE);
}

bool trans_LDST_v_uimm(DisasContext *s, arg_LDST_v_uimm *a)
{
    return do_ldst_vec_imm(s, a->size, a->opc, a->rt, a->rn, a->imm, true,
                           WB_NONE);
}

/* -- Load/store register (register offset) ------------------------------ */

/* The S bit shifts the index by the access size. */
bool trans_LDST_reg(DisasContext *s, arg_LDST_reg *a)
{
    LdstKind kind;
    IRMemOp mo;
    IRTemp *addr;

    if (!decode_int(a->size, a->opc, &kind, &mo)) {
        return false;
    }
    addr = gen_addr_reg(s, a->rn, a->rm, a->option, a->s ? a->size : 0);
    if (!addr) {
        return false;
    }
    do_ldst(s, kind, a->size, mo, a->rt, addr);
    return true;
}

bool trans_LDST_v_reg(DisasContext *s, arg_LDST_v_reg *a)
{
    LdstKind kind;
    int log2 = decode_vec(a->size, a->opc, &kind);
    IRTemp *addr;

    if (log2 < 0) {
        return false;
    }
    addr = gen_addr_reg(s, a->rn, a->rm, a->option, a->s ? log2 : 0);
    if (!addr) {
        return false;
    }
    do_ldst(s, kind, log2, 0, a->rt, addr);
    return true;
}
