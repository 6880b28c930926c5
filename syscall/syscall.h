// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * syscall.h: the guest's system calls, from the cpu loop's `svc #0` to a
 * host call and back.
 *
 * The cpu loop calls syscall_do() when translated code stops with
 * ARM_EXCP_SVC. It reads the number from x8 and six arguments from x0..x5,
 * looks the number up in the table built from syscalls.def (one row per
 * AArch64 syscall: name, handler, return and argument kinds), runs the
 * handler, and writes the result (a value or -errno, as the kernel does) to
 * x0. The same row drives -d strace, the plugin syscall hooks, -d unimp and
 * tests/unit/test-syscall-table.c.
 *
 *     int status;
 *     switch (syscall_do(env, &status)) {
 *     case SYSCALL_CONTINUE:    break;                 // x0 holds the result
 *     case SYSCALL_EXIT_THREAD: thread_exit(status);   // exit(2)
 *     case SYSCALL_EXIT_GROUP:  process_exit(status);  // exit_group(2)
 *     }
 *
 * Handlers are `int64_t sys_<name>(SyscallCall *c)`, grouped by family in
 * sys-*.c. They read guest memory only through linux-user/uaccess.h, answer
 * -EFAULT for a bad pointer, and never exit or abort on guest input.
 */
#ifndef UEMU_SYSCALL_H
#define UEMU_SYSCALL_H

#include "linux-user/mmap.h"
#include "target-arm/cpu.h"

#include <errno.h>
#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

/* -- One call ------------------------------------------------------------ */

typedef enum SyscallOutcome {
    SYSCALL_CONTINUE,           /* x0 holds the result; resume the guest */
    SYSCALL_EXIT_THREAD,        /* exit(2): end this thread with *exit_status */
    SYSCALL_EXIT_GROUP,         /* exit_group(2): end the process */
} SyscallOutcome;

typedef struct SyscallCall {
    CPUARMState *env;
    uint64_t nr;                /* x8 */
    uint64_t arg[6];            /* x0..x5 */
    SyscallOutcome outcome;     /* SYSCALL_CONTINUE unless an exit handler says */
    int exit_status;            /* for SYSCALL_EXIT_*: the low 8 bits of the code */
} SyscallCall;

/* A handler returns the guest's result: a value, or -errno. */
typedef int64_t (*SyscallHandler)(SyscallCall *c);

/*
 * How -d strace prints an argument (strace.c). Kinds ending in _OUT are
 * filled in by the call: printed as a pointer before it, and after a
 * successful return as the struct they received, qemu-style:
 *     clock_gettime(CLOCK_MONOTONIC,0x0000005500800480) = 0 ({tv_sec = 5,tv_nsec = 7})
 */
typedef enum SyscallArgKind {
    SC_ARG_NONE,                /* no more arguments */
    SC_ARG_INT,                 /* int, decimal */
    SC_ARG_LONG,                /* long, decimal */
    SC_ARG_ULONG,               /* unsigned long, decimal */
    SC_ARG_SIZE,                /* size_t, decimal */
    SC_ARG_HEX,                 /* 0x-prefixed hex, "0" for zero (qemu's %#x) */
    SC_ARG_PTR,                 /* NULL or 0x%016lx (qemu's print_pointer) */
    SC_ARG_STR,                 /* "string", or a pointer if unreadable */
    SC_ARG_FD,                  /* int */
    SC_ARG_DIRFD,               /* AT_FDCWD or int */
    SC_ARG_MODE,                /* octal, 0-prefixed */
    SC_ARG_OPEN_MODE,           /* open's mode: omitted unless the flags before it create */
    SC_ARG_OPEN_FLAGS,          /* O_RDONLY|O_CLOEXEC */
    SC_ARG_O_FLAGS,             /* O_CLOEXEC|O_NONBLOCK: no access mode (pipe2, dup3) */
    SC_ARG_PROT,                /* PROT_READ|PROT_WRITE, PROT_NONE */
    SC_ARG_MAP_FLAGS,           /* MAP_PRIVATE|MAP_ANONYMOUS */
    SC_ARG_AT_FLAGS,            /* AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH, 0 */
    SC_ARG_ACCESS_MODE,         /* F_OK, R_OK|W_OK */
    SC_ARG_WHENCE,              /* SEEK_SET */
    SC_ARG_CLOCK,               /* CLOCK_MONOTONIC */
    SC_ARG_SIGNAL,              /* SIGUSR1 */
    SC_ARG_SIGHOW,              /* SIG_BLOCK */
    SC_ARG_FUTEX_OP,            /* FUTEX_PRIVATE_FLAG|FUTEX_WAKE */
    SC_ARG_IOCTL,               /* TCGETS, else 0x%x */
    SC_ARG_FCNTL,               /* F_GETFL */
    SC_ARG_FCNTL_ARG,           /* fcntl's third argument: omitted for F_GET* */
    SC_ARG_MADV,                /* MADV_DONTNEED */
    SC_ARG_RLIMIT,              /* RLIMIT_NOFILE */
    SC_ARG_TIMESPEC,            /* {tv_sec = 0,tv_nsec = 1000} read before the call */
    SC_ARG_TIMESPEC_OUT,
    SC_ARG_TIMEVAL_OUT,
    SC_ARG_TIMEZONE_OUT,
    /* files (sys-fd.c, sys-fs-at.c, sys-xattr.c, sys-ioctl.c) */
    SC_ARG_FILE_MODE,           /* S_IFIFO|0600 (qemu's print_file_mode) */
    SC_ARG_MKNOD_DEV,           /* makedev(1,3); omitted unless the mode before is a device */
    SC_ARG_STATX_MASK,          /* STATX_BASIC_STATS|STATX_BTIME */
    SC_ARG_IOCTL_ARG,           /* ioctl's third argument as ioctls.def says; an int out after */
    SC_ARG_XATTR_LIST_OUT,      /* a pointer; after the call (list = "user.a","user.b") */
    /* sockets, timers (strace-net.c) */
    SC_ARG_SOCK_DOMAIN,         /* PF_INET, else decimal */
    SC_ARG_SOCK_TYPE,           /* SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK */
    SC_ARG_SOCK_PROTO,          /* IPPROTO_TCP, NETLINK_ROUTE: by the domain in argument 0 */
    SC_ARG_SOCKADDR,            /* {sin_family=AF_INET,...}, LEN: prints the next argument too */
    SC_ARG_SOCKLEN,             /* the length after a SOCKADDR: printed by it */
    SC_ARG_ITIMER,              /* ITIMER_REAL, else 0x%x */
    SC_ARG_ITIMERVAL,           /* {it_interval={tv_sec = 0,tv_usec = 0},it_value={...},} */
    SC_ARG_ITIMERVAL_OUT,       /* after the call: ({it_interval=...,}) */
    SC_ARG_OLD_ITIMERVAL_OUT,   /* after the call: (old_value = {...}) */
    /* process (strace-process.c) */
    SC_ARG_CLONE_ARGS,          /* all of clone's: FLAGS,child_stack=0x...,...,child_tidptr=0x... */
    SC_ARG_ARGV,                /* {"ls","-l",NULL} */
} SyscallArgKind;

typedef enum SyscallRetKind {
    SC_RET_INT,                 /* " = 3" */
    SC_RET_PTR,                 /* " = 0x0000000000498000" (brk, mmap) */
    SC_RET_NONE,                /* exit, exit_group: the call does not return */
} SyscallRetKind;

/* A row of syscalls.def. */
typedef struct SyscallDesc {
    const char *name;
    SyscallHandler handler;
    uint8_t ret;                /* SyscallRetKind */
    uint8_t nargs;
    uint8_t args[6];            /* SyscallArgKind */
} SyscallDesc;

/* AARCH64_NR_openat = 56, ...: the guest's numbers, never the host's. */
enum {
#define SYSCALL(nr, name, ...) AARCH64_NR_##name = nr,
#include "syscalls.def"
#undef SYSCALL
};

/* Every handler named in the table (sys_ni serves many rows). */
#define SYSCALL(nr, name, handler, ...) int64_t handler(SyscallCall *c);
#include "syscalls.def"
#undef SYSCALL

/* -- Entry from the cpu loop ------------------------------------------- */

/*
 * syscall_do: run the syscall @env asks for (x8, x0..x5) and store its
 * result in x0. For exit/exit_group, x0 is left alone and *@exit_status
 * receives the status; the caller does the exiting.
 */
SyscallOutcome syscall_do(CPUARMState *env, int *exit_status);

/*
 * Plugin hook point (plugin-api, issue 4): @enter is called before every
 * syscall, after the number and arguments are read; @ret after it returns
 * with the guest's result (not for exit/exit_group, which do not return).
 * The filter runs after the strace line: returning true skips the syscall,
 * and *ret is what the guest gets. NULL disables a hook. Nothing sets them
 * before plugin-api does.
 */
typedef void (*SyscallEnterHook)(CPUARMState *env, uint64_t nr,
                                 const uint64_t args[6]);
typedef bool (*SyscallFilterHook)(CPUARMState *env, uint64_t nr,
                                  const uint64_t args[6], int64_t *ret);
typedef void (*SyscallReturnHook)(CPUARMState *env, uint64_t nr, int64_t ret);
void syscall_set_plugin_hooks(SyscallEnterHook enter, SyscallReturnHook ret);
void syscall_set_plugin_filter(SyscallFilterHook filter);

/* -- The table ----------------------------------------------------------- */

/* syscall_table_size: one more than the highest syscall number with a row. */
unsigned syscall_table_size(void);

/* syscall_desc: the row for @nr, or NULL for a number with no syscall. */
const SyscallDesc *syscall_desc(uint64_t nr);

/* syscall_name: "openat" for 56 (plugins, logs); NULL for a gap. */
const char *syscall_name(uint64_t nr);

/* -- Process facts set by main ----------------------------------------- */

/* syscall_set_exe_path: the guest program, as readlink("/proc/self/exe") answers it. */
void syscall_set_exe_path(const char *path);
const char *syscall_exe_path(void);

/* -- State recorded for later issues (signal delivery, thread exit) ------ */

/* The guest's struct sigaction as arm64 Linux lays it out (32 bytes). */
typedef struct GuestSigaction {
    uint64_t handler;           /* SIG_DFL 0, SIG_IGN 1, or a guest address */
    uint64_t flags;             /* SA_* (generic values) */
    uint64_t restorer;          /* SA_RESTORER is unused on arm64: kept as given */
    uint64_t mask;              /* sigset_t: bit n-1 for signal n */
} GuestSigaction;

#define GUEST_NSIG 64

/* syscall_sigaction_get: the action the guest set for @sig (1..64); false if out of range. */
bool syscall_sigaction_get(int sig, GuestSigaction *out);

/* This thread's recorded blocked mask, alternate stack and exit-time addresses. */
uint64_t syscall_thread_sigmask(void);
void syscall_thread_altstack(GuestAddr *sp, uint64_t *size, int *flags);
GuestAddr syscall_thread_clear_child_tid(void);
GuestAddr syscall_thread_robust_list(void);

/* -- Helpers shared by the families --------------------------------------- */

/* host_ret: a host call's -1/errno as -errno; any other value unchanged. */
static inline int64_t host_ret(int64_t r)
{
    return r == -1 ? -errno : r;
}

/* Arguments the kernel declares as int are the low 32 bits of the register. */
static inline int arg_int(const SyscallCall *c, int i)
{
    return (int)(uint32_t)c->arg[i];
}

/* The kernel refuses paths of PATH_MAX (4096) bytes or more with ENAMETOOLONG. */
#define GUEST_PATH_MAX 4096

/*
 * syscall_get_path: a g_malloc'd copy of the guest path at @a, or NULL with
 * *@err = -EFAULT/-ENAMETOOLONG. With @lookup, an absolute path is first
 * looked up under the -L prefix (linux-user/path.h).
 */
char *syscall_get_path(GuestAddr a, bool lookup, int64_t *err);

/*
 * syscall_give_fd_pair: write the two new host fds @fds to the guest int[2]
 * at @a (pipe2, socketpair): 0, or -EFAULT after closing both, since the
 * kernel leaves no fds behind that never reached the guest.
 */
int64_t syscall_give_fd_pair(GuestAddr a, const int fds[2]);

/*
 * syscall_log_unimp: under -d unimp, log the formatted line once: the same
 * text is never logged twice (for "Unsupported ioctl: cmd=0x1234" and such).
 */
void syscall_log_unimp(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

#endif /* UEMU_SYSCALL_H */
