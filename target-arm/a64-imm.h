// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * a64-imm.h: A64 immediate expansions shared by the translator and tests.
 *
 * Pure functions named after the ARM ARM pseudocode they implement
 * (shared/functions: DecodeBitMasks, VFPExpandImm, AdvSIMDExpandImm).
 * They never fail on a field value; they report reserved encodings so the
 * handler can return false (SIGILL).
 */
#ifndef TARGET_ARM_A64_IMM_H
#define TARGET_ARM_A64_IMM_H

#include <stdbool.h>
#include <stdint.h>

/*
 * a64_decode_bitmask: the logical-immediate value of @n:@immr:@imms
 * (DecodeBitMasks with immediate = TRUE) for a 64-bit (@is64) or 32-bit
 * operation, zero-extended into *@out.  Returns false for the reserved
 * encodings: an element of all ones (S + 1 == esize), no element size
 * (N = 0 and imms = 11111x), and N = 1 for a 32-bit operation.
 */
bool a64_decode_bitmask(unsigned n, unsigned immr, unsigned imms, bool is64,
                        uint64_t *out);

/*
 * a64_vfp_expand_imm: the bit pattern of the floating-point constant
 * encoded by @imm8 (FMOV immediate: +-(16 + efgh)/16 * 2^r, r in -3..4)
 * as an IEEE half, single or double (@bits = 16, 32 or 64).
 */
uint64_t a64_vfp_expand_imm(unsigned imm8, unsigned bits);

/*
 * a64_simd_expand_imm: AdvSIMDExpandImm(@op, @cmode, @imm8), the 64-bit
 * pattern of an AdvSIMD modified immediate (both halves of a Q register get
 * it).  The 16-bit FMOV form (o2 = 1) is a64_vfp_expand_imm(imm8, 16)
 * replicated, not this.
 */
uint64_t a64_simd_expand_imm(unsigned op, unsigned cmode, unsigned imm8);

/* What a modified-immediate instruction does with the expanded value. */
typedef enum A64ModImmOp {
    A64_MODIMM_MOVI,        /* Vd = imm */
    A64_MODIMM_MVNI,        /* Vd = ~imm */
    A64_MODIMM_ORR,         /* Vd |= imm */
    A64_MODIMM_BIC,         /* Vd &= ~imm */
    A64_MODIMM_FMOV,        /* Vd = imm (an FP constant; double needs Q = 1) */
} A64ModImmOp;

/* a64_simd_modimm_op: the operation selected by @op:@cmode (ARM ARM C4.1
 * "Advanced SIMD modified immediate" table). */
A64ModImmOp a64_simd_modimm_op(unsigned op, unsigned cmode);

#endif /* TARGET_ARM_A64_IMM_H */
