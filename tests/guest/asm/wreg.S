// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/wreg.S: every kind of instruction that writes a W register clears
 * bits 63:32 of the X register (ARM ARM: "the upper 32 bits of the
 * destination register are set to zero").
 *
 * Each case fills x10 with ones, runs one instruction writing w10 from
 * inputs that have garbage in their upper halves, and checks all 64 bits.
 */
#include "check.h"

TEST_NAME("asm-wreg")

/* Fill x10 with ones, run the instructions (they write w10), check x10. */
#define W(expected, ...) movn x10, #0 ; __VA_ARGS__ ; CHECK_IMM(x10, expected)

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    ldr     x11, =0xdeadbeef00000005    // w11 = 5
    ldr     x12, =0xcafebabe00000003    // w12 = 3
    ldr     x13, =0x1234567800000080    // w13 = 0x80
    adrp    x14, data
    add     x14, x14, :lo12:data

    /* Data processing, immediate and register. */
    W(8, add w10, w11, w12)
    W(6, add w10, w11, #1)
    W(0xfffffffe, sub w10, w12, w11)
    W(8, adds w10, w11, w12)
    W(0xfffffffb, neg w10, w11)
    W(5, and w10, w11, #0xff)
    W(5, orr w10, wzr, w11)
    W(5, mov w10, w11)
    W(6, eor w10, w11, w12)
    W(0xfffffffa, mvn w10, w11)
    W(4, bic w10, w11, w12)
    W(0x80000005, add w10, w11, w12, lsl #31)
    W(0xffffff85, add w10, w11, w13, sxtb)

    /* Move wide: movk on a W register keeps 31:16 but clears 63:32. */
    W(0x12340000, movz w10, #0x1234, lsl #16)
    W(0xffffffff, movn w10, #0)
    W(0xffffbeef, movk w10, #0xbeef)

    /* Shifts, bitfields, extract, bit operations. */
    W(0x40000000, lsl w10, w11, #30)
    W(2, lsr w10, w11, #1)
    W(1, asr w10, w13, #7)
    W(40, lslv w10, w11, w12)
    W(5, ubfx w10, w11, #0, #3)
    W(0xfffffffd, sbfx w10, w11, #0, #3)
    W(0xffffff80, sxtb w10, w13)
    W(0x80, uxth w10, w13)
    W(0x00050000, extr w10, w11, w12, #16)
    W(0x80000002, ror w10, w11, #1)
    W(0x05000000, rev w10, w11)
    W(29, clz w10, w11)
    W(0xa0000000, rbit w10, w11)

    /* Multiply and divide. */
    W(15, mul w10, w11, w12)
    W(20, madd w10, w11, w12, w11)
    W(1, udiv w10, w11, w12)
    W(42, sdiv w10, w13, w12)

    /* Conditional select and carry (cmp x11, x11: Z=1, C=1). */
    W(5, cmp x11, x11 ; csel w10, w11, w12, eq)
    W(1, cmp x11, x11 ; cset w10, eq)
    W(0xfffffffc, cmp x11, x11 ; csinv w10, w11, w12, ne)
    W(9, cmp x11, x11 ; adc w10, w11, w12)
    W(2, cmp x11, x11 ; sbc w10, w11, w12)

    /* Loads: 32-bit, zero- and sign-extending sizes, acquire, exclusive. */
    W(0x12348678, ldr w10, [x14])
    W(0x78, ldrb w10, [x14])
    W(0x8678, ldrh w10, [x14])
    W(0xffffff80, ldrsb w10, [x14, #8])
    W(0x1234, ldrsh w10, [x14, #2])
    W(0xffff8678, ldrsh w10, [x14])
    W(0xff123486, ldur w10, [x14, #1])
    W(0x12348678, ldar w10, [x14])
    W(0x12348678, ldxr w10, [x14] ; clrex)
    W(0x12348678, ldr w10, [x14], #0)
    W(0x12348678, ldp w10, w15, [x14])

    /* From SIMD&FP registers. */
    fmov    s0, #1.0
    fmov    s1, #-1.0
    W(0x3f800000, fmov w10, s0)
    W(0xffffffff, fcvtzs w10, s1)
    W(1, fcvtzu w10, s0)
    W(0x3f800000, umov w10, v0.s[0])
    W(0, mov w10, v0.s[1])

    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
data:
    .quad   0xffffffff12348678
    .quad   0x0000000000000080
