// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/cond-flags.S: b.cond on flags set by real arithmetic.
 *
 * branch.S drives b.cond with msr nzcv, which stores each flag in its
 * canonical form; here the flags come from cmp, cmn, tst, adcs and sbcs,
 * 64- and 32-bit, so b.cond must read them in whatever form those
 * instructions leave them (a 32-bit op looks at bits 31:0 only; the W
 * operands below often have junk in bits 63:32). Each case takes the mask of
 * the 16 conditions that branch (bit c = condition code c: eq = bit 0,
 * ne = bit 1, ..., al = bit 14, nv = bit 15) and compares it with the ARM
 * ARM ConditionHolds() of the NZCV that AddWithCarry() gives for the
 * operands (computed offline: expected, x10, x11, instruction). The
 * operands include the signed/unsigned overflow corners.
 */
#include "check.h"

TEST_NAME("asm-cond-flags")

/* x9 = the mask of condition codes that hold now, by one b.cond each. */
    .macro  TRY cond, bit
    b.\cond 1f
    b       2f
1:  orr     x9, x9, #(1 << \bit)
2:
    .endm
    .macro  COND_MASK
    mov     x9, #0
    TRY eq, 0
    TRY ne, 1
    TRY cs, 2
    TRY cc, 3
    TRY mi, 4
    TRY pl, 5
    TRY vs, 6
    TRY vc, 7
    TRY hi, 8
    TRY ls, 9
    TRY ge, 10
    TRY lt, 11
    TRY gt, 12
    TRY le, 13
    TRY al, 14
    TRY nv, 15
    .endm

/* Carry-in for adcs/sbcs: 0 - 0 sets C, 0 + 0 clears it. */
#define CARRY1 cmp xzr, xzr
#define CARRY0 cmn xzr, xzr

#define CASE(expected, a, b, ...)                                           \
    ldr x10, =a ; ldr x11, =b ; __VA_ARGS__ ; COND_MASK ;                  \
    CHECK_IMM(x9, expected)

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

    CASE(0xd65a, 0x7fffffffffffffff, 0xffffffffffffffff, cmp x10, x11)
    CASE(0xe966, 0x8000000000000000, 0x1, cmp x10, x11)
    CASE(0xea9a, 0x7fffffff, 0xffffffff, cmp x10, x11)
    CASE(0xd5a6, 0x80000000, 0x1, cmp x10, x11)
    CASE(0xe6a5, 0x0, 0x0, cmp x10, x11)
    CASE(0xe6a5, 0xffffffffffffffff, 0xffffffffffffffff, cmp x10, x11)
    CASE(0xd5a6, 0x7fffffffffffffff, 0x7fffffff, cmp x10, x11)
    CASE(0xd5a6, 0x1, 0x0, cmp x10, x11)
    CASE(0xd65a, 0x2, 0x8000000000000001, cmp x10, x11)
    CASE(0xea9a, 0x123456789abcdef0, 0x7fffffffffffffff, cmp x10, x11)
    CASE(0xe996, 0xffffffff80000000, 0x1, cmp x10, x11)
    CASE(0xe966, 0x8000000000000000, 0x1, cmp x10, x11)
    CASE(0xe996, 0xffffffffffffffff, 0x7fffffff, cmp x10, x11)
    CASE(0xea9a, 0x80000000, 0x100000000, cmp x10, x11)
    CASE(0xd5a6, 0x7fffffffffffffff, 0x7f, cmp x10, x11)
    CASE(0xd5a6, 0xffffffff80000000, 0x8000000000000001, cmp x10, x11)
    CASE(0xea9a, 0x8000000000000001, 0xfffffffffffffffe, cmp x10, x11)
    CASE(0xe966, 0x8000000000000000, 0x7fffffff, cmp x10, x11)
    CASE(0xd6aa, 0x1, 0xffffffff80000000, cmp x10, x11)
    CASE(0xd65a, 0x100000000, 0x8000000000000000, cmp x10, x11)

    CASE(0xe6a5, 0x7fffffffffffffff, 0xffffffffffffffff, cmp w10, w11)
    CASE(0xea9a, 0x8000000000000000, 0x1, cmp w10, w11)
    CASE(0xd65a, 0x7fffffff, 0xffffffff, cmp w10, w11)
    CASE(0xe966, 0x80000000, 0x1, cmp w10, w11)
    CASE(0xe6a5, 0x0, 0x0, cmp w10, w11)
    CASE(0xe6a5, 0xffffffffffffffff, 0xffffffffffffffff, cmp w10, w11)
    CASE(0xd5a6, 0x8000000000000001, 0x0, cmp w10, w11)
    CASE(0xea9a, 0x80000000, 0xfffffffffffffffe, cmp w10, w11)
    CASE(0xe966, 0xffffffff80000000, 0x2, cmp w10, w11)
    CASE(0xd6aa, 0x0, 0xffffffff, cmp w10, w11)
    CASE(0xd5a6, 0x7fffffffffffffff, 0x123456789abcdef0, cmp w10, w11)
    CASE(0xd6aa, 0x8000000000000000, 0x123456789abcdef0, cmp w10, w11)
    CASE(0xe996, 0xffffffffffffffff, 0x7fffffff, cmp w10, w11)
    CASE(0xe996, 0x1ffffffff, 0x7f, cmp w10, w11)
    CASE(0xd5a6, 0x1ffffffff, 0xffffffff80000000, cmp w10, w11)
    CASE(0xe996, 0xfffffffffffffffe, 0x8000000000000000, cmp w10, w11)
    CASE(0xe996, 0x123456789abcdef0, 0x1, cmp w10, w11)
    CASE(0xe996, 0xffffffffffffffff, 0x8000000000000000, cmp w10, w11)
    CASE(0xe996, 0xffffffff, 0x8000000000000000, cmp w10, w11)
    CASE(0xd6aa, 0x8000000000000000, 0xffffffff, cmp w10, w11)

    CASE(0xd5a6, 0x7fffffffffffffff, 0xffffffffffffffff, cmn x10, x11)
    CASE(0xea9a, 0x8000000000000000, 0x1, cmn x10, x11)
    CASE(0xd6aa, 0x7fffffff, 0xffffffff, cmn x10, x11)
    CASE(0xd6aa, 0x80000000, 0x1, cmn x10, x11)
    CASE(0xe6a9, 0x0, 0x0, cmn x10, x11)
    CASE(0xe996, 0xffffffffffffffff, 0xffffffffffffffff, cmn x10, x11)
    CASE(0xea9a, 0x8000000000000001, 0x2, cmn x10, x11)
    CASE(0xd65a, 0x7fffffffffffffff, 0x7f, cmn x10, x11)
    CASE(0xd5a6, 0xffffffff80000000, 0x1ffffffff, cmn x10, x11)
    CASE(0xd65a, 0x7f, 0x7fffffffffffffff, cmn x10, x11)
    CASE(0xe966, 0x8000000000000001, 0x8000000000000000, cmn x10, x11)
    CASE(0xd6aa, 0xffffffff, 0x2, cmn x10, x11)
    CASE(0xd6aa, 0x100000000, 0x1ffffffff, cmn x10, x11)
    CASE(0xe996, 0xffffffff80000000, 0xffffffff80000000, cmn x10, x11)
    CASE(0xea9a, 0x7fffffff, 0x8000000000000000, cmn x10, x11)
    CASE(0xe966, 0x8000000000000001, 0xfffffffffffffffe, cmn x10, x11)
    CASE(0xea9a, 0x7fffffff, 0x8000000000000001, cmn x10, x11)
    CASE(0xd65a, 0x7fffffffffffffff, 0x100000000, cmn x10, x11)
    CASE(0xea9a, 0x2, 0xffffffff80000000, cmn x10, x11)
    CASE(0xea9a, 0x7f, 0x8000000000000000, cmn x10, x11)

    CASE(0xe996, 0x7fffffffffffffff, 0xffffffffffffffff, cmn w10, w11)
    CASE(0xd6aa, 0x8000000000000000, 0x1, cmn w10, w11)
    CASE(0xd5a6, 0x7fffffff, 0xffffffff, cmn w10, w11)
    CASE(0xea9a, 0x80000000, 0x1, cmn w10, w11)
    CASE(0xe6a9, 0x0, 0x0, cmn w10, w11)
    CASE(0xe996, 0xffffffffffffffff, 0xffffffffffffffff, cmn w10, w11)
    CASE(0xe966, 0xfffffffffffffffe, 0xffffffff80000000, cmn w10, w11)
    CASE(0xd6aa, 0x8000000000000001, 0x8000000000000001, cmn w10, w11)
    CASE(0xd6aa, 0x7f, 0x100000000, cmn w10, w11)
    CASE(0xe996, 0x123456789abcdef0, 0xffffffff, cmn w10, w11)
    CASE(0xea9a, 0x8000000000000001, 0x80000000, cmn w10, w11)
    CASE(0xd6aa, 0x100000000, 0x8000000000000001, cmn w10, w11)
    CASE(0xe6a9, 0x100000000, 0x0, cmn w10, w11)
    CASE(0xe996, 0x123456789abcdef0, 0x1ffffffff, cmn w10, w11)
    CASE(0xea9a, 0x0, 0x7fffffffffffffff, cmn w10, w11)
    CASE(0xd6aa, 0x8000000000000001, 0x2, cmn w10, w11)
    CASE(0xea9a, 0x2, 0x80000000, cmn w10, w11)
    CASE(0xe966, 0x1ffffffff, 0x80000000, cmn w10, w11)
    CASE(0xea9a, 0x0, 0x1ffffffff, cmn w10, w11)
    CASE(0xe996, 0xfffffffffffffffe, 0xffffffff, cmn w10, w11)

    CASE(0xd6aa, 0x7fffffffffffffff, 0xffffffffffffffff, tst x10, x11)
    CASE(0xe6a9, 0x8000000000000000, 0x1, tst x10, x11)
    CASE(0xd6aa, 0x7fffffff, 0xffffffff, tst x10, x11)
    CASE(0xe6a9, 0x80000000, 0x1, tst x10, x11)
    CASE(0xe6a9, 0x0, 0x0, tst x10, x11)
    CASE(0xea9a, 0xffffffffffffffff, 0xffffffffffffffff, tst x10, x11)
    CASE(0xd6aa, 0x100000000, 0x100000000, tst x10, x11)
    CASE(0xd6aa, 0x7f, 0xffffffffffffffff, tst x10, x11)
    CASE(0xe6a9, 0x2, 0x8000000000000000, tst x10, x11)
    CASE(0xe6a9, 0x7fffffff, 0x8000000000000000, tst x10, x11)
    CASE(0xd6aa, 0x1ffffffff, 0x7fffffffffffffff, tst x10, x11)
    CASE(0xd6aa, 0x2, 0x7fffffffffffffff, tst x10, x11)
    CASE(0xd6aa, 0x2, 0x2, tst x10, x11)
    CASE(0xe6a9, 0xffffffffffffffff, 0x0, tst x10, x11)
    CASE(0xd6aa, 0x7fffffffffffffff, 0x7fffffffffffffff, tst x10, x11)
    CASE(0xea9a, 0x8000000000000001, 0x8000000000000000, tst x10, x11)
    CASE(0xd6aa, 0xffffffff, 0x1, tst x10, x11)
    CASE(0xea9a, 0x8000000000000000, 0xffffffffffffffff, tst x10, x11)
    CASE(0xe6a9, 0x123456789abcdef0, 0x100000000, tst x10, x11)
    CASE(0xea9a, 0xffffffffffffffff, 0xffffffffffffffff, tst x10, x11)

    CASE(0xea9a, 0x7fffffffffffffff, 0xffffffffffffffff, tst w10, w11)
    CASE(0xe6a9, 0x8000000000000000, 0x1, tst w10, w11)
    CASE(0xd6aa, 0x7fffffff, 0xffffffff, tst w10, w11)
    CASE(0xe6a9, 0x80000000, 0x1, tst w10, w11)
    CASE(0xe6a9, 0x0, 0x0, tst w10, w11)
    CASE(0xea9a, 0xffffffffffffffff, 0xffffffffffffffff, tst w10, w11)
    CASE(0xea9a, 0xffffffffffffffff, 0x123456789abcdef0, tst w10, w11)
    CASE(0xea9a, 0xffffffff, 0x80000000, tst w10, w11)
    CASE(0xd6aa, 0x8000000000000001, 0xffffffff, tst w10, w11)
    CASE(0xe6a9, 0x8000000000000001, 0xfffffffffffffffe, tst w10, w11)
    CASE(0xe6a9, 0x100000000, 0x1ffffffff, tst w10, w11)
    CASE(0xe6a9, 0x8000000000000000, 0x2, tst w10, w11)
    CASE(0xea9a, 0xffffffff80000000, 0x123456789abcdef0, tst w10, w11)
    CASE(0xe6a9, 0x80000000, 0x2, tst w10, w11)
    CASE(0xe6a9, 0x100000000, 0xffffffff80000000, tst w10, w11)
    CASE(0xd6aa, 0x7fffffff, 0x7f, tst w10, w11)
    CASE(0xe6a9, 0xffffffff, 0x8000000000000000, tst w10, w11)
    CASE(0xd6aa, 0xffffffff, 0x1, tst w10, w11)
    CASE(0xe6a9, 0x8000000000000000, 0x7f, tst w10, w11)
    CASE(0xe6a9, 0x80000000, 0x7f, tst w10, w11)

    CASE(0xd5a6, 0x7fffffffffffffff, 0xffffffffffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xea9a, 0x8000000000000000, 0x1, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x7fffffff, 0xffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x80000000, 0x1, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x0, 0x0, CARRY1 ; adcs x12, x10, x11)
    CASE(0xe996, 0xffffffffffffffff, 0xffffffffffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x2, 0x2, CARRY1 ; adcs x12, x10, x11)
    CASE(0xea9a, 0x2, 0xffffffff80000000, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x7f, 0x1ffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd5a6, 0x100000000, 0xfffffffffffffffe, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd5a6, 0x123456789abcdef0, 0xfffffffffffffffe, CARRY1 ; adcs x12, x10, x11)
    CASE(0xe996, 0xfffffffffffffffe, 0xffffffffffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xe996, 0xffffffffffffffff, 0xffffffff80000000, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd65a, 0x123456789abcdef0, 0x7fffffffffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd65a, 0x1, 0x7fffffffffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd65a, 0x2, 0x7fffffffffffffff, CARRY1 ; adcs x12, x10, x11)
    CASE(0xea9a, 0x7f, 0xffffffff80000000, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x1ffffffff, 0x0, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x0, 0x1, CARRY1 ; adcs x12, x10, x11)
    CASE(0xd6aa, 0x123456789abcdef0, 0x1ffffffff, CARRY1 ; adcs x12, x10, x11)

    CASE(0xe996, 0x7fffffffffffffff, 0xffffffffffffffff, CARRY0 ; adcs w12, w10, w11)
    CASE(0xd6aa, 0x8000000000000000, 0x1, CARRY0 ; adcs w12, w10, w11)
    CASE(0xd5a6, 0x7fffffff, 0xffffffff, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0x80000000, 0x1, CARRY0 ; adcs w12, w10, w11)
    CASE(0xe6a9, 0x0, 0x0, CARRY0 ; adcs w12, w10, w11)
    CASE(0xe996, 0xffffffffffffffff, 0xffffffffffffffff, CARRY0 ; adcs w12, w10, w11)
    CASE(0xd6aa, 0x0, 0x1, CARRY0 ; adcs w12, w10, w11)
    CASE(0xe6a5, 0xffffffffffffffff, 0x1, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0x80000000, 0x0, CARRY0 ; adcs w12, w10, w11)
    CASE(0xe996, 0xffffffff, 0xffffffff, CARRY0 ; adcs w12, w10, w11)
    CASE(0xd5a6, 0xfffffffffffffffe, 0x7fffffff, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0xfffffffffffffffe, 0x0, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0x7f, 0x123456789abcdef0, CARRY0 ; adcs w12, w10, w11)
    CASE(0xd6aa, 0x2, 0x0, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0xffffffff80000000, 0x8000000000000000, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0xffffffff80000000, 0x0, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0xffffffffffffffff, 0x100000000, CARRY0 ; adcs w12, w10, w11)
    CASE(0xd65a, 0x7fffffff, 0x2, CARRY0 ; adcs w12, w10, w11)
    CASE(0xe6a9, 0x100000000, 0x100000000, CARRY0 ; adcs w12, w10, w11)
    CASE(0xea9a, 0x8000000000000000, 0x1ffffffff, CARRY0 ; adcs w12, w10, w11)

    CASE(0xd6aa, 0x7fffffffffffffff, 0xffffffffffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xe966, 0x8000000000000000, 0x1, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0x7fffffff, 0xffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd5a6, 0x80000000, 0x1, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0x0, 0x0, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0xffffffffffffffff, 0xffffffffffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd65a, 0x100000000, 0x8000000000000000, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0x7f, 0x80000000, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xe996, 0xfffffffffffffffe, 0x123456789abcdef0, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd5a6, 0xfffffffffffffffe, 0xffffffff80000000, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xe6a5, 0x1, 0x0, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0x1, 0xffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0xffffffff, 0x7fffffffffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd65a, 0xffffffff, 0x8000000000000000, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd5a6, 0x80000000, 0x7f, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0xffffffff80000000, 0xffffffff80000000, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd6aa, 0x100000000, 0xffffffffffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0x7fffffffffffffff, 0x7fffffffffffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xd5a6, 0x100000000, 0x7fffffff, CARRY0 ; sbcs x12, x10, x11)
    CASE(0xea9a, 0xffffffff, 0xffffffff, CARRY0 ; sbcs x12, x10, x11)

    CASE(0xe6a5, 0x7fffffffffffffff, 0xffffffffffffffff, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xea9a, 0x8000000000000000, 0x1, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd65a, 0x7fffffff, 0xffffffff, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe966, 0x80000000, 0x1, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe6a5, 0x0, 0x0, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe6a5, 0xffffffffffffffff, 0xffffffffffffffff, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd65a, 0x7fffffff, 0xfffffffffffffffe, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd5a6, 0x1, 0x100000000, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd65a, 0x100000000, 0x80000000, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe996, 0x123456789abcdef0, 0x7f, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd5a6, 0x8000000000000001, 0x100000000, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd6aa, 0x1, 0xffffffffffffffff, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe996, 0x1ffffffff, 0x2, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd65a, 0x7fffffff, 0x80000000, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe996, 0xffffffffffffffff, 0x1, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xea9a, 0xffffffff80000000, 0x1ffffffff, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xea9a, 0x80000000, 0x7fffffffffffffff, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xd65a, 0x2, 0xffffffff80000000, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe996, 0xffffffffffffffff, 0x8000000000000000, CARRY1 ; sbcs w12, w10, w11)
    CASE(0xe996, 0xfffffffffffffffe, 0x2, CARRY1 ; sbcs w12, w10, w11)
    ldp     x29, x30, [sp], #16
    ret
