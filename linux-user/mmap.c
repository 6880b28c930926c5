// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mmap.c: Linux mmap semantics inside the guest space (see mmap.h).
 *
 * Once mmap-space.c has reserved the region, the ELF loader, the stack
 * builder and the guest's mmap/munmap/mprotect/mremap/brk all come here. Each
 * operation changes the host pages first and the VMA set (vma.c) second, so
 * a host failure leaves the guest's map as it was.
 *
 * Where mappings without an address go is in mmap-internal.h; the
 * reservation itself and the read-only views are in mmap-space.c.
 */
#include "mmap-internal.h"

#include <errno.h>
#include <inttypes.h>
#include <sys/mman.h>

/* The guest passes Linux's generic values; we hand the host its own. */
_Static_assert(MAP_FIXED == 0x10 && MAP_ANONYMOUS == 0x20 &&
               MAP_GROWSDOWN == 0x100 && MAP_NORESERVE == 0x4000 &&
               MAP_POPULATE == 0x8000 && MAP_HUGETLB == 0x40000 &&
               MAP_FIXED_NOREPLACE == 0x100000 && MAP_SHARED_VALIDATE == 3,
               "host MAP_* values differ from AArch64 Linux's");
_Static_assert(PROT_READ == 1 && PROT_WRITE == 2 && PROT_EXEC == 4 &&
               PROT_GROWSDOWN == 0x01000000,
               "host PROT_* values differ from AArch64 Linux's");

#define GUEST_PROT_BTI  0x10                    /* arm64 PROT_BTI */
#define GUEST_PROT_MTE  0x20                    /* arm64 PROT_MTE */
#define GUEST_PROT_RWX  (PROT_READ | PROT_WRITE | PROT_EXEC)

#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif

/* Everything MAP_SHARED_VALIDATE accepts (Linux's LEGACY_MAP_MASK). */
#define MAP_KNOWN_FLAGS (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | \
                         MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN |   \
                         MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE |            \
                         MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB |               \
                         MAP_FIXED_NOREPLACE)

/* Guest flags with a meaning for the host pages; the rest stay with us. */
#define MAP_HOST_FLAGS  (MAP_ANONYMOUS | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK)

/* Executable pages touched by one operation: the hook gets their hull. */
typedef struct InvalRange {
    GuestAddr lo, hi;
} InvalRange;

#define INVAL_RANGE_EMPTY { VMA_NO_HOLE, 0 }

/* -- Host pages ---------------------------------------------------------- */

/* Guest PROT_EXEC: the translator reads the code; the host never executes it. */
static int host_prot(int prot)
{
    return (prot & (PROT_READ | PROT_WRITE)) | (prot & PROT_EXEC ? PROT_READ : 0);
}

/* Return [a, a + len) to the reservation: fresh PROT_NONE pages, no memory. */
static int host_reserve(GuestAddr a, uint64_t len)
{
    void *p = mmap(g2h(a), len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);

    return p == MAP_FAILED ? -errno : 0;
}

/*
 * Map [a, a + len) in two steps: mmap anywhere, then mremap onto the guest
 * pages. Every check the host makes (bad fd, EACCES, ENODEV, ENOMEM) happens
 * in the first step, while the old guest pages are still intact; the move
 * replaces them atomically. *@lost says the target range was damaged anyway
 * (the move failed after the host dropped it) and is now reserved again.
 */
static int host_map(GuestAddr a, uint64_t len, int hprot, int hflags, int fd,
                    uint64_t off, bool *lost)
{
    void *tmp = mmap(NULL, len, hprot, hflags, fd, (off_t)off);
    int ret;

    *lost = false;
    if (tmp == MAP_FAILED) {
        return -errno;
    }
    if (mremap(tmp, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, g2h(a)) !=
        MAP_FAILED) {
        return 0;
    }
    ret = -errno;
    munmap(tmp, len);
    if (host_reserve(a, len) < 0) {
        g_error("guest space: cannot re-reserve 0x%" PRIx64 "+0x%" PRIx64 ": %s",
                a, len, g_strerror(errno));
    }
    *lost = true;
    return ret;
}

/* -- Invalidation -------------------------------------------------------- */

static void inval_add(InvalRange *r, const GuestVma *v)
{
    if (v->prot & PROT_EXEC) {
        r->lo = MIN(r->lo, v->start);
        r->hi = MAX(r->hi, v->end);
    }
}

static void inval_add_removed(const GuestVma *piece, void *opaque)
{
    inval_add(opaque, piece);
}

/* Call the hook, after the lock is dropped: it may call back into us. */
static void inval_flush(const InvalRange *r)
{
    void (*hook)(GuestAddr, uint64_t);

    pthread_mutex_lock(&guest_mm.lock);
    hook = guest_mm.invalidate_hook;
    pthread_mutex_unlock(&guest_mm.lock);
    if (hook && r->hi > r->lo) {
        hook(r->lo, r->hi - r->lo);
    }
}

/* -- Placement ------------------------------------------------------- */

static void search_reset_locked(void)
{
    guest_mm.search_top = guest_mm.mmap_base;
    guest_mm.search_max_hole = 0;
}

/* Top-down below mmap_base, resuming at the cache; then the stack gap. */
static GuestAddr search_locked(uint64_t len)
{
    GuestMm *mm = &guest_mm;
    uint64_t skipped = 0;
    GuestAddr a = VMA_NO_HOLE;

    if (len > mm->search_max_hole) {
        a = vma_find_hole_down(mm->vmas, len, GUEST_MMAP_MIN_ADDR,
                               mm->search_top, &skipped);
        skipped = MAX(skipped, mm->search_max_hole);
    }
    if (a == VMA_NO_HOLE) {
        skipped = 0;
        a = vma_find_hole_down(mm->vmas, len, GUEST_MMAP_MIN_ADDR,
                               mm->mmap_base, &skipped);
    }
    if (a != VMA_NO_HOLE) {
        mm->search_top = a;
        mm->search_max_hole = skipped;
        return a;
    }
    return vma_find_hole_down(mm->vmas, len, mm->mmap_base, guest_space_size, NULL);
}

/* A gap opened at [start, end): keep the search cache's invariant. */
static void search_note_hole_locked(GuestAddr start, GuestAddr end)
{
    vma_gap_around(guest_mm.vmas, &start, &end);
    end = MIN(end, guest_mm.mmap_base);
    if (end > guest_mm.search_top && end > start) {
        guest_mm.search_max_hole = MAX(guest_mm.search_max_hole, end - start);
    }
}

/* Where the mapping goes: a guest address, or -errno as Linux answers. */
static int64_t place_locked(GuestAddr addr, uint64_t len, int flags)
{
    GuestAddr a;

    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if (!guest_range_in_space(addr, len)) {
            return -ENOMEM;
        }
        if (addr & ~GUEST_PAGE_MASK) {
            return -EINVAL;
        }
        if (addr < GUEST_MMAP_MIN_ADDR) {
            return -EPERM;
        }
        if ((flags & MAP_FIXED_NOREPLACE) &&
            !vma_range_is_free(guest_mm.vmas, addr, addr + len)) {
            return -EEXIST;
        }
        return (int64_t)addr;
    }
    /* A hint is rounded up to a page and to mmap_min_addr, then taken if free. */
    a = addr ? MAX(GUEST_PAGE_ALIGN(addr), GUEST_MMAP_MIN_ADDR) : 0;
    if (a && a >= addr && guest_range_in_space(a, len) &&
        vma_range_is_free(guest_mm.vmas, a, a + len)) {
        return (int64_t)a;
    }
    a = search_locked(len);
    return a == VMA_NO_HOLE ? -ENOMEM : (int64_t)a;
}

/* -- mmap ---------------------------------------------------------------- */

/* The checks Linux makes before it looks at the address space. */
static int mmap_check(uint64_t *len, int prot, int flags, uint64_t offset)
{
    if (offset & ~GUEST_PAGE_MASK || *len == 0) {
        return -EINVAL;
    }
    if (*len > guest_space_size) {
        return -ENOMEM;
    }
    *len = GUEST_PAGE_ALIGN(*len);
    switch (flags & MAP_TYPE) {
    case MAP_SHARED:
    case MAP_PRIVATE:
        break;
    case MAP_SHARED_VALIDATE:
        if (flags & MAP_ANONYMOUS) {
            return -EINVAL;
        }
        if (flags & ~MAP_KNOWN_FLAGS) {
            return -EOPNOTSUPP;         /* MAP_SYNC: we have no DAX files */
        }
        break;
    default:
        return -EINVAL;
    }
    /* No huge pages and no MTE tags here; glibc falls back on failure. */
    if (flags & MAP_HUGETLB || prot & GUEST_PROT_MTE) {
        return -EINVAL;
    }
    if (!(flags & MAP_ANONYMOUS) &&
        (offset + *len < offset || offset + *len > (uint64_t)INT64_MAX)) {
        return -EOVERFLOW;
    }
    return 0;
}

/* The file behind @fd as /proc/self/maps names it, interned; NULL if unknown. */
static const char *fd_path(int fd)
{
    g_autofree char *link = g_strdup_printf("/proc/self/fd/%d", fd);
    g_autofree char *target = g_file_read_link(link, NULL);

    return target ? g_intern_string(target) : NULL;
}

static int64_t mmap_locked(GuestAddr addr, uint64_t len, int prot, int flags,
                           int fd, uint64_t offset, const char *path,
                           InvalRange *inval)
{
    bool anon = flags & MAP_ANONYMOUS;
    int hflags = ((flags & MAP_TYPE) == MAP_PRIVATE ? MAP_PRIVATE : MAP_SHARED) |
                 (flags & MAP_HOST_FLAGS);
    GuestVma v = {
        .prot = prot & GUEST_PROT_RWX,
        .flags = (anon ? GUEST_VMA_ANON : 0) |
                 (hflags & MAP_SHARED ? GUEST_VMA_SHARED : 0),
        .offset = anon ? 0 : offset,
        .path = anon ? NULL : path,
    };
    int64_t a = place_locked(addr, len, flags);
    bool lost;
    int ret;

    if (a < 0) {
        return a;
    }
    ret = host_map(a, len, host_prot(prot), hflags, anon ? -1 : fd, v.offset,
                   &lost);
    if (ret < 0) {
        if (lost) {
            vma_remove_range(guest_mm.vmas, a, a + len, inval_add_removed, inval);
        }
        search_reset_locked();
        return ret;
    }
    vma_remove_range(guest_mm.vmas, a, a + len, inval_add_removed, inval);
    v.start = a;
    v.end = a + len;
    vma_insert(guest_mm.vmas, &v);
    return a;
}

int64_t guest_mmap(GuestAddr addr, uint64_t len, int prot, int flags,
                   int fd, uint64_t offset)
{
    InvalRange inval = INVAL_RANGE_EMPTY;
    const char *path = NULL;
    int64_t ret;

    g_assert(guest_mm.vmas);
    ret = mmap_check(&len, prot, flags, offset);
    if (ret < 0) {
        return ret;
    }
    if (!(flags & MAP_ANONYMOUS)) {
        path = fd_path(fd);
    }
    pthread_mutex_lock(&guest_mm.lock);
    ret = mmap_locked(addr, len, prot, flags, fd, offset, path, &inval);
    pthread_mutex_unlock(&guest_mm.lock);
    inval_flush(&inval);
    return ret;
}

/* -- munmap and mprotect ------------------------------------------------- */

static int unmap_locked(GuestAddr start, GuestAddr end, InvalRange *inval)
{
    if (vma_range_is_free(guest_mm.vmas, start, end)) {
        return 0;
    }
    if (host_reserve(start, end - start) < 0) {
        return -ENOMEM;         /* as Linux when a split exceeds max_map_count */
    }
    vma_remove_range(guest_mm.vmas, start, end, inval_add_removed, inval);
    search_note_hole_locked(start, end);
    return 0;
}

int guest_munmap(GuestAddr addr, uint64_t len)
{
    InvalRange inval = INVAL_RANGE_EMPTY;
    int ret;

    g_assert(guest_mm.vmas);
    if (addr & ~GUEST_PAGE_MASK || len == 0 || !guest_range_in_space(addr, len)) {
        return -EINVAL;
    }
    pthread_mutex_lock(&guest_mm.lock);
    ret = unmap_locked(addr, addr + GUEST_PAGE_ALIGN(len), &inval);
    pthread_mutex_unlock(&guest_mm.lock);
    inval_flush(&inval);
    return ret;
}

/* -- mremap --------------------------------------------------------------- */

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

/*
 * Grow [addr, addr + old_len) in place to new_len: the reservation pages
 * above it are released and the host mapping is extended over them, so a
 * file or shared mapping stays one mapping of its object. If the host
 * refuses, the pages go back to the reservation. For that instant the pages
 * above are a host hole, as in mremap_move_locked() below.
 */
static int mremap_grow_locked(const GuestVma *v, GuestAddr addr, uint64_t old_len,
                              uint64_t new_len)
{
    GuestAddr old_end = addr + old_len;
    GuestVma n = *v;
    int ret;

    if (munmap(g2h(old_end), new_len - old_len) < 0) {
        return -ENOMEM;
    }
    if (mremap(g2h(addr), old_len, new_len, 0) == MAP_FAILED) {
        ret = errno == EFAULT ? -EFAULT : -ENOMEM;
        if (host_reserve(old_end, new_len - old_len) < 0) {
            g_error("guest space: cannot re-reserve 0x%" PRIx64 "+0x%" PRIx64 ": %s",
                    old_end, new_len - old_len, g_strerror(errno));
        }
        return ret;
    }
    n.start = old_end;
    n.end = addr + new_len;
    n.offset = v->flags & GUEST_VMA_ANON ? 0 : v->offset + (old_end - v->start);
    vma_insert(guest_mm.vmas, &n);
    return 0;
}

/*
 * Move [addr, addr + old_len) to @to, resized to new_len: the host moves the
 * pages (and their contents) over the reservation at @to in one step; the
 * old range is re-reserved at once, unless MREMAP_DONTUNMAP keeps it mapped
 * (empty). Runs under the lock; in the instant between the two steps the
 * old range is a host hole that another host thread's mmap could take,
 * which is why the lock covers every host call of the guest space.
 */
static int64_t mremap_move_locked(const GuestVma *v, GuestAddr addr, uint64_t old_len,
                                  uint64_t new_len, GuestAddr to, bool dontunmap,
                                  InvalRange *inval)
{
    GuestVma n = *v;

    if (mremap(g2h(addr), old_len, new_len,
               MREMAP_MAYMOVE | MREMAP_FIXED | (dontunmap ? MREMAP_DONTUNMAP : 0),
               g2h(to)) == MAP_FAILED) {
        int ret = errno == EFAULT ? -EFAULT : -errno;
        /* The target may have been dropped by the host: reserve it again. */
        if (host_reserve(to, new_len) < 0) {
            g_error("guest space: cannot re-reserve 0x%" PRIx64 "+0x%" PRIx64 ": %s",
                    to, new_len, g_strerror(errno));
        }
        return ret;
    }
    vma_remove_range(guest_mm.vmas, to, to + new_len, inval_add_removed, inval);
    if (!dontunmap) {
        if (host_reserve(addr, old_len) < 0) {
            g_error("guest space: cannot re-reserve 0x%" PRIx64 "+0x%" PRIx64 ": %s",
                    addr, old_len, g_strerror(errno));
        }
        vma_remove_range(guest_mm.vmas, addr, addr + old_len, inval_add_removed, inval);
        search_note_hole_locked(addr, addr + old_len);
    } else {
        inval_add(inval, v);
    }
    n.start = to;
    n.end = to + new_len;
    n.offset = v->flags & GUEST_VMA_ANON ? 0 : v->offset + (addr - v->start);
    n.flags &= ~(unsigned)(GUEST_VMA_STACK | GUEST_VMA_HEAP);
    vma_insert(guest_mm.vmas, &n);
    return (int64_t)to;
}

static int64_t mremap_locked(GuestAddr addr, uint64_t old_len, uint64_t new_len,
                             int flags, GuestAddr new_addr, InvalRange *inval)
{
    GuestVma *found, v;
    int64_t to;

    if (flags & MREMAP_FIXED) {
        if (!guest_range_in_space(new_addr, new_len) || new_addr < GUEST_MMAP_MIN_ADDR) {
            return -EINVAL;
        }
        if (new_addr < addr + old_len && addr < new_addr + new_len) {
            return -EINVAL;     /* the two ranges overlap */
        }
        if (unmap_locked(new_addr, new_addr + new_len, inval) < 0) {
            return -ENOMEM;
        }
        if (old_len > new_len) {
            if (unmap_locked(addr + new_len, addr + old_len, inval) < 0) {
                return -ENOMEM;
            }
            old_len = new_len;
        }
    } else if (old_len >= new_len && !(flags & MREMAP_DONTUNMAP)) {
        /* Shrinking (or the same size) stays in place; DONTUNMAP always moves. */
        if (old_len > new_len && unmap_locked(addr + new_len, addr + old_len, inval) < 0) {
            return -ENOMEM;
        }
        return (int64_t)addr;
    }
    found = vma_find(guest_mm.vmas, addr);
    if (!found || old_len > found->end - addr) {
        return -EFAULT;         /* Linux: the old range must lie in one VMA */
    }
    v = *found;
    if (flags & MREMAP_FIXED) {
        return mremap_move_locked(&v, addr, old_len, new_len, new_addr,
                                  flags & MREMAP_DONTUNMAP, inval);
    }
    if (!(flags & MREMAP_DONTUNMAP) && guest_range_in_space(addr, new_len) &&
        vma_range_is_free(guest_mm.vmas, addr + old_len, addr + new_len)) {
        int ret = mremap_grow_locked(&v, addr, old_len, new_len);
        if (ret == 0) {
            return (int64_t)addr;
        }
        if (ret != -ENOMEM || !(flags & MREMAP_MAYMOVE)) {
            return ret;
        }
    }
    if (!(flags & MREMAP_MAYMOVE)) {
        return -ENOMEM;
    }
    to = (int64_t)search_locked(new_len);
    if ((GuestAddr)to == VMA_NO_HOLE) {
        return -ENOMEM;
    }
    return mremap_move_locked(&v, addr, old_len, new_len, (GuestAddr)to,
                              flags & MREMAP_DONTUNMAP, inval);
}

int64_t guest_mremap(GuestAddr addr, uint64_t old_len, uint64_t new_len, int flags,
                     GuestAddr new_addr)
{
    InvalRange inval = INVAL_RANGE_EMPTY;
    int64_t ret;

    g_assert(guest_mm.vmas);
    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP) ||
        ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE)) ||
        addr & ~GUEST_PAGE_MASK) {
        return -EINVAL;
    }
    if ((flags & MREMAP_DONTUNMAP) && old_len != new_len) {
        return -EINVAL;
    }
    if ((flags & MREMAP_FIXED) && (new_addr & ~GUEST_PAGE_MASK)) {
        return -EINVAL;
    }
    if (GUEST_PAGE_ALIGN(old_len) < old_len || GUEST_PAGE_ALIGN(new_len) < new_len) {
        return -EINVAL;
    }
    old_len = GUEST_PAGE_ALIGN(old_len);
    new_len = GUEST_PAGE_ALIGN(new_len);
    /* old_len 0 duplicates a shared mapping in Linux: not supported here. */
    if (new_len == 0 || old_len == 0) {
        return -EINVAL;
    }
    if (!guest_range_in_space(addr, old_len)) {
        return -EFAULT;
    }
    if (new_len > guest_space_size) {
        return -ENOMEM;
    }
    pthread_mutex_lock(&guest_mm.lock);
    ret = mremap_locked(addr, old_len, new_len, flags, new_addr, &inval);
    pthread_mutex_unlock(&guest_mm.lock);
    inval_flush(&inval);
    return ret;
}

/*
 * Unlike Linux, which changes VMA after VMA and stops at the first hole, the
 * hole check comes first, so an -ENOMEM leaves every page as it was.
 */
static int mprotect_locked(GuestAddr start, GuestAddr end, int prot,
                           InvalRange *inval)
{
    GuestVma *v;
    int ret = 0;

    if (prot & PROT_GROWSDOWN) {        /* extend down to the stack's start */
        v = vma_find(guest_mm.vmas, start);
        if (!v || !(v->flags & GUEST_VMA_STACK)) {
            return -EINVAL;
        }
        start = v->start;
    }
    prot &= GUEST_PROT_RWX;
    if (!vma_range_has_prot(guest_mm.vmas, start, end, 0)) {
        return -ENOMEM;
    }
    vma_split_at(guest_mm.vmas, start);
    vma_split_at(guest_mm.vmas, end);
    for (VmaIter it = vma_iter_from(guest_mm.vmas, start);
         (v = vma_iter_get(it)) && v->start < end; it = vma_iter_next(it)) {
        if (mprotect(g2h(v->start), v->end - v->start, host_prot(prot)) < 0) {
            ret = -errno;       /* e.g. PROT_WRITE on a read-only shared file */
            break;
        }
        if (!(prot & PROT_EXEC)) {
            inval_add(inval, v);
        }
        v->prot = prot;
    }
    vma_merge_range(guest_mm.vmas, start, end);
    return ret;
}

int guest_mprotect(GuestAddr addr, uint64_t len, int prot)
{
    InvalRange inval = INVAL_RANGE_EMPTY;
    GuestAddr end;
    int ret;

    g_assert(guest_mm.vmas);
    if (addr & ~GUEST_PAGE_MASK ||
        prot & ~(GUEST_PROT_RWX | GUEST_PROT_BTI | PROT_GROWSDOWN)) {
        return -EINVAL;
    }
    if (len == 0) {
        return 0;
    }
    if (!guest_range_in_space(addr, len)) {
        return -ENOMEM;
    }
    end = addr + GUEST_PAGE_ALIGN(len);
    pthread_mutex_lock(&guest_mm.lock);
    ret = mprotect_locked(addr, end, prot, &inval);
    pthread_mutex_unlock(&guest_mm.lock);
    inval_flush(&inval);
    return ret;
}

/* -- brk ----------------------------------------------------------------- */

void guest_brk_init(GuestAddr start)
{
    pthread_mutex_lock(&guest_mm.lock);
    guest_mm.brk_start = guest_mm.brk_cur = GUEST_PAGE_ALIGN(start);
    pthread_mutex_unlock(&guest_mm.lock);
}

GuestAddr guest_brk_start(void)
{
    GuestAddr start;

    pthread_mutex_lock(&guest_mm.lock);
    start = guest_mm.brk_start;
    pthread_mutex_unlock(&guest_mm.lock);
    return start;
}

/* Grow the heap's pages from @old_top to @new_top; false if they are not free. */
static bool brk_grow_locked(GuestAddr old_top, GuestAddr new_top)
{
    GuestVma v = {
        .start = old_top, .end = new_top, .prot = PROT_READ | PROT_WRITE,
        .flags = GUEST_VMA_ANON | GUEST_VMA_HEAP,
    };
    bool lost;

    if (!vma_range_is_free(guest_mm.vmas, old_top, new_top) ||
        host_map(old_top, new_top - old_top, v.prot,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, &lost) < 0) {
        return false;
    }
    vma_insert(guest_mm.vmas, &v);
    return true;
}

/*
 * The break itself need not be page aligned (brk(2) returns what was asked);
 * the heap's pages end at the next page boundary. Shrinking unmaps, so pages
 * regrown later are fresh zero pages, as Linux gives.
 */
static GuestAddr brk_locked(GuestAddr new_brk, InvalRange *inval)
{
    GuestAddr old_top = GUEST_PAGE_ALIGN(guest_mm.brk_cur);
    GuestAddr new_top = GUEST_PAGE_ALIGN(new_brk);

    if (!guest_mm.brk_start || new_brk < guest_mm.brk_start ||
        new_brk > guest_space_size) {
        return guest_mm.brk_cur;
    }
    if (new_top > old_top && !brk_grow_locked(old_top, new_top)) {
        return guest_mm.brk_cur;
    }
    if (new_top < old_top && unmap_locked(new_top, old_top, inval) < 0) {
        return guest_mm.brk_cur;
    }
    guest_mm.brk_cur = new_brk;
    return guest_mm.brk_cur;
}

GuestAddr guest_brk(GuestAddr new_brk)
{
    InvalRange inval = INVAL_RANGE_EMPTY;
    GuestAddr ret;

    g_assert(guest_mm.vmas);
    pthread_mutex_lock(&guest_mm.lock);
    ret = brk_locked(new_brk, &inval);
    pthread_mutex_unlock(&guest_mm.lock);
    inval_flush(&inval);
    return ret;
}

