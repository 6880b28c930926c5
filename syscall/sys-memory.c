// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-memory.c: brk, mmap, munmap, mprotect, madvise: thin front ends to
 * the guest address space of linux-user/mmap.c, which keeps the guest's
 * page flags and places every mapping inside the reservation.
 *
 * The MAP_* and PROT_* values the guest passes are the generic ones, which
 * mmap.c accepts as they are; the fd of a file mapping is the host fd.
 */
#include "syscall.h"

#include <sys/mman.h>

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
static bool madvise_known(int advice)
{
    switch (advice) {
    case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
    case MADV_DONTNEED: case MADV_FREE: case MADV_REMOVE: case MADV_DONTFORK:
    case MADV_DOFORK: case MADV_MERGEABLE: case MADV_UNMERGEABLE:
    case MADV_HUGEPAGE: case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP:
    case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD: case MADV_PAGEOUT:
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
 * the host's own MADV_DONTNEED on them gives exactly the kernel's result.
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
    if (advice == MADV_DONTNEED && madvise(g2h(start), len, MADV_DONTNEED) < 0) {
        return -errno;
    }
    return 0;
}
