// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-fp.c: scalar floating point (class "fp" of a64.decode): FMOV
 * (register, immediate, general), arithmetic, FMADD family, compares
 * (FCMP, FCCMP setting NZCV), FCSEL, precision conversions, rounding to
 * integral, and conversions to and from integers and fixed point.
 *
 * Operands are read from the low bits of Vn (ld_env); results are written
 * to Vd with the rest of the 128-bit register zeroed. Moves, FABS, FNEG and
 * FCSEL are IR; everything that rounds, compares or can raise an FP
 * exception calls a helper of helper-fp.c, which applies FPCR and
 * accumulates FPSR. ftype 11 (half precision arithmetic, FEAT_FP16) and
 * FJCVTZS (FEAT_JSCVT) are not implemented: SIGILL, as on the CPUs we
 * model; conversions to and from half (FCVT) are base ARMv8 and supported.
 */
#include "trans-simd.h"
#include "a64-decode.h"
#include "a64-imm.h"
#include "helper-fp.h"

/* The width of ftype 00 (single) and 01 (double); 0 for the others. */
static unsigned ftype_bits(int ftype)
{
    return ftype == 0 ? 32 : ftype == 1 ? 64 : 0;
}

static IRTemp *read_fp(DisasContext *s, int n, unsigned bits)
{
    return read_vec_elem(s, n, 0, bits == 64 ? 3 : bits == 32 ? 2 : 1, false);
}

static void write_fp(DisasContext *s, int d, unsigned bits, IRTemp *v)
{
    write_vec_scalar(s, d, bits == 64 ? 3 : bits == 32 ? 2 : 1, v);
}

static IRTemp *flip_sign(DisasContext *s, IRTemp *v, unsigned bits)
{
    IRTemp *t = tmp64(s);

    ir_gen_xori(s->ir, IR_I64, t, v, 1ull << (bits - 1));
    return t;
}

/* -- Data-processing (1 source) ----------------------------------------- */

typedef enum FPUnary { FP1_MOV, FP1_ABS, FP1_NEG, FP1_SQRT } FPUnary;

static bool do_fp1(DisasContext *s, arg_FMOV_s *a, FPUnary op)
{
    unsigned bits = ftype_bits(a->ftype);
    IRTemp *v, *r = tmp64(s);

    if (!bits) {
        return false;
    }
    v = read_fp(s, a->rn, bits);
    switch (op) {
    case FP1_MOV:
        r = v;
        break;
    case FP1_ABS:
        ir_gen_andi(s->ir, IR_I64, r, v, ~(1ull << (bits - 1)));
        break;
    case FP1_NEG:
        r = flip_sign(s, v, bits);
        break;
    case FP1_SQRT:
        ir_gen_callv(s->ir, &helper_info_fp_sqrt, r, ir_env(s->ir), v,
                     const32(s, bits));
        break;
    }
    write_fp(s, a->rd, bits, r);
    return true;
}

bool trans_FMOV_s(DisasContext *s, arg_FMOV_s *a) { return do_fp1(s, a, FP1_MOV); }
bool trans_FABS_s(DisasContext *s, arg_FABS_s *a) { return do_fp1(s, a, FP1_ABS); }
bool trans_FNEG_s(DisasContext *s, arg_FNEG_s *a) { return do_fp1(s, a, FP1_NEG); }
bool trans_FSQRT_s(DisasContext *s, arg_FSQRT_s *a) { return do_fp1(s, a, FP1_SQRT); }

/* FCVT: ftype is the source, opc the destination (00 S, 01 D, 11 H). */
bool trans_FCVT_s(DisasContext *s, arg_FCVT_s *a)
{
    static const unsigned width[4] = { 32, 64, 0, 16 };
    unsigned from = width[a->ftype], to = width[a->opc];
    IRTemp *r = tmp64(s);

    if (!from || !to || from == to) {
        return false;
    }
    ir_gen_callv(s->ir, &helper_info_fp_convert, r, ir_env(s->ir),
                 read_fp(s, a->rn, from), const32(s, from), const32(s, to));
    write_fp(s, a->rd, to, r);
    return true;
}

static bool do_frint(DisasContext *s, arg_FMOV_s *a, FPRounding rnd,
                     bool exact)
{
    unsigned bits = ftype_bits(a->ftype);
    IRTemp *r = tmp64(s);

    if (!bits) {
        return false;
    }
    ir_gen_callv(s->ir, &helper_info_fp_round_int, r, ir_env(s->ir),
                 read_fp(s, a->rn, bits),
                 const32(s, FP_DESC(bits, 0, rnd, 0, 0) |
                            (exact ? FP_DESC_EXACT_BIT : 0)));
    write_fp(s, a->rd, bits, r);
    return true;
}

bool trans_FRINTN_s(DisasContext *s, arg_FRINTN_s *a) { return do_frint(s, a, FPROUND_TIEEVEN, false); }
bool trans_FRINTP_s(DisasContext *s, arg_FRINTP_s *a) { return do_frint(s, a, FPROUND_POSINF, false); }
bool trans_FRINTM_s(DisasContext *s, arg_FRINTM_s *a) { return do_frint(s, a, FPROUND_NEGINF, false); }
bool trans_FRINTZ_s(DisasContext *s, arg_FRINTZ_s *a) { return do_frint(s, a, FPROUND_ZERO, false); }
bool trans_FRINTA_s(DisasContext *s, arg_FRINTA_s *a) { return do_frint(s, a, FPROUND_TIEAWAY, false); }
bool trans_FRINTX_s(DisasContext *s, arg_FRINTX_s *a) { return do_frint(s, a, FPROUND_FPCR, true); }
bool trans_FRINTI_s(DisasContext *s, arg_FRINTI_s *a) { return do_frint(s, a, FPROUND_FPCR, false); }

/* -- Compare, conditional compare, conditional select, immediate --------- */

/* NZCV = FPCompare(Vn, Vm or +0.0); signalling for FCMPE/FCCMPE. */
static void gen_fcmp(DisasContext *s, unsigned bits, int rn, int rm, bool zero,
                     bool signal)
{
    IRTemp *r = tmp64(s);

    ir_gen_callv(s->ir, &helper_info_fp_compare, r, ir_env(s->ir),
                 read_fp(s, rn, bits), zero ? const64(s, 0) : read_fp(s, rm, bits),
                 const32(s, FP_DESC(bits, 0, 0, 0, 0) |
                            (signal ? FP_DESC_SIGNAL_BIT : 0)));
    gen_set_nzcv_reg(s, r);
}

bool trans_FCMP(DisasContext *s, arg_FCMP *a)
{
    unsigned bits = ftype_bits(a->ftype);

    if (!bits) {
        return false;
    }
    gen_fcmp(s, bits, a->rn, a->rm, a->z, a->e);
    return true;
}

/* FCCMP: the comparison if the condition holds (only then can it raise
 * Invalid), else NZCV = #nzcv. */
bool trans_FCCMP(DisasContext *s, arg_FCCMP *a)
{
    unsigned bits = ftype_bits(a->ftype);
    IRLabel *skip, *done;
    ArmCompare c;

    if (!bits) {
        return false;
    }
    arm_test_cc(s, &c, a->cond);
    if (c.cond == IR_COND_ALWAYS) {
        gen_fcmp(s, bits, a->rn, a->rm, false, a->e);
        return true;
    }
    skip = ir_label_new(s->ir);
    done = ir_label_new(s->ir);
    ir_gen_brcondi(s->ir, IR_I64, ir_cond_invert(c.cond), c.value, 0, skip);
    gen_fcmp(s, bits, a->rn, a->rm, false, a->e);
    ir_gen_br(s->ir, done);
    ir_gen_set_label(s->ir, skip);
    gen_set_nzcv_imm(s, (unsigned)a->nzcv);
    ir_gen_set_label(s->ir, done);
    return true;
}

bool trans_FCSEL(DisasContext *s, arg_FCSEL *a)
{
    unsigned bits = ftype_bits(a->ftype);
    IRTemp *n, *m, *r;
    ArmCompare c;

    if (!bits) {
        return false;
    }
    n = read_fp(s, a->rn, bits);
    m = read_fp(s, a->rm, bits);
    arm_test_cc(s, &c, a->cond);
    if (c.cond == IR_COND_ALWAYS) {
        r = n;
    } else {
        r = tmp64(s);
        ir_gen_movcond(s->ir, IR_I64, c.cond, r, c.value, const64(s, 0), n, m);
    }
    write_fp(s, a->rd, bits, r);
    return true;
}

bool trans_FMOV_imm_s(DisasContext *s, arg_FMOV_imm_s *a)
{
    unsigned bits = ftype_bits(a->ftype);

    if (!bits) {
        return false;
    }
    write_fp(s, a->rd, bits,
             const64(s, a64_vfp_expand_imm((unsigned)a->imm8, bits)));
    return true;
}

/* -- Data-processing (2 and 3 sources) ---------------------------------- */

static bool do_fp2(DisasContext *s, arg_FMUL_s *a, const HelperInfo *info,
                   bool negate)
{
    unsigned bits = ftype_bits(a->ftype);
    IRTemp *r = tmp64(s);

    if (!bits) {
        return false;
    }
    ir_gen_callv(s->ir, info, r, ir_env(s->ir), read_fp(s, a->rn, bits),
                 read_fp(s, a->rm, bits), const32(s, bits));
    write_fp(s, a->rd, bits, negate ? flip_sign(s, r, bits) : r);
    return true;
}

bool trans_FMUL_s(DisasContext *s, arg_FMUL_s *a) { return do_fp2(s, a, &helper_info_fp_mul, false); }
bool trans_FDIV_s(DisasContext *s, arg_FDIV_s *a) { return do_fp2(s, a, &helper_info_fp_div, false); }
bool trans_FADD_s(DisasContext *s, arg_FADD_s *a) { return do_fp2(s, a, &helper_info_fp_add, false); }
bool trans_FSUB_s(DisasContext *s, arg_FSUB_s *a) { return do_fp2(s, a, &helper_info_fp_sub, false); }
bool trans_FMAX_s(DisasContext *s, arg_FMAX_s *a) { return do_fp2(s, a, &helper_info_fp_max, false); }
bool trans_FMIN_s(DisasContext *s, arg_FMIN_s *a) { return do_fp2(s, a, &helper_info_fp_min, false); }
bool trans_FMAXNM_s(DisasContext *s, arg_FMAXNM_s *a) { return do_fp2(s, a, &helper_info_fp_maxnm, false); }
bool trans_FMINNM_s(DisasContext *s, arg_FMINNM_s *a) { return do_fp2(s, a, &helper_info_fp_minnm, false); }
/* FNMUL = FPNeg(FPMul()): a NaN result has its sign flipped too. */
bool trans_FNMUL_s(DisasContext *s, arg_FNMUL_s *a) { return do_fp2(s, a, &helper_info_fp_mul, true); }

/* FPMulAdd(Va, Vn, Vm) with Va and/or Vn negated first (FPNeg flips the
 * sign of NaNs as well, and so of a propagated NaN). */
static bool do_fmadd(DisasContext *s, arg_FMADD *a, bool neg_a, bool neg_n)
{
    unsigned bits = ftype_bits(a->ftype);
    IRTemp *r = tmp64(s), *va, *vn;

    if (!bits) {
        return false;
    }
    va = read_fp(s, a->ra, bits);
    vn = read_fp(s, a->rn, bits);
    ir_gen_callv(s->ir, &helper_info_fp_muladd, r, ir_env(s->ir),
                 neg_a ? flip_sign(s, va, bits) : va,
                 neg_n ? flip_sign(s, vn, bits) : vn,
                 read_fp(s, a->rm, bits), const32(s, bits));
    write_fp(s, a->rd, bits, r);
    return true;
}

bool trans_FMADD(DisasContext *s, arg_FMADD *a) { return do_fmadd(s, a, false, false); }
bool trans_FMSUB(DisasContext *s, arg_FMSUB *a) { return do_fmadd(s, a, false, true); }
bool trans_FNMADD(DisasContext *s, arg_FNMADD *a) { return do_fmadd(s, a, true, true); }
bool trans_FNMSUB(DisasContext *s, arg_FNMSUB *a) { return do_fmadd(s, a, true, false); }

/* -- Conversions to and from integers ------------------------------------ */

/* FP (ftype) -> integer (sf), @fbits fraction bits, rounding @rnd. */
static bool do_fcvt_to_int(DisasContext *s, int sf, int ftype, int rn, int rd,
                           unsigned fbits, FPRounding rnd, bool uns)
{
    unsigned bits = ftype_bits(ftype), ibits = sf ? 64 : 32;
    IRTemp *r = tmp64(s);

    if (!bits) {
        return false;
    }
    ir_gen_callv(s->ir, &helper_info_fp_to_int, r, ir_env(s->ir),
                 read_fp(s, rn, bits),
                 const32(s, FP_DESC(bits, fbits, rnd, uns, ibits)));
    write_reg(s, rd, sf, r);
    return true;
}

static bool do_cvtf(DisasContext *s, int sf, int ftype, int rn, int rd,
                    unsigned fbits, bool uns)
{
    unsigned bits = ftype_bits(ftype), ibits = sf ? 64 : 32;
    IRTemp *r = tmp64(s);

    if (!bits) {
        return false;
    }
    ir_gen_callv(s->ir, &helper_info_fp_from_int, r, ir_env(s->ir),
                 read_reg(s, rn, true),
                 const32(s, FP_DESC(bits, fbits, 0, uns, ibits)));
    write_fp(s, rd, bits, r);
    return true;
}

#define TRANS_FCVT_INT(name, rnd, uns)                                      \
    bool trans_##name(DisasContext *s, arg_##name *a)                      \
    {                                                                      \
        return do_fcvt_to_int(s, a->sf, a->ftype, a->rn, a->rd, 0, rnd,    \
                              uns);                                        \
    }
TRANS_FCVT_INT(FCVTNS_int, FPROUND_TIEEVEN, false)
TRANS_FCVT_INT(FCVTNU_int, FPROUND_TIEEVEN, true)
TRANS_FCVT_INT(FCVTPS_int, FPROUND_POSINF, false)
TRANS_FCVT_INT(FCVTPU_int, FPROUND_POSINF, true)
TRANS_FCVT_INT(FCVTMS_int, FPROUND_NEGINF, false)
TRANS_FCVT_INT(FCVTMU_int, FPROUND_NEGINF, true)
TRANS_FCVT_INT(FCVTZS_int, FPROUND_ZERO, false)
TRANS_FCVT_INT(FCVTZU_int, FPROUND_ZERO, true)
TRANS_FCVT_INT(FCVTAS_int, FPROUND_TIEAWAY, false)
TRANS_FCVT_INT(FCVTAU_int, FPROUND_TIEAWAY, true)

bool trans_SCVTF_int(DisasContext *s, arg_SCVTF_int *a)
{
    return do_cvtf(s, a->sf, a->ftype, a->rn, a->rd, 0, false);
}

bool trans_UCVTF_int(DisasContext *s, arg_UCVTF_int *a)
{
    return do_cvtf(s, a->sf, a->ftype, a->rn, a->rd, 0, true);
}

/* Fixed point: fbits = 64 - scale, at most 32 for a W register. */
static bool fixed_fbits(arg_SCVTF_fixed *a, unsigned *fbits)
{
    if (!a->sf && a->scale < 32) {
        return false;
    }
    *fbits = 64u - (unsigned)a->scale;
    return true;
}

bool trans_SCVTF_fixed(DisasContext *s, arg_SCVTF_fixed *a)
{
    unsigned fbits;

    return fixed_fbits(a, &fbits) &&
           do_cvtf(s, a->sf, a->ftype, a->rn, a->rd, fbits, false);
}

bool trans_UCVTF_fixed(DisasContext *s, arg_UCVTF_fixed *a)
{
    unsigned fbits;

    return fixed_fbits(a, &fbits) &&
           do_cvtf(s, a->sf, a->ftype, a->rn, a->rd, fbits, true);
}

bool trans_FCVTZS_fixed(DisasContext *s, arg_FCVTZS_fixed *a)
{
    unsigned fbits;

    return fixed_fbits(a, &fbits) &&
           do_fcvt_to_int(s, a->sf, a->ftype, a->rn, a->rd, fbits,
                          FPROUND_ZERO, false);
}

bool trans_FCVTZU_fixed(DisasContext *s, arg_FCVTZU_fixed *a)
{
    unsigned fbits;

    return fixed_fbits(a, &fbits) &&
           do_fcvt_to_int(s, a->sf, a->ftype, a->rn, a->rd, fbits,
                          FPROUND_ZERO, true);
}

/* -- FMOV between general and FP registers ------------------------------ */

/* The valid forms: Wd <-> Sn (sf 0, ftype 00), Xd <-> Dn (sf 1, ftype 01)
 * and Xd <-> Vn.D[1] (sf 1, ftype 10, top 1). The H forms need FP16. */
static bool fmov_gen_form(int sf, int ftype, int top)
{
    return (!top && ((!sf && ftype == 0) || (sf && ftype == 1))) ||
           (top && sf && ftype == 2);
}

bool trans_FMOV_to_gen(DisasContext *s, arg_FMOV_to_gen *a)
{
    if (!fmov_gen_form(a->sf, a->ftype, a->top)) {
        return false;
    }
    if (a->top) {
        write_reg(s, a->rd, true, read_vec64(s, a->rn, 1));
    } else {
        write_reg(s, a->rd, a->sf, read_fp(s, a->rn, a->sf ? 64 : 32));
    }
    return true;
}

bool trans_FMOV_from_gen(DisasContext *s, arg_FMOV_from_gen *a)
{
    if (!fmov_gen_form(a->sf, a->ftype, a->top)) {
        return false;
    }
    if (a->top) {
        write_vec64(s, a->rd, 1, read_reg(s, a->rn, true));
    } else {
        write_fp(s, a->rd, a->sf ? 64 : 32, read_reg(s, a->rn, a->sf));
    }
    return true;
}

/* FJCVTZS is FEAT_JSCVT, which none of our CPU models has. */
bool trans_FJCVTZS(DisasContext *s, arg_FJCVTZS *a)
{
    return false;
}
