// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/check.h: checks for the hand-written assembly tests (cpp + gas).
 *
 * Each test file defines TEST_NAME("name") and a function test_main that
 * returns with ret; runtime.S provides _start, the checks and the summary:
 *     <name>: line <n>: expected 0x..., got 0x...      (one per mismatch)
 *     <name>: <count> checks ok                        (or "..., <m> FAILED")
 * and exits 0 only if every check passed.
 *
 * A check clobbers x0-x8, x30 and NZCV: keep the values under test in
 * x9-x28, and save x30 around checks inside functions.
 */
#ifndef ASM_CHECK_H
#define ASM_CHECK_H

/* The name printed in every line of output. */
#define TEST_NAME(s)                                                        \
    .pushsection .rodata ; .global test_name ; test_name: .asciz s ; .popsection

/* Compare register @reg (not x0-x2; sp is allowed) with a constant. */
#define CHECK_IMM(reg, expected)                                            \
    mov x0, reg ; ldr x1, =(expected) ; mov x2, #__LINE__ ; bl rt_check

/* Compare register @reg with register @want (neither of them x0-x2). */
#define CHECK_REG(reg, want)                                                \
    mov x0, reg ; mov x1, want ; mov x2, #__LINE__ ; bl rt_check

/* Record a failure unconditionally (a path that must not be reached). */
#define FAIL_HERE()                                                         \
    mov x0, #1 ; mov x1, #0 ; mov x2, #__LINE__ ; bl rt_check

#endif
