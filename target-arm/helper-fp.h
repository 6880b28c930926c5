// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-fp.h: the Arm floating-point arithmetic of helper-fp.c, for the
 * scalar FP helpers there and the vector FP helpers of helper-simd.c.
 *
 * Values are raw IEEE bit patterns (half, single or double: @bits = 16, 32
 * or 64) in a uint64_t, low bits. Every function follows the ARM ARM
 * pseudocode (shared/functions/float): it reads FPCR (FZ, DN, RMode, AHP)
 * from env and ORs the exceptions it raises into env->fpsr, as the
 * cumulative FPSR bits. Floating-point exceptions never trap.
 */
#ifndef UEMU_TARGET_ARM_HELPER_FP_H
#define UEMU_TARGET_ARM_HELPER_FP_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* FPCR fields (ARM ARM D17.2.48). */
#define FPCR_AHP        (1u << 26)      /* alternative half precision */
#define FPCR_DN         (1u << 25)      /* default NaN */
#define FPCR_FZ         (1u << 24)      /* flush denormals to zero */
#define FPCR_RMODE_SHIFT 22             /* [23:22] rounding mode */

/* FPSR cumulative exception bits. */
#define FPSR_IOC        (1u << 0)       /* invalid operation */
#define FPSR_DZC        (1u << 1)       /* division by zero */
#define FPSR_OFC        (1u << 2)       /* overflow */
#define FPSR_UFC        (1u << 3)       /* underflow */
#define FPSR_IXC        (1u << 4)       /* inexact */
#define FPSR_IDC        (1u << 7)       /* input denormal (flushed) */
#define FPSR_QC         (1u << 27)      /* AdvSIMD saturation */

/* ARM ARM FPRounding; 0..3 are also the FPCR.RMode encodings. */
typedef enum FPRounding {
    FPROUND_TIEEVEN,                    /* N: to nearest, ties to even */
    FPROUND_POSINF,                     /* P: towards +infinity */
    FPROUND_NEGINF,                     /* M: towards -infinity */
    FPROUND_ZERO,                       /* Z: towards zero */
    FPROUND_TIEAWAY,                    /* A: to nearest, ties away */
    FPROUND_FPCR,                       /* whatever FPCR.RMode says */
} FPRounding;

/* The arithmetic that the host computes (with Arm NaN, flush-to-zero and
 * underflow rules applied around it). */
typedef enum FPArith {
    FP_ADD,                             /* a + b */
    FP_SUB,                             /* a - b */
    FP_MUL,                             /* a * b */
    FP_DIV,                             /* a / b */
    FP_SQRT,                            /* sqrt(a) */
    FP_MULADD,                          /* a + b * c, one rounding */
} FPArith;

/* Result of a comparison (FPCompare). */
typedef enum FPRelation {
    FPREL_LESS,
    FPREL_EQUAL,
    FPREL_GREATER,
    FPREL_UNORDERED,
} FPRelation;

/*
 * The I32 descriptor of the conversion and compare helpers (helpers.def):
 * FP width, fixed-point fraction bits, FPRounding, unsigned, integer width,
 * and flags for FRINTX (exact) and FCMPE (signal).
 */
#define FP_DESC(bits, fbits, rnd, uns, ibits)                              \
    ((uint32_t)(bits) | (uint32_t)(fbits) << 7 | (uint32_t)(rnd) << 14 |   \
     (uint32_t)(uns) << 17 | (uint32_t)(ibits) << 18)
#define FP_DESC_EXACT_BIT   (1u << 25)
#define FP_DESC_SIGNAL_BIT  (1u << 26)
#define FP_DESC_BITS(d)     ((d) & 0x7f)
#define FP_DESC_FBITS(d)    (((d) >> 7) & 0x7f)
#define FP_DESC_RND(d)      (((d) >> 14) & 7)
#define FP_DESC_UNSIGNED(d) (((d) >> 17) & 1)
#define FP_DESC_IBITS(d)    (((d) >> 18) & 0x7f)
#define FP_DESC_EXACT(d)    (((d) & FP_DESC_EXACT_BIT) != 0)
#define FP_DESC_SIGNAL(d)   (((d) & FP_DESC_SIGNAL_BIT) != 0)

/* -- Bit patterns of a @bits-wide format (16, 32, 64) ---------------------- */

static inline unsigned fp_mbits(unsigned bits)          /* fraction bits */
{
    return bits == 64 ? 52 : bits == 32 ? 23 : 10;
}
static inline uint64_t fp_mask(unsigned bits)
{
    return bits == 64 ? UINT64_MAX : (1ull << bits) - 1;
}
static inline uint64_t fp_sign_bit(unsigned bits) { return 1ull << (bits - 1); }
static inline uint64_t fp_frac_mask(unsigned bits)
{
    return (1ull << fp_mbits(bits)) - 1;
}
static inline uint64_t fp_exp_mask(unsigned bits)
{
    return (fp_sign_bit(bits) - 1) & ~fp_frac_mask(bits);
}
static inline uint64_t fp_quiet_bit(unsigned bits)
{
    return 1ull << (fp_mbits(bits) - 1);
}
/* The smallest normal magnitude (exponent field 1). */
static inline uint64_t fp_min_normal(unsigned bits)
{
    return 1ull << fp_mbits(bits);
}
static inline bool fp_is_nan(unsigned bits, uint64_t v)
{
    return (v & fp_exp_mask(bits)) == fp_exp_mask(bits) &&
           (v & fp_frac_mask(bits));
}
static inline bool fp_is_snan(unsigned bits, uint64_t v)
{
    return fp_is_nan(bits, v) && !(v & fp_quiet_bit(bits));
}
static inline bool fp_is_qnan(unsigned bits, uint64_t v)
{
    return fp_is_nan(bits, v) && (v & fp_quiet_bit(bits));
}
static inline bool fp_is_inf(unsigned bits, uint64_t v)
{
    return (v & ~fp_sign_bit(bits)) == fp_exp_mask(bits);
}
static inline bool fp_is_zero(unsigned bits, uint64_t v)
{
    return (v & ~fp_sign_bit(bits)) == 0;
}
static inline bool fp_is_denormal(unsigned bits, uint64_t v)
{
    return (v & fp_exp_mask(bits)) == 0 && (v & fp_frac_mask(bits));
}
/* FPDefaultNaN: positive, quiet, zero payload. */
static inline uint64_t fp_default_nan(unsigned bits)
{
    return fp_exp_mask(bits) | fp_quiet_bit(bits);
}

/* -- FPCR rules shared by helper-fp*.c (@fl collects FPSR bits) ------------ */

/* The rounding mode @rnd, or FPCR.RMode for FPROUND_FPCR. */
FPRounding fp_rounding(uint32_t fpcr, FPRounding rnd);
/* FPUnpack's flush of a denormal single/double to zero under FPCR.FZ. */
uint64_t fp_flush_input(uint32_t fpcr, unsigned bits, uint64_t v,
                        unsigned *fl);
/* FPProcessNaN: the NaN @v quieted (Invalid if signalling), or the
 * default NaN under FPCR.DN. */
uint64_t fp_process_nan(uint32_t fpcr, unsigned bits, uint64_t v,
                        unsigned *fl);

/* -- Operations ------------------------------------------------------------ */

/* FPAdd, FPSub, FPMul, FPDiv, FPSqrt, FPMulAdd(a, b, c). */
uint64_t fp_arith(CPUARMState *env, FPArith op, unsigned bits, uint64_t a,
                  uint64_t b, uint64_t c);
/* FPMulX: FPMul, but (+-)0 * (+-)inf is (+-)2.0. */
uint64_t fp_mulx(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b);
/* FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2). */
uint64_t fp_recps(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b);
uint64_t fp_rsqrts(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b);
/* helper-fp-est.c: FPRecipEstimate, FPRSqrtEstimate, FPRecpX, and the
 * unsigned fixed-point UnsignedRecipEstimate/UnsignedRSqrtEstimate. */
uint64_t fp_recpe(CPUARMState *env, unsigned bits, uint64_t a);
uint64_t fp_rsqrte(CPUARMState *env, unsigned bits, uint64_t a);
uint64_t fp_recpx(CPUARMState *env, unsigned bits, uint64_t a);
uint32_t fp_urecpe(uint32_t a);
uint32_t fp_ursqrte(uint32_t a);
/* FPMax/FPMin (@nm: FPMaxNum/FPMinNum, a quiet NaN loses to a number). */
uint64_t fp_minmax(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b,
                   bool is_max, bool nm);
/* FPCompare; @signal_nans: any NaN raises Invalid (FCMPE), else only
 * signalling ones do. */
FPRelation fp_compare(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b,
                      bool signal_nans);
/* FPToFixed: @a * 2^fbits rounded by @rnd to an @ibits-bit (un)signed
 * integer, saturated (Invalid on saturation or NaN, which gives 0). */
uint64_t fp_to_fixed(CPUARMState *env, unsigned bits, uint64_t a,
                     unsigned fbits, FPRounding rnd, bool is_unsigned,
                     unsigned ibits);
/* FixedToFP: the @ibits-bit (un)signed integer @v / 2^fbits, rounded by
 * FPCR. */
uint64_t fp_from_fixed(CPUARMState *env, unsigned bits, uint64_t v,
                       unsigned fbits, bool is_unsigned, unsigned ibits);
/* FPRoundInt (FRINT*): @exact raises Inexact when the value changes. */
uint64_t fp_round_int(CPUARMState *env, unsigned bits, uint64_t a,
                      FPRounding rnd, bool exact);
/* FPConvert between precisions (FCVT, FCVTL/FCVTN). */
uint64_t fp_convert(CPUARMState *env, unsigned from_bits, unsigned to_bits,
                    uint64_t a);
/* FCVTXN: double to single, rounding to odd. */
uint64_t fp_convert_round_odd(CPUARMState *env, uint64_t a);

#endif /* UEMU_TARGET_ARM_HELPER_FP_H */
