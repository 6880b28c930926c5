// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-process.c: the process as a whole: fork and threads (clone,
 * clone3), execve, wait4/waitid, exit, ids and groups, sessions, uname (and
 * its -r option), prctl, capabilities, resource limits and usage, times,
 * sysinfo, getrandom, scheduling and priorities, and the pidfd calls.
 *
 * The guest is this host process, so ids, limits and usage are the host's;
 * what differs is what the guest must see as another machine (uname's
 * "aarch64") and what the guest must not do to the emulator (shrink the
 * address space it reserved, see prlimit below; install a seccomp filter
 * that would judge the emulator's own system calls).
 *
 * A guest fork is a host fork: the child is a copy of the emulator with the
 * guest in it, and goes on from the clone with x0 = 0. vfork and glibc's
 * posix_spawn (CLONE_VM | CLONE_VFORK) are a host fork too, with the vfork
 * promise kept: the parent resumes once the child has exec'd or exited.
 * What the child writes to memory it shares with its parent under a real
 * vfork (posix_spawn's error word) stays in the child, as under
 * qemu-aarch64. A guest thread (CLONE_THREAD) is a host thread with its own
 * vCPU: linux-user/thread.c, which also says which flag sets it honours.
 * CLONE_VM without CLONE_VFORK or CLONE_THREAD (a process sharing its
 * parent's memory) cannot be a host fork and answers -ENOSYS.
 *
 * execve is linux-user/exec.c's: it re-executes arm-uemu on an AArch64
 * program. Every struct here (rusage, siginfo for waitid, tms, sysinfo,
 * utsname, rlimit64, sched_param, the capability header and data) has the
 * same layout on arm64 and x86-64 (checked against the arm64 headers in
 * tests/unit/test-conv.c and the asserts below).
 */
#include "syscall.h"
#include "linux-user/exec.h"
#include "linux-user/module.h"
#include "linux-user/options.h"
#include "linux-user/procfs.h"
#include "linux-user/thread.h"
#include "linux-user/uaccess.h"
#include "plugin-api/plugin.h"

#include <fcntl.h>
#include <inttypes.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* Identical layouts on both 64-bit ABIs (checked against arm64 in test-conv.c). */
_Static_assert(sizeof(struct utsname) == 390, "struct new_utsname is 6 x 65 bytes");
_Static_assert(sizeof(struct rusage) == 144, "struct rusage differs from arm64's");
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo differs from arm64's");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t differs from arm64's");
_Static_assert(sizeof(struct tms) == 32, "struct tms differs from arm64's");
_Static_assert(sizeof(struct __user_cap_header_struct) == 8 &&
               sizeof(struct __user_cap_data_struct) == 12,
               "the capability structs differ from arm64's");

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

/* -- fork: clone and clone3 ------------------------------------------------------------ */

/* What clone and clone3 ask for, once decoded. */
typedef struct CloneRequest {
    uint64_t flags;                 /* CLONE_*, without the exit signal */
    int exit_signal;
    GuestAddr stack;                /* the child's new sp, or 0 */
    GuestAddr tls;                  /* CLONE_SETTLS: the child's TPIDR_EL0 */
    GuestAddr parent_tid;           /* CLONE_PARENT_SETTID */
    GuestAddr child_tid;            /* CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID */
    GuestAddr pidfd;                /* CLONE_PIDFD: where the parent gets the fd */
} CloneRequest;

/* The flags we act on ourselves; the host fork sees none of them. */
#define CLONE_OURS  (CLONE_VM | CLONE_VFORK | CLONE_SETTLS | CLONE_PARENT_SETTID | \
                     CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PIDFD | \
                     CLONE_DETACHED)
/* The flags a host fork can take as they are (sharing, namespaces, tracing). */
#define CLONE_HOST  (CLONE_FS | CLONE_FILES | CLONE_PTRACE | CLONE_PARENT | \
                     CLONE_NEWNS | CLONE_SYSVSEM | CLONE_UNTRACED | CLONE_NEWCGROUP | \
                     CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | \
                     CLONE_NEWNET | CLONE_IO)

/*
 * In the child of a vfork: the write end of a close-on-exec pipe whose
 * read end the parent waits on. It closes, and so wakes the parent, when
 * the child execs (the host execve closes it) or exits.
 */
static int vfork_notify_fd = -1;

/* Move a descriptor of ours above the guest's usual ones. */
static int fd_move_high(int fd)
{
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 512);

    if (high < 0) {
        return fd;
    }
    close(fd);
    return high;
}

static void clone_in_child(SyscallCall *c, const CloneRequest *r, int notify_fd)
{
    CPUARMState *env = c->env;

    plugin_fork_child();
    thread_fork_child(cpu_thread_self);
    if (vfork_notify_fd >= 0) {
        close(vfork_notify_fd);         /* our parent waits for us, not for our child */
    }
    vfork_notify_fd = notify_fd;
    if (r->stack) {
        env->xregs[ARM_REG_SP] = r->stack;
    }
    if (r->flags & CLONE_SETTLS) {
        env->tpidr_el0 = r->tls;
    }
    if (r->flags & CLONE_CHILD_SETTID) {
        uint32_t tid = gettid();

        uaccess_write(r->child_tid, &tid, sizeof(tid));  /* the kernel ignores a fault */
    }
    if (r->flags & CLONE_CHILD_CLEARTID) {
        SyscallCall set = { .env = env, .arg = { r->child_tid } };

        sys_set_tid_address(&set);
    }
}

static int64_t do_fork(SyscallCall *c, const CloneRequest *r)
{
    uint64_t host_flags = r->flags & CLONE_HOST;
    int notify[2] = { -1, -1 };
    int host_pidfd = -1;
    pid_t pid;

    if ((r->flags & CLONE_THREAD) && !(r->flags & CLONE_SIGHAND)) {
        return -EINVAL;
    }
    if ((r->flags & CLONE_SIGHAND) && !(r->flags & CLONE_VM)) {
        return -EINVAL;
    }
    if (r->flags & CLONE_THREAD) {
        ThreadCloneArgs a = {
            .flags = r->flags, .stack = r->stack, .tls = r->tls,
            .parent_tid = r->parent_tid, .child_tid = r->child_tid,
        };
        return thread_clone(c->env, &a);
    }
    if ((r->flags & CLONE_VM) && !(r->flags & CLONE_VFORK)) {
        syscall_log_unimp("clone with CLONE_VM and without CLONE_VFORK: "
                          "processes sharing memory are not supported yet");
        return -ENOSYS;
    }
    if (r->flags & ~(uint64_t)(CLONE_OURS | CLONE_HOST)) {
        syscall_log_unimp("Unsupported clone flags: 0x%" PRIx64,
                          r->flags & ~(uint64_t)(CLONE_OURS | CLONE_HOST));
        return -EINVAL;
    }
    if (r->flags & CLONE_VFORK) {
        if (pipe2(notify, O_CLOEXEC) < 0) {
            return -errno;
        }
        notify[0] = fd_move_high(notify[0]);
        notify[1] = fd_move_high(notify[1]);
    }
    if (r->flags & CLONE_PIDFD) {
        host_flags |= CLONE_PIDFD;
    }

    fflush(NULL);                       /* nothing buffered is written twice */
    thread_fork_prepare();              /* no other guest thread holds a lock */
    if (host_flags == 0 && r->exit_signal == SIGCHLD) {
        pid = fork();
    } else {
        /* Another exit signal, or flags fork() cannot give: the raw call,
         * with no new stack, returns in the child like fork. */
        pid = syscall(SYS_clone, host_flags | (uint64_t)r->exit_signal, NULL,
                      &host_pidfd, NULL, 0UL);
    }
    if (pid < 0) {
        int e = errno;

        thread_fork_done();
        if (notify[0] >= 0) {
            close(notify[0]);
            close(notify[1]);
        }
        return -e;
    }
    thread_fork_done();
    if (pid == 0) {
        if (notify[0] >= 0) {
            close(notify[0]);
        }
        clone_in_child(c, r, notify[1]);
        return 0;
    }

    if (r->flags & CLONE_PARENT_SETTID) {
        uint32_t tid = pid;

        uaccess_write(r->parent_tid, &tid, sizeof(tid));
    }
    if (r->flags & CLONE_PIDFD) {
        uaccess_write(r->pidfd, &host_pidfd, sizeof(host_pidfd));
    }
    if (notify[0] >= 0) {
        char byte;

        close(notify[1]);
        while (read(notify[0], &byte, 1) < 0 && errno == EINTR) {
        }
        close(notify[0]);
    }
    return pid;
}

/* arm64 has CLONE_BACKWARDS: clone(flags, stack, parent_tid, tls, child_tid). */
int64_t sys_clone(SyscallCall *c)
{
    CloneRequest r = {
        .flags = c->arg[0] & ~(uint64_t)CSIGNAL & 0xffffffffu,
        .exit_signal = c->arg[0] & CSIGNAL,
        .stack = c->arg[1],
        .parent_tid = c->arg[2],
        .tls = c->arg[3],
        .child_tid = c->arg[4],
        .pidfd = c->arg[2],
    };

    if ((r.flags & CLONE_PIDFD) && (r.flags & CLONE_PARENT_SETTID)) {
        return -EINVAL;             /* both would use parent_tid */
    }
    return do_fork(c, &r);
}

/* struct clone_args (linux/sched.h): eleven u64s, the same on every ABI. */
typedef struct GuestCloneArgs {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
    uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
} GuestCloneArgs;

#define CLONE_ARGS_SIZE_VER0    64      /* up to tls */

int64_t sys_clone3(SyscallCall *c)
{
    GuestCloneArgs a = { 0 };
    uint64_t size = c->arg[1];
    CloneRequest r;

    if (size < CLONE_ARGS_SIZE_VER0) {
        return -EINVAL;
    }
    if (size > 4096) {
        return -E2BIG;
    }
    if (uaccess_read(&a, c->arg[0], MIN(size, sizeof(a)))) {
        return -EFAULT;
    }
    for (uint64_t off = sizeof(a); off < size; off++) {
        uint8_t b;

        if (uaccess_read(&b, c->arg[0] + off, 1)) {
            return -EFAULT;
        }
        if (b) {
            return -E2BIG;          /* a newer struct asking for more than we know */
        }
    }
    if ((a.exit_signal & ~(uint64_t)CSIGNAL) || (a.flags & (CSIGNAL | CLONE_DETACHED)) ||
        (a.stack && !a.stack_size) || (!a.stack && a.stack_size)) {
        return -EINVAL;
    }
    if (a.set_tid_size || (a.flags >> 32)) {
        syscall_log_unimp("Unsupported clone3 request: flags=0x%" PRIx64
                          " set_tid_size=%" PRIu64, a.flags, a.set_tid_size);
        return -EINVAL;
    }
    r = (CloneRequest) {
        .flags = a.flags,
        .exit_signal = (int)a.exit_signal,
        .stack = a.stack ? a.stack + a.stack_size : 0,
        .tls = a.tls,
        .parent_tid = a.parent_tid,
        .child_tid = a.child_tid,
        .pidfd = a.pidfd,
    };
    return do_fork(c, &r);
}

/* -- execve ------------------------------------------------------------------------------ */

/* Linux's MAX_ARG_STRLEN: one argument or variable of at most 32 pages. */
#define EXEC_MAX_ARG_STRLEN     (32 * 4096)

/*
 * Copy a guest argv or envp (NULL-terminated array of string pointers; a
 * NULL array is empty) into @out, adding to @total what the kernel counts
 * (each string with its NUL, plus a pointer). -EFAULT, or -E2BIG past @limit.
 */
static int64_t exec_copy_strings(GuestAddr a, GPtrArray *out, uint64_t *total,
                                 uint64_t limit)
{
    for (uint64_t i = 0; a; i++) {
        uint64_t p;
        int e = 0;
        char *s;

        if (uaccess_read(&p, a + 8 * i, sizeof(p))) {
            return -EFAULT;
        }
        if (!p) {
            break;
        }
        s = uaccess_strdup(p, EXEC_MAX_ARG_STRLEN, &e);
        if (!s) {
            return e == -ENAMETOOLONG ? -E2BIG : e;
        }
        *total += strlen(s) + 1 + sizeof(uint64_t);
        g_ptr_array_add(out, s);
        if (*total > limit) {
            return -E2BIG;
        }
    }
    g_ptr_array_add(out, NULL);
    return 0;
}

/* Linux's limit on argv + envp: a quarter of the stack limit, at most 6 MiB, at least 128 KiB. */
static uint64_t exec_args_limit(void)
{
    struct rlimit rl;
    uint64_t limit = 6 << 20;

    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        limit = MIN(limit, rl.rlim_cur / 4);
    }
    return MAX(limit, (uint64_t)32 * 4096);
}

/* "/proc/self/exe" and "/proc/<our pid>/exe" name the guest program. */
static bool exec_is_self_exe(const char *path)
{
    g_autofree char *ours = g_strdup_printf("/proc/%d/exe", getpid());

    return !strcmp(path, "/proc/self/exe") || !strcmp(path, ours);
}

static int64_t do_execve(const char *path, GuestAddr argv_addr, GuestAddr envp_addr)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) envp = g_ptr_array_new_with_free_func(g_free);
    uint64_t total = 0, limit = exec_args_limit();
    int64_t r;

    if ((r = exec_copy_strings(argv_addr, argv, &total, limit)) < 0 ||
        (r = exec_copy_strings(envp_addr, envp, &total, limit)) < 0) {
        return r;
    }
    if (exec_is_self_exe(path) && syscall_exe_path()) {
        path = syscall_exe_path();
    }
    return exec_program(path, (char *const *)argv->pdata, (char *const *)envp->pdata);
}

int64_t sys_execve(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[0], false, &err);

    return path ? do_execve(path, c->arg[1], c->arg[2]) : err;
}

int64_t sys_execveat(SyscallCall *c)
{
    int dirfd = arg_int(c, 0);
    int flags = arg_int(c, 4);
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], false, &err);
    g_autofree char *full = NULL;

    if (!path) {
        return err;
    }
    if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) {
        return -EINVAL;
    }
    if (path[0] == '/' || (dirfd == AT_FDCWD && path[0])) {
        full = g_strdup(path);
    } else if (!path[0]) {
        if (!(flags & AT_EMPTY_PATH)) {
            return -ENOENT;
        }
        full = dirfd == AT_FDCWD ? g_strdup(".")
                                 : g_strdup_printf("/proc/self/fd/%d", dirfd);
    } else {
        struct stat st;

        if (fstat(dirfd, &st) < 0) {
            return -errno;
        }
        if (!S_ISDIR(st.st_mode)) {
            return -ENOTDIR;
        }
        full = g_strdup_printf("/proc/self/fd/%d/%s", dirfd, path);
    }
    if (flags & AT_SYMLINK_NOFOLLOW) {
        struct stat st;

        if (lstat(full, &st) == 0 && S_ISLNK(st.st_mode)) {
            return -ELOOP;
        }
    }
    return do_execve(full, c->arg[2], c->arg[3]);
}

/* -- wait4 and waitid -------------------------------------------------------------------- */

/*
 * Status words, options and struct rusage are the same on both ABIs. As in
 * the kernel, the child is reaped first and the results copied after: a bad
 * pointer gives -EFAULT and the child is gone.
 */
int64_t sys_wait4(SyscallCall *c)
{
    int status = 0;
    struct rusage ru;
    pid_t r;

    r = wait4(arg_int(c, 0), &status, arg_int(c, 2), c->arg[3] ? &ru : NULL);
    if (r < 0) {
        return -errno;
    }
    if (r > 0 && c->arg[1] && uaccess_write(c->arg[1], &status, sizeof(status))) {
        return -EFAULT;
    }
    if (r > 0 && c->arg[3] && uaccess_write(c->arg[3], &ru, sizeof(ru))) {
        return -EFAULT;
    }
    return r;
}

/*
 * siginfo_t is 128 bytes of the generic layout on both ABIs. The kernel
 * writes only si_signo, si_errno, si_code, si_pid, si_uid and si_status
 * (the first 28 bytes); so do we, leaving the rest of the guest's buffer.
 */
#define WAITID_INFO_BYTES 28
_Static_assert(offsetof(siginfo_t, si_status) + sizeof(int) == WAITID_INFO_BYTES,
               "si_status ends the part waitid writes");

int64_t sys_waitid(SyscallCall *c)
{
    siginfo_t si;
    struct rusage ru;

    memset(&si, 0, sizeof(si));
    if (syscall(SYS_waitid, arg_int(c, 0), arg_int(c, 1), &si, arg_int(c, 3),
                c->arg[4] ? &ru : NULL) < 0) {
        return -errno;
    }
    if (c->arg[2] && uaccess_write(c->arg[2], &si, WAITID_INFO_BYTES)) {
        return -EFAULT;
    }
    if (c->arg[4] && uaccess_write(c->arg[4], &ru, sizeof(ru))) {
        return -EFAULT;
    }
    return 0;
}

/* -- Ids, groups, sessions ----------------------------------------------------------------- */

/* The raw calls: glibc's wrappers would also act on threads we do not have. */
int64_t sys_setuid(SyscallCall *c)   { return host_ret(syscall(SYS_setuid, arg_int(c, 0))); }
int64_t sys_setgid(SyscallCall *c)   { return host_ret(syscall(SYS_setgid, arg_int(c, 0))); }
int64_t sys_setfsuid(SyscallCall *c) { return syscall(SYS_setfsuid, arg_int(c, 0)); }
int64_t sys_setfsgid(SyscallCall *c) { return syscall(SYS_setfsgid, arg_int(c, 0)); }

int64_t sys_setreuid(SyscallCall *c)
{
    return host_ret(syscall(SYS_setreuid, arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_setregid(SyscallCall *c)
{
    return host_ret(syscall(SYS_setregid, arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_setresuid(SyscallCall *c)
{
    return host_ret(syscall(SYS_setresuid, arg_int(c, 0), arg_int(c, 1), arg_int(c, 2)));
}

int64_t sys_setresgid(SyscallCall *c)
{
    return host_ret(syscall(SYS_setresgid, arg_int(c, 0), arg_int(c, 1), arg_int(c, 2)));
}

/* getresuid/getresgid: three 32-bit ids, written one by one as the kernel does. */
static int64_t put_three_ids(SyscallCall *c, uint32_t a, uint32_t b, uint32_t d)
{
    if (uaccess_write(c->arg[0], &a, 4) || uaccess_write(c->arg[1], &b, 4) ||
        uaccess_write(c->arg[2], &d, 4)) {
        return -EFAULT;
    }
    return 0;
}

int64_t sys_getresuid(SyscallCall *c)
{
    uid_t r, e, s;

    if (getresuid(&r, &e, &s) < 0) {
        return -errno;
    }
    return put_three_ids(c, r, e, s);
}

int64_t sys_getresgid(SyscallCall *c)
{
    gid_t r, e, s;

    if (getresgid(&r, &e, &s) < 0) {
        return -errno;
    }
    return put_three_ids(c, r, e, s);
}

#define GUEST_NGROUPS_MAX 65536

int64_t sys_getgroups(SyscallCall *c)
{
    int size = arg_int(c, 0);
    g_autofree gid_t *list = NULL;
    int n;

    if (size < 0) {
        return -EINVAL;
    }
    list = g_new(gid_t, MIN(size, GUEST_NGROUPS_MAX) + 1);
    n = syscall(SYS_getgroups, MIN(size, GUEST_NGROUPS_MAX), list);
    if (n < 0) {
        return -errno;
    }
    if (size && uaccess_write(c->arg[1], list, n * sizeof(gid_t))) {
        return -EFAULT;
    }
    return n;
}

int64_t sys_setgroups(SyscallCall *c)
{
    int size = arg_int(c, 0);
    g_autofree gid_t *list = NULL;

    if (size < 0 || size > GUEST_NGROUPS_MAX) {
        return -EINVAL;
    }
    list = g_new(gid_t, size + 1);
    if (size && uaccess_read(list, c->arg[1], size * sizeof(gid_t))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_setgroups, size, list));
}

int64_t sys_setsid(SyscallCall *c)  { return host_ret(setsid()); }
int64_t sys_getsid(SyscallCall *c)  { return host_ret(getsid(arg_int(c, 0))); }
int64_t sys_getpgid(SyscallCall *c) { return host_ret(getpgid(arg_int(c, 0))); }

int64_t sys_setpgid(SyscallCall *c)
{
    return host_ret(setpgid(arg_int(c, 0), arg_int(c, 1)));
}

/* -- Capabilities ---------------------------------------------------------------------- */

/* Version 1 has one data struct, versions 2 and 3 two; others: the kernel answers. */
static int cap_data_count(uint32_t version)
{
    return version == _LINUX_CAPABILITY_VERSION_1 ? 1 : 2;
}

int64_t sys_capget(SyscallCall *c)
{
    struct __user_cap_header_struct h;
    struct __user_cap_data_struct d[2];
    long r;

    if (uaccess_read(&h, c->arg[0], sizeof(h))) {
        return -EFAULT;
    }
    r = syscall(SYS_capget, &h, c->arg[1] ? d : NULL);
    if (uaccess_write(c->arg[0], &h, sizeof(h))) {  /* the kernel may fix the version */
        return -EFAULT;
    }
    if (r < 0) {
        return -errno;
    }
    if (c->arg[1] && uaccess_write(c->arg[1], d, cap_data_count(h.version) * sizeof(d[0]))) {
        return -EFAULT;
    }
    return 0;
}

int64_t sys_capset(SyscallCall *c)
{
    struct __user_cap_header_struct h;
    struct __user_cap_data_struct d[2] = { 0 };
    long r;

    if (uaccess_read(&h, c->arg[0], sizeof(h))) {
        return -EFAULT;
    }
    if (c->arg[1] && uaccess_read(d, c->arg[1], cap_data_count(h.version) * sizeof(d[0]))) {
        return -EFAULT;
    }
    r = syscall(SYS_capset, &h, c->arg[1] ? d : NULL);
    if (r < 0 && errno == EINVAL && uaccess_write(c->arg[0], &h, sizeof(h))) {
        return -EFAULT;
    }
    return host_ret(r);
}

/* -- prctl -------------------------------------------------------------------------------- */

/* The options that write an int through arg2. */
static int64_t prctl_get_int(SyscallCall *c, int option)
{
    int v = 0;

    if (prctl(option, &v, 0, 0, 0) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &v, sizeof(v)) ? -EFAULT : 0;
}

int64_t sys_prctl(SyscallCall *c)
{
    int option = arg_int(c, 0);
    char name[16];

    switch (option) {
    case PR_SET_NAME:
        memset(name, 0, sizeof(name));
        for (size_t i = 0; i < sizeof(name) - 1; i++) {
            if (uaccess_read(&name[i], c->arg[1] + i, 1)) {
                return -EFAULT;
            }
            if (!name[i]) {
                break;
            }
        }
        return host_ret(prctl(PR_SET_NAME, name, 0, 0, 0));
    case PR_GET_NAME:
        procfs_comm(name);              /* the guest's name, not "arm-uemu" */
        return uaccess_write(c->arg[1], name, sizeof(name)) ? -EFAULT : 0;
    case PR_GET_PDEATHSIG:
    case PR_GET_CHILD_SUBREAPER:
        return prctl_get_int(c, option);
    case PR_GET_TID_ADDRESS: {
        uint64_t a = syscall_thread_clear_child_tid();   /* a guest address */

        return uaccess_write(c->arg[1], &a, sizeof(a)) ? -EFAULT : 0;
    }
    case PR_SET_PDEATHSIG:
    case PR_GET_DUMPABLE:
    case PR_SET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_SET_KEEPCAPS:
    case PR_CAPBSET_READ:
    case PR_CAPBSET_DROP:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_NO_NEW_PRIVS:
    case PR_GET_TIMERSLACK:
    case PR_SET_TIMERSLACK:
    case PR_GET_SECUREBITS:
    case PR_SET_SECUREBITS:
    case PR_SET_PTRACER:
    case PR_GET_SECCOMP:
    case PR_CAP_AMBIENT:
    case PR_GET_THP_DISABLE:
    case PR_SET_THP_DISABLE:
        return host_ret(prctl(option, c->arg[1], c->arg[2], c->arg[3], c->arg[4]));
    case PR_SET_SECCOMP:
        /* A filter would judge the emulator's system calls, not the guest's. */
        syscall_log_unimp("prctl(PR_SET_SECCOMP): seccomp is not emulated");
        return -EINVAL;
    case PR_SVE_GET_VL:
    case PR_SVE_SET_VL:
    case PR_PAC_RESET_KEYS:
    case PR_SET_TAGGED_ADDR_CTRL:
    case PR_GET_TAGGED_ADDR_CTRL:
        /* arm64 options for features our CPU does not report: a kernel
         * running on such a CPU answers EINVAL too. */
        return -EINVAL;
    default:
        syscall_log_unimp("Unsupported prctl: option=%d", option);
        return -EINVAL;
    }
}

/* -- Usage, times, personality ------------------------------------------------------------ */

int64_t sys_times(SyscallCall *c)
{
    struct tms t;
    clock_t r = times(&t);

    if (r == (clock_t)-1) {
        return -errno;
    }
    if (c->arg[0] && uaccess_write(c->arg[0], &t, sizeof(t))) {
        return -EFAULT;
    }
    return r;
}

/* Host and guest share the PER_* values; the host personality is the guest's. */
int64_t sys_personality(SyscallCall *c)
{
    return host_ret(syscall(SYS_personality, (unsigned long)(uint32_t)c->arg[0]));
}

/* -- Directories, accounting, machine ------------------------------------------------------ */

int64_t sys_fchdir(SyscallCall *c) { return host_ret(fchdir(arg_int(c, 0))); }

int64_t sys_chroot(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[0], false, &err);

    return path ? host_ret(chroot(path)) : err;
}

int64_t sys_acct(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = NULL;

    if (c->arg[0] && !(path = syscall_get_path(c->arg[0], false, &err))) {
        return err;
    }
    return host_ret(acct(path));
}

/* Rebooting the host is not the guest's to do. */
int64_t sys_reboot(SyscallCall *c)
{
    return -EPERM;
}

int64_t sys_vhangup(SyscallCall *c)
{
    return host_ret(vhangup());
}

/* Namespaces belong to the process: the host's calls, as they are. */
int64_t sys_unshare(SyscallCall *c)
{
    return host_ret(syscall(SYS_unshare, (unsigned long)c->arg[0]));
}

int64_t sys_setns(SyscallCall *c)
{
    return host_ret(syscall(SYS_setns, arg_int(c, 0), arg_int(c, 1)));
}

/* kcmp compares kernel objects of two processes: the host's answer is the right one. */
int64_t sys_kcmp(SyscallCall *c)
{
    return host_ret(syscall(SYS_kcmp, arg_int(c, 0), arg_int(c, 1), arg_int(c, 2),
                            c->arg[3], c->arg[4]));
}

/* -- Priorities and scheduling --------------------------------------------------------------- */

/* The raw getpriority: 20 - nice, as the guest's libc expects from the kernel. */
int64_t sys_getpriority(SyscallCall *c)
{
    return host_ret(syscall(SYS_getpriority, arg_int(c, 0), arg_int(c, 1)));
}

int64_t sys_setpriority(SyscallCall *c)
{
    return host_ret(syscall(SYS_setpriority, arg_int(c, 0), arg_int(c, 1), arg_int(c, 2)));
}

int64_t sys_sched_setaffinity(SyscallCall *c)
{
    uint8_t mask[8192] = { 0 };
    uint64_t len = MIN(c->arg[1], sizeof(mask));

    if (uaccess_read(mask, c->arg[2], len)) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_sched_setaffinity, arg_int(c, 0), len, mask));
}

int64_t sys_sched_getscheduler(SyscallCall *c)
{
    return host_ret(syscall(SYS_sched_getscheduler, arg_int(c, 0)));
}

int64_t sys_sched_setscheduler(SyscallCall *c)
{
    struct sched_param p;

    if (!c->arg[2]) {
        return -EINVAL;
    }
    if (uaccess_read(&p, c->arg[2], sizeof(p))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_sched_setscheduler, arg_int(c, 0), arg_int(c, 1), &p));
}

int64_t sys_sched_getparam(SyscallCall *c)
{
    struct sched_param p;

    if (!c->arg[1]) {
        return -EINVAL;
    }
    if (syscall(SYS_sched_getparam, arg_int(c, 0), &p) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &p, sizeof(p)) ? -EFAULT : 0;
}

int64_t sys_sched_setparam(SyscallCall *c)
{
    struct sched_param p;

    if (!c->arg[1]) {
        return -EINVAL;
    }
    if (uaccess_read(&p, c->arg[1], sizeof(p))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_sched_setparam, arg_int(c, 0), &p));
}

int64_t sys_sched_get_priority_max(SyscallCall *c)
{
    return host_ret(syscall(SYS_sched_get_priority_max, arg_int(c, 0)));
}

int64_t sys_sched_get_priority_min(SyscallCall *c)
{
    return host_ret(syscall(SYS_sched_get_priority_min, arg_int(c, 0)));
}

int64_t sys_sched_rr_get_interval(SyscallCall *c)
{
    struct timespec ts;

    if (syscall(SYS_sched_rr_get_interval, arg_int(c, 0), &ts) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* -- pidfd ---------------------------------------------------------------------------------- */

int64_t sys_pidfd_open(SyscallCall *c)
{
    return host_ret(syscall(SYS_pidfd_open, arg_int(c, 0), (unsigned)c->arg[1]));
}

int64_t sys_pidfd_getfd(SyscallCall *c)
{
    return host_ret(syscall(SYS_pidfd_getfd, arg_int(c, 0), arg_int(c, 1),
                            (unsigned)c->arg[2]));
}

/* The signal numbers and siginfo_t are the same on both ABIs. */
int64_t sys_pidfd_send_signal(SyscallCall *c)
{
    siginfo_t si;

    if (c->arg[2] && uaccess_read(&si, c->arg[2], sizeof(si))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_pidfd_send_signal, arg_int(c, 0), arg_int(c, 1),
                            c->arg[2] ? &si : NULL, (unsigned)c->arg[3]));
}
