// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-thread.c: what glibc's thread start-up asks for: gettid,
 * set_tid_address, set_robust_list, rseq, and futex.
 *
 * Each guest thread is a host thread, so its tid is the host tid, and the
 * addresses given here are recorded per thread for thread exit (a later
 * issue) to clear and wake, as the kernel does.
 *
 * futex runs on the host futex at the guest word's host address (guest
 * memory is host memory), after checking the word is mapped and aligned.
 * So waits and wakes between guest threads, timeouts and interruption by
 * signals behave exactly as the kernel's. In particular a FUTEX_WAIT whose
 * value matches, with no timeout and nobody to wake it, blocks: that is
 * what the guest asked for, and what it gets on real hardware. We chose
 * this over inventing an error (-ETIMEDOUT, -EINVAL) for the single-thread
 * case, which would turn a guest bug into silent wrong behaviour and would
 * be wrong the moment threads exist.
 */
#include "syscall.h"
#include "linux-user/uaccess.h"

#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static __thread GuestAddr thread_clear_child_tid;
static __thread GuestAddr thread_robust_list;

GuestAddr syscall_thread_clear_child_tid(void)
{
    return thread_clear_child_tid;
}

GuestAddr syscall_thread_robust_list(void)
{
    return thread_robust_list;
}

int64_t sys_gettid(SyscallCall *c)
{
    return gettid();
}

int64_t sys_set_tid_address(SyscallCall *c)
{
    thread_clear_child_tid = c->arg[0];
    return gettid();
}

/* struct robust_list_head is three 64-bit words on arm64. */
int64_t sys_set_robust_list(SyscallCall *c)
{
    if (c->arg[1] != 24) {
        return -EINVAL;
    }
    thread_robust_list = c->arg[0];
    return 0;
}

/*
 * Restartable sequences need the kernel to abort a critical section when the
 * thread is preempted; we do not model that, so we refuse registration as
 * qemu-aarch64 does, and glibc runs without rseq. Deliberate, so not logged
 * under -d unimp.
 */
int64_t sys_rseq(SyscallCall *c)
{
    return -ENOSYS;
}

/* -- futex -------------------------------------------------------------------------- */

/* The host address of the futex word at @a, or NULL with *@err set. */
static uint32_t *futex_word(GuestAddr a, int prot, int64_t *err)
{
    uint32_t *p;

    if (a & 3) {
        *err = -EINVAL;
        return NULL;
    }
    p = uaccess_host_ptr(a, sizeof(uint32_t), prot);
    if (!p) {
        *err = -EFAULT;
    }
    return p;
}

/* FUTEX_WAIT (relative timeout) and FUTEX_WAIT_BITSET (absolute). */
static int64_t futex_wait(SyscallCall *c, int op)
{
    struct timespec ts;
    int64_t err = 0;
    uint32_t *uaddr;

    if (c->arg[3] && uaccess_read(&ts, c->arg[3], sizeof(ts))) {
        return -EFAULT;
    }
    if (!(uaddr = futex_word(c->arg[0], PROT_READ, &err))) {
        return err;
    }
    return host_ret(syscall(SYS_futex, uaddr, op, arg_int(c, 2),
                            c->arg[3] ? &ts : NULL, NULL, arg_int(c, 5)));
}

/* REQUEUE, CMP_REQUEUE, WAKE_OP: the fourth argument is a count (val2). */
static int64_t futex_two_words(SyscallCall *c, int op)
{
    int64_t err = 0;
    uint32_t *uaddr, *uaddr2;

    if (!(uaddr = futex_word(c->arg[0], PROT_READ, &err)) ||
        !(uaddr2 = futex_word(c->arg[4], PROT_READ | PROT_WRITE, &err))) {
        return err;             /* WAKE_OP writes uaddr2: ask for both */
    }
    return host_ret(syscall(SYS_futex, uaddr, op, arg_int(c, 2),
                            (unsigned long)(uint32_t)c->arg[3], uaddr2, arg_int(c, 5)));
}

int64_t sys_futex(SyscallCall *c)
{
    int op = arg_int(c, 1);
    int64_t err = 0;
    uint32_t *uaddr;

    switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
        return futex_wait(c, op);
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
        if (!(uaddr = futex_word(c->arg[0], PROT_READ, &err))) {
            return err;
        }
        return host_ret(syscall(SYS_futex, uaddr, op, arg_int(c, 2), NULL, NULL,
                                arg_int(c, 5)));
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE:
    case FUTEX_WAKE_OP:
        return futex_two_words(c, op);
    default:
        syscall_log_unimp("Unsupported futex op: %d", op);
        return -ENOSYS;
    }
}
