// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * translate.h: what every A64 instruction-class file shares.
 *
 * Each trans-*.c file implements the trans_NAME() handlers that the
 * generated decoder (a64.decode -> a64-decode.h) declares. A handler
 * returns false for an encoding that is unallocated or not implemented;
 * the decoder then raises SIGILL for it (unallocated_encoding()).
 *
 * Register conventions:
 *   - cpu_x[0..30] are X0..X30, cpu_x[31] is SP. In most encodings register
 *     31 means XZR: use read_reg()/write_reg() (XZR-aware) there, and
 *     read_reg_sp()/write_reg_sp() where the ARM ARM says "SP".
 *   - A 32-bit (W) write zero-extends into the X register: write_reg(..., sf=0)
 *     does that; handlers compute in I64 and let write_reg truncate.
 *   - Flags are four I64 globals, see cpu.h: N = NF<0, Z = ZF==0, C = CF,
 *     V = VF<0. The gen_*_cc() functions set them for 32 or 64 bits.
 */
#ifndef UEMU_TARGET_ARM_TRANSLATE_H
#define UEMU_TARGET_ARM_TRANSLATE_H

#include "cpu.h"
#include "tcg/ir-gen.h"
#include "tcg/translator.h"

/* The target's reasons for ending a block (DisasContextBase.is_jmp).
 * Macros, not enumerators, so assigning them to is_jmp is -Wenum-conversion
 * clean. */
#define DISAS_UPDATE_EXIT DISAS_TARGET_0 /* continue at pc_next via the cpu
                                            loop (state it must see changed) */
#define DISAS_JUMP        DISAS_TARGET_1 /* cpu_pc written; look the target up */

/* The cpu-loop exit code that means "see env->exception_index". */
#define A64_EXIT_EXCEPTION 1

typedef struct DisasContext {
    DisasContextBase base;
    IRContext *ir;
    CPUARMState *env;           /* read-only at translation: the model */
    uint64_t pc_curr;           /* pc of the instruction being translated */
    uint32_t insn;
} DisasContext;

extern IRTemp *cpu_x[32];
extern IRTemp *cpu_pc;
extern IRTemp *cpu_NF, *cpu_ZF, *cpu_CF, *cpu_VF;

/* a64_translate_init: create the globals in @ir (once per IRContext). */
void a64_translate_init(IRContext *ir);

/* a64_translate_tb: translate the TB at tb->pc for @env into @ir. */
void a64_translate_tb(CPUARMState *env, TranslationBlock *tb, IRContext *ir);

/*
 * TRANS(NAME, FN, args...): a one-line handler for a row whose work is done
 * by a generator shared by its family:
 *     TRANS(ADD_imm, do_addsub_imm, false, false)
 */
#define TRANS(NAME, FN, ...)                                    \
    bool trans_##NAME(DisasContext *s, arg_##NAME *a)           \
    {                                                           \
        return FN(s, a, __VA_ARGS__);                           \
    }

/* -- Temps and registers ------------------------------------------------ */

static inline IRTemp *tmp64(DisasContext *s) { return ir_temp_new(s->ir, IR_I64); }
static inline IRTemp *tmp32(DisasContext *s) { return ir_temp_new(s->ir, IR_I32); }
static inline IRTemp *const64(DisasContext *s, uint64_t v)
{
    return ir_const(s->ir, IR_I64, v);
}
static inline IRTemp *const32(DisasContext *s, uint32_t v)
{
    return ir_const(s->ir, IR_I32, v);
}

/* read_reg: Xn (XZR for 31) as a new I64 temp, zero-extended from Wn if !sf. */
IRTemp *read_reg(DisasContext *s, int reg, bool sf);
/* read_reg_sp: Xn or SP (31), zero-extended from 32 bits if !sf. */
IRTemp *read_reg_sp(DisasContext *s, int reg, bool sf);
/* write_reg: Xd = v (zero-extended from 32 bits if !sf); 31 is XZR: dropped. */
void write_reg(DisasContext *s, int reg, bool sf, IRTemp *v);
/* write_reg_sp: Xd or SP (31) = v, zero-extended if !sf. */
void write_reg_sp(DisasContext *s, int reg, bool sf, IRTemp *v);

/* -- Flags -------------------------------------------------------------- */

/* N and Z from @result, C = V = 0 (logical ops: ANDS, BICS, TST). */
void gen_logic_cc(DisasContext *s, bool sf, IRTemp *result);
/* dst = a + b, setting NZCV (ADDS, CMN). @dst may alias a or b. */
void gen_add_cc(DisasContext *s, bool sf, IRTemp *dst, IRTemp *a, IRTemp *b);
/* dst = a - b, setting NZCV (SUBS, CMP). */
void gen_sub_cc(DisasContext *s, bool sf, IRTemp *dst, IRTemp *a, IRTemp *b);
/* dst = a + b + C, optionally setting NZCV (ADC, ADCS). */
void gen_adc(DisasContext *s, bool sf, bool set_cc, IRTemp *dst, IRTemp *a,
             IRTemp *b);
/* dst = a + ~b + C, optionally setting NZCV (SBC, SBCS). */
void gen_sbc(DisasContext *s, bool sf, bool set_cc, IRTemp *dst, IRTemp *a,
             IRTemp *b);
/* Set NZCV from the 4-bit value @nzcv (CCMP when the condition fails). */
void gen_set_nzcv_imm(DisasContext *s, unsigned nzcv);
/* Set/read NZCV as a PSTATE-format I64 (bits 31:28), for MSR/MRS NZCV. */
void gen_set_nzcv_reg(DisasContext *s, IRTemp *v);
IRTemp *gen_get_nzcv_reg(DisasContext *s);

/* -- Conditions --------------------------------------------------------- */

/* A condition code as "value cond 0" on an I64 temp (IR_COND_ALWAYS/NEVER
 * for AL/NV, with value NULL). */
typedef struct ArmCompare {
    IRCond cond;
    IRTemp *value;
} ArmCompare;

void arm_test_cc(DisasContext *s, ArmCompare *c, int cc);
/* Branch to @label if condition @cc holds. */
void gen_brcond_cc(DisasContext *s, int cc, IRLabel *label);

/* -- Control flow ------------------------------------------------------- */

/* gen_goto_tb: jump to the constant pc @dest through exit slot @slot. */
void gen_goto_tb(DisasContext *s, unsigned slot, uint64_t dest);
/* gen_jump_reg: jump to the pc in @target (indirect: BR, BLR, RET). */
void gen_jump_reg(DisasContext *s, IRTemp *target);
/* gen_exception: raise @excp (syndrome @syn) with pc = @pc; ends the block. */
void gen_exception(DisasContext *s, ArmException excp, uint32_t syn, uint64_t pc);
/* unallocated_encoding: SIGILL at this instruction. */
void unallocated_encoding(DisasContext *s);

/* -- Memory ------------------------------------------------------------- */

/* Guest memory through the IR: little-endian, @mo from tcg/ir.h. */
void gen_ld(DisasContext *s, IRTemp *dst64, IRTemp *addr, IRMemOp mo);
void gen_st(DisasContext *s, IRTemp *val64, IRTemp *addr, IRMemOp mo);

#endif /* UEMU_TARGET_ARM_TRANSLATE_H */
