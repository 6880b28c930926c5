// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/ic-ivau.S: self-modifying code made visible with IC IVAU + ISB.
 *
 * AArch64 software that writes instructions (JITs, the dynamic linker's
 * lazy binding) runs the sequence
 *     dc cvau, x ; dsb ish ; ic ivau, x ; dsb ish ; isb
 * before executing them; that sequence, and nothing else, is what tells
 * the emulator that its translation of those bytes is stale. In an
 * RWX page from mmap:
 *  1. "movz w0, #i ; ret" rewritten and called 20 times: each call must
 *     return the new i.
 *  2. A function whose two instructions straddle a cache line boundary,
 *     with only the second line invalidated: the block that starts in the
 *     first line must go too.
 *  3. Code that patches an instruction after its own isb, in the same
 *     cache line as itself: the block running the IC IVAU is one of those
 *     it invalidates.
 */
#include "check.h"

TEST_NAME("asm-ic-ivau")

#define SYS_mmap        222
#define PROT_RWX        7
#define MAP_PRIVATE_ANON 0x22

#define MOVZ_W0(imm)    (0x52800000 | ((imm) << 5))
#define MOVZ_W0_REG     0x52800000      /* | imm16 << 5 */
#define RET             0xd65f03c0
#define NOP             0xd503201f

/* Make the instruction at [reg] visible to instruction fetch. */
#define SYNC_INSN(reg)                                                      \
    dc cvau, reg ; dsb ish ; ic ivau, reg ; dsb ish ; isb

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]

    mov     x0, #0
    mov     x1, #4096
    mov     x2, #PROT_RWX
    mov     x3, #MAP_PRIVATE_ANON
    mov     x4, #-1
    mov     x5, #0
    mov     x8, #SYS_mmap
    svc     #0
    mov     x19, x0                     // the code page
    lsr     x9, x0, #12
    cmp     x9, #0                      // a page, not an error
    cset    x9, ne
    CHECK_IMM(x9, 1)

    /* 1. Rewrite "movz w0, #i" at x19 and call it, 20 times. */
    ldr     w9, =RET
    str     w9, [x19, #4]
    mov     x20, #1
1:  mov     w9, #MOVZ_W0_REG
    orr     w9, w9, w20, lsl #5
    str     w9, [x19]
    SYNC_INSN(x19)
    blr     x19
    mov     x9, x0
    CHECK_REG(x9, x20)
    add     x20, x20, #1
    cmp     x20, #21
    b.ne    1b

    /* 2. nop at 0x13c, movz at 0x140 (the next 64-byte line), ret. */
    add     x20, x19, #0x13c
    ldr     w9, =NOP
    str     w9, [x20]
    ldr     w9, =MOVZ_W0(1)
    str     w9, [x20, #4]
    ldr     w9, =RET
    str     w9, [x20, #8]
    SYNC_INSN(x20)
    add     x9, x20, #8
    SYNC_INSN(x9)
    blr     x20
    mov     x9, x0
    CHECK_IMM(x9, 1)
    ldr     w9, =MOVZ_W0(2)
    str     w9, [x20, #4]
    add     x9, x20, #4
    SYNC_INSN(x9)                       // the second line only
    blr     x20
    mov     x9, x0
    CHECK_IMM(x9, 2)

    /* 3. Copy patcher (x1 = new instruction) to x19 + 0x200 and run it. */
    add     x20, x19, #0x200
    adr     x9, patcher
    mov     x10, #0
2:  ldr     w11, [x9, x10]
    str     w11, [x20, x10]
    add     x10, x10, #4
    cmp     x10, #(patcher_end - patcher)
    b.ne    2b
    mov     x10, #0
3:  add     x9, x20, x10
    SYNC_INSN(x9)
    add     x10, x10, #4
    cmp     x10, #(patcher_end - patcher)
    b.ne    3b
    ldr     w1, =MOVZ_W0(100)
    blr     x20
    mov     x9, x0
    CHECK_IMM(x9, 100)
    ldr     w1, =MOVZ_W0(200)           // now its old translation exists
    blr     x20
    mov     x9, x0
    CHECK_IMM(x9, 200)
    ldr     w1, =MOVZ_W0(300)
    blr     x20
    mov     x9, x0
    CHECK_IMM(x9, 300)

    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

/* Position independent: stores w1 over its own "movz w0, #0" and runs it. */
patcher:
    adr     x2, 1f
    str     w1, [x2]
    SYNC_INSN(x2)
1:  movz    w0, #0
    ret
patcher_end:
