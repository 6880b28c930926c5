// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace-process.c: the -strace argument kinds of the process family, as
 * qemu-aarch64 prints them:
 *
 *   clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|0x11,child_stack=0x0000000000000000,
 *         parent_tidptr=0x0000000000000000,tls=0x0000000000000000,
 *         child_tidptr=0x00000000004a80d0) = 1234            (one line)
 *   execve("/bin/true",{"true",NULL})
 *
 * SC_ARG_CLONE_ARGS prints all five clone arguments (arm64's order: flags,
 * stack, parent_tid, tls, child_tid), so the row names only that one kind.
 */
#include "strace.h"
#include "linux-user/uaccess.h"

#include <inttypes.h>
#include <sched.h>

static const struct {
    uint64_t value;
    const char *name;
} clone_flag_names[] = {
    /* qemu's order (linux-user/strace.c's clone_flags) */
    { CLONE_VM, "CLONE_VM" },
    { CLONE_FS, "CLONE_FS" },
    { CLONE_FILES, "CLONE_FILES" },
    { CLONE_SIGHAND, "CLONE_SIGHAND" },
    { CLONE_PIDFD, "CLONE_PIDFD" },
    { CLONE_PTRACE, "CLONE_PTRACE" },
    { CLONE_VFORK, "CLONE_VFORK" },
    { CLONE_PARENT, "CLONE_PARENT" },
    { CLONE_THREAD, "CLONE_THREAD" },
    { CLONE_NEWNS, "CLONE_NEWNS" },
    { CLONE_SYSVSEM, "CLONE_SYSVSEM" },
    { CLONE_SETTLS, "CLONE_SETTLS" },
    { CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID" },
    { CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID" },
    { CLONE_DETACHED, "CLONE_DETACHED" },
    { CLONE_UNTRACED, "CLONE_UNTRACED" },
    { CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID" },
    { CLONE_NEWCGROUP, "CLONE_NEWCGROUP" },
    { CLONE_NEWUTS, "CLONE_NEWUTS" },
    { CLONE_NEWIPC, "CLONE_NEWIPC" },
    { CLONE_NEWUSER, "CLONE_NEWUSER" },
    { CLONE_NEWPID, "CLONE_NEWPID" },
    { CLONE_NEWNET, "CLONE_NEWNET" },
    { CLONE_IO, "CLONE_IO" },
};

/* The flags by name, then what is left (the exit signal) in hex: "...|0x11". */
static void print_clone_flags(GString *s, uint64_t v)
{
    bool any = false;

    v &= 0xffffffffu;
    for (size_t i = 0; i < G_N_ELEMENTS(clone_flag_names); i++) {
        if (v & clone_flag_names[i].value) {
            g_string_append_printf(s, "%s%s", any ? "|" : "", clone_flag_names[i].name);
            v &= ~clone_flag_names[i].value;
            any = true;
        }
    }
    if (v || !any) {
        g_string_append_printf(s, "%s%#" PRIx64, any ? "|" : "", v);
    }
}

/* {"a","b",NULL}; stops quietly at an unreadable pointer, as qemu does. */
static void print_argv(GString *s, uint64_t a)
{
    g_string_append_c(s, '{');
    for (unsigned i = 0; a && i < 4096; i++) {
        uint64_t p;
        g_autofree char *str = NULL;

        if (uaccess_read(&p, a + 8 * (uint64_t)i, sizeof(p)) || !p) {
            break;
        }
        str = uaccess_strdup(p, 4096, NULL);
        if (str) {
            g_string_append_printf(s, "\"%s\",", str);
        }
    }
    g_string_append(s, "NULL}");
}

bool strace_print_process_arg(GString *s, SyscallArgKind kind, const SyscallCall *c, int i)
{
    switch (kind) {
    case SC_ARG_CLONE_ARGS:
        print_clone_flags(s, c->arg[0]);
        g_string_append_printf(s, ",child_stack=0x%016" PRIx64 ",parent_tidptr=0x%016"
                               PRIx64 ",tls=0x%016" PRIx64 ",child_tidptr=0x%016" PRIx64,
                               c->arg[1], c->arg[2], c->arg[3], c->arg[4]);
        return true;
    case SC_ARG_ARGV:
        print_argv(s, c->arg[i]);
        return true;
    default:
        return false;
    }
}
