// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir-gen.c: the builder functions of ir-gen.h.
 *
 * Each ir_gen_* checks the types and writability of its temps (a wrong type
 * is a translator bug, caught here where its stack trace is useful rather
 * than at run time) and appends one op at the context's cursor.
 */
#include "ir-gen.h"

/* -- Checks and emitters ------------------------------------------------ */

static void check_in(const IRTemp *x, IRType t)
{
    g_assert(x != NULL);
    g_assert(x->type == t);
}

static void check_out(const IRTemp *x, IRType t)
{
    check_in(x, t);
    g_assert(x->kind == IR_TEMP_GLOBAL || x->kind == IR_TEMP_BLOCK);
}

static inline uint64_t targ(const IRTemp *x)
{
    return (uintptr_t)x;
}

/* dst = OP a */
static IROp *gen_1_1(IRContext *ctx, IROpcode opc, IRType t,
                     IRTemp *dst, IRTemp *a)
{
    IROp *op = ir_op_new(ctx, opc, t);

    op->args[0] = targ(dst);
    op->args[1] = targ(a);
    return op;
}

/* dst = a OP b */
static IROp *gen_1_2(IRContext *ctx, IROpcode opc, IRType t,
                     IRTemp *dst, IRTemp *a, IRTemp *b)
{
    IROp *op = ir_op_new(ctx, opc, t);

    check_out(dst, t);
    check_in(a, t);
    check_in(b, t);
    op->args[0] = targ(dst);
    op->args[1] = targ(a);
    op->args[2] = targ(b);
    return op;
}

static void gen_unary(IRContext *ctx, IROpcode opc, IRType t,
                      IRTemp *dst, IRTemp *a)
{
    g_assert(t == IR_I64 || !(ir_op_flags(opc) & IR_F_I64_ONLY));
    check_out(dst, t);
    check_in(a, t);
    gen_1_1(ctx, opc, t, dst, a);
}

/* -- Moves ------------------------------------------------------------ */

void ir_gen_mov(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *src)
{
    gen_unary(ctx, IR_OP_mov, t, dst, src);
}

void ir_gen_movi(IRContext *ctx, IRType t, IRTemp *dst, uint64_t imm)
{
    ir_gen_mov(ctx, t, dst, ir_const(ctx, t, imm));
}

/* -- Binary and unary ops --------------------------------------------- */

#define GEN_BINARY(name) \
    void ir_gen_##name(IRContext *ctx, IRType t, IRTemp *dst, \
                       IRTemp *a, IRTemp *b) \
    { \
        gen_1_2(ctx, IR_OP_##name, t, dst, a, b); \
    }
GEN_BINARY(add)
GEN_BINARY(sub)
GEN_BINARY(mul)
GEN_BINARY(muluh)
GEN_BINARY(mulsh)
GEN_BINARY(div)
GEN_BINARY(divu)
GEN_BINARY(rem)
GEN_BINARY(remu)
GEN_BINARY(and)
GEN_BINARY(or)
GEN_BINARY(xor)
GEN_BINARY(andc)
GEN_BINARY(orc)
GEN_BINARY(eqv)
GEN_BINARY(shl)
GEN_BINARY(shr)
GEN_BINARY(sar)
GEN_BINARY(rotl)
GEN_BINARY(rotr)

#define GEN_BINARYI(name) \
    void ir_gen_##name##i(IRContext *ctx, IRType t, IRTemp *dst, \
                          IRTemp *a, uint64_t imm) \
    { \
        gen_1_2(ctx, IR_OP_##name, t, dst, a, ir_const(ctx, t, imm)); \
    }
GEN_BINARYI(add)
GEN_BINARYI(sub)
GEN_BINARYI(mul)
GEN_BINARYI(and)
GEN_BINARYI(or)
GEN_BINARYI(xor)
GEN_BINARYI(shl)
GEN_BINARYI(shr)
GEN_BINARYI(sar)
GEN_BINARYI(rotl)
GEN_BINARYI(rotr)

#define GEN_UNARY(name) \
    void ir_gen_##name(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a) \
    { \
        gen_unary(ctx, IR_OP_##name, t, dst, a); \
    }
GEN_UNARY(neg)
GEN_UNARY(not)
GEN_UNARY(ext8s)
GEN_UNARY(ext8u)
GEN_UNARY(ext16s)
GEN_UNARY(ext16u)
GEN_UNARY(ext32s)
GEN_UNARY(ext32u)
GEN_UNARY(clz)
GEN_UNARY(ctz)
GEN_UNARY(ctpop)
GEN_UNARY(bswap16)
GEN_UNARY(bswap32)
GEN_UNARY(bswap64)

/* -- Conversions ------------------------------------------------------ */

static void gen_conv(IRContext *ctx, IROpcode opc, IRType to, IRType from,
                     IRTemp *dst, IRTemp *src)
{
    check_out(dst, to);
    check_in(src, from);
    gen_1_1(ctx, opc, to, dst, src);
}

void ir_gen_extrl_i64_i32(IRContext *ctx, IRTemp *dst32, IRTemp *src64)
{
    gen_conv(ctx, IR_OP_extrl_i64_i32, IR_I32, IR_I64, dst32, src64);
}

void ir_gen_extrh_i64_i32(IRContext *ctx, IRTemp *dst32, IRTemp *src64)
{
    gen_conv(ctx, IR_OP_extrh_i64_i32, IR_I32, IR_I64, dst32, src64);
}

void ir_gen_extu_i32_i64(IRContext *ctx, IRTemp *dst64, IRTemp *src32)
{
    gen_conv(ctx, IR_OP_extu_i32_i64, IR_I64, IR_I32, dst64, src32);
}

void ir_gen_exts_i32_i64(IRContext *ctx, IRTemp *dst64, IRTemp *src32)
{
    gen_conv(ctx, IR_OP_exts_i32_i64, IR_I64, IR_I32, dst64, src32);
}

/* -- Double-width ops ------------------------------------------------- */

static void gen_mul2(IRContext *ctx, IROpcode opc, IRType t, IRTemp *lo,
                     IRTemp *hi, IRTemp *a, IRTemp *b)
{
    IROp *op;

    check_out(lo, t);
    check_out(hi, t);
    g_assert(lo != hi);
    check_in(a, t);
    check_in(b, t);
    op = ir_op_new(ctx, opc, t);
    op->args[0] = targ(lo);
    op->args[1] = targ(hi);
    op->args[2] = targ(a);
    op->args[3] = targ(b);
}

void ir_gen_mulu2(IRContext *ctx, IRType t, IRTemp *lo, IRTemp *hi,
                  IRTemp *a, IRTemp *b)
{
    gen_mul2(ctx, IR_OP_mulu2, t, lo, hi, a, b);
}

void ir_gen_muls2(IRContext *ctx, IRType t, IRTemp *lo, IRTemp *hi,
                  IRTemp *a, IRTemp *b)
{
    gen_mul2(ctx, IR_OP_muls2, t, lo, hi, a, b);
}

static void gen_addsub2(IRContext *ctx, IROpcode opc, IRType t, IRTemp *rl,
                        IRTemp *rh, IRTemp *al, IRTemp *ah, IRTemp *bl,
                        IRTemp *bh)
{
    IRTemp *v[6] = { rl, rh, al, ah, bl, bh };
    IROp *op;

    check_out(rl, t);
    check_out(rh, t);
    g_assert(rl != rh);
    op = ir_op_new(ctx, opc, t);
    for (unsigned i = 0; i < 6; i++) {
        check_in(v[i], t);
        op->args[i] = targ(v[i]);
    }
}

void ir_gen_add2(IRContext *ctx, IRType t, IRTemp *rl, IRTemp *rh,
                 IRTemp *al, IRTemp *ah, IRTemp *bl, IRTemp *bh)
{
    gen_addsub2(ctx, IR_OP_add2, t, rl, rh, al, ah, bl, bh);
}

void ir_gen_sub2(IRContext *ctx, IRType t, IRTemp *rl, IRTemp *rh,
                 IRTemp *al, IRTemp *ah, IRTemp *bl, IRTemp *bh)
{
    gen_addsub2(ctx, IR_OP_sub2, t, rl, rh, al, ah, bl, bh);
}

/* -- Bit fields ------------------------------------------------------- */

static void check_field(IRType t, unsigned pos, unsigned len)
{
    g_assert(len >= 1 && pos + len <= ir_type_bits(t));
}

void ir_gen_deposit(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a,
                    IRTemp *b, unsigned pos, unsigned len)
{
    IROp *op;

    check_field(t, pos, len);
    op = gen_1_2(ctx, IR_OP_deposit, t, dst, a, b);
    ir_op_set_const(op, 0, pos);
    ir_op_set_const(op, 1, len);
}

static void gen_extract(IRContext *ctx, IROpcode opc, IRType t, IRTemp *dst,
                        IRTemp *a, unsigned pos, unsigned len)
{
    IROp *op;

    check_field(t, pos, len);
    check_out(dst, t);
    check_in(a, t);
    op = gen_1_1(ctx, opc, t, dst, a);
    ir_op_set_const(op, 0, pos);
    ir_op_set_const(op, 1, len);
}

void ir_gen_extract(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a,
                    unsigned pos, unsigned len)
{
    gen_extract(ctx, IR_OP_extract, t, dst, a, pos, len);
}

void ir_gen_sextract(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *a,
                     unsigned pos, unsigned len)
{
    gen_extract(ctx, IR_OP_sextract, t, dst, a, pos, len);
}

void ir_gen_extract2(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *lo,
                     IRTemp *hi, unsigned pos)
{
    IROp *op;

    g_assert(pos < ir_type_bits(t));
    op = gen_1_2(ctx, IR_OP_extract2, t, dst, lo, hi);
    ir_op_set_const(op, 0, pos);
}

/* -- Conditions ------------------------------------------------------- */

void ir_gen_setcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                    IRTemp *a, IRTemp *b)
{
    g_assert((unsigned)cond < IR_COND_COUNT);
    ir_op_set_const(gen_1_2(ctx, IR_OP_setcond, t, dst, a, b), 0, cond);
}

void ir_gen_setcondi(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                     IRTemp *a, uint64_t imm)
{
    ir_gen_setcond(ctx, t, cond, dst, a, ir_const(ctx, t, imm));
}

void ir_gen_negsetcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                       IRTemp *a, IRTemp *b)
{
    g_assert((unsigned)cond < IR_COND_COUNT);
    ir_op_set_const(gen_1_2(ctx, IR_OP_negsetcond, t, dst, a, b), 0, cond);
}

void ir_gen_movcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *dst,
                    IRTemp *c1, IRTemp *c2, IRTemp *v1, IRTemp *v2)
{
    IRTemp *v[5] = { dst, c1, c2, v1, v2 };
    IROp *op;

    g_assert((unsigned)cond < IR_COND_COUNT);
    check_out(dst, t);
    op = ir_op_new(ctx, IR_OP_movcond, t);
    for (unsigned i = 0; i < 5; i++) {
        check_in(v[i], t);
        op->args[i] = targ(v[i]);
    }
    ir_op_set_const(op, 0, cond);
}

/* -- Control flow ----------------------------------------------------- */

void ir_gen_brcond(IRContext *ctx, IRType t, IRCond cond, IRTemp *a,
                   IRTemp *b, IRLabel *l)
{
    IROp *op;

    g_assert((unsigned)cond < IR_COND_COUNT && l != NULL);
    check_in(a, t);
    check_in(b, t);
    op = ir_op_new(ctx, IR_OP_brcond, t);
    op->args[0] = targ(a);
    op->args[1] = targ(b);
    op->args[2] = cond;
    op->args[3] = (uintptr_t)l;
}

void ir_gen_brcondi(IRContext *ctx, IRType t, IRCond cond, IRTemp *a,
                    uint64_t imm, IRLabel *l)
{
    ir_gen_brcond(ctx, t, cond, a, ir_const(ctx, t, imm), l);
}

static void gen_const1(IRContext *ctx, IROpcode opc, uint64_t c)
{
    IROp *op = ir_op_new(ctx, opc, IR_I64);

    op->args[0] = c;
}

void ir_gen_br(IRContext *ctx, IRLabel *l)
{
    g_assert(l != NULL);
    gen_const1(ctx, IR_OP_br, (uintptr_t)l);
}

void ir_gen_set_label(IRContext *ctx, IRLabel *l)
{
    g_assert(l != NULL);
    gen_const1(ctx, IR_OP_set_label, (uintptr_t)l);
}

/* -- Exits ------------------------------------------------------------ */

void ir_gen_goto_tb(IRContext *ctx, unsigned slot)
{
    g_assert(slot <= 1);
    gen_const1(ctx, IR_OP_goto_tb, slot);
}

void ir_gen_exit_tb(IRContext *ctx, uintptr_t value)
{
    g_assert(tb_exit_kind(value) == TB_EXIT_LOOKUP ||
             tb_exit_kind(value) == TB_EXIT_CODE);
    gen_const1(ctx, IR_OP_exit_tb, value);
}

void ir_gen_lookup_and_goto(IRContext *ctx)
{
    ir_op_new(ctx, IR_OP_lookup_and_goto, IR_I64);
}

/* -- CPU state and host memory ---------------------------------------- */

static void check_memop(IRType t, IRMemOp mo, bool guest)
{
    g_assert((mo & ~(unsigned)IR_MO_VALID) == 0);
    g_assert((mo & IR_MO_SIZE) <= IR_MO_64);
    g_assert(ir_memop_size(mo) * 8 <= ir_type_bits(t));
    g_assert(guest || !(mo & IR_MO_ALIGN));
}

static IROp *gen_mem(IRContext *ctx, IROpcode opc, IRType t, IRTemp *a0,
                     IRTemp *a1, uint64_t c0, uint64_t c1)
{
    IROp *op = ir_op_new(ctx, opc, t);
    unsigned n = 0;

    if (a0) {
        op->args[n++] = targ(a0);
    }
    if (a1) {
        op->args[n++] = targ(a1);
    }
    op->args[n++] = c0;
    if (op->nb_const > 1) {
        op->args[n] = c1;
    }
    return op;
}

void ir_gen_ld_env(IRContext *ctx, IRType t, IRTemp *dst, intptr_t offset,
                   IRMemOp mo)
{
    check_memop(t, mo, false);
    check_out(dst, t);
    gen_mem(ctx, IR_OP_ld_env, t, dst, NULL, (uint64_t)offset, mo);
}

void ir_gen_st_env(IRContext *ctx, IRType t, IRTemp *src, intptr_t offset,
                   IRMemOp mo)
{
    check_memop(t, mo, false);
    check_in(src, t);
    gen_mem(ctx, IR_OP_st_env, t, src, NULL, (uint64_t)offset, mo);
}

void ir_gen_ld_host(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *base,
                    intptr_t offset, IRMemOp mo)
{
    check_memop(t, mo, false);
    check_out(dst, t);
    check_in(base, IR_I64);
    gen_mem(ctx, IR_OP_ld_host, t, dst, base, (uint64_t)offset, mo);
}

void ir_gen_st_host(IRContext *ctx, IRType t, IRTemp *src, IRTemp *base,
                    intptr_t offset, IRMemOp mo)
{
    check_memop(t, mo, false);
    check_in(src, t);
    check_in(base, IR_I64);
    gen_mem(ctx, IR_OP_st_host, t, src, base, (uint64_t)offset, mo);
}

/* -- Guest memory ----------------------------------------------------- */

void ir_gen_guest_ld(IRContext *ctx, IRType t, IRTemp *dst, IRTemp *addr,
                     IRMemOp mo)
{
    check_memop(t, mo, true);
    check_out(dst, t);
    check_in(addr, IR_I64);
    if (ctx->plugin_mem_markers && dst == addr) {
        /* the marker must see the address the load used, not its result */
        IRTemp *copy = ir_temp_new(ctx, IR_I64);

        ir_gen_mov(ctx, IR_I64, copy, addr);
        addr = copy;
    }
    gen_mem(ctx, IR_OP_guest_ld, t, dst, addr, mo, 0);
    if (ctx->plugin_mem_markers) {
        ir_gen_plugin_mem_marker(ctx, t, addr, dst, mo, false);
    }
}

void ir_gen_guest_st(IRContext *ctx, IRType t, IRTemp *val, IRTemp *addr,
                     IRMemOp mo)
{
    check_memop(t, mo, true);
    check_in(val, t);
    check_in(addr, IR_I64);
    gen_mem(ctx, IR_OP_guest_st, t, val, addr, mo, 0);
    if (ctx->plugin_mem_markers) {
        ir_gen_plugin_mem_marker(ctx, t, addr, val, mo, true);
    }
}

void ir_gen_mb(IRContext *ctx, unsigned kind)
{
    g_assert(kind != 0 && (kind & ~(unsigned)IR_MB_ALL) == 0);
    gen_const1(ctx, IR_OP_mb, kind);
}

/* -- Helper calls ----------------------------------------------------- */

void ir_gen_call(IRContext *ctx, const HelperInfo *info, IRTemp *ret,
                 unsigned nargs, IRTemp *const *args)
{
    IROp *op;
    unsigned n = 0;

    g_assert(info != NULL && info->fn != NULL);
    g_assert(nargs == info->nargs && nargs <= IR_CALL_MAX_ARGS);
    g_assert((ret == NULL) == (info->ret == IR_HT_VOID));
    op = ir_op_new(ctx, IR_OP_call, IR_I64);
    op->nb_out = ret != NULL;
    op->nb_in = nargs;
    if (ret) {
        check_out(ret, ir_helper_type_ir(info->ret));
        op->args[n++] = targ(ret);
    }
    for (unsigned i = 0; i < nargs; i++) {
        g_assert(info->args[i] != IR_HT_VOID);
        check_in(args[i], ir_helper_type_ir(info->args[i]));
        op->args[n++] = targ(args[i]);
    }
    op->args[n] = (uintptr_t)info;
}

/* -- Markers ---------------------------------------------------------- */

IROp *ir_gen_insn_start(IRContext *ctx, uint64_t pc)
{
    IROp *op = ir_op_new(ctx, IR_OP_insn_start, IR_I64);

    op->args[0] = pc;
    return op;
}

void ir_insn_start_set_extra(IROp *insn_start, uint64_t extra)
{
    g_assert(insn_start->opc == IR_OP_insn_start);
    insn_start->args[1] = extra;
}

void ir_gen_discard(IRContext *ctx, IRType t, IRTemp *tmp)
{
    IROp *op;

    check_out(tmp, t);
    op = ir_op_new(ctx, IR_OP_discard, t);
    op->args[0] = targ(tmp);
}

void ir_gen_nop(IRContext *ctx)
{
    ir_op_new(ctx, IR_OP_nop, IR_I64);
}

void ir_gen_plugin_insn_marker(IRContext *ctx, unsigned insn_index)
{
    gen_const1(ctx, IR_OP_plugin_insn_marker, insn_index);
}

void ir_gen_plugin_mem_marker(IRContext *ctx, IRType t, IRTemp *addr,
                              IRTemp *val, IRMemOp mo, bool is_store)
{
    IROp *op;

    check_in(addr, IR_I64);
    check_in(val, t);
    op = ir_op_new(ctx, IR_OP_plugin_mem_marker, t);
    op->args[0] = targ(addr);
    op->args[1] = targ(val);
    op->args[2] = mo;
    op->args[3] = is_store;
}
