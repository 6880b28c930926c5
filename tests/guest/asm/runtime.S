// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/runtime.S: _start, checks and output for the assembly tests (no libc).
 *
 * Linked into every asm test. _start calls the test's test_main, then
 * prints the summary line and exits with exit_group: 0 if every check
 * passed, 1 otherwise. Output goes through raw write(2) syscalls. The
 * runtime uses ordinary instructions only (add, cmp, b.cond, ldr/str, udiv),
 * each of which the C guest programs also cover.
 */
#define SYS_write      64
#define SYS_exit_group 94

    .text
    .global _start
_start:
    bl      test_main
    b       rt_finish

/* rt_check: x0 = value, x1 = expected, x2 = source line. Keeps x9-x28. */
    .global rt_check
rt_check:
    stp     x29, x30, [sp, #-48]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    mov     x19, x0
    mov     x20, x1
    mov     x21, x2
    adrp    x22, rt_counts
    add     x22, x22, :lo12:rt_counts
    ldr     x3, [x22]
    add     x3, x3, #1
    str     x3, [x22]                   // checks run
    cmp     x19, x20
    b.eq    1f
    ldr     x3, [x22, #8]
    add     x3, x3, #1
    str     x3, [x22, #8]               // checks failed
    adrp    x0, test_name
    add     x0, x0, :lo12:test_name
    bl      rt_puts
    adr     x0, .Lline
    bl      rt_puts
    mov     x0, x21
    bl      rt_putdec
    adr     x0, .Lexpected
    bl      rt_puts
    mov     x0, x20
    bl      rt_puthex
    adr     x0, .Lgot
    bl      rt_puts
    mov     x0, x19
    bl      rt_puthex
    adr     x0, .Lnewline
    bl      rt_puts
1:  ldp     x21, x22, [sp, #32]
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #48
    ret

/* rt_finish: print "<name>: N checks ok" or "<name>: N checks, M FAILED". */
rt_finish:
    adrp    x19, rt_counts
    add     x19, x19, :lo12:rt_counts
    adrp    x0, test_name
    add     x0, x0, :lo12:test_name
    bl      rt_puts
    adr     x0, .Lcolon
    bl      rt_puts
    ldr     x0, [x19]
    bl      rt_putdec
    ldr     x20, [x19, #8]
    cbnz    x20, 2f
    adr     x0, .Lok
    bl      rt_puts
    mov     x0, #0
    b       3f
2:  adr     x0, .Lcomma
    bl      rt_puts
    mov     x0, x20
    bl      rt_putdec
    adr     x0, .Lfailed
    bl      rt_puts
    mov     x0, #1
3:  mov     x8, #SYS_exit_group
    svc     #0

/* rt_puts: write the NUL-terminated string at x0 to stdout. */
rt_puts:
    mov     x1, x0
    mov     x2, #0
1:  ldrb    w3, [x1, x2]
    cbz     w3, 2f
    add     x2, x2, #1
    b       1b
2:  mov     x0, #1
    mov     x8, #SYS_write
    svc     #0
    ret

/* rt_putdec / rt_puthex: print x0 in decimal / hex (no leading zeros). */
rt_putdec:
    mov     x4, #10
    b       rt_putnum
rt_puthex:
    mov     x4, #16
rt_putnum:
    sub     sp, sp, #32
    add     x1, sp, #32                 // digits are built backwards
    adr     x5, .Ldigits
1:  udiv    x6, x0, x4
    msub    x7, x6, x4, x0              // x7 = x0 % base
    ldrb    w7, [x5, x7]
    strb    w7, [x1, #-1]!
    mov     x0, x6
    cbnz    x0, 1b
    add     x2, sp, #32
    sub     x2, x2, x1
    mov     x0, #1
    mov     x8, #SYS_write
    svc     #0
    add     sp, sp, #32
    ret

.Ldigits:   .ascii  "0123456789abcdef"
.Lline:     .asciz  ": line "
.Lexpected: .asciz  ": expected 0x"
.Lgot:      .asciz  ", got 0x"
.Lnewline:  .asciz  "\n"
.Lcolon:    .asciz  ": "
.Lok:       .asciz  " checks ok\n"
.Lcomma:    .asciz  " checks, "
.Lfailed:   .asciz  " FAILED\n"

    .bss
    .balign 8
rt_counts:  .skip   16                  // checks run, checks failed
