// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qpp-syscalls.h: the inter-plugin interface of libqpp-syscalls.so, the
 * plugin-to-plugin example producer (qpp-syscalls.c; docs/qpp.md).
 *
 * Plugin name "qpp-syscalls" (its qemu_plugin_name). Events, both of ABI
 * version QPP_SYSCALLS_ABI:
 *
 *   "syscall"      evdata: const QppSyscallEvent *, before each syscall
 *   "syscall_ret"  evdata: const QppSyscallRetEvent *, after each syscall
 *                  that returns (not exit/exit_group)
 *
 * The pointed-to data lives only during the callback. Exported functions
 * (qemu_plugin_import_function("qpp-syscalls", "...")):
 *
 *   qpp_syscalls_name_t   qpp_syscalls_name: "openat", or NULL if unknown
 *   qpp_syscalls_count_t  qpp_syscalls_count: syscalls seen so far
 */
#ifndef QPP_SYSCALLS_H
#define QPP_SYSCALLS_H

#include <stdint.h>

#define QPP_SYSCALLS_PLUGIN   "qpp-syscalls"
#define QPP_SYSCALLS_EV_ENTER "syscall"
#define QPP_SYSCALLS_EV_RET   "syscall_ret"
/* Bump when a struct below changes layout or meaning. */
#define QPP_SYSCALLS_ABI      1

typedef struct QppSyscallEvent {
    unsigned int vcpu_index;
    int64_t num;                /* AArch64 (generic) syscall number */
    const char *name;           /* "openat"; NULL for numbers not decoded */
    uint64_t args[6];           /* x0..x5 */
    int path_arg;               /* which argument is a path, -1 if none */
    const char *path;           /* that path, read from guest memory
                                 * (NULL if none or unreadable) */
} QppSyscallEvent;

typedef struct QppSyscallRetEvent {
    unsigned int vcpu_index;
    int64_t num;
    const char *name;
    int64_t ret;                /* the result; -errno on failure */
} QppSyscallRetEvent;

typedef const char *qpp_syscalls_name_t(int64_t num);
typedef uint64_t qpp_syscalls_count_t(void);

#endif /* QPP_SYSCALLS_H */
