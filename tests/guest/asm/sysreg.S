// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/sysreg.S: MRS/MSR of the registers Linux gives EL0.
 *
 *  - TPIDR_EL0 starts at 0 and is read/write; TPIDRRO_EL0 reads 0.
 *  - NZCV: MSR keeps bits 31:28 only, for each of the 16 flag values.
 *  - FPCR keeps AHP, DN, FZ, RMode, Stride, Len (and FZ16 when
 *    ID_AA64PFR0.FP says half precision); FPSR keeps NZCV, QC and the
 *    cumulative exception bits.
 *  - CNTFRQ_EL0 is 62.5 MHz (qemu-aarch64's value) and CNTVCT_EL0 counts
 *    at that rate: compared with clock_gettime(CLOCK_MONOTONIC) over a
 *    busy loop, within a factor of 2.
 *  - The ID registers: MPIDR and REVIDR are the kernel's fixed values, the
 *    unallocated registers of CRm = 4..7 read 0, and every AT_HWCAP bit
 *    agrees with the ID register field that the kernel derives it from.
 *  - For the named -cpu models whose values both emulators share, MIDR
 *    selects a row of exact values (ID_AA64PFR0/ISAR0/ISAR1/MMFR0/DFR0,
 *    CTR_EL0, DCZID_EL0) as qemu-aarch64 7.2 shows them.
 *
 * AT_HWCAP comes from the auxiliary vector: runtime.S calls test_main with
 * the initial stack pointer unchanged (argc, argv, envp, auxv).
 */
#include "check.h"

TEST_NAME("asm-sysreg")

#define AT_HWCAP            16
#define SYS_clock_gettime   113
#define CLOCK_MONOTONIC     1

/* Read S3_0_C0_C<crm>_<op2> into x9 and check it is 0. */
#define ID_ZERO(crm, op2)                                                   \
    mrs x9, S3_0_C0_C##crm##_##op2 ; CHECK_IMM(x9, 0)

/*
 * x10 = 1 if field [shift+3:shift] of x9 is >= min (unsigned), else 0;
 * then check that AT_HWCAP bit @bit (hwcap in x19) equals it.
 */
#define HWCAP_GE(bit, shift, min)                                           \
    ubfx x10, x9, shift, 4 ; cmp x10, min ; cset x10, hs ;                  \
    ubfx x11, x19, bit, 1 ; CHECK_REG(x11, x10)
/* The same for "field != 0xf" (FP and AdvSIMD: 0xf = not implemented). */
#define HWCAP_IMPL(bit, shift)                                              \
    ubfx x10, x9, shift, 4 ; cmp x10, #0xf ; cset x10, ne ;                 \
    ubfx x11, x19, bit, 1 ; CHECK_REG(x11, x10)
/* ... and for "field == value" (FPHP, ASIMDHP: FP/AdvSIMD = 1). */
#define HWCAP_EQ(bit, shift, value)                                         \
    ubfx x10, x9, shift, 4 ; cmp x10, value ; cset x10, eq ;                \
    ubfx x11, x19, bit, 1 ; CHECK_REG(x11, x10)

    .text
    .global test_main
test_main:
    mov     x9, sp                      // the initial stack: argc first
    stp     x29, x30, [sp, #-64]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]

    /* Find AT_HWCAP: skip argc, argv[] + NULL, envp[] + NULL. */
    ldr     x10, [x9], #8
    add     x9, x9, x10, lsl #3
    add     x9, x9, #8
1:  ldr     x10, [x9], #8
    cbnz    x10, 1b
    mov     x19, #0
2:  ldp     x10, x11, [x9], #16
    cbz     x10, 3f
    cmp     x10, #AT_HWCAP
    b.ne    2b
    mov     x19, x11
3:
    /* -- TPIDR_EL0, TPIDRRO_EL0 ------------------------------------------ */
    mrs     x9, tpidr_el0
    CHECK_IMM(x9, 0)
    ldr     x20, =0xfedcba9876543210
    msr     tpidr_el0, x20
    mrs     x9, tpidr_el0
    CHECK_REG(x9, x20)
    msr     tpidr_el0, xzr
    mrs     x9, tpidr_el0
    CHECK_IMM(x9, 0)
    mrs     x9, tpidrro_el0
    CHECK_IMM(x9, 0)

    /* -- NZCV: all 16 values, with junk in the other bits --------------- */
    mov     x20, #0
    ldr     x21, =0xffffffff0fffffff
4:  orr     x22, x21, x20, lsl #28
    msr     nzcv, x22
    mrs     x9, nzcv
    lsl     x10, x20, #28
    CHECK_REG(x9, x10)
    add     x20, x20, #1
    cmp     x20, #16
    b.ne    4b

    /* -- FPCR, FPSR ------------------------------------------------------ */
    mrs     x9, fpcr
    CHECK_IMM(x9, 0)
    mrs     x9, fpsr
    CHECK_IMM(x9, 0)
    mrs     x9, id_aa64pfr0_el1
    ubfx    x9, x9, #16, #4             // FP: 1 = with half precision
    cmp     x9, #1
    mov     x20, #0x07f70000
    mov     x10, #0x07ff0000            // FZ16 [19] is writable with FP16
    csel    x20, x10, x20, eq
    mov     x10, #-1
    msr     fpcr, x10
    mrs     x9, fpcr
    CHECK_REG(x9, x20)
    mov     x10, #0x00c00000            // RMode = round towards zero
    msr     fpcr, x10
    mrs     x9, fpcr
    CHECK_IMM(x9, 0x00c00000)
    msr     fpcr, xzr
    mrs     x9, fpcr
    CHECK_IMM(x9, 0)
    mov     x10, #-1
    msr     fpsr, x10
    mrs     x9, fpsr
    CHECK_IMM(x9, 0xf800009f)
    msr     fpsr, xzr
    mrs     x9, fpsr
    CHECK_IMM(x9, 0)

    /* -- The generic timer ---------------------------------------------- */
    mrs     x9, cntfrq_el0
    CHECK_IMM(x9, 62500000)
    sub     sp, sp, #32
    mov     x0, #CLOCK_MONOTONIC
    mov     x1, sp
    mov     x8, #SYS_clock_gettime
    svc     #0
    mrs     x20, cntvct_el0
    ldr     x10, =20000000              // a busy loop of some milliseconds
5:  subs    x10, x10, #1
    b.ne    5b
    mrs     x21, cntvct_el0
    mov     x0, #CLOCK_MONOTONIC
    add     x1, sp, #16
    mov     x8, #SYS_clock_gettime
    svc     #0
    ldp     x10, x11, [sp]              // t0: tv_sec, tv_nsec
    ldp     x12, x13, [sp, #16]         // t1
    add     sp, sp, #32
    ldr     x14, =1000000000
    sub     x12, x12, x10
    mul     x12, x12, x14
    add     x12, x12, x13
    sub     x12, x12, x11               // x12 = elapsed ns
    sub     x22, x21, x20               // elapsed ticks
    cmp     x21, x20
    cset    x9, hi
    CHECK_IMM(x9, 1)                    // the counter moved forward
    lsl     x9, x22, #4                 // ticks * 16 ns
    lsr     x10, x12, #1
    cmp     x9, x10                     // > elapsed / 2
    cset    x11, hi
    lsl     x10, x12, #1
    cmp     x9, x10                     // < elapsed * 2
    cset    x10, lo
    and     x9, x11, x10
    CHECK_IMM(x9, 1)

    /* -- ID registers: fixed values and reserved zeros ------------------- */
    mrs     x9, mpidr_el1
    CHECK_IMM(x9, 0x80000000)
    mrs     x9, revidr_el1
    CHECK_IMM(x9, 0)
    mrs     x9, ctr_el0
    lsr     x9, x9, #31                 // bit 31 is RES1
    CHECK_IMM(x9, 1)
    mrs     x9, dczid_el0
    ubfx    x9, x9, #4, #1              // DZP: DC ZVA is allowed
    CHECK_IMM(x9, 0)
    ID_ZERO(4, 2)
    ID_ZERO(4, 3)
    ID_ZERO(4, 6)
    ID_ZERO(4, 7)
    ID_ZERO(5, 1)
    ID_ZERO(5, 2)
    ID_ZERO(5, 3)
    ID_ZERO(5, 4)
    ID_ZERO(5, 5)
    ID_ZERO(5, 6)
    ID_ZERO(5, 7)
    ID_ZERO(6, 3)
    ID_ZERO(6, 4)
    ID_ZERO(6, 5)
    ID_ZERO(6, 6)
    ID_ZERO(6, 7)
    ID_ZERO(7, 3)
    ID_ZERO(7, 4)
    ID_ZERO(7, 5)
    ID_ZERO(7, 6)
    ID_ZERO(7, 7)

    /* -- AT_HWCAP agrees with the ID registers --------------------------- */
    ubfx    x9, x19, #11, #1            // HWCAP_CPUID: MRS emulation on
    CHECK_IMM(x9, 1)
    mrs     x9, id_aa64pfr0_el1
    HWCAP_IMPL(0, 16)                   // FP
    HWCAP_IMPL(1, 20)                   // ASIMD
    HWCAP_EQ(9, 16, 1)                  // FPHP
    HWCAP_EQ(10, 20, 1)                 // ASIMDHP
    mrs     x9, id_aa64isar0_el1
    HWCAP_GE(3, 4, 1)                   // AES
    HWCAP_GE(4, 4, 2)                   // PMULL
    HWCAP_GE(5, 8, 1)                   // SHA1
    HWCAP_GE(6, 12, 1)                  // SHA2
    HWCAP_GE(7, 16, 1)                  // CRC32
    HWCAP_GE(8, 20, 2)                  // ATOMICS
    HWCAP_GE(12, 28, 1)                 // ASIMDRDM
    HWCAP_GE(27, 52, 1)                 // FLAGM
    mrs     x9, id_aa64isar1_el1
    HWCAP_GE(13, 12, 1)                 // JSCVT
    HWCAP_GE(14, 16, 1)                 // FCMA
    HWCAP_GE(15, 20, 1)                 // LRCPC
    HWCAP_GE(16, 0, 1)                  // DCPOP
    HWCAP_GE(29, 36, 1)                 // SB

    /* -- Exact values of the named models (selected by MIDR) ------------- */
    mrs     x9, midr_el1
    ldr     x10, =0x411fd070            // cortex-a57
    ldr     x20, =0x8444c004
    cmp     x9, x10
    b.eq    7f
    ldr     x10, =0x410fd083            // cortex-a72
    cmp     x9, x10
    b.eq    7f
    ldr     x10, =0x410fd034            // cortex-a53
    ldr     x20, =0x84448004
    cmp     x9, x10
    b.eq    7f
    ldr     x10, =0x411fd040            // cortex-a35
    cmp     x9, x10
    b.eq    7f
    b       8f                          // another model: no exact values
7:  mrs     x9, ctr_el0
    CHECK_REG(x9, x20)
    mrs     x9, dczid_el0
    CHECK_IMM(x9, 4)
    mrs     x9, id_aa64pfr0_el1
    CHECK_IMM(x9, 0x11)
    mrs     x9, id_aa64pfr1_el1
    CHECK_IMM(x9, 0)
    mrs     x9, id_aa64isar0_el1
    CHECK_IMM(x9, 0x11120)
    mrs     x9, id_aa64isar1_el1
    CHECK_IMM(x9, 0)
    mrs     x9, id_aa64mmfr0_el1
    CHECK_IMM(x9, 0xff000000)
    mrs     x9, id_aa64dfr0_el1
    CHECK_IMM(x9, 0x6)
    mrs     x9, S3_0_C0_C4_4            // ID_AA64ZFR0_EL1
    CHECK_IMM(x9, 0)
8:
    ldp     x21, x22, [sp, #32]
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #64
    ret
