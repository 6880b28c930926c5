// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-poll.c: I/O multiplexing: ppoll, pselect6 (arm64 has no poll or
 * select), epoll_create1, epoll_ctl, epoll_pwait, epoll_pwait2, eventfd2.
 *
 * struct pollfd, fd_set and the timespecs are the same on both ABIs and are
 * used in place. struct epoll_event is not (x86-64 packs it: conv-poll.c),
 * so epoll events are converted one by one.
 *
 * Signal masks: a call given a guest mask waits as the kernel's
 * set_user_sigmask()/restore_saved_sigmask_unless() make it: the mask is
 * the guest's for the wait (so the host waits with the host mask signal.c
 * derives from it, installed atomically by the host call); a signal it
 * lets through ends the wait with EINTR and its handler runs under that
 * mask, the frame saving the mask from before, exactly as after
 * rt_sigsuspend (signal_suspend() does that part); otherwise the old mask
 * is back before the guest runs again.
 *
 * Like the kernel, ppoll and pselect6 write the time left back into the
 * guest's timeout, and ignore a fault doing so.
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/guest-signal.h"
#include "linux-user/uaccess.h"

#include <limits.h>
#include <pthread.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GUEST_SIGSET_SIZE   8       /* the kernel's sigset_t on arm64 */

_Static_assert(EPOLL_CLOEXEC == 02000000 && EFD_CLOEXEC == 02000000 &&
               EFD_NONBLOCK == 04000 && EFD_SEMAPHORE == 1,
               "host epoll/eventfd flags differ from the generic ones");

/* -- Helpers ------------------------------------------------------------------ */

/*
 * sigmask_in: read the guest sigset at @a (@size bytes, which must be 8).
 * 0, -EINVAL or -EFAULT.
 */
static int sigmask_in(uint64_t *mask, GuestAddr a, uint64_t size)
{
    if (size != GUEST_SIGSET_SIZE) {
        return -EINVAL;
    }
    return uaccess_read(mask, a, sizeof(*mask)) ? -EFAULT : 0;
}

/* One wait under a temporary guest mask (see the top of the file). */
typedef struct MaskedWait {
    bool active;                /* a mask was given */
    uint64_t old, tmp;          /* guest masks: before, and for the wait */
    sigset_t host;              /* the host mask for @tmp */
} MaskedWait;

/*
 * wait_begin: make @mask (NULL: none) the guest's mask for the wait. All
 * host signals stay blocked from here to the host call, which installs
 * w->host atomically, so one arriving in between ends the wait instead of
 * being missed. Returns false if a signal is deliverable already: the call
 * then must not wait, but answer wait_end(w, -EINTR).
 */
static bool wait_begin(MaskedWait *w, const uint64_t *mask)
{
    sigset_t all;

    w->active = mask != NULL;
    if (!w->active) {
        return true;
    }
    w->old = signal_get_mask();
    w->tmp = *mask;
    signal_set_mask(w->tmp);
    pthread_sigmask(SIG_SETMASK, NULL, &w->host);
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    return !signal_deliverable();
}

/* The host sigset to hand the host call: its first 8 bytes are the kernel's. */
static const void *wait_host_mask(const MaskedWait *w)
{
    return w->active ? &w->host : NULL;
}

/*
 * wait_end: the call returned @ret. Back to the old guest mask, unless a
 * signal the wait's mask lets through is to be delivered: then the
 * handler runs under that mask and its frame saves the old one.
 */
static int64_t wait_end(MaskedWait *w, int64_t ret)
{
    bool deliver;

    if (!w->active) {
        return ret;
    }
    pthread_sigmask(SIG_SETMASK, &w->host, NULL);
    deliver = ret == -EINTR && signal_deliverable();
    signal_set_mask(w->old);
    if (deliver) {
        signal_suspend(w->tmp);     /* returns at once: a signal is deliverable */
    }
    return ret;
}

/* timeout_in: *@ts from guest @a; @a 0 means no timeout (*@tsp NULL). */
static int timeout_in(struct timespec *ts, struct timespec **tsp, GuestAddr a)
{
    *tsp = NULL;
    if (!a) {
        return 0;
    }
    if (uaccess_read(ts, a, sizeof(*ts))) {
        return -EFAULT;
    }
    *tsp = ts;
    return 0;
}

/* The time left, written back as the kernel does; a fault there is ignored. */
static void timeout_out(GuestAddr a, const struct timespec *ts)
{
    if (a) {
        (void)uaccess_write(a, ts, sizeof(*ts));
    }
}

/* -- poll and select --------------------------------------------------------------- */

int64_t sys_ppoll(SyscallCall *c)
{
    uint32_t nfds = (uint32_t)c->arg[1];
    struct timespec ts, *tsp;
    struct rlimit rl;
    uint64_t mask;
    MaskedWait w;
    int64_t ret = -EINTR;
    void *fds;
    int err;

    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && nfds > rl.rlim_cur) {
        return -EINVAL;
    }
    fds = uaccess_host_ptr(c->arg[0], (size_t)nfds * sizeof(struct pollfd),
                           PROT_READ | PROT_WRITE);
    if (!fds) {
        return -EFAULT;
    }
    err = timeout_in(&ts, &tsp, c->arg[2]);
    if (!err && c->arg[3]) {
        err = sigmask_in(&mask, c->arg[3], c->arg[4]);
    }
    if (err) {
        return err;
    }
    if (wait_begin(&w, c->arg[3] ? &mask : NULL)) {
        ret = host_ret(syscall(SYS_ppoll, fds, nfds, tsp, wait_host_mask(&w),
                               GUEST_SIGSET_SIZE));
    }
    ret = wait_end(&w, ret);
    timeout_out(c->arg[2], &ts);
    return ret;
}

/* pselect6's sixth argument: the address and size of the sigset, or NULL. */
typedef struct GuestSigsetArg {
    uint64_t ss;
    uint64_t ss_len;
} GuestSigsetArg;

int64_t sys_pselect6(SyscallCall *c)
{
    int nfds = arg_int(c, 0);
    size_t set_bytes;
    void *sets[3];
    struct timespec ts, *tsp;
    GuestSigsetArg sa = { 0, 0 };
    uint64_t mask;
    struct { const void *ss; uint64_t ss_len; } host_sa;
    MaskedWait w;
    int64_t ret = -EINTR;
    int err;

    if (nfds < 0) {
        return -EINVAL;
    }
    set_bytes = ((size_t)nfds + 63) / 64 * 8;
    for (int i = 0; i < 3; i++) {
        sets[i] = NULL;
        if (c->arg[1 + i]) {
            sets[i] = uaccess_host_ptr(c->arg[1 + i], set_bytes, PROT_READ | PROT_WRITE);
            if (!sets[i]) {
                return -EFAULT;
            }
        }
    }
    err = timeout_in(&ts, &tsp, c->arg[4]);
    if (err) {
        return err;
    }
    if (c->arg[5] && uaccess_read(&sa, c->arg[5], sizeof(sa))) {
        return -EFAULT;
    }
    if (sa.ss) {
        err = sigmask_in(&mask, sa.ss, sa.ss_len);
        if (err) {
            return err;
        }
    }
    if (wait_begin(&w, sa.ss ? &mask : NULL)) {
        host_sa.ss = wait_host_mask(&w);
        host_sa.ss_len = GUEST_SIGSET_SIZE;
        ret = host_ret(syscall(SYS_pselect6, nfds, sets[0], sets[1], sets[2], tsp,
                               &host_sa));
    }
    ret = wait_end(&w, ret);
    timeout_out(c->arg[4], &ts);
    return ret;
}

/* -- epoll ----------------------------------------------------------------------- */

int64_t sys_epoll_create1(SyscallCall *c)
{
    return host_ret(epoll_create1(arg_int(c, 0)));
}

/* EPOLL_CTL_DEL ignores the event (older kernels wanted one: we read it if given). */
int64_t sys_epoll_ctl(SyscallCall *c)
{
    int op = arg_int(c, 1);
    GuestEpollEvent g;
    struct epoll_event h, *hp = NULL;

    if (op != EPOLL_CTL_DEL || c->arg[3]) {
        if (uaccess_read(&g, c->arg[3], sizeof(g))) {
            return -EFAULT;
        }
        conv_epoll_event_from_guest(&h, &g);
        hp = &h;
    }
    return host_ret(epoll_ctl(arg_int(c, 0), op, arg_int(c, 2), hp));
}

/* The most events one call hands back; more stay ready for the next call. */
#define EPOLL_BATCH 1024

/*
 * The common part of epoll_pwait and epoll_pwait2: @timeout is the
 * epoll_pwait milliseconds, or with @ts the epoll_pwait2 timespec.
 */
static int64_t do_epoll_wait(SyscallCall *c, int timeout_ms, bool pwait2)
{
    int maxevents = arg_int(c, 2);
    struct epoll_event hv[EPOLL_BATCH];
    struct timespec ts, *tsp = NULL;
    uint64_t mask;
    MaskedWait w;
    int64_t ret = -EINTR;
    int n, err;

    if (maxevents <= 0 || maxevents > INT_MAX / (int)sizeof(GuestEpollEvent)) {
        return -EINVAL;
    }
    if (!uaccess_host_ptr(c->arg[1], (size_t)maxevents * sizeof(GuestEpollEvent),
                          PROT_WRITE)) {
        return -EFAULT;
    }
    if (pwait2) {
        err = timeout_in(&ts, &tsp, c->arg[3]);
        if (err) {
            return err;
        }
    }
    if (c->arg[4]) {
        err = sigmask_in(&mask, c->arg[4], c->arg[5]);
        if (err) {
            return err;
        }
    }
    n = MIN(maxevents, EPOLL_BATCH);
    if (wait_begin(&w, c->arg[4] ? &mask : NULL)) {
        if (pwait2) {
            ret = syscall(SYS_epoll_pwait2, arg_int(c, 0), hv, n, tsp,
                          wait_host_mask(&w), GUEST_SIGSET_SIZE);
        } else {
            ret = syscall(SYS_epoll_pwait, arg_int(c, 0), hv, n, timeout_ms,
                          wait_host_mask(&w), GUEST_SIGSET_SIZE);
        }
        ret = host_ret(ret);
    }
    ret = wait_end(&w, ret);
    for (int64_t i = 0; i < ret; i++) {
        GuestEpollEvent g;

        conv_epoll_event_to_guest(&g, &hv[i]);
        if (uaccess_write(c->arg[1] + i * sizeof(g), &g, sizeof(g))) {
            return -EFAULT;
        }
    }
    return ret;
}

int64_t sys_epoll_pwait(SyscallCall *c)
{
    return do_epoll_wait(c, arg_int(c, 3), false);
}

int64_t sys_epoll_pwait2(SyscallCall *c)
{
    return do_epoll_wait(c, 0, true);
}

/* -- eventfd ------------------------------------------------------------------ */

int64_t sys_eventfd2(SyscallCall *c)
{
    return host_ret(syscall(SYS_eventfd2, (unsigned)arg_int(c, 0), arg_int(c, 1)));
}
