// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-fp-est.c: the reciprocal and reciprocal square root estimates
 * (FRECPE, FRSQRTE, URECPE, URSQRTE) and FRECPX.
 *
 * The estimates are the ARM ARM's integer algorithms (RecipEstimate,
 * RecipSqrtEstimate): 8 or 9 bits looked up from the top bits of the
 * operand's fraction, so every implementation without FEAT_RPRES gives
 * the same bits. Only the special cases (zero, infinity, NaN, results
 * that overflow or flush to zero) raise exceptions.
 */
#include "helper-fp.h"

/* RecipEstimate: @a in 256..511 (0.5 <= x < 1 in 1/512 steps) -> 256..511. */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    return ((1u << 19) / a + 1) / 2;
}

/* RecipSqrtEstimate: @a in 128..511 -> 256..511. */
static unsigned recip_sqrt_estimate(unsigned a)
{
    unsigned b = 512;

    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = ((a >> 1) << 1);
        a = (a + 1) * 2;
    }
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28)) {
        b++;
    }
    return (b + 1) / 2;
}

/* The fraction of a single/double as 52 bits, and its exponent field. */
static uint64_t frac52(unsigned bits, uint64_t v, int *exp)
{
    unsigned mb = fp_mbits(bits);

    *exp = (int)((v & fp_exp_mask(bits)) >> mb);
    return (v & fp_frac_mask(bits)) << (52 - mb);
}

uint64_t fp_recpe(CPUARMState *env, unsigned bits, uint64_t a)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0, mb = fp_mbits(bits);
    uint64_t sign, r, frac;
    int exp, rexp, bias = bits == 32 ? 127 : 1023;

    a = fp_flush_input(fpcr, bits, a & fp_mask(bits), &fl);
    sign = a & fp_sign_bit(bits);
    if (fp_is_nan(bits, a)) {
        r = fp_process_nan(fpcr, bits, a, &fl);
    } else if (fp_is_inf(bits, a)) {
        r = sign;
    } else if (fp_is_zero(bits, a)) {
        r = sign | fp_exp_mask(bits);
        fl |= FPSR_DZC;
    } else if ((a & ~sign) < (fp_min_normal(bits) >> 2)) {
        /* |a| < 2^-(bias+1): the reciprocal overflows */
        FPRounding rnd = fp_rounding(fpcr, FPROUND_FPCR);
        bool to_inf = rnd == FPROUND_TIEEVEN ||
                      (rnd == FPROUND_POSINF && !sign) ||
                      (rnd == FPROUND_NEGINF && sign);
        r = sign | (to_inf ? fp_exp_mask(bits) : fp_exp_mask(bits) - 1);
        fl |= FPSR_OFC | FPSR_IXC;
    } else if ((fpcr & FPCR_FZ) &&
               (a & ~sign) >= ((uint64_t)(2 * bias - 1) << mb)) {
        /* |a| >= 2^(bias-1): the reciprocal would be denormal */
        r = sign;
        fl |= FPSR_UFC;
    } else {
        frac = frac52(bits, a, &exp);
        if (exp == 0) {
            if (!(frac >> 51 & 1)) {
                exp = -1;
                frac = (frac << 2) & ((1ull << 52) - 1);
            } else {
                frac = (frac << 1) & ((1ull << 52) - 1);
            }
        }
        rexp = 2 * bias - 1 - exp;
        frac = (uint64_t)(recip_estimate(256 | (unsigned)(frac >> 44)) & 0xff)
               << 44;
        if (rexp == 0) {
            frac = (1ull << 51) | (frac >> 1);
        } else if (rexp == -1) {
            frac = (1ull << 50) | (frac >> 2);
            rexp = 0;
        }
        r = sign | ((uint64_t)rexp << mb) | (frac >> (52 - mb));
    }
    env->fpsr |= fl;
    return r;
}

uint64_t fp_rsqrte(CPUARMState *env, unsigned bits, uint64_t a)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0, mb = fp_mbits(bits), scaled;
    uint64_t sign, r, frac;
    int exp, rexp, bias = bits == 32 ? 127 : 1023;

    a = fp_flush_input(fpcr, bits, a & fp_mask(bits), &fl);
    sign = a & fp_sign_bit(bits);
    if (fp_is_nan(bits, a)) {
        r = fp_process_nan(fpcr, bits, a, &fl);
    } else if (fp_is_zero(bits, a)) {
        r = sign | fp_exp_mask(bits);
        fl |= FPSR_DZC;
    } else if (sign) {
        r = fp_default_nan(bits);
        fl |= FPSR_IOC;
    } else if (fp_is_inf(bits, a)) {
        r = 0;
    } else {
        frac = frac52(bits, a, &exp);
        if (exp == 0) {
            while (!(frac >> 51 & 1)) {
                frac = (frac << 1) & ((1ull << 52) - 1);
                exp--;
            }
            frac = (frac << 1) & ((1ull << 52) - 1);
        }
        if (!(exp & 1)) {
            scaled = 256 | (unsigned)(frac >> 44);
        } else {
            scaled = 128 | (unsigned)(frac >> 45);
        }
        /* (3 * bias - 1 - exp) / 2, with floor division */
        rexp = (3 * bias - 1 - exp) / 2;
        r = ((uint64_t)rexp << mb) |
            ((uint64_t)(recip_sqrt_estimate(scaled) & 0xff) << (mb - 8));
    }
    env->fpsr |= fl;
    return r;
}

uint64_t fp_recpx(CPUARMState *env, unsigned bits, uint64_t a)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    uint64_t r, expf = fp_exp_mask(bits);

    a &= fp_mask(bits);
    if (fp_is_nan(bits, a)) {
        r = fp_process_nan(fpcr, bits, fp_flush_input(fpcr, bits, a, &fl), &fl);
    } else {
        fp_flush_input(fpcr, bits, a, &fl);
        if ((a & expf) == 0) {
            r = (a & fp_sign_bit(bits)) | (expf - fp_min_normal(bits));
        } else {
            r = (a & fp_sign_bit(bits)) | (~a & expf);
        }
    }
    env->fpsr |= fl;
    return r;
}

/* UnsignedRecipEstimate / UnsignedRSqrtEstimate on a 32-bit fixed-point
 * fraction: all ones when the operand is below 0.5 (0.25). */
uint32_t fp_urecpe(uint32_t a)
{
    if (!(a & 0x80000000u)) {
        return 0xffffffffu;
    }
    return (recip_estimate(a >> 23 & 0x1ff) & 0x1ff) << 23;
}

uint32_t fp_ursqrte(uint32_t a)
{
    if (!(a & 0xc0000000u)) {
        return 0xffffffffu;
    }
    return (recip_sqrt_estimate(a >> 23 & 0x1ff) & 0x1ff) << 23;
}
