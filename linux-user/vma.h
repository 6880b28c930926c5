// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vma.h: the ordered set of guest VMAs behind mmap.c.
 *
 * A VmaSet holds non-overlapping GuestVma ranges sorted by start address in a
 * balanced tree (GSequence), so finding the VMA at an address, inserting and
 * removing are O(log n) however many thousands of mappings the guest makes.
 * The set knows nothing of the host: mmap.c changes host pages and keeps the
 * set in step, under its lock. Nothing here locks.
 */
#ifndef UEMU_VMA_H
#define UEMU_VMA_H

#include "mmap.h"

typedef struct VmaSet VmaSet;
typedef GSequenceIter *VmaIter;

VmaSet *vma_set_new(void);
void vma_set_free(VmaSet *set);
guint vma_set_count(VmaSet *set);

/* vma_iter_from: the first VMA ending above @a (it holds @a or lies above it). */
VmaIter vma_iter_from(VmaSet *set, GuestAddr a);

/* vma_iter_get: the VMA at @it, or NULL past the last one. */
GuestVma *vma_iter_get(VmaIter it);
VmaIter vma_iter_next(VmaIter it);

/* vma_find: the VMA containing @a, or NULL. */
GuestVma *vma_find(VmaSet *set, GuestAddr a);

/* vma_range_is_free: no VMA intersects [start, end). */
bool vma_range_is_free(VmaSet *set, GuestAddr start, GuestAddr end);

/*
 * vma_range_has_prot: VMAs cover [start, end) without a hole and each has
 * every bit of @prot (0: mapped at all).
 */
bool vma_range_has_prot(VmaSet *set, GuestAddr start, GuestAddr end, int prot);

/*
 * vma_split_at: if a VMA strictly contains @a, cut it in two at @a (the file
 * offset of the upper half follows). Afterwards a VMA boundary lies at @a.
 */
void vma_split_at(VmaSet *set, GuestAddr a);

/*
 * vma_insert: add a copy of @tmpl, whose range must be free, then merge it
 * with neighbours it continues (see vma_mergeable in vma.c). Returns the VMA
 * now holding the range (possibly a merged, larger one).
 */
GuestVma *vma_insert(VmaSet *set, const GuestVma *tmpl);

/*
 * vma_merge_range: merge compatible neighbours among the VMAs meeting
 * [start, end], including those that only touch its ends.
 */
void vma_merge_range(VmaSet *set, GuestAddr start, GuestAddr end);

/*
 * vma_remove_range: forget every page in [start, end), splitting VMAs that
 * straddle the ends. @removed (may be NULL) sees each removed piece first.
 */
void vma_remove_range(VmaSet *set, GuestAddr start, GuestAddr end,
                      void (*removed)(const GuestVma *piece, void *opaque),
                      void *opaque);

/*
 * vma_find_hole_down: the highest page-aligned address a with [a, a + len)
 * free and lo <= a, a + len <= hi; VMA_NO_HOLE if there is none. If
 * @skipped is not NULL, it is raised to the size of the largest free gap the
 * search passed over as too small (for mmap.c's search cache).
 */
#define VMA_NO_HOLE ((GuestAddr)-1)
GuestAddr vma_find_hole_down(VmaSet *set, uint64_t len, GuestAddr lo,
                             GuestAddr hi, uint64_t *skipped);

/*
 * vma_gap_around: widen the free range [*lo, *hi) to the whole free gap that
 * holds it: *lo drops to the end of the VMA below (or 0), *hi rises to the
 * start of the VMA above (or VMA_NO_HOLE when there is none).
 */
void vma_gap_around(VmaSet *set, GuestAddr *lo, GuestAddr *hi);

#endif /* UEMU_VMA_H */
