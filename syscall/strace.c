// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace.c: -d strace, one line per syscall in qemu-aarch64's format,
 * driven by the argument and return kinds of each syscalls.def row:
 *
 *   6322 openat(AT_FDCWD,"/etc/passwd",O_RDONLY|O_CLOEXEC) = 3
 *   6322 mmap(NULL,8192,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0) = 0x0000005500802000
 *   6322 clock_gettime(CLOCK_MONOTONIC,0x0000005500800480) = 0 ({tv_sec = 2665,tv_nsec = 537375363})
 *   6322 openat(AT_FDCWD,0x0000000000000001,O_RDONLY) = -1 errno=14 (Bad address)
 *   6322 exit_group(0)
 *   --- SIGSEGV {si_signo=SIGSEGV, si_code=1, si_addr=0x0000000000001234} ---
 *
 * The last kind of line is a signal the guest takes (strace_print_signal);
 * qemu-aarch64 prints those without the pid prefix, and so do we.
 *
 * Each part of a line is built in a GString and written with one call, so
 * threads interleave by parts, never inside one. Strings are read through
 * uaccess like any guest memory; an unreadable one prints as its pointer.
 */
#include "strace.h"
#include "linux-user/log.h"
#include "linux-user/uaccess.h"

#include <inttypes.h>
#include <string.h>
#include <unistd.h>

/* -- Name tables ------------------------------------------------------------ */

typedef struct StraceName {
    const char *name;
    uint64_t value;
} StraceName;

#define NAMES(t)        static const StraceName t##_names[] = {
#define NAME(n, v)      { #n, v },
#define END_NAMES       { NULL, 0 } };
#include "strace-flags.def"
#undef NAMES
#undef NAME
#undef END_NAMES

/* ioctls.def again: the name, and how the third argument is passed (sys-ioctl.c). */
enum { IOC_NONE, IOC_VAL, IOC_R, IOC_W };

typedef struct StraceIoctl {
    const char *name;
    uint32_t cmd;
    int dir;
    const char *type;
} StraceIoctl;

static const StraceIoctl ioctl_table[] = {
#define IOCTL(name, cmd, dir, type) { #name, cmd, dir, #type },
#include "ioctls.def"
#undef IOCTL
    { NULL, 0, 0, NULL }
};

static const StraceIoctl *ioctl_lookup(uint32_t cmd)
{
    for (const StraceIoctl *t = ioctl_table; t->name; t++) {
        if (t->cmd == cmd) {
            return t;
        }
    }
    return NULL;
}

/* print_enum: the entry equal to @v, else @v in decimal. */
static void print_enum(GString *s, const StraceName *t, int64_t v)
{
    for (; t->name; t++) {
        if (t->value == (uint64_t)v) {
            g_string_append(s, t->name);
            return;
        }
    }
    g_string_append_printf(s, "%" PRId64, v);
}

/* print_flags: names of the entries set in @v, joined by |, then leftover bits. */
static void print_flags(GString *s, const StraceName *t, uint64_t v)
{
    bool any = false;

    for (; t->name; t++) {
        if (t->value && (v & t->value) == t->value) {
            g_string_append_printf(s, "%s%s", any ? "|" : "", t->name);
            v &= ~t->value;
            any = true;
        }
    }
    if (v || !any) {
        g_string_append_printf(s, "%s%#" PRIx64, any ? "|" : "", v);
    }
}

/* -- Argument kinds --------------------------------------------------------- */

void strace_print_pointer(GString *s, uint64_t v)
{
    if (v) {
        g_string_append_printf(s, "0x%016" PRIx64, v);
    } else {
        g_string_append(s, "NULL");
    }
}

static void print_string(GString *s, uint64_t v)
{
    g_autofree char *str = v ? uaccess_strdup(v, GUEST_PATH_MAX - 1, NULL) : NULL;

    if (str) {
        g_string_append_printf(s, "\"%s\"", str);
    } else {
        strace_print_pointer(s, v);
    }
}

static void print_open_flags(GString *s, uint64_t v, bool with_mode)
{
    if (with_mode) {
        print_enum(s, open_accmode_names, (int64_t)(v & 3));
        v &= ~(uint64_t)3;
        if (v) {
            g_string_append_c(s, '|');
        }
    }
    if (v || !with_mode) {
        print_flags(s, open_flags_names, v);
    }
}

static void print_map_flags(GString *s, uint64_t v)
{
    print_enum(s, map_type_names, (int64_t)(v & 0xf));
    if (v & ~(uint64_t)0xf) {
        g_string_append_c(s, '|');
        print_flags(s, map_flags_names, v & ~(uint64_t)0xf);
    }
}

static void print_futex_op(GString *s, uint64_t v)
{
    uint64_t opts = v & (128 | 256);

    if (opts) {
        print_flags(s, futex_flags_names, opts);
        g_string_append_c(s, '|');
    }
    print_enum(s, futex_cmd_names, (int64_t)(v & ~opts & 0xffffffff));
}

/* Two-word structs read from the guest: {tv_sec = 1,tv_nsec = 2}. */
static void print_pair(GString *s, uint64_t v, const char *a, const char *b,
                       bool words32)
{
    int64_t w[2];
    int32_t h[2];

    if (!v) {
        g_string_append(s, "NULL");
    } else if (words32 && !uaccess_read(h, v, sizeof(h))) {
        g_string_append_printf(s, "{%s = %d,%s = %d}", a, h[0], b, h[1]);
    } else if (!words32 && !uaccess_read(w, v, sizeof(w))) {
        g_string_append_printf(s, "{%s = %" PRId64 ",%s = %" PRId64 "}",
                               a, w[0], b, w[1]);
    } else {
        strace_print_pointer(s, v);
    }
}

/* fcntl's third argument, which F_GET* commands do not take (qemu omits it). */
static bool print_fcntl_arg(GString *s, uint64_t cmd, uint64_t v)
{
    switch ((int)cmd) {
    case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034:
        return false;       /* F_GETFD F_GETFL F_GETOWN F_GETSIG F_GETLEASE F_GETPIPE_SZ F_GET_SEALS */
    case 4:                 /* F_SETFL: qemu names the access mode too */
        print_open_flags(s, (uint32_t)v, true);
        return true;
    case 5: case 6: case 7: case 36: case 37: case 38:
    case 15: case 16:       /* struct flock, struct f_owner_ex */
    case 1035: case 1036: case 1037: case 1038:     /* F_{GET,SET}{,_FILE}_RW_HINT */
        strace_print_pointer(s, v);
        return true;
    default:
        g_string_append_printf(s, "%d", (int)v);
        return true;
    }
}

/* qemu's print_file_mode: the file type, then the permission bits in octal. */
static void print_file_mode(GString *s, uint64_t v)
{
    uint32_t mode = (uint32_t)v;
    const char *sep = "";

    if (mode == 0) {
        g_string_append(s, "000");
        return;
    }
    for (const StraceName *t = file_type_names; t->name; t++) {
        if ((mode & t->value) == t->value) {
            g_string_append(s, t->name);
            sep = "|";
            mode &= ~(uint32_t)t->value;
            break;
        }
    }
    mode &= ~(uint32_t)0170000;
    if (mode) {
        g_string_append_printf(s, "%s%#o", sep, mode);
    }
}

/* struct winsize as qemu prints it: {rows,cols,xpixel,ypixel}; false if unreadable. */
static bool print_winsize(GString *s, uint64_t v)
{
    uint16_t ws[4];

    if (uaccess_read(ws, v, sizeof(ws))) {
        return false;
    }
    g_string_append_printf(s, "{%u,%u,%u,%u}", ws[0], ws[1], ws[2], ws[3]);
    return true;
}

/* ioctl's third argument: nothing, a number, an int or winsize the kernel reads, or a pointer. */
static bool print_ioctl_arg(GString *s, uint64_t cmd, uint64_t v)
{
    const StraceIoctl *t = ioctl_lookup((uint32_t)cmd);
    int32_t val;

    if (t && t->dir == IOC_W && !strcmp(t->type, "GuestWinsize") && print_winsize(s, v)) {
        return true;
    }

    if (t && t->dir == IOC_NONE) {
        return false;
    }
    if (t && t->dir == IOC_VAL) {
        g_string_append_printf(s, "%d", (int)v);
    } else if (t && t->dir == IOC_W && !strcmp(t->type, "int32_t") &&
               !uaccess_read(&val, v, sizeof(val))) {
        g_string_append_printf(s, "%d", val);
    } else {
        strace_print_pointer(s, v);
    }
    return true;
}

/* print_arg: argument @i of @c as @kind; false if it prints as nothing. */
static bool print_arg(GString *s, SyscallArgKind kind, const SyscallCall *c, int i)
{
    uint64_t v = c->arg[i];

    switch (kind) {
    case SC_ARG_NONE:
        return false;
    case SC_ARG_INT:
    case SC_ARG_FD:
        g_string_append_printf(s, "%d", (int)v);
        break;
    case SC_ARG_LONG:
        g_string_append_printf(s, "%" PRId64, (int64_t)v);
        break;
    case SC_ARG_ULONG:
    case SC_ARG_SIZE:
        g_string_append_printf(s, "%" PRIu64, v);
        break;
    case SC_ARG_HEX:
        g_string_append_printf(s, "%#" PRIx64, v);
        break;
    case SC_ARG_PTR:
    case SC_ARG_TIMESPEC_OUT:
    case SC_ARG_TIMEVAL_OUT:
    case SC_ARG_TIMEZONE_OUT:
        strace_print_pointer(s, v);
        break;
    case SC_ARG_STR:
        print_string(s, v);
        break;
    case SC_ARG_DIRFD:
        if ((int)v == -100) {
            g_string_append(s, "AT_FDCWD");
        } else {
            g_string_append_printf(s, "%d", (int)v);
        }
        break;
    case SC_ARG_MODE:
        g_string_append_printf(s, "%#o", (unsigned)v);
        break;
    case SC_ARG_OPEN_MODE:
        /* Only O_CREAT and O_TMPFILE (020000000) read the mode; qemu omits it otherwise. */
        if (i == 0 || !(c->arg[i - 1] & (0100 | 020000000))) {
            return false;
        }
        g_string_append_printf(s, "%#o", (unsigned)v);
        break;
    case SC_ARG_OPEN_FLAGS:
        print_open_flags(s, (uint32_t)v, true);
        break;
    case SC_ARG_O_FLAGS:
        print_open_flags(s, (uint32_t)v, false);
        break;
    case SC_ARG_PROT:
        if ((uint32_t)v == 0) {
            g_string_append(s, "PROT_NONE");
        } else {
            print_flags(s, prot_names, (uint32_t)v);
        }
        break;
    case SC_ARG_MAP_FLAGS:
        print_map_flags(s, (uint32_t)v);
        break;
    case SC_ARG_AT_FLAGS:
        print_flags(s, at_flags_names, (uint32_t)v);
        break;
    case SC_ARG_ACCESS_MODE:
        if ((uint32_t)v == 0) {
            g_string_append(s, "F_OK");
        } else {
            print_flags(s, access_mode_names, (uint32_t)v);
        }
        break;
    case SC_ARG_WHENCE:
        print_enum(s, whence_names, (int)v);
        break;
    case SC_ARG_CLOCK:
        print_enum(s, clock_names, (int)v);
        break;
    case SC_ARG_SIGNAL:
        print_enum(s, signal_names, (int)v);
        break;
    case SC_ARG_SIGHOW:
        print_enum(s, sighow_names, (int)v);
        break;
    case SC_ARG_FUTEX_OP:
        print_futex_op(s, (uint32_t)v);
        break;
    case SC_ARG_IOCTL: {
        const StraceIoctl *t = ioctl_lookup((uint32_t)v);

        if (t) {
            g_string_append(s, t->name);
        } else {
            g_string_append_printf(s, "%#x", (unsigned)v);
        }
        break;
    }
    case SC_ARG_IOCTL_ARG:
        return print_ioctl_arg(s, c->arg[1], v);
    case SC_ARG_FILE_MODE:
        print_file_mode(s, v);
        break;
    case SC_ARG_MKNOD_DEV:
        /* As qemu: only when the mode has a device type bit (S_IFCHR/S_IFBLK overlap). */
        if (i == 0 || !(c->arg[i - 1] & 060000)) {
            return false;
        }
        g_string_append_printf(s, "makedev(%u,%u)", ((unsigned)v >> 8) & 0xfff,
                               ((unsigned)v & 0xff) | (((unsigned)v >> 12) & 0xfff00));
        break;
    case SC_ARG_STATX_MASK:
        print_flags(s, statx_mask_names, (uint32_t)v);
        break;
    case SC_ARG_XATTR_LIST_OUT:
        strace_print_pointer(s, v);
        break;
    case SC_ARG_FCNTL:
        print_enum(s, fcntl_cmd_names, (int)v);
        break;
    case SC_ARG_FCNTL_ARG:
        return print_fcntl_arg(s, c->arg[1], v);
    case SC_ARG_MADV:
        print_enum(s, madvise_names, (int)v);
        break;
    case SC_ARG_RLIMIT:
        print_enum(s, rlimit_names, (int)v);
        break;
    case SC_ARG_TIMESPEC:
        print_pair(s, v, "tv_sec", "tv_nsec", false);
        break;
    case SC_ARG_SOCK_DOMAIN:
    case SC_ARG_SOCK_TYPE:
    case SC_ARG_SOCK_PROTO:
    case SC_ARG_SOCKADDR:
    case SC_ARG_SOCKLEN:
    case SC_ARG_ITIMER:
    case SC_ARG_ITIMERVAL:
    case SC_ARG_ITIMERVAL_OUT:
    case SC_ARG_OLD_ITIMERVAL_OUT:
        return strace_print_net_arg(s, kind, c, i);
    case SC_ARG_CLONE_ARGS:
    case SC_ARG_ARGV:
        return strace_print_process_arg(s, kind, c, i);
    }
    return true;
}

/* listxattr's result: the @len bytes of NUL-terminated names at @v, qemu-style. */
static void print_xattr_list(GString *s, uint64_t v, int64_t len)
{
    g_autofree char *buf = NULL;

    g_string_append(s, "list = ");
    if (!v || len <= 0 || len > 65536) {
        g_string_append(s, "NULL");
        return;
    }
    buf = g_malloc((size_t)len + 1);
    if (uaccess_read(buf, v, (size_t)len)) {
        strace_print_pointer(s, v);
        return;
    }
    buf[len] = 0;
    for (int64_t off = 0; off < len; off += (int64_t)strlen(buf + off) + 1) {
        g_string_append_printf(s, "%s\"%s\"", off ? "," : "", buf + off);
    }
}

/* After a successful call: the struct an _OUT argument received. */
static bool print_out_arg(GString *s, SyscallArgKind kind, const SyscallCall *c,
                          int i, int64_t ret)
{
    uint64_t v = c->arg[i];
    const StraceIoctl *t;
    int32_t val;

    switch (kind) {
    case SC_ARG_XATTR_LIST_OUT:
        print_xattr_list(s, v, ret);
        return true;
    case SC_ARG_IOCTL_ARG:
        /* An int the kernel wrote (FIONREAD): " = 0 (3)", as qemu; a winsize likewise. */
        t = ioctl_lookup((uint32_t)c->arg[1]);
        if (t && t->dir == IOC_R && !strcmp(t->type, "GuestWinsize")) {
            return print_winsize(s, v);
        }
        if (t && t->dir == IOC_R && !strcmp(t->type, "int32_t") &&
            !uaccess_read(&val, v, sizeof(val))) {
            g_string_append_printf(s, "%d", val);
            return true;
        }
        return false;
    case SC_ARG_TIMESPEC_OUT:
        print_pair(s, v, "tv_sec", "tv_nsec", false);
        return true;
    case SC_ARG_TIMEVAL_OUT:
        print_pair(s, v, "tv_sec", "tv_usec", false);
        return true;
    case SC_ARG_TIMEZONE_OUT:
        print_pair(s, v, "tz_minuteswest", "tz_dsttime", true);
        return true;
    case SC_ARG_ITIMERVAL_OUT:
    case SC_ARG_OLD_ITIMERVAL_OUT:
        return strace_print_net_out(s, kind, v);
    default:
        return false;
    }
}

/* -- Lines ------------------------------------------------------------------ */

static void emit(GString *s)
{
    FILE *out = log_stream();

    fputs(s->str, out);
    fflush(out);
}

void strace_print_call(const SyscallDesc *d, const SyscallCall *c)
{
    g_autoptr(GString) s = g_string_new(NULL);
    bool first = true;

    g_string_printf(s, "%d %s(", (int)getpid(), d->name);
    for (int i = 0; i < d->nargs; i++) {
        gsize mark = s->len;

        if (!first) {
            g_string_append_c(s, ',');
        }
        if (print_arg(s, d->args[i], c, i)) {
            first = false;
        } else {
            g_string_truncate(s, mark);
        }
    }
    g_string_append_c(s, ')');
    if (d->ret == SC_RET_NONE) {
        g_string_append_c(s, '\n');
    }
    emit(s);
}

void strace_print_ret(const SyscallDesc *d, const SyscallCall *c, int64_t ret)
{
    g_autoptr(GString) s = g_string_new(NULL);
    bool any = false;

    if (ret < 0 && ret >= -4095) {
        g_string_printf(s, " = -1 errno=%d (%s)\n", (int)-ret, g_strerror((int)-ret));
        emit(s);
        return;
    }
    if (d->ret == SC_RET_PTR) {
        g_string_printf(s, " = 0x%016" PRIx64, (uint64_t)ret);
    } else {
        g_string_printf(s, " = %" PRId64, ret);
    }
    for (int i = 0; i < d->nargs; i++) {
        gsize mark = s->len;

        g_string_append(s, any ? "," : " (");
        if (print_out_arg(s, d->args[i], c, i, ret)) {
            any = true;
        } else {
            g_string_truncate(s, mark);
        }
    }
    g_string_append(s, any ? ")\n" : "\n");
    emit(s);
}

void strace_print_unknown(uint64_t nr)
{
    g_autoptr(GString) s = g_string_new(NULL);

    g_string_printf(s, "%d Unknown syscall %" PRIu64 "\n", (int)getpid(), nr);
    emit(s);
}

/* -- Signals taken ------------------------------------------------------------ */

/*
 * Which union member of @info means something, as qemu-aarch64 decides it
 * when it converts a host siginfo: kill/tkill and the kernel's own carry a
 * sender; a fault carries an address; otherwise it depends on the signal
 * (SIGCHLD the child's status, SIGIO the poll band) or it came from
 * sigqueue, a timer or a message queue (sender and value).
 */
typedef enum SiginfoLayout {
    SI_LAYOUT_KILL,
    SI_LAYOUT_FAULT,
    SI_LAYOUT_CHLD,
    SI_LAYOUT_POLL,
    SI_LAYOUT_RT,
} SiginfoLayout;

static SiginfoLayout siginfo_layout(int sig, const siginfo_t *info)
{
    int code = info->si_code;

    if (code == SI_USER || code == SI_TKILL || code == SI_KERNEL) {
        return SI_LAYOUT_KILL;
    }
    if (code > 0 && (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
                     sig == SIGFPE || sig == SIGTRAP)) {
        return SI_LAYOUT_FAULT;
    }
    if (sig == SIGCHLD) {
        return SI_LAYOUT_CHLD;
    }
    if (sig == SIGIO) {
        return SI_LAYOUT_POLL;
    }
    return SI_LAYOUT_RT;
}

void strace_format_siginfo(GString *s, int sig, const siginfo_t *info)
{
    g_string_append(s, "{si_signo=");
    print_enum(s, signal_names, sig);
    g_string_append(s, ", si_code=");
    print_enum(s, si_code_names, info->si_code);
    switch (siginfo_layout(sig, info)) {
    case SI_LAYOUT_KILL:
        g_string_append_printf(s, ", si_pid=%u, si_uid=%u",
                               (unsigned)info->si_pid, (unsigned)info->si_uid);
        break;
    case SI_LAYOUT_FAULT:
        g_string_append(s, ", si_addr=");
        strace_print_pointer(s, (uint64_t)(uintptr_t)info->si_addr);
        break;
    case SI_LAYOUT_CHLD:
        g_string_append_printf(s, ", si_pid=%u, si_uid=%u, si_status=%d, "
                               "si_utime=%ld, si_stime=%ld",
                               (unsigned)info->si_pid, (unsigned)info->si_uid,
                               info->si_status, (long)info->si_utime,
                               (long)info->si_stime);
        break;
    case SI_LAYOUT_POLL:
        g_string_append_printf(s, ", si_band=%d, si_fd=%d",
                               (int)info->si_band, info->si_fd);
        break;
    case SI_LAYOUT_RT:
        g_string_append_printf(s, ", si_pid=%u, si_uid=%u, si_sigval=%u",
                               (unsigned)info->si_pid, (unsigned)info->si_uid,
                               (unsigned)(uintptr_t)info->si_value.sival_ptr);
        break;
    }
    g_string_append_c(s, '}');
}

void strace_print_signal(int sig, const siginfo_t *info)
{
    g_autoptr(GString) s = NULL;

    if (!log_enabled(log_item_mask("strace"))) {
        return;
    }
    s = g_string_new("--- ");
    print_enum(s, signal_names, sig);
    g_string_append_c(s, ' ');
    strace_format_siginfo(s, sig, info);
    g_string_append(s, " ---\n");
    emit(s);
}
