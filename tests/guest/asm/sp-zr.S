// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/sp-zr.S: register number 31 is SP in some encodings and XZR in others.
 *
 * ARM ARM: add/sub (immediate and extended register) and logical
 * (immediate) destinations read and write SP as Rn/Rd=31, except that a
 * flag-setting form's Rd=31 is XZR; add/sub (shifted register), logical
 * (shifted register), multiply, conditional select, and load/store Rt
 * read 31 as zero and discard writes to it. Load/store base registers
 * (Rn=31) are SP. A decoder that mixes these up corrupts SP or reads it
 * as a value, so each case checks both the result and that SP survived.
 */
#include "check.h"

TEST_NAME("asm-sp-zr")

    .text
    .global test_main
test_main:
    mov     x28, x30                    // not on the stack: SP moves above it
    mov     x19, sp                     // SP as it must be after each case
    mov     x11, #0x30
    ldr     x12, =0x123456789
    adrp    x20, data
    add     x20, x20, :lo12:data

    /* Reading SP: add/sub immediate and extended register. */
    add     x9, sp, #0
    CHECK_REG(x9, x19)
    sub     x9, sp, #16
    sub     x10, x19, #16
    CHECK_REG(x9, x10)
    add     x9, sp, x11                 // extended register (uxtx): SP + x11
    add     x10, x19, x11
    CHECK_REG(x9, x10)
    add     x9, sp, w11, uxtw #2
    add     x10, x19, x11, lsl #2
    CHECK_REG(x9, x10)
    adds    x9, sp, #0                  // flag-setting: Rn is still SP
    CHECK_REG(x9, x19)
    cmp     sp, #0                      // Rd = 31 is XZR here: SP survives
    mov     x9, sp
    CHECK_REG(x9, x19)
    mov     w9, wsp                     // add w9, wsp, #0: low half of SP
    mov     w10, w19
    CHECK_REG(x9, x10)

    /* Reading XZR: shifted register, logical, multiply, select. */
    add     x9, xzr, x12                // shifted register: 0 + x12
    CHECK_REG(x9, x12)
    sub     x9, x12, xzr, lsl #4
    CHECK_REG(x9, x12)
    orr     x9, xzr, #0xff              // logical immediate: Rn = 31 is XZR
    CHECK_IMM(x9, 0xff)
    mov     x9, xzr
    CHECK_IMM(x9, 0)
    madd    x9, x11, x11, xzr
    CHECK_IMM(x9, 0x900)
    cmp     x9, x9
    csel    x9, xzr, x12, eq
    CHECK_IMM(x9, 0)
    csinc   x9, xzr, xzr, ne            // cset x9, eq
    CHECK_IMM(x9, 1)

    /* Writing SP: add/sub immediate, extended register, logical immediate. */
    add     sp, sp, #16
    add     x10, x19, #16
    mov     x9, sp
    CHECK_REG(x9, x10)
    sub     sp, sp, #16
    mov     x9, sp
    CHECK_REG(x9, x19)
    sub     sp, sp, x11                 // extended register: SP - 0x30
    sub     x10, x19, x11
    mov     x9, sp
    CHECK_REG(x9, x10)
    add     sp, sp, x11
    orr     x13, x19, #7
    and     sp, x13, #~15               // logical immediate: Rd = 31 is SP
    mov     x9, sp
    CHECK_REG(x9, x19)
    mov     sp, x19

    /* Writing XZR: the result vanishes, SP is untouched. */
    add     xzr, x11, x12               // shifted register: Rd = 31 is XZR
    orr     xzr, x11, x12
    adds    xzr, x11, #1                // cmn
    madd    xzr, x11, x11, x12
    csel    xzr, x11, x12, eq
    ldr     xzr, [x20]
    ldr     wzr, [x20]
    mov     x9, sp
    CHECK_REG(x9, x19)
    mov     x9, xzr
    CHECK_IMM(x9, 0)

    /* Stores from ZR, loads and stores with SP as the base. */
    str     xzr, [x20]
    ldr     x9, [x20]
    CHECK_IMM(x9, 0)
    stp     xzr, x12, [x20]
    ldp     x9, x10, [x20]
    CHECK_IMM(x9, 0)
    CHECK_REG(x10, x12)
    str     x12, [sp, #-16]!
    sub     x10, x19, #16
    mov     x9, sp
    CHECK_REG(x9, x10)
    ldr     x9, [sp]
    CHECK_REG(x9, x12)
    ldr     x9, [sp], #16
    CHECK_REG(x9, x12)
    mov     x9, sp
    CHECK_REG(x9, x19)
    stp     x11, x12, [sp, #-32]!
    ldr     x9, [sp, #8]
    CHECK_REG(x9, x12)
    mov     x13, #8
    ldr     x9, [sp, x13]               // register offset from SP
    CHECK_REG(x9, x12)
    add     sp, sp, #32
    mov     x9, sp
    CHECK_REG(x9, x19)

    mov     x30, x28
    ret

    .data
    .balign 16
data:
    .quad   0x1111111111111111, 0x2222222222222222
