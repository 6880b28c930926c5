// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-optimize.c: each optimizer rule, as IR in and dump text out.
 *
 * Every test builds a block with the builder (ir-gen.h), runs the passes of
 * ir_opt_passes one by one with ir_verify() after each, and compares the
 * whole -d op_opt text. Globals x0..x3 (I64) and w4 (I32) stand for guest
 * registers; every block ends with " exit_tb $0x2" (TB_EXIT_LOOKUP).
 */
#include "unit.h"
#include "tcg/ir-gen.h"
#include "tcg/optimize.h"

static IRContext *ctx;
static IRTemp *x[4], *w4;

static const char *const xnames[4] = { "x0", "x1", "x2", "x3" };

static void setup(void)
{
    ctx = ir_ctx_new();
    for (int i = 0; i < 4; i++) {
        x[i] = ir_global_new(ctx, IR_I64, 8 * i, xnames[i]);
    }
    w4 = ir_global_new(ctx, IR_I32, 32, "w4");
}

static void teardown(void)
{
    ir_ctx_free(ctx);
}

/* Close the block, optimize with a verify after each pass, return the dump. */
static char *optimized(void)
{
    char *msg;

    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    msg = ir_verify(ctx);
    ck_assert_msg(msg == NULL, "input: %s", msg);
    for (const IROptPass *p = ir_opt_passes; p->name; p++) {
        p->run(ctx);
        msg = ir_verify(ctx);
        ck_assert_msg(msg == NULL, "after %s: %s", p->name, msg);
    }
    return ir_dump_to_string(ctx);
}

#define EXPECT(text) do { \
        g_autofree char *got = optimized(); \
        ck_assert_str_eq(got, text " exit_tb $0x2\n"); \
    } while (0)

static IRTemp *c64(uint64_t v)
{
    return ir_const(ctx, IR_I64, v);
}

/* -- Constant folding and propagation ---------------------------------- */

START_TEST(test_fold_add_of_constants_becomes_mov)
{
    ir_gen_add(ctx, IR_I64, x[0], c64(1), c64(2));
    EXPECT(" mov_i64 x0,$0x3\n");
}
END_TEST

START_TEST(test_fold_constant_propagates_through_temp)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_movi(ctx, IR_I64, t, 5);
    ir_gen_addi(ctx, IR_I64, x[0], t, 3);
    ir_gen_shli(ctx, IR_I64, x[1], x[0], 4);
    EXPECT(" mov_i64 x0,$0x8\n mov_i64 x1,$0x80\n");
}
END_TEST

START_TEST(test_fold_i32_constant_wraps_at_32_bits)
{
    ir_gen_add(ctx, IR_I32, w4, ir_const(ctx, IR_I32, 0xffffffff),
               ir_const(ctx, IR_I32, 2));
    EXPECT(" mov_i32 w4,$0x1\n");
}
END_TEST

START_TEST(test_fold_div_by_constant_zero_gives_zero)
{
    ir_gen_div(ctx, IR_I64, x[0], c64(5), c64(0));
    ir_gen_rem(ctx, IR_I64, x[1], c64(5), c64(0));
    EXPECT(" mov_i64 x0,$0x0\n mov_i64 x1,$0x5\n");
}
END_TEST

START_TEST(test_fold_ext_of_constant_is_constant)
{
    ir_gen_ext8s(ctx, IR_I64, x[0], c64(0x80));
    ir_gen_extrh_i64_i32(ctx, w4, c64(0x1122334455667788ull));
    EXPECT(" mov_i64 x0,$0xffffffffffffff80\n mov_i32 w4,$0x11223344\n");
}
END_TEST

START_TEST(test_fold_mulu2_of_constants_becomes_two_movs)
{
    ir_gen_mulu2(ctx, IR_I64, x[0], x[1], c64(~0ull), c64(2));
    EXPECT(" mov_i64 x0,$0xfffffffffffffffe\n mov_i64 x1,$0x1\n");
}
END_TEST

START_TEST(test_fold_deposit_and_extract_of_constants)
{
    ir_gen_deposit(ctx, IR_I64, x[0], c64(0xffff), c64(0), 4, 8);
    ir_gen_sextract(ctx, IR_I64, x[1], c64(0xf0), 4, 4);
    EXPECT(" mov_i64 x0,$0xf00f\n mov_i64 x1,$0xffffffffffffffff\n");
}
END_TEST

/* -- Copy propagation --------------------------------------------------- */

START_TEST(test_fold_copy_propagates_source_into_uses)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_mov(ctx, IR_I64, t, x[1]);
    ir_gen_add(ctx, IR_I64, x[0], t, x[2]);
    EXPECT(" add_i64 x0,x1,x2\n");
}
END_TEST

START_TEST(test_fold_copy_stops_when_source_is_redefined)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_mov(ctx, IR_I64, t, x[1]);
    ir_gen_addi(ctx, IR_I64, x[1], x[1], 1);
    ir_gen_mov(ctx, IR_I64, x[0], t);
    EXPECT(" mov_i64 tmp0,x1\n add_i64 x1,x1,$0x1\n mov_i64 x0,tmp0\n");
}
END_TEST

START_TEST(test_fold_mov_to_itself_is_removed)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_mov(ctx, IR_I64, t, x[0]);
    ir_gen_mov(ctx, IR_I64, x[0], t);
    EXPECT("");
}
END_TEST

START_TEST(test_fold_facts_do_not_cross_a_label)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);
    IRLabel *l = ir_label_new(ctx);

    ir_gen_movi(ctx, IR_I64, t, 5);
    ir_gen_brcondi(ctx, IR_I64, IR_COND_EQ, x[1], 0, l);
    ir_gen_movi(ctx, IR_I64, t, 6);
    ir_gen_set_label(ctx, l);
    ir_gen_addi(ctx, IR_I64, x[0], t, 1);
    EXPECT(" mov_i64 tmp0,$0x5\n brcond_i64 x1,$0x0,eq,$L0\n"
           " mov_i64 tmp0,$0x6\n set_label $L0\n add_i64 x0,tmp0,$0x1\n");
}
END_TEST

static uint64_t helper_dummy(uint64_t a)
{
    return a;
}

static const HelperInfo info_writes = {
    .name = "writes", .fn = helper_dummy, .flags = 0,
    .ret = IR_HT_VOID, .nargs = 1, .args = { IR_HT_PTR },
};

static const HelperInfo info_pure = {
    .name = "pure", .fn = helper_dummy, .flags = IR_CALL_PURE,
    .ret = IR_HT_I64, .nargs = 1, .args = { IR_HT_I64 },
};

START_TEST(test_fold_call_writing_globals_forgets_their_values)
{
    ir_gen_movi(ctx, IR_I64, x[0], 5);
    ir_gen_callv(ctx, &info_writes, NULL, ir_env(ctx));
    ir_gen_mov(ctx, IR_I64, x[1], x[0]);
    EXPECT(" mov_i64 x0,$0x5\n call writes,$0x0,$0,env\n mov_i64 x1,x0\n");
}
END_TEST

START_TEST(test_fold_pure_call_keeps_global_values)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_movi(ctx, IR_I64, x[0], 5);
    ir_gen_callv(ctx, &info_pure, t, x[2]);
    ir_gen_add(ctx, IR_I64, x[1], x[0], t);
    EXPECT(" mov_i64 x0,$0x5\n call pure,$0x7,$1,tmp0,x2\n"
           " add_i64 x1,tmp0,$0x5\n");
}
END_TEST

/* -- Algebraic identities ---------------------------------------------- */

START_TEST(test_fold_add_zero_is_mov)
{
    ir_gen_addi(ctx, IR_I64, x[0], x[1], 0);
    ir_gen_add(ctx, IR_I64, x[2], c64(0), x[3]);    /* constant goes right */
    EXPECT(" mov_i64 x0,x1\n mov_i64 x2,x3\n");
}
END_TEST

START_TEST(test_fold_commutative_constant_moves_right)
{
    ir_gen_add(ctx, IR_I64, x[0], c64(7), x[1]);
    EXPECT(" add_i64 x0,x1,$0x7\n");
}
END_TEST

START_TEST(test_fold_sub_self_is_zero_and_zero_minus_is_neg)
{
    ir_gen_sub(ctx, IR_I64, x[0], x[1], x[1]);
    ir_gen_sub(ctx, IR_I64, x[2], c64(0), x[3]);
    EXPECT(" mov_i64 x0,$0x0\n neg_i64 x2,x3\n");
}
END_TEST

START_TEST(test_fold_mul_by_one_and_zero)
{
    ir_gen_muli(ctx, IR_I64, x[0], x[1], 1);
    ir_gen_muli(ctx, IR_I64, x[2], x[3], 0);
    EXPECT(" mov_i64 x0,x1\n mov_i64 x2,$0x0\n");
}
END_TEST

START_TEST(test_fold_and_with_zero_and_all_ones)
{
    ir_gen_andi(ctx, IR_I64, x[0], x[1], 0);
    ir_gen_andi(ctx, IR_I64, x[2], x[3], ~0ull);
    ir_gen_and(ctx, IR_I32, w4, w4, ir_const(ctx, IR_I32, 0xffffffff));
    EXPECT(" mov_i64 x0,$0x0\n mov_i64 x2,x3\n");
}
END_TEST

START_TEST(test_fold_or_with_zero_and_all_ones)
{
    ir_gen_ori(ctx, IR_I64, x[0], x[1], 0);
    ir_gen_ori(ctx, IR_I64, x[2], x[3], ~0ull);
    EXPECT(" mov_i64 x0,x1\n mov_i64 x2,$0xffffffffffffffff\n");
}
END_TEST

START_TEST(test_fold_xor_self_is_zero_and_with_ones_is_not)
{
    ir_gen_xor(ctx, IR_I64, x[0], x[1], x[1]);
    ir_gen_xori(ctx, IR_I64, x[2], x[3], ~0ull);
    EXPECT(" mov_i64 x0,$0x0\n not_i64 x2,x3\n");
}
END_TEST

START_TEST(test_fold_andc_orc_eqv_identities)
{
    ir_gen_andc(ctx, IR_I64, x[0], x[1], x[1]);
    ir_gen_orc(ctx, IR_I64, x[1], x[2], c64(0));
    ir_gen_eqv(ctx, IR_I64, x[2], x[3], c64(0));
    EXPECT(" mov_i64 x0,$0x0\n mov_i64 x1,$0xffffffffffffffff\n"
           " not_i64 x2,x3\n");
}
END_TEST

START_TEST(test_fold_shift_by_zero_or_width_is_mov)
{
    ir_gen_shli(ctx, IR_I64, x[0], x[1], 0);
    ir_gen_sari(ctx, IR_I64, x[2], x[3], 64);       /* count mod 64 = 0 */
    ir_gen_rotl(ctx, IR_I32, w4, ir_const(ctx, IR_I32, 0), w4);
    EXPECT(" mov_i64 x0,x1\n mov_i64 x2,x3\n mov_i32 w4,$0x0\n");
}
END_TEST

START_TEST(test_fold_div_by_one_is_mov_and_rem_by_one_is_zero)
{
    ir_gen_divu(ctx, IR_I64, x[0], x[1], c64(1));
    ir_gen_rem(ctx, IR_I64, x[2], x[3], c64(1));
    EXPECT(" mov_i64 x0,x1\n mov_i64 x2,$0x0\n");
}
END_TEST

START_TEST(test_fold_full_width_extract_and_deposit_are_movs)
{
    ir_gen_extract(ctx, IR_I64, x[0], x[1], 0, 64);
    ir_gen_deposit(ctx, IR_I64, x[2], x[2], x[3], 0, 64);
    EXPECT(" mov_i64 x0,x1\n mov_i64 x2,x3\n");
}
END_TEST

/* -- Conditions and branches -------------------------------------------- */

START_TEST(test_fold_setcond_with_known_outcome_is_constant)
{
    ir_gen_setcond(ctx, IR_I64, IR_COND_LT, x[0], c64(-1ull), c64(0));
    ir_gen_setcond(ctx, IR_I64, IR_COND_EQ, x[1], x[3], x[3]);
    ir_gen_negsetcond(ctx, IR_I64, IR_COND_GEU, x[2], x[3], c64(0));
    EXPECT(" mov_i64 x0,$0x1\n mov_i64 x1,$0x1\n"
           " mov_i64 x2,$0xffffffffffffffff\n");
}
END_TEST

START_TEST(test_fold_setcond_constant_first_swaps_condition)
{
    ir_gen_setcond(ctx, IR_I64, IR_COND_LT, x[0], c64(5), x[1]);
    EXPECT(" setcond_i64 x0,x1,$0x5,gt\n");
}
END_TEST

START_TEST(test_fold_movcond_with_known_condition_is_mov)
{
    ir_gen_movcond(ctx, IR_I64, IR_COND_NE, x[0], c64(1), c64(2), x[1], x[2]);
    ir_gen_movcond(ctx, IR_I64, IR_COND_LTU, x[1], x[2], x[0], x[3], x[3]);
    EXPECT(" mov_i64 x0,x1\n mov_i64 x1,x3\n");
}
END_TEST

START_TEST(test_fold_brcond_always_true_becomes_br_and_dead_code_goes)
{
    IRLabel *l = ir_label_new(ctx);

    ir_gen_brcond(ctx, IR_I64, IR_COND_EQ, c64(3), c64(3), l);
    ir_gen_movi(ctx, IR_I64, x[0], 1);              /* unreachable */
    ir_gen_exit_tb(ctx, TB_EXIT_MAKE_CODE(1));
    ir_gen_set_label(ctx, l);
    ir_gen_movi(ctx, IR_I64, x[1], 2);
    EXPECT(" mov_i64 x1,$0x2\n");
}
END_TEST

START_TEST(test_fold_brcond_never_true_is_removed_with_its_label)
{
    IRLabel *l = ir_label_new(ctx);

    ir_gen_brcond(ctx, IR_I64, IR_COND_LTU, x[0], c64(0), l);
    ir_gen_movi(ctx, IR_I64, x[1], 1);
    ir_gen_set_label(ctx, l);
    ir_gen_addi(ctx, IR_I64, x[2], x[1], 1);        /* x1 known again */
    EXPECT(" mov_i64 x1,$0x1\n mov_i64 x2,$0x2\n");
}
END_TEST

/* -- Branch cleanup and dead code -------------------------------------- */

START_TEST(test_branches_br_to_next_op_is_removed)
{
    IRLabel *l = ir_label_new(ctx);

    ir_gen_br(ctx, l);
    ir_gen_nop(ctx);
    ir_gen_set_label(ctx, l);
    ir_gen_movi(ctx, IR_I64, x[0], 1);
    EXPECT(" mov_i64 x0,$0x1\n");
}
END_TEST

START_TEST(test_branches_code_after_exit_is_removed_until_a_label)
{
    IRLabel *l = ir_label_new(ctx);

    ir_gen_brcondi(ctx, IR_I64, IR_COND_NE, x[0], 0, l);
    ir_gen_goto_tb(ctx, 0);
    ir_gen_movi(ctx, IR_I64, x[1], 1);              /* unreachable */
    ir_gen_set_label(ctx, l);
    ir_gen_movi(ctx, IR_I64, x[2], 2);
    EXPECT(" brcond_i64 x0,$0x0,ne,$L0\n goto_tb $0x0\n set_label $L0\n"
           " mov_i64 x2,$0x2\n");
}
END_TEST

START_TEST(test_branches_plugin_marker_in_dead_code_is_kept)
{
    IRLabel *l = ir_label_new(ctx);

    ir_gen_brcondi(ctx, IR_I64, IR_COND_NE, x[0], 0, l);
    ir_gen_exit_tb(ctx, TB_EXIT_MAKE_CODE(3));
    ir_gen_plugin_insn_marker(ctx, 1);
    ir_gen_set_label(ctx, l);
    EXPECT(" brcond_i64 x0,$0x0,ne,$L0\n exit_tb $0xf\n"
           " plugin_insn_marker $0x1\n set_label $L0\n");
}
END_TEST

START_TEST(test_dce_unused_temp_computation_is_removed)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_add(ctx, IR_I64, t, x[0], x[1]);
    ir_gen_discard(ctx, IR_I64, t);
    EXPECT("");
}
END_TEST

START_TEST(test_dce_overwritten_global_write_is_removed)
{
    ir_gen_add(ctx, IR_I64, x[0], x[1], x[2]);
    ir_gen_sub(ctx, IR_I64, x[0], x[2], x[3]);
    EXPECT(" sub_i64 x0,x2,x3\n");
}
END_TEST

START_TEST(test_dce_global_write_before_guest_access_is_kept)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_add(ctx, IR_I64, x[0], x[1], x[2]);      /* a fault sees it */
    ir_gen_guest_ld(ctx, IR_I64, t, x[3], IR_MO_UQ);
    ir_gen_mov(ctx, IR_I64, x[0], t);
    EXPECT(" add_i64 x0,x1,x2\n guest_ld_i64 tmp0,x3,uq\n mov_i64 x0,tmp0\n");
}
END_TEST

START_TEST(test_dce_dead_guest_load_is_kept_since_it_may_fault)
{
    IRTemp *t = ir_temp_new(ctx, IR_I32);

    ir_gen_guest_ld(ctx, IR_I32, t, x[0], IR_MO_SW | IR_MO_ALIGN);
    EXPECT(" guest_ld_i32 tmp0,x0,al+sw\n");
}
END_TEST

START_TEST(test_dce_global_write_before_reading_call_is_kept)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    ir_gen_movi(ctx, IR_I64, x[0], 1);
    ir_gen_callv(ctx, &info_writes, NULL, ir_env(ctx));
    ir_gen_movi(ctx, IR_I64, x[0], 2);
    ir_gen_movi(ctx, IR_I64, x[1], 1);
    ir_gen_callv(ctx, &info_pure, t, x[2]);         /* does not read x1 */
    ir_gen_movi(ctx, IR_I64, x[1], 2);
    EXPECT(" mov_i64 x0,$0x1\n call writes,$0x0,$0,env\n mov_i64 x0,$0x2\n"
           " mov_i64 x1,$0x2\n");
}
END_TEST

START_TEST(test_dce_mulu2_with_dead_high_half_becomes_mul)
{
    IRTemp *hi = ir_temp_new(ctx, IR_I64);
    IRTemp *lo = ir_temp_new(ctx, IR_I64);

    ir_gen_mulu2(ctx, IR_I64, x[0], hi, x[1], x[2]);
    ir_gen_muls2(ctx, IR_I64, lo, x[3], x[1], x[2]);
    EXPECT(" mul_i64 x0,x1,x2\n mulsh_i64 x3,x1,x2\n");
}
END_TEST

START_TEST(test_dce_value_live_into_forward_label_is_kept)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);
    IRLabel *l = ir_label_new(ctx);

    ir_gen_addi(ctx, IR_I64, t, x[1], 4);
    ir_gen_brcondi(ctx, IR_I64, IR_COND_EQ, x[0], 0, l);
    ir_gen_movi(ctx, IR_I64, t, 9);
    ir_gen_set_label(ctx, l);
    ir_gen_mov(ctx, IR_I64, x[2], t);
    EXPECT(" add_i64 tmp0,x1,$0x4\n brcond_i64 x0,$0x0,eq,$L0\n"
           " mov_i64 tmp0,$0x9\n set_label $L0\n mov_i64 x2,tmp0\n");
}
END_TEST

START_TEST(test_dce_insn_start_and_store_are_kept)
{
    ir_gen_insn_start(ctx, 0x400580);
    ir_gen_guest_st(ctx, IR_I64, x[1], x[0], IR_MO_UQ);
    ir_gen_st_env(ctx, IR_I64, x[1], 64, IR_MO_UL);
    EXPECT(" ---- 0000000000400580\n guest_st_i64 x1,x0,uq\n"
           " st_env_i64 x1,$0x40,ul\n");
}
END_TEST

static Suite *optimize_suite(void)
{
    Suite *s = suite_create("optimize");
    TCase *fold = tcase_create("fold");
    TCase *ident = tcase_create("identities");
    TCase *cond = tcase_create("conditions");
    TCase *dce = tcase_create("dce");

    tcase_add_checked_fixture(fold, setup, teardown);
    tcase_add_test(fold, test_fold_add_of_constants_becomes_mov);
    tcase_add_test(fold, test_fold_constant_propagates_through_temp);
    tcase_add_test(fold, test_fold_i32_constant_wraps_at_32_bits);
    tcase_add_test(fold, test_fold_div_by_constant_zero_gives_zero);
    tcase_add_test(fold, test_fold_ext_of_constant_is_constant);
    tcase_add_test(fold, test_fold_mulu2_of_constants_becomes_two_movs);
    tcase_add_test(fold, test_fold_deposit_and_extract_of_constants);
    tcase_add_test(fold, test_fold_copy_propagates_source_into_uses);
    tcase_add_test(fold, test_fold_copy_stops_when_source_is_redefined);
    tcase_add_test(fold, test_fold_mov_to_itself_is_removed);
    tcase_add_test(fold, test_fold_facts_do_not_cross_a_label);
    tcase_add_test(fold, test_fold_call_writing_globals_forgets_their_values);
    tcase_add_test(fold, test_fold_pure_call_keeps_global_values);
    suite_add_tcase(s, fold);

    tcase_add_checked_fixture(ident, setup, teardown);
    tcase_add_test(ident, test_fold_add_zero_is_mov);
    tcase_add_test(ident, test_fold_commutative_constant_moves_right);
    tcase_add_test(ident, test_fold_sub_self_is_zero_and_zero_minus_is_neg);
    tcase_add_test(ident, test_fold_mul_by_one_and_zero);
    tcase_add_test(ident, test_fold_and_with_zero_and_all_ones);
    tcase_add_test(ident, test_fold_or_with_zero_and_all_ones);
    tcase_add_test(ident, test_fold_xor_self_is_zero_and_with_ones_is_not);
    tcase_add_test(ident, test_fold_andc_orc_eqv_identities);
    tcase_add_test(ident, test_fold_shift_by_zero_or_width_is_mov);
    tcase_add_test(ident, test_fold_div_by_one_is_mov_and_rem_by_one_is_zero);
    tcase_add_test(ident, test_fold_full_width_extract_and_deposit_are_movs);
    suite_add_tcase(s, ident);

    tcase_add_checked_fixture(cond, setup, teardown);
    tcase_add_test(cond, test_fold_setcond_with_known_outcome_is_constant);
    tcase_add_test(cond, test_fold_setcond_constant_first_swaps_condition);
    tcase_add_test(cond, test_fold_movcond_with_known_condition_is_mov);
    tcase_add_test(cond, test_fold_brcond_always_true_becomes_br_and_dead_code_goes);
    tcase_add_test(cond, test_fold_brcond_never_true_is_removed_with_its_label);
    tcase_add_test(cond, test_branches_br_to_next_op_is_removed);
    tcase_add_test(cond, test_branches_code_after_exit_is_removed_until_a_label);
    tcase_add_test(cond, test_branches_plugin_marker_in_dead_code_is_kept);
    suite_add_tcase(s, cond);

    tcase_add_checked_fixture(dce, setup, teardown);
    tcase_add_test(dce, test_dce_unused_temp_computation_is_removed);
    tcase_add_test(dce, test_dce_overwritten_global_write_is_removed);
    tcase_add_test(dce, test_dce_global_write_before_guest_access_is_kept);
    tcase_add_test(dce, test_dce_dead_guest_load_is_kept_since_it_may_fault);
    tcase_add_test(dce, test_dce_global_write_before_reading_call_is_kept);
    tcase_add_test(dce, test_dce_mulu2_with_dead_high_half_becomes_mul);
    tcase_add_test(dce, test_dce_value_live_into_forward_label_is_kept);
    tcase_add_test(dce, test_dce_insn_start_and_store_are_kept);
    suite_add_tcase(s, dce);
    return s;
}

UNIT_TEST_MAIN(optimize_suite)
