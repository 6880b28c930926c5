// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tb-exit.h: what translated code returns to the cpu loop.
 *
 * A block (or a chain of blocks) returns one uintptr_t. Its low two bits
 * say why it stopped, the rest carries a pointer or a code:
 *
 *   kind              made by                 upper bits
 *   TB_EXIT_GOTO_TB0  goto_tb 0, not chained  the cookie of the block that
 *   TB_EXIT_GOTO_TB1  goto_tb 1, not chained  ran it (e.g. its TB): chain its
 *                                             slot to the block at env's pc
 *   TB_EXIT_LOOKUP    lookup_and_goto miss,   zero: look the next block up
 *                     or exit_tb(TB_EXIT_LOOKUP)  by the pc in env
 *   TB_EXIT_CODE      exit_tb(TB_EXIT_MAKE_CODE(n))  the embedder's reason n
 *                     (syscall, exception, halt...; tcg gives it no meaning)
 *
 * exit_tb returns its constant unchanged; the verifier accepts only
 * TB_EXIT_LOOKUP and TB_EXIT_CODE values for it. Cookies are set when a
 * block is compiled and must have their low two bits clear.
 */
#ifndef UEMU_TCG_TB_EXIT_H
#define UEMU_TCG_TB_EXIT_H

#include <stdint.h>

enum {
    TB_EXIT_GOTO_TB0 = 0,
    TB_EXIT_GOTO_TB1 = 1,
    TB_EXIT_LOOKUP   = 2,
    TB_EXIT_CODE     = 3,
    TB_EXIT_MASK     = 3,
};

#define TB_EXIT_MAKE_CODE(n)  (((uintptr_t)(n) << 2) | TB_EXIT_CODE)

static inline unsigned tb_exit_kind(uintptr_t ret)
{
    return ret & TB_EXIT_MASK;
}

/* The cookie of a TB_EXIT_GOTO_TB* return. */
static inline uintptr_t tb_exit_cookie(uintptr_t ret)
{
    return ret & ~(uintptr_t)TB_EXIT_MASK;
}

/* The embedder's code n of a TB_EXIT_CODE return. */
static inline uintptr_t tb_exit_code(uintptr_t ret)
{
    return ret >> 2;
}

#endif /* UEMU_TCG_TB_EXIT_H */
