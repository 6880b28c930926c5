// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tb-cache.h: the translation cache: lookup, insertion, chaining,
 * invalidation by guest page, flush.
 *
 * Lookups go first through a small direct-mapped jump cache owned by each
 * vCPU, then the global hash table (key: pc, flags, cflags). Every change
 * that removes TBs bumps a global generation; a jump cache that sees a new
 * generation empties itself, so no vCPU can find a removed TB.
 *
 * Removed TBs are not freed at once: the TB running right now (on this or
 * another thread) may be the one an IC IVAU removed. They wait on a list,
 * tagged with the generation they died in, until tb_reclaim() finds that
 * no registered thread can still hold them. Each thread running TBs
 * registers its jump cache and reports its quiescent points:
 *
 *     tb_thread_online(jc);          // before its first lookup
 *     for (;;) {
 *         tb_thread_quiescent(jc);   // a block boundary
 *         tb_reclaim();
 *         ... tb_lookup, tb_link(last, ...), exec ...
 *     }
 *     tb_thread_offline(jc);         // holds no TB (a syscall, a wait)
 *     tb_thread_unregister(jc);      // the thread ends
 *
 * A thread's "safe" generation is the one it saw at its previous boundary
 * (the loop keeps the TB it just left, to link it, across one boundary):
 * every TB it can still reference was found after that, so any TB removed
 * before it is unreachable. A TB dead in generation g is freed once every
 * online thread's safe generation is above g; an offline thread never
 * holds one. With no thread registered (unit tests) tb_reclaim() frees all.
 *
 * All functions take the cache lock themselves unless named *_locked.
 */
#ifndef UEMU_TCG_TB_CACHE_H
#define UEMU_TCG_TB_CACHE_H

#include "tb.h"

#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1u << TB_JMP_CACHE_BITS)

typedef struct TbJmpCache {
    uint64_t generation;
    TranslationBlock *entry[TB_JMP_CACHE_SIZE];
    /* reclaim bookkeeping (see above); only tb-cache.c touches these */
    uint64_t seen;                  /* generation at the last boundary */
    uint64_t safe;                  /* atomic: see above; UINT64_MAX offline */
    bool registered;
} TbJmpCache;

/* tb_cache_set_limit: flush everything once more than @max_tbs exist. */
void tb_cache_set_limit(unsigned max_tbs);

/* tb_lookup: the valid TB for the key, through @jc (may be NULL), or NULL. */
TranslationBlock *tb_lookup(TbJmpCache *jc, uint64_t pc, uint32_t flags,
                            uint32_t cflags);

/*
 * tb_insert: add a freshly compiled TB. If the cache is over its limit it is
 * flushed first (the new TB survives). Returns @tb, or, when another thread
 * inserted the same key meanwhile, that TB (and @tb is freed).
 */
TranslationBlock *tb_insert(TranslationBlock *tb);

/* tb_new: an empty TB for the key (the translator fills it). */
TranslationBlock *tb_new(uint64_t pc, uint32_t flags, uint32_t cflags);

/* tb_free: free an uninserted TB (translation failed). */
void tb_free(TranslationBlock *tb);

/* tb_link: chain exit @slot of @from to @to, unless either is invalid or
 * @from forbids chaining. */
void tb_link(TranslationBlock *from, int slot, TranslationBlock *to);

/* tb_invalidate_range: remove every TB with code in [start, start+len). */
void tb_invalidate_range(uint64_t start, uint64_t len);

/* tb_flush: remove every TB. */
void tb_flush(void);

/* tb_reclaim: free the removed TBs no registered thread can still hold. */
void tb_reclaim(void);

/* Threads running TBs (see the top of this file). */
void tb_thread_online(TbJmpCache *jc);
void tb_thread_quiescent(TbJmpCache *jc);
void tb_thread_offline(TbJmpCache *jc);
void tb_thread_unregister(TbJmpCache *jc);

/* tb_cache_fork_lock/unlock: hold the cache lock across a host fork, so the
 * child (a copy of the forking thread only) does not inherit it taken. */
void tb_cache_fork_lock(void);
void tb_cache_fork_unlock(void);
/* tb_cache_fork_child: in the child of a fork, forget every thread but @self
 * (NULL when the forking thread has no jump cache registered). */
void tb_cache_fork_child(TbJmpCache *self);

/* tb_cache_count: TBs in the cache; tb_cache_flushes: flushes so far. */
unsigned tb_cache_count(void);
unsigned tb_cache_flushes(void);

#endif /* UEMU_TCG_TB_CACHE_H */
