// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * procfs.c: the /proc emulation core: which paths are ours, the program
 * facts the files describe, and the hooks the syscall handlers call (see
 * procfs.h). The files themselves are in procfs-gen.c.
 *
 * Matching is textual, on the absolute path the guest passed, for the
 * spellings programs use: "/proc/self/maps", "/proc/1234/maps" (our pid),
 * "/proc/thread-self/maps", "/proc/1234/task/1234/maps". A guest that
 * reaches the same file through "..", a relative path or a directory fd of
 * /proc gets the host's file; qemu-aarch64 draws the same line.
 */
#include "procfs.h"
#include "module.h"
#include "path.h"
#include "uaccess.h"
#include "syscall/syscall.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

/* -- Registry ---------------------------------------------------------------- */

typedef struct ProcfsEntry {
    const char *name;           /* "maps" for /proc/self/maps, "cpuinfo" */
    bool per_process;
    bool writes_to_host;        /* procfs_register_rw */
    ProcfsGenerator gen;
} ProcfsEntry;

static GArray *procfs_entries;  /* of ProcfsEntry */

#define PROCFS_SELF "/proc/self/"

static void procfs_add(const char *path, ProcfsGenerator gen, bool writes_to_host)
{
    ProcfsEntry e = { .gen = gen, .writes_to_host = writes_to_host };

    g_assert(g_str_has_prefix(path, "/proc/"));
    if (!procfs_entries) {
        procfs_entries = g_array_new(FALSE, FALSE, sizeof(ProcfsEntry));
    }
    e.per_process = g_str_has_prefix(path, PROCFS_SELF);
    e.name = path + (e.per_process ? strlen(PROCFS_SELF) : strlen("/proc/"));
    g_array_append_val(procfs_entries, e);
}

void procfs_register(const char *path, ProcfsGenerator gen)
{
    procfs_add(path, gen, false);
}

void procfs_register_rw(const char *path, ProcfsGenerator gen)
{
    procfs_add(path, gen, true);
}

/* "1234/" at @s with 1234 == @id: returns the text after the slash. */
static const char *skip_id(const char *s, long id)
{
    char *end;
    long v;

    if (!g_ascii_isdigit(*s)) {
        return NULL;
    }
    v = strtol(s, &end, 10);
    return v == id && *end == '/' ? end + 1 : NULL;
}

/*
 * The handlers pass the path after the -L lookup (path.h), which gives
 * PREFIX/proc/... when the prefix has a /proc of its own (a chroot-style
 * tree with /proc mounted): the guest still meant our /proc, so undo the
 * prefix, as qemu-aarch64 matches /proc before its lookup.
 */
static const char *unprefixed(const char *path)
{
    const char *prefix = path_prefix();
    size_t n = prefix ? strlen(prefix) : 0;

    if (n && !strncmp(path, prefix, n) && g_str_has_prefix(path + n, "/proc/")) {
        return path + n;
    }
    return path;
}

/*
 * The file name inside our own /proc/PID directory, or NULL: @path minus
 * "/proc/self/", "/proc/thread-self/", "/proc/<pid>/" or
 * "/proc/<pid>/task/<tid>/" (one thread: tid == pid).
 */
static const char *self_file(const char *path)
{
    long pid = getpid();
    const char *rest;

    path = unprefixed(path);
    if (!g_str_has_prefix(path, "/proc/")) {
        return NULL;
    }
    path += strlen("/proc/");
    if (g_str_has_prefix(path, "self/")) {
        return path + strlen("self/");
    }
    if (g_str_has_prefix(path, "thread-self/")) {
        return path + strlen("thread-self/");
    }
    rest = skip_id(path, pid);
    if (rest && g_str_has_prefix(rest, "task/")) {
        const char *r = skip_id(rest + strlen("task/"), pid);
        return r ? r : rest;
    }
    return rest;
}

static const ProcfsEntry *procfs_lookup(const char *path)
{
    const char *self = self_file(path);

    path = unprefixed(path);
    module_call_init(MODULE_INIT_PROCFS);
    if (!procfs_entries) {
        return NULL;
    }
    for (guint i = 0; i < procfs_entries->len; i++) {
        const ProcfsEntry *e = &g_array_index(procfs_entries, ProcfsEntry, i);
        const char *name = e->per_process ? self
                           : g_str_has_prefix(path, "/proc/") ? path + strlen("/proc/")
                           : NULL;

        if (name && !strcmp(name, e->name)) {
            return e;
        }
    }
    return NULL;
}

ProcfsGenerator procfs_find(const char *path)
{
    const ProcfsEntry *e = procfs_lookup(path);

    return e ? e->gen : NULL;
}

/* -- The program ------------------------------------------------------------- */

static ProcfsProgram program;
static bool program_set;
static char host_comm_at_start[16];

/* The end of the NUL-terminated string at @a (its NUL included), or @a. */
static GuestAddr guest_str_end(GuestAddr a)
{
    char c;

    while (uaccess_read(&c, a, 1) == 0) {
        a++;
        if (!c) {
            break;
        }
    }
    return a;
}

/* argv/envp pointer array at @vec: first string's address and last one's end. */
static void string_span(GuestAddr vec, GuestAddr *start, GuestAddr *end)
{
    GuestAddr p, first = 0, last = 0;

    for (GuestAddr a = vec; uaccess_read(&p, a, 8) == 0 && p; a += 8) {
        first = first ? first : p;
        last = p;
    }
    *start = first;
    *end = first ? guest_str_end(last) : 0;
}

static void read_auxv(GuestAddr a)
{
    GArray *v = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    uint64_t pair[2];

    while (uaccess_read(pair, a, sizeof(pair)) == 0) {
        g_array_append_vals(v, pair, 2);
        a += sizeof(pair);
        if (pair[0] == 0) {             /* AT_NULL: the kernel keeps it too */
            break;
        }
    }
    program.auxv_words = v->len;
    program.auxv = (uint64_t *)(void *)g_array_free(v, FALSE);
}

void procfs_set_program(const GuestProgram *prog)
{
    g_autofree char *base = g_path_get_basename(prog->exe.path);
    char *real = realpath(prog->exe.path, NULL);

    g_free(program.exe);
    g_free(program.auxv);
    memset(&program, 0, sizeof(program));
    program.exe = g_strdup(real ? real : prog->exe.path);
    free(real);
    /* fs/exec.c: __set_task_comm(kbasename(filename)), TASK_COMM_LEN 16. */
    g_strlcpy(program.comm, base, sizeof(program.comm));
    program.start_code = prog->exe.start_code;
    program.end_code = prog->exe.end_code;
    program.start_data = prog->exe.start_data;
    program.end_data = prog->exe.end_data;
    program.start_stack = prog->start_stack;
    string_span(prog->argv_start, &program.arg_start, &program.arg_end);
    string_span(prog->env_start, &program.env_start, &program.env_end);
    read_auxv(prog->auxv_start);
    memset(host_comm_at_start, 0, sizeof(host_comm_at_start));
    prctl(PR_GET_NAME, host_comm_at_start);
    program_set = true;
}

const ProcfsProgram *procfs_program(void)
{
    return program_set ? &program : NULL;
}

void procfs_comm(char out[16])
{
    char now[16] = "";

    prctl(PR_GET_NAME, now);
    if (program_set && !strcmp(now, host_comm_at_start)) {
        g_strlcpy(out, program.comm, 16);
    } else {
        g_strlcpy(out, now, 16);        /* the guest renamed itself */
    }
}

/* -- Hooks ------------------------------------------------------------------- */

/*
 * The guest binary /proc/self/exe names: ours once procfs_set_program() ran,
 * before that what main (or a test) gave syscall_set_exe_path().
 */
static const char *exe_target(void)
{
    return program_set ? program.exe : syscall_exe_path();
}

static bool is_self_exe(const char *path)
{
    const char *f = self_file(path);

    return exe_target() && f && !strcmp(f, "exe");
}

/* The generated text in a sealed-size memfd, offset 0; an fd or -errno. */
static int64_t procfs_materialize(const char *path, ProcfsGenerator gen,
                                  int host_flags)
{
    g_autoptr(GString) text = g_string_new(NULL);
    const char *name = strrchr(path, '/') + 1;
    int fd;

    if (!gen(text)) {
        return -EIO;
    }
    fd = memfd_create(name, (host_flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0) {
        return -errno;
    }
    for (size_t off = 0; off < text->len;) {
        ssize_t n = write(fd, text->str + off, text->len - off);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            int e = n < 0 ? errno : EIO;

            close(fd);
            return -e;
        }
        off += (size_t)n;
    }
    lseek(fd, 0, SEEK_SET);
    /* The status flags the guest asked for (O_NONBLOCK...) are its to see. */
    fcntl(fd, F_SETFL, host_flags & (O_NONBLOCK | O_APPEND | O_ASYNC | O_NOATIME));
    return fd;
}

bool procfs_open(const char *path, int host_flags, int64_t *ret)
{
    const ProcfsEntry *e;
    bool write = (host_flags & O_ACCMODE) != O_RDONLY || (host_flags & O_TRUNC);

    if (host_flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW)) {
        return false;
    }
    if (is_self_exe(path)) {
        /* The running program cannot be opened for writing: ETXTBSY. */
        if ((host_flags & O_ACCMODE) != O_RDONLY) {
            *ret = -ETXTBSY;
        } else {
            int fd = open(exe_target(), host_flags & ~(O_CREAT | O_EXCL | O_TRUNC));
            *ret = fd < 0 ? -errno : fd;
        }
        return true;
    }
    e = program_set ? procfs_lookup(path) : NULL;
    if (!e || (write && e->writes_to_host)) {
        return false;
    }
    /* The others are read-only (0444) to their owner; we refuse as for a non-root one. */
    if (write) {
        *ret = -EACCES;
        return true;
    }
    *ret = procfs_materialize(path, e->gen, host_flags);
    return true;
}

bool procfs_readlink(const char *path, char *buf, size_t size, ssize_t *len)
{
    size_t n;

    if (!is_self_exe(path)) {
        return false;
    }
    n = strlen(exe_target());
    *len = (ssize_t)MIN(n, size);       /* no NUL; truncation is silent */
    memcpy(buf, exe_target(), (size_t)*len);
    return true;
}

void procfs_redirect(char **path, bool nofollow)
{
    if (!nofollow && *path && is_self_exe(*path)) {
        g_free(*path);
        *path = g_strdup(exe_target());
    }
}
