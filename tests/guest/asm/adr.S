// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/adr.S: PC-relative addresses: adr (byte offset, +-1 MiB) and adrp
 * (4 KiB page offset, +-4 GiB).
 *
 * Each result is compared with the absolute address of the same label,
 * which the static (non-PIE) link writes into a literal. The cases cover
 * offsets that are not multiples of 4 (adr's immlo field), negative
 * offsets, a target 64 KiB away, and adrp from code near the end of a page
 * to data several pages away, with and without the :lo12: add.
 */
#include "check.h"

TEST_NAME("asm-adr")

    .text
before:                                 // a target behind the code
    .word   0
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!

1:  adr     x9, 1b                      // its own address
    ldr     x10, =1b
    CHECK_REG(x9, x10)
    adr     x9, before                  // negative offset
    ldr     x10, =before
    CHECK_REG(x9, x10)
    adr     x9, odd1                    // offsets ending in binary 01, 10, 11
    ldr     x10, =odd1
    CHECK_REG(x9, x10)
    adr     x9, odd2
    ldr     x10, =odd2
    CHECK_REG(x9, x10)
    adr     x9, odd3
    ldr     x10, =odd3
    CHECK_REG(x9, x10)
    adr     x9, far_text                // 64 KiB ahead
    ldr     x10, =far_text
    CHECK_REG(x9, x10)

    /* adrp: the 4 KiB page of the target, from near a page end too. */
    adrp    x9, data_a
    ldr     x10, =data_a
    and     x10, x10, #~0xfff
    CHECK_REG(x9, x10)
    adrp    x9, data_a
    add     x9, x9, :lo12:data_a
    ldr     x10, =data_a
    CHECK_REG(x9, x10)
    adrp    x9, data_b
    add     x9, x9, :lo12:data_b
    ldr     x10, =data_b
    CHECK_REG(x9, x10)
    bl      near_page_end
    CHECK_REG(x11, x12)
    CHECK_REG(x13, x14)
    adrp    x9, before                  // the page of an earlier label
    ldr     x10, =before
    and     x10, x10, #~0xfff
    CHECK_REG(x9, x10)

    ldp     x29, x30, [sp], #16
    ret
    .ltorg

    .byte   0
odd1:
    .byte   0
odd2:
    .byte   0
odd3:
    .byte   0

    /* The last instructions of a page: adrp uses this PC's page. */
    .balign 4096
    .skip   4096 - 16
near_page_end:
    adrp    x11, data_b                 // at page offset 0xff0
    ldr     x12, =data_b
    b       2f
    nop
2:  adrp    x13, data_b                 // first instruction of the next page
    ldr     x14, =data_b
    and     x12, x12, #~0xfff
    and     x14, x14, #~0xfff
    ret
    .ltorg

    .skip   65536
far_text:
    ret

    .data
    .balign 16
data_a:
    .quad   1
    .skip   3 * 4096 + 8
data_b:
    .quad   2
