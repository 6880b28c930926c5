// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tb-gen.h: turn a guest pc into a translated, cached TB.
 */
#ifndef UEMU_TB_GEN_H
#define UEMU_TB_GEN_H

#include "target-arm/cpu.h"
#include "tcg/tb.h"

/* tb_gen_cflags: the compile flags that -one-insn-per-tb/-d nochain ask for. */
uint32_t tb_gen_cflags(void);

/*
 * tb_gen_code: translate the block at @pc for @env (decode, IR, optimize,
 * compile with the selected backend), log it as -d asks, and insert it.
 */
TranslationBlock *tb_gen_code(CPUARMState *env, uint64_t pc, uint32_t cflags);

/* tb_gen_backend: the -accel backend in use. */
const TcgBackend *tb_gen_backend(void);

/* tb_gen_fork_lock/unlock: hold the translation lock across a host fork. */
void tb_gen_fork_lock(void);
void tb_gen_fork_unlock(void);

#endif /* UEMU_TB_GEN_H */
