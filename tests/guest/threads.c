// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * threads.c: guest threads (clone with CLONE_THREAD, linux-user/thread.c).
 *
 * Without arguments: pthread_create/join with atomic increments (exclusives,
 * LSE, and the builtins glibc's outline atomics pick), a mutex and condvar
 * producer/consumer, thread-local storage, pthread_exit values, tgkill to a
 * thread with a handler, a detached thread, 100 threads created and joined
 * in turn, and many threads translating many distinct functions at once.
 * "exit-group": a thread calls exit(3) while the others spin; the process
 * ends with status 3.
 * Every line is printed by the main thread, after joins: output is fixed.
 */
#define _GNU_SOURCE
#include "guest-check.h"

#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NTHREADS    8
#define NITER       20000

/* -- Atomic increments ----------------------------------------------------- */

static uint64_t counter_excl, counter_lse, counter_builtin;
static uint32_t counter_excl32;

static void add_exclusive(uint64_t *p, uint64_t v)
{
    uint64_t old, tmp;
    uint32_t fail;

    __asm__ volatile("1: ldxr %0, [%3]\n"
                     "   add %1, %0, %4\n"
                     "   stxr %w2, %1, [%3]\n"
                     "   cbnz %w2, 1b\n"
                     : "=&r"(old), "=&r"(tmp), "=&r"(fail)
                     : "r"(p), "r"(v) : "memory");
}

static void add_exclusive32(uint32_t *p, uint32_t v)
{
    uint32_t old, tmp, fail;

    __asm__ volatile("1: ldaxr %w0, [%3]\n"
                     "   add %w1, %w0, %w4\n"
                     "   stlxr %w2, %w1, [%3]\n"
                     "   cbnz %w2, 1b\n"
                     : "=&r"(old), "=&r"(tmp), "=&r"(fail)
                     : "r"(p), "r"(v) : "memory");
}

static void add_lse(uint64_t *p, uint64_t v)
{
    uint64_t old;

    __asm__ volatile(".arch_extension lse\n"
                     "ldaddal %1, %0, [%2]\n"
                     : "=r"(old) : "r"(v), "r"(p) : "memory");
}

static void *atomic_worker(void *arg)
{
    for (int i = 0; i < NITER; i++) {
        add_exclusive(&counter_excl, 1);
        add_exclusive32(&counter_excl32, 1);
        add_lse(&counter_lse, 1);
        __atomic_fetch_add(&counter_builtin, 1, __ATOMIC_SEQ_CST);
    }
    return arg;
}

static void test_atomics(void)
{
    pthread_t th[NTHREADS];

    check_section("atomics");
    for (long i = 0; i < NTHREADS; i++)
        CHECK(0, pthread_create(&th[i], NULL, atomic_worker, (void *)i), "create %ld", i);
    for (long i = 0; i < NTHREADS; i++) {
        void *ret;
        CHECK(0, pthread_join(th[i], &ret), "join %ld", i);
        CHECK(i, (long)ret, "return value %ld", i);
    }
    CHECK(NTHREADS * NITER, counter_excl, "ldxr/stxr count");
    CHECK(NTHREADS * NITER, counter_excl32, "ldaxr/stlxr count");
    CHECK(NTHREADS * NITER, counter_lse, "ldaddal count");
    CHECK(NTHREADS * NITER, counter_builtin, "__atomic_fetch_add count");
}

/* -- Mutex and condvar ----------------------------------------------------- */

#define QSIZE   4
#define NITEMS  5000

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static int q_buf[QSIZE], q_head, q_count;

static void *producer(void *arg)
{
    for (int i = 1; i <= NITEMS; i++) {
        pthread_mutex_lock(&q_lock);
        while (q_count == QSIZE)
            pthread_cond_wait(&q_not_full, &q_lock);
        q_buf[(q_head + q_count++) % QSIZE] = i;
        pthread_cond_signal(&q_not_empty);
        pthread_mutex_unlock(&q_lock);
    }
    return arg;
}

static void *consumer(void *arg)
{
    uint64_t *sum = arg, prev = 0, in_order = 1;

    for (int i = 1; i <= NITEMS; i++) {
        int v;
        pthread_mutex_lock(&q_lock);
        while (q_count == 0)
            pthread_cond_wait(&q_not_empty, &q_lock);
        v = q_buf[q_head];
        q_head = (q_head + 1) % QSIZE;
        q_count--;
        pthread_cond_signal(&q_not_full);
        pthread_mutex_unlock(&q_lock);
        in_order &= (uint64_t)v == prev + 1;
        prev = v;
        *sum += v;
    }
    return (void *)in_order;
}

static void test_condvar(void)
{
    pthread_t p, c;
    uint64_t sum = 0;
    void *in_order;

    check_section("condvar");
    CHECK(0, pthread_create(&c, NULL, consumer, &sum), "create consumer");
    CHECK(0, pthread_create(&p, NULL, producer, NULL), "create producer");
    CHECK(0, pthread_join(p, NULL), "join producer");
    CHECK(0, pthread_join(c, &in_order), "join consumer");
    CHECK(1, (uint64_t)in_order, "items in order");
    CHECK((uint64_t)NITEMS * (NITEMS + 1) / 2, sum, "sum of items");
}

/* -- TLS, pthread_exit ----------------------------------------------------- */

static __thread uint64_t tls_value = 42;
static __thread char tls_buf[64];

static void *tls_worker(void *arg)
{
    uint64_t id = (uint64_t)arg, ok = tls_value == 42;

    tls_value = id * 1000;
    snprintf(tls_buf, sizeof(tls_buf), "thread %" PRIu64, id);
    for (int i = 0; i < 1000; i++) {
        sched_yield();
        if (tls_value != id * 1000)
            ok = 0;
    }
    ok &= tls_value == id * 1000;
    {
        char want[64];
        snprintf(want, sizeof(want), "thread %" PRIu64, id);
        ok &= strcmp(want, tls_buf) == 0;
    }
    pthread_exit((void *)(ok ? id + 100 : 0));
}

static void test_tls(void)
{
    pthread_t th[NTHREADS];

    check_section("tls");
    tls_value = 7;
    for (long i = 0; i < NTHREADS; i++)
        CHECK(0, pthread_create(&th[i], NULL, tls_worker, (void *)i), "create %ld", i);
    for (long i = 0; i < NTHREADS; i++) {
        void *ret;
        CHECK(0, pthread_join(th[i], &ret), "join %ld", i);
        CHECK(i + 100, (long)ret, "pthread_exit value %ld", i);
    }
    CHECK(7, tls_value, "main's value untouched");
}

/* -- tgkill to a thread ---------------------------------------------------- */

static volatile pid_t handler_tid;
static volatile sig_atomic_t handled;
static volatile int target_ready;

static void on_usr1(int sig)
{
    (void)sig;
    handler_tid = gettid();
    handled = 1;
}

static void *tgkill_target(void *arg)
{
    sigset_t set;

    /* Created with SIGUSR1 blocked (inherited from main): take it here. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    *(pid_t *)arg = gettid();
    __atomic_store_n(&target_ready, 1, __ATOMIC_SEQ_CST);
    while (!handled)
        sched_yield();
    return NULL;
}

static void test_tgkill(void)
{
    struct sigaction sa = { .sa_handler = on_usr1 };
    sigset_t set;
    pthread_t th;
    pid_t tid = 0;

    check_section("tgkill");
    sigaction(SIGUSR1, &sa, NULL);
    /* Only the target may take it: block it here. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    CHECK(0, pthread_create(&th, NULL, tgkill_target, &tid), "create");
    while (!__atomic_load_n(&target_ready, __ATOMIC_SEQ_CST))
        sched_yield();
    CHECK(0, syscall(SYS_tgkill, getpid(), tid, SIGUSR1), "tgkill");
    CHECK(0, pthread_join(th, NULL), "join");
    CHECK(1, handled, "handler ran");
    CHECK(1, handler_tid == tid, "on the target thread");
    CHECK(1, tid != gettid(), "a thread of its own");
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/* -- Detached thread, many threads in turn --------------------------------- */

static sem_t detached_done;
static volatile uint64_t detached_value;

static void *detached_worker(void *arg)
{
    detached_value = (uint64_t)arg;
    sem_post(&detached_done);
    return NULL;
}

static void *nop_worker(void *arg)
{
    return (void *)((uint64_t)arg * 3);
}

static void test_lifecycle(void)
{
    pthread_attr_t attr;
    pthread_t th;
    uint64_t ok = 1;

    check_section("lifecycle");
    sem_init(&detached_done, 0, 0);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    CHECK(0, pthread_create(&th, &attr, detached_worker, (void *)55), "create detached");
    pthread_attr_destroy(&attr);
    while (sem_wait(&detached_done) < 0) {
    }
    CHECK(55, detached_value, "detached thread ran");

    for (uint64_t i = 0; i < 100; i++) {
        void *ret;
        if (pthread_create(&th, NULL, nop_worker, (void *)i) != 0 ||
            pthread_join(th, &ret) != 0 || (uint64_t)ret != i * 3)
            ok = 0;
    }
    CHECK(1, ok, "100 threads created and joined in turn");
}

/* -- Concurrent translation of many functions ------------------------------ */

#define F(n) \
    __attribute__((noinline)) static uint64_t fn##n(uint64_t x) \
    { return (x ^ (n * 0x9e3779b9ULL)) * (2 * n + 1) + (x >> (n % 13)); }
#define F8(n) F(n##0) F(n##1) F(n##2) F(n##3) F(n##4) F(n##5) F(n##6) F(n##7)
F8(1) F8(2) F8(3) F8(4) F8(5) F8(6) F8(7) F8(8)
#define P(n) fn##n,
#define P8(n) P(n##0) P(n##1) P(n##2) P(n##3) P(n##4) P(n##5) P(n##6) P(n##7)
static uint64_t (*const fns[])(uint64_t) = { P8(1) P8(2) P8(3) P8(4) P8(5) P8(6) P8(7) P8(8) };

static uint64_t run_fns(uint64_t seed, unsigned start)
{
    uint64_t x = seed;

    for (unsigned round = 0; round < 20; round++)
        for (unsigned i = 0; i < ARRAY_LEN(fns); i++)
            x = fns[(i + start) % ARRAY_LEN(fns)](x);
    return x;
}

static void *translate_worker(void *arg)
{
    uint64_t id = (uint64_t)arg;

    return (void *)run_fns(id, (unsigned)(id * 7));
}

static void test_translation(void)
{
    pthread_t th[NTHREADS];

    check_section("translation");
    for (long i = 0; i < NTHREADS; i++)
        CHECK(0, pthread_create(&th[i], NULL, translate_worker, (void *)i), "create %ld", i);
    for (long i = 0; i < NTHREADS; i++) {
        void *ret;
        CHECK(0, pthread_join(th[i], &ret), "join %ld", i);
        CHECK(run_fns(i, (unsigned)(i * 7)), (uint64_t)ret, "thread %ld's result", i);
    }
}

/* -- exit_group from a thread while others run ----------------------------- */

static void *spinner(void *arg)
{
    volatile uint64_t n = 0;

    for (;;)
        n++;
    return arg;
}

static void *exiter(void *arg)
{
    usleep(20000);
    printf("exit-group: leaving with status 3\n");
    fflush(stdout);
    exit(3);
    return arg;
}

static int mode_exit_group(void)
{
    pthread_t th;

    for (int i = 0; i < 3; i++)
        pthread_create(&th, NULL, spinner, NULL);
    pthread_create(&th, NULL, exiter, NULL);
    pthread_join(th, NULL);
    printf("exit-group: not reached\n");
    return 1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "exit-group"))
        return mode_exit_group();
    test_atomics();
    test_condvar();
    test_tls();
    test_tgkill();
    test_lifecycle();
    test_translation();
    return check_exit();
}
