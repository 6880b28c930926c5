// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/sweep.h: run one instruction over a table of edge inputs and hash
 * every result and NZCV (for dp-imm.S and dp-reg.S; include it once, after
 * check.h: it also emits the driver code).
 *
 *     SWEEP   SW_B, adds w9, w10, w11      // x9 = result, x10/x11/x12 inputs
 *     SUM(0x1234...)                       // check the hash, then reset it
 *
 * SWEEP assembles the instruction into a stub "insn; ret" and calls it for
 * every input combination of the mode:
 *     SW_U  x10 = V[i], i < 32                         (one source)
 *     SW_B  x10 = V[i], x11 = V[j], i, j < 32          (two sources)
 *     SW_H  the same with i, j < 16                    (large families)
 *     SW_F  i, j < 8, and all 16 NZCV inputs            (flag readers)
 *     SW_FW i, j < 16, and all 16 NZCV inputs
 * Before each call x12 and x9 (the destination, read by BFM/MOVK, so a W
 * form that fails to clear bits 63:32 shows) get other table entries, and
 * NZCV is set to the next of a cycle through all 16 values (so a stub that
 * must not touch the flags is checked too). After the call the result x9
 * and NZCV are folded into the hash x15. The expected hashes in SUM() were
 * produced by qemu-aarch64 (a SUM(0) reports the value it got).
 *
 * Any argument on the command line (argc > 1) turns on a dump: a line
 * "== insn" per sweep, then "a b c nzcv -> result nzcv" per call, so the
 * outputs of qemu-aarch64 and arm-uemu can be diffed to find the input.
 * Registers: stubs may only write x9 and NZCV; the driver keeps x13-x17
 * and x19-x28, a check (check.h) clobbers x0-x8 and x30.
 */
#ifndef ASM_SWEEP_H
#define ASM_SWEEP_H

#define SW_U  0
#define SW_B  1
#define SW_H  2
#define SW_F  3
#define SW_FW 4

/* Check the hash of the sweeps since the last SUM, and start a new one. */
#define SUM(expected) CHECK_IMM(x15, expected) ; mov x15, #0

/* SWEEP_INIT: at test_main's entry (sp still holds argc): dump switch. */
#define SWEEP_INIT                                                          \
    ldr x0, [sp] ; cmp x0, #1 ; cset x0, gt ;                               \
    adrp x1, sweep_dump ; str x0, [x1, :lo12:sweep_dump] ; mov x15, #0

.macro SWEEP mode, insn:vararg
    .pushsection .rodata.sweep, "a"
.Lsweep_name\@:
    .asciz "\insn"
    .popsection
    .pushsection .text.sweep, "ax"
.Lsweep_stub\@:
    \insn
    ret
    .popsection
    adrp    x13, .Lsweep_stub\@
    add     x13, x13, :lo12:.Lsweep_stub\@
    adrp    x14, .Lsweep_name\@
    add     x14, x14, :lo12:.Lsweep_name\@
    mov     x16, #\mode
    bl      sweep_run
.endm

    .text
/* sweep_run: x13 = stub, x14 = its text, x16 = mode; hash in x15. */
sweep_run:
    stp     x29, x30, [sp, #-16]!
    adrp    x19, sweep_modes
    add     x19, x19, :lo12:sweep_modes
    add     x19, x19, x16, lsl #4
    ldrb    w27, [x19]                  // i limit
    ldrb    w28, [x19, #1]              // j limit
    ldrb    w17, [x19, #2]              // NZCV inputs per (i, j)
    adrp    x19, sweep_values
    add     x19, x19, :lo12:sweep_values
    adrp    x26, sweep_dump
    ldr     x0, [x26, :lo12:sweep_dump]
    cbz     x0, 1f
    mov     x0, x14
    bl      sweep_header
1:  ldr     x26, =0x9e3779b97f4a7c15    // hash multiplier (odd)
    mov     x24, #0                     // calls so far
    mov     x20, #0                     // i
2:  mov     x21, #0                     // j
3:  mov     x22, #0                     // f
4:  ldr     x10, [x19, x20, lsl #3]
    ldr     x11, [x19, x21, lsl #3]
    add     x23, x20, x21, lsl #1
    add     x23, x23, x22
    add     x23, x23, #3
    and     x23, x23, #31
    ldr     x12, [x19, x23, lsl #3]     // c = V[(i + 2j + f + 3) % 32]
    add     x23, x21, x20, lsl #2
    add     x23, x23, x22, lsl #1
    add     x23, x23, #11
    and     x23, x23, #31
    ldr     x9, [x19, x23, lsl #3]      // d = V[(4i + j + 2f + 11) % 32]
    add     x23, x24, x24, lsl #3       // 9 * calls: all 16 NZCV in a row
    lsl     x23, x23, #28
    and     x23, x23, #0xf0000000
    msr     nzcv, x23
    blr     x13
    mrs     x25, nzcv
    adrp    x0, sweep_dump
    ldr     x0, [x0, :lo12:sweep_dump]
    cbz     x0, 5f
    bl      sweep_line
5:  eor     x15, x9, x15, ror #59
    mul     x15, x15, x26
    eor     x15, x15, x25, lsr #28
    mul     x15, x15, x26
    add     x24, x24, #1
    add     x22, x22, #1
    cmp     x22, x17
    b.lo    4b
    add     x21, x21, #1
    cmp     x21, x28
    b.lo    3b
    add     x20, x20, #1
    cmp     x20, x27
    b.lo    2b
    ldp     x29, x30, [sp], #16
    ret

/* sweep_header: print "== " and the string at x0. */
sweep_header:
    adrp    x1, sweep_buf
    add     x1, x1, :lo12:sweep_buf
    mov     w2, #'='
    strb    w2, [x1]
    strb    w2, [x1, #1]
    mov     w2, #' '
    strb    w2, [x1, #2]
    add     x3, x1, #3
1:  ldrb    w2, [x0], #1
    cbz     w2, 2f
    strb    w2, [x3], #1
    b       1b
2:  b       sweep_flush

/* sweep_line: print "a b c nzcv -> x9 nzcv" for the current call. */
sweep_line:
    mov     x7, x30
    adrp    x3, sweep_buf
    add     x3, x3, :lo12:sweep_buf
    mov     x0, x10
    bl      sweep_hex
    mov     x0, x11
    bl      sweep_hex
    mov     x0, x12
    bl      sweep_hex
    lsr     x0, x23, #28
    bl      sweep_hex
    mov     w0, #'-'
    strb    w0, [x3], #1
    mov     w0, #'>'
    strb    w0, [x3], #1
    mov     w0, #' '
    strb    w0, [x3], #1
    mov     x0, x9
    bl      sweep_hex
    lsr     x0, x25, #28
    bl      sweep_hex
    sub     x3, x3, #1
    mov     x30, x7
    // fall through

/* sweep_flush: end the line at x3 with a newline and write the buffer. */
sweep_flush:
    mov     w2, #'\n'
    strb    w2, [x3], #1
    adrp    x1, sweep_buf
    add     x1, x1, :lo12:sweep_buf
    sub     x2, x3, x1
    mov     x0, #1
    mov     x8, #64                     // write
    svc     #0
    ret

/* sweep_hex: store x0 as 16 hex digits and a space at x3 (advanced). */
sweep_hex:
    mov     x4, #60
1:  lsr     x5, x0, x4
    and     x5, x5, #15
    cmp     x5, #10
    add     x6, x5, #'0'
    add     x5, x5, #('a' - 10)
    csel    x5, x6, x5, lo
    strb    w5, [x3], #1
    subs    x4, x4, #4
    b.ge    1b
    mov     w5, #' '
    strb    w5, [x3], #1
    ret
    .ltorg

    .section .rodata
    .balign 8
/* The inputs: the first 8 and 16 are the ones the smaller modes use. */
sweep_values:
    .quad   0, 1, 0xffffffffffffffff, 0x7fffffff
    .quad   0x80000000, 0xffffffff, 0x7fffffffffffffff, 0x8000000000000000
    .quad   2, 0xfffffffe, 0x100000000, 0xfffffffffffffffe
    .quad   0x0123456789abcdef, 0xfedcba9876543210
    .quad   0x80000001, 0x8000000000000001
    .quad   0x7ffffffe, 0xffffffff80000000
    .quad   0x00000001ffffffff, 0xffffffff7fffffff
    .quad   0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x1f, 0x20
    .quad   0x3f, 0x40, 0xd3c2b1a09f8e7d6c, 0x12345678
    .quad   0x87654321abcdef01, 0xdeadbeef
    .quad   0x7fffffff80000000, 0x4000000000000000
/* Per mode: i limit, j limit, NZCV inputs per (i, j) (16 bytes a row). */
sweep_modes:
    .byte   32, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    .byte   32, 32, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    .byte   16, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    .byte   8, 8, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    .byte   16, 16, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0

    .bss
    .balign 8
sweep_dump: .skip 8
sweep_buf:  .skip 160
    .text

#endif
