// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * signal.c: guest signal state, queueing and delivery (see guest-signal.h).
 *
 * Per thread: the guest's blocked mask, its alternate stack, and a queue of
 * at most one instance per signal (queued[] + a bitmask). The host handler
 * that fills the queue also blocks the signal in the host mask it returns
 * to (uc_sigmask), so further instances wait in the host kernel, queued
 * there as Linux queues them, until delivery takes this one and the host
 * mask is recomputed: host mask = (guest mask | queued) & mirrored.
 *
 * Host SIGSEGV and SIGBUS belong to fault.c (guest memory faults); it
 * forwards those that a process sent (si_code <= 0) to signal_host_async().
 * They are never blocked on the host. Signals 32 and 33 belong to the host
 * C library and are left alone.
 *
 * -- Frame (arm64 arch/arm64/kernel/signal.c, asm/sigcontext.h) --
 *
 *     sp_top (old sp, or the top of the alternate stack)
 *     frame record {x29, x30}   16-byte aligned, below sp_top; x29 -> here
 *     struct rt_sigframe        4688 bytes; new sp -> here
 *         siginfo (128)
 *         ucontext: uc_flags, uc_link, uc_stack, uc_sigmask (+120 pad),
 *                   sigcontext: fault_address, regs[31], sp, pc, pstate,
 *                   __reserved[4096]: fpsimd_context (528), null record
 */
#include "guest-signal.h"
#include "fault.h"
#include "uaccess.h"
#include "plugin-api/plugin.h"
#include "syscall/strace.h"
#include "syscall/syscall.h"
#include "tcg/runtime.h"

#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

/* -- Guest ABI facts ------------------------------------------------------- */

/* sa_flags (asm-generic/signal.h; arm64 uses the generic values). */
#define GUEST_SA_NOCLDSTOP  0x00000001
#define GUEST_SA_NOCLDWAIT  0x00000002
#define GUEST_SA_SIGINFO    0x00000004
#define GUEST_SA_RESTORER   0x04000000
#define GUEST_SA_ONSTACK    0x08000000
#define GUEST_SA_RESTART    0x10000000
#define GUEST_SA_NODEFER    0x40000000
#define GUEST_SA_RESETHAND  0x80000000

#define GUEST_SIG_DFL       0
#define GUEST_SIG_IGN       1

#define UNBLOCKABLE     (GUEST_SIGBIT(SIGKILL) | GUEST_SIGBIT(SIGSTOP))

/* si_code values of the faults we raise (asm-generic/siginfo.h). */
#define GUEST_SEGV_MAPERR   1
#define GUEST_SEGV_ACCERR   2
#define GUEST_SI_KERNEL     0x80

#define FPSIMD_MAGIC        0x46508001u
#define ESR_MAGIC           0x45535201u

typedef struct GuestFpsimdContext {
    uint32_t magic;
    uint32_t size;
    uint32_t fpsr;
    uint32_t fpcr;
    uint64_t vregs[32][2];
} GuestFpsimdContext;

typedef struct GuestSigcontext {
    uint64_t fault_address;
    uint64_t regs[31];
    uint64_t sp;
    uint64_t pc;
    uint64_t pstate;
    uint8_t reserved[4096] __attribute__((aligned(16)));
} GuestSigcontext;

typedef struct GuestUcontext {
    uint64_t flags;
    uint64_t link;
    GuestStackT stack;
    uint64_t sigmask;
    uint8_t sigmask_pad[1024 / 8 - sizeof(uint64_t)];
    GuestSigcontext mcontext __attribute__((aligned(16)));
} GuestUcontext;

typedef struct GuestRtSigframe {
    uint8_t info[128];
    GuestUcontext uc;
} GuestRtSigframe;

/* The offsets aarch64-linux-gnu's asm/ucontext.h and asm/sigcontext.h give. */
_Static_assert(sizeof(GuestStackT) == 24, "stack_t");
_Static_assert(offsetof(GuestUcontext, sigmask) == 40, "uc_sigmask");
_Static_assert(offsetof(GuestUcontext, mcontext) == 176, "uc_mcontext");
_Static_assert(offsetof(GuestSigcontext, pc) == 264, "sigcontext.pc");
_Static_assert(offsetof(GuestSigcontext, reserved) == 288, "__reserved");
_Static_assert(sizeof(GuestUcontext) == 4560, "ucontext");
_Static_assert(sizeof(GuestRtSigframe) == 4688, "rt_sigframe");
_Static_assert(sizeof(GuestFpsimdContext) == 528, "fpsimd_context");
_Static_assert(sizeof(siginfo_t) == 128, "host siginfo is the guest's");

/* -- Default actions ----------------------------------------------------- */

static bool sig_default_ignore(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

static bool sig_default_stop(int sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static bool sig_default_core(int sig)
{
    switch (sig) {
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
    case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return true;
    }
    return false;
}

/* Signals whose host disposition follows the guest's (see the header). */
static bool sig_host_handled(int sig)
{
    return sig != SIGKILL && sig != SIGSTOP && sig != SIGSEGV &&
           sig != SIGBUS && sig != 32 && sig != 33;
}

/* -- State --------------------------------------------------------------- */

static pthread_mutex_t action_lock = PTHREAD_MUTEX_INITIALIZER;
static GuestSigaction actions[GUEST_NSIG + 1];      /* [0] unused */
static uint64_t mirrored;       /* sig_host_handled() as a mask */
static GuestAddr trampoline;    /* mov x8, #139; svc #0; 0 until needed */

__thread volatile sig_atomic_t signal_pending;

static __thread uint64_t guest_mask;
static __thread GuestStackT altstack = { .flags = GUEST_SS_DISABLE };
static __thread uint64_t queued;                    /* atomic RMW only */
static __thread siginfo_t queued_info[GUEST_NSIG + 1];

/* A synchronous fault, delivered first (at most one at a time). */
static __thread struct {
    bool active;
    int sig;
    siginfo_t info;
} sync_sig;

/* rt_sigsuspend's mask to restore once the wait is over. */
static __thread struct {
    bool active;
    uint64_t saved;
} suspend;

/* A syscall that returned -EINTR because of a pending signal. */
static __thread struct {
    bool active;
    uint64_t nr, orig_x0, arg3;
} intr;

static void mask_to_host(uint64_t mask, sigset_t *set)
{
    sigemptyset(set);
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        if (mask & GUEST_SIGBIT(sig)) {
            sigaddset(set, sig);
        }
    }
}

/*
 * Host mask = (guest mask | queued) & mirrored. All signals are blocked
 * while it is computed, so the handler cannot queue one in between and see
 * it unblocked again.
 */
static void sync_host_mask(void)
{
    sigset_t all, set;

    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    mask_to_host((guest_mask | __atomic_load_n(&queued, __ATOMIC_RELAXED)) &
                 mirrored, &set);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

bool signal_deliverable(void)
{
    return sync_sig.active ||
           (__atomic_load_n(&queued, __ATOMIC_RELAXED) & ~guest_mask) != 0;
}

/* After the mask or the queue changed: make the cpu loop look again. */
static void recheck_pending(void)
{
    if (signal_deliverable()) {
        signal_pending = 1;
        tcg_exit_request = 1;
    }
}

/* -- Host side ----------------------------------------------------------- */

void signal_host_async(int sig, siginfo_t *si, void *uc)
{
    int saved_errno = errno;

    if (si->si_code > 0 && (sig == SIGILL || sig == SIGFPE || sig == SIGTRAP)) {
        /* A real fault of the emulator itself: die of it on return. */
        signal(sig, SIG_DFL);
        return;
    }
    if (!(__atomic_load_n(&queued, __ATOMIC_RELAXED) & GUEST_SIGBIT(sig))) {
        queued_info[sig] = *si;
        __atomic_fetch_or(&queued, GUEST_SIGBIT(sig), __ATOMIC_RELAXED);
    }
    if (mirrored & GUEST_SIGBIT(sig)) {
        /* The next instance waits in the kernel until this one is taken. */
        sigaddset(&((ucontext_t *)uc)->uc_sigmask, sig);
    }
    signal_pending = 1;
    tcg_exit_request = 1;
    errno = saved_errno;
}

/* Install the host disposition that matches the guest's for @sig. */
static void update_host_action(int sig, const GuestSigaction *act)
{
    struct sigaction sa;

    if (!sig_host_handled(sig)) {
        return;
    }
    memset(&sa, 0, sizeof(sa));
    if (act->handler == GUEST_SIG_IGN) {
        sa.sa_handler = SIG_IGN;
    } else if (act->handler == GUEST_SIG_DFL &&
               (sig_default_ignore(sig) || sig_default_stop(sig))) {
        sa.sa_handler = SIG_DFL;
    } else {
        /* No SA_RESTART: a blocking host syscall returns EINTR. */
        sa.sa_sigaction = signal_host_async;
        sa.sa_flags = SA_SIGINFO;
        sigfillset(&sa.sa_mask);
    }
    if (sig == SIGCHLD) {
        sa.sa_flags |= act->flags & (GUEST_SA_NOCLDSTOP | GUEST_SA_NOCLDWAIT);
    }
    sigaction(sig, &sa, NULL);
}

/* Linux does not pass pending signals on to a fork child: nor do we. */
static void signal_after_fork(void)
{
    __atomic_store_n(&queued, 0, __ATOMIC_RELAXED);
    sync_sig.active = false;
    signal_pending = 0;
    sync_host_mask();
}

void signal_init(void)
{
    static bool atfork_done;
    sigset_t cur;

    if (!atfork_done) {
        pthread_atfork(NULL, NULL, signal_after_fork);
        atfork_done = true;
    }

    sigprocmask(SIG_SETMASK, NULL, &cur);
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        struct sigaction old;

        if (!sig_host_handled(sig)) {
            continue;
        }
        mirrored |= GUEST_SIGBIT(sig);
        /* Ignored dispositions and the mask survive execve (nohup, &). */
        if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
            actions[sig].handler = GUEST_SIG_IGN;
        }
        if (sigismember(&cur, sig) == 1) {
            guest_mask |= GUEST_SIGBIT(sig);
        }
        update_host_action(sig, &actions[sig]);
    }
    guest_mask &= ~UNBLOCKABLE;
    sync_host_mask();
}

/* -- Actions, mask, altstack (for sys-signal.c) ----------------------------- */

bool signal_get_action(int sig, GuestSigaction *out)
{
    if (sig < 1 || sig > GUEST_NSIG) {
        return false;
    }
    pthread_mutex_lock(&action_lock);
    *out = actions[sig];
    pthread_mutex_unlock(&action_lock);
    return true;
}

void signal_set_action(int sig, const GuestSigaction *act)
{
    pthread_mutex_lock(&action_lock);
    actions[sig] = *act;
    update_host_action(sig, act);
    pthread_mutex_unlock(&action_lock);
    if (act->handler == GUEST_SIG_IGN ||
        (act->handler == GUEST_SIG_DFL && sig_default_ignore(sig))) {
        /* Linux discards pending instances of a signal now ignored. */
        if (__atomic_fetch_and(&queued, ~GUEST_SIGBIT(sig), __ATOMIC_RELAXED) &
            GUEST_SIGBIT(sig)) {
            sync_host_mask();
        }
    }
}

uint64_t signal_get_mask(void)
{
    return guest_mask;
}

void signal_set_mask(uint64_t mask)
{
    guest_mask = mask & ~UNBLOCKABLE;
    sync_host_mask();
    recheck_pending();
}

uint64_t signal_get_pending(void)
{
    sigset_t host;
    uint64_t set = __atomic_load_n(&queued, __ATOMIC_RELAXED);

    if (sigpending(&host) == 0) {
        for (int sig = 1; sig <= GUEST_NSIG; sig++) {
            if (sigismember(&host, sig) == 1) {
                set |= GUEST_SIGBIT(sig);
            }
        }
    }
    return set & guest_mask;
}

/* The kernel's on_sig_stack(): never "on" it with SS_AUTODISARM. */
static bool on_altstack(uint64_t sp)
{
    if (altstack.flags & (int32_t)GUEST_SS_AUTODISARM) {
        return false;
    }
    return sp > altstack.sp && sp - altstack.sp <= altstack.size;
}

void signal_get_altstack(GuestStackT *out, uint64_t sp)
{
    *out = altstack;
    out->flags = (altstack.size == 0 ? GUEST_SS_DISABLE
                  : on_altstack(sp) ? GUEST_SS_ONSTACK : 0) |
                 (altstack.flags & (int32_t)GUEST_SS_AUTODISARM);
    out->pad = 0;
}

int signal_set_altstack(const GuestStackT *ss, uint64_t sp)
{
    int mode = ss->flags & ~(int32_t)GUEST_SS_AUTODISARM;

    if (on_altstack(sp)) {
        return -EPERM;
    }
    if (mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK && mode != 0) {
        return -EINVAL;
    }
    if (mode == GUEST_SS_DISABLE) {
        altstack = (GuestStackT){ .flags = GUEST_SS_DISABLE };
        return 0;
    }
    if (ss->size < 5120) {              /* MINSIGSTKSZ, arm64 asm/signal.h */
        return -ENOMEM;
    }
    altstack.sp = ss->sp;
    altstack.size = ss->size;
    altstack.flags = ss->flags & (int32_t)GUEST_SS_AUTODISARM;
    return 0;
}

/* -- Queueing ------------------------------------------------------------ */

void signal_queue_sync(int sig, int code, uint64_t addr)
{
    memset(&sync_sig.info, 0, sizeof(sync_sig.info));
    sync_sig.info.si_signo = sig;
    sync_sig.info.si_code = code;
    sync_sig.info.si_addr = (void *)(uintptr_t)addr;
    sync_sig.sig = sig;
    sync_sig.active = true;
    signal_pending = 1;
    tcg_exit_request = 1;
}

/* The si_code of a SIGSEGV at @addr: is anything mapped there? */
static int segv_code(uint64_t addr)
{
    return guest_access_ok(addr, 1, PROT_NONE) ? GUEST_SEGV_ACCERR
                                                : GUEST_SEGV_MAPERR;
}

/* Take the lowest-numbered queued signal not in @mask (0: none). */
static int dequeue(uint64_t mask, siginfo_t *info)
{
    uint64_t q = __atomic_load_n(&queued, __ATOMIC_RELAXED) & ~mask;
    int sig;

    if (!q) {
        return 0;
    }
    sig = __builtin_ctzll(q) + 1;
    *info = queued_info[sig];
    __atomic_fetch_and(&queued, ~GUEST_SIGBIT(sig), __ATOMIC_RELAXED);
    sync_host_mask();
    return sig;
}

/* -- Default actions ------------------------------------------------------ */

void signal_die(int sig)
{
    struct rlimit no_core = { 0, 0 };
    struct sigaction sa;
    sigset_t set;

    if (sig_default_core(sig)) {
        fprintf(stderr, "arm-uemu: uncaught target signal %d (%s) - core dumped\n",
                sig, strsignal(sig));
        /* The guest's core is not ours to write; nor is the emulator's. */
        setrlimit(RLIMIT_CORE, &no_core);
    }
    plugin_atexit();
    fflush(NULL);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigaction(sig, &sa, NULL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    /* Only if the signal could not kill us (it always should). */
    _exit(128 + sig);
}

/* Stop the host process with @sig itself, so our parent sees WSTOPSIG. */
static void signal_stop(int sig)
{
    struct sigaction dfl, old;
    sigset_t set;

    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, &old);
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);                         /* returns after SIGCONT */
    sigaction(sig, &old, NULL);
    sync_host_mask();
}

/* -- Frames ------------------------------------------------------------------ */

static GuestAddr signal_trampoline(void)
{
    static const uint32_t code[2] = {
        0xd2801168,                     /* mov x8, #139 (rt_sigreturn) */
        0xd4000001,                     /* svc #0 */
    };
    int64_t a;

    if (trampoline) {
        return trampoline;
    }
    a = guest_mmap(0, 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a < 0 || uaccess_write(a, code, sizeof(code)) ||
        guest_mprotect(a, 4096, PROT_READ | PROT_EXEC)) {
        return 0;
    }
    trampoline = a;
    return trampoline;
}

/*
 * Push a frame for @sig and enter its handler; false (nothing changed) if
 * the frame cannot be written.
 */
static bool setup_frame(CPUARMState *env, int sig, const GuestSigaction *act,
                        const siginfo_t *info)
{
    g_autofree GuestRtSigframe *f = g_new0(GuestRtSigframe, 1);
    GuestSigcontext *mc = &f->uc.mcontext;
    GuestFpsimdContext fp;
    uint64_t sp = env->xregs[ARM_REG_SP], record, frame, lr, rec[2];

    if ((act->flags & GUEST_SA_ONSTACK) && altstack.size && !on_altstack(sp)) {
        sp = altstack.sp + altstack.size;
    }
    record = (sp - 16) & ~(uint64_t)15;
    frame = record - sizeof(GuestRtSigframe);
    lr = (act->flags & GUEST_SA_RESTORER) ? act->restorer : signal_trampoline();

    if (act->flags & GUEST_SA_SIGINFO) {
        memcpy(f->info, info, sizeof(f->info));
    }
    f->uc.stack = altstack;
    f->uc.sigmask = suspend.active ? suspend.saved : guest_mask;
    if (info->si_code > 0 && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
                              sig == SIGTRAP || sig == SIGFPE)) {
        mc->fault_address = (uintptr_t)info->si_addr;
    }
    memcpy(mc->regs, env->xregs, sizeof(mc->regs));
    mc->sp = env->xregs[ARM_REG_SP];
    mc->pc = env->pc;
    mc->pstate = arm_cpu_get_nzcv(env);         /* NZCV in bits 31:28 */
    memset(&fp, 0, sizeof(fp));
    fp.magic = FPSIMD_MAGIC;
    fp.size = sizeof(fp);
    fp.fpsr = env->fpsr;
    fp.fpcr = env->fpcr;
    memcpy(fp.vregs, env->vregs, sizeof(fp.vregs));
    memcpy(mc->reserved, &fp, sizeof(fp));      /* then a null record */

    rec[0] = env->xregs[29];
    rec[1] = env->xregs[30];
    if (!lr || uaccess_write(frame, f, sizeof(*f)) ||
        uaccess_write(record, rec, sizeof(rec))) {
        return false;
    }

    suspend.active = false;
    env->xregs[0] = sig;
    if (act->flags & GUEST_SA_SIGINFO) {
        env->xregs[1] = frame + offsetof(GuestRtSigframe, info);
        env->xregs[2] = frame + offsetof(GuestRtSigframe, uc);
    }
    env->xregs[ARM_REG_SP] = frame;
    env->xregs[29] = record;
    env->xregs[30] = lr;
    env->pc = act->handler;
    env->excl_addr = -1;                /* exception entry clears the monitor */

    guest_mask |= act->mask;
    if (!(act->flags & GUEST_SA_NODEFER)) {
        guest_mask |= GUEST_SIGBIT(sig);
    }
    guest_mask &= ~UNBLOCKABLE;
    if (act->flags & GUEST_SA_RESETHAND) {
        GuestSigaction dfl = *act;

        dfl.handler = GUEST_SIG_DFL;
        signal_set_action(sig, &dfl);
    }
    if (altstack.flags & (int32_t)GUEST_SS_AUTODISARM) {
        altstack = (GuestStackT){ .flags = GUEST_SS_DISABLE };
    }
    sync_host_mask();
    return true;
}

/* -- Syscall restart --------------------------------------------------------- */

void signal_syscall_interrupted(uint64_t nr, uint64_t orig_x0, uint64_t arg3)
{
    intr.active = true;
    intr.nr = nr;
    intr.orig_x0 = orig_x0;
    intr.arg3 = arg3;
}

/* Calls Linux answers -EINTR after a handler even with SA_RESTART
 * (signal(7); -ERESTARTNOHAND and -ERESTART_RESTARTBLOCK in the kernel). */
static bool never_restarted(uint64_t nr, uint64_t arg3)
{
    switch (nr) {
    case AARCH64_NR_nanosleep:
    case AARCH64_NR_clock_nanosleep:
    case AARCH64_NR_ppoll:
    case AARCH64_NR_pselect6:
    case AARCH64_NR_epoll_pwait:
    case AARCH64_NR_epoll_pwait2:
    case AARCH64_NR_rt_sigsuspend:
    case AARCH64_NR_rt_sigtimedwait:
    case AARCH64_NR_io_getevents:
    case AARCH64_NR_io_pgetevents:
    case AARCH64_NR_semop:
    case AARCH64_NR_semtimedop:
    case AARCH64_NR_msgrcv:
    case AARCH64_NR_msgsnd:
    case AARCH64_NR_futex_waitv:
    case AARCH64_NR_restart_syscall:
        return true;
    case AARCH64_NR_futex:              /* a wait with a timeout */
        return arg3 != 0;
    }
    return false;
}

/* Settle an interrupted syscall: @handler_flags of the handler entered,
 * or -1 when none was. */
static void settle_interrupted(CPUARMState *env, int64_t handler_flags)
{
    bool restart;

    if (!intr.active) {
        return;
    }
    intr.active = false;
    restart = handler_flags < 0 ||
              ((handler_flags & GUEST_SA_RESTART) &&
               !never_restarted(intr.nr, intr.arg3));
    if (restart) {
        env->pc -= 4;                   /* back on the svc */
        env->xregs[0] = intr.orig_x0;
    }
}

/* -- Delivery ------------------------------------------------------------------ */

/* Act on one signal; true when a handler frame was pushed. */
static bool deliver_one(CPUARMState *env, int sig, const siginfo_t *info,
                        bool forced)
{
    GuestSigaction act;

    strace_print_signal(sig, info);
    signal_get_action(sig, &act);
    if (forced && (act.handler == GUEST_SIG_IGN ||
                   (guest_mask & GUEST_SIGBIT(sig)))) {
        /* force_sig_fault: a blocked or ignored fault kills. */
        act.handler = GUEST_SIG_DFL;
        signal_set_action(sig, &act);
        guest_mask &= ~GUEST_SIGBIT(sig);
    }
    if (act.handler == GUEST_SIG_IGN) {
        return false;
    }
    if (act.handler == GUEST_SIG_DFL) {
        if (sig_default_ignore(sig)) {
            return false;
        }
        if (sig_default_stop(sig)) {
            signal_stop(sig);
            return false;
        }
        signal_die(sig);
    }
    settle_interrupted(env, act.flags);
    if (setup_frame(env, sig, &act, info)) {
        return true;
    }
    /* force_sigsegv: the frame could not be written. */
    if (sig == SIGSEGV) {
        signal_die(SIGSEGV);
    }
    signal_queue_sync(SIGSEGV, GUEST_SI_KERNEL, 0);
    return false;
}

void signal_deliver_pending(CPUARMState *env)
{
    siginfo_t info;
    bool entered = false;
    int sig;

    signal_pending = 0;
    while (!entered) {
        if (sync_sig.active) {
            sync_sig.active = false;
            info = sync_sig.info;
            entered = deliver_one(env, sync_sig.sig, &info, true);
            continue;
        }
        sig = dequeue(guest_mask, &info);
        if (!sig) {
            break;
        }
        entered = deliver_one(env, sig, &info, false);
    }
    if (!entered) {
        settle_interrupted(env, -1);
        if (suspend.active) {
            suspend.active = false;
            guest_mask = suspend.saved;
            sync_host_mask();
        }
    }
    /* Another one is due: it nests, entered before this handler runs. */
    recheck_pending();
}

/* -- rt_sigreturn, rt_sigsuspend, rt_sigtimedwait -------------------------------- */

/* Check the records of __reserved as parse_user_sigframe() does. */
static bool parse_reserved(const uint8_t *res, GuestFpsimdContext *fp)
{
    bool have_fp = false;
    size_t off = 0;

    for (;;) {
        uint32_t head[2];

        if (off + sizeof(head) > 4096) {
            return false;
        }
        memcpy(head, res + off, sizeof(head));
        if (head[0] == 0) {
            return head[1] == 0 && have_fp;
        }
        if (head[1] < sizeof(head) || (head[1] & 15) ||
            head[1] > 4096 - off) {
            return false;
        }
        switch (head[0]) {
        case FPSIMD_MAGIC:
            if (have_fp || head[1] != sizeof(*fp)) {
                return false;
            }
            memcpy(fp, res + off, sizeof(*fp));
            have_fp = true;
            break;
        case ESR_MAGIC:                 /* information only */
            break;
        default:
            return false;
        }
        off += head[1];
    }
}

uint64_t signal_sigreturn(CPUARMState *env)
{
    g_autofree GuestRtSigframe *f = g_new0(GuestRtSigframe, 1);
    GuestSigcontext *mc = &f->uc.mcontext;
    uint64_t sp = env->xregs[ARM_REG_SP];
    GuestFpsimdContext fp;

    /* pstate: EL0t, AArch64, DAIF clear, as valid_user_regs() wants. */
    if ((sp & 15) || uaccess_read(f, sp, sizeof(*f)) ||
        (mc->pstate & 0x3df) || !parse_reserved(mc->reserved, &fp)) {
        signal_queue_sync(SIGSEGV, segv_code(sp), sp);
        return 0;
    }
    memcpy(env->xregs, mc->regs, sizeof(mc->regs));
    env->xregs[ARM_REG_SP] = mc->sp;
    env->pc = mc->pc;
    arm_cpu_set_nzcv(env, (uint32_t)mc->pstate & 0xf0000000u);
    env->fpsr = fp.fpsr;
    env->fpcr = fp.fpcr;
    memcpy(env->vregs, fp.vregs, sizeof(fp.vregs));
    env->excl_addr = -1;
    /* restore_altstack(): errors (EPERM on the stack...) are ignored. */
    signal_set_altstack(&f->uc.stack, mc->sp);
    signal_set_mask(f->uc.sigmask);
    return env->xregs[0];
}

/*
 * The wait is the host's sigsuspend with the host mask for @mask. Host
 * signals are all blocked from before our check until sigsuspend installs
 * that mask atomically, so one arriving in between still ends the wait.
 */
int64_t signal_suspend(uint64_t mask)
{
    sigset_t set;

    sigfillset(&set);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    if (!suspend.active) {
        suspend.saved = guest_mask;
        suspend.active = true;
    }
    guest_mask = mask & ~UNBLOCKABLE;
    if (!signal_deliverable()) {
        mask_to_host((guest_mask | __atomic_load_n(&queued, __ATOMIC_RELAXED)) &
                     mirrored, &set);
        sigsuspend(&set);
    }
    sync_host_mask();
    recheck_pending();
    return -EINTR;
}

/*
 * Unlike sigsuspend, the host call takes no mask for the other signals, so
 * this one has the cpu loop's window (cpu-loop.c): a handled signal that
 * arrives just before the wait does not end it.
 */
int64_t signal_timedwait(uint64_t set, uint8_t info[128],
                         const struct timespec *ts)
{
    siginfo_t si;
    sigset_t hset;
    int sig;

    set &= ~UNBLOCKABLE;
    sig = dequeue(~set, &si);
    if (!sig) {
        mask_to_host(set & mirrored, &hset);
        sig = sigtimedwait(&hset, &si, ts);
        if (sig < 0) {
            return -errno;
        }
    }
    memcpy(info, &si, 128);
    return sig;
}
