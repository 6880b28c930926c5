// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fault.c: guest faults become precise guest signals (see fault.h).
 *
 * The precise pc comes from the last insn_start the backend passed
 * (tcg/interp.h); every global is already in env at a faulting access
 * (tcg/ir-gen.h invariants), so the CPU state is exact. The cpu loop then
 * queues the guest signal (signal.c), which enters the guest's handler or
 * takes the default action. Host SIGSEGV/SIGBUS that another process sent
 * are not faults: they go to signal.c's queue like any other signal.
 */
#include "fault.h"
#include "guest-signal.h"
#include "mmap.h"
#include "tcg/interp.h"
#include "tcg/runtime.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Record the fault in @t's CPU state and return to the cpu loop. */
static G_GNUC_NORETURN void fault_raise(CpuThread *t, ArmException excp,
                                        uint64_t addr, bool write)
{
    uint64_t pc, extra;

    if (ir_interp_current_insn(&pc, &extra)) {
        t->env.pc = pc;
    }
    t->env.exception_index = excp;
    t->env.fault_addr = addr;
    t->env.fault_write = write;
    t->in_guest = 0;
    siglongjmp(t->fault_jmp, 1);
}

static G_GNUC_NORETURN void fault_ir_hook(void *env, const IRFault *f)
{
    CpuThread *t = cpu_thread_self;

    g_assert(t && env == &t->env);
    /* Alignment faults are SIGBUS on Linux, the rest SIGSEGV. */
    fault_raise(t, f->kind == IR_FAULT_ALIGN ? ARM_EXCP_ALIGNMENT
                                             : ARM_EXCP_DATA_ABORT,
                f->addr, f->is_store);
}

static void fault_host_signal(int sig, siginfo_t *si, void *uc)
{
    CpuThread *t = cpu_thread_self;
    uintptr_t host = (uintptr_t)si->si_addr;

    if (si->si_code <= 0) {
        /* Sent by a process (kill, tgkill, sigqueue), not a fault. */
        signal_host_async(sig, si, uc);
        return;
    }
    if (t && t->in_guest && host >= guest_base &&
        host - guest_base < guest_space_size) {
        /* The x86 page-fault error code (bit 1: write) is in the context. */
        ucontext_t *ctx = uc;
        bool write = (ctx->uc_mcontext.gregs[REG_ERR] & 2) != 0;
        fault_raise(t, ARM_EXCP_DATA_ABORT, host - guest_base, write);
    }
    /* Not a guest access: our own bug. Die with the host's report. */
    signal(sig, SIG_DFL);
    raise(sig);
}

void fault_init(void)
{
    struct sigaction sa;

    ir_set_fault_handler(fault_ir_hook);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fault_host_signal;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void fault_die_by_signal(int sig)
{
    signal_die(sig);
}
