// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sys-file.c: file descriptors: open/close, read/write and their vector and
 * positional forms, lseek, dup, pipe2, fcntl.
 *
 * Guest fds are host fds. Data buffers are used in place (the guest's
 * memory is host memory at g2h()), after uaccess has checked that the whole
 * buffer is mapped with the protection the kernel would need; a buffer that
 * is not gives -EFAULT, as from qemu-aarch64. Only open flags need
 * converting (conv-misc.c); struct flock is the same on both ABIs.
 */
#include "syscall.h"
#include "conv.h"
#include "linux-user/procfs.h"
#include "linux-user/uaccess.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The fcntl commands below use the generic numbers on both sides. */
_Static_assert(F_GETLK == 5 && F_SETLK == 6 && F_SETLKW == 7 && F_OFD_GETLK == 36 &&
               F_DUPFD_CLOEXEC == 1030 && F_GETPIPE_SZ == 1032,
               "host fcntl commands differ from the generic ones");
_Static_assert(sizeof(struct flock) == 32, "struct flock differs from arm64's");
_Static_assert(F_SETOWN_EX == 15 && F_GETOWN_EX == 16 && F_GET_RW_HINT == 1035 &&
               sizeof(struct f_owner_ex) == 8, "host F_*OWN_EX differ from arm64's");

/* -- Open and close ---------------------------------------------------------- */

int64_t sys_openat(SyscallCall *c)
{
    int64_t err = 0;
    g_autofree char *path = syscall_get_path(c->arg[1], true, &err);

    if (!path) {
        return err;
    }
    if (procfs_open(path, conv_open_flags_from_guest(arg_int(c, 2)), &err)) {
        return err;             /* /proc/self/maps and friends: the guest's view */
    }
    return host_ret(syscall(SYS_openat, arg_int(c, 0), path,
                            conv_open_flags_from_guest(arg_int(c, 2)),
                            arg_int(c, 3)));
}

int64_t sys_close(SyscallCall *c)
{
    return host_ret(close(arg_int(c, 0)));
}

int64_t sys_lseek(SyscallCall *c)
{
    return host_ret(lseek(arg_int(c, 0), (off_t)c->arg[1], arg_int(c, 2)));
}

/* -- Read and write -------------------------------------------------------- */

int64_t sys_read(SyscallCall *c)
{
    void *buf = uaccess_host_ptr(c->arg[1], c->arg[2], PROT_WRITE);

    return buf ? host_ret(read(arg_int(c, 0), buf, c->arg[2])) : -EFAULT;
}

int64_t sys_write(SyscallCall *c)
{
    const void *buf = uaccess_host_ptr(c->arg[1], c->arg[2], PROT_READ);

    return buf ? host_ret(write(arg_int(c, 0), buf, c->arg[2])) : -EFAULT;
}

int64_t sys_pread64(SyscallCall *c)
{
    void *buf = uaccess_host_ptr(c->arg[1], c->arg[2], PROT_WRITE);

    if (!buf) {
        return -EFAULT;
    }
    return host_ret(pread(arg_int(c, 0), buf, c->arg[2], (off_t)c->arg[3]));
}

int64_t sys_pwrite64(SyscallCall *c)
{
    const void *buf = uaccess_host_ptr(c->arg[1], c->arg[2], PROT_READ);

    if (!buf) {
        return -EFAULT;
    }
    return host_ret(pwrite(arg_int(c, 0), buf, c->arg[2], (off_t)c->arg[3]));
}

/*
 * Vector forms. preadv/pwritev split the offset into low and high words for
 * 32-bit ABIs; on a 64-bit one the low word is the whole offset and the
 * kernel ignores the high one.
 */
int64_t sys_readv(SyscallCall *c)
{
    struct iovec iov[GUEST_IOV_MAX];
    int err = conv_iovec_from_guest(iov, c->arg[1], c->arg[2], PROT_WRITE);

    return err ? err : host_ret(readv(arg_int(c, 0), iov, (int)c->arg[2]));
}

int64_t sys_writev(SyscallCall *c)
{
    struct iovec iov[GUEST_IOV_MAX];
    int err = conv_iovec_from_guest(iov, c->arg[1], c->arg[2], PROT_READ);

    return err ? err : host_ret(writev(arg_int(c, 0), iov, (int)c->arg[2]));
}

int64_t sys_preadv(SyscallCall *c)
{
    struct iovec iov[GUEST_IOV_MAX];
    int err = conv_iovec_from_guest(iov, c->arg[1], c->arg[2], PROT_WRITE);

    if (err) {
        return err;
    }
    return host_ret(preadv(arg_int(c, 0), iov, (int)c->arg[2], (off_t)c->arg[3]));
}

int64_t sys_pwritev(SyscallCall *c)
{
    struct iovec iov[GUEST_IOV_MAX];
    int err = conv_iovec_from_guest(iov, c->arg[1], c->arg[2], PROT_READ);

    if (err) {
        return err;
    }
    return host_ret(pwritev(arg_int(c, 0), iov, (int)c->arg[2], (off_t)c->arg[3]));
}

/* -- Duplicating and piping ----------------------------------------------- */

int64_t sys_dup(SyscallCall *c)
{
    return host_ret(dup(arg_int(c, 0)));
}

int64_t sys_dup3(SyscallCall *c)
{
    return host_ret(dup3(arg_int(c, 0), arg_int(c, 1),
                         conv_open_flags_from_guest(arg_int(c, 2))));
}

int64_t sys_pipe2(SyscallCall *c)
{
    int fds[2];

    if (pipe2(fds, conv_open_flags_from_guest(arg_int(c, 1))) < 0) {
        return -errno;
    }
    return syscall_give_fd_pair(c->arg[0], fds);
}

int64_t syscall_give_fd_pair(GuestAddr a, const int fds[2])
{
    if (uaccess_write(a, fds, 2 * sizeof(int))) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

/* -- fcntl --------------------------------------------------------------------- */

/* Record locks: struct flock in and (for the GETLK forms) out. */
static int64_t fcntl_lock(SyscallCall *c, int cmd)
{
    struct flock fl;
    int64_t ret;

    if (uaccess_read(&fl, c->arg[2], sizeof(fl))) {
        return -EFAULT;
    }
    ret = host_ret(syscall(SYS_fcntl, arg_int(c, 0), cmd, &fl));
    if (ret >= 0 && (cmd == F_GETLK || cmd == F_OFD_GETLK) &&
        uaccess_write(c->arg[2], &fl, sizeof(fl))) {
        return -EFAULT;
    }
    return ret;
}

/*
 * A small struct the same on both ABIs (struct f_owner_ex, a u64 hint):
 * read from the guest for a set, written back after a get.
 */
static int64_t fcntl_struct(SyscallCall *c, int cmd, size_t size, bool get)
{
    uint64_t buf[2] = { 0, 0 };
    int64_t ret;

    if (!get && uaccess_read(buf, c->arg[2], size)) {
        return -EFAULT;
    }
    ret = host_ret(syscall(SYS_fcntl, arg_int(c, 0), cmd, buf));
    if (ret >= 0 && get && uaccess_write(c->arg[2], buf, size)) {
        return -EFAULT;
    }
    return ret;
}

int64_t sys_fcntl(SyscallCall *c)
{
    int fd = arg_int(c, 0), cmd = arg_int(c, 1);
    int64_t ret;

    switch (cmd) {
    case F_GETFL:
        ret = host_ret(syscall(SYS_fcntl, fd, cmd));
        return ret < 0 ? ret : conv_open_flags_to_guest((int)ret);
    case F_SETFL:
        return host_ret(syscall(SYS_fcntl, fd, cmd,
                                conv_open_flags_from_guest(arg_int(c, 2))));
    case F_GETLK: case F_SETLK: case F_SETLKW:
    case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
        return fcntl_lock(c, cmd);
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_GETFD: case F_SETFD:
    case F_GETOWN: case F_SETOWN: case F_GETSIG: case F_SETSIG:
    case F_GETLEASE: case F_SETLEASE: case F_NOTIFY:
    case F_GETPIPE_SZ: case F_SETPIPE_SZ: case F_ADD_SEALS: case F_GET_SEALS:
        /* An int (or nothing) that means the same on both sides. */
        return host_ret(syscall(SYS_fcntl, fd, cmd, (long)arg_int(c, 2)));
    case F_GETOWN_EX: case F_SETOWN_EX:
        /* glibc's F_GETOWN is F_GETOWN_EX underneath (negative pgrp ids). */
        return fcntl_struct(c, cmd, sizeof(struct f_owner_ex), cmd == F_GETOWN_EX);
    case F_GET_RW_HINT: case F_SET_RW_HINT:
        return fcntl_struct(c, cmd, sizeof(uint64_t), cmd == F_GET_RW_HINT);
    default:
        syscall_log_unimp("Unsupported fcntl cmd: %d", cmd);
        return -EINVAL;
    }
}
