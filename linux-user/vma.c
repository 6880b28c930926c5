// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vma.c: the ordered set of guest VMAs (see vma.h).
 *
 * Invariants of a VmaSet, which every function keeps:
 *   - VMAs are page aligned, non-empty and never overlap;
 *   - the GSequence is sorted by start, hence also by end;
 *   - two neighbours that vma_mergeable() accepts may still be apart (merging
 *     is an economy, not a rule), but every vma_insert() tries it.
 * All lookups are one g_sequence_search() (O(log n)) plus a step or two.
 */
#include "vma.h"

struct VmaSet {
    GSequence *seq;             /* GuestVma *, owned, sorted by start */
};

/* Orders by start; symmetric, so the argument order GLib uses is moot. */
static gint vma_cmp(gconstpointer a, gconstpointer b, gpointer unused)
{
    const GuestVma *x = a, *y = b;

    return (x->start > y->start) - (x->start < y->start);
}

VmaSet *vma_set_new(void)
{
    VmaSet *set = g_new0(VmaSet, 1);

    set->seq = g_sequence_new(g_free);
    return set;
}

void vma_set_free(VmaSet *set)
{
    if (set) {
        g_sequence_free(set->seq);
        g_free(set);
    }
}

guint vma_set_count(VmaSet *set)
{
    return (guint)g_sequence_get_length(set->seq);
}

/* -- Lookup -------------------------------------------------------------- */

GuestVma *vma_iter_get(VmaIter it)
{
    return g_sequence_iter_is_end(it) ? NULL : g_sequence_get(it);
}

VmaIter vma_iter_next(VmaIter it)
{
    return g_sequence_iter_next(it);
}

/* The first VMA whose start is above @a (or the end iterator). */
static VmaIter vma_iter_above(VmaSet *set, GuestAddr a)
{
    GuestVma key = { .start = a };

    /* Equal keys sort before the search position, so this is "start > a". */
    return g_sequence_search(set->seq, &key, vma_cmp, NULL);
}

VmaIter vma_iter_from(VmaSet *set, GuestAddr a)
{
    VmaIter it = vma_iter_above(set, a);

    if (!g_sequence_iter_is_begin(it)) {
        VmaIter prev = g_sequence_iter_prev(it);
        if (((GuestVma *)g_sequence_get(prev))->end > a) {
            return prev;
        }
    }
    return it;
}

GuestVma *vma_find(VmaSet *set, GuestAddr a)
{
    GuestVma *v = vma_iter_get(vma_iter_from(set, a));

    return v && v->start <= a ? v : NULL;
}

bool vma_range_is_free(VmaSet *set, GuestAddr start, GuestAddr end)
{
    GuestVma *v = vma_iter_get(vma_iter_from(set, start));

    return !v || v->start >= end;
}

bool vma_range_has_prot(VmaSet *set, GuestAddr start, GuestAddr end, int prot)
{
    GuestAddr next = start;

    for (VmaIter it = vma_iter_from(set, start); next < end;
         it = vma_iter_next(it)) {
        GuestVma *v = vma_iter_get(it);
        if (!v || v->start > next || (v->prot & prot) != prot) {
            return false;
        }
        next = v->end;
    }
    return true;
}

/* -- Changes ------------------------------------------------------------- */

void vma_split_at(VmaSet *set, GuestAddr a)
{
    VmaIter it = vma_iter_from(set, a);
    GuestVma *v = vma_iter_get(it);
    GuestVma *upper;

    if (!v || v->start >= a) {
        return;
    }
    upper = g_new(GuestVma, 1);
    *upper = *v;
    upper->start = a;
    if (!(v->flags & GUEST_VMA_ANON)) {
        upper->offset += a - v->start;
    }
    v->end = a;                 /* the sort key (start) is unchanged */
    g_sequence_insert_before(g_sequence_iter_next(it), upper);
}

/*
 * Only private anonymous memory merges, as Linux merges it: file VMAs would
 * need offset continuity and the same open file, and shared anonymous
 * mappings are distinct objects however they lie.
 */
static bool vma_mergeable(const GuestVma *lo, const GuestVma *hi)
{
    return lo->end == hi->start && lo->prot == hi->prot &&
           lo->flags == hi->flags && lo->path == hi->path &&
           (lo->flags & (GUEST_VMA_ANON | GUEST_VMA_SHARED)) == GUEST_VMA_ANON;
}

/* Merge the VMA at @it into the one below if they fit; returns the survivor. */
static VmaIter vma_merge_down(VmaIter it)
{
    VmaIter prev;
    GuestVma *lo, *hi = g_sequence_get(it);

    if (g_sequence_iter_is_begin(it)) {
        return it;
    }
    prev = g_sequence_iter_prev(it);
    lo = g_sequence_get(prev);
    if (!vma_mergeable(lo, hi)) {
        return it;
    }
    lo->end = hi->end;
    g_sequence_remove(it);
    return prev;
}

static VmaIter vma_merge_iter(VmaIter it)
{
    VmaIter next = g_sequence_iter_next(it);

    if (!g_sequence_iter_is_end(next)) {
        vma_merge_down(next);
    }
    return vma_merge_down(it);
}

void vma_merge_range(VmaSet *set, GuestAddr start, GuestAddr end)
{
    VmaIter it = vma_iter_from(set, start ? start - 1 : 0);
    GuestVma *v;

    while ((v = vma_iter_get(it)) && v->start <= end) {
        it = vma_iter_next(vma_merge_down(it));
    }
}

GuestVma *vma_insert(VmaSet *set, const GuestVma *tmpl)
{
    GuestVma *v = g_new(GuestVma, 1);
    VmaIter it;

    g_assert(tmpl->start < tmpl->end &&
             vma_range_is_free(set, tmpl->start, tmpl->end));
    *v = *tmpl;
    it = g_sequence_insert_sorted(set->seq, v, vma_cmp, NULL);
    return g_sequence_get(vma_merge_iter(it));
}

void vma_remove_range(VmaSet *set, GuestAddr start, GuestAddr end,
                      void (*removed)(const GuestVma *piece, void *opaque),
                      void *opaque)
{
    VmaIter it;
    GuestVma *v;

    vma_split_at(set, start);
    vma_split_at(set, end);
    it = vma_iter_from(set, start);
    while ((v = vma_iter_get(it)) && v->start < end) {
        VmaIter next = g_sequence_iter_next(it);
        if (removed) {
            removed(v, opaque);
        }
        g_sequence_remove(it);
        it = next;
    }
}

/* -- Free space ---------------------------------------------------------- */

/* The last VMA starting below @a, or NULL (with *it unchanged). */
static GuestVma *vma_last_below(VmaSet *set, GuestAddr a, VmaIter *it)
{
    VmaIter above;

    if (a == 0) {
        return NULL;
    }
    above = vma_iter_above(set, a - 1);
    if (g_sequence_iter_is_begin(above)) {
        return NULL;
    }
    *it = g_sequence_iter_prev(above);
    return g_sequence_get(*it);
}

/*
 * Walk the gaps downwards from @hi. Each VMA below ends one gap: the gap
 * between its end and the start of the VMA above it (or @hi).
 */
GuestAddr vma_find_hole_down(VmaSet *set, uint64_t len, GuestAddr lo,
                             GuestAddr hi, uint64_t *skipped)
{
    VmaIter it = NULL;
    GuestVma *v = vma_last_below(set, hi, &it);
    GuestAddr top = hi;

    while (top > lo && top - lo >= len) {
        GuestAddr bottom = v ? MAX(v->end, lo) : lo;
        if (top > bottom && top - bottom >= len) {
            return (top - len) & GUEST_PAGE_MASK;
        }
        if (skipped && top > bottom) {
            *skipped = MAX(*skipped, top - bottom);
        }
        if (!v) {
            break;
        }
        top = MIN(top, v->start);
        v = g_sequence_iter_is_begin(it) ? NULL
            : g_sequence_get(it = g_sequence_iter_prev(it));
    }
    return VMA_NO_HOLE;
}

void vma_gap_around(VmaSet *set, GuestAddr *lo, GuestAddr *hi)
{
    VmaIter it = NULL;
    GuestVma *below = vma_last_below(set, *lo, &it);
    GuestVma *above = vma_iter_get(vma_iter_from(set, *hi));

    *lo = below ? below->end : 0;
    *hi = above ? above->start : VMA_NO_HOLE;
}
