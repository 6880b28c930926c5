// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * a64-imm.c: A64 immediate expansions (bitmask, FP imm8, AdvSIMD imm8).
 *
 * Called by the data-processing-immediate, FP and SIMD handlers at
 * translation time; the results become IR constants.  Exhaustively checked
 * against brute-force references in tests/unit/test-a64-imm.c.
 */
#include "a64-imm.h"

/* Replicate the low @esize bits of @v across 64 bits. */
static uint64_t replicate(uint64_t v, unsigned esize)
{
    while (esize < 64) {
        v |= v << esize;
        esize *= 2;
    }
    return v;
}

static uint64_t ones(unsigned count)
{
    return count >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << count) - 1;
}

bool a64_decode_bitmask(unsigned n, unsigned immr, unsigned imms, bool is64,
                        uint64_t *out)
{
    unsigned len, esize, levels, s, r;
    uint64_t welem;

    if (n && !is64)
        return false;
    /* len = HighestSetBit(N:NOT(imms)): N = 1 means 64-bit elements. */
    if (n) {
        len = 6;
    } else {
        unsigned inv = ~imms & 0x3f;

        if (inv == 0 || inv == 1)
            return false;           /* imms = 11111x: no element size */
        len = 31 - __builtin_clz(inv);
    }
    esize = 1u << len;
    levels = esize - 1;
    s = imms & levels;
    r = immr & levels;
    if (s == levels)
        return false;               /* all ones: not a bitmask immediate */

    /* ROR(Ones(S + 1), R) within the element, then replicate. */
    welem = ones(s + 1);
    if (r)
        welem = ((welem >> r) | (welem << (esize - r))) & ones(esize);
    *out = replicate(welem, esize);
    if (!is64)
        *out &= 0xffffffffu;
    return true;
}

uint64_t a64_vfp_expand_imm(unsigned imm8, unsigned bits)
{
    /* exponent width E, fraction width F of the target format */
    unsigned e = bits == 16 ? 5 : bits == 32 ? 8 : 11;
    unsigned f = bits - e - 1;
    uint64_t sign = (imm8 >> 7) & 1;
    uint64_t b = (imm8 >> 6) & 1;
    uint64_t exp, frac;

    /* exp = NOT(b) : Replicate(b, E - 3) : imm8<5:4> */
    exp = ((b ^ 1) << (e - 1)) | ((b ? ones(e - 3) : 0) << 2)
          | ((imm8 >> 4) & 3);
    frac = (uint64_t)(imm8 & 0xf) << (f - 4);
    return (sign << (bits - 1)) | (exp << f) | frac;
}

uint64_t a64_simd_expand_imm(unsigned op, unsigned cmode, unsigned imm8)
{
    uint64_t imm = imm8 & 0xff;

    switch ((cmode >> 1) & 7) {
    case 0: return replicate(imm, 32);
    case 1: return replicate(imm << 8, 32);
    case 2: return replicate(imm << 16, 32);
    case 3: return replicate(imm << 24, 32);
    case 4: return replicate(imm, 16);
    case 5: return replicate(imm << 8, 16);
    case 6:
        /* "shifting ones": the bits below imm8 are ones */
        if (cmode & 1)
            return replicate((imm << 16) | 0xffff, 32);
        return replicate((imm << 8) | 0xff, 32);
    default:
        break;
    }
    if (!(cmode & 1)) {
        uint64_t v = 0;

        if (!op)
            return replicate(imm, 8);
        /* each bit of imm8 becomes a byte of all ones or zeros */
        for (int i = 0; i < 8; i++)
            if (imm & (1u << i))
                v |= UINT64_C(0xff) << (8 * i);
        return v;
    }
    if (!op)
        return replicate(a64_vfp_expand_imm(imm8, 32), 32);
    return a64_vfp_expand_imm(imm8, 64);
}

A64ModImmOp a64_simd_modimm_op(unsigned op, unsigned cmode)
{
    if (cmode == 0xf)
        return A64_MODIMM_FMOV;
    if (cmode == 0xe)
        return A64_MODIMM_MOVI;         /* op = 1: the 64-bit byte mask */
    if ((cmode & 0xe) == 0xc)
        return op ? A64_MODIMM_MVNI : A64_MODIMM_MOVI;  /* shifting ones */
    if (cmode & 1)
        return op ? A64_MODIMM_BIC : A64_MODIMM_ORR;
    return op ? A64_MODIMM_MVNI : A64_MODIMM_MOVI;
}
