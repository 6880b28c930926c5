// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-atomic.c: A64 exclusives, load-acquire/store-release, compare-and-
 * swap and the LSE atomic memory operations (class "atomic" of a64.decode).
 *
 * Guest threads are host threads sharing the guest memory, so every atomic
 * is atomic on the host: the read-modify-write instructions (STXR, CAS,
 * LD<op>, SWP) are helpers in helper-mem.c built on the host's
 * __atomic builtins at tcg_g2h(addr). Plain loads and stores of the
 * ordered forms are IR accesses with barriers around them.
 *
 * Exclusive monitor (CPUARMState.excl_*): a load-exclusive records the
 * address, the value read and the log2 of the whole access (a pair of
 * words is one 8-byte access, a pair of doublewords one 16-byte access).
 * A store-exclusive succeeds iff the address and the size match and
 * memory still holds the recorded value, which a host compare-and-swap
 * checks and updates in one step; it always clears the monitor. Like every
 * emulator that does this, we cannot see a store that wrote the same value
 * back (ABA), which real monitors would; correct lock-free code does not
 * depend on that.
 *
 * Barriers (IR_MB_*), from the ARM ARM definitions:
 *   acquire (LDAR, LDAXR, LDAPR...)  after the load: LD_LD | LD_ST
 *   release (STLR, STLXR, STLUR...)  before the store: LD_ST | ST_ST
 *   STLR/STLLR also ST_LD after the store: a later LDAR must not pass it
 *   (RCsc; LDAPR/LDAPUR are RCpc and need no such order, but STLUR is
 *   given the same barrier as STLR since the store cannot know who reads).
 * The helper-based atomics need none: a host __ATOMIC_SEQ_CST operation
 * orders everything around it (and a call is never moved by the optimizer).
 *
 * Alignment: exclusives, CAS/CASP and LD<op>/SWP fault on a misaligned
 * address (the architecture without FEAT_LSE2, which our "max" CPU does not
 * claim); the helpers raise the fault themselves through tcg_guest_fault()
 * so that it is precise. Load-acquire/store-release forms are aligned too
 * (IR_MO_ALIGN). qemu-aarch64 7.2 agrees except in two corners where we
 * follow the ARM ARM: it lets a misaligned LDAPR through, and a misaligned
 * STXR just fails there (its monitor check comes first).
 */
#include "translate.h"
#include "a64-decode.h"
#include "helpers.h"

#include <stddef.h>

#define ENV_OFF(field) ((intptr_t)offsetof(CPUARMState, field))

static void gen_acquire(DisasContext *s)
{
    ir_gen_mb(s->ir, IR_MB_LD_LD | IR_MB_LD_ST);
}

static void gen_release(DisasContext *s)
{
    ir_gen_mb(s->ir, IR_MB_LD_ST | IR_MB_ST_ST);
}

/* -- Load/store exclusive ------------------------------------------------- */

/* Record the reservation of a load-exclusive of 1 << @log2 bytes. */
static void gen_set_monitor(DisasContext *s, IRTemp *addr, IRTemp *val,
                            unsigned log2)
{
    IRContext *ir = s->ir;

    ir_gen_st_env(ir, IR_I64, addr, ENV_OFF(excl_addr), IR_MO_UQ);
    ir_gen_st_env(ir, IR_I64, val, ENV_OFF(excl_val), IR_MO_UQ);
    ir_gen_st_env(ir, IR_I32, const32(s, log2), ENV_OFF(excl_size), IR_MO_UL);
}

/*
 * LDXR/LDAXR (@pair false: one register of 1 << @size bytes) and LDXP/LDAXP
 * (@pair: two registers, @size 2 or 3). The load faults on misalignment
 * before anything is written; Rt and Rt2 get the values last.
 */
static bool do_load_exclusive(DisasContext *s, int size, bool pair, int rt,
                              int rt2, int rn, bool acquire)
{
    IRContext *ir = s->ir;
    IRTemp *addr = read_reg_sp(s, rn, true);
    IRTemp *lo = tmp64(s), *hi = tmp64(s);

    if (!pair) {
        gen_ld(s, lo, addr, size | IR_MO_ALIGN);
        gen_set_monitor(s, addr, lo, size);
        write_reg(s, rt, true, lo);
    } else if (size == 2) {
        /* Two words are one aligned doubleword: Rt the low one. */
        IRTemp *v = tmp64(s);

        gen_ld(s, v, addr, IR_MO_UQ | IR_MO_ALIGN);
        gen_set_monitor(s, addr, v, 3);
        ir_gen_ext32u(ir, IR_I64, lo, v);
        ir_gen_shri(ir, IR_I64, hi, v, 32);
        write_reg(s, rt, false, lo);
        write_reg(s, rt2, false, hi);
    } else {
        /* 16 bytes, 16-aligned: IR has no such access, the helper checks,
         * loads and records; both halves come back through the monitor. */
        ir_gen_callv(ir, &helper_info_ldxp128, NULL, ir_env(ir), addr);
        ir_gen_ld_env(ir, IR_I64, lo, ENV_OFF(excl_val), IR_MO_UQ);
        ir_gen_ld_env(ir, IR_I64, hi, ENV_OFF(excl_val_hi), IR_MO_UQ);
        write_reg(s, rt, true, lo);
        write_reg(s, rt2, true, hi);
    }
    if (acquire) {
        gen_acquire(s);
    }
    return true;
}

/*
 * STXR/STLXR and STXP/STLXP: Ws = 0 if the store happened, 1 if not. All
 * sources are read before Ws is written (Rs == Rt or Rn is CONSTRAINED
 * UNPREDICTABLE; this is what qemu-aarch64 does).
 */
static bool do_store_exclusive(DisasContext *s, int size, bool pair, int rs,
                               int rt, int rt2, int rn, bool release)
{
    IRContext *ir = s->ir;
    IRTemp *addr = read_reg_sp(s, rn, true);
    IRTemp *status = tmp64(s);

    if (release) {
        gen_release(s);
    }
    if (!pair) {
        ir_gen_callv(ir, &helper_info_stxr, status, ir_env(ir), addr,
                     read_reg(s, rt, true), const32(s, size));
    } else if (size == 2) {
        IRTemp *v = read_reg(s, rt, false);
        IRTemp *v2 = read_reg(s, rt2, false);

        ir_gen_deposit(ir, IR_I64, v, v, v2, 32, 32);
        ir_gen_callv(ir, &helper_info_stxr, status, ir_env(ir), addr, v,
                     const32(s, 3));
    } else {
        ir_gen_callv(ir, &helper_info_stxp128, status, ir_env(ir), addr,
                     read_reg(s, rt, true), read_reg(s, rt2, true));
    }
    write_reg(s, rs, false, status);
    return true;
}

bool trans_LDXR(DisasContext *s, arg_LDXR *a)
{
    return do_load_exclusive(s, a->size, false, a->rt, 31, a->rn, false);
}

bool trans_LDAXR(DisasContext *s, arg_LDAXR *a)
{
    return do_load_exclusive(s, a->size, false, a->rt, 31, a->rn, true);
}

bool trans_STXR(DisasContext *s, arg_STXR *a)
{
    return do_store_exclusive(s, a->size, false, a->rs, a->rt, 31, a->rn,
                              false);
}

bool trans_STLXR(DisasContext *s, arg_STLXR *a)
{
    return do_store_exclusive(s, a->size, false, a->rs, a->rt, 31, a->rn,
                              true);
}

bool trans_LDXP(DisasContext *s, arg_LDXP *a)
{
    return do_load_exclusive(s, 2 + a->sz, true, a->rt, a->rt2, a->rn, false);
}

bool trans_LDAXP(DisasContext *s, arg_LDAXP *a)
{
    return do_load_exclusive(s, 2 + a->sz, true, a->rt, a->rt2, a->rn, true);
}

bool trans_STXP(DisasContext *s, arg_STXP *a)
{
    return do_store_exclusive(s, 2 + a->sz, true, a->rs, a->rt, a->rt2, a->rn,
                              false);
}

bool trans_STLXP(DisasContext *s, arg_STLXP *a)
{
    return do_store_exclusive(s, 2 + a->sz, true, a->rs, a->rt, a->rt2, a->rn,
                              true);
}

/* -- Load-acquire / store-release ----------------------------------------- */

/*
 * One ordered access at Xn|SP + @off. opc as in the single-register
 * loads and stores: 00 store (release), 01 load (acquire), 10 load signed
 * into Xt, 11 load signed into Wt. Stores get the release barrier before
 * and ST_LD after (RCsc, see the file header), loads the acquire barrier.
 */
static bool do_ordered(DisasContext *s, int size, int opc, int rt, int rn,
                       int64_t off)
{
    IRTemp *addr = read_reg_sp(s, rn, true);
    IRMemOp mo = size | IR_MO_ALIGN;

    if (off) {
        ir_gen_addi(s->ir, IR_I64, addr, addr, (uint64_t)off);
    }
    if (opc == 0) {
        gen_release(s);
        gen_st(s, read_reg(s, rt, true), addr, mo);
        ir_gen_mb(s->ir, IR_MB_ST_LD);
    } else {
        IRTemp *v = tmp64(s);

        gen_ld(s, v, addr, mo | (opc >= 2 ? IR_MO_SIGN : 0));
        gen_acquire(s);
        write_reg(s, rt, opc != 3, v);
    }
    return true;
}

/* At EL0 with no LORegions, LDLAR/STLLR are LDAR/STLR. */
bool trans_STLR(DisasContext *s, arg_STLR *a)
{
    return do_ordered(s, a->size, 0, a->rt, a->rn, 0);
}

bool trans_STLLR(DisasContext *s, arg_STLLR *a)
{
    return do_ordered(s, a->size, 0, a->rt, a->rn, 0);
}

bool trans_LDAR(DisasContext *s, arg_LDAR *a)
{
    return do_ordered(s, a->size, 1, a->rt, a->rn, 0);
}

bool trans_LDLAR(DisasContext *s, arg_LDLAR *a)
{
    return do_ordered(s, a->size, 1, a->rt, a->rn, 0);
}

bool trans_LDAPR(DisasContext *s, arg_LDAPR *a)
{
    return do_ordered(s, a->size, 1, a->rt, a->rn, 0);
}

/* STLUR, LDAPUR, LDAPURS*: the unscaled-offset ordered forms. */
bool trans_LDAPUR_STLUR(DisasContext *s, arg_LDAPUR_STLUR *a)
{
    if ((a->size == 3 && a->opc >= 2) || (a->size == 2 && a->opc == 3)) {
        return false;
    }
    return do_ordered(s, a->size, a->opc, a->rt, a->rn, a->imm);
}

/* -- Compare and swap ----------------------------------------------------- */

/* Plugins see a helper's access as a read of the old value, then a write. */
static void gen_rmw_markers(DisasContext *s, IRTemp *addr, IRTemp *old,
                            IRTemp *new, IRMemOp mo)
{
    if (s->ir->plugin_mem_markers) {
        ir_gen_plugin_mem_marker(s->ir, IR_I64, addr, old, mo, false);
        ir_gen_plugin_mem_marker(s->ir, IR_I64, addr, new, mo, true);
    }
}

/* CAS{A,L,AL}{B,H,,}: Rs = old; memory = Rt if old == Rs. */
bool trans_CAS(DisasContext *s, arg_CAS *a)
{
    IRContext *ir = s->ir;
    IRTemp *addr = read_reg_sp(s, a->rn, true);
    IRTemp *cmp = read_reg(s, a->rs, true);
    IRTemp *new = read_reg(s, a->rt, true);
    IRTemp *old = tmp64(s);

    ir_gen_callv(ir, &helper_info_cas, old, ir_env(ir), addr, cmp, new,
                 const32(s, a->size));
    gen_rmw_markers(s, addr, old, new, a->size);
    write_reg(s, a->rs, true, old);
    return true;
}

/*
 * CASP{A,L,AL} Ws/Xs, W(s+1)/X(s+1), Wt..., [Xn|SP]: Rs and Rt must be
 * even (odd: unallocated). Rt+1 or Rs+1 may be 31, which is XZR. A word
 * pair is one doubleword CAS; a doubleword pair is the 16-byte helper,
 * which reads and writes the registers itself.
 */
bool trans_CASP(DisasContext *s, arg_CASP *a)
{
    IRContext *ir = s->ir;
    IRTemp *addr;

    if ((a->rs | a->rt) & 1) {
        return false;
    }
    addr = read_reg_sp(s, a->rn, true);
    if (a->sz == 0) {
        IRTemp *cmp = read_reg(s, a->rs, false);
        IRTemp *new = read_reg(s, a->rt, false);
        IRTemp *old = tmp64(s), *hi = tmp64(s);

        ir_gen_deposit(ir, IR_I64, cmp, cmp, read_reg(s, a->rs + 1, false),
                       32, 32);
        ir_gen_deposit(ir, IR_I64, new, new, read_reg(s, a->rt + 1, false),
                       32, 32);
        ir_gen_callv(ir, &helper_info_cas, old, ir_env(ir), addr, cmp, new,
                     const32(s, 3));
        gen_rmw_markers(s, addr, old, new, IR_MO_UQ);
        ir_gen_shri(ir, IR_I64, hi, old, 32);
        write_reg(s, a->rs, false, old);
        write_reg(s, a->rs + 1, false, hi);
    } else {
        ir_gen_callv(ir, &helper_info_casp128, NULL, ir_env(ir), addr,
                     const32(s, a->rs), const32(s, a->rt));
    }
    return true;
}

/* -- Atomic memory operations --------------------------------------------- */

typedef enum AtomicOp {
    ATOMIC_ADD, ATOMIC_CLR, ATOMIC_EOR, ATOMIC_SET,
    ATOMIC_SMAX, ATOMIC_SMIN, ATOMIC_UMAX, ATOMIC_UMIN, ATOMIC_SWP,
} AtomicOp;

static const HelperInfo *const atomic_helpers[] = {
    [ATOMIC_ADD]  = &helper_info_atomic_add,
    [ATOMIC_CLR]  = &helper_info_atomic_clr,
    [ATOMIC_EOR]  = &helper_info_atomic_eor,
    [ATOMIC_SET]  = &helper_info_atomic_set,
    [ATOMIC_SMAX] = &helper_info_atomic_smax,
    [ATOMIC_SMIN] = &helper_info_atomic_smin,
    [ATOMIC_UMAX] = &helper_info_atomic_umax,
    [ATOMIC_UMIN] = &helper_info_atomic_umin,
    [ATOMIC_SWP]  = &helper_info_atomic_swp,
};

/* The value the helper stored (for plugin markers only): old <op> val in
 * 8 << @size bits, zero-extended. @old is already zero-extended. */
static IRTemp *gen_atomic_result(DisasContext *s, AtomicOp op, int size,
                                 IRTemp *old, IRTemp *val)
{
    /* old is kept when old <cond> val */
    static const IRCond minmax_cond[] = {
        IR_COND_GT, IR_COND_LT, IR_COND_GTU, IR_COND_LTU,
    };
    IRContext *ir = s->ir;
    unsigned bits = 8u << size;
    IRTemp *r = tmp64(s), *x = tmp64(s), *y = tmp64(s);
    bool is_signed = op == ATOMIC_SMAX || op == ATOMIC_SMIN;

    if (bits < 64) {
        (is_signed ? ir_gen_sextract : ir_gen_extract)(ir, IR_I64, x, old, 0,
                                                       bits);
        (is_signed ? ir_gen_sextract : ir_gen_extract)(ir, IR_I64, y, val, 0,
                                                       bits);
    } else {
        ir_gen_mov(ir, IR_I64, x, old);
        ir_gen_mov(ir, IR_I64, y, val);
    }
    switch (op) {
    case ATOMIC_ADD:
        ir_gen_add(ir, IR_I64, r, x, y);
        break;
    case ATOMIC_CLR:
        ir_gen_andc(ir, IR_I64, r, x, y);
        break;
    case ATOMIC_EOR:
        ir_gen_xor(ir, IR_I64, r, x, y);
        break;
    case ATOMIC_SET:
        ir_gen_or(ir, IR_I64, r, x, y);
        break;
    case ATOMIC_SWP:
        ir_gen_mov(ir, IR_I64, r, y);
        break;
    case ATOMIC_SMAX:
    case ATOMIC_SMIN:
    case ATOMIC_UMAX:
    case ATOMIC_UMIN:
        ir_gen_movcond(ir, IR_I64, minmax_cond[op - ATOMIC_SMAX], r, x, y,
                       x, y);
        break;
    }
    if (bits < 64) {
        ir_gen_extract(ir, IR_I64, r, r, 0, bits);
    }
    return r;
}

/*
 * LD<op>{A,L,AL}{B,H,,} Rs, Rt, [Xn|SP]: memory = old <op> Rs, Rt = old
 * (zero-extended). Rt = XZR is the ST<op> alias: the result is dropped.
 */
static bool do_atomic_op(DisasContext *s, arg_LDADD *a, AtomicOp op)
{
    IRContext *ir = s->ir;
    IRTemp *addr = read_reg_sp(s, a->rn, true);
    IRTemp *val = read_reg(s, a->rs, true);
    IRTemp *old = tmp64(s);

    ir_gen_callv(ir, atomic_helpers[op], old, ir_env(ir), addr, val,
                 const32(s, a->size));
    if (ir->plugin_mem_markers) {
        gen_rmw_markers(s, addr, old,
                        gen_atomic_result(s, op, a->size, old, val), a->size);
    }
    write_reg(s, a->rt, true, old);
    return true;
}

TRANS(LDADD,  do_atomic_op, ATOMIC_ADD)
TRANS(LDCLR,  do_atomic_op, ATOMIC_CLR)
TRANS(LDEOR,  do_atomic_op, ATOMIC_EOR)
TRANS(LDSET,  do_atomic_op, ATOMIC_SET)
TRANS(LDSMAX, do_atomic_op, ATOMIC_SMAX)
TRANS(LDSMIN, do_atomic_op, ATOMIC_SMIN)
TRANS(LDUMAX, do_atomic_op, ATOMIC_UMAX)
TRANS(LDUMIN, do_atomic_op, ATOMIC_UMIN)
TRANS(SWP,    do_atomic_op, ATOMIC_SWP)
