// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * asm/sys-traps.S: which system instructions trap at EL0, and how.
 *
 * A SIGILL/SIGTRAP/SIGSEGV handler records the signal, its pc and si_addr
 * and resumes after the instruction. Each case runs one instruction and
 * checks the signal (0 = none) and that pc pointed at the instruction:
 *  - SIGILL: HVC, SMC, HLT, UDF, MSR DAIFSet/DAIFClr/SPSel/PAN/UAO, MRS
 *    DAIF/CurrentEL/SCTLR_EL1, MSR of the read-only EL0 registers (CTR,
 *    DCZID, TPIDRRO, CNTVCT, CNTFRQ, MIDR), ID space holes (CRm = 0 other
 *    than MIDR/MPIDR/REVIDR, CRm = 1), CNTPCT_EL0, IC IALLU(IS), DC IVAC/
 *    ISW, TLBI, AT, SYSL; and, when the model does not advertise their
 *    feature, PAC branches, CFINV, SB, MSR SSBS/DIT/TCO.
 *  - SIGTRAP: BRK, at the brk.
 *  - SIGSEGV: DC ZVA of an unmapped block, si_addr = the block's start.
 *  - Nothing: every hint (NOP, YIELD, WFE, WFI, SEV(L), BTI, the PAC
 *    hints, CSDB, ...), CLREX, DMB/DSB of each type, ISB, SSBB/PSSBB, and
 *    DC CVAU/CVAC/CIVAC and IC IVAU even of an unmapped address (qemu-aarch64
 *    does not fault there; hardware may).
 */
#include "check.h"

TEST_NAME("asm-sys-traps")

#define SYS_rt_sigaction 134
#define SYS_rt_sigreturn 139
#define SIGILL  4
#define SIGTRAP 5
#define SIGSEGV 11
#define SA_SIGINFO  0x4
#define SA_NODEFER  0x40000000
#define SA_RESTORER 0x04000000
#define UC_PC       440                 /* offsetof(ucontext_t, uc_mcontext.pc) */
#define SI_ADDR     16                  /* offsetof(siginfo_t, si_addr) */

/* Run @insn (one instruction) and check that it raised signal @sig. */
#define EXPECT(sig, ...)                                                    \
    str xzr, [x20] ; 1: __VA_ARGS__ ; ldr x9, [x20] ; CHECK_IMM(x9, sig) ; \
    adr x10, 1b ; ldr x9, [x20, #8] ; mov x11, sig ; cmp x11, #0 ;        \
    csel x9, x9, x10, ne ; CHECK_REG(x9, x10)
/* The same with the expected signal in x21 (depends on the model). */
#define EXPECT_X21(...)                                                     \
    str xzr, [x20] ; 1: __VA_ARGS__ ; ldr x9, [x20] ; CHECK_REG(x9, x21)

/* x21 = SIGILL unless field [shift+3:shift] of x9 is >= min, else 0. */
#define ILL_UNLESS(shift, min)                                              \
    ubfx x10, x9, shift, 4 ; cmp x10, min ; mov x21, #SIGILL ;              \
    csel x21, xzr, x21, hs

    .text
handler:                                // x0 = signal, x1 = siginfo, x2 = uc
    adrp    x3, seen
    add     x3, x3, :lo12:seen
    ldr     x4, [x2, #UC_PC]
    ldr     x5, [x1, #SI_ADDR]
    stp     x0, x4, [x3]                // signal, pc
    str     x5, [x3, #16]               // si_addr
    add     x4, x4, #4
    str     x4, [x2, #UC_PC]            // resume after the instruction
    ret
restorer:
    mov     x8, #SYS_rt_sigreturn
    svc     #0

    .global test_main
test_main:
    stp     x29, x30, [sp, #-48]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]

    /* struct sigaction {handler, flags, restorer, mask} for 3 signals. */
    sub     sp, sp, #32
    adr     x9, handler
    ldr     x10, =(SA_SIGINFO | SA_NODEFER | SA_RESTORER)
    adr     x11, restorer
    stp     x9, x10, [sp]
    stp     x11, xzr, [sp, #16]
    mov     x0, #SIGILL
    bl      set_action
    mov     x0, #SIGTRAP
    bl      set_action
    mov     x0, #SIGSEGV
    bl      set_action
    add     sp, sp, #32
    adrp    x20, seen
    add     x20, x20, :lo12:seen

    /* -- Exception generation -------------------------------------------- */
    EXPECT(SIGILL, hvc #0)
    EXPECT(SIGILL, smc #0)
    EXPECT(SIGILL, hlt #0)
    EXPECT(SIGILL, .inst 0x00000000)    // udf #0
    EXPECT(SIGTRAP, brk #0)
    EXPECT(SIGTRAP, brk #0xffff)

    /* -- PSTATE and EL1 registers ---------------------------------------- */
    EXPECT(SIGILL, msr daifset, #2)
    EXPECT(SIGILL, msr daifclr, #2)
    EXPECT(SIGILL, msr spsel, #0)
    EXPECT(SIGILL, .inst 0xd500409f)    // msr pan, #0
    EXPECT(SIGILL, .inst 0xd500407f)    // msr uao, #0
    EXPECT(SIGILL, mrs x9, daif)
    EXPECT(SIGILL, mrs x9, currentel)
    EXPECT(SIGILL, mrs x9, sctlr_el1)
    EXPECT(SIGILL, msr sctlr_el1, x9)

    /* -- Read-only and absent registers ---------------------------------- */
    EXPECT(SIGILL, msr S3_3_C0_C0_1, x9)    // ctr_el0
    EXPECT(SIGILL, msr S3_3_C0_C0_7, x9)    // dczid_el0
    EXPECT(SIGILL, msr tpidrro_el0, x9)
    EXPECT(SIGILL, msr S3_3_C14_C0_2, x9)   // cntvct_el0
    EXPECT(SIGILL, msr cntfrq_el0, x9)
    EXPECT(SIGILL, msr S3_0_C0_C0_0, x9)    // midr_el1
    EXPECT(SIGILL, mrs x9, S3_0_C0_C0_1)
    EXPECT(SIGILL, mrs x9, S3_0_C0_C0_4)
    EXPECT(SIGILL, mrs x9, S3_0_C0_C0_7)
    EXPECT(SIGILL, mrs x9, S3_0_C0_C1_0)    // id_pfr0_el1
    EXPECT(SIGILL, mrs x9, S3_0_C0_C1_7)
    EXPECT(SIGILL, mrs x9, S3_1_C0_C0_0)    // ccsidr_el1
    EXPECT(SIGILL, mrs x9, cntpct_el0)
    EXPECT(SIGILL, mrs x9, cntv_ctl_el0)
    EXPECT(SIGILL, mrs x9, pmccntr_el0)

    /* -- SYS and SYSL at EL1 --------------------------------------------- */
    EXPECT(SIGILL, ic iallu)
    EXPECT(SIGILL, ic ialluis)
    EXPECT(SIGILL, dc ivac, x9)
    EXPECT(SIGILL, dc isw, x9)
    EXPECT(SIGILL, tlbi vmalle1)
    EXPECT(SIGILL, at s1e0r, x9)
    EXPECT(SIGILL, sysl x9, #0, c0, c0, #0)
    EXPECT(SIGILL, sysl x9, #3, c7, c4, #1)

    /* -- Optional features, by their ID register fields ------------------ */
    mrs     x9, id_aa64isar1_el1
    orr     x10, x9, x9, lsr #4         // APA [7:4] | API [11:8]
    ubfx    x10, x10, #4, #4
    cbnz    x10, 2f                     // PAuth: the branches work
    EXPECT(SIGILL, .inst 0xd61f0bff)    // braaz xzr ... (BRAAZ, Rn = 31)
    EXPECT(SIGILL, .inst 0xd63f0bff)    // blraaz
    EXPECT(SIGILL, .inst 0xd65f0bff)    // retaa
    EXPECT(SIGILL, .inst 0xd71f0a3f)    // braa x17, sp
    b       3f
    /* With PAuth, as many passing checks, so that the summary line is the
     * same under every model (run-guest.py compares it with qemu's). */
2:  .rept 8
    CHECK_IMM(xzr, 0)
    .endr
3:  mrs     x9, id_aa64isar1_el1
    ILL_UNLESS(36, 1)                   // SB
    EXPECT_X21(.inst 0xd50330ff)       // sb
    /* DC CVAP/CVADP (DPB, DPB2) are left out: qemu-aarch64 7.2 advertises
     * them under -cpu max yet raises SIGILL for both. */
    mrs     x9, id_aa64isar0_el1
    ILL_UNLESS(52, 1)                   // FlagM
    EXPECT_X21(.inst 0xd500401f)        // cfinv
    mrs     x9, id_aa64isar0_el1
    ILL_UNLESS(52, 2)                   // FlagM2
    EXPECT_X21(.inst 0xd500403f)        // xaflag
    mrs     x9, id_aa64pfr1_el1
    ILL_UNLESS(4, 1)                    // SSBS
    EXPECT_X21(.inst 0xd503413f)        // msr ssbs, #1
    mrs     x9, id_aa64pfr0_el1
    ILL_UNLESS(48, 1)                   // DIT
    EXPECT_X21(.inst 0xd503405f)        // msr dit, #0
    mrs     x9, id_aa64pfr1_el1
    ILL_UNLESS(8, 2)                    // MTE2
    EXPECT_X21(.inst 0xd503409f)        // msr tco, #0

    /* -- Memory faults ----------------------------------------------------- */
    mov     x9, #0x30                   // page 0 is never mapped
    EXPECT(SIGSEGV, dc zva, x9)
    ldr     x9, [x20, #16]
    mrs     x10, dczid_el0
    and     x10, x10, #0xf
    mov     x11, #4
    lsl     x11, x11, x10
    mov     x10, #0x30
    neg     x11, x11
    and     x10, x10, x11
    CHECK_REG(x9, x10)                  // si_addr: the aligned block
    mov     x9, #0x30
    EXPECT(0, dc cvau, x9)
    EXPECT(0, dc cvac, x9)
    EXPECT(0, dc civac, x9)
    EXPECT(0, ic ivau, x9)

    /* -- No-ops ------------------------------------------------------------ */
    EXPECT(0, nop)
    EXPECT(0, yield)
    EXPECT(0, wfe)
    EXPECT(0, wfi)
    EXPECT(0, sev)
    EXPECT(0, sevl)
    EXPECT(0, hint #0x22)               // bti c
    EXPECT(0, hint #0x14)               // csdb
    EXPECT(0, hint #0x07)               // xpaclri
    EXPECT(0, hint #0x7f)               // the last hint
    mov     x22, x30                    // PAC hints may change x30
    EXPECT(0, hint #0x19)               // paciasp
    EXPECT(0, hint #0x1d)               // autiasp
    mov     x30, x22
    EXPECT(0, clrex)
    EXPECT(0, clrex #5)
    EXPECT(0, dmb ish)
    EXPECT(0, dmb ishld)
    EXPECT(0, dmb oshst)
    EXPECT(0, dmb #0)
    EXPECT(0, dsb sy)
    EXPECT(0, dsb nshld)
    EXPECT(0, dsb #0)                   // ssbb
    EXPECT(0, dsb #4)                   // pssbb
    EXPECT(0, isb)
    EXPECT(0, isb #3)

    ldp     x21, x22, [sp, #32]
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #48
    ret

/* set_action: rt_sigaction(x0, [sp of the caller], NULL, 8). */
set_action:
    add     x1, sp, #0
    mov     x2, #0
    mov     x3, #8
    mov     x8, #SYS_rt_sigaction
    svc     #0
    mov     x9, x0
    mov     x21, x30
    CHECK_IMM(x9, 0)
    mov     x30, x21
    ret

    .bss
    .balign 8
seen:
    .skip   24                          // signal, pc, si_addr
