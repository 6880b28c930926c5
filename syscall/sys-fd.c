// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-fd.c: calls on an open file descriptor beyond plain reading and
 * writing: preadv2/pwritev2, size and mode (ftruncate, fallocate, fchmod,
 * fchown, fstatfs), syncing, flock, fadvise64/readahead, ioprio,
 * close_range, memfd_create, the in-kernel copies (sendfile,
 * copy_file_range, splice, tee, vmsplice), inotify and fanotify, and file
 * handles.
 *
 * Guest fds are host fds, so almost everything passes through. What the
 * guest points at is copied through uaccess: the loff_t offsets of the
 * copy calls are read before and written back after, as the kernel does,
 * and a bad pointer gives -EFAULT. inotify and fanotify events are read
 * with read(2) and have one layout on both ABIs.
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/uaccess.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

/* -- preadv2 and pwritev2 ------------------------------------------------------- */

/*
 * (fd, iov, iovcnt, pos_l, pos_h, flags): on a 64-bit ABI pos_l is the whole
 * offset, and -1 means the file position (as readv/writev). RWF_* flags are
 * the same everywhere.
 */
static int64_t rw_v2(SyscallCall *c, bool is_write)
{
    struct iovec iov[GUEST_IOV_MAX];
    int err = conv_iovec_from_guest(iov, c->arg[1], c->arg[2],
                                    is_write ? PROT_READ : PROT_WRITE);

    if (err) {
        return err;
    }
    return host_ret(syscall(is_write ? SYS_pwritev2 : SYS_preadv2, arg_int(c, 0), iov,
                            (int)c->arg[2], (long)c->arg[3], 0L, arg_int(c, 5)));
}

int64_t sys_preadv2(SyscallCall *c)
{
    return rw_v2(c, false);
}

int64_t sys_pwritev2(SyscallCall *c)
{
    return rw_v2(c, true);
}

/* -- Size, mode, owner ------------------------------------------------------------ */

int64_t sys_ftruncate(SyscallCall *c)
{
    return host_ret(ftruncate(arg_int(c, 0), (off_t)c->arg[1]));
}

/* FALLOC_FL_* are the same everywhere. */
int64_t sys_fallocate(SyscallCall *c)
{
    return host_ret(syscall(SYS_fallocate, arg_int(c, 0), arg_int(c, 1),
                            (off_t)c->arg[2], (off_t)c->arg[3]));
}

int64_t sys_fchmod(SyscallCall *c)
{
    return host_ret(fchmod(arg_int(c, 0), (mode_t)arg_int(c, 1)));
}

int64_t sys_fchown(SyscallCall *c)
{
    return host_ret(syscall(SYS_fchown, arg_int(c, 0), (uid_t)arg_int(c, 1),
                            (gid_t)arg_int(c, 2)));
}

/* struct statfs: same layout on both ABIs (sys-fs-at.c checks it). */
int64_t sys_fstatfs(SyscallCall *c)
{
    struct statfs st;

    if (fstatfs(arg_int(c, 0), &st) < 0) {
        return -errno;
    }
    return uaccess_write(c->arg[1], &st, sizeof(st)) ? -EFAULT : 0;
}

/* -- Syncing and locking ------------------------------------------------------------ */

int64_t sys_sync(SyscallCall *c)
{
    (void)c;
    sync();
    return 0;
}

int64_t sys_fsync(SyscallCall *c)
{
    return host_ret(fsync(arg_int(c, 0)));
}

int64_t sys_fdatasync(SyscallCall *c)
{
    return host_ret(fdatasync(arg_int(c, 0)));
}

int64_t sys_syncfs(SyscallCall *c)
{
    return host_ret(syscall(SYS_syncfs, arg_int(c, 0)));
}

/* arm64 has the plain argument order (fd, offset, nbytes, flags). */
int64_t sys_sync_file_range(SyscallCall *c)
{
    return host_ret(syscall(SYS_sync_file_range, arg_int(c, 0), (off_t)c->arg[1],
                            (off_t)c->arg[2], (unsigned)arg_int(c, 3)));
}

/* LOCK_SH/EX/NB/UN are the same everywhere. */
int64_t sys_flock(SyscallCall *c)
{
    return host_ret(flock(arg_int(c, 0), arg_int(c, 1)));
}

/* POSIX_FADV_* are the generic values on both (only s390 differs). */
int64_t sys_fadvise64(SyscallCall *c)
{
    return host_ret(syscall(SYS_fadvise64, arg_int(c, 0), (off_t)c->arg[1],
                            (off_t)c->arg[2], arg_int(c, 3)));
}

int64_t sys_readahead(SyscallCall *c)
{
    return host_ret(syscall(SYS_readahead, arg_int(c, 0), (off_t)c->arg[1],
                            (size_t)c->arg[2]));
}

/* ioprio_set(which, who, ioprio), ioprio_get(which, who): ids are host ids. */
int64_t sys_ioprio_set(SyscallCall *c)
{
    return host_ret(syscall(SYS_ioprio_set, arg_int(c, 0), arg_int(c, 1), arg_int(c, 2)));
}

int64_t sys_ioprio_get(SyscallCall *c)
{
    return host_ret(syscall(SYS_ioprio_get, arg_int(c, 0), arg_int(c, 1)));
}

/*
 * close_range(first, last, flags): passes through. The emulator's own fds
 * (a -D log file) are the guest's to close, as under qemu-aarch64.
 */
int64_t sys_close_range(SyscallCall *c)
{
    return host_ret(syscall(SYS_close_range, (unsigned)arg_int(c, 0),
                            (unsigned)arg_int(c, 1), (unsigned)arg_int(c, 2)));
}

/* MFD_CLOEXEC/ALLOW_SEALING/HUGETLB/NOEXEC_SEAL/EXEC: generic values. */
int64_t sys_memfd_create(SyscallCall *c)
{
    int e = -EFAULT;
    /* The kernel takes names up to 249 bytes (NAME_MAX - "memfd:"). */
    g_autofree char *name = uaccess_strdup(c->arg[0], GUEST_PATH_MAX - 1, &e);

    if (!name) {
        return e == -ENAMETOOLONG ? -EINVAL : e;
    }
    return host_ret(syscall(SYS_memfd_create, name, (unsigned)arg_int(c, 1)));
}

/* -- In-kernel copies ---------------------------------------------------------------- */

/* An optional loff_t: read it when @a is not NULL; *@p is NULL otherwise. */
static int offset_in(GuestAddr a, int64_t *val, int64_t **p)
{
    *p = NULL;
    if (!a) {
        return 0;
    }
    if (uaccess_read(val, a, sizeof(*val))) {
        return -EFAULT;
    }
    *p = val;
    return 0;
}

/* After the call: the updated offset back to the guest, -EFAULT if it cannot go. */
static int64_t offset_out(int64_t ret, GuestAddr a, const int64_t *val)
{
    if (ret >= 0 && a && uaccess_write(a, val, sizeof(*val))) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_sendfile(SyscallCall *c)
{
    int64_t off, *poff, ret;

    if (offset_in(c->arg[2], &off, &poff)) {
        return -EFAULT;
    }
    ret = host_ret(syscall(SYS_sendfile, arg_int(c, 0), arg_int(c, 1), poff,
                           (size_t)c->arg[3]));
    return offset_out(ret, c->arg[2], &off);
}

int64_t sys_copy_file_range(SyscallCall *c)
{
    int64_t off_in, off_out, *pin, *pout, ret;

    if (offset_in(c->arg[1], &off_in, &pin) || offset_in(c->arg[3], &off_out, &pout)) {
        return -EFAULT;
    }
    ret = host_ret(syscall(SYS_copy_file_range, arg_int(c, 0), pin, arg_int(c, 2), pout,
                           (size_t)c->arg[4], (unsigned)arg_int(c, 5)));
    ret = offset_out(ret, c->arg[1], &off_in);
    return offset_out(ret, c->arg[3], &off_out);
}

/* SPLICE_F_* are the same everywhere. */
int64_t sys_splice(SyscallCall *c)
{
    int64_t off_in, off_out, *pin, *pout, ret;

    if (offset_in(c->arg[1], &off_in, &pin) || offset_in(c->arg[3], &off_out, &pout)) {
        return -EFAULT;
    }
    ret = host_ret(syscall(SYS_splice, arg_int(c, 0), pin, arg_int(c, 2), pout,
                           (size_t)c->arg[4], (unsigned)arg_int(c, 5)));
    ret = offset_out(ret, c->arg[1], &off_in);
    return offset_out(ret, c->arg[3], &off_out);
}

int64_t sys_tee(SyscallCall *c)
{
    return host_ret(syscall(SYS_tee, arg_int(c, 0), arg_int(c, 1), (size_t)c->arg[2],
                            (unsigned)arg_int(c, 3)));
}

/*
 * vmsplice: into a pipe's write end the kernel reads the guest's buffers
 * (referencing the pages, as natively); from a read end it writes them.
 * The buffers are checked for the access the direction needs.
 */
int64_t sys_vmsplice(SyscallCall *c)
{
    int fd = arg_int(c, 0);
    struct iovec iov[GUEST_IOV_MAX];
    int fl = fcntl(fd, F_GETFL);
    int err;

    if (fl < 0) {
        return -errno;
    }
    err = conv_iovec_from_guest(iov, c->arg[1], c->arg[2],
                                (fl & O_ACCMODE) == O_RDONLY ? PROT_WRITE : PROT_READ);
    if (err) {
        return err;
    }
    return host_ret(syscall(SYS_vmsplice, fd, iov, (unsigned long)c->arg[2],
                            (unsigned)arg_int(c, 3)));
}

/* -- inotify and fanotify -------------------------------------------------------------- */

/* IN_CLOEXEC/IN_NONBLOCK are O_CLOEXEC/O_NONBLOCK, which both ABIs share. */
int64_t sys_inotify_init1(SyscallCall *c)
{
    return host_ret(syscall(SYS_inotify_init1, arg_int(c, 0)));
}

int64_t sys_inotify_add_watch(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], true, &err);

    if (!path) {
        return err;
    }
    return host_ret(syscall(SYS_inotify_add_watch, arg_int(c, 0), path,
                            (uint32_t)c->arg[2]));
}

int64_t sys_inotify_rm_watch(SyscallCall *c)
{
    return host_ret(syscall(SYS_inotify_rm_watch, arg_int(c, 0), arg_int(c, 1)));
}

/* event_f_flags are the open flags of the fds that events carry: converted. */
int64_t sys_fanotify_init(SyscallCall *c)
{
    return host_ret(syscall(SYS_fanotify_init, (unsigned)arg_int(c, 0),
                            (unsigned)conv_open_flags_from_guest(arg_int(c, 1))));
}

/* The path may be NULL (the mark is on @dirfd itself). */
int64_t sys_fanotify_mark(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = NULL;

    if (c->arg[4] && !(path = syscall_get_path(c->arg[4], true, &err))) {
        return err;
    }
    return host_ret(syscall(SYS_fanotify_mark, arg_int(c, 0), (unsigned)arg_int(c, 1),
                            (uint64_t)c->arg[2], arg_int(c, 3), path));
}

/* -- File handles ------------------------------------------------------------------------- */

/*
 * struct file_handle: u32 handle_bytes, int handle_type, then handle_bytes
 * opaque bytes (at most MAX_HANDLE_SZ), the same on both ABIs.
 */
#define GUEST_MAX_HANDLE_SZ 128
#define GUEST_AT_HANDLE_MNT_ID_UNIQUE 0x001
#define FILE_HANDLE_HEAD    8

typedef struct HandleBuf {
    uint32_t handle_bytes;
    int32_t handle_type;
    uint8_t f_handle[GUEST_MAX_HANDLE_SZ];
} HandleBuf;

int64_t sys_name_to_handle_at(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], true, &err);
    HandleBuf h;
    uint32_t asked;
    uint64_t mount_id = 0;      /* an int, or a u64 with AT_HANDLE_MNT_ID_UNIQUE */
    size_t id_size = arg_int(c, 4) & GUEST_AT_HANDLE_MNT_ID_UNIQUE ? 8 : 4;
    int64_t ret;

    if (!path) {
        return err;
    }
    if (uaccess_read(&h, c->arg[2], FILE_HANDLE_HEAD)) {
        return -EFAULT;
    }
    if (h.handle_bytes > GUEST_MAX_HANDLE_SZ) {
        return -EINVAL;
    }
    asked = h.handle_bytes;
    ret = host_ret(syscall(SYS_name_to_handle_at, arg_int(c, 0), path, &h, &mount_id,
                           arg_int(c, 4)));
    if (ret < 0 && ret != -EOVERFLOW) {
        return ret;
    }
    /* As the kernel: on EOVERFLOW only the header, with the size it needs. */
    if (uaccess_write(c->arg[3], &mount_id, id_size) ||
        uaccess_write(c->arg[2], &h,
                      FILE_HANDLE_HEAD + (ret < 0 ? 0 : MIN(h.handle_bytes, asked)))) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_open_by_handle_at(SyscallCall *c)
{
    HandleBuf h;

    if (uaccess_read(&h, c->arg[1], FILE_HANDLE_HEAD)) {
        return -EFAULT;
    }
    if (h.handle_bytes == 0 || h.handle_bytes > GUEST_MAX_HANDLE_SZ) {
        return -EINVAL;
    }
    if (uaccess_read(h.f_handle, c->arg[1] + FILE_HANDLE_HEAD, h.handle_bytes)) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_open_by_handle_at, arg_int(c, 0), &h,
                            conv_open_flags_from_guest(arg_int(c, 2))));
}
