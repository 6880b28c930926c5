// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-helper-fp.c: the Arm floating-point rules of helper-fp.c on the host,
 * each pinned by a case worked out from the ARM ARM pseudocode (FPProcessNaNs,
 * FPUnpack, FPRoundBase, FPToFixed, FPConvert, RecipEstimate) — the places
 * where the host's IEEE arithmetic differs from Arm's: NaN choice and the
 * default NaN, flush to zero, underflow before rounding, saturation,
 * half-precision rounding, and the estimate tables.
 */
#include "unit.h"
#include "target-arm/helper-fp.h"

#include <string.h>

static CPUARMState env;

/* Run with FPCR = @fpcr from clean FPSR; the FPSR bits land in *flags. */
#define FP(fpcr_, expr, flags)                                              \
    ({ env.fpcr = (fpcr_); env.fpsr = 0; uint64_t r_ = (expr);                \
       *(flags) = env.fpsr; r_; })

#define QNAN32      0x7fc00000u
#define SNAN32(p)   (0x7f800000u | (p))
#define ONE32       0x3f800000u
#define ONE64       0x3ff0000000000000ull

START_TEST(test_fp_nan_first_signalling_wins_and_is_quietened)
{
    uint32_t f;
    uint64_t r = FP(0, fp_arith(&env, FP_ADD, 32, 0x7fc00001, SNAN32(0x123), 0), &f);

    ck_assert_uint_eq(r, 0x7fc00123);       /* op2's payload, quiet bit set */
    ck_assert_uint_eq(f, FPSR_IOC);
}
END_TEST

START_TEST(test_fp_nan_two_quiet_gives_the_first_without_flags)
{
    uint32_t f;
    uint64_t r = FP(0, fp_arith(&env, FP_MUL, 64, 0xfff8000000000005ull,
                                0x7ff8000000000009ull, 0), &f);

    ck_assert_uint_eq(r, 0xfff8000000000005ull);
    ck_assert_uint_eq(f, 0);
}
END_TEST

START_TEST(test_fp_invalid_gives_positive_default_nan)
{
    uint32_t f;

    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_SUB, 32, 0x7f800000, 0x7f800000, 0), &f),
                      QNAN32);
    ck_assert_uint_eq(f, FPSR_IOC);
    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_SQRT, 64, 0xbff0000000000000ull, 0, 0), &f),
                      0x7ff8000000000000ull);
    ck_assert_uint_eq(f, FPSR_IOC);
}
END_TEST

START_TEST(test_fp_dn_replaces_propagated_nan)
{
    uint32_t f;

    ck_assert_uint_eq(FP(FPCR_DN, fp_arith(&env, FP_ADD, 32, 0xffc12345, ONE32, 0), &f),
                      QNAN32);
    ck_assert_uint_eq(f, 0);
}
END_TEST

START_TEST(test_fp_muladd_qnan_addend_with_inf_times_zero_is_invalid)
{
    uint32_t f;

    /* FPMulAdd: addend quiet NaN, 0 * inf -> default NaN + Invalid */
    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_MULADD, 32, 0x7fc00042, 0, 0x7f800000), &f),
                      QNAN32);
    ck_assert_uint_eq(f, FPSR_IOC);
    /* with a finite product the addend NaN propagates quietly */
    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_MULADD, 32, 0x7fc00042, ONE32, ONE32), &f),
                      0x7fc00042);
    ck_assert_uint_eq(f, 0);
}
END_TEST

START_TEST(test_fp_fz_flushes_denormal_inputs_with_idc)
{
    uint32_t f;

    ck_assert_uint_eq(FP(FPCR_FZ, fp_arith(&env, FP_ADD, 32, 0x80000001, 0, 0), &f), 0);
    ck_assert_uint_eq(f, FPSR_IDC);         /* -0 + +0 = +0 in RN */
}
END_TEST

START_TEST(test_fp_fz_flushes_tiny_results_with_ufc_only)
{
    uint32_t f;

    /* min normal / 2 is exactly representable as a denormal: still flushed */
    ck_assert_uint_eq(FP(FPCR_FZ, fp_arith(&env, FP_MUL, 32, 0x80800000, 0x3f000000, 0), &f),
                      0x80000000);
    ck_assert_uint_eq(f, FPSR_UFC);
    /* without FZ it is exact: no flags */
    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_MUL, 32, 0x80800000, 0x3f000000, 0), &f),
                      0x80400000);
    ck_assert_uint_eq(f, 0);
}
END_TEST

START_TEST(test_fp_underflow_is_detected_before_rounding)
{
    uint32_t f;

    /* (1 - 2^-24) * 2^-126 rounds up to 2^-126: tiny before rounding */
    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_MUL, 32, 0x00ffffff, 0x3f000000, 0), &f),
                      0x00800000);
    ck_assert_uint_eq(f, FPSR_UFC | FPSR_IXC);
    /* and under FZ the same value is flushed */
    ck_assert_uint_eq(FP(FPCR_FZ, fp_arith(&env, FP_MUL, 32, 0x00ffffff, 0x3f000000, 0), &f),
                      0);
    ck_assert_uint_eq(f, FPSR_UFC);
}
END_TEST

START_TEST(test_fp_rounding_modes_follow_fpcr)
{
    uint32_t f;
    static const uint32_t third[4] = { 0x3eaaaaab, 0x3eaaaaab, 0x3eaaaaaa, 0x3eaaaaaa };

    for (unsigned rm = 0; rm < 4; rm++) {
        ck_assert_uint_eq(FP(rm << FPCR_RMODE_SHIFT,
                             fp_arith(&env, FP_DIV, 32, ONE32, 0x40400000, 0), &f),
                          third[rm]);
        ck_assert_uint_eq(f, FPSR_IXC);
    }
    /* overflow: to inf in RN, to the largest finite in RZ */
    ck_assert_uint_eq(FP(0, fp_arith(&env, FP_ADD, 32, 0x7f7fffff, 0x7f7fffff, 0), &f),
                      0x7f800000);
    ck_assert_uint_eq(f, FPSR_OFC | FPSR_IXC);
    ck_assert_uint_eq(FP(3u << FPCR_RMODE_SHIFT,
                         fp_arith(&env, FP_ADD, 32, 0x7f7fffff, 0x7f7fffff, 0), &f),
                      0x7f7fffff);
}
END_TEST

START_TEST(test_fp_minmax_zero_signs_and_maxnm_quiet_nan)
{
    uint32_t f;

    ck_assert_uint_eq(FP(0, fp_minmax(&env, 32, 0x80000000, 0, true, false), &f), 0);
    ck_assert_uint_eq(FP(0, fp_minmax(&env, 32, 0, 0x80000000, false, false), &f),
                      0x80000000);
    ck_assert_uint_eq(FP(0, fp_minmax(&env, 32, QNAN32, ONE32, true, true), &f), ONE32);
    ck_assert_uint_eq(f, 0);
    /* a signalling NaN still wins in maxnm */
    ck_assert_uint_eq(FP(0, fp_minmax(&env, 32, SNAN32(1), ONE32, true, true), &f),
                      0x7fc00001);
    ck_assert_uint_eq(f, FPSR_IOC);
}
END_TEST

START_TEST(test_fp_compare_quiet_and_signalling)
{
    uint32_t f;

    ck_assert_int_eq(FP(0, fp_compare(&env, 64, 0x7ff8000000000000ull, 0, false), &f),
                     FPREL_UNORDERED);
    ck_assert_uint_eq(f, 0);
    ck_assert_int_eq(FP(0, fp_compare(&env, 64, 0x7ff8000000000000ull, 0, true), &f),
                     FPREL_UNORDERED);
    ck_assert_uint_eq(f, FPSR_IOC);
    ck_assert_int_eq(FP(0, fp_compare(&env, 32, 0x80000000, 0, true), &f), FPREL_EQUAL);
}
END_TEST

START_TEST(test_fp_to_fixed_saturates_and_nan_is_zero)
{
    uint32_t f;

    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 32, 0x7f800000, 0, FPROUND_ZERO, false, 32), &f),
                      0x7fffffff);
    ck_assert_uint_eq(f, FPSR_IOC);
    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 64, 0xc000000000000000ull, 0, FPROUND_ZERO,
                                        true, 64), &f), 0);
    ck_assert_uint_eq(f, FPSR_IOC);
    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 32, QNAN32, 0, FPROUND_ZERO, false, 64), &f), 0);
    ck_assert_uint_eq(f, FPSR_IOC);
    /* -0.5 to unsigned rounds to 0 without saturating: only Inexact */
    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 32, 0xbf000000, 0, FPROUND_ZERO, true, 32), &f), 0);
    ck_assert_uint_eq(f, FPSR_IXC);
    /* 2.5 with ties to even and ties away; 1.5 with 3 fraction bits */
    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 32, 0x40200000, 0, FPROUND_TIEEVEN, false, 32), &f), 2);
    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 32, 0x40200000, 0, FPROUND_TIEAWAY, false, 32), &f), 3);
    ck_assert_uint_eq(FP(0, fp_to_fixed(&env, 32, 0x3fc00000, 3, FPROUND_ZERO, false, 32), &f), 12);
    ck_assert_uint_eq(f, 0);
}
END_TEST

START_TEST(test_fp_round_int_keeps_zero_sign_and_frintx_is_inexact)
{
    uint32_t f;

    ck_assert_uint_eq(FP(0, fp_round_int(&env, 64, 0xbfd0000000000000ull, FPROUND_TIEEVEN,
                                         false), &f), 0x8000000000000000ull);
    ck_assert_uint_eq(f, 0);
    ck_assert_uint_eq(FP(0, fp_round_int(&env, 32, 0x3fc00000, FPROUND_FPCR, true), &f),
                      0x40000000);
    ck_assert_uint_eq(f, FPSR_IXC);
}
END_TEST

START_TEST(test_fp_convert_nan_payload_and_half_rounding)
{
    uint32_t f;

    /* double sNaN to single: top payload bits, quietened */
    ck_assert_uint_eq(FP(0, fp_convert(&env, 64, 32, 0x7ff4000000000000ull), &f),
                      0x7fe00000);
    ck_assert_uint_eq(f, FPSR_IOC);
    /* 1 + 2^-11 is halfway between two halves: ties to even gives 1.0 */
    ck_assert_uint_eq(FP(0, fp_convert(&env, 32, 16, 0x3f801000), &f), 0x3c00);
    ck_assert_uint_eq(f, FPSR_IXC);
    /* 65520 overflows half in RN; AHP saturates with Invalid instead */
    ck_assert_uint_eq(FP(0, fp_convert(&env, 32, 16, 0x477ff000), &f), 0x7c00);
    ck_assert_uint_eq(f, FPSR_OFC | FPSR_IXC);
    ck_assert_uint_eq(FP(FPCR_AHP, fp_convert(&env, 64, 16, 0x7ff0000000000000ull), &f),
                      0x7fff);
    ck_assert_uint_eq(f, FPSR_IOC);
    /* the smallest half denormal back to single, exactly */
    ck_assert_uint_eq(FP(0, fp_convert(&env, 16, 32, 0x0001), &f), 0x33800000);
    ck_assert_uint_eq(f, 0);
}
END_TEST

START_TEST(test_fp_estimates_match_the_arm_tables)
{
    uint32_t f;

    /* FRECPE(1.0) = 0.998046875, FRSQRTE(1.0) = 0.998046875, FRSQRTE(4) = 0.4990234375 */
    ck_assert_uint_eq(FP(0, fp_recpe(&env, 32, ONE32), &f), 0x3f7f8000);
    ck_assert_uint_eq(FP(0, fp_rsqrte(&env, 32, ONE32), &f), 0x3f7f8000);
    ck_assert_uint_eq(FP(0, fp_rsqrte(&env, 64, 0x4010000000000000ull), &f),
                      0x3fdff00000000000ull);
    ck_assert_uint_eq(FP(0, fp_recpe(&env, 32, 0), &f), 0x7f800000);
    ck_assert_uint_eq(f, FPSR_DZC);
    ck_assert_uint_eq(fp_urecpe(0x80000000u), 0xff800000u);
    ck_assert_uint_eq(fp_urecpe(0x7fffffffu), 0xffffffffu);
}
END_TEST

static Suite *helper_fp_suite(void)
{
    Suite *s = suite_create("helper-fp");
    TCase *tc = tcase_create("nan");

    tcase_add_test(tc, test_fp_nan_first_signalling_wins_and_is_quietened);
    tcase_add_test(tc, test_fp_nan_two_quiet_gives_the_first_without_flags);
    tcase_add_test(tc, test_fp_invalid_gives_positive_default_nan);
    tcase_add_test(tc, test_fp_dn_replaces_propagated_nan);
    tcase_add_test(tc, test_fp_muladd_qnan_addend_with_inf_times_zero_is_invalid);
    suite_add_tcase(s, tc);

    tc = tcase_create("round");
    tcase_add_test(tc, test_fp_fz_flushes_denormal_inputs_with_idc);
    tcase_add_test(tc, test_fp_fz_flushes_tiny_results_with_ufc_only);
    tcase_add_test(tc, test_fp_underflow_is_detected_before_rounding);
    tcase_add_test(tc, test_fp_rounding_modes_follow_fpcr);
    suite_add_tcase(s, tc);

    tc = tcase_create("ops");
    tcase_add_test(tc, test_fp_minmax_zero_signs_and_maxnm_quiet_nan);
    tcase_add_test(tc, test_fp_compare_quiet_and_signalling);
    tcase_add_test(tc, test_fp_to_fixed_saturates_and_nan_is_zero);
    tcase_add_test(tc, test_fp_round_int_keeps_zero_sign_and_frintx_is_inexact);
    tcase_add_test(tc, test_fp_convert_nan_payload_and_half_rounding);
    tcase_add_test(tc, test_fp_estimates_match_the_arm_tables);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(helper_fp_suite)
