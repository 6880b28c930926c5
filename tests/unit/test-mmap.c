// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-mmap.c: the guest address space: reservation (-B/-R), mmap placement
 * and errors, VMA splitting on munmap/mprotect, brk, file mappings, access
 * checks, the -d page dump and the invalidation hook.
 *
 * Each test gets a fresh 1 GiB space (Check forks per test). In it
 * mmap_base is 1 GiB - 128 MiB (mmap.c: the gap is MIN(1 GiB, size / 8)).
 */
#include "unit.h"
#include "linux-user/error.h"
#include "linux-user/mmap.h"
#include "linux-user/module.h"
#include "linux-user/options.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#define SPACE       (1ULL << 30)
#define MMAP_BASE   (SPACE - SPACE / 8)
#define PAGE        GUEST_PAGE_SIZE
#define ANON_RW     PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0
#define FIXED_ANON  (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

static void setup(void)
{
    GError *err = NULL;

    ck_assert_msg(guest_space_init_at(0, SPACE, &err), "%s",
                  err ? err->message : "");
}

static void teardown(void)
{
    guest_space_destroy();
}

static int64_t map_fixed(GuestAddr a, uint64_t len, int prot)
{
    return guest_mmap(a, len, prot, FIXED_ANON, -1, 0);
}

static bool append_vma(const GuestVma *v, void *opaque)
{
    GString *s = opaque;

    g_string_append_printf(s, "%s%" PRIx64 "-%" PRIx64 " %c%c%c%s%s%s%s",
                           s->len ? ", " : "", v->start, v->end,
                           v->prot & PROT_READ ? 'r' : '-',
                           v->prot & PROT_WRITE ? 'w' : '-',
                           v->prot & PROT_EXEC ? 'x' : '-',
                           v->flags & GUEST_VMA_ANON ? "" : " file",
                           v->flags & GUEST_VMA_SHARED ? " shared" : "",
                           v->flags & GUEST_VMA_HEAP ? " heap" : "",
                           v->flags & GUEST_VMA_STACK ? " stack" : "");
    return true;
}

/* The VMA list as "start-end prot [flags], ...", for whole-list comparisons. */
static char *vma_list(void)
{
    GString *s = g_string_new("");

    guest_vma_foreach(append_vma, s);
    return g_string_free(s, FALSE);
}

#define ck_assert_vmas(expected)                                    \
    do {                                                            \
        g_autofree char *got_ = vma_list();                        \
        ck_assert_str_eq(got_, expected);                           \
    } while (0)

/* The host's permissions ("rw-p") of the page holding guest address @a. */
static char *host_perms(GuestAddr a)
{
    uintptr_t h = (uintptr_t)g2h(a);
    g_autofree char *maps = NULL;
    g_auto(GStrv) lines = NULL;

    ck_assert(g_file_get_contents("/proc/self/maps", &maps, NULL, NULL));
    lines = g_strsplit(maps, "\n", -1);
    for (char **l = lines; *l && **l; l++) {
        uintptr_t lo, hi;
        char perms[5];
        if (sscanf(*l, "%" SCNxPTR "-%" SCNxPTR " %4s", &lo, &hi, perms) == 3 &&
            lo <= h && h < hi) {
            return g_strdup(perms);
        }
    }
    return g_strdup("unmapped");
}

#define ck_assert_host_perms(a, expected)                           \
    do {                                                            \
        g_autofree char *perms_ = host_perms(a);                    \
        ck_assert_str_eq(perms_, expected);                         \
    } while (0)

/* A host address range nobody uses right now (for -B tests). */
static uintptr_t free_host_range(uint64_t len)
{
    void *p = mmap(NULL, len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    ck_assert_ptr_ne(p, MAP_FAILED);
    munmap(p, len);
    return (uintptr_t)p;
}

/* -- Reservation ---------------------------------------------------------- */

START_TEST(test_space_init_explicit_size_reserves_whole_region)
{
    void *probe;

    ck_assert_uint_eq(guest_space_size, SPACE);
    ck_assert_uint_ne(guest_base, 0);
    ck_assert_uint_eq(guest_base % PAGE, 0);
    /* The host has the region: a no-replace mapping inside it fails. */
    probe = mmap(g2h(SPACE / 2), PAGE, PROT_READ,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    ck_assert_ptr_eq(probe, MAP_FAILED);
    ck_assert_int_eq(errno, EEXIST);
    ck_assert_vmas("");
}
END_TEST

START_TEST(test_space_init_at_base_uses_exactly_that_base)
{
    GError *err = NULL;
    uintptr_t base = free_host_range(SPACE);

    ck_assert(guest_space_init_at(base, SPACE, &err));
    ck_assert_uint_eq(guest_base, base);
    ck_assert_int_eq(map_fixed(0x10000, PAGE, PROT_READ | PROT_WRITE), 0x10000);
    *(volatile char *)(base + 0x10000) = 1;
}
END_TEST

START_TEST(test_space_init_at_occupied_base_fails_naming_address_and_size)
{
    GError *err = NULL;
    void *busy = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    g_autofree char *expected = g_strdup_printf(
        "cannot reserve 0x40000000 bytes (1 GiB) of guest address space "
        "at 0x%" PRIxPTR ": File exists", (uintptr_t)busy);

    ck_assert(!guest_space_init_at((uintptr_t)busy, SPACE, &err));
    ck_assert(g_error_matches(err, UEMU_ERROR, UEMU_ERROR_MEMORY));
    ck_assert_str_eq(err->message, expected);
    g_error_free(err);
}
END_TEST

/* ASan's shadow memory does not fit under RLIMIT_AS: these tests need a plain build. */
#ifndef __SANITIZE_ADDRESS__
static void limit_address_space(rlim_t bytes)
{
    struct rlimit r = { bytes, bytes };

    ck_assert_int_eq(setrlimit(RLIMIT_AS, &r), 0);
}

START_TEST(test_space_init_default_halves_until_host_agrees)
{
    GError *err = NULL;

    limit_address_space(1ULL << 40);        /* 1 TiB minus what we use: 512 GiB fits */
    ck_assert_msg(guest_space_init_at(0, 0, &err), "%s", err ? err->message : "");
    ck_assert_uint_eq(guest_space_size, 1ULL << 39);
}
END_TEST

START_TEST(test_space_init_default_fails_naming_the_sizes_tried)
{
    GError *err = NULL;

    limit_address_space(16ULL << 30);
    ck_assert(!guest_space_init_at(0, 0, &err));
    ck_assert(g_error_matches(err, UEMU_ERROR, UEMU_ERROR_MEMORY));
    ck_assert_str_eq(err->message,
                     "cannot reserve guest address space: the host refused every "
                     "size from 0x400000000000 bytes (64 TiB) down to 0x1000000000 "
                     "bytes (64 GiB) (Cannot allocate memory); choose one with -R");
    g_error_free(err);
}
END_TEST

START_TEST(test_space_init_explicit_size_has_no_fallback)
{
    GError *err = NULL;

    limit_address_space(16ULL << 30);
    ck_assert(!guest_space_init_at(0, 32ULL << 30, &err));
    ck_assert_str_eq(err->message,
                     "cannot reserve 0x800000000 bytes (32 GiB) of guest address "
                     "space: Cannot allocate memory");
    g_error_free(err);
}
END_TEST

#endif /* __SANITIZE_ADDRESS__ */

START_TEST(test_space_init_unaligned_base_is_usage_error)
{
    GError *err = NULL;

    ck_assert(!guest_space_init_at(0x10000123, SPACE, &err));
    ck_assert(g_error_matches(err, UEMU_ERROR, UEMU_ERROR_USAGE));
    g_error_free(err);
}
END_TEST

START_TEST(test_space_options_B_and_R_set_base_and_size)
{
    GError *err = NULL;
    uintptr_t base = free_host_range(SPACE);
    g_autofree char *arg = g_strdup_printf("0x%" PRIxPTR, base);

    module_call_init(MODULE_INIT_OPTIONS);
    ck_assert(options_find("B")->handler(arg, &err));
    ck_assert(options_find("R")->handler("1G", &err));
    ck_assert_str_eq(options_find("B")->env, "QEMU_GUEST_BASE");
    ck_assert_str_eq(options_find("R")->env, "QEMU_RESERVED_VA");
    ck_assert_msg(guest_space_init(&err), "%s", err ? err->message : "");
    ck_assert_uint_eq(guest_base, base);
    ck_assert_uint_eq(guest_space_size, SPACE);
}
END_TEST

START_TEST(test_space_options_reject_unaligned_base_and_bad_size)
{
    GError *err = NULL;

    module_call_init(MODULE_INIT_OPTIONS);
    ck_assert(!options_find("B")->handler("0x1001", &err));
    ck_assert_str_eq(err->message,
                     "guest base 0x1001 is not a multiple of the page size (4096)");
    g_clear_error(&err);
    ck_assert(!options_find("B")->handler("lots", &err));
    g_clear_error(&err);
    ck_assert(!options_find("R")->handler("1000", &err));      /* not a page multiple */
    g_clear_error(&err);
    ck_assert(!options_find("R")->handler("1P", &err));
    g_clear_error(&err);
}
END_TEST

/* -- mmap placement --------------------------------------------------------- */

START_TEST(test_mmap_anon_without_address_goes_top_down_below_mmap_base)
{
    int64_t a = guest_mmap(0, 3 * PAGE, ANON_RW);
    int64_t b = guest_mmap(0, PAGE, ANON_RW);

    ck_assert_int_eq(a, MMAP_BASE - 3 * PAGE);
    ck_assert_int_eq(b, a - PAGE);
    memset(g2h(a), 0x5a, 3 * PAGE);
    ck_assert_int_eq(((char *)g2h(a))[3 * PAGE - 1], 0x5a);
}
END_TEST

START_TEST(test_mmap_anon_rounds_length_up_and_returns_zeroed_pages)
{
    int64_t a = guest_mmap(0, 100, ANON_RW);

    ck_assert_int_eq(a, MMAP_BASE - PAGE);
    ck_assert(guest_access_ok(a, PAGE, PROT_READ | PROT_WRITE));
    ck_assert_int_eq(((char *)g2h(a))[PAGE - 1], 0);
}
END_TEST

START_TEST(test_mmap_free_hint_is_honoured_and_rounded_up)
{
    ck_assert_int_eq(guest_mmap(0x200000, PAGE, ANON_RW), 0x200000);
    ck_assert_int_eq(guest_mmap(0x300010, PAGE, ANON_RW), 0x301000);
    /* Below mmap_min_addr the hint rises to it. */
    ck_assert_int_eq(guest_mmap(0x1000, PAGE, ANON_RW), 0x10000);
}
END_TEST

START_TEST(test_mmap_busy_hint_falls_back_to_search)
{
    ck_assert_int_eq(guest_mmap(0x200000, 2 * PAGE, ANON_RW), 0x200000);
    ck_assert_int_eq(guest_mmap(0x201000, PAGE, ANON_RW), MMAP_BASE - PAGE);
}
END_TEST

START_TEST(test_mmap_fixed_replaces_part_of_a_mapping)
{
    char *p;

    ck_assert_int_eq(map_fixed(0x100000, 4 * PAGE, PROT_READ | PROT_WRITE), 0x100000);
    p = g2h(0x100000);
    memset(p, 0x11, 4 * PAGE);
    ck_assert_int_eq(map_fixed(0x101000, PAGE, PROT_READ), 0x101000);
    ck_assert_vmas("100000-101000 rw-, 101000-102000 r--, 102000-104000 rw-");
    ck_assert_int_eq(p[0], 0x11);
    ck_assert_int_eq(p[PAGE], 0);                   /* a fresh page */
    ck_assert_int_eq(p[2 * PAGE], 0x11);
}
END_TEST

START_TEST(test_mmap_fixed_noreplace_overlap_is_eexist)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE;

    ck_assert_int_eq(map_fixed(0x100000, 2 * PAGE, PROT_READ), 0x100000);
    ck_assert_int_eq(guest_mmap(0x101000, 2 * PAGE, PROT_READ, flags, -1, 0), -EEXIST);
    ck_assert_int_eq(guest_mmap(0x0ff000, 2 * PAGE, PROT_READ, flags, -1, 0), -EEXIST);
    ck_assert_int_eq(guest_mmap(0x102000, PAGE, PROT_READ, flags, -1, 0), 0x102000);
    /* MAP_FIXED as well does not make it replace. */
    ck_assert_int_eq(guest_mmap(0x100000, PAGE, PROT_READ, flags | MAP_FIXED, -1, 0),
                     -EEXIST);
}
END_TEST

START_TEST(test_mmap_adjacent_anon_mappings_merge)
{
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ), 0x100000);
    ck_assert_int_eq(map_fixed(0x101000, PAGE, PROT_READ), 0x101000);
    ck_assert_int_eq(map_fixed(0x102000, PAGE, PROT_READ | PROT_WRITE), 0x102000);
    ck_assert_vmas("100000-102000 r--, 102000-103000 rw-");
}
END_TEST

/* One invalid argument per row; each must give its errno and map nothing. */
static const struct {
    GuestAddr addr;
    uint64_t len;
    int flags;
    uint64_t offset;
    int expected;
} bad_mmaps[] = {
    { 0,        0,          MAP_PRIVATE | MAP_ANONYMOUS,           0,     -EINVAL },
    { 0x100800, PAGE,       FIXED_ANON,                            0,     -EINVAL },
    { 0,        PAGE,       MAP_PRIVATE | MAP_ANONYMOUS,           0x800, -EINVAL },
    { 0,        PAGE,       MAP_ANONYMOUS,                         0,     -EINVAL },
    { 0,        PAGE,       0x0f | MAP_ANONYMOUS,                  0,     -EINVAL },
    { 0,        PAGE,       MAP_SHARED_VALIDATE | MAP_ANONYMOUS,   0,     -EINVAL },
    { 0,        PAGE,       MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, 0, -EINVAL },
    { SPACE,    PAGE,       FIXED_ANON,                            0,     -ENOMEM },
    { SPACE - PAGE, 2 * PAGE, FIXED_ANON,                          0,     -ENOMEM },
    { 0,        SPACE + 1,  MAP_PRIVATE | MAP_ANONYMOUS,           0,     -ENOMEM },
    { 0,        UINT64_MAX, MAP_PRIVATE | MAP_ANONYMOUS,           0,     -ENOMEM },
    { 0x1000,   PAGE,       FIXED_ANON,                            0,     -EPERM },
};

START_TEST(test_mmap_invalid_arguments_fail_with_linux_errno)
{
    ck_assert_int_eq(guest_mmap(bad_mmaps[_i].addr, bad_mmaps[_i].len,
                                PROT_READ, bad_mmaps[_i].flags, -1,
                                bad_mmaps[_i].offset),
                     bad_mmaps[_i].expected);
    ck_assert_vmas("");
}
END_TEST

START_TEST(test_mmap_exhausted_below_mmap_base_uses_stack_gap_then_enomem)
{
    int flags = FIXED_ANON | MAP_NORESERVE;

    ck_assert_int_eq(guest_mmap(0x10000, MMAP_BASE - 0x10000, PROT_NONE, flags, -1, 0),
                     0x10000);
    ck_assert_int_eq(guest_mmap(0, PAGE, ANON_RW), SPACE - PAGE);
    ck_assert_int_eq(guest_mmap(0, SPACE - MMAP_BASE - PAGE, ANON_RW), MMAP_BASE);
    ck_assert_int_eq(guest_mmap(0, PAGE, ANON_RW), -ENOMEM);
}
END_TEST

static bool count_vma(const GuestVma *v, void *opaque)
{
    ++*(int *)opaque;
    return true;
}

/*
 * Many VMAs that cannot merge (alternating prot): placement and lookup must
 * not go quadratic, and holes punched high up must still be found.
 */
START_TEST(test_mmap_twenty_thousand_vmas_stay_fast)
{
    enum { N = 20000 };
    gint64 t0 = g_get_monotonic_time();
    int64_t a = 0;
    int n = 0;

    for (int i = 0; i < N; i++) {
        a = guest_mmap(0, PAGE, i & 1 ? PROT_READ : PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        ck_assert_int_eq(a, MMAP_BASE - (uint64_t)(i + 1) * PAGE);
    }
    for (int i = 0; i < N; i++) {
        ck_assert(guest_access_ok(a + (uint64_t)i * PAGE, 1, (i & 1) ? PROT_WRITE : PROT_READ));
    }
    guest_vma_foreach(count_vma, &n);
    ck_assert_int_eq(n, N);
    for (int i = 0; i < 10; i++) {
        ck_assert_int_eq(guest_munmap(MMAP_BASE - (uint64_t)(2 * i + 3) * PAGE, PAGE), 0);
    }
    ck_assert_int_eq(guest_mmap(0, PAGE, ANON_RW), MMAP_BASE - 3 * PAGE);
    ck_assert_int_eq(guest_mmap(0, 2 * PAGE, ANON_RW), a - 2 * PAGE);
    ck_assert_msg(g_get_monotonic_time() - t0 < 2 * G_USEC_PER_SEC,
                  "took %" G_GINT64_FORMAT " us", g_get_monotonic_time() - t0);
}
END_TEST

/* Each thread maps, fills, checks and unmaps its own pages, all at once. */
static gpointer map_unmap_worker(gpointer data)
{
    int id = GPOINTER_TO_INT(data);

    for (int i = 0; i < 500; i++) {
        int64_t a = guest_mmap(0, 2 * PAGE, ANON_RW);
        g_assert_cmpint(a, >, 0);
        memset(g2h(a), id, 2 * PAGE);
        g_assert_true(guest_access_ok(a, 2 * PAGE, PROT_WRITE));
        g_assert_cmpint(guest_mprotect(a, PAGE, PROT_READ), ==, 0);
        g_assert_cmpint(((char *)g2h(a))[2 * PAGE - 1], ==, id);
        g_assert_cmpint(guest_munmap(a, 2 * PAGE), ==, 0);
    }
    return NULL;
}

START_TEST(test_mmap_concurrent_threads_keep_map_consistent)
{
    GThread *t[4];

    for (int i = 0; i < 4; i++) {
        t[i] = g_thread_new("mapper", map_unmap_worker, GINT_TO_POINTER(i + 1));
    }
    for (int i = 0; i < 4; i++) {
        g_thread_join(t[i]);
    }
    ck_assert_vmas("");
}
END_TEST

/* -- munmap and mprotect ----------------------------------------------------- */

START_TEST(test_munmap_middle_splits_vma_in_two)
{
    ck_assert_int_eq(map_fixed(0x100000, 4 * PAGE, PROT_READ | PROT_WRITE), 0x100000);
    ck_assert_int_eq(guest_munmap(0x101000, 2 * PAGE), 0);
    ck_assert_vmas("100000-101000 rw-, 103000-104000 rw-");
    ck_assert(!guest_access_ok(0x101000, 1, 0));
    ck_assert_host_perms(0x101000, "---p");         /* back in the reservation */
    ck_assert_host_perms(0x103000, "rw-p");
    /* Remapped, the pages come back zeroed: the old ones are gone. */
    *(char *)g2h(0x103000) = 7;
    ck_assert_int_eq(guest_munmap(0x103000, PAGE), 0);
    ck_assert_int_eq(map_fixed(0x103000, PAGE, PROT_READ), 0x103000);
    ck_assert_int_eq(*(char *)g2h(0x103000), 0);
}
END_TEST

START_TEST(test_munmap_bad_arguments_are_einval_and_holes_are_fine)
{
    ck_assert_int_eq(guest_munmap(0x100800, PAGE), -EINVAL);
    ck_assert_int_eq(guest_munmap(0x100000, 0), -EINVAL);
    ck_assert_int_eq(guest_munmap(SPACE, PAGE), -EINVAL);
    ck_assert_int_eq(guest_munmap(0x100000, 16 * PAGE), 0);
}
END_TEST

START_TEST(test_munmap_spanning_several_vmas_removes_all_pieces)
{
    ck_assert_int_eq(map_fixed(0x100000, 2 * PAGE, PROT_READ), 0x100000);
    ck_assert_int_eq(map_fixed(0x102000, 2 * PAGE, PROT_READ | PROT_WRITE), 0x102000);
    ck_assert_int_eq(map_fixed(0x106000, 2 * PAGE, PROT_READ), 0x106000);
    ck_assert_int_eq(guest_munmap(0x101000, 6 * PAGE), 0);
    ck_assert_vmas("100000-101000 r--, 107000-108000 r--");
}
END_TEST

START_TEST(test_mprotect_middle_splits_and_restoring_merges)
{
    ck_assert_int_eq(map_fixed(0x100000, 4 * PAGE, PROT_READ | PROT_WRITE), 0x100000);
    ck_assert_int_eq(guest_mprotect(0x101000, 2 * PAGE, PROT_READ), 0);
    ck_assert_vmas("100000-101000 rw-, 101000-103000 r--, 103000-104000 rw-");
    ck_assert(!guest_access_ok(0x101000, 1, PROT_WRITE));
    ck_assert_int_eq(guest_mprotect(0x101000, 2 * PAGE, PROT_READ | PROT_WRITE), 0);
    ck_assert_vmas("100000-104000 rw-");
}
END_TEST

START_TEST(test_mprotect_over_a_hole_is_enomem_and_changes_nothing)
{
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ | PROT_WRITE), 0x100000);
    ck_assert_int_eq(map_fixed(0x102000, PAGE, PROT_READ | PROT_WRITE), 0x102000);
    ck_assert_int_eq(guest_mprotect(0x100000, 3 * PAGE, PROT_READ), -ENOMEM);
    ck_assert_int_eq(guest_mprotect(0x200000, PAGE, PROT_READ), -ENOMEM);
    ck_assert_vmas("100000-101000 rw-, 102000-103000 rw-");
}
END_TEST

START_TEST(test_mprotect_argument_checks_follow_linux)
{
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ), 0x100000);
    ck_assert_int_eq(guest_mprotect(0x100800, PAGE, PROT_READ), -EINVAL);
    ck_assert_int_eq(guest_mprotect(0x100000, PAGE, 0x20 /* PROT_MTE */), -EINVAL);
    ck_assert_int_eq(guest_mprotect(0x100000, 0, PROT_READ), 0);
    ck_assert_int_eq(guest_mprotect(0x100000, 1, PROT_READ | 0x10 /* PROT_BTI */), 0);
    ck_assert_int_eq(guest_mprotect(0x100000, PAGE, PROT_READ | PROT_GROWSDOWN), -EINVAL);
    ck_assert_int_eq(guest_mprotect(SPACE - PAGE, 2 * PAGE, PROT_READ), -ENOMEM);
}
END_TEST

START_TEST(test_mprotect_host_pages_follow_guest_prot)
{
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ), 0x100000);
    ck_assert_host_perms(0x100000, "r--p");
    ck_assert_int_eq(guest_mprotect(0x100000, PAGE, PROT_READ | PROT_WRITE), 0);
    ck_assert_host_perms(0x100000, "rw-p");
    *(volatile char *)g2h(0x100000) = 1;
    /* Guest exec is host read: the translator reads code, the host never runs it. */
    ck_assert_int_eq(guest_mprotect(0x100000, PAGE, PROT_EXEC), 0);
    ck_assert_host_perms(0x100000, "r--p");
    ck_assert_int_eq(*(volatile char *)g2h(0x100000), 1);
    ck_assert_int_eq(guest_mprotect(0x100000, PAGE, PROT_NONE), 0);
    ck_assert_host_perms(0x100000, "---p");
}
END_TEST

START_TEST(test_mprotect_growsdown_extends_to_stack_start)
{
    ck_assert_int_eq(map_fixed(0x100000, 4 * PAGE, PROT_READ | PROT_WRITE), 0x100000);
    guest_mmap_set_vma_info(0x100000, 0x104000, GUEST_VMA_STACK, NULL);
    ck_assert_int_eq(guest_mprotect(0x102000, PAGE,
                                    PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN), 0);
    ck_assert_vmas("100000-103000 rwx stack, 103000-104000 rw- stack");
}
END_TEST

/* -- brk --------------------------------------------------------------------- */

START_TEST(test_brk_starts_page_aligned_and_zero_queries)
{
    guest_brk_init(0x400123);
    ck_assert_uint_eq(guest_brk_start(), 0x401000);
    ck_assert_uint_eq(guest_brk(0), 0x401000);
    ck_assert_uint_eq(guest_brk(0x400000), 0x401000);    /* below the start */
    ck_assert_vmas("");
}
END_TEST

START_TEST(test_brk_grows_heap_vma_and_shrinks)
{
    guest_brk_init(0x400000);
    ck_assert_uint_eq(guest_brk(0x402100), 0x402100);
    ck_assert_vmas("400000-403000 rw- heap");
    memset(g2h(0x400000), 0x77, 0x2100);
    ck_assert_uint_eq(guest_brk(0x405000), 0x405000);
    ck_assert_vmas("400000-405000 rw- heap");
    ck_assert_uint_eq(guest_brk(0x401000), 0x401000);
    ck_assert_vmas("400000-401000 rw- heap");
    ck_assert_uint_eq(guest_brk(0), 0x401000);
}
END_TEST

START_TEST(test_brk_regrown_memory_reads_zero)
{
    guest_brk_init(0x400000);
    ck_assert_uint_eq(guest_brk(0x403000), 0x403000);
    memset(g2h(0x400000), 0x77, 0x3000);
    ck_assert_uint_eq(guest_brk(0x401000), 0x401000);
    ck_assert_uint_eq(guest_brk(0x403000), 0x403000);
    ck_assert_int_eq(((char *)g2h(0x400000))[0xfff], 0x77);  /* kept */
    ck_assert_int_eq(((char *)g2h(0x401000))[0], 0);
    ck_assert_int_eq(((char *)g2h(0x402000))[0xfff], 0);
}
END_TEST

START_TEST(test_brk_refuses_to_grow_into_another_mapping)
{
    guest_brk_init(0x400000);
    ck_assert_uint_eq(guest_brk(0x401000), 0x401000);
    ck_assert_int_eq(map_fixed(0x403000, PAGE, PROT_READ), 0x403000);
    ck_assert_uint_eq(guest_brk(0x404000), 0x401000);
    ck_assert_uint_eq(guest_brk(SPACE + PAGE), 0x401000);
    ck_assert_uint_eq(guest_brk(0x403000), 0x403000);    /* up to it is fine */
    ck_assert_vmas("400000-403000 rw- heap, 403000-404000 r--");
}
END_TEST

/* -- File mappings ------------------------------------------------------------- */

/* A temporary file of @pages pages, page i filled with byte 'A' + i. */
static int temp_file(int pages, char **path)
{
    int fd = g_file_open_tmp("test-mmap-XXXXXX", path, NULL);

    ck_assert_int_ge(fd, 0);
    for (int i = 0; i < pages; i++) {
        char buf[GUEST_PAGE_SIZE];
        memset(buf, 'A' + i, sizeof(buf));
        ck_assert_int_eq(write(fd, buf, sizeof(buf)), sizeof(buf));
    }
    return fd;
}

START_TEST(test_mmap_file_maps_content_at_offset_with_path)
{
    g_autofree char *path = NULL;
    int fd = temp_file(3, &path);
    int64_t a = guest_mmap(0, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
    g_autofree char *expected = g_strdup_printf("%" PRIx64 "-%" PRIx64 " r-- file",
                                                a, (int64_t)(a + 2 * PAGE));
    const char *p = g2h(a);

    ck_assert_int_eq(a, MMAP_BASE - 2 * PAGE);
    ck_assert_int_eq(p[0], 'B');
    ck_assert_int_eq(p[2 * PAGE - 1], 'C');
    ck_assert_vmas(expected);
    unlink(path);
    close(fd);
}
END_TEST

static bool check_path_offset(const GuestVma *v, void *opaque)
{
    ck_assert_str_eq(v->path, opaque);
    ck_assert_uint_eq(v->offset, 2 * PAGE);
    return true;
}

START_TEST(test_mmap_file_vma_records_path_and_offset)
{
    g_autofree char *path = NULL;
    int fd = temp_file(3, &path);

    ck_assert_int_eq(guest_mmap(0x100000, 2 * PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED,
                                fd, PAGE), 0x100000);
    ck_assert_int_eq(guest_munmap(0x100000, PAGE), 0);
    guest_vma_foreach(check_path_offset, path);
    unlink(path);
    close(fd);
}
END_TEST

START_TEST(test_mmap_file_shared_write_reaches_the_file)
{
    g_autofree char *path = NULL;
    int fd = temp_file(1, &path);
    char c;

    ck_assert_int_eq(guest_mmap(0x100000, PAGE, PROT_READ | PROT_WRITE,
                                MAP_SHARED | MAP_FIXED, fd, 0), 0x100000);
    *(char *)g2h(0x100010) = 'z';
    ck_assert_int_eq(pread(fd, &c, 1, 0x10), 1);
    ck_assert_int_eq(c, 'z');
    ck_assert_vmas("100000-101000 rw- file shared");
    ck_assert_host_perms(0x100000, "rw-s");
    unlink(path);
    close(fd);
}
END_TEST

START_TEST(test_mmap_failing_fixed_file_map_keeps_old_mapping)
{
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ | PROT_WRITE), 0x100000);
    *(char *)g2h(0x100000) = 9;
    ck_assert_int_eq(guest_mmap(0x100000, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED,
                                12345, 0), -EBADF);
    ck_assert_vmas("100000-101000 rw-");
    ck_assert_int_eq(*(char *)g2h(0x100000), 9);
}
END_TEST

START_TEST(test_mmap_file_offset_overflow_is_eoverflow)
{
    g_autofree char *path = NULL;
    int fd = temp_file(1, &path);

    ck_assert_int_eq(guest_mmap(0, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd,
                                UINT64_MAX & GUEST_PAGE_MASK), -EOVERFLOW);
    ck_assert_int_eq(guest_mmap(0, PAGE, PROT_READ, MAP_SHARED_VALIDATE | 0x80000,
                                fd, 0), -EOPNOTSUPP);    /* MAP_SYNC */
    unlink(path);
    close(fd);
}
END_TEST

/* -- Access checks ------------------------------------------------------------- */

START_TEST(test_access_ok_edges)
{
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ), 0x100000);
    ck_assert_int_eq(map_fixed(0x101000, PAGE, PROT_READ | PROT_WRITE), 0x101000);
    ck_assert(guest_access_ok(0x100000, 2 * PAGE, PROT_READ));
    ck_assert(!guest_access_ok(0x100000, 2 * PAGE, PROT_WRITE));
    ck_assert(guest_access_ok(0x101000, PAGE, PROT_WRITE));
    ck_assert(!guest_access_ok(0x101fff, 2, PROT_READ));          /* into the hole */
    ck_assert(!guest_access_ok(0x0fffff, 2, PROT_READ));          /* from the hole */
    ck_assert(guest_access_ok(0x0fffff, 0, PROT_READ));           /* len 0 */
    ck_assert(guest_access_ok(SPACE * 4, 0, PROT_READ));
    ck_assert(!guest_access_ok(SPACE - 1, 2, 0));                 /* past the end */
    ck_assert(!guest_access_ok(0x100000, UINT64_MAX, 0));         /* wraps */
    ck_assert(guest_access_ok(0x100000, 1, 0));
}
END_TEST

/* -- Dump --------------------------------------------------------------------- */

START_TEST(test_map_dump_prints_qemu_page_format_merged_by_prot)
{
    g_autofree char *path = NULL;
    int fd = temp_file(1, &path);
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    ck_assert_int_eq(guest_mmap(0x400000, PAGE, PROT_READ | PROT_EXEC,
                                MAP_PRIVATE | MAP_FIXED, fd, 0), 0x400000);
    ck_assert_int_eq(map_fixed(0x401000, 2 * PAGE, PROT_READ | PROT_EXEC), 0x401000);
    ck_assert_int_eq(map_fixed(0x403000, PAGE, PROT_READ), 0x403000);
    ck_assert_int_eq(map_fixed(0x404000, PAGE, PROT_READ | PROT_WRITE), 0x404000);
    ck_assert_int_eq(map_fixed(0x410000, 0x10000, PROT_NONE), 0x410000);
    ck_assert_int_eq(map_fixed(0x3fff0000, PAGE, PROT_WRITE), 0x3fff0000);
    ck_assert_host_perms(0x400000, "r--p");         /* never host-executable */
    guest_map_dump(out);
    fclose(out);
    ck_assert_str_eq(text,
        "start            end              size             prot\n"
        "0000000000400000-0000000000403000 0000000000003000 r-x\n"
        "0000000000403000-0000000000404000 0000000000001000 r--\n"
        "0000000000404000-0000000000405000 0000000000001000 rw-\n"
        "0000000000410000-0000000000420000 0000000000010000 ---\n"
        "000000003fff0000-000000003fff1000 0000000000001000 -w-\n");
    free(text);
    unlink(path);
    close(fd);
}
END_TEST

START_TEST(test_map_dump_of_empty_space_is_header_only)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    guest_map_dump(out);
    fclose(out);
    ck_assert_str_eq(text, "start            end              size             prot\n");
    free(text);
}
END_TEST

/* -- VMA info and iteration ---------------------------------------------------- */

START_TEST(test_set_vma_info_tags_subrange_and_names_it)
{
    ck_assert_int_eq(map_fixed(0x100000, 4 * PAGE, PROT_READ | PROT_WRITE), 0x100000);
    guest_mmap_set_vma_info(0x102000, 0x104000, GUEST_VMA_STACK, "[stack]");
    ck_assert_vmas("100000-102000 rw-, 102000-104000 rw- stack");
}
END_TEST

static bool count_until_two(const GuestVma *v, void *opaque)
{
    return ++*(int *)opaque < 2;
}

START_TEST(test_vma_foreach_stops_when_callback_says_so)
{
    int n = 0;

    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ), 0x100000);
    ck_assert_int_eq(map_fixed(0x102000, PAGE, PROT_READ), 0x102000);
    ck_assert_int_eq(map_fixed(0x104000, PAGE, PROT_READ), 0x104000);
    guest_vma_foreach(count_until_two, &n);
    ck_assert_int_eq(n, 2);
}
END_TEST

/* -- Invalidation hook -------------------------------------------------------- */

static GString *hook_calls;

static void record_invalidate(GuestAddr start, uint64_t len)
{
    g_string_append_printf(hook_calls, "%" PRIx64 "+%" PRIx64 ";", start, len);
}

static void setup_hook(void)
{
    hook_calls = g_string_new("");
    guest_mmap_set_invalidate_hook(record_invalidate);
    ck_assert_int_eq(map_fixed(0x100000, 4 * PAGE, PROT_READ | PROT_EXEC), 0x100000);
    ck_assert_int_eq(map_fixed(0x104000, 4 * PAGE, PROT_READ | PROT_WRITE), 0x104000);
}

START_TEST(test_invalidate_hook_gets_unmapped_exec_part_only)
{
    setup_hook();
    ck_assert_int_eq(guest_munmap(0x103000, 2 * PAGE), 0);
    ck_assert_str_eq(hook_calls->str, "103000+1000;");
    ck_assert_int_eq(guest_munmap(0x105000, PAGE), 0);     /* not executable */
    ck_assert_str_eq(hook_calls->str, "103000+1000;");
}
END_TEST

START_TEST(test_invalidate_hook_on_exec_removed_by_mprotect_or_fixed_map)
{
    setup_hook();
    ck_assert_int_eq(guest_mprotect(0x101000, PAGE, PROT_READ | PROT_EXEC), 0);
    ck_assert_int_eq(guest_mprotect(0x104000, PAGE, PROT_READ), 0);
    ck_assert_str_eq(hook_calls->str, "");
    ck_assert_int_eq(guest_mprotect(0x101000, 2 * PAGE, PROT_READ), 0);
    ck_assert_str_eq(hook_calls->str, "101000+2000;");
    ck_assert_int_eq(map_fixed(0x100000, PAGE, PROT_READ | PROT_EXEC), 0x100000);
    ck_assert_str_eq(hook_calls->str, "101000+2000;100000+1000;");
}
END_TEST

/* The hook asks the map about the range: that would deadlock under the lock. */
static void invalidate_and_query(GuestAddr start, uint64_t len)
{
    g_string_append_printf(hook_calls, "%s;",
                           guest_access_ok(start, len, 0) ? "mapped" : "unmapped");
}

START_TEST(test_invalidate_hook_runs_without_the_lock)
{
    setup_hook();
    guest_mmap_set_invalidate_hook(invalidate_and_query);
    ck_assert_int_eq(guest_munmap(0x100000, PAGE), 0);
    ck_assert_str_eq(hook_calls->str, "unmapped;");
}
END_TEST

START_TEST(test_invalidate_hook_is_not_called_when_unset)
{
    setup_hook();
    guest_mmap_set_invalidate_hook(NULL);
    ck_assert_int_eq(guest_munmap(0x100000, PAGE), 0);
    ck_assert_str_eq(hook_calls->str, "");
}
END_TEST

static Suite *mmap_suite(void)
{
    Suite *s = suite_create("mmap");
    TCase *space = tcase_create("space");
    TCase *tc = tcase_create("map");

    tcase_add_test(space, test_space_init_at_base_uses_exactly_that_base);
    tcase_add_test(space, test_space_init_at_occupied_base_fails_naming_address_and_size);
#ifndef __SANITIZE_ADDRESS__
    tcase_add_test(space, test_space_init_default_halves_until_host_agrees);
    tcase_add_test(space, test_space_init_default_fails_naming_the_sizes_tried);
    tcase_add_test(space, test_space_init_explicit_size_has_no_fallback);
#endif
    tcase_add_test(space, test_space_init_unaligned_base_is_usage_error);
    tcase_add_test(space, test_space_options_B_and_R_set_base_and_size);
    tcase_add_test(space, test_space_options_reject_unaligned_base_and_bad_size);
    suite_add_tcase(s, space);

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_space_init_explicit_size_reserves_whole_region);
    tcase_add_test(tc, test_mmap_anon_without_address_goes_top_down_below_mmap_base);
    tcase_add_test(tc, test_mmap_anon_rounds_length_up_and_returns_zeroed_pages);
    tcase_add_test(tc, test_mmap_free_hint_is_honoured_and_rounded_up);
    tcase_add_test(tc, test_mmap_busy_hint_falls_back_to_search);
    tcase_add_test(tc, test_mmap_fixed_replaces_part_of_a_mapping);
    tcase_add_test(tc, test_mmap_fixed_noreplace_overlap_is_eexist);
    tcase_add_test(tc, test_mmap_adjacent_anon_mappings_merge);
    tcase_add_loop_test(tc, test_mmap_invalid_arguments_fail_with_linux_errno,
                        0, G_N_ELEMENTS(bad_mmaps));
    tcase_add_test(tc, test_mmap_exhausted_below_mmap_base_uses_stack_gap_then_enomem);
    tcase_add_test(tc, test_mmap_twenty_thousand_vmas_stay_fast);
    tcase_add_test(tc, test_mmap_concurrent_threads_keep_map_consistent);
    tcase_add_test(tc, test_munmap_middle_splits_vma_in_two);
    tcase_add_test(tc, test_munmap_bad_arguments_are_einval_and_holes_are_fine);
    tcase_add_test(tc, test_munmap_spanning_several_vmas_removes_all_pieces);
    tcase_add_test(tc, test_mprotect_middle_splits_and_restoring_merges);
    tcase_add_test(tc, test_mprotect_over_a_hole_is_enomem_and_changes_nothing);
    tcase_add_test(tc, test_mprotect_argument_checks_follow_linux);
    tcase_add_test(tc, test_mprotect_host_pages_follow_guest_prot);
    tcase_add_test(tc, test_mprotect_growsdown_extends_to_stack_start);
    tcase_add_test(tc, test_brk_starts_page_aligned_and_zero_queries);
    tcase_add_test(tc, test_brk_grows_heap_vma_and_shrinks);
    tcase_add_test(tc, test_brk_regrown_memory_reads_zero);
    tcase_add_test(tc, test_brk_refuses_to_grow_into_another_mapping);
    tcase_add_test(tc, test_mmap_file_maps_content_at_offset_with_path);
    tcase_add_test(tc, test_mmap_file_vma_records_path_and_offset);
    tcase_add_test(tc, test_mmap_file_shared_write_reaches_the_file);
    tcase_add_test(tc, test_mmap_failing_fixed_file_map_keeps_old_mapping);
    tcase_add_test(tc, test_mmap_file_offset_overflow_is_eoverflow);
    tcase_add_test(tc, test_access_ok_edges);
    tcase_add_test(tc, test_map_dump_prints_qemu_page_format_merged_by_prot);
    tcase_add_test(tc, test_map_dump_of_empty_space_is_header_only);
    tcase_add_test(tc, test_set_vma_info_tags_subrange_and_names_it);
    tcase_add_test(tc, test_vma_foreach_stops_when_callback_says_so);
    tcase_add_test(tc, test_invalidate_hook_gets_unmapped_exec_part_only);
    tcase_add_test(tc, test_invalidate_hook_on_exec_removed_by_mprotect_or_fixed_map);
    tcase_add_test(tc, test_invalidate_hook_runs_without_the_lock);
    tcase_add_test(tc, test_invalidate_hook_is_not_called_when_unset);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(mmap_suite)
