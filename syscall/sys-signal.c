// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-signal.c: the signal syscalls: actions, masks, the alternate stack,
 * sending, waiting, rt_sigreturn and signalfd.
 *
 * The state lives in linux-user/signal.c (guest-signal.h), which also
 * delivers; these handlers validate like the kernel, in its order, and
 * convert. Signal numbers, SA_* flags, the 64-bit sigset, siginfo (128
 * bytes) and signalfd_siginfo are the same on both ABIs; arm64's struct
 * sigaction is {handler, flags, restorer, mask}.
 *
 * Sending goes through the host kernel (kill, tgkill, rt_sigqueueinfo), also
 * to ourselves: the host handler queues the signal and the cpu loop
 * delivers it when the syscall returns, as Linux does on syscall exit.
 */
#include "syscall.h"
#include "linux-user/guest-signal.h"
#include "linux-user/uaccess.h"

#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

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

/* -- Accessors (syscall.h) --------------------------------------------------------- */

bool syscall_sigaction_get(int sig, GuestSigaction *out)
{
    return signal_get_action(sig, out);
}

uint64_t syscall_thread_sigmask(void)
{
    return signal_get_mask();
}

void syscall_thread_altstack(GuestAddr *sp, uint64_t *size, int *flags)
{
    GuestStackT ss;

    signal_get_altstack(&ss, 0);
    *sp = ss.sp;
    *size = ss.size;
    *flags = ss.flags;
}

/* -- Actions and masks ----------------------------------------------------------- */

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
    signal_get_action(sig, &old);
    if (c->arg[1]) {
        act.flags &= GUEST_SA_KNOWN;
        act.mask &= ~UNBLOCKABLE;
        signal_set_action(sig, &act);
    }
    if (c->arg[2] && uaccess_write(c->arg[2], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

/* @how is only looked at when a new set is given, as in the kernel. */
int64_t sys_rt_sigprocmask(SyscallCall *c)
{
    uint64_t old = signal_get_mask(), set, mask = old;

    if (c->arg[3] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (c->arg[1]) {
        if (uaccess_read(&set, c->arg[1], sizeof(set))) {
            return -EFAULT;
        }
        set &= ~UNBLOCKABLE;
        switch (arg_int(c, 0)) {
        case GUEST_SIG_BLOCK:   mask |= set;  break;
        case GUEST_SIG_UNBLOCK: mask &= ~set; break;
        case GUEST_SIG_SETMASK: mask = set;   break;
        default:                return -EINVAL;
        }
        signal_set_mask(mask);
    }
    if (c->arg[2] && uaccess_write(c->arg[2], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

/* The kernel accepts any size up to its sigset's and copies that much. */
int64_t sys_rt_sigpending(SyscallCall *c)
{
    uint64_t set = signal_get_pending();

    if (c->arg[1] > sizeof(uint64_t)) {
        return -EINVAL;
    }
    return uaccess_write(c->arg[0], &set, c->arg[1]) ? -EFAULT : 0;
}

/* -- The alternate stack ----------------------------------------------------------- */

int64_t sys_sigaltstack(SyscallCall *c)
{
    uint64_t sp = c->env->xregs[ARM_REG_SP];
    GuestStackT old, ss;

    signal_get_altstack(&old, sp);
    if (c->arg[0]) {
        int err;

        if (uaccess_read(&ss, c->arg[0], sizeof(ss))) {
            return -EFAULT;
        }
        err = signal_set_altstack(&ss, sp);
        if (err) {
            return err;
        }
    }
    if (c->arg[1] && uaccess_write(c->arg[1], &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

/* -- Returning and waiting --------------------------------------------------------- */

/* Every register comes back from the frame, x0 through the return value. */
int64_t sys_rt_sigreturn(SyscallCall *c)
{
    return (int64_t)signal_sigreturn(c->env);
}

int64_t sys_rt_sigsuspend(SyscallCall *c)
{
    uint64_t mask;

    if (c->arg[1] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (uaccess_read(&mask, c->arg[0], sizeof(mask))) {
        return -EFAULT;
    }
    return signal_suspend(mask);
}

int64_t sys_rt_sigtimedwait(SyscallCall *c)
{
    uint8_t info[128];
    uint64_t set;
    int64_t ts_guest[2];
    struct timespec ts;
    int64_t sig;

    if (c->arg[3] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (uaccess_read(&set, c->arg[0], sizeof(set))) {
        return -EFAULT;
    }
    if (c->arg[2]) {
        if (uaccess_read(ts_guest, c->arg[2], sizeof(ts_guest))) {
            return -EFAULT;
        }
        if (ts_guest[0] < 0 || ts_guest[1] < 0 || ts_guest[1] >= 1000000000) {
            return -EINVAL;
        }
        ts.tv_sec = ts_guest[0];
        ts.tv_nsec = ts_guest[1];
    }
    sig = signal_timedwait(set, info, c->arg[2] ? &ts : NULL);
    if (sig > 0 && c->arg[1] && uaccess_write(c->arg[1], info, sizeof(info))) {
        return -EFAULT;
    }
    return sig;
}

/*
 * We never hand out -ERESTART_RESTARTBLOCK (an interrupted sleep restarts
 * whole or answers -EINTR, see signal.c), so there is never a restart
 * block: the kernel's default one answers -EINTR.
 */
int64_t sys_restart_syscall(SyscallCall *c)
{
    return -EINTR;
}

/* -- Sending -------------------------------------------------------------------------- */

/* Guest pids and tids are the host's: the host kernel checks and sends. */
int64_t sys_kill(SyscallCall *c)
{
    return host_ret(kill(arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_tkill(SyscallCall *c)
{
    return host_ret(syscall(SYS_tkill, arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_tgkill(SyscallCall *c)
{
    return host_ret(syscall(SYS_tgkill, arg_int(c, 0), arg_int(c, 1),
                            arg_int(c, 2)));
}

int64_t sys_rt_sigqueueinfo(SyscallCall *c)
{
    uint8_t info[128];

    if (uaccess_read(info, c->arg[2], sizeof(info))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_rt_sigqueueinfo, arg_int(c, 0), arg_int(c, 1),
                            info));
}

int64_t sys_rt_tgsigqueueinfo(SyscallCall *c)
{
    uint8_t info[128];

    if (uaccess_read(info, c->arg[3], sizeof(info))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_rt_tgsigqueueinfo, arg_int(c, 0), arg_int(c, 1),
                            arg_int(c, 2), info));
}

/*
 * signalfd reads what is pending in the host kernel. A signal the guest
 * blocks is blocked on the host too (the mask is mirrored), so it waits
 * there for the signalfd, as on Linux. Flags (SFD_CLOEXEC, SFD_NONBLOCK)
 * and signalfd_siginfo are the same on both ABIs. One gap: an instance
 * already caught by our handler before the guest blocked it stays in our
 * queue, where rt_sigtimedwait and delivery see it but signalfd does not.
 */
int64_t sys_signalfd4(SyscallCall *c)
{
    uint64_t mask;

    if (c->arg[2] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (uaccess_read(&mask, c->arg[1], sizeof(mask))) {
        return -EFAULT;
    }
    mask &= ~UNBLOCKABLE;
    return host_ret(syscall(SYS_signalfd4, arg_int(c, 0), &mask, sizeof(mask),
                            arg_int(c, 3)));
}
