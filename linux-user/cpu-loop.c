// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cpu-loop.c: the main loop of a guest thread.
 *
 * Find (or translate) the TB for the pc, chain it behind the TB that just
 * exited through a direct slot, run it, and act on why it stopped:
 *
 *   GOTO_TB0/1  a direct branch whose slot is not linked yet: link it
 *   LOOKUP      an indirect branch the backend could not resolve
 *   CODE        an exception the target raised: svc, udf, brk, ...
 *
 * A guest memory fault arrives by siglongjmp from fault.c with the CPU
 * state already precise. Exceptions and faults become guest signals queued
 * in signal.c (guest-signal.h); so do host signals, whose handler also sets
 * tcg_exit_request to break chains. Before every block the loop delivers
 * what is pending: a handler frame, or the default action.
 *
 * Syscalls and signals: a signal already deliverable when the guest reaches
 * `svc` is delivered first, with pc back on the svc, so the syscall runs
 * after the handler (as if the signal had come just before it). One that
 * arrives during a blocking host call makes it return EINTR (host handlers
 * have no SA_RESTART); signal.c then restarts the guest call or lets it
 * see -EINTR, by the handler's SA_RESTART.
 *
 * The window: a signal arriving after that check but before the host call
 * blocks is queued, yet the call still blocks until it ends by itself or
 * another signal comes (qemu closes this with its safe_syscall assembly
 * trampoline). The window is the few instructions of argument conversion
 * between the check and the host syscall (plus the -strace line when it
 * is on). rt_sigsuspend, and ppoll/pselect6/epoll_pwait given a mask, have
 * no window: they hold host signals blocked until the host call installs
 * its mask atomically.
 */
#include "cpu-loop.h"
#include "cpu-select.h"
#include "fault.h"
#include "guest-signal.h"
#include "log.h"
#include "mmap.h"
#include "module.h"
#include "tb-gen.h"
#include "thread.h"
#include "plugin-api/plugin.h"
#include "syscall/syscall.h"
#include "target-arm/translate.h"
#include "tcg/runtime.h"
#include "tcg/translator.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <sys/mman.h>

__thread CpuThread *cpu_thread_self;
static LogMask log_exec, log_cpu;

static void cpu_loop_register_log(void)
{
    log_exec = log_item_register("exec", "show trace before each executed TB "
                                 "(lots of logs)");
    log_cpu = log_item_register("cpu", "show CPU registers before entering a "
                                "TB (lots of logs)");
}
module_init(cpu_loop_register_log, MODULE_INIT_LOG);

/* -d exec and -d cpu, as qemu-aarch64 prints them before running a TB. */
static void cpu_loop_log_tb(CpuThread *t, TranslationBlock *tb)
{
    if (log_enabled(log_exec)) {
        fprintf(log_stream(), "Trace 0: %p [%08" PRIx32 "/%016" PRIx64
                "/%08" PRIx32 "/%08" PRIx32 "] \n", (void *)tb, tb->flags,
                tb->pc, tb->cflags, 0u);
    }
    if (log_enabled(log_cpu)) {
        arm_cpu_dump(&t->env, log_stream());
    }
}

/* -- Hooks the tcg layer calls --------------------------------------------- */

static TranslationBlock *cpu_loop_lookup(void *env)
{
    CPUARMState *e = env;

    return tb_lookup(&cpu_thread_self->jmp_cache, e->pc, 0, tb_gen_cflags());
}

static bool cpu_loop_code_ok(uint64_t pc, uint64_t len)
{
    return guest_access_ok(pc, len, PROT_EXEC);
}

static void cpu_loop_invalidate(GuestAddr start, uint64_t len)
{
    tb_invalidate_range(start, len);
}

CpuThread *cpu_loop_start(uint64_t entry, uint64_t sp)
{
    CpuThread *t = g_new0(CpuThread, 1);

    tcg_guest_base = guest_base;
    tcg_guest_limit = guest_space_size;
    translator_set_code_check(cpu_loop_code_ok);
    guest_mmap_set_invalidate_hook(cpu_loop_invalidate);
    tcg_interp_set_tb_lookup(cpu_loop_lookup);
    fault_init();
    signal_init();

    arm_cpu_reset(&t->env, arm_cpu_model_selected());
    t->env.opaque = t;
    t->env.pc = entry;
    t->env.xregs[ARM_REG_SP] = sp;
    t->vcpu_index = 0;
    plugin_vcpu_init(&t->env, t->vcpu_index);
    return t;
}

/* -- Exceptions ------------------------------------------------------------ */

/*
 * The signal an exception delivers (0 when the guest just goes on), with
 * the si_code and si_addr arm64 Linux gives it.
 */
static int cpu_loop_exception_signal(CPUARMState *env, int *code,
                                     uint64_t *addr)
{
    *code = 1;          /* ILL_ILLOPC, TRAP_BRKPT, SEGV_MAPERR, BUS_ADRALN */
    *addr = env->pc;
    switch ((ArmException)env->exception_index) {
    case ARM_EXCP_UDEF:
    case ARM_EXCP_HLT:
        return SIGILL;
    case ARM_EXCP_BKPT:
        return SIGTRAP;
    case ARM_EXCP_DATA_ABORT:
        *addr = env->fault_addr;
        if (guest_access_ok(*addr, 1, PROT_NONE)) {
            *code = 2;                                  /* SEGV_ACCERR */
        }
        return SIGSEGV;
    case ARM_EXCP_ALIGNMENT:
        *addr = env->fault_addr;
        return SIGBUS;
    case ARM_EXCP_NONE:
    case ARM_EXCP_SVC:
    case ARM_EXCP_YIELD:
        return 0;
    }
    g_assert_not_reached();
}

/* Returns true when the guest process is over (*status set). */
static bool cpu_loop_exception(CpuThread *t, int *status)
{
    CPUARMState *env = &t->env;
    uint64_t addr;
    int sig, code;

    if (env->exception_index == ARM_EXCP_SVC) {
        uint64_t nr = env->xregs[8], orig_x0 = env->xregs[0];

        env->exception_index = ARM_EXCP_NONE;
        if (signal_pending && signal_deliverable()) {
            env->pc -= 4;               /* the signal first, then the svc */
            return false;
        }
        switch (syscall_do(env, status)) {
        case SYSCALL_CONTINUE:
            if ((int64_t)env->xregs[0] == -EINTR && signal_pending &&
                nr != AARCH64_NR_rt_sigreturn) {
                signal_syscall_interrupted(nr, orig_x0, env->xregs[3]);
            }
            return false;
        case SYSCALL_EXIT_THREAD:
            thread_exit(t, *status);    /* returns for the last thread only */
            return true;
        case SYSCALL_EXIT_GROUP:
            return true;
        }
    }
    sig = cpu_loop_exception_signal(env, &code, &addr);
    env->exception_index = ARM_EXCP_NONE;
    if (sig) {
        signal_queue_sync(sig, code, addr);
    }
    return false;
}

/* -- The loop -------------------------------------------------------------- */

/* Run TBs until one raises an exception (or a fault longjmps out). */
static void cpu_loop_exec(CpuThread *t)
{
    TranslationBlock *last = NULL;
    int last_slot = -1;
    uint32_t cflags = tb_gen_cflags();

    for (;;) {
        TranslationBlock *tb;
        uintptr_t ret;

        if (signal_pending) {
            /* pc may move to a handler: never chain @last to it */
            tcg_exit_request = 0;
            signal_deliver_pending(&t->env);
            last = NULL;
        }
        if (plugin_pending_work) {
            /* a plugin uninstall/reset flushes: @last may be gone */
            plugin_run_pending_work();
            last = NULL;
        }
        tb_thread_quiescent(&t->jmp_cache);
        tb_reclaim();
        if (t->env.pc & 3) {
            /* PC alignment fault: Linux delivers SIGBUS (BUS_ADRALN). */
            t->env.exception_index = ARM_EXCP_ALIGNMENT;
            t->env.fault_addr = t->env.pc;
            return;
        }
        tb = tb_lookup(&t->jmp_cache, t->env.pc, 0, cflags);
        if (!tb) {
            tb = tb_gen_code(&t->env, t->env.pc, cflags);
        }
        if (last) {
            tb_link(last, last_slot, tb);
        }
        if (log_enabled(log_exec | log_cpu)) {
            cpu_loop_log_tb(t, tb);
        }
        t->in_guest = 1;
        ret = tb->backend->exec(&t->env, tb);
        t->in_guest = 0;

        last = NULL;
        switch (tb_exit_kind(ret)) {
        case TB_EXIT_GOTO_TB0:
        case TB_EXIT_GOTO_TB1:
            last = (TranslationBlock *)tb_exit_cookie(ret);
            last_slot = (int)tb_exit_kind(ret);
            break;
        case TB_EXIT_LOOKUP:
            break;
        case TB_EXIT_CODE:
            g_assert(tb_exit_code(ret) == A64_EXIT_EXCEPTION);
            return;
        }
    }
}

int cpu_loop_run(CpuThread *t)
{
    int status = 0;

    cpu_thread_self = t;
    for (;;) {
        /* No signal mask to restore: the fault handler runs SA_NODEFER. */
        tb_thread_online(&t->jmp_cache);
        if (sigsetjmp(t->fault_jmp, 0) == 0) {
            cpu_loop_exec(t);
        }
        tb_thread_offline(&t->jmp_cache);   /* holds no TB until it comes back */
        if (cpu_loop_exception(t, &status)) {
            return status;
        }
    }
}
