// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * translator.h: the generic translation loop and the hooks a target fills.
 *
 * translator_loop() builds the IR of one TB: for each guest instruction it
 * emits the insn_start marker (and the plugin instruction marker), asks the
 * target to translate it, and decides where the block ends: when the target
 * says so (a branch, an exception), at a page boundary, or at the size cap.
 * The target never deals with markers or block-size rules, and never
 * mentions plugins (DESIGN section 2 layering).
 *
 *     static const TranslatorOps a64_ops = { ... };
 *     translator_loop(&a64_ops, &dc.base, env, tb, ir);
 */
#ifndef UEMU_TCG_TRANSLATOR_H
#define UEMU_TCG_TRANSLATOR_H

#include <stdbool.h>
#include <stdint.h>
#include "ir.h"
#include "tb.h"

#define TRANSLATOR_MAX_INSNS 512

/* Why the target stopped the block (DisasContextBase.is_jmp). */
typedef enum DisasJumpType {
    DISAS_NEXT,             /* keep going */
    DISAS_TOO_MANY,         /* the loop stopped it: target must emit the exit */
    DISAS_NORETURN,         /* the target already emitted the block's exit */
    DISAS_TARGET_0,         /* target-specific reasons from here on */
    DISAS_TARGET_1,
    DISAS_TARGET_2,
    DISAS_TARGET_3,
} DisasJumpType;

typedef struct DisasContextBase {
    TranslationBlock *tb;
    IRContext *ir;
    uint64_t pc_first;      /* pc of the first instruction */
    uint64_t pc_next;       /* pc of the next instruction to translate */
    DisasJumpType is_jmp;
    unsigned num_insns;
    unsigned max_insns;
    IROp *insn_start;       /* marker of the instruction being translated */
} DisasContextBase;

typedef struct TranslatorOps {
    /* Once, before anything: set up the target's DisasContext. */
    void (*init_disas_context)(DisasContextBase *db, void *cpu);
    /* Before the first instruction (after the loop's own setup). */
    void (*tb_start)(DisasContextBase *db, void *cpu);
    /* Translate the instruction at db->pc_next and advance pc_next. */
    void (*translate_insn)(DisasContextBase *db, void *cpu);
    /* Emit the block's exit according to db->is_jmp. */
    void (*tb_stop)(DisasContextBase *db, void *cpu);
    /*
     * The first instruction's bytes cannot be fetched (not mapped or not
     * executable): emit code that raises the guest's fetch fault at
     * db->pc_first and set is_jmp = DISAS_NORETURN.
     */
    void (*fetch_fault)(DisasContextBase *db, void *cpu);
} TranslatorOps;

/*
 * The embedder's code check: may the guest execute @len bytes at @pc?
 * Without a hook every fetch inside the guest range is allowed.
 */
typedef bool TranslatorCodeCheck(uint64_t pc, uint64_t len);
void translator_set_code_check(TranslatorCodeCheck *fn);

/* translator_fetch_ok: the hook's verdict (and the guest range). */
bool translator_fetch_ok(uint64_t pc, uint64_t len);

/* translator_ldl: 32-bit little-endian code fetch (after translator_fetch_ok). */
uint32_t translator_ldl(uint64_t pc);

/*
 * translator_loop: translate the block @tb (its pc and cflags are set) into
 * @ir (reset first). Fills tb->size, tb->icount, tb->insn_pc and tb->page.
 */
void translator_loop(const TranslatorOps *ops, DisasContextBase *db,
                     void *cpu, TranslationBlock *tb, IRContext *ir);

#endif /* UEMU_TCG_TRANSLATOR_H */
