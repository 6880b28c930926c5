// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * addressing.c: every A64 load/store addressing mode, all access sizes.
 *
 * Loads read a buffer filled with a byte pattern; the expected value is put
 * together byte by byte in C (little-endian, then sign- or zero-extended as
 * the instruction says). Each load runs from several base offsets, so it is
 * also tried unaligned. The destination starts as all ones: a W-register or
 * SIMD&FP scalar load must clear everything above what it loaded. Stores
 * write into a zeroed buffer whose expected contents are kept in a mirror,
 * and the whole buffer is compared after each one. Writeback modes check the
 * new base; the other modes check that the base did not change.
 */
#include "guest-check.h"

#define LBASE 1024                  /* base offset inside the buffers */
static uint8_t lbuf[LBASE + 65536 + 64] __attribute__((aligned(16)));
static uint8_t sbuf[LBASE + 33 * 1024] __attribute__((aligned(16)));
static uint8_t mirror[sizeof(sbuf)];

typedef enum { U, S, SW } Ext;      /* zero-extend, sign-extend to X, to W */

/* The value a load of @size bytes at lbuf[@off] must give. */
static uint64_t ref_ld(long off, unsigned size, Ext ext)
{
    uint64_t v = 0;
    for (unsigned i = size; i-- > 0;)
        v = (v << 8) | lbuf[off + i];
    if (ext != U && size < 8 && (v >> (size * 8 - 1)))
        v |= ~0ull << (size * 8);
    return ext == SW ? v & 0xffffffff : v;
}

/* -- Loads into general registers ------------------------------------------- */

/*
 * CHECK_LD: %0 = destination (preset ~0), %1 = base (lbuf + LBASE + o),
 * %2 = index register. The access is at base + @acc; base + @wb afterwards.
 */
#define CHECK_LD(tmpl, idx, acc, wb, size, ext)                             \
    for (long o_ = 0; o_ < 24; o_ += 3) {                                   \
        uint64_t r_ = ~0ull;                                                \
        const uint8_t *p_ = lbuf + LBASE + o_;                              \
        asm volatile(tmpl : "+r"(r_), "+r"(p_) : "r"((uint64_t)(idx)) : "memory"); \
        CHECK(ref_ld(LBASE + o_ + (acc), size, ext), r_, "'%s' base+%ld", tmpl, o_); \
        CHECK(LBASE + o_ + (wb), p_ - lbuf, "'%s' base+%ld writeback", tmpl, o_); \
    }

static void test_loads(void)
{
    check_section("ld-offset");
    CHECK_LD("ldrb %w0, [%1, #4095]",  0, 4095, 0, 1, U);
    CHECK_LD("ldrh %w0, [%1, #8190]",  0, 8190, 0, 2, U);
    CHECK_LD("ldr %w0, [%1, #16380]",  0, 16380, 0, 4, U);
    CHECK_LD("ldr %0, [%1, #32760]",   0, 32760, 0, 8, U);
    CHECK_LD("ldr %0, [%1]",           0, 0, 0, 8, U);
    CHECK_LD("ldrsb %w0, [%1, #1]",    0, 1, 0, 1, SW);
    CHECK_LD("ldrsb %0, [%1, #3]",     0, 3, 0, 1, S);
    CHECK_LD("ldrsh %w0, [%1, #2]",    0, 2, 0, 2, SW);
    CHECK_LD("ldrsh %0, [%1, #6]",     0, 6, 0, 2, S);
    CHECK_LD("ldrsw %0, [%1, #4]",     0, 4, 0, 4, S);
    CHECK_LD("prfm pldl1keep, [%1, #8]\n\tldrb %w0, [%1]", 0, 0, 0, 1, U);

    check_section("ld-unscaled");
    CHECK_LD("ldur %0, [%1, #-3]",     0, -3, 0, 8, U);
    CHECK_LD("ldur %w0, [%1, #255]",   0, 255, 0, 4, U);
    CHECK_LD("ldurb %w0, [%1, #-256]", 0, -256, 0, 1, U);
    CHECK_LD("ldurh %w0, [%1, #1]",    0, 1, 0, 2, U);
    CHECK_LD("ldursb %0, [%1, #-1]",   0, -1, 0, 1, S);
    CHECK_LD("ldursh %w0, [%1, #7]",   0, 7, 0, 2, SW);
    CHECK_LD("ldursw %0, [%1, #-255]", 0, -255, 0, 4, S);

    check_section("ld-writeback");
    CHECK_LD("ldr %0, [%1, #16]!",     0, 16, 16, 8, U);
    CHECK_LD("ldr %w0, [%1, #-4]!",    0, -4, -4, 4, U);
    CHECK_LD("ldrsw %0, [%1, #255]!",  0, 255, 255, 4, S);
    CHECK_LD("ldrsb %w0, [%1, #-1]!",  0, -1, -1, 1, SW);
    CHECK_LD("ldrb %w0, [%1], #1",     0, 0, 1, 1, U);
    CHECK_LD("ldrsh %0, [%1], #-256",  0, 0, -256, 2, S);
    CHECK_LD("ldr %0, [%1], #255",     0, 0, 255, 8, U);
    CHECK_LD("ldrh %w0, [%1, #0]!",    0, 0, 0, 2, U);

    check_section("ld-register");
    CHECK_LD("ldr %0, [%1, %2]",              -5, -5, 0, 8, U);
    CHECK_LD("ldr %0, [%1, %2, lsl #3]",       5, 40, 0, 8, U);
    CHECK_LD("ldr %w0, [%1, %w2, sxtw #2]",    0xdeadbeeffffffffe, -8, 0, 4, U);
    CHECK_LD("ldr %0, [%1, %w2, uxtw #3]",     0xffffffff00000003, 24, 0, 8, U);
    CHECK_LD("ldr %w0, [%1, %w2, uxtw]",       0x100000006, 6, 0, 4, U);
    CHECK_LD("ldrb %w0, [%1, %2, sxtx]",      -5, -5, 0, 1, U);
    CHECK_LD("ldrh %w0, [%1, %2, lsl #1]",     7, 14, 0, 2, U);
    CHECK_LD("ldrsh %0, [%1, %2]",             3, 3, 0, 2, S);
    CHECK_LD("ldrsh %w0, [%1, %w2, sxtw #1]",  0xffffffff, -2, 0, 2, SW);
    CHECK_LD("ldrsw %0, [%1, %2, lsl #2]",    -1, -4, 0, 4, S);
    CHECK_LD("ldrsb %0, [%1, %w2, sxtw]",      0xffffffff, -1, 0, 1, S);
    CHECK_LD("ldr %0, [%1, %2, sxtx #3]",     -2, -16, 0, 8, U);
}

/* -- Literal loads (PC-relative) --------------------------------------------- */

#define LIT(tmpl, data) ({ uint64_t r_ = ~0ull;                             \
    asm(tmpl ", 1f\n\tb 2f\n\t.p2align 4\n1:\t" data "\n2:" : "+r"(r_)); r_; })

static void test_literal(void)
{
    uint64_t r = ~0ull, lo, hi;
    check_section("ld-literal");
    CHECK(0x0123456789abcdef, LIT("ldr %0", ".quad 0x0123456789abcdef"), "ldr x lit");
    CHECK(0x89abcdef, LIT("ldr %w0", ".word 0x89abcdef"), "ldr w lit");
    CHECK(0xffffffff80000001, LIT("ldrsw %0", ".word 0x80000001"), "ldrsw lit");
    /* A literal before the load: a negative offset. */
    asm("b 2f\n\t.p2align 3\n1:\t.quad 0xfedcba9876543210\n2:\tldr %0, 1b" : "=r"(r));
    CHECK(0xfedcba9876543210, r, "ldr x lit backwards");
    /* The assembler's literal pool. */
    asm("ldr %0, =0x1122334455667788" : "=r"(r));
    CHECK(0x1122334455667788, r, "ldr x =pool");
    asm("movi v16.2d, #-1\n\tldr s16, 1f\n\tb 2f\n\t.p2align 2\n1:\t.word 0x3f800000\n"
        "2:\tmov %0, v16.d[0]\n\tmov %1, v16.d[1]" : "=r"(lo), "=r"(hi) :: "v16");
    CHECK(0x3f800000, lo, "ldr s lit");
    CHECK(0, hi, "ldr s lit clears 127:64");
    asm("movi v16.2d, #-1\n\tldr d16, 1f\n\tb 2f\n\t.p2align 3\n1:\t.quad 0x400921fb54442d18\n"
        "2:\tmov %0, v16.d[0]\n\tmov %1, v16.d[1]" : "=r"(lo), "=r"(hi) :: "v16");
    CHECK(0x400921fb54442d18, lo, "ldr d lit");
    CHECK(0, hi, "ldr d lit clears 127:64");
    asm("ldr q16, 1f\n\tb 2f\n\t.p2align 4\n1:\t.quad 0x0706050403020100, 0x0f0e0d0c0b0a0908\n"
        "2:\tmov %0, v16.d[0]\n\tmov %1, v16.d[1]" : "=r"(lo), "=r"(hi) :: "v16");
    CHECK(0x0706050403020100, lo, "ldr q lit lo");
    CHECK(0x0f0e0d0c0b0a0908, hi, "ldr q lit hi");
}

/* -- Load pairs ---------------------------------------------------------------- */

#define CHECK_LDP(tmpl, acc, wb, size, ext)                                 \
    for (long o_ = 0; o_ < 24; o_ += 4) {                                   \
        uint64_t r0_ = ~0ull, r1_ = ~0ull;                                  \
        const uint8_t *p_ = lbuf + LBASE + o_;                              \
        asm volatile(tmpl : "+r"(r0_), "+r"(r1_), "+r"(p_) :: "memory");   \
        CHECK(ref_ld(LBASE + o_ + (acc), size, ext), r0_, "'%s' base+%ld first", tmpl, o_); \
        CHECK(ref_ld(LBASE + o_ + (acc) + (size), size, ext), r1_,          \
              "'%s' base+%ld second", tmpl, o_);                            \
        CHECK(LBASE + o_ + (wb), p_ - lbuf, "'%s' base+%ld writeback", tmpl, o_); \
    }

static void test_load_pairs(void)
{
    check_section("ld-pair");
    CHECK_LDP("ldp %0, %1, [%2]",           0, 0, 8, U);
    CHECK_LDP("ldp %0, %1, [%2, #504]",     504, 0, 8, U);
    CHECK_LDP("ldp %0, %1, [%2, #-512]",   -512, 0, 8, U);
    CHECK_LDP("ldp %w0, %w1, [%2, #252]",   252, 0, 4, U);
    CHECK_LDP("ldp %w0, %w1, [%2, #-256]", -256, 0, 4, U);
    CHECK_LDP("ldp %0, %1, [%2, #-16]!",   -16, -16, 8, U);
    CHECK_LDP("ldp %w0, %w1, [%2, #8]!",    8, 8, 4, U);
    CHECK_LDP("ldp %0, %1, [%2], #32",      0, 32, 8, U);
    CHECK_LDP("ldp %w0, %w1, [%2], #-4",    0, -4, 4, U);
    CHECK_LDP("ldpsw %0, %1, [%2, #-8]",   -8, 0, 4, S);
    CHECK_LDP("ldpsw %0, %1, [%2, #248]!",  248, 248, 4, S);
    CHECK_LDP("ldpsw %0, %1, [%2], #-256",  0, -256, 4, S);
    CHECK_LDP("ldnp %0, %1, [%2, #32]",     32, 0, 8, U);
    CHECK_LDP("ldnp %w0, %w1, [%2, #-4]",  -4, 0, 4, U);
}

/* -- Stores ------------------------------------------------------------------- */

/* Compare the whole store buffer with its mirror; report the first difference. */
static void check_store_buffer(const char *tmpl, long o)
{
    size_t i;
    for (i = 0; i < sizeof(sbuf) && sbuf[i] == mirror[i]; i++)
        ;
    if (i == sizeof(sbuf)) {
        CHECK(0, 0, "'%s'", tmpl);
        return;
    }
    CHECK(mirror[i], sbuf[i], "'%s' base+%ld: byte at %ld", tmpl, o, (long)i - LBASE);
    /* Resynchronise, so one bad store is reported once. */
    for (; i < sizeof(sbuf); i++)
        mirror[i] = sbuf[i];
}

static void mirror_put(long off, uint64_t v, unsigned size)
{
    for (unsigned i = 0; i < size; i++, v >>= 8)
        mirror[LBASE + off + i] = (uint8_t)v;
}

/* %0 = base (+ o), %1 = value, %2 = index, or the second value of a pair. */
#define CHECK_ST(tmpl, v, idx, acc, wb, size, pair)                         \
    for (long o_ = 0; o_ < 6; o_ += 3) {                                    \
        uint8_t *p_ = sbuf + LBASE + o_;                                    \
        asm volatile(tmpl : "+r"(p_) : "r"((uint64_t)(v)), "r"((uint64_t)(idx)) : "memory"); \
        mirror_put(o_ + (acc), v, size);                                    \
        if (pair)                                                           \
            mirror_put(o_ + (acc) + (size), idx, size);                     \
        check_store_buffer(tmpl, o_);                                       \
        CHECK(LBASE + o_ + (wb), p_ - sbuf, "'%s' base+%ld writeback", tmpl, o_); \
    }

#define V64 0x8877665544332211ull
#define W64 0x0123456789abcdefull

static void test_stores(void)
{
    check_section("st-offset");
    CHECK_ST("str %1, [%0, #32760]",         V64, 0, 32760, 0, 8, 0);
    CHECK_ST("str %w1, [%0, #16380]",        V64, 0, 16380, 0, 4, 0);
    CHECK_ST("strh %w1, [%0, #8190]",        V64, 0, 8190, 0, 2, 0);
    CHECK_ST("strb %w1, [%0, #4095]",        V64, 0, 4095, 0, 1, 0);
    CHECK_ST("str %1, [%0]",                 W64, 0, 0, 0, 8, 0);
    CHECK_ST("stur %1, [%0, #-3]",           V64, 0, -3, 0, 8, 0);
    CHECK_ST("stur %w1, [%0, #255]",         W64, 0, 255, 0, 4, 0);
    CHECK_ST("sturh %w1, [%0, #-255]",       V64, 0, -255, 0, 2, 0);
    CHECK_ST("sturb %w1, [%0, #-256]",       W64, 0, -256, 0, 1, 0);

    check_section("st-writeback");
    CHECK_ST("str %1, [%0, #-8]!",           V64, 0, -8, -8, 8, 0);
    CHECK_ST("str %w1, [%0, #255]!",         W64, 0, 255, 255, 4, 0);
    CHECK_ST("strb %w1, [%0], #-1",          V64, 0, 0, -1, 1, 0);
    CHECK_ST("strh %w1, [%0], #2",           W64, 0, 0, 2, 2, 0);
    CHECK_ST("str %1, [%0], #-256",          W64, 0, 0, -256, 8, 0);

    check_section("st-register");
    CHECK_ST("str %1, [%0, %2, lsl #3]",     V64, 9, 72, 0, 8, 0);
    CHECK_ST("str %w1, [%0, %w2, sxtw #2]",  W64, 0xabcdef00fffffffd, -12, 0, 4, 0);
    CHECK_ST("strh %w1, [%0, %w2, uxtw #1]", V64, 0xffffffff00000005, 10, 0, 2, 0);
    CHECK_ST("strb %w1, [%0, %2, sxtx]",     W64, -7, -7, 0, 1, 0);
    CHECK_ST("str %1, [%0, %w2, uxtw]",      W64, 0x100000011, 17, 0, 8, 0);

    check_section("st-pair");
    CHECK_ST("stp %1, %2, [%0, #-512]",      V64, W64, -512, 0, 8, 1);
    CHECK_ST("stp %w1, %w2, [%0, #252]",     V64, W64, 252, 0, 4, 1);
    CHECK_ST("stp %1, %2, [%0, #16]!",       W64, V64, 16, 16, 8, 1);
    CHECK_ST("stp %w1, %w2, [%0], #-8",      W64, V64, 0, -8, 4, 1);
    CHECK_ST("stnp %1, %2, [%0, #504]",      V64, W64, 504, 0, 8, 1);
    CHECK_ST("stnp %w1, %w2, [%0, #-4]",     W64, V64, -4, 0, 4, 1);
}

/* -- SIMD&FP registers --------------------------------------------------------- */

/* %0/%1 = v16 low/high after the load, %2 = base, %3 = index. */
#define CHECK_LDV(tmpl, idx, acc, wb, size)                                 \
    for (long o_ = 0; o_ < 24; o_ += 5) {                                   \
        uint64_t lo_, hi_;                                                  \
        const uint8_t *p_ = lbuf + LBASE + o_;                              \
        asm volatile("movi v16.2d, #-1\n\t" tmpl                            \
                     "\n\tmov %0, v16.d[0]\n\tmov %1, v16.d[1]"             \
                     : "=r"(lo_), "=r"(hi_), "+r"(p_)                       \
                     : "r"((uint64_t)(idx)) : "v16", "memory");             \
        CHECK(ref_ld(LBASE + o_ + (acc), (size) > 8 ? 8 : (size), U), lo_,  \
              "'%s' base+%ld low", tmpl, o_);                               \
        CHECK((size) > 8 ? ref_ld(LBASE + o_ + (acc) + 8, 8, U) : 0, hi_,   \
              "'%s' base+%ld high", tmpl, o_);                              \
        CHECK(LBASE + o_ + (wb), p_ - lbuf, "'%s' base+%ld writeback", tmpl, o_); \
    }

/* Pair loads into v16 and v17: %0..%3 = v16 lo/hi, v17 lo/hi; %4 = base. */
#define CHECK_LDPV(tmpl, acc, wb, size)                                     \
    for (long o_ = 0; o_ < 24; o_ += 8) {                                   \
        uint64_t r_[4];                                                     \
        const uint8_t *p_ = lbuf + LBASE + o_;                              \
        asm volatile("movi v16.2d, #-1\n\tmovi v17.2d, #-1\n\t" tmpl        \
                     "\n\tmov %0, v16.d[0]\n\tmov %1, v16.d[1]"             \
                     "\n\tmov %2, v17.d[0]\n\tmov %3, v17.d[1]"             \
                     : "=r"(r_[0]), "=r"(r_[1]), "=r"(r_[2]), "=r"(r_[3]),  \
                       "+r"(p_) :: "v16", "v17", "memory");                 \
        for (int k_ = 0; k_ < 2; k_++) {                                    \
            long a_ = LBASE + o_ + (acc) + k_ * (size);                     \
            CHECK(ref_ld(a_, (size) > 8 ? 8 : (size), U), r_[2 * k_],       \
                  "'%s' base+%ld reg %d low", tmpl, o_, k_);                \
            CHECK((size) > 8 ? ref_ld(a_ + 8, 8, U) : 0, r_[2 * k_ + 1],    \
                  "'%s' base+%ld reg %d high", tmpl, o_, k_);               \
        }                                                                   \
        CHECK(LBASE + o_ + (wb), p_ - lbuf, "'%s' base+%ld writeback", tmpl, o_); \
    }

/* Stores from v16 = {V64, W64} (and v17 = {W64, V64}); %0 = base, %1 = index. */
#define CHECK_STV(tmpl, idx, acc, wb, size, pair)                           \
    for (long o_ = 0; o_ < 6; o_ += 3) {                                   \
        uint8_t *p_ = sbuf + LBASE + o_;                                    \
        asm volatile("fmov d16, %2\n\tmov v16.d[1], %3\n\t"                 \
                     "fmov d17, %3\n\tmov v17.d[1], %2\n\t" tmpl            \
                     : "+r"(p_) : "r"((uint64_t)(idx)), "r"(V64), "r"(W64)  \
                     : "v16", "v17", "memory");                             \
        for (int k_ = 0; k_ < 1 + (pair); k_++) {                           \
            long a_ = o_ + (acc) + k_ * (size);                             \
            mirror_put(a_, k_ ? W64 : V64, (size) > 8 ? 8 : (size));        \
            if ((size) > 8)                                                 \
                mirror_put(a_ + 8, k_ ? V64 : W64, 8);                      \
        }                                                                   \
        check_store_buffer(tmpl, o_);                                       \
        CHECK(LBASE + o_ + (wb), p_ - sbuf, "'%s' base+%ld writeback", tmpl, o_); \
    }

static void test_simd_fp(void)
{
    check_section("ld-simd-fp");
    CHECK_LDV("ldr b16, [%2, #4095]",            0, 4095, 0, 1);
    CHECK_LDV("ldr h16, [%2, #8190]",            0, 8190, 0, 2);
    CHECK_LDV("ldr s16, [%2, #16380]",           0, 16380, 0, 4);
    CHECK_LDV("ldr d16, [%2, #32760]",           0, 32760, 0, 8);
    CHECK_LDV("ldr q16, [%2, #65520]",           0, 65520, 0, 16);
    CHECK_LDV("ldur h16, [%2, #-1]",             0, -1, 0, 2);
    CHECK_LDV("ldur q16, [%2, #-256]",           0, -256, 0, 16);
    CHECK_LDV("ldr s16, [%2, #4]!",              0, 4, 4, 4);
    CHECK_LDV("ldr q16, [%2, #-32]!",            0, -32, -32, 16);
    CHECK_LDV("ldr d16, [%2], #-8",              0, 0, -8, 8);
    CHECK_LDV("ldr b16, [%2], #255",             0, 0, 255, 1);
    CHECK_LDV("ldr q16, [%2], #16",              0, 0, 16, 16);
    CHECK_LDV("ldr q16, [%2, %3, lsl #4]",       3, 48, 0, 16);
    CHECK_LDV("ldr b16, [%2, %3]",              -9, -9, 0, 1);
    CHECK_LDV("ldr h16, [%2, %w3, sxtw #1]",     0xfffffffe, -4, 0, 2);
    CHECK_LDV("ldr s16, [%2, %w3, uxtw #2]",     0xffffffff00000002, 8, 0, 4);
    CHECK_LDV("ldr d16, [%2, %3, sxtx #3]",     -1, -8, 0, 8);

    check_section("ld-simd-fp-pair");
    CHECK_LDPV("ldp q16, q17, [%4, #-1024]",    -1024, 0, 16);
    CHECK_LDPV("ldp q16, q17, [%4, #1008]",      1008, 0, 16);
    CHECK_LDPV("ldp s16, s17, [%4, #4]!",        4, 4, 4);
    CHECK_LDPV("ldp d16, d17, [%4], #-512",      0, -512, 8);
    CHECK_LDPV("ldnp q16, q17, [%4, #32]",       32, 0, 16);
    CHECK_LDPV("ldnp d16, d17, [%4, #-8]",      -8, 0, 8);

    check_section("st-simd-fp");
    CHECK_STV("str b16, [%0, #4095]",            0, 4095, 0, 1, 0);
    CHECK_STV("str h16, [%0, #8190]",            0, 8190, 0, 2, 0);
    CHECK_STV("str s16, [%0, #16380]",           0, 16380, 0, 4, 0);
    CHECK_STV("str d16, [%0, #32760]",           0, 32760, 0, 8, 0);
    CHECK_STV("str q16, [%0, #1008]",            0, 1008, 0, 16, 0);
    CHECK_STV("stur h16, [%0, #-3]",             0, -3, 0, 2, 0);
    CHECK_STV("stur q16, [%0, #-256]",           0, -256, 0, 16, 0);
    CHECK_STV("str s16, [%0, #-4]!",             0, -4, -4, 4, 0);
    CHECK_STV("str q16, [%0, #32]!",             0, 32, 32, 16, 0);
    CHECK_STV("str d16, [%0], #8",               0, 0, 8, 8, 0);
    CHECK_STV("str b16, [%0], #-1",              0, 0, -1, 1, 0);
    CHECK_STV("str q16, [%0, %1, lsl #4]",       3, 48, 0, 16, 0);
    CHECK_STV("str h16, [%0, %w1, sxtw #1]",     0xfffffff0, -32, 0, 2, 0);
    CHECK_STV("str d16, [%0, %w1, uxtw #3]",     0xffffffff00000007, 56, 0, 8, 0);
    CHECK_STV("stp q16, q17, [%0, #-1024]",      0, -1024, 0, 16, 1);
    CHECK_STV("stp d16, d17, [%0, #16]!",        0, 16, 16, 8, 1);
    CHECK_STV("stp s16, s17, [%0], #-252",       0, 0, -252, 4, 1);
    CHECK_STV("stnp q16, q17, [%0, #64]",        0, 64, 0, 16, 1);
}

int main(void)
{
    for (size_t i = 0; i < sizeof(lbuf); i++)
        lbuf[i] = (uint8_t)(i * 37 + 11 + (i >> 8));
    test_loads();
    test_literal();
    test_load_pairs();
    test_stores();
    test_simd_fp();
    return check_exit();
}
