// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-interp.c: the portable backend runs small blocks on a fake CPU state.
 *
 * FakeEnv plays the CPU state: x[0..7] are I64 globals, w is an I32 global
 * between two guard words, and spare is reached with ld_env/st_env. Guest
 * memory is a malloc'd buffer installed as tcg_guest_base/tcg_guest_limit.
 * The fault hook longjmps back into the test, as linux-user's does into the
 * cpu loop. The last test runs random blocks before and after optimization
 * and checks that both leave the same state (an optimizer self-check).
 */
#include <setjmp.h>
#include <string.h>
#include "unit.h"
#include "tcg/interp.h"
#include "tcg/ir-gen.h"
#include "tcg/optimize.h"
#include "tcg/runtime.h"

typedef struct FakeEnv {
    uint64_t x[8];
    uint32_t guard_lo, w, guard_hi;
    uint64_t spare[4];
} FakeEnv;

#define GUEST_SIZE 4096

static IRContext *ctx;
static IRTemp *x[8], *w;
static FakeEnv env;
static uint8_t *guest;

static const char *const xnames[8] = {
    "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"
};

static void setup(void)
{
    ctx = ir_ctx_new();
    for (int i = 0; i < 8; i++) {
        x[i] = ir_global_new(ctx, IR_I64, offsetof(FakeEnv, x[i]), xnames[i]);
    }
    w = ir_global_new(ctx, IR_I32, offsetof(FakeEnv, w), "w");
    memset(&env, 0, sizeof(env));
    guest = g_malloc0(GUEST_SIZE);
    tcg_guest_base = (uintptr_t)guest;
    tcg_guest_limit = GUEST_SIZE;
    tcg_exit_request = 0;
    ir_interp_set_lookup_hook(NULL);
}

static void teardown(void)
{
    ir_ctx_free(ctx);
    g_free(guest);
}

static IRTemp *c64(uint64_t v)
{
    return ir_const(ctx, IR_I64, v);
}

/* Verify, compile and run the block once; return what exec returned. */
static uintptr_t run_cookie(uintptr_t cookie)
{
    g_autofree char *msg = ir_verify(ctx);
    IRInterpBlock *b;
    uintptr_t ret;

    ck_assert_msg(msg == NULL, "%s", msg);
    b = ir_interp_compile(ctx, cookie);
    ret = ir_interp_exec(b, &env);
    ir_interp_free(b);
    return ret;
}

static uintptr_t run(void)
{
    return run_cookie(0);
}

/* -- Arithmetic and control flow --------------------------------------- */

START_TEST(test_interp_arithmetic_writes_globals_in_env)
{
    IRTemp *t = ir_temp_new(ctx, IR_I64);

    env.x[1] = 6;
    ir_gen_muli(ctx, IR_I64, t, x[1], 7);
    ir_gen_addi(ctx, IR_I64, x[0], t, 100);
    ir_gen_sub(ctx, IR_I64, x[2], x[0], x[1]);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    ck_assert_uint_eq(run(), TB_EXIT_LOOKUP);
    ck_assert_uint_eq(env.x[0], 142);
    ck_assert_uint_eq(env.x[2], 136);
}
END_TEST

START_TEST(test_interp_i32_global_write_touches_only_four_bytes)
{
    env.guard_lo = env.guard_hi = 0xa5a5a5a5;
    env.x[0] = 0xffffffff00000005ull;
    ir_gen_extrl_i64_i32(ctx, w, x[0]);
    ir_gen_addi(ctx, IR_I32, w, w, 0xfffffffe);        /* 5 - 2 */
    ir_gen_exts_i32_i64(ctx, x[1], w);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(env.w, 3);
    ck_assert_uint_eq(env.x[1], 3);
    ck_assert_uint_eq(env.guard_lo, 0xa5a5a5a5);
    ck_assert_uint_eq(env.guard_hi, 0xa5a5a5a5);
}
END_TEST

START_TEST(test_interp_backward_branch_loops_inside_the_block)
{
    IRTemp *sum = ir_temp_new(ctx, IR_I64), *i = ir_temp_new(ctx, IR_I64);
    IRLabel *top = ir_label_new(ctx);

    ir_gen_movi(ctx, IR_I64, sum, 0);
    ir_gen_movi(ctx, IR_I64, i, 10);
    ir_gen_set_label(ctx, top);
    ir_gen_add(ctx, IR_I64, sum, sum, i);
    ir_gen_subi(ctx, IR_I64, i, i, 1);
    ir_gen_brcondi(ctx, IR_I64, IR_COND_NE, i, 0, top);
    ir_gen_mov(ctx, IR_I64, x[0], sum);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(env.x[0], 55);
}
END_TEST

START_TEST(test_interp_setcond_and_movcond_select_by_condition)
{
    env.x[1] = -5ull;
    env.x[2] = 3;
    ir_gen_setcond(ctx, IR_I64, IR_COND_LT, x[0], x[1], x[2]);
    ir_gen_setcond(ctx, IR_I64, IR_COND_LTU, x[3], x[1], x[2]);
    ir_gen_negsetcond(ctx, IR_I64, IR_COND_NE, x[4], x[1], x[2]);
    ir_gen_movcond(ctx, IR_I64, IR_COND_GT, x[5], x[1], x[2], c64(10), c64(20));
    ir_gen_movcond(ctx, IR_I64, IR_COND_GTU, x[6], x[1], x[2], c64(10), c64(20));
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(env.x[0], 1);
    ck_assert_uint_eq(env.x[3], 0);
    ck_assert_uint_eq(env.x[4], ~0ull);
    ck_assert_uint_eq(env.x[5], 20);
    ck_assert_uint_eq(env.x[6], 10);
}
END_TEST

START_TEST(test_interp_mulu2_and_muls2_give_both_halves)
{
    env.x[2] = ~0ull;
    env.x[3] = 3;
    ir_gen_mulu2(ctx, IR_I64, x[0], x[1], x[2], x[3]);
    ir_gen_muls2(ctx, IR_I64, x[4], x[5], x[2], x[3]);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(env.x[0], ~0ull - 2);     /* (2^64 - 1) * 3 */
    ck_assert_uint_eq(env.x[1], 2);
    ck_assert_uint_eq(env.x[4], ~0ull - 2);     /* -1 * 3 = -3 */
    ck_assert_uint_eq(env.x[5], ~0ull);
}
END_TEST

START_TEST(test_interp_env_and_host_loads_extend_by_memop)
{
    IRTemp *base = ir_temp_new(ctx, IR_I64);

    env.spare[0] = 0x80f0;
    ir_gen_ld_env(ctx, IR_I64, x[0], offsetof(FakeEnv, spare[0]), IR_MO_SB);
    ir_gen_ld_env(ctx, IR_I64, x[1], offsetof(FakeEnv, spare[0]), IR_MO_UW);
    ir_gen_st_env(ctx, IR_I64, c64(0x1122334455667788ull),
                  offsetof(FakeEnv, spare[1]), IR_MO_UL);
    ir_gen_movi(ctx, IR_I64, base, (uintptr_t)&env.spare[2]);
    ir_gen_st_host(ctx, IR_I64, c64(0xabcd), base, 8, IR_MO_UQ);
    ir_gen_ld_host(ctx, IR_I64, x[2], base, 8, IR_MO_SW);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(env.x[0], ~0xfull);       /* 0xf0 sign-extended */
    ck_assert_uint_eq(env.x[1], 0x80f0);
    ck_assert_uint_eq(env.spare[1], 0x55667788);
    ck_assert_uint_eq(env.spare[3], 0xabcd);
    ck_assert_uint_eq(env.x[2], 0xffffffffffffabcdull);
}
END_TEST

/* -- Guest memory ----------------------------------------------------- */

START_TEST(test_interp_guest_store_then_loads_are_little_endian)
{
    env.x[0] = 9;                                 /* unaligned: allowed */
    env.x[1] = 0x8877665544332211ull;
    ir_gen_guest_st(ctx, IR_I64, x[1], x[0], IR_MO_UQ);
    ir_gen_guest_ld(ctx, IR_I64, x[2], x[0], IR_MO_UB);
    ir_gen_addi(ctx, IR_I64, x[3], x[0], 7);
    ir_gen_guest_ld(ctx, IR_I64, x[4], x[3], IR_MO_SB);
    ir_gen_guest_ld(ctx, IR_I32, w, x[0], IR_MO_UL);
    ir_gen_guest_st(ctx, IR_I32, ir_const(ctx, IR_I32, 0xbeef), x[3], IR_MO_UW);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(guest[9], 0x11);
    ck_assert_uint_eq(guest[15], 0x77);
    ck_assert_uint_eq(guest[16], 0xef);           /* stored after the load */
    ck_assert_uint_eq(guest[17], 0xbe);
    ck_assert_uint_eq(env.x[2], 0x11);
    ck_assert_uint_eq(env.x[4], 0xffffffffffffff88ull);
    ck_assert_uint_eq(env.w, 0x44332211);
}
END_TEST

/* A helper that adds its three args and counts its calls in env. */
static uint64_t helper_add3(uint64_t env_ptr, uint64_t a, uint64_t b)
{
    FakeEnv *e = (FakeEnv *)(uintptr_t)env_ptr;

    e->spare[0]++;
    return a + b + e->x[7];
}

static const HelperInfo info_add3 = {
    .name = "add3", .fn = helper_add3, .flags = IR_CALL_NO_WRITE_GLOBALS,
    .ret = IR_HT_I64, .nargs = 3, .args = { IR_HT_PTR, IR_HT_I64, IR_HT_I64 },
};

static uint32_t helper_lo_plus6(uint32_t a, uint32_t b, uint32_t c,
                                uint32_t d, uint32_t e, uint32_t f)
{
    return a + b + c + d + e + f;
}

static const HelperInfo info_six = {
    .name = "six", .fn = helper_lo_plus6, .flags = IR_CALL_PURE,
    .ret = IR_HT_I32, .nargs = 6,
    .args = { IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32 },
};

START_TEST(test_interp_helper_call_passes_args_and_returns_result)
{
    IRTemp *one = ir_const(ctx, IR_I32, 1);

    env.x[1] = 40;
    env.x[7] = 2;
    ir_gen_callv(ctx, &info_add3, x[0], ir_env(ctx), x[1], c64(100));
    ir_gen_callv(ctx, &info_six, w, one, one, one, one, one,
                 ir_const(ctx, IR_I32, 0xfffffffe));
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    run();
    ck_assert_uint_eq(env.x[0], 142);
    ck_assert_uint_eq(env.spare[0], 1);
    ck_assert_uint_eq(env.w, 3);                  /* 5 - 2, wrapped */
}
END_TEST

/* -- Faults ------------------------------------------------------------- */

static jmp_buf fault_jmp;
static IRFault last_fault;
static void *last_fault_env;

static void test_fault_handler(void *e, const IRFault *f)
{
    last_fault = *f;
    last_fault_env = e;
    longjmp(fault_jmp, 1);
}

START_TEST(test_interp_out_of_range_load_calls_fault_hook_with_insn_pc)
{
    uint64_t pc = 0, extra = 0;
    IRInterpBlock *b;

    env.x[1] = GUEST_SIZE - 4;                    /* 8 bytes would cross */
    ir_gen_insn_start(ctx, 0x400580);
    ir_gen_movi(ctx, IR_I64, x[0], 77);
    ir_insn_start_set_extra(ir_gen_insn_start(ctx, 0x400584), 5);
    ir_gen_guest_ld(ctx, IR_I64, x[2], x[1], IR_MO_UQ);
    ir_gen_insn_start(ctx, 0x400588);
    ir_gen_movi(ctx, IR_I64, x[0], 78);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    b = ir_interp_compile(ctx, 0);
    ir_set_fault_handler(test_fault_handler);
    if (setjmp(fault_jmp) == 0) {
        ir_interp_exec(b, &env);
        ck_abort_msg("the load did not fault");
    }
    ir_interp_free(b);
    ck_assert_int_eq(last_fault.kind, IR_FAULT_RANGE);
    ck_assert_uint_eq(last_fault.addr, GUEST_SIZE - 4);
    ck_assert(!last_fault.is_store);
    ck_assert_ptr_eq(last_fault_env, &env);
    ck_assert(ir_interp_current_insn(&pc, &extra));
    ck_assert_uint_eq(pc, 0x400584);
    ck_assert_uint_eq(extra, 5);
    ck_assert_uint_eq(env.x[0], 77);              /* globals already in env */
}
END_TEST

START_TEST(test_interp_misaligned_store_with_align_flag_faults)
{
    IRInterpBlock *b;

    env.x[0] = 2;
    ir_gen_insn_start(ctx, 0x1000);
    ir_gen_guest_st(ctx, IR_I64, x[1], x[0], IR_MO_32 | IR_MO_ALIGN);
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
    b = ir_interp_compile(ctx, 0);
    ir_set_fault_handler(test_fault_handler);
    if (setjmp(fault_jmp) == 0) {
        ir_interp_exec(b, &env);
        ck_abort_msg("the store did not fault");
    }
    ir_interp_free(b);
    ck_assert_int_eq(last_fault.kind, IR_FAULT_ALIGN);
    ck_assert_uint_eq(last_fault.addr, 2);
    ck_assert(last_fault.is_store);
}
END_TEST

/* -- Exits and chaining ------------------------------------------------ */

START_TEST(test_interp_exit_tb_returns_its_value)
{
    ir_gen_exit_tb(ctx, TB_EXIT_MAKE_CODE(42));
    ck_assert_uint_eq(tb_exit_code(run()), 42);
}
END_TEST

START_TEST(test_interp_unchained_goto_tb_returns_cookie_and_slot)
{
    uintptr_t ret;

    ir_gen_goto_tb(ctx, 1);
    ret = run_cookie(0x1000);
    ck_assert_uint_eq(tb_exit_kind(ret), TB_EXIT_GOTO_TB1);
    ck_assert_uint_eq(tb_exit_cookie(ret), 0x1000);
}
END_TEST

/* Two blocks: A adds 1 to x0 and goes to slot 0; B adds 10 and exits. */
static void build_chain(IRInterpBlock **a, IRInterpBlock **b)
{
    ir_gen_addi(ctx, IR_I64, x[0], x[0], 1);
    ir_gen_goto_tb(ctx, 0);
    *a = ir_interp_compile(ctx, 0x100);
    ir_ctx_reset(ctx);
    ir_gen_addi(ctx, IR_I64, x[0], x[0], 10);
    ir_gen_goto_tb(ctx, 1);
    *b = ir_interp_compile(ctx, 0x200);
    ir_interp_chain(*a, 0, *b);
}

START_TEST(test_interp_chained_goto_tb_continues_into_next_block)
{
    IRInterpBlock *a, *b;
    uintptr_t ret;

    build_chain(&a, &b);
    ret = ir_interp_exec(a, &env);
    ck_assert_uint_eq(env.x[0], 11);
    ck_assert_uint_eq(ret, 0x200 | TB_EXIT_GOTO_TB1);
    ir_interp_free(a);
    ir_interp_free(b);
}
END_TEST

START_TEST(test_interp_exit_request_stops_at_chain_point)
{
    IRInterpBlock *a, *b;
    uintptr_t ret;

    build_chain(&a, &b);
    tcg_exit_request = 1;
    ret = ir_interp_exec(a, &env);
    tcg_exit_request = 0;
    ck_assert_uint_eq(env.x[0], 1);
    ck_assert_uint_eq(ret, 0x100 | TB_EXIT_GOTO_TB0);
    ir_interp_free(a);
    ir_interp_free(b);
}
END_TEST

static IRInterpBlock *lookup_target;

static const IRInterpBlock *test_lookup(void *e)
{
    return ((FakeEnv *)e)->x[1] == 0x4000 ? lookup_target : NULL;
}

START_TEST(test_interp_lookup_and_goto_uses_hook_or_returns_lookup)
{
    IRInterpBlock *a;

    ir_gen_movi(ctx, IR_I64, x[0], 5);
    ir_gen_exit_tb(ctx, TB_EXIT_MAKE_CODE(9));
    lookup_target = ir_interp_compile(ctx, 0);
    ir_ctx_reset(ctx);
    ir_gen_lookup_and_goto(ctx);
    a = ir_interp_compile(ctx, 0);

    ck_assert_uint_eq(ir_interp_exec(a, &env), TB_EXIT_LOOKUP);   /* no hook */
    ir_interp_set_lookup_hook(test_lookup);
    ck_assert_uint_eq(ir_interp_exec(a, &env), TB_EXIT_LOOKUP);   /* miss */
    env.x[1] = 0x4000;
    ck_assert_uint_eq(ir_interp_exec(a, &env), TB_EXIT_MAKE_CODE(9));
    ck_assert_uint_eq(env.x[0], 5);
    ir_interp_free(a);
    ir_interp_free(lookup_target);
}
END_TEST

/* -- Differential: unoptimized vs optimized --------------------------- */

/*
 * Random straight-line blocks (with forward branches) over x0..x7 and w,
 * using constants that hit the identities: 0, 1, -1, widths, random.
 * Interpreting the block before and after ir_optimize() must leave the
 * same env; a difference is an optimizer bug, printed with both dumps.
 */
static uint64_t rand_const(GRand *r)
{
    static const uint64_t special[] = { 0, 1, 2, ~0ull, 31, 32, 63, 64,
                                        0x80000000, 1ull << 63 };

    if (g_rand_boolean(r)) {
        return special[g_rand_int_range(r, 0, G_N_ELEMENTS(special))];
    }
    return ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);
}

static IRTemp *rand_src(GRand *r, IRTemp **pool, int n)
{
    if (g_rand_int_range(r, 0, 4) == 0) {
        return c64(rand_const(r));
    }
    return pool[g_rand_int_range(r, 0, n)];
}

static void gen_random_block(GRand *r)
{
    static void (*const bin[])(IRContext *, IRType, IRTemp *, IRTemp *,
                               IRTemp *) = {
        ir_gen_add, ir_gen_sub, ir_gen_mul, ir_gen_and, ir_gen_or,
        ir_gen_xor, ir_gen_andc, ir_gen_orc, ir_gen_eqv, ir_gen_shl,
        ir_gen_shr, ir_gen_sar, ir_gen_rotl, ir_gen_rotr, ir_gen_div,
        ir_gen_divu, ir_gen_rem, ir_gen_remu, ir_gen_muluh, ir_gen_mulsh,
    };
    static void (*const un[])(IRContext *, IRType, IRTemp *, IRTemp *) = {
        ir_gen_neg, ir_gen_not, ir_gen_ext8s, ir_gen_ext16u, ir_gen_ext32s,
        ir_gen_clz, ir_gen_ctz, ir_gen_ctpop, ir_gen_bswap32, ir_gen_mov,
    };
    IRTemp *pool[12];
    IRLabel *pending = NULL;
    int n = 0, len = g_rand_int_range(r, 5, 40);

    for (int i = 0; i < 8; i++) {
        pool[n++] = x[i];
    }
    for (int i = 0; i < 4; i++) {                 /* temps start defined */
        pool[n] = ir_temp_new(ctx, IR_I64);
        ir_gen_movi(ctx, IR_I64, pool[n++], rand_const(r));
    }
    for (int i = 0; i < len; i++) {
        IRTemp *dst = pool[g_rand_int_range(r, 0, n)];
        IRTemp *a = rand_src(r, pool, n), *b = rand_src(r, pool, n);
        int kind = g_rand_int_range(r, 0, 10);

        if (kind < 5) {
            bin[g_rand_int_range(r, 0, G_N_ELEMENTS(bin))](ctx, IR_I64, dst, a, b);
        } else if (kind < 7) {
            un[g_rand_int_range(r, 0, G_N_ELEMENTS(un))](ctx, IR_I64, dst, a);
        } else if (kind == 7) {
            ir_gen_movcond(ctx, IR_I64, g_rand_int_range(r, 0, IR_COND_COUNT),
                           dst, a, b, rand_src(r, pool, n), rand_src(r, pool, n));
        } else if (kind == 8) {
            unsigned pos = g_rand_int_range(r, 0, 64);
            unsigned len2 = g_rand_int_range(r, 1, 65 - pos);

            ir_gen_deposit(ctx, IR_I64, dst, a, b, pos, len2);
        } else if (pending == NULL) {
            pending = ir_label_new(ctx);
            ir_gen_brcond(ctx, IR_I64, g_rand_int_range(r, 0, IR_COND_COUNT),
                          a, b, pending);
        } else {
            ir_gen_set_label(ctx, pending);
            pending = NULL;
        }
    }
    if (pending) {
        ir_gen_set_label(ctx, pending);
    }
    /* publish the temps too, so dead-code mistakes show */
    for (int i = 8; i < n; i++) {
        ir_gen_xor(ctx, IR_I64, x[i - 8], x[i - 8], pool[i]);
    }
    ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
}

START_TEST(test_interp_random_block_same_result_before_and_after_optimize)
{
    GRand *r = g_rand_new_with_seed(1234 + _i);
    FakeEnv init = { 0 }, before, after;
    g_autofree char *dump_in = NULL, *dump_opt = NULL, *msg = NULL;
    IRInterpBlock *b;

    for (int i = 0; i < 8; i++) {
        init.x[i] = rand_const(r);
    }
    gen_random_block(r);
    dump_in = ir_dump_to_string(ctx);
    b = ir_interp_compile(ctx, 0);
    before = init;
    ir_interp_exec(b, &before);
    ir_interp_free(b);

    ir_optimize(ctx);
    msg = ir_verify(ctx);
    ck_assert_msg(msg == NULL, "%s\n%s", msg, dump_in);
    dump_opt = ir_dump_to_string(ctx);
    b = ir_interp_compile(ctx, 0);
    after = init;
    ir_interp_exec(b, &after);
    ir_interp_free(b);

    for (int i = 0; i < 8; i++) {
        ck_assert_msg(before.x[i] == after.x[i],
                      "seed %d: x%d is 0x%" G_GINT64_MODIFIER "x unoptimized, "
                      "0x%" G_GINT64_MODIFIER "x optimized\n-- op:\n%s-- op_opt:\n%s",
                      1234 + _i, i, before.x[i], after.x[i], dump_in, dump_opt);
    }
    g_rand_free(r);
}
END_TEST

static Suite *interp_suite(void)
{
    Suite *s = suite_create("interp");
    TCase *tc = tcase_create("run");
    TCase *diff = tcase_create("differential");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_interp_arithmetic_writes_globals_in_env);
    tcase_add_test(tc, test_interp_i32_global_write_touches_only_four_bytes);
    tcase_add_test(tc, test_interp_backward_branch_loops_inside_the_block);
    tcase_add_test(tc, test_interp_setcond_and_movcond_select_by_condition);
    tcase_add_test(tc, test_interp_mulu2_and_muls2_give_both_halves);
    tcase_add_test(tc, test_interp_env_and_host_loads_extend_by_memop);
    tcase_add_test(tc, test_interp_guest_store_then_loads_are_little_endian);
    tcase_add_test(tc, test_interp_helper_call_passes_args_and_returns_result);
    tcase_add_test(tc, test_interp_out_of_range_load_calls_fault_hook_with_insn_pc);
    tcase_add_test(tc, test_interp_misaligned_store_with_align_flag_faults);
    tcase_add_test(tc, test_interp_exit_tb_returns_its_value);
    tcase_add_test(tc, test_interp_unchained_goto_tb_returns_cookie_and_slot);
    tcase_add_test(tc, test_interp_chained_goto_tb_continues_into_next_block);
    tcase_add_test(tc, test_interp_exit_request_stops_at_chain_point);
    tcase_add_test(tc, test_interp_lookup_and_goto_uses_hook_or_returns_lookup);
    suite_add_tcase(s, tc);

    tcase_add_checked_fixture(diff, setup, teardown);
    tcase_add_loop_test(diff,
        test_interp_random_block_same_result_before_and_after_optimize, 0, 300);
    suite_add_tcase(s, diff);
    return s;
}

UNIT_TEST_MAIN(interp_suite)
