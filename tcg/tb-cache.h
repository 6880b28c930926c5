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
 * Removed TBs are not freed at once: the TB running right now may be the
 * one an IC IVAU removed. They wait on a list until tb_reclaim(), which the
 * cpu loop calls between blocks (single vCPU for now; with threads the list
 * is freed once every vCPU has passed a block boundary).
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
} TbJmpCache;

/* tb_cache_set_limit: flush everything once more than @max_tbs exist. */
void tb_cache_set_limit(unsigned max_tbs);

/* tb_lookup: the valid TB for the key, through @jc (may be NULL), or NULL. */
TranslationBlock *tb_lookup(TbJmpCache *jc, uint64_t pc, uint32_t flags,
                            uint32_t cflags);

/*
 * tb_insert: add a freshly compiled TB. If the cache is over its limit it is
 * flushed first (the new TB survives). Returns @tb.
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

/* tb_reclaim: free removed TBs (call only where no TB is running). */
void tb_reclaim(void);

/* tb_cache_count: TBs in the cache; tb_cache_flushes: flushes so far. */
unsigned tb_cache_count(void);
unsigned tb_cache_flushes(void);

#endif /* UEMU_TCG_TB_CACHE_H */
