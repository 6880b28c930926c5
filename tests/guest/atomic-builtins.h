// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * atomic-builtins.h: the GCC __atomic and __sync builtins on every size.
 *
 * Included by atomics.c (built for armv8-a without outline atomics, so the
 * builtins become ldxr/stxr loops) and atomics-lse.c (armv8.1-a, so they
 * become cas/ldadd/ldclr/ldset/ldeor/swp/casp). Each operation checks the
 * returned old value, the new memory value (the same operation done with
 * plain C arithmetic on a copy), and that the bytes around the object are
 * untouched, which catches a store of the wrong width. Memory orders vary,
 * so both the plain and the acquire/release encodings are used.
 */
#ifndef ATOMIC_BUILTINS_H
#define ATOMIC_BUILTINS_H

#include "guest-check.h"

#define GUARD_BYTE 0xa5

/* The object lives at byte 16 of a 48-byte block filled with GUARD_BYTE. */
static union {
    uint8_t b[48];
    unsigned __int128 align;
} atomic_block;

static void *atomic_obj_reset(void)
{
    for (unsigned i = 0; i < sizeof(atomic_block.b); i++)
        atomic_block.b[i] = GUARD_BYTE;
    return &atomic_block.b[16];
}

static void atomic_check_guards(unsigned size, const char *what)
{
    unsigned bad = 0;
    for (unsigned i = 0; i < sizeof(atomic_block.b); i++)
        if ((i < 16 || i >= 16 + size) && atomic_block.b[i] != GUARD_BYTE)
            bad++;
    CHECK(0, bad, "%s: bytes changed around the object", what);
}

/*
 * One op: set the object to @x0, run @expr (which uses the pointer m), then
 * check the returned value, the memory and the guards.
 */
#define ATOMIC_CASE(T, name, x0, expr, want_ret, want_mem) do {             \
    T *m = atomic_obj_reset();                                              \
    *m = (x0);                                                              \
    T ret_ = (expr);                                                        \
    CHECK((T)(want_ret), ret_, "%s %s returns", #T, name);                  \
    CHECK((T)(want_mem), *m, "%s %s memory", #T, name);                     \
    atomic_check_guards(sizeof(T), name);                                   \
} while (0)

/* Every read-modify-write builtin on type @T, object @x0, operand @v. */
#define DEF_ATOMIC_BUILTIN_TEST(T, x0, v)                                   \
static void atomic_builtins_##T(void)                                      \
{                                                                           \
    const T a = (x0), b = (v);                                              \
    ATOMIC_CASE(T, "fetch_add", a, __atomic_fetch_add(m, b, __ATOMIC_RELAXED), a, a + b); \
    ATOMIC_CASE(T, "add_fetch", a, __atomic_add_fetch(m, b, __ATOMIC_SEQ_CST), a + b, a + b); \
    ATOMIC_CASE(T, "fetch_sub", a, __atomic_fetch_sub(m, b, __ATOMIC_ACQUIRE), a, a - b); \
    ATOMIC_CASE(T, "sub_fetch", a, __atomic_sub_fetch(m, b, __ATOMIC_RELEASE), a - b, a - b); \
    ATOMIC_CASE(T, "fetch_and", a, __atomic_fetch_and(m, b, __ATOMIC_ACQ_REL), a, a & b); \
    ATOMIC_CASE(T, "fetch_or", a, __atomic_fetch_or(m, b, __ATOMIC_RELAXED), a, a | b); \
    ATOMIC_CASE(T, "fetch_xor", a, __atomic_fetch_xor(m, b, __ATOMIC_SEQ_CST), a, a ^ b); \
    ATOMIC_CASE(T, "fetch_nand", a, __atomic_fetch_nand(m, b, __ATOMIC_ACQUIRE), a, ~(a & b)); \
    ATOMIC_CASE(T, "exchange", a, __atomic_exchange_n(m, b, __ATOMIC_ACQ_REL), a, b); \
    ATOMIC_CASE(T, "load", a, __atomic_load_n(m, __ATOMIC_ACQUIRE), a, a); \
    ATOMIC_CASE(T, "store", a, (__atomic_store_n(m, b, __ATOMIC_RELEASE), (T)0), 0, b); \
    ATOMIC_CASE(T, "sync_fetch_and_add", a, __sync_fetch_and_add(m, b), a, a + b); \
    ATOMIC_CASE(T, "sync_val_cas hit", a, __sync_val_compare_and_swap(m, a, b), a, b); \
    ATOMIC_CASE(T, "sync_val_cas miss", a, __sync_val_compare_and_swap(m, b, a), a, a); \
    {   /* Strong compare-exchange: success, then failure updating expected. */ \
        T e = a;                                                            \
        ATOMIC_CASE(T, "cas success", a, (T)__atomic_compare_exchange_n( \
            m, &e, b, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED), 1, b);         \
        e = (T)(a ^ 1);                                                     \
        ATOMIC_CASE(T, "cas failure", a, (T)__atomic_compare_exchange_n( \
            m, &e, b, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE), 0, a);         \
        CHECK(a, e, "%s cas failure returns the current value", #T);        \
    }                                                                       \
    {   /* A weak compare-exchange loop adding 1 ten times. */             \
        T *m = atomic_obj_reset();                                          \
        *m = a;                                                             \
        for (int i = 0; i < 10; i++) {                                      \
            T e = __atomic_load_n(m, __ATOMIC_RELAXED);                     \
            while (!__atomic_compare_exchange_n(m, &e, (T)(e + 1), 1,       \
                                                __ATOMIC_RELEASE, __ATOMIC_RELAXED)) \
                ;                                                           \
        }                                                                   \
        CHECK((T)(a + 10), *m, "%s weak cas loop", #T);                     \
        atomic_check_guards(sizeof(T), "weak cas loop");                    \
    }                                                                       \
}

typedef unsigned __int128 u128;
DEF_ATOMIC_BUILTIN_TEST(uint8_t,  0xf0, 0x35)
DEF_ATOMIC_BUILTIN_TEST(uint16_t, 0xfff0, 0x1235)
DEF_ATOMIC_BUILTIN_TEST(uint32_t, 0xfffffff0, 0x12345678)
DEF_ATOMIC_BUILTIN_TEST(uint64_t, 0xfffffffffffffff0, 0x0123456789abcdef)

/* 128 bits: only the __sync compare-and-swap is inline (casp or ldxp/stxp). */
static void atomic_builtins_u128(void)
{
    const u128 a = ((u128)0x0123456789abcdef << 64) | 0xfedcba9876543210;
    const u128 b = ((u128)0xffffffffffffffff << 64) | 0x1;
    u128 *m = atomic_obj_reset();
    *m = a;
    u128 r = __sync_val_compare_and_swap(m, a, b);
    CHECK((uint64_t)a, (uint64_t)r, "u128 cas hit returns lo");
    CHECK((uint64_t)(a >> 64), (uint64_t)(r >> 64), "u128 cas hit returns hi");
    CHECK((uint64_t)b, (uint64_t)*m, "u128 cas hit memory lo");
    CHECK((uint64_t)(b >> 64), (uint64_t)(*m >> 64), "u128 cas hit memory hi");
    /* Differs only in the high half: must fail and leave memory alone. */
    r = __sync_val_compare_and_swap(m, b ^ ((u128)1 << 64), a);
    CHECK((uint64_t)b, (uint64_t)r, "u128 cas miss returns lo");
    CHECK((uint64_t)(b >> 64), (uint64_t)(r >> 64), "u128 cas miss returns hi");
    CHECK((uint64_t)(b >> 64), (uint64_t)(*m >> 64), "u128 cas miss memory hi");
    CHECK(1, __sync_bool_compare_and_swap(m, b, a), "u128 bool cas hit");
    CHECK((uint64_t)(a >> 64), (uint64_t)(*m >> 64), "u128 bool cas memory hi");
    atomic_check_guards(16, "u128 cas");
}

static void test_atomic_builtins(void)
{
    check_section("builtins");
    atomic_builtins_uint8_t();
    atomic_builtins_uint16_t();
    atomic_builtins_uint32_t();
    atomic_builtins_uint64_t();
    atomic_builtins_u128();
    /* test_and_set/clear on a byte. */
    uint8_t *flag = atomic_obj_reset();
    *flag = 0;
    CHECK(0, __atomic_test_and_set(flag, __ATOMIC_ACQUIRE), "test_and_set first");
    CHECK(1, __atomic_test_and_set(flag, __ATOMIC_ACQUIRE), "test_and_set second");
    __atomic_clear(flag, __ATOMIC_RELEASE);
    CHECK(0, *flag, "clear");
    atomic_check_guards(1, "test_and_set");
}

#endif /* ATOMIC_BUILTINS_H */
