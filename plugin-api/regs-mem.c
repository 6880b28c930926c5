// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * regs-mem.c: guest registers and guest memory for plugins.
 *
 * Registers are named as QEMU's AArch64 gdb XML names them (fact sheet
 * section 3.9), feature by feature, for a CPU without SVE:
 *   org.gnu.gdb.aarch64.core   x0..x30, sp, pc (64-bit), cpsr (32-bit, NZCV
 *                              in PSTATE bits 31:28)
 *   org.gnu.gdb.aarch64.fpu    v0..v31 (128-bit), fpsr, fpcr (32-bit)
 *   org.gnu.gdb.aarch64.tls    tpidr
 *   org.qemu.gdb.arm.sys.regs  the system registers a user-mode guest can
 *                              read (ID registers, CTR_EL0, DCZID_EL0, ...)
 * A register handle is its table index + 1, as QEMU's is its gdb number + 1.
 * Values are little-endian byte strings.
 *
 * Access follows the calling callback's rights (PluginCbCtx): reading needs
 * QEMU_PLUGIN_CB_R_REGS or more, writing QEMU_PLUGIN_CB_RW_REGS, set_pc
 * QEMU_PLUGIN_CB_RW_REGS_PC (or a syscall filter); static vCPU callbacks
 * may read and write; install, flush and atexit are no register context.
 *
 * This file does not include qemu-plugin.h: read/write_register return int
 * for versions up to 5 and bool from 6, and one definition with an int
 * result serves both (docs/plugins.md, section 5).
 *
 * Guest memory goes through the guest map: a read or write of a mapped
 * range succeeds whatever its protection (the debug path: /proc/self/mem
 * bypasses host page protection, as QEMU's cpu_memory_rw_debug does), an
 * unmapped byte fails it. A write drops translations of the range.
 */
#include "plugin.h"
#include "linux-user/cpu-loop.h"
#include "linux-user/mmap.h"
#include "tcg/tb-cache.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct qemu_plugin_register;

/* -- The register table --------------------------------------------------- */

typedef enum RegKind {
    REG_X, REG_SP, REG_PC, REG_CPSR, REG_V, REG_FPSR, REG_FPCR, REG_TPIDR,
    REG_SYS,
} RegKind;

typedef struct RegDesc {
    const char *name;
    const char *feature;
    RegKind kind;
    unsigned n;                 /* REG_X/REG_V number; REG_SYS: model field */
    unsigned size;              /* bytes */
    bool readonly;
} RegDesc;

#define F_CORE "org.gnu.gdb.aarch64.core"
#define F_FPU  "org.gnu.gdb.aarch64.fpu"
#define F_TLS  "org.gnu.gdb.aarch64.tls"
#define F_SYS  "org.qemu.gdb.arm.sys.regs"

/* System registers: name, offset of the value in ArmCpuModel (or ~0u for
 * the thread registers in CPUARMState). */
typedef struct SysReg {
    const char *name;
    size_t model_off;
} SysReg;

#define MODEL(f) offsetof(ArmCpuModel, f)
enum { SYS_TPIDR_EL0 = 1000, SYS_TPIDRRO_EL0 };

static const SysReg sys_regs[] = {
    { "MIDR_EL1",         MODEL(midr) },
    { "REVIDR_EL1",       MODEL(revidr) },
    { "MPIDR_EL1",        MODEL(mpidr) },
    { "ID_AA64PFR0_EL1",  MODEL(id_aa64pfr0) },
    { "ID_AA64PFR1_EL1",  MODEL(id_aa64pfr1) },
    { "ID_AA64ZFR0_EL1",  MODEL(id_aa64zfr0) },
    { "ID_AA64SMFR0_EL1", MODEL(id_aa64smfr0) },
    { "ID_AA64DFR0_EL1",  MODEL(id_aa64dfr0) },
    { "ID_AA64ISAR0_EL1", MODEL(id_aa64isar0) },
    { "ID_AA64ISAR1_EL1", MODEL(id_aa64isar1) },
    { "ID_AA64ISAR2_EL1", MODEL(id_aa64isar2) },
    { "ID_AA64MMFR0_EL1", MODEL(id_aa64mmfr0) },
    { "ID_AA64MMFR1_EL1", MODEL(id_aa64mmfr1) },
    { "ID_AA64MMFR2_EL1", MODEL(id_aa64mmfr2) },
    { "CTR_EL0",          MODEL(ctr) },
    { "DCZID_EL0",        MODEL(dczid) },
    { "TPIDR_EL0",        SYS_TPIDR_EL0 },
    { "TPIDRRO_EL0",      SYS_TPIDRRO_EL0 },
};

static GArray *reg_table;               /* RegDesc, handle = index + 1 */

static void reg_add(const char *name, const char *feature, RegKind kind,
                    unsigned n, unsigned size, bool readonly)
{
    RegDesc d = { name, feature, kind, n, size, readonly };

    g_array_append_val(reg_table, d);
}

static const char *reg_name(const char *prefix, unsigned n)
{
    g_autofree char *s = g_strdup_printf("%s%u", prefix, n);

    return g_intern_string(s);
}

static void reg_table_init(void)
{
    plugin_lock();
    if (!reg_table) {
        reg_table = g_array_new(FALSE, FALSE, sizeof(RegDesc));
        for (unsigned i = 0; i < 31; i++) {
            reg_add(reg_name("x", i), F_CORE, REG_X, i, 8, false);
        }
        reg_add("sp", F_CORE, REG_SP, 0, 8, false);
        reg_add("pc", F_CORE, REG_PC, 0, 8, true);
        reg_add("cpsr", F_CORE, REG_CPSR, 0, 4, false);
        for (unsigned i = 0; i < 32; i++) {
            reg_add(reg_name("v", i), F_FPU, REG_V, i, 16, false);
        }
        reg_add("fpsr", F_FPU, REG_FPSR, 0, 4, false);
        reg_add("fpcr", F_FPU, REG_FPCR, 0, 4, false);
        reg_add("tpidr", F_TLS, REG_TPIDR, 0, 8, false);
        for (unsigned i = 0; i < G_N_ELEMENTS(sys_regs); i++) {
            reg_add(sys_regs[i].name, F_SYS, REG_SYS, i, 8,
                    sys_regs[i].model_off != SYS_TPIDR_EL0);
        }
    }
    plugin_unlock();
}

static const RegDesc *reg_lookup(struct qemu_plugin_register *handle)
{
    uintptr_t h = (uintptr_t)handle;

    reg_table_init();
    return h >= 1 && h <= reg_table->len
           ? &g_array_index(reg_table, RegDesc, h - 1) : NULL;
}

/* -- Reading and writing one register ---------------------------------------- */

static uint64_t *sysreg_slot(CPUARMState *env, const SysReg *r, uint64_t *tmp)
{
    if (r->model_off == SYS_TPIDR_EL0) {
        return &env->tpidr_el0;
    }
    if (r->model_off == SYS_TPIDRRO_EL0) {
        return &env->tpidrro_el0;
    }
    *tmp = env->model ? *(const uint64_t *)((const char *)env->model +
                                            r->model_off) : 0;
    return tmp;
}

/* The register's value, little-endian, into @out (d->size bytes). */
static void reg_get(CPUARMState *env, const RegDesc *d, uint8_t *out)
{
    uint64_t v = 0, tmp;

    switch (d->kind) {
    case REG_X:
        v = env->xregs[d->n];
        break;
    case REG_SP:
        v = env->xregs[ARM_REG_SP];
        break;
    case REG_PC:
        /* Mid-block, env->pc is the block's; the callback knows its insn. */
        v = plugin_ctx.has_pc ? plugin_ctx.pc : env->pc;
        break;
    case REG_CPSR:
        v = (uint64_t)arm_cpu_get_nzcv(env) << 28;
        break;
    case REG_V:
        for (int h = 0; h < 2; h++) {
            uint64_t le = GUINT64_TO_LE(env->vregs[d->n][h]);
            memcpy(out + 8 * h, &le, 8);
        }
        return;
    case REG_FPSR:
        v = env->fpsr;
        break;
    case REG_FPCR:
        v = env->fpcr;
        break;
    case REG_TPIDR:
        v = env->tpidr_el0;
        break;
    case REG_SYS:
        v = *sysreg_slot(env, &sys_regs[d->n], &tmp);
        break;
    }
    v = GUINT64_TO_LE(v);
    memcpy(out, &v, d->size);
}

static void reg_set(CPUARMState *env, const RegDesc *d, const uint8_t *in)
{
    uint64_t v = 0, tmp;

    if (d->kind == REG_V) {
        for (int h = 0; h < 2; h++) {
            memcpy(&v, in + 8 * h, 8);
            env->vregs[d->n][h] = GUINT64_FROM_LE(v);
        }
        return;
    }
    memcpy(&v, in, d->size);
    v = GUINT64_FROM_LE(v);
    switch (d->kind) {
    case REG_X:
        env->xregs[d->n] = v;
        break;
    case REG_SP:
        env->xregs[ARM_REG_SP] = v;
        break;
    case REG_CPSR:
        arm_cpu_set_nzcv(env, (uint32_t)v >> 28);
        break;
    case REG_FPSR:
        env->fpsr = (uint32_t)v;
        break;
    case REG_FPCR:
        env->fpcr = (uint32_t)v;
        break;
    case REG_TPIDR:
        env->tpidr_el0 = v;
        break;
    case REG_SYS:
        *sysreg_slot(env, &sys_regs[d->n], &tmp) = v;
        break;
    case REG_PC:
    case REG_V:
        g_assert_not_reached();     /* read-only / handled above */
    }
}

/* May the running callback use the vCPU's registers with @need rights? */
static bool regs_allowed(unsigned need)
{
    return plugin_ctx.vcpu && plugin_cur_env && plugin_ctx.regs >= need;
}

/* -- The API functions (no qemu-plugin.h here: see the file comment) -------- */

GArray *qemu_plugin_get_registers(void);
int qemu_plugin_read_register(struct qemu_plugin_register *handle,
                              GByteArray *buf);
int qemu_plugin_write_register(struct qemu_plugin_register *handle,
                               GByteArray *buf);
void qemu_plugin_set_pc(uint64_t vaddr) G_GNUC_NORETURN;

/* qemu_plugin_reg_descriptor: 24 bytes up to version 5, 32 from 6. */
typedef struct RegDescriptorV2 {
    struct qemu_plugin_register *handle;
    const char *name;
    const char *feature;
} RegDescriptorV2;

typedef struct RegDescriptorV6 {
    struct qemu_plugin_register *handle;
    const char *name;
    const char *feature;
    bool is_readonly;
} RegDescriptorV6;

GArray *qemu_plugin_get_registers(void)
{
    bool v6 = plugin_current_version() >= 6;
    GArray *out = g_array_new(TRUE, TRUE, v6 ? sizeof(RegDescriptorV6)
                                              : sizeof(RegDescriptorV2));

    reg_table_init();
    for (guint i = 0; i < reg_table->len; i++) {
        const RegDesc *d = &g_array_index(reg_table, RegDesc, i);
        RegDescriptorV6 e = {
            (struct qemu_plugin_register *)(uintptr_t)(i + 1), d->name,
            d->feature, d->readonly,
        };
        g_array_append_vals(out, &e, 1);    /* V2 is V6's prefix */
    }
    return out;
}

/* Versions 2-5: bytes or -1. Version 6+: true/false, as an int. */
static int reg_result(bool ok, unsigned size)
{
    if (plugin_current_version() >= 6) {
        return ok;
    }
    return ok ? (int)size : -1;
}

int qemu_plugin_read_register(struct qemu_plugin_register *handle,
                              GByteArray *buf)
{
    const RegDesc *d = reg_lookup(handle);
    uint8_t bytes[16];

    if (!d || !buf || !regs_allowed(PLUGIN_REGS_R)) {
        return reg_result(false, 0);
    }
    reg_get(plugin_cur_env, d, bytes);
    g_byte_array_append(buf, bytes, d->size);
    return reg_result(true, d->size);
}

int qemu_plugin_write_register(struct qemu_plugin_register *handle,
                               GByteArray *buf)
{
    const RegDesc *d = reg_lookup(handle);

    if (!d || !buf || buf->len < d->size || d->readonly ||
        !regs_allowed(PLUGIN_REGS_RW)) {
        return reg_result(false, 0);
    }
    reg_set(plugin_cur_env, d, buf->data);
    return reg_result(true, d->size);
}

/*
 * Resume the vCPU at @vaddr: leave the callback (and the block or syscall
 * it ran in) by the cpu loop's longjmp target, with no exception pending.
 */
void qemu_plugin_set_pc(uint64_t vaddr)
{
    CpuThread *t = cpu_thread_self;

    if (!t || !regs_allowed(PLUGIN_REGS_RW_PC)) {
        fprintf(stderr, "qemu_plugin_set_pc: only from callbacks registered "
                "with QEMU_PLUGIN_CB_RW_REGS_PC or syscall filters\n");
        abort();
    }
    t->env.pc = vaddr;
    t->env.exception_index = ARM_EXCP_NONE;
    t->in_guest = 0;
    plugin_ctx = (PluginCbCtx){ 0 };
    siglongjmp(t->fault_jmp, 1);
}

/* -- Guest memory ------------------------------------------------------------------ */

/* /proc/self/mem ignores page protection (the kernel's FOLL_FORCE). */
static bool proc_mem_rw(void *host, void *buf, size_t len, bool write)
{
    int fd = open("/proc/self/mem", write ? O_WRONLY : O_RDONLY);
    ssize_t n;

    if (fd < 0) {
        return false;
    }
    n = write ? pwrite(fd, buf, len, (off_t)(uintptr_t)host)
              : pread(fd, buf, len, (off_t)(uintptr_t)host);
    close(fd);
    return n == (ssize_t)len;
}

bool plugin_read_guest(uint64_t addr, void *buf, size_t len)
{
    if (!guest_range_in_space(addr, len) || !guest_access_ok(addr, len, 0)) {
        return false;
    }
    if (guest_access_ok(addr, len, PROT_READ)) {
        memcpy(buf, g2h(addr), len);
        return true;
    }
    return proc_mem_rw(g2h(addr), buf, len, false);
}

bool plugin_write_guest(uint64_t addr, const void *buf, size_t len)
{
    bool ok;

    if (!guest_range_in_space(addr, len) || !guest_access_ok(addr, len, 0)) {
        return false;
    }
    if (guest_access_ok(addr, len, PROT_WRITE)) {
        memcpy(g2h(addr), buf, len);
        ok = true;
    } else {
        ok = proc_mem_rw(g2h(addr), (void *)buf, len, true);
    }
    /* Translations of code written here are stale now; the block running
     * this callback finishes its old code (freed at the next boundary). */
    if (ok) {
        tb_invalidate_range(addr, len);
    }
    return ok;
}
