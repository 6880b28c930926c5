// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-fs-at.c: the rest of the path-taking file system calls: mknodat,
 * symlinkat, linkat, renameat2, fchmodat, fchownat, utimensat, truncate,
 * statfs, statx, openat2 and the mount family.
 *
 *   mknodat(AT_FDCWD,"/tmp/x/fifo",S_IFIFO|0644,0) = 0   (under -strace)
 *
 * Every structure these calls pass (struct statfs, struct statx, two
 * struct timespec, struct open_how) has one layout on arm64 and x86-64
 * (tests/unit/test-conv-files.c checks it against the arm64 headers), so
 * the host fills a bounce copy that goes back through uaccess; only the
 * O_* bits in open_how.flags are converted. Calls that only read the file
 * system (statfs, statx) look an absolute path up under the -L prefix
 * first, like stat in sys-fs.c; calls that change it use the path as given.
 * statx, statfs and openat2 go through the same linux-user/procfs.h hooks
 * as stat and openat, so /proc/self/exe and the emulated /proc files answer
 * for the guest there too.
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/procfs.h"
#include "linux-user/uaccess.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

_Static_assert(sizeof(struct statfs) == 120, "struct statfs differs from arm64's");
_Static_assert(sizeof(struct statx) == 256, "struct statx differs from arm64's");
_Static_assert(sizeof(struct open_how) == 24, "struct open_how differs from arm64's");

/* -- Creating names ------------------------------------------------------------ */

/* The device number is the kernel's 32-bit new_encode_dev() form on both ABIs. */
int64_t sys_mknodat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], false, &err);

    if (!path) {
        return err;
    }
    return host_ret(syscall(SYS_mknodat, arg_int(c, 0), path, (unsigned)arg_int(c, 2),
                            (unsigned)arg_int(c, 3)));
}

/* The target is link contents, not a lookup: it is stored as given. */
int64_t sys_symlinkat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *target = syscall_get_path(c->arg[0], false, &err);
    g_autofree char *path = target ? syscall_get_path(c->arg[2], false, &err) : NULL;

    if (!path) {
        return err;
    }
    return host_ret(symlinkat(target, arg_int(c, 1), path));
}

int64_t sys_linkat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *from = syscall_get_path(c->arg[1], false, &err);
    g_autofree char *to = from ? syscall_get_path(c->arg[3], false, &err) : NULL;

    if (!to) {
        return err;
    }
    return host_ret(linkat(arg_int(c, 0), from, arg_int(c, 2), to, arg_int(c, 4)));
}

/* RENAME_NOREPLACE/EXCHANGE/WHITEOUT have the same values everywhere. */
int64_t sys_renameat2(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *from = syscall_get_path(c->arg[1], false, &err);
    g_autofree char *to = from ? syscall_get_path(c->arg[3], false, &err) : NULL;

    if (!to) {
        return err;
    }
    return host_ret(syscall(SYS_renameat2, arg_int(c, 0), from, arg_int(c, 2), to,
                            (unsigned)arg_int(c, 4)));
}

/* -- Owners, modes, times, sizes -------------------------------------------------- */

/* fchmodat(2) has no flags argument in the kernel; glibc emulates them. */
int64_t sys_fchmodat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], false, &err);

    if (!path) {
        return err;
    }
    return host_ret(syscall(SYS_fchmodat, arg_int(c, 0), path, (mode_t)arg_int(c, 2)));
}

/* uid/gid -1 ("leave as is") is the 32-bit all-ones value on both sides. */
int64_t sys_fchownat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], false, &err);

    if (!path) {
        return err;
    }
    return host_ret(syscall(SYS_fchownat, arg_int(c, 0), path, (uid_t)arg_int(c, 2),
                            (gid_t)arg_int(c, 3), arg_int(c, 4)));
}

/*
 * utimensat: a NULL path means the file @dirfd itself (futimens), a NULL
 * times array means "now"; otherwise two struct timespec (UTIME_NOW and
 * UTIME_OMIT are the same magic tv_nsec values on both ABIs).
 */
int64_t sys_utimensat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = NULL;
    struct timespec ts[2];

    if (c->arg[1]) {
        path = syscall_get_path(c->arg[1], false, &err);
        if (!path) {
            return err;
        }
    }
    if (c->arg[2] && uaccess_read(ts, c->arg[2], sizeof(ts))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_utimensat, arg_int(c, 0), path,
                            c->arg[2] ? ts : NULL, arg_int(c, 3)));
}

int64_t sys_truncate(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[0], false, &err);

    return path ? host_ret(truncate(path, (off_t)c->arg[1])) : err;
}

/* -- statfs and statx -------------------------------------------------------------- */

int64_t sys_statfs(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[0], true, &err);
    struct statfs st;

    if (!path) {
        return err;
    }
    procfs_redirect(&path, false);
    if (statfs(path, &st) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &st, sizeof(st)) ? -EFAULT : 0;
}

/*
 * statx: the path may be "" with AT_EMPTY_PATH, or (Linux 6.11) NULL with
 * it; a NULL path is passed on as NULL for the host kernel to judge.
 */
int64_t sys_statx(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = NULL;
    struct statx stx;

    if (c->arg[1]) {
        path = syscall_get_path(c->arg[1], true, &err);
        if (!path) {
            return err;
        }
        procfs_redirect(&path, arg_int(c, 2) & AT_SYMLINK_NOFOLLOW);
    }
    memset(&stx, 0, sizeof(stx));
    if (syscall(SYS_statx, arg_int(c, 0), path, arg_int(c, 2), (unsigned)arg_int(c, 3),
                &stx) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[4], &stx, sizeof(stx)) ? -EFAULT : 0;
}

/* -- openat2 ----------------------------------------------------------------------- */

/*
 * openat2(dirfd, path, how, size): struct open_how is versioned by @size;
 * the kernel takes sizes from OPEN_HOW_SIZE_VER0 to a page and refuses
 * unknown non-zero tail bytes with E2BIG. We copy what the guest gave,
 * convert the flags word, and let the host judge the rest.
 */
#define OPEN_HOW_SIZE_VER0 24

int64_t sys_openat2(SyscallCall *c)
{
    uint64_t size = c->arg[3];
    int64_t err = 0;
    g_autofree char *path = NULL;
    g_autofree uint8_t *how = NULL;
    struct open_how head;

    if (size < OPEN_HOW_SIZE_VER0) {
        return -EINVAL;
    }
    if (size > GUEST_PAGE_SIZE) {
        return -E2BIG;
    }
    how = g_malloc(size);
    if (uaccess_read(how, c->arg[2], size)) {
        return -EFAULT;
    }
    memcpy(&head, how, sizeof(head));
    if (head.flags >> 32) {
        return -EINVAL;         /* as the kernel: flags beyond 32 bits */
    }
    head.flags = (uint32_t)conv_open_flags_from_guest((int)head.flags);
    memcpy(how, &head, sizeof(head));
    path = syscall_get_path(c->arg[1], true, &err);
    if (!path) {
        return err;
    }
    if (procfs_open(path, (int)head.flags, &err)) {
        return err;
    }
    return host_ret(syscall(SYS_openat2, arg_int(c, 0), path, how, (size_t)size));
}

/* -- Mounts ---------------------------------------------------------------------------- */

/* A string argument that may be NULL: *@out is NULL then. */
static bool get_opt_string(GuestAddr a, char **out, int64_t *err)
{
    *out = NULL;
    if (!a) {
        return true;
    }
    *out = syscall_get_path(a, false, err);
    return *out != NULL;
}

/*
 * mount(2) passes through (without the capability the host refuses it, as
 * the guest's kernel would). The data argument is a page the kernel copies
 * and interprets per file system, usually an option string: the host reads
 * it in place.
 */
int64_t sys_mount(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *source = NULL, *target = NULL, *fstype = NULL;
    void *data = NULL;

    if (!get_opt_string(c->arg[0], &source, &err) ||
        !(target = syscall_get_path(c->arg[1], false, &err)) ||
        !get_opt_string(c->arg[2], &fstype, &err)) {
        return err;
    }
    if (c->arg[4]) {
        data = uaccess_host_ptr(c->arg[4], 1, PROT_READ);
        if (!data) {
            return -EFAULT;
        }
    }
    return host_ret(syscall(SYS_mount, source, target, fstype, (unsigned long)c->arg[3],
                            data));
}

int64_t sys_umount2(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *target = syscall_get_path(c->arg[0], false, &err);

    return target ? host_ret(syscall(SYS_umount2, target, arg_int(c, 1))) : err;
}

int64_t sys_pivot_root(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *new_root = syscall_get_path(c->arg[0], false, &err);
    g_autofree char *put_old = new_root ? syscall_get_path(c->arg[1], false, &err) : NULL;

    if (!put_old) {
        return err;
    }
    return host_ret(syscall(SYS_pivot_root, new_root, put_old));
}

/* -- quotactl ----------------------------------------------------------------------------- */

/*
 * The generic VFS quota commands (QCMD(cmd, type), linux/quota.h). Their
 * structs (if_dqblk, if_dqinfo, the format id) are fixed-width and laid
 * out alike on both ABIs; the XFS Q_X* commands are not handled (-EINVAL
 * and a -d unimp line).
 */
#define GUEST_Q_SYNC     0x800001
#define GUEST_Q_QUOTAON  0x800002
#define GUEST_Q_QUOTAOFF 0x800003
#define GUEST_Q_GETFMT   0x800004
#define GUEST_Q_GETINFO  0x800005
#define GUEST_Q_SETINFO  0x800006
#define GUEST_Q_GETQUOTA 0x800007
#define GUEST_Q_SETQUOTA 0x800008
#define GUEST_Q_GETNEXTQUOTA 0x800009

#define IF_DQBLK_SIZE       72      /* 8 x u64 + u32 valid, padded */
#define IF_NEXTDQBLK_SIZE   72      /* if_dqblk with a u32 id before dqb_valid */
#define IF_DQINFO_SIZE      24      /* 2 x u64 + 2 x u32 */

int64_t sys_quotactl(SyscallCall *c)
{
    int cmd = arg_int(c, 0);
    int64_t err = 0;
    g_autofree char *special = NULL, *qfile = NULL;
    uint8_t buf[IF_NEXTDQBLK_SIZE];
    size_t in = 0, out = 0;
    void *addr = NULL;
    int64_t ret;

    switch ((unsigned)cmd >> 8) {
    case GUEST_Q_SYNC: case GUEST_Q_QUOTAOFF:
        break;
    case GUEST_Q_QUOTAON:       /* addr is the quota file's path */
        break;
    case GUEST_Q_GETFMT:
        out = 4;
        break;
    case GUEST_Q_GETINFO:
        out = IF_DQINFO_SIZE;
        break;
    case GUEST_Q_SETINFO:
        in = IF_DQINFO_SIZE;
        break;
    case GUEST_Q_GETQUOTA:
        out = IF_DQBLK_SIZE;
        break;
    case GUEST_Q_GETNEXTQUOTA:
        out = IF_NEXTDQBLK_SIZE;
        break;
    case GUEST_Q_SETQUOTA:
        in = IF_DQBLK_SIZE;
        break;
    default:
        syscall_log_unimp("Unsupported quotactl cmd: 0x%x", (unsigned)cmd);
        return -EINVAL;
    }
    if (c->arg[1] && !(special = syscall_get_path(c->arg[1], false, &err))) {
        return err;
    }
    if (((unsigned)cmd >> 8) == GUEST_Q_QUOTAON) {
        if (!get_opt_string(c->arg[3], &qfile, &err)) {
            return err;
        }
        addr = qfile;
    } else if (in || out) {
        memset(buf, 0, sizeof(buf));
        if (in && uaccess_read(buf, c->arg[3], in)) {
            return -EFAULT;
        }
        addr = buf;
    }
    ret = host_ret(syscall(SYS_quotactl, cmd, special, arg_int(c, 2), addr));
    if (ret >= 0 && out && uaccess_write(c->arg[3], buf, out)) {
        return -EFAULT;
    }
    return ret;
}
