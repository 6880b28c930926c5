// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-fp.c: Arm floating-point arithmetic on the host FPU, and the
 * scalar FP helpers of helpers.def (trans-fp.c calls them).
 *
 * The host (SSE on x86-64) computes IEEE 754 results in the four IEEE
 * rounding modes and raises the same five exceptions, so each operation is
 * "set the host rounding mode, compute, read the host flags". What Arm
 * does differently is applied around that, following the ARM ARM
 * pseudocode (FPUnpack, FPProcessNaNs, FPRoundBase):
 *   - NaN operands never reach the host: the first signalling NaN (quieted,
 *     Invalid), else the first quiet NaN is the result; FPCR.DN replaces it
 *     with the default NaN. A NaN made by an invalid operation is the Arm
 *     default NaN 0x7fc00000 (x86 makes a negative one).
 *   - FPCR.FZ flushes denormal inputs to zero (IDC) and results whose exact
 *     value is below the smallest normal to zero (UFC, no IXC).
 *   - Underflow is detected before rounding (x86 detects it after): a
 *     result rounded up to the smallest normal is recomputed rounded towards
 *     zero to see whether the exact value was tiny.
 *   - Conversions to integers saturate (Invalid) and NaN converts to 0.
 * Half precision appears only in conversions, done in software here. The
 * estimates (FRECPE, FRSQRTE) are integer algorithms: helper-fp-est.c.
 */
#include "helpers.h"
#include "helper-fp.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#else
#include <fenv.h>
#endif

/* -- Host values -------------------------------------------------------- */

static double f64_of(uint64_t v)
{
    double d;
    memcpy(&d, &v, sizeof(d));
    return d;
}
static uint64_t f64_bits(double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof(v));
    return v;
}
static float f32_of(uint64_t v)
{
    uint32_t u = (uint32_t)v;
    float f;
    memcpy(&f, &u, sizeof(f));
    return f;
}
static uint64_t f32_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof(u));
    return u;
}
/* The (exact) value of a single or double as a host double. */
static double to_double(unsigned bits, uint64_t v)
{
    return bits == 32 ? (double)f32_of(v) : f64_of(v);
}
/* A double that is exactly representable in @bits back to its pattern. */
static uint64_t from_double(unsigned bits, double d)
{
    return bits == 32 ? f32_bits((float)d) : f64_bits(d);
}

/* -- FPCR and the NaN rules --------------------------------------------- */

FPRounding fp_rounding(uint32_t fpcr, FPRounding rnd)
{
    return rnd == FPROUND_FPCR ? (FPRounding)((fpcr >> FPCR_RMODE_SHIFT) & 3)
                               : rnd;
}

/* FPUnpack's flush of a denormal single/double input when FPCR.FZ. */
uint64_t fp_flush_input(uint32_t fpcr, unsigned bits, uint64_t v,
                         unsigned *fl)
{
    if ((fpcr & FPCR_FZ) && bits != 16 && fp_is_denormal(bits, v)) {
        *fl |= FPSR_IDC;
        return v & fp_sign_bit(bits);
    }
    return v;
}

/* FPProcessNaN: the NaN @v quieted (Invalid if it was signalling). */
uint64_t fp_process_nan(uint32_t fpcr, unsigned bits, uint64_t v,
                            unsigned *fl)
{
    if (fp_is_snan(bits, v)) {
        *fl |= FPSR_IOC;
    }
    return (fpcr & FPCR_DN) ? fp_default_nan(bits) : v | fp_quiet_bit(bits);
}

/* FPProcessNaNs/FPProcessNaNs3: if any of the @n operands is a NaN, set
 * *res to the result (signalling NaNs first, each group in operand order). */
static bool process_nans(uint32_t fpcr, unsigned bits, const uint64_t *ops,
                         int n, uint64_t *res, unsigned *fl)
{
    for (int i = 0; i < n; i++) {
        if (fp_is_snan(bits, ops[i])) {
            *res = fp_process_nan(fpcr, bits, ops[i], fl);
            return true;
        }
    }
    for (int i = 0; i < n; i++) {
        if (fp_is_nan(bits, ops[i])) {
            *res = fp_process_nan(fpcr, bits, ops[i], fl);
            return true;
        }
    }
    return false;
}

/* FPConvertNaN: same sign, quiet, the most significant fraction bits. */
static uint64_t convert_nan(unsigned from, unsigned to, uint64_t v)
{
    uint64_t frac = v & fp_frac_mask(from);
    unsigned mf = fp_mbits(from), mt = fp_mbits(to);

    frac = mt > mf ? frac << (mt - mf) : frac >> (mf - mt);
    return ((v & fp_sign_bit(from)) ? fp_sign_bit(to) : 0) | fp_exp_mask(to) |
           fp_quiet_bit(to) | frac;
}

/* -- The host FPU ------------------------------------------------------- */

/*
 * host_begin/host_end bracket one host computation: the host rounding mode
 * is set to @rnd (not TIEAWAY) with all exceptions masked and cleared, and
 * host_end returns the exceptions raised as FPSR bits and restores the
 * emulator's own FP state.
 */
#if defined(__x86_64__) || defined(__i386__)
static unsigned host_begin(FPRounding rnd)
{
    static const unsigned rc[4] = { 0x0000, 0x4000, 0x2000, 0x6000 };
    unsigned old = _mm_getcsr();

    _mm_setcsr(0x1f80 | rc[rnd]);   /* masks set, DAZ/FTZ clear */
    return old;
}

static unsigned host_end(unsigned old)
{
    unsigned csr = _mm_getcsr();

    _mm_setcsr(old);
    return ((csr & 0x01) ? FPSR_IOC : 0) | ((csr & 0x04) ? FPSR_DZC : 0) |
           ((csr & 0x08) ? FPSR_OFC : 0) | ((csr & 0x10) ? FPSR_UFC : 0) |
           ((csr & 0x20) ? FPSR_IXC : 0);
}
#else
static unsigned host_begin(FPRounding rnd)
{
    static const int rm[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD,
                               FE_TOWARDZERO };
    unsigned old = (unsigned)fegetround();

    fesetround(rm[rnd]);
    feclearexcept(FE_ALL_EXCEPT);
    return old;
}

static unsigned host_end(unsigned old)
{
    int ex = fetestexcept(FE_ALL_EXCEPT);

    fesetround((int)old);
    feclearexcept(FE_ALL_EXCEPT);
    return ((ex & FE_INVALID) ? FPSR_IOC : 0) |
           ((ex & FE_DIVBYZERO) ? FPSR_DZC : 0) |
           ((ex & FE_OVERFLOW) ? FPSR_OFC : 0) |
           ((ex & FE_UNDERFLOW) ? FPSR_UFC : 0) |
           ((ex & FE_INEXACT) ? FPSR_IXC : 0);
}
#endif

/* Keep the compiler from moving FP arithmetic across host_begin/end. */
#define OPAQUE(x) __asm__ volatile("" : "+m"(x))

/* Internal op: FCVT double to single. */
#define FP_CVT_DS ((int)FP_MULADD + 1)

/* One host computation of @op on non-NaN operands; *hf gets its flags. */
static uint64_t host_arith(int op, unsigned bits, const uint64_t *ops,
                           FPRounding rnd, unsigned *hf)
{
    unsigned csr = host_begin(rnd);
    uint64_t r;

    if (bits == 32) {
        float x = f32_of(ops[0]), y = f32_of(ops[1]), z = f32_of(ops[2]);
        float res;
        OPAQUE(x); OPAQUE(y); OPAQUE(z);
        switch (op) {
        case FP_ADD:    res = x + y; break;
        case FP_SUB:    res = x - y; break;
        case FP_MUL:    res = x * y; break;
        case FP_DIV:    res = x / y; break;
        case FP_SQRT:   res = __builtin_sqrtf(x); break;
        default:        res = fmaf(y, z, x); break;     /* FP_MULADD */
        }
        OPAQUE(res);
        r = f32_bits(res);
    } else {
        double x = f64_of(ops[0]), y = f64_of(ops[1]), z = f64_of(ops[2]);
        double res;
        OPAQUE(x); OPAQUE(y); OPAQUE(z);
        switch (op) {
        case FP_ADD:    res = x + y; break;
        case FP_SUB:    res = x - y; break;
        case FP_MUL:    res = x * y; break;
        case FP_DIV:    res = x / y; break;
        case FP_SQRT:   res = __builtin_sqrt(x); break;
        case FP_CVT_DS: {
            float f = (float)x;
            OPAQUE(f);
            *hf |= host_end(csr);
            return f32_bits(f);
        }
        default:        res = fma(y, z, x); break;      /* FP_MULADD */
        }
        OPAQUE(res);
        r = f64_bits(res);
    }
    *hf |= host_end(csr);
    return r;
}

/*
 * FPRoundBase's rules on a host result @r (@obits wide) of a computation
 * whose operands were not NaNs, with host flags @hf; ORs the Arm flags into
 * *fl and returns the Arm result.
 */
static uint64_t round_fixup(uint32_t fpcr, int op, unsigned bits,
                            unsigned obits, const uint64_t *ops,
                            FPRounding rnd, uint64_t r, unsigned hf,
                            unsigned *fl)
{
    uint64_t mag = r & ~fp_sign_bit(obits), min = fp_min_normal(obits);
    bool tiny = false;

    if (fp_is_nan(obits, r)) {
        *fl |= hf;
        return fp_default_nan(obits);
    }
    if ((hf & FPSR_IXC) && mag <= min) {
        if (mag < min) {
            tiny = true;
        } else {
            unsigned hz = 0;
            uint64_t rz = host_arith(op, bits, ops, FPROUND_ZERO, &hz);
            tiny = (rz & ~fp_sign_bit(obits)) < min;
        }
    }
    if ((fpcr & FPCR_FZ) && (tiny || (mag != 0 && mag < min))) {
        *fl |= FPSR_UFC;
        return r & fp_sign_bit(obits);
    }
    hf &= ~FPSR_UFC;
    *fl |= hf | (tiny ? FPSR_UFC : 0);
    return r;
}

/* Host computation with the Arm rounding rules (operands not NaN). */
static uint64_t arith_core(uint32_t fpcr, int op, unsigned bits,
                           unsigned obits, const uint64_t *ops, unsigned *fl)
{
    FPRounding rnd = fp_rounding(fpcr, FPROUND_FPCR);
    unsigned hf = 0;
    uint64_t r = host_arith(op, bits, ops, rnd, &hf);

    return round_fixup(fpcr, op, bits, obits, ops, rnd, r, hf, fl);
}

/* -- Arithmetic --------------------------------------------------------- */

uint64_t fp_arith(CPUARMState *env, FPArith op, unsigned bits, uint64_t a,
                  uint64_t b, uint64_t c)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0, n = op == FP_SQRT ? 1 : op == FP_MULADD ? 3 : 2;
    uint64_t ops[3] = { a & fp_mask(bits), b & fp_mask(bits),
                        c & fp_mask(bits) };
    uint64_t r;

    for (unsigned i = 0; i < n; i++) {
        ops[i] = fp_flush_input(fpcr, bits, ops[i], &fl);
    }
    if (process_nans(fpcr, bits, ops, n, &r, &fl)) {
        /* FPMulAdd: a quiet NaN addend does not hide inf * 0. */
        if (op == FP_MULADD && fp_is_qnan(bits, ops[0]) &&
            ((fp_is_inf(bits, ops[1]) && fp_is_zero(bits, ops[2])) ||
             (fp_is_zero(bits, ops[1]) && fp_is_inf(bits, ops[2])))) {
            r = fp_default_nan(bits);
            fl |= FPSR_IOC;
        }
    } else {
        r = arith_core(fpcr, op, bits, bits, ops, &fl);
    }
    env->fpsr |= fl;
    return r;
}

/* +-2.0, +-1.5 */
static uint64_t fp_const(unsigned bits, bool neg, double v)
{
    return from_double(bits, v) | (neg ? fp_sign_bit(bits) : 0);
}

/* Unpack two operands (masked, flushed) and process their NaNs. */
static bool unpack2(uint32_t fpcr, unsigned bits, uint64_t *ops, uint64_t a,
                    uint64_t b, uint64_t *res, unsigned *fl)
{
    ops[0] = fp_flush_input(fpcr, bits, a & fp_mask(bits), fl);
    ops[1] = fp_flush_input(fpcr, bits, b & fp_mask(bits), fl);
    ops[2] = 0;
    return process_nans(fpcr, bits, ops, 2, res, fl);
}

static bool inf_times_zero(unsigned bits, const uint64_t *ops)
{
    return (fp_is_inf(bits, ops[0]) && fp_is_zero(bits, ops[1])) ||
           (fp_is_zero(bits, ops[0]) && fp_is_inf(bits, ops[1]));
}

uint64_t fp_mulx(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    uint64_t ops[3], r;

    if (!unpack2(fpcr, bits, ops, a, b, &r, &fl)) {
        if (inf_times_zero(bits, ops)) {
            r = fp_const(bits, (ops[0] ^ ops[1]) & fp_sign_bit(bits), 2.0);
        } else {
            r = arith_core(fpcr, FP_MUL, bits, bits, ops, &fl);
        }
    }
    env->fpsr |= fl;
    return r;
}

/* FPRecipStepFused / FPRSqrtStepFused: op1 is negated first (a NaN
 * result keeps that sign), then k + op1 * op2 (halved for rsqrts). */
static uint64_t step_fused(CPUARMState *env, unsigned bits, uint64_t a,
                           uint64_t b, bool rsqrt)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    uint64_t ops[3], r;

    a ^= fp_sign_bit(bits);
    if (unpack2(fpcr, bits, ops, a, b, &r, &fl)) {
        goto done;
    }
    if (inf_times_zero(bits, ops)) {
        r = fp_const(bits, false, rsqrt ? 1.5 : 2.0);
        goto done;
    }
    if (!rsqrt) {
        uint64_t m[3] = { fp_const(bits, false, 2.0), ops[0], ops[1] };
        r = arith_core(fpcr, FP_MULADD, bits, bits, m, &fl);
    } else {
        /* (3 + x*y)/2 = 1.5 + (x/2)*y: halve an operand whose halving is
         * exact, so that only the fused operation rounds. */
        uint64_t m[3] = { fp_const(bits, false, 1.5), ops[0], ops[1] };
        uint64_t expf = fp_exp_mask(bits), one = fp_min_normal(bits);
        if ((ops[1] & expf) > one && !fp_is_inf(bits, ops[1])) {
            m[2] -= one;
        } else if ((ops[0] & expf) > one && !fp_is_inf(bits, ops[0])) {
            m[1] -= one;
        } else if (fp_is_zero(bits, ops[0]) || fp_is_zero(bits, ops[1]) ||
                   fp_is_inf(bits, ops[0]) || fp_is_inf(bits, ops[1])) {
            /* 0 or inf times anything: halving changes nothing */
        } else {
            /* both tiny: the product cannot overflow, and 3 + x*y is
             * normal, so halving after rounding is exact */
            uint64_t m3[3] = { fp_const(bits, false, 3.0), ops[0], ops[1] };
            r = arith_core(fpcr, FP_MULADD, bits, bits, m3, &fl);
            r -= one;
            goto done;
        }
        r = arith_core(fpcr, FP_MULADD, bits, bits, m, &fl);
    }
done:
    env->fpsr |= fl;
    return r;
}

uint64_t fp_recps(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b)
{
    return step_fused(env, bits, a, b, false);
}

uint64_t fp_rsqrts(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b)
{
    return step_fused(env, bits, a, b, true);
}

uint64_t fp_minmax(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b,
                   bool is_max, bool nm)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    uint64_t ops[3], r;

    ops[0] = fp_flush_input(fpcr, bits, a & fp_mask(bits), &fl);
    ops[1] = fp_flush_input(fpcr, bits, b & fp_mask(bits), &fl);
    if (nm) {
        /* FPMaxNum/FPMinNum: a lone quiet NaN becomes the infinity that
         * loses, so the other operand wins. */
        uint64_t loser = fp_exp_mask(bits) | (is_max ? fp_sign_bit(bits) : 0);
        bool q0 = fp_is_qnan(bits, ops[0]), q1 = fp_is_qnan(bits, ops[1]);
        if (q0 && !q1) {
            ops[0] = loser;
        } else if (q1 && !q0) {
            ops[1] = loser;
        }
    }
    if (!process_nans(fpcr, bits, ops, 2, &r, &fl)) {
        double x = to_double(bits, ops[0]), y = to_double(bits, ops[1]);
        if (x == y) {
            /* equal, or zeros of either sign: max(+0,-0) = +0 */
            r = is_max ? (ops[0] & ops[1]) : (ops[0] | ops[1]);
        } else {
            r = ((x > y) == is_max) ? ops[0] : ops[1];
        }
    }
    env->fpsr |= fl;
    return r;
}

FPRelation fp_compare(CPUARMState *env, unsigned bits, uint64_t a, uint64_t b,
                      bool signal_nans)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    FPRelation rel;

    a = fp_flush_input(fpcr, bits, a & fp_mask(bits), &fl);
    b = fp_flush_input(fpcr, bits, b & fp_mask(bits), &fl);
    if (fp_is_nan(bits, a) || fp_is_nan(bits, b)) {
        if (signal_nans || fp_is_snan(bits, a) || fp_is_snan(bits, b)) {
            fl |= FPSR_IOC;
        }
        rel = FPREL_UNORDERED;
    } else {
        double x = to_double(bits, a), y = to_double(bits, b);
        rel = x == y ? FPREL_EQUAL : x < y ? FPREL_LESS : FPREL_GREATER;
    }
    env->fpsr |= fl;
    return rel;
}

/* -- Rounding to integers ----------------------------------------------- */

/* The integral value nearest @x in direction @rnd (exact host arithmetic:
 * floor() and the subtraction below never round). */
static double round_integral(double x, FPRounding rnd)
{
    double f, d, r;

    if (!(fabs(x) < 4503599627370496.0)) {     /* 2^52: already integral */
        return x;
    }
    f = floor(x);
    d = x - f;
    switch (rnd) {
    case FPROUND_TIEEVEN:
        r = (d > 0.5 || (d == 0.5 && fmod(f, 2.0) != 0.0)) ? f + 1 : f;
        break;
    case FPROUND_POSINF:
        r = d > 0 ? f + 1 : f;
        break;
    case FPROUND_NEGINF:
        r = f;
        break;
    case FPROUND_ZERO:
        r = (x < 0 && d > 0) ? f + 1 : f;
        break;
    case FPROUND_TIEAWAY:
    default:
        r = (d > 0.5 || (d == 0.5 && x > 0)) ? f + 1 : f;
        break;
    }
    return r == 0 ? copysign(0.0, x) : r;
}

uint64_t fp_to_fixed(CPUARMState *env, unsigned bits, uint64_t a,
                     unsigned fbits, FPRounding rnd, bool is_unsigned,
                     unsigned ibits)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    double x, r, hi, lo;
    uint64_t res;

    a = fp_flush_input(fpcr, bits, a & fp_mask(bits), &fl);
    if (fp_is_nan(bits, a)) {
        env->fpsr |= fl | FPSR_IOC;
        return 0;
    }
    x = ldexp(to_double(bits, a), (int)fbits);
    r = round_integral(x, fp_rounding(fpcr, rnd));
    hi = ldexp(1.0, (int)(is_unsigned ? ibits : ibits - 1));
    lo = is_unsigned ? 0.0 : -hi;
    if (r >= hi) {
        res = is_unsigned ? fp_mask(ibits) : fp_mask(ibits) >> 1;
        fl |= FPSR_IOC;
    } else if (r < lo) {
        res = is_unsigned ? 0 : 1ull << (ibits - 1);
        fl |= FPSR_IOC;
    } else {
        res = is_unsigned ? (uint64_t)r : (uint64_t)(int64_t)r;
        res &= fp_mask(ibits);
        if (r != x) {
            fl |= FPSR_IXC;
        }
    }
    env->fpsr |= fl;
    return res;
}

uint64_t fp_from_fixed(CPUARMState *env, unsigned bits, uint64_t v,
                       unsigned fbits, bool is_unsigned, unsigned ibits)
{
    FPRounding rnd = fp_rounding(env->fpcr, FPROUND_FPCR);
    unsigned csr, fl;
    uint64_t r;

    if (ibits == 32) {
        v = is_unsigned ? (uint32_t)v : (uint64_t)(int64_t)(int32_t)v;
    }
    csr = host_begin(rnd);
    if (bits == 32) {
        float f = is_unsigned ? (float)v : (float)(int64_t)v;
        OPAQUE(f);
        fl = host_end(csr);
        r = f32_bits(ldexpf(f, -(int)fbits));   /* exact: stays normal */
    } else {
        double d = is_unsigned ? (double)v : (double)(int64_t)v;
        OPAQUE(d);
        fl = host_end(csr);
        r = f64_bits(ldexp(d, -(int)fbits));
    }
    env->fpsr |= fl;
    return r;
}

uint64_t fp_round_int(CPUARMState *env, unsigned bits, uint64_t a,
                      FPRounding rnd, bool exact)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0;
    uint64_t r;

    a = fp_flush_input(fpcr, bits, a & fp_mask(bits), &fl);
    if (fp_is_nan(bits, a)) {
        r = fp_process_nan(fpcr, bits, a, &fl);
    } else if (fp_is_inf(bits, a) || fp_is_zero(bits, a)) {
        r = a;
    } else {
        double x = to_double(bits, a);
        double y = round_integral(x, fp_rounding(fpcr, rnd));
        r = from_double(bits, y);
        if (exact && y != x) {
            fl |= FPSR_IXC;
        }
    }
    env->fpsr |= fl;
    return r;
}

/* -- Conversions between precisions ------------------------------------- */

/* Half (IEEE, or Arm's alternative format without inf/NaN) to double. */
static double half_value(uint64_t h)
{
    int exp = (int)(h >> 10) & 0x1f;
    double mant = (double)(h & 0x3ff);
    double v = exp ? ldexp(mant + 1024.0, exp - 25) : ldexp(mant, -24);

    return (h & 0x8000) ? -v : v;
}

/*
 * FPRoundCV to half of the finite non-zero magnitude @mag (a double holds
 * any single or double exactly): software rounding, as the host has no
 * half arithmetic. FZ16 does not apply to conversions.
 */
static uint64_t round_to_half(uint32_t fpcr, bool neg, double mag,
                              FPRounding rnd, unsigned *fl)
{
    bool ahp = fpcr & FPCR_AHP, tiny, up;
    uint64_t sign = neg ? 0x8000 : 0, m;
    double scaled, ip, fr;
    int e;

    frexp(mag, &e);
    e -= 1;                                 /* 2^e <= mag < 2^(e+1) */
    tiny = e < -14;
    if (tiny) {
        e = -14;
    }
    scaled = ldexp(mag, 10 - e);            /* < 2048, exact */
    ip = floor(scaled);
    fr = scaled - ip;
    m = (uint64_t)ip;
    switch (rnd) {
    case FPROUND_TIEEVEN: up = fr > 0.5 || (fr == 0.5 && (m & 1)); break;
    case FPROUND_POSINF:  up = fr > 0 && !neg; break;
    case FPROUND_NEGINF:  up = fr > 0 && neg; break;
    case FPROUND_ZERO:    up = false; break;
    default:              up = fr >= 0.5; break;    /* TIEAWAY */
    }
    if (up && ++m == 2048) {
        m = 1024;
        e++;
    }
    if (e > (ahp ? 16 : 15)) {
        if (ahp) {
            *fl |= FPSR_IOC;
            return sign | 0x7fff;
        }
        *fl |= FPSR_OFC | FPSR_IXC;
        up = rnd == FPROUND_TIEEVEN || rnd == FPROUND_TIEAWAY ||
             (rnd == FPROUND_POSINF && !neg) || (rnd == FPROUND_NEGINF && neg);
        return sign | (up ? 0x7c00 : 0x7bff);
    }
    if (fr != 0) {
        *fl |= FPSR_IXC | (tiny ? FPSR_UFC : 0);
    }
    return sign | (m >= 1024 ? (uint64_t)(e + 15) << 10 : 0) | (m & 0x3ff);
}

uint64_t fp_convert(CPUARMState *env, unsigned from, unsigned to, uint64_t a)
{
    uint32_t fpcr = env->fpcr;
    bool ahp_in = from == 16 && (fpcr & FPCR_AHP);
    bool ahp_out = to == 16 && (fpcr & FPCR_AHP);
    unsigned fl = 0;
    uint64_t r, sign;

    a = fp_flush_input(fpcr, from, a & fp_mask(from), &fl);
    sign = (a & fp_sign_bit(from)) ? fp_sign_bit(to) : 0;
    if (!ahp_in && fp_is_nan(from, a)) {
        if (fp_is_snan(from, a)) {
            fl |= FPSR_IOC;
        }
        if (ahp_out) {
            r = sign;
            fl |= FPSR_IOC;
        } else {
            r = (fpcr & FPCR_DN) ? fp_default_nan(to) : convert_nan(from, to, a);
        }
    } else if (!ahp_in && fp_is_inf(from, a)) {
        if (ahp_out) {
            r = sign | 0x7fff;
            fl |= FPSR_IOC;
        } else {
            r = sign | fp_exp_mask(to);
        }
    } else if (fp_is_zero(from, a)) {
        r = sign;
    } else if (to == 16) {
        r = round_to_half(fpcr, sign != 0, fabs(to_double(from, a)),
                          fp_rounding(fpcr, FPROUND_FPCR), &fl);
    } else if (from == 16) {
        r = from_double(to, half_value(a));
    } else if (to == 64) {
        r = f64_bits((double)f32_of(a));
    } else {
        uint64_t ops[3] = { a, 0, 0 };
        r = arith_core(fpcr, FP_CVT_DS, 64, 32, ops, &fl);
    }
    env->fpsr |= fl;
    return r;
}

uint64_t fp_convert_round_odd(CPUARMState *env, uint64_t a)
{
    uint32_t fpcr = env->fpcr;
    unsigned fl = 0, hf = 0;
    uint64_t ops[3] = { 0, 0, 0 }, r;

    a = fp_flush_input(fpcr, 64, a, &fl);
    ops[0] = a;
    if (fp_is_nan(64, a)) {
        if (fp_is_snan(64, a)) {
            fl |= FPSR_IOC;
        }
        r = (fpcr & FPCR_DN) ? fp_default_nan(32) : convert_nan(64, 32, a);
    } else if (fp_is_inf(64, a) || fp_is_zero(64, a)) {
        r = fp_convert(env, 64, 32, a);
    } else {
        r = host_arith(FP_CVT_DS, 64, ops, FPROUND_ZERO, &hf);
        r = round_fixup(fpcr, FP_CVT_DS, 64, 32, ops, FPROUND_ZERO, r, hf,
                        &fl);
        if (fl & FPSR_IXC) {            /* inexact and not flushed */
            r |= 1;
        }
    }
    env->fpsr |= fl;
    return r;
}

/* -- Scalar helpers (helpers.def) --------------------------------------- */

#define FP_BINARY_HELPER(name, expr)                                       \
    uint64_t helper_fp_##name(CPUARMState *env, uint64_t a, uint64_t b,    \
                              uint32_t bits)                               \
    {                                                                      \
        return expr;                                                       \
    }

FP_BINARY_HELPER(add,   fp_arith(env, FP_ADD, bits, a, b, 0))
FP_BINARY_HELPER(sub,   fp_arith(env, FP_SUB, bits, a, b, 0))
FP_BINARY_HELPER(mul,   fp_arith(env, FP_MUL, bits, a, b, 0))
FP_BINARY_HELPER(div,   fp_arith(env, FP_DIV, bits, a, b, 0))
FP_BINARY_HELPER(max,   fp_minmax(env, bits, a, b, true, false))
FP_BINARY_HELPER(min,   fp_minmax(env, bits, a, b, false, false))
FP_BINARY_HELPER(maxnm, fp_minmax(env, bits, a, b, true, true))
FP_BINARY_HELPER(minnm, fp_minmax(env, bits, a, b, false, true))

uint64_t helper_fp_sqrt(CPUARMState *env, uint64_t a, uint32_t bits)
{
    return fp_arith(env, FP_SQRT, bits, a, 0, 0);
}

uint64_t helper_fp_muladd(CPUARMState *env, uint64_t a, uint64_t n,
                          uint64_t m, uint32_t bits)
{
    return fp_arith(env, FP_MULADD, bits, a, n, m);
}

uint64_t helper_fp_compare(CPUARMState *env, uint64_t a, uint64_t b,
                           uint32_t desc)
{
    /* ARM ARM FPCompare -> NZCV: less 1000, equal 0110, greater 0010,
     * unordered 0011; returned in PSTATE position (bits 31:28). */
    static const uint32_t nzcv[4] = { 0x8, 0x6, 0x2, 0x3 };

    return (uint64_t)nzcv[fp_compare(env, FP_DESC_BITS(desc), a, b,
                                     FP_DESC_SIGNAL(desc))] << 28;
}

uint64_t helper_fp_to_int(CPUARMState *env, uint64_t a, uint32_t desc)
{
    return fp_to_fixed(env, FP_DESC_BITS(desc), a, FP_DESC_FBITS(desc),
                       (FPRounding)FP_DESC_RND(desc), FP_DESC_UNSIGNED(desc),
                       FP_DESC_IBITS(desc));
}

uint64_t helper_fp_from_int(CPUARMState *env, uint64_t v, uint32_t desc)
{
    return fp_from_fixed(env, FP_DESC_BITS(desc), v, FP_DESC_FBITS(desc),
                         FP_DESC_UNSIGNED(desc), FP_DESC_IBITS(desc));
}

uint64_t helper_fp_round_int(CPUARMState *env, uint64_t a, uint32_t desc)
{
    return fp_round_int(env, FP_DESC_BITS(desc), a,
                        (FPRounding)FP_DESC_RND(desc), FP_DESC_EXACT(desc));
}

uint64_t helper_fp_convert(CPUARMState *env, uint64_t a, uint32_t from,
                           uint32_t to)
{
    return fp_convert(env, from, to, a);
}
