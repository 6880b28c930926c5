// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * optimize.h: the IR optimizer, as a list of small named passes.
 *
 *   fold      forward walk: constant and copy propagation, constant folding
 *             through ir-eval.h, algebraic identities, branch folding
 *   branches  unreachable ops after br/exits, br to the next op, unused labels
 *   dce       backward liveness: removes ops whose outputs are dead and that
 *             have no side effects (including dead writes to globals)
 *
 * ir_optimize() runs them in that order (fold and branches twice, since each
 * exposes work for the other). In debug builds (no NDEBUG) it runs ir_verify()
 * after every pass and aborts naming the pass that broke the block.
 */
#ifndef UEMU_TCG_OPTIMIZE_H
#define UEMU_TCG_OPTIMIZE_H

#include <stdbool.h>
#include "ir.h"

typedef struct IROptPass {
    const char *name;
    bool (*run)(IRContext *ctx);     /* true if it changed the block */
} IROptPass;

/* The passes in the order ir_optimize() runs them, ending with {NULL}. */
extern const IROptPass ir_opt_passes[];

void ir_optimize(IRContext *ctx);

bool ir_opt_fold(IRContext *ctx);
bool ir_opt_branches(IRContext *ctx);
bool ir_opt_dce(IRContext *ctx);

/* For test-ir-ops: the folding pass classifies @opc (handles it). */
bool ir_optimize_handles(IROpcode opc);

#endif /* UEMU_TCG_OPTIMIZE_H */
