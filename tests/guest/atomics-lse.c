// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * atomics-lse.c: ARMv8.1 Large System Extension atomics (built -march=armv8.1-a).
 *
 * Every LD<op> (add, clr, eor, set, smax, smin, umax, umin) and SWP in all
 * four orderings (plain, a, l, al) and four sizes runs from inline asm on a
 * grid of edge values; the expected memory comes from a C model of the op at
 * that width (signed max/min compare the sign-extended values), and the
 * returned old value must be zero-extended into the register. CAS and CASP
 * are checked hitting and missing, and the ST<op> aliases (no result
 * register) once each. The __atomic builtins of atomic-builtins.h compile to
 * these same instructions here. Hard-coded answers pin the model.
 */
#include "atomic-builtins.h"

typedef enum { OP_ADD, OP_CLR, OP_EOR, OP_SET, OP_SMAX, OP_SMIN, OP_UMAX, OP_UMIN,
               OP_SWP } LseOp;

static int64_t sext(uint64_t x, unsigned size)
{
    unsigned sh = 64 - 8 * size;
    return (int64_t)(x << sh) >> sh;
}

/* The new memory value of @op at @size bytes: ARM ARM MemAtomic(). */
static uint64_t lse_model(LseOp op, unsigned size, uint64_t m, uint64_t v)
{
    uint64_t mask = size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
    m &= mask;
    v &= mask;
    switch (op) {
    case OP_ADD:  return (m + v) & mask;
    case OP_CLR:  return m & ~v;
    case OP_EOR:  return m ^ v;
    case OP_SET:  return m | v;
    case OP_SMAX: return sext(m, size) > sext(v, size) ? m : v;
    case OP_SMIN: return sext(m, size) < sext(v, size) ? m : v;
    case OP_UMAX: return m > v ? m : v;
    case OP_UMIN: return m < v ? m : v;
    case OP_SWP:  return v;
    }
    return 0;
}

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

/* -- LD<op> and SWP: every op, ordering and size ------------------------------ */

typedef uint64_t LseFn(void *p, uint64_t v);

/* %0 = old value (preset ~0), %1 = operand, %2 = address. */
#define DEF_LSE(mn, name, r)                                                \
    static uint64_t name(void *p, uint64_t v)                               \
    {                                                                       \
        uint64_t old = ~0ull;                                               \
        asm volatile(mn " %" r "1, %" r "0, [%2]"                           \
                     : "+r"(old) : "r"(v), "r"(p) : "memory");              \
        return old;                                                         \
    }

/* X(mnemonic, function name, register modifier, size, op) for one op. */
#define LSE_SIZES(X, op, ord, OP)                                           \
    X(#op #ord "b", lse_##op##ord##_8,  "w", 1, OP)                         \
    X(#op #ord "h", lse_##op##ord##_16, "w", 2, OP)                         \
    X(#op #ord,     lse_##op##ord##_32, "w", 4, OP)                         \
    X(#op #ord,     lse_##op##ord##_64, "",  8, OP)
#define LSE_ORDERS(X, op, OP)                                               \
    LSE_SIZES(X, op, , OP) LSE_SIZES(X, op, a, OP)                          \
    LSE_SIZES(X, op, l, OP) LSE_SIZES(X, op, al, OP)
#define LSE_ALL(X)                                                          \
    LSE_ORDERS(X, ldadd, OP_ADD)   LSE_ORDERS(X, ldclr, OP_CLR)             \
    LSE_ORDERS(X, ldeor, OP_EOR)   LSE_ORDERS(X, ldset, OP_SET)             \
    LSE_ORDERS(X, ldsmax, OP_SMAX) LSE_ORDERS(X, ldsmin, OP_SMIN)           \
    LSE_ORDERS(X, ldumax, OP_UMAX) LSE_ORDERS(X, ldumin, OP_UMIN)           \
    LSE_ORDERS(X, swp, OP_SWP)

#define LSE_DEF(mn, name, r, size, op) DEF_LSE(mn, name, r)
#define LSE_ROW(mn, name, r, size, op) { mn, name, size, op },
LSE_ALL(LSE_DEF)

static const struct {
    const char *mnemonic;
    LseFn *fn;
    unsigned size;
    LseOp op;
} lse_ops[] = { LSE_ALL(LSE_ROW) };

static const uint64_t lse_values[] = {
    0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
    0xffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff,
    0x5a5a5a5a5a5a5a5a, 0x0123456789abcdef,
};

static void test_ld_ops(void)
{
    check_section("ld-op-swp");
    for (unsigned i = 0; i < ARRAY_LEN(lse_ops); i++) {
        unsigned size = lse_ops[i].size;
        uint64_t mask = size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
        for (unsigned a = 0; a < ARRAY_LEN(lse_values); a++) {
            for (unsigned b = 0; b < ARRAY_LEN(lse_values); b += 3) {
                uint64_t m0 = lse_values[a], v = lse_values[b];
                void *p = atomic_obj_reset();
                store_le(p, m0, size);
                uint64_t old = lse_ops[i].fn(p, v);
                CHECK(m0 & mask, old, "%s m=0x%" PRIx64 " v=0x%" PRIx64 " old",
                      lse_ops[i].mnemonic, m0 & mask, v);
                CHECK(lse_model(lse_ops[i].op, size, m0, v), load_le(p, size),
                      "%s m=0x%" PRIx64 " v=0x%" PRIx64 " memory",
                      lse_ops[i].mnemonic, m0 & mask, v);
                atomic_check_guards(size, lse_ops[i].mnemonic);
            }
        }
    }
}

/* -- Known answers, the model, and the ST<op> aliases ---------------------- */

#define ST_OP(insn, p, v) asm volatile(insn " [%1]" :: "r"((uint64_t)(v)), "r"(p) : "memory")

static void test_known_answers(void)
{
    check_section("known-answers");
    uint8_t *b = atomic_obj_reset();
    *b = 0x80;
    CHECK(0x80, lse_ldsmax_8(b, 0x7f), "ldsmaxb returns 0x80 zero-extended");
    CHECK(0x7f, *b, "ldsmaxb: 0x7f > -128");
    *b = 0x80;
    CHECK(0x80, lse_ldumaxal_8(b, 0x7f), "ldumaxalb returns");
    CHECK(0x80, *b, "ldumaxalb: 0x80 > 0x7f");
    uint16_t *h = atomic_obj_reset();
    *h = 0x7fff;
    CHECK(0x7fff, lse_ldsmina_16(h, 0x8000), "ldsminah returns");
    CHECK(0x8000, *h, "ldsminah: -32768 < 32767");
    uint64_t *x = atomic_obj_reset();
    *x = 0xff00ff00ff00ff00;
    CHECK(0xff00ff00ff00ff00, lse_ldclrl_64(x, 0xf0f0f0f0f0f0f0f0), "ldclrl returns");
    CHECK(0x0f000f000f000f00, *x, "ldclrl memory");
    uint32_t *w = atomic_obj_reset();
    *w = 0xffffffff;
    CHECK(0xffffffff, lse_ldadd_32(w, 1), "ldadd w returns");
    CHECK(0, *w, "ldadd w wraps");
    CHECK(0x7f, lse_model(OP_SMAX, 1, 0x80, 0x7f), "model smax b");
    CHECK(0x8000, lse_model(OP_SMIN, 2, 0x7fff, 0x8000), "model smin h");
    CHECK(0x80000000, lse_model(OP_UMAX, 4, 0x7fffffff, 0x80000000), "model umax w");

    check_section("st-op");
    x = atomic_obj_reset();
    *x = 10;
    ST_OP("stadd %0,", x, 5);
    CHECK(15, *x, "stadd");
    ST_OP("staddlb %w0,", x, 0xff);
    CHECK(14, *x, "staddlb carries nowhere");
    ST_OP("stclrh %w0,", x, 0x6);
    CHECK(8, *x, "stclrh");
    ST_OP("steorl %w0,", x, 0xffffffff);
    CHECK(0xfffffff7, *x, "steorl w");
    ST_OP("stset %0,", x, 0x8000000000000000);
    CHECK(0x80000000fffffff7, *x, "stset x");
    ST_OP("stsmax %0,", x, 1);
    CHECK(1, *x, "stsmax x: 1 > negative");
    ST_OP("stumaxb %w0,", x, 0x80);
    CHECK(0x80, *x, "stumaxb");
    ST_OP("stsminb %w0,", x, 0x7f);
    CHECK(0x80, *x, "stsminb: -128 < 127");
    ST_OP("stuminl %0,", x, 0x7f);
    CHECK(0x7f, *x, "stuminl x");
    atomic_check_guards(8, "st-op");
}

/* -- CAS and CASP ---------------------------------------------------------------- */

/* %0 = compare value in, old value out; %1 = new value; %2 = address. */
#define DEF_CAS(name, mn, r)                                                \
    static uint64_t name(void *p, uint64_t cmp, uint64_t v)                 \
    {                                                                       \
        asm volatile(mn " %" r "0, %" r "1, [%2]"                           \
                     : "+r"(cmp) : "r"(v), "r"(p) : "memory");              \
        return cmp;                                                         \
    }
DEF_CAS(casb, "casb", "w")    DEF_CAS(casah, "casah", "w")
DEF_CAS(casl, "casl", "w")    DEF_CAS(casal, "casal", "")
DEF_CAS(casalb, "casalb", "w") DEF_CAS(caslh, "caslh", "w")
DEF_CAS(casa, "casa", "w")    DEF_CAS(cas, "cas", "")

static const struct {
    const char *name;
    uint64_t (*fn)(void *, uint64_t, uint64_t);
    unsigned size;
} cas_ops[] = {
    { "casb", casb, 1 }, { "casalb", casalb, 1 }, { "casah", casah, 2 },
    { "caslh", caslh, 2 }, { "casl w", casl, 4 }, { "casa w", casa, 4 },
    { "cas x", cas, 8 }, { "casal x", casal, 8 },
};

static void test_cas(void)
{
    check_section("cas");
    for (unsigned i = 0; i < ARRAY_LEN(cas_ops); i++) {
        unsigned size = cas_ops[i].size;
        uint64_t m0 = 0x8081828384858687ull >> (64 - 8 * size);
        uint64_t v = 0x1122334455667788ull >> (64 - 8 * size);
        void *p = atomic_obj_reset();
        store_le(p, m0, size);
        /* Upper bits of the compare register are ignored for small sizes. */
        uint64_t cmp = size < 8 ? m0 | 0xabcd000000000000ull : m0;
        CHECK(m0, cas_ops[i].fn(p, cmp, v), "%s hit returns old", cas_ops[i].name);
        CHECK(v, load_le(p, size), "%s hit stores", cas_ops[i].name);
        CHECK(v, cas_ops[i].fn(p, m0, m0 ^ 1), "%s miss returns current", cas_ops[i].name);
        CHECK(v, load_le(p, size), "%s miss leaves memory", cas_ops[i].name);
        atomic_check_guards(size, cas_ops[i].name);
    }
}

/* CASP needs even/odd register pairs, so the registers are named. */
static void test_casp(void)
{
    check_section("casp");
    uint64_t *x = atomic_obj_reset();
    x[0] = 0x0123456789abcdef;
    x[1] = 0xfedcba9876543210;
    uint64_t cmp[2] = {0x0123456789abcdef, 0xfedcba9876543210};
    const uint64_t nv[2] = {0x1111111111111111, 0x2222222222222222};
    register uint64_t s0 asm("x4") = cmp[0], s1 asm("x5") = cmp[1];
    register uint64_t t0 asm("x6") = nv[0], t1 asm("x7") = nv[1];
    asm volatile("caspal x4, x5, x6, x7, [%4]"
                 : "+r"(s0), "+r"(s1) : "r"(t0), "r"(t1), "r"(x) : "memory");
    CHECK(0x0123456789abcdef, s0, "caspal hit old first");
    CHECK(0xfedcba9876543210, s1, "caspal hit old second");
    CHECK(0x1111111111111111, x[0], "caspal hit first");
    CHECK(0x2222222222222222, x[1], "caspal hit second");
    /* Only the second half differs: the pair must miss as a whole. */
    s0 = 0x1111111111111111;
    s1 = 0x2222222222222223;
    asm volatile("casp x4, x5, x6, x7, [%4]"
                 : "+r"(s0), "+r"(s1) : "r"(t0), "r"(t1), "r"(x) : "memory");
    CHECK(0x1111111111111111, s0, "casp miss returns first");
    CHECK(0x2222222222222222, s1, "casp miss returns second");
    CHECK(0x2222222222222222, x[1], "casp miss leaves memory");
    atomic_check_guards(16, "casp x");

    uint32_t *w = atomic_obj_reset();
    w[0] = 0x80000000;
    w[1] = 0x7fffffff;
    register uint64_t ws0 asm("x8") = 0xffffffff80000000, ws1 asm("x9") = 0x7fffffff;
    register uint64_t wt0 asm("x10") = 1, wt1 asm("x11") = 2;
    asm volatile("caspa w8, w9, w10, w11, [%4]"
                 : "+r"(ws0), "+r"(ws1) : "r"(wt0), "r"(wt1), "r"(w) : "memory");
    CHECK(0x80000000, ws0, "caspa w hit old first (zero-extended)");
    CHECK(0x7fffffff, ws1, "caspa w hit old second");
    CHECK(1, w[0], "caspa w hit first");
    CHECK(2, w[1], "caspa w hit second");
    ws0 = 1;
    ws1 = 3;
    asm volatile("caspl w8, w9, w10, w11, [%4]"
                 : "+r"(ws0), "+r"(ws1) : "r"(wt0), "r"(wt1), "r"(w) : "memory");
    CHECK(1, ws0, "caspl w miss returns first");
    CHECK(2, ws1, "caspl w miss returns second");
    CHECK(2, w[1], "caspl w miss leaves memory");
    atomic_check_guards(8, "casp w");
}

int main(void)
{
    test_known_answers();
    test_ld_ops();
    test_cas();
    test_casp();
    test_atomic_builtins();
    return check_exit();
}
