// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-process.c: the process as a whole: exit, ids, uname (and its -r
 * option), resource limits and usage, sysinfo, getrandom, CPU affinity.
 *
 * The guest is this host process, so ids, limits and usage are the host's;
 * what differs is what the guest must see as another machine (uname's
 * "aarch64") and what the guest must not do to the emulator (shrink the
 * address space it reserved, see prlimit below).
 */
#include "syscall.h"
#include "linux-user/module.h"
#include "linux-user/options.h"
#include "linux-user/uaccess.h"

#include <sched.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

/* Identical layouts on both 64-bit ABIs (checked against arm64 in test-conv.c). */
_Static_assert(sizeof(struct utsname) == 390, "struct new_utsname is 6 x 65 bytes");
_Static_assert(sizeof(struct rusage) == 144, "struct rusage differs from arm64's");
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo differs from arm64's");

/* -- exit ------------------------------------------------------------------------ */

/* The cpu loop does the exiting; the status is what wait() would see (8 bits). */
int64_t sys_exit(SyscallCall *c)
{
    c->outcome = SYSCALL_EXIT_THREAD;
    c->exit_status = arg_int(c, 0) & 0xff;
    return 0;
}

int64_t sys_exit_group(SyscallCall *c)
{
    c->outcome = SYSCALL_EXIT_GROUP;
    c->exit_status = arg_int(c, 0) & 0xff;
    return 0;
}

/* -- Ids ---------------------------------------------------------------------------- */

int64_t sys_getpid(SyscallCall *c)  { return getpid(); }
int64_t sys_getppid(SyscallCall *c) { return getppid(); }
int64_t sys_getuid(SyscallCall *c)  { return getuid(); }
int64_t sys_geteuid(SyscallCall *c) { return geteuid(); }
int64_t sys_getgid(SyscallCall *c)  { return getgid(); }
int64_t sys_getegid(SyscallCall *c) { return getegid(); }

/* -- uname and -r --------------------------------------------------------------------- */

static char *uname_release;             /* -r / QEMU_UNAME, or NULL for the host's */

static bool opt_uname(const char *arg, GError **err)
{
    g_free(uname_release);
    uname_release = g_strdup(arg);
    return true;
}

static const UemuOption process_options[] = {
    { "r", "QEMU_UNAME", "uname", opt_uname,
      "set qemu uname release string to 'uname'" },
    { NULL },
};

static void process_register_options(void)
{
    options_register(process_options);
}
module_init(process_register_options, MODULE_INIT_OPTIONS);

int64_t sys_uname(SyscallCall *c)
{
    struct utsname u;

    if (uname(&u) < 0) {
        return -errno;
    }
    g_strlcpy(u.machine, "aarch64", sizeof(u.machine));
    if (uname_release) {
        g_strlcpy(u.release, uname_release, sizeof(u.release));
    }
    return uaccess_write(c->arg[0], &u, sizeof(u)) ? -EFAULT : 0;
}

/* -- Resource limits --------------------------------------------------------------------- */

typedef struct GuestRlimit {
    uint64_t cur, max;                  /* struct rlimit64, the same on both ABIs */
} GuestRlimit;

/*
 * prlimit on ourselves with a new RLIMIT_AS, RLIMIT_DATA or RLIMIT_STACK is
 * not applied to the host: those limits would bound the emulator's own
 * address-space reservation and heap, not the guest's. The call succeeds
 * and reports the old values, as qemu-aarch64 does.
 */
static int64_t do_prlimit(int pid, int resource, GuestAddr new_addr, GuestAddr old_addr)
{
    GuestRlimit nl, ol;
    bool self = pid == 0 || pid == getpid();
    bool keep = self && (resource == RLIMIT_AS || resource == RLIMIT_DATA ||
                         resource == RLIMIT_STACK);

    if (new_addr && uaccess_read(&nl, new_addr, sizeof(nl))) {
        return -EFAULT;
    }
    if (syscall(SYS_prlimit64, pid, resource, new_addr && !keep ? &nl : NULL,
                old_addr ? &ol : NULL) < 0) {
        return -errno;
    }
    if (old_addr && uaccess_write(old_addr, &ol, sizeof(ol))) {
        return -EFAULT;
    }
    return 0;
}

int64_t sys_prlimit64(SyscallCall *c)
{
    return do_prlimit(arg_int(c, 0), arg_int(c, 1), c->arg[2], c->arg[3]);
}

int64_t sys_getrlimit(SyscallCall *c)
{
    return do_prlimit(0, arg_int(c, 0), 0, c->arg[1]);
}

int64_t sys_setrlimit(SyscallCall *c)
{
    return do_prlimit(0, arg_int(c, 0), c->arg[1], 0);
}

/* -- Usage and system information ------------------------------------------------------- */

int64_t sys_getrusage(SyscallCall *c)
{
    struct rusage ru;

    if (getrusage(arg_int(c, 0), &ru) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &ru, sizeof(ru)) ? -EFAULT : 0;
}

int64_t sys_sysinfo(SyscallCall *c)
{
    struct sysinfo si;

    if (sysinfo(&si) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[0], &si, sizeof(si)) ? -EFAULT : 0;
}

int64_t sys_getrandom(SyscallCall *c)
{
    void *buf = uaccess_host_ptr(c->arg[0], c->arg[1], PROT_WRITE);

    if (!buf) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_getrandom, buf, c->arg[1], arg_int(c, 2)));
}

/* -- Scheduling ------------------------------------------------------------------------------- */

/*
 * The kernel copies min(len, its cpumask size) bytes and returns that
 * count; asking the host for at most 8 KiB (65536 CPUs) changes nothing
 * but the size of our bounce buffer. The alignment check must come first,
 * since clamping would hide a bad length.
 */
int64_t sys_sched_getaffinity(SyscallCall *c)
{
    uint8_t mask[8192];
    uint64_t len = c->arg[1];
    long n;

    if (len & (sizeof(long) - 1)) {
        return -EINVAL;
    }
    n = syscall(SYS_sched_getaffinity, arg_int(c, 0), MIN(len, sizeof(mask)), mask);
    if (n < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[2], mask, (size_t)n) ? -EFAULT : n;
}

int64_t sys_sched_yield(SyscallCall *c)
{
    return host_ret(sched_yield());
}
