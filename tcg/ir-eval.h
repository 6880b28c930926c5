// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir-eval.h: the semantics of every arithmetic op, as pure functions.
 *
 * The optimizer folds constants with these and the interpreter executes
 * with them, so the two can never disagree (LuaJIT's fold calls the VM's
 * own arithmetic for the same reason). Edge cases are decided here once
 * and written down in docs/internals/ir.md.
 *
 * Conventions: values travel as uint64_t. For IR_I32, the upper 32 bits of
 * every input are ignored and every result is zero-extended, so callers
 * never need to clean inputs. Calls with a constant type fold to plain
 * 32- or 64-bit arithmetic.
 */
#ifndef UEMU_TCG_IR_EVAL_H
#define UEMU_TCG_IR_EVAL_H

#include <stdbool.h>
#include <stdint.h>
#include "ir.h"

/* -- Helpers ------------------------------------------------------------ */

/* ir_eval_norm: @v as a value of type @t (I32: zero-extended low half). */
static inline uint64_t ir_eval_norm(IRType t, uint64_t v)
{
    return t == IR_I32 ? (uint32_t)v : v;
}

/* ir_eval_sext: @v as a signed number of type @t, widened to 64 bits. */
static inline int64_t ir_eval_sext(IRType t, uint64_t v)
{
    return t == IR_I32 ? (int64_t)(int32_t)v : (int64_t)v;
}

static inline uint64_t ir_eval_mask(unsigned len)
{
    return len >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << len) - 1;
}

/* -- Arithmetic ------------------------------------------------------- */

static inline uint64_t ir_eval_add(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a + b);
}

static inline uint64_t ir_eval_sub(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a - b);
}

static inline uint64_t ir_eval_mul(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a * b);
}

static inline uint64_t ir_eval_neg(IRType t, uint64_t a)
{
    return ir_eval_norm(t, -a);
}

/* Double-width products: *lo, *hi of the full 2*width-bit product. */
static inline void ir_eval_mulu2(IRType t, uint64_t a, uint64_t b,
                                 uint64_t *lo, uint64_t *hi)
{
    if (t == IR_I32) {
        uint64_t p = (uint64_t)(uint32_t)a * (uint32_t)b;
        *lo = (uint32_t)p;
        *hi = p >> 32;
    } else {
        unsigned __int128 p = (unsigned __int128)a * b;
        *lo = (uint64_t)p;
        *hi = (uint64_t)(p >> 64);
    }
}

static inline void ir_eval_muls2(IRType t, uint64_t a, uint64_t b,
                                 uint64_t *lo, uint64_t *hi)
{
    if (t == IR_I32) {
        int64_t p = (int64_t)(int32_t)a * (int32_t)b;
        *lo = (uint32_t)p;
        *hi = (uint32_t)((uint64_t)p >> 32);
    } else {
        __int128 p = (__int128)(int64_t)a * (int64_t)b;
        *lo = (uint64_t)p;
        *hi = (uint64_t)((unsigned __int128)p >> 64);
    }
}

static inline uint64_t ir_eval_muluh(IRType t, uint64_t a, uint64_t b)
{
    uint64_t lo, hi;

    ir_eval_mulu2(t, a, b, &lo, &hi);
    return hi;
}

static inline uint64_t ir_eval_mulsh(IRType t, uint64_t a, uint64_t b)
{
    uint64_t lo, hi;

    ir_eval_muls2(t, a, b, &lo, &hi);
    return hi;
}

/* Double-word add/sub: (rh:rl) = (ah:al) +/- (bh:bl). */
static inline void ir_eval_add2(IRType t, uint64_t al, uint64_t ah,
                                uint64_t bl, uint64_t bh,
                                uint64_t *rl, uint64_t *rh)
{
    uint64_t l = ir_eval_norm(t, al + bl);
    uint64_t carry = l < ir_eval_norm(t, al);

    *rl = l;
    *rh = ir_eval_norm(t, ah + bh + carry);
}

static inline void ir_eval_sub2(IRType t, uint64_t al, uint64_t ah,
                                uint64_t bl, uint64_t bh,
                                uint64_t *rl, uint64_t *rh)
{
    uint64_t borrow = ir_eval_norm(t, al) < ir_eval_norm(t, bl);

    *rl = ir_eval_norm(t, al - bl);
    *rh = ir_eval_norm(t, ah - bh - borrow);
}

/* Division follows Arm SDIV/UDIV: x / 0 = 0 and MIN / -1 = MIN (no trap).
 * The remainders are what MSUB computes from those quotients:
 * x % 0 = x and MIN % -1 = 0. */
static inline uint64_t ir_eval_divu(IRType t, uint64_t a, uint64_t b)
{
    a = ir_eval_norm(t, a);
    b = ir_eval_norm(t, b);
    return b == 0 ? 0 : a / b;
}

static inline uint64_t ir_eval_remu(IRType t, uint64_t a, uint64_t b)
{
    a = ir_eval_norm(t, a);
    b = ir_eval_norm(t, b);
    return b == 0 ? a : a % b;
}

static inline uint64_t ir_eval_div(IRType t, uint64_t a, uint64_t b)
{
    int64_t sa = ir_eval_sext(t, a), sb = ir_eval_sext(t, b);
    int64_t min = t == IR_I32 ? INT32_MIN : INT64_MIN;

    if (sb == 0) {
        return 0;
    }
    if (sa == min && sb == -1) {
        return ir_eval_norm(t, (uint64_t)min);
    }
    return ir_eval_norm(t, (uint64_t)(sa / sb));
}

static inline uint64_t ir_eval_rem(IRType t, uint64_t a, uint64_t b)
{
    int64_t sa = ir_eval_sext(t, a), sb = ir_eval_sext(t, b);

    if (sb == 0) {
        return ir_eval_norm(t, a);
    }
    if (sb == -1) {
        return 0;                     /* also MIN % -1, which C leaves undefined */
    }
    return ir_eval_norm(t, (uint64_t)(sa % sb));
}

/* -- Logic ------------------------------------------------------------ */

static inline uint64_t ir_eval_and(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a & b);
}

static inline uint64_t ir_eval_or(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a | b);
}

static inline uint64_t ir_eval_xor(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a ^ b);
}

static inline uint64_t ir_eval_andc(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a & ~b);
}

static inline uint64_t ir_eval_orc(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a | ~b);
}

static inline uint64_t ir_eval_eqv(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, ~(a ^ b));
}

static inline uint64_t ir_eval_not(IRType t, uint64_t a)
{
    return ir_eval_norm(t, ~a);
}

/* -- Shifts: the count is taken modulo the width ---------------------- */

static inline unsigned ir_eval_count(IRType t, uint64_t b)
{
    return (unsigned)(b & (ir_type_bits(t) - 1));
}

static inline uint64_t ir_eval_shl(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a << ir_eval_count(t, b));
}

static inline uint64_t ir_eval_shr(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, a) >> ir_eval_count(t, b);
}

static inline uint64_t ir_eval_sar(IRType t, uint64_t a, uint64_t b)
{
    return ir_eval_norm(t, (uint64_t)(ir_eval_sext(t, a) >> ir_eval_count(t, b)));
}

static inline uint64_t ir_eval_rotl(IRType t, uint64_t a, uint64_t b)
{
    unsigned w = ir_type_bits(t), n = ir_eval_count(t, b);

    a = ir_eval_norm(t, a);
    return n == 0 ? a : ir_eval_norm(t, (a << n) | (a >> (w - n)));
}

static inline uint64_t ir_eval_rotr(IRType t, uint64_t a, uint64_t b)
{
    unsigned w = ir_type_bits(t), n = ir_eval_count(t, b);

    a = ir_eval_norm(t, a);
    return n == 0 ? a : ir_eval_norm(t, (a >> n) | (a << (w - n)));
}

/* -- Bit fields (the verifier guarantees 1 <= len, pos + len <= width) - */

static inline uint64_t ir_eval_deposit(IRType t, uint64_t a, uint64_t b,
                                       unsigned pos, unsigned len)
{
    uint64_t m = ir_eval_mask(len) << pos;

    return ir_eval_norm(t, (a & ~m) | ((b << pos) & m));
}

static inline uint64_t ir_eval_extract(IRType t, uint64_t a, unsigned pos,
                                       unsigned len)
{
    return (ir_eval_norm(t, a) >> pos) & ir_eval_mask(len);
}

static inline uint64_t ir_eval_sextract(IRType t, uint64_t a, unsigned pos,
                                        unsigned len)
{
    /* move the field to the top of 64 bits, then shift back arithmetically */
    int64_t top = (int64_t)(a << (64 - pos - len));

    return ir_eval_norm(t, (uint64_t)(top >> (64 - len)));
}

static inline uint64_t ir_eval_extract2(IRType t, uint64_t lo, uint64_t hi,
                                        unsigned pos)
{
    unsigned w = ir_type_bits(t);

    lo = ir_eval_norm(t, lo);
    return pos == 0 ? lo : ir_eval_norm(t, (lo >> pos) | (hi << (w - pos)));
}

/* -- Extensions and conversions --------------------------------------- */

static inline uint64_t ir_eval_ext8s(IRType t, uint64_t a)
{
    return ir_eval_norm(t, (uint64_t)(int64_t)(int8_t)a);
}

static inline uint64_t ir_eval_ext8u(IRType t, uint64_t a)
{
    return (uint8_t)a;
}

static inline uint64_t ir_eval_ext16s(IRType t, uint64_t a)
{
    return ir_eval_norm(t, (uint64_t)(int64_t)(int16_t)a);
}

static inline uint64_t ir_eval_ext16u(IRType t, uint64_t a)
{
    return (uint16_t)a;
}

static inline uint64_t ir_eval_ext32s(IRType t, uint64_t a)
{
    return ir_eval_norm(t, (uint64_t)(int64_t)(int32_t)a);
}

static inline uint64_t ir_eval_ext32u(IRType t, uint64_t a)
{
    return (uint32_t)a;
}

static inline uint64_t ir_eval_extrl_i64_i32(uint64_t a)
{
    return (uint32_t)a;
}

static inline uint64_t ir_eval_extrh_i64_i32(uint64_t a)
{
    return a >> 32;
}

static inline uint64_t ir_eval_extu_i32_i64(uint64_t a)
{
    return (uint32_t)a;
}

static inline uint64_t ir_eval_exts_i32_i64(uint64_t a)
{
    return (uint64_t)(int64_t)(int32_t)a;
}

/* -- Bit counting and byte swaps -------------------------------------- */

/* clz(0) and ctz(0) are the width (Arm CLZ; x86 LZCNT/TZCNT). */
static inline uint64_t ir_eval_clz(IRType t, uint64_t a)
{
    a = ir_eval_norm(t, a);
    if (a == 0) {
        return ir_type_bits(t);
    }
    return t == IR_I32 ? (uint64_t)__builtin_clz((uint32_t)a)
                       : (uint64_t)__builtin_clzll(a);
}

static inline uint64_t ir_eval_ctz(IRType t, uint64_t a)
{
    a = ir_eval_norm(t, a);
    return a == 0 ? ir_type_bits(t) : (uint64_t)__builtin_ctzll(a);
}

static inline uint64_t ir_eval_ctpop(IRType t, uint64_t a)
{
    return (uint64_t)__builtin_popcountll(ir_eval_norm(t, a));
}

/* bswap16/bswap32 reverse the low 2/4 bytes; the result's upper bits are 0. */
static inline uint64_t ir_eval_bswap16(IRType t, uint64_t a)
{
    return __builtin_bswap16((uint16_t)a);
}

static inline uint64_t ir_eval_bswap32(IRType t, uint64_t a)
{
    return __builtin_bswap32((uint32_t)a);
}

static inline uint64_t ir_eval_bswap64(IRType t, uint64_t a)
{
    return __builtin_bswap64(a);
}

/* -- Conditions ------------------------------------------------------- */

static inline bool ir_eval_cond(IRCond c, IRType t, uint64_t a, uint64_t b)
{
    uint64_t ua = ir_eval_norm(t, a), ub = ir_eval_norm(t, b);
    int64_t sa = ir_eval_sext(t, a), sb = ir_eval_sext(t, b);

    switch (c) {
    case IR_COND_NEVER:  return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ:     return ua == ub;
    case IR_COND_NE:     return ua != ub;
    case IR_COND_LT:     return sa < sb;
    case IR_COND_GE:     return sa >= sb;
    case IR_COND_LE:     return sa <= sb;
    case IR_COND_GT:     return sa > sb;
    case IR_COND_LTU:    return ua < ub;
    case IR_COND_GEU:    return ua >= ub;
    case IR_COND_LEU:    return ua <= ub;
    case IR_COND_GTU:    return ua > ub;
    case IR_COND_TSTEQ:  return (ua & ub) == 0;
    case IR_COND_TSTNE:  return (ua & ub) != 0;
    case IR_COND_COUNT:  break;
    }
    return false;                     /* unreachable: the verifier rejects it */
}

static inline uint64_t ir_eval_setcond(IRCond c, IRType t, uint64_t a,
                                       uint64_t b)
{
    return ir_eval_cond(c, t, a, b);
}

static inline uint64_t ir_eval_negsetcond(IRCond c, IRType t, uint64_t a,
                                          uint64_t b)
{
    return ir_eval_norm(t, -(uint64_t)ir_eval_cond(c, t, a, b));
}

/* -- Memory ----------------------------------------------------------- */

/* ir_eval_load_extend: widen the @mo-sized @raw (low bytes) to type @t. */
static inline uint64_t ir_eval_load_extend(IRType t, IRMemOp mo, uint64_t raw)
{
    unsigned bits = 8 * ir_memop_size(mo);

    if (bits >= 64) {
        return ir_eval_norm(t, raw);
    }
    raw &= ir_eval_mask(bits);
    if ((mo & IR_MO_SIGN) && (raw >> (bits - 1)) & 1) {
        raw |= ~ir_eval_mask(bits);
    }
    return ir_eval_norm(t, raw);
}

#endif /* UEMU_TCG_IR_EVAL_H */
