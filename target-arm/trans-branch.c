// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-branch.c: A64 branches and exception generation (a64.decode classes
 * "branch" and "exception").
 *
 * Every handler here ends the block. Direct branches leave through
 * gen_goto_tb() exit slots, which tb-chain patches to jump straight to the
 * target block: slot 0 is the fall-through (or the only target), slot 1 the
 * taken side of a conditional branch. Indirect branches write the pc and
 * leave through gen_jump_reg() (jump cache lookup). SVC/BRK/HLT raise an
 * ArmException for the cpu loop.
 *
 * Pointer authentication: no model of ours advertises FEAT_PAuth
 * (ID_AA64ISAR1.APA/API/GPA/GPI = 0, no HWCAP_PACA), so the PAC branch forms
 * BRAA/BRAAZ/BLRAA/RETAA/... are unallocated and raise SIGILL, as on a core
 * without it. (The PAC hints, PACIASP/AUTIASP, are NOPs: trans-system.c.)
 */
#include "translate.h"
#include "a64-decode.h"

/* The target of a pc-relative branch: imm is in words (ARM ARM: imm:'00'). */
static uint64_t branch_target(DisasContext *s, int64_t imm_words)
{
    return s->pc_curr + (uint64_t)imm_words * 4;
}

/*
 * gen_cond_exits: the two exits of a conditional branch. The caller has
 * emitted "if (taken) goto @taken"; we fall through to pc+4 in slot 0 and
 * place the taken exit (slot 1) at the label.
 */
static void gen_cond_exits(DisasContext *s, IRLabel *taken, uint64_t dest)
{
    gen_goto_tb(s, 0, s->base.pc_next);
    ir_gen_set_label(s->ir, taken);
    gen_goto_tb(s, 1, dest);
}

/* -- Unconditional branch (immediate) ----------------------------------- */

bool trans_B(DisasContext *s, arg_B *a)
{
    gen_goto_tb(s, 0, branch_target(s, a->imm));
    return true;
}

bool trans_BL(DisasContext *s, arg_BL *a)
{
    ir_gen_movi(s->ir, IR_I64, cpu_x[30], s->base.pc_next);
    gen_goto_tb(s, 0, branch_target(s, a->imm));
    return true;
}

/* -- Conditional branch (immediate) ------------------------------------- */

bool trans_B_cond(DisasContext *s, arg_B_cond *a)
{
    uint64_t dest = branch_target(s, a->imm);
    IRLabel *taken;

    /* AL and NV (1110, 1111) both mean "always" in A64. */
    if (a->cond >= 14) {
        gen_goto_tb(s, 0, dest);
        return true;
    }
    taken = ir_label_new(s->ir);
    gen_brcond_cc(s, a->cond, taken);
    gen_cond_exits(s, taken, dest);
    return true;
}

/* -- Compare and branch, test and branch (immediate) -------------------- */

static bool do_cbz(DisasContext *s, arg_CBZ *a, IRCond cond)
{
    IRLabel *taken = ir_label_new(s->ir);

    ir_gen_brcondi(s->ir, IR_I64, cond, read_reg(s, a->rt, a->sf), 0, taken);
    gen_cond_exits(s, taken, branch_target(s, a->imm));
    return true;
}

TRANS(CBZ,           do_cbz,         IR_COND_EQ)
TRANS(CBNZ,          do_cbz,         IR_COND_NE)

/* The bit number is b5:b40; b5 = 1 names a bit of Xt (W form otherwise). */
static bool do_tbz(DisasContext *s, arg_TBZ *a, IRCond cond)
{
    unsigned bit = (unsigned)(a->b5 << 5 | a->b40);
    IRLabel *taken = ir_label_new(s->ir);
    IRTemp *t = tmp64(s);

    ir_gen_andi(s->ir, IR_I64, t, read_reg(s, a->rt, true), 1ull << bit);
    ir_gen_brcondi(s->ir, IR_I64, cond, t, 0, taken);
    gen_cond_exits(s, taken, branch_target(s, a->imm));
    return true;
}

TRANS(TBZ,           do_tbz,         IR_COND_EQ)
TRANS(TBNZ,          do_tbz,         IR_COND_NE)

/* -- Unconditional branch (register) ------------------------------------ */

/*
 * BR, BLR, RET: Rn = 31 is XZR. BLR reads Rn before it writes X30, since
 * "blr x30" must jump to the old X30 (read_reg() copies the value).
 */
static bool do_branch_reg(DisasContext *s, arg_BR *a, bool link)
{
    IRTemp *target = read_reg(s, a->rn, true);

    if (link) {
        ir_gen_movi(s->ir, IR_I64, cpu_x[30], s->base.pc_next);
    }
    gen_jump_reg(s, target);
    return true;
}

TRANS(BR,            do_branch_reg,  false)
TRANS(BLR,           do_branch_reg,  true)
TRANS(RET,           do_branch_reg,  false)

/* FEAT_PAuth branches: not advertised by any model (see the file header). */
bool trans_BRAZ(DisasContext *s, arg_BRAZ *a)   { return false; }
bool trans_BLRAZ(DisasContext *s, arg_BLRAZ *a) { return false; }
bool trans_RETA(DisasContext *s, arg_RETA *a)   { return false; }
bool trans_BRA(DisasContext *s, arg_BRA *a)     { return false; }
bool trans_BLRA(DisasContext *s, arg_BLRA *a)   { return false; }

/* -- Exception generation ----------------------------------------------- */

/* SVC: the cpu loop runs the syscall with pc already past the svc, as the
 * ELR of a real SVC exception points at the next instruction. */
bool trans_SVC(DisasContext *s, arg_SVC *a)
{
    gen_exception(s, ARM_EXCP_SVC, (uint32_t)a->imm, s->base.pc_next);
    return true;
}

/* HVC and SMC are UNDEFINED at EL0. */
bool trans_HVC(DisasContext *s, arg_HVC *a) { return false; }
bool trans_SMC(DisasContext *s, arg_SMC *a) { return false; }

/* BRK: SIGTRAP (TRAP_BRKPT) with pc at the brk itself, like Linux. */
bool trans_BRK(DisasContext *s, arg_BRK *a)
{
    gen_exception(s, ARM_EXCP_BKPT, (uint32_t)a->imm, s->pc_curr);
    return true;
}

/* HLT: no halting debug or semihosting at EL0; Linux and qemu-aarch64
 * both deliver SIGILL at the hlt (the cpu loop maps ARM_EXCP_HLT). */
bool trans_HLT(DisasContext *s, arg_HLT *a)
{
    gen_exception(s, ARM_EXCP_HLT, (uint32_t)a->imm, s->pc_curr);
    return true;
}
