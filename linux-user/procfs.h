// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * procfs.h: /proc as the guest must see it.
 *
 * A guest that opens /proc/self/maps, readlinks /proc/self/exe or reads
 * /proc/cpuinfo asks about itself, not about the x86-64 emulator around it.
 * The path-taking syscall handlers (openat in syscall/sys-file.c;
 * newfstatat, readlinkat, faccessat[2] in sys-fs.c; statx, openat2 in
 * sys-fs-at.c) give each guest path to one of the hooks below first:
 *
 *     if (procfs_open(path, host_flags, &ret))        // openat
 *         return ret;                                  // an fd or -errno
 *     if (procfs_readlink(path, buf, size, &len))      // readlinkat
 *         ...
 *     procfs_redirect(&path, flags & AT_SYMLINK_NOFOLLOW);   // stat, access
 *
 * An emulated file is generated whole into a memfd at open time (the
 * kernel's seq_file also builds the text when it is read), so the guest
 * reads, seeks and fstats an ordinary file. Every emulated file registers
 * itself with procfs_register() from a MODULE_INIT_PROCFS function; the
 * list is collected on first use, so neither main nor the handlers name
 * them. Paths under /proc/self/ also match as /proc/<our pid>/,
 * /proc/thread-self/ and /proc/<pid>/task/<pid>/; anything else, including
 * /proc/self/fd/N and other processes, goes to the host unchanged.
 */
#ifndef UEMU_PROCFS_H
#define UEMU_PROCFS_H

#include "elfload.h"
#include "target-arm/cpu-models.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <glib.h>

/* -- The guest process, as the emulated files describe it --------------- */

typedef struct ProcfsProgram {
    char *exe;                  /* absolute, symlinks resolved: readlink(exe) */
    char comm[16];              /* basename of the path executed, 15 chars */
    GuestAddr start_code, end_code, start_data, end_data;
    GuestAddr start_stack;      /* the initial sp, which points at argc */
    GuestAddr arg_start, arg_end, env_start, env_end; /* the strings on the stack */
    uint64_t *auxv;             /* the pairs stack.c wrote, AT_NULL included */
    size_t auxv_words;
} ProcfsProgram;

/*
 * procfs_set_program: record @prog after the stack is built and before the
 * guest runs (auxv and the argv/envp string bounds are read from guest
 * memory now). Until this is called nothing is emulated.
 */
void procfs_set_program(const GuestProgram *prog);

/* procfs_program: the recorded program, or NULL. */
const ProcfsProgram *procfs_program(void);

/*
 * procfs_comm: the guest's comm: its program's basename, or the name the
 * guest gave itself since (prctl(PR_SET_NAME) or a write to
 * /proc/self/comm reach the host thread, which is how we notice).
 */
void procfs_comm(char out[16]);

/* -- Registry ------------------------------------------------------------- */

/* A generator appends the whole file to @out; false means -EIO-like failure. */
typedef bool (*ProcfsGenerator)(GString *out);

/*
 * procfs_register: emulate @path, written "/proc/self/NAME" for a file of
 * this process (also matched under /proc/<pid>/, /proc/thread-self/, ...)
 * or "/proc/NAME" for a system-wide one. Call from MODULE_INIT_PROCFS.
 */
void procfs_register(const char *path, ProcfsGenerator gen);

/*
 * procfs_register_rw: as procfs_register, for a file whose writes mean the
 * same for the guest as for us (comm renames the thread): an open for
 * writing goes to the host's file; reads are generated.
 */
void procfs_register_rw(const char *path, ProcfsGenerator gen);

/* procfs_find: the generator serving @path, or NULL (exposed for tests). */
ProcfsGenerator procfs_find(const char *path);

/* -- Hooks for the syscall handlers -------------------------------------- */

/*
 * procfs_open: if @path (a guest path, absolute) is emulated, open it with
 * @host_flags and return true with *@ret an fd or -errno; false sends the
 * caller to the host. /proc/self/exe opens the guest binary; O_PATH,
 * O_DIRECTORY and O_NOFOLLOW opens are left to the host, and so is every
 * open before procfs_set_program().
 */
bool procfs_open(const char *path, int host_flags, int64_t *ret);

/*
 * procfs_readlink: readlink(2) of an emulated link (/proc/self/exe): up to
 * @size bytes of the target into @buf, no NUL, silently truncated, *@len =
 * bytes stored. False: not ours, ask the host.
 */
bool procfs_readlink(const char *path, char *buf, size_t size, ssize_t *len);

/*
 * procfs_redirect: for calls that follow links (stat, statx, access), a
 * *@path naming /proc/self/exe is replaced (g_free'd, reallocated) by the
 * guest binary's path; with @nofollow, or for any other path, nothing changes.
 */
void procfs_redirect(char **path, bool nofollow);

/* -- Formatters (procfs-gen.c), pure where possible, for the unit tests -- */

/*
 * procfs_format_maps: @n VMAs in the kernel's /proc/PID/maps format
 * (show_map_vma: "%08lx-%08lx rwxp %08llx MM:mm inode", a name padded to
 * column 73). With @smaps, each VMA is followed by its smaps fields.
 */
void procfs_format_maps(GString *out, const GuestVma *vma, size_t n, bool smaps);

/* procfs_format_cpuinfo: arm64's /proc/cpuinfo for @ncpus CPUs of model @m. */
void procfs_format_cpuinfo(GString *out, const ArmCpuModel *m, unsigned ncpus);

/* procfs_hwcap_names: the Features list of @hwcap/@hwcap2, in kernel order. */
void procfs_hwcap_names(GString *out, uint64_t hwcap, uint64_t hwcap2);

/*
 * procfs_format_stat: /proc/self/stat from the host's @host_line with the
 * guest's facts in the fields that describe the guest (comm, vsize, code,
 * data, stack, argument and environment addresses). False if @host_line
 * does not parse.
 */
bool procfs_format_stat(GString *out, const char *host_line,
                        const ProcfsProgram *p, const char *comm,
                        uint64_t vsize, GuestAddr start_brk);

#endif /* UEMU_PROCFS_H */
