// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu.h: the AArch64 CPU state that translated code runs against.
 *
 * The translator keeps guest registers as IR globals backed by fields of
 * CPUARMState (tcg/ir.h), so every field that IR reads or writes directly is
 * a plain integer at a fixed offset. Nothing here knows of Linux: the
 * embedder reaches its own per-thread data through @opaque.
 *
 * Flags are kept split, as four 64-bit words, so that setting them costs a
 * move or two instead of assembling a PSTATE word after every ADDS:
 *   N = (int64_t)NF < 0     Z = (ZF == 0)     C = CF (always 0 or 1)
 *   V = (int64_t)VF < 0
 * A 32-bit operation stores sign-extended/zero-extended 32-bit values.
 */
#ifndef UEMU_TARGET_ARM_CPU_H
#define UEMU_TARGET_ARM_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu-models.h"

#define ARM_REG_SP 31           /* xregs[31] is SP; XZR is not stored */

/* Why translated code stopped, for the cpu loop (CPUARMState.exception_index). */
typedef enum ArmException {
    ARM_EXCP_NONE,
    ARM_EXCP_SVC,               /* svc #imm: syscall; pc is after the svc */
    ARM_EXCP_UDEF,              /* unallocated or unimplemented encoding */
    ARM_EXCP_BKPT,              /* brk #imm: syndrome holds imm16 */
    ARM_EXCP_HLT,               /* hlt #imm (semihosting not supported) */
    ARM_EXCP_DATA_ABORT,        /* guest memory fault: fault_addr, fault_write */
    ARM_EXCP_ALIGNMENT,         /* misaligned exclusive/atomic/acquire-release */
    ARM_EXCP_YIELD,             /* yield/wfe/wfi: give other threads a chance */
} ArmException;

typedef struct CPUARMState {
    uint64_t xregs[32];         /* X0..X30, SP */
    uint64_t pc;
    uint64_t NF, ZF, CF, VF;    /* split NZCV, see above */

    /* V0..V31 as 128-bit little-endian lanes: vregs[n][0] is the low half. */
    uint64_t vregs[32][2] __attribute__((aligned(16)));
    uint32_t fpcr;
    uint32_t fpsr;

    uint64_t tpidr_el0;         /* the thread pointer (TLS) */
    uint64_t tpidrro_el0;       /* read-only at EL0; Linux leaves it 0 */

    /*
     * Exclusive monitor: LDXR records address and value; STXR succeeds iff
     * the address matches and memory still holds the value (compare-and-
     * swap on the host). excl_addr == -1 means "no reservation".
     */
    uint64_t excl_addr;
    uint64_t excl_val;
    uint64_t excl_val_hi;       /* second word of LDXP */
    uint32_t excl_size;         /* log2 bytes of the whole access (pairs too) */

    /* Set by translated code before it exits with an exception. */
    uint32_t exception_index;   /* ArmException */
    uint32_t syndrome;          /* svc/brk/hlt immediate */
    uint64_t fault_addr;
    bool fault_write;

    const ArmCpuModel *model;   /* what the guest is told (-cpu) */
    void *opaque;               /* the embedder's per-thread state */
} CPUARMState;

/* arm_cpu_reset: architectural reset state for user mode under @model. */
void arm_cpu_reset(CPUARMState *env, const ArmCpuModel *model);

/* NZCV as the 4-bit value of PSTATE bits 31:28 (for MRS NZCV, dumps). */
uint32_t arm_cpu_get_nzcv(const CPUARMState *env);
void arm_cpu_set_nzcv(CPUARMState *env, uint32_t nzcv);

/* arm_cpu_dump: -d cpu, laid out as qemu-aarch64 prints it (cpu-dump.c). */
void arm_cpu_dump(const CPUARMState *env, FILE *out);

#endif /* UEMU_TARGET_ARM_CPU_H */
