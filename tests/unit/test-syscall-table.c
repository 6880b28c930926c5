// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * test-syscall-table.c: syscalls.def against the kernel's own list.
 *
 * The reference below was extracted once from the AArch64 kernel headers
 * (/usr/aarch64-linux-gnu/include/asm/unistd.h, which configures
 * asm-generic/unistd.h for arm64: __NR_syscalls = 451) by preprocessing
 * every __NR_* macro with aarch64-linux-gnu-gcc. Numbers not listed are gaps
 * (244-259: per-architecture, none on arm64; 295-402: unassigned; 403-423:
 * time64 calls of 32-bit ABIs only).
 */
#include "unit.h"
#include "syscall/syscall.h"

#include <string.h>

typedef struct RefSyscall {
    unsigned nr;
    const char *name;
} RefSyscall;

static const RefSyscall reference[] = {
    {   0, "io_setup" }, {   1, "io_destroy" }, {   2, "io_submit" },
    {   3, "io_cancel" }, {   4, "io_getevents" }, {   5, "setxattr" },
    {   6, "lsetxattr" }, {   7, "fsetxattr" }, {   8, "getxattr" },
    {   9, "lgetxattr" }, {  10, "fgetxattr" }, {  11, "listxattr" },
    {  12, "llistxattr" }, {  13, "flistxattr" }, {  14, "removexattr" },
    {  15, "lremovexattr" }, {  16, "fremovexattr" }, {  17, "getcwd" },
    {  18, "lookup_dcookie" }, {  19, "eventfd2" }, {  20, "epoll_create1" },
    {  21, "epoll_ctl" }, {  22, "epoll_pwait" }, {  23, "dup" }, {  24, "dup3" },
    {  25, "fcntl" }, {  26, "inotify_init1" }, {  27, "inotify_add_watch" },
    {  28, "inotify_rm_watch" }, {  29, "ioctl" }, {  30, "ioprio_set" },
    {  31, "ioprio_get" }, {  32, "flock" }, {  33, "mknodat" }, {  34, "mkdirat" },
    {  35, "unlinkat" }, {  36, "symlinkat" }, {  37, "linkat" }, {  38, "renameat" },
    {  39, "umount2" }, {  40, "mount" }, {  41, "pivot_root" }, {  42, "nfsservctl" },
    {  43, "statfs" }, {  44, "fstatfs" }, {  45, "truncate" }, {  46, "ftruncate" },
    {  47, "fallocate" }, {  48, "faccessat" }, {  49, "chdir" }, {  50, "fchdir" },
    {  51, "chroot" }, {  52, "fchmod" }, {  53, "fchmodat" }, {  54, "fchownat" },
    {  55, "fchown" }, {  56, "openat" }, {  57, "close" }, {  58, "vhangup" },
    {  59, "pipe2" }, {  60, "quotactl" }, {  61, "getdents64" }, {  62, "lseek" },
    {  63, "read" }, {  64, "write" }, {  65, "readv" }, {  66, "writev" },
    {  67, "pread64" }, {  68, "pwrite64" }, {  69, "preadv" }, {  70, "pwritev" },
    {  71, "sendfile" }, {  72, "pselect6" }, {  73, "ppoll" }, {  74, "signalfd4" },
    {  75, "vmsplice" }, {  76, "splice" }, {  77, "tee" }, {  78, "readlinkat" },
    {  79, "newfstatat" }, {  80, "fstat" }, {  81, "sync" }, {  82, "fsync" },
    {  83, "fdatasync" }, {  84, "sync_file_range" }, {  85, "timerfd_create" },
    {  86, "timerfd_settime" }, {  87, "timerfd_gettime" }, {  88, "utimensat" },
    {  89, "acct" }, {  90, "capget" }, {  91, "capset" }, {  92, "personality" },
    {  93, "exit" }, {  94, "exit_group" }, {  95, "waitid" },
    {  96, "set_tid_address" }, {  97, "unshare" }, {  98, "futex" },
    {  99, "set_robust_list" }, { 100, "get_robust_list" }, { 101, "nanosleep" },
    { 102, "getitimer" }, { 103, "setitimer" }, { 104, "kexec_load" },
    { 105, "init_module" }, { 106, "delete_module" }, { 107, "timer_create" },
    { 108, "timer_gettime" }, { 109, "timer_getoverrun" }, { 110, "timer_settime" },
    { 111, "timer_delete" }, { 112, "clock_settime" }, { 113, "clock_gettime" },
    { 114, "clock_getres" }, { 115, "clock_nanosleep" }, { 116, "syslog" },
    { 117, "ptrace" }, { 118, "sched_setparam" }, { 119, "sched_setscheduler" },
    { 120, "sched_getscheduler" }, { 121, "sched_getparam" },
    { 122, "sched_setaffinity" }, { 123, "sched_getaffinity" }, { 124, "sched_yield" },
    { 125, "sched_get_priority_max" }, { 126, "sched_get_priority_min" },
    { 127, "sched_rr_get_interval" }, { 128, "restart_syscall" }, { 129, "kill" },
    { 130, "tkill" }, { 131, "tgkill" }, { 132, "sigaltstack" },
    { 133, "rt_sigsuspend" }, { 134, "rt_sigaction" }, { 135, "rt_sigprocmask" },
    { 136, "rt_sigpending" }, { 137, "rt_sigtimedwait" }, { 138, "rt_sigqueueinfo" },
    { 139, "rt_sigreturn" }, { 140, "setpriority" }, { 141, "getpriority" },
    { 142, "reboot" }, { 143, "setregid" }, { 144, "setgid" }, { 145, "setreuid" },
    { 146, "setuid" }, { 147, "setresuid" }, { 148, "getresuid" }, { 149, "setresgid" },
    { 150, "getresgid" }, { 151, "setfsuid" }, { 152, "setfsgid" }, { 153, "times" },
    { 154, "setpgid" }, { 155, "getpgid" }, { 156, "getsid" }, { 157, "setsid" },
    { 158, "getgroups" }, { 159, "setgroups" }, { 160, "uname" },
    { 161, "sethostname" }, { 162, "setdomainname" }, { 163, "getrlimit" },
    { 164, "setrlimit" }, { 165, "getrusage" }, { 166, "umask" }, { 167, "prctl" },
    { 168, "getcpu" }, { 169, "gettimeofday" }, { 170, "settimeofday" },
    { 171, "adjtimex" }, { 172, "getpid" }, { 173, "getppid" }, { 174, "getuid" },
    { 175, "geteuid" }, { 176, "getgid" }, { 177, "getegid" }, { 178, "gettid" },
    { 179, "sysinfo" }, { 180, "mq_open" }, { 181, "mq_unlink" },
    { 182, "mq_timedsend" }, { 183, "mq_timedreceive" }, { 184, "mq_notify" },
    { 185, "mq_getsetattr" }, { 186, "msgget" }, { 187, "msgctl" }, { 188, "msgrcv" },
    { 189, "msgsnd" }, { 190, "semget" }, { 191, "semctl" }, { 192, "semtimedop" },
    { 193, "semop" }, { 194, "shmget" }, { 195, "shmctl" }, { 196, "shmat" },
    { 197, "shmdt" }, { 198, "socket" }, { 199, "socketpair" }, { 200, "bind" },
    { 201, "listen" }, { 202, "accept" }, { 203, "connect" }, { 204, "getsockname" },
    { 205, "getpeername" }, { 206, "sendto" }, { 207, "recvfrom" },
    { 208, "setsockopt" }, { 209, "getsockopt" }, { 210, "shutdown" },
    { 211, "sendmsg" }, { 212, "recvmsg" }, { 213, "readahead" }, { 214, "brk" },
    { 215, "munmap" }, { 216, "mremap" }, { 217, "add_key" }, { 218, "request_key" },
    { 219, "keyctl" }, { 220, "clone" }, { 221, "execve" }, { 222, "mmap" },
    { 223, "fadvise64" }, { 224, "swapon" }, { 225, "swapoff" }, { 226, "mprotect" },
    { 227, "msync" }, { 228, "mlock" }, { 229, "munlock" }, { 230, "mlockall" },
    { 231, "munlockall" }, { 232, "mincore" }, { 233, "madvise" },
    { 234, "remap_file_pages" }, { 235, "mbind" }, { 236, "get_mempolicy" },
    { 237, "set_mempolicy" }, { 238, "migrate_pages" }, { 239, "move_pages" },
    { 240, "rt_tgsigqueueinfo" }, { 241, "perf_event_open" }, { 242, "accept4" },
    { 243, "recvmmsg" }, { 260, "wait4" }, { 261, "prlimit64" },
    { 262, "fanotify_init" }, { 263, "fanotify_mark" }, { 264, "name_to_handle_at" },
    { 265, "open_by_handle_at" }, { 266, "clock_adjtime" }, { 267, "syncfs" },
    { 268, "setns" }, { 269, "sendmmsg" }, { 270, "process_vm_readv" },
    { 271, "process_vm_writev" }, { 272, "kcmp" }, { 273, "finit_module" },
    { 274, "sched_setattr" }, { 275, "sched_getattr" }, { 276, "renameat2" },
    { 277, "seccomp" }, { 278, "getrandom" }, { 279, "memfd_create" }, { 280, "bpf" },
    { 281, "execveat" }, { 282, "userfaultfd" }, { 283, "membarrier" },
    { 284, "mlock2" }, { 285, "copy_file_range" }, { 286, "preadv2" },
    { 287, "pwritev2" }, { 288, "pkey_mprotect" }, { 289, "pkey_alloc" },
    { 290, "pkey_free" }, { 291, "statx" }, { 292, "io_pgetevents" }, { 293, "rseq" },
    { 294, "kexec_file_load" }, { 424, "pidfd_send_signal" }, { 425, "io_uring_setup" },
    { 426, "io_uring_enter" }, { 427, "io_uring_register" }, { 428, "open_tree" },
    { 429, "move_mount" }, { 430, "fsopen" }, { 431, "fsconfig" }, { 432, "fsmount" },
    { 433, "fspick" }, { 434, "pidfd_open" }, { 435, "clone3" }, { 436, "close_range" },
    { 437, "openat2" }, { 438, "pidfd_getfd" }, { 439, "faccessat2" },
    { 440, "process_madvise" }, { 441, "epoll_pwait2" }, { 442, "mount_setattr" },
    { 443, "quotactl_fd" }, { 444, "landlock_create_ruleset" },
    { 445, "landlock_add_rule" }, { 446, "landlock_restrict_self" },
    { 447, "memfd_secret" }, { 448, "process_mrelease" }, { 449, "futex_waitv" },
    { 450, "set_mempolicy_home_node" },
};

#define REF_MAX_NR 450

/* The syscalls this issue implements: their rows must not be sys_ni. */
static const char *const implemented[] = {
    "exit", "exit_group", "read", "write", "readv", "writev", "pread64",
    "pwrite64", "preadv", "pwritev", "openat", "close", "lseek", "brk", "mmap",
    "munmap", "mprotect", "madvise", "uname", "set_tid_address",
    "set_robust_list", "rseq", "prlimit64", "getrlimit", "setrlimit",
    "getrandom", "readlinkat", "newfstatat", "fstat", "ioctl",
    "clock_gettime", "clock_getres", "gettimeofday", "nanosleep",
    "clock_nanosleep", "getpid", "getppid", "gettid", "getuid", "geteuid",
    "getgid", "getegid", "rt_sigaction", "rt_sigprocmask", "sigaltstack",
    "futex", "getcwd", "fcntl", "dup", "dup3", "pipe2", "faccessat",
    "faccessat2", "sched_getaffinity", "sched_yield", "getrusage", "sysinfo",
    "umask", "chdir", "mkdirat", "unlinkat", "renameat", "getdents64",
};

static const RefSyscall *reference_find(unsigned nr)
{
    for (size_t i = 0; i < G_N_ELEMENTS(reference); i++) {
        if (reference[i].nr == nr) {
            return &reference[i];
        }
    }
    return NULL;
}

static uint64_t nr_of(const char *name)
{
    for (unsigned nr = 0; nr < syscall_table_size(); nr++) {
        const char *n = syscall_name(nr);
        if (n && !strcmp(n, name)) {
            return nr;
        }
    }
    return UINT64_MAX;
}

/* -- Coverage of the numbers ----------------------------------------------- */

START_TEST(test_table_size_is_highest_reference_number_plus_one)
{
    ck_assert_uint_eq(syscall_table_size(), REF_MAX_NR + 1);
}
END_TEST

/* Looped over 0..REF_MAX_NR+8: a row exactly where the kernel has a syscall. */
START_TEST(test_table_number_has_row_iff_kernel_has_syscall)
{
    const RefSyscall *ref = reference_find((unsigned)_i);
    const SyscallDesc *d = syscall_desc((uint64_t)_i);

    if (!ref) {
        ck_assert_msg(d == NULL, "nr %d is a gap but has row '%s'", _i, d->name);
        return;
    }
    ck_assert_msg(d != NULL, "nr %d (%s) has no row", _i, ref->name);
    ck_assert_str_eq(d->name, ref->name);
    ck_assert_ptr_nonnull(d->handler);
}
END_TEST

START_TEST(test_table_huge_number_is_a_gap)
{
    ck_assert_ptr_null(syscall_desc(UINT64_MAX));
    ck_assert_ptr_null(syscall_name(1ULL << 32));
    ck_assert_str_eq(syscall_name(56), "openat");
}
END_TEST

/* -- Row contents ----------------------------------------------------------- */

START_TEST(test_table_names_are_unique)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (unsigned nr = 0; nr < syscall_table_size(); nr++) {
        const char *n = syscall_name(nr);
        if (n) {
            ck_assert_msg(g_hash_table_add(seen, (gpointer)n), "'%s' twice", n);
        }
    }
    ck_assert_uint_eq(g_hash_table_size(seen), G_N_ELEMENTS(reference));
}
END_TEST

START_TEST(test_table_argument_kinds_fill_exactly_nargs)
{
    for (unsigned nr = 0; nr < syscall_table_size(); nr++) {
        const SyscallDesc *d = syscall_desc(nr);
        if (!d) {
            continue;
        }
        ck_assert_uint_le(d->nargs, 6);
        for (unsigned i = 0; i < 6; i++) {
            ck_assert_msg((i < d->nargs) == (d->args[i] != SC_ARG_NONE),
                          "%s: argument %u kind %u with nargs %u",
                          d->name, i, d->args[i], d->nargs);
        }
    }
}
END_TEST

START_TEST(test_table_implemented_syscall_is_not_sys_ni)
{
    const char *name = implemented[_i];
    uint64_t nr = nr_of(name);

    ck_assert_msg(nr != UINT64_MAX, "'%s' has no row", name);
    ck_assert_msg(syscall_desc(nr)->handler != sys_ni, "'%s' is sys_ni", name);
}
END_TEST

START_TEST(test_table_exit_rows_do_not_return)
{
    ck_assert_uint_eq(syscall_desc(AARCH64_NR_exit)->ret, SC_RET_NONE);
    ck_assert_uint_eq(syscall_desc(AARCH64_NR_exit_group)->ret, SC_RET_NONE);
    ck_assert_uint_eq(syscall_desc(AARCH64_NR_brk)->ret, SC_RET_PTR);
    ck_assert_uint_eq(syscall_desc(AARCH64_NR_mmap)->ret, SC_RET_PTR);
    for (unsigned nr = 0; nr < syscall_table_size(); nr++) {
        const SyscallDesc *d = syscall_desc(nr);
        if (d && d->ret == SC_RET_NONE) {
            ck_assert_msg(nr == AARCH64_NR_exit || nr == AARCH64_NR_exit_group,
                          "%s does not return?", d->name);
        }
    }
}
END_TEST

static Suite *syscall_table_suite(void)
{
    Suite *s = suite_create("syscall-table");
    TCase *tc = tcase_create("table");

    tcase_add_test(tc, test_table_size_is_highest_reference_number_plus_one);
    tcase_add_loop_test(tc, test_table_number_has_row_iff_kernel_has_syscall,
                        0, REF_MAX_NR + 8);
    tcase_add_test(tc, test_table_huge_number_is_a_gap);
    tcase_add_test(tc, test_table_names_are_unique);
    tcase_add_test(tc, test_table_argument_kinds_fill_exactly_nargs);
    tcase_add_loop_test(tc, test_table_implemented_syscall_is_not_sys_ni,
                        0, G_N_ELEMENTS(implemented));
    tcase_add_test(tc, test_table_exit_rows_do_not_return);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_TEST_MAIN(syscall_table_suite)
