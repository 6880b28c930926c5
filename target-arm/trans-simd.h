// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-simd.h: what the AdvSIMD and FP translation files share
 * (trans-simd*.c, trans-fp.c).
 *
 * V0..V31 are not IR globals: they live in env->vregs (two 64-bit halves,
 * low half first) and are read and written with ld_env/st_env, or by C
 * helpers that get the register numbers (helper-simd.h). Any write of a
 * 64-bit vector or of a scalar zeroes the rest of the 128-bit register.
 */
#ifndef UEMU_TARGET_ARM_TRANS_SIMD_H
#define UEMU_TARGET_ARM_TRANS_SIMD_H

#include "translate.h"
#include "helpers.h"
#include "helper-simd.h"

#include <stddef.h>

/* The env offset of byte @byte of Vn (a little-endian host). */
static inline intptr_t vec_off(int n, int byte)
{
    return (intptr_t)offsetof(CPUARMState, vregs) + (intptr_t)n * 16 + byte;
}

/* Half @half (0 low, 1 high) of Vn as a new I64 temp. */
static inline IRTemp *read_vec64(DisasContext *s, int n, int half)
{
    IRTemp *t = tmp64(s);

    ir_gen_ld_env(s->ir, IR_I64, t, vec_off(n, half * 8), IR_MO_UQ);
    return t;
}

static inline void write_vec64(DisasContext *s, int n, int half, IRTemp *v)
{
    ir_gen_st_env(s->ir, IR_I64, v, vec_off(n, half * 8), IR_MO_UQ);
}

/* Zero the high 64 bits of Vn. */
static inline void clear_vec_high(DisasContext *s, int n)
{
    write_vec64(s, n, 1, const64(s, 0));
}

/* Element @idx of size 1 << @esz bytes of Vn, zero- or sign-extended. */
static inline IRTemp *read_vec_elem(DisasContext *s, int n, int idx, int esz,
                                    bool sign)
{
    IRTemp *t = tmp64(s);

    ir_gen_ld_env(s->ir, IR_I64, t, vec_off(n, idx << esz),
                  (IRMemOp)esz | (sign ? IR_MO_SIGN : 0));
    return t;
}

/* Store the low 1 << @esz bytes of @v into element @idx of Vn (the rest
 * of Vn is unchanged). */
static inline void write_vec_elem(DisasContext *s, int n, int idx, int esz,
                                  IRTemp *v)
{
    ir_gen_st_env(s->ir, IR_I64, v, vec_off(n, idx << esz), (IRMemOp)esz);
}

/* Vd = the scalar @v of 1 << @esz bytes, the rest of the register zero. */
static inline void write_vec_scalar(DisasContext *s, int d, int esz, IRTemp *v)
{
    IRTemp *t = v;

    if (esz < 3) {
        t = tmp64(s);
        ir_gen_andi(s->ir, IR_I64, t, v, (1ull << (8 << esz)) - 1);
    }
    write_vec64(s, d, 0, t);
    clear_vec_high(s, d);
}

/* Call a helper of simd-ops.def: helper_simd_NAME(env, @desc). */
static inline void gen_simd_helper(DisasContext *s, const HelperInfo *info,
                                   uint32_t desc)
{
    ir_gen_callv(s->ir, info, NULL, ir_env(s->ir), const32(s, desc));
}

/* -- trans-simd-generic.c: the classes of simd-ops.def -------------------- */

/* The generic AdvSIMD classes: the keys of simd-ops.def's SIMD_MAP rows. */
typedef enum SimdClass {
    C3SAME, C3SAME_F0, C3SAME_F1,
    C3DIFF,
    C2MISC, C2MISC_F0, C2MISC_F1,
    CACROSS, CACROSS_F0, CACROSS_F1,
    CPAIRS, CPAIRS_F0, CPAIRS_F1,
    CSHIFT,
    CELEM, CELEM_F1,
} SimdClass;

/* One instruction of a generic class, as its encoding fields. */
typedef struct SimdInsn {
    SimdClass cls;          /* an integer class: C3SAME, C3DIFF, ... */
    int u, opcode, q, scalar;
    int size;               /* the size field (CSHIFT: unused) */
    int immhb;              /* CSHIFT: immh:immb */
    int h, l, m;            /* CELEM: the index bits (rm is the low 4) */
    int rd, rn, rm;
} SimdInsn;

/*
 * do_simd_class: find the simd-ops.def row of @in (an integer row of its
 * class, else a floating-point one), check the element size and Q, and
 * call the row's helper. False for unallocated or reserved encodings.
 */
bool do_simd_class(DisasContext *s, const SimdInsn *in);

#endif /* UEMU_TARGET_ARM_TRANS_SIMD_H */
