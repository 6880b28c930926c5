// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tb-cache.c: the translation cache (see tb-cache.h for the contract).
 *
 * Three indexes over the same TBs, all under one lock:
 *   by key   GHashTable (pc, flags, cflags) -> TB, for lookups;
 *   by page  GHashTable guest page -> GPtrArray of TBs touching it, for
 *            invalidation when code is unmapped, reprotected or IC IVAU'd;
 *   links    each TB's incoming exits, so a removed TB is unchained.
 */
#include "tb-cache.h"
#include "ir.h"

#include <pthread.h>
#include <string.h>

static pthread_mutex_t tb_lock = PTHREAD_MUTEX_INITIALIZER;
static GHashTable *tb_by_key;       /* TranslationBlock * (as key and value) */
static GHashTable *tb_by_page;      /* uint64_t * page -> GPtrArray * */
static GArray *tb_graveyard;       /* TbGrave: removed, to free at tb_reclaim() */
static GPtrArray *tb_threads;       /* TbJmpCache * of the registered threads */
static unsigned tb_limit = 1u << 16;
static unsigned flush_count;
static uint64_t tb_generation = 1;  /* 0 marks an empty jump cache */

/* A removed TB and the generation it was removed in. */
typedef struct TbGrave {
    TranslationBlock *tb;
    uint64_t generation;
} TbGrave;

/* -- Keys ------------------------------------------------------------ */

static guint tb_key_hash(gconstpointer p)
{
    const TranslationBlock *tb = p;
    uint64_t h = tb->pc * 0x9e3779b97f4a7c15ull ^ tb->flags ^
                 ((uint64_t)tb->cflags << 32);

    return (guint)(h >> 32 ^ h);
}

static gboolean tb_key_equal(gconstpointer a, gconstpointer b)
{
    const TranslationBlock *x = a, *y = b;

    return x->pc == y->pc && x->flags == y->flags && x->cflags == y->cflags;
}

static void tb_cache_init_locked(void)
{
    if (tb_by_key) {
        return;
    }
    tb_by_key = g_hash_table_new(tb_key_hash, tb_key_equal);
    tb_by_page = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref);
    tb_graveyard = g_array_new(FALSE, FALSE, sizeof(TbGrave));
    tb_threads = g_ptr_array_new();
}

/* Removal of @tb, bumping the generation is up to the caller. */
static void tb_bury_locked(TranslationBlock *tb)
{
    TbGrave g = { tb, tb_generation };

    tb->invalid = true;
    g_array_append_val(tb_graveyard, g);
}

static inline unsigned jmp_cache_index(uint64_t pc)
{
    return (unsigned)((pc >> 2) ^ (pc >> (2 + TB_JMP_CACHE_BITS))) &
           (TB_JMP_CACHE_SIZE - 1);
}

/* -- Creation -------------------------------------------------------- */

TranslationBlock *tb_new(uint64_t pc, uint32_t flags, uint32_t cflags)
{
    TranslationBlock *tb = g_new0(TranslationBlock, 1);

    tb->pc = pc;
    tb->flags = flags;
    tb->cflags = cflags;
    tb->page[0] = tb->page[1] = TB_NO_PAGE;
    tb->incoming = g_array_new(FALSE, FALSE, sizeof(TbLink));
    return tb;
}

void tb_free(TranslationBlock *tb)
{
    if (tb->code && tb->backend && tb->backend->free_code) {
        tb->backend->free_code(tb);
    }
    g_array_unref(tb->incoming);
    g_free(tb->insn_pc);
    g_free(tb);
}

void tb_cache_set_limit(unsigned max_tbs)
{
    tb_limit = max_tbs;
}

/* -- Lookup ---------------------------------------------------------- */

TranslationBlock *tb_lookup(TbJmpCache *jc, uint64_t pc, uint32_t flags,
                            uint32_t cflags)
{
    TranslationBlock key = { .pc = pc, .flags = flags, .cflags = cflags };
    TranslationBlock *tb;
    unsigned idx = jmp_cache_index(pc);

    if (jc) {
        uint64_t gen = __atomic_load_n(&tb_generation, __ATOMIC_ACQUIRE);

        if (jc->generation != gen) {
            memset(jc->entry, 0, sizeof(jc->entry));
            jc->generation = gen;
        }
        tb = jc->entry[idx];
        if (tb && tb_key_equal(tb, &key)) {
            return tb;
        }
    }
    pthread_mutex_lock(&tb_lock);
    tb_cache_init_locked();
    tb = g_hash_table_lookup(tb_by_key, &key);
    pthread_mutex_unlock(&tb_lock);
    if (tb && jc) {
        jc->entry[idx] = tb;
    }
    return tb;
}

/* -- Insertion ------------------------------------------------------- */

static void tb_page_add_locked(uint64_t page, TranslationBlock *tb)
{
    GPtrArray *list = g_hash_table_lookup(tb_by_page, &page);

    if (!list) {
        uint64_t *key = g_new(uint64_t, 1);
        *key = page;
        list = g_ptr_array_new();
        g_hash_table_insert(tb_by_page, key, list);
    }
    g_ptr_array_add(list, tb);
}

static void tb_flush_locked(void);

TranslationBlock *tb_insert(TranslationBlock *tb)
{
    TranslationBlock *twin;

    pthread_mutex_lock(&tb_lock);
    tb_cache_init_locked();
    twin = g_hash_table_lookup(tb_by_key, tb);
    if (twin) {
        /* another thread translated the same block first: keep its TB */
        pthread_mutex_unlock(&tb_lock);
        tb_free(tb);
        return twin;
    }
    if (g_hash_table_size(tb_by_key) >= tb_limit) {
        tb_flush_locked();
    }
    g_hash_table_add(tb_by_key, tb);
    for (int i = 0; i < 2; i++) {
        if (tb->page[i] != TB_NO_PAGE) {
            tb_page_add_locked(tb->page[i], tb);
        }
    }
    pthread_mutex_unlock(&tb_lock);
    return tb;
}

/* -- Chaining -------------------------------------------------------- */

void tb_link(TranslationBlock *from, int slot, TranslationBlock *to)
{
    TbLink link = { from, slot };

    pthread_mutex_lock(&tb_lock);
    if (!from->invalid && !to->invalid && !from->jmp_dest[slot] &&
        !(from->cflags & TB_CF_NO_CHAIN)) {
        from->jmp_dest[slot] = to;
        g_array_append_val(to->incoming, link);
        from->backend->link(from, slot, to);
    }
    pthread_mutex_unlock(&tb_lock);
}

/* Undo every link into and out of @tb. */
static void tb_unlink_locked(TranslationBlock *tb)
{
    for (guint i = 0; i < tb->incoming->len; i++) {
        TbLink *l = &g_array_index(tb->incoming, TbLink, i);
        if (l->from->jmp_dest[l->slot] == tb) {
            l->from->jmp_dest[l->slot] = NULL;
            l->from->backend->link(l->from, l->slot, NULL);
        }
    }
    g_array_set_size(tb->incoming, 0);
    for (int slot = 0; slot < 2; slot++) {
        TranslationBlock *to = tb->jmp_dest[slot];
        if (!to) {
            continue;
        }
        for (guint i = 0; i < to->incoming->len; i++) {
            TbLink *l = &g_array_index(to->incoming, TbLink, i);
            if (l->from == tb && l->slot == slot) {
                g_array_remove_index_fast(to->incoming, i);
                break;
            }
        }
        tb->jmp_dest[slot] = NULL;
    }
}

/* -- Removal --------------------------------------------------------- */

static void tb_page_del_locked(uint64_t page, TranslationBlock *tb)
{
    GPtrArray *list = g_hash_table_lookup(tb_by_page, &page);

    if (list && g_ptr_array_remove_fast(list, tb) && !list->len) {
        g_hash_table_remove(tb_by_page, &page);
    }
}

static void tb_remove_locked(TranslationBlock *tb)
{
    tb_unlink_locked(tb);
    g_hash_table_remove(tb_by_key, tb);
    for (int i = 0; i < 2; i++) {
        if (tb->page[i] != TB_NO_PAGE) {
            tb_page_del_locked(tb->page[i], tb);
        }
    }
    tb_bury_locked(tb);
}

/* Collect the TBs of @page that overlap [start, end) into @out. */
static void tb_collect_page_locked(uint64_t page, uint64_t start, uint64_t end,
                                   GPtrArray *out)
{
    GPtrArray *list = g_hash_table_lookup(tb_by_page, &page);

    for (guint i = 0; list && i < list->len; i++) {
        TranslationBlock *tb = g_ptr_array_index(list, i);
        if (tb->pc < end && tb->pc + tb->size > start) {
            g_ptr_array_add(out, tb);
        }
    }
}

void tb_invalidate_range(uint64_t start, uint64_t len)
{
    uint64_t end = start + len < start ? UINT64_MAX : start + len;
    uint64_t first = start & TB_PAGE_MASK;
    uint64_t npages = ((end - 1) >> 12) - (start >> 12) + 1;
    g_autoptr(GPtrArray) doomed = g_ptr_array_new();

    if (!len) {
        return;
    }
    pthread_mutex_lock(&tb_lock);
    tb_cache_init_locked();
    if (npages > g_hash_table_size(tb_by_page)) {
        /* A large range (munmap of a big mapping): walk the pages we have. */
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, tb_by_page);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            uint64_t page = *(uint64_t *)key;
            if (page + TB_PAGE_SIZE > start && page < end) {
                tb_collect_page_locked(page, start, end, doomed);
            }
        }
    } else {
        for (uint64_t i = 0; i < npages; i++) {
            tb_collect_page_locked(first + i * TB_PAGE_SIZE, start, end, doomed);
        }
    }
    for (guint i = 0; i < doomed->len; i++) {
        TranslationBlock *tb = g_ptr_array_index(doomed, i);
        if (!tb->invalid) {             /* a TB on two pages is seen twice */
            tb_remove_locked(tb);
        }
    }
    if (doomed->len) {
        __atomic_add_fetch(&tb_generation, 1, __ATOMIC_SEQ_CST);
    }
    pthread_mutex_unlock(&tb_lock);
}

static void tb_flush_locked(void)
{
    GHashTableIter it;
    gpointer tb;

    g_hash_table_iter_init(&it, tb_by_key);
    while (g_hash_table_iter_next(&it, &tb, NULL)) {
        tb_bury_locked(tb);
    }
    g_hash_table_remove_all(tb_by_key);
    g_hash_table_remove_all(tb_by_page);
    flush_count++;
    __atomic_add_fetch(&tb_generation, 1, __ATOMIC_SEQ_CST);
}

void tb_flush(void)
{
    pthread_mutex_lock(&tb_lock);
    tb_cache_init_locked();
    tb_flush_locked();
    pthread_mutex_unlock(&tb_lock);
}

void tb_reclaim(void)
{
    g_autoptr(GPtrArray) dead = g_ptr_array_new();
    uint64_t safe = UINT64_MAX;
    guint kept = 0;

    pthread_mutex_lock(&tb_lock);
    if (!tb_graveyard || !tb_graveyard->len) {
        pthread_mutex_unlock(&tb_lock);
        return;
    }
    for (guint i = 0; i < tb_threads->len; i++) {
        TbJmpCache *jc = g_ptr_array_index(tb_threads, i);

        safe = MIN(safe, __atomic_load_n(&jc->safe, __ATOMIC_SEQ_CST));
    }
    for (guint i = 0; i < tb_graveyard->len; i++) {
        TbGrave g = g_array_index(tb_graveyard, TbGrave, i);

        if (g.generation < safe) {
            g_ptr_array_add(dead, g.tb);
        } else {
            g_array_index(tb_graveyard, TbGrave, kept++) = g;
        }
    }
    g_array_set_size(tb_graveyard, kept);
    pthread_mutex_unlock(&tb_lock);
    /* Flushed TBs kept their links to each other: nothing else can see
     * them now, so free them without unlinking. */
    for (guint i = 0; i < dead->len; i++) {
        tb_free(g_ptr_array_index(dead, i));
    }
}

/* -- Threads ---------------------------------------------------------- */

void tb_thread_online(TbJmpCache *jc)
{
    if (!jc->registered) {
        pthread_mutex_lock(&tb_lock);
        tb_cache_init_locked();
        __atomic_store_n(&jc->safe, UINT64_MAX, __ATOMIC_SEQ_CST);
        g_ptr_array_add(tb_threads, jc);
        jc->registered = true;
        pthread_mutex_unlock(&tb_lock);
    }
    /* First hold back every reclaim, then read the generation: a reclaim
     * that saw us offline ran before any TB we can now find was removed. */
    __atomic_store_n(&jc->safe, 0, __ATOMIC_SEQ_CST);
    jc->seen = __atomic_load_n(&tb_generation, __ATOMIC_SEQ_CST);
    __atomic_store_n(&jc->safe, jc->seen, __ATOMIC_SEQ_CST);
}

void tb_thread_quiescent(TbJmpCache *jc)
{
    uint64_t now = __atomic_load_n(&tb_generation, __ATOMIC_SEQ_CST);

    __atomic_store_n(&jc->safe, jc->seen, __ATOMIC_SEQ_CST);
    jc->seen = now;
}

void tb_thread_offline(TbJmpCache *jc)
{
    __atomic_store_n(&jc->safe, UINT64_MAX, __ATOMIC_SEQ_CST);
}

void tb_thread_unregister(TbJmpCache *jc)
{
    if (!jc->registered) {
        return;
    }
    pthread_mutex_lock(&tb_lock);
    g_ptr_array_remove_fast(tb_threads, jc);
    jc->registered = false;
    pthread_mutex_unlock(&tb_lock);
}

void tb_cache_fork_lock(void)
{
    pthread_mutex_lock(&tb_lock);
}

void tb_cache_fork_unlock(void)
{
    pthread_mutex_unlock(&tb_lock);
}

void tb_cache_fork_child(TbJmpCache *self)
{
    pthread_mutex_lock(&tb_lock);
    if (tb_threads) {
        /* The other threads are gone: keeping them would hold back every
         * reclaim in this process forever. */
        g_ptr_array_set_size(tb_threads, 0);
        if (self && self->registered) {
            g_ptr_array_add(tb_threads, self);
        }
    }
    pthread_mutex_unlock(&tb_lock);
}

unsigned tb_cache_count(void)
{
    unsigned n;

    pthread_mutex_lock(&tb_lock);
    n = tb_by_key ? g_hash_table_size(tb_by_key) : 0;
    pthread_mutex_unlock(&tb_lock);
    return n;
}

unsigned tb_cache_flushes(void)
{
    return flush_count;
}
