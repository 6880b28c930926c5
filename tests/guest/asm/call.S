// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/call.S: calls and returns: bl, blr, br, ret, ret Xn.
 *
 * bl and blr write the address of the next instruction to x30; blr reads
 * its target before writing x30, so "blr x30" jumps to the old x30. br
 * leaves x30 alone, and "ret x2" returns through x2. Nested calls check
 * that saved return addresses come back in order, and a backward bl
 * checks a negative offset.
 */
#include "check.h"

TEST_NAME("asm-call")

    .text
get_lr:                                 // a backward bl target
    mov     x9, x30
    ret

    .global test_main
test_main:
    mov     x28, x30

    /* bl backward and forward: x30 = the instruction after the bl. */
    bl      get_lr
1:  adr     x10, 1b
    CHECK_REG(x9, x10)
    bl      get_lr_ahead
1:  adr     x10, 1b
    CHECK_REG(x9, x10)

    /* blr through a register, and blr x30 (target read before the write). */
    adr     x11, get_lr
    blr     x11
1:  adr     x10, 1b
    CHECK_REG(x9, x10)
    adr     x30, get_lr
    blr     x30
1:  adr     x10, 1b
    CHECK_REG(x9, x10)

    /* br does not link; ret x12 returns through x12. */
    mov     x30, #0x1234
    adr     x11, 2f
    br      x11
    FAIL_HERE()
2:  CHECK_IMM(x30, 0x1234)
    adr     x12, 3f
    bl      ret_via_x12
    FAIL_HERE()
3:  mov     x9, #0x77
    CHECK_IMM(x9, 0x77)
    adr     x16, 4f                     // br x16, as PLT stubs do
    br      x16
    FAIL_HERE()
4:

    /* Nested calls: outer saves x30 on the stack, inner returns to it. */
    mov     x20, #0
    bl      outer
1:  adr     x10, 1b
    CHECK_REG(x21, x10)                 // outer's own return address
    CHECK_IMM(x20, 3)                   // outer, inner, outer again

    mov     x30, x28
    ret

get_lr_ahead:
    mov     x9, x30
    ret

ret_via_x12:
    ret     x12

outer:
    stp     x29, x30, [sp, #-16]!
    add     x20, x20, #1
    bl      inner
    add     x20, x20, #1
    ldp     x29, x30, [sp], #16
    mov     x21, x30
    ret

inner:
    add     x20, x20, #1
    ret
