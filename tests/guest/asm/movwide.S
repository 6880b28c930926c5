// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/movwide.S: move wide immediates: movz, movn, movk at every shift.
 *
 * movz clears the rest, movn writes the inverse, movk replaces one
 * halfword and keeps the others (on a W register it still clears 63:32).
 * A four-instruction movz/movk chain must equal the same constant loaded
 * from a literal; the assembler's "mov" picks movz, movn or orr.
 */
#include "check.h"

TEST_NAME("asm-movwide")

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

    movz    x9, #0xabcd
    CHECK_IMM(x9, 0xabcd)
    movz    x9, #0xabcd, lsl #16
    CHECK_IMM(x9, 0xabcd0000)
    movz    x9, #0xabcd, lsl #32
    CHECK_IMM(x9, 0xabcd00000000)
    movz    x9, #0xabcd, lsl #48
    CHECK_IMM(x9, 0xabcd000000000000)
    movz    x9, #0
    CHECK_IMM(x9, 0)
    movn    x9, #0xabcd, lsl #48
    CHECK_IMM(x9, 0x5432ffffffffffff)
    movn    x9, #0x1234, lsl #32
    CHECK_IMM(x9, 0xffffedcbffffffff)
    movn    x9, #0
    CHECK_IMM(x9, 0xffffffffffffffff)
    movn    x9, #0xffff, lsl #16
    CHECK_IMM(x9, 0xffffffff0000ffff)

    /* W forms: the result is 32 bits, zero-extended. */
    movn    x9, #0
    movz    w9, #0xffff, lsl #16
    CHECK_IMM(x9, 0xffff0000)
    movn    x9, #0
    movn    w9, #0x1234, lsl #16
    CHECK_IMM(x9, 0xedcbffff)
    movn    x9, #0
    movn    w9, #0
    CHECK_IMM(x9, 0xffffffff)
    movn    x9, #0
    movk    w9, #0x1234, lsl #16
    CHECK_IMM(x9, 0x1234ffff)

    /* movk keeps the other halfwords. */
    ldr     x9, =0x1111222233334444
    movk    x9, #0xaaaa
    CHECK_IMM(x9, 0x111122223333aaaa)
    movk    x9, #0xbbbb, lsl #16
    CHECK_IMM(x9, 0x11112222bbbbaaaa)
    movk    x9, #0xcccc, lsl #32
    CHECK_IMM(x9, 0x1111ccccbbbbaaaa)
    movk    x9, #0xdddd, lsl #48
    CHECK_IMM(x9, 0xddddccccbbbbaaaa)

    /* A chain against a literal; then the assembler's choices for "mov". */
    movz    x9, #0xcdef
    movk    x9, #0x89ab, lsl #16
    movk    x9, #0x4567, lsl #32
    movk    x9, #0x0123, lsl #48
    ldr     x10, lit
    CHECK_REG(x9, x10)
    mov     x9, #0x12340000
    CHECK_IMM(x9, 0x12340000)
    mov     x9, #-2
    CHECK_IMM(x9, 0xfffffffffffffffe)
    mov     x9, #0x5555555555555555
    CHECK_IMM(x9, 0x5555555555555555)
    mov     w9, #-2
    CHECK_IMM(x9, 0xfffffffe)
    mov     x9, #-0x10000
    CHECK_IMM(x9, 0xffffffffffff0000)

    ldp     x29, x30, [sp], #16
    ret

    .balign 8
lit:
    .quad   0x0123456789abcdef
