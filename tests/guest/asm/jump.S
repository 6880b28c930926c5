// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/jump.S: loops, a jump table, and far direct branches.
 *
 * Loops run a block back into itself thousands of times (the chained
 * goto_tb exit of a backward b.cond/cbnz/tbz). The jump table dispatches
 * with br through a computed address, into entries that branch back: every
 * entry must run exactly once per pass. b, bl, b.cond and cbz then cross
 * 192 KiB of padding in both directions, so their offset fields are used
 * up to bit 15 (b.cond/cbz: 19-bit word offsets, b/bl: 26-bit), and bl's
 * link register is checked across the distance.
 */
#include "check.h"

TEST_NAME("asm-jump")

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

    /* sum(1..1000) with a backward cbnz. */
    mov     x9, #0
    mov     x10, #1000
1:  add     x9, x9, x10
    sub     x10, x10, #1
    cbnz    x10, 1b
    CHECK_IMM(x9, 500500)
    CHECK_IMM(x10, 0)

    /* sum(0..3999) * 2 with cmp + b.lo. */
    mov     x9, #0
    mov     x10, #0
1:  add     x9, x9, x10, lsl #1
    add     x10, x10, #1
    cmp     x10, #4000
    b.lo    1b
    CHECK_IMM(x9, 15996000)

    /* A tbz loop: count up until bit 12 is set. */
    mov     x10, #0
1:  add     x10, x10, #3
    tbz     x10, #12, 1b
    CHECK_IMM(x10, 4098)

    /* Nested loops: 50 x 60 iterations, b.ne outside, cbnz inside. */
    mov     x9, #0
    mov     x11, #50
1:  mov     x12, #60
2:  add     x9, x9, #1
    sub     x12, x12, #1
    cbnz    x12, 2b
    subs    x11, x11, #1
    b.ne    1b
    CHECK_IMM(x9, 3000)

    /* Jump table: for i = 0..7 (three passes), br to entry i, which adds
     * 1 << (4 * i) and branches back. Each nibble of x9 counts one entry. */
    mov     x9, #0
    mov     x17, #1
    mov     x13, #0                     // pass
3:  mov     x10, #0                     // i
4:  adr     x11, jump_table
    add     x11, x11, x10, lsl #3       // entries are 2 instructions
    br      x11
5:  add     x10, x10, #1
    cmp     x10, #8
    b.ne    4b
    add     x13, x13, #1
    cmp     x13, #3
    b.ne    3b
    CHECK_IMM(x9, 0x33333333)

    /* Far branches forward, then back. */
    mov     x9, #0
    b       far_b_target
    FAIL_HERE()
back_from_far_b:
    CHECK_IMM(x9, 1)

    bl      far_function
1:  adr     x10, 1b
    CHECK_REG(x14, x10)                 // far_function saw x30 = 1b
    CHECK_IMM(x9, 2)

    cmp     x9, #2
    b.eq    far_bcond_target
    FAIL_HERE()
back_from_far_bcond:
    CHECK_IMM(x9, 3)

    mov     x15, #0
    cbz     x15, far_cbz_target
    FAIL_HERE()
back_from_far_cbz:
    CHECK_IMM(x9, 4)
    b       done

jump_table:
    add     x9, x9, x17, lsl #0
    b       5b
    add     x9, x9, x17, lsl #4
    b       5b
    add     x9, x9, x17, lsl #8
    b       5b
    add     x9, x9, x17, lsl #12
    b       5b
    add     x9, x9, x17, lsl #16
    b       5b
    add     x9, x9, x17, lsl #20
    b       5b
    add     x9, x9, x17, lsl #24
    b       5b
    add     x9, x9, x17, lsl #28
    b       5b

    .skip   0x30000

far_b_target:
    mov     x9, #1
    b       back_from_far_b
far_function:
    mov     x14, x30
    mov     x9, #2
    ret
far_bcond_target:
    mov     x9, #3
    cmp     x9, #4
    b.lt    back_from_far_bcond
    FAIL_HERE()
far_cbz_target:
    mov     x9, #4
    mov     x15, #1
    cbnz    x15, back_from_far_cbz
    FAIL_HERE()
    b       done

done:
    ldp     x29, x30, [sp], #16
    ret
