// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace.h: -d strace lines, in qemu-aarch64's format (strace.c).
 *
 * A line is printed in two parts, as qemu does, so that what the call
 * itself writes lands between them:
 *     5141 write(1,0x498f80,6)hello
 *      = 6
 * The pid prefix is the host pid, which is the guest's.
 */
#ifndef UEMU_SYSCALL_STRACE_H
#define UEMU_SYSCALL_STRACE_H

#include "syscall.h"

#include <signal.h>

/* strace_print_call: "PID name(args)"; a call that does not return also ends the line. */
void strace_print_call(const SyscallDesc *d, const SyscallCall *c);

/* strace_print_ret: " = RESULT\n", with the structs the call filled in. */
void strace_print_ret(const SyscallDesc *d, const SyscallCall *c, int64_t ret);

/* strace_print_unknown: "PID Unknown syscall NR\n" for a number with no row. */
void strace_print_unknown(uint64_t nr);

/*
 * strace_print_signal: under -d strace, a signal the guest takes (a handler
 * runs or the default action), as qemu-aarch64 prints it, no pid prefix:
 *     --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=5141, si_uid=0} ---
 * @info is the guest's siginfo (the host layout is the same on arm64).
 */
void strace_print_signal(int sig, const siginfo_t *info);

/* strace_format_siginfo: the "{si_signo=..., ...}" part of that line. */
void strace_format_siginfo(GString *s, int sig, const siginfo_t *info);

/* strace_print_pointer: a pointer as qemu prints one: 0x%016x, or NULL. */
void strace_print_pointer(GString *s, uint64_t v);

/*
 * The socket and timer kinds (strace-net.c): print argument @i of @c as
 * @kind, or after the call the struct an _OUT argument received; false if
 * nothing was printed.
 */
bool strace_print_net_arg(GString *s, SyscallArgKind kind, const SyscallCall *c, int i);
bool strace_print_net_out(GString *s, SyscallArgKind kind, uint64_t v);

/* The process kinds (strace-process.c): clone's arguments, an argv. */
bool strace_print_process_arg(GString *s, SyscallArgKind kind, const SyscallCall *c, int i);

#endif /* UEMU_SYSCALL_STRACE_H */
