// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-simd-generic.c: the AdvSIMD classes whose operations are C helpers
 * chosen by table (class "simd_generic" of a64.decode, and the named rows
 * of the same classes): three same, three different, two-register misc,
 * across lanes, shift by immediate, x indexed element, and their scalar
 * forms, including scalar pairwise.
 *
 * simd-ops.def maps each (class, U, opcode) to a helper and the element
 * sizes it allows; do_simd_class() looks the instruction up, applies the
 * reserved-encoding rules of the AdvSIMD encoding tables (ARM ARM C4.1.x)
 * and emits one helper call with a descriptor (helper-simd.h). An opcode
 * without a row is unallocated (or an extension we do not implement):
 * SIGILL.
 */
#include "trans-simd.h"
#include "a64-decode.h"

/* -- The table ---------------------------------------------------------- */

/* Element-size masks of the table (bit esz set = allowed). */
#define SZ_0     0x0
#define SZ_B     0x1
#define SZ_S     0x4
#define SZ_D     0x8
#define SZ_HS    0x6
#define SZ_SD    0xc
#define SZ_BHS   0x7
#define SZ_BHSD  0xf

/* Row flags. */
#define F_HALF   1          /* FP element size is 16 << sz (FCVTN/L, XN) */
#define F_SHR    2          /* shift right by 2 * esize - immh:immb */
#define F_SHL    4          /* shift left by immh:immb - esize */

typedef struct SimdMapRow {
    uint8_t cls, u, opcode, vsz, ssz, flags;
    const HelperInfo *info;
} SimdMapRow;

static const SimdMapRow simd_map[] = {
#define SIMD_MAP(cls, u, opc, name, vsz, ssz, flags) \
    { cls, u, opc, vsz, ssz, flags, &helper_info_simd_##name },
#include "simd-ops.def"
#undef SIMD_MAP
};

static const SimdMapRow *simd_map_find(SimdClass cls, int u, int opcode)
{
    for (size_t i = 0; i < sizeof(simd_map) / sizeof(simd_map[0]); i++) {
        const SimdMapRow *r = &simd_map[i];
        if (r->cls == cls && r->u == u && r->opcode == opcode) {
            return r;
        }
    }
    return NULL;
}

/* The floating-point twin of an integer class for size<1> = @hi, or -1. */
static int fp_class(SimdClass cls, int hi)
{
    switch (cls) {
    case C3SAME:  return hi ? C3SAME_F1 : C3SAME_F0;
    case C2MISC:  return hi ? C2MISC_F1 : C2MISC_F0;
    case CACROSS: return hi ? CACROSS_F1 : CACROSS_F0;
    case CPAIRS:  return hi ? CPAIRS_F1 : CPAIRS_F0;
    case CELEM:   return hi ? CELEM_F1 : -1;
    default:      return -1;
    }
}

/* The element size of a shift by immediate: the highest set bit of immh. */
static int shift_esz(int immhb)
{
    int immh = immhb >> 3;

    return immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;
}

bool do_simd_class(DisasContext *s, const SimdInsn *in)
{
    const SimdMapRow *row = NULL;
    int esz, rm = in->rm, q = in->q, fcls;
    uint32_t desc = 0;
    bool fp = false;

    if (in->cls == CSHIFT) {
        if ((in->immhb >> 3) == 0) {
            return false;
        }
        esz = shift_esz(in->immhb);
    } else {
        esz = in->size;
    }
    /* PMULL/PMULL2 of 64-bit elements (the crypto extension's 1Q form). */
    if (in->cls == C3DIFF && !in->scalar && in->u == 0 && in->opcode == 0xe &&
        in->size == 3) {
        gen_simd_helper(s, &helper_info_simd_pmull64,
                        SIMD_DESC(in->rd, in->rn, in->rm, 3, in->q));
        return true;
    }
    row = simd_map_find(in->cls, in->u, in->opcode);
    if (!row && (fcls = fp_class(in->cls, in->size >> 1)) >= 0) {
        row = simd_map_find((SimdClass)fcls, in->u, in->opcode);
        fp = true;
    }
    if (!row) {
        return false;
    }
    if (fp) {
        esz = ((row->flags & F_HALF) ? 1 : 2) + (in->size & 1);
    }
    if (!((in->scalar ? row->ssz : row->vsz) >> esz & 1)) {
        return false;
    }
    /* Reserved: 64-bit lanes in a 64-bit vector (size:Q = 110, sz:Q = 10,
     * immh = 1xxx with Q = 0), and across lanes of a 2S vector. */
    if (!in->scalar && !q && (esz == 3 && !(row->flags & F_HALF))) {
        return false;
    }
    if ((in->cls == CACROSS) && esz == 2 && !q) {
        return false;
    }

    switch (in->cls) {
    case CSHIFT:
        if (row->flags & F_SHR) {
            desc |= SIMD_DESC_IMM((16 << esz) - in->immhb);
        } else {
            desc |= SIMD_DESC_IMM(in->immhb - (8 << esz));
        }
        break;
    case CPAIRS:
        rm = in->rn;            /* the pair is the two lanes of Vn */
        q = esz == 3;
        break;
    case CELEM:
        if (esz == 1) {         /* H: index h:l:m, Vm in V0..V15 */
            desc |= SIMD_DESC_INDEX(in->h << 2 | in->l << 1 | in->m);
        } else if (esz == 2) {  /* S: index h:l */
            desc |= SIMD_DESC_INDEX(in->h << 1 | in->l);
            rm |= in->m << 4;
        } else {                /* D (FP only): index h, l = 1 reserved */
            if (in->l) {
                return false;
            }
            desc |= SIMD_DESC_INDEX(in->h);
            rm |= in->m << 4;
        }
        break;
    default:
        break;
    }
    desc |= SIMD_DESC(in->rd, in->rn, rm, esz, q);
    if (in->scalar) {
        desc |= SIMD_DESC_SCALAR;
    }
    gen_simd_helper(s, row->info, desc);
    return true;
}

/* -- Generic class rows ------------------------------------------------- */

static bool do_3(DisasContext *s, SimdClass cls, int q, int scalar, int u,
                 int size, int opcode, int rm, int rn, int rd)
{
    SimdInsn in = { .cls = cls, .u = u, .opcode = opcode, .q = q,
                    .scalar = scalar, .size = size, .rd = rd, .rn = rn,
                    .rm = rm };
    return do_simd_class(s, &in);
}

static bool do_shift(DisasContext *s, int q, int scalar, int u, int immh,
                     int immb, int opcode, int rn, int rd)
{
    SimdInsn in = { .cls = CSHIFT, .u = u, .opcode = opcode, .q = q,
                    .scalar = scalar, .immhb = immh << 3 | immb, .rd = rd,
                    .rn = rn };
    return do_simd_class(s, &in);
}

static bool do_elem(DisasContext *s, int q, int scalar, int u, int size,
                    int l, int m, int rm, int opcode, int h, int rn, int rd)
{
    SimdInsn in = { .cls = CELEM, .u = u, .opcode = opcode, .q = q,
                    .scalar = scalar, .size = size, .h = h, .l = l, .m = m,
                    .rd = rd, .rn = rn, .rm = rm };
    return do_simd_class(s, &in);
}

bool trans_SIMD_3same(DisasContext *s, arg_SIMD_3same *a)
{
    return do_3(s, C3SAME, a->q, 0, a->u, a->size, a->opcode, a->rm, a->rn,
                a->rd);
}

bool trans_SIMD_3diff(DisasContext *s, arg_SIMD_3diff *a)
{
    return do_3(s, C3DIFF, a->q, 0, a->u, a->size, a->opcode, a->rm, a->rn,
                a->rd);
}

bool trans_SIMD_2misc(DisasContext *s, arg_SIMD_2misc *a)
{
    return do_3(s, C2MISC, a->q, 0, a->u, a->size, a->opcode, 0, a->rn,
                a->rd);
}

bool trans_SIMD_across(DisasContext *s, arg_SIMD_across *a)
{
    return do_3(s, CACROSS, a->q, 0, a->u, a->size, a->opcode, 0, a->rn,
                a->rd);
}

bool trans_SIMD_shift_imm(DisasContext *s, arg_SIMD_shift_imm *a)
{
    return do_shift(s, a->q, 0, a->u, a->immh, a->immb, a->opcode, a->rn,
                    a->rd);
}

bool trans_SIMD_elem(DisasContext *s, arg_SIMD_elem *a)
{
    return do_elem(s, a->q, 0, a->u, a->size, a->l, a->m, a->rm, a->opcode,
                   a->h, a->rn, a->rd);
}

bool trans_SIMD_3same_s(DisasContext *s, arg_SIMD_3same_s *a)
{
    return do_3(s, C3SAME, 0, 1, a->u, a->size, a->opcode, a->rm, a->rn,
                a->rd);
}

bool trans_SIMD_3diff_s(DisasContext *s, arg_SIMD_3diff_s *a)
{
    return do_3(s, C3DIFF, 0, 1, a->u, a->size, a->opcode, a->rm, a->rn,
                a->rd);
}

bool trans_SIMD_2misc_s(DisasContext *s, arg_SIMD_2misc_s *a)
{
    return do_3(s, C2MISC, 0, 1, a->u, a->size, a->opcode, 0, a->rn, a->rd);
}

bool trans_SIMD_pairwise_s(DisasContext *s, arg_SIMD_pairwise_s *a)
{
    return do_3(s, CPAIRS, 0, 1, a->u, a->size, a->opcode, 0, a->rn, a->rd);
}

bool trans_SIMD_shift_imm_s(DisasContext *s, arg_SIMD_shift_imm_s *a)
{
    return do_shift(s, 0, 1, a->u, a->immh, a->immb, a->opcode, a->rn, a->rd);
}

bool trans_SIMD_elem_s(DisasContext *s, arg_SIMD_elem_s *a)
{
    return do_elem(s, 0, 1, a->u, a->size, a->l, a->m, a->rm, a->opcode,
                   a->h, a->rn, a->rd);
}

/* -- Named rows of the same classes ------------------------------------- */

/* Three same (arg: q, size, rm, rn, rd). */
#define TRANS_3SAME(name, u, opcode)                                        \
    bool trans_##name(DisasContext *s, arg_##name *a)                      \
    {                                                                      \
        return do_3(s, C3SAME, a->q, 0, u, a->size, opcode, a->rm, a->rn,  \
                    a->rd);                                                \
    }
TRANS_3SAME(CMGT_v,  0, 0x06)
TRANS_3SAME(CMHI_v,  1, 0x06)
TRANS_3SAME(CMGE_v,  0, 0x07)
TRANS_3SAME(CMHS_v,  1, 0x07)
TRANS_3SAME(SMAX_v,  0, 0x0c)
TRANS_3SAME(UMAX_v,  1, 0x0c)
TRANS_3SAME(SMIN_v,  0, 0x0d)
TRANS_3SAME(UMIN_v,  1, 0x0d)
TRANS_3SAME(ADD_v,   0, 0x10)
TRANS_3SAME(SUB_v,   1, 0x10)
TRANS_3SAME(CMTST_v, 0, 0x11)
TRANS_3SAME(CMEQ_v,  1, 0x11)
TRANS_3SAME(SMAXP_v, 0, 0x14)
TRANS_3SAME(UMAXP_v, 1, 0x14)
TRANS_3SAME(SMINP_v, 0, 0x15)
TRANS_3SAME(UMINP_v, 1, 0x15)
TRANS_3SAME(ADDP_v,  0, 0x17)

/* Two-register misc and across lanes (arg: q, size, rn, rd). */
#define TRANS_2REG(name, cls, u, opcode)                                    \
    bool trans_##name(DisasContext *s, arg_##name *a)                      \
    {                                                                      \
        return do_3(s, cls, a->q, 0, u, a->size, opcode, 0, a->rn, a->rd); \
    }
TRANS_2REG(SADDLP_v, C2MISC,  0, 0x02)
TRANS_2REG(UADDLP_v, C2MISC,  1, 0x02)
TRANS_2REG(CMGT0_v,  C2MISC,  0, 0x08)
TRANS_2REG(CMGE0_v,  C2MISC,  1, 0x08)
TRANS_2REG(CMEQ0_v,  C2MISC,  0, 0x09)
TRANS_2REG(CMLE0_v,  C2MISC,  1, 0x09)
TRANS_2REG(CMLT0_v,  C2MISC,  0, 0x0a)
TRANS_2REG(ABS_v,    C2MISC,  0, 0x0b)
TRANS_2REG(NEG_v,    C2MISC,  1, 0x0b)
TRANS_2REG(XTN_v,    C2MISC,  0, 0x12)
TRANS_2REG(SADDLV,   CACROSS, 0, 0x03)
TRANS_2REG(UADDLV,   CACROSS, 1, 0x03)
TRANS_2REG(SMAXV,    CACROSS, 0, 0x0a)
TRANS_2REG(UMAXV,    CACROSS, 1, 0x0a)
TRANS_2REG(SMINV,    CACROSS, 0, 0x1a)
TRANS_2REG(UMINV,    CACROSS, 1, 0x1a)
TRANS_2REG(ADDV,     CACROSS, 0, 0x1b)

/* Shift by immediate (arg: q, immh, immb, rn, rd). */
#define TRANS_SHIFT(name, u, opcode)                                        \
    bool trans_##name(DisasContext *s, arg_##name *a)                      \
    {                                                                      \
        return do_shift(s, a->q, 0, u, a->immh, a->immb, opcode, a->rn,    \
                        a->rd);                                            \
    }
TRANS_SHIFT(SSHR_v,  0, 0x00)
TRANS_SHIFT(USHR_v,  1, 0x00)
TRANS_SHIFT(SHL_v,   0, 0x0a)
TRANS_SHIFT(SHRN_v,  0, 0x10)
TRANS_SHIFT(SSHLL_v, 0, 0x14)
TRANS_SHIFT(USHLL_v, 1, 0x14)

bool trans_ADDP_s(DisasContext *s, arg_ADDP_s *a)
{
    return do_3(s, CPAIRS, 0, 1, 0, a->size, 0x1b, 0, a->rn, a->rd);
}
