// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/ldst-pair.S: load/store pair, integer (W, X, LDPSW) and SIMD&FP (S,
 * D, Q), in the offset, pre-indexed, post-indexed and non-temporal forms:
 * the values, the written-back base, the scaled imm7 limits (-64 and +63
 * units), SP as the base, XZR as data, and the W forms' zeroing of bits
 * 63:32.
 *
 * UNPREDICTABLE cases are checked as qemu-aarch64 does them: LDP with
 * Rt == Rt2 leaves the first value in an X/W register and the second in a
 * SIMD&FP register; writeback with Rn == Rt (CONSTRAINED UNPREDICTABLE)
 * ends with the written-back base for a load and stores the old base.
 * Those encodings are written with .inst (the assembler warns on them).
 */
#include "check.h"

TEST_NAME("asm-ldst-pair")

/* Check two registers. */
#define CHK2(r1, v1, r2, v2) CHECK_IMM(r1, v1) ; CHECK_IMM(r2, v2)
/* x9 = x10 - buf: a written-back base. */
#define BASE(off) sub x24, x10, x20 ; CHECK_IMM(x24, off)
/* Check the 128 bits of Vn (through x22; clobbers x24, x25). */
#define VCHK(n, lo, hi) \
    str q##n, [x22] ; ldp x24, x25, [x22] ; CHECK_IMM(x24, lo) ; CHECK_IMM(x25, hi)
/* Vn = all ones. */
#define ONES(n) ldr q##n, [x23]

    .text
    .global test_main
test_main:
    mov     x28, x30
    adrp    x20, buf
    add     x20, x20, :lo12:buf
    adrp    x21, scratch
    add     x21, x21, :lo12:scratch
    adrp    x22, vscratch
    add     x22, x22, :lo12:vscratch
    adrp    x23, ones
    add     x23, x23, :lo12:ones

    /* LDP X/W, LDPSW: offset form, imm7 limits. */
    ldp     x9, x10, [x20]
    CHK2(x9, 0xfedcba9876543210, x10, 0x0123456789abcdef)
    mov     x9, #-1
    mov     x10, #-1
    ldp     w9, w10, [x20, #4]
    CHK2(x9, 0xfedcba98, x10, 0x89abcdef)
    ldpsw   x9, x10, [x20, #4]
    CHK2(x9, 0xfffffffffedcba98, x10, 0xffffffff89abcdef)
    ldpsw   x9, x10, [x20, #24]
    CHK2(x9, 0x7b7a7978, x10, 0x7f7e7d7c)
    add     x11, x20, #512
    ldp     x9, x10, [x11, #-512]
    CHK2(x9, 0xfedcba9876543210, x10, 0x0123456789abcdef)
    sub     x11, x20, #504
    ldp     x9, x10, [x11, #504]
    CHK2(x9, 0xfedcba9876543210, x10, 0x0123456789abcdef)
    add     x11, x20, #256
    ldp     w9, w10, [x11, #-256]
    CHK2(x9, 0x76543210, x10, 0xfedcba98)
    sub     x11, x20, #252
    ldpsw   x9, x10, [x11, #252]
    CHK2(x9, 0x76543210, x10, 0xfffffffffedcba98)
    ldnp    x9, x10, [x20, #16]
    CHK2(x9, 0x8081828384858687, x10, 0x7f7e7d7c7b7a7978)
    ldnp    w9, w10, [x20, #8]
    CHK2(x9, 0x89abcdef, x10, 0x01234567)

    /* Pre/post-indexed loads and the written-back base. */
    mov     x10, x20
    ldp     x11, x12, [x10, #16]!
    CHK2(x11, 0x8081828384858687, x12, 0x7f7e7d7c7b7a7978)
    BASE(16)
    ldp     w11, w12, [x10], #-16
    CHK2(x11, 0x84858687, x12, 0x80818283)
    BASE(0)
    ldpsw   x11, x12, [x10, #20]!
    CHK2(x11, 0xffffffff80818283, x12, 0x7b7a7978)
    BASE(20)
    ldpsw   x11, x12, [x10], #-20
    CHK2(x11, 0xffffffff80818283, x12, 0x7b7a7978)
    BASE(0)
    ldp     x11, x12, [x10], #504
    BASE(504)
    ldp     x11, x12, [x10, #-512]!
    CHK2(x11, 0, x12, 0xfedcba9876543210)   // buf - 8 is padding
    BASE(-8)
    ldp     w11, w12, [x10, #8]!
    CHK2(x11, 0x76543210, x12, 0xfedcba98)
    BASE(0)

    /* Stores: offset, pre/post-indexed, non-temporal, XZR. */
    ldr     x11, =0x1111111111111111
    ldr     x12, =0x2222222222222222
    stp     x11, x12, [x21]
    ldp     x9, x10, [x21]
    CHK2(x9, 0x1111111111111111, x10, 0x2222222222222222)
    ldr     x13, =0xaaaaaaaa33333333
    ldr     x14, =0xbbbbbbbb44444444
    stp     w13, w14, [x21, #4]
    ldp     x9, x10, [x21]
    CHK2(x9, 0x3333333311111111, x10, 0x2222222244444444)
    mov     x10, x21
    stp     x13, x14, [x10, #16]!
    sub     x24, x10, x21
    CHECK_IMM(x24, 16)
    stp     w11, w12, [x10], #-16
    sub     x24, x10, x21
    CHECK_IMM(x24, 0)
    ldp     x9, x10, [x21, #16]
    CHK2(x9, 0x2222222211111111, x10, 0xbbbbbbbb44444444)
    stnp    xzr, x11, [x21, #32]
    stnp    w12, wzr, [x21, #48]
    ldp     x9, x10, [x21, #32]
    CHK2(x9, 0, x10, 0x1111111111111111)
    ldr     x9, [x21, #48]
    CHECK_IMM(x9, 0x22222222)
    add     x10, x21, #512
    stp     x11, x12, [x10, #-512]!
    sub     x24, x10, x21
    CHECK_IMM(x24, 0)
    ldp     x9, x10, [x21]
    CHK2(x9, 0x1111111111111111, x10, 0x2222222222222222)

    /* SP as the base; XZR as data. */
    mov     x19, sp
    stp     x11, x12, [sp, #-32]!
    stp     w13, w14, [sp, #16]
    ldp     x9, x10, [sp], #16
    CHK2(x9, 0x1111111111111111, x10, 0x2222222222222222)
    ldpsw   x9, x10, [sp]
    CHK2(x9, 0x33333333, x10, 0x44444444)
    ldp     xzr, x10, [sp], #16
    mov     x9, sp
    CHECK_REG(x9, x19)

    /* SIMD&FP pairs: S, D, Q; the rest of each register is zeroed. */
    ONES(0)
    ONES(1)
    ldp     s0, s1, [x20, #4]
    VCHK(0, 0xfedcba98, 0)
    VCHK(1, 0x89abcdef, 0)
    ONES(0)
    ONES(31)
    ldp     d31, d0, [x20, #8]
    VCHK(31, 0x0123456789abcdef, 0)
    VCHK(0, 0x8081828384858687, 0)
    ldp     q2, q3, [x20]
    VCHK(2, 0xfedcba9876543210, 0x0123456789abcdef)
    VCHK(3, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    ONES(4)
    ONES(5)
    ldnp    d4, d5, [x20]
    VCHK(4, 0xfedcba9876543210, 0)
    VCHK(5, 0x0123456789abcdef, 0)
    ldnp    q5, q4, [x20]
    VCHK(5, 0xfedcba9876543210, 0x0123456789abcdef)
    VCHK(4, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    ONES(6)
    ldnp    s6, s7, [x20, #24]
    VCHK(6, 0x7b7a7978, 0)
    VCHK(7, 0x7f7e7d7c, 0)
    mov     x10, x20
    ldp     q6, q7, [x10, #-32]!
    BASE(-32)
    VCHK(7, 0, 0)
    ldp     q6, q7, [x10], #32
    BASE(0)
    ldp     d6, d7, [x10, #16]!
    BASE(16)
    VCHK(7, 0x7f7e7d7c7b7a7978, 0)
    ldp     s6, s7, [x10], #-16
    BASE(0)
    VCHK(6, 0x84858687, 0)
    add     x11, x20, #1024
    ldp     q6, q7, [x11, #-1024]
    VCHK(7, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    sub     x11, x20, #1008
    ldp     q6, q7, [x11, #1008]
    VCHK(6, 0xfedcba9876543210, 0x0123456789abcdef)

    /* SIMD&FP stores. */
    mov     x10, x21
    stp     q2, q3, [x10, #32]!
    sub     x24, x10, x21
    CHECK_IMM(x24, 32)
    stp     d3, d2, [x10], #-32
    sub     x24, x10, x21
    CHECK_IMM(x24, 0)
    ldp     x9, x10, [x21, #32]
    CHK2(x9, 0x8081828384858687, x10, 0xfedcba9876543210)
    ldp     x9, x10, [x21, #48]
    CHK2(x9, 0x8081828384858687, x10, 0x7f7e7d7c7b7a7978)
    stp     s2, s3, [x21, #4]
    stnp    q3, q2, [x21, #64]
    stnp    d2, d3, [x21, #16]
    stnp    s3, s2, [x21, #24]
    ldp     x9, x10, [x21]
    CHK2(x9, 0x7654321011111111, x10, 0x2222222284858687)
    ldp     x9, x10, [x21, #16]
    CHK2(x9, 0xfedcba9876543210, x10, 0x7654321084858687)
    ldp     x9, x10, [x21, #64]
    CHK2(x9, 0x8081828384858687, x10, 0x7f7e7d7c7b7a7978)
    ldp     x9, x10, [x21, #80]
    CHK2(x9, 0xfedcba9876543210, x10, 0x0123456789abcdef)

    /* UNPREDICTABLE: qemu-aarch64's choices (see the header). */
    .inst   0xa9402689                  // ldp x9, x9, [x20]
    CHECK_IMM(x9, 0xfedcba9876543210)
    .inst   0x29402689                  // ldp w9, w9, [x20]
    CHECK_IMM(x9, 0x76543210)
    .inst   0xad402689                  // ldp q9, q9, [x20]
    VCHK(9, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    mov     x10, x20
    .inst   0xa8c12d4a                  // ldp x10, x11, [x10], #16
    BASE(16)
    mov     x11, x20
    .inst   0xa8c12d6a                  // ldp x10, x11, [x11], #16
    CHECK_IMM(x10, 0xfedcba9876543210)
    sub     x24, x11, x20
    CHECK_IMM(x24, 16)
    add     x10, x21, #16
    mov     x11, #5
    .inst   0xa9bf2d4a                  // stp x10, x11, [x10, #-16]!
    sub     x24, x10, x21
    CHECK_IMM(x24, 0)
    ldp     x9, x11, [x21]
    sub     x9, x9, x21
    CHK2(x9, 16, x11, 5)

    mov     x30, x28
    ret

    .data
    .balign 64
    .skip   512                         // room for the negative offsets
buf:                                    // bytes 10 32 54 76 98 ba dc fe ...
    .quad   0xfedcba9876543210          // +0
    .quad   0x0123456789abcdef          // +8
    .quad   0x8081828384858687          // +16
    .quad   0x7f7e7d7c7b7a7978          // +24
    .skip   1024                        // room for the positive offsets
ones:
    .quad   -1, -1
vscratch:
    .skip   16
scratch:
    .skip   128
