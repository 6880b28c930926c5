// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/ldst.S: single-register integer loads and stores, every addressing
 * mode: unsigned offset (largest scaled immediates), unscaled (negative and
 * misaligned), pre/post-indexed with the written-back base, register offset
 * with each extend (UXTW, LSL, SXTW, SXTX; with and without the S shift),
 * unprivileged, literal, SP as base, XZR as data, and the prefetches.
 *
 * Every size and sign: LDRB/LDRSB/LDRH/LDRSH/LDR W/LDRSW/LDR X, signed
 * loads into both W (bits 63:32 zero) and X, on values with and without
 * the sign bit. Loads into a register first set to all-ones, so that a W
 * load that fails to clear bits 63:32 shows. The CONSTRAINED UNPREDICTABLE
 * writeback with Rt == Rn is checked as qemu-aarch64 does it (the written-
 * back address wins for loads, the old base is stored).
 */
#include "check.h"

TEST_NAME("asm-ldst")

/* x9 = all-ones, then the load; check x9. */
#define LD(expected, ...) mov x9, #-1 ; __VA_ARGS__ ; CHECK_IMM(x9, expected)
/* x9 = xN - buf (scratch), to check a written-back base. */
#define BASE(reg, off) sub x9, reg, x20 ; CHECK_IMM(x9, off)
#define SBASE(reg, off) sub x9, reg, x21 ; CHECK_IMM(x9, off)

    .text
    .balign 8
lit_before:
    .quad   0xa5a5a5a5c3c3c3c3

    .global test_main
test_main:
    mov     x28, x30
    adrp    x20, buf
    add     x20, x20, :lo12:buf
    adrp    x21, scratch
    add     x21, x21, :lo12:scratch
    ldr     x12, =0x1122334455667788

    /* Unsigned offset: every size and sign. */
    LD(0x10, ldrb w9, [x20])
    LD(0xfe, ldrb w9, [x20, #7])
    LD(0xfffffffffffffffe, ldrsb x9, [x20, #7])
    LD(0xfffffffe, ldrsb w9, [x20, #7])
    LD(0x78, ldrsb x9, [x20, #24])
    LD(0x78, ldrsb w9, [x20, #24])
    LD(0xfedc, ldrh w9, [x20, #6])
    LD(0xfffffffffffffedc, ldrsh x9, [x20, #6])
    LD(0xfffffedc, ldrsh w9, [x20, #6])
    LD(0x7b7a, ldrsh w9, [x20, #26])
    LD(0x7b7a, ldrsh x9, [x20, #26])
    LD(0xfedcba98, ldr w9, [x20, #4])
    LD(0xfffffffffedcba98, ldrsw x9, [x20, #4])
    LD(0x7b7a7978, ldrsw x9, [x20, #24])
    LD(0x76543210, ldr w9, [x20])
    LD(0x0123456789abcdef, ldr x9, [x20, #8])
    LD(0x8081828384858687, ldr x9, [x20, #16])
    /* The largest scaled immediates. */
    sub     x10, x20, #4095
    add     x10, x10, #7
    LD(0xfe, ldrb w9, [x10, #4095])
    ldr     x10, =(8190 - 6)
    sub     x10, x20, x10
    LD(0xfffffffffffffedc, ldrsh x9, [x10, #8190])
    ldr     x10, =(16380 - 4)
    sub     x10, x20, x10
    LD(0xfedcba98, ldr w9, [x10, #16380])
    ldr     x10, =(32760 - 8)
    sub     x10, x20, x10
    LD(0x0123456789abcdef, ldr x9, [x10, #32760])

    /* Unscaled: misaligned and negative offsets, every size. */
    LD(0xeffedcba98765432, ldur x9, [x20, #1])
    add     x10, x20, #9
    LD(0x89abcdef, ldur w9, [x10, #-1])
    LD(0xfffffffffffffffe, ldursb x9, [x10, #-2])
    LD(0xfffffffe, ldursb w9, [x10, #-2])
    LD(0xfffffedc, ldursh w9, [x10, #-3])
    LD(0xfedc, ldurh w9, [x10, #-3])
    LD(0xba, ldurb w9, [x10, #-4])
    add     x10, x20, #260
    LD(0xfffffffffedcba98, ldursw x9, [x10, #-256])
    sub     x11, x20, #247
    LD(0x0123456789abcdef, ldur x9, [x11, #255])

    /* Pre- and post-indexed: the value and the written-back base. */
    mov     x10, x20
    LD(0x0123456789abcdef, ldr x9, [x10, #8]!)
    BASE(x10, 8)
    LD(0xef, ldrb w9, [x10], #-8)
    BASE(x10, 0)
    LD(0xfffffffffffffedc, ldrsh x9, [x10, #6]!)
    BASE(x10, 6)
    LD(0xffffffffcdeffedc, ldrsw x9, [x10], #18)
    BASE(x10, 24)
    LD(0x7b7a, ldrsh w9, [x10, #2]!)
    BASE(x10, 26)
    LD(0x7a, ldrsb w9, [x10], #-26)
    BASE(x10, 0)
    add     x10, x20, #256
    LD(0x76543210, ldr w9, [x10, #-256]!)
    BASE(x10, 0)
    LD(0xfedcba9876543210, ldr x9, [x10], #255)
    BASE(x10, 255)
    LD(0x0123456789abcdef, ldr x9, [x10, #-247]!)
    BASE(x10, 8)

    /* Stores of every size merge into the bytes around them. */
    str     x12, [x21]
    ldr     x11, =0x0102030405060708
    strb    w11, [x21, #1]
    strh    w11, [x21, #2]
    str     w11, [x21, #4]
    LD(0x0506070807080888, ldr x9, [x21])
    stur    x11, [x21, #9]
    LD(0x0102030405060708, ldur x9, [x21, #9])
    LD(0x08, ldrb w9, [x21, #9])
    LD(0, ldrb w9, [x21, #8])
    mov     x10, x21
    str     x12, [x10, #16]!
    SBASE(x10, 16)
    strh    w11, [x10], #-16
    SBASE(x10, 0)
    LD(0x1122334455660708, ldr x9, [x21, #16])
    sturb   w12, [x21, #-1]
    LD(0x88, ldrb w9, [x21, #-1])
    sturh   w12, [x21, #17]
    LD(0x1122334455778808, ldr x9, [x21, #16])
    str     w12, [x21, #20]
    LD(0x5566778855778808, ldr x9, [x21, #16])
    str     xzr, [x21, #16]
    LD(0, ldr x9, [x21, #16])
    str     x12, [x21, #16]
    strb    wzr, [x21, #16]
    strh    wzr, [x21, #18]
    str     wzr, [x21, #20]
    LD(0x0000000000007700, ldr x9, [x21, #16])
    mov     x10, x21
    strb    w11, [x10, #-1]!
    SBASE(x10, -1)
    str     w11, [x10], #1
    SBASE(x10, 0)
    LD(0x05060708, ldur w9, [x21, #-1])

    /* Register offset: each extend, with and without the shift. */
    mov     x11, #1
    LD(0x0123456789abcdef, ldr x9, [x20, x11, lsl #3])
    LD(0xeffedcba98765432, ldr x9, [x20, x11])
    LD(0x32, ldrb w9, [x20, x11, lsl #0])
    LD(0x32, ldrb w9, [x20, x11])
    LD(0x5432, ldrh w9, [x20, x11])
    LD(0x7654, ldrh w9, [x20, x11, lsl #1])
    LD(0x98765432, ldr w9, [x20, x11])
    LD(0xfedcba98, ldr w9, [x20, x11, lsl #2])
    ldr     x11, =0xffffffff00000001    // UXTW ignores bits 63:32
    LD(0xfedcba98, ldr w9, [x20, w11, uxtw #2])
    LD(0xfffffffffedcba98, ldrsw x9, [x20, w11, uxtw #2])
    LD(0x32, ldrb w9, [x20, w11, uxtw])
    LD(0xeffedcba98765432, ldr x9, [x20, w11, uxtw])
    ldr     x11, =0x12345678fffffffe    // SXTW: -2
    add     x10, x20, #16
    LD(0xfedcba9876543210, ldr x9, [x10, w11, sxtw #3])
    LD(0x23, ldrsb x9, [x10, w11, sxtw #0])
    LD(0x23, ldrsb x9, [x10, w11, sxtw])
    LD(0x4567, ldrh w9, [x10, w11, sxtw #1])
    LD(0x4567, ldrsh w9, [x10, w11, sxtw #1])
    LD(0x89abcdef, ldr w9, [x10, w11, sxtw #2])
    ldr     x11, =-2                    // SXTX
    LD(0x4567, ldrsh x9, [x10, x11, sxtx #1])
    LD(0x23, ldrsb w9, [x10, x11, sxtx])
    LD(0xfedcba9876543210, ldr x9, [x10, x11, sxtx #3])
    LD(0x8283848586870123, ldr x9, [x10, x11, sxtx])
    LD(0xfedcba9876543210, ldr x9, [x10, x11, lsl #3])   // LSL = UXTX
    LD(0xfedcba9876543210, ldr x9, [x20, xzr])           // Rm = 31 is XZR
    mov     x11, #2
    strh    w12, [x21, x11, lsl #1]
    str     w12, [x21, w11, uxtw #2]
    strb    w12, [x21, x11]
    ldr     x11, =0xfffffffffffffff8
    add     x10, x21, #24
    str     x12, [x10, x11]
    LD(0x1122334455667788, ldr x9, [x21, #16])
    LD(0x0203040555667788, ldr x9, [x21, #8])
    LD(0x0506778807880607, ldr x9, [x21])

    /* SP as the base (Rn = 31) in every mode. */
    mov     x19, sp
    str     x12, [sp, #-16]!
    mov     x9, sp
    sub     x9, x19, x9
    CHECK_IMM(x9, 16)
    LD(0x88, ldrb w9, [sp])
    LD(0x7788, ldurh w9, [sp, #0])
    mov     x11, #4
    LD(0x11223344, ldr w9, [sp, x11])
    LD(0x1122334455667788, ldr x9, [sp], #16)
    mov     x9, sp
    CHECK_REG(x9, x19)
    /* XZR as data: loads are discarded, SP is untouched. */
    ldr     xzr, [x20]
    ldrsb   wzr, [x20, #7]
    mov     x9, sp
    CHECK_REG(x9, x19)

    /* Writeback with Rt == Rn (CONSTRAINED UNPREDICTABLE): qemu-aarch64's
     * choice, the written-back address for a load, the old base stored. */
    mov     x10, x20
    .inst   0xf840854a                  // ldr x10, [x10], #8
    BASE(x10, 8)
    add     x10, x21, #32
    .inst   0xf81f8d4a                  // str x10, [x10, #-8]!
    SBASE(x10, 24)
    ldr     x9, [x21, #24]
    sub     x9, x9, x21
    CHECK_IMM(x9, 32)

    /* Unprivileged: plain accesses at EL0. */
    LD(0x0123456789abcdef, ldtr x9, [x20, #8])
    LD(0xfffffffffffffffe, ldtrsb x9, [x20, #7])
    LD(0xfffffedc, ldtrsh w9, [x20, #6])
    LD(0xfffffffffedcba98, ldtrsw x9, [x20, #4])
    LD(0xfe, ldtrb w9, [x20, #7])
    LD(0xfedc, ldtrh w9, [x20, #6])
    LD(0xfedcba98, ldtr w9, [x20, #4])
    add     x10, x21, #256
    sttr    x12, [x10, #-256]
    sttrb   wzr, [x21, #1]
    sttrh   wzr, [x21, #2]
    sttr    wzr, [x21, #4]
    LD(0x0000000000000088, ldr x9, [x21])

    /* Literals: X, W (zero-extended), LDRSW, backwards and forwards. */
    LD(0xa5a5a5a5c3c3c3c3, ldr x9, lit_before)
    LD(0xc3c3c3c3, ldr w9, lit_before)
    LD(0xffffffffc3c3c3c3, ldrsw x9, lit_before)
    LD(0x0000000012345678, ldrsw x9, lit_after)
    LD(0x9abcdef012345678, ldr x9, lit_after)
    LD(0xdeadbeefcafef00d, ldr x9, =0xdeadbeefcafef00d)

    /* Prefetches never fault, whatever the address. */
    mov     x10, #0
    ldr     x11, =0xfffffffffffff000
    prfm    pldl1keep, [x20]
    prfm    pstl2strm, [x10, #8]
    prfm    pldl3keep, [x11, #32760]
    prfum   pldl1keep, [x10, #-1]
    prfum   pstl1keep, [x11, #255]
    prfm    pldl1keep, [x11, x11, lsl #3]
    prfm    pldl1strm, [x10, w11, sxtw]
    prfm    plil1keep, lit_after
    prfm    pldl1keep, lit_before
    mov     x9, #1
    CHECK_IMM(x9, 1)

    mov     x30, x28
    ret

    .balign 8
    .word 0                             // keep lit_after 8-aligned
lit_after:
    .quad   0x9abcdef012345678

    .data
    .balign 64
buf:                                    // bytes 10 32 54 76 98 ba dc fe ...
    .quad   0xfedcba9876543210          // +0
    .quad   0x0123456789abcdef          // +8
    .quad   0x8081828384858687          // +16
    .quad   0x7f7e7d7c7b7a7978          // +24
    .skip   256                         // room for the +255 offsets
    .skip   64                          // scratch - 1 .. - 64 are writable
scratch:
    .skip   256
