// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mmap.h: the guest address space.
 *
 * The whole guest address space is one host reservation of guest_space_size
 * bytes at guest_base (PROT_NONE, MAP_NORESERVE); guest address a lives at
 * host address guest_base + a, for a < guest_space_size. The emulator's own
 * heap, libraries and plugins are outside it, so no guest mapping can clobber
 * them. Every guest mapping (ELF segments, stack, brk heap, guest mmap) is
 * made inside the reservation through this interface, which records each one
 * as a GuestVma: the page flags that /proc/self/maps, the checked copies of
 * uaccess.h and translation invalidation read.
 *
 * Unmapping never returns pages to the host: they go back to PROT_NONE
 * reservation, so the region stays whole.
 *
 * All functions are thread-safe (one lock around the VMA tree).
 */
#ifndef UEMU_MMAP_H
#define UEMU_MMAP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <glib.h>

typedef uint64_t GuestAddr;

#define GUEST_PAGE_SIZE     4096ULL
#define GUEST_PAGE_MASK     (~(GuestAddr)(GUEST_PAGE_SIZE - 1))
#define GUEST_PAGE_ALIGN(a) (((a) + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK)

/* Host address of guest address 0, and the size of the reservation. */
extern uintptr_t guest_base;
extern GuestAddr guest_space_size;

static inline void *g2h(GuestAddr a)
{
    return (void *)(guest_base + (uintptr_t)a);
}

/* guest_range_in_space: [a, a+len) lies inside the reservation. */
static inline bool guest_range_in_space(GuestAddr a, uint64_t len)
{
    return a < guest_space_size && len <= guest_space_size - a;
}

/* VMA flags beyond the PROT_* bits. */
enum {
    GUEST_VMA_ANON  = 1 << 0,   /* anonymous memory (else file-backed) */
    GUEST_VMA_SHARED = 1 << 1,  /* MAP_SHARED */
    GUEST_VMA_STACK = 1 << 2,   /* the initial stack: "[stack]" in maps */
    GUEST_VMA_HEAP  = 1 << 3,   /* the brk heap: "[heap]" in maps */
};

typedef struct GuestVma {
    GuestAddr start;            /* page aligned */
    GuestAddr end;              /* exclusive, page aligned */
    int prot;                   /* PROT_READ | PROT_WRITE | PROT_EXEC as the guest sees it */
    unsigned flags;             /* GUEST_VMA_* */
    uint64_t offset;            /* file offset of start, for file mappings */
    const char *path;           /* file name for file mappings, else NULL (interned) */
} GuestVma;

/*
 * guest_space_init: reserve the region. Uses -B (QEMU_GUEST_BASE) and -R
 * (QEMU_RESERVED_VA) when given; otherwise lets the host choose the base and
 * reserves the largest default size the host allows. Fails with
 * UEMU_ERROR_MEMORY naming the address and size it could not get.
 */
bool guest_space_init(GError **err);

/*
 * guest_space_init_at: as guest_space_init with explicit settings (tests);
 * @base 0 lets the host choose.
 */
bool guest_space_init_at(uintptr_t base, GuestAddr size, GError **err);

/* guest_space_destroy: unmap the region and forget all VMAs (tests). */
void guest_space_destroy(void);

/*
 * guest_mmap: mmap(2) inside the guest space with Linux semantics. @prot and
 * @flags use the Linux generic values (identical on AArch64 and x86-64 for
 * every flag accepted here). Without MAP_FIXED/MAP_FIXED_NOREPLACE the
 * address is a hint; the region is searched top-down below the stack as
 * Linux does. A file mapping's VMA is named after /proc/self/fd/@fd.
 * Returns the guest address or a negative errno; a failed call leaves the
 * map as it was. Guest PROT_EXEC pages are host PROT_READ, never host-executable.
 */
int64_t guest_mmap(GuestAddr addr, uint64_t len, int prot, int flags,
                   int fd, uint64_t offset);

/* guest_munmap: munmap(2): the pages return to the reservation; 0 or -errno. */
int guest_munmap(GuestAddr addr, uint64_t len);

/*
 * guest_mremap: mremap(2) with Linux's rules (MREMAP_MAYMOVE, _FIXED,
 * _DONTUNMAP). The old range must lie in one VMA (else -EFAULT); growing
 * stays in place when the pages above are free, else moves with MAYMOVE.
 * Returns the new guest address or -errno. old_len 0 (duplicating a shared
 * mapping) is refused with -EINVAL.
 */
int64_t guest_mremap(GuestAddr addr, uint64_t old_len, uint64_t new_len, int flags,
                     GuestAddr new_addr);

/*
 * guest_mprotect: mprotect(2); -ENOMEM (and no change) if any page of the
 * range is unmapped. Accepts PROT_BTI (ignored) and PROT_GROWSDOWN on the stack.
 */
int guest_mprotect(GuestAddr addr, uint64_t len, int prot);

/*
 * guest_mmap_set_vma_info: tag [start, end) (loader use): @flags are added to
 * the VMAs' flags, and @path, if not NULL, names them.
 */
void guest_mmap_set_vma_info(GuestAddr start, GuestAddr end, unsigned flags,
                             const char *path);

/*
 * brk: the loader calls guest_brk_init() with the end of the highest
 * segment; guest_brk() then follows brk(2): returns the new break, or the
 * old one if the request cannot be met (0 asks for the current break).
 */
void guest_brk_init(GuestAddr start);
GuestAddr guest_brk(GuestAddr new_brk);
GuestAddr guest_brk_start(void);

/*
 * guest_access_ok: every page of [a, a+len) is mapped with at least @prot
 * (len 0 is always ok).
 */
bool guest_access_ok(GuestAddr a, uint64_t len, int prot);

/*
 * guest_vma_foreach: visit every VMA in address order; stop when @fn returns
 * false. @fn sees a snapshot taken under the lock and runs without it.
 */
void guest_vma_foreach(bool (*fn)(const GuestVma *vma, void *opaque),
                       void *opaque);

/* guest_mmap_fork_lock/unlock: hold the map lock across a host fork
 * (linux-user/thread.c), so the child does not inherit it taken. */
void guest_mmap_fork_lock(void);
void guest_mmap_fork_unlock(void);

/*
 * guest_mmap_set_invalidate_hook: called (outside the lock) with a range
 * whose executable pages were unmapped or lost PROT_EXEC, so translations of
 * that range can be dropped. One hook; the translator sets it.
 */
void guest_mmap_set_invalidate_hook(void (*fn)(GuestAddr start, uint64_t len));

/* guest_map_dump: the map in qemu-aarch64's -d page table format. */
void guest_map_dump(FILE *out);

#endif /* UEMU_MMAP_H */
