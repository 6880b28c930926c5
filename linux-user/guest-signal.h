// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * guest-signal.h: guest signals: actions, masks, queueing and delivery to
 * guest handlers in the AArch64 Linux frame layout. (Not named signal.h:
 * linux-user/ is on its own files' include path, where that name would
 * hide the C library's <signal.h>.)
 *
 * Two ways in. A synchronous fault of translated code (fault.c, cpu-loop.c)
 * is queued with signal_queue_sync(); an asynchronous host signal (kill,
 * SIGCHLD, SIGALRM, ...) is caught by a host handler that only queues it.
 * Both set a per-thread pending flag and tcg_exit_request, and the cpu loop
 * delivers at the next block boundary:
 *
 *     if (signal_pending) {
 *         signal_deliver_pending(env);     // may change pc, sp, x0-x2, ...
 *     }
 *
 * Delivery either builds an rt_sigframe on the guest stack and enters the
 * handler, or takes the default action (ignore, stop, or die of the same
 * host signal after plugin_atexit()). rt_sigreturn undoes the frame.
 *
 * Host dispositions follow the guest's (signal_update_host_action): a guest
 * SIG_IGN, or a SIG_DFL whose default is to ignore or stop, is installed on
 * the host as is, so the host kernel does exactly what Linux would (no
 * interrupted syscalls, SIGCHLD auto-reap, real job-control stops). Only
 * handled signals and default-fatal ones reach our host handler. The host
 * mask mirrors the guest mask, so blocked signals stay pending in the host
 * kernel (rt signals keep their queue; sigtimedwait and signalfd see them).
 */
#ifndef UEMU_GUEST_SIGNAL_H
#define UEMU_GUEST_SIGNAL_H

#include "mmap.h"
#include "target-arm/cpu.h"

#include <glib.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#define GUEST_SIGBIT(n)     (1ULL << ((n) - 1))

/* The guest's stack_t: {ss_sp, ss_flags, ss_size}, 24 bytes with padding. */
typedef struct GuestStackT {
    uint64_t sp;
    int32_t flags;
    int32_t pad;
    uint64_t size;
} GuestStackT;

#define GUEST_SS_ONSTACK    1
#define GUEST_SS_DISABLE    2
#define GUEST_SS_AUTODISARM (1U << 31)

/* Set by the host handler and by signal_queue_sync(): something may be
 * deliverable. The cpu loop tests it before every block. */
extern __thread volatile sig_atomic_t signal_pending;

/* signal_init: adopt the inherited host dispositions and mask as the
 * guest's, and install the host handlers. Once, before the guest runs. */
void signal_init(void);

/* signal_host_async: the queueing host handler (fault.c forwards host
 * SIGSEGV/SIGBUS that a process sent, not a fault). */
void signal_host_async(int sig, siginfo_t *si, void *uc);

/*
 * signal_queue_sync: a synchronous fault of the current instruction (env->pc
 * already precise). Delivered before anything else; if the guest blocks or
 * ignores it, the default action is forced (the kernel's force_sig_fault).
 */
void signal_queue_sync(int sig, int code, uint64_t addr);

/* signal_deliver_pending: deliver what the guest mask allows (see above). */
void signal_deliver_pending(CPUARMState *env);

/* signal_deliverable: a queued signal is not blocked (or is synchronous). */
bool signal_deliverable(void);

/*
 * signal_syscall_interrupted: syscall @nr returned -EINTR with a signal
 * pending; the delivery that follows decides, as the kernel does, whether
 * the guest sees -EINTR or the syscall restarts (pc back on the svc, x0 =
 * @orig_x0): restart when no handler runs or the handler has SA_RESTART,
 * except for the calls Linux never restarts after a handler (sleeps, poll,
 * sigsuspend, ...).
 */
void signal_syscall_interrupted(uint64_t nr, uint64_t orig_x0, uint64_t arg3);

/* signal_die: the guest dies of @sig: report as qemu-aarch64 does (core
 * signals), run plugin atexit, and die of the host signal. */
void signal_die(int sig) G_GNUC_NORETURN;

/* -- State the syscalls (syscall/sys-signal.c) read and change ------------ */

/* Guest action of @sig (1..64), kept process-wide; returns false if out of
 * range. Setting re-installs the host disposition and drops queued
 * instances of a signal that becomes ignored. */
typedef struct GuestSigaction GuestSigaction;
bool signal_get_action(int sig, GuestSigaction *out);
void signal_set_action(int sig, const GuestSigaction *act);

/* This thread's blocked mask (setting mirrors it to the host). */
uint64_t signal_get_mask(void);
void signal_set_mask(uint64_t mask);

/* Pending signals: queued here or pending in the host kernel. */
uint64_t signal_get_pending(void);

/* sigaltstack: the current setting as the kernel reports it for @sp, and
 * a change (0 or -errno: EPERM when @sp is on the alternate stack). */
void signal_get_altstack(GuestStackT *out, uint64_t sp);
int signal_set_altstack(const GuestStackT *ss, uint64_t sp);

/* rt_sigreturn: reload the state saved in the frame at sp; returns x0.
 * A bad frame queues a forced SIGSEGV, as the kernel does. */
uint64_t signal_sigreturn(CPUARMState *env);

/* rt_sigsuspend: wait for a signal under @mask; always -EINTR. The frame
 * of the handler that ends the wait saves the mask from before. */
int64_t signal_suspend(uint64_t mask);

/* rt_sigtimedwait: take a signal of @set (queued here first, then the
 * host's); @ts NULL waits for ever. Returns the signal or -errno. */
int64_t signal_timedwait(uint64_t set, uint8_t info[128],
                         const struct timespec *ts);

#endif /* UEMU_GUEST_SIGNAL_H */
