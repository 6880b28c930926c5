// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-simd-ldst.c: AdvSIMD structure loads and stores (class "simd_ldst"
 * of a64.decode): LD1-LD4/ST1-ST4 of multiple structures, of a single
 * lane, and LD1R-LD4R, each with an optional post-index (Rm = 31: by the
 * transfer size, else by Xm).
 *
 * ARM ARM C7.2 (LD1..ST4 shared pseudocode): structure i of the transfer
 * is element i of registers Vt, Vt+1, ... (numbers wrap at 31), the
 * registers' elements interleaved in memory; LD1/ST1 of several registers
 * is the contiguous case, done as 64-bit accesses. A load of a 64-bit
 * vector (Q = 0) zeroes the high half; a single-lane load leaves the other
 * lanes alone. Rn = 31 is SP. The base is written back after the
 * accesses; a fault part-way leaves the registers loaded so far written
 * (their value is UNKNOWN to the architecture, qemu does the same).
 */
#include "trans-simd.h"
#include "a64-decode.h"

static IRTemp *addr_add(DisasContext *s, IRTemp *addr, int64_t off)
{
    IRTemp *t = tmp64(s);

    ir_gen_addi(s->ir, IR_I64, t, addr, (uint64_t)off);
    return t;
}

/* Post-index writeback: Xn/SP = addr + (rm == 31 ? @bytes : Xm). */
static void gen_post_index(DisasContext *s, int rn, int rm, IRTemp *addr,
                           int bytes)
{
    IRTemp *t = tmp64(s);

    if (rm == 31) {
        ir_gen_addi(s->ir, IR_I64, t, addr, (uint64_t)bytes);
    } else {
        ir_gen_add(s->ir, IR_I64, t, addr, read_reg(s, rm, true));
    }
    write_reg_sp(s, rn, true, t);
}

/* -- Multiple structures ------------------------------------------------ */

/* opcode -> registers (rpt) x structure elements (selem); 0: unallocated */
static const struct { uint8_t rpt, selem; } mult_shape[16] = {
    [0x0] = { 1, 4 }, [0x2] = { 4, 1 }, [0x4] = { 1, 3 }, [0x6] = { 3, 1 },
    [0x7] = { 1, 1 }, [0x8] = { 1, 2 }, [0xa] = { 2, 1 },
};

/* Transfer the registers; returns the number of bytes. */
static int gen_ldst_mult(DisasContext *s, bool load, int q, int opcode,
                         int esz, int rt, IRTemp *addr)
{
    int rpt = mult_shape[opcode].rpt, selem = mult_shape[opcode].selem;
    int halves = q ? 2 : 1, elems = (8 * halves) >> esz, offs = 0;

    if (selem == 1) {
        for (int r = 0; r < rpt; r++) {
            int tt = (rt + r) % 32;
            for (int h = 0; h < halves; h++, offs += 8) {
                IRTemp *a = addr_add(s, addr, offs);
                if (load) {
                    IRTemp *v = tmp64(s);
                    gen_ld(s, v, a, IR_MO_UQ);
                    write_vec64(s, tt, h, v);
                } else {
                    gen_st(s, read_vec64(s, tt, h), a, IR_MO_UQ);
                }
            }
            if (load && !q) {
                clear_vec_high(s, tt);
            }
        }
        return offs;
    }
    for (int e = 0; e < elems; e++) {
        for (int k = 0; k < selem; k++, offs += 1 << esz) {
            int tt = (rt + k) % 32;
            IRTemp *a = addr_add(s, addr, offs);
            if (load) {
                IRTemp *v = tmp64(s);
                gen_ld(s, v, a, (IRMemOp)esz);
                write_vec_elem(s, tt, e, esz, v);
            } else {
                gen_st(s, read_vec_elem(s, tt, e, esz, false), a, (IRMemOp)esz);
            }
        }
    }
    if (load && !q) {
        for (int k = 0; k < selem; k++) {
            clear_vec_high(s, (rt + k) % 32);
        }
    }
    return offs;
}

static bool do_ldst_mult(DisasContext *s, bool load, int q, int opcode,
                         int size, int rn, int rt, int rm, bool post)
{
    IRTemp *addr;
    int bytes;

    if (!mult_shape[opcode].rpt) {
        return false;
    }
    addr = read_reg_sp(s, rn, true);
    bytes = gen_ldst_mult(s, load, q, opcode, size, rt, addr);
    if (post) {
        gen_post_index(s, rn, rm, addr, bytes);
    }
    return true;
}

bool trans_ST_mult(DisasContext *s, arg_ST_mult *a)
{
    return do_ldst_mult(s, false, a->q, a->opcode, a->size, a->rn, a->rt,
                        0, false);
}

bool trans_LD_mult(DisasContext *s, arg_LD_mult *a)
{
    return do_ldst_mult(s, true, a->q, a->opcode, a->size, a->rn, a->rt,
                        0, false);
}

bool trans_ST_mult_post(DisasContext *s, arg_ST_mult_post *a)
{
    return do_ldst_mult(s, false, a->q, a->opcode, a->size, a->rn, a->rt,
                        a->rm, true);
}

bool trans_LD_mult_post(DisasContext *s, arg_LD_mult_post *a)
{
    return do_ldst_mult(s, true, a->q, a->opcode, a->size, a->rn, a->rt,
                        a->rm, true);
}

/* -- Single structure --------------------------------------------------- */

/*
 * The lane and its size from opc<2:1> (scale), Q, S and size: byte
 * Q:S:size, half Q:S:size<1>, word Q:S, doubleword (size = 01) Q. The
 * reserved combinations are UNALLOC rows of the decoder.
 */
static void single_lane(int q, int opc, int s_bit, int size, int *esz,
                        int *index)
{
    int scale = opc >> 1;

    switch (scale) {
    case 0:
        *index = q << 3 | s_bit << 2 | size;
        break;
    case 1:
        *index = q << 2 | s_bit << 1 | size >> 1;
        break;
    default:
        if (size & 1) {
            scale = 3;
            *index = q;
        } else {
            *index = q << 1 | s_bit;
        }
        break;
    }
    *esz = scale;
}

static bool do_ldst_single(DisasContext *s, bool load, int q, int r, int opc,
                           int s_bit, int size, int rn, int rt, int rm,
                           bool post)
{
    int selem = ((opc & 1) << 1 | r) + 1, esz, index;
    IRTemp *addr = read_reg_sp(s, rn, true);

    single_lane(q, opc, s_bit, size, &esz, &index);
    for (int k = 0; k < selem; k++) {
        IRTemp *a = addr_add(s, addr, k << esz);
        int tt = (rt + k) % 32;
        if (load) {
            IRTemp *v = tmp64(s);
            gen_ld(s, v, a, (IRMemOp)esz);
            write_vec_elem(s, tt, index, esz, v);
        } else {
            gen_st(s, read_vec_elem(s, tt, index, esz, false), a, (IRMemOp)esz);
        }
    }
    if (post) {
        gen_post_index(s, rn, rm, addr, selem << esz);
    }
    return true;
}

bool trans_ST_single(DisasContext *s, arg_ST_single *a)
{
    return do_ldst_single(s, false, a->q, a->r, a->opc, a->s, a->size, a->rn,
                          a->rt, 0, false);
}

bool trans_LD_single(DisasContext *s, arg_LD_single *a)
{
    return do_ldst_single(s, true, a->q, a->r, a->opc, a->s, a->size, a->rn,
                          a->rt, 0, false);
}

bool trans_ST_single_post(DisasContext *s, arg_ST_single_post *a)
{
    return do_ldst_single(s, false, a->q, a->r, a->opc, a->s, a->size, a->rn,
                          a->rt, a->rm, true);
}

bool trans_LD_single_post(DisasContext *s, arg_LD_single_post *a)
{
    return do_ldst_single(s, true, a->q, a->r, a->opc, a->s, a->size, a->rn,
                          a->rt, a->rm, true);
}

/* -- Load and replicate ------------------------------------------------- */

static bool do_ld_replicate(DisasContext *s, int q, int r, int opc0, int esz,
                            int rn, int rt, int rm, bool post)
{
    static const uint64_t rep[4] = { 0x0101010101010101ull,
                                     0x0001000100010001ull,
                                     0x0000000100000001ull, 1 };
    int selem = (opc0 << 1 | r) + 1;
    IRTemp *addr = read_reg_sp(s, rn, true);

    for (int k = 0; k < selem; k++) {
        IRTemp *v = tmp64(s);
        int tt = (rt + k) % 32;
        gen_ld(s, v, addr_add(s, addr, k << esz), (IRMemOp)esz);
        if (esz < 3) {
            ir_gen_muli(s->ir, IR_I64, v, v, rep[esz]);
        }
        write_vec64(s, tt, 0, v);
        write_vec64(s, tt, 1, q ? v : const64(s, 0));
    }
    if (post) {
        gen_post_index(s, rn, rm, addr, selem << esz);
    }
    return true;
}

bool trans_LD_replicate(DisasContext *s, arg_LD_replicate *a)
{
    return do_ld_replicate(s, a->q, a->r, a->opc0, a->size, a->rn, a->rt, 0,
                           false);
}

bool trans_LD_replicate_post(DisasContext *s, arg_LD_replicate_post *a)
{
    return do_ld_replicate(s, a->q, a->r, a->opc0, a->size, a->rn, a->rt,
                           a->rm, true);
}
