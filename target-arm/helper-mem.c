// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper-mem.c: the A64 memory operations IR has no op for: store-
 * exclusive, 16-byte load-exclusive, compare-and-swap and the LSE atomic
 * read-modify-write operations (called from trans-atomic.c).
 *
 * Guest memory is host memory at tcg_g2h(addr), shared by every guest
 * thread (each one a host thread), so each operation is one host atomic
 * (__atomic builtins, sequentially consistent: that also gives the guest's
 * acquire/release orderings). Before touching memory a helper checks what
 * the IR would: alignment first (the architecture checks it before the
 * translation), then the guest range, and raises a precise fault through
 * tcg_guest_fault(). A page inside the range that the guest may not access
 * raises a host SIGSEGV on the atomic instruction itself, which the
 * embedder's handler turns into the same precise guest fault (the helpers
 * run inside translated code; every global is in env at a call).
 *
 * Guest memory is little-endian and so is every host we build for: the
 * host atomics operate on guest values directly.
 */
#include "helpers.h"
#include "tcg/runtime.h"

#include <glib.h>

G_STATIC_ASSERT(G_BYTE_ORDER == G_LITTLE_ENDIAN);

#define NO_RESERVATION UINT64_MAX

/* -- Checks ------------------------------------------------------------- */

/* Fault unless [addr, addr + (1 << log2)) is aligned and in range. */
static void check_access(CPUARMState *env, uint64_t addr, unsigned log2,
                         bool is_store)
{
    IRFault f = {
        .addr = addr,
        .memop = log2 | IR_MO_ALIGN,    /* log2 4: IR_MO_128, 16 bytes */
        .is_store = is_store,
    };

    if (addr & ((UINT64_C(1) << log2) - 1)) {
        f.kind = IR_FAULT_ALIGN;
        tcg_guest_fault(env, &f);
    }
    if (!tcg_guest_range_ok(addr, UINT64_C(1) << log2)) {
        f.kind = IR_FAULT_RANGE;
        tcg_guest_fault(env, &f);
    }
}

/* -- Host compare-and-swap ---------------------------------------------- */

/* *p = desired if *p == expected, for 1 << @log2 bytes (0..3); returns the
 * old value, zero-extended. */
static uint64_t host_cmpxchg(void *p, unsigned log2, uint64_t expected,
                             uint64_t desired)
{
    switch (log2) {
    case 0: {
        uint8_t e = expected;
        __atomic_compare_exchange_n((uint8_t *)p, &e, (uint8_t)desired, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    case 1: {
        uint16_t e = expected;
        __atomic_compare_exchange_n((uint16_t *)p, &e, (uint16_t)desired,
                                    false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    case 2: {
        uint32_t e = expected;
        __atomic_compare_exchange_n((uint32_t *)p, &e, (uint32_t)desired,
                                    false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    default: {
        uint64_t e = expected;
        __atomic_compare_exchange_n((uint64_t *)p, &e, desired, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    }
}

typedef unsigned __int128 u128;

/*
 * The 16-byte compare-and-swap. GCC does not inline __atomic on 16 bytes
 * (it would call libatomic); the legacy __sync builtin becomes one
 * LOCK CMPXCHG16B when the function may use it, which every x86-64 CPU
 * that runs a current OS has.
 */
#if defined(__x86_64__)
__attribute__((target("cx16")))
static u128 host_cmpxchg16(void *p, u128 expected, u128 desired)
{
    return __sync_val_compare_and_swap((u128 *)p, expected, desired);
}
#else
static u128 host_cmpxchg16(void *p, u128 expected, u128 desired)
{
    __atomic_compare_exchange_n((u128 *)p, &expected, desired, false,
                                __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected;
}
#endif

static u128 make128(uint64_t lo, uint64_t hi)
{
    return ((u128)hi << 64) | lo;
}

/* -- Exclusives --------------------------------------------------------- */

/*
 * STXR/STXP of 1 << @log2 bytes (0..3; a word pair is 3): 0 if stored, 1
 * if not. A misaligned address faults whatever the monitor says; a
 * failing monitor check touches no memory, so it cannot fault otherwise
 * (the ARM ARM leaves that order to the implementation).
 */
uint64_t helper_stxr(CPUARMState *env, uint64_t addr, uint64_t val,
                     uint32_t log2)
{
    bool ok = false;

    if (addr & ((UINT64_C(1) << log2) - 1)) {
        check_access(env, addr, log2, true);
    }
    if (env->excl_addr == addr && env->excl_size == log2) {
        check_access(env, addr, log2, true);
        ok = host_cmpxchg(tcg_g2h(addr), log2, env->excl_val, val) ==
             env->excl_val;
    }
    env->excl_addr = NO_RESERVATION;
    return !ok;
}

/* LDXP of two doublewords: 16-byte aligned; the halves go to the monitor,
 * where the translated code reads them. Two 8-byte reads are enough: the
 * STXP that pairs with this LDXP compares all 16 bytes at once, so a torn
 * read can only make it fail. */
void helper_ldxp128(CPUARMState *env, uint64_t addr)
{
    const uint64_t *p;

    check_access(env, addr, 4, false);
    p = tcg_g2h(addr);
    env->excl_val = __atomic_load_n(&p[0], __ATOMIC_SEQ_CST);
    env->excl_val_hi = __atomic_load_n(&p[1], __ATOMIC_SEQ_CST);
    env->excl_addr = addr;
    env->excl_size = 4;
}

/* STXP of two doublewords: the 16-byte version of helper_stxr(). */
uint64_t helper_stxp128(CPUARMState *env, uint64_t addr, uint64_t lo,
                        uint64_t hi)
{
    bool ok = false;

    if (addr & 15) {
        check_access(env, addr, 4, true);
    }
    if (env->excl_addr == addr && env->excl_size == 4) {
        u128 expected = make128(env->excl_val, env->excl_val_hi);

        check_access(env, addr, 4, true);
        ok = host_cmpxchg16(tcg_g2h(addr), expected, make128(lo, hi)) ==
             expected;
    }
    env->excl_addr = NO_RESERVATION;
    return !ok;
}

/* -- Compare and swap --------------------------------------------------- */

/* CAS of 1 << @log2 bytes (a CASP word pair: 3); returns the old value. */
uint64_t helper_cas(CPUARMState *env, uint64_t addr, uint64_t cmp,
                    uint64_t new, uint32_t log2)
{
    check_access(env, addr, log2, true);
    return host_cmpxchg(tcg_g2h(addr), log2, cmp, new);
}

/* The X register @r as an operand (31 is XZR). */
static uint64_t xreg_or_zero(CPUARMState *env, unsigned r)
{
    return r == 31 ? 0 : env->xregs[r];
}

/* CASP of two doublewords: compares X(rs+1):Xrs, stores X(rt+1):Xrt,
 * returns the old pair in Xrs and X(rs+1) (31: XZR, dropped). The
 * registers travel through env because a helper has at most five
 * arguments. */
void helper_casp128(CPUARMState *env, uint64_t addr, uint32_t rs, uint32_t rt)
{
    u128 old;

    check_access(env, addr, 4, true);
    old = host_cmpxchg16(tcg_g2h(addr),
                         make128(xreg_or_zero(env, rs),
                                 xreg_or_zero(env, rs + 1)),
                         make128(xreg_or_zero(env, rt),
                                 xreg_or_zero(env, rt + 1)));
    env->xregs[rs] = (uint64_t)old;
    if (rs + 1 != 31) {
        env->xregs[rs + 1] = (uint64_t)(old >> 64);
    }
}

/* -- Atomic memory operations ------------------------------------------- */

/*
 * The LD<op>/SWP helpers: memory = old <op> val in 1 << log2 bytes,
 * returning old zero-extended. add, clear (and-not), eor, set (or) and
 * swap are single host instructions; the min/max have no host builtin and
 * loop on a compare-and-swap.
 */
#define ATOMIC_FETCH(name, expr)                                            \
    uint64_t helper_atomic_##name(CPUARMState *env, uint64_t addr,          \
                                  uint64_t val, uint32_t log2)              \
    {                                                                       \
        void *p;                                                            \
                                                                            \
        check_access(env, addr, log2, true);                                \
        p = tcg_g2h(addr);                                                  \
        switch (log2) {                                                     \
        case 0: { uint8_t *q = p; uint8_t v = val; return expr; }           \
        case 1: { uint16_t *q = p; uint16_t v = val; return expr; }         \
        case 2: { uint32_t *q = p; uint32_t v = val; return expr; }         \
        default: { uint64_t *q = p; uint64_t v = val; return expr; }        \
        }                                                                   \
    }

ATOMIC_FETCH(add, __atomic_fetch_add(q, v, __ATOMIC_SEQ_CST))
ATOMIC_FETCH(clr, __atomic_fetch_and(q, ~v, __ATOMIC_SEQ_CST))
ATOMIC_FETCH(eor, __atomic_fetch_xor(q, v, __ATOMIC_SEQ_CST))
ATOMIC_FETCH(set, __atomic_fetch_or(q, v, __ATOMIC_SEQ_CST))
ATOMIC_FETCH(swp, __atomic_exchange_n(q, v, __ATOMIC_SEQ_CST))

/* The value to store: @old or @val, compared as signed (sign-extended
 * from 8 << log2 bits) or unsigned; @max picks the larger. */
static uint64_t minmax(uint64_t old, uint64_t val, unsigned log2,
                       bool is_signed, bool max)
{
    unsigned shift = 64 - (8u << log2);
    bool old_less;

    if (is_signed) {
        old_less = (int64_t)(old << shift) < (int64_t)(val << shift);
    } else {
        old_less = (old << shift) < (val << shift);
    }
    return old_less == max ? val : old;
}

static uint64_t atomic_minmax(CPUARMState *env, uint64_t addr, uint64_t val,
                              unsigned log2, bool is_signed, bool max)
{
    uint64_t mask = log2 == 3 ? UINT64_MAX : (UINT64_C(1) << (8u << log2)) - 1;
    uint64_t old, seen;
    void *p;

    check_access(env, addr, log2, true);
    p = tcg_g2h(addr);
    val &= mask;
    old = host_cmpxchg(p, log2, 0, 0);      /* an atomic read of the value */
    for (;;) {
        seen = host_cmpxchg(p, log2, old, minmax(old, val, log2, is_signed,
                                                 max));
        if (seen == old) {
            return old;
        }
        old = seen;
    }
}

uint64_t helper_atomic_smax(CPUARMState *env, uint64_t addr, uint64_t val,
                            uint32_t log2)
{
    return atomic_minmax(env, addr, val, log2, true, true);
}

uint64_t helper_atomic_smin(CPUARMState *env, uint64_t addr, uint64_t val,
                            uint32_t log2)
{
    return atomic_minmax(env, addr, val, log2, true, false);
}

uint64_t helper_atomic_umax(CPUARMState *env, uint64_t addr, uint64_t val,
                            uint32_t log2)
{
    return atomic_minmax(env, addr, val, log2, false, true);
}

uint64_t helper_atomic_umin(CPUARMState *env, uint64_t addr, uint64_t val,
                            uint32_t log2)
{
    return atomic_minmax(env, addr, val, log2, false, false);
}
