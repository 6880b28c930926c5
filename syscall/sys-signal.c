// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-signal.c: rt_sigaction, rt_sigprocmask, sigaltstack, recorded.
 *
 * Signal delivery to the guest is a later issue (linux-user/signal.c). Until
 * then these calls keep the guest's view exactly as the kernel would: the
 * action of each signal (process-wide), and each thread's blocked mask and
 * alternate stack; they answer the old values, validate like the kernel,
 * and never touch the host's own signal state. The delivery code will read
 * what is recorded here through the syscall.h accessors.
 *
 * Signal numbers, SA_* flags and the 64-bit sigset are the same on both
 * ABIs; arm64's struct sigaction is {handler, flags, restorer, mask}.
 */
#include "syscall.h"
#include "linux-user/uaccess.h"

#include <pthread.h>

#define GUEST_SIGKILL   9
#define GUEST_SIGSTOP   19
#define SIGBIT(n)       (1ULL << ((n) - 1))
#define UNBLOCKABLE     (SIGBIT(GUEST_SIGKILL) | SIGBIT(GUEST_SIGSTOP))

#define GUEST_SIG_BLOCK     0
#define GUEST_SIG_UNBLOCK   1
#define GUEST_SIG_SETMASK   2

/*
 * The sa_flags bits arm64 Linux keeps (UAPI_SA_FLAGS plus SA_RESTORER);
 * others read back as clear, which is how a program detects a flag the
 * kernel lacks (SA_UNSUPPORTED). SA_EXPOSE_TAGBITS (0x800) is left out
 * until delivery reports tagged fault addresses.
 */
#define GUEST_SA_KNOWN  (0x00000001 | 0x00000002 | 0x00000004 | 0x04000000 | \
                         0x08000000 | 0x10000000 | 0x40000000 | 0x80000000)

#define GUEST_SS_ONSTACK    1
#define GUEST_SS_DISABLE    2
#define GUEST_SS_AUTODISARM (1U << 31)
#define GUEST_MINSIGSTKSZ   5120        /* arm64 asm/signal.h */

/* The guest's stack_t: {ss_sp, ss_flags, ss_size}, 24 bytes with padding. */
typedef struct GuestStackT {
    uint64_t sp;
    int32_t flags;
    int32_t pad;
    uint64_t size;
} GuestStackT;

static pthread_mutex_t sigact_lock = PTHREAD_MUTEX_INITIALIZER;
static GuestSigaction sigact[GUEST_NSIG + 1];   /* [0] unused */

static __thread uint64_t thread_sigmask;
static __thread GuestStackT thread_altstack;    /* size 0: none */

/* -- Accessors for signal delivery ----------------------------------------------- */

bool syscall_sigaction_get(int sig, GuestSigaction *out)
{
    if (sig < 1 || sig > GUEST_NSIG) {
        return false;
    }
    pthread_mutex_lock(&sigact_lock);
    *out = sigact[sig];
    pthread_mutex_unlock(&sigact_lock);
    return true;
}

uint64_t syscall_thread_sigmask(void)
{
    return thread_sigmask;
}

void syscall_thread_altstack(GuestAddr *sp, uint64_t *size, int *flags)
{
    *sp = thread_altstack.sp;
    *size = thread_altstack.size;
    *flags = thread_altstack.size ? thread_altstack.flags : GUEST_SS_DISABLE;
}

/* -- The syscalls ------------------------------------------------------------------ */

/* Checks in the kernel's order: size, copy in, signal number, copy out. */
int64_t sys_rt_sigaction(SyscallCall *c)
{
    int sig = arg_int(c, 0);
    GuestSigaction act, old;

    if (c->arg[3] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (c->arg[1] && uaccess_read(&act, c->arg[1], sizeof(act))) {
        return -EFAULT;
    }
    if (sig < 1 || sig > GUEST_NSIG ||
        (c->arg[1] && (sig == GUEST_SIGKILL || sig == GUEST_SIGSTOP))) {
        return -EINVAL;
    }
    pthread_mutex_lock(&sigact_lock);
    old = sigact[sig];
    if (c->arg[1]) {
        act.flags &= GUEST_SA_KNOWN;
        act.mask &= ~UNBLOCKABLE;
        sigact[sig] = act;
    }
    pthread_mutex_unlock(&sigact_lock);
    if (c->arg[2] && uaccess_write(c->arg[2], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

/* @how is only looked at when a new set is given, as in the kernel. */
int64_t sys_rt_sigprocmask(SyscallCall *c)
{
    uint64_t old = thread_sigmask, set;

    if (c->arg[3] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (c->arg[1]) {
        if (uaccess_read(&set, c->arg[1], sizeof(set))) {
            return -EFAULT;
        }
        set &= ~UNBLOCKABLE;
        switch (arg_int(c, 0)) {
        case GUEST_SIG_BLOCK:   thread_sigmask |= set;  break;
        case GUEST_SIG_UNBLOCK: thread_sigmask &= ~set; break;
        case GUEST_SIG_SETMASK: thread_sigmask = set;   break;
        default:                return -EINVAL;
        }
    }
    if (c->arg[2] && uaccess_write(c->arg[2], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

/*
 * The kernel also refuses (EPERM) to change the stack while running on it;
 * nothing runs on it before delivery exists, so that check waits for it.
 */
int64_t sys_sigaltstack(SyscallCall *c)
{
    GuestStackT old = thread_altstack, ss;

    old.flags = (old.size ? 0 : GUEST_SS_DISABLE) | (old.flags & (int32_t)GUEST_SS_AUTODISARM);
    old.pad = 0;
    if (c->arg[0]) {
        int mode;

        if (uaccess_read(&ss, c->arg[0], sizeof(ss))) {
            return -EFAULT;
        }
        mode = ss.flags & ~(int32_t)GUEST_SS_AUTODISARM;
        if (mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK && mode != 0) {
            return -EINVAL;
        }
        if (mode == GUEST_SS_DISABLE) {
            ss.sp = ss.size = 0;
        } else if (ss.size < GUEST_MINSIGSTKSZ) {
            return -ENOMEM;
        }
        ss.flags &= (int32_t)GUEST_SS_AUTODISARM;
        thread_altstack = ss;
    }
    if (c->arg[1] && uaccess_write(c->arg[1], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}
