// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-a64-imm.c: A64 immediate expansions against independent references.
 *
 * Bitmask immediates: the reference is built forwards, from every element
 * size, run length and rotation to the encodings that produce it, and then
 * all 2^13 (64-bit) and 2^12 (32-bit) encodings must agree with the decoder,
 * reserved ones included.  FP imm8: all 256 values against the constant
 * computed with ldexp().  AdvSIMD modified immediates: every op/cmode against
 * values checked with aarch64-linux-gnu-objdump (imm8 = 0xa5).
 */
#include "unit.h"
#include "target-arm/a64-imm.h"

#include <math.h>
#include <string.h>

/* -- Bitmask immediates ------------------------------------------------- */

typedef struct BitmaskRef {
    bool valid;
    uint64_t value;
} BitmaskRef;

/* [is64][n][immr][imms] */
static BitmaskRef bitmask_ref[2][2][64][64];

/*
 * A bitmask immediate is a run of s ones (1 <= s < esize) rotated right by
 * r within an element of esize bits (2..64), the element replicated.  Its
 * encoding: N = 1 for 64-bit elements; imms = a size prefix (ones, then a
 * zero) above s - 1; immr = r, with the immr bits above log2(esize) free.
 */
static void build_bitmask_ref(void)
{
    memset(bitmask_ref, 0, sizeof(bitmask_ref));
    for (int is64 = 0; is64 < 2; is64++) {
        for (unsigned esize = 2; esize <= (is64 ? 64u : 32u); esize *= 2) {
            unsigned n = esize == 64;
            unsigned prefix = (~(2 * esize - 1)) & 0x3f;    /* e.g. 110000 for 8 */

            for (unsigned s = 1; s < esize; s++) {
                for (unsigned r = 0; r < esize; r++) {
                    uint64_t v = 0;

                    /* bit i of the element is set iff it is within the run
                     * of s ones that starts at bit (esize - r) % esize */
                    for (unsigned i = 0; i < 64; i++)
                        if (((i % esize) + r) % esize < s)
                            v |= UINT64_C(1) << i;
                    if (!is64)
                        v &= 0xffffffffu;
                    for (unsigned hi = 0; hi < 64; hi += esize) {
                        BitmaskRef *ref = &bitmask_ref[is64][n][hi | r][prefix | (s - 1)];

                        ref->valid = true;
                        ref->value = v;
                    }
                }
            }
        }
    }
}

START_TEST(test_imm_bitmask_every_64bit_encoding_matches_reference)
{
    unsigned valid = 0;

    build_bitmask_ref();
    for (unsigned enc = 0; enc < (1u << 13); enc++) {
        unsigned n = enc >> 12, immr = (enc >> 6) & 0x3f, imms = enc & 0x3f;
        const BitmaskRef *ref = &bitmask_ref[1][n][immr][imms];
        uint64_t got = 0xdeadbeef;
        bool ok = a64_decode_bitmask(n, immr, imms, true, &got);

        if (ok != ref->valid)
            ck_abort_msg("N=%u immr=%u imms=%u: decoder says %s",
                         n, immr, imms, ok ? "valid" : "reserved");
        if (ok && got != ref->value)
            ck_abort_msg("N=%u immr=%u imms=%u: 0x%016llx, expected 0x%016llx",
                         n, immr, imms, (unsigned long long)got,
                         (unsigned long long)ref->value);
        valid += ok;
    }
    /* each (esize, run, rotation) has 64 / esize encodings (free immr
     * bits): 64 * sum(esize - 1) = 64 * (1 + 3 + 7 + 15 + 31 + 63) */
    ck_assert_uint_eq(valid, 7680);
}
END_TEST

START_TEST(test_imm_bitmask_every_32bit_encoding_matches_reference)
{
    build_bitmask_ref();
    for (unsigned enc = 0; enc < (1u << 12); enc++) {
        unsigned immr = enc >> 6, imms = enc & 0x3f;
        const BitmaskRef *ref = &bitmask_ref[0][0][immr][imms];
        uint64_t got = 0xdeadbeef;
        bool ok = a64_decode_bitmask(0, immr, imms, false, &got);

        if (ok != ref->valid)
            ck_abort_msg("immr=%u imms=%u: decoder says %s",
                         immr, imms, ok ? "valid" : "reserved");
        if (ok && got != ref->value)
            ck_abort_msg("immr=%u imms=%u: 0x%llx, expected 0x%llx",
                         immr, imms, (unsigned long long)got,
                         (unsigned long long)ref->value);
    }
    /* N = 1 needs a 64-bit operation */
    for (unsigned enc = 0; enc < (1u << 12); enc++) {
        uint64_t got;

        if (a64_decode_bitmask(1, enc >> 6, enc & 0x3f, false, &got))
            ck_abort_msg("N=1 immr=%u imms=%u accepted for 32 bits", enc >> 6, enc & 0x3f);
    }
}
END_TEST

static int count_distinct(bool is64)
{
    GHashTable *set = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    int count;

    for (unsigned enc = 0; enc < (1u << 13); enc++) {
        uint64_t v;

        if (a64_decode_bitmask(enc >> 12, (enc >> 6) & 0x3f, enc & 0x3f, is64, &v)) {
            gint64 *key = g_new(gint64, 1);

            *key = (gint64)v;
            g_hash_table_add(set, key);
        }
    }
    count = (int)g_hash_table_size(set);
    g_hash_table_destroy(set);
    return count;
}

START_TEST(test_imm_bitmask_distinct_values_are_5334_and_1302)
{
    /* the well-known counts of 64- and 32-bit logical immediates */
    ck_assert_int_eq(count_distinct(true), 5334);
    ck_assert_int_eq(count_distinct(false), 1302);
}
END_TEST

START_TEST(test_imm_bitmask_known_encodings)
{
    uint64_t v;

    ck_assert(a64_decode_bitmask(1, 61, 31, true, &v));     /* tst x1, #0x7fffffff8 */
    ck_assert_uint_eq(v, UINT64_C(0x7fffffff8));
    ck_assert(a64_decode_bitmask(1, 1, 0, true, &v));       /* eor x1, x2, #0x8000000000000000 */
    ck_assert_uint_eq(v, UINT64_C(0x8000000000000000));
    ck_assert(a64_decode_bitmask(0, 31, 0, false, &v));     /* and w25, w0, #0x2 */
    ck_assert_uint_eq(v, 2);
    ck_assert(a64_decode_bitmask(0, 0, 0x3c, true, &v));    /* 0x5555555555555555 */
    ck_assert_uint_eq(v, UINT64_C(0x5555555555555555));
    ck_assert(!a64_decode_bitmask(1, 0, 0x3f, true, &v));   /* all ones */
    ck_assert(!a64_decode_bitmask(0, 0, 0x3e, true, &v));   /* no element size */
    ck_assert(!a64_decode_bitmask(0, 0, 0x1f, false, &v));  /* 32 ones */
}
END_TEST

/* -- FP imm8 ------------------------------------------------------------ */

/* +-(16 + efgh) / 16 * 2^r, r = b ? cd - 3 : cd + 1 (ARM ARM VFPExpandImm) */
static double fp_imm8_value(unsigned imm8)
{
    unsigned b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3, efgh = imm8 & 0xf;
    int r = b ? (int)cd - 3 : (int)cd + 1;
    double v = ldexp((16.0 + efgh) / 16.0, r);

    return (imm8 & 0x80) ? -v : v;
}

START_TEST(test_imm_fp_imm8_expands_to_the_same_double_float_and_half)
{
    unsigned imm8 = (unsigned)_i;
    double d = fp_imm8_value(imm8);
    float f = (float)d;
    uint64_t dbits;
    uint32_t fbits;
    uint16_t hbits;

    memcpy(&dbits, &d, sizeof(d));
    memcpy(&fbits, &f, sizeof(f));
    /* every such constant is a normal half: rebias the exponent, cut the
     * fraction (exact, the value has only 4 fraction bits) */
    hbits = (uint16_t)(((fbits >> 16) & 0x8000)
                       | ((((fbits >> 23) & 0xff) - 127 + 15) << 10)
                       | ((fbits >> 13) & 0x3ff));
    ck_assert_msg(a64_vfp_expand_imm(imm8, 64) == dbits, "imm8 0x%02x (%g): double", imm8, d);
    ck_assert_msg(a64_vfp_expand_imm(imm8, 32) == fbits, "imm8 0x%02x (%g): single", imm8, d);
    ck_assert_msg(a64_vfp_expand_imm(imm8, 16) == hbits, "imm8 0x%02x (%g): half", imm8, d);
}
END_TEST

START_TEST(test_imm_fp_imm8_known_constants)
{
    ck_assert_uint_eq(a64_vfp_expand_imm(0x70, 64), UINT64_C(0x3ff0000000000000)); /* fmov d1, #1.0 */
    ck_assert_uint_eq(a64_vfp_expand_imm(0x00, 32), 0x40000000);   /* 2.0 */
    ck_assert_uint_eq(a64_vfp_expand_imm(0x80, 32), 0xc0000000);   /* -2.0 */
    ck_assert_uint_eq(a64_vfp_expand_imm(0x40, 32), 0x3e000000);   /* 0.125 */
    ck_assert_uint_eq(a64_vfp_expand_imm(0x60, 32), 0x3f000000);   /* 0.5 */
    ck_assert_uint_eq(a64_vfp_expand_imm(0x3f, 32), 0x41f80000);   /* 31.0 */
    ck_assert_uint_eq(a64_vfp_expand_imm(0x70, 16), 0x3c00);       /* 1.0 */
}
END_TEST

/* -- AdvSIMD modified immediate ----------------------------------------- */

typedef struct ModImmCase {
    unsigned op, cmode;
    uint64_t value;             /* AdvSIMDExpandImm(op, cmode, 0xa5) */
    A64ModImmOp what;
    const char *disas;          /* objdump of 0 Q=1 op 0111100000 ... */
} ModImmCase;

static const ModImmCase modimm_cases[] = {
    { 0,  0, 0x000000a5000000a5ULL, A64_MODIMM_MOVI, "movi v0.4s, #0xa5" },
    { 0,  1, 0x000000a5000000a5ULL, A64_MODIMM_ORR,  "orr v0.4s, #0xa5" },
    { 0,  2, 0x0000a5000000a500ULL, A64_MODIMM_MOVI, "movi v0.4s, #0xa5, lsl #8" },
    { 0,  3, 0x0000a5000000a500ULL, A64_MODIMM_ORR,  "orr v0.4s, #0xa5, lsl #8" },
    { 0,  4, 0x00a5000000a50000ULL, A64_MODIMM_MOVI, "movi v0.4s, #0xa5, lsl #16" },
    { 0,  5, 0x00a5000000a50000ULL, A64_MODIMM_ORR,  "orr v0.4s, #0xa5, lsl #16" },
    { 0,  6, 0xa5000000a5000000ULL, A64_MODIMM_MOVI, "movi v0.4s, #0xa5, lsl #24" },
    { 0,  7, 0xa5000000a5000000ULL, A64_MODIMM_ORR,  "orr v0.4s, #0xa5, lsl #24" },
    { 0,  8, 0x00a500a500a500a5ULL, A64_MODIMM_MOVI, "movi v0.8h, #0xa5" },
    { 0,  9, 0x00a500a500a500a5ULL, A64_MODIMM_ORR,  "orr v0.8h, #0xa5" },
    { 0, 10, 0xa500a500a500a500ULL, A64_MODIMM_MOVI, "movi v0.8h, #0xa5, lsl #8" },
    { 0, 11, 0xa500a500a500a500ULL, A64_MODIMM_ORR,  "orr v0.8h, #0xa5, lsl #8" },
    { 0, 12, 0x0000a5ff0000a5ffULL, A64_MODIMM_MOVI, "movi v0.4s, #0xa5, msl #8" },
    { 0, 13, 0x00a5ffff00a5ffffULL, A64_MODIMM_MOVI, "movi v0.4s, #0xa5, msl #16" },
    { 0, 14, 0xa5a5a5a5a5a5a5a5ULL, A64_MODIMM_MOVI, "movi v0.16b, #0xa5" },
    { 0, 15, 0xc1280000c1280000ULL, A64_MODIMM_FMOV, "fmov v0.4s, #-10.5" },
    { 1,  0, 0x000000a5000000a5ULL, A64_MODIMM_MVNI, "mvni v0.4s, #0xa5" },
    { 1,  1, 0x000000a5000000a5ULL, A64_MODIMM_BIC,  "bic v0.4s, #0xa5" },
    { 1,  2, 0x0000a5000000a500ULL, A64_MODIMM_MVNI, "mvni v0.4s, #0xa5, lsl #8" },
    { 1,  3, 0x0000a5000000a500ULL, A64_MODIMM_BIC,  "bic v0.4s, #0xa5, lsl #8" },
    { 1,  4, 0x00a5000000a50000ULL, A64_MODIMM_MVNI, "mvni v0.4s, #0xa5, lsl #16" },
    { 1,  5, 0x00a5000000a50000ULL, A64_MODIMM_BIC,  "bic v0.4s, #0xa5, lsl #16" },
    { 1,  6, 0xa5000000a5000000ULL, A64_MODIMM_MVNI, "mvni v0.4s, #0xa5, lsl #24" },
    { 1,  7, 0xa5000000a5000000ULL, A64_MODIMM_BIC,  "bic v0.4s, #0xa5, lsl #24" },
    { 1,  8, 0x00a500a500a500a5ULL, A64_MODIMM_MVNI, "mvni v0.8h, #0xa5" },
    { 1,  9, 0x00a500a500a500a5ULL, A64_MODIMM_BIC,  "bic v0.8h, #0xa5" },
    { 1, 10, 0xa500a500a500a500ULL, A64_MODIMM_MVNI, "mvni v0.8h, #0xa5, lsl #8" },
    { 1, 11, 0xa500a500a500a500ULL, A64_MODIMM_BIC,  "bic v0.8h, #0xa5, lsl #8" },
    { 1, 12, 0x0000a5ff0000a5ffULL, A64_MODIMM_MVNI, "mvni v0.4s, #0xa5, msl #8" },
    { 1, 13, 0x00a5ffff00a5ffffULL, A64_MODIMM_MVNI, "mvni v0.4s, #0xa5, msl #16" },
    { 1, 14, 0xff00ff0000ff00ffULL, A64_MODIMM_MOVI, "movi v0.2d, #0xff00ff0000ff00ff" },
    { 1, 15, 0xc025000000000000ULL, A64_MODIMM_FMOV, "fmov v0.2d, #-10.5" },
};

START_TEST(test_imm_simd_expand_every_op_cmode_matches_objdump)
{
    const ModImmCase *c = &modimm_cases[_i];
    uint64_t got = a64_simd_expand_imm(c->op, c->cmode, 0xa5);

    ck_assert_msg(got == c->value, "%s (op %u cmode %u): 0x%016llx, expected 0x%016llx",
                  c->disas, c->op, c->cmode, (unsigned long long)got,
                  (unsigned long long)c->value);
    ck_assert_msg(a64_simd_modimm_op(c->op, c->cmode) == c->what, "%s: wrong operation",
                  c->disas);
}
END_TEST

START_TEST(test_imm_simd_expand_byte_mask_maps_each_bit_to_a_byte)
{
    for (unsigned imm8 = 0; imm8 < 256; imm8++) {
        uint64_t v = a64_simd_expand_imm(1, 14, imm8);

        for (unsigned i = 0; i < 8; i++)
            if (((v >> (8 * i)) & 0xff) != ((imm8 >> i) & 1 ? 0xffu : 0))
                ck_abort_msg("imm8 0x%02x: byte %u of 0x%016llx", imm8, i,
                             (unsigned long long)v);
    }
    ck_assert_uint_eq(a64_simd_expand_imm(0, 14, 0), 0);          /* movi v0.16b, #0 */
    ck_assert_uint_eq(a64_simd_expand_imm(1, 14, 0xff), ~UINT64_C(0)); /* movi v0.2d, #-1 */
}
END_TEST

static Suite *a64_imm_suite(void)
{
    Suite *s = suite_create("a64-imm");
    TCase *tc = tcase_create("bitmask");

    tcase_add_test(tc, test_imm_bitmask_every_64bit_encoding_matches_reference);
    tcase_add_test(tc, test_imm_bitmask_every_32bit_encoding_matches_reference);
    tcase_add_test(tc, test_imm_bitmask_distinct_values_are_5334_and_1302);
    tcase_add_test(tc, test_imm_bitmask_known_encodings);
    suite_add_tcase(s, tc);

    tc = tcase_create("fp");
    tcase_add_loop_test(tc, test_imm_fp_imm8_expands_to_the_same_double_float_and_half, 0, 256);
    tcase_add_test(tc, test_imm_fp_imm8_known_constants);
    suite_add_tcase(s, tc);

    tc = tcase_create("simd");
    tcase_add_loop_test(tc, test_imm_simd_expand_every_op_cmode_matches_objdump,
                        0, G_N_ELEMENTS(modimm_cases));
    tcase_add_test(tc, test_imm_simd_expand_byte_mask_maps_each_bit_to_a_byte);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(a64_imm_suite)
