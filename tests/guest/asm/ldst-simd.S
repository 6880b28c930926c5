// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/ldst-simd.S: SIMD&FP scalar loads and stores of one register (B, H,
 * S, D and Q) in every addressing mode: unsigned offset (largest scaled
 * immediates), unscaled, pre/post-indexed, register offset with each
 * extend and the S shift (which for Q is 4), and literal (S, D, Q).
 *
 * ARM ARM: a scalar load writes the low bits of Vt and zeroes the rest of
 * the 128-bit register; a store writes only its own bytes. Each load goes
 * into a register first filled with ones, and each register is read back
 * with STR Q + LDP X, so only instructions of this class are involved.
 */
#include "check.h"

TEST_NAME("asm-ldst-simd")

/* Vn = all ones. */
#define ONES(n) ldr q##n, [x23]
/* Check the 128 bits of Vn (through x22 scratch; clobbers x24, x25). */
#define VCHK(n, lo, hi) \
    str q##n, [x22] ; ldp x24, x25, [x22] ; CHECK_IMM(x24, lo) ; CHECK_IMM(x25, hi)
/* x9 = x10 - buf: a written-back base. */
#define BASE(off) sub x9, x10, x20 ; CHECK_IMM(x9, off)

    .text
    .balign 16
lit_q:
    .quad   0x0f0e0d0c0b0a0908, 0x1716151413121110

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

    /* Unsigned offset, every size: the rest of the register is zeroed. */
    ONES(0)
    ldr     b0, [x20, #7]
    VCHK(0, 0xfe, 0)
    ONES(1)
    ldr     h1, [x20, #6]
    VCHK(1, 0xfedc, 0)
    ONES(2)
    ldr     s2, [x20, #4]
    VCHK(2, 0xfedcba98, 0)
    ONES(3)
    ldr     d3, [x20, #8]
    VCHK(3, 0x0123456789abcdef, 0)
    ONES(31)
    ldr     q31, [x20, #16]
    VCHK(31, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    ldr     q17, [x20]
    VCHK(17, 0xfedcba9876543210, 0x0123456789abcdef)
    /* The largest scaled immediates. */
    ldr     x10, =(65520 - 16)
    sub     x10, x20, x10
    ONES(4)
    ldr     q4, [x10, #65520]
    VCHK(4, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    ldr     x10, =(32760 - 8)
    sub     x10, x20, x10
    ldr     d4, [x10, #32760]
    VCHK(4, 0x0123456789abcdef, 0)
    ldr     x10, =(16380 - 4)
    sub     x10, x20, x10
    ldr     s4, [x10, #16380]
    VCHK(4, 0xfedcba98, 0)
    ldr     x10, =(8190 - 2)
    sub     x10, x20, x10
    ldr     h4, [x10, #8190]
    VCHK(4, 0x7654, 0)
    ldr     x10, =(4095 - 1)
    sub     x10, x20, x10
    ldr     b4, [x10, #4095]
    VCHK(4, 0x32, 0)

    /* Unscaled: misaligned and negative. */
    ONES(5)
    ldur    q5, [x20, #1]
    VCHK(5, 0xeffedcba98765432, 0x870123456789abcd)
    add     x10, x20, #9
    ldur    d5, [x10, #-8]
    VCHK(5, 0xeffedcba98765432, 0)
    ONES(5)
    ldur    s5, [x10, #-3]
    VCHK(5, 0xcdeffedc, 0)
    ONES(5)
    ldur    h5, [x10, #-2]
    VCHK(5, 0xeffe, 0)
    ONES(5)
    ldur    b5, [x10, #-9]
    VCHK(5, 0x10, 0)

    /* Pre/post-indexed, with the base written back. */
    mov     x10, x20
    ONES(6)
    ldr     q6, [x10, #16]!
    VCHK(6, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    BASE(16)
    ONES(6)
    ldr     d6, [x10], #-8
    VCHK(6, 0x8081828384858687, 0)
    BASE(8)
    ONES(6)
    ldr     s6, [x10, #-4]!
    VCHK(6, 0xfedcba98, 0)
    BASE(4)
    ONES(6)
    ldr     h6, [x10], #255
    VCHK(6, 0xba98, 0)
    BASE(259)
    ONES(6)
    ldr     b6, [x10, #-256]!
    VCHK(6, 0x76, 0)
    BASE(3)

    /* Register offset: LSL, UXTW, SXTW, SXTX, shift by the size. */
    mov     x11, #1
    ONES(7)
    ldr     q7, [x20, x11, lsl #4]
    VCHK(7, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    ldr     q7, [x20, x11]
    VCHK(7, 0xeffedcba98765432, 0x870123456789abcd)
    ONES(7)
    ldr     d7, [x20, x11, lsl #3]
    VCHK(7, 0x0123456789abcdef, 0)
    ONES(7)
    ldr     s7, [x20, x11, lsl #2]
    VCHK(7, 0xfedcba98, 0)
    ONES(7)
    ldr     h7, [x20, x11, lsl #1]
    VCHK(7, 0x7654, 0)
    ONES(7)
    ldr     b7, [x20, x11, lsl #0]
    VCHK(7, 0x32, 0)
    ONES(7)
    ldr     b7, [x20, x11]
    VCHK(7, 0x32, 0)
    ldr     x11, =0xffffffff00000002
    ONES(8)
    ldr     s8, [x20, w11, uxtw #2]
    VCHK(8, 0x89abcdef, 0)
    ONES(8)
    ldr     d8, [x20, w11, uxtw]
    VCHK(8, 0xcdeffedcba987654, 0)
    ldr     x11, =0x00000000ffffffff    // SXTW: -1
    add     x10, x20, #32
    ONES(8)
    ldr     q8, [x10, w11, sxtw #4]
    VCHK(8, 0x8081828384858687, 0x7f7e7d7c7b7a7978)
    ONES(8)
    ldr     h8, [x10, w11, sxtw #1]
    VCHK(8, 0x7f7e, 0)
    ldr     x11, =-3                    // SXTX
    ONES(8)
    ldr     d8, [x10, x11, sxtx #3]
    VCHK(8, 0x0123456789abcdef, 0)
    ONES(8)
    ldr     s8, [x10, x11, sxtx]
    VCHK(8, 0x007f7e7d, 0)

    /* Stores write only their own bytes. */
    ldr     q9, [x20]                   // bytes 10 32 54 76 98 ba dc fe ...
    ldr     q10, [x23]                  // ones
    str     q10, [x21]
    str     q10, [x21, #16]
    str     b9, [x21]
    str     h9, [x21, #2]
    str     s9, [x21, #4]
    str     d9, [x21, #8]
    ldp     x9, x10, [x21]
    CHECK_IMM(x9, 0x765432103210ff10)
    CHECK_IMM(x10, 0xfedcba9876543210)
    ldr     x9, [x21, #16]
    CHECK_IMM(x9, -1)
    ldr     q11, [x20, #16]
    stur    q11, [x21, #3]
    ldp     x9, x10, [x21]
    CHECK_IMM(x9, 0x838485868710ff10)
    CHECK_IMM(x10, 0x7c7b7a7978808182)
    ldr     x9, [x21, #16]
    CHECK_IMM(x9, 0xffffffffff7f7e7d)
    mov     x10, x21
    str     q9, [x10, #16]!
    sub     x9, x10, x21
    CHECK_IMM(x9, 16)
    str     d11, [x10], #-16
    sub     x9, x10, x21
    CHECK_IMM(x9, 0)
    ldp     x9, x10, [x21, #16]
    CHECK_IMM(x9, 0x8081828384858687)
    CHECK_IMM(x10, 0x0123456789abcdef)
    mov     x11, #3
    str     s11, [x21, x11, lsl #2]
    str     h11, [x21, x11]
    ldp     x9, x10, [x21]
    CHECK_IMM(x9, 0x838485868710ff10)
    CHECK_IMM(x10, 0x8485868778808182)
    mov     x11, #1
    str     q9, [x21, x11, lsl #4]
    ldp     x9, x10, [x21, #16]
    CHECK_IMM(x9, 0xfedcba9876543210)
    CHECK_IMM(x10, 0x0123456789abcdef)

    /* Literals. */
    ONES(12)
    ldr     s12, lit_q
    VCHK(12, 0x0b0a0908, 0)
    ONES(12)
    ldr     d12, lit_q
    VCHK(12, 0x0f0e0d0c0b0a0908, 0)
    ONES(12)
    ldr     q12, lit_q
    VCHK(12, 0x0f0e0d0c0b0a0908, 0x1716151413121110)
    ldr     q12, lit_after
    VCHK(12, 0x2726252423222120, 0x2f2e2d2c2b2a2928)

    mov     x30, x28
    ret

    .balign 16
lit_after:
    .quad   0x2726252423222120, 0x2f2e2d2c2b2a2928

    .data
    .balign 64
buf:                                    // bytes 10 32 54 76 98 ba dc fe ...
    .quad   0xfedcba9876543210          // +0
    .quad   0x0123456789abcdef          // +8
    .quad   0x8081828384858687          // +16
    .quad   0x7f7e7d7c7b7a7978          // +24
    .skip   256                         // room for the +255 offsets
ones:
    .quad   -1, -1
vscratch:
    .skip   16
scratch:
    .skip   64
