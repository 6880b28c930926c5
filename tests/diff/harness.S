// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * harness.S: the guest side of the differential tester (no libc).
 *
 * Built once (static, non-PIE, so every address is the same under both
 * emulators); run-diff.py then patches a copy per case, at the symbols
 * below, instead of assembling each case:
 *   diff_state    the input state, in the DiffState layout (see below)
 *   diff_insns    DIFF_SLOTS instruction slots, NOPs until patched
 *   diff_scratch  DIFF_SCRATCH bytes of memory the memory classes address
 *
 * The program loads V0-V31, SP, NZCV, FPSR, FPCR and X0-X30 from
 * diff_state, falls into the slots, then writes the final state in the same
 * layout, followed by the scratch buffer, to stdout with write(2) and exits
 * with status 0.  A sequence that faults kills the program with the
 * signal, which the runner compares as the outcome.
 *
 * DiffState (little endian, 800 bytes; run-diff.py's STATE_* constants):
 *     0  V0..V31    16 bytes each
 *   512  X0..X30     8 bytes each
 *   760  SP
 *   768  NZCV       as MRS NZCV reads it (flags in bits 31:28)
 *   776  FPSR
 *   784  FPCR
 *   792  (padding)
 *
 * After the sequence every general register may hold anything, so the
 * dump first parks X0 in TPIDR_EL0 (a system register the generator never
 * writes except through MSR TPIDR_EL0 itself, whose effect is then lost,
 * not misreported) to free one register for the dump address.
 */
#define SYS_write      64
#define SYS_exit_group 94

#define DIFF_SLOTS     64
#define DIFF_SCRATCH   16384
#define STATE_V        0
#define STATE_X        512
#define STATE_SP       760
#define STATE_NZCV     768
#define STATE_FPSR     776
#define STATE_FPCR     784
#define STATE_SIZE     800

    .text
    .global _start
_start:
    adrp    x30, diff_state
    add     x30, x30, :lo12:diff_state
    ldp     q0, q1, [x30, #STATE_V + 0]
    ldp     q2, q3, [x30, #STATE_V + 32]
    ldp     q4, q5, [x30, #STATE_V + 64]
    ldp     q6, q7, [x30, #STATE_V + 96]
    ldp     q8, q9, [x30, #STATE_V + 128]
    ldp     q10, q11, [x30, #STATE_V + 160]
    ldp     q12, q13, [x30, #STATE_V + 192]
    ldp     q14, q15, [x30, #STATE_V + 224]
    ldp     q16, q17, [x30, #STATE_V + 256]
    ldp     q18, q19, [x30, #STATE_V + 288]
    ldp     q20, q21, [x30, #STATE_V + 320]
    ldp     q22, q23, [x30, #STATE_V + 352]
    ldp     q24, q25, [x30, #STATE_V + 384]
    ldp     q26, q27, [x30, #STATE_V + 416]
    ldp     q28, q29, [x30, #STATE_V + 448]
    ldp     q30, q31, [x30, #STATE_V + 480]
    ldr     x0, [x30, #STATE_SP]
    mov     sp, x0
    ldr     x0, [x30, #STATE_NZCV]
    msr     nzcv, x0
    ldr     x0, [x30, #STATE_FPSR]
    msr     fpsr, x0
    ldr     x0, [x30, #STATE_FPCR]
    msr     fpcr, x0
    add     x30, x30, #STATE_X
    ldp     x0, x1, [x30, #0]
    ldp     x2, x3, [x30, #16]
    ldp     x4, x5, [x30, #32]
    ldp     x6, x7, [x30, #48]
    ldp     x8, x9, [x30, #64]
    ldp     x10, x11, [x30, #80]
    ldp     x12, x13, [x30, #96]
    ldp     x14, x15, [x30, #112]
    ldp     x16, x17, [x30, #128]
    ldp     x18, x19, [x30, #144]
    ldp     x20, x21, [x30, #160]
    ldp     x22, x23, [x30, #176]
    ldp     x24, x25, [x30, #192]
    ldp     x26, x27, [x30, #208]
    ldp     x28, x29, [x30, #224]
    ldr     x30, [x30, #240]

    .global diff_insns
diff_insns:
    .rept   DIFF_SLOTS
    nop
    .endr
    .global diff_insns_end
diff_insns_end:

    msr     tpidr_el0, x0
    adrp    x0, diff_dump
    add     x0, x0, :lo12:diff_dump + STATE_X
    str     x1, [x0, #8]
    stp     x2, x3, [x0, #16]
    stp     x4, x5, [x0, #32]
    stp     x6, x7, [x0, #48]
    stp     x8, x9, [x0, #64]
    stp     x10, x11, [x0, #80]
    stp     x12, x13, [x0, #96]
    stp     x14, x15, [x0, #112]
    stp     x16, x17, [x0, #128]
    stp     x18, x19, [x0, #144]
    stp     x20, x21, [x0, #160]
    stp     x22, x23, [x0, #176]
    stp     x24, x25, [x0, #192]
    stp     x26, x27, [x0, #208]
    stp     x28, x29, [x0, #224]
    str     x30, [x0, #240]
    mrs     x1, tpidr_el0
    str     x1, [x0, #0]
    sub     x0, x0, #STATE_X
    mov     x1, sp
    str     x1, [x0, #STATE_SP]
    mrs     x1, nzcv
    str     x1, [x0, #STATE_NZCV]
    mrs     x1, fpsr
    str     x1, [x0, #STATE_FPSR]
    mrs     x1, fpcr
    str     x1, [x0, #STATE_FPCR]
    stp     q0, q1, [x0, #STATE_V + 0]
    stp     q2, q3, [x0, #STATE_V + 32]
    stp     q4, q5, [x0, #STATE_V + 64]
    stp     q6, q7, [x0, #STATE_V + 96]
    stp     q8, q9, [x0, #STATE_V + 128]
    stp     q10, q11, [x0, #STATE_V + 160]
    stp     q12, q13, [x0, #STATE_V + 192]
    stp     q14, q15, [x0, #STATE_V + 224]
    stp     q16, q17, [x0, #STATE_V + 256]
    stp     q18, q19, [x0, #STATE_V + 288]
    stp     q20, q21, [x0, #STATE_V + 320]
    stp     q22, q23, [x0, #STATE_V + 352]
    stp     q24, q25, [x0, #STATE_V + 384]
    stp     q26, q27, [x0, #STATE_V + 416]
    stp     q28, q29, [x0, #STATE_V + 448]
    stp     q30, q31, [x0, #STATE_V + 480]

    // A pipe holds 64 KiB, so each write completes in one call.
    mov     x1, x0
    mov     x0, #1
    mov     x2, #STATE_SIZE
    mov     x8, #SYS_write
    svc     #0
    mov     x0, #1
    adrp    x1, diff_scratch
    add     x1, x1, :lo12:diff_scratch
    mov     x2, #DIFF_SCRATCH
    mov     x8, #SYS_write
    svc     #0
    mov     x0, #0
    mov     x8, #SYS_exit_group
    svc     #0

    .data
    .balign 16
    .global diff_state
diff_state:
    .fill   STATE_SIZE, 1, 0

    .balign 4096
    .global diff_scratch
diff_scratch:
    .fill   DIFF_SCRATCH, 1, 0
    .global diff_scratch_end
diff_scratch_end:

    .bss
    .balign 16
diff_dump:
    .skip   STATE_SIZE
    // The stack the runner points SP at (diff_stack_end), so SP-relative
    // results are addresses of this ELF, equal under both emulators.
    .balign 16
    .global diff_stack
diff_stack:
    .skip   4096
    .global diff_stack_end
diff_stack_end:
