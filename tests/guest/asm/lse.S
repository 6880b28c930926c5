// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/lse.S: the LSE atomics: CAS{,A,L,AL}{B,H,,} and CASP (W and X
 * pairs), LD<op>{,A,L,AL}{B,H,,} for every op (ADD, CLR, EOR, SET, SMAX,
 * SMIN, UMAX, UMIN) and SWP, the ST<op> aliases (Rt = XZR) and Rs = XZR.
 *
 * Each case writes a doubleword whose bytes above the access size are a
 * filler (0x5a), runs the instruction, and checks the register result and
 * the whole doubleword: the old value comes back zero-extended into a
 * register first set to all-ones, only the access's bytes change, and the
 * operand register's bits above the size are ignored. Operands are the
 * edges of each size: MAX/MIN signed and unsigned, wrap-around, all-ones,
 * equal values. The expected values come from the ARM ARM pseudocode and
 * agree with qemu-aarch64.
 */
#include "check.h"

TEST_NAME("asm-lse")

    .arch armv8.1-a

/* [x21] = init; x11 = operand; x9 = all-ones; insn; check x9 and [x21]. */
#define RMW(init, operand, old, mem, ...)                                   \
    ldr x24, =init ; str x24, [x21] ; ldr x11, =operand ; mov x9, #-1 ;     \
    __VA_ARGS__ ; CHECK_IMM(x9, old) ; ldr x9, [x21] ; CHECK_IMM(x9, mem)
/* [x21] = init; x9 = compare; x11 = new; insn; check x9 (old) and [x21]. */
#define CAS(init, cmp, new, old, mem, ...)                                  \
    ldr x24, =init ; str x24, [x21] ; ldr x9, =cmp ; ldr x11, =new ;        \
    __VA_ARGS__ ; CHECK_IMM(x9, old) ; ldr x9, [x21] ; CHECK_IMM(x9, mem)
#define CHK2(r1, v1, r2, v2) CHECK_IMM(r1, v1) ; CHECK_IMM(r2, v2)

    .text
    .global test_main
test_main:
    mov     x28, x30
    adrp    x21, buf
    add     x21, x21, :lo12:buf

    /* CAS: success and failure for every size and ordering. */
    CAS(0x5a5a5a5a5a5a5aef, 0x00000000777777ef, 0x0000000077777742, 0xef, 0x5a5a5a5a5a5a5a42, casb w9, w11, [x21])
    CAS(0x5a5a5a5a5a5a5aef, 0x00000000777777ee, 0x0000000077777742, 0xef, 0x5a5a5a5a5a5a5aef, casab w9, w11, [x21])
    CAS(0x5a5a5a5a5a5abeef, 0x000000007777beef, 0x000000007777cd42, 0xbeef, 0x5a5a5a5a5a5acd42, caslh w9, w11, [x21])
    CAS(0x5a5a5a5a5a5abeef, 0x000000007777beee, 0x000000007777cd42, 0xbeef, 0x5a5a5a5a5a5abeef, casalh w9, w11, [x21])
    CAS(0x5a5a5a5adeadbeef, 0x00000000deadbeef, 0x0000000089abcd42, 0xdeadbeef, 0x5a5a5a5a89abcd42, cas w9, w11, [x21])
    CAS(0x5a5a5a5adeadbeef, 0x00000000deadbeee, 0x0000000089abcd42, 0xdeadbeef, 0x5a5a5a5adeadbeef, casa w9, w11, [x21])
    CAS(0x8badf00ddeadbeef, 0x8badf00ddeadbeef, 0x0123456789abcd42, 0x8badf00ddeadbeef, 0x0123456789abcd42, casl x9, x11, [x21])
    CAS(0x8badf00ddeadbeef, 0x8badf00ddeadbeee, 0x0123456789abcd42, 0x8badf00ddeadbeef, 0x8badf00ddeadbeef, casal x9, x11, [x21])

    /* CASP: W and X pairs, success and failure; Rs gets the old pair. */
    ldr     x24, =0x1111111122222222
    ldr     x25, =0x3333333344444444
    stp     x24, x25, [x21]
    ldr     x12, =0xffffffff22222222    // W pair: bits 63:32 are ignored
    ldr     x13, =0xeeeeeeee11111111
    ldr     x14, =0xaaaaaaaa55555555
    ldr     x15, =0x6666666666666666
    casp    w12, w13, w14, w15, [x21]
    CHK2(x12, 0x22222222, x13, 0x11111111)
    ldp     x9, x10, [x21]
    CHK2(x9, 0x6666666655555555, x10, 0x3333333344444444)
    ldr     x12, =0x55555555
    ldr     x13, =0x66666667
    caspa   w12, w13, w14, w15, [x21]
    CHK2(x12, 0x55555555, x13, 0x66666666)
    ldp     x9, x10, [x21]
    CHK2(x9, 0x6666666655555555, x10, 0x3333333344444444)
    stp     x24, x25, [x21]
    mov     x12, x24
    mov     x13, x25
    caspl   x12, x13, x14, x15, [x21]
    CHK2(x12, 0x1111111122222222, x13, 0x3333333344444444)
    ldp     x9, x10, [x21]
    CHK2(x9, 0xaaaaaaaa55555555, x10, 0x6666666666666666)
    mov     x12, x14
    mov     x13, x14                    // high half differs
    caspal  x12, x13, x24, x25, [x21]
    CHK2(x12, 0xaaaaaaaa55555555, x13, 0x6666666666666666)
    ldp     x9, x10, [x21]
    CHK2(x9, 0xaaaaaaaa55555555, x10, 0x6666666666666666)
    mov     x12, x14
    mov     x13, x15
    casp    x12, x13, x24, x25, [x21]
    CHK2(x12, 0xaaaaaaaa55555555, x13, 0x6666666666666666)
    ldp     x9, x10, [x21]
    CHK2(x9, 0x1111111122222222, x10, 0x3333333344444444)
    mov     x19, sp                     // SP as the base
    sub     sp, sp, #16
    stp     x24, x25, [sp]
    mov     x12, x24
    mov     x13, x25
    casp    x12, x13, x14, x15, [sp]
    ldp     x9, x10, [sp]
    CHK2(x9, 0xaaaaaaaa55555555, x10, 0x6666666666666666)
    mov     x9, #7
    casal   x9, x24, [sp]
    CHECK_IMM(x9, 0xaaaaaaaa55555555)
    add     sp, sp, #16
    mov     x9, sp
    CHECK_REG(x9, x19)

    /* LD<op>, SWP, ST<op>: every op, size and ordering on edge values. */
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5aff, ldaddb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5aff, ldaddab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5a00, ldaddlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5aff, ldaddalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a00, ldaddb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a88, ldaddab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5aff, staddb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a80, ldaddb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5affff, ldaddlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5affff, ldaddalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5a0000, ldaddh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5affff, ldaddah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a0000, ldaddlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a8008, ldaddalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5affff, staddh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a8000, ldaddh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5affffffff, ldadd w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5affffffff, ldadda w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5a00000000, ldaddl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5affffffff, ldaddal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a00000000, ldadd w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a80000008, ldadda w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5affffffff, stadd w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a80000000, ldadd wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff, ldaddl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, ldaddal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000000, ldadd x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, ldadda x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000, ldaddl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x8000000000000008, ldaddal x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xffffffffffffffff, stadd x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, ldadd xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5a7f, ldclrb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5a80, ldclrab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5afe, ldclrlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5a00, ldclralb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a00, ldclrb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a84, ldclrab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5a7f, stclrb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a80, ldclrb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5a7fff, ldclrlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5a8000, ldclralh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5afffe, ldclrh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5a0000, ldclrah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a0000, ldclrlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a8004, ldclralh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5a7fff, stclrh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a8000, ldclrh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5a7fffffff, ldclr w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5a80000000, ldclra w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5afffffffe, ldclrl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5a00000000, ldclral w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a00000000, ldclr w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a80000004, ldclra w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5a7fffffff, stclr w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a80000000, ldclr wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldclrl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000, ldclral x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xfffffffffffffffe, ldclr x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0x0000000000000000, ldclra x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000, ldclrl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x8000000000000004, ldclral x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x7fffffffffffffff, stclr x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, ldclr xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5aff, ldeorb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5aff, ldeorab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5afe, ldeorlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5aff, ldeoralb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a00, ldeorb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a86, ldeorab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5aff, steorb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a80, ldeorb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5affff, ldeorlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5affff, ldeoralh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5afffe, ldeorh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5affff, ldeorah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a0000, ldeorlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a8006, ldeoralh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5affff, steorh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a8000, ldeorh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5affffffff, ldeor w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5affffffff, ldeora w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5afffffffe, ldeorl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5affffffff, ldeoral w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a00000000, ldeor w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a80000006, ldeora w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5affffffff, steor w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a80000000, ldeor wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff, ldeorl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, ldeoral x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xfffffffffffffffe, ldeor x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, ldeora x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x0000000000000000, ldeorl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x8000000000000006, ldeoral x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xffffffffffffffff, steor x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, ldeor xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5aff, ldsetb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5aff, ldsetab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5aff, ldsetlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5aff, ldsetalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a80, ldsetb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a87, ldsetab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5aff, stsetb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a80, ldsetb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5affff, ldsetlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5affff, ldsetalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5affff, ldseth w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5affff, ldsetah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a8000, ldsetlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a8007, ldsetalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5affff, stseth w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a8000, ldseth wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5affffffff, ldset w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5affffffff, ldseta w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5affffffff, ldsetl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5affffffff, ldsetal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a80000000, ldset w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a80000007, ldseta w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5affffffff, stset w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a80000000, ldset wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff, ldsetl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, ldsetal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff, ldset x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, ldseta x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, ldsetl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x8000000000000007, ldsetal x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xffffffffffffffff, stset x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, ldset xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5a7f, ldsmaxb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5a7f, ldsmaxab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5a01, ldsmaxlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5a00, ldsmaxalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a80, ldsmaxb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a03, ldsmaxab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5a7f, stsmaxb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a00, ldsmaxb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5a7fff, ldsmaxlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5a7fff, ldsmaxalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5a0001, ldsmaxh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5a0000, ldsmaxah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a8000, ldsmaxlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a0003, ldsmaxalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5a7fff, stsmaxh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a0000, ldsmaxh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5a7fffffff, ldsmax w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5a7fffffff, ldsmaxa w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5a00000001, ldsmaxl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5a00000000, ldsmaxal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a80000000, ldsmax w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a00000003, ldsmaxa w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5a7fffffff, stsmax w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a00000000, ldsmax wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, ldsmaxl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, ldsmaxal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001, ldsmax x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0x0000000000000000, ldsmaxa x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, ldsmaxl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x0000000000000003, ldsmaxal x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x7fffffffffffffff, stsmax x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000, ldsmax xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5a80, ldsminb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5a80, ldsminab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5aff, ldsminlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5aff, ldsminalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a80, ldsminb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a85, ldsminab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5a80, stsminb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a80, ldsminb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5a8000, ldsminlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5a8000, ldsminalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5affff, ldsminh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5affff, ldsminah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a8000, ldsminlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a8005, ldsminalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5a8000, stsminh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a8000, ldsminh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5a80000000, ldsmin w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5a80000000, ldsmina w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5affffffff, ldsminl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5affffffff, ldsminal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a80000000, ldsmin w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a80000005, ldsmina w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5a80000000, stsmin w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a80000000, ldsmin wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldsminl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000, ldsminal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff, ldsmin x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, ldsmina x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, ldsminl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x8000000000000005, ldsminal x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, stsmin x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, ldsmin xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5a80, ldumaxb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5a80, ldumaxab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5aff, ldumaxlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5aff, ldumaxalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a80, ldumaxb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a85, ldumaxab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5a80, stumaxb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a80, ldumaxb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5a8000, ldumaxlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5a8000, ldumaxalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5affff, ldumaxh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5affff, ldumaxah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a8000, ldumaxlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a8005, ldumaxalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5a8000, stumaxh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a8000, ldumaxh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5a80000000, ldumax w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5a80000000, ldumaxa w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5affffffff, ldumaxl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5affffffff, ldumaxal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a80000000, ldumax w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a80000005, ldumaxa w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5a80000000, stumax w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a80000000, ldumax wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, ldumaxl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000, ldumaxal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0xffffffffffffffff, ldumax x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, ldumaxa x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, ldumaxl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x8000000000000005, ldumaxal x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, stumax x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000, ldumax xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5a7f, lduminb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5a7f, lduminab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5a01, lduminlb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5a00, lduminalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a80, lduminb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a03, lduminab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0x0000000000000080, 0xffffffffffffffff, 0x5a5a5a5a5a5a5a7f, stuminb w11, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a00, lduminb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5a7fff, lduminlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5a7fff, lduminalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5a0001, lduminh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5a0000, lduminah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a8000, lduminlh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a0003, lduminalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0x0000000000008000, 0xffffffffffffffff, 0x5a5a5a5a5a5a7fff, stuminh w11, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a0000, lduminh wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5a7fffffff, ldumin w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5a7fffffff, ldumina w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5a00000001, lduminl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5a00000000, lduminal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a80000000, ldumin w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a00000003, ldumina w11, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0x0000000080000000, 0xffffffffffffffff, 0x5a5a5a5a7fffffff, stumin w11, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a00000000, ldumin wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff, lduminl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, lduminal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001, ldumin x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0x0000000000000000, ldumina x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, lduminl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x0000000000000003, lduminal x11, x9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x7fffffffffffffff, stumin x11, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000, ldumin xzr, x9, [x21])
    RMW(0x5a5a5a5a5a5a5a7f, 0xdead0000beef0080, 0x7f, 0x5a5a5a5a5a5a5a80, swpb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef007f, 0x80, 0x5a5a5a5a5a5a5a7f, swpab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5aff, 0xdead0000beef0001, 0xff, 0x5a5a5a5a5a5a5a01, swplb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a00, 0xdead0000beef00ff, 0x0, 0x5a5a5a5a5a5a5aff, swpalb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0xdead0000beef0080, 0x80, 0x5a5a5a5a5a5a5a80, swpb w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a85, 0xdead0000beef0003, 0x85, 0x5a5a5a5a5a5a5a03, swpab w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a5a80, 0x0000000000000000, 0x80, 0x5a5a5a5a5a5a5a00, swpb wzr, w9, [x21])
    RMW(0x5a5a5a5a5a5a7fff, 0xdead0000beef8000, 0x7fff, 0x5a5a5a5a5a5a8000, swplh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef7fff, 0x8000, 0x5a5a5a5a5a5a7fff, swpalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5affff, 0xdead0000beef0001, 0xffff, 0x5a5a5a5a5a5a0001, swph w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a0000, 0xdead0000beefffff, 0x0, 0x5a5a5a5a5a5affff, swpah w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0xdead0000beef8000, 0x8000, 0x5a5a5a5a5a5a8000, swplh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8005, 0xdead0000beef0003, 0x8005, 0x5a5a5a5a5a5a0003, swpalh w11, w9, [x21])
    RMW(0x5a5a5a5a5a5a8000, 0x0000000000000000, 0x8000, 0x5a5a5a5a5a5a0000, swph wzr, w9, [x21])
    RMW(0x5a5a5a5a7fffffff, 0xdead000080000000, 0x7fffffff, 0x5a5a5a5a80000000, swp w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead00007fffffff, 0x80000000, 0x5a5a5a5a7fffffff, swpa w11, w9, [x21])
    RMW(0x5a5a5a5affffffff, 0xdead000000000001, 0xffffffff, 0x5a5a5a5a00000001, swpl w11, w9, [x21])
    RMW(0x5a5a5a5a00000000, 0xdead0000ffffffff, 0x0, 0x5a5a5a5affffffff, swpal w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0xdead000080000000, 0x80000000, 0x5a5a5a5a80000000, swp w11, w9, [x21])
    RMW(0x5a5a5a5a80000005, 0xdead000000000003, 0x80000005, 0x5a5a5a5a00000003, swpa w11, w9, [x21])
    RMW(0x5a5a5a5a80000000, 0x0000000000000000, 0x80000000, 0x5a5a5a5a00000000, swp wzr, w9, [x21])
    RMW(0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, swpl x11, x9, [x21])
    RMW(0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, swpal x11, x9, [x21])
    RMW(0xffffffffffffffff, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001, swp x11, x9, [x21])
    RMW(0x0000000000000000, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, swpa x11, x9, [x21])
    RMW(0x8000000000000000, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000, swpl x11, x9, [x21])
    RMW(0x8000000000000005, 0x0000000000000003, 0x8000000000000005, 0x0000000000000003, swpal x11, x9, [x21])
    RMW(0x8000000000000000, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000, swp xzr, x9, [x21])

    /* A counting loop on LDADDAL. */
    str     xzr, [x21]
    mov     x14, #1000
    mov     x11, #3
1:  ldaddal x11, x9, [x21]
    subs    x14, x14, #1
    b.ne    1b
    ldr     x9, [x21]
    CHECK_IMM(x9, 3000)

    mov     x30, x28
    ret

    .data
    .balign 64
buf:
    .skip   64
