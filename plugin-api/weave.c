// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * weave.c: instrumentation woven into translated blocks.
 *
 * The translator leaves markers in the IR: plugin_insn_marker at the start
 * of each guest instruction, plugin_mem_marker after each guest memory
 * access (tcg/translator.c, tcg/ir-gen.c). After a block is translated,
 * plugin_gen_tb() hands it to the tb_trans callbacks, which register
 * dynamic items on the block and its instructions; weave_tb() then inserts
 * those items at the markers and deletes every marker, so a block nobody
 * instruments runs exactly the code it would run without plugins. This is
 * QEMU's design (plugin-gen.c), whose header comment explains why a second
 * decoding pass was rejected.
 *
 * What an item becomes:
 *   exec callback     call plugin_exec_tramp(fn, udata, pc, plugin, regs)
 *   conditional cb    ld_host of the vCPU's entry; brcond around the call
 *   inline op         ld_host/add/st_host on the vCPU's entry: no call
 *   memory callback   call plugin_mem_tramp(fn, udata, vaddr, value,
 *                     meminfo | regs << 32, plugin) after the access
 *
 * All arguments are constants of the block, so nothing is allocated per
 * block and nothing outlives it: uninstall and reset drop instrumentation by
 * flushing translations. The call's helper flags follow the callback's
 * register rights (QEMU_PLUGIN_CB_NO_REGS: neither reads nor writes
 * globals), so a backend caching guest registers need not write them back
 * for a callback that promised not to look.
 *
 * A vCPU's scoreboard entry is entry_base + vcpu_index * element_size +
 * offset. vcpu_index is loaded once per block (env->opaque is the
 * CpuThread), and each entry's address computed once, at the block's first
 * instruction; scoreboard bases are constants because growing a scoreboard
 * flushes every translation (scoreboard.c).
 */
#include "plugin.h"
#include "linux-user/cpu-loop.h"
#include "tcg/helper.h"
#include "tcg/interp.h"
#include "tcg/ir-gen.h"
#include "tcg/runtime.h"
#include "tcg/translator.h"

#include <stddef.h>

/* -- Trampolines: translated code -> plugin --------------------------------- */

typedef void (*ExecCb)(unsigned vcpu, void *udata);
typedef void (*MemCb)(unsigned vcpu, uint32_t info, uint64_t vaddr, void *udata);

static void plugin_exec_tramp(uint64_t fn, uint64_t udata, uint64_t pc,
                              uint64_t plugin, uint64_t regs)
{
    PluginCbCtx saved = plugin_ctx;

    plugin_ctx = (PluginCbCtx){
        .plugin = (Plugin *)(uintptr_t)plugin, .regs = (unsigned)regs,
        .vcpu = true, .dynamic = true, .has_pc = true, .pc = pc,
    };
    ((ExecCb)(uintptr_t)fn)((unsigned)plugin_cur_vcpu, (void *)(uintptr_t)udata);
    plugin_ctx = saved;
}

static void plugin_mem_tramp(uint64_t fn, uint64_t udata, uint64_t vaddr,
                             uint64_t value, uint64_t info, uint64_t plugin)
{
    PluginCbCtx saved = plugin_ctx;
    unsigned bytes = 1u << (info & PLUGIN_MEMINFO_SHIFT);
    uint64_t pc;

    plugin_ctx = (PluginCbCtx){
        .plugin = (Plugin *)(uintptr_t)plugin, .regs = (unsigned)(info >> 32),
        .vcpu = true, .dynamic = true, .mem_info = (uint32_t)info,
        /* the value as it was in memory: no sign extension */
        .mem_value = bytes >= 8 ? value : value & ((1ull << 8 * bytes) - 1),
    };
    /* The backend knows which instruction runs (precise faults need it). */
    if (ir_interp_current_insn(&pc, NULL)) {
        plugin_ctx.has_pc = true;
        plugin_ctx.pc = pc;
    }
    ((MemCb)(uintptr_t)fn)((unsigned)plugin_cur_vcpu, (uint32_t)info, vaddr,
                           (void *)(uintptr_t)udata);
    plugin_ctx = saved;
}

/* Call flags by register rights: NO_REGS touches no global, R only reads. */
#define TRAMP(fn_, flags_, n_, ...)                                           \
    { .name = #fn_, .fn = (void *)fn_, .flags = (flags_), .ret = IR_HT_VOID, \
      .nargs = (n_), .args = { __VA_ARGS__ } }
#define EXEC_TRAMP(flags_) \
    TRAMP(plugin_exec_tramp, flags_, 5, IR_HT_PTR, IR_HT_PTR, IR_HT_I64, \
          IR_HT_PTR, IR_HT_I64)
#define MEM_TRAMP(flags_) \
    TRAMP(plugin_mem_tramp, flags_, 6, IR_HT_PTR, IR_HT_PTR, IR_HT_I64, \
          IR_HT_I64, IR_HT_I64, IR_HT_PTR)

static const HelperInfo exec_tramp_info[] = {
    [PLUGIN_REGS_NONE]  = EXEC_TRAMP(IR_CALL_NO_RWG),
    [PLUGIN_REGS_R]     = EXEC_TRAMP(IR_CALL_NO_WRITE_GLOBALS),
    [PLUGIN_REGS_RW]    = EXEC_TRAMP(0),
    [PLUGIN_REGS_RW_PC] = EXEC_TRAMP(0),
};

static const HelperInfo mem_tramp_info[] = {
    [PLUGIN_REGS_NONE]  = MEM_TRAMP(IR_CALL_NO_RWG),
    [PLUGIN_REGS_R]     = MEM_TRAMP(IR_CALL_NO_WRITE_GLOBALS),
    [PLUGIN_REGS_RW]    = MEM_TRAMP(0),
    [PLUGIN_REGS_RW_PC] = MEM_TRAMP(0),
};

/* -- Registration records ------------------------------------------------------ */

void plugin_dyn_add(GArray *list, const PluginDynCb *cb)
{
    PluginDynCb c = *cb;

    if (c.kind == PLUGIN_DYN_CB && (!c.fn || c.cond == PLUGIN_COND_NEVER)) {
        return;
    }
    if (c.kind == PLUGIN_DYN_CB && c.cond > PLUGIN_COND_GE) {
        return;
    }
    if (c.kind == PLUGIN_DYN_INLINE && c.op > PLUGIN_OP_STORE_U64) {
        return;
    }
    if (c.regs > PLUGIN_REGS_RW_PC) {
        c.regs = PLUGIN_REGS_RW;
    }
    g_array_append_val(list, c);
}

/* -- Weaving ------------------------------------------------------------------------ */

/* Entry addresses computed for this block: (scoreboard, offset) -> temp. */
#define WEAVE_ADDR_CACHE 16

typedef struct Weaver {
    IRContext *ir;
    IROp *anchor;                 /* the first instruction's marker */
    IRTemp *vcpu;                 /* the vCPU index, once loaded */
    unsigned nb_addrs;
    struct {
        const struct qemu_plugin_scoreboard *score;
        size_t offset;
        IRTemp *addr;
    } addrs[WEAVE_ADDR_CACHE];
} Weaver;

static IRTemp *cst(Weaver *w, uint64_t v)
{
    return ir_const(w->ir, IR_I64, v);
}

/* The vCPU index, loaded at the block's first instruction (before any use). */
static IRTemp *weave_vcpu_index(Weaver *w)
{
    IRContext *ir = w->ir;
    IROp *cursor = ir->insert_before;
    IRTemp *thread;

    if (w->vcpu) {
        return w->vcpu;
    }
    ir_set_insert_point(ir, w->anchor);
    thread = ir_temp_new(ir, IR_I64);
    w->vcpu = ir_temp_new(ir, IR_I64);
    ir_gen_ld_env(ir, IR_I64, thread, offsetof(CPUARMState, opaque), IR_MO_UQ);
    ir_gen_ld_host(ir, IR_I64, w->vcpu, thread, offsetof(CpuThread, vcpu_index),
                   IR_MO_UL);
    ir_set_insert_point(ir, cursor);
    return w->vcpu;
}

/*
 * The host address of the u64 @e designates for the executing vCPU. Each
 * distinct entry is computed once, at the block's first instruction, so
 * every later use (in op order, whatever the guest's branches) sees it.
 */
static IRTemp *weave_entry_addr(Weaver *w, const PluginU64Ref *e)
{
    IRContext *ir = w->ir;
    IROp *cursor = ir->insert_before;
    IRTemp *vcpu, *a;

    if (!e->score) {
        return cst(w, (uintptr_t)e->raw);
    }
    for (unsigned i = 0; i < w->nb_addrs; i++) {
        if (w->addrs[i].score == e->score && w->addrs[i].offset == e->offset) {
            return w->addrs[i].addr;
        }
    }
    vcpu = weave_vcpu_index(w);
    a = ir_temp_new(ir, IR_I64);
    ir_set_insert_point(ir, w->anchor);
    ir_gen_muli(ir, IR_I64, a, vcpu, e->score->element_size);
    ir_gen_addi(ir, IR_I64, a, a, (uintptr_t)e->score->data + e->offset);
    ir_set_insert_point(ir, cursor);
    if (w->nb_addrs < WEAVE_ADDR_CACHE) {
        w->addrs[w->nb_addrs].score = e->score;
        w->addrs[w->nb_addrs].offset = e->offset;
        w->addrs[w->nb_addrs++].addr = a;
    }
    return a;
}

static void weave_inline(Weaver *w, const PluginDynCb *cb)
{
    IRTemp *a = weave_entry_addr(w, &cb->entry);
    IRTemp *v;

    if (cb->op == PLUGIN_OP_STORE_U64) {
        ir_gen_st_host(w->ir, IR_I64, cst(w, cb->imm), a, 0, IR_MO_UQ);
        return;
    }
    v = ir_temp_new(w->ir, IR_I64);
    ir_gen_ld_host(w->ir, IR_I64, v, a, 0, IR_MO_UQ);
    ir_gen_addi(w->ir, IR_I64, v, v, cb->imm);
    ir_gen_st_host(w->ir, IR_I64, v, a, 0, IR_MO_UQ);
}

/* QEMU's conditions compare unsigned. */
static const IRCond cond_ir[] = {
    [PLUGIN_COND_EQ] = IR_COND_EQ,  [PLUGIN_COND_NE] = IR_COND_NE,
    [PLUGIN_COND_LT] = IR_COND_LTU, [PLUGIN_COND_LE] = IR_COND_LEU,
    [PLUGIN_COND_GT] = IR_COND_GTU, [PLUGIN_COND_GE] = IR_COND_GEU,
};

/* Branch over what follows unless @cb's condition holds; NULL if always. */
static IRLabel *weave_cond_begin(Weaver *w, const PluginDynCb *cb)
{
    IRTemp *a, *v;
    IRLabel *skip;

    if (cb->cond == PLUGIN_COND_ALWAYS) {
        return NULL;
    }
    a = weave_entry_addr(w, &cb->entry);
    v = ir_temp_new(w->ir, IR_I64);
    ir_gen_ld_host(w->ir, IR_I64, v, a, 0, IR_MO_UQ);
    skip = ir_label_new(w->ir);
    ir_gen_brcondi(w->ir, IR_I64, ir_cond_invert(cond_ir[cb->cond]), v,
                   cb->imm, skip);
    return skip;
}

static void weave_exec_items(Weaver *w, GArray *items, uint64_t pc)
{
    for (guint i = 0; items && i < items->len; i++) {
        const PluginDynCb *cb = &g_array_index(items, PluginDynCb, i);
        IRLabel *skip;

        if (cb->kind == PLUGIN_DYN_INLINE) {
            weave_inline(w, cb);
            continue;
        }
        skip = weave_cond_begin(w, cb);
        ir_gen_callv(w->ir, &exec_tramp_info[cb->regs], NULL,
                     cst(w, (uintptr_t)cb->fn), cst(w, (uintptr_t)cb->udata),
                     cst(w, pc), cst(w, (uintptr_t)cb->plugin),
                     cst(w, cb->regs));
        if (skip) {
            ir_gen_set_label(w->ir, skip);
        }
    }
}

/* The items of one memory access, at (before) its marker. */
static void weave_mem_items(Weaver *w, GArray *items, const IROp *marker)
{
    bool store = ir_op_const(marker, 1) != 0;
    IRMemOp mo = (IRMemOp)ir_op_const(marker, 0);
    uint32_t info = PLUGIN_MEMINFO(mo & IR_MO_SIZE, (mo & IR_MO_SIGN) != 0, store);
    IRTemp *addr = ir_op_in(marker, 0);
    IRTemp *value = NULL;

    for (guint i = 0; items && i < items->len; i++) {
        const PluginDynCb *cb = &g_array_index(items, PluginDynCb, i);

        if (!(cb->rw & (store ? PLUGIN_MEM_W : PLUGIN_MEM_R))) {
            continue;
        }
        if (cb->kind == PLUGIN_DYN_INLINE) {
            weave_inline(w, cb);
            continue;
        }
        if (!value) {
            value = ir_op_in(marker, 1);
            if (value->type == IR_I32) {
                IRTemp *v64 = ir_temp_new(w->ir, IR_I64);
                ir_gen_extu_i32_i64(w->ir, v64, value);
                value = v64;
            }
        }
        ir_gen_callv(w->ir, &mem_tramp_info[cb->regs], NULL,
                     cst(w, (uintptr_t)cb->fn), cst(w, (uintptr_t)cb->udata),
                     addr, value, cst(w, info | (uint64_t)cb->regs << 32),
                     cst(w, (uintptr_t)cb->plugin));
    }
}

static bool is_marker(const IROp *op)
{
    return op->opc == IR_OP_plugin_insn_marker ||
           op->opc == IR_OP_plugin_mem_marker;
}

void weave_tb(IRContext *ir, const struct qemu_plugin_tb *tb)
{
    Weaver w = { .ir = ir };
    IROp *cursor = ir->insert_before;
    const struct qemu_plugin_insn *insn = NULL;

    IR_FOR_EACH_OP(ir, op) {
        if (!tb) {
            break;                      /* nothing to weave: delete only */
        }
        if (op->opc == IR_OP_plugin_insn_marker) {
            uint64_t idx = ir_op_const(op, 0);

            insn = idx < tb->n_insns ? &tb->insns[idx] : NULL;
            ir_set_insert_point(ir, op);
            if (idx == 0) {
                w.anchor = op;
                weave_exec_items(&w, tb->exec_cbs, tb->vaddr);
            }
            if (insn) {
                weave_exec_items(&w, insn->exec_cbs, insn->vaddr);
            }
        } else if (op->opc == IR_OP_plugin_mem_marker && insn &&
                   insn->mem_cbs->len) {
            ir_set_insert_point(ir, op);
            weave_mem_items(&w, insn->mem_cbs, op);
        }
    }
    ir_set_insert_point(ir, cursor);
    IR_FOR_EACH_OP_SAFE(ir, op, nxt) {
        if (is_marker(op)) {
            ir_op_remove(ir, op);
        }
    }
}

/* -- The tb_trans step of translation ------------------------------------------------ */

/* Translation is serialised (tb-gen.c), so one set of handles suffices. */
static struct qemu_plugin_tb cur_tb;
static struct qemu_plugin_insn cur_insns[TRANSLATOR_MAX_INSNS];
static bool want_mem_markers;

bool plugin_gen_mem_markers(void)
{
    return want_mem_markers;
}

static void plugin_tb_reset(size_t n)
{
    cur_tb.n_insns = n;
    cur_tb.insns = cur_insns;
    if (!cur_tb.exec_cbs) {
        cur_tb.exec_cbs = g_array_new(FALSE, FALSE, sizeof(PluginDynCb));
    }
    g_array_set_size(cur_tb.exec_cbs, 0);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = &cur_insns[i];

        if (!insn->exec_cbs) {
            insn->exec_cbs = g_array_new(FALSE, FALSE, sizeof(PluginDynCb));
            insn->mem_cbs = g_array_new(FALSE, FALSE, sizeof(PluginDynCb));
        }
        g_array_set_size(insn->exec_cbs, 0);
        g_array_set_size(insn->mem_cbs, 0);
    }
}

/* The instructions as the markers number them; their bytes from guest memory. */
static size_t plugin_tb_build(IRContext *ir, TranslationBlock *tb)
{
    size_t n = 0;

    IR_FOR_EACH_OP(ir, op) {
        if (op->opc == IR_OP_plugin_insn_marker) {
            n = MAX(n, ir_op_const(op, 0) + 1);
        }
    }
    n = MIN(n, MIN(tb->icount, (size_t)TRANSLATOR_MAX_INSNS));
    plugin_tb_reset(n);
    cur_tb.vaddr = tb->pc;
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = &cur_insns[i];
        uint32_t word = 0;

        insn->vaddr = tb->insn_pc[i];
        insn->size = 4;
        insn->bytes_ok = translator_fetch_ok(insn->vaddr, 4);
        if (insn->bytes_ok) {
            word = translator_ldl(insn->vaddr);
        }
        for (int b = 0; b < 4; b++) {
            insn->bytes[b] = (uint8_t)(word >> (8 * b));
        }
    }
    return n;
}

static bool plugin_tb_has_mem_items(const struct qemu_plugin_tb *tb)
{
    for (size_t i = 0; i < tb->n_insns; i++) {
        if (tb->insns[i].mem_cbs->len) {
            return true;
        }
    }
    return false;
}

void plugin_gen_tb(IRContext *ir, TranslationBlock *tb,
                   void (*retranslate)(void *opaque), void *opaque)
{
    if (!plugin_has_tb_trans() || plugin_tb_build(ir, tb) == 0) {
        weave_tb(ir, NULL);
        return;
    }
    plugin_tb_trans_dispatch(&cur_tb);
    if (!ir->plugin_mem_markers && plugin_tb_has_mem_items(&cur_tb)) {
        /* Markers cost nothing once deleted, but they are only emitted
         * once some plugin has asked for memory callbacks. */
        want_mem_markers = true;
        ir->plugin_mem_markers = true;
        retranslate(opaque);
    }
    weave_tb(ir, &cur_tb);
}
