// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * translator.c: the generic translation loop (see translator.h).
 *
 * Block-end rules live here, once for every target:
 *   - a TB never crosses a guest page, so invalidating a page finds every
 *     TB with code on it, and a fetch fault on the next page happens when
 *     that page's first instruction runs, at its own pc;
 *   - a TB holds at most TRANSLATOR_MAX_INSNS instructions, or one with
 *     TB_CF_SINGLE_INSN;
 *   - an instruction whose bytes cannot be fetched ends the TB before it,
 *     or, as the first instruction, becomes the fault itself.
 */
#include "translator.h"
#include "ir-gen.h"
#include "runtime.h"

#include <string.h>

static TranslatorCodeCheck *code_check;

void translator_set_code_check(TranslatorCodeCheck *fn)
{
    code_check = fn;
}

bool translator_fetch_ok(uint64_t pc, uint64_t len)
{
    if (!tcg_guest_range_ok(pc, len)) {
        return false;
    }
    return !code_check || code_check(pc, len);
}

uint32_t translator_ldl(uint64_t pc)
{
    uint32_t v;

    memcpy(&v, tcg_g2h(pc), sizeof(v));
    return GUINT32_FROM_LE(v);
}

static void translator_record_insns(DisasContextBase *db, GArray *pcs)
{
    TranslationBlock *tb = db->tb;

    tb->icount = db->num_insns;
    tb->size = (uint32_t)(db->pc_next - db->pc_first);
    tb->insn_pc = (uint64_t *)g_array_free(pcs, FALSE);
    tb->page[0] = db->pc_first & TB_PAGE_MASK;
    tb->page[1] = TB_NO_PAGE;
    if (tb->size && ((db->pc_next - 1) & TB_PAGE_MASK) != tb->page[0]) {
        tb->page[1] = (db->pc_next - 1) & TB_PAGE_MASK;
    }
}

void translator_loop(const TranslatorOps *ops, DisasContextBase *db,
                     void *cpu, TranslationBlock *tb, IRContext *ir)
{
    GArray *pcs = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    uint64_t page = tb->pc & TB_PAGE_MASK;

    ir_ctx_reset(ir);
    db->tb = tb;
    db->ir = ir;
    db->pc_first = db->pc_next = tb->pc;
    db->is_jmp = DISAS_NEXT;
    db->num_insns = 0;
    db->max_insns = (tb->cflags & TB_CF_SINGLE_INSN) ? 1 : TRANSLATOR_MAX_INSNS;
    ops->init_disas_context(db, cpu);
    ops->tb_start(db, cpu);

    while (db->is_jmp == DISAS_NEXT) {
        uint64_t pc = db->pc_next;

        if (!translator_fetch_ok(pc, 4)) {
            if (db->num_insns == 0) {
                db->insn_start = ir_gen_insn_start(ir, pc);
                g_array_append_val(pcs, pc);
                db->num_insns++;
                ops->fetch_fault(db, cpu);
                db->pc_next = pc + 4;
                break;
            }
            db->is_jmp = DISAS_TOO_MANY;
            break;
        }
        db->insn_start = ir_gen_insn_start(ir, pc);
        ir_gen_plugin_insn_marker(ir, db->num_insns);
        g_array_append_val(pcs, pc);
        db->num_insns++;
        ops->translate_insn(db, cpu);

        if (db->is_jmp == DISAS_NEXT &&
            (db->num_insns >= db->max_insns ||
             (db->pc_next & TB_PAGE_MASK) != page)) {
            db->is_jmp = DISAS_TOO_MANY;
        }
    }
    ops->tb_stop(db, cpu);
    translator_record_insns(db, pcs);
}
