// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-signal.c: linux-user/signal.c on a fake CPU state and a real guest
 * space: the rt_sigframe it writes (offsets from aarch64-linux-gnu's
 * asm/sigcontext.h and asm/ucontext.h), rt_sigreturn, forced faults, the
 * SA_RESTART decision, and host dispositions that follow the guest's.
 */
#include "syscall-harness.h"
#include "linux-user/guest-signal.h"

#include <signal.h>
#include <unistd.h>

/* Offsets in struct rt_sigframe {siginfo_t info; struct ucontext uc;}. */
#define FRAME_SIZE      4688
#define UC              128
#define UC_SIGMASK      (UC + 40)
#define MC              (UC + 176)
#define MC_FAULT        (MC + 0)
#define MC_REGS         (MC + 8)
#define MC_SP           (MC + 256)
#define MC_PC           (MC + 264)
#define MC_PSTATE       (MC + 272)
#define MC_RESERVED     (MC + 288)
#define SI_ADDR         16

#define SA_SIGINFO_     0x4
#define SA_RESTORER_    0x04000000
#define SA_RESTART_     0x10000000

#define HANDLER         0x4000
#define RESTORER        0x5000

static uint64_t rd64(GuestAddr a)
{
    uint64_t v;

    get(&v, a, sizeof(v));
    return v;
}

static uint32_t rd32(GuestAddr a)
{
    uint32_t v;

    get(&v, a, sizeof(v));
    return v;
}

static void set_handler(int sig, uint64_t flags, uint64_t mask)
{
    GuestSigaction act = { .handler = HANDLER, .flags = flags | SA_RESTORER_,
                           .restorer = RESTORER, .mask = mask };

    signal_set_action(sig, &act);
}

/* A recognisable CPU state with sp at the top of the scratch area. */
static CPUARMState *fill_env(void)
{
    CPUARMState *env = &harness_env;

    for (int i = 0; i < 31; i++) {
        env->xregs[i] = 0x1010101000ULL * (i + 1);
    }
    env->xregs[ARM_REG_SP] = scratch + SCRATCH_SIZE - 8;   /* misaligned on purpose */
    env->pc = 0x1004;
    arm_cpu_set_nzcv(env, 0xa0000000);                      /* N and C */
    for (int i = 0; i < 32; i++) {
        env->vregs[i][0] = 0x1111ULL * i;
        env->vregs[i][1] = ~0x1111ULL * i;
    }
    env->fpcr = 0x00400000;
    env->fpsr = 0x10;
    return env;
}

START_TEST(test_signal_fault_with_handler_writes_arm64_frame)
{
    CPUARMState *env = fill_env(), saved = *env;
    uint64_t top = (saved.xregs[ARM_REG_SP] - 16) & ~15ULL, frame = top - FRAME_SIZE;

    set_handler(SIGSEGV, SA_SIGINFO_, GUEST_SIGBIT(SIGUSR1));
    signal_queue_sync(SIGSEGV, 1, 0x1234);
    ck_assert(signal_pending);
    signal_deliver_pending(env);

    ck_assert_uint_eq(env->pc, HANDLER);
    ck_assert_uint_eq(env->xregs[0], SIGSEGV);
    ck_assert_uint_eq(env->xregs[ARM_REG_SP], frame);
    ck_assert_uint_eq(env->xregs[1], frame);
    ck_assert_uint_eq(env->xregs[2], frame + UC);
    ck_assert_uint_eq(env->xregs[29], top);
    ck_assert_uint_eq(env->xregs[30], RESTORER);
    ck_assert_uint_eq(signal_get_mask(), GUEST_SIGBIT(SIGSEGV) | GUEST_SIGBIT(SIGUSR1));

    ck_assert_uint_eq(rd32(frame + 0), SIGSEGV);            /* si_signo */
    ck_assert_uint_eq(rd32(frame + 8), 1);                  /* si_code */
    ck_assert_uint_eq(rd64(frame + SI_ADDR), 0x1234);
    ck_assert_uint_eq(rd64(frame + UC_SIGMASK), 0);
    ck_assert_uint_eq(rd64(frame + MC_FAULT), 0x1234);
    ck_assert_uint_eq(rd64(frame + MC_REGS + 5 * 8), saved.xregs[5]);
    ck_assert_uint_eq(rd64(frame + MC_REGS + 30 * 8), saved.xregs[30]);
    ck_assert_uint_eq(rd64(frame + MC_SP), saved.xregs[ARM_REG_SP]);
    ck_assert_uint_eq(rd64(frame + MC_PC), 0x1004);
    ck_assert_uint_eq(rd64(frame + MC_PSTATE), 0xa0000000);
    ck_assert_uint_eq(rd32(frame + MC_RESERVED), 0x46508001);   /* FPSIMD_MAGIC */
    ck_assert_uint_eq(rd32(frame + MC_RESERVED + 4), 528);
    ck_assert_uint_eq(rd32(frame + MC_RESERVED + 8), 0x10);     /* fpsr */
    ck_assert_uint_eq(rd32(frame + MC_RESERVED + 12), 0x00400000);
    ck_assert_uint_eq(rd64(frame + MC_RESERVED + 16 + 16 * 3), 0x3333);
    ck_assert_uint_eq(rd64(frame + MC_RESERVED + 528), 0);      /* null record */
    ck_assert_uint_eq(rd64(top), saved.xregs[29]);              /* frame record */
    ck_assert_uint_eq(rd64(top + 8), saved.xregs[30]);
}
END_TEST

START_TEST(test_signal_sigreturn_restores_everything_and_edits)
{
    CPUARMState *env = fill_env(), saved = *env;
    uint64_t frame, x0;

    set_handler(SIGUSR2, SA_SIGINFO_, 0);
    signal_queue_sync(SIGUSR2, 0, 0);
    signal_deliver_pending(env);
    frame = env->xregs[ARM_REG_SP];
    ck_assert_uint_eq(env->pc, HANDLER);

    /* The handler edits x3 and pc in its ucontext, then clobbers registers. */
    put(frame + MC_REGS + 3 * 8 - scratch, &(uint64_t){ 0x3333 }, 8);
    put(frame + MC_PC - scratch, &(uint64_t){ 0x2000 }, 8);
    memset(env->xregs, 0x5a, 31 * 8);
    memset(env->vregs, 0xa5, sizeof(env->vregs));
    arm_cpu_set_nzcv(env, 0);
    env->fpcr = 0;
    env->xregs[ARM_REG_SP] = frame;

    x0 = signal_sigreturn(env);
    ck_assert_uint_eq(x0, saved.xregs[0]);
    ck_assert_uint_eq(env->xregs[3], 0x3333);
    ck_assert_uint_eq(env->xregs[28], saved.xregs[28]);
    ck_assert_uint_eq(env->xregs[ARM_REG_SP], saved.xregs[ARM_REG_SP]);
    ck_assert_uint_eq(env->pc, 0x2000);
    ck_assert_uint_eq(arm_cpu_get_nzcv(env), 0xa0000000);
    ck_assert_uint_eq(env->fpcr, 0x00400000);
    ck_assert_mem_eq(env->vregs, saved.vregs, sizeof(saved.vregs));
    ck_assert_uint_eq(signal_get_mask(), 0);
    ck_assert(!signal_deliverable());
}
END_TEST

START_TEST(test_signal_sigreturn_bad_frame_raises_sigsegv)
{
    CPUARMState *env = fill_env();
    uint64_t frame;

    set_handler(SIGUSR1, 0, 0);
    set_handler(SIGSEGV, 0, 0);
    signal_queue_sync(SIGUSR1, 0, 0);
    signal_deliver_pending(env);
    frame = env->xregs[ARM_REG_SP];

    env->xregs[ARM_REG_SP] = frame + 8;                     /* misaligned */
    ck_assert_uint_eq(signal_sigreturn(env), 0);
    ck_assert(signal_deliverable());
    signal_deliver_pending(env);    /* SIGSEGV has a handler: entered */
    ck_assert_uint_eq(env->xregs[0], SIGSEGV);
}
END_TEST

START_TEST(test_signal_sigreturn_bad_fpsimd_record_raises_sigsegv)
{
    CPUARMState *env = fill_env();
    uint64_t frame;

    set_handler(SIGUSR1, 0, 0);
    signal_queue_sync(SIGUSR1, 0, 0);
    signal_deliver_pending(env);
    frame = env->xregs[ARM_REG_SP];
    put(frame + MC_RESERVED - scratch, &(uint32_t){ 0x12345678 }, 4);
    ck_assert(!signal_deliverable());
    signal_sigreturn(env);
    ck_assert(signal_deliverable());
    ck_assert_uint_eq(env->pc, HANDLER);                    /* state untouched */
}
END_TEST

/* A fault the guest blocks is forced to its default action: we die of it. */
START_TEST(test_signal_blocked_fault_kills)
{
    CPUARMState *env = fill_env();

    set_handler(SIGSEGV, 0, 0);
    signal_set_mask(GUEST_SIGBIT(SIGSEGV));
    signal_queue_sync(SIGSEGV, 1, 16);
    signal_deliver_pending(env);
}
END_TEST

/* An interrupted read restarts under SA_RESTART and answers EINTR without. */
START_TEST(test_signal_sa_restart_decides_restart)
{
    struct { uint64_t nr; uint64_t flags; uint64_t pc, x0; } cases[] = {
        { AARCH64_NR_read,      SA_RESTART_, 0x1000, 7 },
        { AARCH64_NR_read,      0,           0x1004, (uint64_t)-EINTR },
        { AARCH64_NR_nanosleep, SA_RESTART_, 0x1004, (uint64_t)-EINTR },
    };

    signal_init();
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        CPUARMState *env = fill_env();
        uint64_t frame;

        set_handler(SIGUSR1, cases[i].flags, 0);
        signal_set_mask(0);
        env->xregs[0] = (uint64_t)-EINTR;
        ck_assert_int_eq(kill(getpid(), SIGUSR1), 0);   /* our host handler queues it */
        ck_assert(signal_pending);
        signal_syscall_interrupted(cases[i].nr, 7, 0);
        signal_deliver_pending(env);
        frame = env->xregs[ARM_REG_SP];
        ck_assert_uint_eq(env->pc, HANDLER);
        ck_assert_uint_eq(rd64(frame + MC_PC), cases[i].pc);
        ck_assert_uint_eq(rd64(frame + MC_REGS), cases[i].x0);
    }
}
END_TEST

/* SIG_IGN and default-ignore dispositions are the host's too. */
START_TEST(test_signal_host_dispositions_follow_guest)
{
    GuestSigaction ign = { .handler = 1 }, dfl = { .handler = 0 };
    struct sigaction host;

    signal_init();
    signal_set_action(SIGPIPE, &ign);
    sigaction(SIGPIPE, NULL, &host);
    ck_assert_ptr_eq(host.sa_handler, SIG_IGN);
    signal_set_action(SIGPIPE, &dfl);               /* fatal default: our handler */
    sigaction(SIGPIPE, NULL, &host);
    ck_assert(host.sa_flags & SA_SIGINFO);
    ck_assert(!(host.sa_flags & SA_RESTART));
    signal_set_action(SIGCHLD, &dfl);               /* ignored by default: the host's */
    sigaction(SIGCHLD, NULL, &host);
    ck_assert_ptr_eq(host.sa_handler, SIG_DFL);
    set_handler(SIGCHLD, 0, 0);
    sigaction(SIGCHLD, NULL, &host);
    ck_assert(host.sa_flags & SA_SIGINFO);
}
END_TEST

/* A blocked signal stays pending in the host kernel; unblocking delivers it. */
START_TEST(test_signal_mask_is_mirrored_on_host)
{
    CPUARMState *env = fill_env();
    sigset_t host;

    signal_init();
    set_handler(SIGUSR2, 0, 0);
    signal_set_mask(GUEST_SIGBIT(SIGUSR2));
    pthread_sigmask(SIG_SETMASK, NULL, &host);
    ck_assert(sigismember(&host, SIGUSR2));
    ck_assert_int_eq(kill(getpid(), SIGUSR2), 0);
    ck_assert(!signal_pending);
    ck_assert_uint_eq(signal_get_pending(), GUEST_SIGBIT(SIGUSR2));
    signal_set_mask(0);
    ck_assert(signal_pending);
    signal_deliver_pending(env);
    ck_assert_uint_eq(env->xregs[0], SIGUSR2);
    ck_assert_uint_eq(signal_get_pending(), 0);
}
END_TEST

static Suite *signal_suite(void)
{
    Suite *s = suite_create("signal");
    TCase *tc = tcase_create("signal");

    tcase_add_checked_fixture(tc, harness_setup, harness_teardown);
    tcase_add_test(tc, test_signal_fault_with_handler_writes_arm64_frame);
    tcase_add_test(tc, test_signal_sigreturn_restores_everything_and_edits);
    tcase_add_test(tc, test_signal_sigreturn_bad_frame_raises_sigsegv);
    tcase_add_test(tc, test_signal_sigreturn_bad_fpsimd_record_raises_sigsegv);
    tcase_add_test_raise_signal(tc, test_signal_blocked_fault_kills, SIGSEGV);
    tcase_add_test(tc, test_signal_sa_restart_decides_restart);
    tcase_add_test(tc, test_signal_host_dispositions_follow_guest);
    tcase_add_test(tc, test_signal_mask_is_mirrored_on_host);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(signal_suite)
