// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * thread.c: guest threads (see thread.h).
 *
 * A guest thread is a host pthread running cpu_loop_run() on its own
 * CpuThread: a copy of the parent's CPU state with x0 = 0, the new sp and
 * TPIDR_EL0, and an empty exclusive monitor. What the loops share is
 * thread-safe where it lives: the TB cache (tcg/tb-cache.c: one lock,
 * reclaim by quiescent generations), translation (tb-gen.c: one lock),
 * guest memory maps (mmap.c: one lock), signal actions (signal.c: process
 * wide; masks, queues and the alternate stack are per thread), futexes
 * (the host's, on the guest word's host address), LDXR/STXR (a host
 * compare-and-swap on the value), and the plugin core (its lock).
 *
 * Start: the parent blocks every host signal around pthread_create, so
 * the child starts with none deliverable; the child writes parent_tid and
 * child_tid (before any guest code runs, as the kernel does), records
 * clear_child_tid, takes the parent's guest signal mask (which also sets
 * its host mask), and only then lets the parent return its tid. Then
 * plugin vcpu_init, and the cpu loop.
 *
 * Exit (exit(2)): vcpu_exit, then 0 to the clear_child_tid word and a
 * FUTEX_WAKE on it (pthread_join waits there), then the host thread ends.
 * The last thread's exit ends the process with its status, as exit_group.
 * The robust futex list (set_robust_list) is recorded, never given to the
 * host kernel (it would walk guest pointers as host ones), and not walked
 * at thread death: a guest thread dying with a robust mutex held leaves
 * waiters blocked instead of getting EOWNERDEAD.
 *
 * vCPU indices: the lowest free one, so a program creating and joining
 * threads in turn keeps reusing index 1 (as QEMU's cpu list does).
 *
 * fork: the forking thread holds the shared locks across the host fork
 * (thread_fork_prepare/done); the child keeps only that thread.
 *
 * Not yet: plugin uninstall/reset while several threads run (the plugin
 * core does not stop the other vCPUs first, see docs/manual.md); a signal
 * queued for a thread as it exits is lost rather than redirected.
 */
#include "thread.h"
#include "guest-signal.h"
#include "tb-gen.h"
#include "uaccess.h"
#include "plugin-api/plugin.h"
#include "syscall/syscall.h"
#include "tcg/tb-cache.h"

#include <errno.h>
#include <inttypes.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t thread_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned live_threads = 1;                       /* the main thread */
static uint64_t vcpu_used[THREAD_MAX_VCPUS / 64] = { 1 };  /* index 0: main */

/* What the parent hands to the child, on the parent's stack until the
 * child posts @ready. */
typedef struct ThreadStart {
    CpuThread *t;
    ThreadCloneArgs args;
    uint64_t sigmask;
    sem_t ready;
    pid_t tid;
} ThreadStart;

/* -- vCPU indices ------------------------------------------------------------ */

int thread_vcpu_index_new(void)
{
    int idx = -1;

    pthread_mutex_lock(&thread_lock);
    for (unsigned i = 0; i < THREAD_MAX_VCPUS; i++) {
        if (!(vcpu_used[i / 64] & (1ULL << (i % 64)))) {
            vcpu_used[i / 64] |= 1ULL << (i % 64);
            idx = (int)i;
            break;
        }
    }
    pthread_mutex_unlock(&thread_lock);
    return idx;
}

static void thread_vcpu_index_free_locked(unsigned idx)
{
    vcpu_used[idx / 64] &= ~(1ULL << (idx % 64));
}

unsigned thread_count(void)
{
    unsigned n;

    pthread_mutex_lock(&thread_lock);
    n = live_threads;
    pthread_mutex_unlock(&thread_lock);
    return n;
}

void thread_fork_prepare(void)
{
    tb_gen_fork_lock();
    guest_mmap_fork_lock();                 /* translation checks the map */
    tb_cache_fork_lock();
}

void thread_fork_done(void)
{
    tb_cache_fork_unlock();
    guest_mmap_fork_unlock();
    tb_gen_fork_unlock();
}

void thread_fork_child(CpuThread *t)
{
    pthread_mutex_init(&thread_lock, NULL);
    live_threads = 1;
    memset(vcpu_used, 0, sizeof(vcpu_used));
    if (t) {
        vcpu_used[t->vcpu_index / 64] |= 1ULL << (t->vcpu_index % 64);
    }
    tb_cache_fork_child(t ? &t->jmp_cache : NULL);
}

/* -- Start ------------------------------------------------------------------- */

static G_GNUC_NORETURN void thread_process_exit(int status)
{
    plugin_atexit();
    fflush(NULL);
    exit(status);
}

static void *thread_main(void *opaque)
{
    ThreadStart *s = opaque;
    CpuThread *t = s->t;
    uint32_t tid = (uint32_t)gettid();

    /* The kernel ignores a fault writing these, so do we. */
    if (s->args.flags & CLONE_PARENT_SETTID) {
        uaccess_write(s->args.parent_tid, &tid, sizeof(tid));
    }
    if (s->args.flags & CLONE_CHILD_SETTID) {
        uaccess_write(s->args.child_tid, &tid, sizeof(tid));
    }
    if (s->args.flags & CLONE_CHILD_CLEARTID) {
        SyscallCall set = { .env = &t->env, .arg = { s->args.child_tid } };

        sys_set_tid_address(&set);
    }
    signal_set_mask(s->sigmask);        /* also unblocks the host mask */
    s->tid = (pid_t)tid;
    sem_post(&s->ready);                /* @s is gone from here on */

    plugin_vcpu_init(&t->env, t->vcpu_index);
    thread_process_exit(cpu_loop_run(t));
}

int64_t thread_clone(CPUARMState *env, const ThreadCloneArgs *a)
{
    ThreadStart s = { .args = *a, .sigmask = signal_get_mask() };
    sigset_t all, old;
    pthread_attr_t attr;
    pthread_t host;
    CpuThread *t;
    int idx, err;

    if ((a->flags & THREAD_CLONE_REQUIRED) != THREAD_CLONE_REQUIRED ||
        (a->flags & ~(uint64_t)(THREAD_CLONE_REQUIRED | THREAD_CLONE_OPTIONAL))) {
        syscall_log_unimp("clone: unsupported thread flags 0x%" PRIx64
                          " (threads need CLONE_VM|CLONE_FS|CLONE_FILES|"
                          "CLONE_SIGHAND|CLONE_THREAD)", a->flags);
        return -ENOSYS;
    }
    idx = thread_vcpu_index_new();
    if (idx < 0) {
        return -EAGAIN;
    }
    t = g_new0(CpuThread, 1);
    t->env = *env;
    t->env.opaque = t;
    t->env.xregs[0] = 0;
    if (a->stack) {
        t->env.xregs[ARM_REG_SP] = a->stack;
    }
    if (a->flags & CLONE_SETTLS) {
        t->env.tpidr_el0 = a->tls;
    }
    t->env.excl_addr = UINT64_MAX;
    t->env.exception_index = ARM_EXCP_NONE;
    t->vcpu_index = (unsigned)idx;
    s.t = t;
    sem_init(&s.ready, 0, 0);

    pthread_mutex_lock(&thread_lock);
    live_threads++;
    pthread_mutex_unlock(&thread_lock);

    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    err = pthread_create(&host, &attr, thread_main, &s);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (err) {
        pthread_mutex_lock(&thread_lock);
        live_threads--;
        thread_vcpu_index_free_locked(t->vcpu_index);
        pthread_mutex_unlock(&thread_lock);
        g_free(t);
        sem_destroy(&s.ready);
        return -EAGAIN;
    }
    while (sem_wait(&s.ready) < 0 && errno == EINTR) {
    }
    sem_destroy(&s.ready);
    return s.tid;
}

/* -- Exit -------------------------------------------------------------------- */

void thread_exit(CpuThread *t, int status)
{
    GuestAddr ctid = syscall_thread_clear_child_tid();
    sigset_t all;

    pthread_mutex_lock(&thread_lock);
    if (live_threads == 1) {
        pthread_mutex_unlock(&thread_lock);
        return;                         /* the last one: the process ends */
    }
    live_threads--;
    pthread_mutex_unlock(&thread_lock);

    /* Process-directed signals go to the threads that remain. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);

    plugin_vcpu_exit(t->vcpu_index);
    if (ctid) {
        uint32_t zero = 0;
        uint32_t *word;

        if (uaccess_write(ctid, &zero, sizeof(zero)) == 0 &&
            (word = uaccess_host_ptr(ctid, sizeof(zero), PROT_READ))) {
            syscall(SYS_futex, word, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0);
        }
    }
    tb_thread_offline(&t->jmp_cache);
    tb_thread_unregister(&t->jmp_cache);
    pthread_mutex_lock(&thread_lock);
    thread_vcpu_index_free_locked(t->vcpu_index);
    pthread_mutex_unlock(&thread_lock);
    cpu_thread_self = NULL;
    g_free(t);
    pthread_exit(NULL);
}
