// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/dc-zva.S: DC ZVA and the no-op cache maintenance instructions.
 *
 * DC ZVA zeroes the naturally aligned block of 4 << DCZID_EL0.BS bytes
 * that holds the address in Xt (glibc's memset uses it for large sizes).
 * For several addresses inside a 0x55-filled buffer (block start, odd
 * offsets, the last byte of a block) the test checks that exactly the
 * bytes of that one block became zero. DC CVAU, CVAC and CIVAC must leave
 * memory alone, and DC ZVA must leave the register alone.
 */
#include "check.h"

TEST_NAME("asm-dc-zva")

#define BUF_SIZE 8192                   /* four blocks of the largest BS */

    .text
/* fill: set every byte of buf to 0x55. */
fill:
    adrp    x0, buf
    add     x0, x0, :lo12:buf
    ldr     x1, =0x5555555555555555
    mov     x2, #BUF_SIZE
1:  subs    x2, x2, #8
    str     x1, [x0, x2]
    b.ne    1b
    ret

/*
 * count: x0 = number of bytes of buf that differ from what one DC ZVA at
 * buf + x0 should have left (0 inside [start, start + x1), 0x55 outside,
 * with start = (buf + x0) & -x1). Keeps x9-x28.
 */
count:
    adrp    x2, buf
    add     x2, x2, :lo12:buf
    add     x3, x2, x0
    neg     x4, x1
    and     x3, x3, x4                  // block start
    add     x4, x3, x1                  // block end
    mov     x0, #0
    mov     x5, #0                      // offset in buf
1:  ldrb    w6, [x2, x5]
    add     x7, x2, x5
    cmp     x7, x3
    ccmp    x7, x4, #2, hs              // inside: hs && lo (else C=1)
    mov     x8, #0x55
    csel    x8, xzr, x8, lo
    cmp     x6, x8
    cinc    x0, x0, ne
    add     x5, x5, #1
    cmp     x5, #BUF_SIZE
    b.ne    1b
    ret

/* Zero at buf + off with dc zva and check the whole buffer. */
#define ZVA_AT(off)                                                         \
    bl fill ; adrp x9, buf ; add x9, x9, :lo12:buf ; ldr x11, =(off) ;      \
    add x9, x9, x11 ; mov x10, x9 ; dc zva, x9 ; CHECK_REG(x9, x10) ;       \
    mov x0, x11 ; mov x1, x20 ; bl count ; mov x9, x0 ; CHECK_IMM(x9, 0)

    .global test_main
test_main:
    stp     x29, x30, [sp, #-32]!
    stp     x19, x20, [sp, #16]

    mrs     x9, dczid_el0
    and     x10, x9, #0xf
    mov     x20, #4
    lsl     x20, x20, x10               // x20 = block size in bytes
    ubfx    x9, x9, #4, #1              // DZP clear: allowed
    CHECK_IMM(x9, 0)

    ZVA_AT(2048)                        // a block start (2048-aligned)
    ZVA_AT(2048 + 1)
    ZVA_AT(2048 + 63)
    ZVA_AT(4096 + 200)
    ZVA_AT(4096 - 1)                    // last byte of a block
    ZVA_AT(6000)

    /* x20 - 1 bytes past a block start still zeroes that block. */
    bl      fill
    adrp    x9, buf
    add     x9, x9, :lo12:buf
    add     x9, x9, #2048
    add     x9, x9, x20
    sub     x9, x9, #1
    dc      zva, x9
    mov     x0, #2048
    add     x0, x0, x20
    sub     x0, x0, #1
    mov     x1, x20
    bl      count
    mov     x9, x0
    CHECK_IMM(x9, 0)

    /* Clean/invalidate by address: memory unchanged (no block zeroed). */
    bl      fill
    adrp    x9, buf
    add     x9, x9, :lo12:buf
    add     x9, x9, #100
    dc      cvau, x9
    dc      cvac, x9
    dc      civac, x9
    mov     x0, #0
    mov     x1, #1                      // an empty "block" at buf + 0 ...
    bl      count
    sub     x9, x0, #1                  // ... which count sees as 1 byte
    CHECK_IMM(x9, 0)

    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #32
    ret

    .bss
    .balign 4096
buf:
    .skip   BUF_SIZE
