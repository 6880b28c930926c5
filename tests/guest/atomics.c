// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * atomics.c: ARMv8.0 atomics: exclusives and acquire/release (no LSE).
 *
 * Built with -march=armv8-a -mno-outline-atomics, so the __atomic builtins
 * (atomic-builtins.h) become ldxr/stxr loops rather than calls that pick LSE
 * at run time. The inline-asm part covers each exclusive size and ordering
 * (ldxr/ldaxr, stxr/stlxr, the pair forms ldxp/stxp), the exclusive
 * monitor rules a single thread can observe (a store-exclusive fails after
 * clrex and after another store-exclusive), and ldar/stlr on every size.
 * Single-threaded: contention between threads is another program's job.
 */
#include "atomic-builtins.h"

/*
 * An exclusive fetch-and-add loop. %0 = old value (preset ~0: a byte or
 * halfword load must zero-extend), %1 = new value, %2 = status.
 */
#define DEF_XADD(name, ldx, stx, r)                                         \
    static uint64_t name(void *p, uint64_t v)                               \
    {                                                                       \
        uint64_t old = ~0ull, tmp, status;                                  \
        asm volatile("1:\t" ldx " %" r "0, [%3]\n\t"                        \
                     "add %" r "1, %" r "0, %" r "4\n\t"                    \
                     stx " %w2, %" r "1, [%3]\n\t"                          \
                     "cbnz %w2, 1b"                                         \
                     : "+&r"(old), "=&r"(tmp), "=&r"(status)                \
                     : "r"(p), "r"(v) : "memory");                          \
        return old;                                                         \
    }

DEF_XADD(xadd_b,  "ldxrb",  "stxrb",  "w")
DEF_XADD(xadd_ab, "ldaxrb", "stlxrb", "w")
DEF_XADD(xadd_h,  "ldxrh",  "stlxrh", "w")
DEF_XADD(xadd_ah, "ldaxrh", "stxrh",  "w")
DEF_XADD(xadd_w,  "ldxr",   "stxr",   "w")
DEF_XADD(xadd_aw, "ldaxr",  "stlxr",  "w")
DEF_XADD(xadd_x,  "ldxr",   "stlxr",  "")
DEF_XADD(xadd_ax, "ldaxr",  "stxr",   "")

static const struct {
    const char *name;
    uint64_t (*fn)(void *, uint64_t);
    unsigned size;
    uint64_t x0, v, old, mem;       /* start, operand, expected results */
} xadds[] = {
    { "ldxrb/stxrb",   xadd_b,  1, 0xff, 0x01, 0xff, 0x00 },
    { "ldaxrb/stlxrb", xadd_ab, 1, 0x80, 0x7f, 0x80, 0xff },
    { "ldxrh/stlxrh",  xadd_h,  2, 0xffff, 0x02, 0xffff, 0x0001 },
    { "ldaxrh/stxrh",  xadd_ah, 2, 0x8000, 0x8000, 0x8000, 0x0000 },
    { "ldxr/stxr w",   xadd_w,  4, 0xffffffff, 0x01, 0xffffffff, 0 },
    { "ldaxr/stlxr w", xadd_aw, 4, 0x7fffffff, 0x01, 0x7fffffff, 0x80000000 },
    { "ldxr/stlxr x",  xadd_x,  8, 0xffffffffffffffff, 0x02, 0xffffffffffffffff, 1 },
    { "ldaxr/stxr x",  xadd_ax, 8, 0x0123456789abcdef, 0x1111111111111111,
      0x0123456789abcdef, 0x123456789abcdf00 },
};

static void store_le(void *p, uint64_t v, unsigned size)
{
    for (unsigned i = 0; i < size; i++, v >>= 8)
        ((uint8_t *)p)[i] = (uint8_t)v;
}

static uint64_t load_le(const void *p, unsigned size)
{
    uint64_t v = 0;
    for (unsigned i = size; i-- > 0;)
        v = (v << 8) | ((const uint8_t *)p)[i];
    return v;
}

static void test_exclusive_add(void)
{
    check_section("exclusive-add");
    for (unsigned i = 0; i < ARRAY_LEN(xadds); i++) {
        void *p = atomic_obj_reset();
        store_le(p, xadds[i].x0, xadds[i].size);
        CHECK(xadds[i].old, xadds[i].fn(p, xadds[i].v), "%s old", xadds[i].name);
        CHECK(xadds[i].mem, load_le(p, xadds[i].size), "%s memory", xadds[i].name);
        atomic_check_guards(xadds[i].size, xadds[i].name);
    }
}

/* -- Pairs --------------------------------------------------------------------- */

static void test_exclusive_pair(void)
{
    uint64_t lo, hi, nlo, nhi, status;
    check_section("exclusive-pair");
    uint64_t *p = atomic_obj_reset();
    p[0] = 0xffffffffffffffff;
    p[1] = 0x00000000000000ff;
    /* A 128-bit add of 1 through ldxp/stxp: the carry crosses the halves. */
    asm volatile("1:\tldxp %0, %1, [%5]\n\t"
                 "adds %2, %0, #1\n\t"
                 "adc %3, %1, xzr\n\t"
                 "stxp %w4, %2, %3, [%5]\n\t"
                 "cbnz %w4, 1b"
                 : "=&r"(lo), "=&r"(hi), "=&r"(nlo), "=&r"(nhi), "=&r"(status)
                 : "r"(p) : "memory", "cc");
    CHECK(0xffffffffffffffff, lo, "ldxp first");
    CHECK(0xff, hi, "ldxp second");
    CHECK(0, p[0], "stxp first");
    CHECK(0x100, p[1], "stxp second");
    atomic_check_guards(16, "ldxp/stxp");

    /* W pairs with acquire/release: swap the two words. */
    uint32_t *q = atomic_obj_reset();
    q[0] = 0x11111111;
    q[1] = 0x80000000;
    lo = hi = ~0ull;
    asm volatile("1:\tldaxp %w0, %w1, [%3]\n\t"
                 "stlxp %w2, %w1, %w0, [%3]\n\t"
                 "cbnz %w2, 1b"
                 : "+&r"(lo), "+&r"(hi), "=&r"(status) : "r"(q) : "memory");
    CHECK(0x11111111, lo, "ldaxp w first (zero-extended)");
    CHECK(0x80000000, hi, "ldaxp w second (zero-extended)");
    CHECK(0x80000000, q[0], "stlxp w first");
    CHECK(0x11111111, q[1], "stlxp w second");
    atomic_check_guards(8, "ldaxp/stlxp");
}

/* -- The exclusive monitor ----------------------------------------------------- */

static void test_monitor(void)
{
    uint64_t old, s1, s2;
    check_section("monitor");
    uint64_t *p = atomic_obj_reset();
    *p = 5;
    /* clrex between the load and the store: the store must fail. */
    asm volatile("ldxr %0, [%2]\n\tclrex\n\tstxr %w1, %3, [%2]"
                 : "=&r"(old), "=&r"(s1) : "r"(p), "r"(7ull) : "memory");
    CHECK(5, old, "ldxr before clrex");
    CHECK(1, s1, "stxr after clrex fails");
    CHECK(5, *p, "stxr after clrex leaves memory");
    /* A second store-exclusive without a new load-exclusive fails. */
    asm volatile("1:\tldxr %0, [%3]\n\tstxr %w1, %4, [%3]\n\tcbnz %w1, 1b\n\t"
                 "stxr %w2, %5, [%3]"
                 : "=&r"(old), "=&r"(s1), "=&r"(s2)
                 : "r"(p), "r"(8ull), "r"(9ull) : "memory");
    CHECK(0, s1, "first stxr succeeds");
    CHECK(1, s2, "second stxr fails");
    CHECK(8, *p, "second stxr leaves memory");
    /* A byte store-exclusive after clrex, with no load at all. */
    uint8_t *b = atomic_obj_reset();
    asm volatile("clrex\n\tstxrb %w0, %w2, [%1]" : "=&r"(s1) : "r"(b), "r"(0x42) : "memory");
    CHECK(1, s1, "stxrb without ldxrb fails");
    CHECK(GUARD_BYTE, *b, "stxrb without ldxrb leaves memory");
    atomic_check_guards(1, "monitor");
}

/* -- Load-acquire / store-release ----------------------------------------------- */

#define LDAR(insn, p) ({ uint64_t r_ = ~0ull;                               \
    asm volatile(insn " [%1]" : "+r"(r_) : "r"(p) : "memory"); r_; })
#define STLR(insn, p, v) asm volatile(insn " [%1]" :: "r"((uint64_t)(v)), "r"(p) : "memory")

static void test_acquire_release(void)
{
    check_section("acquire-release");
    uint8_t *p = atomic_obj_reset();
    store_le(p, 0x8899aabbccddeeff, 8);
    CHECK(0xff, LDAR("ldarb %w0,", p), "ldarb");
    CHECK(0xeeff, LDAR("ldarh %w0,", p), "ldarh");
    CHECK(0xccddeeff, LDAR("ldar %w0,", p), "ldar w");
    CHECK(0x8899aabbccddeeff, LDAR("ldar %0,", p), "ldar x");
    STLR("stlrb %w0,", p, 0x0102030405060708);
    CHECK(0x8899aabbccddee08, load_le(p, 8), "stlrb");
    STLR("stlrh %w0,", p, 0x0102030405060708);
    CHECK(0x8899aabbccdd0708, load_le(p, 8), "stlrh");
    STLR("stlr %w0,", p, 0x0102030405060708);
    CHECK(0x8899aabb05060708, load_le(p, 8), "stlr w");
    STLR("stlr %0,", p, 0x0102030405060708);
    CHECK(0x0102030405060708, load_le(p, 8), "stlr x");
    atomic_check_guards(8, "ldar/stlr");
}

int main(void)
{
    test_exclusive_add();
    test_exclusive_pair();
    test_monitor();
    test_acquire_release();
    test_atomic_builtins();
    return check_exit();
}
