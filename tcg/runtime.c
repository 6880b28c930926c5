// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * runtime.c: the guest-memory window and fault hook of runtime.h.
 *
 * These are process-wide (one guest address space per emulator process);
 * only the exit request is per thread, since each vCPU is a host thread.
 */
#include <inttypes.h>
#include "runtime.h"

uintptr_t tcg_guest_base;
uint64_t tcg_guest_limit;
__thread volatile sig_atomic_t tcg_exit_request;

static IRFaultHandler *fault_handler;

void ir_set_fault_handler(IRFaultHandler *fn)
{
    fault_handler = fn;
}

void tcg_guest_fault(void *env, const IRFault *fault)
{
    if (fault_handler == NULL) {
        /* an embedder bug: it ran guest code without installing the hook */
        g_error("tcg: guest %s fault at 0x%" PRIx64 " and no fault handler",
                fault->kind == IR_FAULT_ALIGN ? "alignment" : "range",
                fault->addr);
    }
    fault_handler(env, fault);
    g_error("tcg: the fault handler returned");
}
