// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tb.h: TranslationBlock, the unit the translation cache keeps and runs.
 *
 * A TB is one guest basic block: the guest pc and flags it was translated
 * for (the cache key), the guest range it covers (at most two pages, for
 * invalidation), the guest pc of each instruction (so a fault at any point
 * maps back to a precise guest pc), the backend's compiled form, and its
 * chaining state: where its two direct exits jump once linked, and which
 * TBs jump into it (so invalidating it unlinks them).
 */
#ifndef UEMU_TCG_TB_H
#define UEMU_TCG_TB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include "ir.h"

#define TB_PAGE_SIZE        4096u
#define TB_PAGE_MASK        (~(uint64_t)(TB_PAGE_SIZE - 1))
#define TB_NO_PAGE          UINT64_MAX

/* Compile flags: part of the key, so differently compiled copies coexist. */
enum {
    TB_CF_SINGLE_INSN = 1u << 0,    /* one instruction per TB (-one-insn-per-tb) */
    TB_CF_NO_CHAIN    = 1u << 1,    /* never link this TB's exits (-d nochain) */
};

typedef struct TcgBackend TcgBackend;
typedef struct TranslationBlock TranslationBlock;

/* An incoming link: @from's exit @slot jumps to the TB that holds this. */
typedef struct TbLink {
    TranslationBlock *from;
    int slot;
} TbLink;

struct TranslationBlock {
    uint64_t pc;                    /* guest pc of the first instruction */
    uint32_t flags;                 /* target state that shaped translation */
    uint32_t cflags;                /* TB_CF_* */
    uint32_t size;                  /* guest bytes covered */
    uint32_t icount;                /* guest instructions */
    uint64_t page[2];               /* guest pages covered; TB_NO_PAGE if one */
    uint64_t *insn_pc;              /* icount entries: guest pc of each insn */

    const TcgBackend *backend;
    void *code;                     /* the backend's compiled form */

    TranslationBlock *jmp_dest[2];  /* linked targets of goto_tb 0/1 */
    GArray *incoming;               /* TbLink: exits that jump here */
    bool invalid;                   /* removed from the cache, awaiting reclaim */
};

/*
 * TcgBackend: how a backend compiles and runs TBs. Backends register with
 * tcg_backend_register(); the embedder picks one by name (-accel).
 */
struct TcgBackend {
    const char *name;
    const char *help;
    /* compile: turn the optimized IR of @ctx into tb->code. */
    void (*compile)(IRContext *ctx, TranslationBlock *tb);
    /* exec: run @tb (and whatever it is linked to); returns a tb-exit.h value
     * whose cookie, for GOTO_TB exits, is the TranslationBlock pointer. */
    uintptr_t (*exec)(void *env, TranslationBlock *tb);
    /* link: make exit @slot of @from jump to @to (NULL: back to the loop). */
    void (*link)(TranslationBlock *from, int slot, TranslationBlock *to);
    void (*free_code)(TranslationBlock *tb);
};

void tcg_backend_register(const TcgBackend *b);
/* tcg_backend_find: by name; a NULL name gives the default (the first). */
const TcgBackend *tcg_backend_find(const char *name);
/* tcg_backend_print_list: the -accel help text. */
void tcg_backend_print_list(FILE *out);

/* The interpreter backend (interp-backend.c). */
extern const TcgBackend tcg_interp_backend;

/*
 * tcg_interp_set_tb_lookup: how the interpreter's lookup_and_goto finds the
 * valid TB for the pc in @env (NULL: return to the cpu loop).
 */
void tcg_interp_set_tb_lookup(TranslationBlock *(*fn)(void *env));

#endif /* UEMU_TCG_TB_H */
