// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mmap-space.c: the guest space as a whole (see mmap.h, mmap-internal.h).
 *
 * main reserves the region once, before anything of the guest exists: at
 * -B/QEMU_GUEST_BASE if given, with -R/QEMU_RESERVED_VA bytes if given,
 * else the largest default the host allows. This file also serves the
 * read-only views of the map that syscalls, /proc and -d page use; the
 * operations that change it are in mmap.c.
 */
#include "mmap-internal.h"
#include "error.h"
#include "module.h"
#include "options.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>

#define GUEST_SPACE_DEFAULT     (1ULL << 46)    /* 64 TiB */
#define GUEST_SPACE_DEFAULT_MIN (1ULL << 36)    /* 64 GiB: the last default tried */
#define GUEST_SPACE_MAX         (1ULL << 48)    /* AArch64 48-bit VA, 4 KiB pages */
#define GUEST_SPACE_MIN         (1ULL << 20)

uintptr_t guest_base;
GuestAddr guest_space_size;
GuestMm guest_mm = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* -- Options: -B and -R ------------------------------------------------ */

static uintptr_t opt_guest_base;
static GuestAddr opt_reserved_va;

static bool check_base(uint64_t base, GError **err)
{
    if (base & ~GUEST_PAGE_MASK) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "guest base 0x%" PRIx64 " is not a multiple of the "
                    "page size (%llu)", base, GUEST_PAGE_SIZE);
        return false;
    }
    return true;
}

static bool check_size(uint64_t size, GError **err)
{
    if (size & ~GUEST_PAGE_MASK || size < GUEST_SPACE_MIN ||
        size > GUEST_SPACE_MAX) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "reserved size 0x%" PRIx64 " must be a multiple of the "
                    "page size between 1M and 256T", size);
        return false;
    }
    return true;
}

static bool opt_set_guest_base(const char *arg, GError **err)
{
    char *end;
    guint64 v;

    errno = 0;
    v = g_ascii_strtoull(arg, &end, 0);
    if (!g_ascii_isdigit(*arg) || *end || errno) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "'%s' is not an address", arg);
        return false;
    }
    if (!check_base(v, err)) {
        return false;
    }
    opt_guest_base = (uintptr_t)v;
    return true;
}

static bool opt_set_reserved_va(const char *arg, GError **err)
{
    guint64 v;

    if (!options_parse_size(arg, &v)) {
        g_set_error(err, UEMU_ERROR, UEMU_ERROR_USAGE,
                    "'%s' is not a size", arg);
        return false;
    }
    if (!check_size(v, err)) {
        return false;
    }
    opt_reserved_va = v;
    return true;
}

static const UemuOption mmap_options[] = {
    { "B", "QEMU_GUEST_BASE", "address", opt_set_guest_base,
      "set guest_base address to 'address'" },
    { "R", "QEMU_RESERVED_VA", "size", opt_set_reserved_va,
      "reserve 'size' bytes for guest virtual address space" },
    { NULL },
};

static void mmap_register_options(void)
{
    options_register(mmap_options);
}
module_init(mmap_register_options, MODULE_INIT_OPTIONS);

/* -- Reservation --------------------------------------------------------- */

static void *reserve_region(uintptr_t base, GuestAddr size)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    void *p;

    if (base) {
        flags |= MAP_FIXED_NOREPLACE;
    }
    p = mmap((void *)base, size, PROT_NONE, flags, -1, 0);
    if (p != MAP_FAILED && base && p != (void *)base) {
        munmap(p, size);        /* a kernel before 4.17 took it as a hint */
        errno = EEXIST;
        return MAP_FAILED;
    }
    return p;
}

static void space_setup(void *host, GuestAddr size)
{
    GuestMm *mm = &guest_mm;

    pthread_mutex_lock(&mm->lock);
    guest_base = (uintptr_t)host;
    guest_space_size = size;
    mm->vmas = vma_set_new();
    mm->mmap_base = (size - MIN(GUEST_STACK_GAP, size / 8)) & GUEST_PAGE_MASK;
    mm->search_top = mm->mmap_base;
    mm->search_max_hole = 0;
    mm->brk_start = mm->brk_cur = 0;
    pthread_mutex_unlock(&mm->lock);
}

/* "0x40000000 bytes (1 GiB)", in ASCII (g_format_size puts in a no-break space). */
static char *describe_size(GuestAddr size)
{
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
    int u = 0;

    while (u < 3 && size >= 1ULL << (10 * (u + 2))) {
        u++;
    }
    if (size % (1ULL << (10 * (u + 1)))) {
        return g_strdup_printf("0x%" PRIx64 " bytes (%.1f %s)", size,
                               (double)size / (1ULL << (10 * (u + 1))), units[u]);
    }
    return g_strdup_printf("0x%" PRIx64 " bytes (%" PRIu64 " %s)", size,
                           size >> (10 * (u + 1)), units[u]);
}

static char *describe_base(uintptr_t base)
{
    return base ? g_strdup_printf(" at 0x%" PRIxPTR, base) : g_strdup("");
}

static bool reserve_exact(uintptr_t base, GuestAddr size, GError **err)
{
    void *p = reserve_region(base, size);
    g_autofree char *what = NULL, *where = NULL;

    if (p != MAP_FAILED) {
        space_setup(p, size);
        return true;
    }
    what = describe_size(size);
    where = describe_base(base);
    g_set_error(err, UEMU_ERROR, UEMU_ERROR_MEMORY,
                "cannot reserve %s of guest address space%s: %s",
                what, where, g_strerror(errno));
    return false;
}

/* The default size halves until the host agrees (RLIMIT_AS, small VA hosts). */
static bool reserve_default(uintptr_t base, GError **err)
{
    g_autofree char *hi = NULL, *lo = NULL, *where = NULL;

    for (GuestAddr size = GUEST_SPACE_DEFAULT; size >= GUEST_SPACE_DEFAULT_MIN;
         size >>= 1) {
        void *p = reserve_region(base, size);
        if (p != MAP_FAILED) {
            space_setup(p, size);
            return true;
        }
    }
    hi = describe_size(GUEST_SPACE_DEFAULT);
    lo = describe_size(GUEST_SPACE_DEFAULT_MIN);
    where = describe_base(base);
    g_set_error(err, UEMU_ERROR, UEMU_ERROR_MEMORY,
                "cannot reserve guest address space%s: the host refused every "
                "size from %s down to %s (%s); choose one with -R",
                where, hi, lo, g_strerror(errno));
    return false;
}

bool guest_space_init_at(uintptr_t base, GuestAddr size, GError **err)
{
    g_assert(!guest_mm.vmas);
    if (!check_base(base, err) || (size && !check_size(size, err))) {
        return false;
    }
    return size ? reserve_exact(base, size, err) : reserve_default(base, err);
}

bool guest_space_init(GError **err)
{
    return guest_space_init_at(opt_guest_base, opt_reserved_va, err);
}

/* Forget everything, the hook included: the next test starts afresh. */
void guest_space_destroy(void)
{
    GuestMm *mm = &guest_mm;

    pthread_mutex_lock(&mm->lock);
    if (mm->vmas) {
        munmap((void *)guest_base, guest_space_size);
        vma_set_free(mm->vmas);
    }
    mm->vmas = NULL;
    guest_base = 0;
    guest_space_size = 0;
    mm->mmap_base = mm->brk_start = mm->brk_cur = mm->search_top = 0;
    mm->search_max_hole = 0;
    mm->invalidate_hook = NULL;
    pthread_mutex_unlock(&mm->lock);
}

/* -- Queries ---------------------------------------------------------- */

void guest_mmap_set_invalidate_hook(void (*fn)(GuestAddr start, uint64_t len))
{
    pthread_mutex_lock(&guest_mm.lock);
    guest_mm.invalidate_hook = fn;
    pthread_mutex_unlock(&guest_mm.lock);
}

bool guest_access_ok(GuestAddr a, uint64_t len, int prot)
{
    bool ok;

    if (len == 0) {
        return true;
    }
    if (!guest_range_in_space(a, len)) {
        return false;
    }
    pthread_mutex_lock(&guest_mm.lock);
    ok = guest_mm.vmas && vma_range_has_prot(guest_mm.vmas, a, a + len, prot);
    pthread_mutex_unlock(&guest_mm.lock);
    return ok;
}

void guest_mmap_set_vma_info(GuestAddr start, GuestAddr end, unsigned flags,
                             const char *path)
{
    const char *interned = path ? g_intern_string(path) : NULL;
    GuestVma *v;

    g_assert(guest_mm.vmas);
    pthread_mutex_lock(&guest_mm.lock);
    vma_split_at(guest_mm.vmas, start);
    vma_split_at(guest_mm.vmas, end);
    for (VmaIter it = vma_iter_from(guest_mm.vmas, start);
         (v = vma_iter_get(it)) && v->start < end; it = vma_iter_next(it)) {
        v->flags |= flags;
        v->path = interned ? interned : v->path;
    }
    pthread_mutex_unlock(&guest_mm.lock);
}

/* A copy of the VMAs, so that callbacks run without the lock. */
static GArray *vma_snapshot(void)
{
    GArray *copy;
    GuestVma *v;

    pthread_mutex_lock(&guest_mm.lock);
    copy = g_array_sized_new(FALSE, FALSE, sizeof(GuestVma),
                             guest_mm.vmas ? vma_set_count(guest_mm.vmas) : 0);
    if (guest_mm.vmas) {
        for (VmaIter it = vma_iter_from(guest_mm.vmas, 0);
             (v = vma_iter_get(it)); it = vma_iter_next(it)) {
            g_array_append_val(copy, *v);
        }
    }
    pthread_mutex_unlock(&guest_mm.lock);
    return copy;
}

void guest_vma_foreach(bool (*fn)(const GuestVma *vma, void *opaque),
                       void *opaque)
{
    g_autoptr(GArray) copy = vma_snapshot();

    for (guint i = 0; i < copy->len; i++) {
        if (!fn(&g_array_index(copy, GuestVma, i), opaque)) {
            break;
        }
    }
}

static void dump_line(FILE *out, GuestAddr start, GuestAddr end, int prot)
{
    fprintf(out, "%016" PRIx64 "-%016" PRIx64 " %016" PRIx64 " %c%c%c\n",
            start, end, end - start,
            prot & PROT_READ ? 'r' : '-', prot & PROT_WRITE ? 'w' : '-',
            prot & PROT_EXEC ? 'x' : '-');
}

/* qemu prints runs of contiguous pages with the same protection as one line. */
void guest_map_dump(FILE *out)
{
    g_autoptr(GArray) copy = vma_snapshot();
    GuestAddr start = 0, end = 0;
    int prot = -1;

    fprintf(out, "%-16s %-16s %-16s %s\n", "start", "end", "size", "prot");
    for (guint i = 0; i < copy->len; i++) {
        const GuestVma *v = &g_array_index(copy, GuestVma, i);
        if (v->start == end && v->prot == prot) {
            end = v->end;
            continue;
        }
        if (prot >= 0) {
            dump_line(out, start, end, prot);
        }
        start = v->start;
        end = v->end;
        prot = v->prot;
    }
    if (prot >= 0) {
        dump_line(out, start, end, prot);
    }
}

void guest_mmap_fork_lock(void)
{
    pthread_mutex_lock(&guest_mm.lock);
}

void guest_mmap_fork_unlock(void)
{
    pthread_mutex_unlock(&guest_mm.lock);
}
