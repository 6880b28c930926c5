// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-simd.c: the AdvSIMD instructions translated to IR (class "simd"
 * of a64.decode) — copy (DUP, INS, UMOV, SMOV), modified immediate (MOVI,
 * MVNI, ORR, BIC, FMOV), the bitwise three-same ops (AND..BIF), NOT, EXT —
 * and the permutes, table lookups, REV, CNT and RBIT, which call helpers
 * of helper-simd.c.
 *
 * IR works on 64-bit halves (ld_env/st_env of env->vregs); every handler
 * reads all its sources before it writes Vd, so Vd may be a source. A
 * 64-bit (Q = 0) result zeroes the high half.
 */
#include "trans-simd.h"
#include "a64-decode.h"
#include "a64-imm.h"

/* -- Helpers ------------------------------------------------------------ */

/* The element size and index encoded by imm5 (lowest set bit = size). */
static bool imm5_decode(int imm5, int *esz, int *index)
{
    int sz = __builtin_ctz((unsigned)imm5 | 0x20);

    if (sz > 3) {
        return false;
    }
    *esz = sz;
    *index = imm5 >> (sz + 1);
    return true;
}

/* @v (its low 8 << esz bits) copied into every lane of a 64-bit word. */
static IRTemp *dup_const64(DisasContext *s, IRTemp *v, int esz)
{
    static const uint64_t rep[3] = { 0x0101010101010101ull,
                                     0x0001000100010001ull,
                                     0x0000000100000001ull };
    IRTemp *t = tmp64(s);

    if (esz == 3) {
        ir_gen_mov(s->ir, IR_I64, t, v);
    } else {
        ir_gen_andi(s->ir, IR_I64, t, v, (1ull << (8 << esz)) - 1);
        ir_gen_muli(s->ir, IR_I64, t, t, rep[esz]);
    }
    return t;
}

/* Vd = @lo in the low half, @hi (or zero for a 64-bit vector) above. */
static void write_vec128(DisasContext *s, int rd, int q, IRTemp *lo,
                         IRTemp *hi)
{
    write_vec64(s, rd, 0, lo);
    write_vec64(s, rd, 1, q ? hi : const64(s, 0));
}

/* -- Advanced SIMD copy ------------------------------------------------- */

bool trans_DUP_element(DisasContext *s, arg_DUP_element *a)
{
    int esz, index;
    IRTemp *v;

    if (!imm5_decode(a->imm5, &esz, &index) || (esz == 3 && !a->q)) {
        return false;
    }
    v = dup_const64(s, read_vec_elem(s, a->rn, index, esz, false), esz);
    write_vec128(s, a->rd, a->q, v, v);
    return true;
}

bool trans_DUP_general(DisasContext *s, arg_DUP_general *a)
{
    int esz, index;
    IRTemp *v;

    if (!imm5_decode(a->imm5, &esz, &index) || (esz == 3 && !a->q)) {
        return false;
    }
    v = dup_const64(s, read_reg(s, a->rn, true), esz);
    write_vec128(s, a->rd, a->q, v, v);
    return true;
}

bool trans_DUP_element_s(DisasContext *s, arg_DUP_element_s *a)
{
    int esz, index;

    if (!imm5_decode(a->imm5, &esz, &index)) {
        return false;
    }
    write_vec_scalar(s, a->rd, esz, read_vec_elem(s, a->rn, index, esz, false));
    return true;
}

bool trans_INS_general(DisasContext *s, arg_INS_general *a)
{
    int esz, index;

    if (!imm5_decode(a->imm5, &esz, &index)) {
        return false;
    }
    write_vec_elem(s, a->rd, index, esz, read_reg(s, a->rn, true));
    return true;
}

bool trans_INS_element(DisasContext *s, arg_INS_element *a)
{
    int esz, dst;

    if (!imm5_decode(a->imm5, &esz, &dst)) {
        return false;
    }
    write_vec_elem(s, a->rd, dst, esz,
                   read_vec_elem(s, a->rn, a->imm4 >> esz, esz, false));
    return true;
}

/* UMOV Wd (B/H/S), UMOV Xd (D: q = 1); SMOV Wd (B/H), SMOV Xd (B/H/S). */
bool trans_UMOV(DisasContext *s, arg_UMOV *a)
{
    int esz, index;

    if (!imm5_decode(a->imm5, &esz, &index) || (esz == 3) != a->q) {
        return false;
    }
    write_reg(s, a->rd, true, read_vec_elem(s, a->rn, index, esz, false));
    return true;
}

bool trans_SMOV(DisasContext *s, arg_SMOV *a)
{
    int esz, index;

    if (!imm5_decode(a->imm5, &esz, &index) || esz == 3 ||
        (esz == 2 && !a->q)) {
        return false;
    }
    write_reg(s, a->rd, a->q, read_vec_elem(s, a->rn, index, esz, true));
    return true;
}

/* -- Advanced SIMD modified immediate ----------------------------------- */

bool trans_SIMD_modimm(DisasContext *s, arg_SIMD_modimm *a)
{
    unsigned imm8 = (unsigned)(a->abc << 5 | a->defgh);
    uint64_t imm;
    A64ModImmOp op;

    if (a->o2) {
        return false;           /* FMOV (vector, half): FEAT_FP16 */
    }
    op = a64_simd_modimm_op(a->op, a->cmode);
    if (op == A64_MODIMM_FMOV && a->op && !a->q) {
        return false;           /* FMOV Vd.2D needs Q = 1; there is no 1D */
    }
    imm = a64_simd_expand_imm(a->op, a->cmode, imm8);
    switch (op) {
    case A64_MODIMM_MOVI:
    case A64_MODIMM_FMOV:
        write_vec128(s, a->rd, a->q, const64(s, imm), const64(s, imm));
        break;
    case A64_MODIMM_MVNI:
        write_vec128(s, a->rd, a->q, const64(s, ~imm), const64(s, ~imm));
        break;
    case A64_MODIMM_ORR:
    case A64_MODIMM_BIC: {
        IRTemp *lo = read_vec64(s, a->rd, 0), *hi = read_vec64(s, a->rd, 1);
        if (op == A64_MODIMM_ORR) {
            ir_gen_ori(s->ir, IR_I64, lo, lo, imm);
            ir_gen_ori(s->ir, IR_I64, hi, hi, imm);
        } else {
            ir_gen_andi(s->ir, IR_I64, lo, lo, ~imm);
            ir_gen_andi(s->ir, IR_I64, hi, hi, ~imm);
        }
        write_vec128(s, a->rd, a->q, lo, hi);
        break;
    }
    }
    return true;
}

/* -- Bitwise three same ------------------------------------------------- */

typedef enum LogicOp {
    LOGIC_AND, LOGIC_BIC, LOGIC_ORR, LOGIC_ORN, LOGIC_EOR,
    LOGIC_BSL, LOGIC_BIT, LOGIC_BIF,
} LogicOp;

static IRTemp *gen_logic64(DisasContext *s, LogicOp op, IRTemp *d, IRTemp *n,
                           IRTemp *m)
{
    IRContext *ir = s->ir;
    IRTemp *r = tmp64(s), *t = tmp64(s);

    switch (op) {
    case LOGIC_AND: ir_gen_and(ir, IR_I64, r, n, m); break;
    case LOGIC_BIC: ir_gen_andc(ir, IR_I64, r, n, m); break;
    case LOGIC_ORR: ir_gen_or(ir, IR_I64, r, n, m); break;
    case LOGIC_ORN: ir_gen_orc(ir, IR_I64, r, n, m); break;
    case LOGIC_EOR: ir_gen_xor(ir, IR_I64, r, n, m); break;
    case LOGIC_BSL:                     /* d ? n : m, bitwise */
        ir_gen_xor(ir, IR_I64, t, n, m);
        ir_gen_and(ir, IR_I64, t, t, d);
        ir_gen_xor(ir, IR_I64, r, m, t);
        break;
    case LOGIC_BIT:                     /* m ? n : d */
        ir_gen_xor(ir, IR_I64, t, d, n);
        ir_gen_and(ir, IR_I64, t, t, m);
        ir_gen_xor(ir, IR_I64, r, d, t);
        break;
    case LOGIC_BIF:                     /* m ? d : n */
        ir_gen_xor(ir, IR_I64, t, d, n);
        ir_gen_andc(ir, IR_I64, t, t, m);
        ir_gen_xor(ir, IR_I64, r, d, t);
        break;
    }
    return r;
}

static bool do_logic(DisasContext *s, arg_AND_v *a, LogicOp op)
{
    bool need_d = op >= LOGIC_BSL;
    IRTemp *r[2] = { NULL, NULL };

    for (int h = 0; h <= a->q; h++) {
        IRTemp *d = need_d ? read_vec64(s, a->rd, h) : NULL;
        r[h] = gen_logic64(s, op, d, read_vec64(s, a->rn, h),
                           read_vec64(s, a->rm, h));
    }
    write_vec128(s, a->rd, a->q, r[0], r[1]);
    return true;
}

bool trans_AND_v(DisasContext *s, arg_AND_v *a) { return do_logic(s, a, LOGIC_AND); }
bool trans_BIC_v(DisasContext *s, arg_BIC_v *a) { return do_logic(s, a, LOGIC_BIC); }
bool trans_ORR_v(DisasContext *s, arg_ORR_v *a) { return do_logic(s, a, LOGIC_ORR); }
bool trans_ORN_v(DisasContext *s, arg_ORN_v *a) { return do_logic(s, a, LOGIC_ORN); }
bool trans_EOR_v(DisasContext *s, arg_EOR_v *a) { return do_logic(s, a, LOGIC_EOR); }
bool trans_BSL_v(DisasContext *s, arg_BSL_v *a) { return do_logic(s, a, LOGIC_BSL); }
bool trans_BIT_v(DisasContext *s, arg_BIT_v *a) { return do_logic(s, a, LOGIC_BIT); }
bool trans_BIF_v(DisasContext *s, arg_BIF_v *a) { return do_logic(s, a, LOGIC_BIF); }

/* -- Two-register misc with fixed sizes --------------------------------- */

bool trans_NOT_v(DisasContext *s, arg_NOT_v *a)
{
    IRTemp *lo = read_vec64(s, a->rn, 0), *hi = read_vec64(s, a->rn, 1);

    ir_gen_not(s->ir, IR_I64, lo, lo);
    ir_gen_not(s->ir, IR_I64, hi, hi);
    write_vec128(s, a->rd, a->q, lo, hi);
    return true;
}

bool trans_CNT_v(DisasContext *s, arg_CNT_v *a)
{
    gen_simd_helper(s, &helper_info_simd_cnt,
                    SIMD_DESC(a->rd, a->rn, 0, 0, a->q));
    return true;
}

bool trans_RBIT_v(DisasContext *s, arg_RBIT_v *a)
{
    gen_simd_helper(s, &helper_info_simd_rbit,
                    SIMD_DESC(a->rd, a->rn, 0, 0, a->q));
    return true;
}

/* REV16/REV32/REV64: reverse the elements in each 16/32/64-bit container
 * (the helper's element is the container, imm the element width). */
static bool do_rev(DisasContext *s, arg_REV64_v *a, int container_esz)
{
    if (a->size >= container_esz) {
        return false;
    }
    gen_simd_helper(s, &helper_info_simd_rev,
                    SIMD_DESC(a->rd, a->rn, 0, container_esz, a->q) |
                    SIMD_DESC_IMM(8 << a->size));
    return true;
}

bool trans_REV16_v(DisasContext *s, arg_REV16_v *a) { return do_rev(s, a, 1); }
bool trans_REV32_v(DisasContext *s, arg_REV32_v *a) { return do_rev(s, a, 2); }
bool trans_REV64_v(DisasContext *s, arg_REV64_v *a) { return do_rev(s, a, 3); }

/* -- Permute, extract, table lookup ------------------------------------- */

static bool do_permute(DisasContext *s, arg_UZP1_v *a, int opcode)
{
    if (a->size == 3 && !a->q) {
        return false;
    }
    gen_simd_helper(s, &helper_info_simd_permute,
                    SIMD_DESC(a->rd, a->rn, a->rm, a->size, a->q) |
                    SIMD_DESC_IMM(opcode));
    return true;
}

bool trans_UZP1_v(DisasContext *s, arg_UZP1_v *a) { return do_permute(s, a, 1); }
bool trans_TRN1_v(DisasContext *s, arg_TRN1_v *a) { return do_permute(s, a, 2); }
bool trans_ZIP1_v(DisasContext *s, arg_ZIP1_v *a) { return do_permute(s, a, 3); }
bool trans_UZP2_v(DisasContext *s, arg_UZP2_v *a) { return do_permute(s, a, 5); }
bool trans_TRN2_v(DisasContext *s, arg_TRN2_v *a) { return do_permute(s, a, 6); }
bool trans_ZIP2_v(DisasContext *s, arg_ZIP2_v *a) { return do_permute(s, a, 7); }

/* EXT: bytes imm4.. of the concatenation Vm:Vn (Vn lowest). */
bool trans_EXT_v(DisasContext *s, arg_EXT_v *a)
{
    IRTemp *w[4], *lo = tmp64(s), *hi = tmp64(s);
    int pos = a->imm4 * 8, i = pos / 64, sh = pos % 64;

    if (!a->q) {
        if (a->imm4 >= 8) {
            return false;
        }
        ir_gen_extract2(s->ir, IR_I64, lo, read_vec64(s, a->rn, 0),
                        read_vec64(s, a->rm, 0), (unsigned)pos);
        write_vec128(s, a->rd, 0, lo, NULL);
        return true;
    }
    w[0] = read_vec64(s, a->rn, 0);
    w[1] = read_vec64(s, a->rn, 1);
    w[2] = read_vec64(s, a->rm, 0);
    w[3] = read_vec64(s, a->rm, 1);
    ir_gen_extract2(s->ir, IR_I64, lo, w[i], w[i + 1], (unsigned)sh);
    ir_gen_extract2(s->ir, IR_I64, hi, w[i + 1], w[i + 2], (unsigned)sh);
    write_vec128(s, a->rd, 1, lo, hi);
    return true;
}

static bool do_tbl(DisasContext *s, arg_TBL_v *a, bool tbx)
{
    gen_simd_helper(s, &helper_info_simd_tbl,
                    SIMD_DESC(a->rd, a->rn, a->rm, 0, a->q) |
                    SIMD_DESC_IMM(a->len | (tbx ? 4 : 0)));
    return true;
}

bool trans_TBL_v(DisasContext *s, arg_TBL_v *a) { return do_tbl(s, a, false); }
bool trans_TBX_v(DisasContext *s, arg_TBX_v *a) { return do_tbl(s, a, true); }
