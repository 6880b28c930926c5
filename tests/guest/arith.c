// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * arith.c: integer data-processing instructions on their edge cases.
 *
 * Each instruction runs from inline asm on a table of inputs whose results
 * are written out by hand (ARM ARM semantics: division by zero gives 0,
 * INT_MIN / -1 gives INT_MIN, register shift amounts are taken modulo the
 * width). The destination register starts as all ones, so a 32-bit (W) form
 * that forgets to zero bits 63:32 of the X register shows up as a mismatch.
 * A second part runs pseudo-random inputs and compares the instructions with
 * slow reference code built from other operations (schoolbook multiply,
 * shift-subtract division, bit loops).
 */
#include "guest-check.h"

typedef struct {
    uint64_t a, b, c, r;        /* inputs and the expected X register */
} Case;

/* ASM_OP: run @tmpl with %0 = destination (preset to @d), %1..%3 = inputs. */
#define ASM_OP(tmpl, d, a, b, c) ({                                     \
    uint64_t r_ = (d);                                                  \
    asm(tmpl : "+r"(r_)                                                 \
        : "r"((uint64_t)(a)), "r"((uint64_t)(b)), "r"((uint64_t)(c))   \
        : "cc");                                                        \
    r_; })

/* TEST: each row is {a, b, c, expected}; the destination starts as ~0. */
#define TEST_FROM(tmpl, dest_is_c, ...) do {                            \
    static const Case c_[] = { __VA_ARGS__ };                           \
    for (unsigned i_ = 0; i_ < ARRAY_LEN(c_); i_++) {                   \
        uint64_t d_ = (dest_is_c) ? c_[i_].c : ~0ull;                   \
        CHECK(c_[i_].r, ASM_OP(tmpl, d_, c_[i_].a, c_[i_].b, c_[i_].c), \
              "'%s' a=0x%" PRIx64 " b=0x%" PRIx64 " c=0x%" PRIx64,      \
              tmpl, c_[i_].a, c_[i_].b, c_[i_].c);                      \
    }                                                                   \
} while (0)
#define TEST(tmpl, ...)   TEST_FROM(tmpl, 0, __VA_ARGS__)
/* TEST_D: the destination starts as c (bfi, bfxil, movk read it). */
#define TEST_D(tmpl, ...) TEST_FROM(tmpl, 1, __VA_ARGS__)

#define MAX64 0x7fffffffffffffffull
#define MIN64 0x8000000000000000ull
#define ONES  0xffffffffffffffffull

/* -- Add, subtract, negate ---------------------------------------------- */

static void test_add_sub(void)
{
    check_section("add-sub");
    TEST("add %0, %1, %2", {MAX64, 1, 0, MIN64}, {ONES, 1, 0, 0},
         {ONES, ONES, 0, 0xfffffffffffffffe}, {MIN64, MIN64, 0, 0});
    TEST("add %w0, %w1, %w2", {0x7fffffff, 1, 0, 0x80000000},
         {0xffffffff, 1, 0, 0}, {0xdeadbeef00000001, 0x12345678ffffffff, 0, 0},
         {0xffffffff80000000, 0x80000000, 0, 0});
    TEST("sub %0, %1, %2", {0, 1, 0, ONES}, {MIN64, 1, 0, MAX64},
         {5, 7, 0, 0xfffffffffffffffe});
    TEST("sub %w0, %w1, %w2", {0, 1, 0, 0xffffffff}, {0x80000000, 1, 0, 0x7fffffff},
         {0xffffffff00000005, 7, 0, 0xfffffffe});
    TEST("add %0, %1, #4095", {ONES, 0, 0, 4094});
    TEST("add %w0, %w1, #1, lsl #12", {0xfffff000, 0, 0, 0});
    TEST("sub %0, %1, %2, lsl #60", {0, 1, 0, 0xf000000000000000});
    TEST("sub %w0, %w1, %w2, asr #31", {0, 0x80000000, 0, 1});
    TEST("add %0, %1, %w2, sxtw #2", {0, 0xffffffff, 0, 0xfffffffffffffffc});
    TEST("add %0, %1, %w2, uxth", {1, 0xabcdffff, 0, 0x10000});
    TEST("neg %0, %1", {MIN64, 0, 0, MIN64}, {1, 0, 0, ONES});
    TEST("neg %w0, %w1", {0x80000000, 0, 0, 0x80000000},
         {0xffffffff00000001, 0, 0, 0xffffffff});
    TEST("mvn %w0, %w1", {0xffffffff0000ffff, 0, 0, 0xffff0000});
}

/* -- Multiply ---------------------------------------------------------------- */

static void test_multiply(void)
{
    check_section("multiply");
    TEST("mul %0, %1, %2", {0x100000001, 0xffffffff, 0, ONES}, {MIN64, 2, 0, 0},
         {ONES, ONES, 0, 1}, {0x123456789abcdef0, 0x0fedcba987654321, 0, 0x2236d88fe5618cf0});
    TEST("mul %w0, %w1, %w2", {0x10000, 0x10000, 0, 0}, {0xffffffff, 0xffffffff, 0, 1},
         {0xaaaaaaaa00000003, 0x5555555500000005, 0, 15});
    TEST("madd %0, %1, %2, %3", {ONES, ONES, 5, 6}, {1ull << 32, 1ull << 32, 7, 7},
         {3, 4, ONES, 11});
    TEST("msub %0, %1, %2, %3", {3, 4, 10, 0xfffffffffffffffe},
         {1ull << 32, 1ull << 32, 7, 7});
    TEST("madd %w0, %w1, %w2, %w3", {0xffff, 0x10001, 1, 0});
    TEST("msub %w0, %w1, %w2, %w3", {2, 3, 5, 0xffffffff});
    TEST("mneg %0, %1, %2", {3, 4, 0, 0xfffffffffffffff4});
    TEST("smulh %0, %1, %2", {ONES, ONES, 0, 0}, {MIN64, MIN64, 0, 0x4000000000000000},
         {MIN64, ONES, 0, 0}, {MIN64, 1, 0, ONES}, {MAX64, MAX64, 0, 0x3fffffffffffffff},
         {2, MIN64, 0, ONES}, {-3ull, 5, 0, ONES});
    TEST("umulh %0, %1, %2", {ONES, ONES, 0, 0xfffffffffffffffe}, {MIN64, 2, 0, 1},
         {MIN64, ONES, 0, MAX64}, {1ull << 32, 1ull << 32, 0, 1}, {3, 5, 0, 0});
    TEST("smull %0, %w1, %w2", {0xffffffff, 0xffffffff, 0, 1},
         {0x80000000, 0x80000000, 0, 0x4000000000000000},
         {0x123456787fffffff, 2, 0, 0xfffffffe}, {0x80000000, 1, 0, 0xffffffff80000000});
    TEST("umull %0, %w1, %w2", {0xffffffff, 0xffffffff, 0, 0xfffffffe00000001},
         {0xffffffff00000002, 0xffffffff00000003, 0, 6});
    TEST("smaddl %0, %w1, %w2, %3", {0xffffffff, 2, 10, 8},
         {0x80000000, 0x80000000, 1, 0x4000000000000001});
    TEST("umaddl %0, %w1, %w2, %3", {0xffffffff, 2, 10, 0x200000008});
    TEST("smsubl %0, %w1, %w2, %3", {0xffffffff, 2, 10, 12});
    TEST("umsubl %0, %w1, %w2, %3", {0xffffffff, 2, 0x200000000, 2});
}

/* -- Divide ------------------------------------------------------------------- */

static void test_divide(void)
{
    check_section("divide");
    TEST("udiv %0, %1, %2", {ONES, 3, 0, 0x5555555555555555}, {7, 0, 0, 0},
         {MIN64, ONES, 0, 0}, {ONES, 1, 0, ONES});
    TEST("sdiv %0, %1, %2", {MIN64, ONES, 0, MIN64}, {-7ull, 2, 0, -3ull},
         {7, -2ull, 0, -3ull}, {-7ull, -2ull, 0, 3}, {5, 0, 0, 0}, {MIN64, 0, 0, 0});
    TEST("udiv %w0, %w1, %w2", {0xffffffff, 3, 0, 0x55555555}, {7, 0, 0, 0},
         {0xffffffff00000010, 0xffffffff00000004, 0, 4}, {10, 1ull << 32, 0, 0});
    TEST("sdiv %w0, %w1, %w2", {0x80000000, 0xffffffff, 0, 0x80000000},
         {0xfffffff9, 2, 0, 0xfffffffd}, {0x80000000, 0, 0, 0},
         {0x7fffffff00000064, 0xfffffff6, 0, 0xfffffff6});
}

/* -- Shifts and rotates ---------------------------------------------------- */

static void test_shifts(void)
{
    check_section("shifts");
    TEST("lsl %0, %1, %2", {1, 63, 0, MIN64}, {1, 64, 0, 1}, {1, 65, 0, 2},
         {3, ONES, 0, MIN64}, {0xff, 0x100000004, 0, 0xff0});
    TEST("lsr %0, %1, %2", {MIN64, 63, 0, 1}, {MIN64, 64, 0, MIN64}, {ONES, 0x7f, 0, 1});
    TEST("asr %0, %1, %2", {MIN64, 63, 0, ONES}, {MIN64, 64, 0, MIN64},
         {0x4000000000000000, 62, 0, 1}, {MIN64, 1, 0, 0xc000000000000000});
    TEST("ror %0, %1, %2", {1, 1, 0, MIN64}, {0x0123456789abcdef, 68, 0, 0xf0123456789abcde},
         {0x0123456789abcdef, 0, 0, 0x0123456789abcdef});
    TEST("lsl %w0, %w1, %w2", {1, 31, 0, 0x80000000}, {1, 32, 0, 1}, {1, 33, 0, 2},
         {0xffffffff, 1, 0, 0xfffffffe}, {0xabcdef0000000001, 0xffffffe0, 0, 1});
    TEST("lsr %w0, %w1, %w2", {0x80000000, 31, 0, 1}, {0x80000000, 32, 0, 0x80000000},
         {0xffffffff80000000, 1, 0, 0x40000000});
    TEST("asr %w0, %w1, %w2", {0x80000000, 31, 0, 0xffffffff},
         {0x80000000, 32, 0, 0x80000000}, {0x80000000, 4, 0, 0xf8000000},
         {0x140000000, 1, 0, 0x20000000});
    TEST("ror %w0, %w1, %w2", {1, 1, 0, 0x80000000}, {0x12345678, 36, 0, 0x81234567},
         {0xffffffff00000001, 1, 0, 0x80000000});
    TEST("lsl %w0, %w1, #31", {3, 0, 0, 0x80000000});
    TEST("lsr %0, %1, #63", {ONES, 0, 0, 1});
    TEST("asr %w0, %w1, #31", {0x80000000, 0, 0, 0xffffffff});
    TEST("ror %0, %1, #4", {0x0123456789abcdef, 0, 0, 0xf0123456789abcde});
    TEST("ror %w0, %w1, #31", {0xffffffff80000000, 0, 0, 1});
    TEST("extr %0, %1, %2, #8", {0x0123456789abcdef, 0xfedcba9876543210, 0, 0xeffedcba98765432});
    TEST("extr %w0, %w1, %w2, #4", {0x12345678, 0x9abcdef0, 0, 0x89abcdef});
    TEST("extr %0, %1, %2, #0", {1, 2, 0, 2});
}

/* -- Bit counting and reversal --------------------------------------------- */

static void test_bits(void)
{
    check_section("bit-ops");
    TEST("clz %0, %1", {0, 0, 0, 64}, {1, 0, 0, 63}, {ONES, 0, 0, 0},
         {0x0000800000000000, 0, 0, 16});
    TEST("clz %w0, %w1", {0, 0, 0, 32}, {0xffffffff00000000, 0, 0, 32}, {1, 0, 0, 31},
         {0x8000, 0, 0, 16});
    TEST("cls %0, %1", {0, 0, 0, 63}, {ONES, 0, 0, 63}, {1, 0, 0, 62}, {MIN64, 0, 0, 0},
         {0xc000000000000000, 0, 0, 1}, {0x4000000000000000, 0, 0, 0},
         {0x0000ffffffffffff, 0, 0, 15});
    TEST("cls %w0, %w1", {0, 0, 0, 31}, {0xffffffff, 0, 0, 31}, {0xffff0000, 0, 0, 15},
         {0x7fffffff, 0, 0, 0}, {0xffffffff00000001, 0, 0, 30});
    TEST("rbit %0, %1", {1, 0, 0, MIN64}, {0x0123456789abcdef, 0, 0, 0xf7b3d591e6a2c480});
    TEST("rbit %w0, %w1", {1, 0, 0, 0x80000000}, {0xffffffff12345678, 0, 0, 0x1e6a2c48});
    TEST("rev %0, %1", {0x0102030405060708, 0, 0, 0x0807060504030201});
    TEST("rev %w0, %w1", {0xffffffff01020304, 0, 0, 0x04030201});
    TEST("rev16 %0, %1", {0x0102030405060708, 0, 0, 0x0201040306050807});
    TEST("rev16 %w0, %w1", {0xaaaaaaaa01020304, 0, 0, 0x02010403});
    TEST("rev32 %0, %1", {0x0102030405060708, 0, 0, 0x0403020108070605});
}

/* -- Bitfield moves ---------------------------------------------------------- */

struct ufields { uint64_t lo : 5, mid : 23, hi : 36; };
struct sfields { int64_t a : 7, b : 13, c : 44; };

/* Keeps the compiler from folding a known value through the bitfields. */
#define OPAQUE(x) ({ __typeof__(x) o_ = (x); asm("" : "+r"(o_)); o_; })

static void test_bitfields(void)
{
    check_section("bitfield");
    TEST("ubfx %0, %1, #8, #16", {0x0123456789abcdef, 0, 0, 0xabcd});
    TEST("ubfx %0, %1, #60, #4", {0x0123456789abcdef, 0, 0, 0});
    TEST("ubfx %0, %1, #0, #64", {0x0123456789abcdef, 0, 0, 0x0123456789abcdef});
    TEST("sbfx %0, %1, #8, #16", {0x0123456789abcdef, 0, 0, 0xffffffffffffabcd});
    TEST("sbfx %0, %1, #63, #1", {MIN64, 0, 0, ONES});
    TEST("ubfx %w0, %w1, #28, #4", {0xffffffff12345678, 0, 0, 1});
    TEST("sbfx %w0, %w1, #4, #8", {0x7f0, 0, 0, 0x7f}, {0xf80, 0, 0, 0xfffffff8});
    TEST_D("bfi %0, %1, #8, #16", {0x1234, 0, ONES, 0xffffffffff1234ff});
    TEST_D("bfi %w0, %w1, #28, #4", {5, 0, ONES, 0x5fffffff});
    TEST_D("bfxil %0, %1, #16, #8", {0xaabbccdd, 0, 0, 0xbb},
           {0xaabbccdd, 0, ONES, 0xffffffffffffffbb});
    TEST_D("bfxil %w0, %w1, #24, #8", {0x12000000, 0, 0xffffffff00000000, 0x12});
    TEST("ubfiz %0, %1, #4, #8", {0x1ff, 0, 0, 0xff0});
    TEST("sbfiz %0, %1, #4, #8", {0x180, 0, 0, 0xfffffffffffff800});
    TEST("sxtb %0, %w1", {0x80, 0, 0, 0xffffffffffffff80});
    TEST("sxth %0, %w1", {0x12348000, 0, 0, 0xffffffffffff8000});
    TEST("sxtw %0, %w1", {0x80000000, 0, 0, 0xffffffff80000000});
    TEST("sxtb %w0, %w1", {0x80, 0, 0, 0xffffff80});
    TEST("uxtb %w0, %w1", {0xffffffffffffff80, 0, 0, 0x80});
    TEST("uxth %w0, %w1", {0xffffffffffffff80, 0, 0, 0xff80});

    /* The same operations as the compiler emits them for C bitfields. */
    union { uint64_t raw; struct ufields f; } u = { .raw = OPAQUE(0x0123456789abcdefull) };
    CHECK(0xf, u.f.lo, "ufields.lo");
    CHECK(0x4d5e6f, u.f.mid, "ufields.mid");
    CHECK(0x12345678, u.f.hi, "ufields.hi");
    union { uint64_t raw; struct sfields f; } s = { .raw = OPAQUE(0x0123456789abcdefull) };
    CHECK(-17, (int64_t)s.f.a, "sfields.a");
    CHECK(-2149, (int64_t)s.f.b, "sfields.b");
    CHECK(0x123456789a, (int64_t)s.f.c, "sfields.c");
    s.raw = OPAQUE(0xfedcba9876543210ull);
    CHECK(0x10, (int64_t)s.f.a, "sfields.a 2");
    CHECK(0x864, (int64_t)s.f.b, "sfields.b 2");
    CHECK(-0x123456789b, (int64_t)s.f.c, "sfields.c 2");
    u.raw = OPAQUE(ONES);
    u.f.mid = OPAQUE(0x123456u);
    CHECK(0xfffffffff2468adf, u.raw, "ufields.mid insert");
    u.f.hi = OPAQUE(0ull);
    CHECK(0x2468adf, u.raw, "ufields.hi insert");
    s.raw = 0;
    s.f.b = OPAQUE(-1);
    CHECK(0xfff80, s.raw, "sfields.b insert");
}

/* -- Carry chains ----------------------------------------------------------- */

#define NZCV_C (1ull << 29)

static void test_carry(void)
{
    check_section("carry");
    TEST("msr nzcv, %3\n adc %0, %1, %2", {1, 2, NZCV_C, 4}, {1, 2, 0, 3},
         {ONES, 0, NZCV_C, 0});
    TEST("msr nzcv, %3\n adc %w0, %w1, %w2", {0xffffffff, 0, NZCV_C, 0});
    TEST("msr nzcv, %3\n sbc %0, %1, %2", {5, 3, 0, 1}, {5, 3, NZCV_C, 2}, {0, 0, 0, ONES});
    TEST("msr nzcv, %3\n sbc %w0, %w1, %w2", {0, 0, 0, 0xffffffff});
    TEST("msr nzcv, %3\n ngc %0, %1", {0, 0, 0, ONES}, {5, 0, NZCV_C, -5ull});
    /* 128-bit add and subtract as adds/adcs and subs/sbcs pairs. */
    TEST("adds %0, %1, %2\n adc %0, xzr, xzr", {ONES, 1, 0, 1}, {ONES, 0, 0, 0});
    TEST("subs %0, %1, %2\n sbc %0, xzr, xzr", {0, 1, 0, ONES}, {1, 1, 0, 0});

    /* 256-bit add: {~0, ~0, ~0, 0} + 1 carries through three limbs. */
    uint64_t a[4] = {ONES, ONES, ONES, 0}, r[4];
    asm("adds %0, %4, %8\n adcs %1, %5, %9\n adcs %2, %6, %10\n adc %3, %7, %11"
        : "=&r"(r[0]), "=&r"(r[1]), "=&r"(r[2]), "=&r"(r[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]),
          "r"(1ull), "r"(0ull), "r"(0ull), "r"(0ull) : "cc");
    CHECK(0, r[0], "add256 limb 0");
    CHECK(0, r[1], "add256 limb 1");
    CHECK(0, r[2], "add256 limb 2");
    CHECK(1, r[3], "add256 limb 3");

    /* __int128 arithmetic (compiler-generated adds/adcs) against known sums. */
    unsigned __int128 x = OPAQUE((unsigned __int128)ONES), y = OPAQUE((unsigned __int128)1);
    unsigned __int128 s = x + y;
    CHECK(0, (uint64_t)s, "u128 sum lo");
    CHECK(1, (uint64_t)(s >> 64), "u128 sum hi");
    s = OPAQUE(~(unsigned __int128)0) + y;
    CHECK(0, (uint64_t)s | (uint64_t)(s >> 64), "u128 wrap");
    s = OPAQUE((unsigned __int128)0) - y;
    CHECK(ONES, (uint64_t)s & (uint64_t)(s >> 64), "u128 borrow");
}

/* -- Logical immediates -------------------------------------------------------- */

/* and/orr/eor/ands with each immediate: and with ~0 gives the immediate back. */
#define LOGIMM_X(imm) do {                                                  \
    CHECK(imm, ASM_OP("and %0, %1, #" #imm, 0, ONES, 0, 0), "and #" #imm);  \
    CHECK(ONES, ASM_OP("orr %0, %1, #" #imm, 0, ~(uint64_t)imm, 0, 0),      \
          "orr #" #imm);                                                    \
    CHECK(~(uint64_t)imm, ASM_OP("eor %0, %1, #" #imm, 0, ONES, 0, 0),      \
          "eor #" #imm);                                                    \
    CHECK(imm, ASM_OP("mov %0, #" #imm, 0, 0, 0, 0), "mov #" #imm);         \
} while (0)
#define LOGIMM_W(imm) do {                                                  \
    CHECK(imm, ASM_OP("and %w0, %w1, #" #imm, ONES, ONES, 0, 0),            \
          "and w #" #imm);                                                  \
    CHECK(0xffffffff, ASM_OP("orr %w0, %w1, #" #imm, ONES, ~(uint64_t)imm, 0, 0), \
          "orr w #" #imm);                                                  \
    CHECK(~(uint32_t)imm, ASM_OP("eor %w0, %w1, #" #imm, ONES, ONES, 0, 0), \
          "eor w #" #imm);                                                  \
} while (0)

static void test_logical_imm(void)
{
    check_section("logical-imm");
    LOGIMM_X(0x5555555555555555); LOGIMM_X(0xaaaaaaaaaaaaaaaa);
    LOGIMM_X(0x1111111111111111); LOGIMM_X(0x3333333333333333);
    LOGIMM_X(0x7777777777777777); LOGIMM_X(0x6666666666666666);
    LOGIMM_X(0x0f0f0f0f0f0f0f0f); LOGIMM_X(0x7e7e7e7e7e7e7e7e);
    LOGIMM_X(0xe7e7e7e7e7e7e7e7); LOGIMM_X(0x00ff00ff00ff00ff);
    LOGIMM_X(0xff00ff00ff00ff00); LOGIMM_X(0x0001000100010001);
    LOGIMM_X(0x0000ffff0000ffff); LOGIMM_X(0x00003ffc00003ffc);
    LOGIMM_X(0x8000000180000001); LOGIMM_X(0x00000000ffffffff);
    LOGIMM_X(0xffffffff00000000); LOGIMM_X(0x8000000000000000);
    LOGIMM_X(0x1);                LOGIMM_X(0xfffffffffffffffe);
    LOGIMM_X(0x7fffffffffffffff); LOGIMM_X(0xc000000000000001);
    LOGIMM_X(0x0ffffffffffffff0);
    LOGIMM_W(0x55555555); LOGIMM_W(0x0000ffff); LOGIMM_W(0xffff0000);
    LOGIMM_W(0x80000001); LOGIMM_W(0xfffffffe); LOGIMM_W(0x7fffffff);
    LOGIMM_W(0x00ff00ff); LOGIMM_W(0x3c3c3c3c); LOGIMM_W(0x1);
    TEST("bic %0, %1, %2", {ONES, 0xff, 0, 0xffffffffffffff00});
    TEST("orn %w0, %w1, %w2", {0, 0xffff0000, 0, 0xffff});
    TEST("eon %0, %1, %2, ror #4", {0, 0xf, 0, 0x0fffffffffffffff});
}

/* -- Pseudo-random inputs against slow references ------------------------- */

static uint64_t lcg_state = 0x853c49e6748fea9bull;

static uint64_t lcg_next(void)
{
    lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
    uint64_t x = lcg_state;
    /* Bias towards edge values: some inputs are small or have long runs. */
    switch (x >> 61) {
    case 0: return x & 0xff;
    case 1: return ~(x & 0xff);
    case 2: return x >> (x & 63);
    default: return x ^ (x << 17);
    }
}

/* Schoolbook 64x64->128 high half from 32-bit limbs. */
static uint64_t ref_umulh(uint64_t a, uint64_t b)
{
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* Shift-subtract division; Arm defines x / 0 = 0. */
static uint64_t ref_udiv(uint64_t n, uint64_t d)
{
    uint64_t q = 0, r = 0;
    if (d == 0)
        return 0;
    for (int i = 63; i >= 0; i--) {
        uint64_t carry = r >> 63;       /* the shifted remainder's bit 64 */
        r = (r << 1) | ((n >> i) & 1);
        if (carry || r >= d) {
            r -= d;
            q |= 1ull << i;
        }
    }
    return q;
}

static uint64_t ref_clz(uint64_t x)
{
    uint64_t n = 0;
    for (uint64_t m = MIN64; m && !(x & m); m >>= 1)
        n++;
    return n;
}

static uint64_t ref_rbit(uint64_t x)
{
    uint64_t r = 0;
    for (int i = 0; i < 64; i++, x >>= 1)
        r = (r << 1) | (x & 1);
    return r;
}

static void test_random(void)
{
    check_section("random");
    for (int i = 0; i < 400; i++) {
        uint64_t a = lcg_next(), b = lcg_next();
        uint64_t uh = ref_umulh(a, b);
        uint64_t sh = uh - ((int64_t)a < 0 ? b : 0) - ((int64_t)b < 0 ? a : 0);
        CHECK(uh, ASM_OP("umulh %0, %1, %2", 0, a, b, 0), "umulh %" PRIx64 " %" PRIx64, a, b);
        CHECK(sh, ASM_OP("smulh %0, %1, %2", 0, a, b, 0), "smulh %" PRIx64 " %" PRIx64, a, b);
        CHECK(ref_udiv(a, b), ASM_OP("udiv %0, %1, %2", 0, a, b, 0),
              "udiv %" PRIx64 " %" PRIx64, a, b);
        uint64_t ua = (int64_t)a < 0 ? -a : a, ub = (int64_t)b < 0 ? -b : b;
        uint64_t sq = ref_udiv(ua, ub);
        if ((int64_t)(a ^ b) < 0)
            sq = -sq;
        CHECK(sq, ASM_OP("sdiv %0, %1, %2", 0, a, b, 0), "sdiv %" PRIx64 " %" PRIx64, a, b);
        CHECK(ref_clz(a), ASM_OP("clz %0, %1", 0, a, 0, 0), "clz %" PRIx64, a);
        /* ARM ARM CountLeadingSignBits: clz of x<63:1> EOR x<62:0>. */
        CHECK(ref_clz((a ^ (a << 1)) >> 1) - 1, ASM_OP("cls %0, %1", 0, a, 0, 0),
              "cls %" PRIx64, a);
        CHECK(ref_rbit(a), ASM_OP("rbit %0, %1", 0, a, 0, 0), "rbit %" PRIx64, a);
        CHECK(ref_rbit(ref_rbit(a)), a, "rbit twice %" PRIx64, a);
    }
}

int main(void)
{
    test_add_sub();
    test_multiply();
    test_divide();
    test_shifts();
    test_bits();
    test_bitfields();
    test_carry();
    test_logical_imm();
    test_random();
    return check_exit();
}
