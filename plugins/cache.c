// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cache.c: simulate L1 instruction and data caches (and optionally a unified
 * L2) over the guest's fetches and memory accesses, and report misses.
 *
 *     arm-uemu -d plugin -plugin libcache.so[,dcachesize=N][,dblksize=N]
 *              [,dassoc=N][,icachesize=N][,iblksize=N][,iassoc=N][,l2=on]
 *              [,l2cachesize=N][,l2blksize=N][,l2assoc=N][,evict=lru|fifo|rand]
 *              [,cores=N][,limit=N] ./a.out
 *
 * Arguments and output are those of QEMU's contrib/plugins/cache.c.
 * Defaults: L1 caches of 16 KiB (64-byte blocks, 8 ways, 32 sets); L2 of
 * 2 MiB (64-byte blocks, 16 ways), used with l2=on or any l2* size; LRU
 * eviction; one simulated core in user mode (cores=N: vCPU i uses core
 * i % N); limit=32 rows per list. Every instruction is one fetch of its
 * address; every data access is one access of its address (guest virtual
 * addresses in user mode; an access crossing a block counts once).
 *
 *     core #, data accesses, data misses, dmiss rate, insn accesses, insn misses, imiss rate
 *     0       996695         4005          0.4018%  2929254        8404          0.2869%
 *
 *     address, data misses, instruction
 *     0x4015c4 (memcpy), 1284, ldr q0, [x1]
 *     ...
 *     address, fetch misses, instruction
 *     ...
 *
 * With L2 the table gains "l2 accesses, l2 misses, l2 miss rate" columns
 * (filled only on rows with L2 accesses and misses) and a third list. Rows
 * of equal counts are ordered by address (QEMU leaves them unordered).
 *
 * Written for the default API (version 7); the test suite also builds it
 * with -DQEMU_PLUGIN_API_VERSION=1 to run it under QEMU 7.2 and compare.
 */
#include <inttypes.h>
#include <stdio.h>
#include <glib.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

typedef enum {
    CACHE_LRU,
    CACHE_FIFO,
    CACHE_RAND,
} CachePolicy;

typedef struct {
    uint64_t tag;
    bool valid;
} CacheBlock;

/*
 * One set: @assoc blocks. LRU stamps a block with the set's generation
 * counter on every use and evicts the oldest stamp; FIFO evicts blocks in
 * the order they were filled.
 */
typedef struct {
    CacheBlock *blocks;
    uint64_t *stamps;               /* LRU */
    uint64_t generation;            /* LRU */
    GQueue *fill_order;             /* FIFO: block indexes, oldest at tail */
} CacheSet;

/*
 * An address splits into | tag | set | offset |; as in QEMU the set bits
 * are masked with num_sets - 1, so a size that is not a power of two
 * leaves some sets unused.
 */
typedef struct {
    CacheSet *sets;
    int num_sets;
    int assoc;
    int block_shift;
    uint64_t set_mask;              /* in place */
    uint64_t tag_mask;
    uint64_t accesses;
    uint64_t misses;
    GMutex lock;
} Cache;

/* Per guest instruction (keyed by address): its text and its misses. */
typedef struct {
    uint64_t addr;
    char *disas;
    const char *symbol;
    uint64_t l1_dmisses;
    uint64_t l1_imisses;
    uint64_t l2_misses;
} InsnMisses;

static CachePolicy policy = CACHE_LRU;
static GRand *rng;
static int cores;
static int limit = 32;
static bool use_l2;
static bool system_emulation;
static Cache **l1_dcaches, **l1_icaches, **l2_caches;
static GHashTable *insns;           /* addr -> InsnMisses *, under insns_lock */
static GMutex insns_lock;

/* -- The cache model ---------------------------------------------------- */

static const char *cache_config_error(int blksize, int assoc, int size)
{
    if (blksize <= 0 || assoc <= 0 || size <= 0) {
        return "cache size, block size and associativity must be positive";
    } else if (blksize & (blksize - 1)) {
        return "block size must be a power of two";
    } else if (size % blksize) {
        return "cache size must be divisible by block size";
    } else if (size % (blksize * assoc)) {
        return "cache size must be divisible by set size (assoc * block size)";
    }
    return NULL;
}

static Cache *cache_new(int blksize, int assoc, int size)
{
    Cache *c = g_new0(Cache, 1);

    c->assoc = assoc;
    c->num_sets = size / (blksize * assoc);
    c->block_shift = __builtin_ctz(blksize);
    c->set_mask = (uint64_t)(c->num_sets - 1) << c->block_shift;
    c->tag_mask = ~(c->set_mask | (uint64_t)(blksize - 1));
    c->sets = g_new0(CacheSet, c->num_sets);
    for (int i = 0; i < c->num_sets; i++) {
        c->sets[i].blocks = g_new0(CacheBlock, assoc);
        if (policy == CACHE_LRU) {
            c->sets[i].stamps = g_new0(uint64_t, assoc);
        } else if (policy == CACHE_FIFO) {
            c->sets[i].fill_order = g_queue_new();
        }
    }
    g_mutex_init(&c->lock);
    return c;
}

/* One cache per simulated core, or NULL with the reason in *@why. */
static Cache **caches_new(int blksize, int assoc, int size, const char **why)
{
    Cache **all;

    *why = cache_config_error(blksize, assoc, size);
    if (*why) {
        return NULL;
    }
    all = g_new(Cache *, cores);
    for (int i = 0; i < cores; i++) {
        all[i] = cache_new(blksize, assoc, size);
    }
    return all;
}

static int cache_victim(Cache *c, CacheSet *set)
{
    int victim = 0;

    for (int i = 0; i < c->assoc; i++) {
        if (!set->blocks[i].valid) {
            return i;
        }
    }
    switch (policy) {
    case CACHE_LRU:
        for (int i = 1; i < c->assoc; i++) {
            if (set->stamps[i] < set->stamps[victim]) {
                victim = i;
            }
        }
        break;
    case CACHE_FIFO:
        victim = GPOINTER_TO_INT(g_queue_pop_tail(set->fill_order));
        break;
    case CACHE_RAND:
        victim = g_rand_int_range(rng, 0, c->assoc);
        break;
    }
    return victim;
}

/* Simulate one access; true on a hit. Counts it. Caller holds c->lock. */
static bool cache_access_locked(Cache *c, uint64_t addr)
{
    CacheSet *set = &c->sets[(addr & c->set_mask) >> c->block_shift];
    uint64_t tag = addr & c->tag_mask;
    int way;

    c->accesses++;
    for (way = 0; way < c->assoc; way++) {
        if (set->blocks[way].valid && set->blocks[way].tag == tag) {
            if (policy == CACHE_LRU) {
                set->stamps[way] = set->generation++;
            }
            return true;
        }
    }
    c->misses++;
    way = cache_victim(c, set);
    set->blocks[way].tag = tag;
    set->blocks[way].valid = true;
    if (policy == CACHE_LRU) {
        set->stamps[way] = set->generation++;
    } else if (policy == CACHE_FIFO) {
        g_queue_push_head(set->fill_order, GINT_TO_POINTER(way));
    }
    return false;
}

/* Access @addr in @l1 of the vCPU's core, then L2 on a miss. */
static void cache_lookup(Cache **l1, unsigned int vcpu_index, uint64_t addr,
                         uint64_t *l1_misses, InsnMisses *im)
{
    int core = vcpu_index % cores;
    bool hit;

    g_mutex_lock(&l1[core]->lock);
    hit = cache_access_locked(l1[core], addr);
    g_mutex_unlock(&l1[core]->lock);
    if (hit) {
        return;
    }
    __atomic_fetch_add(l1_misses, 1, __ATOMIC_RELAXED);
    if (!use_l2) {
        return;
    }
    g_mutex_lock(&l2_caches[core]->lock);
    hit = cache_access_locked(l2_caches[core], addr);
    g_mutex_unlock(&l2_caches[core]->lock);
    if (!hit) {
        __atomic_fetch_add(&im->l2_misses, 1, __ATOMIC_RELAXED);
    }
}

/* -- Instrumentation ---------------------------------------------------- */

static void cache_data_access(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                              uint64_t vaddr, void *userdata)
{
    InsnMisses *im = userdata;
    struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);

    if (hw && qemu_plugin_hwaddr_is_io(hw)) {
        return;
    }
    cache_lookup(l1_dcaches, vcpu_index,
                 hw ? qemu_plugin_hwaddr_phys_addr(hw) : vaddr,
                 &im->l1_dmisses, im);
}

static void cache_fetch(unsigned int vcpu_index, void *userdata)
{
    InsnMisses *im = userdata;

    cache_lookup(l1_icaches, vcpu_index, im->addr, &im->l1_imisses, im);
}

/* The record of the instruction at @addr; shared by its translations. */
static InsnMisses *cache_insn_record(struct qemu_plugin_insn *insn,
                                     uint64_t addr)
{
    InsnMisses *im;

    g_mutex_lock(&insns_lock);
    im = g_hash_table_lookup(insns, &addr);
    if (!im) {
        im = g_new0(InsnMisses, 1);
        im->addr = addr;
        im->disas = qemu_plugin_insn_disas(insn);
        im->symbol = qemu_plugin_insn_symbol(insn);
        g_hash_table_insert(insns, &im->addr, im);
    }
    g_mutex_unlock(&insns_lock);
    return im;
}

#if QEMU_PLUGIN_VERSION >= 7
static void cache_tb_trans(struct qemu_plugin_tb *tb, void *userdata)
#else
static void cache_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
#endif
{
    size_t n = qemu_plugin_tb_n_insns(tb);

    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t addr = system_emulation
                        ? (uint64_t)(uintptr_t)qemu_plugin_insn_haddr(insn)
                        : qemu_plugin_insn_vaddr(insn);
        InsnMisses *im = cache_insn_record(insn, addr);

        qemu_plugin_register_vcpu_mem_cb(insn, cache_data_access,
                                         QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, im);
        qemu_plugin_register_vcpu_insn_exec_cb(insn, cache_fetch,
                                               QEMU_PLUGIN_CB_NO_REGS, im);
    }
}

/* -- Report ------------------------------------------------------------- */

static double cache_rate(uint64_t misses, uint64_t accesses)
{
    return accesses ? (double)misses / accesses * 100.0 : 0.0;
}

static void cache_stats_row(GString *out, uint64_t da, uint64_t dm, uint64_t ia,
                            uint64_t im, uint64_t l2a, uint64_t l2m)
{
    g_string_append_printf(out, "%-14" PRIu64 " %-12" PRIu64 " %9.4lf%%  %-14"
                           PRIu64 " %-12" PRIu64 " %9.4lf%%", da, dm,
                           cache_rate(dm, da), ia, im, cache_rate(im, ia));
    if (l2a && l2m) {
        g_string_append_printf(out, "  %-12" PRIu64 " %-11" PRIu64 " %10.4lf%%",
                               l2a, l2m, cache_rate(l2m, l2a));
    }
    g_string_append_c(out, '\n');
}

static void cache_report_stats(void)
{
    g_autoptr(GString) out = g_string_new("core #, data accesses, data misses,"
                                          " dmiss rate, insn accesses,"
                                          " insn misses, imiss rate");
    uint64_t sum[6] = { 0 };

    if (use_l2) {
        g_string_append(out, ", l2 accesses, l2 misses, l2 miss rate");
    }
    g_string_append_c(out, '\n');
    for (int i = 0; i < cores; i++) {
        uint64_t row[6] = {
            l1_dcaches[i]->accesses, l1_dcaches[i]->misses,
            l1_icaches[i]->accesses, l1_icaches[i]->misses,
            use_l2 ? l2_caches[i]->accesses : 0,
            use_l2 ? l2_caches[i]->misses : 0,
        };

        g_string_append_printf(out, "%-8d", i);
        cache_stats_row(out, row[0], row[1], row[2], row[3], row[4], row[5]);
        for (int k = 0; k < 6; k++) {
            sum[k] += row[k];
        }
    }
    if (cores > 1) {
        g_string_append_printf(out, "%-8s", "sum");
        cache_stats_row(out, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
    }
    g_string_append_c(out, '\n');
    qemu_plugin_outs(out->str);
}

/* Sort keys for the three lists: a field of InsnMisses, by offset. */
static size_t sort_field;

static gint cache_by_misses(gconstpointer p, gconstpointer q)
{
    const InsnMisses *a = p, *b = q;
    uint64_t ma = *(const uint64_t *)((const char *)a + sort_field);
    uint64_t mb = *(const uint64_t *)((const char *)b + sort_field);

    if (ma != mb) {
        return ma > mb ? -1 : 1;
    }
    return a->addr < b->addr ? -1 : a->addr > b->addr;
}

static GList *cache_list_top(GString *out, GList *all, const char *title,
                             size_t field)
{
    int rows = 0;

    sort_field = field;
    all = g_list_sort(all, cache_by_misses);
    g_string_append(out, title);
    for (GList *l = all; l && rows < limit; l = l->next, rows++) {
        const InsnMisses *im = l->data;

        g_string_append_printf(out, "0x%" PRIx64, im->addr);
        if (im->symbol) {
            g_string_append_printf(out, " (%s)", im->symbol);
        }
        g_string_append_printf(out, ", %" PRId64 ", %s\n",
                               *(const uint64_t *)((const char *)im + field),
                               im->disas);
    }
    return all;
}

static void cache_report_insns(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    GList *all = g_hash_table_get_values(insns);

    all = cache_list_top(out, all, "address, data misses, instruction\n",
                         G_STRUCT_OFFSET(InsnMisses, l1_dmisses));
    all = cache_list_top(out, all, "\naddress, fetch misses, instruction\n",
                         G_STRUCT_OFFSET(InsnMisses, l1_imisses));
    if (use_l2) {
        all = cache_list_top(out, all, "\naddress, L2 misses, instruction\n",
                             G_STRUCT_OFFSET(InsnMisses, l2_misses));
    }
    g_list_free(all);
    qemu_plugin_outs(out->str);
}

#if QEMU_PLUGIN_VERSION >= 7
static void cache_exit(void *userdata)
#else
static void cache_exit(qemu_plugin_id_t id, void *userdata)
#endif
{
    cache_report_stats();
    cache_report_insns();
}

/* -- Installation ------------------------------------------------------- */

/* "dcache", "icache" or "L2 cache" could not be built: say why, fail. */
static bool cache_build(Cache ***caches, const char *what, int blksize,
                        int assoc, int size)
{
    const char *why;

    *caches = caches_new(blksize, assoc, size, &why);
    if (!*caches) {
        fprintf(stderr, "%s cannot be constructed from given parameters\n", what);
        fprintf(stderr, "%s\n", why);
        return false;
    }
    return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    int dassoc = 8, dblksize = 64, dsize = 64 * 8 * 32;
    int iassoc = 8, iblksize = 64, isize = 64 * 8 * 32;
    int l2assoc = 16, l2blksize = 64, l2size = 64 * 16 * 2048;
    const struct {
        const char *name;
        int *value;
        bool implies_l2;
    } numbers[] = {
        { "dassoc",  &dassoc,  false }, { "dblksize",  &dblksize,  false },
        { "dcachesize",  &dsize,  false },
        { "iassoc",  &iassoc,  false }, { "iblksize",  &iblksize,  false },
        { "icachesize",  &isize,  false },
        { "l2assoc", &l2assoc, true },  { "l2blksize", &l2blksize, true },
        { "l2cachesize", &l2size, true },
        { "limit",   &limit,   false }, { "cores",     &cores,     false },
    };

    system_emulation = info->system_emulation;
    cores = system_emulation ? info->system.smp_vcpus : 1;

    for (int i = 0; i < argc; i++) {
        g_auto(GStrv) kv = g_strsplit(argv[i], "=", 2);
        bool known = false;

        for (size_t k = 0; k < G_N_ELEMENTS(numbers) && !known; k++) {
            if (!g_strcmp0(kv[0], numbers[k].name)) {
                *numbers[k].value = kv[1] ? g_ascii_strtoll(kv[1], NULL, 10) : 0;
                use_l2 |= numbers[k].implies_l2;
                known = true;
            }
        }
        if (known) {
            continue;
        } else if (!g_strcmp0(kv[0], "l2")) {
            if (!qemu_plugin_bool_parse(kv[0], kv[1], &use_l2)) {
                fprintf(stderr, "boolean argument parsing failed: %s\n", argv[i]);
                return -1;
            }
        } else if (!g_strcmp0(kv[0], "evict")) {
            if (!g_strcmp0(kv[1], "rand")) {
                policy = CACHE_RAND;
            } else if (!g_strcmp0(kv[1], "lru")) {
                policy = CACHE_LRU;
            } else if (!g_strcmp0(kv[1], "fifo")) {
                policy = CACHE_FIFO;
            } else {
                fprintf(stderr, "invalid eviction policy: %s\n", argv[i]);
                return -1;
            }
        } else {
            fprintf(stderr, "option parsing failed: %s\n", argv[i]);
            return -1;
        }
    }
    if (cores < 1) {
        fprintf(stderr, "cores must be at least 1: %d\n", cores);
        return -1;
    }

    if (policy == CACHE_RAND) {
        rng = g_rand_new();
    }
    if (!cache_build(&l1_dcaches, "dcache", dblksize, dassoc, dsize) ||
        !cache_build(&l1_icaches, "icache", iblksize, iassoc, isize) ||
        (use_l2 && !cache_build(&l2_caches, "L2 cache", l2blksize, l2assoc,
                                l2size))) {
        return -1;
    }

    insns = g_hash_table_new(g_int64_hash, g_int64_equal);
#if QEMU_PLUGIN_VERSION >= 7
    qemu_plugin_register_vcpu_tb_trans_cb(id, cache_tb_trans, NULL);
#else
    qemu_plugin_register_vcpu_tb_trans_cb(id, cache_tb_trans);
#endif
    qemu_plugin_register_atexit_cb(id, cache_exit, NULL);
    return 0;
}
