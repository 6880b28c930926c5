// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * thread.h: guest threads: clone with CLONE_THREAD starts a host thread
 * running its own vCPU, and exit(2) ends it.
 *
 *     // sys-process.c, for clone/clone3 with CLONE_THREAD:
 *     return thread_clone(env, &req);      // the child's tid, or -errno
 *
 *     // cpu-loop.c, for exit(2):
 *     thread_exit(t, status);              // returns only for the last thread
 */
#ifndef UEMU_THREAD_H
#define UEMU_THREAD_H

#include "cpu-loop.h"
#include "mmap.h"

#include <sched.h>
#include <stdint.h>

/* The clone flags a guest thread must have and may have (glibc's
 * pthread_create asks for all of them but CLONE_CHILD_SETTID). */
#define THREAD_CLONE_REQUIRED   (CLONE_VM | CLONE_FS | CLONE_FILES | \
                                 CLONE_SIGHAND | CLONE_THREAD)
#define THREAD_CLONE_OPTIONAL   (CLONE_SYSVSEM | CLONE_SETTLS | \
                                 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
                                 CLONE_CHILD_CLEARTID | CLONE_DETACHED)

/* Most guest threads alive at once (clone answers -EAGAIN beyond): plugin
 * scoreboards are sized for this many vCPUs up front, so they never move
 * while translated code of running threads points into them. */
#define THREAD_MAX_VCPUS        256

/* A clone request for a thread, decoded from clone or clone3. */
typedef struct ThreadCloneArgs {
    uint64_t flags;             /* THREAD_CLONE_REQUIRED and some optional */
    GuestAddr stack;            /* the child's sp (0: the parent's) */
    GuestAddr tls;              /* CLONE_SETTLS: the child's TPIDR_EL0 */
    GuestAddr parent_tid;       /* CLONE_PARENT_SETTID */
    GuestAddr child_tid;        /* CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID */
} ThreadCloneArgs;

/*
 * thread_clone: start a guest thread on a copy of @env (x0 = 0, sp, tls as
 * asked; pc after the svc). Returns the child's tid once it has written
 * parent_tid/child_tid and is about to run, or -errno (-ENOSYS, logged
 * under -d unimp, for a flag set other than the above, which a host
 * thread cannot honour; -EAGAIN past THREAD_MAX_VCPUS).
 */
int64_t thread_clone(CPUARMState *env, const ThreadCloneArgs *a);

/*
 * thread_exit: exit(2) of the calling thread @t: clear and wake its
 * clear_child_tid word, vcpu_exit, free @t and end the host thread. For the
 * last thread of the process it returns instead, and the caller ends the
 * process with @status (exit_group semantics).
 */
void thread_exit(CpuThread *t, int status);

/* thread_vcpu_index_new: a free vCPU index (the lowest), or -1. */
int thread_vcpu_index_new(void);

/*
 * Around a host fork (sys-process.c): thread_fork_prepare() takes the locks
 * the cpu loops share (translation, guest memory map, TB cache, in that
 * order), so no other thread holds one at the instant of the fork;
 * thread_fork_done() releases them, in the parent and in the child.
 * thread_fork_child: then, in the child, only the forking thread @t lives.
 */
void thread_fork_prepare(void);
void thread_fork_done(void);
void thread_fork_child(CpuThread *t);

/* thread_count: guest threads alive. */
unsigned thread_count(void);

#endif /* UEMU_THREAD_H */
