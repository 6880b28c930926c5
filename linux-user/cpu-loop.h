// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-loop.h: run the guest: blocks, syscalls, exceptions, faults.
 */
#ifndef UEMU_CPU_LOOP_H
#define UEMU_CPU_LOOP_H

#include "target-arm/cpu.h"
#include "tcg/tb-cache.h"

#include <setjmp.h>

/* One guest thread's execution state (one vCPU). */
typedef struct CpuThread {
    CPUARMState env;
    TbJmpCache jmp_cache;
    sigjmp_buf fault_jmp;           /* where a guest fault lands (fault.c) */
    volatile sig_atomic_t in_guest; /* running translated code or helpers */
    unsigned vcpu_index;            /* stable for the thread's life; plugin
                                     * code reads it through env->opaque */
} CpuThread;

/* The calling thread's vCPU, or NULL outside guest threads. */
extern __thread CpuThread *cpu_thread_self;

/*
 * cpu_loop_run: run the guest on @t until it exits. Returns the process exit
 * status for exit_group; a guest killed by a signal never returns (the
 * emulator dies of the same signal, as qemu-aarch64 does).
 */
int cpu_loop_run(CpuThread *t);

/* cpu_loop_start: set up runtime hooks and a vCPU at @entry with @sp. */
CpuThread *cpu_loop_start(uint64_t entry, uint64_t sp);

#endif /* UEMU_CPU_LOOP_H */
