// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mmap-internal.h: the state behind mmap.h, shared by its two halves:
 * mmap-space.c (the reservation, -B/-R, and the read-only views: access
 * checks, VMA iteration, the -d page dump) and mmap.c (the operations:
 * mmap, munmap, mprotect, brk). No other component includes this.
 *
 * Layout of the guest space, as Linux lays out a 64-bit process:
 *
 *   0 .. GUEST_MMAP_MIN_ADDR          never mappable (vm.mmap_min_addr)
 *   ...                               ELF images, brk heap growing up
 *   ... mmap_base                     mmap() without an address: top-down
 *   mmap_base .. guest_space_size     the stack gap: room for the stack
 *
 * mmap_base sits MIN(1 GiB, size / 8) below the top, the way Linux keeps the
 * stack rlimit plus a guard (at least 128 MiB) above its mmap_base; a search
 * that finds nothing below mmap_base tries the gap before giving up.
 */
#ifndef UEMU_MMAP_INTERNAL_H
#define UEMU_MMAP_INTERNAL_H

#include "mmap.h"
#include "vma.h"

#include <pthread.h>

#define GUEST_MMAP_MIN_ADDR     0x10000ULL      /* Linux's default mmap_min_addr */
#define GUEST_STACK_GAP         (1ULL << 30)

typedef struct GuestMm {
    /*
     * Covers every field below and the host pages of the region: host calls
     * are made under it, so the pages and the VMA set change together.
     */
    pthread_mutex_t lock;
    VmaSet *vmas;                       /* NULL until the space is reserved */
    GuestAddr mmap_base;
    GuestAddr brk_start, brk_cur;
    void (*invalidate_hook)(GuestAddr start, uint64_t len);

    /*
     * Search cache (Linux's old free_area_cache): searches resume at
     * search_top, below the last address handed out, instead of walking every
     * VMA down from mmap_base. Invariant: no free gap in [search_top,
     * mmap_base) is larger than search_max_hole; a request that could fit one
     * restarts at mmap_base.
     */
    GuestAddr search_top;
    uint64_t search_max_hole;
} GuestMm;

extern GuestMm guest_mm;

#endif /* UEMU_MMAP_INTERNAL_H */
