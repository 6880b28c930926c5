// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * signals.c: signal delivery to guest handlers, as arm64 Linux does it.
 *
 * Sections: synchronous faults (SIGSEGV with si_addr/si_code, left by
 * siglongjmp; SIGILL resumed by moving uc_mcontext.pc), signals sent to
 * ourselves (raise, kill, sigqueue) and their siginfo, the alternate
 * stack, SA_RESETHAND, SA_NODEFER, nesting and handler masks, blocking
 * and unblocking, SIGALRM interrupting a blocking read (EINTR without
 * SA_RESTART, restarted with it), SIGPIPE ignored, sigsuspend,
 * sigtimedwait, registers and FP/SIMD state kept across a handler, a
 * handler editing the interrupted registers, a corrupted frame.
 *
 * With the argument "sigchld" it forks a child and checks the SIGCHLD it
 * gets (an argument of its own, because under a plugin the child prints a
 * plugin summary too, which the plugin runners do not expect). With
 * "sigterm" it sends itself SIGTERM with the default action and must die
 * of it (the runner expects status -15).
 */
#define _GNU_SOURCE
/* Handlers have the SA_SIGINFO signature whether they use it or not. */
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "guest-check.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/ucontext.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t hits, last_sig, depth, max_depth;
static volatile int order[8], norder;
static siginfo_t last_info;
static sigjmp_buf jump_back;

static void set_action(int sig, void (*fn)(int, siginfo_t *, void *), int flags,
                       const sigset_t *mask)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    if (mask)
        sa.sa_mask = *mask;
    else
        sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void set_default(int sig)
{
    signal(sig, SIG_DFL);
}

/* Records the signal and its siginfo. */
static void record(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    hits++;
    last_sig = sig;
    last_info = *si;
}

/* -- Synchronous faults ------------------------------------------------- */

static void segv_jump(int sig, siginfo_t *si, void *uc)
{
    record(sig, si, uc);
    siglongjmp(jump_back, 1);
}

static void ill_skip(int sig, siginfo_t *si, void *uc)
{
    ucontext_t *u = uc;

    record(sig, si, uc);
    CHECK((uintptr_t)si->si_addr, u->uc_mcontext.pc, "SIGILL si_addr is the pc");
    u->uc_mcontext.pc += 4;
}

static const int read_only_word = 7;
static volatile uintptr_t unmapped = 16;

static void test_faults(void)
{
    volatile int reached = 0;

    check_section("faults");
    set_action(SIGSEGV, segv_jump, 0, NULL);
    hits = 0;
    if (sigsetjmp(jump_back, 1) == 0) {
        reached = *(volatile int *)unmapped;
        reached = 1;
    }
    CHECK(0, reached, "load after the fault not reached");
    CHECK(1, hits, "SIGSEGV handler ran");
    CHECK(SIGSEGV, last_info.si_signo, "si_signo");
    CHECK(SEGV_MAPERR, last_info.si_code, "si_code unmapped");
    CHECK(16, (uintptr_t)last_info.si_addr, "si_addr unmapped");

    if (sigsetjmp(jump_back, 1) == 0)
        *(volatile int *)&read_only_word = 1;
    CHECK(2, hits, "SIGSEGV handler ran again (siglongjmp restored the mask)");
    CHECK(SEGV_ACCERR, last_info.si_code, "si_code read-only");
    CHECK((uintptr_t)&read_only_word, (uintptr_t)last_info.si_addr,
          "si_addr read-only");
    set_default(SIGSEGV);

    set_action(SIGILL, ill_skip, 0, NULL);
    hits = 0;
    __asm__ volatile(".inst 0x00000000");       /* udf #0 */
    CHECK(1, hits, "SIGILL handler ran and the program went on");
    /* Linux says ILL_ILLOPC; qemu-aarch64 7.2 says ILL_ILLOPN. */
    CHECK(1, last_info.si_code == ILL_ILLOPC || last_info.si_code == ILL_ILLOPN,
          "SIGILL si_code");
    set_default(SIGILL);
}

/* -- Sending to ourselves ----------------------------------------------------- */

static void test_send(void)
{
    union sigval v = { .sival_int = 42 };

    check_section("send");
    set_action(SIGUSR1, record, 0, NULL);
    hits = 0;
    raise(SIGUSR1);
    CHECK(1, hits, "raise delivered before it returns");
    CHECK(SIGUSR1, last_info.si_signo, "raise si_signo");
    CHECK(SI_TKILL, last_info.si_code, "raise si_code");
    CHECK(getpid(), last_info.si_pid, "raise si_pid");
    CHECK(getuid(), last_info.si_uid, "raise si_uid");

    kill(getpid(), SIGUSR1);
    CHECK(2, hits, "kill delivered");
    CHECK(SI_USER, last_info.si_code, "kill si_code");

    set_action(SIGRTMIN + 1, record, 0, NULL);
    sigqueue(getpid(), SIGRTMIN + 1, v);
    CHECK(3, hits, "sigqueue delivered");
    CHECK(SIGRTMIN + 1, last_info.si_signo, "sigqueue si_signo");
    CHECK(SI_QUEUE, last_info.si_code, "sigqueue si_code");
    CHECK(42, last_info.si_value.sival_int, "sigqueue si_value");
    set_default(SIGUSR1);
    set_default(SIGRTMIN + 1);
}

/* -- The alternate stack ------------------------------------------------------ */

static char alt_stack[64 * 1024] __attribute__((aligned(16)));
static volatile uintptr_t handler_sp;
static volatile int handler_ss_flags;

static void on_alt(int sig, siginfo_t *si, void *uc)
{
    stack_t ss;
    int local;

    record(sig, si, uc);
    handler_sp = (uintptr_t)&local;
    sigaltstack(NULL, &ss);
    handler_ss_flags = ss.ss_flags;
}

static void test_altstack(void)
{
    stack_t ss = { .ss_sp = alt_stack, .ss_size = sizeof(alt_stack), .ss_flags = 0 };
    stack_t old;
    uintptr_t lo = (uintptr_t)alt_stack, hi = lo + sizeof(alt_stack);

    check_section("altstack");
    CHECK(0, sigaltstack(&ss, NULL), "sigaltstack set");
    set_action(SIGUSR2, on_alt, SA_ONSTACK, NULL);
    hits = 0;
    raise(SIGUSR2);
    CHECK(1, hits, "handler ran");
    CHECK(1, handler_sp > lo && handler_sp < hi, "handler ran on the alternate stack");
    CHECK(SS_ONSTACK, handler_ss_flags, "sigaltstack in the handler says SS_ONSTACK");
    sigaltstack(NULL, &old);
    CHECK(0, old.ss_flags, "after the handler: not on it");
    CHECK(sizeof(alt_stack), old.ss_size, "size kept");

    set_action(SIGUSR2, on_alt, 0, NULL);
    raise(SIGUSR2);
    CHECK(1, handler_sp < lo || handler_sp >= hi, "without SA_ONSTACK: normal stack");

    ss.ss_flags = SS_DISABLE;
    CHECK(0, sigaltstack(&ss, NULL), "sigaltstack disable");
    sigaltstack(NULL, &old);
    CHECK(SS_DISABLE, old.ss_flags, "disabled");
    set_default(SIGUSR2);
}

/* -- SA_RESETHAND, SA_NODEFER, nesting, masks --------------------------------------- */

static volatile int blocked_in_handler;

static void note_mask(int sig, siginfo_t *si, void *uc)
{
    sigset_t cur;

    record(sig, si, uc);
    sigprocmask(SIG_SETMASK, NULL, &cur);
    blocked_in_handler = sigismember(&cur, SIGUSR1) * 1 +
                         sigismember(&cur, SIGUSR2) * 2 +
                         sigismember(&cur, SIGHUP) * 4;
}

static void nest_outer(int sig, siginfo_t *si, void *uc)
{
    order[norder++] = sig;
    raise(SIGUSR2);                 /* blocked by sa_mask: runs after us */
    order[norder++] = -sig;
}

static void nest_inner(int sig, siginfo_t *si, void *uc)
{
    order[norder++] = sig;
}

/* Raises its own signal until it has run three times. */
static void reenter(int sig, siginfo_t *si, void *uc)
{
    hits++;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (hits < 3)
        raise(sig);
    depth--;
}

static void test_masks(void)
{
    struct sigaction sa;
    sigset_t mask;

    check_section("masks");
    set_action(SIGHUP, record, SA_RESETHAND, NULL);
    hits = 0;
    raise(SIGHUP);
    CHECK(1, hits, "SA_RESETHAND handler ran");
    sigaction(SIGHUP, NULL, &sa);
    CHECK((uintptr_t)SIG_DFL, (uintptr_t)sa.sa_handler, "SA_RESETHAND reset the action");

    sigemptyset(&mask);
    sigaddset(&mask, SIGHUP);
    set_action(SIGUSR1, note_mask, 0, &mask);
    raise(SIGUSR1);
    CHECK(1 + 4, blocked_in_handler, "the signal and sa_mask blocked in the handler");
    sigprocmask(SIG_SETMASK, NULL, &mask);
    CHECK(0, sigismember(&mask, SIGUSR1) + sigismember(&mask, SIGHUP),
          "mask restored by sigreturn");
    set_action(SIGUSR1, note_mask, SA_NODEFER, NULL);
    raise(SIGUSR1);
    CHECK(0, blocked_in_handler, "SA_NODEFER: not blocked in its handler");

    set_action(SIGUSR1, reenter, SA_NODEFER, NULL);
    hits = depth = max_depth = 0;
    raise(SIGUSR1);
    CHECK(3, max_depth, "SA_NODEFER handler nests");
    set_action(SIGUSR1, reenter, 0, NULL);
    hits = depth = max_depth = 0;
    raise(SIGUSR1);
    CHECK(1, max_depth, "without SA_NODEFER the raise waits");
    CHECK(3, hits, "and runs after the handler returns");

    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    set_action(SIGUSR1, nest_outer, 0, &mask);
    set_action(SIGUSR2, nest_inner, 0, NULL);
    norder = 0;
    raise(SIGUSR1);
    CHECK(3, norder, "three steps");
    CHECK(SIGUSR1, order[0], "outer first");
    CHECK(-SIGUSR1, order[1], "outer ends before the blocked one");
    CHECK(SIGUSR2, order[2], "then the inner one");

    /* Blocked: stays pending; unblocking delivers before sigprocmask returns. */
    set_action(SIGUSR1, record, 0, NULL);
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    hits = 0;
    raise(SIGUSR1);
    CHECK(0, hits, "blocked: not delivered");
    sigpending(&mask);
    CHECK(1, sigismember(&mask, SIGUSR1), "sigpending shows it");
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    CHECK(1, hits, "unblocking delivered it");
    sigpending(&mask);
    CHECK(0, sigismember(&mask, SIGUSR1), "no longer pending");

    /* Real-time signals queue: three sent while blocked, three delivered. */
    set_action(SIGRTMIN + 2, record, 0, NULL);
    sigemptyset(&mask);
    sigaddset(&mask, SIGRTMIN + 2);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    hits = 0;
    for (int i = 0; i < 3; i++)
        sigqueue(getpid(), SIGRTMIN + 2, (union sigval){ .sival_int = i });
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    CHECK(3, hits, "rt signals queue");
    CHECK(2, last_info.si_value.sival_int, "in order");
    set_default(SIGUSR1);
    set_default(SIGUSR2);
    set_default(SIGRTMIN + 2);
}

/* -- Interrupted syscalls ------------------------------------------------------ */

static int pipe_fds[2];

static void alarm_write(int sig, siginfo_t *si, void *uc)
{
    record(sig, si, uc);
    if (write(pipe_fds[1], "x", 1) != 1)
        hits += 100;
}

static void arm_timer_ms(int ms)
{
    struct itimerval it = { { 0, 0 }, { 0, ms * 1000 } };

    setitimer(ITIMER_REAL, &it, NULL);
}

static void test_eintr(void)
{
    char c;
    ssize_t r;
    int e;

    check_section("eintr");
    if (pipe(pipe_fds))
        CHECK(0, errno, "pipe");

    /* alarm(), no SA_RESTART: the read fails with EINTR. */
    set_action(SIGALRM, record, 0, NULL);
    hits = 0;
    alarm(1);
    r = read(pipe_fds[0], &c, 1);
    e = errno;
    CHECK(-1, r, "read interrupted");
    CHECK(EINTR, e, "EINTR");
    CHECK(1, hits, "SIGALRM handler ran");

    /* SA_RESTART: the read restarts and gets the byte the handler wrote. */
    set_action(SIGALRM, alarm_write, SA_RESTART, NULL);
    hits = 0;
    arm_timer_ms(50);
    r = read(pipe_fds[0], &c, 1);
    CHECK(1, r, "read restarted and got a byte");
    CHECK('x', c, "the byte");
    CHECK(1, hits, "handler ran once");

    /* Without SA_RESTART, the byte the handler wrote is still there. */
    set_action(SIGALRM, alarm_write, 0, NULL);
    hits = 0;
    arm_timer_ms(50);
    r = read(pipe_fds[0], &c, 1);
    e = errno;
    CHECK(-1, r, "read not restarted");
    CHECK(EINTR, e, "EINTR again");
    CHECK(1, read(pipe_fds[0], &c, 1), "the byte waits");

    /* nanosleep is never restarted, even with SA_RESTART. */
    set_action(SIGALRM, record, SA_RESTART, NULL);
    arm_timer_ms(50);
    struct timespec ts = { 5, 0 }, rem;
    r = nanosleep(&ts, &rem);
    e = errno;
    CHECK(-1, r, "nanosleep interrupted");
    CHECK(EINTR, e, "nanosleep EINTR");
    CHECK(1, rem.tv_sec >= 3, "nanosleep remaining time");
    set_default(SIGALRM);
    close(pipe_fds[0]);
    close(pipe_fds[1]);

    /* SIGPIPE ignored: the write fails with EPIPE and we live. */
    check_section("sigpipe");
    signal(SIGPIPE, SIG_IGN);
    if (pipe(pipe_fds))
        CHECK(0, errno, "pipe");
    close(pipe_fds[0]);
    r = write(pipe_fds[1], "x", 1);
    e = errno;
    CHECK(-1, r, "write to a closed pipe fails");
    CHECK(EPIPE, e, "EPIPE");
    close(pipe_fds[1]);
    set_default(SIGPIPE);
}

/* -- sigsuspend, sigtimedwait -------------------------------------------------------- */

static void test_wait(void)
{
    sigset_t block, empty, cur;
    siginfo_t si;
    struct timespec ts = { 0, 10 * 1000 * 1000 };
    int r, e;

    check_section("wait");
    set_action(SIGUSR1, record, 0, NULL);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    hits = 0;
    raise(SIGUSR1);
    sigemptyset(&empty);
    r = sigsuspend(&empty);
    e = errno;
    CHECK(-1, r, "sigsuspend returns -1");
    CHECK(EINTR, e, "EINTR");
    CHECK(1, hits, "the pending signal was delivered");
    sigprocmask(SIG_SETMASK, NULL, &cur);
    CHECK(1, sigismember(&cur, SIGUSR1), "mask from before sigsuspend is back");

    /* The same with the signal coming from a timer while we wait. */
    set_action(SIGALRM, record, 0, NULL);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, NULL);
    arm_timer_ms(20);
    hits = 0;
    sigsuspend(&empty);
    CHECK(1, hits, "SIGALRM ended sigsuspend");
    CHECK(SIGALRM, last_sig, "it was SIGALRM");

    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR2);
    r = sigtimedwait(&block, &si, &ts);
    CHECK(SIGUSR2, r, "sigtimedwait takes the pending signal");
    CHECK(SIGUSR2, si.si_signo, "its siginfo");
    CHECK(1, si.si_code <= 0, "its si_code says a process sent it");
    r = sigtimedwait(&block, &si, &ts);
    e = errno;
    CHECK(-1, r, "nothing pending: times out");
    CHECK(EAGAIN, e, "EAGAIN");
    CHECK(0, hits - 1, "no handler ran for it");

    sigemptyset(&block);
    sigprocmask(SIG_SETMASK, &block, NULL);
    set_default(SIGUSR1);
    set_default(SIGALRM);
}

/* -- Registers across a handler ------------------------------------------------------ */

/* Clobbers every FP/SIMD register, the callee-saved ones and FPCR/NZCV. */
static void clobber(int sig, siginfo_t *si, void *uc)
{
    hits++;
    __asm__ volatile(
        "movi v0.16b, #0xee\n"
        "mov v1.16b, v0.16b\n mov v2.16b, v0.16b\n mov v3.16b, v0.16b\n"
        "mov v8.16b, v0.16b\n mov v9.16b, v0.16b\n mov v15.16b, v0.16b\n"
        "mov v16.16b, v0.16b\n mov v31.16b, v0.16b\n"
        "mov x9, #0x00c00000\n msr fpcr, x9\n"
        "cmp xzr, xzr\n"
        ::: "v0", "v1", "v2", "v3", "v8", "v9", "v15", "v16", "v31", "x9",
            "cc", "memory");
}

/* Sends SIGUSR1 with a raw kill between setting and reading registers. */
static void test_registers(void)
{
    uint64_t out[12];
    uint64_t pid = getpid();

    check_section("registers");
    set_action(SIGUSR1, clobber, 0, NULL);
    hits = 0;
    __asm__ volatile(
        "mov x9, #0x1111\n dup v0.2d, x9\n"
        "mov x9, #0x2222\n dup v1.2d, x9\n"
        "mov x9, #0x8888\n dup v8.2d, x9\n"
        "mov x9, #0xffff\n dup v31.2d, x9\n"
        "mov x9, #0x00400000\n msr fpcr, x9\n"     /* round towards +inf */
        "mov x9, #0x30000000\n msr nzcv, x9\n"     /* C and V */
        "mov x19, #0x1919\n mov x28, #0x2828\n"
        "mov x0, %[pid]\n mov x1, #10\n mov x8, #129\n svc #0\n"
        "mov x10, v0.d[0]\n str x10, [%[out], #0]\n"
        "mov x10, v0.d[1]\n str x10, [%[out], #8]\n"
        "mov x10, v1.d[0]\n str x10, [%[out], #16]\n"
        "mov x10, v8.d[1]\n str x10, [%[out], #24]\n"
        "mov x10, v31.d[0]\n str x10, [%[out], #32]\n"
        "mrs x10, fpcr\n str x10, [%[out], #40]\n"
        "mrs x10, nzcv\n str x10, [%[out], #48]\n"
        "str x19, [%[out], #56]\n str x28, [%[out], #64]\n"
        "str x0, [%[out], #72]\n"
        "mov x9, #0\n msr fpcr, x9\n"
        : : [pid] "r"(pid), [out] "r"(out)
        : "x0", "x1", "x8", "x9", "x10", "x19", "x28", "v0", "v1", "v8",
          "v31", "cc", "memory");
    CHECK(1, hits, "handler ran");
    CHECK(0x1111, out[0], "v0 low");
    CHECK(0x1111, out[1], "v0 high");
    CHECK(0x2222, out[2], "v1");
    CHECK(0x8888, out[3], "v8");
    CHECK(0xffff, out[4], "v31");
    CHECK(0x00400000, out[5], "fpcr");
    CHECK(0x30000000, out[6], "nzcv");
    CHECK(0x1919, out[7], "x19");
    CHECK(0x2828, out[8], "x28");
    CHECK(0, out[9], "x0 = kill's result");
    set_default(SIGUSR1);
}

/* A handler that changes the interrupted registers through its ucontext. */
static void edit_regs(int sig, siginfo_t *si, void *uc)
{
    ucontext_t *u = uc;

    hits++;
    u->uc_mcontext.regs[0] = 77;
    u->uc_mcontext.regs[19] = 0xabcd;
}

/* Corrupts the fpsimd record: rt_sigreturn must refuse the frame. */
static void corrupt_frame(int sig, siginfo_t *si, void *uc)
{
    ucontext_t *u = uc;

    hits++;
    *(uint32_t *)u->uc_mcontext.__reserved = 0x12345678;
}

static void test_ucontext(void)
{
    uint64_t x0, x19;
    uint64_t pid = getpid();

    check_section("ucontext");
    set_action(SIGUSR2, edit_regs, 0, NULL);
    hits = 0;
    __asm__ volatile(
        "mov x19, #1\n mov x0, %[pid]\n mov x1, #12\n mov x8, #129\n svc #0\n"
        "mov %[x0], x0\n mov %[x19], x19\n"
        : [x0] "=r"(x0), [x19] "=r"(x19) : [pid] "r"(pid)
        : "x0", "x1", "x8", "x19", "memory");
    CHECK(1, hits, "handler ran");
    CHECK(77, x0, "x0 from the edited frame");
    CHECK(0xabcd, x19, "x19 from the edited frame");

    /* A bad frame on sigreturn is a SIGSEGV. */
    set_action(SIGUSR2, corrupt_frame, 0, NULL);
    set_action(SIGSEGV, segv_jump, 0, NULL);
    hits = 0;
    if (sigsetjmp(jump_back, 1) == 0) {
        raise(SIGUSR2);
        hits += 100;
    }
    CHECK(2, hits, "the bad frame raised SIGSEGV");
    CHECK(SIGSEGV, last_sig, "SIGSEGV");
    set_default(SIGSEGV);
    set_default(SIGUSR2);
}

/* -- SIGCHLD --------------------------------------------------------------------- */

static void test_sigchld(void)
{
    sigset_t block, empty;
    int status = 0;
    pid_t child;

    check_section("sigchld");
    set_action(SIGCHLD, record, 0, NULL);
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, NULL);
    hits = 0;
    child = fork();
    if (child == 0)
        _exit(3);
    sigemptyset(&empty);
    while (!hits)
        sigsuspend(&empty);
    CHECK(1, hits, "SIGCHLD handler ran");
    CHECK(SIGCHLD, last_info.si_signo, "si_signo");
    CHECK(CLD_EXITED, last_info.si_code, "si_code");
    CHECK(child, last_info.si_pid, "si_pid");
    CHECK(3, last_info.si_status, "si_status");
    CHECK(child, waitpid(child, &status, 0), "waitpid");
    CHECK(3, WEXITSTATUS(status), "exit status");
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    set_default(SIGCHLD);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "sigchld")) {
        test_sigchld();
        return check_exit();
    }
    if (argc > 1 && !strcmp(argv[1], "sigterm")) {
        fflush(stdout);
        kill(getpid(), SIGTERM);
        for (;;)
            ;                           /* dies at the next block boundary */
    }
    test_faults();
    test_send();
    test_altstack();
    test_masks();
    test_eintr();
    test_wait();
    test_registers();
    test_ucontext();
    return check_exit();
}
