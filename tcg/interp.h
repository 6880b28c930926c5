// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * interp.h: the portable backend, an interpreter of optimized IR.
 *
 * A block is compiled once into a compact array (temps resolved to frame
 * slots, env offsets or constant-pool entries; labels to indices), then run
 * as often as needed:
 *
 *     IRInterpBlock *b = ir_interp_compile(ctx, (uintptr_t)tb);
 *     uintptr_t ret = ir_interp_exec(b, env);        // see tb-exit.h
 *     ...
 *     ir_interp_free(b);
 *
 * Runtime requirements (guest base/limit, fault hook): runtime.h.
 * Used for hosts without the JIT, for differential testing of the JIT, and
 * for teaching (-accel interp).
 */
#ifndef UEMU_TCG_INTERP_H
#define UEMU_TCG_INTERP_H

#include <stdbool.h>
#include <stdint.h>
#include "ir.h"
#include "tb-exit.h"

typedef struct IRInterpBlock IRInterpBlock;

/*
 * ir_interp_compile: the compiled form of the block in @ctx, independent of
 * @ctx afterwards (HelperInfo and global names must stay alive). @cookie,
 * low two bits clear, is what unchained goto_tb exits return in their upper
 * bits (tb-exit.h). The block should have passed ir_verify().
 */
IRInterpBlock *ir_interp_compile(const IRContext *ctx, uintptr_t cookie);
void ir_interp_free(IRInterpBlock *b);

/* Number of compiled instructions (for tests and statistics). */
unsigned ir_interp_size(const IRInterpBlock *b);

/*
 * ir_interp_exec: run @b on the CPU state @env until an exit op. goto_tb
 * follows a chained slot directly (unless tcg_exit_request is set), so the
 * value returned may come from a later block of the chain.
 */
uintptr_t ir_interp_exec(const IRInterpBlock *b, void *env);

/* ir_interp_chain: let goto_tb @slot of @b continue into @next (NULL:
 * unchain, return to the loop). */
void ir_interp_chain(IRInterpBlock *b, unsigned slot, const IRInterpBlock *next);

/*
 * The lookup hook of lookup_and_goto: the compiled block for the pc now in
 * @env, or NULL (then exec returns TB_EXIT_LOOKUP). Without a hook, every
 * lookup_and_goto returns TB_EXIT_LOOKUP.
 */
typedef const IRInterpBlock *IRInterpLookupFn(void *env);
void ir_interp_set_lookup_hook(IRInterpLookupFn *fn);

/*
 * ir_interp_current_insn: the pc (and extra word) of the last insn_start
 * this thread executed in the current block, for a precise guest pc in the
 * fault hook or a SIGSEGV handler. False before any insn_start ran.
 */
bool ir_interp_current_insn(uint64_t *pc, uint64_t *extra);

/* For test-ir-ops: the interpreter compiles and executes @opc. */
bool ir_interp_handles(IROpcode opc);

#endif /* UEMU_TCG_INTERP_H */
