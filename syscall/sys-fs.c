// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-fs.c: syscalls on paths and directories: stat, readlink, access,
 * getcwd/chdir, mkdir/unlink/rename, getdents64, umask; and the guest path
 * helper the other families share.
 *
 * Paths are copied out of guest memory (at most PATH_MAX bytes, as the
 * kernel takes them). Lookups that only read the file system (open, stat,
 * access, readlink) try an absolute path under the -L prefix first, as
 * qemu-aarch64 does; calls that change it use the path as given.
 *
 * /proc/self/exe (readlink, and stat/access that follow it) and the other
 * emulated /proc files answer for the guest: linux-user/procfs.h.
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/path.h"
#include "linux-user/procfs.h"
#include "linux-user/uaccess.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* -- Guest paths --------------------------------------------------------------- */

char *syscall_get_path(GuestAddr a, bool lookup, int64_t *err)
{
    int e = -EFAULT;
    char *p = uaccess_strdup(a, GUEST_PATH_MAX - 1, &e);

    if (!p) {
        *err = e;
        return NULL;
    }
    if (lookup && p[0] == '/') {
        char *prefixed = path_lookup(p);
        g_free(p);
        p = prefixed;
    }
    return p;
}

static char *exe_path;

void syscall_set_exe_path(const char *path)
{
    g_free(exe_path);
    exe_path = path ? g_canonicalize_filename(path, NULL) : NULL;
}

const char *syscall_exe_path(void)
{
    return exe_path;
}

/* -- stat ----------------------------------------------------------------------- */

static int64_t stat_to_guest(const struct stat *st, GuestAddr buf)
{
    GuestStat g;
    int err = conv_stat_to_guest(st, &g);

    if (err) {
        return err;
    }
    return uaccess_write(buf, &g, sizeof(g)) ? -EFAULT : 0;
}

int64_t sys_newfstatat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], true, &err);
    struct stat st;

    if (!path) {
        return err;
    }
    procfs_redirect(&path, arg_int(c, 3) & AT_SYMLINK_NOFOLLOW);
    if (syscall(SYS_newfstatat, arg_int(c, 0), path, &st, arg_int(c, 3)) < 0) {
        return -errno;
    }
    return stat_to_guest(&st, c->arg[2]);
}

int64_t sys_fstat(SyscallCall *c)
{
    struct stat st;

    if (fstat(arg_int(c, 0), &st) < 0) {
        return -errno;
    }
    return stat_to_guest(&st, c->arg[1]);
}

/* -- Links and access ------------------------------------------------------------ */

int64_t sys_readlinkat(SyscallCall *c)
{
    int bufsiz = arg_int(c, 3);
    int64_t err = 0;
    g_autofree char *path = NULL;
    char target[GUEST_PATH_MAX];
    ssize_t len;

    if (bufsiz <= 0) {
        return -EINVAL;
    }
    path = syscall_get_path(c->arg[1], true, &err);
    if (!path) {
        return err;
    }
    if (!procfs_readlink(path, target, MIN((size_t)bufsiz, sizeof(target)), &len)) {
        len = readlinkat(arg_int(c, 0), path, target, MIN((size_t)bufsiz, sizeof(target)));
        if (len < 0) {
            return -errno;
        }
    }
    return uaccess_write(c->arg[2], target, (size_t)len) ? -EFAULT : len;
}

/* faccessat has no flags argument; faccessat2 added one. */
int64_t sys_faccessat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], true, &err);

    if (!path) {
        return err;
    }
    procfs_redirect(&path, false);
    return host_ret(syscall(SYS_faccessat, arg_int(c, 0), path, arg_int(c, 2)));
}

int64_t sys_faccessat2(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], true, &err);

    if (!path) {
        return err;
    }
    procfs_redirect(&path, arg_int(c, 3) & AT_SYMLINK_NOFOLLOW);
    return host_ret(syscall(SYS_faccessat2, arg_int(c, 0), path, arg_int(c, 2),
                            arg_int(c, 3)));
}

/* -- Working directory and umask -------------------------------------------------- */

/*
 * The kernel builds the path in one page and answers ENAMETOOLONG beyond
 * it, so a bounce buffer of that size loses nothing.
 */
int64_t sys_getcwd(SyscallCall *c)
{
    char buf[GUEST_PATH_MAX];
    long len = syscall(SYS_getcwd, buf, MIN(c->arg[1], sizeof(buf)));

    if (len < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[0], buf, (size_t)len) ? -EFAULT : len;
}

int64_t sys_chdir(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[0], false, &err);

    return path ? host_ret(chdir(path)) : err;
}

int64_t sys_umask(SyscallCall *c)
{
    return umask((mode_t)(c->arg[0] & 0777));
}

/* -- Changing the tree -------------------------------------------------------------- */

int64_t sys_mkdirat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], false, &err);

    return path ? host_ret(mkdirat(arg_int(c, 0), path, (mode_t)arg_int(c, 2))) : err;
}

int64_t sys_unlinkat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], false, &err);

    return path ? host_ret(unlinkat(arg_int(c, 0), path, arg_int(c, 2))) : err;
}

int64_t sys_renameat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *from = syscall_get_path(c->arg[1], false, &err);
    g_autofree char *to = from ? syscall_get_path(c->arg[3], false, &err) : NULL;

    if (!to) {
        return err;
    }
    return host_ret(renameat(arg_int(c, 0), from, arg_int(c, 2), to));
}

/* struct linux_dirent64 is the same on both ABIs: the host fills the guest buffer. */
int64_t sys_getdents64(SyscallCall *c)
{
    unsigned count = (unsigned)c->arg[2];
    void *buf = uaccess_host_ptr(c->arg[1], count, PROT_WRITE);

    if (!buf) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_getdents64, arg_int(c, 0), buf, count));
}
