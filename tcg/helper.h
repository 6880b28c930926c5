// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * helper.h: the descriptor of a helper, a C function called from IR.
 *
 * Helpers do what is rare or complex (FP with Arm rounding, system
 * registers). A call op carries a pointer to the helper's HelperInfo, which
 * the backends read for the C signature and the optimizer and register
 * allocator read for what the call may touch:
 *
 *     static uint64_t helper_udiv_demo(uint64_t a, uint64_t b) { ... }
 *     static const HelperInfo info_udiv_demo = {
 *         .name = "udiv_demo", .fn = helper_udiv_demo,
 *         .flags = IR_CALL_PURE,
 *         .ret = IR_HT_I64, .nargs = 2, .args = { IR_HT_I64, IR_HT_I64 },
 *     };
 *     ir_gen_callv(ctx, &info_udiv_demo, dst, a, b);
 *
 * Helpers take and return plain uint32_t/uint64_t/pointer values (at most
 * IR_CALL_MAX_ARGS of them); a helper that needs the CPU state is passed
 * ir_env(ctx) explicitly as an IR_HT_PTR argument.
 */
#ifndef UEMU_TCG_HELPER_H
#define UEMU_TCG_HELPER_H

#include <stdint.h>
#include "ir.h"

/*
 * What a helper may do besides computing its result. Without flags a
 * helper may read and write every global through env and have effects
 * beyond its result, so globals are written back before the call and
 * reloaded after it. A helper that can raise a guest exception (it longjmps
 * to the cpu loop through the fault hook) reads globals: it must not claim
 * IR_CALL_NO_READ_GLOBALS.
 */
enum {
    IR_CALL_NO_READ_GLOBALS  = 1u << 0,   /* never reads a global's field */
    IR_CALL_NO_WRITE_GLOBALS = 1u << 1,   /* never writes a global's field */
    IR_CALL_NO_SIDE_EFFECTS  = 1u << 2,   /* removable when its result is dead */
    IR_CALL_NO_RWG = IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS,
    IR_CALL_PURE   = IR_CALL_NO_RWG | IR_CALL_NO_SIDE_EFFECTS,
};

/* C types of helper arguments and results. PTR is a host pointer, passed
 * in an I64 temp (our hosts are 64-bit). */
typedef enum IRHelperType {
    IR_HT_VOID,      /* result only */
    IR_HT_I32,
    IR_HT_I64,
    IR_HT_PTR,
} IRHelperType;

typedef struct HelperInfo {
    const char *name;          /* for dumps */
    void *fn;
    unsigned flags;            /* IR_CALL_* */
    IRHelperType ret;
    unsigned nargs;            /* 0 .. IR_CALL_MAX_ARGS */
    IRHelperType args[IR_CALL_MAX_ARGS];
} HelperInfo;

/* The IR type of a temp carrying a helper value (not for IR_HT_VOID). */
static inline IRType ir_helper_type_ir(IRHelperType t)
{
    return t == IR_HT_I32 ? IR_I32 : IR_I64;
}

/* The descriptor of a call op. */
static inline const HelperInfo *ir_op_helper(const IROp *op)
{
    return (const HelperInfo *)(uintptr_t)ir_op_const(op, 0);
}

#endif /* UEMU_TCG_HELPER_H */
