// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qpp-syscalls.c: the plugin-to-plugin example producer: raises a QPP event
 * per system call, with the call decoded, for other plugins to consume.
 *
 *     arm-uemu -d plugin -plugin libqpp-syscalls.so \
 *              -plugin libqpp-opencount.so ./a.out
 *
 * It prints nothing itself. Its interface (event names, the evdata structs,
 * the exported functions, the event ABI version) is qpp-syscalls.h; the
 * consumer example is qpp-opencount.c; docs/qpp.md walks through both.
 *
 * Decoding: the name of the common calls, and for the calls that take a
 * path, which argument it is and the string itself, read from guest memory
 * (at most PATH_MAX bytes, NUL excluded; unreadable = NULL).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include <qemu-plugin.h>
#include <qemu-plugin-qpp.h>

#include "qpp-syscalls.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;
/* Our QPP name (the file name would give the same; declared for clarity). */
QEMU_PLUGIN_EXPORT const char *qemu_plugin_name = QPP_SYSCALLS_PLUGIN;

#define QPP_SYSCALLS_PATH_MAX 4096

typedef struct SyscallDesc {
    int64_t num;
    const char *name;
    int path_arg;               /* -1: no path argument */
} SyscallDesc;

/* AArch64 uses the generic numbering (asm-generic/unistd.h). */
static const SyscallDesc syscall_descs[] = {
    {   5, "setxattr",        0 }, {   6, "lsetxattr",       0 },
    {   8, "getxattr",        0 }, {   9, "lgetxattr",       0 },
    {  11, "listxattr",       0 }, {  12, "llistxattr",      0 },
    {  14, "removexattr",     0 }, {  15, "lremovexattr",    0 },
    {  17, "getcwd",         -1 }, {  23, "dup",            -1 },
    {  24, "dup3",           -1 }, {  25, "fcntl",          -1 },
    {  29, "ioctl",          -1 }, {  33, "mknodat",         1 },
    {  34, "mkdirat",         1 }, {  35, "unlinkat",        1 },
    {  36, "symlinkat",       2 }, {  37, "linkat",          1 },
    {  38, "renameat",        1 }, {  39, "umount2",         0 },
    {  40, "mount",           1 }, {  41, "pivot_root",      0 },
    {  43, "statfs",          0 }, {  45, "truncate",        0 },
    {  48, "faccessat",       1 }, {  49, "chdir",           0 },
    {  51, "chroot",          0 }, {  53, "fchmodat",        1 },
    {  54, "fchownat",        1 }, {  56, "openat",          1 },
    {  57, "close",          -1 }, {  59, "pipe2",          -1 },
    {  61, "getdents64",     -1 }, {  62, "lseek",          -1 },
    {  63, "read",           -1 }, {  64, "write",          -1 },
    {  65, "readv",          -1 }, {  66, "writev",         -1 },
    {  67, "pread64",        -1 }, {  68, "pwrite64",       -1 },
    {  71, "sendfile",       -1 }, {  73, "ppoll",          -1 },
    {  78, "readlinkat",      1 }, {  79, "newfstatat",      1 },
    {  80, "fstat",          -1 }, {  88, "utimensat",       1 },
    {  93, "exit",           -1 }, {  94, "exit_group",     -1 },
    {  96, "set_tid_address", -1 }, {  98, "futex",         -1 },
    {  99, "set_robust_list", -1 }, { 101, "nanosleep",     -1 },
    { 113, "clock_gettime",  -1 }, { 124, "sched_yield",    -1 },
    { 129, "kill",           -1 }, { 131, "tgkill",         -1 },
    { 134, "rt_sigaction",   -1 }, { 135, "rt_sigprocmask", -1 },
    { 160, "uname",          -1 }, { 167, "prctl",          -1 },
    { 169, "gettimeofday",   -1 }, { 172, "getpid",         -1 },
    { 173, "getppid",        -1 }, { 174, "getuid",         -1 },
    { 175, "geteuid",        -1 }, { 176, "getgid",         -1 },
    { 177, "getegid",        -1 }, { 178, "gettid",         -1 },
    { 179, "sysinfo",        -1 }, { 198, "socket",         -1 },
    { 203, "connect",        -1 }, { 214, "brk",            -1 },
    { 215, "munmap",         -1 }, { 216, "mremap",         -1 },
    { 220, "clone",          -1 }, { 221, "execve",          0 },
    { 222, "mmap",           -1 }, { 226, "mprotect",       -1 },
    { 233, "madvise",        -1 }, { 260, "wait4",          -1 },
    { 261, "prlimit64",      -1 }, { 276, "renameat2",       1 },
    { 278, "getrandom",      -1 }, { 281, "execveat",        1 },
    { 291, "statx",           1 }, { 293, "rseq",           -1 },
    { 435, "clone3",         -1 }, { 437, "openat2",         1 },
    { 439, "faccessat2",      1 },
};

static qemu_plugin_id_t self;
static uint64_t seen;           /* atomic: syscalls raised so far */

static const SyscallDesc *syscall_desc(int64_t num)
{
    size_t lo = 0, hi = G_N_ELEMENTS(syscall_descs);

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (syscall_descs[mid].num == num) {
            return &syscall_descs[mid];
        }
        if (syscall_descs[mid].num < num) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* Exported: the name of syscall @num, or NULL (qpp-syscalls.h). */
QEMU_PLUGIN_EXPORT const char *qpp_syscalls_name(int64_t num);
const char *qpp_syscalls_name(int64_t num)
{
    const SyscallDesc *d = syscall_desc(num);

    return d ? d->name : NULL;
}

/* Exported: how many syscalls were raised so far. */
QEMU_PLUGIN_EXPORT uint64_t qpp_syscalls_count(void);
uint64_t qpp_syscalls_count(void)
{
    return __atomic_load_n(&seen, __ATOMIC_RELAXED);
}

/*
 * The NUL-terminated string at guest @addr, read a page piece at a time so
 * that a string ending just before an unmapped page still reads; NULL if
 * the first byte is unreadable or no NUL comes within the limit.
 */
static char *read_guest_string(uint64_t addr)
{
    g_autoptr(GByteArray) chunk = g_byte_array_new();
    GString *s = g_string_new(NULL);

    while (s->len < QPP_SYSCALLS_PATH_MAX) {
        size_t len = MIN(64, 4096 - (addr & 4095));
        void *nul;

        g_byte_array_set_size(chunk, 0);
        if (!qemu_plugin_read_memory_vaddr(addr, chunk, len)) {
            break;
        }
        nul = memchr(chunk->data, 0, chunk->len);
        if (nul) {
            g_string_append_len(s, (const char *)chunk->data,
                                (const char *)nul - (const char *)chunk->data);
            return g_string_free(s, FALSE);
        }
        g_string_append_len(s, (const char *)chunk->data, chunk->len);
        addr += len;
    }
    g_string_free(s, TRUE);
    return NULL;
}

static void on_syscall(unsigned int vcpu_index, int64_t num, uint64_t a1,
                       uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                       uint64_t a6, uint64_t a7, uint64_t a8, void *udata)
{
    const SyscallDesc *d = syscall_desc(num);
    g_autofree char *path = NULL;
    QppSyscallEvent ev = {
        .vcpu_index = vcpu_index, .num = num, .name = d ? d->name : NULL,
        .args = { a1, a2, a3, a4, a5, a6 }, .path_arg = d ? d->path_arg : -1,
    };

    (void)a7;
    (void)a8;
    (void)udata;
    __atomic_add_fetch(&seen, 1, __ATOMIC_RELAXED);
    if (ev.path_arg >= 0) {
        path = read_guest_string(ev.args[ev.path_arg]);
        ev.path = path;
    }
    qemu_plugin_run_callback(self, QPP_SYSCALLS_EV_ENTER, &ev);
}

static void on_syscall_ret(unsigned int vcpu_index, int64_t num, int64_t ret,
                           void *udata)
{
    QppSyscallRetEvent ev = {
        .vcpu_index = vcpu_index, .num = num, .name = qpp_syscalls_name(num),
        .ret = ret,
    };

    (void)udata;
    qemu_plugin_run_callback(self, QPP_SYSCALLS_EV_RET, &ev);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
                                           const qemu_info_t *info,
                                           int argc, char **argv)
{
    (void)info;
    if (argc > 0) {
        fprintf(stderr, "qpp-syscalls: unknown argument %s\n", argv[0]);
        return -1;
    }
    self = id;
    if (!qemu_plugin_create_callback(id, QPP_SYSCALLS_EV_ENTER,
                                     QPP_SYSCALLS_ABI) ||
        !qemu_plugin_create_callback(id, QPP_SYSCALLS_EV_RET,
                                     QPP_SYSCALLS_ABI)) {
        return -1;
    }
    qemu_plugin_register_vcpu_syscall_cb(id, on_syscall, NULL);
    qemu_plugin_register_vcpu_syscall_ret_cb(id, on_syscall_ret, NULL);
    return 0;
}
