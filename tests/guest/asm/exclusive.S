// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/exclusive.S: load/store exclusive (register and pair, every size,
 * with and without acquire/release) and the ordered loads and stores
 * (LDAR/STLR/LDLAR/STLLR/LDAPR, LDAPUR/STLUR and the sign-extending
 * LDAPURS*).
 *
 * Exclusives, as the ARM ARM monitor behaves for one thread:
 *   - LDXR then STXR to the same address stores and writes status 0;
 *   - STXR with no reservation, to another address, or after a store that
 *     changed the value, fails: status 1, memory untouched;
 *   - STXR always clears the reservation (a second STXR fails), and so
 *     does CLREX;
 *   - loads zero-extend (B/H/W), stores write only their size, the status
 *     is a W register (bits 63:32 cleared).
 */
#include "check.h"

TEST_NAME("asm-exclusive")

    .arch armv8.4-a                     // LSE, LOR, RCpc, RCpc2

#define CHK2(r1, v1, r2, v2) CHECK_IMM(r1, v1) ; CHECK_IMM(r2, v2)
/* Memory at x20 = 0x1122334455667788 (bytes 88 77 66 55 ...). */
#define RESET ldr x24, =0x1122334455667788 ; str x24, [x20] ; str x24, [x20, #8] ; clrex
/* x9 = all ones, then the load; check x9. */
#define LD(expected, ...) mov x9, #-1 ; __VA_ARGS__ ; CHECK_IMM(x9, expected)

    .text
    .global test_main
test_main:
    mov     x28, x30
    adrp    x20, buf
    add     x20, x20, :lo12:buf
    ldr     x12, =0xa1a2a3a4a5a6a7a8
    ldr     x13, =0xb1b2b3b4b5b6b7b8

    /* Success: LDXR + STXR at the same address, every size. */
    RESET
    LD(0x1122334455667788, ldxr x9, [x20])
    mov     x10, #-1
    stxr    w10, x12, [x20]
    CHECK_IMM(x10, 0)
    LD(0xa1a2a3a4a5a6a7a8, ldr x9, [x20])
    RESET
    LD(0x55667788, ldxr w9, [x20])
    mov     x10, #-1
    stxr    w10, w12, [x20]
    CHECK_IMM(x10, 0)
    LD(0x11223344a5a6a7a8, ldr x9, [x20])
    RESET
    LD(0x7788, ldxrh w9, [x20])
    stxrh   w10, w12, [x20]
    CHECK_IMM(x10, 0)
    LD(0x112233445566a7a8, ldr x9, [x20])
    RESET
    LD(0x88, ldxrb w9, [x20])
    stxrb   w10, w12, [x20]
    CHECK_IMM(x10, 0)
    LD(0x11223344556677a8, ldr x9, [x20])
    RESET
    add     x11, x20, #7
    LD(0x11, ldaxrb w9, [x11])
    stlxrb  w10, w13, [x11]
    CHECK_IMM(x10, 0)
    LD(0xb822334455667788, ldr x9, [x20])
    RESET
    add     x11, x20, #6
    LD(0x1122, ldaxrh w9, [x11])
    stlxrh  w10, w13, [x11]
    CHECK_IMM(x10, 0)
    LD(0xb7b8334455667788, ldr x9, [x20])
    RESET
    add     x11, x20, #4
    LD(0x11223344, ldaxr w9, [x11])
    stlxr   w10, w13, [x11]
    CHECK_IMM(x10, 0)
    LD(0xb5b6b7b855667788, ldr x9, [x20])
    RESET
    add     x11, x20, #8
    LD(0x1122334455667788, ldaxr x9, [x11])
    stlxr   w10, x13, [x11]
    CHECK_IMM(x10, 0)
    LD(0xb1b2b3b4b5b6b7b8, ldr x9, [x20, #8])

    /* Failure: no reservation; a second STXR; another address. */
    RESET
    mov     x10, #-1
    stxr    w10, x12, [x20]
    CHECK_IMM(x10, 1)
    LD(0x1122334455667788, ldr x9, [x20])
    ldxr    x9, [x20]
    stxr    w10, x12, [x20]
    CHECK_IMM(x10, 0)
    stxr    w10, x13, [x20]
    CHECK_IMM(x10, 1)
    LD(0xa1a2a3a4a5a6a7a8, ldr x9, [x20])
    RESET
    ldxr    x9, [x20]
    add     x11, x20, #8
    stxr    w10, x12, [x11]
    CHECK_IMM(x10, 1)
    LD(0x1122334455667788, ldr x9, [x20, #8])
    stxr    w10, x12, [x20]             // the failed STXR cleared it
    CHECK_IMM(x10, 1)
    LD(0x1122334455667788, ldr x9, [x20])
    /* A store that changed the value breaks the reservation. */
    RESET
    ldaxr   w9, [x20]
    str     w13, [x20]
    stlxr   w10, w12, [x20]
    CHECK_IMM(x10, 1)
    LD(0x11223344b5b6b7b8, ldr x9, [x20])
    /* CLREX. */
    RESET
    ldxr    x9, [x20]
    clrex
    stxr    w10, x12, [x20]
    CHECK_IMM(x10, 1)
    LD(0x1122334455667788, ldr x9, [x20])
    /* A new LDXR moves the reservation. */
    RESET
    ldxr    x9, [x20]
    add     x11, x20, #8
    ldxr    x9, [x11]
    stxr    w10, x12, [x20]
    CHECK_IMM(x10, 1)
    ldxr    x9, [x11]
    stxr    w10, x12, [x11]
    CHECK_IMM(x10, 0)
    LD(0xa1a2a3a4a5a6a7a8, ldr x9, [x20, #8])

    /* Pairs: LDXP/STXP W and X, with acquire/release, success and failure. */
    RESET
    mov     x9, #-1
    mov     x10, #-1
    ldxp    w9, w10, [x20]
    CHK2(x9, 0x55667788, x10, 0x11223344)
    mov     x11, #-1
    stxp    w11, w12, w13, [x20]
    CHECK_IMM(x11, 0)
    LD(0xb5b6b7b8a5a6a7a8, ldr x9, [x20])
    stxp    w11, w13, w12, [x20]
    CHECK_IMM(x11, 1)
    LD(0xb5b6b7b8a5a6a7a8, ldr x9, [x20])
    RESET
    ldaxp   x9, x10, [x20]
    CHK2(x9, 0x1122334455667788, x10, 0x1122334455667788)
    stlxp   w11, x12, x13, [x20]
    CHECK_IMM(x11, 0)
    ldp     x9, x10, [x20]
    CHK2(x9, 0xa1a2a3a4a5a6a7a8, x10, 0xb1b2b3b4b5b6b7b8)
    ldxp    x9, x10, [x20]
    str     x12, [x20, #8]              // the high half changed
    stxp    w11, x13, x13, [x20]
    CHECK_IMM(x11, 1)
    ldp     x9, x10, [x20]
    CHK2(x9, 0xa1a2a3a4a5a6a7a8, x10, 0xa1a2a3a4a5a6a7a8)
    ldaxp   w9, w10, [x20]
    str     w13, [x20, #4]              // the high word changed
    stlxp   w11, w13, w13, [x20]
    CHECK_IMM(x11, 1)
    LD(0xb5b6b7b8a5a6a7a8, ldr x9, [x20])
    stxp    w11, xzr, xzr, [x20]        // no reservation
    CHECK_IMM(x11, 1)
    ldxp    x9, x10, [x20]
    stxp    w11, xzr, xzr, [x20]
    CHECK_IMM(x11, 0)
    ldp     x9, x10, [x20]
    CHK2(x9, 0, x10, 0)

    /* A counting loop, as compilers emit for atomic increments. */
    str     xzr, [x20]
    mov     x14, #1000
1:  ldaxr   x9, [x20]
    add     x9, x9, #3
    stlxr   w10, x9, [x20]
    cbnz    w10, 1b
    subs    x14, x14, #1
    b.ne    1b
    LD(3000, ldr x9, [x20])

    /* Ordered loads: zero-extension, every size. */
    RESET
    ldr     x24, =0x8182838485868788
    str     x24, [x20, #16]
    add     x11, x20, #16
    LD(0x88, ldarb w9, [x11])
    LD(0x8788, ldarh w9, [x11])
    LD(0x85868788, ldar w9, [x11])
    LD(0x8182838485868788, ldar x9, [x11])
    LD(0x88, ldlarb w9, [x11])
    LD(0x8788, ldlarh w9, [x11])
    LD(0x85868788, ldlar w9, [x11])
    LD(0x8182838485868788, ldlar x9, [x11])
    LD(0x88, ldaprb w9, [x11])
    LD(0x8788, ldaprh w9, [x11])
    LD(0x85868788, ldapr w9, [x11])
    LD(0x8182838485868788, ldapr x9, [x11])
    /* LDAPUR/LDAPURS*: offsets and sign extension into W and X. */
    LD(0x88, ldapurb w9, [x11])
    LD(0xffffffffffffff86, ldapursb x9, [x11, #2])
    LD(0xffffff86, ldapursb w9, [x11, #2])
    LD(0x11, ldapursb x9, [x11, #-1])
    LD(0xffffffffffff8384, ldapursh x9, [x11, #4])
    LD(0xffff8384, ldapursh w9, [x11, #4])
    LD(0x1122, ldapursh w9, [x11, #-2])
    LD(0xffffffff81828384, ldapursw x9, [x11, #4])
    LD(0x11223344, ldapursw x9, [x11, #-4])
    LD(0x8182838485868788, ldapur x9, [x11])
    LD(0x85868788, ldapur w9, [x11])
    LD(0x8788, ldapurh w9, [x11])
    add     x10, x11, #256
    LD(0x8182838485868788, ldapur x9, [x10, #-256])
    sub     x10, x11, #255
    LD(0x8182838485868788, ldapur x9, [x10, #255])
    /* Ordered stores: only their own bytes. */
    stlrb   w12, [x11]
    stlrh   w12, [x11]
    add     x10, x11, #2
    stlrh   w13, [x10]
    add     x10, x11, #4
    stlr    w12, [x10]
    LD(0xa5a6a7a8b7b8a7a8, ldr x9, [x11])
    stllrb  w13, [x11]
    add     x10, x11, #2
    stllrh  w12, [x10]
    LD(0xa5a6a7a8a7a8a7b8, ldr x9, [x11])
    add     x10, x11, #4
    stllr   w13, [x10]
    LD(0xb5b6b7b8a7a8a7b8, ldr x9, [x11])
    stllr   x12, [x11]
    LD(0xa1a2a3a4a5a6a7a8, ldr x9, [x11])
    stlr    x13, [x11]
    LD(0xb1b2b3b4b5b6b7b8, ldr x9, [x11])
    stlurb  wzr, [x11, #1]
    stlurh  wzr, [x11, #2]
    stlur   wzr, [x11, #4]
    LD(0xb8, ldr x9, [x11])
    stlur   x12, [x11, #-8]
    LD(0xa1a2a3a4a5a6a7a8, ldr x9, [x20, #8])
    sub     x10, x11, #255
    stlur   x13, [x10, #255]
    LD(0xb1b2b3b4b5b6b7b8, ldr x9, [x11])
    /* SP as the base. */
    mov     x19, sp
    sub     sp, sp, #16
    stlr    x12, [sp]
    LD(0xa1a2a3a4a5a6a7a8, ldar x9, [sp])
    ldxr    x9, [sp]
    stxr    w10, x13, [sp]
    CHECK_IMM(x10, 0)
    LD(0xb1b2b3b4b5b6b7b8, ldapur x9, [sp, #0])
    add     sp, sp, #16
    mov     x9, sp
    CHECK_REG(x9, x19)

    mov     x30, x28
    ret

    .data
    .balign 64
buf:
    .skip   64
