// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * trans-system.c: A64 system instructions (a64.decode class "system"):
 * hints, barriers, MSR (immediate), MRS/MSR (register), SYS/SYSL.
 *
 * We run at EL0 under Linux, so what matters is what Linux lets user space
 * do: the EL0-accessible registers (TPIDR_EL0, NZCV, FPCR, FPSR, CTR_EL0,
 * DCZID_EL0, the virtual counter, PMUSERENR_EL0), the ID registers that
 * the kernel emulates on a trapped MRS (HWCAP_CPUID), and the EL0 cache
 * maintenance operations (DC ZVA/CVAU/CVAC/CIVAC, IC IVAU). Everything
 * else is UNDEFINED at EL0 or belongs to a feature that no model
 * advertises, and the handler returns false (SIGILL).
 *
 * The model (-cpu) is fixed for the whole run, so ID register values are
 * constants at translation time, read from s->env->model.
 */
#include "translate.h"
#include "a64-decode.h"
#include "helpers.h"

#include <glib.h>
#include <stddef.h>

/*
 * The generic timer as Linux shows it to EL0: CNTFRQ_EL0 reads 62.5 MHz,
 * the value qemu-aarch64 reports, and CNTVCT_EL0 counts at that rate from
 * the host's CLOCK_MONOTONIC: one tick every 16 ns.
 */
#define A64_CNTFRQ_HZ        62500000u
#define A64_CNTVCT_NS_SHIFT  4
_Static_assert((1000000000u >> A64_CNTVCT_NS_SHIFT) == A64_CNTFRQ_HZ,
               "CNTVCT scaling must match CNTFRQ");

/* Field extraction from the model's ID registers (4-bit unsigned fields). */
static unsigned id_field(uint64_t reg, unsigned shift)
{
    return (reg >> shift) & 0xf;
}

#define ENV_OFF(field) ((intptr_t)offsetof(CPUARMState, field))

/* -- Hints -------------------------------------------------------------- */

/*
 * The whole hint space executes as NOP unless a feature gives a hint a
 * meaning. NOP, YIELD, WFE, WFI, SEV, SEVL: no-ops for a user-mode
 * emulator (a WFE would only wait for an event we never need to model).
 * PACIASP/AUTIASP/XPACLRI... and BTI: NOPs, since no model advertises
 * FEAT_PAuth or FEAT_BTI; CSDB, ESB, PSB, TSB, DGH, CLRBHB: NOPs too.
 */
bool trans_HINT(DisasContext *s, arg_HINT *a)
{
    return true;
}

/* -- Barriers ----------------------------------------------------------- */

/* CLREX: drop the exclusive monitor's reservation (see cpu.h). */
bool trans_CLREX(DisasContext *s, arg_CLREX *a)
{
    ir_gen_st_env(s->ir, IR_I64, const64(s, UINT64_MAX), ENV_OFF(excl_addr),
                  IR_MO_UQ);
    return true;
}

/*
 * The ordering a DMB/DSB asks for: CRm<1:0> is the access type (01 loads:
 * LD->LD and LD->ST; 10 stores: ST->ST; 11 all). The shareability domain in
 * CRm<3:2> does not matter to one host process. CRm<1:0> = 00 is reserved
 * for DMB (executes as SY) and is SSBB/PSSBB for DSB: a full barrier is a
 * correct, if strong, implementation of both.
 */
static unsigned barrier_kind(int crm)
{
    switch (crm & 3) {
    case 1:
        return IR_MB_LD_LD | IR_MB_LD_ST;
    case 2:
        return IR_MB_ST_ST;
    default:
        return IR_MB_ALL;
    }
}

bool trans_DMB(DisasContext *s, arg_DMB *a)
{
    ir_gen_mb(s->ir, barrier_kind(a->crm));
    return true;
}

bool trans_DSB(DisasContext *s, arg_DSB *a)
{
    ir_gen_mb(s->ir, barrier_kind(a->crm));
    return true;
}

/*
 * ISB: later instructions must see the effects of earlier context changes
 * (an IC IVAU, a code write). End the block so the next instruction is
 * looked up (and if needed translated) afresh.
 */
bool trans_ISB(DisasContext *s, arg_ISB *a)
{
    s->base.is_jmp = DISAS_UPDATE_EXIT;
    return true;
}

/* SB (FEAT_SB, ID_AA64ISAR1.SB [39:36]): a speculation barrier, nothing to
 * do for an emulator; UNDEFINED where the model does not advertise it. */
bool trans_SB(DisasContext *s, arg_SB *a)
{
    return id_field(s->env->model->id_aa64isar1, 36) >= 1;
}

/* -- MSR (immediate): PSTATE fields ------------------------------------- */

/*
 * Nothing here is available to our EL0:
 *   op1 0, op2 0/1/2  CFINV/XAFLAG/AXFLAG: FEAT_FlagM(2), not advertised
 *   op1 0, op2 3/4/5  UAO, PAN, SPSel: EL1 only
 *   op1 3, op2 1/2/4  SSBS, DIT, TCO: FEAT_SSBS/DIT/MTE, not advertised
 *   op1 3, op2 3      SVCR (SMSTART/SMSTOP): FEAT_SME, not advertised
 *   op1 3, op2 6/7    DAIFSet/DAIFClr: EL0 only with SCTLR_EL1.UMA, which
 *                     Linux leaves clear
 */
bool trans_MSR_i(DisasContext *s, arg_MSR_i *a)
{
    return false;
}

/* -- MRS/MSR (register) ------------------------------------------------- */

/* A system register's encoding op0:op1:CRn:CRm:op2 as one number, the way
 * the ARM ARM names it: S<op0>_<op1>_C<n>_C<m>_<op2>. */
#define SYSREG(op0, op1, crn, crm, op2) \
    ((op0) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))

enum {
    SR_NZCV          = SYSREG(3, 3, 4, 2, 0),
    SR_FPCR          = SYSREG(3, 3, 4, 4, 0),
    SR_FPSR          = SYSREG(3, 3, 4, 4, 1),
    SR_TPIDR_EL0     = SYSREG(3, 3, 13, 0, 2),
    SR_TPIDRRO_EL0   = SYSREG(3, 3, 13, 0, 3),
    SR_CTR_EL0       = SYSREG(3, 3, 0, 0, 1),
    SR_DCZID_EL0     = SYSREG(3, 3, 0, 0, 7),
    SR_CNTFRQ_EL0    = SYSREG(3, 3, 14, 0, 0),
    SR_CNTVCT_EL0    = SYSREG(3, 3, 14, 0, 2),
    SR_PMUSERENR_EL0 = SYSREG(3, 3, 9, 14, 0),
};

static unsigned sysreg_key(const arg_MRS *a)
{
    return SYSREG(2 + a->o0, a->op1, a->crn, a->crm, a->op2);
}

/*
 * The ID registers that the model names. All live at op0=3, op1=0, CRn=0;
 * the AFR0/AFR1/DFR1 rows are absent from the model (they read as 0).
 */
static const struct {
    uint16_t key;
    uint16_t offset;            /* of the uint64_t in ArmCpuModel */
} id_regs[] = {
    { SYSREG(3, 0, 0, 0, 0), offsetof(ArmCpuModel, midr) },
    { SYSREG(3, 0, 0, 0, 5), offsetof(ArmCpuModel, mpidr) },
    { SYSREG(3, 0, 0, 0, 6), offsetof(ArmCpuModel, revidr) },
    { SYSREG(3, 0, 0, 4, 0), offsetof(ArmCpuModel, id_aa64pfr0) },
    { SYSREG(3, 0, 0, 4, 1), offsetof(ArmCpuModel, id_aa64pfr1) },
    { SYSREG(3, 0, 0, 4, 4), offsetof(ArmCpuModel, id_aa64zfr0) },
    { SYSREG(3, 0, 0, 4, 5), offsetof(ArmCpuModel, id_aa64smfr0) },
    { SYSREG(3, 0, 0, 5, 0), offsetof(ArmCpuModel, id_aa64dfr0) },
    { SYSREG(3, 0, 0, 6, 0), offsetof(ArmCpuModel, id_aa64isar0) },
    { SYSREG(3, 0, 0, 6, 1), offsetof(ArmCpuModel, id_aa64isar1) },
    { SYSREG(3, 0, 0, 6, 2), offsetof(ArmCpuModel, id_aa64isar2) },
    { SYSREG(3, 0, 0, 7, 0), offsetof(ArmCpuModel, id_aa64mmfr0) },
    { SYSREG(3, 0, 0, 7, 1), offsetof(ArmCpuModel, id_aa64mmfr1) },
    { SYSREG(3, 0, 0, 7, 2), offsetof(ArmCpuModel, id_aa64mmfr2) },
};

/*
 * id_reg_value: the value Linux's MRS emulation gives for the ID space
 * op0=3, op1=0, CRn=0 (arch/arm64/kernel/cpufeature.c, emulate_sys_reg):
 * CRm=0 only MIDR, MPIDR and REVIDR; CRm=1 not emulated (SIGILL); CRm=2..7
 * the sanitised value, 0 for every register it does not track (the AArch32
 * ID registers in CRm=2,3 among them). qemu-aarch64 7.2 differs on CRm=2,3
 * only: it raises SIGILL there.
 */
static bool id_reg_value(const ArmCpuModel *m, unsigned key, int crm,
                         uint64_t *v)
{
    for (size_t i = 0; i < G_N_ELEMENTS(id_regs); i++) {
        if (id_regs[i].key == key) {
            *v = *(const uint64_t *)((const char *)m + id_regs[i].offset);
            return true;
        }
    }
    *v = 0;
    return crm >= 2 && crm <= 7;
}

/* sysreg_const: true and *@v if @key reads as a constant for this run. */
static bool sysreg_const(DisasContext *s, const arg_MRS *a, uint64_t *v)
{
    const ArmCpuModel *m = s->env->model;
    unsigned key = sysreg_key(a);

    if (a->o0 == 1 && a->op1 == 0 && a->crn == 0) {
        return id_reg_value(m, key, a->crm, v);
    }
    switch (key) {
    case SR_CTR_EL0:
        *v = m->ctr;
        return true;
    case SR_DCZID_EL0:
        *v = m->dczid;
        return true;
    case SR_CNTFRQ_EL0:
        *v = A64_CNTFRQ_HZ;
        return true;
    case SR_PMUSERENR_EL0:
        /* EL0 may always read it; with no PMU access granted it is 0
         * (qemu-aarch64 agrees). */
        *v = 0;
        return true;
    default:
        return false;
    }
}

bool trans_MRS(DisasContext *s, arg_MRS *a)
{
    IRContext *ir = s->ir;
    IRTemp *t;
    uint64_t v;

    if (sysreg_const(s, a, &v)) {
        write_reg(s, a->rt, true, const64(s, v));
        return true;
    }
    switch (sysreg_key(a)) {
    case SR_NZCV:
        t = gen_get_nzcv_reg(s);
        break;
    case SR_FPCR:
        t = tmp64(s);
        ir_gen_ld_env(ir, IR_I64, t, ENV_OFF(fpcr), IR_MO_UL);
        break;
    case SR_FPSR:
        t = tmp64(s);
        ir_gen_ld_env(ir, IR_I64, t, ENV_OFF(fpsr), IR_MO_UL);
        break;
    case SR_TPIDR_EL0:
        t = tmp64(s);
        ir_gen_ld_env(ir, IR_I64, t, ENV_OFF(tpidr_el0), IR_MO_UQ);
        break;
    case SR_TPIDRRO_EL0:
        t = tmp64(s);
        ir_gen_ld_env(ir, IR_I64, t, ENV_OFF(tpidrro_el0), IR_MO_UQ);
        break;
    case SR_CNTVCT_EL0:
        t = tmp64(s);
        ir_gen_call(ir, &helper_info_host_clock_ns, t, 0, NULL);
        ir_gen_shri(ir, IR_I64, t, t, A64_CNTVCT_NS_SHIFT);
        break;
    default:
        return false;
    }
    write_reg(s, a->rt, true, t);
    return true;
}

/*
 * The writable bits of FPCR (ARM ARM D17.2.48, qemu agrees): AHP [26],
 * DN [25], FZ [24], RMode [23:22], Stride [21:20] and Len [18:16] (kept
 * for AArch32 context switching, no effect in AArch64), and FZ16 [19] with
 * FEAT_FP16 (ID_AA64PFR0.FP = 1). The trap enables IDE/IXE..IOE read as 0:
 * floating-point exceptions never trap here.
 */
static uint32_t fpcr_writable(const ArmCpuModel *m)
{
    uint32_t mask = 0x07f70000;

    if (id_field(m->id_aa64pfr0, 16) == 1) {
        mask |= 1u << 19;
    }
    return mask;
}

/* FPSR: N, Z, C, V [31:28] (AArch32 compare flags), QC [27], IDC [7] and
 * IXC, UFC, OFC, DZC, IOC [4:0]. */
#define FPSR_WRITABLE 0xf800009fu

bool trans_MSR_r(DisasContext *s, arg_MSR_r *a)
{
    IRContext *ir = s->ir;
    unsigned key = sysreg_key(a);
    IRTemp *v;

    /* TPIDRRO_EL0, the ID registers, CTR, DCZID, CNTFRQ and CNTVCT are
     * read-only at EL0; the rest is not accessible there. */
    if (key != SR_NZCV && key != SR_FPCR && key != SR_FPSR &&
        key != SR_TPIDR_EL0) {
        return false;
    }
    v = read_reg(s, a->rt, true);
    switch (key) {
    case SR_NZCV:
        gen_set_nzcv_reg(s, v);
        break;
    case SR_FPCR:
        ir_gen_andi(ir, IR_I64, v, v, fpcr_writable(s->env->model));
        ir_gen_st_env(ir, IR_I64, v, ENV_OFF(fpcr), IR_MO_UL);
        break;
    case SR_FPSR:
        ir_gen_andi(ir, IR_I64, v, v, FPSR_WRITABLE);
        ir_gen_st_env(ir, IR_I64, v, ENV_OFF(fpsr), IR_MO_UL);
        break;
    default:
        ir_gen_st_env(ir, IR_I64, v, ENV_OFF(tpidr_el0), IR_MO_UQ);
        break;
    }
    return true;
}

/* -- SYS/SYSL: cache maintenance ---------------------------------------- */

/*
 * DC ZVA: zero the naturally aligned block of 4 << DCZID.BS bytes that
 * holds Xt. Plain guest stores, so a fault is precise and reports the
 * block's first address (qemu-aarch64 reports the same). DCZID.DZP set
 * means the instruction is prohibited: UNDEFINED.
 */
static bool gen_dc_zva(DisasContext *s, int rt)
{
    uint64_t dczid = s->env->model->dczid;
    unsigned bs = dczid & 0xf;
    unsigned bytes = 4u << bs;
    unsigned step = bytes < 8 ? bytes : 8;
    IRTemp *base, *zero;

    g_assert(bs <= 9);                  /* ARM ARM: at most 2 KiB */
    if (dczid & 0x10) {
        return false;
    }
    base = read_reg(s, rt, true);
    zero = const64(s, 0);
    ir_gen_andi(s->ir, IR_I64, base, base, ~(uint64_t)(bytes - 1));
    for (unsigned off = 0; off < bytes; off += step) {
        IRTemp *addr = base;

        if (off) {
            addr = tmp64(s);
            ir_gen_addi(s->ir, IR_I64, addr, base, off);
        }
        gen_st(s, zero, addr, step == 8 ? IR_MO_UQ : IR_MO_UL);
    }
    return true;
}

/*
 * IC IVAU: invalidate the instruction cache line holding Xt, which is how
 * AArch64 code announces modified instructions. Remove the translations of
 * the line (CTR_EL0.IminLine gives its size) and end the block: the block
 * running now may be one of them. No fault for an unmapped address, as in
 * qemu-aarch64.
 */
static bool gen_ic_ivau(DisasContext *s, int rt)
{
    uint64_t line = 4u << id_field(s->env->model->ctr, 0);
    IRTemp *addr = read_reg(s, rt, true);

    ir_gen_andi(s->ir, IR_I64, addr, addr, ~(line - 1));
    ir_gen_callv(s->ir, &helper_info_ic_ivau, NULL, addr, const64(s, line));
    s->base.is_jmp = DISAS_UPDATE_EXIT;
    return true;
}

/*
 * The EL0 operations are all op1=3, CRn=7, op2=1; DC CVAC, CVAU and CIVAC
 * only order data against the point of coherency/unification, which a host
 * with coherent caches already guarantees: no-ops, without the translation
 * fault an unmapped address would give on hardware (as qemu-aarch64).
 * DC CVAP/CVADP need FEAT_DPB/DPB2 (ID_AA64ISAR1.DPB [3:0] >= 1/2). IC
 * IALLU(IS), DC IVAC/ISW..., TLBI, AT and the rest: EL1, SIGILL.
 */
bool trans_SYS(DisasContext *s, arg_SYS *a)
{
    unsigned dpb = id_field(s->env->model->id_aa64isar1, 0);

    if (a->op1 != 3 || a->crn != 7 || a->op2 != 1) {
        return false;
    }
    switch (a->crm) {
    case 4:                                     /* DC ZVA */
        return gen_dc_zva(s, a->rt);
    case 5:                                     /* IC IVAU */
        return gen_ic_ivau(s, a->rt);
    case 10:                                    /* DC CVAC */
    case 11:                                    /* DC CVAU */
    case 14:                                    /* DC CIVAC */
        return true;
    case 12:                                    /* DC CVAP */
        return dpb >= 1;
    case 13:                                    /* DC CVADP */
        return dpb >= 2;
    default:
        return false;
    }
}

/* SYSL: no operation that returns a result is defined at EL0. */
bool trans_SYSL(DisasContext *s, arg_SYSL *a)
{
    return false;
}
