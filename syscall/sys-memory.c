// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-memory.c: brk, mmap, munmap, mprotect, mremap, madvise: thin front
 * ends to the guest address space of linux-user/mmap.c, which keeps the
 * guest's page flags and places every mapping inside the reservation; and
 * the calls that act on guest pages the host maps 1:1 (msync, mlock and
 * friends, mincore), membarrier and getcpu.
 *
 * The MAP_* and PROT_* values the guest passes are the generic ones, which
 * mmap.c accepts as they are; the fd of a file mapping is the host fd.
 */
#include "syscall.h"
#include "linux-user/uaccess.h"

#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int64_t sys_brk(SyscallCall *c)
{
    return (int64_t)guest_brk(c->arg[0]);
}

int64_t sys_mmap(SyscallCall *c)
{
    return guest_mmap(c->arg[0], c->arg[1], arg_int(c, 2), arg_int(c, 3),
                      arg_int(c, 4), c->arg[5]);
}

int64_t sys_munmap(SyscallCall *c)
{
    return guest_munmap(c->arg[0], c->arg[1]);
}

int64_t sys_mprotect(SyscallCall *c)
{
    return guest_mprotect(c->arg[0], c->arg[1], arg_int(c, 2));
}

/* -- madvise ---------------------------------------------------------------------- */

/* The generic MADV_* values (asm-generic/mman-common.h), same on both ABIs. */
#define GUEST_MADV_POPULATE_READ  22
#define GUEST_MADV_POPULATE_WRITE 23

/*
 * Advice whose effect the guest can see, given to the host for the very
 * pages the guest has: contents dropped (DONTNEED, REMOVE punching a hole
 * in a shared file), a fork child's view (WIPEONFORK, KEEPONFORK), pages
 * faulted in with the errors that brings (POPULATE_*). MADV_DONTFORK is
 * not passed: the child emulator's reservation must stay whole.
 */
static bool madvise_to_host(int advice)
{
    switch (advice) {
    case MADV_DONTNEED: case MADV_REMOVE: case MADV_WIPEONFORK: case MADV_KEEPONFORK:
    case GUEST_MADV_POPULATE_READ: case GUEST_MADV_POPULATE_WRITE:
        return true;
    default:
        return false;
    }
}

static bool madvise_known(int advice)
{
    switch (advice) {
    case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
    case MADV_DONTNEED: case MADV_FREE: case MADV_REMOVE: case MADV_DONTFORK:
    case MADV_DOFORK: case MADV_MERGEABLE: case MADV_UNMERGEABLE:
    case MADV_HUGEPAGE: case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP:
    case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD: case MADV_PAGEOUT:
    case GUEST_MADV_POPULATE_READ: case GUEST_MADV_POPULATE_WRITE:
        return true;
    default:
        return false;
    }
}

/*
 * Most advice is a hint the kernel may ignore, and we do. MADV_DONTNEED is
 * not: afterwards private anonymous pages read as zero and private file
 * pages as the file, which programs rely on (allocators reuse freed memory
 * expecting zeros). Guest pages are real host mappings of the same kind
 * (mmap.c maps anonymous memory anonymously and files from their fd), so
 * the host's own MADV_DONTNEED on them gives exactly the kernel's result;
 * likewise for the other advice of madvise_to_host().
 */
int64_t sys_madvise(SyscallCall *c)
{
    GuestAddr start = c->arg[0];
    uint64_t len = GUEST_PAGE_ALIGN(c->arg[1]);
    int advice = arg_int(c, 2);

    if ((start & ~GUEST_PAGE_MASK) || len < c->arg[1] || !madvise_known(advice)) {
        return -EINVAL;
    }
    if (len == 0) {
        return 0;
    }
    if (!guest_range_in_space(start, len) || !guest_access_ok(start, len, 0)) {
        return -ENOMEM;         /* the kernel's answer for unmapped pages */
    }
    if (madvise_to_host(advice) && madvise(g2h(start), len, advice) < 0) {
        return -errno;
    }
    return 0;
}

/* -- mremap --------------------------------------------------------------------------- */

int64_t sys_mremap(SyscallCall *c)
{
    return guest_mremap(c->arg[0], c->arg[1], c->arg[2], arg_int(c, 3), c->arg[4]);
}

/* -- Calls on mapped guest pages ---------------------------------------------------------- */

/*
 * The range a page call covers: @addr page aligned (else -EINVAL) and, when
 * @need_mapped, every page mapped (else -ENOMEM, the kernel's answer for a
 * hole). *@len is rounded up to pages.
 */
static int64_t page_range(GuestAddr addr, uint64_t *len, bool need_mapped)
{
    uint64_t l = GUEST_PAGE_ALIGN(*len);

    if (addr & ~GUEST_PAGE_MASK || l < *len) {
        return -EINVAL;
    }
    *len = l;
    if (!guest_range_in_space(addr, l)) {
        return -ENOMEM;
    }
    if (need_mapped && !guest_access_ok(addr, l, 0)) {
        return -ENOMEM;
    }
    return 0;
}

/* MS_ASYNC 1, MS_INVALIDATE 2, MS_SYNC 4 on both ABIs. */
int64_t sys_msync(SyscallCall *c)
{
    uint64_t len = c->arg[1];
    int flags = arg_int(c, 2);
    int64_t err;

    if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC))) {
        return -EINVAL;
    }
    err = page_range(c->arg[0], &len, true);
    if (err || len == 0) {
        return err;
    }
    return host_ret(msync(g2h(c->arg[0]), len, flags));
}

/*
 * mlock and munlock take any address (the kernel rounds it down to a page);
 * the host locks the very pages the guest sees. RLIMIT_MEMLOCK applies as
 * it does natively.
 */
static int64_t lock_range(SyscallCall *c, GuestAddr *start, uint64_t *len)
{
    GuestAddr a = c->arg[0] & GUEST_PAGE_MASK;
    uint64_t l = c->arg[1] + (c->arg[0] - a);

    if (l < c->arg[1]) {
        return -EINVAL;
    }
    *start = a;
    *len = l;
    return page_range(a, len, true);
}

int64_t sys_mlock(SyscallCall *c)
{
    GuestAddr a;
    uint64_t len;
    int64_t err = lock_range(c, &a, &len);

    return err ? err : host_ret(mlock(g2h(a), len));
}

int64_t sys_mlock2(SyscallCall *c)
{
    GuestAddr a;
    uint64_t len;
    int64_t err;

    if ((unsigned)arg_int(c, 2) & ~1u) {    /* MLOCK_ONFAULT is the only flag */
        return -EINVAL;
    }
    err = lock_range(c, &a, &len);
    return err ? err : host_ret(syscall(SYS_mlock2, g2h(a), len, arg_int(c, 2)));
}

int64_t sys_munlock(SyscallCall *c)
{
    GuestAddr a;
    uint64_t len;
    int64_t err = lock_range(c, &a, &len);

    return err ? err : host_ret(munlock(g2h(a), len));
}

/* MCL_CURRENT 1, MCL_FUTURE 2, MCL_ONFAULT 4 on both; the host locks our pages too. */
int64_t sys_mlockall(SyscallCall *c)
{
    return host_ret(mlockall(arg_int(c, 0)));
}

int64_t sys_munlockall(SyscallCall *c)
{
    (void)c;
    return host_ret(munlockall());
}

/*
 * mincore: one byte per guest page (bit 0: resident), asked of the host
 * pages the guest's are, in chunks through a bounce buffer.
 */
int64_t sys_mincore(SyscallCall *c)
{
    GuestAddr addr = c->arg[0];
    uint64_t len = c->arg[1];
    int64_t err = page_range(addr, &len, true);
    unsigned char vec[4096];

    if (err) {
        return err;
    }
    for (uint64_t done = 0; done < len; ) {
        uint64_t n = MIN(len - done, sizeof(vec) * GUEST_PAGE_SIZE);

        if (mincore(g2h(addr + done), n, vec) < 0) {
            return -errno;
        }
        if (uaccess_write(c->arg[2] + done / GUEST_PAGE_SIZE, vec, n / GUEST_PAGE_SIZE)) {
            return -EFAULT;
        }
        done += n;
    }
    return 0;
}

/* -- Barriers and CPUs ------------------------------------------------------------------- */

/*
 * membarrier: the guest's threads are host threads and its memory is host
 * memory, so the host's membarrier gives the guest the same guarantee.
 */
int64_t sys_membarrier(SyscallCall *c)
{
    return host_ret(syscall(SYS_membarrier, arg_int(c, 0), (unsigned)arg_int(c, 1),
                            arg_int(c, 2)));
}

/* getcpu(cpu, node, tcache): either pointer may be NULL; the third is unused. */
int64_t sys_getcpu(SyscallCall *c)
{
    unsigned cpu = 0, node = 0;

    if (syscall(SYS_getcpu, &cpu, &node, NULL) < 0) {
        return -errno;
    }
    if ((c->arg[0] && uaccess_write(c->arg[0], &cpu, sizeof(cpu))) ||
        (c->arg[1] && uaccess_write(c->arg[1], &node, sizeof(node)))) {
        return -EFAULT;
    }
    return 0;
}
