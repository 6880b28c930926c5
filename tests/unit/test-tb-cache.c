// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-tb-cache.c: lookup, invalidation by page, chaining and flushing of
 * the translation cache, with a fake backend that records link calls.
 */
#include "unit.h"
#include "tcg/tb-cache.h"

static int links_made, links_cut, codes_freed;

static void fake_link(TranslationBlock *from, int slot, TranslationBlock *to)
{
    if (to) {
        links_made++;
    } else {
        links_cut++;
    }
}

static void fake_free(TranslationBlock *tb)
{
    codes_freed++;
}

static const TcgBackend fake_backend = {
    .name = "fake", .help = "test", .link = fake_link, .free_code = fake_free,
};

/* A TB of @size bytes at @pc, inserted. */
static TranslationBlock *add_tb(uint64_t pc, uint32_t size)
{
    TranslationBlock *tb = tb_new(pc, 0, 0);

    tb->size = size;
    tb->icount = size / 4;
    tb->page[0] = pc & TB_PAGE_MASK;
    if (((pc + size - 1) & TB_PAGE_MASK) != tb->page[0]) {
        tb->page[1] = (pc + size - 1) & TB_PAGE_MASK;
    }
    tb->backend = &fake_backend;
    tb->code = tb;
    return tb_insert(tb);
}

START_TEST(test_tb_lookup_finds_inserted_tb_by_key_only)
{
    TranslationBlock *tb = add_tb(0x400000, 16);

    ck_assert_ptr_eq(tb_lookup(NULL, 0x400000, 0, 0), tb);
    ck_assert_ptr_null(tb_lookup(NULL, 0x400004, 0, 0));
    ck_assert_ptr_null(tb_lookup(NULL, 0x400000, 1, 0));
    ck_assert_ptr_null(tb_lookup(NULL, 0x400000, 0, TB_CF_SINGLE_INSN));
    ck_assert_uint_eq(tb_cache_count(), 1);
}
END_TEST

START_TEST(test_tb_invalidate_range_removes_only_overlapping_tbs)
{
    TranslationBlock *a = add_tb(0x400000, 16);       /* 0x400000..0x40000f */
    TranslationBlock *b = add_tb(0x400010, 16);       /* same page, after */

    tb_invalidate_range(0x400008, 4);
    ck_assert(a->invalid);
    ck_assert(!b->invalid);
    ck_assert_ptr_null(tb_lookup(NULL, 0x400000, 0, 0));
    ck_assert_ptr_eq(tb_lookup(NULL, 0x400010, 0, 0), b);
    /* b must still be reachable through the page index. */
    tb_invalidate_range(0x400000, TB_PAGE_SIZE);
    ck_assert(b->invalid);
    ck_assert_uint_eq(tb_cache_count(), 0);
}
END_TEST

START_TEST(test_tb_invalidate_second_page_removes_tb_spanning_two_pages)
{
    TranslationBlock *tb = add_tb(0x400ff8, 16);

    tb_invalidate_range(0x401000, 4);
    ck_assert(tb->invalid);
    tb_reclaim();
    /* The first page's index no longer points at the freed TB. */
    tb_invalidate_range(0x400000, TB_PAGE_SIZE);
    ck_assert_int_eq(codes_freed, 1);
}
END_TEST

START_TEST(test_tb_invalidate_huge_range_walks_known_pages)
{
    TranslationBlock *lo = add_tb(0x1000, 8);
    TranslationBlock *hi = add_tb(0x7fff0000, 8);
    TranslationBlock *out = add_tb(0x80000000, 8);

    tb_invalidate_range(0, 0x80000000);
    ck_assert(lo->invalid && hi->invalid);
    ck_assert(!out->invalid);
}
END_TEST

START_TEST(test_tb_jmp_cache_forgets_removed_tbs)
{
    TbJmpCache *jc = g_new0(TbJmpCache, 1);
    TranslationBlock *tb = add_tb(0x400000, 8);

    ck_assert_ptr_eq(tb_lookup(jc, 0x400000, 0, 0), tb);
    ck_assert_ptr_eq(tb_lookup(jc, 0x400000, 0, 0), tb);
    tb_invalidate_range(0x400000, 4);
    ck_assert_ptr_null(tb_lookup(jc, 0x400000, 0, 0));
    g_free(jc);
}
END_TEST

START_TEST(test_tb_link_then_invalidate_target_unlinks_source)
{
    TranslationBlock *from = add_tb(0x400000, 8);
    TranslationBlock *to = add_tb(0x500000, 8);

    tb_link(from, 1, to);
    ck_assert_ptr_eq(from->jmp_dest[1], to);
    ck_assert_int_eq(links_made, 1);
    tb_link(from, 1, to);                       /* already linked: no-op */
    ck_assert_int_eq(links_made, 1);
    tb_invalidate_range(0x500000, 4);
    ck_assert_ptr_null(from->jmp_dest[1]);
    ck_assert_int_eq(links_cut, 1);
    tb_link(from, 1, to);                       /* target invalid: refused */
    ck_assert_ptr_null(from->jmp_dest[1]);
}
END_TEST

START_TEST(test_tb_link_refused_when_source_forbids_chaining)
{
    TranslationBlock *from = tb_new(0x400000, 0, TB_CF_NO_CHAIN);
    TranslationBlock *to = add_tb(0x500000, 8);

    from->backend = &fake_backend;
    from->page[0] = 0x400000;
    from->size = 8;
    tb_insert(from);
    tb_link(from, 0, to);
    ck_assert_ptr_null(from->jmp_dest[0]);
    ck_assert_int_eq(links_made, 0);
}
END_TEST

START_TEST(test_tb_insert_over_limit_flushes_but_keeps_new_tb)
{
    TranslationBlock *newest;

    tb_cache_set_limit(4);
    for (int i = 0; i < 4; i++) {
        add_tb(0x400000 + i * 0x1000, 8);
    }
    newest = add_tb(0x900000, 8);
    ck_assert_uint_eq(tb_cache_flushes(), 1);
    ck_assert_uint_eq(tb_cache_count(), 1);
    ck_assert_ptr_eq(tb_lookup(NULL, 0x900000, 0, 0), newest);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 4);
}
END_TEST

START_TEST(test_tb_reclaim_waits_until_online_thread_passes_two_boundaries)
{
    g_autofree TbJmpCache *jc = g_new0(TbJmpCache, 1);

    tb_thread_online(jc);
    add_tb(0x400000, 16);
    tb_invalidate_range(0x400000, 4);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 0);       /* it may be running it */
    tb_thread_quiescent(jc);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 0);       /* it may still link it */
    tb_thread_quiescent(jc);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 1);
    tb_thread_unregister(jc);
}
END_TEST

START_TEST(test_tb_reclaim_does_not_wait_for_offline_thread)
{
    g_autofree TbJmpCache *busy = g_new0(TbJmpCache, 1);
    g_autofree TbJmpCache *idle = g_new0(TbJmpCache, 1);

    tb_thread_online(busy);
    tb_thread_online(idle);
    tb_thread_offline(idle);
    add_tb(0x400000, 16);
    tb_flush();
    tb_thread_quiescent(busy);
    tb_thread_quiescent(busy);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 1);
    /* Back online later: it cannot hold what was removed before. */
    add_tb(0x500000, 16);
    tb_thread_online(idle);
    tb_flush();
    tb_thread_quiescent(busy);
    tb_thread_quiescent(busy);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 1);       /* idle came back before the flush */
    tb_thread_unregister(idle);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 2);
    tb_thread_unregister(busy);
}
END_TEST

START_TEST(test_tb_cache_fork_child_forgets_threads_that_did_not_fork)
{
    g_autofree TbJmpCache *self = g_new0(TbJmpCache, 1);
    g_autofree TbJmpCache *other = g_new0(TbJmpCache, 1);

    tb_thread_online(self);
    tb_thread_online(other);                /* never quiescent: it is gone */
    add_tb(0x400000, 16);
    tb_flush();
    tb_cache_fork_child(self);
    tb_thread_quiescent(self);
    tb_thread_quiescent(self);
    tb_reclaim();
    ck_assert_int_eq(codes_freed, 1);
    tb_thread_unregister(self);
}
END_TEST

START_TEST(test_tb_insert_of_existing_key_keeps_first_tb)
{
    TranslationBlock *first = add_tb(0x400000, 16);
    TranslationBlock *twin = add_tb(0x400000, 16);

    ck_assert_ptr_eq(twin, first);
    ck_assert_int_eq(codes_freed, 1);       /* the second translation */
    ck_assert_uint_eq(tb_cache_count(), 1);
    tb_invalidate_range(0x400000, 4);
    ck_assert(first->invalid);
    ck_assert_ptr_null(tb_lookup(NULL, 0x400000, 0, 0));
}
END_TEST

static Suite *tb_cache_suite(void)
{
    Suite *s = suite_create("tb-cache");
    TCase *tc = tcase_create("cache");

    tcase_add_test(tc, test_tb_lookup_finds_inserted_tb_by_key_only);
    tcase_add_test(tc, test_tb_invalidate_range_removes_only_overlapping_tbs);
    tcase_add_test(tc, test_tb_invalidate_second_page_removes_tb_spanning_two_pages);
    tcase_add_test(tc, test_tb_invalidate_huge_range_walks_known_pages);
    tcase_add_test(tc, test_tb_jmp_cache_forgets_removed_tbs);
    tcase_add_test(tc, test_tb_link_then_invalidate_target_unlinks_source);
    tcase_add_test(tc, test_tb_link_refused_when_source_forbids_chaining);
    tcase_add_test(tc, test_tb_insert_over_limit_flushes_but_keeps_new_tb);
    tcase_add_test(tc, test_tb_reclaim_waits_until_online_thread_passes_two_boundaries);
    tcase_add_test(tc, test_tb_reclaim_does_not_wait_for_offline_thread);
    tcase_add_test(tc, test_tb_cache_fork_child_forgets_threads_that_did_not_fork);
    tcase_add_test(tc, test_tb_insert_of_existing_key_keeps_first_tb);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(tb_cache_suite)
