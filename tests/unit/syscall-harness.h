// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * syscall-harness.h: run guest syscalls through syscall_do() in a unit test.
 *
 * A 1 GiB guest space with a read-write scratch area and a read-only page;
 * SYS(nr, args...) loads x8 and x0..x5 of a fake CPU state, dispatches, and
 * returns x0. Guest memory is filled and inspected with uaccess, as a
 * handler would. Each Check test runs in its own process, so the fixture
 * starts every test from a fresh space.
 */
#ifndef UEMU_SYSCALL_HARNESS_H
#define UEMU_SYSCALL_HARNESS_H

#include "unit.h"
#include "linux-user/log.h"
#include "linux-user/mmap.h"
#include "linux-user/module.h"
#include "linux-user/uaccess.h"
#include "syscall/syscall.h"

#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define HARNESS_SPACE   (1ULL << 30)
#define SCRATCH_SIZE    (64 * 1024)
#define GUEST_AT_FDCWD  ((uint64_t)(int64_t)-100)
#define BAD_ADDR        0x3fff0000ULL       /* inside the space, never mapped */

static CPUARMState harness_env;
static GuestAddr scratch;                   /* SCRATCH_SIZE bytes, read-write */
static GuestAddr ro_page;                   /* one page, read-only */

static inline void harness_setup(void)
{
    GError *err = NULL;

    module_call_init(MODULE_INIT_LOG);
    module_call_init(MODULE_INIT_OPTIONS);
    ck_assert_msg(guest_space_init_at(0, HARNESS_SPACE, &err), "%s",
                  err ? err->message : "");
    scratch = (GuestAddr)guest_mmap(0, SCRATCH_SIZE, PROT_READ | PROT_WRITE,
                                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ro_page = (GuestAddr)guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ,
                                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ck_assert((int64_t)scratch > 0 && (int64_t)ro_page > 0);
    ck_assert(!guest_access_ok(BAD_ADDR, 1, 0));
    memset(&harness_env, 0, sizeof(harness_env));
}

static inline void harness_teardown(void)
{
    guest_space_destroy();
}

/* Dispatch one call; it must not be an exit. */
static inline int64_t harness_call(uint64_t nr, const uint64_t a[6])
{
    int status = -1;

    harness_env.xregs[8] = nr;
    memcpy(harness_env.xregs, a, 6 * sizeof(uint64_t));
    ck_assert_int_eq(syscall_do(&harness_env, &status), SYSCALL_CONTINUE);
    return (int64_t)harness_env.xregs[0];
}

#define SYS(nr, ...) harness_call(nr, (const uint64_t[6]){ __VA_ARGS__ })

/* Guest scratch helpers: put bytes or a string at scratch + @off, return its address. */
static inline GuestAddr put(size_t off, const void *data, size_t n)
{
    ck_assert_int_eq(uaccess_write(scratch + off, data, n), 0);
    return scratch + off;
}

static inline GuestAddr put_str(size_t off, const char *s)
{
    return put(off, s, strlen(s) + 1);
}

static inline void get(void *out, GuestAddr a, size_t n)
{
    ck_assert_int_eq(uaccess_read(out, a, n), 0);
}

/* A temporary directory for file tests; harness_rmtree() removes it. */
static inline char *harness_tmpdir(void)
{
    GError *err = NULL;
    char *dir = g_dir_make_tmp("uemu-syscall-XXXXXX", &err);

    ck_assert_msg(dir != NULL, "%s", err ? err->message : "");
    return dir;
}

static inline int harness_rm_one(const char *path, const struct stat *st, int type,
                                 struct FTW *ftw)
{
    return remove(path);
}

static inline void harness_rmtree(const char *dir)
{
    nftw(dir, harness_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

#endif /* UEMU_SYSCALL_HARNESS_H */
