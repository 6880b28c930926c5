// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-ir-ops.c: every row of tcg/ops.def is sane and known to every reader.
 *
 * The readers (dumper, verifier, optimizer, interpreter) each classify ops
 * with a switch without default: (or a table indexed by opcode), so a new
 * row draws a -Wswitch warning and fails the *_handles() checks here. Then
 * build_exemplar(), itself a switch over every opcode, builds a small valid
 * block around each op, which must verify, dump under the op's name,
 * optimize with a verify after each pass, and run in the interpreter.
 */
#include <string.h>
#include "unit.h"
#include "tcg/interp.h"
#include "tcg/ir-gen.h"
#include "tcg/optimize.h"
#include "tcg/runtime.h"

/* -- The table itself ------------------------------------------------- */

START_TEST(test_ops_names_are_unique_and_nonempty)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (unsigned i = 0; i < IR_OP_COUNT; i++) {
        const char *name = ir_op_name(i);

        ck_assert_msg(name && *name, "op %u has no name", i);
        ck_assert_msg(!g_hash_table_contains(seen, name),
                      "name %s appears twice", name);
        g_hash_table_add(seen, (gpointer)name);
    }
}
END_TEST

START_TEST(test_ops_counts_and_flags_are_consistent)
{
    IROpcode opc = _i;
    unsigned f = ir_op_flags(opc);
    const char *n = ir_op_name(opc);
    unsigned total = ir_op_nb_out(opc) + ir_op_nb_in(opc) + ir_op_nb_const(opc);

    ck_assert_msg(ir_op_nb_out(opc) <= 2, "%s: too many outputs", n);
    ck_assert_msg(ir_op_nb_const(opc) <= 2, "%s: interp keeps 2 consts", n);
    ck_assert_msg(total <= IR_MAX_OP_ARGS, "%s: more than IR_MAX_OP_ARGS", n);
    ck_assert_msg(!(f & IR_F_EXIT) || (f & IR_F_BB_END && f & IR_F_SIDE_EFFECTS),
                  "%s: an exit must end the block and have effects", n);
    ck_assert_msg(!(f & IR_F_COND_BRANCH) || (f & IR_F_BB_END),
                  "%s: a branch ends a basic block", n);
    ck_assert_msg(!(f & IR_F_I64_ONLY) || (f & IR_F_TYPED),
                  "%s: I64_ONLY needs TYPED", n);
    ck_assert_msg(!(f & IR_F_MEM) || (f & IR_F_SIDE_EFFECTS),
                  "%s: a guest access may fault: it has side effects", n);
    ck_assert_msg(!(f & IR_F_COMMUTATIVE) || ir_op_nb_in(opc) >= 2,
                  "%s: commutative needs two inputs", n);
    ck_assert_msg(!(f & IR_F_CALL) || opc == IR_OP_call, "%s: CALL flag", n);
}
END_TEST

START_TEST(test_ops_every_reader_handles_every_op)
{
    IROpcode opc = _i;
    const char *n = ir_op_name(opc);

    ck_assert_msg(ir_dump_handles(opc), "dumper misses %s", n);
    ck_assert_msg(ir_verify_handles(opc), "verifier misses %s", n);
    ck_assert_msg(ir_optimize_handles(opc), "optimizer misses %s", n);
    ck_assert_msg(ir_interp_handles(opc), "interpreter misses %s", n);
}
END_TEST

/* -- One valid block per op --------------------------------------------- */

typedef struct Env {
    uint64_t x[4];
    uint32_t w[2];
    uint64_t field;
} Env;

static uint64_t helper_sum(uint64_t a, uint64_t b)
{
    return a + b;
}

static const HelperInfo info_sum = {
    .name = "sum", .fn = helper_sum, .flags = IR_CALL_PURE,
    .ret = IR_HT_I64, .nargs = 2, .args = { IR_HT_I64, IR_HT_I64 },
};

/* Emit one @opc op (plus what it needs around it) using x and w globals.
 * x[1] holds a valid guest address (0). */
static void build_exemplar(IRContext *ctx, IROpcode opc, IRTemp **x,
                           IRTemp **w)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64), *t2 = ir_temp_new(ctx, IR_I64);
    IRLabel *l = ir_label_new(ctx);
    IRType ty = IR_I64;

    switch (opc) {
    case IR_OP_mov:    ir_gen_mov(ctx, ty, x[0], x[2]); break;
    case IR_OP_add:    ir_gen_add(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_sub:    ir_gen_sub(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_mul:    ir_gen_mul(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_neg:    ir_gen_neg(ctx, IR_I32, w[0], w[1]); break;
    case IR_OP_muluh:  ir_gen_muluh(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_mulsh:  ir_gen_mulsh(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_mulu2:  ir_gen_mulu2(ctx, ty, x[0], x[3], x[2], x[3]); break;
    case IR_OP_muls2:  ir_gen_muls2(ctx, IR_I32, w[0], w[1], w[1], w[1]); break;
    case IR_OP_add2:
        ir_gen_add2(ctx, ty, x[0], x[3], x[2], x[3], x[2], x[1]);
        break;
    case IR_OP_sub2:
        ir_gen_sub2(ctx, ty, x[0], x[3], x[2], x[3], x[2], x[1]);
        break;
    case IR_OP_div:    ir_gen_div(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_divu:   ir_gen_divu(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_rem:    ir_gen_rem(ctx, IR_I32, w[0], w[1], w[0]); break;
    case IR_OP_remu:   ir_gen_remu(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_and:    ir_gen_and(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_or:     ir_gen_or(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_xor:    ir_gen_xor(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_andc:   ir_gen_andc(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_orc:    ir_gen_orc(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_eqv:    ir_gen_eqv(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_not:    ir_gen_not(ctx, ty, x[0], x[2]); break;
    case IR_OP_shl:    ir_gen_shl(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_shr:    ir_gen_shr(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_sar:    ir_gen_sar(ctx, IR_I32, w[0], w[1], w[0]); break;
    case IR_OP_rotl:   ir_gen_rotl(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_rotr:   ir_gen_rotr(ctx, ty, x[0], x[2], x[3]); break;
    case IR_OP_deposit: ir_gen_deposit(ctx, ty, x[0], x[2], x[3], 60, 4); break;
    case IR_OP_extract: ir_gen_extract(ctx, ty, x[0], x[2], 1, 63); break;
    case IR_OP_sextract: ir_gen_sextract(ctx, IR_I32, w[0], w[1], 31, 1); break;
    case IR_OP_extract2: ir_gen_extract2(ctx, ty, x[0], x[2], x[3], 63); break;
    case IR_OP_ext8s:  ir_gen_ext8s(ctx, ty, x[0], x[2]); break;
    case IR_OP_ext8u:  ir_gen_ext8u(ctx, IR_I32, w[0], w[1]); break;
    case IR_OP_ext16s: ir_gen_ext16s(ctx, ty, x[0], x[2]); break;
    case IR_OP_ext16u: ir_gen_ext16u(ctx, ty, x[0], x[2]); break;
    case IR_OP_ext32s: ir_gen_ext32s(ctx, ty, x[0], x[2]); break;
    case IR_OP_ext32u: ir_gen_ext32u(ctx, ty, x[0], x[2]); break;
    case IR_OP_extrl_i64_i32: ir_gen_extrl_i64_i32(ctx, w[0], x[2]); break;
    case IR_OP_extrh_i64_i32: ir_gen_extrh_i64_i32(ctx, w[0], x[2]); break;
    case IR_OP_extu_i32_i64: ir_gen_extu_i32_i64(ctx, x[0], w[1]); break;
    case IR_OP_exts_i32_i64: ir_gen_exts_i32_i64(ctx, x[0], w[1]); break;
    case IR_OP_clz:    ir_gen_clz(ctx, ty, x[0], x[2]); break;
    case IR_OP_ctz:    ir_gen_ctz(ctx, IR_I32, w[0], w[1]); break;
    case IR_OP_ctpop:  ir_gen_ctpop(ctx, ty, x[0], x[2]); break;
    case IR_OP_bswap16: ir_gen_bswap16(ctx, ty, x[0], x[2]); break;
    case IR_OP_bswap32: ir_gen_bswap32(ctx, IR_I32, w[0], w[1]); break;
    case IR_OP_bswap64: ir_gen_bswap64(ctx, ty, x[0], x[2]); break;
    case IR_OP_setcond:
        ir_gen_setcond(ctx, ty, IR_COND_LTU, x[0], x[2], x[3]);
        break;
    case IR_OP_negsetcond:
        ir_gen_negsetcond(ctx, ty, IR_COND_TSTNE, x[0], x[2], x[3]);
        break;
    case IR_OP_movcond:
        ir_gen_movcond(ctx, ty, IR_COND_GE, x[0], x[2], x[3], x[1], x[2]);
        break;
    case IR_OP_brcond:
    case IR_OP_set_label:
        ir_gen_brcond(ctx, ty, IR_COND_EQ, x[2], x[3], l);
        ir_gen_movi(ctx, ty, x[0], 1);
        ir_gen_set_label(ctx, l);
        break;
    case IR_OP_br:
        ir_gen_br(ctx, l);
        ir_gen_movi(ctx, ty, x[0], 1);
        ir_gen_set_label(ctx, l);
        break;
    case IR_OP_goto_tb:
        ir_gen_goto_tb(ctx, 1);
        return;
    case IR_OP_exit_tb:
        break;                            /* every exemplar ends with one */
    case IR_OP_lookup_and_goto:
        ir_gen_lookup_and_goto(ctx);
        return;
    case IR_OP_ld_env:
        ir_gen_ld_env(ctx, ty, x[0], offsetof(Env, field), IR_MO_SW);
        break;
    case IR_OP_st_env:
        ir_gen_st_env(ctx, ty, x[2], offsetof(Env, field), IR_MO_UQ);
        break;
    case IR_OP_ld_host:
        ir_gen_ld_host(ctx, ty, x[0], ir_env(ctx), offsetof(Env, field),
                       IR_MO_UL);
        break;
    case IR_OP_st_host:
        ir_gen_st_host(ctx, ty, x[2], ir_env(ctx), offsetof(Env, field),
                       IR_MO_UB);
        break;
    case IR_OP_guest_ld:
        ir_gen_guest_ld(ctx, ty, x[0], x[1], IR_MO_SL | IR_MO_ALIGN);
        break;
    case IR_OP_guest_st:
        ir_gen_guest_st(ctx, IR_I32, w[1], x[1], IR_MO_UW);
        break;
    case IR_OP_mb:
        ir_gen_mb(ctx, IR_MB_ALL);
        break;
    case IR_OP_call:
        ir_gen_callv(ctx, &info_sum, x[0], x[2], x[3]);
        break;
    case IR_OP_insn_start:
        ir_gen_insn_start(ctx, 0x400000);
        break;
    case IR_OP_discard:
        ir_gen_mov(ctx, ty, t, x[2]);
        ir_gen_discard(ctx, ty, t);
        break;
    case IR_OP_nop:
        ir_gen_nop(ctx);
        break;
    case IR_OP_plugin_insn_marker:
        ir_gen_plugin_insn_marker(ctx, 0);
        break;
    case IR_OP_plugin_mem_marker:
        ctx->plugin_mem_markers = true;
        ir_gen_guest_ld(ctx, ty, t2, x[1], IR_MO_UQ);
        ctx->plugin_mem_markers = false;
        break;
    case IR_OP_COUNT:
        ck_abort();
    }
    ir_gen_exit_tb(ctx, TB_EXIT_MAKE_CODE(1));
}

static bool dump_has_op(const char *dump, const char *name)
{
    g_autofree char *plain = g_strdup_printf(" %s ", name);
    g_autofree char *typed = g_strdup_printf(" %s_i", name);
    g_autofree char *bare = g_strdup_printf(" %s\n", name);

    return strstr(dump, plain) || strstr(dump, typed) || strstr(dump, bare) ||
           (strcmp(name, "insn_start") == 0 && strstr(dump, " ---- "));
}

START_TEST(test_ops_exemplar_verifies_dumps_optimizes_and_runs)
{
    IROpcode opc = _i;
    const char *n = ir_op_name(opc);
    IRContext *ctx = ir_ctx_new();
    IRTemp *x[4], *w[2];
    static const char *const names[] = { "x0", "x1", "x2", "x3", "w0", "w1" };
    Env env = { .x = { 1, 0, 0x1234, 7 }, .w = { 3, 0x80000005 } };
    g_autofree uint8_t *guest = g_malloc0(64);
    g_autofree char *msg = NULL, *dump = NULL;
    IRInterpBlock *b;
    uintptr_t ret;

    for (int i = 0; i < 4; i++) {
        x[i] = ir_global_new(ctx, IR_I64, offsetof(Env, x[i]), names[i]);
    }
    for (int i = 0; i < 2; i++) {
        w[i] = ir_global_new(ctx, IR_I32, offsetof(Env, w[i]), names[4 + i]);
    }
    build_exemplar(ctx, opc, x, w);

    msg = ir_verify(ctx);
    ck_assert_msg(msg == NULL, "%s: %s", n, msg);
    dump = ir_dump_to_string(ctx);
    ck_assert_msg(dump_has_op(dump, n), "%s missing from dump:\n%s", n, dump);

    tcg_guest_base = (uintptr_t)guest;
    tcg_guest_limit = 64;
    b = ir_interp_compile(ctx, 0x40);
    ret = ir_interp_exec(b, &env);
    ck_assert_msg(ret == TB_EXIT_MAKE_CODE(1) || opc == IR_OP_goto_tb ||
                  opc == IR_OP_lookup_and_goto, "%s: exit 0x%lx", n,
                  (unsigned long)ret);
    ir_interp_free(b);

    for (const IROptPass *p = ir_opt_passes; p->name; p++) {
        p->run(ctx);
        g_free(msg);
        msg = ir_verify(ctx);
        ck_assert_msg(msg == NULL, "%s after %s: %s\n%s", n, p->name, msg, dump);
    }
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(test_ops_verifier_rejects_wrong_operand_type)
{
    IRContext *ctx = ir_ctx_new();
    IRTemp *a = ir_global_new(ctx, IR_I64, 0, "a");
    IRTemp *b = ir_global_new(ctx, IR_I32, 8, "b");
    g_autofree char *msg = NULL;
    IROp *op;

    /* bypass the builder's checks: it would assert */
    op = ir_op_new(ctx, IR_OP_add, IR_I64);
    op->args[0] = (uintptr_t)a;
    op->args[1] = (uintptr_t)a;
    op->args[2] = (uintptr_t)b;
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    msg = ir_verify(ctx);
    ck_assert_str_eq(msg, "op 0 (add_i64): input 1 has type i32, expected i64");
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(test_ops_verifier_rejects_temp_read_before_write)
{
    IRContext *ctx = ir_ctx_new();
    IRTemp *a = ir_global_new(ctx, IR_I64, 0, "a");
    g_autofree char *msg = NULL;

    ir_gen_add(ctx, IR_I64, a, a, ir_temp_new(ctx, IR_I64));
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    msg = ir_verify(ctx);
    ck_assert_str_eq(msg, "op 0 (add_i64): input 1 (tmp0) is read before any write");
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(test_ops_verifier_rejects_block_without_exit_and_unset_label)
{
    IRContext *ctx = ir_ctx_new();
    IRTemp *a = ir_global_new(ctx, IR_I64, 0, "a");
    g_autofree char *msg1 = NULL, *msg2 = NULL;

    ir_gen_movi(ctx, IR_I64, a, 1);
    msg1 = ir_verify(ctx);
    ck_assert_str_eq(msg1, "block: does not end with an exit op");
    ir_gen_brcondi(ctx, IR_I64, IR_COND_EQ, a, 0, ir_label_new(ctx));
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    msg2 = ir_verify(ctx);
    ck_assert_str_eq(msg2, "block: label $L0 is used but never set");
    ir_ctx_free(ctx);
}
END_TEST

START_TEST(test_ops_verifier_rejects_env_access_overlapping_a_global)
{
    IRContext *ctx = ir_ctx_new();
    IRTemp *a = ir_global_new(ctx, IR_I64, 8, "a");
    g_autofree char *msg = NULL;

    ir_gen_st_env(ctx, IR_I64, a, 12, IR_MO_UL);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    msg = ir_verify(ctx);
    ck_assert_str_eq(msg, "op 0 (st_env_i64): env offset 0xc overlaps global a");
    ir_ctx_free(ctx);
}
END_TEST

static Suite *ir_ops_suite(void)
{
    Suite *s = suite_create("ir-ops");
    TCase *table = tcase_create("table");
    TCase *ex = tcase_create("exemplars");
    TCase *verify = tcase_create("verify");

    tcase_add_test(table, test_ops_names_are_unique_and_nonempty);
    tcase_add_loop_test(table, test_ops_counts_and_flags_are_consistent, 0,
                        IR_OP_COUNT);
    tcase_add_loop_test(table, test_ops_every_reader_handles_every_op, 0,
                        IR_OP_COUNT);
    suite_add_tcase(s, table);

    tcase_add_loop_test(ex, test_ops_exemplar_verifies_dumps_optimizes_and_runs,
                        0, IR_OP_COUNT);
    suite_add_tcase(s, ex);

    tcase_add_test(verify, test_ops_verifier_rejects_wrong_operand_type);
    tcase_add_test(verify, test_ops_verifier_rejects_temp_read_before_write);
    tcase_add_test(verify,
                   test_ops_verifier_rejects_block_without_exit_and_unset_label);
    tcase_add_test(verify,
                   test_ops_verifier_rejects_env_access_overlapping_a_global);
    suite_add_tcase(s, verify);
    return s;
}

UNIT_TEST_MAIN(ir_ops_suite)
