// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * runtime.h: what translated code needs from its embedder at run time.
 *
 * Shared by both backends (interpreter and JIT) and by helpers that touch
 * guest memory. The embedder (linux-user) sets these up before running
 * any block:
 *
 *     tcg_guest_base  = (uintptr_t)reserved_region;   // guest 0 lives here
 *     tcg_guest_limit = region_size;                  // [0, limit) in range
 *     ir_set_fault_handler(my_fault);                 // longjmps, never returns
 *
 * Guest address a lives at host tcg_guest_base + a. An access that is out
 * of [0, tcg_guest_limit) or misaligned when IR_MO_ALIGN asks, calls the
 * fault handler. An access inside the range that hits a PROT_NONE page raises
 * a host SIGSEGV instead: the embedder's signal handler takes the same path
 * (si_addr inside the guest region tells it the access was a guest one).
 * In both cases every global is already in env.
 */
#ifndef UEMU_TCG_RUNTIME_H
#define UEMU_TCG_RUNTIME_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include "ir.h"

extern uintptr_t tcg_guest_base;
extern uint64_t tcg_guest_limit;

/* Set (e.g. from a signal handler) to make running code return to the cpu
 * loop at the next block boundary instead of following a chain; the cpu loop
 * clears it. Per thread. */
extern __thread volatile sig_atomic_t tcg_exit_request;

typedef enum IRFaultKind {
    IR_FAULT_RANGE,          /* outside [0, tcg_guest_limit) */
    IR_FAULT_ALIGN,          /* IR_MO_ALIGN and not naturally aligned */
} IRFaultKind;

typedef struct IRFault {
    IRFaultKind kind;
    uint64_t addr;           /* guest address of the access */
    IRMemOp memop;
    bool is_store;
} IRFault;

/* The embedder's fault hook: raise the guest signal; must never return
 * (it longjmps to the cpu loop). C cannot put noreturn on a function
 * type, so tcg_guest_fault() enforces it. */
typedef void IRFaultHandler(void *env, const IRFault *fault);

void ir_set_fault_handler(IRFaultHandler *fn);

/* tcg_guest_fault: run the fault hook (for backends and helpers). */
void tcg_guest_fault(void *env, const IRFault *fault) G_GNUC_NORETURN;

/* tcg_guest_range_ok: [addr, addr + size) lies inside [0, tcg_guest_limit). */
static inline bool tcg_guest_range_ok(uint64_t addr, uint64_t size)
{
    return size <= tcg_guest_limit && addr <= tcg_guest_limit - size;
}

/* tcg_g2h: the host address of guest address @addr (no check). */
static inline void *tcg_g2h(uint64_t addr)
{
    return (void *)(tcg_guest_base + (uintptr_t)addr);
}

#endif /* UEMU_TCG_RUNTIME_H */
