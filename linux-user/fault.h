// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fault.h: guest memory faults and fatal guest signals.
 *
 * A guest access outside its map is caught two ways: the backend's range
 * check calls the IR fault hook, and an access to a PROT_NONE page inside the
 * guest region raises a host SIGSEGV. Both end in fault_raise(), which
 * records a precise guest pc and fault address in the CPU state and jumps
 * back to the cpu loop. Neither ever crashes the emulator.
 */
#ifndef UEMU_FAULT_H
#define UEMU_FAULT_H

#include "cpu-loop.h"

/* fault_init: install the IR fault hook and the host SIGSEGV/SIGBUS handler. */
void fault_init(void);

/*
 * fault_die_by_signal: the guest did not handle @sig: report it as
 * qemu-aarch64 does and terminate the emulator with the same signal, so
 * the parent sees WIFSIGNALED with it. Never returns.
 */
void fault_die_by_signal(int sig) G_GNUC_NORETURN;

#endif /* UEMU_FAULT_H */
