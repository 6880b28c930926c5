// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/branch.S: conditional branches: cbz/cbnz, tbz/tbnz, b.cond.
 *
 * cbz/cbnz on a W register look at bits 31:0 only; tbz/tbnz test one bit
 * (0, 31, 32, 63; the W form encodes bits 0-31 only). b.cond runs for all
 * 16 conditions under all 16 NZCV values and collects a 16-bit mask of
 * the NZCV values for which it branched (bit n = NZCV value n, N = 8);
 * the expected masks are the ARM ARM ConditionHolds() table, with al and
 * nv both always true. A tbz 30 KB ahead and behind checks the 14-bit
 * offset field at its larger values.
 */
#include "check.h"

TEST_NAME("asm-branch")

/* x9 = 1 if the branch in @insn (target 1f) is taken, else 0. */
#define TAKEN(expected, ...)                                                \
    mov x9, #0 ; __VA_ARGS__, 1f ; b 2f ; 1: mov x9, #1 ; 2: CHECK_IMM(x9, expected)

/* The mask of NZCV values (0-15) for which b.@cond branches. */
#define COND_MASK(cond, expected)                                           \
    mov x9, #0 ; mov x10, #0 ;                                              \
    3: lsl x11, x10, #28 ; msr nzcv, x11 ; b.cond 1f ; b 2f ;               \
    1: mov x12, #1 ; lsl x12, x12, x10 ; orr x9, x9, x12 ;                  \
    2: add x10, x10, #1 ; cmp x10, #16 ; b.ne 3b ;                          \
    CHECK_IMM(x9, expected)

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    mov     x19, #0x100000000           // w19 = 0, x19 != 0
    mov     x20, #0xffffffff            // w20 all ones, x20 bit 32 clear
    ldr     x21, =0x8000000000000001    // bits 63 and 0

    TAKEN(1, cbz w19)
    TAKEN(0, cbz x19)
    TAKEN(0, cbnz w19)
    TAKEN(1, cbnz x19)
    TAKEN(1, cbz xzr)
    TAKEN(0, cbnz wzr)
    TAKEN(0, cbz w20)

    TAKEN(0, tbz x21, #0)
    TAKEN(1, tbnz x21, #0)
    TAKEN(1, tbz x21, #1)
    TAKEN(0, tbz x21, #63)
    TAKEN(1, tbnz x21, #63)
    TAKEN(1, tbz x21, #62)
    TAKEN(1, tbnz w20, #31)
    TAKEN(1, tbz x20, #32)
    TAKEN(0, tbnz x20, #32)
    TAKEN(0, tbz x19, #32)
    TAKEN(1, tbz w19, #0)

    COND_MASK(eq, 0xf0f0)
    COND_MASK(ne, 0x0f0f)
    COND_MASK(cs, 0xcccc)
    COND_MASK(cc, 0x3333)
    COND_MASK(mi, 0xff00)
    COND_MASK(pl, 0x00ff)
    COND_MASK(vs, 0xaaaa)
    COND_MASK(vc, 0x5555)
    COND_MASK(hi, 0x0c0c)
    COND_MASK(ls, 0xf3f3)
    COND_MASK(ge, 0xaa55)
    COND_MASK(lt, 0x55aa)
    COND_MASK(gt, 0x0a05)
    COND_MASK(le, 0xf5fa)
    COND_MASK(al, 0xffff)
    COND_MASK(nv, 0xffff)

    /* tbz/tbnz with offsets near the end of their +-32 KiB range. */
    mov     x9, #0
    tbz     x9, #5, far_ahead
    FAIL_HERE()
back_from_far:
    CHECK_IMM(x9, 1)
    b       past_far

    .skip   30000
far_ahead:
    mov     x9, #1
    mov     x10, #0
    tbz     x10, #0, back_from_far
    FAIL_HERE()

past_far:
    ldp     x29, x30, [sp], #16
    ret
