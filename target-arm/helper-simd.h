// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-simd.h: the descriptor word that trans-simd*.c pass to the
 * AdvSIMD helpers of helper-simd.c.
 *
 * The helpers work on env->vregs directly: they get the register numbers
 * and the shape, not values. One I32 describes the instruction:
 *
 *   [4:0] rd  [9:5] rn  [14:10] rm  [16:15] esz (log2 of the element bytes,
 *   the narrow one for long/wide/narrow ops)  [17] q  [18] scalar
 *   [25:19] imm (shift amount, fraction bits, sub-element size)
 *   [29:26] index of the Vm element and [30] "Vm is indexed"
 *
 *     ir_gen_callv(s->ir, &helper_info_simd_add, NULL, ir_env(s->ir),
 *                  const32(s, SIMD_DESC(rd, rn, rm, size, q)));
 */
#ifndef UEMU_TARGET_ARM_HELPER_SIMD_H
#define UEMU_TARGET_ARM_HELPER_SIMD_H

#include <stdint.h>

#define SIMD_DESC(rd, rn, rm, esz, q)                                       \
    ((uint32_t)(rd) | (uint32_t)(rn) << 5 | (uint32_t)(rm) << 10 |          \
     (uint32_t)(esz) << 15 | (uint32_t)(q) << 17)
#define SIMD_DESC_SCALAR        (1u << 18)
#define SIMD_DESC_IMM(imm)      ((uint32_t)(imm) << 19)
#define SIMD_DESC_INDEX(i)      (1u << 30 | (uint32_t)(i) << 26)

#define SIMD_DESC_RD(d)         ((d) & 31)
#define SIMD_DESC_RN(d)         (((d) >> 5) & 31)
#define SIMD_DESC_RM(d)         (((d) >> 10) & 31)
#define SIMD_DESC_ESZ(d)        (((d) >> 15) & 3)
#define SIMD_DESC_Q(d)          (((d) >> 17) & 1)
#define SIMD_DESC_IS_SCALAR(d)  (((d) >> 18) & 1)
#define SIMD_DESC_GET_IMM(d)    (((d) >> 19) & 0x7f)
#define SIMD_DESC_GET_INDEX(d)  (((d) >> 26) & 15)
#define SIMD_DESC_IS_INDEXED(d) (((d) >> 30) & 1)

#endif /* UEMU_TARGET_ARM_HELPER_SIMD_H */
