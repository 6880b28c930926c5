// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-simd.c: the AdvSIMD helpers of simd-ops.def.
 *
 * Each helper_simd_NAME(env, desc) is a runner (one per shape: SAME, PAIR,
 * LONG, ... see simd-ops.def) applied to an element function e_NAME. The
 * runner reads the source registers whole before writing Vd, so Vd may be
 * a source; it writes all 128 bits of Vd (a 64-bit vector or a scalar
 * result zeroes the rest, ARM ARM V[d] = ZeroExtend). Element functions
 * take raw element bits zero-extended to 64 and return the result's bits;
 * the runner truncates them to the element size. Saturating operations set
 * FPSR.QC; floating-point ones go through helper-fp.c.
 *
 * Lanes are host-endian arrays: this file assumes a little-endian host, so
 * lane i of any size is element i of the union below.
 */
#include "helpers.h"
#include "helper-fp.h"
#include "helper-simd.h"

#include <string.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
               "vector lanes are indexed as little-endian arrays");

#define ALWAYS_INLINE inline __attribute__((always_inline))

typedef union Vec {
    uint64_t d[2];
    uint32_t s[4];
    uint16_t h[8];
    uint8_t b[16];
} Vec;

static ALWAYS_INLINE Vec vec_load(const CPUARMState *env, unsigned r)
{
    Vec v;

    memcpy(&v, env->vregs[r], sizeof(v));
    return v;
}

static ALWAYS_INLINE void vec_store(CPUARMState *env, unsigned r, const Vec *v)
{
    memcpy(env->vregs[r], v, sizeof(*v));
}

static ALWAYS_INLINE uint64_t vec_get(const Vec *v, unsigned i, unsigned esz)
{
    switch (esz) {
    case 0:  return v->b[i];
    case 1:  return v->h[i];
    case 2:  return v->s[i];
    default: return v->d[i];
    }
}

static ALWAYS_INLINE void vec_set(Vec *v, unsigned i, unsigned esz, uint64_t x)
{
    switch (esz) {
    case 0:  v->b[i] = (uint8_t)x; break;
    case 1:  v->h[i] = (uint16_t)x; break;
    case 2:  v->s[i] = (uint32_t)x; break;
    default: v->d[i] = x; break;
    }
}

/* -- Element arithmetic ------------------------------------------------- */

/* What an element function knows besides its operands. */
typedef struct SimdElt {
    CPUARMState *env;
    unsigned bits;          /* element width (the narrow one, see .def) */
    unsigned imm;           /* shift amount / fraction bits / sub-size */
} SimdElt;

typedef uint64_t SimdFn(const SimdElt *e, uint64_t d, uint64_t n, uint64_t m);

typedef __int128 i128;

static inline uint64_t mask_of(unsigned bits)
{
    return bits >= 64 ? UINT64_MAX : (1ull << bits) - 1;
}
static inline int64_t sx(uint64_t v, unsigned bits)
{
    return bits >= 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
}
static inline uint64_t ux(uint64_t v, unsigned bits)
{
    return v & mask_of(bits);
}
static inline uint64_t all_ones(bool c, unsigned bits)
{
    return c ? mask_of(bits) : 0;
}

/* SignedSatQ / UnsignedSatQ to @bits, setting FPSR.QC on saturation. */
static uint64_t sat_s(const SimdElt *e, i128 v, unsigned bits)
{
    i128 max = ((i128)1 << (bits - 1)) - 1, min = -max - 1;

    if (v > max || v < min) {
        e->env->fpsr |= FPSR_QC;
        v = v > max ? max : min;
    }
    return (uint64_t)v & mask_of(bits);
}

static uint64_t sat_u(const SimdElt *e, i128 v, unsigned bits)
{
    i128 max = (i128)mask_of(bits);

    if (v > max || v < 0) {
        e->env->fpsr |= FPSR_QC;
        v = v > max ? max : 0;
    }
    return (uint64_t)v;
}

/*
 * Shift @n (@bits wide, signed or not) left by @shift, or right by -shift
 * (arithmetic for signed), optionally rounding right shifts and saturating
 * left ones: the ARM ARM SSHL/SRSHL/SQSHL/SQRSHL family and their unsigned
 * forms. Shifts of the element width or more give 0 or the sign.
 */
static uint64_t shift_core(const SimdElt *e, unsigned bits, uint64_t n,
                           int shift, bool sgn, bool round, bool sat)
{
    i128 v = sgn ? (i128)sx(n, bits) : (i128)ux(n, bits), r;

    if (shift >= 0) {
        if (!sat) {
            return shift >= (int)bits ? 0 : ux(n << shift, bits);
        }
        if (v == 0) {
            return 0;
        }
        if (shift >= (int)bits) {
            r = v < 0 ? -((i128)1 << 100) : ((i128)1 << 100);
        } else {
            r = v * ((i128)1 << shift);
        }
        return sgn ? sat_s(e, r, bits) : sat_u(e, r, bits);
    }
    shift = -shift;
    if (round) {
        r = shift > (int)bits ? 0 : (v + ((i128)1 << (shift - 1))) >> shift;
    } else if (shift >= (int)bits) {
        r = (sgn && v < 0) ? -1 : 0;
    } else {
        r = v >> shift;
    }
    return sat ? (sgn ? sat_s(e, r, bits) : sat_u(e, r, bits))
               : ux((uint64_t)r, bits);
}

#define B (e->bits)
#define S(v) sx((v), B)
#define U(v) ux((v), B)
#define E(name) \
    static uint64_t e_##name(const SimdElt *e, uint64_t d, uint64_t n, uint64_t m)

/* three same */
E(shadd)   { return (uint64_t)((S(n) + S(m)) >> 1); }
E(uhadd)   { return (U(n) + U(m)) >> 1; }
E(srhadd)  { return (uint64_t)((S(n) + S(m) + 1) >> 1); }
E(urhadd)  { return (U(n) + U(m) + 1) >> 1; }
E(shsub)   { return (uint64_t)((S(n) - S(m)) >> 1); }
E(uhsub)   { return (uint64_t)(((int64_t)U(n) - (int64_t)U(m)) >> 1); }
E(sqadd)   { return sat_s(e, (i128)S(n) + S(m), B); }
E(uqadd)   { return sat_u(e, (i128)U(n) + U(m), B); }
E(sqsub)   { return sat_s(e, (i128)S(n) - S(m), B); }
E(uqsub)   { return sat_u(e, (i128)U(n) - (i128)U(m), B); }
E(cmgt)    { return all_ones(S(n) > S(m), B); }
E(cmhi)    { return all_ones(U(n) > U(m), B); }
E(cmge)    { return all_ones(S(n) >= S(m), B); }
E(cmhs)    { return all_ones(U(n) >= U(m), B); }
E(cmtst)   { return all_ones((n & m & mask_of(B)) != 0, B); }
E(cmeq)    { return all_ones(U(n) == U(m), B); }
E(sshl)    { return shift_core(e, B, n, (int8_t)m, true, false, false); }
E(ushl)    { return shift_core(e, B, n, (int8_t)m, false, false, false); }
E(sqshl)   { return shift_core(e, B, n, (int8_t)m, true, false, true); }
E(uqshl)   { return shift_core(e, B, n, (int8_t)m, false, false, true); }
E(srshl)   { return shift_core(e, B, n, (int8_t)m, true, true, false); }
E(urshl)   { return shift_core(e, B, n, (int8_t)m, false, true, false); }
E(sqrshl)  { return shift_core(e, B, n, (int8_t)m, true, true, true); }
E(uqrshl)  { return shift_core(e, B, n, (int8_t)m, false, true, true); }
E(smax)    { return S(n) > S(m) ? n : m; }
E(umax)    { return U(n) > U(m) ? n : m; }
E(smin)    { return S(n) < S(m) ? n : m; }
E(umin)    { return U(n) < U(m) ? n : m; }
E(sabd)    { return S(n) > S(m) ? (uint64_t)(S(n) - S(m)) : (uint64_t)(S(m) - S(n)); }
E(uabd)    { return U(n) > U(m) ? U(n) - U(m) : U(m) - U(n); }
E(saba)    { return d + e_sabd(e, 0, n, m); }
E(uaba)    { return d + e_uabd(e, 0, n, m); }
E(add)     { return n + m; }
E(sub)     { return n - m; }
E(mla)     { return d + n * m; }
E(mls)     { return d - n * m; }
E(mul)     { return n * m; }

/* Polynomial (carry-less) multiplication of two @bits-wide values. */
static uint64_t clmul(uint64_t n, uint64_t m, unsigned bits)
{
    uint64_t r = 0;

    for (unsigned i = 0; i < bits; i++) {
        if (m >> i & 1) {
            r ^= n << i;
        }
    }
    return r;
}
E(pmul)    { return clmul(U(n), U(m), B); }
E(pmull)   { return clmul(U(n), U(m), B); }

/* SQDMULH / SQRDMULH: the high half of 2*n*m (rounded), saturated. */
E(sqdmulh)
{
    return sat_s(e, ((i128)2 * S(n) * S(m)) >> B, B);
}
E(sqrdmulh)
{
    return sat_s(e, ((i128)2 * S(n) * S(m) + ((i128)1 << (B - 1))) >> B, B);
}

/* three same, floating point */
#define ENV e->env
E(fmaxnm)  { return fp_minmax(ENV, B, n, m, true, true); }
E(fminnm)  { return fp_minmax(ENV, B, n, m, false, true); }
E(fmax)    { return fp_minmax(ENV, B, n, m, true, false); }
E(fmin)    { return fp_minmax(ENV, B, n, m, false, false); }
E(fmla)    { return fp_arith(ENV, FP_MULADD, B, d, n, m); }
E(fmls)    { return fp_arith(ENV, FP_MULADD, B, d, n ^ (1ull << (B - 1)), m); }
E(fadd)    { return fp_arith(ENV, FP_ADD, B, n, m, 0); }
E(fsub)    { return fp_arith(ENV, FP_SUB, B, n, m, 0); }
E(fmul)    { return fp_arith(ENV, FP_MUL, B, n, m, 0); }
E(fdiv)    { return fp_arith(ENV, FP_DIV, B, n, m, 0); }
E(fmulx)   { return fp_mulx(ENV, B, n, m); }
E(fabd)
{
    return fp_arith(ENV, FP_SUB, B, n, m, 0) & ~(1ull << (B - 1));
}
E(frecps)  { return fp_recps(ENV, B, n, m); }
E(frsqrts) { return fp_rsqrts(ENV, B, n, m); }

/* FPCompareEQ is quiet; GE and GT signal on any NaN. */
static bool fp_eq(const SimdElt *e, uint64_t n, uint64_t m)
{
    return fp_compare(e->env, e->bits, n, m, false) == FPREL_EQUAL;
}
static bool fp_ge(const SimdElt *e, uint64_t n, uint64_t m)
{
    FPRelation r = fp_compare(e->env, e->bits, n, m, true);
    return r == FPREL_GREATER || r == FPREL_EQUAL;
}
static bool fp_gt(const SimdElt *e, uint64_t n, uint64_t m)
{
    return fp_compare(e->env, e->bits, n, m, true) == FPREL_GREATER;
}
#define FABS(v) ((v) & ~(1ull << (B - 1)))
E(fcmeq)   { return all_ones(fp_eq(e, n, m), B); }
E(fcmge)   { return all_ones(fp_ge(e, n, m), B); }
E(fcmgt)   { return all_ones(fp_gt(e, n, m), B); }
E(facge)   { return all_ones(fp_ge(e, FABS(n), FABS(m)), B); }
E(facgt)   { return all_ones(fp_gt(e, FABS(n), FABS(m)), B); }

/* three different (n, m narrow; d and the result wide) */
#define W (2 * B)
E(saddl)   { return (uint64_t)(S(n) + S(m)); }
E(uaddl)   { return U(n) + U(m); }
E(ssubl)   { return (uint64_t)(S(n) - S(m)); }
E(usubl)   { return U(n) - U(m); }
E(saddw)   { return n + (uint64_t)S(m); }
E(uaddw)   { return n + U(m); }
E(ssubw)   { return n - (uint64_t)S(m); }
E(usubw)   { return n - U(m); }
E(addhn)   { return ux(n + m, W) >> B; }
E(raddhn)  { return ux(n + m + (1ull << (B - 1)), W) >> B; }
E(subhn)   { return ux(n - m, W) >> B; }
E(rsubhn)  { return ux(n - m + (1ull << (B - 1)), W) >> B; }
E(sabdl)   { return e_sabd(e, 0, n, m); }
E(uabdl)   { return e_uabd(e, 0, n, m); }
E(sabal)   { return d + e_sabd(e, 0, n, m); }
E(uabal)   { return d + e_uabd(e, 0, n, m); }
E(smull)   { return (uint64_t)(S(n) * S(m)); }
E(umull)   { return U(n) * U(m); }
E(smlal)   { return d + (uint64_t)(S(n) * S(m)); }
E(umlal)   { return d + U(n) * U(m); }
E(smlsl)   { return d - (uint64_t)(S(n) * S(m)); }
E(umlsl)   { return d - U(n) * U(m); }
/* SQDMULL: 2*n*m saturated to the wide size; SQDMLAL/SLS accumulate it,
 * saturating again. */
E(sqdmull) { return sat_s(e, (i128)2 * S(n) * S(m), W); }
E(sqdmlal)
{
    return sat_s(e, (i128)sx(d, W) + sx(e_sqdmull(e, 0, n, m), W), W);
}
E(sqdmlsl)
{
    return sat_s(e, (i128)sx(d, W) - sx(e_sqdmull(e, 0, n, m), W), W);
}

/* two-register misc */
/* REV16/32/64: reverse the e->imm-bit pieces of a B-bit container. */
E(rev)
{
    uint64_t r = 0, pm = mask_of(e->imm);
    unsigned k = B / e->imm;

    for (unsigned i = 0; i < k; i++) {
        r |= ((n >> (i * e->imm)) & pm) << ((k - 1 - i) * e->imm);
    }
    return r;
}
E(saddlp)  { return (uint64_t)(S(n) + S(m)); }
E(uaddlp)  { return U(n) + U(m); }
E(sadalp)  { return d + (uint64_t)(S(n) + S(m)); }
E(uadalp)  { return d + U(n) + U(m); }
E(suqadd)  { return sat_s(e, (i128)S(d) + U(n), B); }
E(usqadd)  { return sat_u(e, (i128)U(d) + S(n), B); }
E(clz)
{
    return U(n) ? (uint64_t)(__builtin_clzll(U(n)) - (64 - B)) : B;
}
E(cls)
{
    /* CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>), N-1 bits wide */
    uint64_t t = ((U(n) >> 1) ^ n) & mask_of(B - 1);

    return t ? (uint64_t)(__builtin_clzll(t) - (65 - B)) : B - 1;
}
E(cnt)     { return (uint64_t)__builtin_popcountll(n & 0xff); }
E(rbit)
{
    uint64_t r = 0;

    for (int i = 0; i < 8; i++) {
        r |= ((n >> i) & 1) << (7 - i);
    }
    return r;
}
E(sqabs)   { return sat_s(e, S(n) < 0 ? -(i128)S(n) : S(n), B); }
E(sqneg)   { return sat_s(e, -(i128)S(n), B); }
E(cmgt0)   { return all_ones(S(n) > 0, B); }
E(cmge0)   { return all_ones(S(n) >= 0, B); }
E(cmeq0)   { return all_ones(U(n) == 0, B); }
E(cmle0)   { return all_ones(S(n) <= 0, B); }
E(cmlt0)   { return all_ones(S(n) < 0, B); }
E(abs)     { return S(n) < 0 ? -n : n; }
E(neg)     { return -n; }
/* narrowing: n is 2B wide */
E(xtn)     { return n; }
E(sqxtn)   { return sat_s(e, sx(n, W), B); }
E(uqxtn)   { return sat_u(e, ux(n, W), B); }
E(sqxtun)  { return sat_u(e, sx(n, W), B); }
E(shll)    { return U(n) << B; }
E(fcvtn)   { return fp_convert(ENV, W, B, n); }
E(fcvtxn)  { return fp_convert_round_odd(ENV, n); }
E(fcvtl)   { return fp_convert(ENV, B, W, n); }
/* floating point, same size */
#define FRINT(name, rnd, exact)                                            \
    E(name) { return fp_round_int(ENV, B, n, rnd, exact); }
FRINT(frintn, FPROUND_TIEEVEN, false)
FRINT(frinta, FPROUND_TIEAWAY, false)
FRINT(frintp, FPROUND_POSINF, false)
FRINT(frintm, FPROUND_NEGINF, false)
FRINT(frintz, FPROUND_ZERO, false)
FRINT(frintx, FPROUND_FPCR, true)
FRINT(frinti, FPROUND_FPCR, false)
/* FP to integer of the same width; e->imm = fraction bits (shift form) */
#define FCVT_TO(name, rnd, uns)                                            \
    E(name)                                                                \
    {                                                                      \
                                                         \
        return fp_to_fixed(ENV, B, n, e->imm, rnd, uns, B);                \
    }
FCVT_TO(fcvtns, FPROUND_TIEEVEN, false)
FCVT_TO(fcvtnu, FPROUND_TIEEVEN, true)
FCVT_TO(fcvtps, FPROUND_POSINF, false)
FCVT_TO(fcvtpu, FPROUND_POSINF, true)
FCVT_TO(fcvtms, FPROUND_NEGINF, false)
FCVT_TO(fcvtmu, FPROUND_NEGINF, true)
FCVT_TO(fcvtzs, FPROUND_ZERO, false)
FCVT_TO(fcvtzu, FPROUND_ZERO, true)
FCVT_TO(fcvtas, FPROUND_TIEAWAY, false)
FCVT_TO(fcvtau, FPROUND_TIEAWAY, true)
E(scvtf)   { return fp_from_fixed(ENV, B, n, e->imm, false, B); }
E(ucvtf)   { return fp_from_fixed(ENV, B, n, e->imm, true, B); }
E(fcmgt0)  { return all_ones(fp_gt(e, n, 0), B); }
E(fcmge0)  { return all_ones(fp_ge(e, n, 0), B); }
E(fcmeq0)  { return all_ones(fp_eq(e, n, 0), B); }
E(fcmle0)  { return all_ones(fp_ge(e, 0, n), B); }
E(fcmlt0)  { return all_ones(fp_gt(e, 0, n), B); }
E(fabs)    { return FABS(n); }
E(fneg)    { return n ^ (1ull << (B - 1)); }
E(fsqrt)   { return fp_arith(ENV, FP_SQRT, B, n, 0, 0); }
E(frecpe)  { return fp_recpe(ENV, B, n); }
E(frsqrte) { return fp_rsqrte(ENV, B, n); }
E(frecpx)  { return fp_recpx(ENV, B, n); }

E(urecpe)  { return fp_urecpe((uint32_t)n); }
E(ursqrte) { return fp_ursqrte((uint32_t)n); }

/* across lanes, long: d is the wide accumulator */
E(saddlv)  { return d + (uint64_t)S(n); }
E(uaddlv)  { return d + U(n); }

/* shift by immediate: e->imm is the shift */
#define SH ((int)e->imm)
E(sshr)    { return shift_core(e, B, n, -SH, true, false, false); }
E(ushr)    { return shift_core(e, B, n, -SH, false, false, false); }
E(ssra)    { return d + e_sshr(e, 0, n, m); }
E(usra)    { return d + e_ushr(e, 0, n, m); }
E(srshr)   { return shift_core(e, B, n, -SH, true, true, false); }
E(urshr)   { return shift_core(e, B, n, -SH, false, true, false); }
E(srsra)   { return d + e_srshr(e, 0, n, m); }
E(ursra)   { return d + e_urshr(e, 0, n, m); }
E(sri)
{
    uint64_t mk = SH >= (int)B ? 0 : mask_of(B) >> SH;

    return (d & ~mk) | ((U(n) >> (SH & 63)) & mk);
}
E(shl)     { return n << SH; }
E(sli)
{
    uint64_t mk = mask_of(B) << SH;

    return (d & ~mk) | ((n << SH) & mk);
}
E(sqshlu)
{
    return sat_u(e, (i128)S(n) * ((i128)1 << SH), B);
}
E(sqshli)  { return shift_core(e, B, n, SH, true, false, true); }
E(uqshli)  { return shift_core(e, B, n, SH, false, false, true); }
/* narrowing right shifts: n is 2B wide, the result B wide */
E(shrn)    { return shift_core(e, W, n, -SH, false, false, false); }
E(rshrn)   { return shift_core(e, W, n, -SH, false, true, false); }
E(sqshrn)
{
    return sat_s(e, sx(shift_core(e, W, n, -SH, true, false, false), W), B);
}
E(sqrshrn)
{
    return sat_s(e, sx(shift_core(e, W, n, -SH, true, true, false), W), B);
}
E(uqshrn)
{
    return sat_u(e, shift_core(e, W, n, -SH, false, false, false), B);
}
E(uqrshrn)
{
    return sat_u(e, (i128)shift_core(e, W, n, -SH, false, true, false), B);
}
E(sqshrun)
{
    return sat_u(e, sx(shift_core(e, W, n, -SH, true, false, false), W), B);
}
E(sqrshrun)
{
    return sat_u(e, sx(shift_core(e, W, n, -SH, true, true, false), W), B);
}
/* long left shifts: n is B wide, the result 2B */
E(sshll)   { return (uint64_t)S(n) << SH; }
E(ushll)   { return U(n) << SH; }

/* -- Runners ------------------------------------------------------------ */

typedef struct SimdArgs {
    unsigned rd, rn, rm, esz, q, scalar, indexed, index;
    SimdElt e;
} SimdArgs;

/* The fields of @desc; @esz is its element size, passed as a constant by
 * the helpers so that each runner is compiled once per size. */
static ALWAYS_INLINE SimdArgs simd_args(CPUARMState *env, uint32_t desc, unsigned esz)
{
    SimdArgs a = {
        .rd = SIMD_DESC_RD(desc), .rn = SIMD_DESC_RN(desc),
        .rm = SIMD_DESC_RM(desc), .esz = esz,
        .q = SIMD_DESC_Q(desc), .scalar = SIMD_DESC_IS_SCALAR(desc),
        .indexed = SIMD_DESC_IS_INDEXED(desc),
        .index = SIMD_DESC_GET_INDEX(desc),
    };
    a.e = (SimdElt){ env, 8u << a.esz, SIMD_DESC_GET_IMM(desc) };
    return a;
}

/* Lanes of @esz in the vector (64 or 128 bits) or 1 for a scalar. */
static ALWAYS_INLINE unsigned lanes(const SimdArgs *a, unsigned esz)
{
    return a->scalar ? 1 : (a->q ? 16u : 8u) >> esz;
}

static ALWAYS_INLINE void run_same(CPUARMState *env, uint32_t desc,
                                   SimdFn *fn, unsigned esz)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vd = vec_load(env, a.rd), vn = vec_load(env, a.rn);
    Vec vm = vec_load(env, a.rm), r = { { 0, 0 } };
    uint64_t fixed = a.indexed ? vec_get(&vm, a.index, a.esz) : 0;

    for (unsigned i = 0, k = lanes(&a, a.esz); i < k; i++) {
        uint64_t m = a.indexed ? fixed : vec_get(&vm, i, a.esz);
        vec_set(&r, i, a.esz, fn(&a.e, vec_get(&vd, i, a.esz),
                                 vec_get(&vn, i, a.esz), m));
    }
    vec_store(env, a.rd, &r);
}

static ALWAYS_INLINE void run_pair(CPUARMState *env, uint32_t desc,
                                   SimdFn *fn, unsigned esz)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vn = vec_load(env, a.rn), vm = vec_load(env, a.rm), r = { { 0, 0 } };
    unsigned h = ((a.q ? 16u : 8u) >> a.esz) / 2;

    for (unsigned i = 0; i < h; i++) {
        vec_set(&r, i, a.esz, fn(&a.e, 0, vec_get(&vn, 2 * i, a.esz),
                                 vec_get(&vn, 2 * i + 1, a.esz)));
    }
    if (a.scalar) {
        r.d[0] = ux(r.d[0], 8u << a.esz);   /* only the first pair */
        r.d[1] = 0;
    } else {
        for (unsigned i = 0; i < h; i++) {
            vec_set(&r, h + i, a.esz, fn(&a.e, 0, vec_get(&vm, 2 * i, a.esz),
                                         vec_get(&vm, 2 * i + 1, a.esz)));
        }
    }
    vec_store(env, a.rd, &r);
}

/* LONG and WIDE: narrow sources come from the half that q selects. */
static ALWAYS_INLINE void run_long(CPUARMState *env, uint32_t desc,
                                   SimdFn *fn, unsigned esz, bool wide_n)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vd = vec_load(env, a.rd), vn = vec_load(env, a.rn);
    Vec vm = vec_load(env, a.rm), r = { { 0, 0 } };
    unsigned k = a.scalar ? 1 : 8u >> a.esz, base = a.scalar ? 0 : a.q * k;
    unsigned w = a.esz + 1;
    uint64_t fixed = a.indexed ? vec_get(&vm, a.index, a.esz) : 0;

    for (unsigned i = 0; i < k; i++) {
        uint64_t n = wide_n ? vec_get(&vn, i, w) : vec_get(&vn, base + i, a.esz);
        uint64_t m = a.indexed ? fixed : vec_get(&vm, base + i, a.esz);
        vec_set(&r, i, w, fn(&a.e, vec_get(&vd, i, w), n, m));
    }
    vec_store(env, a.rd, &r);
}

static ALWAYS_INLINE void run_narrow(CPUARMState *env, uint32_t desc,
                                     SimdFn *fn, unsigned esz)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vd = vec_load(env, a.rd), vn = vec_load(env, a.rn);
    Vec vm = vec_load(env, a.rm), r = { { 0, 0 } };
    unsigned k = a.scalar ? 1 : 8u >> a.esz, base = a.scalar ? 0 : a.q * k;
    unsigned w = a.esz + 1;

    if (base) {
        r.d[0] = vd.d[0];           /* the "2" forms keep the low half */
    }
    for (unsigned i = 0; i < k; i++) {
        vec_set(&r, base + i, a.esz,
                fn(&a.e, 0, vec_get(&vn, i, w), vec_get(&vm, i, w)));
    }
    vec_store(env, a.rd, &r);
}

static ALWAYS_INLINE void run_pairl(CPUARMState *env, uint32_t desc,
                                    SimdFn *fn, unsigned esz)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vd = vec_load(env, a.rd), vn = vec_load(env, a.rn), r = { { 0, 0 } };
    unsigned w = a.esz + 1;

    for (unsigned i = 0, k = (a.q ? 16u : 8u) >> w; i < k; i++) {
        vec_set(&r, i, w, fn(&a.e, vec_get(&vd, i, w),
                             vec_get(&vn, 2 * i, a.esz),
                             vec_get(&vn, 2 * i + 1, a.esz)));
    }
    vec_store(env, a.rd, &r);
}

/* ARM ARM Reduce(): op(Reduce(low half), Reduce(high half)), done level
 * by level: the same tree, so the same operand order for NaNs. */
static ALWAYS_INLINE uint64_t reduce(const SimdElt *e, SimdFn *fn,
                                     const Vec *v, unsigned esz, unsigned k)
{
    uint64_t x[16];

    for (unsigned i = 0; i < k; i++) {
        x[i] = vec_get(v, i, esz);
    }
    for (; k > 1; k /= 2) {
        for (unsigned i = 0; i < k / 2; i++) {
            x[i] = fn(e, 0, x[2 * i], x[2 * i + 1]);
        }
    }
    return x[0];
}

static ALWAYS_INLINE void run_across(CPUARMState *env, uint32_t desc,
                                     SimdFn *fn, unsigned esz)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vn = vec_load(env, a.rn), r = { { 0, 0 } };

    vec_set(&r, 0, a.esz, reduce(&a.e, fn, &vn, a.esz, lanes(&a, a.esz)));
    vec_store(env, a.rd, &r);
}

static ALWAYS_INLINE void run_acrossl(CPUARMState *env, uint32_t desc,
                                      SimdFn *fn, unsigned esz)
{
    SimdArgs a = simd_args(env, desc, esz);
    Vec vn = vec_load(env, a.rn), r = { { 0, 0 } };
    uint64_t acc = 0;

    for (unsigned i = 0, k = lanes(&a, a.esz); i < k; i++) {
        acc = fn(&a.e, acc, vec_get(&vn, i, a.esz), 0);
    }
    vec_set(&r, 0, a.esz + 1, acc);
    vec_store(env, a.rd, &r);
}

/* -- The helpers of simd-ops.def ---------------------------------------- */

#define RUN_SAME(fn, esz)    run_same(env, desc, fn, esz)
#define RUN_PAIR(fn, esz)    run_pair(env, desc, fn, esz)
#define RUN_LONG(fn, esz)    run_long(env, desc, fn, esz, false)
#define RUN_WIDE(fn, esz)    run_long(env, desc, fn, esz, true)
#define RUN_NARROW(fn, esz)  run_narrow(env, desc, fn, esz)
#define RUN_PAIRL(fn, esz)   run_pairl(env, desc, fn, esz)
#define RUN_ACROSS(fn, esz)  run_across(env, desc, fn, esz)
#define RUN_ACROSSL(fn, esz) run_acrossl(env, desc, fn, esz)

#define DEFINE_SAME     DEFINE_RUN
#define DEFINE_PAIR     DEFINE_RUN
#define DEFINE_LONG     DEFINE_RUN
#define DEFINE_WIDE     DEFINE_RUN
#define DEFINE_NARROW   DEFINE_RUN
#define DEFINE_PAIRL    DEFINE_RUN
#define DEFINE_ACROSS   DEFINE_RUN
#define DEFINE_ACROSSL  DEFINE_RUN
/* One copy of the runner per element size, with the element function
 * inlined: a switch per instruction instead of one per lane. */
#define DEFINE_RUN(name, kind, elt)                                         \
    void helper_simd_##name(CPUARMState *env, uint32_t desc)               \
    {                                                                      \
        switch (SIMD_DESC_ESZ(desc)) {                                     \
        case 0:  RUN_##kind(e_##elt, 0); break;                            \
        case 1:  RUN_##kind(e_##elt, 1); break;                            \
        case 2:  RUN_##kind(e_##elt, 2); break;                            \
        default: RUN_##kind(e_##elt, 3); break;                            \
        }                                                                  \
    }
#define DEFINE_CUSTOM(name, kind, elt)

#define SIMD_HELPER(name, kind, elt) DEFINE_##kind(name, kind, elt)
#include "simd-ops.def"
#undef SIMD_HELPER

/* -- Hand-written helpers ----------------------------------------------- */

/* TBL/TBX: bytes of Vm index a table of len+1 registers from Vn (wrapping
 * at V31); out of range gives 0 (TBL) or leaves the Vd byte (TBX). */
void helper_simd_tbl(CPUARMState *env, uint32_t desc)
{
    SimdArgs a = simd_args(env, desc, SIMD_DESC_ESZ(desc));
    unsigned len = (a.e.imm & 3) + 1, tbx = a.e.imm >> 2 & 1;
    uint8_t table[64];
    Vec vd = vec_load(env, a.rd), vm = vec_load(env, a.rm), r = { { 0, 0 } };

    for (unsigned i = 0; i < len; i++) {
        memcpy(table + 16 * i, env->vregs[(a.rn + i) % 32], 16);
    }
    for (unsigned i = 0, k = a.q ? 16 : 8; i < k; i++) {
        unsigned idx = vm.b[i];
        r.b[i] = idx < 16 * len ? table[idx] : tbx ? vd.b[i] : 0;
    }
    vec_store(env, a.rd, &r);
}

/*
 * UZP1/UZP2, TRN1/TRN2, ZIP1/ZIP2 (imm = the opcode: 1 uzp1, 2 trn1,
 * 3 zip1, 5 uzp2, 6 trn2, 7 zip2; bit 2 selects the odd/high part).
 */
void helper_simd_permute(CPUARMState *env, uint32_t desc)
{
    SimdArgs a = simd_args(env, desc, SIMD_DESC_ESZ(desc));
    Vec vn = vec_load(env, a.rn), vm = vec_load(env, a.rm), r = { { 0, 0 } };
    unsigned k = (a.q ? 16u : 8u) >> a.esz, part = a.e.imm >> 2 & 1;

    for (unsigned i = 0; i < k; i++) {
        uint64_t x;
        unsigned j;
        switch (a.e.imm & 3) {
        case 1:             /* UZP: even (odd) lanes of n:m */
            j = 2 * i + part;
            x = j < k ? vec_get(&vn, j, a.esz) : vec_get(&vm, j - k, a.esz);
            break;
        case 2:             /* TRN: n[2p+part], m[2p+part] alternately */
            j = (i & ~1u) + part;
            x = vec_get((i & 1) ? &vm : &vn, j, a.esz);
            break;
        default:            /* ZIP: interleave the low (high) halves */
            j = part * k / 2 + i / 2;
            x = vec_get((i & 1) ? &vm : &vn, j, a.esz);
            break;
        }
        vec_set(&r, i, a.esz, x);
    }
    vec_store(env, a.rd, &r);
}

/* PMULL/PMULL2 of 64-bit elements: the 128-bit carry-less product. */
void helper_simd_pmull64(CPUARMState *env, uint32_t desc)
{
    SimdArgs a = simd_args(env, desc, SIMD_DESC_ESZ(desc));
    uint64_t n = env->vregs[a.rn][a.q], m = env->vregs[a.rm][a.q];
    uint64_t lo = 0, hi = 0;

    for (unsigned i = 0; i < 64; i++) {
        if (m >> i & 1) {
            lo ^= n << i;
            hi ^= i ? n >> (64 - i) : 0;
        }
    }
    env->vregs[a.rd][0] = lo;
    env->vregs[a.rd][1] = hi;
}
