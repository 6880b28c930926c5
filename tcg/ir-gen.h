// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir-gen.h: the builder API a frontend (target-arm/) emits IR with.
 *
 * Every function appends one op (or a few) at the context's cursor (the end
 * of the block, or before ctx->insert_before, see ir_set_insert_point()).
 * Argument order is always: ctx, type, [cond,] outputs, inputs, constants.
 * The type is explicit and every temp passed must have it (the builder
 * asserts this), so a W-register bug fails at translation, not at run time.
 *
 *     IRTemp *t = ir_temp_new(ctx, IR_I64);
 *     ir_gen_guest_ld(ctx, IR_I64, t, addr, IR_MO_UQ);      // t = *(u64 *)addr
 *     ir_gen_addi(ctx, IR_I64, x0, t, 1);                   // x0 = t + 1
 *     IRLabel *skip = ir_label_new(ctx);
 *     ir_gen_brcondi(ctx, IR_I64, IR_COND_EQ, x0, 0, skip);
 *     ...
 *     ir_gen_set_label(ctx, skip);
 *
 * Invariants (checked by ir_verify(), relied on by the optimizer/backends):
 *  - BLOCK temps die at the block's end; their values live across labels and
 *    branches inside the block. A temp must be written before it is read in
 *    op order; reading it on a path that skipped the write gives an
 *    unspecified value (the verifier checks op order, not every path).
 *  - Globals are memory in env. Backends may cache them in registers but
 *    make env consistent at any op that may fault (guest_ld/st), any call
 *    whose helper may read globals, and every block exit. Helpers and the
 *    fault hook may therefore read globals from env at those points.
 *  - ld_env/st_env must not touch a field that backs a global: use the
 *    global. Globals and env-field accesses never alias.
 *  - CONST temps and ir_env() are read-only: never an output.
 *  - A block ends with an exit op (goto_tb, exit_tb or lookup_and_goto);
 *    code between an unconditional exit/br and the next label is dead.
 *  - Guest addresses are I64 temps, whatever the guest's width.
 */
#ifndef UEMU_TCG_IR_GEN_H
#define UEMU_TCG_IR_GEN_H

#include "ir.h"
#include "helper.h"
#include "tb-exit.h"

/* -- Moves ------------------------------------------------------------ */

void ir_gen_mov(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *src);
void ir_gen_movi(IRContext *ctx, IRType t, IRTemp *dst, uint64_t imm);

/* -- Binary ops: dst = a OP b ------------------------------------------- */

/* Shifts and rotates take the count modulo the width (Arm LSLV, x86 SHL).
 * div/rem: x/0 = 0, MIN/-1 = MIN, x%0 = x, MIN%-1 = 0. */
#define IR_GEN_BINARY_DECL(name) \
    void ir_gen_##name(IRContext *ctx, IRType t, IRTemp *dst, \
                       IRTemp *a, IRTemp *b)
IR_GEN_BINARY_DECL(add);
IR_GEN_BINARY_DECL(sub);
IR_GEN_BINARY_DECL(mul);
IR_GEN_BINARY_DECL(muluh);    /* high half of the unsigned product */
IR_GEN_BINARY_DECL(mulsh);    /* high half of the signed product */
IR_GEN_BINARY_DECL(div);
IR_GEN_BINARY_DECL(divu);
IR_GEN_BINARY_DECL(rem);
IR_GEN_BINARY_DECL(remu);
IR_GEN_BINARY_DECL(and);
IR_GEN_BINARY_DECL(or);
IR_GEN_BINARY_DECL(xor);
IR_GEN_BINARY_DECL(andc);     /* a & ~b */
IR_GEN_BINARY_DECL(orc);      /* a | ~b */
IR_GEN_BINARY_DECL(eqv);      /* ~(a ^ b) */
IR_GEN_BINARY_DECL(shl);
IR_GEN_BINARY_DECL(shr);
IR_GEN_BINARY_DECL(sar);
IR_GEN_BINARY_DECL(rotl);
IR_GEN_BINARY_DECL(rotr);
#undef IR_GEN_BINARY_DECL

/* Immediate forms: b = ir_const(ctx, t, imm). */
#define IR_GEN_BINARYI_DECL(name) \
    void ir_gen_##name##i(IRContext *ctx, IRType t, IRTemp *dst, \
                          IRTemp *a, uint64_t imm)
IR_GEN_BINARYI_DECL(add);
IR_GEN_BINARYI_DECL(sub);
IR_GEN_BINARYI_DECL(mul);
IR_GEN_BINARYI_DECL(and);
IR_GEN_BINARYI_DECL(or);
IR_GEN_BINARYI_DECL(xor);
IR_GEN_BINARYI_DECL(shl);
IR_GEN_BINARYI_DECL(shr);
IR_GEN_BINARYI_DECL(sar);
IR_GEN_BINARYI_DECL(rotl);
IR_GEN_BINARYI_DECL(rotr);
#undef IR_GEN_BINARYI_DECL

/* -- Unary ops: dst = OP a ---------------------------------------------- */

/* clz(0) = ctz(0) = width. bswap16/32 swap the low 2/4 bytes and clear
 * the rest. ext32s/ext32u/bswap64 need I64. */
#define IR_GEN_UNARY_DECL(name) \
    void ir_gen_##name(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a)
IR_GEN_UNARY_DECL(neg);
IR_GEN_UNARY_DECL(not);
IR_GEN_UNARY_DECL(ext8s);
IR_GEN_UNARY_DECL(ext8u);
IR_GEN_UNARY_DECL(ext16s);
IR_GEN_UNARY_DECL(ext16u);
IR_GEN_UNARY_DECL(ext32s);
IR_GEN_UNARY_DECL(ext32u);
IR_GEN_UNARY_DECL(clz);
IR_GEN_UNARY_DECL(ctz);
IR_GEN_UNARY_DECL(ctpop);
IR_GEN_UNARY_DECL(bswap16);
IR_GEN_UNARY_DECL(bswap32);
IR_GEN_UNARY_DECL(bswap64);
#undef IR_GEN_UNARY_DECL

/* -- Conversions between I32 and I64 ------------------------------------- */

void ir_gen_extrl_i64_i32(IRContext *ctx, IRTemp *dst32, IRTemp *src64);
void ir_gen_extrh_i64_i32(IRContext *ctx, IRTemp *dst32, IRTemp *src64);
void ir_gen_extu_i32_i64(IRContext *ctx, IRTemp *dst64, IRTemp *src32);
void ir_gen_exts_i32_i64(IRContext *ctx, IRTemp *dst64, IRTemp *src32);

/* -- Double-width ops --------------------------------------------------- */

/* (hi:lo) = a * b, unsigned / signed. */
void ir_gen_mulu2(IRContext *ctx, IRType t, IRTemp *lo, IRTemp *hi,
                  IRTemp *a, IRTemp *b);
void ir_gen_muls2(IRContext *ctx, IRType t, IRTemp *lo, IRTemp *hi,
                  IRTemp *a, IRTemp *b);
/* (rh:rl) = (ah:al) +/- (bh:bl), carry/borrow from lo into hi. */
void ir_gen_add2(IRContext *ctx, IRType t, IRTemp *rl, IRTemp *rh,
                 IRTemp *al, IRTemp *ah, IRTemp *bl, IRTemp *bh);
void ir_gen_sub2(IRContext *ctx, IRType t, IRTemp *rl, IRTemp *rh,
                 IRTemp *al, IRTemp *ah, IRTemp *bl, IRTemp *bh);

/* -- Bit fields (1 <= len, pos + len <= width) --------------------------- */

/* dst = a with bits [pos, pos+len) replaced by the low len bits of b. */
void ir_gen_deposit(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a,
                    IRTemp *b, unsigned pos, unsigned len);
/* dst = bits [pos, pos+len) of a, zero- / sign-extended. */
void ir_gen_extract(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a,
                    unsigned pos, unsigned len);
void ir_gen_sextract(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a,
                     unsigned pos, unsigned len);
/* dst = bits [pos, pos+width) of the double-width hi:lo (0 <= pos < width):
 * Arm EXTR. */
void ir_gen_extract2(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *lo,
                     IRTemp *hi, unsigned pos);

/* -- Conditions ------------------------------------------------------- */

/* dst = cond(a, b) ? 1 : 0; negsetcond: ? -1 : 0. */
void ir_gen_setcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                    IRTemp *a, IRTemp *b);
void ir_gen_setcondi(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                     IRTemp *a, uint64_t imm);
void ir_gen_negsetcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                       IRTemp *a, IRTemp *b);
/* dst = cond(c1, c2) ? v1 : v2. */
void ir_gen_movcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                    IRTemp *c1, IRTemp *c2, IRTemp *v1, IRTemp *v2);

/* -- Control flow inside the block ------------------------------------ */

/* Jump to @l if cond(a, b). */
void ir_gen_brcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *a,
                   IRTemp *b, IRLabel *l);
void ir_gen_brcondi(IRContext *ctx, IRType t, IRCond cond, IRTemp *a,
                    uint64_t imm, IRLabel *l);
void ir_gen_br(IRContext *ctx, IRLabel *l);
/* Place @l here; each label is set exactly once. */
void ir_gen_set_label(IRContext *ctx, IRLabel *l);

/* -- Leaving the block (tb-exit.h) ------------------------------------ */

/* Continue at the block chained in @slot (0/1), else return to the loop
 * with TB_EXIT_GOTO_TB0 + slot. The target sets its pc global first. */
void ir_gen_goto_tb(IRContext *ctx, unsigned slot);
/* Return @value to the cpu loop: TB_EXIT_LOOKUP or TB_EXIT_MAKE_CODE(n). */
void ir_gen_exit_tb(IRContext *ctx, uintptr_t value);
/* Indirect jump: find the block for the pc in env through the backend's
 * lookup hook and continue there, or return TB_EXIT_LOOKUP. */
void ir_gen_lookup_and_goto(IRContext *ctx);

/* -- CPU state and host memory ---------------------------------------- */

/* dst = the field at env + offset (size/sign from @mo; no IR_MO_ALIGN). */
void ir_gen_ld_env(IRContext *ctx, IRType t, IRTemp *dst, intptr_t offset,
                   IRMemOp mo);
void ir_gen_st_env(IRContext *ctx, IRType t, IRTemp *src, intptr_t offset,
                   IRMemOp mo);
/* Through a host pointer (I64 temp): e.g. plugin scoreboards. */
void ir_gen_ld_host(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *base,
                    intptr_t offset, IRMemOp mo);
void ir_gen_st_host(IRContext *ctx, IRType t, IRTemp *src, IRTemp *base,
                    intptr_t offset, IRMemOp mo);

/* -- Guest memory ----------------------------------------------------- */

/*
 * ir_gen_guest_ld: dst = guest memory at @addr (an I64 temp), little-endian,
 * @mo size <= type width, zero- or sign-extended to @t. May fault (the fault
 * hook runs with env up to date). When ctx->plugin_mem_markers is set, also
 * drops a plugin_mem_marker after the access (addr copied first if dst
 * overwrites it), for plugin-api/ to expand.
 */
void ir_gen_guest_ld(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *addr,
                     IRMemOp mo);
/* ir_gen_guest_st: store the low size bytes of @val at @addr. */
void ir_gen_guest_st(IRContext *ctx, IRType t, IRTemp *val, IRTemp *addr,
                     IRMemOp mo);
/* Order memory accesses: @kind is a mask of IR_MB_*. */
void ir_gen_mb(IRContext *ctx, unsigned kind);

/* -- Helper calls ----------------------------------------------------- */

/*
 * ir_gen_call: ret = info->fn(args...). @ret is NULL iff info->ret is
 * IR_HT_VOID; @nargs must equal info->nargs; each arg's type matches.
 */
void ir_gen_call(IRContext *ctx, const HelperInfo *info, IRTemp *ret,
                 unsigned nargs, IRTemp *const *args);

/* ir_gen_callv(ctx, info, ret, a, b, ...): the same with inline args. */
#define ir_gen_callv(ctx, info, ret, ...) \
    ir_gen_call((ctx), (info), (ret), \
                sizeof((IRTemp *[]){ __VA_ARGS__ }) / sizeof(IRTemp *), \
                (IRTemp *[]){ __VA_ARGS__ })

/* -- Markers ---------------------------------------------------------- */

/* Start of the guest instruction at @pc. Returns the op so that the target
 * can fill the extra word later (ir_insn_start_set_extra). */
IROp *ir_gen_insn_start(IRContext *ctx, uint64_t pc);
void ir_insn_start_set_extra(IROp *insn_start, uint64_t extra);

/* @t's value is no longer needed (a hint for liveness). */
void ir_gen_discard(IRContext *ctx, IRType t, IRTemp *tmp);
void ir_gen_nop(IRContext *ctx);

/* Plugin placeholders (emitted by tcg/translator.c and ir_gen_guest_*). */
void ir_gen_plugin_insn_marker(IRContext *ctx, unsigned insn_index);
void ir_gen_plugin_mem_marker(IRContext *ctx, IRType t, IRTemp *addr,
                              IRTemp *val, IRMemOp mo, bool is_store);

#endif /* UEMU_TCG_IR_GEN_H */
