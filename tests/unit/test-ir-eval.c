// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-ir-eval.c: the edge semantics of tcg/ir-eval.h.
 *
 * These functions are the IR's definition for both the optimizer and the
 * interpreter (and the reference the JIT is tested against), so every edge
 * case docs/internals/ir.md promises is pinned here: shift counts >= width,
 * division by zero and MIN / -1, clz/ctz of 0, byte swaps, bit-field
 * boundaries, and I32 ops fed values with garbage in their upper halves.
 */
#include "unit.h"
#include "tcg/ir-eval.h"

#define GARBAGE 0xdeadbeef00000000ull    /* upper half an I32 op must ignore */

typedef uint64_t BinFn(IRType, uint64_t, uint64_t);

typedef struct BinCase {
    const char *what;
    BinFn *fn;
    IRType t;
    uint64_t a, b, want;
} BinCase;

static const BinCase bin_cases[] = {
    /* shifts: the count is taken modulo the width */
    { "shl_i32 by 33 = by 1",   ir_eval_shl, IR_I32, 1, 33, 2 },
    { "shl_i64 by 64 = by 0",   ir_eval_shl, IR_I64, 1, 64, 1 },
    { "shl_i64 by 63",          ir_eval_shl, IR_I64, 1, 63, 1ull << 63 },
    { "shr_i32 by 32 = by 0",   ir_eval_shr, IR_I32, 0x80000000, 32, 0x80000000 },
    { "shr_i64 by 127 = by 63", ir_eval_shr, IR_I64, 1ull << 63, 127, 1 },
    { "sar_i32 by 63 = by 31",  ir_eval_sar, IR_I32, 0x80000000, 63, 0xffffffff },
    { "sar_i64 negative",       ir_eval_sar, IR_I64, -16ull, 2, -4ull },
    { "rotl_i32 by 0",          ir_eval_rotl, IR_I32, 0x12345678, 0, 0x12345678 },
    { "rotl_i32 by 36 = by 4",  ir_eval_rotl, IR_I32, 0x12345678, 36, 0x23456781 },
    { "rotr_i32 by 1",          ir_eval_rotr, IR_I32, 1, 1, 0x80000000 },
    { "rotr_i64 by 64 = by 0",  ir_eval_rotr, IR_I64, 3, 64, 3 },
    { "rotr_i64 by 4",          ir_eval_rotr, IR_I64, 0x1234, 4, 0x4000000000000123ull },
    /* division: Arm's results, no traps */
    { "div_i64 x/0 = 0",        ir_eval_div, IR_I64, 5, 0, 0 },
    { "divu_i64 x/0 = 0",       ir_eval_divu, IR_I64, 5, 0, 0 },
    { "div_i32 x/0 = 0",        ir_eval_div, IR_I32, 5, 0, 0 },
    { "rem_i64 x%0 = x",        ir_eval_rem, IR_I64, -5ull, 0, -5ull },
    { "remu_i32 x%0 = x",       ir_eval_remu, IR_I32, 7, 0, 7 },
    { "div_i64 MIN/-1 = MIN",   ir_eval_div, IR_I64, 1ull << 63, -1ull, 1ull << 63 },
    { "div_i32 MIN/-1 = MIN",   ir_eval_div, IR_I32, 0x80000000, 0xffffffff, 0x80000000 },
    { "rem_i64 MIN%-1 = 0",     ir_eval_rem, IR_I64, 1ull << 63, -1ull, 0 },
    { "rem_i32 MIN%-1 = 0",     ir_eval_rem, IR_I32, 0x80000000, 0xffffffff, 0 },
    { "div_i64 truncates",      ir_eval_div, IR_I64, -7ull, 2, -3ull },
    { "rem_i64 sign of dividend", ir_eval_rem, IR_I64, -7ull, 2, -1ull },
    { "divu_i32 is unsigned",   ir_eval_divu, IR_I32, 0xfffffffe, 2, 0x7fffffff },
    { "div_i32 is signed",      ir_eval_div, IR_I32, 0xfffffffe, 2, 0xffffffff },
    /* I32 ops ignore the upper half of their inputs, zero-extend results */
    { "add_i32 garbage",        ir_eval_add, IR_I32, GARBAGE | 0xffffffff, GARBAGE | 2, 1 },
    { "sub_i32 wraps",          ir_eval_sub, IR_I32, 0, 1, 0xffffffff },
    { "mul_i32 garbage",        ir_eval_mul, IR_I32, GARBAGE | 3, GARBAGE | 5, 15 },
    { "shr_i32 garbage",        ir_eval_shr, IR_I32, GARBAGE | 0x80, 4, 8 },
    { "sar_i32 garbage",        ir_eval_sar, IR_I32, GARBAGE | 0x80000000, 4, 0xf8000000 },
    { "rotr_i32 garbage",       ir_eval_rotr, IR_I32, GARBAGE | 1, 1, 0x80000000 },
    { "divu_i32 garbage",       ir_eval_divu, IR_I32, GARBAGE | 10, GARBAGE | 3, 3 },
    { "rem_i32 garbage",        ir_eval_rem, IR_I32, GARBAGE | 0xfffffff9, GARBAGE | 2, 0xffffffff },
    { "and_i32 garbage",        ir_eval_and, IR_I32, GARBAGE | 0xff, ~0ull, 0xff },
    { "orc_i32 clears high",    ir_eval_orc, IR_I32, 0, 0, 0xffffffff },
    { "eqv_i64",                ir_eval_eqv, IR_I64, 0xf0, 0xff, ~0x0full },
    { "andc_i64",               ir_eval_andc, IR_I64, 0xff, 0x0f, 0xf0 },
    /* high halves of products */
    { "muluh_i64",              ir_eval_muluh, IR_I64, ~0ull, ~0ull, ~1ull },
    { "mulsh_i64 -1*-1",        ir_eval_mulsh, IR_I64, ~0ull, ~0ull, 0 },
    { "mulsh_i32 -2*3",         ir_eval_mulsh, IR_I32, 0xfffffffe, 3, 0xffffffff },
    { "muluh_i32 garbage",      ir_eval_muluh, IR_I32, GARBAGE | 0x80000000, 4, 2 },
};

START_TEST(test_eval_binary_edge_case_matches_table)
{
    const BinCase *c = &bin_cases[_i];
    uint64_t got = c->fn(c->t, c->a, c->b);

    ck_assert_msg(got == c->want, "%s: got 0x%" G_GINT64_MODIFIER "x, want 0x%"
                  G_GINT64_MODIFIER "x", c->what, got, c->want);
}
END_TEST

START_TEST(test_eval_clz_ctz_of_zero_are_width)
{
    ck_assert_uint_eq(ir_eval_clz(IR_I32, 0), 32);
    ck_assert_uint_eq(ir_eval_clz(IR_I64, 0), 64);
    ck_assert_uint_eq(ir_eval_ctz(IR_I32, 0), 32);
    ck_assert_uint_eq(ir_eval_ctz(IR_I64, 0), 64);
    ck_assert_uint_eq(ir_eval_clz(IR_I32, GARBAGE), 32);     /* low half is 0 */
    ck_assert_uint_eq(ir_eval_ctz(IR_I32, GARBAGE), 32);
    ck_assert_uint_eq(ir_eval_clz(IR_I32, 1), 31);
    ck_assert_uint_eq(ir_eval_clz(IR_I64, 1), 63);
    ck_assert_uint_eq(ir_eval_ctz(IR_I64, 1ull << 63), 63);
    ck_assert_uint_eq(ir_eval_ctpop(IR_I32, GARBAGE | 0xf), 4);
    ck_assert_uint_eq(ir_eval_ctpop(IR_I64, ~0ull), 64);
}
END_TEST

START_TEST(test_eval_bswap_clears_bits_above_the_swapped_bytes)
{
    ck_assert_uint_eq(ir_eval_bswap16(IR_I32, 0x12345678), 0x7856);
    ck_assert_uint_eq(ir_eval_bswap16(IR_I64, 0x1122334455667788ull), 0x8877);
    ck_assert_uint_eq(ir_eval_bswap32(IR_I32, 0x12345678), 0x78563412);
    ck_assert_uint_eq(ir_eval_bswap32(IR_I64, 0x1122334455667788ull), 0x88776655);
    ck_assert_uint_eq(ir_eval_bswap64(IR_I64, 0x1122334455667788ull),
                      0x8877665544332211ull);
}
END_TEST

START_TEST(test_eval_bitfields_at_boundaries_are_exact)
{
    ck_assert_uint_eq(ir_eval_deposit(IR_I64, 0, ~0ull, 0, 64), ~0ull);
    ck_assert_uint_eq(ir_eval_deposit(IR_I64, 0, 1, 63, 1), 1ull << 63);
    ck_assert_uint_eq(ir_eval_deposit(IR_I32, GARBAGE, 1, 31, 1), 0x80000000);
    ck_assert_uint_eq(ir_eval_deposit(IR_I32, 0xffffffff, 0, 8, 8), 0xffff00ff);
    ck_assert_uint_eq(ir_eval_extract(IR_I64, 0x8000000000000001ull, 0, 64),
                      0x8000000000000001ull);
    ck_assert_uint_eq(ir_eval_extract(IR_I64, 1ull << 63, 63, 1), 1);
    ck_assert_uint_eq(ir_eval_extract(IR_I32, GARBAGE | 0xf0000000, 28, 4), 0xf);
    ck_assert_uint_eq(ir_eval_sextract(IR_I64, 0x80, 0, 8), ~0x7full);
    ck_assert_uint_eq(ir_eval_sextract(IR_I64, 1ull << 63, 0, 64), 1ull << 63);
    ck_assert_uint_eq(ir_eval_sextract(IR_I32, GARBAGE | 0x80000000, 28, 4),
                      0xfffffff8);
    ck_assert_uint_eq(ir_eval_sextract(IR_I32, 0x70000000, 28, 4), 7);
    ck_assert_uint_eq(ir_eval_extract2(IR_I64, 0x1111, 0x2222, 0), 0x1111);
    ck_assert_uint_eq(ir_eval_extract2(IR_I64, 0x8000000000000000ull, 1, 63), 3);
    ck_assert_uint_eq(ir_eval_extract2(IR_I32, GARBAGE | 0x80000000, 0xff, 28),
                      0xff8);
}
END_TEST

START_TEST(test_eval_extensions_and_conversions_widen_correctly)
{
    ck_assert_uint_eq(ir_eval_ext8s(IR_I32, 0x80), 0xffffff80);
    ck_assert_uint_eq(ir_eval_ext8s(IR_I64, 0x7f80), ~0x7full);
    ck_assert_uint_eq(ir_eval_ext8u(IR_I64, ~0ull), 0xff);
    ck_assert_uint_eq(ir_eval_ext16s(IR_I32, GARBAGE | 0x8000), 0xffff8000);
    ck_assert_uint_eq(ir_eval_ext16u(IR_I32, 0x12345678), 0x5678);
    ck_assert_uint_eq(ir_eval_ext32s(IR_I64, 0x80000000), 0xffffffff80000000ull);
    ck_assert_uint_eq(ir_eval_ext32u(IR_I64, ~0ull), 0xffffffff);
    ck_assert_uint_eq(ir_eval_extrl_i64_i32(0x1122334455667788ull), 0x55667788);
    ck_assert_uint_eq(ir_eval_extrh_i64_i32(0x1122334455667788ull), 0x11223344);
    ck_assert_uint_eq(ir_eval_extu_i32_i64(GARBAGE | 0x80000000), 0x80000000);
    ck_assert_uint_eq(ir_eval_exts_i32_i64(GARBAGE | 0x80000000),
                      0xffffffff80000000ull);
    ck_assert_uint_eq(ir_eval_neg(IR_I32, 1), 0xffffffff);
    ck_assert_uint_eq(ir_eval_not(IR_I32, GARBAGE), 0xffffffff);
}
END_TEST

START_TEST(test_eval_double_width_ops_carry_between_halves)
{
    uint64_t lo, hi;

    ir_eval_mulu2(IR_I64, ~0ull, ~0ull, &lo, &hi);
    ck_assert_uint_eq(lo, 1);
    ck_assert_uint_eq(hi, ~1ull);
    ir_eval_muls2(IR_I64, ~0ull, 2, &lo, &hi);          /* -1 * 2 = -2 */
    ck_assert_uint_eq(lo, ~1ull);
    ck_assert_uint_eq(hi, ~0ull);
    ir_eval_muls2(IR_I32, GARBAGE | 0xffffffff, 2, &lo, &hi);
    ck_assert_uint_eq(lo, 0xfffffffe);
    ck_assert_uint_eq(hi, 0xffffffff);
    ir_eval_mulu2(IR_I32, 0xffffffff, 0xffffffff, &lo, &hi);
    ck_assert_uint_eq(lo, 1);
    ck_assert_uint_eq(hi, 0xfffffffe);

    ir_eval_add2(IR_I64, ~0ull, 0, 1, 0, &lo, &hi);
    ck_assert_uint_eq(lo, 0);
    ck_assert_uint_eq(hi, 1);
    ir_eval_add2(IR_I32, GARBAGE | 0xffffffff, 5, 1, 0, &lo, &hi);
    ck_assert_uint_eq(lo, 0);
    ck_assert_uint_eq(hi, 6);
    ir_eval_sub2(IR_I64, 0, 1, 1, 0, &lo, &hi);
    ck_assert_uint_eq(lo, ~0ull);
    ck_assert_uint_eq(hi, 0);
    ir_eval_sub2(IR_I32, GARBAGE, 1, 1, 0, &lo, &hi);
    ck_assert_uint_eq(lo, 0xffffffff);
    ck_assert_uint_eq(hi, 0);
}
END_TEST

START_TEST(test_eval_conditions_distinguish_signed_and_unsigned)
{
    ck_assert(ir_eval_cond(IR_COND_LT, IR_I64, -1ull, 0));
    ck_assert(!ir_eval_cond(IR_COND_LTU, IR_I64, -1ull, 0));
    ck_assert(ir_eval_cond(IR_COND_LT, IR_I32, GARBAGE | 0xffffffff, 0));
    ck_assert(ir_eval_cond(IR_COND_EQ, IR_I32, GARBAGE | 7, 7));
    ck_assert(ir_eval_cond(IR_COND_GTU, IR_I32, 0xffffffff, 1));
    ck_assert(ir_eval_cond(IR_COND_TSTNE, IR_I64, 0x10, 0x30));
    ck_assert(ir_eval_cond(IR_COND_TSTEQ, IR_I32, GARBAGE, 0xffffffff));
    ck_assert(ir_eval_cond(IR_COND_ALWAYS, IR_I64, 0, 1));
    ck_assert(!ir_eval_cond(IR_COND_NEVER, IR_I64, 0, 0));
    ck_assert_uint_eq(ir_eval_negsetcond(IR_COND_LE, IR_I32, 1, 1), 0xffffffff);
    ck_assert_uint_eq(ir_eval_negsetcond(IR_COND_LE, IR_I64, 2, 1), 0);
    ck_assert_uint_eq(ir_eval_setcond(IR_COND_GE, IR_I64, 0, -1ull), 1);
}
END_TEST

START_TEST(test_eval_load_extend_follows_memop_sign)
{
    ck_assert_uint_eq(ir_eval_load_extend(IR_I32, IR_MO_SB, 0x80), 0xffffff80);
    ck_assert_uint_eq(ir_eval_load_extend(IR_I64, IR_MO_UB, 0xff80), 0x80);
    ck_assert_uint_eq(ir_eval_load_extend(IR_I64, IR_MO_SW, 0x8000), ~0x7fffull);
    ck_assert_uint_eq(ir_eval_load_extend(IR_I64, IR_MO_SL, 0x80000000),
                      0xffffffff80000000ull);
    ck_assert_uint_eq(ir_eval_load_extend(IR_I32, IR_MO_SL, 0x80000000), 0x80000000);
    ck_assert_uint_eq(ir_eval_load_extend(IR_I64, IR_MO_UQ, ~0ull), ~0ull);
}
END_TEST

static Suite *ir_eval_suite(void)
{
    Suite *s = suite_create("ir-eval");
    TCase *tc = tcase_create("core");

    tcase_add_loop_test(tc, test_eval_binary_edge_case_matches_table, 0,
                        G_N_ELEMENTS(bin_cases));
    tcase_add_test(tc, test_eval_clz_ctz_of_zero_are_width);
    tcase_add_test(tc, test_eval_bswap_clears_bits_above_the_swapped_bytes);
    tcase_add_test(tc, test_eval_bitfields_at_boundaries_are_exact);
    tcase_add_test(tc, test_eval_extensions_and_conversions_widen_correctly);
    tcase_add_test(tc, test_eval_double_width_ops_carry_between_halves);
    tcase_add_test(tc, test_eval_conditions_distinguish_signed_and_unsigned);
    tcase_add_test(tc, test_eval_load_extend_follows_memop_sign);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(ir_eval_suite)
