// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ir.h: the IR's data structures and their allocation.
 *
 * An IRContext holds one translated block at a time: a doubly linked list of
 * IROps, the temps they use and the labels they jump to. Globals (guest
 * registers backed by fields of the CPU state) are registered once per context
 * and survive ir_ctx_reset(), which a translator calls before each block.
 *
 *     IRContext *ctx = ir_ctx_new();
 *     IRTemp *x0 = ir_global_new(ctx, IR_I64, offsetof(CPUState, x[0]), "x0");
 *     ...
 *     ir_ctx_reset(ctx);                    // start a block
 *     ir_gen_addi(ctx, IR_I64, x0, x0, 16); // see ir-gen.h
 *     ir_gen_exit_tb(ctx, TB_EXIT_LOOKUP);
 *     ir_optimize(ctx);                     // see optimize.h
 *     ir_dump(ctx, stderr);                 // " add_i64 x0,x0,$0x10"
 *
 * tcg/ knows nothing of the guest: the target decides what globals mean.
 * Op semantics: docs/internals/ir.md. Builder API: ir-gen.h.
 */
#ifndef UEMU_TCG_IR_H
#define UEMU_TCG_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

/* -- Op table ---------------------------------------------------------- */

/* Flags of ops.def rows; see the comment at the top of ops.def. */
enum {
    IR_F_TYPED        = 1u << 0,
    IR_F_I64_ONLY     = 1u << 1,
    IR_F_COMMUTATIVE  = 1u << 2,
    IR_F_SIDE_EFFECTS = 1u << 3,
    IR_F_BB_END       = 1u << 4,
    IR_F_COND_BRANCH  = 1u << 5,
    IR_F_EXIT         = 1u << 6,
    IR_F_MEM          = 1u << 7,
    IR_F_CALL         = 1u << 8,
    IR_F_MARKER       = 1u << 9,
};

typedef enum IROpcode {
#define DEF(name, nb_out, nb_in, nb_const, flags) IR_OP_##name,
#include "ops.def"
#undef DEF
    IR_OP_COUNT
} IROpcode;

/* Largest argument count of any op instance: call = 1 out + 6 in + 1 const. */
#define IR_MAX_OP_ARGS   8
#define IR_CALL_MAX_ARGS 6

const char *ir_op_name(IROpcode opc);
unsigned ir_op_nb_out(IROpcode opc);     /* table value; call: see IROp */
unsigned ir_op_nb_in(IROpcode opc);
unsigned ir_op_nb_const(IROpcode opc);
unsigned ir_op_flags(IROpcode opc);

/* -- Types, conditions, memory ops --------------------------------------- */

/* Value types. I32 values are held zero-extended wherever 64 bits are stored.
 * V128 is reserved for the SIMD ops to come; nothing accepts it yet. */
typedef enum IRType {
    IR_I32,
    IR_I64,
} IRType;

static inline unsigned ir_type_bits(IRType t)
{
    return t == IR_I32 ? 32 : 64;
}

/* Conditions of setcond/negsetcond/movcond/brcond (a const arg). */
typedef enum IRCond {
    IR_COND_NEVER,
    IR_COND_ALWAYS,
    IR_COND_EQ,
    IR_COND_NE,
    IR_COND_LT,      /* signed */
    IR_COND_GE,
    IR_COND_LE,
    IR_COND_GT,
    IR_COND_LTU,     /* unsigned */
    IR_COND_GEU,
    IR_COND_LEU,
    IR_COND_GTU,
    IR_COND_TSTEQ,   /* (a & b) == 0 */
    IR_COND_TSTNE,   /* (a & b) != 0 */
    IR_COND_COUNT
} IRCond;

const char *ir_cond_name(IRCond c);
IRCond ir_cond_invert(IRCond c);         /* !(a c b) == a invert(c) b */
IRCond ir_cond_swap(IRCond c);           /* (a c b) == (b swap(c) a) */

/*
 * Memory op descriptor (const arg of guest_ld/st, ld/st_env, ld/st_host):
 * bits 0-2 log2 of the size, bit 3 sign-extend on load, bit 4 the access
 * must be naturally aligned (guest ops only: else the fault hook runs with
 * IR_FAULT_ALIGN). Guest memory is little-endian. Other bits must be zero.
 */
typedef unsigned IRMemOp;
enum {
    IR_MO_8     = 0,
    IR_MO_16    = 1,
    IR_MO_32    = 2,
    IR_MO_64    = 3,
    IR_MO_128   = 4,             /* reserved: rejected by the verifier */
    IR_MO_SIZE  = 7,
    IR_MO_SIGN  = 1u << 3,
    IR_MO_ALIGN = 1u << 4,
    IR_MO_VALID = 0x1f,

    IR_MO_UB = IR_MO_8,   IR_MO_SB = IR_MO_8  | IR_MO_SIGN,
    IR_MO_UW = IR_MO_16,  IR_MO_SW = IR_MO_16 | IR_MO_SIGN,
    IR_MO_UL = IR_MO_32,  IR_MO_SL = IR_MO_32 | IR_MO_SIGN,
    IR_MO_UQ = IR_MO_64,
};

static inline unsigned ir_memop_size(IRMemOp mo)
{
    return 1u << (mo & IR_MO_SIZE);
}

/* Barrier kinds (const arg of mb): which earlier/later accesses it orders. */
enum {
    IR_MB_LD_LD = 1u << 0,
    IR_MB_ST_LD = 1u << 1,
    IR_MB_LD_ST = 1u << 2,
    IR_MB_ST_ST = 1u << 3,
    IR_MB_ALL   = 0xf,
};

/* -- Temps ------------------------------------------------------------ */

typedef enum IRTempKind {
    IR_TEMP_ENV,     /* the env pointer itself (ir_env()); I64; read-only */
    IR_TEMP_GLOBAL,  /* a field of the CPU state at env + env_offset */
    IR_TEMP_BLOCK,   /* a value local to one block; dies at the block's end */
    IR_TEMP_CONST,   /* an immutable typed constant, interned per block */
} IRTempKind;

/*
 * Temps are never freed individually; pointers stay valid until the next
 * ir_ctx_reset() (globals and env: for the context's life). Passes keep
 * per-temp facts in arrays indexed by @index, which is dense: env is 0,
 * globals follow, then this block's temps and consts in creation order.
 */
typedef struct IRTemp {
    IRTempKind kind;
    IRType type;
    uint32_t index;
    uint32_t id;             /* BLOCK: n in the dump name "tmpN" */
    intptr_t env_offset;     /* GLOBAL */
    const char *name;        /* GLOBAL and ENV: dump name */
    uint64_t value;          /* CONST: zero-extended for I32 */
} IRTemp;

static inline bool ir_temp_is_const(const IRTemp *t)
{
    return t->kind == IR_TEMP_CONST;
}

/* -- Labels and ops ---------------------------------------------------- */

/* A branch target inside the block, placed by one set_label op. */
typedef struct IRLabel {
    uint32_t id;             /* dump name "$LN" */
} IRLabel;

/*
 * One op. args[] holds outputs, then inputs (IRTemp * as uint64_t), then
 * constants: values, or pointers for labels (IRLabel *) and helpers
 * (const HelperInfo *). The counts are copied from ops.def, except for
 * call, whose outputs (0/1) and inputs (its helper's args) vary.
 */
typedef struct IROp {
    struct IROp *prev, *next;
    uint16_t opc;            /* IROpcode */
    uint8_t type;            /* IRType; for conversions the output's type */
    uint8_t nb_out, nb_in, nb_const;
    uint32_t life;           /* reserved for liveness/regalloc; 0 otherwise */
    uint64_t args[IR_MAX_OP_ARGS];
} IROp;

static inline IRTemp *ir_op_out(const IROp *op, unsigned i)
{
    return (IRTemp *)(uintptr_t)op->args[i];
}

static inline IRTemp *ir_op_in(const IROp *op, unsigned i)
{
    return (IRTemp *)(uintptr_t)op->args[op->nb_out + i];
}

static inline uint64_t ir_op_const(const IROp *op, unsigned i)
{
    return op->args[op->nb_out + op->nb_in + i];
}

static inline void ir_op_set_in(IROp *op, unsigned i, IRTemp *t)
{
    op->args[op->nb_out + i] = (uintptr_t)t;
}

static inline void ir_op_set_const(IROp *op, unsigned i, uint64_t v)
{
    op->args[op->nb_out + op->nb_in + i] = v;
}

/* The label of br, set_label (const 0) and brcond (const 1). */
IRLabel *ir_op_label(const IROp *op);

/* -- Context ---------------------------------------------------------- */

typedef struct IRTempChunk IRTempChunk;

typedef struct IRContext {
    IROp *first, *last;          /* the block's ops, in execution order */
    uint32_t nb_ops;
    IROp *insert_before;         /* builder cursor: NULL appends at the end */

    IRTempChunk **temp_chunks;   /* temps by index, in stable chunks */
    uint32_t nb_temps;           /* env + globals + this block's temps */
    uint32_t nb_globals;         /* indices 1 .. nb_globals */
    uint32_t nb_block_temps;     /* next "tmpN" */
    GHashTable *consts[2];       /* per IRType: &temp->value -> temp */

    IRLabel **labels;
    uint32_t nb_labels, labels_cap;

    IROp *free_ops;              /* recycled ops */
    GPtrArray *op_chunks;

    /* Builders set this so that guest_ld/st also emit plugin_mem_marker. */
    bool plugin_mem_markers;
} IRContext;

IRContext *ir_ctx_new(void);
void ir_ctx_free(IRContext *ctx);

/* ir_ctx_reset: drop the block (ops, temps, consts, labels); keep globals. */
void ir_ctx_reset(IRContext *ctx);

/*
 * ir_global_new: register a guest register living at env + @env_offset,
 * named @name in dumps (the string must outlive the context). Call before
 * the first block is built (or right after ir_ctx_reset()); globals must not
 * overlap one another, nor any field accessed with ld_env/st_env.
 */
IRTemp *ir_global_new(IRContext *ctx, IRType type, intptr_t env_offset,
                      const char *name);

/* ir_env: the env pointer as an I64 temp, for helper args and ld_host. */
IRTemp *ir_env(IRContext *ctx);

/* ir_temp_new: a fresh block temp; its value is unspecified until written. */
IRTemp *ir_temp_new(IRContext *ctx, IRType type);

/* ir_const: the CONST temp of @value (truncated to 32 bits for I32). */
IRTemp *ir_const(IRContext *ctx, IRType type, uint64_t value);

/* ir_temp_by_index: 0 <= index < ctx->nb_temps. */
IRTemp *ir_temp_by_index(const IRContext *ctx, uint32_t index);

IRLabel *ir_label_new(IRContext *ctx);

/* -- Op list ---------------------------------------------------------- */

#define IR_FOR_EACH_OP(ctx, op) \
    for (IROp *op = (ctx)->first; op; op = op->next)

/* Safe against removing @op itself. */
#define IR_FOR_EACH_OP_SAFE(ctx, op, nxt) \
    for (IROp *op = (ctx)->first, *nxt = op ? op->next : NULL; op; \
         op = nxt, nxt = op ? op->next : NULL)

/*
 * ir_op_new: a new op at the builder cursor (before ctx->insert_before, or
 * at the end), with the table's counts and all args zero. Builders fill the
 * args; prefer the ir_gen_* functions.
 */
IROp *ir_op_new(IRContext *ctx, IROpcode opc, IRType type);

/* ir_op_insert_before: a new op just before @before (cursor unchanged). */
IROp *ir_op_insert_before(IRContext *ctx, IROp *before, IROpcode opc,
                          IRType type);

/* ir_op_remove: unlink @op and recycle it. */
void ir_op_remove(IRContext *ctx, IROp *op);

/* ir_set_insert_point: later ops go before @before (NULL: at the end). */
static inline void ir_set_insert_point(IRContext *ctx, IROp *before)
{
    ctx->insert_before = before;
}

/* -- Dump (-d op, -d op_opt) ----------------------------------------- */

/*
 * One op per line, QEMU-like: " add_i64 x0,x1,$0x10", guest instruction
 * boundaries as " ---- 0000000000400580". Names and arity from ops.def.
 */
void ir_dump(const IRContext *ctx, FILE *out);
void ir_dump_op(const IROp *op, FILE *out);
char *ir_dump_to_string(const IRContext *ctx);   /* g_free() it */
bool ir_dump_handles(IROpcode opc);              /* for test-ir-ops */

/* -- Verifier --------------------------------------------------------- */

/*
 * ir_verify: structural checks of the block (see ir-verify.c). Returns NULL
 * when the block is well formed, else a g_malloc'd message naming the first
 * problem and the op ("op 7 (add_i64): input 1 has type i32").
 */
char *ir_verify(const IRContext *ctx);
bool ir_verify_handles(IROpcode opc);            /* for test-ir-ops */

#endif /* UEMU_TCG_IR_H */
