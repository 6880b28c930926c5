// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * interp.c: the portable backend: compile a block's IR to a compact array,
 * then execute that array in a tight switch loop.
 *
 * Compilation resolves everything that does not change between runs:
 * each temp operand becomes a 32-bit "ref" (kind in the low two bits):
 *   REF_FRAME  slot of the per-run frame (BLOCK temps; slot 0 holds env)
 *   REF_CONST  entry of the block's constant pool
 *   REF_ENV32/REF_ENV64  a global, read and written in env at its offset
 * labels become instruction indices, and markers that do nothing at run
 * time (set_label, nop, discard, plugin markers) disappear.
 *
 * Globals live only in env, so env is consistent at every op: a fault, a
 * helper or a host SIGSEGV can look at it at any time. Arithmetic comes
 * from ir-eval.h, the very functions the optimizer folds with.
 */
#include <string.h>
#include "interp.h"
#include "helper.h"
#include "ir-eval.h"
#include "runtime.h"

/* -- Compiled form ------------------------------------------------------ */

enum { REF_FRAME, REF_CONST, REF_ENV32, REF_ENV64 };
#define REF(kind, x)   (((uint32_t)(x) << 2) | (kind))
#define REF_MAX_INDEX  ((1u << 30) - 1)

typedef struct InterpInsn {
    uint16_t opc;                     /* IROpcode */
    uint8_t type;                     /* IRType */
    uint8_t nb_out, nb_in;
    uint32_t r[IR_MAX_OP_ARGS - 1];   /* refs: outputs, then inputs */
    uint64_t c[2];                    /* consts; labels as insn indices */
} InterpInsn;

struct IRInterpBlock {
    uintptr_t cookie;
    const IRInterpBlock *chain[2];
    uint32_t nb_insns, nb_frame, nb_consts;
    uint64_t *consts;
    InterpInsn *code;
};

/* What compilation does with an op. */
typedef enum InterpKind {
    IK_UNHANDLED,
    IK_PLAIN,         /* refs and consts copied */
    IK_BRANCH,        /* br/brcond: label resolved to an index */
    IK_LABEL,         /* set_label: records the next index */
    IK_SKIP,          /* no run-time effect */
    IK_CALL,          /* helper pointer in c[0] */
} InterpKind;

static InterpKind interp_kind(IROpcode opc)
{
    switch (opc) {
    case IR_OP_mov: case IR_OP_add: case IR_OP_sub: case IR_OP_mul:
    case IR_OP_neg: case IR_OP_muluh: case IR_OP_mulsh: case IR_OP_mulu2:
    case IR_OP_muls2: case IR_OP_add2: case IR_OP_sub2: case IR_OP_div:
    case IR_OP_divu: case IR_OP_rem: case IR_OP_remu: case IR_OP_and:
    case IR_OP_or: case IR_OP_xor: case IR_OP_andc: case IR_OP_orc:
    case IR_OP_eqv: case IR_OP_not: case IR_OP_shl: case IR_OP_shr:
    case IR_OP_sar: case IR_OP_rotl: case IR_OP_rotr: case IR_OP_deposit:
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_extract2:
    case IR_OP_ext8s: case IR_OP_ext8u: case IR_OP_ext16s:
    case IR_OP_ext16u: case IR_OP_ext32s: case IR_OP_ext32u:
    case IR_OP_extrl_i64_i32: case IR_OP_extrh_i64_i32:
    case IR_OP_extu_i32_i64: case IR_OP_exts_i32_i64: case IR_OP_clz:
    case IR_OP_ctz: case IR_OP_ctpop: case IR_OP_bswap16:
    case IR_OP_bswap32: case IR_OP_bswap64: case IR_OP_setcond:
    case IR_OP_negsetcond: case IR_OP_movcond: case IR_OP_goto_tb:
    case IR_OP_exit_tb: case IR_OP_lookup_and_goto: case IR_OP_ld_env:
    case IR_OP_st_env: case IR_OP_ld_host: case IR_OP_st_host:
    case IR_OP_guest_ld: case IR_OP_guest_st: case IR_OP_mb:
    case IR_OP_insn_start:
        return IK_PLAIN;
    case IR_OP_brcond: case IR_OP_br:
        return IK_BRANCH;
    case IR_OP_set_label:
        return IK_LABEL;
    case IR_OP_discard: case IR_OP_nop: case IR_OP_plugin_insn_marker:
    case IR_OP_plugin_mem_marker:
        return IK_SKIP;
    case IR_OP_call:
        return IK_CALL;
    case IR_OP_COUNT:
        break;
    }
    return IK_UNHANDLED;
}

bool ir_interp_handles(IROpcode opc)
{
    return interp_kind(opc) != IK_UNHANDLED;
}

/* -- Compilation ------------------------------------------------------ */

typedef struct Compiler {
    uint32_t *refs;           /* per temp index, UINT32_MAX: not yet */
    uint32_t nb_frame;
    GArray *consts;
} Compiler;

static uint32_t temp_ref(Compiler *c, const IRTemp *t)
{
    uint32_t *r = &c->refs[t->index];

    if (*r != UINT32_MAX) {
        return *r;
    }
    switch (t->kind) {
    case IR_TEMP_ENV:
        *r = REF(REF_FRAME, 0);
        break;
    case IR_TEMP_GLOBAL:
        g_assert(t->env_offset >= 0 && t->env_offset <= REF_MAX_INDEX);
        *r = REF(t->type == IR_I32 ? REF_ENV32 : REF_ENV64, t->env_offset);
        break;
    case IR_TEMP_BLOCK:
        g_assert(c->nb_frame <= REF_MAX_INDEX);
        *r = REF(REF_FRAME, c->nb_frame++);
        break;
    case IR_TEMP_CONST:
        *r = REF(REF_CONST, c->consts->len);
        g_array_append_val(c->consts, t->value);
        break;
    }
    return *r;
}

IRInterpBlock *ir_interp_compile(const IRContext *ctx, uintptr_t cookie)
{
    Compiler c = { .nb_frame = 1 };
    IRInterpBlock *b = g_new0(IRInterpBlock, 1);
    uint32_t *label_pos = g_new0(uint32_t, ctx->nb_labels + 1);
    uint32_t n = 0;

    g_assert((cookie & TB_EXIT_MASK) == 0);
    c.refs = g_new(uint32_t, ctx->nb_temps);
    memset(c.refs, 0xff, ctx->nb_temps * sizeof(uint32_t));
    c.consts = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    b->code = g_new0(InterpInsn, ctx->nb_ops);

    IR_FOR_EACH_OP(ctx, op) {
        InterpKind k = interp_kind(op->opc);
        InterpInsn *in;

        if (k == IK_SKIP) {
            continue;
        }
        if (k == IK_LABEL) {
            label_pos[ir_op_label(op)->id] = n;
            continue;
        }
        g_assert(k != IK_UNHANDLED);
        in = &b->code[n++];
        in->opc = op->opc;
        in->type = op->type;
        in->nb_out = op->nb_out;
        in->nb_in = op->nb_in;
        for (unsigned i = 0; i < op->nb_out + op->nb_in; i++) {
            in->r[i] = temp_ref(&c, (const IRTemp *)(uintptr_t)op->args[i]);
        }
        for (unsigned i = 0; i < op->nb_const && i < 2; i++) {
            in->c[i] = ir_op_const(op, i);
        }
        if (k == IK_BRANCH) {
            /* the label's id for now; its index once every label is seen */
            in->c[op->opc == IR_OP_brcond] = ir_op_label(op)->id;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        InterpInsn *in = &b->code[i];

        if (in->opc == IR_OP_br || in->opc == IR_OP_brcond) {
            unsigned j = in->opc == IR_OP_brcond;

            in->c[j] = label_pos[in->c[j]];
        }
    }

    b->cookie = cookie;
    b->nb_insns = n;
    b->nb_frame = c.nb_frame;
    b->nb_consts = c.consts->len;
    b->consts = (uint64_t *)g_array_free(c.consts, FALSE);
    g_free(c.refs);
    g_free(label_pos);
    return b;
}

void ir_interp_free(IRInterpBlock *b)
{
    if (b) {
        g_free(b->code);
        g_free(b->consts);
        g_free(b);
    }
}

unsigned ir_interp_size(const IRInterpBlock *b)
{
    return b->nb_insns;
}

void ir_interp_chain(IRInterpBlock *b, unsigned slot, const IRInterpBlock *next)
{
    g_assert(slot <= 1);
    __atomic_store_n(&b->chain[slot], next, __ATOMIC_RELEASE);
}

/* -- Run-time state --------------------------------------------------- */

static IRInterpLookupFn *lookup_hook;

/* The frame is per thread: blocks do not nest, and chaining reuses it. */
static __thread uint64_t *frame_buf;
static __thread uint32_t frame_cap;

static __thread bool cur_valid;
static __thread uint64_t cur_pc, cur_extra;

void ir_interp_set_lookup_hook(IRInterpLookupFn *fn)
{
    lookup_hook = fn;
}

bool ir_interp_current_insn(uint64_t *pc, uint64_t *extra)
{
    if (!cur_valid) {
        return false;
    }
    *pc = cur_pc;
    if (extra) {
        *extra = cur_extra;
    }
    return true;
}

static uint64_t *frame_for(uint32_t slots)
{
    if (slots > frame_cap) {
        frame_cap = MAX(slots, 2 * frame_cap);
        frame_buf = g_renew(uint64_t, frame_buf, frame_cap);
    }
    return frame_buf;
}

/* -- Operands and memory ---------------------------------------------- */

typedef struct Regs {
    uint64_t *frame;
    const uint64_t *consts;
    char *env;
} Regs;

static inline uint64_t rd(const Regs *rs, uint32_t ref)
{
    uint32_t v32;
    uint64_t v64;

    switch (ref & 3) {
    case REF_FRAME:
        return rs->frame[ref >> 2];
    case REF_CONST:
        return rs->consts[ref >> 2];
    case REF_ENV32:
        memcpy(&v32, rs->env + (ref >> 2), 4);
        return v32;
    default:
        memcpy(&v64, rs->env + (ref >> 2), 8);
        return v64;
    }
}

static inline void wr(const Regs *rs, uint32_t ref, uint64_t v)
{
    uint32_t v32 = (uint32_t)v;

    switch (ref & 3) {
    case REF_FRAME:
        rs->frame[ref >> 2] = v;
        break;
    case REF_ENV32:
        memcpy(rs->env + (ref >> 2), &v32, 4);
        break;
    case REF_ENV64:
        memcpy(rs->env + (ref >> 2), &v, 8);
        break;
    default:
        g_assert_not_reached();           /* constants are never outputs */
    }
}

/* Host-order access of the low @mo-size bytes (env fields, host memory). */
static inline uint64_t host_load(const void *p, IRMemOp mo)
{
    uint8_t b; uint16_t h; uint32_t w; uint64_t q;

    switch (mo & IR_MO_SIZE) {
    case IR_MO_8:  memcpy(&b, p, 1); return b;
    case IR_MO_16: memcpy(&h, p, 2); return h;
    case IR_MO_32: memcpy(&w, p, 4); return w;
    default:       memcpy(&q, p, 8); return q;
    }
}

static inline void host_store(void *p, IRMemOp mo, uint64_t v)
{
    uint8_t b = v; uint16_t h = v; uint32_t w = v;

    switch (mo & IR_MO_SIZE) {
    case IR_MO_8:  memcpy(p, &b, 1); break;
    case IR_MO_16: memcpy(p, &h, 2); break;
    case IR_MO_32: memcpy(p, &w, 4); break;
    default:       memcpy(p, &v, 8); break;
    }
}

/* Guest memory is little-endian whatever the host. */
static inline uint64_t le_swap(IRMemOp mo, uint64_t v)
{
    switch (mo & IR_MO_SIZE) {
    case IR_MO_8:  return v;
    case IR_MO_16: return GUINT16_FROM_LE((uint16_t)v);
    case IR_MO_32: return GUINT32_FROM_LE((uint32_t)v);
    default:       return GUINT64_FROM_LE(v);
    }
}

/* Arm checks alignment before translation, so ALIGN wins over RANGE. */
static void *guest_addr(void *env, uint64_t addr, IRMemOp mo, bool is_store)
{
    unsigned size = ir_memop_size(mo);
    IRFault f = { .addr = addr, .memop = mo, .is_store = is_store };

    if ((mo & IR_MO_ALIGN) && (addr & (size - 1))) {
        f.kind = IR_FAULT_ALIGN;
        tcg_guest_fault(env, &f);
    }
    if (G_UNLIKELY(!tcg_guest_range_ok(addr, size))) {
        f.kind = IR_FAULT_RANGE;
        tcg_guest_fault(env, &f);
    }
    return tcg_g2h(addr);
}

/* -- Helper calls ------------------------------------------------------- */

/* All arguments travel as uint64_t: under the SysV ABI a callee taking a
 * uint32_t or a pointer reads the same register. An I32 result's upper
 * half is unspecified in RAX, so it is cut off by the caller. */
typedef uint64_t H0(void);
typedef uint64_t H1(uint64_t);
typedef uint64_t H2(uint64_t, uint64_t);
typedef uint64_t H3(uint64_t, uint64_t, uint64_t);
typedef uint64_t H4(uint64_t, uint64_t, uint64_t, uint64_t);
typedef uint64_t H5(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
typedef uint64_t H6(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t,
                    uint64_t);

static uint64_t call_helper(const HelperInfo *h, const uint64_t *a)
{
    void *fn = h->fn;

    switch (h->nargs) {
    case 0: return ((H0 *)fn)();
    case 1: return ((H1 *)fn)(a[0]);
    case 2: return ((H2 *)fn)(a[0], a[1]);
    case 3: return ((H3 *)fn)(a[0], a[1], a[2]);
    case 4: return ((H4 *)fn)(a[0], a[1], a[2], a[3]);
    case 5: return ((H5 *)fn)(a[0], a[1], a[2], a[3], a[4]);
    default: return ((H6 *)fn)(a[0], a[1], a[2], a[3], a[4], a[5]);
    }
}

/* -- Execution -------------------------------------------------------- */

#define A(i)      rd(&rs, ip->r[i])
#define W(i, v)   wr(&rs, ip->r[i], (v))
#define BIN(fn)   W(0, fn(t, A(1), A(2)))
#define UN(fn)    W(0, fn(t, A(1)))

uintptr_t ir_interp_exec(const IRInterpBlock *b, void *env)
{
    Regs rs = { .env = env };

    cur_valid = false;
restart:
    rs.frame = frame_for(b->nb_frame);
    rs.frame[0] = (uintptr_t)env;
    rs.consts = b->consts;
    for (uint32_t pc = 0;;) {
        const InterpInsn *ip = &b->code[pc++];
        IRType t = (IRType)ip->type;

        switch ((IROpcode)ip->opc) {
        case IR_OP_mov:     W(0, A(1)); break;
        case IR_OP_add:     BIN(ir_eval_add); break;
        case IR_OP_sub:     BIN(ir_eval_sub); break;
        case IR_OP_mul:     BIN(ir_eval_mul); break;
        case IR_OP_neg:     UN(ir_eval_neg); break;
        case IR_OP_muluh:   BIN(ir_eval_muluh); break;
        case IR_OP_mulsh:   BIN(ir_eval_mulsh); break;
        case IR_OP_div:     BIN(ir_eval_div); break;
        case IR_OP_divu:    BIN(ir_eval_divu); break;
        case IR_OP_rem:     BIN(ir_eval_rem); break;
        case IR_OP_remu:    BIN(ir_eval_remu); break;
        case IR_OP_and:     BIN(ir_eval_and); break;
        case IR_OP_or:      BIN(ir_eval_or); break;
        case IR_OP_xor:     BIN(ir_eval_xor); break;
        case IR_OP_andc:    BIN(ir_eval_andc); break;
        case IR_OP_orc:     BIN(ir_eval_orc); break;
        case IR_OP_eqv:     BIN(ir_eval_eqv); break;
        case IR_OP_not:     UN(ir_eval_not); break;
        case IR_OP_shl:     BIN(ir_eval_shl); break;
        case IR_OP_shr:     BIN(ir_eval_shr); break;
        case IR_OP_sar:     BIN(ir_eval_sar); break;
        case IR_OP_rotl:    BIN(ir_eval_rotl); break;
        case IR_OP_rotr:    BIN(ir_eval_rotr); break;
        case IR_OP_ext8s:   UN(ir_eval_ext8s); break;
        case IR_OP_ext8u:   UN(ir_eval_ext8u); break;
        case IR_OP_ext16s:  UN(ir_eval_ext16s); break;
        case IR_OP_ext16u:  UN(ir_eval_ext16u); break;
        case IR_OP_ext32s:  UN(ir_eval_ext32s); break;
        case IR_OP_ext32u:  UN(ir_eval_ext32u); break;
        case IR_OP_clz:     UN(ir_eval_clz); break;
        case IR_OP_ctz:     UN(ir_eval_ctz); break;
        case IR_OP_ctpop:   UN(ir_eval_ctpop); break;
        case IR_OP_bswap16: UN(ir_eval_bswap16); break;
        case IR_OP_bswap32: UN(ir_eval_bswap32); break;
        case IR_OP_bswap64: UN(ir_eval_bswap64); break;
        case IR_OP_extrl_i64_i32: W(0, ir_eval_extrl_i64_i32(A(1))); break;
        case IR_OP_extrh_i64_i32: W(0, ir_eval_extrh_i64_i32(A(1))); break;
        case IR_OP_extu_i32_i64:  W(0, ir_eval_extu_i32_i64(A(1))); break;
        case IR_OP_exts_i32_i64:  W(0, ir_eval_exts_i32_i64(A(1))); break;

        case IR_OP_mulu2:
        case IR_OP_muls2: {
            uint64_t lo, hi;

            if (ip->opc == IR_OP_mulu2) {
                ir_eval_mulu2(t, A(2), A(3), &lo, &hi);
            } else {
                ir_eval_muls2(t, A(2), A(3), &lo, &hi);
            }
            W(0, lo);
            W(1, hi);
            break;
        }
        case IR_OP_add2:
        case IR_OP_sub2: {
            uint64_t lo, hi;

            if (ip->opc == IR_OP_add2) {
                ir_eval_add2(t, A(2), A(3), A(4), A(5), &lo, &hi);
            } else {
                ir_eval_sub2(t, A(2), A(3), A(4), A(5), &lo, &hi);
            }
            W(0, lo);
            W(1, hi);
            break;
        }

        case IR_OP_deposit:
            W(0, ir_eval_deposit(t, A(1), A(2), ip->c[0], ip->c[1]));
            break;
        case IR_OP_extract:
            W(0, ir_eval_extract(t, A(1), ip->c[0], ip->c[1]));
            break;
        case IR_OP_sextract:
            W(0, ir_eval_sextract(t, A(1), ip->c[0], ip->c[1]));
            break;
        case IR_OP_extract2:
            W(0, ir_eval_extract2(t, A(1), A(2), ip->c[0]));
            break;

        case IR_OP_setcond:
            W(0, ir_eval_setcond((IRCond)ip->c[0], t, A(1), A(2)));
            break;
        case IR_OP_negsetcond:
            W(0, ir_eval_negsetcond((IRCond)ip->c[0], t, A(1), A(2)));
            break;
        case IR_OP_movcond:
            W(0, ir_eval_cond((IRCond)ip->c[0], t, A(1), A(2)) ? A(3) : A(4));
            break;
        case IR_OP_brcond:
            if (ir_eval_cond((IRCond)ip->c[0], t, A(0), A(1))) {
                pc = ip->c[1];
            }
            break;
        case IR_OP_br:
            pc = ip->c[0];
            break;

        case IR_OP_goto_tb: {
            unsigned slot = ip->c[0];
            const IRInterpBlock *next =
                __atomic_load_n(&b->chain[slot], __ATOMIC_ACQUIRE);

            if (next && !tcg_exit_request) {
                b = next;
                goto restart;
            }
            return b->cookie | (TB_EXIT_GOTO_TB0 + slot);
        }
        case IR_OP_exit_tb:
            return ip->c[0];
        case IR_OP_lookup_and_goto:
            if (lookup_hook && !tcg_exit_request) {
                const IRInterpBlock *next = lookup_hook(env);

                if (next) {
                    b = next;
                    goto restart;
                }
            }
            return TB_EXIT_LOOKUP;

        case IR_OP_ld_env:
            W(0, ir_eval_load_extend(t, ip->c[1],
                                     host_load(rs.env + ip->c[0], ip->c[1])));
            break;
        case IR_OP_st_env:
            host_store(rs.env + ip->c[0], ip->c[1], A(0));
            break;
        case IR_OP_ld_host:
            W(0, ir_eval_load_extend(t, ip->c[1],
                   host_load((char *)(uintptr_t)A(1) + ip->c[0], ip->c[1])));
            break;
        case IR_OP_st_host:
            host_store((char *)(uintptr_t)A(1) + ip->c[0], ip->c[1], A(0));
            break;

        case IR_OP_guest_ld: {
            void *p = guest_addr(env, A(1), ip->c[0], false);

            W(0, ir_eval_load_extend(t, ip->c[0],
                                     le_swap(ip->c[0], host_load(p, ip->c[0]))));
            break;
        }
        case IR_OP_guest_st: {
            void *p = guest_addr(env, A(1), ip->c[0], true);

            host_store(p, ip->c[0], le_swap(ip->c[0], A(0)));
            break;
        }
        case IR_OP_mb:
            if (ip->c[0] & IR_MB_ST_LD) {
                __atomic_thread_fence(__ATOMIC_SEQ_CST);
            } else {
                __atomic_thread_fence(__ATOMIC_ACQ_REL);
            }
            break;

        case IR_OP_call: {
            const HelperInfo *h = (const HelperInfo *)(uintptr_t)ip->c[0];
            uint64_t args[IR_CALL_MAX_ARGS];
            uint64_t ret;

            for (unsigned i = 0; i < ip->nb_in; i++) {
                args[i] = A(ip->nb_out + i);
            }
            ret = call_helper(h, args);
            if (ip->nb_out) {
                W(0, h->ret == IR_HT_I32 ? (uint32_t)ret : ret);
            }
            break;
        }

        case IR_OP_insn_start:
            cur_pc = ip->c[0];
            cur_extra = ip->c[1];
            cur_valid = true;
            break;

        /* compiled away: see interp_kind() */
        case IR_OP_set_label:
        case IR_OP_discard:
        case IR_OP_nop:
        case IR_OP_plugin_insn_marker:
        case IR_OP_plugin_mem_marker:
        case IR_OP_COUNT:
            g_assert_not_reached();
        }
    }
}
